/**
 * What the scoring of every kind of indicator row shares (docs/rules.md §5): the row's context,
 * its points and stated score read, the blank result, the qualitative score and the table checks.
 */
import { roundHalfUp } from "../basics/decimal";
import { isBlank } from "../basics/grid";
import { IndicatorInput } from "../forms/indicator-rows";
import { Message, msg } from "../basics/messages";
import { Settings } from "./presets";
import { formatQuantity, parseQuantity, Quantity } from "../basics/quantity";
import { RowResult, Status } from "./results";
import { Op, OP_SYMBOL, QualitativeBand } from "./target-expression";
import { BAND_RANGE } from "../basics/tuning";
import { statedFigureSeverity, scoreDecimals } from "../basics/severity";

/** What a row needs from the rest of the form: the table's year (from its title) for dates without one. */
export interface EvalContext {
  year: number | null;
}

export const BAND_ZH: Record<QualitativeBand, string> = { achieved: "达成", partial: "部分达成", not_achieved: "未达成" };

export function pct(x: number): string {
  return `${roundHalfUp(x * 100, 2)}%`;
}

export function describeTarget(op: Op, q: Quantity, q2?: Quantity): string {
  if (op === "between" && q2) return `${formatQuantity(q)}–${formatQuantity(q2)}`;
  return `${OP_SYMBOL[op]}${formatQuantity(q)}`;
}

/** b ≥ limit, where limit comes from a float product (1.2 × 0.17): equal within 1e-12 counts. */
export function atLeast(b: number, limit: number): boolean {
  return b >= limit || Math.abs(b - limit) <= 1e-12 * Math.abs(limit);
}

export function numberOf(cell: IndicatorInput["points"], code: "points_invalid" | "score_invalid", messages: Message[]): number | null {
  if (!cell || isBlank(cell.value)) return null;
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) return cell.value;
  const r = parseQuantity(cell.value, cell.format);
  if (!r.ok || (r.q.unit && r.q.unit.text !== "分")) {
    messages.push(msg(code, { text: String(cell.value) }, cell.cell));
    return null;
  }
  return r.q.value;
}

export interface Compared {
  status: Status;
  completion: number | null;
  deviation: number | null;
  computed: number | null;
  overAchieved: boolean;
}

export function scoreQualitative(result: RowResult, band: QualitativeBand | null, W: number | null, S: number | null, input: IndicatorInput, messages: Message[]): void {
  if (band === null && !isBlank(input.actual?.value)) messages.push(msg("qualitative_unknown_band", {}, input.actual?.cell));
  if (S === null) {
    if (W !== null) messages.push(msg("qualitative_no_score", {}, input.score?.cell ?? input.nameCell));
    result.score = null;
    return;
  }
  result.score = S;
  if (band && W !== null) {
    const [lo, hi] = BAND_RANGE[band];
    const low = roundHalfUp(lo * W, 2);
    const high = roundHalfUp(hi * W, 2);
    const inBand = band === "achieved" ? S >= low && S <= high : S >= low && S < high;
    // above the band overstates (error), below it understates (warning): docs/rules.md, "Severity"
    if (!inBand) messages.push(msg("score_out_of_band", { band: BAND_ZH[band], low, high, stated: S }, input.score?.cell, S > high ? "error" : "warning"));
  }
}

/** Verdicts that need a reason (偏差原因) and are only notes once it is written. */
const REASONED_VERDICTS = new Set(["not_met", "relative_not_met", "deadline_missed", "approx_outside"]);

export function tableChecks(result: RowResult, settings: Settings, input: IndicatorInput, messages: Message[]): void {
  const W = result.points;
  const S = result.statedScore;
  if (W !== null && S !== null && S > W) messages.push(msg("score_over_points", { score: S, points: W }, input.score?.cell));
  if (S !== null && result.computedScore !== null) {
    const severity = statedFigureSeverity(S, result.computedScore, { tolerance: settings.scoreTolerance, decimals: scoreDecimals(S, input.score?.format) });
    if (severity) messages.push(msg("score_differs", { stated: S, computed: result.computedScore }, input.score?.cell, severity));
  }
  // a verdict with its reason written is a note, not a problem (docs/rules.md, "Severity")
  if (input.reason && !isBlank(input.reason.value)) {
    for (let i = 0; i < messages.length; i++) if (REASONED_VERDICTS.has(messages[i].code)) messages[i] = { ...messages[i], severity: "info" };
  }
  const counted = S ?? result.computedScore;
  if (settings.reasonRequired && W !== null && counted !== null && counted < W && result.status !== "not_applicable") {
    if (input.reason && isBlank(input.reason.value)) messages.push(msg("reason_required", { score: counted, points: W }, input.reason.cell));
  }
}

/** The row's result before any verdict: texts, points and stated score read. */
export function blankResult(input: IndicatorInput, targetText: string, W: number | null, S: number | null, messages: Message[]): RowResult {
  const actualValue = input.actual?.value;
  return {
    row: input.row,
    name: input.name,
    level1: input.level1,
    level2: input.level2,
    target: { text: targetText, op: "invalid", value: null, value2: null, unit: null, implicit: false },
    actual: { text: actualValue === null || actualValue === undefined ? "" : String(actualValue), value: null, unit: null, bound: null, band: null },
    status: "invalid",
    completion: null,
    deviation: null,
    overAchieved: false,
    points: W,
    statedScore: S,
    computedScore: null,
    score: null,
    messages,
  };
}
