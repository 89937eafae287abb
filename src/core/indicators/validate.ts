/**
 * J1: check an indicator table. Grid in; results and the write plan out.
 */
import { a1, columnLetter } from "../basics/address";
import { BudgetRead, BudgetScored, scoreBudget } from "../forms/budget-block";
import { ExactSum, roundHalfUp } from "../basics/decimal";
import { evaluateRow } from "./evaluate";
import { Grid, isBlank } from "../basics/grid";
import { InputCell, describeColumns } from "../forms/indicator-rows";
import { CORE_TEXT, Message, PLAN_TEXT, msg } from "../basics/messages";
import { normalizeText } from "../basics/normalize-text";
import { TOTAL_BESIDE_WORDS, wordsPattern } from "../basics/vocabulary";
import { Preset, Settings, SettingsSchema, gradeFor, gradeName, resolvePreset } from "./presets";
import { parseQuantity } from "../basics/quantity";
import { BlockResult, RowResult, STATUSES, STATUS_LABELS, Status, Summary, ValidateResult, Weighted } from "./results";
import { blockResults, levelResults, weightedResult } from "./structure";
import { FormReading, formKind, readForm } from "../forms/registry";
import { ColumnMap } from "../forms/table-finder";
import type { Bilingual } from "../basics/text";
import { PlanCell, PlanColumn, PlanRowInput, WritePlan, buildPlan } from "../basics/write-plan";
import { outsideRangeSeverity, sortBySeverity, statedFigureSeverity, statedRankSeverity, scoreDecimals } from "../basics/severity";
import { markBlankScores, rowUndetermined, scoreCellValue } from "./consistency";

export const RESULT_COLUMNS: PlanColumn[] = [
  { header: "核对·状态", numberFormat: "@", width: 12 },
  { header: "核对·完成率", numberFormat: "0.00%", width: 12 },
  { header: "核对·得分", numberFormat: "0.00", width: 10 },
  { header: "核对·说明", numberFormat: "@", width: 48 },
];

export interface ValidateOptions {
  settings?: Partial<Settings>;
  /** force the header row (0-based grid index) or columns when detection is wrong */
  headerIndex?: number;
  columns?: ColumnMap;
}

export type ValidateOutcome =
  | { ok: true; result: ValidateResult; plan: WritePlan }
  | { ok: false; reason: Bilingual };

export function validateGrid(grid: Grid, options: ValidateOptions = {}): ValidateOutcome {
  const settings = SettingsSchema.parse(options.settings ?? {});
  const preset = resolvePreset(settings);
  // the most confident form family reads the grid (docs/form-families.md); scoring is shared
  const reading = readForm(grid, { headerIndex: options.headerIndex, columns: options.columns }, { preset });
  if (!reading.ok) return reading;
  const read = reading.read;
  const layout = read.layout;
  const form = read.form;
  const context = { year: form.year };
  const inputs = read.blocks.flatMap((b) => b.rows);
  const rows: RowResult[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) rows[i] = evaluateRow(inputs[i], settings, preset, context);
  markBlankScores(rows, inputs);
  if (read.blocks.length > 1) {
    let i = 0;
    read.blocks.forEach((b, k) => {
      for (let j = 0; j < b.rows.length; j++) rows[i++].block = k;
    });
  }
  const firstRow = grid.firstRow ?? 1;
  const summary = summarize(rows, read, layout.columns, preset, settings, grid, firstRow + layout.headerIndex);
  const firstCol = grid.firstCol ?? 1;
  const result: ValidateResult = {
    sheet: grid.sheet,
    form,
    headerRow: firstRow + layout.headerIndex,
    columns: describeColumns(layout.columns, firstCol, columnLetter),
    rows,
    summary,
  };
  const summaryLines = summaryPlanRows(summary, formKind(form.kind).showsTotal, read, read.budget ? firstRow + read.budget.rowIndex : null);
  // rows whose value is a ratio of data items get it back as a live formula in a column of its own (docs/form-families.md)
  const valueColumn = rows.some((r) => r.computed);
  const planRows = rows.map((r) => (valueColumn ? withValueCell(planRow(r), r) : planRow(r)));
  placeStructureFindings(summary, planRows);
  if (valueColumn) {
    for (const l of summaryLines) l.values.push(null);
    for (const p of planRows) while (p.values.length < RESULT_COLUMNS.length + 1) p.values.push(null);
  }
  if (summaryLines.length) {
    for (const item of summaryLines) planRows.push(item);
    planRows.sort((a, b) => a.row - b.row);
  }
  const plan = buildPlan({
    grid,
    headerIndex: layout.headerIndex,
    lastColumn: layout.lastColumn,
    ownColumn: layout.ownColumn,
    lastRow: Math.max(read.lastRow, ...summaryLines.map((l) => l.row)),
    columns: valueColumn ? [...RESULT_COLUMNS, VALUE_COLUMN] : RESULT_COLUMNS,
    rows: planRows,
  });
  for (const m of plan.messages) summary.messages.push({ code: m.code, severity: "info", text: m.text });
  // errors first in every output, --json included (docs/rules.md, "Severity"); stable within one severity
  summary.messages = sortBySeverity(summary.messages);
  for (const r of rows) r.messages = sortBySeverity(r.messages);
  return { ok: true, result, plan };
}

