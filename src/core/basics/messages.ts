/**
 * Core's catalog: every message the engine emits, in Simplified Chinese with an English translation
 * (one Bilingual text, src/core/basics/text.ts). Messages are data (code + params) so the UI can pick the
 * language and tests can match codes. The statement audit's messages are its own catalog,
 * src/core/audit/messages.ts (ARCHITECTURE.md, "Messages and languages").
 */
import type { Severity } from "./severity";
import type { Bilingual } from "./text";

export type { Severity } from "./severity";

/** Each severity in words: 错误 / 警告 / 提示, error / warning / info (the pane capitalises the English). */
export const SEVERITY_LABELS: Record<Severity, Bilingual> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

type P = Record<string, string | number>;
type Template = { severity: Severity; zh: (p: P) => string; en: (p: P) => string };

const T: Record<string, Template> = {
  cell_error: { severity: "error", zh: (p) => `单元格为错误值 ${p.value}`, en: (p) => `the cell holds the error value ${p.value}` },
  not_a_number: { severity: "error", zh: (p) => `无法识别的数值“${p.text}”`, en: (p) => `cannot read a number in "${p.text}"` },
  bad_separator: { severity: "error", zh: (p) => `千分位分隔符位置不对：“${p.text}”`, en: (p) => `misplaced thousands separator in "${p.text}"` },
  unit_mismatch: { severity: "error", zh: (p) => `单位不一致：目标为${p.target}，实际为${p.actual}`, en: (p) => `unit mismatch: target ${p.target}, actual ${p.actual}` },
  unit_borrowed: { severity: "info", zh: (p) => `${p.side === "actual" ? "实际值" : "目标值"}未写单位，按${p.unit}处理`, en: (p) => `the ${p.side} has no unit; read as ${p.unit}` },
  fraction_as_percent: { severity: "info", zh: (p) => `实际值${p.value}为小数，按${p.percent}理解`, en: (p) => `the actual ${p.value} is a fraction; read as ${p.percent}` },
  unit_words_differ: { severity: "info", zh: (p) => `计量单位不同（${p.target}/${p.actual}），按数量比较`, en: (p) => `different count words (${p.target}/${p.actual}) compared as counts` },
  per_year: { severity: "info", zh: (p) => `目标为每年${p.unit}，与全年数比较`, en: (p) => `per-year target (${p.unit}) compared with the year's count` },
  implicit_operator: { severity: "info", zh: (p) => `目标未写比较符号，按“${p.op}”理解`, en: (p) => `the target has no operator; read as "${p.op}"` },
  target_from_name: { severity: "info", zh: (p) => `目标值取自指标名称“${p.text}”`, en: (p) => `target taken from the indicator name "${p.text}"` },
  target_from_text: { severity: "info", zh: (p) => `从文字中读取目标值 ${p.text}`, en: (p) => `target read from the text: ${p.text}` },
  actual_from_text: { severity: "info", zh: (p) => `从文字中读取实际值 ${p.text}`, en: (p) => `actual read from the text: ${p.text}` },
  actual_bounded: { severity: "info", zh: (p) => `实际值为范围（${p.text}），按边界值 ${p.value} 比较`, en: (p) => `the actual is a bound (${p.text}); compared at ${p.value}` },
  actual_unit_magnitude: {
    severity: "error",
    zh: (p) => `实际值${p.text}未写单位：按目标单位读作${p.text}${p.unit}，完成率${p.ratio}；按${p.base}读作${p.text}${p.base}，完成率${p.baseRatio}，与目标相符。请写明单位，该行待定`,
    en: (p) => `the actual ${p.text} has no unit: read in the target's ${p.unit} it is ${p.ratio} of the target, read in ${p.base} it is ${p.baseRatio}, which agrees; write the unit (the row is pending)`,
  },
  actual_magnitude: {
    severity: "error",
    zh: (p) => `实际值${p.actual}与目标相差约${p.times}倍（完成率${p.shown}），疑为单位错误；按相差一个单位计完成率为${p.ratio}。请核对单位，该行待定`,
    en: (p) => `the actual ${p.actual} is about ${p.times} times off the target (${p.shown}), a unit slip; one unit step off it is ${p.ratio}; check the unit (the row is pending)`,
  },
  actual_missing: { severity: "error", zh: () => `缺少实际完成值`, en: () => `the actual value is missing` },
  actual_not_numeric: { severity: "error", zh: (p) => `目标为数值，实际值“${p.text}”不是数值`, en: (p) => `the target is numeric but the actual "${p.text}" is not` },
  actual_qualitative: { severity: "info", zh: (p) => `实际值为定性表述（${p.band}），按定性指标评分`, en: (p) => `the actual is qualitative (${p.band}); scored as qualitative` },
  target_invalid: { severity: "error", zh: (p) => `无法识别的目标值“${p.text}”`, en: (p) => `cannot read the target "${p.text}"` },
  negative_actual: { severity: "warning", zh: () => `实际值为负数，按0计分`, en: () => `negative actual scored as 0` },
  over_achieved: { severity: "info", zh: (p) => `超额完成（完成率${p.ratio}），请说明目标是否偏低`, en: (p) => `over-achieved (${p.ratio}); check whether the target was set too low` },
  not_met: { severity: "warning", zh: (p) => `未达到目标：目标${p.target}，实际${p.actual}`, en: (p) => `target not met: target ${p.target}, actual ${p.actual}` },
  equal_exceeded: { severity: "info", zh: () => `实际值高于等于型目标`, en: () => `the actual exceeds an "equal" target` },
  approx_outside: { severity: "warning", zh: (p) => `偏离目标值${p.dev}，超出允许范围±${p.tol}`, en: (p) => `deviates ${p.dev} from the target, beyond ±${p.tol}` },
  score_over_points: { severity: "error", zh: (p) => `得分${p.score}高于分值${p.points}`, en: (p) => `score ${p.score} exceeds the points ${p.points}` },
  reason_required: { severity: "warning", zh: (p) => `得分${p.score}低于分值${p.points}，需填写偏差原因`, en: (p) => `score ${p.score} is below the points ${p.points}: a reason is required` },
  score_differs: { severity: "warning", zh: (p) => `填报得分${p.stated}与计算得分${p.computed}不一致`, en: (p) => `stated score ${p.stated} differs from the computed ${p.computed}` },
  score_out_of_band: { severity: "warning", zh: (p) => `定性指标“${p.band}”的得分应在${p.low}–${p.high}之间，填报为${p.stated}`, en: (p) => `a "${p.band}" qualitative score should lie in ${p.low}–${p.high}; stated ${p.stated}` },
  qualitative_no_score: { severity: "error", zh: () => `定性指标未填写得分，该行得分待定，总分暂定`, en: () => `qualitative indicator without a score: the row's score is pending and the total provisional` },
  score_blank: { severity: "error", zh: (p) => `计分行未填写得分（按计算得分${p.computed}计入总分）`, en: (p) => `a scored row with a blank score (the computed ${p.computed} counts in the total)` },
  qualitative_unknown_band: { severity: "info", zh: () => `实际完成情况未写明达成程度（达成/部分达成/未达成）`, en: () => `the actual does not say whether the target was achieved, partly achieved or not achieved` },
  points_invalid: { severity: "error", zh: (p) => `分值“${p.text}”不是数值`, en: (p) => `points "${p.text}" is not a number` },
  score_invalid: { severity: "error", zh: (p) => `得分“${p.text}”不是数值`, en: (p) => `score "${p.text}" is not a number` },
  budget_capped: { severity: "info", zh: (p) => `预算执行率${p.ratio}超过100%，得分以分值为上限`, en: (p) => `budget execution ${p.ratio} above 100%; score capped at the points` },
  points_total: { severity: "warning", zh: (p) => `分值合计${p.sum}，与评分方案总分${p.total}不符（${p.detail}）`, en: (p) => `points add up to ${p.sum}, not the preset's ${p.total} (${p.detail})` },
  category_total: { severity: "warning", zh: (p) => `“${p.category}”分值合计${p.sum}，评分方案为${p.expected}`, en: (p) => `"${p.category}" points add up to ${p.sum}; the preset gives ${p.expected}` },
  rescaled: { severity: "info", zh: (p) => `${p.n}项不适用指标（分值${p.points}）不计，其余按100分折算`, en: (p) => `${p.n} not-applicable ${p.n === 1 ? "indicator" : "indicators"} (${p.points} points) dropped; the rest rescaled to 100` },
  invalid_rows: {
    severity: "warning",
    zh: (p) => `${p.n}行无法核对（计分${p.points}分），总分暂定为${p.min}，可能范围${p.min}–${p.max}，等级待定`,
    en: (p) => `${p.n} scored ${p.n === 1 ? "row" : "rows"} could not be checked (${p.points} points): the total is provisional at ${p.min}, between ${p.min} and ${p.max}; grade pending`,
  },
  budget_cell_invalid: { severity: "error", zh: (p) => `预算执行数字“${p.text}”无法识别`, en: (p) => `cannot read the budget figure "${p.text}"` },
  budget_points_from_preset: { severity: "info", zh: (p) => `预算执行未填分值，按评分方案的预算执行分值${p.points}分计`, en: (p) => `budget execution has no points; the preset's budget share of ${p.points} points is used` },
  budget_points_missing: { severity: "warning", zh: () => `预算执行未填分值，执行率不计入总分`, en: () => `budget execution has no points; its rate is not counted in the total` },
  budget_points_in_table: { severity: "info", zh: () => `预算执行已在指标表中计分，预算执行表不另计分`, en: () => `budget execution is scored among the indicators; the budget block is not scored again` },
  budget_initial_used: { severity: "info", zh: (p) => `未填全年预算数，按年初预算数${p.initial}计算执行率`, en: (p) => `no full-year budget; the rate uses the initial budget ${p.initial}` },
  budget_magnitude: {
    severity: "error",
    zh: (p) => `${p.field}${p.value}与${p.other}${p.otherValue}相差约${p.times}倍，疑为单位错误：${p.field}若${p.reading}，执行率为${p.rate}${p.confirmed ? "，与填报执行率相符" : ""}；请核对单位，执行率与得分待定`,
    en: (p) => `${p.field} ${p.value} is about ${p.times} times off ${p.other} ${p.otherValue}, a unit slip: if it was ${p.readingEn}, the rate is ${p.rate}${p.confirmed ? ", as stated" : ""}; check the unit (rate and score pending)`,
  },
  budget_no_budget: { severity: "error", zh: () => `缺少全年预算数和年初预算数，无法计算预算执行率`, en: () => `no full-year or initial budget: the execution rate cannot be worked out` },
  budget_no_executed: { severity: "error", zh: () => `缺少全年执行数，无法计算预算执行率`, en: () => `no executed amount: the execution rate cannot be worked out` },
  budget_total_unfilled: {
    severity: "warning",
    zh: (p) => `“${p.label}”未填写（为0或空白），按其中各项（第${p.rows}行）合计计算：预算数${p.budget}，执行数${p.executed}`,
    en: (p) => `"${p.label}" is not filled in (0 or blank): the parts (rows ${p.rows}) are added up: budget ${p.budget}, executed ${p.executed}`,
  },
  budget_rate_differs: { severity: "warning", zh: (p) => `填报执行率${p.stated}与计算执行率${p.computed}（全年执行数÷全年预算数）不一致`, en: (p) => `stated execution rate ${p.stated} differs from the computed ${p.computed} (executed ÷ budget)` },
  budget_score_differs: { severity: "warning", zh: (p) => `预算执行填报得分${p.stated}与计算得分${p.computed}不一致`, en: (p) => `stated budget-execution score ${p.stated} differs from the computed ${p.computed}` },
  stated_grade_differs: { severity: "warning", zh: (p) => `填报自评等级“${p.stated}”与计算等级“${p.computed}”（总分${p.score}）不一致`, en: (p) => `stated grade "${p.stated}" differs from the computed "${p.computed}" (total ${p.score})` },
  stated_grade_impossible: { severity: "warning", zh: (p) => `填报自评等级“${p.stated}”不在总分可能范围${p.min}–${p.max}对应的等级内`, en: (p) => `stated grade "${p.stated}" is out of reach: the total lies between ${p.min} and ${p.max}` },
  stated_grade_unconfirmed: { severity: "info", zh: (p) => `总分暂定，填报自评等级“${p.stated}”尚无法确认`, en: (p) => `the total is provisional: the stated grade "${p.stated}" cannot be confirmed yet` },
  stated_total_outside: { severity: "warning", zh: (p) => `填报总分${p.stated}不在可能范围${p.min}–${p.max}内`, en: (p) => `stated total ${p.stated} lies outside the possible ${p.min}–${p.max}` },
  deadline_met: { severity: "info", zh: (p) => `按日期比较：期限${p.deadline}，完成${p.actual}`, en: (p) => `compared as dates: deadline ${p.deadline}, done ${p.actual}` },
  deadline_missed: { severity: "warning", zh: (p) => `未按期完成：期限${p.deadline}，实际${p.actual}`, en: (p) => `deadline missed: due ${p.deadline}, actual ${p.actual}` },
  deadline_unknown: { severity: "info", zh: () => `目标为按时完成但未写期限，无法与完成日期比较，按定性指标处理`, en: () => `the target says on time but gives no date: the completion date cannot be compared; treated as qualitative` },
  deadline_ambiguous: { severity: "info", zh: (p) => `实际只写到月份（${p.actual}），无法与期限${p.deadline}逐日比较，按定性指标处理`, en: (p) => `the actual gives only a month (${p.actual}); it cannot be compared day by day with ${p.deadline}; treated as qualitative` },
  deadline_actual_invalid: { severity: "error", zh: (p) => `目标为期限，实际值“${p.text}”中没有日期或完成情况`, en: (p) => `the target is a deadline but the actual "${p.text}" gives no date or completion` },
  actual_is_change: { severity: "error", zh: (p) => `实际值“${p.text}”是较上年的变化，目标为绝对值，请填写实际完成的数值`, en: (p) => `the actual "${p.text}" is a change on last year but the target is a level: give the value reached` },
  relative_compared: { severity: "info", zh: (p) => `按较上年变化比较：目标${p.target}，实际${p.actual}`, en: (p) => `compared as changes on last year: target ${p.target}, actual ${p.actual}` },
  relative_from_prior: { severity: "info", zh: (p) => `按上年数值${p.prior}计算较上年变化：${p.actual}`, en: (p) => `change on last year worked out from the prior-year figure ${p.prior}: ${p.actual}` },
  relative_needs_prior: { severity: "warning", zh: (p) => `目标为较上年变化（${p.target}），实际值为绝对数，请补充上年数值（如“上年实际值”列）后核对；暂按定性指标处理`, en: (p) => `the target is a change on last year (${p.target}) but the actual is an absolute figure: add the prior-year figure (a 上年实际值 column) to check it; treated as qualitative for now` },
  relative_measure_differs: { severity: "warning", zh: (p) => `目标与实际的变化口径不同（${p.target}／${p.actual}），无法比较，按定性指标处理`, en: (p) => `target and actual measure the change differently (${p.target} / ${p.actual}); treated as qualitative` },
  relative_not_met: { severity: "warning", zh: (p) => `未达到目标：目标${p.target}，实际${p.actual}`, en: (p) => `target not met: target ${p.target}, actual ${p.actual}` },
  no_reason_column: { severity: "warning", zh: (p) => `${p.n}项指标扣分但表中没有偏差原因列`, en: (p) => `${p.n} ${p.n === 1 ? "indicator" : "indicators"} lost points but the table has no reason column` },
  score_unfilled: { severity: "warning", zh: (p) => `得分未填写（分值${p.points}），按无法核对计，总分暂定`, en: (p) => `no score filled in (${p.points} points): counted as unchecked, the total is provisional` },
  level_points: { severity: "warning", zh: (p) => `“${p.name}”标明${p.points}分，其下分值合计${p.sum}分`, en: (p) => `"${p.name}" states ${p.points} points; its rows add up to ${p.sum}` },
  block_met_below_points: { severity: "warning", zh: (p) => `“${p.name}”的指标全部达标，得分合计${p.score}，少于标明的${p.points}分`, en: (p) => `every indicator of "${p.name}" is met, yet its scores add up to ${p.score}, below the ${p.points} points it states` },
  block_over_points: { severity: "error", zh: (p) => `“${p.name}”得分合计${p.score}，超过标明的${p.points}分`, en: (p) => `"${p.name}" scores add up to ${p.score}, above the ${p.points} points it states` },
  breakdown_not_scored: { severity: "info", zh: () => `其中项：已核对，不另计分`, en: () => `a breakdown (其中) row: checked, not scored again` },
  weighted_total: { severity: "info", zh: (p) => `总分按权重计算：${p.detail}`, en: (p) => `the total is weighted: ${p.detail}` },
  stated_total: { severity: "warning", zh: (p) => `填报总分${p.stated}与计算总分${p.computed}不一致`, en: (p) => `stated total ${p.stated} differs from the computed ${p.computed}` },
  // form families (docs/form-families.md): levels, blocks and rows left to fill in
  level_unfilled: { severity: "warning", zh: (p) => `“${p.name}”（${p.points}分）下有${p.n}项指标未填写分值，该部分分值待定`, en: (p) => `"${p.name}" (${p.points} points) has ${p.n} ${p.n === 1 ? "indicator" : "indicators"} without points: those points are undetermined` },
  row_unfilled: { severity: "warning", zh: () => `指标未填写（分值、得分均为空），不按0分计，总分暂定`, en: () => `the indicator is not filled in (no points, no score): not counted as 0; the total is provisional` },
  stated_points_total: { severity: "warning", zh: (p) => `填报分值合计${p.stated}与各指标分值之和${p.computed}不一致`, en: (p) => `stated points total ${p.stated} differs from the indicators' ${p.computed}` },
  // evaluation forms with collected data items (docs/form-families.md)
  item_ratio_overstated: { severity: "error", zh: (p) => `填报指标值${p.stated}优于数据项计算值${p.computed}（${p.expr}）`, en: (p) => `the stated value ${p.stated} is better than the ${p.computed} the data items give (${p.expr})` },
  item_ratio_differs: { severity: "warning", zh: (p) => `填报指标值${p.stated}与数据项计算值${p.computed}（${p.expr}）不一致`, en: (p) => `the stated value ${p.stated} differs from the ${p.computed} the data items give (${p.expr})` },
  item_ratio_rounding: { severity: "info", zh: (p) => `填报指标值${p.stated}与数据项计算值${p.computed}（${p.expr}）相差在末位舍入范围内`, en: (p) => `the stated value ${p.stated} and the ${p.computed} the data items give (${p.expr}) differ by rounding in the last decimal` },
  item_value_computed: { severity: "info", zh: (p) => `指标值未填，按数据项计算为${p.computed}（${p.expr}）`, en: (p) => `no value written; the data items give ${p.computed} (${p.expr})` },
  item_swapped: { severity: "info", zh: (p) => `按指标名称中的计算方法，以“${p.numerator}”为分子`, en: (p) => `per the formula in the name, "${p.numerator}" is the numerator` },
  item_unreadable: { severity: "error", zh: (p) => `数据项“${p.text}”中没有可识别的数值`, en: (p) => `no number can be read in the data item "${p.text}"` },
  item_missing: { severity: "warning", zh: (p) => `缺少${p.which}，指标值无法由数据项核算`, en: (p) => `${p.whichEn} is missing: the value cannot be worked out from the data items` },
  item_zero_denominator: { severity: "error", zh: () => `数据项（分母）为0，无法计算指标值`, en: () => `the data item dividing is 0: the value cannot be worked out` },
  results_new_sheet: {
    severity: "info",
    zh: (p) => `表格右侧${p.range}已有数据（${p.blocked}），结果写入新工作表“${p.sheet}”`,
    en: (p) => `cells right of the table (${p.range}) hold data (${p.blocked}); results go to the new sheet "${p.sheet}"`,
  },
};

