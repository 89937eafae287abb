/**
 * Scoring the form families of docs/form-families.md once read: scoring sheets (rows scored against
 * written criteria) and goal-block forms (rows checked, scores held to each block's points). The
 * rows, levels, budget line and totals come out as every other table's (ValidateResult + WritePlan).
 */
import { columnLetter } from "../basics/address";
import { roundHalfUp } from "../basics/decimal";
import { CellValue, Grid, isBlank } from "../basics/grid";
import { CORE_TEXT, Message, msg } from "../basics/messages";
import { PlanRowInput, WritePlan, buildPlan } from "../basics/write-plan";
import { scoreBudget } from "../forms/budget-block";
import { GoalBlocksRead } from "../forms/goal-block";
import { InputCell } from "../forms/indicator-rows";
import { LevelNode, ScoringLayout, ScoringRead } from "../forms/scoring-sheet";
import { findStatedGrade, readFormInfo } from "../forms/standard-form";
import { withPoints } from "../forms/level-points";
import { numberOf, tableChecks } from "./evaluate-common";
import { evaluateRow } from "./evaluate";
import { LevelInput, TotalPart, checkLevels, familySummary } from "./level-totals";
import { Preset, Settings } from "./presets";
import { RowResult, ValidateResult } from "./results";
import { RESULT_COLUMNS, planRow, summaryPlanRows } from "./result-plan";
import type { Bilingual } from "../basics/text";

export type FamilyOutcome = { ok: true; result: ValidateResult; plan: WritePlan } | { ok: false; reason: Bilingual };

/** Level messages go into the 核对·说明 of the row the level starts on. */
function attachLevelMessages(planRows: PlanRowInput[], messages: Message[]): void {
  for (const m of messages) {
    if (!m.cell) continue;
    const row = Number(/\d+$/.exec(m.cell)?.[0]);
    const p = planRows.find((x) => x.row === row);
    if (!p) continue;
    const line = `${m.cell}: ${m.text.zh}`;
    const values = [...p.values];
    values[3] = values[3] ? `${String(values[3])}；${line}` : line;
    p.values = values;
    if (m.severity !== "info") p.note = p.note ? `${p.note}\n${line}` : line;
  }
}

function belowRows(grid: Grid, lastRow: number, totals: number[]): number[] {
  const firstRow = grid.firstRow ?? 1;
  const out = totals.map((r) => r - firstRow);
  for (let r = lastRow - firstRow + 1; r < Math.min(grid.values.length, lastRow - firstRow + 16); r++) out.push(r);
  return out;
}

/** One scoring-sheet row: its points (分值 cell or name), its stated score, its criteria; checked, not computed. */
function scoreRow(row: ScoringRead["rows"][number], settings: Settings): RowResult {
  const messages: Message[] = [];
  const pointsCell: InputCell | null = row.points && !isBlank(row.points.value) ? row.points : null;
  const W = pointsCell ? numberOf(pointsCell, "points_invalid", messages) : row.namePoints;
  const S = numberOf(row.score, "score_invalid", messages);
  const result: RowResult = {
    row: row.row,
    name: row.name,
    level1: row.level1,
    level2: row.level2,
    target: { text: "", op: "none", value: null, value2: null, unit: null, implicit: false },
    actual: { text: "", value: null, unit: null, bound: null, band: null },
    status: "qualitative",
    completion: W !== null && S !== null && W > 0 ? S / W : null,
    deviation: null,
    overAchieved: false,
    points: W,
    statedScore: S,
    computedScore: null,
    score: S,
    messages,
  };
  if (row.criteria !== null) result.criteria = row.criteria;
  if (W === null && S === null) {
    result.status = "invalid";
    if (!messages.length) messages.push(msg("row_unfilled", {}, row.nameCell));
    return result;
  }
  if (S === null && W !== null) {
    result.status = "invalid";
    if (!messages.length) messages.push(msg("score_missing", { points: W }, row.score?.cell ?? row.nameCell));
    return result;
  }
  const input = { reason: row.reason, score: row.score, nameCell: row.nameCell } as Parameters<typeof tableChecks>[2];
  tableChecks(result, settings, input, messages);
  return result;
}

