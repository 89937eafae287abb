/**
 * Scoring sheets (评分表, 绩效评价指标评分表; docs/form-families.md): levels scored against written
 * criteria, with no target or actual column. Three layouts are read alike:
 * - one 分值 column (`一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 自评得分 | 扣分原因`);
 * - a 分值 column after every level (`一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | … | 得分`);
 * - points only inside the names (`投入（15分）`, `相关性(5分)`) and no 分值 column.
 * This file reads; the shared engine scores, checks the levels and totals (src/core/indicators). Pure.
 */
import { a1 } from "../../basics/address";
import { roundHalfUp } from "../../basics/decimal";
import { CellValue, Grid, cellText, filledCount, isBlank } from "../../basics/grid";
import { CORE_TEXT, Message, msg } from "../../basics/messages";
import { normalizeText } from "../../basics/normalize-text";
import { parseQuantity } from "../../basics/quantity";
import { MAX_HEADER_ROWS } from "../../basics/tuning";
import { HEADER_WORDS, HeaderRole, HeaderWords, SCORING_HEADER_EXTRA, TOTAL_ROW_WORDS, headerPattern, mergeHeaderWords, wordsPattern } from "../../basics/vocabulary";
import type { Preset } from "../../indicators/presets";
import type { FormFamily, FormRead, LevelInput, Recognition, Refusal } from "../family";
import { FOOTER_RE, IndicatorInput, InputCell } from "../indicator-rows";
import { pointsInName } from "../level-points";
import { findStatedGrade, readFormInfo } from "../standard-form";
import type { ColumnMap, TableLayout } from "../table-finder";

export type ScoringRole = "level1" | "level2" | "level3" | "criteria" | "points" | "score" | "reason" | "note";

/** The shared header words of a role (basics/vocabulary.ts) with what a scoring sheet adds. */
function wordsOf(role: HeaderRole, extra?: HeaderWords): RegExp {
  const base = HEADER_WORDS.find(([r]) => r === role)?.[1] ?? {};
  return headerPattern(mergeHeaderWords(base, extra));
}

/** Header roles of a scoring sheet, tried in order on the header text without brackets. */
const SCORING_HEADERS: Array<[ScoringRole, RegExp]> = [
  ["reason", wordsOf("reason", SCORING_HEADER_EXTRA.reason)],
  ["criteria", wordsOf("criteria", SCORING_HEADER_EXTRA.criteria)],
  ["score", wordsOf("score", SCORING_HEADER_EXTRA.score)],
  ["points", wordsOf("points", SCORING_HEADER_EXTRA.points)],
  ["level1", wordsOf("level1")],
  ["level2", wordsOf("level2")],
  ["note", headerPattern(SCORING_HEADER_EXTRA.note)],
  ["level3", wordsOf("name")],
];

/** Headers of the forms with targets (a target or a recorded actual, a budget figure): a sheet that has them is not a scoring sheet. */
const TARGET_HEADER_RE = headerPattern(
  mergeHeaderWords(HEADER_WORDS.find(([r]) => r === "target")?.[1] ?? {}, { contains: ["实际完成", "完成值", "实际值", "预算数", "执行数", "执行率"] }),
);

function headerText(v: CellValue): string {
  const s = normalizeText(cellText(v)).toLowerCase();
  const stripped = s.replace(/[(（[【][^)）\]】]*[)）\]】]/g, "");
  return stripped === "" ? s : stripped;
}

export function scoringRoleOf(v: CellValue): ScoringRole | null {
  const t = headerText(v);
  if (t === "" || t.length > 20 || t.startsWith("核对·")) return null;
  for (const [role, re] of SCORING_HEADERS) if (re.test(t)) return role;
  return null;
}

export interface ScoringLayout {
  headerIndex: number;
  /** level columns, outermost first (一级, 二级, 三级): at least one */
  levels: number[];
  /** the 分值 column of each level, by its index in `levels` (layout with one 分值 per level) */
  levelPoints: Array<number | null>;
  /** the leaf's 分值 column, or null when points are only in the names */
  points: number | null;
  score: number;
  criteria: number | null;
  reason: number | null;
  /** which of the three published layouts */
  kind: "points_column" | "points_per_level" | "points_in_names";
  /** first column the add-in wrote earlier (核对·…), or null */
  ownColumn: number | null;
  lastColumn: number;
}

interface HeaderMap {
  roles: Array<{ role: ScoringRole; col: number }>;
  target: boolean;
}