/**
 * The budget line and the total, written with the results (docs/standard-forms.md, "Write-back"):
 * the budget line below the table (linked to the block's row on a results sheet), the total on the
 * table's 总分 row or below the budget line.
 */
function summaryPlanRows(s: Summary, showsTotal: boolean, extracted: Pick<FormReading, "lastRow" | "totalRows">, budgetRow: number | null): PlanRowInput[] {
  const out: PlanRowInput[] = [];
  let next = extracted.lastRow + 1;
  const b = s.budget;
  if (b) {
    const parts: string[] = [];
    if (b.rate !== null) parts.push(PLAN_TEXT.budgetRate({ rate: roundHalfUp(b.rate * 100, 2), executed: b.executed, budget: b.budget, initialBudget: b.initialBudget }));
    if (b.score !== null && b.points !== null) parts.push(PLAN_TEXT.budgetScore(b.score, b.points));
    for (const m of s.messages) if (m.code.startsWith("budget_") && m.severity !== "info") parts.push(m.cell ? `${m.cell}: ${m.text.zh}` : m.text.zh);
    const pending = b.score === null && b.points !== null && b.points > 0;
    out.push({ row: next++, source: budgetRow ?? undefined, values: [PLAN_TEXT.budgetLabel, b.rate === null ? null : roundHalfUp(b.rate, 6), pending ? PLAN_TEXT.pending : b.score, parts.join("；") || null], status: null, note: null });
  }
  // a plain table gets its total on its own 合计/总分 row only; a national form always shows it
  const appendTotal = showsTotal;
  if (s.totalScore !== null && (extracted.totalRows.length > 0 || appendTotal)) {
    const totalRow = extracted.totalRows.length ? extracted.totalRows[extracted.totalRows.length - 1].row : next++;
    const budget = PLAN_TEXT.budgetIncluded(b ? b.score : null);
    const total = s.totalScore;
    const text = s.final && s.gradeWithheld === "points_total"
      ? PLAN_TEXT.totalNotGraded({ total, outOf: s.outOf, budget, points: s.pointsTotal })
      : s.final
      ? PLAN_TEXT.totalGraded({ total, budget, grade: s.grade })
      : PLAN_TEXT.totalProvisional({ total, budget, rows: s.undetermined.rows, points: s.undetermined.points, min: s.range?.[0], max: s.range?.[1] });
    out.push({ row: totalRow, values: [PLAN_TEXT.totalLabel(s.final), null, s.totalScore, text], status: null, note: null });
  }
  return out;
}

/** The value of a row computed from its data items, as a live formula (never written into the user's 指标值 cell). */
export const VALUE_COLUMN: PlanColumn = { header: "核对·指标值", numberFormat: "0.00", width: 12 };

function withValueCell(line: PlanRowInput, r: RowResult): PlanRowInput {
  const c = r.computed;
  const cell: PlanCell = c ? (c.value === null ? { formula: c.formula } : { formula: c.formula, cached: roundHalfUp(c.value, 10) }) : null;
  return { ...line, values: [...line.values, cell] };
}

