/**
 * Label/value tables (docs/statement-audit.md, "What is read"): labels in one column, figures
 * under headers such as 本年 · 上年 · 预算 · 调整预算 · 占比 · 增长. A table ends at two blank rows
 * or the next header. Units, each applying to its rows (docs/statement-audit.md, "Units"): the
 * cell text, else a unit column (单位 / 计量单位 / 金额单位) or the label's own "（亿元）", else the
 * header "（万元）", else a title line "单位：万元" anywhere above the table.
 */
import { a1, columnLetter } from "../address";
import { shiftDec } from "../decimal";
import { CellValue, Grid, cellText, isBlank } from "../grid";
import { normalizeText } from "../normalize-text";
import { isPercentFormat, parseQuantity, quantityFromNumber } from "../quantity";
import { OWN_HEADER_PREFIX } from "../table-finder";
import { UnitInfo, lookupUnit } from "../unit-table";
import { Figure, figureFrom } from "./figure";
import { ValueRole } from "./model";
import { isUnitColumnHeader, statementUnit, titleLineUnit, unitColumnCell } from "./units";

type HeaderRole = ValueRole | "label" | "ambiguous_change";

export interface HeaderCell {
  role: HeaderRole;
  unit: UnitInfo | null;
  /** the header says the column is in percent points ("占比(%)") */
  percent: boolean;
  year: number | null;
  score: boolean;
}

const LABEL_RE = /^(项目|科目|项目名称|科目名称|名称|收支项目|类别|内容|分项|指标|指标名称|三级指标|评价指标|评价内容|预算科目|功能分类科目|经济分类科目)$/;
const RULES: Array<[HeaderRole, RegExp]> = [
  ["rate", /^(预算)?(执行率|完成率|支出进度|执行进度|预算执行率)$/],
  ["adjusted", /^(调整预算|调整预算数|调整后预算|调整后预算数|调整后年度预算)$/],
  ["budget", /^(预算|预算数|年初预算|年初预算数|全年预算|全年预算数|预算金额|年初预算金额)$/],
  ["prior", /^(上年|上年数|上年度|上年决算|上年决算数|上年同期|上年同期数|上期|上期数|上年金额|上年实际|上年实际数)$/],
  ["share", /^(占比|比重|结构|构成|占比例|占总额比例|占总支出比重|占总收入比重|比例|所占比重|占比情况)$/],
  ["growth", /^(增长|增长率|增减率|增减幅度|增幅|同比增长|同比增减|变动率|增减变动率|同比增长率|比上年增长)$/],
  ["change", /^(增减额|增减金额|增加额|变动额|增减数|比上年增减额|增减变动额)$/],
  ["ambiguous_change", /^(比上年增减|增减|增减变动|比上年增减变动|增减情况)$/],
  ["current", /^(本年|本年数|本年度|本年金额|本年决算|本年决算数|本年实际|本年实际数|决算|决算数|决算金额|金额|本期|本期数|本期金额|实际数|执行数|本年发生额|本年累计|得分|自评得分|评分|数额|合计金额)$/],
];

const UNIT_IN_BRACKETS = /[(（[【]([^)）\]】]*)[)）\]】]/g;

/** What a header cell says about its column. */
export function headerRole(v: CellValue): HeaderCell | null {
  const raw = cellText(v);
  if (raw === "" || raw.startsWith(OWN_HEADER_PREFIX)) return null;
  const t = normalizeText(raw);
  if (t.length > 24) return null;
  let unit: UnitInfo | null = null;
  let percent = false;
  for (const m of t.matchAll(UNIT_IN_BRACKETS)) {
    const inner = m[1].replace(/^单位[:：]?/, "");
    if (/^(%|百分比)$/.test(inner)) percent = true;
    else {
      const u = statementUnit(inner);
      if (u) unit = u;
    }
  }
  let core = t.replace(UNIT_IN_BRACKETS, "").replace(/[:：]$/, "");
  if (/%$/.test(core)) {
    percent = true;
    core = core.replace(/%$/, "");
  }
  const unitSuffix = /^(.*?)(万元|亿元|千元)$/.exec(core);
  if (unitSuffix && unitSuffix[1] !== "") {
    unit = lookupUnit(unitSuffix[2]);
    core = unitSuffix[1];
  }
  if (LABEL_RE.test(core)) return { role: "label", unit: null, percent: false, year: null, score: false };
  const year = /^(20\d\d|19\d\d)年(度)?(决算|实际|预算)?(数|金额)?$/.exec(core);
  if (year) {
    if (year[3] === "预算") return null;
    return { role: "current", unit, percent, year: parseInt(year[1], 10), score: false };
  }
  for (const [role, re] of RULES) {
    if (re.test(core)) {
      const score = /^(得分|自评得分|评分)$/.test(core);
      return { role, unit: score ? lookupUnit("分") : unit, percent, year: null, score };
    }
  }
  return null;
}

