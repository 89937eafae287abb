/**
 * Evaluation and scoring of one indicator row (docs/rules.md §5). Pure; never throws.
 */
import { Deadline, compareDeadline, parseDateActual, parseDeadline } from "./date-target";
import { compareDec, decToNumber, roundHalfUp, shiftDec, subDec } from "./decimal";
import { CellValue, isBlank } from "./grid";
import { IndicatorInput, joinParts } from "./indicator-rows";
import { Message, msg } from "./messages";
import { normalizeText } from "./normalize-text";
import { Preset, Settings } from "./presets";
import { Quantity, convertDec, convertValue, formatQuantity, parseQuantity } from "./quantity";
import { RowResult, Status } from "./results";
import { Expression, OP_SYMBOL, Op, QualitativeBand, parseExpression, qualitativeBand, splitEmbeddedTarget } from "./target-expression";
import { RelativeActual, RelativeTarget, compareRelative, describeChange, parseRelativeActual, parseRelativeTarget } from "./relative-target";
import { comparableKey } from "./unit-table";
import { BAND_RANGE } from "./tuning";

/** What a row needs from the rest of the form: the table's year (from its title) for dates without one. */
export interface EvalContext {
  year: number | null;
}

const BUDGET_RE = /预算(资金)?执行/;

const BAND_ZH: Record<QualitativeBand, string> = { achieved: "达成", partial: "部分达成", not_achieved: "未达成" };

function pct(x: number): string {
  return `${roundHalfUp(x * 100, 2)}%`;
}

function describeTarget(op: Op, q: Quantity, q2?: Quantity): string {
  if (op === "between" && q2) return `${formatQuantity(q)}–${formatQuantity(q2)}`;
  return `${OP_SYMBOL[op]}${formatQuantity(q)}`;
}

/** b ≥ limit, where limit comes from a float product (1.2 × 0.17): equal within 1e-12 counts. */
function atLeast(b: number, limit: number): boolean {
  return b >= limit || Math.abs(b - limit) <= 1e-12 * Math.abs(limit);
}

function numberOf(cell: IndicatorInput["points"], code: "points_invalid" | "score_invalid", messages: Message[]): number | null {
  if (!cell || isBlank(cell.value)) return null;
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) return cell.value;
  const r = parseQuantity(cell.value, cell.format);
  if (!r.ok || (r.q.unit && r.q.unit.text !== "分")) {
    messages.push(msg(code, { text: String(cell.value) }, cell.cell));
    return null;
  }
  return r.q.value;
}

interface Compared {
  status: Status;
  completion: number | null;
  deviation: number | null;
  computed: number | null;
  overAchieved: boolean;
}