/** A header row's roles; under a two-row header a blank cell takes the role of the merged title above it (得分 over both rows). */
function mapHeader(row: CellValue[], above?: CellValue[]): HeaderMap {
  const roles: HeaderMap["roles"] = [];
  let target = false;
  const width = Math.max(row.length, above?.length ?? 0);
  for (let c = 0; c < width; c++) {
    const v = isBlank(row[c]) && above ? above[c] : row[c];
    const role = scoringRoleOf(v);
    if (role) roles.push({ role, col: c });
    else if (!isBlank(v) && TARGET_HEADER_RE.test(headerText(v))) target = true;
  }
  return { roles, target };
}

function layoutFrom(grid: Grid, index: number, map: HeaderMap): ScoringLayout | null {
  const first = (role: ScoringRole) => map.roles.find((r) => r.role === role)?.col ?? null;
  const levelCols: number[] = [];
  for (const role of ["level1", "level2", "level3"] as const) {
    const c = first(role);
    if (c !== null) levelCols.push(c);
  }
  const score = first("score");
  if (levelCols.length === 0 || score === null) return null;
  levelCols.sort((a, b) => a - b);
  const pointsCols = map.roles.filter((r) => r.role === "points").map((r) => r.col);
  const levelPoints: Array<number | null> = levelCols.map(() => null);
  let points: number | null = null;
  let kind: ScoringLayout["kind"];
  if (pointsCols.length >= 2) {
    // one 分值 per level: each 分值 column belongs to the nearest level column on its left
    for (const pc of pointsCols) {
      let owner = -1;
      for (let i = 0; i < levelCols.length; i++) if (levelCols[i] < pc) owner = i;
      if (owner >= 0 && levelPoints[owner] === null) levelPoints[owner] = pc;
    }
    points = levelPoints[levelPoints.length - 1];
    kind = "points_per_level";
  } else if (pointsCols.length === 1) {
    points = pointsCols[0];
    kind = "points_column";
  } else {
    kind = "points_in_names";
  }
  const header = grid.values[index] ?? [];
  let ownColumn: number | null = null;
  for (let c = 0; c < header.length; c++) {
    if (cellText(header[c]).startsWith("核对·")) {
      ownColumn = c;
      break;
    }
  }
  let lastColumn = 0;
  for (let c = 0; c < Math.min(header.length, ownColumn ?? Infinity); c++) if (!isBlank(header[c])) lastColumn = c;
  return { headerIndex: index, levels: levelCols, levelPoints, points, score, criteria: first("criteria"), reason: first("reason"), kind, ownColumn, lastColumn };
}

/** Points written in a name in the first rows below the header: a sheet with no 分值 column needs them. */
function namesCarryPoints(grid: Grid, layout: ScoringLayout): boolean {
  const end = Math.min(grid.values.length, layout.headerIndex + 40);
  let seen = 0;
  for (let r = layout.headerIndex + 1; r < end; r++) {
    for (const c of layout.levels) if (pointsInName(grid.values[r]?.[c]).points !== null) seen++;
    if (seen >= 2) return true;
  }
  return false;
}

export interface ScoringRecognition {
  /** 0 … 1: how sure the header words make us */
  confidence: number;
  layout: ScoringLayout;
}

const TITLE_RE = /(评分表|得分表|评价表|打分表|评分细则)/;

/**
 * A scoring sheet in the grid: a header with a level column and a 得分 column, no target or
 * actual column, and points in a 分值 column or inside the names.
 */
export function recogniseScoringSheet(grid: Grid): ScoringRecognition | null {
  const limit = Math.min(grid.values.length, MAX_HEADER_ROWS);
  let best: ScoringRecognition | null = null;
  let bestRoles = 0;
  for (let i = 0; i < limit; i++) {
    const single = mapHeader(grid.values[i] ?? []);
    const double = i > 0 ? mapHeader(grid.values[i] ?? [], grid.values[i - 1]) : single;
    const map = double.roles.length > single.roles.length ? double : single;
    if (map.target || map.roles.length < 2) continue;
    const layout = layoutFrom(grid, i, map);
    if (!layout) continue;
    if (layout.kind === "points_in_names" && !namesCarryPoints(grid, layout)) continue;
    let confidence = 0.5;
    if (layout.criteria !== null) confidence += 0.2;
    if (layout.kind !== "points_in_names" || layout.levels.length >= 2) confidence += 0.15;
    if (layout.reason !== null) confidence += 0.05;
    for (let r = 0; r < i; r++) {
      if ((grid.values[r] ?? []).some((v) => typeof v === "string" && TITLE_RE.test(normalizeText(v)))) {
        confidence += 0.1;
        break;
      }
    }
    confidence = Math.min(1, confidence);
    // on a tie the header naming more columns wins (the lower row of a two-row header)
    if (!best || confidence > best.confidence || (confidence === best.confidence && map.roles.length > bestRoles)) {
      best = { confidence, layout };
      bestRoles = map.roles.length;
    }
  }
  return best;
}