function levelInputs(read: ScoringRead, results: RowResult[]): LevelInput[] {
  const map = new Map<LevelNode, LevelInput>();
  const make = (n: LevelNode): LevelInput => {
    let li = map.get(n);
    if (li) return li;
    li = { name: n.name, cell: n.pointsCell ?? n.cell, points: n.points, children: [], rows: [] };
    map.set(n, li);
    for (const c of n.children) li.children.push(make(c));
    for (const i of n.rows) {
      const r = results[i];
      li.rows.push({ points: r.points, score: r.status === "invalid" ? null : r.score });
    }
    return li;
  };
  return read.levels.filter((n) => n.parent === null).map(make);
}

export function validateScoringSheet(grid: Grid, layout: ScoringLayout, read: ScoringRead, settings: Settings, preset: Preset): FamilyOutcome {
  if (read.rows.length === 0) return { ok: false, reason: CORE_TEXT.noIndicatorRows };
  const rows = read.rows.map((r) => scoreRow(r, settings));
  const check = checkLevels(levelInputs(read, rows));
  // rows left to fill in under a level with points are counted there (undetermined), not one by one
  const parts: TotalPart[] = [];
  const underPending = new Set<number>();
  for (const level of read.levels) {
    for (const i of level.rows) if (rows[i].points === null) underPending.add(i);
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.points === null) continue;
    parts.push({ points: r.points, score: r.status === "invalid" ? null : r.score });
  }
  for (const p of check.pending) parts.push({ points: p.points, score: null });
  // rows with nothing filled in and no level to hold their points stay undetermined at 0 points
  for (let i = 0; i < rows.length; i++) if (rows[i].points === null && !underPending.has(i)) parts.push({ points: 0, score: null });
  const form = readFormInfo(grid, layout.headerIndex, false);
  form.kind = "scoring";
  const statedGrade = findStatedGrade(grid, [...belowRows(grid, read.lastRow, read.totals.map((t) => t.row)), ...Array.from({ length: layout.headerIndex }, (_, i) => i)], preset);
  const tops = read.levels.filter((n) => n.parent === null);
  const summary = familySummary({
    rows,
    parts,
    totals: read.totals,
    budget: null,
    statedGrade,
    levels: check.levels,
    messages: check.messages,
    pointsDetail: tops.map((n) => `${n.name}${n.points ?? "?"}`).join("+"),
    preset,
    settings,
  });
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const columns: Record<string, string> = {};
  const names = ["level1", "level2", "name"];
  layout.levels.forEach((c, i) => (columns[names[i + (3 - layout.levels.length)] ?? `level${i + 1}`] = columnLetter(firstCol + c)));
  if (layout.points !== null) columns.points = columnLetter(firstCol + layout.points);
  columns.score = columnLetter(firstCol + layout.score);
  if (layout.reason !== null) columns.reason = columnLetter(firstCol + layout.reason);
  if (layout.criteria !== null) columns.criteria = columnLetter(firstCol + layout.criteria);
  const result: ValidateResult = { sheet: grid.sheet, form, headerRow: firstRow + layout.headerIndex, columns, rows, summary };
  const planRows = rows.map(planRow);
  attachLevelMessages(planRows, check.messages);
  const extra = summaryPlanRows(summary, form.kind, { lastRow: read.lastRow, totalRows: read.totals }, null);
  planRows.push(...extra);
  planRows.sort((a, b) => a.row - b.row);
  const plan = buildPlan({
    grid,
    headerIndex: layout.headerIndex,
    lastColumn: layout.lastColumn,
    ownColumn: layout.ownColumn,
    lastRow: Math.max(read.lastRow, ...extra.map((l) => l.row)),
    columns: RESULT_COLUMNS,
    rows: planRows,
  });
  for (const m of plan.messages) summary.messages.push({ code: m.code, severity: "info", text: m.text });
  return { ok: true, result, plan };
}

function isHeaderLine(line: CellValue[] | undefined, headerLine: CellValue[] | undefined): boolean {
  if (!line || !headerLine) return false;
  let same = 0;
  let filled = 0;
  for (let c = 0; c < line.length; c++) {
    if (isBlank(line[c])) continue;
    filled++;
    if (line[c] === headerLine[c]) same++;
  }
  return filled >= 2 && same >= Math.max(2, filled - 1);
}

