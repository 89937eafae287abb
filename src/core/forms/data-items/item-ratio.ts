/**
 * The value of a data-item row (docs/form-families.md, "Evaluation forms with collected data
 * items"): 数据项1 ÷ 数据项2, ×100 when the row's unit is %. Items may carry words and units
 * (`参训人数1380人`); a name that states its formula (`资金结余率（计算方法为：结余数/预算数）`)
 * decides which item is the numerator. The value is also written as a live Excel formula over the
 * item cells, so the sheet recomputes it when an item changes. Pure; never throws.
 */
import { CellValue, EXCEL_ERRORS, cellText, isBlank } from "../../basics/grid";
import { normalizeText } from "../../basics/normalize-text";
import { Quantity, parseQuantityText, quantityFromNumber, toBase } from "../../basics/quantity";
import { NOT_APPLICABLE_MARKS } from "../../basics/vocabulary";

/** One collected item as read from its cell. */
export interface DataItem {
  /** A1 address of the item's cell */
  cell: string;
  /** the words before the number (`参训人数`), "" for a plain number */
  label: string;
  /** the number as written, in its written unit */
  quantity: Quantity;
  /** the number in the family's base unit (万元 → 元), for a ratio of two amounts */
  base: number;
  /** how a formula reads the number out of the cell: the cell itself, or the text around the number removed */
  expression: string;
}

export type ItemReading = { ok: true; item: DataItem } | { ok: false; reason: "blank" | "unreadable"; text: string };

const NUMBERS_IN_TEXT_RE = /[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;
const LABEL_TRAIL_RE = /[:：=＝为是共计约达]+$/;

/**
 * Read one item: a number cell, or a text holding one number with words before it and a unit
 * after it (`参训人数1380人`, `结余数：12.5万元`, `1,380`).
 */
export function readItem(value: CellValue, format: string | null | undefined, cell: string): ItemReading {
  if (isBlank(value)) return { ok: false, reason: "blank", text: "" };
  if (typeof value === "number") {
    const q = quantityFromNumber(value, format);
    if (!q.ok) return { ok: false, reason: "unreadable", text: String(value) };
    // a percent-formatted item is still the cell's own number for the ratio (0.5 in 0% is 0.5)
    return { ok: true, item: { cell, label: "", quantity: q.q, base: value, expression: cell } };
  }
  const raw = cellText(value);
  if (EXCEL_ERRORS.has(raw.trim())) return { ok: false, reason: "unreadable", text: raw };
  // `/` or `—` where the form has no second item (a yes/no or count row): no item, not an unreadable one
  if (NOT_APPLICABLE_MARKS.has(raw.trim().toLowerCase())) return { ok: false, reason: "blank", text: raw };
  const text = normalizeText(raw);
  // the one number of the text; a date's numbers (2023年, 12月) are words of the label
  const numbers = [...text.matchAll(NUMBERS_IN_TEXT_RE)].filter((n) => !/^[年月日号]/.test(text.slice((n.index ?? 0) + n[0].length)));
  if (numbers.length !== 1) return { ok: false, reason: "unreadable", text: raw };
  const m = numbers[0];
  const at = m.index ?? 0;
  const before = text.slice(0, at);
  const after = text.slice(at + m[0].length);
  // the unit is the leading word after the number; anything after it (a remark in brackets) is not
  let parsed = null as ReturnType<typeof parseQuantityText>;
  for (let k = after.length; k >= 0 && !(parsed && parsed.ok); k--) parsed = parseQuantityText(m[0] + after.slice(0, k));
  if (!parsed || !parsed.ok) return { ok: false, reason: "unreadable", text: raw };
  const q = parsed.q;
  const label = before.replace(LABEL_TRAIL_RE, "");
  return { ok: true, item: { cell, label, quantity: q, base: toBase(q), expression: textExpression(raw, m[0], cell, q) } };
}

/**
 * A formula expression that reads the number out of a text cell: the text around the number cut
 * off by its length (MID), then NUMBERVALUE with "." and "," (Excel 2013, LibreOffice), scaled to
 * the base unit (万元 ×10000) so two amounts in different magnitudes divide right. The number may
 * change length; the words around it stay. Written when the number stands once in ASCII digits
 * in the raw text: otherwise the number itself, which still computes.
 */
function textExpression(raw: string, numberText: string, cell: string, q: Quantity): string {
  const scale = q.unit && q.unit.pow10 !== null && q.unit.pow10 !== 0 ? `*${10 ** q.unit.pow10}` : "";
  const at = raw.indexOf(numberText);
  // full-width digits or the number twice: the number itself, which still computes
  if (at < 0 || raw.indexOf(numberText, at + 1) >= 0) return `${numberText.replace(/,/g, "")}${scale}`;
  const before = at;
  const after = raw.length - at - numberText.length;
  const text = before === 0 && after === 0 ? cell : `MID(${cell},${before + 1},LEN(${cell})-${before + after})`;
  return `NUMBERVALUE(${text},".",",")${scale}`;
}

/** `A/B`, `A÷B`, `（A/B）×100%` as written in a name or a 计算方法/计算公式 note: the two terms. */
export function formulaTerms(name: string): { numerator: string; denominator: string } | null {
  // ×100% between the terms (A*100%/B) says percent, not which term divides
  const text = normalizeText(name).replace(/[*×xX]100%/g, "");
  const m = /([\u4e00-\u9fa5A-Za-z“”"]+)\)?[/÷]\(?([\u4e00-\u9fa5A-Za-z“”"]+)/.exec(text);
  if (!m) return null;
  // (本年数-上年数)/上年数: a change over a figure, not one item over another
  const open = Math.max(text.lastIndexOf("(", m.index), text.lastIndexOf("[", m.index));
  if (open >= 0 && /[-－−]/.test(text.slice(open, m.index + m[1].length))) return null;
  const clean = (s: string) => s.replace(/[“”"]/g, "").replace(/^(计算方法为|计算方法|计算公式为|计算公式|公式为|公式|其中|即)/, "");
  const numerator = clean(m[1]);
  const denominator = clean(m[2]);
  if (!numerator || !denominator) return null;
  return { numerator, denominator };
}

/** Characters two words share in a run: 结余数 and 年末结余数 share 3. */
function overlap(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a.includes(b)) return b.length;
  if (b.includes(a)) return a.length;
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best + 1; j <= a.length; j++) {
      if (b.includes(a.slice(i, j))) best = j - i;
      else break;
    }
  }
  return best >= 2 ? best : 0;
}

