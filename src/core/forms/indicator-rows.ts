/**
 * Rows of a found table → indicator inputs: levels filled down, section and total rows
 * skipped, operator/value/unit columns joined into one target expression.
 */
import { a1 } from "../basics/address";
import type { Message } from "../basics/messages";
import { CellValue, Grid, cellText, isBlank } from "../basics/grid";
import { displayText, normalizeText } from "../basics/normalize-text";
import { quantityFromNumber, formatQuantity } from "../basics/quantity";
import { ColumnMap, TableLayout, pointsInText } from "./table-finder";
import { splitEmbeddedTarget } from "../indicators/target-expression";
import { DIRECTION_SUFFIXES, DIRECTION_WORDS, OPERATOR_SYMBOL_OF, OPERATOR_WORDS, OperatorName, TOTAL_ROW_WORDS, WEAK_OPERATOR_WORDS, wordsPattern } from "../basics/vocabulary";

export interface InputCell {
  value: CellValue;
  format?: string | null;
  /** A1 address on the sheet */
  cell: string;
}

/** An input cell whose A1 address is built only when a message needs it (hot path: 10 cells a row). */
class SheetCell implements InputCell {
  private address: string | null = null;
  constructor(
    readonly value: CellValue,
    readonly format: string | null | undefined,
    private readonly row: number,
    private readonly col: number,
  ) {}
  get cell(): string {
    if (this.address === null) this.address = a1(this.row, this.col);
    return this.address;
  }
}

export interface IndicatorInput {
  /** 1-based sheet row */
  row: number;
  /** 0-based index into grid.values */
  index: number;
  level1: string;
  level2: string;
  name: string;
  nameCell: string;
  target: InputCell | null;
  actual: InputCell | null;
  /** the operator (≥ ≤ …) or direction (正向 / 反向 / 定性) cell: the operator column's when written, else the direction column's */
  operator: InputCell | null;
  unit: InputCell | null;
  /** the prior-year figure, for targets relative to last year */
  prior?: InputCell | null;
  points: InputCell | null;
  score: InputCell | null;
  reason: InputCell | null;
  /**
   * Points the family took from elsewhere than a 分值 cell (a block title `（40分）`, a name
   * `相关性(5分)`): used when `points` is null or blank (docs/form-families.md).
   */
  pointsValue?: number | null;
  /** the 评分标准 / 评价标准 text of a scoring sheet */
  criteria?: InputCell | null;
  /** the value is a ratio of collected data items (数据项1 ÷ 数据项2): how it was computed */
  computed?: ComputedValue | null;
  /**
   * A scoring-sheet row: scored against written criteria, with no target or actual. The stated
   * score is checked against the points; there is nothing to compare.
   */
  scoreOnly?: boolean;
  /** a 其中 breakdown row under a core (★) row: checked, never scored */
  breakdown?: boolean;
  /** findings the family made on the row while reading (a data item with no number): the row's messages start with them */
  findings?: Message[];
}

/** A value computed from collected data items: the formula as written on the sheet and the cells used. */
export interface ComputedValue {
  /** an Excel formula over the item cells (=D7/E7*100) */
  formula: string;
  /** A1 addresses of the cells used, in formula order */
  items: string[];
  /** the computed value (null when an item is not a number) */
  value: number | null;
  /** the unit of the value (% when ×100), or null */
  unit: string | null;
}

/** A 合计 / 总分 / 小计 row of the table, with its stated score and points cells. */
export interface TotalRow {
  /** 1-based sheet row */
  row: number;
  score: InputCell | null;
  points: InputCell | null;
  /** points written in the total's label (总分（100分）) when no 分值 cell states them */
  pointsValue?: number | null;
}

export interface ExtractedRows {
  rows: IndicatorInput[];
  /** 1-based sheet rows skipped as total rows */
  totalRows: TotalRow[];
  sectionRows: number[];
  /** 1-based last sheet row that belongs to the table */
  lastRow: number;
  /** levels whose names state their points (产出指标（50分）), with the rows under them */
  levels: LevelInput[];
}

