/**
 * The family of evaluation forms with collected data items (docs/form-families.md):
 * `一级指标 | 权重 | 二级指标 | 分值 | 三级指标 | 计量单位 | 目标值（标准） | 分值 |
 * 采集数据项 (数据项1 | 数据项2) | 指标值`, a two-row header repeated before each level-1 block.
 * Recognising the layout and reading its rows; the value of a row is worked out in
 * item-ratio.ts, the scoring is the indicator engine's. Pure; never throws.
 */
import { a1 } from "../../basics/address";
import { CellValue, Grid, cellText, filledCount, isBlank } from "../../basics/grid";
import { displayText, normalizeText } from "../../basics/normalize-text";
import { formatQuantity, parseQuantity } from "../../basics/quantity";
import { MAX_HEADER_ROWS } from "../../basics/tuning";
import { roundHalfUp } from "../../basics/decimal";
import { Message, msg } from "../../basics/messages";
import { parseExpression } from "../../indicators/target-expression";
import { DATA_ITEM_HEADER_WORDS, TOTAL_ROW_WORDS, headerPattern, wordsPattern } from "../../basics/vocabulary";
import { ComputedValue, FOOTER_RE, InputCell, IndicatorInput, joinParts } from "../indicator-rows";
import { DataItem, ItemReading, RatioOutcome, itemRatio, readItem } from "./item-ratio";
import { OWN_HEADER_PREFIX } from "../table-finder";
import { pointsOrWeightInName } from "../level-points";

export type DataItemRole =
  | "level1"
  | "weight"
  | "level2"
  | "level2Points"
  | "name"
  | "unit"
  | "target"
  | "points"
  | "item1"
  | "item2"
  | "value"
  | "score"
  | "reason";

export type DataItemColumns = Partial<Record<DataItemRole, number>>;

export interface DataItemLayout {
  /** 0-based grid index of the first header row */
  headerTop: number;
  /** 0-based grid index of the last header row (the 数据项1 | 数据项2 row of a two-row header) */
  headerIndex: number;
  columns: DataItemColumns;
  /** first own result column from an earlier run, 0-based, or null */
  ownColumn: number | null;
  /** rightmost 0-based input column */
  lastColumn: number;
  /** what the item columns' headers say they hold (`数据项1（结余数）` → 结余数), "" when nothing */
  itemLabels: [string, string];
}

const WORD_PATTERNS = DATA_ITEM_HEADER_WORDS.map(([word, words]) => [word, headerPattern(words)] as const);

/** A header cell's key: normalised, lower case, bracketed notes (（标准）, (A)) removed. */
function key(v: CellValue): string {
  const s = normalizeText(cellText(v)).toLowerCase();
  const stripped = s.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "");
  return stripped === "" ? s : stripped;
}

type HeaderWord = DataItemRole | "items" | "points?";

/** What a header cell names (docs/form-families.md); 分值 is placed by its neighbours (points?). */
function headerWord(v: CellValue): HeaderWord | null {
  const text = cellText(v);
  if (text.startsWith(OWN_HEADER_PREFIX)) return null;
  const k = key(v);
  if (k === "" || k.length > 20) return null;
  for (const [word, re] of WORD_PATTERNS) if (re.test(k)) return word === "points" ? "points?" : word;
  return null;
}

/** Map one header row (with the row below for the items' sub-header). */
function mapHeader(top: CellValue[], below: CellValue[] | undefined): { columns: DataItemColumns; hits: number; twoRows: boolean } {
  const columns: DataItemColumns = {};
  let hits = 0;
  let twoRows = false;
  const width = Math.max(top.length, below?.length ?? 0);
  let lastLevel: "level1" | "level2" | "name" | null = null;
  const set = (role: DataItemRole, c: number) => {
    if (columns[role] !== undefined) return;
    columns[role] = c;
    hits++;
  };
  for (let c = 0; c < width; c++) {
    let w = headerWord(top[c]);
    const under = below ? headerWord(below[c]) : null;
    // two-row header: a blank or merged title cell (采集数据项) takes the word below it (数据项1, 指标值)
    if ((w === null || w === "items") && under !== null && under !== "items") {
      w = under;
      twoRows = true;
    }
    if (w === null || w === "items") continue;
    if (w === "points?" || (w === "weight" && (lastLevel === "level2" || lastLevel === "name"))) {
      // a 分值 (or 权重) belongs to the column of names on its left: a level's points, or the row's
      if (lastLevel === "level1" || lastLevel === null) set(columns.weight === undefined ? "weight" : "points", c);
      else if (lastLevel === "level2") set("level2Points", c);
      else set("points", c);
      continue;
    }
    if (w === "level1" || w === "level2" || w === "name") lastLevel = w;
    // 指标值 before the items is the target column of forms that call it so
    if (w === "value" && columns.item1 === undefined && columns.target === undefined) w = "target";
    // a second column of names after the items (指标, with 三级指标 already read) is the items' value column
    if (w === "name" && columns.name !== undefined && (columns.item1 !== undefined || columns.item2 !== undefined)) w = "value";
    set(w, c);
  }
  // no 三级指标: the lowest level names the rows, and its 分值 is the rows' points
  if (columns.name === undefined && columns.points === undefined) {
    if (columns.level2 !== undefined && columns.level2Points !== undefined) {
      columns.points = columns.level2Points;
      delete columns.level2Points;
    }
  }
  return { columns, hits, twoRows };
}