/** Findings on a level's or a block's stated points, written on the row of the cell that states them. */
const STRUCTURE_CODES = new Set(["level_points", "block_over_points", "block_met_below_points"]);

function placeStructureFindings(s: Summary, planRows: PlanRowInput[]): void {
  for (const m of s.messages) {
    if (!STRUCTURE_CODES.has(m.code) || !m.cell) continue;
    const at = /(\d+)$/.exec(m.cell);
    if (!at) continue;
    const row = Number(at[1]);
    const line = `${m.cell}: ${m.text.zh}`;
    const existing = planRows.find((p) => p.row === row);
    if (existing) {
      const text = existing.values[3];
      existing.values[3] = typeof text === "string" && text !== "" ? `${text}；${line}` : line;
      existing.note = existing.note ? `${existing.note}\n${line}` : line;
    } else {
      planRows.push({ row, values: [null, null, null, line], status: null, note: line });
    }
  }
  planRows.sort((a, b) => a.row - b.row);
}

/** One row of result cells: status label, completion, score, explanation. */
export function planRow(r: RowResult): PlanRowInput {
  let explain = "";
  let note = "";
  let infos = "";
  for (const m of sortBySeverity(r.messages)) {
    const line = m.cell ? `${m.cell}: ${m.text.zh}` : m.text.zh;
    if (m.severity === "info") infos = infos ? `${infos}；${line}` : line;
    else {
      explain = explain ? `${explain}；${line}` : line;
      note = note ? `${note}\n${line}` : line;
    }
  }
  return {
    row: r.row,
    // errors and warnings first, then the notes (a unit taken from the target, an operator assumed): every assumption is shown
    values: [STATUS_LABELS[r.status].zh, r.completion === null ? null : roundHalfUp(r.completion, 6), scoreCellValue(r), [explain, infos].filter(Boolean).join("；") || null],
    status: r.status,
    note: note || null,
  };
}

const BUDGET_NAME_RE = /预算/;

function categoryOf(level1: string, name: string, preset: Preset): string | null {
  const l1 = normalizeText(level1);
  for (const c of preset.categories) if (c.match.some((w) => l1.includes(w))) return c.id;
  const n = normalizeText(name);
  for (const c of preset.categories) if (c.id === "budget" && c.match.some((w) => n.includes(w))) return c.id;
  return null;
}

const TOTAL_BESIDE_RE = new RegExp(`^(${wordsPattern(TOTAL_BESIDE_WORDS)})[:：]?$`);

/**
 * `自评得分 | 97.95 | 自评等级 | 优`: a total written beside its label rather than in the score column.
 * A number in the points column is the 分值 total (100), never the stated score.
 */
function totalBesideLabel(grid: Grid, sheetRow: number, pointsColumn: number | undefined): InputCell | null {
  const r = sheetRow - (grid.firstRow ?? 1);
  const line = grid.values[r] ?? [];
  for (let c = 0; c < line.length; c++) {
    const v = line[c];
    if (typeof v !== "string" || !TOTAL_BESIDE_RE.test(normalizeText(v))) continue;
    for (let k = c + 1; k < line.length; k++) {
      if (isBlank(line[k]) || k === pointsColumn) continue;
      if (typeof line[k] !== "number") break;
      return { value: line[k], format: grid.numberFormats?.[r]?.[k], cell: a1(sheetRow, (grid.firstCol ?? 1) + k) };
    }
  }
  return null;
}

/** A1 of a 0-based table column on a 1-based sheet row, or undefined. */
function columnCell(grid: Grid, col: number | undefined, sheetRow: number | undefined): string | undefined {
  if (col === undefined || sheetRow === undefined) return undefined;
  return a1(sheetRow, (grid.firstCol ?? 1) + col);
}

interface SummaryContext {
  grid: Grid;
  budgetRead: BudgetRead | null;
}

