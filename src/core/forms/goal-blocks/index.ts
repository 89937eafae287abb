/**
 * Goal-block forms (docs/form-families.md): a budget line whose points are in its header
 * (`预算执行情况（万元）（20分） | 预算数（A） | 执行数（B） | 执行率（B/A） | 得分（20分*执行率）`),
 * then several blocks `年度绩效目标1（40分）`, `年度绩效目标2（40分）`, each with its own header row
 * (`年初目标值（A） | 实际完成值（B） | 得分`) and no 分值 column. The points come from the block
 * titles; a header repeated inside the table is a header. This file reads; the engine scores. Pure.
 */
import { a1 } from "../../basics/address";
import { CellValue, Grid, cellText, isBlank } from "../../basics/grid";
import { CORE_TEXT, Message, msg } from "../../basics/messages";
import { normalizeText } from "../../basics/normalize-text";
import type { Preset } from "../../indicators/presets";
import { BudgetRead, readBudgetBlock } from "../budget-block";
import type { FormFamily, FormRead, Recognition, Refusal, RowBlock } from "../family";
import { ExtractedRows, IndicatorInput, extractRows } from "../indicator-rows";
import { findStatedGrade, readFormInfo } from "../standard-form";
import { pointsInName } from "../level-points";
import { TableLayout, findTable, roleOfHeader } from "../table-finder";

/** 年度绩效目标1（40分）, 绩效目标二（30分）, 目标3(30分): a numbered goal with its points. */
const BLOCK_TITLE_RE = /^([一二三四五六七八九十]+[、.]|[0-9]+[、.])?(年度)?(绩效)?(总体)?目标[0-9一二三四五六七八九十]+/;

export interface GoalBlockTitle {
  /** 0-based grid row of the title */
  index: number;
  name: string;
  text: string;
  cell: string;
  points: number | null;
}

function titleIn(grid: Grid, r: number): GoalBlockTitle | null {
  const line = grid.values[r] ?? [];
  for (let c = 0; c < Math.min(line.length, 4); c++) {
    const v = line[c];
    if (isBlank(v)) continue;
    if (typeof v !== "string") return null;
    const t = normalizeText(v);
    if (!BLOCK_TITLE_RE.test(t)) return null;
    const named = pointsInName(v);
    return { index: r, name: named.name, text: v, cell: a1((grid.firstRow ?? 1) + r, (grid.firstCol ?? 1) + c), points: named.points };
  }
  return null;
}

function isIndicatorHeader(line: CellValue[]): boolean {
  let target = false;
  let actual = false;
  let score = false;
  for (const v of line) {
    const role = roleOfHeader(v);
    if (role === "target") target = true;
    else if (role === "actual") actual = true;
    else if (role === "score") score = true;
  }
  return (target || actual) && score;
}

export interface GoalBlock {
  title: GoalBlockTitle;
  layout: TableLayout;
  extracted: ExtractedRows;
}

export interface GoalBlocksRead {
  blocks: GoalBlock[];
  /** the budget line (its points from the header words when it has no 分值 column) */
  budget: BudgetRead | null;
  /** the header cell the budget's points were read from, when they came from a header */
  budgetPointsFrom: string | null;
  lastRow: number;
}

export interface GoalBlockRecognition {
  confidence: number;
  titles: GoalBlockTitle[];
}

/** Two or more numbered goal titles with points, or one followed by its own indicator header. */
export function recogniseGoalBlocks(grid: Grid): GoalBlockRecognition | null {
  const titles: GoalBlockTitle[] = [];
  let headers = 0;
  for (let r = 0; r < grid.values.length; r++) {
    const t = titleIn(grid, r);
    if (t && t.points !== null) titles.push(t);
    if (isIndicatorHeader(grid.values[r] ?? [])) headers++;
  }
  if (titles.length === 0 || headers === 0) return null;
  // two numbered goals each with its own header outrank the national form (0.9) the same sheet resembles
  let confidence = 0.7;
  if (titles.length >= 2) confidence += 0.15;
  if (headers >= titles.length) confidence += 0.1;
  return { confidence: Math.min(1, confidence), titles };
}

/** The points a budget header states: `预算执行情况（万元）（20分）` or `得分（20分*执行率）`. */
function budgetHeaderPoints(grid: Grid, read: BudgetRead): { points: number; cell: string } | null {
  const line = grid.values[read.headerIndex] ?? [];
  for (let c = 0; c < line.length; c++) {
    const p = pointsInName(line[c]).points;
    if (p !== null) return { points: p, cell: a1((grid.firstRow ?? 1) + read.headerIndex, (grid.firstCol ?? 1) + c) };
  }
  return null;
}

