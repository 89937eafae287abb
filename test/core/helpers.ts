/** Small builders shared by the core tests: a grid from rows, a validate run that must find its table. */
import { CellValue, Grid } from "../../src/core/basics/grid";
import { Message } from "../../src/core/basics/messages";
import { RowResult, ValidateResult } from "../../src/core/indicators/results";
import { ValidateOptions, validateGrid } from "../../src/core/indicators/validate";
import { WritePlan } from "../../src/core/basics/write-plan";

export const SHEET = "绩效自评表";

/** The usual scored indicator table header (docs/rules.md §6). */
export const SCORED_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

export function grid(values: CellValue[][], extra: Partial<Grid> = {}): Grid {
  return { sheet: SHEET, values, ...extra };
}

export function validate(g: Grid, options?: ValidateOptions): { result: ValidateResult; plan: WritePlan } {
  const out = validateGrid(g, options);
  if (!out.ok) throw new Error(`expected a table, got: ${out.reason.en}`);
  return out;
}

export function codes(x: { messages: Message[] }): string[] {
  return x.messages.map((m) => m.code);
}

/** Evaluate one indicator row: 三级指标 | 年度指标值 | 实际完成值. */
export function checkRow(target: CellValue, actual: CellValue, options?: ValidateOptions & { actualFormat?: string }): RowResult {
  const g = grid([
    ["三级指标", "年度指标值", "实际完成值"],
    ["指标", target, actual],
  ]);
  if (options?.actualFormat) g.numberFormats = [[], [null, null, options.actualFormat]];
  const { result } = validate(g, options);
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

/** One scored row under SCORED_HEADER. */
export function scoredRow(
  level1: string,
  name: string,
  target: CellValue,
  actual: CellValue,
  points: CellValue,
  score: CellValue = null,
  reason: CellValue = "",
): CellValue[] {
  return [level1, "", name, target, actual, points, score, reason];
}