/** How sure the family is that the grid is one of its forms, and its layout. */
export interface DataItemRecognition {
  confidence: number;
  layout: DataItemLayout;
}

/**
 * Recognise the family: a header with two item columns (数据项1 | 数据项2, under 采集数据项 or
 * on their own) beside a column of indicator names, in the first rows of the sheet.
 */
export function recogniseDataItems(grid: Grid): DataItemRecognition | null {
  const rows = grid.values;
  const limit = Math.min(rows.length, MAX_HEADER_ROWS);
  for (let i = 0; i < limit; i++) {
    const { columns, hits, twoRows } = mapHeader(rows[i] ?? [], rows[i + 1]);
    if (columns.item1 === undefined || columns.item2 === undefined) continue;
    if (columns.name === undefined && columns.level2 === undefined && columns.level1 === undefined) continue;
    if (columns.name === undefined) columns.name = columns.level2 ?? columns.level1;
    const headerIndex = twoRows ? i + 1 : i;
    const header = rows[i] ?? [];
    let ownColumn: number | null = null;
    for (const line of [header, rows[headerIndex] ?? []]) {
      for (let c = 0; c < line.length; c++) {
        if (cellText(line[c]).startsWith(OWN_HEADER_PREFIX) && (ownColumn === null || c < ownColumn)) ownColumn = c;
      }
    }
    let lastColumn = 0;
    for (const c of Object.values(columns)) if (c !== undefined && c > lastColumn) lastColumn = c;
    const stop = ownColumn ?? Infinity;
    for (const line of [header, rows[headerIndex] ?? []]) {
      for (let c = 0; c < Math.min(line.length, stop); c++) if (!isBlank(line[c]) && c > lastColumn) lastColumn = c;
    }
    // the item columns and the 采集数据项 title are this family's own words: sure when a target or value stands beside them
    const confidence = Math.min(1, 0.6 + 0.05 * hits + (columns.target !== undefined || columns.value !== undefined ? 0.1 : 0));
    const labelOf = (c: number) => {
      const text = normalizeText(cellText((rows[headerIndex] ?? [])[c] ?? header[c]));
      return text.replace(/^(数据项[1一2二]|分子|分母)(数据项|项)?/, "").replace(/[()（）[\]【】:：]/g, "");
    };
    const itemLabels: [string, string] = [labelOf(columns.item1), labelOf(columns.item2)];
    return { confidence, layout: { headerTop: i, headerIndex, columns, ownColumn, lastColumn, itemLabels } };
  }
  return null;
}

/** A block of rows under one level name that states points (权重 or 分值). */
export interface DataItemLevel {
  depth: 1 | 2;
  name: string;
  /** the level's name cell */
  cell: string;
  /** the stated points (权重 for level 1, 分值 for level 2), null when blank */
  points: number | null;
  pointsCell: string | null;
  /** indices into `rows` */
  rows: number[];
}

/** One indicator row of the family: the engine's input plus its items. */
export interface DataItemRow {
  input: IndicatorInput;
  /** the items as read, and the ratio when both could be read */
  first: ItemReading | null;
  second: ItemReading | null;
  ratio: RatioOutcome | null;
  /** the item cells (A1), null without the column */
  itemCells: [string | null, string | null];
  /** the user's 指标值 cell */
  stated: InputCell | null;
  /** the row's unit is % (from 计量单位, the target, or the stated value) */
  percent: boolean;
}