/**
 * Whether the items stand in the order numerator, denominator. A formula in the name decides
 * when the items' words match its terms better swapped; otherwise 数据项1 ÷ 数据项2.
 */
export function itemsSwapped(name: string, first: DataItem, second: DataItem): boolean {
  const terms = formulaTerms(name);
  if (!terms) return false;
  const straight = overlap(first.label, terms.numerator) + overlap(second.label, terms.denominator);
  const swapped = overlap(first.label, terms.denominator) + overlap(second.label, terms.numerator);
  return swapped > straight;
}

export interface ItemRatio {
  /** the ratio in the row's unit (×100 for %), unrounded */
  value: number;
  /** the live formula, without the leading = */
  formula: string;
  /** the cells used, numerator first */
  items: [string, string];
  /** the ratio was read with the items swapped (the name's formula says so) */
  swapped: boolean;
}

export type RatioOutcome = { ok: true; ratio: ItemRatio } | { ok: false; reason: "zero_denominator"; items: [string, string] };

/** 数据项1 ÷ 数据项2 (or the other way round, per the name's formula), ×100 when percent. */
export function itemRatio(name: string, first: DataItem, second: DataItem, percent: boolean): RatioOutcome {
  const swapped = itemsSwapped(name, first, second);
  const [num, den] = swapped ? [second, first] : [first, second];
  const items: [string, string] = [num.cell, den.cell];
  // two amounts in one family divide in the base unit (12.5万元 ÷ 300万元); otherwise as written
  const sameFamily = num.quantity.unit && den.quantity.unit && num.quantity.unit.family === den.quantity.unit.family;
  const a = sameFamily ? num.base : num.quantity.value;
  const b = sameFamily ? den.base : den.quantity.value;
  if (b === 0) return { ok: false, reason: "zero_denominator", items };
  const raw = (a / b) * (percent ? 100 : 1);
  // 15 significant digits: 1380 / 1500 × 100 is 92, not 91.99999999999999
  const value = Number(raw.toPrecision(15));
  const expr = (it: DataItem) => (sameFamily ? it.expression : it.expression.replace(/\*\d+$/, ""));
  const divisor = expr(den);
  const formula = `IFERROR(${expr(num)}/${/\*\d+$/.test(divisor) ? `(${divisor})` : divisor}${percent ? "*100" : ""},"")`;
  return { ok: true, ratio: { value, formula, items, swapped } };
}
