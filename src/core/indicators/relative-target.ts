/**
 * Targets relative to last year (docs/standard-forms.md, "Relative targets"): `较上年提高5个百分点`,
 * `较上年增长5%`, `增长5%`, `不低于上年`, `同比下降3%`, and actuals in the same form
 * (`提高6.2个百分点`, `同比下降4%`, `与上年持平`). A change is signed: +5 for 增长5%, −3 for
 * 下降3%; its measure is percentage points (`pp`) or a growth rate (`pct`). Pure; never throws.
 */
import { CellValue } from "../basics/grid";
import { OPERATOR_WORDS, REFERENCE_YEAR_WORDS, wordsPattern } from "../basics/vocabulary";
import { normalizeText } from "../basics/normalize-text";

export type Measure = "pp" | "pct";

export interface RelativeTarget {
  op: "ge" | "le" | "gt" | "lt";
  /** the signed change the target names (0 for 不低于上年) */
  value: number;
  /** null when the target names no figure (不低于上年, 较上年有所提高) */
  measure: Measure | null;
  text: string;
}

export interface RelativeActual {
  /** the signed change; null when only its direction is written (较上年有所增长) */
  value: number | null;
  sign: -1 | 0 | 1;
  measure: Measure | null;
  text: string;
}

const REF = "(?:较|比|与|同)?(?:上年|去年|上一年|上年度|上年同期|(?:19|20)\\d\\d年|基期)(?:同期)?(?:相比|比较)?";
const REF_START_RE = new RegExp(`^(?:${REF}|同比)`);
const REF_WORD = `(?:${wordsPattern(REFERENCE_YEAR_WORDS)})(?:同期)?(?:水平|数|值)?`;
// operator words of the vocabulary: at least / more than / at most / less than
const GE = wordsPattern(OPERATOR_WORDS.ge);
const GT = wordsPattern(OPERATOR_WORDS.gt);
const LE = wordsPattern(OPERATOR_WORDS.le);
const LT = wordsPattern(OPERATOR_WORDS.lt);
const MODIFIER = wordsPattern([...OPERATOR_WORDS.ge, ...OPERATOR_WORDS.gt, ...OPERATOR_WORDS.le, ...OPERATOR_WORDS.lt]);
const CEILING_RE = new RegExp(`^(${wordsPattern([...OPERATOR_WORDS.le, ...OPERATOR_WORDS.lt])})$`);
// longer words first: the alternation takes the first that matches
const UP = "提高|增长|增加|上升|提升|扩大|增大|上涨|增幅|增速|增";
const DOWN = "下降|降低|减少|压减|压降|压缩|缩短|缩小|缩减|节约|节省|回落|降幅|减";
const CHANGE_RE = new RegExp(
  `^(?:有所)?(${UP}|${DOWN})(?:了)?(${MODIFIER})?([+-]?\\d+(?:\\.\\d+)?)(个百分点|百分点|%|‰)(以上|及以上|以内|之内|以下|左右)?$`,
);
const DIRECTION_ONLY_RE = new RegExp(`^(?:有所|稳步|持续|进一步|明显|略有)?(${UP}|${DOWN})$`);
const UP_RE = new RegExp(`^(${UP})$`);
const NOT_BELOW_RE = new RegExp(`^(${GE})${REF_WORD}$`);
const ABOVE_RE = new RegExp(`^(${GT})${REF_WORD}$`);
const NOT_ABOVE_RE = new RegExp(`^(${LE})${REF_WORD}$`);
const BELOW_RE = new RegExp(`^(${LT})${REF_WORD}$`);
const FLAT_RE = /^(基本|保持)?持平$/;
/** 增加42.67万人次: a change in the indicator's own unit — its direction is known, its rate is not */
const CHANGE_IN_UNITS_RE = new RegExp(`^(${UP}|${DOWN})(?:了)?[+-]?\\d[\\d,]*(?:\\.\\d+)?[\u4e00-\u9fa5]{1,4}$`);

function textOf(v: CellValue): string {
  if (typeof v !== "string") return "";
  return normalizeText(v).replace(/[。;；,，!！]+$/, "");
}

function stripRef(s: string): { rest: string; ref: boolean } {
  const m = REF_START_RE.exec(s);
  if (!m) return { rest: s, ref: false };
  return { rest: s.slice(m[0].length), ref: true };
}

interface Change {
  up: boolean;
  value: number;
  measure: Measure;
  modifier: string;
  suffix: string;
}

