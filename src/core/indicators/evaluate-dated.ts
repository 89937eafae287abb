/**
 * Rows whose target is a deadline or a change on last year (docs/standard-forms.md: dates and
 * relative targets), scored all or nothing or by the change.
 */
import { compareDeadline, Deadline, parseDateActual, parseDeadline } from "./date-target";
import { OPERATOR_WORDS, WEAK_OPERATOR_WORDS, wordsPattern } from "../basics/vocabulary";
import { roundHalfUp } from "../basics/decimal";
import { blankResult, EvalContext, numberOf, scoreQualitative, tableChecks } from "./evaluate-common";
import { CellValue, isBlank } from "../basics/grid";
import { IndicatorInput } from "../forms/indicator-rows";
import { Message, msg } from "../basics/messages";
import { normalizeText } from "../basics/normalize-text";
import { Settings } from "./presets";
import { parseQuantity, Quantity } from "../basics/quantity";
import { compareRelative, describeChange, parseRelativeActual, parseRelativeTarget, RelativeActual, RelativeTarget } from "./relative-target";
import { RowResult } from "./results";
import { parseExpression, qualitativeBand } from "./target-expression";

/**
 * Deadlines and targets relative to last year (docs/standard-forms.md): compared as dates or as
 * changes; null when the target is neither.
 */
export function evaluateDatedOrRelative(input: IndicatorInput, targetValue: CellValue, settings: Settings, context: EvalContext): RowResult | null {
  if (typeof targetValue === "boolean") return null;
  const messages: Message[] = [];
  let name = input.name;
  if (isBlank(targetValue)) {
    // a relative target at the end of the name: 医疗救助人次不低于上年
    const at = normalizeText(name).search(RELATIVE_IN_NAME_RE);
    if (at <= 0) return null;
    const tail = normalizeText(name).slice(at);
    if (!parseRelativeTarget(tail)) return null;
    messages.push(msg("target_from_name", { text: name }, input.nameCell));
    name = normalizeText(name).slice(0, at);
    targetValue = tail;
  }
  // the cell as written first: a direction (正向 / 反向) joined to a date or a change means nothing
  const raw = input.target?.value;
  const tries: CellValue[] = raw !== undefined && raw !== null && raw !== targetValue && !isBlank(raw) ? [raw, targetValue] : [targetValue];
  let deadline: Deadline | null = null;
  let relative: RelativeTarget | null = null;
  for (const t of tries) {
    ({ deadline, relative } = specialTarget(t, input.target?.format));
    if (deadline || relative) {
      targetValue = t;
      break;
    }
  }
  if (!deadline && !relative) return null;
  const W = numberOf(input.points, "points_invalid", messages) ?? input.pointsValue ?? null;
  const S = numberOf(input.score, "score_invalid", messages);
  const result = blankResult(input, typeof targetValue === "string" || !deadline ? cellTextOf(targetValue) : deadline.text, W, S, messages);
  result.name = name;
  const actualCell = input.actual?.cell ?? input.nameCell;
  if (!input.actual || isBlank(input.actual.value)) {
    if (deadline) result.target.op = "le";
    messages.push(msg("actual_missing", {}, actualCell));
    result.score = S;
  } else if (deadline) {
    dated(result, deadline, input, W, S, context, messages);
  } else if (relative) {
    relativeRow(result, relative, input, W, S, messages);
  }
  tableChecks(result, settings, input, messages);
  return result;
}

// Targets repeat down a sheet: the date/relative reading of a text is cached (both readings are immutable).
const specialCache = new Map<string, { deadline: Deadline | null; relative: RelativeTarget | null }>();

function specialTarget(t: CellValue, format: string | null | undefined): { deadline: Deadline | null; relative: RelativeTarget | null } {
  if (typeof t !== "string") return { deadline: parseDeadline(t, format), relative: null };
  const hit = specialCache.get(t);
  if (hit) return hit;
  const deadline = parseDeadline(t, format);
  const out = { deadline, relative: deadline ? null : parseRelativeTarget(t) };
  if (specialCache.size >= 4096) specialCache.clear();
  specialCache.set(t, out);
  return out;
}

/** Where a relative target starts in a name: an operator word of the vocabulary or a reference to last year. */
const RELATIVE_IN_NAME_RE = new RegExp(
  `(${wordsPattern([...[...OPERATOR_WORDS.ge, ...OPERATOR_WORDS.gt, ...OPERATOR_WORDS.le, ...OPERATOR_WORDS.lt].filter((w) => !WEAK_OPERATOR_WORDS.includes(w)), "较上年", "比上年", "较去年", "同比"])})`,
);

function cellTextOf(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v);
}

function verdictScore(result: RowResult, met: boolean, ratio: number, W: number | null): void {
  result.status = met ? "met" : "not_met";
  result.completion = ratio;
  result.computedScore = W === null ? null : roundHalfUp(ratio * W, 2);
  result.score = result.computedScore ?? result.statedScore;
}