export interface DataItemRead {
  layout: DataItemLayout;
  rows: DataItemRow[];
  levels: DataItemLevel[];
  /** 1-based sheet rows of header rows repeated inside the table */
  repeatedHeaders: number[];
  totalRows: Array<{ row: number; score: InputCell | null; points: InputCell | null }>;
  /** 1-based last sheet row of the table */
  lastRow: number;
}

const TOTAL_RE = new RegExp(`^(${wordsPattern(TOTAL_ROW_WORDS)})[:：]?(\\([^)]*\\))?$`, "i");

/** A header line repeated inside the table: most of its filled cells are header words. */
function isHeaderLine(line: CellValue[], stop: number): boolean {
  let filled = 0;
  let words = 0;
  for (let c = 0; c < Math.min(line.length, stop); c++) {
    if (isBlank(line[c])) continue;
    filled++;
    if (headerWord(line[c]) !== null) words++;
  }
  return filled > 0 && words >= 2 && words * 2 >= filled;
}

function numberIn(cell: InputCell | null): number | null {
  if (!cell || isBlank(cell.value)) return null;
  const q = parseQuantity(cell.value, cell.format);
  return q.ok ? q.q.value : null;
}

/** Read the rows under a recognised header: levels filled down, repeated headers and totals skipped. */
export function readDataItems(grid: Grid, layout: DataItemLayout): DataItemRead {
  const { columns } = layout;
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const stop = layout.ownColumn ?? Infinity;
  const cellAt = (r: number, c: number | undefined): InputCell | null =>
    c === undefined ? null : { value: grid.values[r]?.[c], format: grid.numberFormats?.[r]?.[c], cell: a1(firstRow + r, firstCol + c) };
  const textAt = (line: CellValue[], c: number | undefined) => (c === undefined ? "" : displayText(cellText(line[c])));
  const rows: DataItemRow[] = [];
  const levels: DataItemLevel[] = [];
  const repeatedHeaders: number[] = [];
  const totalRows: DataItemRead["totalRows"] = [];
  let level1: DataItemLevel | null = null;
  let level2: DataItemLevel | null = null;
  let lastRow = firstRow + layout.headerIndex;
  const labelCols = [0, columns.level1, columns.level2, columns.name].filter((c): c is number => c !== undefined);
  const nameIsOwn = columns.name !== columns.level1 && columns.name !== columns.level2;
  for (let r = layout.headerIndex + 1; r < grid.values.length; r++) {
    const line = grid.values[r] ?? [];
    const sheetRow = firstRow + r;
    if (filledCount(line, stop) === 0) continue;
    if (isHeaderLine(line, stop)) {
      repeatedHeaders.push(sheetRow);
      continue;
    }
    const labels = labelCols.map((c) => normalizeText(cellText(line[c])));
    if (labels.some((t) => TOTAL_RE.test(t))) {
      totalRows.push({ row: sheetRow, score: cellAt(r, columns.score), points: cellAt(r, columns.points) ?? cellAt(r, columns.weight) });
      lastRow = sheetRow;
      continue;
    }
    if (labels.some((t) => FOOTER_RE.test(t))) continue;
    const l1 = textAt(line, columns.level1);
    const l2 = textAt(line, columns.level2);
    if (l1 && (!level1 || l1 !== level1.name)) {
      const w = cellAt(r, columns.weight);
      const cell = a1(sheetRow, firstCol + (columns.level1 ?? 0));
      const written = numberIn(w);
      // 投入（权重20%）, 产出（40分）: the weight in the level's name when its 权重 cell is blank
      const named: number | null = written === null ? pointsOrWeightInName(l1) : null;
      level1 = { depth: 1, name: l1, cell, points: written ?? named, pointsCell: written !== null && w ? w.cell : named !== null ? cell : null, rows: [] };
      levels.push(level1);
      level2 = null;
    }
    if (l2 && columns.level2 !== columns.name && (!level2 || l2 !== level2.name)) {
      const p = cellAt(r, columns.level2Points);
      level2 = { depth: 2, name: l2, cell: a1(sheetRow, firstCol + (columns.level2 ?? 0)), points: numberIn(p), pointsCell: p && !isBlank(p.value) ? p.cell : null, rows: [] };
      levels.push(level2);
    }
    const name = nameIsOwn ? textAt(line, columns.name) : l2 || l1;
    const dataCols = [columns.target, columns.points, columns.item1, columns.item2, columns.value, columns.score];
    const hasData = dataCols.some((c) => c !== undefined && !isBlank(line[c]));
    if (!name || !hasData) continue;
    const target = cellAt(r, columns.target);
    const unit = cellAt(r, columns.unit);
    const stated = cellAt(r, columns.value);
    let percent = isPercentRow(unit, target, stated);
    const i1 = cellAt(r, columns.item1);
    const i2 = cellAt(r, columns.item2);
    // an item without words of its own takes what its column's header says it holds
    const labelled = (reading: ItemReading | null, label: string): ItemReading | null =>
      reading && reading.ok && reading.item.label === "" && label !== "" ? { ok: true, item: { ...reading.item, label } } : reading;
    const first = i1 ? labelled(readItem(i1.value, i1.format, i1.cell), layout.itemLabels[0]) : null;
    const second = i2 ? labelled(readItem(i2.value, i2.format, i2.cell), layout.itemLabels[1]) : null;
    let ratio: RatioOutcome | null = null;
    if (first?.ok && second?.ok) {
      ratio = itemRatio(name, first.item as DataItem, second.item as DataItem, percent);
      // a rate (…率, …比例) with no unit written, against a target or value in percent figures (95, 92.3)
      if (!percent && ratio.ok && isRateWithPercentFigures(name, unit, target, stated, ratio.ratio.value)) {
        percent = true;
        ratio = itemRatio(name, first.item as DataItem, second.item as DataItem, true);
      }
    }
    const input: IndicatorInput = {
      row: sheetRow,
      index: r,
      level1: level1?.name ?? "",
      level2: level2?.name ?? "",
      name,
      nameCell: a1(sheetRow, firstCol + (columns.name ?? 0)),
      target,
      actual: stated,
      operator: null,
      unit,
      prior: null,
      points: cellAt(r, columns.points),
      score: cellAt(r, columns.score),
      reason: cellAt(r, columns.reason),
    };
    const index = rows.length;
    rows.push({ input, first, second, ratio, itemCells: [i1?.cell ?? null, i2?.cell ?? null], stated, percent });
    level1?.rows.push(index);
    level2?.rows.push(index);
    lastRow = sheetRow;
  }
  return { layout, rows, levels, repeatedHeaders, totalRows, lastRow };
}

