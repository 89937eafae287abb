/**
 * Every figure agrees with the others (docs/standard-forms.md, "Honest totals"): which rows the total
 * cannot count yet, what 核对·得分 shows for them (待定, never the stated score, so the column adds
 * up to the total shown), and a blank 得分 on a scored row as a finding.
 */
import { isBlank } from "../basics/grid";
import { PLAN_TEXT, msg } from "../basics/messages";
import type { IndicatorInput } from "../forms/indicator-rows";
import type { RowResult } from "./results";

/**
 * A row whose score the total cannot count yet: one the check could not decide (invalid), or a
 * scored qualitative row whose 得分 is blank (nothing to compute it from).
 */
export function rowUndetermined(r: RowResult): boolean {
  if (r.status === "invalid") return true;
  return r.status === "qualitative" && r.points !== null && r.points > 0 && r.score === null;
}

/** The 核对·得分 cell of a row: 待定 for an undetermined scored row, else the score counted. */
export function scoreCellValue(r: RowResult): number | string | null {
  if (rowUndetermined(r)) return r.points !== null && r.points > 0 ? PLAN_TEXT.pending : null;
  return r.score;
}

/**
 * A blank 得分 on a scored row, in a table whose other rows state theirs, is a finding on the cell
 * (docs/rules.md, "Severity"). A qualitative row already says so (qualitative_no_score, and it is
 * undetermined); a quantitative row names the computed score that counts instead.
 */
export function markBlankScores(rows: RowResult[], inputs: readonly IndicatorInput[]): void {
  const anyStated = rows.some((r) => r.statedScore !== null);
  if (!anyStated) return;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const input = inputs[i];
    if (!input?.score || !isBlank(input.score.value)) continue;
    if (r.points === null || r.points <= 0 || r.statedScore !== null) continue;
    if (r.status !== "met" && r.status !== "not_met") continue;
    if (r.computedScore === null) continue;
    r.messages.push(msg("score_blank", { computed: r.computedScore }, input.score.cell));
  }
}