/** Compare B with A (both already in the target's unit) and score with W points. */
export function scoreQuantitative(
  op: Op,
  A: number,
  B: number,
  W: number | null,
  opts: { A2?: number; tolerance: number; overThreshold: number; budget: boolean; budgetCap: boolean; cmp: number; cmp2?: number; cell?: string },
  messages: Message[],
): Omit<Compared, "deviation"> {
  const Bs = B < 0 ? 0 : B;
  if (B < 0 && W !== null) messages.push(msg("negative_actual", {}, opts.cell));
  const r2 = (x: number) => (W === null ? null : roundHalfUp(x * W, 2));
  const cmp = opts.cmp; // sign of B − A, exact where the units allow
  let status: Status;
  let completion: number | null;
  let computed: number | null;
  let overAchieved = false;
  switch (op) {
    case "ge":
    case "gt":
    case "eq": {
      if (op === "eq" && A === 0) {
        status = cmp <= 0 ? "met" : "not_met";
        completion = cmp <= 0 ? 1 : 0;
        computed = r2(Bs <= 0 ? 1 : 0);
        break;
      }
      status = op === "gt" ? (cmp > 0 ? "met" : "not_met") : op === "ge" ? (cmp >= 0 ? "met" : "not_met") : cmp === 0 ? "met" : cmp > 0 ? "met" : "not_met";
      if (op === "eq" && cmp > 0) messages.push(msg("equal_exceeded", {}, opts.cell));
      completion = A !== 0 ? B / A : B >= 0 ? 1 : 0;
      const ratio = A > 0 ? Bs / A : Bs >= A ? 1 : 0;
      if (opts.budget && !opts.budgetCap) computed = r2(ratio);
      else computed = cmp >= 0 || ratio >= 1 ? r2(1) : r2(ratio);
      if (opts.budget && opts.budgetCap && ratio > 1 && W !== null) messages.push(msg("budget_capped", { ratio: pct(ratio) }, opts.cell));
      // 15 significant digits: 1.2 × 0.17 must be 0.204, not 0.20399999999999999
      if (op !== "eq" && A > 0 && atLeast(B, opts.overThreshold * A) && !opts.budget) {
        overAchieved = true;
        messages.push(msg("over_achieved", { ratio: pct(B / A) }, opts.cell));
      }
      break;
    }
    case "le":
    case "lt": {
      const ok = op === "le" ? cmp <= 0 : cmp < 0;
      status = ok ? "met" : "not_met";
      if (A <= 0) {
        completion = ok ? 1 : 0;
        computed = r2(ok ? 1 : 0);
      } else {
        const f = ok ? 1 : Bs >= 2 * A ? 0 : 1 - (Bs - A) / A;
        completion = Math.max(0, f);
        computed = r2(Math.max(0, f));
      }
      break;
    }
    case "between": {
      const H = opts.A2 ?? A;
      const below = cmp < 0;
      const above = (opts.cmp2 ?? 0) > 0;
      status = below || above ? "not_met" : "met";
      let f = 1;
      if (below) f = A > 0 ? Bs / A : 0;
      else if (above) f = H > 0 ? (Bs >= 2 * H ? 0 : 1 - (Bs - H) / H) : 0;
      completion = Math.max(0, f);
      computed = r2(Math.max(0, f));
      break;
    }
    case "approx": {
      const dev = Math.abs(B - A);
      const within = A === 0 ? dev === 0 : dev <= opts.tolerance * Math.abs(A) + 1e-12 * Math.abs(A);
      status = within ? "met" : "not_met";
      completion = A !== 0 ? B / A : within ? 1 : 0;
      const f = within ? 1 : A !== 0 ? Math.max(0, 1 - dev / Math.abs(A)) : 0;
      computed = r2(f);
      if (!within) messages.push(msg("approx_outside", { dev: pct(A !== 0 ? dev / Math.abs(A) : 1), tol: pct(opts.tolerance) }, opts.cell));
      break;
    }
  }
  return { status, completion, computed, overAchieved };
}

function boundOf(e: Expression): RowResult["actual"]["bound"] {
  if (e.kind !== "quantity" || e.implicit || e.op === "eq") return null;
  return e.op;
}