export function readGoalBlocks(grid: Grid, titles: GoalBlockTitle[]): GoalBlocksRead {
  const blocks: GoalBlock[] = [];
  let lastRow = grid.firstRow ?? 1;
  for (let k = 0; k < titles.length; k++) {
    const title = titles[k];
    const end = k + 1 < titles.length ? titles[k + 1].index : grid.values.length;
    // the block's header: the title row itself, or the first header row after it
    let headerIndex = -1;
    for (let r = title.index; r < Math.min(end, title.index + 4); r++) {
      if (isIndicatorHeader(grid.values[r] ?? [])) {
        headerIndex = r;
        break;
      }
    }
    if (headerIndex < 0) continue;
    // the block alone: rows up to the next title
    const part: Grid = { ...grid, values: grid.values.slice(0, end), numberFormats: grid.numberFormats?.slice(0, end) };
    const found = findTable(part, { headerIndex });
    if (!found.ok) continue;
    const extracted = extractRows(part, found.layout);
    blocks.push({ title, layout: found.layout, extracted });
    lastRow = Math.max(lastRow, extracted.lastRow);
  }
  const firstTitle = titles.length ? titles[0].index : grid.values.length;
  const above = Array.from({ length: firstTitle }, (_, i) => i);
  const budget = readBudgetBlock(grid, above);
  let budgetPointsFrom: string | null = null;
  if (budget && budget.line.points === null) {
    const hp = budgetHeaderPoints(grid, budget);
    if (hp) {
      budget.line = { ...budget.line, points: hp.points, cells: { ...budget.line.cells, points: hp.cell } };
      budgetPointsFrom = hp.cell;
    }
  }
  return { blocks, budget, budgetPointsFrom, lastRow };
}

export const GOAL_BLOCK_KINDS = [
  { id: "goal_blocks", label: { zh: "分目标绩效自评表", en: "Goal-block self-evaluation form" }, cli: "goal-blocks", showsTotal: true, named: true },
] as const;

/** How many rows below the table a stated grade is looked for. */
const GRADE_ROWS_BELOW = 15;

function sameHeader(line: CellValue[] | undefined, header: CellValue[] | undefined): boolean {
  if (!line || !header) return false;
  let same = 0;
  let filled = 0;
  for (let c = 0; c < line.length; c++) {
    if (isBlank(line[c])) continue;
    filled++;
    if (normalizeText(cellText(line[c])) === normalizeText(cellText(header[c]))) same++;
  }
  return filled >= 2 && same >= filled - 1;
}

export function goalBlocksFormRead(grid: Grid, read: GoalBlocksRead, preset: Preset): FormRead | Refusal {
  if (read.blocks.length === 0) return { ok: false, reason: CORE_TEXT.noIndicatorRows };
  const firstRow = grid.firstRow ?? 1;
  const first = read.blocks[0];
  const sectionRows: number[] = [];
  const blocks: RowBlock[] = read.blocks.map((b) => {
    const header = grid.values[b.layout.headerIndex];
    const rows: IndicatorInput[] = [];
    for (const r of b.extracted.rows) {
      // a header repeated inside the table (a page break) is a header, never an indicator row
      if (isIndicatorHeader(grid.values[r.index] ?? []) || sameHeader(grid.values[r.index], header)) sectionRows.push(r.row);
      else rows.push(r);
    }
    sectionRows.push(...b.extracted.sectionRows);
    return { title: b.title.name, cell: b.title.cell, points: b.title.points, headerIndex: b.layout.headerIndex, rows };
  });
  const totalRows = read.blocks.flatMap((b) => b.extracted.totalRows);
  // 总分（100分）: the points a total states against the budget line's and the blocks'
  const messages: Message[] = [];
  const pointsSum = (read.budget?.line.points ?? 0) + read.blocks.reduce((s, b) => s + (b.title.points ?? 0), 0);
  for (const t of totalRows) {
    const line = grid.values[t.row - firstRow] ?? [];
    for (let c = 0; c < line.length; c++) {
      const p = pointsInName(line[c]).points;
      if (p === null) continue;
      t.pointsValue = p;
      if (Math.abs(p - pointsSum) > 1e-9) messages.push(msg("stated_points_total", { stated: p, computed: pointsSum }, a1(t.row, (grid.firstCol ?? 1) + c)));
      break;
    }
  }
  const layout: TableLayout = { ...first.layout, lastColumn: Math.max(...read.blocks.map((b) => b.layout.lastColumn)) };
  const info = readFormInfo(grid, read.blocks[0].title.index, read.budget !== null);
  const above = Array.from({ length: first.layout.headerIndex }, (_, i) => i);
  const lastIndex = read.lastRow - firstRow;
  const below = totalRows.map((t) => t.row - firstRow);
  for (let r = lastIndex + 1; r < Math.min(grid.values.length, lastIndex + 1 + GRADE_ROWS_BELOW); r++) below.push(r);
  return {
    family: "goal_blocks",
    form: { ...info, kind: "goal_blocks" },
    layout,
    blocks,
    totalRows,
    sectionRows,
    lastRow: read.lastRow,
    budget: read.budget,
    statedGrade: findStatedGrade(grid, [...below, ...above], preset),
    levels: [],
    weighted: null,
    messages,
  };
}

/** Outranks the national family when the form is split into numbered goals with their own headers. */
export const goalBlockFamily = {
  id: "goal_blocks",
  kinds: GOAL_BLOCK_KINDS,
  recognise(grid, options): Recognition | null {
    if (options.headerIndex !== undefined || options.columns !== undefined) return null;
    const found = recogniseGoalBlocks(grid);
    if (!found) return null;
    const read = readGoalBlocks(grid, found.titles);
    if (read.blocks.length === 0) return null;
    return { confidence: found.confidence, layout: read.blocks[0].layout, detail: read };
  },
  read(grid, recognition, context) {
    return goalBlocksFormRead(grid, recognition.detail as GoalBlocksRead, context.preset);
  },
} satisfies FormFamily;