function isRateWithPercentFigures(name: string, unit: InputCell | null, target: InputCell | null, stated: InputCell | null, ratio: number): boolean {
  if (unit && !isBlank(unit.value)) return false;
  const bare = normalizeText(name).replace(/[(（[【][^)）\]】]*[)）\]】]/g, "").replace(/[=＝].*$/, "");
  if (!/(率|比例|占比|比重)$/.test(bare) || Math.abs(ratio) > 1.5) return false;
  const figure = (c: InputCell | null) => {
    if (!c || isBlank(c.value)) return null;
    const m = /\d+(?:\.\d+)?/.exec(normalizeText(cellText(c.value)));
    return m ? Number(m[0]) : null;
  };
  const t = figure(target);
  const v = figure(stated);
  return (t !== null && t > 1.5) || (v !== null && v > 1.5);
}

function isPercentRow(unit: InputCell | null, target: InputCell | null, stated: InputCell | null): boolean {
  const u = unit ? normalizeText(cellText(unit.value)) : "";
  if (u !== "") return /^(%|百分比|百分点)$/.test(u);
  const t = target ? normalizeText(cellText(target.value)) : "";
  if (/%|百分/.test(t) || (target && typeof target.value === "number" && /%/.test(target.format ?? ""))) return true;
  return !!stated && typeof stated.value === "number" && /%/.test(stated.format ?? "");
}

/** What a data-item row gives the engine: its input (the actual is the items' ratio, with `computed` and `findings` set), the family's findings, the computed value. */
export interface DataItemPrepared {
  input: IndicatorInput;
  messages: Message[];
  computed: ComputedValue | null;
}

function fmt(x: number): string {
  return String(roundHalfUp(x, 4));
}

/**
 * The row as the engine scores it: the actual is the ratio of the items when both are read (the
 * user's 指标值 is checked against it, never overwritten); the written 指标值 when the items are
 * blank; findings on the item and value cells.
 */
