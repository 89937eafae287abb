/**
 * Target expressions (年度指标值, docs/rules.md §4) and actual values with bounds.
 * One parser serves both sides: on a target the operator is the rule, on an
 * actual it is a bound ("不低于65%") compared at its value.
 */
import { CellValue, EXCEL_ERRORS } from "../basics/grid";
import { Message, msg } from "../basics/messages";
import { CHINESE_NUMERAL_CHARS, normalizeText } from "../basics/normalize-text";
import { Quantity, parseQuantity, parseQuantityText } from "../basics/quantity";
import { lookupUnit } from "../basics/unit-table";
import { NOT_APPLICABLE_MARKS, OPERATOR_SYMBOLS, OPERATOR_WORDS, OperatorName, SUFFIX_WORDS, WEAK_OPERATOR_WORDS, operatorSymbols, operatorWords, wordsPattern } from "../basics/vocabulary";

export type Op = "ge" | "le" | "eq" | "gt" | "lt" | "between" | "approx";

export const OP_SYMBOL: Record<Op, string> = { ge: "≥", le: "≤", eq: "=", gt: ">", lt: "<", between: "区间", approx: "≈" };

export type QualitativeBand = "achieved" | "partial" | "not_achieved";

export type Expression =
  | {
      kind: "quantity";
      op: Op;
      q: Quantity;
      /** upper bound for between */
      q2?: Quantity;
      /** no operator was written */
      implicit: boolean;
      text: string;
      messages: Message[];
    }
  | { kind: "qualitative"; text: string; band: QualitativeBand | null; messages: Message[] }
  | { kind: "none"; text: string; messages: Message[] }
  | { kind: "invalid"; text: string; messages: Message[] };


// prefix words and symbols, and suffix words, from the vocabulary (docs/form-families.md)
const PREFIX_OPS: Array<[string, Op]> = (Object.keys(OPERATOR_WORDS) as OperatorName[]).flatMap((o) => [...OPERATOR_WORDS[o], ...OPERATOR_SYMBOLS[o]].map((w): [string, Op] => [w, o]));

const SUFFIX_OPS: Array<[string, Op]> = (Object.keys(SUFFIX_WORDS) as OperatorName[]).flatMap((o) => (SUFFIX_WORDS[o] ?? []).map((w): [string, Op] => [w, o]));

const FILLER_PREFIX = /^(年度目标值|年度目标|目标值|目标|指标值|全年|年均|平均|每年|累计|完成|实现)[:：]?/;

// one alternation, longest word first, instead of a loop of startsWith calls (hot path)
const PREFIX_RE = new RegExp(`^(?:${wordsPattern(PREFIX_OPS.map(([w]) => w))})`);
const PREFIX_MAP = new Map(PREFIX_OPS);
const SUFFIX_RE = new RegExp(`(?:${wordsPattern(SUFFIX_OPS.map(([w]) => w))})$`);
const SUFFIX_MAP = new Map(SUFFIX_OPS);

export function parseOpPrefix(s: string): { op: Op | null; rest: string } {
  const m = PREFIX_RE.exec(s);
  if (m) return { op: PREFIX_MAP.get(m[0]) ?? null, rest: s.slice(m[0].length) };
  return { op: null, rest: s };
}

function parseOpSuffix(s: string): { op: Op | null; rest: string } {
  const stripped = s.indexOf("含") >= 0 ? s.replace(/[(（]含[)）]/, "") : s;
  const m = SUFFIX_RE.exec(stripped);
  if (m) return { op: SUFFIX_MAP.get(m[0]) ?? null, rest: stripped.slice(0, stripped.length - m[0].length) };
  return { op: null, rest: s };
}

const RANGE_RE = /^([^[\]~至到—,]+?)(?:-|~|至|到|—)([^[\]~至到—,]+?)$/;
const BRACKET_RANGE_RE = /^[[(]([^,]+),([^,]+)[\])]$/;

function tryRange(s: string): { q: Quantity; q2: Quantity } | null {
  // "90%-100%", "90-100%", "[90%,100%]", "90%至100%"
  const m = BRACKET_RANGE_RE.exec(s) ?? RANGE_RE.exec(s);
  if (!m) return null;
  const a = parseQuantityText(m[1]);
  const b = parseQuantityText(m[2]);
  if (!a || !b || !a.ok || !b.ok) return null;
  let q = a.q;
  const q2 = b.q;
  if (!q.unit && q2.unit) q = { ...q, unit: q2.unit };
  if (q.value > q2.value) return null;
  return { q, q2 };
}

const ACHIEVED_RE = /(未达成|未完成|未实现|未达到|没有达成|未能|效果较差)/;
const PARTIAL_RE = /(部分达成|部分完成|部分实现|基本达成|基本完成|基本实现)/;
const DONE_RE = /(达成|完成|实现|达到|已达|满足)/;