/** A level (一级 / 二级 / the leaf's parents) as written: its name, cell and stated points. */
export interface LevelNode {
  depth: number;
  name: string;
  /** the text as written (投  入\n(15分)) */
  text: string;
  cell: string;
  /** stated points (from its 分值 column or its name), or null */
  points: number | null;
  /** the cell the points were read from (its 分值 cell or its name cell) */
  pointsCell: string | null;
  parent: LevelNode | null;
  children: LevelNode[];
  /** indices into ScoringRead.rows of the rows directly under it */
  rows: number[];
}

export interface ScoringRow {
  /** 1-based sheet row */
  row: number;
  index: number;
  name: string;
  nameCell: string;
  level1: string;
  level2: string;
  points: InputCell | null;
  /** points read from the name when no 分值 cell holds them */
  namePoints: number | null;
  score: InputCell | null;
  reason: InputCell | null;
  criteria: string | null;
  criteriaCell: InputCell | null;
  parent: LevelNode | null;
}

export interface ScoringTotal {
  row: number;
  label: string;
  points: InputCell | null;
  namePoints: number | null;
  score: InputCell | null;
}

export interface ScoringRead {
  rows: ScoringRow[];
  /** level nodes, outermost first in sheet order */
  levels: LevelNode[];
  totals: ScoringTotal[];
  sectionRows: number[];
  lastRow: number;
}

/** A total row's label starts with one of the shared total words (总分（100分）, 合计). */
const TOTAL_LABEL_RE = new RegExp(`^(?:${wordsPattern(TOTAL_ROW_WORDS)})`, "i");

function isHeaderAgain(line: CellValue[], layout: ScoringLayout): boolean {
  let hits = 0;
  for (const c of [...layout.levels, layout.score]) if (scoringRoleOf(line[c]) !== null) hits++;
  return hits >= 2;
}

