/**
 * Evaluation and scoring of one indicator row (docs/rules.md §5). Pure; never throws.
 */
import { compareDec, decToNumber, roundHalfUp, shiftDec, subDec } from "../basics/decimal";
import { atLeast, BAND_ZH, blankResult, Compared, describeTarget, EvalContext, numberOf, pct, scoreQualitative, tableChecks } from "./evaluate-common";
import { evaluateDatedOrRelative } from "./evaluate-dated";
import { isBlank } from "../basics/grid";
import { IndicatorInput, joinParts } from "../forms/indicator-rows";
import { Message, msg } from "../basics/messages";
import { displayText, normalizeText } from "../basics/normalize-text";
import { Preset, Settings, isBudgetExecution } from "./presets";
import { convertDec, convertValue, formatQuantity, Quantity } from "../basics/quantity";
import { parseRelativeActual } from "./relative-target";
import { RowResult, Status } from "./results";
import { Expression, Op, OP_SYMBOL, parseExpression, qualitativeBand, splitEmbeddedTarget } from "./target-expression";
import { comparableKey } from "../basics/unit-table";
import { actualMagnitude } from "./magnitude";

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

/**
 * Evaluate one row a form family read (docs/form-families.md): a scoring-sheet row (a stated score
 * against its points), or an indicator row compared with its target; then what the family knew
 * beyond the cells (评分标准, a value computed from data items, a 其中 breakdown row).
 */
export function evaluateRow(input: IndicatorInput, settings: Settings, preset: Preset, context: EvalContext = { year: null }): RowResult {
  let row = input;
  const computed = input.computed ?? null;
  if (computed && computed.value !== null && (input.actual === null || isBlank(input.actual.value))) {
    // the value worked out from the data items stands in for a blank 指标值
    const value = computed.unit ? `${computed.value}${computed.unit}` : computed.value;
    row = { ...input, actual: { value, format: null, cell: input.actual?.cell ?? computed.items[0] ?? input.nameCell } };
  }
  const result = input.scoreOnly ? evaluateScoreOnly(row, settings) : evaluateIndicator(row, settings, preset, context);
  if (input.scoreOnly) result.scoreOnly = true;
  if (input.criteria && !isBlank(input.criteria.value)) result.criteria = displayText(String(input.criteria.value));
  if (computed) result.computed = { formula: computed.formula, items: [...computed.items], value: computed.value, unit: computed.unit };
  // the family's findings on the row (a data item with no number) come first
  if (input.findings?.length) result.messages = [...input.findings, ...result.messages];
  if (input.breakdown) {
    result.breakdown = true;
    result.messages.push(msg("breakdown_not_scored", {}, input.nameCell));
  }
  return result;
}

/** A scoring-sheet row: the stated score against the points; blank while points are due is unfilled, not 0. */
function evaluateScoreOnly(input: IndicatorInput, settings: Settings): RowResult {
  const messages: Message[] = [];
  const W = numberOf(input.points, "points_invalid", messages) ?? input.pointsValue ?? null;
  const S = numberOf(input.score, "score_invalid", messages);
  const result = blankResult(input, "", W, S, messages);
  result.target.op = "qualitative";
  if (S === null) {
    if (W !== null && W > 0) {
      messages.push(msg("score_unfilled", { points: W }, input.score?.cell ?? input.nameCell));
      result.status = "invalid";
    } else result.status = "qualitative";
  } else {
    result.status = "qualitative";
    result.score = S;
  }
  tableChecks(result, settings, input, messages);
  return result;
}

function evaluateIndicator(input: IndicatorInput, settings: Settings, preset: Preset, context: EvalContext): RowResult {
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

  const W = numberOf(input.points, "points_invalid", messages) ?? input.pointsValue ?? null;
  const S = numberOf(input.score, "score_invalid", messages);
  const budget = isBudgetExecution(normalizeText(name)) || isBudgetExecution(normalizeText(input.level1));

  const result: RowResult = {
    ...blankResult(input, "", W, S, messages),
    name,
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
  let borrowedUnit = false;
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
      borrowedUnit = true;
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
  const slip = actualMagnitude({ A, B, unit, raw: actual.q, borrowed: borrowedUnit, cell: actualCell });
  if (slip) {
    // the unit-taken note is replaced by the finding, which names both readings
    if (borrowedUnit) messages.splice(messages.findIndex((m) => m.code === "unit_borrowed"), 1);
    messages.push(slip);
    return;
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
