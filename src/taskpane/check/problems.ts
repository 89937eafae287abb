/** The problems the pane lists: core's list (src/core/indicators/problems.ts), cut at what the pane renders. */
import { ProblemList, collectProblems as coreProblems } from "../../core/indicators/problems";
import type { ValidateResult } from "../../core/indicators/results";

export type { Problem, ProblemList } from "../../core/indicators/problems";

/** Rows of problems rendered; the rest stay in the sheet's 核对·说明 column. */
export const MAX_LISTED = 200;

export function collectProblems(result: ValidateResult, max = MAX_LISTED): ProblemList {
  return coreProblems(result, max);
}