export interface TableColumn {
  index: number;
  role: ValueRole;
  unit: UnitInfo | null;
  percent: boolean;
  /** plain numbers in a ratio column are fractions (0.2593), not percent points */
  fraction: boolean;
}

export interface TableRow {
  /** 0-based grid row */
  index: number;
  /** 1-based sheet row */
  row: number;
  rawLabel: string;
  label: string;
  labelCell: string;
  indent: number;
  qizhong: boolean;
  values: Partial<Record<ValueRole, Figure>>;
  /** the unit this row states for itself (its unit-column cell, else the end of its label), and that cell (A1) */
  unit: UnitInfo | null;
  unitCell: string | null;
  /** a label without any figure: a section heading */
  heading: boolean;
}

export interface FoundTable {
  headerIndex: number;
  firstIndex: number;
  lastIndex: number;
  labelColumn: number;
  columns: TableColumn[];
  unit: UnitInfo | null;
  /** the column holding each row's unit (单位 / 计量单位 / 金额单位), 0-based */
  unitColumn: number | null;
  score: boolean;
  /** first own (核对·) column in the header row, 0-based */
  ownColumn: number | null;
  /** rightmost input column, 0-based */
  lastColumn: number;
  rows: TableRow[];
}

const ENUM_RE = /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|\(\d+\)|\([一二三四五六七八九十]+\)|[①②③④⑤⑥⑦⑧⑨⑩])/;

/** Leading spaces of a raw label: the indentation pasted tables use for sub-items. */
function indentOf(raw: string): number {
  let n = 0;
  for (const ch of raw) {
    if (ch === " " || ch === "\u00A0") n += 1;
    else if (ch === "\u3000") n += 2;
    else if (ch === "\t") n += 4;
    else break;
  }
  return n;
}

export function cleanLabel(raw: string): { label: string; qizhong: boolean } {
  let t = normalizeText(raw);
  let qizhong = false;
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(ENUM_RE, "");
    if (/^其中[:：,]?/.test(t)) {
      qizhong = true;
      t = t.replace(/^其中[:：,]?/, "");
    }
    t = t.replace(/^[:：、.,]+/, "");
    if (t === before) break;
  }
  t = t.replace(/[(（](万元|元|亿元|千元|%|分)[)）]$/, "").replace(/[:：]$/, "");
  return { label: t, qizhong };
}

function numberDecimals(format: string | null | undefined): number | null {
  if (!format || format === "General" || format === "@") return null;
  const section = format.split(";")[0].replace(/"[^"]*"/g, "");
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : null;
}

export function findTables(grid: Grid): FoundTable[] {
  const rows = grid.values;
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const headers: Array<{ index: number; cells: Map<number, HeaderCell> }> = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = new Map<number, HeaderCell>();
    const line = rows[i] ?? [];
    for (let c = 0; c < line.length; c++) {
      if (typeof line[c] !== "string") continue;
      const h = headerRole(line[c]);
      if (h) cells.set(c, h);
    }
    const valueRoles = [...cells.values()].filter((h) => h.role !== "label");
    // a header holds words only: "调整预算数 | 3812.67" is a row of a table, not a header
    const words = line.every((v) => isBlank(v) || (typeof v === "string" && !/^[-+]?[\d,.]+\s*[%％]?$/.test(v.trim())));
    if (words && valueRoles.some((h) => h.role === "current" || h.role === "budget" || h.role === "adjusted")) headers.push({ index: i, cells });
  }
  const tables: FoundTable[] = [];
  let searchFrom = 0;
  for (let h = 0; h < headers.length; h++) {
    const { index, cells } = headers[h];
    if (tables.length && index <= tables[tables.length - 1].lastIndex) continue;
    const stopAt = h + 1 < headers.length ? headers[h + 1].index : rows.length;
    // a title line over the whole sheet (单位：万元 above the first table) holds for the tables below it
    const inherited = tables.length ? tables[tables.length - 1].unit : null;
    const t = buildTable(grid, index, cells, searchFrom, stopAt, firstRow, firstCol, inherited);
    if (t) {
      tables.push(t);
      searchFrom = t.lastIndex + 1;
    }
  }
  return tables;
}