export function readScoringSheet(grid: Grid, layout: ScoringLayout): ScoringRead {
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const cellAt = (r: number, c: number | null): InputCell | null =>
    c === null ? null : { value: grid.values[r]?.[c], format: grid.numberFormats?.[r]?.[c] ?? null, cell: a1(firstRow + r, firstCol + c) };
  const rows: ScoringRow[] = [];
  const levels: LevelNode[] = [];
  const totals: ScoringTotal[] = [];
  const sectionRows: number[] = [];
  const depth = layout.levels.length;
  const leafDepth = depth - 1;
  // the open node at each depth above the leaf
  const open: Array<LevelNode | null> = layout.levels.map(() => null);
  let lastRow = firstRow + layout.headerIndex;
  const stop = layout.ownColumn ?? Infinity;
  for (let r = layout.headerIndex + 1; r < grid.values.length; r++) {
    const line = grid.values[r] ?? [];
    const sheetRow = firstRow + r;
    if (filledCount(line, stop) === 0) continue;
    if (isHeaderAgain(line, layout)) {
      sectionRows.push(sheetRow);
      continue;
    }
    const labels = layout.levels.map((c) => normalizeText(cellText(line[c])));
    const firstLabel = labels.find((t) => t !== "") ?? normalizeText(cellText(line[0]));
    if (TOTAL_LABEL_RE.test(firstLabel)) {
      const named = pointsInName(firstLabel);
      totals.push({ row: sheetRow, label: named.name, points: cellAt(r, layout.points), namePoints: named.points, score: cellAt(r, layout.score) });
      lastRow = sheetRow;
      continue;
    }
    if (FOOTER_RE.test(firstLabel)) {
      sectionRows.push(sheetRow);
      continue;
    }
    // the deepest level written on this row: above the leaf it opens a node, at the leaf it is a row
    let deepest = -1;
    for (let d = 0; d < depth; d++) if (labels[d] !== "") deepest = d;
    const scoreCell = cellAt(r, layout.score);
    const pointsCell = cellAt(r, layout.points);
    const hasData = !isBlank(scoreCell?.value) || !isBlank(pointsCell?.value);
    // a row whose leaf cell is blank but which carries a score is scored at its deepest level
    const leafAt = labels[leafDepth] !== "" ? leafDepth : hasData ? deepest : -1;
    for (let d = 0; d < depth; d++) {
      if (labels[d] === "" || d === leafAt) continue;
      const named = pointsInName(line[layout.levels[d]], { bare: true });
      const pc = layout.levelPoints[d];
      let points = named.points;
      let pCell: string | null = named.points !== null ? a1(sheetRow, firstCol + layout.levels[d]) : null;
      if (pc !== null && pc !== layout.points && typeof line[pc] === "number") {
        points = line[pc] as number;
        pCell = a1(sheetRow, firstCol + pc);
      }
      const parent = d > 0 ? open[d - 1] : null;
      const node: LevelNode = { depth: d, name: named.name, text: cellText(line[layout.levels[d]]), cell: a1(sheetRow, firstCol + layout.levels[d]), points, pointsCell: pCell, parent, children: [], rows: [] };
      if (parent) parent.children.push(node);
      levels.push(node);
      open[d] = node;
      for (let k = d + 1; k < depth; k++) open[k] = null;
    }
    if (leafAt < 0) {
      sectionRows.push(sheetRow);
      continue;
    }
    const leafCol = layout.levels[leafAt];
    const named = pointsInName(line[leafCol]);
    let parent: LevelNode | null = null;
    for (let d = leafAt - 1; d >= 0 && parent === null; d--) parent = open[d];
    const top = (d: number) => {
      let n = parent;
      while (n && n.depth > d) n = n.parent;
      return n && n.depth === d ? n.name : "";
    };
    const criteria = layout.criteria === null ? null : cellText(line[layout.criteria]).trim() || null;
    const row: ScoringRow = {
      row: sheetRow,
      index: r,
      name: named.name,
      nameCell: a1(sheetRow, firstCol + leafCol),
      level1: leafAt > 0 ? top(0) : "",
      level2: leafAt > 1 ? top(1) : "",
      points: pointsCell,
      namePoints: named.points,
      score: scoreCell,
      reason: cellAt(r, layout.reason),
      criteria,
      criteriaCell: criteria === null ? null : cellAt(r, layout.criteria),
      parent,
    };
    if (parent) parent.rows.push(rows.length);
    rows.push(row);
    lastRow = sheetRow;
  }
  return { rows, levels, totals, sectionRows, lastRow };
}

export const SCORING_KINDS = [
  { id: "scoring", label: { zh: "绩效评价评分表", en: "Scoring sheet" }, cli: "scoring", showsTotal: true, named: true },
] as const;

/** Header roles as the shared layout names them (reported in --json `columns`). */
function tableLayout(layout: ScoringLayout): TableLayout {
  const columns: ColumnMap = {};
  const names: Array<"level1" | "level2" | "name"> = layout.levels.length >= 3 ? ["level1", "level2", "name"] : layout.levels.length === 2 ? ["level1", "name"] : ["name"];
  layout.levels.forEach((c, i) => (columns[names[i]] = c));
  if (layout.points !== null) columns.points = layout.points;
  columns.score = layout.score;
  if (layout.reason !== null) columns.reason = layout.reason;
  return { headerIndex: layout.headerIndex, columns, ownColumn: layout.ownColumn, lastColumn: layout.lastColumn };
}

/** How many rows below the table a stated grade is looked for. */
const GRADE_ROWS_BELOW = 15;

/**
 * The rows read as indicator inputs scored against their points (scoreOnly), the levels that state
 * points, and rows left to fill in: such a row carries what its level's points leave unallocated,
 * so the total is provisional rather than the row counting 0.
 */