/** A level name that states its points (docs/form-families.md); the engine checks it against its rows. */
export interface LevelInput {
  /** the level's name without the stated points (产出指标) */
  name: string;
  /** A1 address of the cell that states the points */
  cell: string;
  /** the points stated */
  points: number;
  /** 1 = 一级, 2 = 二级, 3 = 三级 */
  depth: number;
  /** 1-based sheet rows of the indicator rows under the level */
  rows: number[];
  /** when the level's children are levels that state points: their sum (else the rows' points are summed) */
  childPoints?: number | null;
}

/** 其中： a breakdown of the row above (docs/form-families.md). */
const BREAKDOWN_RE = /^其中[:：]?/;
/** ★ marks a core indicator whose breakdown rows follow. */
const CORE_MARK_RE = /^[★☆*]/;

// 总分（100分） and 自评得分 rows of the national forms too (docs/standard-forms.md); words from the vocabulary
const TOTAL_RE = new RegExp(`^(${wordsPattern(TOTAL_ROW_WORDS)})[:：]?(\\([^)]*\\))?$`, "i");

const TOTAL_HINT_RE = /[合总小计]|得分|total/i;

/** Lines after or inside a form that are not indicators: the stated grade, signatures, notes (docs/standard-forms.md). */
export const FOOTER_RE = /^(自评等级|评价等级|绩效等级|自评结论|填表人|填报人|联系人|联系电话|审核人|负责人|单位负责人|财务负责人|项目负责人|填报日期|填表日期|注[:：]|备注[:：]|说明[:：])/;

/** What an operator column may hold, as the symbol joined to the value: direction words and operator words (vocabulary). */
const OPERATOR_COLUMN_WORDS: Record<string, string> = {
  ...Object.fromEntries((Object.keys(OPERATOR_WORDS) as OperatorName[]).flatMap((o) => OPERATOR_WORDS[o].filter((w) => !WEAK_OPERATOR_WORDS.includes(w)).map((w) => [w, OPERATOR_SYMBOL_OF[o]]))),
  ...DIRECTION_WORDS,
};

const DIRECTION_WITH_SUFFIX_RE = new RegExp(`^(${wordsPattern(Object.keys(DIRECTION_WORDS))})(?:${wordsPattern(DIRECTION_SUFFIXES)})$`);

/** 正向指标 → 正向, 反向型 → 反向: the direction word itself. */
function directionWord(s: string): string {
  const m = DIRECTION_WITH_SUFFIX_RE.exec(s);
  return m ? m[1] : s;
}

function textAt(line: CellValue[], c: number | undefined): string {
  return c === undefined ? "" : displayText(cellText(line[c]));
}