function change(s: string): Change | null {
  const m = CHANGE_RE.exec(s);
  if (!m) return null;
  const x = Number(m[3]);
  if (!Number.isFinite(x)) return null;
  return { up: UP_RE.test(m[1]), value: m[4] === "‰" ? x / 10 : x, measure: m[4] === "%" || m[4] === "‰" ? "pct" : "pp", modifier: m[2] ?? "", suffix: m[5] ?? "" };
}

/** A target relative to last year, else null. Never throws. */
export function parseRelativeTarget(v: CellValue): RelativeTarget | null {
  try {
    const s = textOf(v);
    if (s === "" || s.length > 40) return null;
    if (NOT_BELOW_RE.test(s)) return { op: "ge", value: 0, measure: null, text: s };
    if (ABOVE_RE.test(s)) return { op: "gt", value: 0, measure: null, text: s };
    if (NOT_ABOVE_RE.test(s)) return { op: "le", value: 0, measure: null, text: s };
    if (BELOW_RE.test(s)) return { op: "lt", value: 0, measure: null, text: s };
    const { rest, ref } = stripRef(s);
    const c = change(rest);
    if (c) {
      const signed = c.up ? c.value : -c.value;
      // 增长不超过5% / 下降不超过3%: a ceiling on the change's size
      const ceiling = CEILING_RE.test(c.modifier) || /^(以内|之内|以下)$/.test(c.suffix);
      const op: RelativeTarget["op"] = c.up === !ceiling ? "ge" : "le";
      return { op, value: signed, measure: c.measure, text: s };
    }
    if (ref) {
      const d = DIRECTION_ONLY_RE.exec(rest);
      if (d) return { op: UP_RE.test(d[1]) ? "gt" : "lt", value: 0, measure: null, text: s };
    }
    return null;
  } catch {
    return null;
  }
}

/** An actual written as a change on last year, else null. Never throws. */
export function parseRelativeActual(v: CellValue): RelativeActual | null {
  try {
    const s = textOf(v);
    if (s === "" || s.length > 40) return null;
    const { rest, ref } = stripRef(s);
    if (FLAT_RE.test(rest) && (ref || /^(基本|保持)?持平$/.test(s))) return { value: 0, sign: 0, measure: null, text: s };
    const c = change(rest);
    if (c && c.modifier === "" && c.suffix !== "以内") {
      const signed = c.up ? c.value : -c.value;
      return { value: signed, sign: signed > 0 ? 1 : signed < 0 ? -1 : 0, measure: c.measure, text: s };
    }
    if (ref) {
      const d = DIRECTION_ONLY_RE.exec(rest) ?? CHANGE_IN_UNITS_RE.exec(rest);
      if (d) return { value: null, sign: UP_RE.test(d[1]) ? 1 : -1, measure: null, text: s };
    }
    return null;
  } catch {
    return null;
  }
}

export type RelativeVerdict =
  | { status: "met" | "not_met"; ratio: number }
  | { status: "measure_differs" }
  | { status: "needs_figure" };

/**
 * Compare a change with the target's. Met → ratio 1. Missed: an increase target scores the share
 * of it achieved (B / A), a decrease target the share of the decrease (|B| / |A|), anything else 0.
 */
export function compareRelative(t: RelativeTarget, a: RelativeActual): RelativeVerdict {
  if (t.measure !== null && a.measure !== null && t.measure !== a.measure) return { status: "measure_differs" };
  if (a.value === null) {
    // only a direction is written: enough against a target of no figure (不低于上年, 有所提高)
    if (t.value !== 0) return { status: "needs_figure" };
    const ok = t.op === "ge" ? a.sign >= 0 : t.op === "gt" ? a.sign > 0 : t.op === "le" ? a.sign <= 0 : a.sign < 0;
    return { status: ok ? "met" : "not_met", ratio: ok ? 1 : 0 };
  }
  const B = a.value;
  const A = t.value;
  const eps = 1e-9;
  const ok = t.op === "ge" ? B >= A - eps : t.op === "gt" ? B > A + eps : t.op === "le" ? B <= A + eps : B < A - eps;
  if (ok) return { status: "met", ratio: 1 };
  let ratio = 0;
  if (t.op === "ge" && A > 0) ratio = Math.max(0, B) / A;
  else if (t.op === "le" && A < 0) ratio = B < 0 ? B / A : 0;
  return { status: "not_met", ratio: Math.max(0, Math.min(1, ratio)) };
}

export function describeChange(value: number | null, measure: Measure | null, sign: number = 0): string {
  if (value === null) return sign > 0 ? "增长" : sign < 0 ? "下降" : "持平";
  const unit = measure === "pp" ? "个百分点" : measure === "pct" ? "%" : "";
  if (value === 0) return "持平";
  return `${value > 0 ? "+" : ""}${value}${unit}`;
}
