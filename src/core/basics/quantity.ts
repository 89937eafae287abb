/**
 * Cell value → number + unit (docs/rules.md §3). Never throws: bad input gives a typed
 * failure with a reason, so one bad cell never stops the sheet.
 */
import { Dec, decToNumber, numberToDec, parseDec, shiftDec } from "./decimal";
import { CellValue, EXCEL_ERRORS } from "./grid";
import { Message, msg } from "./messages";
import { CHINESE_NUMERAL_CHARS, normalizeText, parseChineseNumeral } from "./normalize-text";
import { UnitInfo, lookupUnit } from "./unit-table";

export interface Quantity {
  /** the number as written, in the written unit (234.42 for 234.42万人) */
  value: number;
  dec: Dec;
  unit: UnitInfo | null;
  /** decimals written (precision, for tolerances) */
  decimals: number;
}

export type QuantityResult = { ok: true; q: Quantity } | { ok: false; message: Message };

const NUMBER_RE = /^([+-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(.*)$/;
const LOOSE_COMMA_RE = /^[+-]?\d[\d,]*(?:\.\d+)?/;
const CN_NUMERAL_RE = new RegExp(`^([${CHINESE_NUMERAL_CHARS}]+)(.*)$`);
const TRAILING_PUNCT_RE = /[。.,，;；:：!！)）\]】]+$/;
const PERCENT_WORDS = /^(百分比|百分点|个百分点|%)$/;

/** Unit literal inside an Excel number format: 0.00"万元" or #,##0\人 */
export function unitFromNumberFormat(format: string | null | undefined): string | null {
  if (!format) return null;
  const section = format.split(";")[0];
  const quoted = /"([^"]+)"/.exec(section);
  if (quoted) return normalizeText(quoted[1]);
  const escaped = section.match(/\\(.)/g);
  if (escaped) return normalizeText(escaped.map((e) => e.slice(1)).join(""));
  return null;
}

const percentFormatCache = new Map<string, boolean>();

export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format || format === "General") return false;
  let hit = percentFormatCache.get(format);
  if (hit === undefined) {
    // a % outside quotes
    hit = /%/.test(format.split(";")[0].replace(/"[^"]*"/g, ""));
    if (percentFormatCache.size < 1000) percentFormatCache.set(format, hit);
  }
  return hit;
}

function quantity(dec: Dec, unitText: string): Quantity {
  return { value: decToNumber(dec), dec, unit: unitText ? lookupUnit(unitText) : null, decimals: Math.max(0, dec.s) };
}

/** A number cell, honouring its number format (0.9822 in 0.00% is 98.22%). */
export function quantityFromNumber(n: number, format?: string | null): QuantityResult {
  if (!Number.isFinite(n)) return { ok: false, message: msg("not_a_number", { text: String(n) }) };
  const dec = numberToDec(n);
  if (isPercentFormat(format)) return { ok: true, q: quantity(shiftDec(dec, 2), "%") };
  const unit = unitFromNumberFormat(format);
  return { ok: true, q: quantity(dec, unit ?? "") };
}

/**
 * Parse an already normalised text that is exactly a number with an optional unit
 * ("234.42万人", "98.22%", "两项", "1.1亿人"). Returns null when the text is not that.
 */
export function parseQuantityText(s: string): QuantityResult | null {
  const text = s.replace(TRAILING_PUNCT_RE, "");
  if (text === "") return null;
  const m = NUMBER_RE.exec(text);
  if (m) {
    const [, sign, num, rest] = m;
    // "1,2" or "12,34": a comma that is not a thousands separator
    if (/^,\d/.test(rest) || (num.includes(",") && /^\d/.test(rest))) {
      return { ok: false, message: msg("bad_separator", { text: s }) };
    }
    const dec = parseDec(sign + num.replace(/,/g, ""));
    if (!dec) return null;
    return withUnit(dec, rest);
  }
  if (LOOSE_COMMA_RE.test(text) && text.includes(",")) {
    return { ok: false, message: msg("bad_separator", { text: s }) };
  }
  const cn = CN_NUMERAL_RE.exec(text);
  if (cn) {
    const n = parseChineseNumeral(cn[1]);
    if (n === null) return null;
    return withUnit({ m: n, s: 0 }, cn[2]);
  }
  return null;
}

function withUnit(dec: Dec, restRaw: string): QuantityResult | null {
  // 多/余 right after the number ("5,300多个", "100余个", "1270多万笔"): the number is a lower bound
  const rest = restRaw.replace(/^[多余]/, "");
  if (rest === "") return { ok: true, q: quantity(dec, "") };
  if (PERCENT_WORDS.test(rest)) return { ok: true, q: quantity(dec, "%") };
  if (rest === "‰") return { ok: true, q: quantity(dec, "‰") };
  // a bare magnitude word: 11,041万 → 110,410,000 with no unit
  if (rest === "万" || rest === "亿" || rest === "千") {
    const p = rest === "万" ? 4 : rest === "亿" ? 8 : 3;
    return { ok: true, q: quantity(shiftDec(dec, p), "") };
  }
  // units are short words; anything longer is prose, not a unit
  if (rest === "m2") return { ok: true, q: quantity(dec, rest) }; // the unit table's ASCII ㎡
  if (rest.length > 8 || /\d/.test(rest)) return null;
  if (/^[\u4e00-\u9fa5A-Za-z%‰/²]+$/.test(rest)) return { ok: true, q: quantity(dec, rest) };
  return null;
}

/** Any cell → quantity. Strings may carry full-width forms, separators, magnitude words. */
export function parseQuantity(value: CellValue, format?: string | null): QuantityResult {
  if (typeof value === "number") return quantityFromNumber(value, format);
  if (typeof value === "boolean" || value === null || value === undefined) {
    return { ok: false, message: msg("not_a_number", { text: value === undefined || value === null ? "" : String(value) }) };
  }
  const raw = value;
  if (EXCEL_ERRORS.has(raw.trim())) return { ok: false, message: msg("cell_error", { value: raw.trim() }) };
  const r = parseQuantityText(normalizeText(raw));
  return r ?? { ok: false, message: msg("not_a_number", { text: raw }) };
}

/** Base-unit value: 234.42万人 → 2,344,200 (exact for power-of-ten units). */
export function toBase(q: Quantity): number {
  if (!q.unit) return q.value;
  if (q.unit.pow10 !== null) return decToNumber(shiftDec(q.dec, q.unit.pow10));
  return q.value * q.unit.factor;
}

/** Express q in another unit of its family (exact for power-of-ten pairs). */
export function convertValue(q: Quantity, to: UnitInfo): number {
  const from = q.unit;
  if (!from) return q.value;
  if (from.pow10 !== null && to.pow10 !== null) return decToNumber(shiftDec(q.dec, from.pow10 - to.pow10));
  return (q.value * from.factor) / to.factor;
}

export function convertDec(q: Quantity, to: UnitInfo): Dec | null {
  const from = q.unit;
  if (!from) return q.dec;
  if (from.pow10 !== null && to.pow10 !== null) return shiftDec(q.dec, from.pow10 - to.pow10);
  return null;
}

/** Format a quantity back to text: 234.42万人. */
export function formatQuantity(q: Quantity): string {
  const d = q.dec;
  let s: string;
  if (d.s <= 0) s = String(decToNumber(d));
  else {
    const neg = d.m < 0;
    let digits = String(Math.abs(d.m));
    while (digits.length <= d.s) digits = "0" + digits;
    s = (neg ? "-" : "") + digits.slice(0, digits.length - d.s) + "." + digits.slice(digits.length - d.s);
  }
  return s + (q.unit ? q.unit.text : "");
}
