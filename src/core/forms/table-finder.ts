/**
 * Finding the indicator table in a grid (docs/rules.md §6): the header row anywhere in the first
 * 30 rows, Chinese/English header variants, merged level cells filled down, section and
 * total rows skipped, operator/value/unit in one cell or three.
 */
import { CellValue, Grid, cellText, isBlank } from "../basics/grid";
import { CORE_TEXT } from "../basics/messages";
import { normalizeText } from "../basics/normalize-text";
import type { Bilingual } from "../basics/text";
import { MAX_HEADER_ROWS } from "../basics/tuning";

export type Role =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "operator"
  | "direction"
  | "unit"
  | "points"
  | "score"
  | "reason"
  | "prior";

export const ROLES: Role[] = ["level1", "level2", "name", "target", "actual", "operator", "direction", "unit", "points", "score", "reason", "prior"];

/** The header prefix of every column the add-in writes; such columns are never read as input. */
export const OWN_HEADER_PREFIX = "核对·";

/** Header words per role, tried most specific first. Matching is on normalised text. */
const RULES: Array<[Role, RegExp]> = [
  // prior-year figures (for targets relative to last year, docs/standard-forms.md)
  ["prior", /(上年实际|上年完成|上年值|上年数|上年同期|上年度|基期值|^上年$)/],
  ["reason", /(偏差原因|未完成原因|原因分析|改进措施|^原因$|^reason|deviation)/],
  ["score", /(得分|^评分$|^score|selfscore)/],
  ["points", /(分值|权重|^满分$|^weight|^points?$|^maxscore)/],
  ["actual", /(实际完成|完成值|实际值|实际完成情况|完成情况|实际数|^actual)/],
  ["direction", /(指标方向|^方向$|^指标类型$|^指标属性$|^direction)/],
  ["operator", /(指标性质|计算符号|^符号$|^运算符$|^operator)/],
  ["unit", /(度量单位|计量单位|^单位$|^unit)/],
  ["target", /(指标值|目标值|调整后指标|^目标$|^年度目标$|^target)/],
  ["level1", /(一级指标|^level1$|^一级$)/],
  ["level2", /(二级指标|^level2$|^二级$)/],
  ["name", /(三级指标|指标名称|绩效指标|^指标$|^指标内容$|^level3$|^indicator)/],
];

/** Strip brackets' content such as （A）, (B), 【分】 before matching; keep the text when nothing else remains. */
export function headerKey(v: CellValue): string {
  const s = normalizeText(cellText(v)).toLowerCase();
  const stripped = s.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "");
  return stripped === "" ? s : stripped;
}

export function roleOfHeader(v: CellValue): Role | null {
  const text = cellText(v);
  if (text.startsWith(OWN_HEADER_PREFIX)) return null;
  const k = headerKey(v);
  if (k === "" || k.length > 24) return null;
  for (const [role, re] of RULES) if (re.test(k)) return role;
  return null;
}

export type ColumnMap = Partial<Record<Role, number>>;

export interface TableLayout {
  /** 0-based index into grid.values of the (last) header row */
  headerIndex: number;
  /** 0-based column index per role */
  columns: ColumnMap;
  /** first own result column already present (re-run), 0-based; null when none */
  ownColumn: number | null;
  /** rightmost 0-based column of the table (header or data) excluding own columns */
  lastColumn: number;
}

export type FindResult = { ok: true; layout: TableLayout } | { ok: false; reason: Bilingual };


function mapRow(row: CellValue[], above?: CellValue[]): { cols: ColumnMap; hits: number } {
  const cols: ColumnMap = {};
  let hits = 0;
  const width = Math.max(row.length, above?.length ?? 0);
  const nameCols: number[] = [];
  for (let c = 0; c < width; c++) {
    let role = roleOfHeader(row[c]);
    // two-row headers: a blank or generic cell under a merged title takes the title's role
    if (role === null && above && isBlank(row[c])) role = roleOfHeader(above[c]);
    if (role === null) continue;
    if (role === "name") {
      nameCols.push(c);
      continue;
    }
    if (cols[role] === undefined) {
      cols[role] = c;
      hits++;
    }
  }
  // several "指标" columns: the last is the indicator name, the ones before are levels
  if (nameCols.length > 0) {
    cols.name = nameCols[nameCols.length - 1];
    hits++;
    const levels = nameCols.slice(0, -1);
    if (levels.length >= 1 && cols.level1 === undefined && levels[0] !== cols.level2) cols.level1 = levels[0];
    if (levels.length >= 2 && cols.level2 === undefined) cols.level2 = levels[1];
  }
  return { cols, hits };
}

/** Locate the header row and the column of every role. */
export function findTable(grid: Grid, override?: { headerIndex?: number; columns?: ColumnMap }): FindResult {
  const rows = grid.values;
  let best: { index: number; cols: ColumnMap; hits: number } | null = null;
  const limit = Math.min(rows.length, MAX_HEADER_ROWS);
  const candidates = override?.headerIndex !== undefined ? [override.headerIndex] : Array.from({ length: limit }, (_, i) => i);
  for (const i of candidates) {
    const row = rows[i] ?? [];
    const single = mapRow(row);
    const double = i > 0 ? mapRow(row, rows[i - 1]) : single;
    const pick = double.hits > single.hits ? double : single;
    const usable = (pick.cols.target !== undefined || pick.cols.actual !== undefined) && (pick.cols.name !== undefined || pick.cols.level2 !== undefined || pick.cols.level1 !== undefined);
    if (!usable && override?.headerIndex === undefined) continue;
    if (!best || pick.hits > best.hits) best = { index: i, cols: pick.cols, hits: pick.hits };
  }
  if (!best) {
    return { ok: false, reason: CORE_TEXT.noIndicatorHeader({ rows: MAX_HEADER_ROWS }) };
  }
  const columns: ColumnMap = { ...best.cols, ...(override?.columns ?? {}) };
  if (columns.name === undefined) columns.name = columns.level2 ?? columns.level1;
  if (columns.operator !== undefined && columns.direction === undefined && override?.columns?.operator === undefined && holdsDirectionWords(rows, best.index, columns.operator)) {
    // 指标性质 / 计算符号 holding 正向 / 反向 / 定性: a direction column (docs/standard-forms.md)
    columns.direction = columns.operator;
    delete columns.operator;
  }
  const header = rows[best.index] ?? [];
  let ownColumn: number | null = null;
  for (let c = 0; c < header.length; c++) {
    if (cellText(header[c]).startsWith(OWN_HEADER_PREFIX)) {
      ownColumn = c;
      break;
    }
  }
  let lastColumn = 0;
  for (const c of Object.values(columns)) if (c !== undefined && c > lastColumn) lastColumn = c;
  const stop = ownColumn ?? Infinity;
  for (let c = 0; c < Math.min(header.length, stop); c++) if (!isBlank(header[c]) && c > lastColumn) lastColumn = c;
  return { ok: true, layout: { headerIndex: best.index, columns, ownColumn, lastColumn } };
}

/** 正向 / 反向 / 定性 (also 正向指标, 反向型…) as written in a direction column. */
export const DIRECTION_WORD_RE = /^(正向|反向|定性|定量)(指标|型)?$/;

function holdsDirectionWords(rows: CellValue[][], headerIndex: number, col: number): boolean {
  const end = Math.min(rows.length, headerIndex + 200);
  for (let r = headerIndex + 1; r < end; r++) {
    const v = rows[r]?.[col];
    if (typeof v === "string" && DIRECTION_WORD_RE.test(normalizeText(v))) return true;
  }
  return false;
}