export function qualitativeBand(s: string): QualitativeBand | null {
  if (ACHIEVED_RE.test(s)) return "not_achieved";
  if (PARTIAL_RE.test(s)) return "partial";
  if (DONE_RE.test(s)) return "achieved";
  return null;
}

/** A number somewhere in prose, with an optional operator before and suffix after (为 only as a weak word: not in prose). */
const EMBEDDED_OPS = wordsPattern([...operatorWords().filter((w) => w !== "为"), ...operatorSymbols(["ge", "le", "eq", "gt", "lt"]).filter((w) => w.length === 1 || w === ">=" || w === "<=")]);
const EMBEDDED_RE = new RegExp(
  `(${EMBEDDED_OPS})?([+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)([%‰]|[\u4e00-\u9fa5]{1,3}(?:\\/[\u4e00-\u9fa5]{1,2})?)?(${wordsPattern(["及以上", "以上", "以内", "以下", "左右"])})?`,
  "g",
);

export interface ParseOptions {
  /** how a target without an operator is read (docs/rules.md §4: at least by default) */
  implicitOp?: "ge" | "eq";
  /** number format of the cell, when the value is a number */
  numberFormat?: string | null;
  /** which side: on an actual, operators are bounds */
  side?: "target" | "actual";
}

// Targets repeat down a sheet (100%, ≥90%, ≥95%): parsed expressions are immutable, so cache them.
const targetCache = new Map<string, Expression>();
const TARGET_CACHE_LIMIT = 4096;

/** Parse a target or actual cell into an expression. Never throws. The result must not be mutated. */
export function parseExpression(value: CellValue, opts: ParseOptions = {}): Expression {
  if (typeof value === "string" && (opts.side ?? "target") === "target") {
    const key = (opts.implicitOp ?? "ge") + value;
    const hit = targetCache.get(key);
    if (hit) return hit;
    const parsed = parseExpressionUncached(value, opts);
    if (targetCache.size >= TARGET_CACHE_LIMIT) targetCache.clear();
    targetCache.set(key, parsed);
    return parsed;
  }
  return parseExpressionUncached(value, opts);
}

function parseExpressionUncached(value: CellValue, opts: ParseOptions): Expression {
  const side = opts.side ?? "target";
  if (typeof value === "number") {
    const r = parseQuantity(value, opts.numberFormat);
    if (!r.ok) return { kind: "invalid", text: String(value), messages: [r.message] };
    return { kind: "quantity", op: side === "target" ? opts.implicitOp ?? "ge" : "eq", q: r.q, implicit: true, text: String(value), messages: [] };
  }
  if (typeof value === "boolean") return { kind: "invalid", text: String(value), messages: [msg("not_a_number", { text: String(value) })] };
  const raw = value ?? "";
  if (EXCEL_ERRORS.has(raw.trim())) return { kind: "invalid", text: raw, messages: [msg("cell_error", { value: raw.trim() })] };
  const s = normalizeText(raw).replace(/[。;；]+$/, "");
  if (NOT_APPLICABLE_MARKS.has(s.toLowerCase())) return { kind: "none", text: raw, messages: [] };

  const direct = parseDirect(s, side, opts.implicitOp ?? "ge");
  if (direct) {
    if (direct.kind === "quantity" || direct.kind === "invalid") return { ...direct, text: raw };
  }

  const band = qualitativeBand(s);
  // numbers inside prose: take the single operator+number phrase if there is exactly one;
  // without digits, a Chinese-numeral count (三个“全覆盖”检查) is a number too (docs/rules.md §3)
  const found = /\d/.test(s) ? findEmbedded(s) : findChineseCounts(s);
  if (found.length === 1 && !(side === "actual" && band === "not_achieved")) {
    const e = found[0];
    const inner = parseDirect(e, side, opts.implicitOp ?? "ge");
    if (inner && inner.kind === "quantity") {
      const code = side === "target" ? "target_from_text" : "actual_from_text";
      return { ...inner, text: raw, messages: [msg(code, { text: e }), ...inner.messages] };
    }
  }
  return { kind: "qualitative", text: raw, band, messages: [] };
}

/** Chinese numeral + count word, not 一次性 (one-off); "not after 第" is checked by hand (no lookbehind). */
const CN_COUNT_RE = new RegExp(`[零〇一二两三四五六七八九十][${CHINESE_NUMERAL_CHARS}]*(?:品种|个|项|次|件|家|户|场|期|份|批|篇|所|台|套|张|种|类)(?!性)`, "g");
/** What may not stand before a count: 第 (ordinal) or another numeral (the count would be cut). */
const BEFORE_NO_COUNT = new RegExp(`[第${CHINESE_NUMERAL_CHARS}]`);

