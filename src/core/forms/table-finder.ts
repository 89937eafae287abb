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
import { DIRECTION_SUFFIXES, DIRECTION_WORDS, HEADER_WORDS, HeaderRole, headerPattern, wordsPattern } from "../basics/vocabulary";

export type Role = HeaderRole;

export const ROLES: Role[] = ["level1", "level2", "name", "target", "actual", "operator", "direction", "unit", "points", "score", "reason", "prior", "criteria"];

/** The header prefix of every column the add-in writes; such columns are never read as input. */
export const OWN_HEADER_PREFIX = "核对·";

/** Header words per role, tried most specific first (the vocabulary's HEADER_WORDS). Matching is on normalised text. */
const RULES: Array<[Role, RegExp]> = HEADER_WORDS.map(([role, words]) => [role, headerPattern(words)]);

/** Points stated in a header or a level name: 产出指标（50分）, 分值(100分), 相关性(5分), 投入 15分. */
const POINTS_IN_TEXT_RE = /[(（[【]\s*(\d+(?:\.\d+)?)\s*分\s*[)）\]】]|(\d+(?:\.\d+)?)分$/;

/**
 * The points a header or level name states, and the text without them; null when it states none
 * (docs/form-families.md: the header normaliser keeps `（50分）` for the level's stated points).
 */
export function pointsInText(v: CellValue): { points: number; text: string } | null {
  if (typeof v !== "string") return null;
  const s = normalizeText(v);
  const m = POINTS_IN_TEXT_RE.exec(s);
  if (!m) return null;
  const text = (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/[:：,，]$/, "");
  if (text === "" || /^\d/.test(text)) return null;
  return { points: Number(m[1] ?? m[2]), text };
}

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

/** The last search per grid: several families ask for the same grid's table with the same options. */
const lastFound = new WeakMap<Grid, { options: unknown; result: FindResult }>();

/** findTable, once per grid and options object (the registry passes one options object to every family). */
export function findTableOnce(grid: Grid, options?: { headerIndex?: number; columns?: ColumnMap }): FindResult {
  const hit = lastFound.get(grid);
  if (hit && hit.options === options) return hit.result;
  const result = findTable(grid, options);
  lastFound.set(grid, { options, result });
  return result;
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
export const DIRECTION_WORD_RE = new RegExp(`^(${wordsPattern(Object.keys(DIRECTION_WORDS))})(${wordsPattern(DIRECTION_SUFFIXES)})?$`);

function holdsDirectionWords(rows: CellValue[][], headerIndex: number, col: number): boolean {
  const end = Math.min(rows.length, headerIndex + 200);
  for (let r = headerIndex + 1; r < end; r++) {
    const v = rows[r]?.[col];
    if (typeof v === "string" && DIRECTION_WORD_RE.test(normalizeText(v))) return true;
  }
  return false;
}