/** Every code of the catalog (the review names each by its family: src/core/review/check-names.ts). */
export const MESSAGE_CODES: readonly string[] = Object.keys(T);

export interface Message {
  code: string;
  severity: Severity;
  text: Bilingual;
  /** the cell the message is about, A1 style, when there is one */
  cell?: string;
}

/**
 * A coded message. `severity` overrides the catalog's default where the harm depends on the figures
 * (a stated figure above or below the computed one: src/core/basics/severity.ts).
 */
export function msg(code: string, params: P = {}, cell?: string, severity?: Severity): Message {
  const t = T[code];
  if (!t) throw new Error(`unknown message code ${code}`);
  const m: Message = { code, severity: severity ?? t.severity, text: { zh: t.zh(params), en: t.en(params) } };
  if (cell) m.cell = cell;
  return m;
}

type N = number | null;

/**
 * The budget line and the total as written in the 核对· columns (Chinese only, like every cell
 * written; docs/standard-forms.md, "Write-back").
 */
export const PLAN_TEXT = {
  budgetLabel: "预算执行",
  /** 核对·得分 of a scored row the check could not decide: the column adds up to the total shown */
  pending: "待定",
  totalLabel: (final: boolean) => (final ? "总分" : "总分（暂定）"),
  budgetRate: (p: { rate: number; executed: N; budget: N; initialBudget: N }) =>
    `预算执行率${p.rate}%（全年执行数${p.executed}÷${p.budget !== null && p.budget > 0 ? `全年预算数${p.budget}` : `年初预算数${p.initialBudget}`}）`,
  budgetScore: (score: number, points: number) => `得分${score}/${points}`,
  /** the budget score inside the total, or "" */
  budgetIncluded: (score: N) => (score !== null ? `（含预算执行${score}）` : ""),
  totalNotGraded: (p: { total: number; outOf: N | undefined; budget: string; points: N }) =>
    `总分${p.total}/${p.outOf}${p.budget}：分值合计${p.points}分，不是评分方案的满分，不评等级`,
  totalGraded: (p: { total: number; budget: string; grade: string | null }) => `总分${p.total}${p.budget}，等级${p.grade}`,
  totalProvisional: (p: { total: number; budget: string; rows: number; points: number; min: number | undefined; max: number | undefined }) =>
    `暂定总分${p.total}${p.budget}：${p.rows}行、${p.points}分未能核对，可能范围${p.min}–${p.max}，等级待定`,
};