export function scoringFormRead(grid: Grid, layout: ScoringLayout, read: ScoringRead, preset: Preset): FormRead | Refusal {
  const firstRow = grid.firstRow ?? 1;
  const messages: Message[] = [];
  const sheetRowsUnder = (n: LevelNode): number[] => [...n.rows.map((i) => read.rows[i].row), ...n.children.flatMap(sheetRowsUnder)];
  const pointsOf = (r: ScoringRow): number | null => {
    if (r.points && !isBlank(r.points.value)) {
      const q = parseQuantity(r.points.value, r.points.format);
      return q.ok ? q.q.value : null;
    }
    return r.namePoints;
  };
  const known = (n: LevelNode): number => n.rows.reduce((s, i) => s + (pointsOf(read.rows[i]) ?? 0), 0) + n.children.reduce((s, c) => s + (c.points ?? known(c)), 0);
  // a sheet is read when some row states points or a score; a blank template of names alone is not one
  if (!read.rows.some((r) => pointsOf(r) !== null || !isBlank(r.score?.value))) return { ok: false, reason: CORE_TEXT.noIndicatorRows };
  // a row left to fill in: the innermost level with points holds what is unallocated
  const pending = new Map<number, number>();
  for (const n of read.levels) {
    const blank = n.rows.filter((i) => pointsOf(read.rows[i]) === null && isBlank(read.rows[i].score?.value));
    if (blank.length === 0) continue;
    let holder: LevelNode | null = n;
    while (holder && holder.points === null) holder = holder.parent;
    for (const i of blank) messages.push(msg("row_unfilled", {}, read.rows[i].nameCell));
    if (holder) {
      const rest = Math.max(0, roundHalfUp(holder.points! - known(holder), 6));
      messages.push(msg("level_unfilled", { name: holder.name, points: holder.points!, n: blank.length }, holder.pointsCell ?? holder.cell));
      pending.set(blank[0], rest);
      for (const i of blank.slice(1)) pending.set(i, 0);
    }
  }
  const rows: IndicatorInput[] = read.rows.map((r, i) => ({
    row: r.row,
    index: r.index,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    nameCell: r.nameCell,
    target: null,
    actual: null,
    operator: null,
    unit: null,
    points: r.points,
    score: r.score,
    reason: r.reason,
    pointsValue: pending.has(i) ? pending.get(i) : r.namePoints,
    criteria: r.criteriaCell,
    scoreOnly: true,
  }));
  // a stated 合计 of the points (a 分值 cell or 总分（100分）) against the rows' points
  const pointsSum = roundHalfUp(read.rows.reduce((s, r, i) => s + (pending.get(i) ?? pointsOf(r) ?? 0), 0), 6);
  for (const t of read.totals) {
    const statedCell = t.points && !isBlank(t.points.value) ? t.points : null;
    const q = statedCell ? parseQuantity(statedCell.value, statedCell.format) : null;
    const stated = q && q.ok ? q.q.value : t.namePoints;
    if (stated !== null && Math.abs(stated - pointsSum) > 1e-9) {
      messages.push(msg("stated_points_total", { stated, computed: pointsSum }, statedCell?.cell ?? a1(t.row, (grid.firstCol ?? 1) + layout.levels[0])));
    }
  }
  const levels: LevelInput[] = [];
  for (const n of read.levels) {
    if (n.points === null) continue;
    const childLevels = n.children.filter((c) => c.points !== null);
    const level: LevelInput = { name: n.name, cell: n.pointsCell ?? n.cell, points: n.points, depth: n.depth + 1, rows: sheetRowsUnder(n) };
    if (childLevels.length > 0 && childLevels.length === n.children.length && n.rows.length === 0) level.childPoints = childLevels.reduce((s, c) => s + (c.points ?? 0), 0);
    levels.push(level);
  }
  const above = Array.from({ length: layout.headerIndex }, (_, i) => i);
  const lastIndex = read.lastRow - firstRow;
  const below = read.totals.map((t) => t.row - firstRow);
  for (let r = lastIndex + 1; r < Math.min(grid.values.length, lastIndex + 1 + GRADE_ROWS_BELOW); r++) below.push(r);
  const info = readFormInfo(grid, layout.headerIndex, false);
  return {
    family: "scoring",
    form: { ...info, kind: "scoring" },
    layout: tableLayout(layout),
    blocks: [{ title: null, cell: null, points: null, headerIndex: layout.headerIndex, rows }],
    totalRows: read.totals.map((t) => ({ row: t.row, score: t.score, points: t.points && !isBlank(t.points.value) ? t.points : null, pointsValue: t.namePoints })),
    sectionRows: read.sectionRows,
    lastRow: read.lastRow,
    budget: null,
    statedGrade: findStatedGrade(grid, [...below, ...above], preset),
    levels,
    weighted: null,
    messages,
  };
}

export const scoringFamily = {
  id: "scoring",
  kinds: SCORING_KINDS,
  recognise(grid, options): Recognition | null {
    // the user's forced header or columns are for the indicator-table reader
    if (options.headerIndex !== undefined || options.columns !== undefined) return null;
    const found = recogniseScoringSheet(grid);
    return found ? { confidence: found.confidence, layout: tableLayout(found.layout), detail: found.layout } : null;
  },
  read(grid, recognition, context) {
    const layout = recognition.detail as ScoringLayout;
    return scoringFormRead(grid, layout, readScoringSheet(grid, layout), context.preset);
  },
} satisfies FormFamily;