/** A deadline: met → full points, missed → 0 (time limits are all or nothing). */
function dated(result: RowResult, deadline: Deadline, input: IndicatorInput, W: number | null, S: number | null, context: EvalContext, messages: Message[]): void {
  result.target.op = "le";
  const actualCell = input.actual?.cell ?? input.nameCell;
  const actual = parseDateActual(input.actual?.value, input.actual?.format);
  if (!actual) {
    const band = qualitativeBand(normalizeText(result.actual.text));
    if (band) {
      result.status = "qualitative";
      result.actual.band = band;
      scoreQualitative(result, band, W, S, input, messages);
    } else {
      messages.push(msg("deadline_actual_invalid", { text: result.actual.text }, actualCell));
      result.score = S;
    }
    return;
  }
  const v = compareDeadline(deadline, actual, context.year);
  if (!v) return;
  if (v.status === "met" || v.status === "not_met") {
    verdictScore(result, v.status === "met", v.status === "met" ? 1 : 0, W);
    messages.push(msg(v.status === "met" ? "deadline_met" : "deadline_missed", { deadline: v.deadline, actual: v.actual }, actualCell));
    return;
  }
  result.status = "qualitative";
  result.score = S;
  messages.push(v.status === "unknown" ? msg("deadline_unknown", {}, input.target?.cell) : msg("deadline_ambiguous", { deadline: v.deadline, actual: v.actual }, actualCell));
  if (S === null && W !== null) messages.push(msg("qualitative_no_score", {}, input.score?.cell ?? input.nameCell));
}

const MEASURE_UNIT: Record<string, string> = { pp: "个百分点", pct: "%" };

/** A change on last year, read from the actual or worked out from a prior-year figure. */
function relativeRow(result: RowResult, target: RelativeTarget, input: IndicatorInput, W: number | null, S: number | null, messages: Message[]): void {
  result.target.op = target.op;
  result.target.value = target.value;
  result.target.unit = target.measure ? MEASURE_UNIT[target.measure] : null;
  const actualCell = input.actual?.cell ?? input.nameCell;
  let actual = parseRelativeActual(input.actual?.value);
  if (!actual) actual = fromPrior(target, input, messages);
  const qualitative = (code: "relative_needs_prior" | "relative_measure_differs", params: Record<string, string>) => {
    result.status = "qualitative";
    result.score = S;
    messages.push(msg(code, params, actualCell));
    if (S === null && W !== null) messages.push(msg("qualitative_no_score", {}, input.score?.cell ?? input.nameCell));
  };
  if (!actual) {
    const absolute = parseExpression(input.actual?.value, { side: "actual", numberFormat: input.actual?.format });
    if (absolute.kind === "quantity") {
      result.actual.value = absolute.q.value;
      result.actual.unit = absolute.q.unit?.text ?? null;
      qualitative("relative_needs_prior", { target: target.text });
      return;
    }
    const band = qualitativeBand(normalizeText(result.actual.text));
    if (band) {
      result.status = "qualitative";
      result.actual.band = band;
      scoreQualitative(result, band, W, S, input, messages);
      return;
    }
    // neither a change nor a figure nor an achievement wording: nothing to check
    messages.push(msg("actual_not_numeric", { text: result.actual.text }, actualCell));
    result.score = S;
    return;
  }
  result.actual.value = actual.value;
  result.actual.unit = actual.measure ? MEASURE_UNIT[actual.measure] : null;
  const v = compareRelative(target, actual);
  const shownTarget = target.text;
  const shownActual = describeChange(actual.value, actual.measure, actual.sign);
  if (v.status === "measure_differs") {
    qualitative("relative_measure_differs", { target: shownTarget, actual: actual.text });
    return;
  }
  if (v.status === "needs_figure") {
    qualitative("relative_needs_prior", { target: shownTarget });
    return;
  }
  verdictScore(result, v.status === "met", v.ratio, W);
  if (actual.value !== null) result.deviation = roundHalfUp(actual.value - target.value, 10);
  messages.push(msg(v.status === "met" ? "relative_compared" : "relative_not_met", { target: shownTarget, actual: shownActual }, actualCell));
}

/** The change worked out from an absolute actual and the row's prior-year figure, when both are numbers. */
function fromPrior(target: RelativeTarget, input: IndicatorInput, messages: Message[]): RelativeActual | null {
  const prior = input.prior;
  if (!prior || isBlank(prior.value) || !input.actual) return null;
  const p = parseQuantity(prior.value, prior.format);
  const a = parseQuantity(input.actual.value, input.actual.format);
  if (!p.ok || !a.ok) return null;
  const pu = p.q.unit?.text ?? null;
  const au = a.q.unit?.text ?? null;
  if (pu && au && pu !== au) return null;
  let change: number;
  let measure: RelativeActual["measure"];
  if (target.measure === "pp") {
    // percentage points: both figures are percents (a bare fraction ≤ 1.5 is read as one)
    const pct = (q: Quantity, u: string | null) => (u === "%" ? q.value : Math.abs(q.value) <= 1.5 ? q.value * 100 : q.value);
    change = roundHalfUp(pct(a.q, au) - pct(p.q, pu), 10);
    measure = "pp";
  } else {
    if (p.q.value === 0) return null;
    change = roundHalfUp(((a.q.value - p.q.value) / Math.abs(p.q.value)) * 100, 10);
    measure = target.measure === null ? null : "pct";
  }
  const shown = describeChange(roundHalfUp(change, 2), measure ?? "pct");
  messages.push(msg("relative_from_prior", { prior: cellTextOf(prior.value), actual: shown }, prior.cell));
  return { value: change, sign: change > 0 ? 1 : change < 0 ? -1 : 0, measure, text: shown };
}