export function extractRows(grid: Grid, layout: TableLayout): ExtractedRows {
  const { columns } = layout;
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const rows: IndicatorInput[] = [];
  const totalRows: ExtractedRows["totalRows"] = [];
  const sectionRows: number[] = [];
  const levels: LevelInput[] = [];
  let level1Entry: LevelInput | null = null;
  let level2Entry: LevelInput | null = null;
  /** the last scored row and whether rows now break it down (其中…, or rows without points after a ★ row) */
  let parent: IndicatorInput | null = null;
  let inBreakdown = false;
  let level1 = "";
  let level2 = "";
  let lastRow = firstRow + layout.headerIndex;
  const cellAt = (r: number, col: number | undefined): InputCell | null => {
    if (col === undefined) return null;
    const value = grid.values[r]?.[col];
    return new SheetCell(value, grid.numberFormats?.[r]?.[col], firstRow + r, firstCol + col);
  };
  // 合计/总分/小计 stand in the label columns (levels, name) or the first column
  const labelCols = Array.from(new Set([0, columns.level1, columns.level2, columns.name].filter((c): c is number => c !== undefined)));
  const nameIsOwn = columns.name !== undefined && columns.name !== columns.level2 && columns.name !== columns.level1;
  const stop = layout.ownColumn ?? Infinity;
  const dataCols = [columns.target, columns.actual, columns.points, columns.score, columns.operator, columns.direction].filter((c): c is number => c !== undefined);
  const opCell = (r: number): InputCell | null => {
    const op = cellAt(r, columns.operator);
    if (op && !isBlank(op.value)) return op;
    return cellAt(r, columns.direction) ?? op;
  };

  for (let r = layout.headerIndex + 1; r < grid.values.length; r++) {
    const line = grid.values[r] ?? [];
    const sheetRow = firstRow + r;
    let filled = 0;
    let onlyAt = -1;
    const width = line.length < stop ? line.length : stop;
    for (let c = 0; c < width; c++) {
      if (!isBlank(line[c])) {
        filled++;
        onlyAt = c;
      }
    }
    if (filled === 0) continue;
    const l1 = textAt(line, columns.level1);
    const l2 = textAt(line, columns.level2);
    const nm = nameIsOwn ? textAt(line, columns.name) : "";
    let anyTotal = false;
    for (const c of labelCols) {
      const v = line[c];
      if (typeof v === "string" && TOTAL_HINT_RE.test(v) && TOTAL_RE.test(normalizeText(v))) {
        anyTotal = true;
        break;
      }
    }
    const isTotal = anyTotal || (filled <= 3 && TOTAL_RE.test(normalizeText(cellText(line[0]))));
    let footer = false;
    for (const c of labelCols) {
      const v = line[c];
      if (!isTotal && typeof v === "string" && FOOTER_RE.test(normalizeText(v))) {
        footer = true;
        break;
      }
    }
    if (footer) {
      sectionRows.push(sheetRow);
      continue;
    }
    if (isTotal) {
      totalRows.push({ row: sheetRow, score: cellAt(r, columns.score), points: cellAt(r, columns.points) });
      lastRow = sheetRow;
      continue;
    }
    // a new level-1 group starts its own level 2 (merged level-2 cells never span two groups)
    if (l1 && l1 !== level1) {
      level2 = "";
      level2Entry = null;
    }
    // points in a level's name (产出指标（50分）) are the level's stated points: kept, not part of the name
    if (l1 && l1 !== level1) level1Entry = levelEntry(l1, 1, sheetRow, columns.level1);
    if (l2 && l2 !== level2) level2Entry = levelEntry(l2, 2, sheetRow, columns.level2);
    if (l1) level1 = l1;
    if (l2) level2 = l2;
    // a name that carries its target (参保人数≥200万人) is an indicator even with blank value cells
    let hasData = false;
    for (const c of dataCols) {
      if (!isBlank(line[c])) {
        hasData = true;
        break;
      }
    }
    if (!hasData && nm !== "") hasData = splitEmbeddedTarget(nm) !== null;
    if (!hasData) {
      // a lone text in a row is a section heading (一、产出指标) or a footnote
      if (filled === 1 && !l1 && !l2) {
        const raw = normalizeText(cellText(line[onlyAt])).replace(/^[一二三四五六七八九十]+[、.]/, "");
        const stated = pointsInText(raw);
        const t = stated ? stated.text : raw;
        if (/指标$/.test(t) && t !== level1) {
          level1 = t;
          level2 = "";
          level2Entry = null;
          level1Entry = stated ? addLevel(t, 1, stated.points, a1(sheetRow, firstCol + onlyAt)) : null;
        }
      }
      sectionRows.push(sheetRow);
      continue;
    }
    let name = nm;
    let nameCol = columns.name;
    if (!name) {
      name = l2 || level2 || l1 || level1;
      nameCol = l2 ? columns.level2 : columns.level1;
    }
    const input: IndicatorInput = {
      row: sheetRow,
      index: r,
      level1: level1Entry ? level1Entry.name : level1,
      level2: level2Entry ? level2Entry.name : level2,
      name,
      nameCell: a1(sheetRow, firstCol + (nameCol ?? 0)),
      target: cellAt(r, columns.target),
      actual: cellAt(r, columns.actual),
      operator: opCell(r),
      unit: cellAt(r, columns.unit),
      prior: cellAt(r, columns.prior),
      points: cellAt(r, columns.points),
      score: cellAt(r, columns.score),
      reason: cellAt(r, columns.reason),
    };
    if (columns.criteria !== undefined) input.criteria = cellAt(r, columns.criteria);
    // 其中 rows under a (★) core row: checked, never scored; a 其中 row repeating its parent's 分值/得分 is not counted twice
    if (columns.points !== undefined) {
      const pointsBlank = isBlank(line[columns.points]);
      const scoreBlank = columns.score === undefined || isBlank(line[columns.score]);
      const sub = BREAKDOWN_RE.test(normalizeText(name));
      const repeats = sub && parent !== null && !pointsBlank && sameCell(parent.points, line[columns.points]) && (columns.score === undefined || sameCell(parent.score, line[columns.score]));
      if ((sub && pointsBlank && scoreBlank) || repeats) inBreakdown = true;
      else if (!pointsBlank) inBreakdown = false;
      else if (!(inBreakdown || (parent !== null && CORE_MARK_RE.test(normalizeText(parent.name)))) || !scoreBlank) inBreakdown = false;
      else inBreakdown = true;
      if (inBreakdown) input.breakdown = true;
      else parent = input;
    }
    rows.push(input);
    if (!input.breakdown) {
      level1Entry?.rows.push(sheetRow);
      level2Entry?.rows.push(sheetRow);
    }
    lastRow = sheetRow;
  }
  return { rows, totalRows, sectionRows, lastRow, levels };

  function addLevel(name: string, depth: number, points: number, cell: string): LevelInput {
    const entry: LevelInput = { name, cell, points, depth, rows: [] };
    levels.push(entry);
    return entry;
  }

  function levelEntry(text: string, depth: number, sheetRow: number, col: number | undefined): LevelInput | null {
    const stated = pointsInText(text);
    if (!stated || col === undefined) return null;
    return addLevel(stated.text, depth, stated.points, a1(sheetRow, firstCol + col));
  }
}

