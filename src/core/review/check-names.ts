/**
 * The 核对项 column of 问题清单 (docs/review.md): a problem's check in words a reviewer filters by,
 * instead of its code. Every message code of the engine's catalog (src/core/basics/messages.ts) belongs to
 * one family; an audit finding is named by its check (CHECK_NAMES); the code stays in `--json`.
 */
import { CHECKS, type Check } from "../audit/finding";
import { CHECK_NAMES } from "../audit/messages";
import type { Bilingual } from "../basics/text";

export const CHECK_FAMILIES = {
  reading: { zh: "数值识别", en: "Reading the figures" },
  target: { zh: "目标完成", en: "Targets" },
  score: { zh: "指标得分", en: "Indicator scores" },
  points: { zh: "分值设置", en: "Points" },
  budget: { zh: "预算执行", en: "Budget execution" },
  total: { zh: "总分与等级", en: "Total and grade" },
  file: { zh: "文件与工作表", en: "File and sheets" },
  output: { zh: "结果写入", en: "Write-back" },
  other: { zh: "其他", en: "Other" },
} as const satisfies Record<string, Bilingual>;
export type CheckFamily = keyof typeof CHECK_FAMILIES;

/** Codes by family; a code not listed is matched by its prefix below, else "other". */
const EXPLICIT: Record<string, CheckFamily> = {
  negative_actual: "reading",
  actual_is_change: "reading",
  qualitative_unknown_band: "reading",
  points_invalid: "reading",
  score_invalid: "reading",
  over_achieved: "target",
  not_met: "target",
  equal_exceeded: "target",
  approx_outside: "target",
  score_over_points: "score",
  reason_required: "score",
  no_reason_column: "score",
  qualitative_no_score: "score",
  points_total: "points",
  level_points: "points",
  block_over_points: "score",
  block_met_below_points: "score",
  breakdown_not_scored: "score",
  weighted_total: "total",
  category_total: "points",
  rescaled: "points",
  level_unfilled: "points",
  row_unfilled: "points",
  invalid_rows: "total",
  legacy_converted: "file",
  hidden_sheet: "file",
  results_new_sheet: "output",
  item_ratio_overstated: "target",
  item_ratio_differs: "target",
};

const PREFIXES: Array<[string, CheckFamily]> = [
  ["budget_", "budget"],
  ["stated_", "total"],
  ["deadline_", "target"],
  ["relative_", "target"],
  ["score_", "score"],
  ["unit_", "reading"],
  ["target_", "reading"],
  ["actual_", "reading"],
  ["cell_", "reading"],
  ["not_a_", "reading"],
  ["bad_", "reading"],
  ["item_", "reading"],
  ["fraction_", "reading"],
  ["per_", "reading"],
  ["implicit_", "reading"],
  ["compare_", "output"],
];

/** The family of a message code. */
export function checkFamily(code: string): CheckFamily {
  const explicit = EXPLICIT[code];
  if (explicit) return explicit;
  return PREFIXES.find(([p]) => code.startsWith(p))?.[1] ?? "other";
}

/** A problem's check in words: an audit check by its name on the findings sheet, a message code by its family. */
export function checkName(check: string): Bilingual {
  if ((CHECKS as readonly string[]).includes(check)) {
    const c = CHECK_NAMES[check as Check];
    return { zh: `报表${c.listed}`, en: `Statement: ${c.name.en.toLowerCase()}` };
  }
  return CHECK_FAMILIES[checkFamily(check)];
}
