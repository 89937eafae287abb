/**
 * The result cells written beside a checked table (docs/write-back.md): the 核对· columns, one row's
 * cells, and the budget line and total lines. Shared by every form family.
 */
import { roundHalfUp } from "../basics/decimal";
import { PLAN_TEXT } from "../basics/messages";
import { PlanColumn, PlanRowInput } from "../basics/write-plan";
import type { FormInfo } from "../forms/standard-form";
import { RowResult, STATUS_LABELS, Summary } from "./results";

export const RESULT_COLUMNS: PlanColumn[] = [
  { header: "核对·状态", numberFormat: "@", width: 12 },
  { header: "核对·完成率", numberFormat: "0.00%", width: 12 },
  { header: "核对·得分", numberFormat: "0.00", width: 10 },
  { header: "核对·说明", numberFormat: "@", width: 48 },
];

/**
 * The budget line and the total, written with the results (docs/standard-forms.md, "Write-back"):
 * the budget line below the table (linked to the block's row on a results sheet), the total on the
 * table's 总分 row or below the budget line.
 */
export function summaryPlanRows(s: Summary, kind: FormInfo["kind"], extracted: { lastRow: number; totalRows: Array<{ row: number }> }, budgetRow: number | null): PlanRowInput[] {
  const out: PlanRowInput[] = [];
  let next = extracted.lastRow + 1;
  const b = s.budget;
  if (b) {
    const parts: string[] = [];
    if (b.rate !== null) parts.push(PLAN_TEXT.budgetRate({ rate: roundHalfUp(b.rate * 100, 2), executed: b.executed, budget: b.budget, initialBudget: b.initialBudget }));
    if (b.score !== null && b.points !== null) parts.push(PLAN_TEXT.budgetScore(b.score, b.points));
    for (const m of s.messages) if (m.code.startsWith("budget_") && m.severity !== "info") parts.push(m.cell ? `${m.cell}: ${m.text.zh}` : m.text.zh);
    out.push({ row: next++, source: budgetRow ?? undefined, values: [PLAN_TEXT.budgetLabel, b.rate === null ? null : roundHalfUp(b.rate, 6), b.score, parts.join("；") || null], status: null, note: null });
  }
  // a plain table gets its total on its own 合计/总分 row only; a national form always shows it
  const appendTotal = kind !== "plain";
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

/** One row of result cells: status label, completion, score, explanation. */
export function planRow(r: RowResult): PlanRowInput {
  let explain = "";
  let note = "";
  let infos = "";
  for (const m of r.messages) {
    const line = m.cell ? `${m.cell}: ${m.text.zh}` : m.text.zh;
    if (m.severity === "info") infos = infos ? `${infos}；${line}` : line;
    else {
      explain = explain ? `${explain}；${line}` : line;
      note = note ? `${note}\n${line}` : line;
    }
  }
  return {
    row: r.row,
    values: [STATUS_LABELS[r.status].zh, r.completion === null ? null : roundHalfUp(r.completion, 6), r.score, explain || infos || null],
    status: r.status,
    note: note || null,
  };
}