/** The same figure in two cells (a 其中 row repeating its parent's 分值 / 得分). */
function sameCell(a: InputCell | null, v: CellValue): boolean {
  if (!a || isBlank(a.value) || isBlank(v)) return false;
  const x = typeof a.value === "number" ? a.value : Number(normalizeText(cellText(a.value)));
  const y = typeof v === "number" ? v : Number(normalizeText(cellText(v)));
  return Number.isFinite(x) && Number.isFinite(y) && x === y;
}

/**
 * Join operator, value and unit written in three columns into one expression text.
 * A numeric value keeps its number format (0.95 in 0% → 95%).
 */
export function joinParts(value: InputCell | null, operator: InputCell | null, unit: InputCell | null): CellValue {
  if (!value) return null;
  const opText = operator ? directionWord(normalizeText(cellText(operator.value))) : "";
  const unitText = unit ? normalizeText(cellText(unit.value)) : "";
  if (!opText && !unitText) return value.value;
  if (opText === "定性") return isBlank(value.value) ? "定性" : cellText(value.value);
  let body: string;
  if (typeof value.value === "number") {
    const q = quantityFromNumber(value.value, value.format);
    body = q.ok ? formatQuantity(q.q) : String(value.value);
  } else {
    body = normalizeText(cellText(value.value));
  }
  if (body === "") return "";
  const op = Object.hasOwn(OPERATOR_COLUMN_WORDS, opText) ? OPERATOR_COLUMN_WORDS[opText] : opText;
  const hasUnit = /[^\d.,%\-+]$/.test(body) || body.endsWith("%");
  const unitSuffix = hasUnit || unitText === "" || /^(无|\/|—|-)$/.test(unitText) ? "" : unitText;
  const alreadyOp = /^[≥≤<>=]/.test(body);
  return (alreadyOp ? "" : op) + body + unitSuffix;
}

export function describeColumns(columns: ColumnMap, firstCol: number, letter: (n: number) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, c] of Object.entries(columns)) if (c !== undefined) out[role] = letter(firstCol + c);
  return out;
}