/** Texts of core that are not messages about a cell: why a sheet or a workbook was not checked. */
export const CORE_TEXT = {
  noIndicatorHeader(p: { rows: number }): Bilingual {
    return {
      zh: `前${p.rows}行中未找到指标表表头：需要“指标名称/三级指标”列，以及“年度指标值/目标值”或“实际完成值”列`,
      en: `no indicator table header in the first ${p.rows} rows: looked for an indicator column (三级指标 / 指标名称 / Indicator) and a target (年度指标值 / 目标值 / Target) or actual (实际完成值 / Actual) column`,
    };
  },
  noIndicatorRows: { zh: "找到了表头，但表头下没有指标行", en: "found the header but no indicator rows below it" } as Bilingual,
  /** the grade as shown when there is none: the total is provisional, or the points are not the preset's total */
  gradePending: { zh: "待定", en: "pending" } as Bilingual,
  notGraded: { zh: "不评等级", en: "not graded" } as Bilingual,
  /** a workbook the review found nothing in (docs/review.md) */
  noWorksheets: { zh: "工作簿中没有工作表", en: "the workbook has no worksheets" } as Bilingual,
  nothingFound: { zh: "没有找到指标表或收支报表", en: "no indicator table or statement found" } as Bilingual,
  hiddenTable: (kind: Bilingual): Bilingual => ({
    zh: `隐藏的工作表中有${kind.zh}，未核对（取消隐藏后可核对）`,
    en: `a hidden sheet holds a table (${kind.en}); it was not checked (unhide it to have it checked)`,
  }),
  /** why 核对全部工作表 left a sheet unchecked, one line per sheet (docs/review.md, "In the add-in") */
  sheetOwn: { zh: "本加载项生成的工作表（核对结果或汇总），不核对", en: "a sheet this add-in made (results or a summary); not checked" } as Bilingual,
  sheetEmpty: { zh: "空工作表", en: "an empty sheet" } as Bilingual,
  sheetTextOnly: { zh: "只有文字，没有数字（如填表说明），不是指标表或收支表", en: "text only, no figures (notes such as 填表说明); not a table or statement" } as Bilingual,
  sheetHidden: { zh: "隐藏的工作表，未读取（取消隐藏后可核对）", en: "a hidden sheet, not read (unhide it to have it checked)" } as Bilingual,
  sheetNeither: (indicator: Bilingual, statement: Bilingual): Bilingual => ({
    zh: `不是指标表（${indicator.zh}），也不是收支表（${statement.zh}）`,
    en: `not an indicator table (${indicator.en}) nor a statement (${statement.en})`,
  }),
};