function buildTable(
  grid: Grid,
  headerIndex: number,
  cells: Map<number, HeaderCell>,
  searchFrom: number,
  stopAt: number,
  firstRow: number,
  firstCol: number,
  inheritedUnit: UnitInfo | null,
): FoundTable | null {
  const rows = grid.values;
  const header = rows[headerIndex] ?? [];
  let ownColumn: number | null = null;
  for (let c = 0; c < header.length; c++) {
    if (cellText(header[c]).startsWith(OWN_HEADER_PREFIX)) {
      ownColumn = c;
      break;
    }
  }
  // years: the latest is this year, the one before is last year
  const entries = [...cells.entries()].filter(([c]) => ownColumn === null || c < ownColumn);
  const years = entries.filter(([, h]) => h.year !== null).map(([, h]) => h.year as number);
  const maxYear = years.length ? Math.max(...years) : null;
  const picked = new Map<ValueRole, { index: number; h: HeaderCell }>();
  let labelColumn: number | null = null;
  let ambiguous: { index: number; h: HeaderCell } | null = null;
  for (const [c, h] of entries) {
    if (h.role === "label") {
      if (labelColumn === null) labelColumn = c;
      continue;
    }
    let role: HeaderRole = h.role;
    if (h.year !== null && maxYear !== null) {
      if (h.year === maxYear) role = "current";
      else if (h.year === maxYear - 1) role = "prior";
      else continue;
    }
    if (role === "ambiguous_change") {
      ambiguous = { index: c, h };
      continue;
    }
    if (!picked.has(role)) picked.set(role, { index: c, h });
  }
  const valueCols = [...picked.values()].map((p) => p.index);
  if (ambiguous) valueCols.push(ambiguous.index);
  const firstValue = Math.min(...valueCols);
  // a column of units (单位 | 万元 | 亿元 …), wherever it sits; "单位" over names of offices is not one
  let unitColumn: number | null = null;
  for (let c = 0; c < header.length && unitColumn === null; c++) {
    if (ownColumn !== null && c >= ownColumn) break;
    if (c === labelColumn || valueCols.includes(c)) continue;
    if (typeof header[c] === "string" && isUnitColumnHeader(header[c] as string) && holdsUnits(rows, c, headerIndex + 1, Math.min(stopAt, headerIndex + 60))) unitColumn = c;
  }
  // no 项目 header: the nearest column left of the figures that holds text labels
  if (labelColumn === null) {
    for (let c = firstValue - 1; c >= 0 && labelColumn === null; c--) {
      if (c === unitColumn) continue;
      let texts = 0;
      for (let r = headerIndex + 1; r < Math.min(stopAt, headerIndex + 30); r++) {
        const v = rows[r]?.[c];
        if (typeof v === "string" && v.trim() !== "" && !/^[\d,.\s%-]+$/.test(v)) texts++;
      }
      if (texts >= 1) labelColumn = c;
    }
  }
  if (labelColumn === null || labelColumn >= firstValue) return null;
  // the table's unit: the nearest title line above it ("单位：万元", "金额单位：亿元"), else the sheet's
  let unit: UnitInfo | null = null;
  for (let r = headerIndex; r >= searchFrom && !unit; r--) {
    for (const v of rows[r] ?? []) {
      if (typeof v !== "string") continue;
      unit = titleLineUnit(v);
      if (unit) break;
    }
  }
  unit = unit ?? inheritedUnit;
  const score = [...picked.values()].some((p) => p.h.score);
  // body: until two blank rows or the next header
  let lastIndex = headerIndex;
  let blanks = 0;
  const used = [labelColumn, ...valueCols];
  for (let r = headerIndex + 1; r < stopAt; r++) {
    const line = rows[r] ?? [];
    const empty = used.every((c) => isBlank(line[c]));
    if (empty) {
      blanks++;
      if (blanks >= 2) break;
      continue;
    }
    blanks = 0;
    lastIndex = r;
  }
  if (lastIndex === headerIndex) return null;
  const columns: TableColumn[] = [];
  for (const [role, p] of picked) columns.push(column(grid, p.index, role, p.h, headerIndex, lastIndex));
  if (ambiguous) columns.push(resolveAmbiguous(grid, ambiguous.index, ambiguous.h, headerIndex, lastIndex, picked));
  columns.sort((a, b) => a.index - b.index);
  let lastColumn = Math.max(labelColumn, unitColumn ?? 0, ...columns.map((c) => c.index));
  const stop = ownColumn ?? Infinity;
  for (let c = lastColumn + 1; c < Math.min(header.length, stop); c++) if (!isBlank(header[c])) lastColumn = c;
  const table: FoundTable = {
    headerIndex,
    firstIndex: headerIndex + 1,
    lastIndex,
    labelColumn,
    columns,
    unit,
    unitColumn,
    score,
    ownColumn,
    lastColumn,
    rows: [],
  };
  for (let r = headerIndex + 1; r <= lastIndex; r++) {
    const row = readRow(grid, table, r, firstRow, firstCol);
    if (row) table.rows.push(row);
  }
  return table;
}