/** The budget line, scored; its points come from the preset's 预算执行 share only when that is what the table leaves room for. */
function budgetLine(ctx: SummaryContext, indicatorPoints: number | null, budgetCategorySeen: boolean, preset: Preset, settings: Settings): BudgetScored | null {
  if (!ctx.budgetRead) return null;
  const share = preset.categories.find((c) => c.id === "budget")?.points ?? null;
  let fromPreset: number | null = null;
  if (ctx.budgetRead.line.points === null && share !== null && share > 0 && !budgetCategorySeen && indicatorPoints !== null) {
    if (Math.abs(indicatorPoints + share - preset.total) < 1e-9) fromPreset = share;
  }
  return scoreBudget(ctx.budgetRead, ctx.grid, { cap: preset.budgetExecutionCap, scoreTolerance: settings.scoreTolerance, pointsFromPreset: fromPreset, scoredInTable: budgetCategorySeen });
}

/** 投入15+过程40: the rows' points per level-1 group, in sheet order. */
function pointsByLevel1(rows: RowResult[]): string[] {
  const sums = new Map<string, ExactSum>();
  for (const r of rows) {
    if (r.points === null || r.breakdown) continue;
    const key = r.level1 || r.name;
    if (!sums.has(key)) sums.set(key, new ExactSum());
    sums.get(key)?.add(r.points);
  }
  return [...sums].map(([k, s]) => `${k}${s.value()}`);
}