/** All Chinese-numeral count phrases inside a text without digits (no regex lookbehind: Safari 14 lacks it). */
export function findChineseCounts(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(CN_COUNT_RE)) {
    if (m.index > 0 && BEFORE_NO_COUNT.test(s[m.index - 1])) continue;
    out.push(m[0]);
  }
  return out;
}

/** All operator+number phrases inside a text. */
export function findEmbedded(s: string): string[] {
  const out: string[] = [];
  EMBEDDED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMBEDDED_RE.exec(s)) !== null) {
    // skip years and ordinal-looking numbers such as 2023年 or 第3
    if (/^(年|月|日|号)$/.test(m[3] ?? "") && !m[1]) continue;
    if (/^20\d\d$/.test(m[2]) && !m[3]) continue;
    // "5次检查": the unit is the longest known unit at the start of the words after the number
    const unit = m[3] ?? "";
    if (unit.length > 1 && !unit.includes("/") && lookupUnit(unit)?.family === "other") {
      let k = unit.length - 1;
      while (k > 0 && lookupUnit(unit.slice(0, k))?.family === "other") k--;
      if (k > 0) {
        out.push((m[1] ?? "") + m[2] + unit.slice(0, k));
        continue;
      }
    }
    out.push(m[0]);
  }
  return out;
}

const MORE_THAN_RE = new RegExp(`^[+-]?(?:[\\d.,]+|[${CHINESE_NUMERAL_CHARS}]+)[多余]`);

function parseDirect(s: string, side: "target" | "actual", implicitOp: "ge" | "eq"): Expression | null {
  let pre = parseOpPrefix(s);
  if (!pre.op) pre = parseOpPrefix(s.replace(FILLER_PREFIX, ""));
  const suf = parseOpSuffix(pre.rest);
  const body = suf.rest;
  let op: Op | null = pre.op ?? suf.op;
  if (pre.op === "le" && suf.op === "le") op = "le"; // 控制在…以内
  const r = parseQuantityText(body);
  if (!pre.op && (!r || !r.ok)) {
    const range = tryRange(body);
    if (range) return { kind: "quantity", op: "between", q: range.q, q2: range.q2, implicit: false, text: s, messages: [] };
  }
  if (!r) return null;
  if (!r.ok) return { kind: "invalid", text: s, messages: [r.message] };
  // "5,300多个", "十余个": more than the number, a lower bound
  const moreThan = op === null && MORE_THAN_RE.test(body);
  const implicit = op === null && !moreThan;
  if (op === null) op = moreThan ? "ge" : side === "target" ? implicitOp : "eq";
  return { kind: "quantity", op, q: r.q, implicit, text: s, messages: [] };
}

/**
 * The operator+value phrase at the end of an indicator name: 参保人数≥200万人, 投诉率不得高于5%.
 * The operator word is the longest at the first place one starts (投诉率 + 不得高于5%, not 投诉率不得 + 高于5%).
 */
const NAME_OPERATOR_WORDS = operatorWords(["ge", "le", "eq", "gt", "lt"]).filter((w) => !WEAK_OPERATOR_WORDS.includes(w));
const NAME_TARGET_RE = new RegExp(
  `^(.*?[^\\d.,])((?:${wordsPattern(NAME_OPERATOR_WORDS)}|(?:${wordsPattern(WEAK_OPERATOR_WORDS)})(?=\\d)|>=|<=|≥|≤|=|>|<)[^≥≤<>=]*)$`,
);

/** A bare quantity with a unit at the end of a name: 工程验收合格率100%, 抽查次数4次/年. */
const NAME_TRAILING_QUANTITY_RE = /^(.*?[^\d.,+\-第])(\d[\d,]*(?:\.\d+)?(?:%|[\u4e00-\u9fa5]{1,3}(?:\/[\u4e00-\u9fa5]{1,2})?))$/;

/** Split a name with an embedded target; null when the name carries none. */
export function splitEmbeddedTarget(name: string): { name: string; target: string } | null {
  const s = normalizeText(name);
  const m = NAME_TARGET_RE.exec(s);
  if (!m) return splitTrailingQuantity(s);
  const target = m[2].replace(/(指标)?(实现情况|完成情况)$/, "");
  const parsed = parseExpression(target);
  // the rest of the name must be the target itself, not prose with a number in it
  if (parsed.kind !== "quantity" || parsed.messages.length > 0) return null;
  return { name: m[1].replace(/[(（]$/, ""), target };
}

/** Only a known unit counts (a year such as 2023年 or an unknown word does not). */
function splitTrailingQuantity(s: string): { name: string; target: string } | null {
  const m = NAME_TRAILING_QUANTITY_RE.exec(s);
  if (!m || /^20\d\d年$/.test(m[2])) return null;
  const parsed = parseExpression(m[2]);
  if (parsed.kind !== "quantity" || parsed.messages.length > 0 || !parsed.q.unit || parsed.q.unit.family === "other") return null;
  return { name: m[1], target: m[2] };
}