export function prepareDataItemRow(row: DataItemRow): DataItemPrepared {
  const messages: Message[] = [];
  const { input, first, second, ratio, stated, percent } = row;
  const blank = (x: ItemReading | null) => !x || (!x.ok && x.reason === "blank");
  let calc: { value: number; formula: string; items: string[]; expr: string; unit: string | null; swapped: boolean } | null = null;
  const unitText = input.unit ? normalizeText(cellText(input.unit.value)) : "";
  if (!ratio && first?.ok && blank(second) && !percent) {
    // one item and no divisor on a count or amount row: the item is the value (参训人次1200人次)
    const it = first.item;
    calc = { value: it.quantity.value, formula: `IFERROR(${it.expression.replace(/\*\d+$/, "")},"")`, items: [it.cell], expr: it.cell, unit: it.quantity.unit?.text ?? (unitText || null), swapped: false };
  } else if (!ratio) {
    if (!(blank(first) && blank(second))) {
      for (const [reading, which, whichEn, cell] of [
        [first, "数据项1", "data item 1", row.itemCells[0] ?? input.nameCell],
        [second, "数据项2", "data item 2", row.itemCells[1] ?? input.nameCell],
      ] as const) {
        if (!reading || reading.ok) continue;
        if (reading.reason === "unreadable") messages.push(msg("item_unreadable", { text: reading.text }, cell));
        else messages.push(msg("item_missing", { which, whichEn }, cell));
      }
    }
    return { input: { ...input, findings: messages }, messages, computed: null };
  } else if (!ratio.ok) {
    messages.push(msg("item_zero_denominator", {}, ratio.items[1]));
    // the written value cannot be checked; the row is not scored from it
    return { input: { ...input, actual: null, findings: messages }, messages, computed: null };
  } else {
    const r = ratio.ratio;
    calc = { value: r.value, formula: r.formula, items: [...r.items], expr: `${r.items[0]}÷${r.items[1]}${percent ? "×100" : ""}`, unit: percent ? "%" : unitText || null, swapped: r.swapped };
    if (r.swapped) {
      const num = [first, second].find((x) => x?.ok && x.item.cell === r.items[0]);
      messages.push(msg("item_swapped", { numerator: num?.ok ? num.item.label : r.items[0] }, input.nameCell));
    }
  }
  const unitSuffix = percent ? "%" : "";
  const { expr } = calc;
  const computedText = `${fmt(calc.value)}${percent ? "%" : calc.unit && calc.items.length === 1 ? calc.unit : ""}`;
  if (stated && !isBlank(stated.value)) {
    const q = parseQuantity(stated.value, stated.format);
    if (q.ok) {
      let value = q.q.value;
      // 0.951 in a General cell against a percent row is a fraction
      if (percent && q.q.unit === null && typeof stated.value === "number" && Math.abs(value) <= 1.5 && Math.abs(calc.value) > 1.5) value *= 100;
      const tolerance = 0.5 * 10 ** -q.q.decimals + 1e-9;
      const diff = Math.abs(value - calc.value);
      if (diff > tolerance) {
        const params = { stated: `${fmt(value)}${unitSuffix}`, computed: computedText, expr };
        // within one unit of the last decimal written: a rounding slip, at most a note (docs/form-families.md)
        const code = diff <= 2 * tolerance ? "item_ratio_rounding" : overstates(row, value, calc.value) ? "item_ratio_overstated" : "item_ratio_differs";
        messages.push(msg(code, params, stated.cell));
      }
    }
  } else {
    messages.push(msg("item_value_computed", { computed: computedText, expr }, input.nameCell));
  }
  const single = calc.items.length === 1 && first?.ok ? first.item.quantity : null;
  const actualValue = percent ? `${calc.value}%` : single && single.unit ? formatQuantity(single) : calc.value;
  const actual: InputCell = { value: actualValue, format: null, cell: stated?.cell ?? input.nameCell };
  const computed: ComputedValue = { formula: `=${calc.formula}`, items: calc.items, value: calc.value, unit: calc.unit };
  return { input: { ...input, actual, computed, findings: messages }, messages, computed };
}

/** A stated value better than the computed one for the target's direction (higher for at-least, lower for at-most). */
function overstates(row: DataItemRow, stated: number, computed: number): boolean {
  const target = row.input.target;
  if (!target || isBlank(target.value)) return false;
  const e = parseExpression(joinParts(target, null, row.input.unit), { numberFormat: target.format });
  if (e.kind !== "quantity") return false;
  if (e.op === "ge" || e.op === "gt") return stated > computed;
  if (e.op === "le" || e.op === "lt") return stated < computed;
  return false;
}