function summarize(
  rows: RowResult[],
  read: FormReading,
  columns: ColumnMap,
  preset: Preset,
  settings: Settings,
  grid: Grid,
  /** 1-based sheet row of the header, for naming the points column's cell */
  headerRow: number,
): Summary {
  const ctx: SummaryContext = { grid, budgetRead: read.budget };
  const extracted = read;
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  // the family's own findings first (made while reading), then the shared checks
  const messages: Message[] = [...read.messages];
  // points on the rows (a 分值 column, or points the family read from titles and names)
  const rowPoints = rows.some((r) => !r.breakdown && r.points !== null);
  // no points on the rows but on the blocks (年度绩效目标1（40分）): the blocks carry the total
  const blockPoints = !rowPoints && read.blocks.some((b) => b.points !== null);
  const byRow = new Map<number, RowResult>();
  for (const r of rows) byRow.set(r.row, r);
  let pointsTotal: number | null = null;
  let rawScore: number | null = null;
  let totalScore: number | null = null;
  let statedTotal: number | null = null;
  let grade: string | null = null;
  let gradeText: Bilingual | null = null;
  let range: [number, number] | undefined;
  let outOf: number | null = null;
  let gradeWithheld: Summary["gradeWithheld"] = null;
  // one pass: counts, exact sums, category sums (category looked up once per level-1 text)
  const points = new ExactSum();
  const naSum = new ExactSum();
  const scored = new ExactSum();
  const unknown = new ExactSum();
  let unknownRows = 0;
  const catSums = new Map<string, ExactSum>(preset.categories.map((c) => [c.id, new ExactSum()]));
  const catSeen = new Set<string>();
  // the first row of each category, for naming the cell of a category's points (docs/rules.md: every message names its cell)
  const catFirstRow = new Map<string, number>();
  const catCache = new Map<string, string | null>();
  let naCount = 0;
  let lost = 0;
  for (const r of rows) {
    counts[r.status]++;
    // a 其中 breakdown row is checked, never scored (docs/form-families.md)
    if (!rowPoints || r.breakdown) continue;
    const p = r.points ?? 0;
    points.add(p);
    if (r.status === "not_applicable") {
      if (r.points !== null) {
        naSum.add(p);
        naCount++;
      }
    } else if (rowUndetermined(r)) {
      // an unchecked row: its points are undetermined, its stated score is not counted
      if (r.points !== null && r.points > 0) {
        unknown.add(p);
        unknownRows++;
      }
    } else {
      scored.add(r.score ?? 0);
      if (r.points !== null && (r.statedScore ?? r.computedScore ?? r.points) < r.points) lost++;
    }
    // a scoring sheet's levels are its own (投入 / 过程 …), not the preset's 预算执行 / 产出 shares
    if (r.scoreOnly) continue;
    let cat = catCache.get(r.level1);
    if (cat === undefined) {
      cat = categoryOf(r.level1, "", preset);
      catCache.set(r.level1, cat);
    }
    if (cat === null && BUDGET_NAME_RE.test(r.name)) cat = categoryOf("", r.name, preset);
    if (cat !== null) {
      catSums.get(cat)?.add(p);
      catSeen.add(cat);
      if (!catFirstRow.has(cat)) catFirstRow.set(cat, r.row);
    }
  }
  let blocksOut: BlockResult[] | undefined;
  if (read.blocks.length > 1 || blockPoints) {
    const b = blockResults(read.blocks, byRow);
    blocksOut = b.blocks;
    for (const item of b.messages) messages.push(item);
    if (blockPoints) {
      for (const x of b.blocks) {
        if (x.points === null) continue;
        points.add(x.points);
        // a block counts at most its points: the excess is a finding (block_over_points), never total
        scored.add(Math.min(x.score ?? 0, x.points));
      }
    }
  }
  const budget = budgetLine(ctx, rowPoints || blockPoints ? points.value() : null, catSeen.has("budget"), preset, settings);
  if (budget) {
    for (const item of budget.messages) messages.push(item);
    const bp = budget.line.points;
    // without points on the indicator rows there is no total to add the budget line to
    if (bp !== null && (rowPoints || blockPoints)) {
      points.add(bp);
      catSums.get("budget")?.add(bp);
      catSeen.add("budget");
      if (budget.line.score !== null) scored.add(budget.line.score);
      else if (budget.undetermined) {
        unknown.add(bp);
        unknownRows++;
      }
    }
  }
  const hasPoints = rowPoints || blockPoints;
  let undeterminedPoints = unknown.value();
  const final = unknownRows === 0;
  let weightedOut: Weighted | undefined;
  if (hasPoints) {
    pointsTotal = points.value();
    let naPoints = naSum.value();
    rawScore = scored.value();
    let rawMax = rawScore + undeterminedPoints;
    if (read.weighted && read.weighted.length > 0) {
      // weighted level-1 blocks: Σ weight × block score ÷ block points, plus the budget line
      const w = weightedResult(read.weighted, byRow);
      for (const item of w.messages) messages.push(item);
      weightedOut = w.weighted;
      const bp = budget && budget.line.points !== null ? budget.line.points : 0;
      const bs = budget && budget.line.score !== null ? budget.line.score : 0;
      const bOpen = budget && budget.undetermined ? bp : 0;
      pointsTotal = roundHalfUp(w.weights + bp, 10);
      rawScore = roundHalfUp(w.min + bs, 10);
      rawMax = roundHalfUp(w.max + bs + bOpen, 10);
      undeterminedPoints = roundHalfUp(rawMax - rawScore, 10);
      naPoints = 0;
      catSeen.clear();
    }
    if (Math.abs(pointsTotal - preset.total) > 1e-9) {
      // by the preset's shares, or by the form's own level-1 groups when it has none of them (a scoring sheet)
      const byCat = catSeen.size > 0 ? preset.categories.map((c) => `${c.label}${catSums.get(c.id)?.value() ?? 0}`) : pointsByLevel1(rows);
      const totalPoints = extracted.totalRows.find((t) => t.points && !isBlank(t.points.value))?.points?.cell;
      messages.push(msg("points_total", { sum: pointsTotal, total: preset.total, detail: byCat.join("+") }, totalPoints ?? columnCell(grid, columns.points, headerRow)));
    }
    for (const c of preset.categories) {
      // block titles and headers state the form's own points (预算执行（20分）): not the preset's shares
      if (!catSeen.has(c.id) || blockPoints) continue;
      const sum = catSums.get(c.id)?.value() ?? 0;
      const first = catFirstRow.get(c.id);
      const cell = first !== undefined ? columnCell(grid, columns.level1 ?? columns.level2 ?? columns.name, first) : undefined;
      if (Math.abs(sum - c.points) > 1e-9) messages.push(msg("category_total", { category: c.label, sum, expected: c.points }, cell));
    }
    const applicable = pointsTotal - naPoints;
    const rescale = (x: number) => (naPoints > 0 && applicable > 0 ? roundHalfUp((x * preset.total) / applicable, 2) : roundHalfUp(x, 2));
    totalScore = rescale(rawScore);
    if (naCount > 0) messages.push(msg("rescaled", { n: naCount, points: naPoints }));
    // the grade lines are for a table worth the preset's total: a table worth other points is
    // scored against what it has (48.5 / 50) and not graded (docs/task-pane.md)
    const rescaled = naPoints > 0 && applicable > 0;
    outOf = rescaled ? preset.total : pointsTotal;
    const pointsDiffer = Math.abs(pointsTotal - preset.total) > 1e-9;
    if (!final) gradeWithheld = "provisional";
    else if (pointsDiffer) gradeWithheld = "points_total";
    if (final && pointsDiffer) {
      gradeText = CORE_TEXT.notGraded;
    } else if (final) {
      const g = gradeFor(totalScore, preset);
      grade = g.grade;
      gradeText = gradeName(g);
    } else {
      // honest totals (docs/standard-forms.md): provisional total, the range it could take, grade withheld
      range = [totalScore, rescale(rawMax)];
      gradeText = CORE_TEXT.gradePending;
      messages.push(msg("invalid_rows", { n: unknownRows, points: undeterminedPoints, min: range[0], max: range[1] }));
    }
    for (const row of extracted.totalRows) {
      const t = { ...row, score: row.score && !isBlank(row.score.value) ? row.score : totalBesideLabel(ctx.grid, row.row, columns.points) };
      if (t.score && !isBlank(t.score.value)) {
        const q = parseQuantity(t.score.value, t.score.format);
        if (q.ok) {
          statedTotal = q.q.value;
          const severity = final ? statedFigureSeverity(statedTotal, rawScore, { tolerance: settings.scoreTolerance, decimals: scoreDecimals(statedTotal, t.score.format) }) : null;
          const outside = !final && range ? outsideRangeSeverity(statedTotal, range[0], range[1], settings.scoreTolerance) : null;
          if (severity) {
            messages.push(msg("stated_total", { stated: statedTotal, computed: rawScore }, t.score.cell, severity));
          } else if (outside && range) {
            messages.push(msg("stated_total_outside", { stated: statedTotal, min: range[0], max: range[1] }, t.score.cell, outside));
          }
        }
      }
    }
    if (columns.reason === undefined && settings.reasonRequired) {
      if (lost > 0) messages.push(msg("no_reason_column", { n: lost }));
    }
  }
  const stated = read.statedGrade;
  // rank 0 the best grade: a stated grade above the computed one overstates (docs/rules.md, "Severity")
  const ranked = [...preset.grades].sort((a, b) => b.min - a.min).map((g) => g.grade);
  if (stated && totalScore !== null) {
    if (final && grade !== null && stated.grade !== grade) {
      const severity = statedRankSeverity(ranked.indexOf(stated.grade), ranked.indexOf(grade)) ?? "warning";
      messages.push(msg("stated_grade_differs", { stated: stated.text, computed: grade, score: totalScore }, stated.cell, severity));
    } else if (!final && range) {
      const reachable = new Set<string>();
      for (const g of preset.grades) {
        // the grade band [g.min, next higher min) meets [min, max]
        const higher = preset.grades.filter((x) => x.min > g.min).map((x) => x.min);
        const top = higher.length ? Math.min(...higher) : Infinity;
        if (range[1] >= g.min && range[0] < top) reachable.add(g.grade);
      }
      const best = ranked.find((g) => reachable.has(g));
      const severity = best !== undefined && ranked.indexOf(stated.grade) < ranked.indexOf(best) ? "error" : "warning";
      if (!reachable.has(stated.grade)) messages.push(msg("stated_grade_impossible", { stated: stated.text, min: range[0], max: range[1] }, stated.cell, severity));
      else messages.push(msg("stated_grade_unconfirmed", { stated: stated.text }, stated.cell));
    }
  }
  const summary: Summary = {
    counts,
    rowCount: rows.length,
    pointsTotal,
    rawScore,
    totalScore,
    statedTotal,
    grade,
    gradeText,
    budget: budget ? budget.line : null,
    final,
    undetermined: { rows: unknownRows, points: undeterminedPoints },
    statedGrade: stated ? stated.grade : null,
    presetId: preset.id,
    messages,
    outOf,
    gradeWithheld,
  };
  if (range) summary.range = range;
  if (read.levels.length > 0) {
    const l = levelResults(read.levels, byRow);
    summary.levels = l.levels;
    for (const item of l.messages) messages.push(item);
  }
  if (weightedOut) summary.weighted = weightedOut;
  if (blocksOut) summary.blocks = blocksOut;
  return summary;
}