/** Most of the column's written cells are units the unit table knows. */
function holdsUnits(rows: CellValue[][], c: number, from: number, to: number): boolean {
  let written = 0;
  let units = 0;
  for (let r = from; r < to; r++) {
    const v = rows[r]?.[c];
    if (isBlank(v)) continue;
    written++;
    const u = unitColumnCell(cellText(v));
    if (u && u.family !== "other") units++;
  }
  return units > 0 && units * 2 >= written;
}

const RATIO_ROLES: ValueRole[] = ["share", "growth", "rate"];

function column(grid: Grid, index: number, role: ValueRole, h: HeaderCell, from: number, to: number): TableColumn {
  let fraction = false;
  if (RATIO_ROLES.includes(role) && !h.percent) {
    // plain numbers all within ±1 (and at least one written): fractions
    let plain = 0;
    let small = 0;
    for (let r = from + 1; r <= to; r++) {
      const v = grid.values[r]?.[index];
      const fmt = grid.numberFormats?.[r]?.[index];
      if (typeof v === "number" && !isPercentFormat(fmt)) {
        plain++;
        if (Math.abs(v) <= 1) small++;
      }
    }
    fraction = plain > 0 && small === plain;
  }
  return { index, role, unit: h.unit, percent: h.percent, fraction };
}

/** "比上年增减": a rate when written in %, else an amount when it equals 本年 − 上年 on most rows. */
function resolveAmbiguous(grid: Grid, index: number, h: HeaderCell, from: number, to: number, picked: Map<ValueRole, { index: number }>): TableColumn {
  if (h.percent) return column(grid, index, "growth", h, from, to);
  let pct = 0;
  let amounts = 0;
  let total = 0;
  const cur = picked.get("current")?.index;
  const prior = picked.get("prior")?.index;
  for (let r = from + 1; r <= to; r++) {
    const v = grid.values[r]?.[index];
    if (isBlank(v)) continue;
    total++;
    const fmt = grid.numberFormats?.[r]?.[index];
    if ((typeof v === "string" && /[%％]/.test(v)) || (typeof v === "number" && isPercentFormat(fmt))) pct++;
    else if (cur !== undefined && prior !== undefined) {
      const q = parseQuantity(v, fmt);
      const c = parseQuantity(grid.values[r]?.[cur], grid.numberFormats?.[r]?.[cur]);
      const p = parseQuantity(grid.values[r]?.[prior], grid.numberFormats?.[r]?.[prior]);
      if (q.ok && c.ok && p.ok && Math.abs(q.q.value - (c.q.value - p.q.value)) <= 0.01 * Math.max(1, Math.abs(q.q.value))) amounts++;
    }
  }
  if (pct > 0 || (cur !== undefined && prior !== undefined && amounts * 2 <= total)) return column(grid, index, "growth", h, from, to);
  return { index, role: "change", unit: h.unit, percent: false, fraction: false };
}