/** Evaluate one indicator row. */
export function evaluateRow(input: IndicatorInput, settings: Settings, preset: Preset, context: EvalContext = { year: null }): RowResult {
  const messages: Message[] = [];
  let name = input.name;
  const targetCellText = joinParts(input.target, input.operator, input.unit);
  const special = evaluateDatedOrRelative(input, targetCellText, settings, context);
  if (special) return special;
  let targetExpr: Expression;
  const targetCell = input.target?.cell ?? input.nameCell;
  if ((input.target === null || isBlank(targetCellText)) && name) {
    const split = splitEmbeddedTarget(name);
    if (split) {
      name = split.name;
      targetExpr = parseExpression(split.target, { implicitOp: settings.implicitOperator });
      messages.push(msg("target_from_name", { text: input.name }, input.nameCell));
    } else {
      targetExpr = parseExpression(targetCellText, { implicitOp: settings.implicitOperator });
    }
  } else {
    targetExpr = parseExpression(targetCellText, { implicitOp: settings.implicitOperator, numberFormat: input.target?.format });
  }
  for (const m of targetExpr.messages) messages.push({ ...m, cell: m.cell ?? targetCell });

  const actualRaw = input.actual ? joinParts(input.actual, null, input.unit) : null;
  const actualExpr: Expression = parseExpression(actualRaw, { side: "actual", numberFormat: input.actual?.format });
  const actualCell = input.actual?.cell ?? input.nameCell;
  if (actualExpr.kind === "quantity" || actualExpr.kind === "invalid") {
    for (const m of actualExpr.messages) messages.push({ ...m, cell: m.cell ?? actualCell });
  }

  const W = numberOf(input.points, "points_invalid", messages);
  const S = numberOf(input.score, "score_invalid", messages);
  const budget = BUDGET_RE.test(normalizeText(name)) || BUDGET_RE.test(input.level1);

  const result: RowResult = {
    row: input.row,
    name,
    level1: input.level1,
    level2: input.level2,
    target: {
      text: typeof targetCellText === "string" ? targetCellText : targetCellText === null || targetCellText === undefined ? "" : String(targetCellText),
      op: targetExpr.kind === "quantity" ? targetExpr.op : targetExpr.kind,
      value: targetExpr.kind === "quantity" ? targetExpr.q.value : null,
      value2: targetExpr.kind === "quantity" && targetExpr.q2 ? targetExpr.q2.value : null,
      unit: targetExpr.kind === "quantity" ? targetExpr.q.unit?.text ?? null : null,
      implicit: targetExpr.kind === "quantity" ? targetExpr.implicit : false,
    },
    actual: {
      text: actualRaw === null || actualRaw === undefined ? "" : String(actualRaw),
      value: actualExpr.kind === "quantity" ? actualExpr.q.value : null,
      unit: actualExpr.kind === "quantity" ? actualExpr.q.unit?.text ?? null : null,
      bound: boundOf(actualExpr),
      band: actualExpr.kind === "qualitative" ? actualExpr.band : null,
    },
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
  if (targetExpr.kind === "quantity" && name !== input.name && result.target.text === "") result.target.text = describeTarget(targetExpr.op, targetExpr.q, targetExpr.q2);

  if (targetExpr.kind === "none") {
    result.status = "not_applicable";
  } else if (targetExpr.kind === "invalid") {
    if (!messages.some((m) => m.severity === "error")) messages.push(msg("target_invalid", { text: result.target.text }, targetCell));
    result.status = "invalid";
    result.score = S;
  } else if (targetExpr.kind === "qualitative" || (targetExpr.kind === "quantity" && actualExpr.kind === "qualitative" && actualExpr.band !== null)) {
    result.status = "qualitative";
    const band = actualExpr.kind === "qualitative" ? actualExpr.band : actualExpr.kind === "quantity" ? null : qualitativeBand(result.actual.text);
    result.actual.band = band;
    if (targetExpr.kind === "quantity" && band) messages.push(msg("actual_qualitative", { band: BAND_ZH[band] }, actualCell));
    scoreQualitative(result, band, W, S, input, messages);
  } else {
    compareQuantities(result, targetExpr, actualExpr, W, S, settings, preset, budget, input, messages);
  }
  if (targetExpr.kind === "quantity" && targetExpr.implicit && result.status !== "invalid") {
    messages.push(msg("implicit_operator", { op: OP_SYMBOL[targetExpr.op] }, targetCell));
  }
  tableChecks(result, settings, input, messages);
  return result;
}

function scoreQualitative(result: RowResult, band: QualitativeBand | null, W: number | null, S: number | null, input: IndicatorInput, messages: Message[]): void {
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
    if (!inBand) messages.push(msg("score_out_of_band", { band: BAND_ZH[band], low, high, stated: S }, input.score?.cell));
  }
}