export function validateGoalBlocks(grid: Grid, read: GoalBlocksRead, settings: Settings, preset: Preset): FamilyOutcome {
  if (read.blocks.length === 0) return { ok: false, reason: CORE_TEXT.noIndicatorRows };
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const firstHeader = read.blocks[0].layout.headerIndex;
  const form = readFormInfo(grid, read.blocks[0].title.index, read.budget !== null);
  form.kind = "goal_blocks";
  const context = { year: form.year };
  const rows: RowResult[] = [];
  const levels: LevelInput[] = [];
  const parts: TotalPart[] = [];
  const totals: Array<{ row: number; score: InputCell | null; points: InputCell | null }> = [];
  let lastColumn = 0;
  let ownColumn: number | null = null;
  for (const block of read.blocks) {
    const headerLine = grid.values[block.layout.headerIndex];
    const blockRows: LevelInput["rows"] = [];
    for (const input of block.extracted.rows) {
      // a header repeated inside the table is a header, never an indicator row
      if (isHeaderLine(grid.values[input.index], headerLine)) continue;
      const r = evaluateRow(input, settings, preset, context);
      rows.push(r);
      blockRows.push({ points: null, score: r.statedScore });
    }
    totals.push(...block.extracted.totalRows);
    levels.push({ name: block.title.name, cell: block.title.cell, points: block.title.points, children: [], rows: blockRows, unpointed: true });
    lastColumn = Math.max(lastColumn, block.layout.lastColumn);
    if (block.layout.ownColumn !== null) ownColumn = ownColumn === null ? block.layout.ownColumn : Math.min(ownColumn, block.layout.ownColumn);
  }
  const check = checkLevels(levels);
  // a block's score: its rows' stated scores, never above its points (the excess is a finding)
  for (const l of levels) {
    if (l.points === null) continue;
    const known = l.rows.reduce((s, r) => s + (r.score ?? 0), 0);
    const missing = l.rows.some((r) => r.score === null);
    const capped = roundHalfUp(Math.min(known, l.points), 2);
    parts.push(missing ? { points: l.points, score: null, min: capped } : { points: l.points, score: capped });
  }
  const messages = [...check.messages];
  let budget = null;
  if (read.budget) {
    const scored = scoreBudget(read.budget, grid, { cap: preset.budgetExecutionCap, scoreTolerance: settings.scoreTolerance, pointsFromPreset: null });
    budget = scored.line;
    messages.push(...scored.messages);
    if (scored.line.points !== null) parts.unshift({ points: scored.line.points, score: scored.line.score });
    // the budget line is a level of its own in the summary
    check.levels.unshift({ name: "预算执行", cell: scored.line.cells.points ?? scored.line.cells.row ?? "", points: scored.line.points, childPoints: null, score: scored.line.score });
  }
  const lastRow = read.lastRow;
  const statedGrade = findStatedGrade(grid, [...belowRows(grid, lastRow, totals.map((t) => t.row)), ...Array.from({ length: firstHeader }, (_, i) => i)], preset);
  const summary = familySummary({
    rows,
    parts,
    totals,
    budget,
    statedGrade,
    levels: check.levels,
    messages,
    pointsDetail: [budget ? `预算执行${budget.points ?? "?"}` : null, ...levels.map((l) => withPoints(l.name, l.points))].filter(Boolean).join("+"),
    preset,
    settings,
  });
  const first = read.blocks[0].layout;
  const columns: Record<string, string> = {};
  for (const [role, c] of Object.entries(first.columns)) if (c !== undefined) columns[role] = columnLetter(firstCol + c);
  const result: ValidateResult = { sheet: grid.sheet, form, headerRow: firstRow + firstHeader, columns, rows, summary };
  const planRows = rows.map(planRow);
  attachLevelMessages(planRows, check.messages);
  const extra = summaryPlanRows(summary, form.kind, { lastRow, totalRows: totals }, read.budget ? firstRow + read.budget.rowIndex : null);
  planRows.push(...extra);
  planRows.sort((a, b) => a.row - b.row);
  const plan = buildPlan({
    grid,
    headerIndex: firstHeader,
    lastColumn,
    ownColumn,
    lastRow: Math.max(lastRow, ...extra.map((l) => l.row)),
    columns: RESULT_COLUMNS,
    rows: planRows,
  });
  for (const m of plan.messages) summary.messages.push({ code: m.code, severity: "info", text: m.text });
  return { ok: true, result, plan };
}