function readRow(grid: Grid, table: FoundTable, r: number, firstRow: number, firstCol: number): TableRow | null {
  const line = grid.values[r] ?? [];
  const rawLabel = cellText(line[table.labelColumn]);
  if (rawLabel.trim() === "") return null;
  const { label, qizhong } = cleanLabel(rawLabel);
  if (label === "" || /^(单位|注|说明|备注)[:：]/.test(label)) return null;
  const row = firstRow + r;
  const uc = table.unitColumn;
  const fromColumn = uc === null ? null : unitColumnCell(cellText(line[uc]));
  // else a unit the label itself ends with: 人均支出（元）, 项目支出(亿元)
  const fromLabel = fromColumn ? null : labelUnit(rawLabel);
  const unit = fromColumn ?? fromLabel;
  const unitCell = fromColumn && uc !== null ? a1(row, firstCol + uc) : fromLabel ? a1(row, firstCol + table.labelColumn) : null;
  const values: Partial<Record<ValueRole, Figure>> = {};
  for (const col of table.columns) {
    const f = readValue(grid, r, col, table, row, firstCol, unit, unitCell);
    if (f) values[col.role] = f;
  }
  return {
    index: r,
    row,
    rawLabel,
    label,
    labelCell: a1(row, firstCol + table.labelColumn),
    indent: indentOf(rawLabel),
    qizhong,
    values,
    unit,
    unitCell,
    heading: Object.keys(values).length === 0,
  };
}

/** A known unit in brackets at the end of a label; "（草案）" and other words are not units. */
function labelUnit(raw: string): UnitInfo | null {
  const m = /[(（[【]([^()（）[\]【】]{1,8})[)）\]】]$/.exec(normalizeText(raw));
  if (!m) return null;
  const u = unitColumnCell(m[1].replace(/^单位[:：]?/, ""));
  return u && u.family !== "other" ? u : null;
}

const NONE_RE = /^(-|—|－|–|\/|\*|无|不适用|n\/a)?$/i;

function readValue(grid: Grid, r: number, col: TableColumn, table: FoundTable, row: number, firstCol: number, rowUnit: UnitInfo | null, unitCell: string | null): Figure | null {
  const v = grid.values[r]?.[col.index];
  const fmt = grid.numberFormats?.[r]?.[col.index];
  if (v === null || v === undefined || typeof v === "boolean") return null;
  if (typeof v === "string" && NONE_RE.test(normalizeText(v))) return null;
  const at = { cell: a1(row, firstCol + col.index), row, col: firstCol + col.index };
  const ratio = RATIO_ROLES.includes(col.role);
  const parsed = typeof v === "number" ? quantityFromNumber(v, fmt) : parseQuantity(v, fmt);
  if (!parsed.ok) return null;
  let q = parsed.q;
  const shown = numberDecimals(fmt);
  // the precision written is the one the cell shows (2,043.40 stored as 2043.4)
  if (typeof v === "number" && shown !== null) q = { ...q, decimals: shown };
  const text = typeof v === "string" ? normalizeText(v) : typeof v === "number" && isPercentFormat(fmt) ? `${q.value}%` : String(v);
  if (ratio) {
    if (q.unit?.family === "ratio") return figureFrom(q, at, text, null, typeof v === "number");
    if (q.unit) return null;
    const pctUnit = lookupUnit("%");
    if (col.fraction) {
      const dec = shiftDec(q.dec, 2);
      const decimals = Math.max(0, q.decimals - 2);
      return figureFrom({ ...q, dec, decimals, value: q.value * 100, unit: pctUnit }, at, text, null, typeof v === "number");
    }
    return figureFrom({ ...q, unit: pctUnit }, at, text, null, typeof v === "number");
  }
  // the cell's own unit, else the row's unit column, else the header's, else the title line's
  if (!q.unit && rowUnit) return { ...figureFrom({ ...q, unit: rowUnit }, at, text, null, typeof v === "number"), unitCell };
  const fallback = col.unit ?? table.unit ?? (table.score ? lookupUnit("分") : null);
  return figureFrom(q, at, text, fallback, typeof v === "number");
}

export function describeTable(t: FoundTable, firstRow: number, firstCol: number): { headerRow: number; firstRow: number; lastRow: number; labelColumn: string; columns: Record<string, string>; unit: string | null; unitColumn?: string } {
  const columns: Record<string, string> = {};
  for (const c of t.columns) columns[c.role] = columnLetter(firstCol + c.index);
  return {
    headerRow: firstRow + t.headerIndex,
    firstRow: firstRow + t.firstIndex,
    lastRow: firstRow + t.lastIndex,
    labelColumn: columnLetter(firstCol + t.labelColumn),
    columns,
    unit: t.unit?.text ?? null,
    ...(t.unitColumn !== null ? { unitColumn: columnLetter(firstCol + t.unitColumn) } : {}),
  };
}