function compareQuantities(
  result: RowResult,
  target: Expression & { kind: "quantity" },
  actual: Expression,
  W: number | null,
  S: number | null,
  settings: Settings,
  preset: Preset,
  budget: boolean,
  input: IndicatorInput,
  messages: Message[],
): void {
  const actualCell = input.actual?.cell ?? input.nameCell;
  result.score = S;
  if (actual.kind === "none" || (actual.kind === "qualitative" && isBlank(input.actual?.value))) {
    messages.push(msg("actual_missing", {}, actualCell));
    return;
  }
  if (actual.kind === "invalid") return;
  if (actual.kind === "qualitative") {
    messages.push(msg("actual_not_numeric", { text: actual.text }, actualCell));
    return;
  }
  const actualValue = input.actual?.value;
  if (typeof actualValue === "string" && /[提增降减升]/.test(actualValue) && parseRelativeActual(actualValue) !== null) {
    // 较上年提高1.5个百分点 against ≥70%: a change cannot be compared with a level
    messages.push(msg("actual_is_change", { text: actualValue }, actualCell));
    return;
  }
  let tq: Quantity = target.q;
  let tq2: Quantity | undefined = target.q2;
  let aq: Quantity = actual.q;
  const tu = tq.unit;
  const au = aq.unit;
  if (tu && au) {
    if (comparableKey(tu) !== comparableKey(au)) {
      messages.push(msg("unit_mismatch", { target: tu.text, actual: au.text }, actualCell));
      return;
    }
    if (tu.perYear) messages.push(msg("per_year", { unit: tu.text }, actualCell));
    else if (tu.family === "count" && tu.base !== au.base) messages.push(msg("unit_words_differ", { target: tu.text, actual: au.text }, actualCell));
  } else if (tu && !au) {
    if (tu.family === "ratio" && typeof input.actual?.value === "number" && Math.abs(aq.value) <= 1.5 && tq.value > 1.5) {
      // 0.7 in a General-format cell against a 65% target is a fraction: 70%
      aq = { ...aq, dec: shiftDec(aq.dec, 2), value: decToNumber(shiftDec(aq.dec, 2)), unit: tu };
      messages.push(msg("fraction_as_percent", { value: String(input.actual.value), percent: formatQuantity(aq) }, actualCell));
    } else {
      aq = { ...aq, unit: tu };
      messages.push(msg("unit_borrowed", { side: "actual", unit: tu.text }, actualCell));
    }
  } else if (!tu && au) {
    tq = { ...tq, unit: au };
    if (tq2 && !tq2.unit) tq2 = { ...tq2, unit: au };
    messages.push(msg("unit_borrowed", { side: "target", unit: au.text }, input.target?.cell));
  }
  const unit = tq.unit;
  // B in the target's unit, exact when both units are powers of ten apart
  const bDec = unit ? convertDec(aq, unit) : aq.dec;
  const B = unit ? convertValue(aq, unit) : aq.value;
  const A = tq.value;
  const cmp = bDec ? compareDec(bDec, tq.dec) : Math.sign(B - A);
  let cmp2: number | undefined;
  let A2: number | undefined;
  if (tq2) {
    const t2 = unit && tq2.unit ? convertValue(tq2, unit) : tq2.value;
    A2 = t2;
    const t2Dec = unit ? convertDec(tq2, unit) : tq2.dec;
    cmp2 = bDec && t2Dec ? compareDec(bDec, t2Dec) : Math.sign(B - t2);
  }
  if (actual.op !== "eq" || !actual.implicit) {
    if (!actual.implicit) messages.push(msg("actual_bounded", { text: actual.text, value: formatQuantity(aq) }, actualCell));
  }
  const scored = scoreQuantitative(target.op, A, B, W, {
    A2,
    tolerance: settings.approxTolerance,
    overThreshold: preset.overAchievementThreshold,
    budget,
    budgetCap: preset.budgetExecutionCap,
    cmp,
    cmp2,
    cell: actualCell,
  }, messages);
  result.status = scored.status;
  result.completion = scored.completion;
  result.overAchieved = scored.overAchieved;
  result.computedScore = scored.computed;
  result.deviation = bDec ? decToNumber(subDec(bDec, tq.dec)) : roundHalfUp(B - A, 10);
  result.score = scored.computed ?? S;
  if (scored.status === "not_met") {
    messages.push(msg("not_met", { target: describeTarget(target.op, tq, tq2), actual: formatQuantity(aq) }, actualCell));
  }
}

function tableChecks(result: RowResult, settings: Settings, input: IndicatorInput, messages: Message[]): void {
  const W = result.points;
  const S = result.statedScore;
  if (W !== null && S !== null && S > W) messages.push(msg("score_over_points", { score: S, points: W }, input.score?.cell));
  if (S !== null && result.computedScore !== null && Math.abs(S - result.computedScore) > settings.scoreTolerance) {
    messages.push(msg("score_differs", { stated: S, computed: result.computedScore }, input.score?.cell));
  }
  const counted = S ?? result.computedScore;
  if (settings.reasonRequired && W !== null && counted !== null && counted < W && result.status !== "not_applicable") {
    if (input.reason && isBlank(input.reason.value)) messages.push(msg("reason_required", { score: counted, points: W }, input.reason.cell));
  }
}

/** The row's result before any verdict: texts, points and stated score read. */
function blankResult(input: IndicatorInput, targetText: string, W: number | null, S: number | null, messages: Message[]): RowResult {
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

/**
 * Deadlines and targets relative to last year (docs/standard-forms.md): compared as dates or as
 * changes; null when the target is neither.
 */
function evaluateDatedOrRelative(input: IndicatorInput, targetValue: CellValue, settings: Settings, context: EvalContext): RowResult | null {
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
  const W = numberOf(input.points, "points_invalid", messages);
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

const RELATIVE_IN_NAME_RE = /(不低于|不少于|不小于|高于|超过|不高于|不超过|低于|较上年|比上年|较去年|同比)/;

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
