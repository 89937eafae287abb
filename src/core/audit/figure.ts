/**
 * A figure as written on the sheet, with the precision it was written to. Every check
 * compares intervals: a figure written 3803.38 stands for anything in [3803.375, 3803.385),
 * so half a unit of the last digit written is the tolerance, and a sum of n rounded parts
 * carries n such half-units.
 */
import { Dec, addDec, compareDec, decToNumber, normalizeDec, pow10, shiftDec, subDec } from "../basics/decimal";
import { Quantity } from "../basics/quantity";
import { UnitInfo, lookupUnit } from "../basics/unit-table";

export interface Figure {
  /** A1 of the cell the figure is written in */
  cell: string;
  /** 1-based sheet row and column */
  row: number;
  col: number;
  /** the figure as written (normalised), for messages */
  text: string;
  /** the number in its written unit (percent points for %) */
  dec: Dec;
  /** decimals written */
  decimals: number;
  /** the unit in force: the cell's own, else the column's or the table's */
  unit: UnitInfo | null;
  /** the unit was written for this figure alone: in the cell itself or in its row's unit column (not a header or title) */
  ownUnit: boolean;
  /** the unit-column cell the unit was read from (A1), when it came from one */
  unitCell?: string | null;
  /** a number cell (a formula can refer to it) */
  numeric: boolean;
}

export function figureFrom(q: Quantity, at: { cell: string; row: number; col: number }, text: string, fallbackUnit: UnitInfo | null, numeric: boolean): Figure {
  return {
    ...at,
    text,
    dec: q.dec,
    decimals: Math.max(0, q.decimals),
    unit: q.unit ?? fallbackUnit,
    ownUnit: q.unit !== null,
    numeric,
  };
}

/** Half a unit of the last digit written: 5 × 10^-(decimals+1). */
export function halfUnit(f: Figure): Dec {
  return { m: 5, s: f.decimals + 1 };
}

/** Two figures compare only within a unit family (a figure without a unit takes the other's). */
export function comparable(a: Figure, b: Figure): boolean {
  if (!a.unit || !b.unit) return true;
  if (a.unit.family !== b.unit.family) return false;
  if (a.unit.family === "other") return a.unit.text === b.unit.text;
  return a.unit.pow10 !== null && b.unit.pow10 !== null;
}

/** The figure's value and half-unit in `to` (exact for power-of-ten units), shifted by `scale` powers of ten. */
export function inUnit(f: Figure, to: UnitInfo | null, scale = 0): { v: Dec; h: Dec; dp: number } {
  let k = scale;
  if (f.unit && to && f.unit.pow10 !== null && to.pow10 !== null) k += f.unit.pow10 - to.pow10;
  const v = shiftDec(f.dec, k);
  // read smaller (22300 元 → 2.23 万元), trailing zeros that only the shift made are not written digits
  const dp = k < 0 ? Math.min(f.decimals - k, Math.max(f.decimals, normalizeDec(v).s)) : f.decimals - k;
  return { v, h: shiftDec(halfUnit(f), k), dp: Math.min(8, Math.max(0, dp)) };
}

/** Exact sum; falls back to the nearest decimal of the float sum when mantissas would overflow. */
export function sumDec(values: Dec[]): Dec {
  let acc: Dec = { m: 0, s: 0 };
  for (const v of values) {
    const next = addDec(acc, v);
    if (!Number.isSafeInteger(next.m)) return floatDec(values.reduce((a, d) => a + decToNumber(d), 0));
    acc = next;
  }
  return acc;
}

export function diffDec(a: Dec, b: Dec): Dec {
  const d = subDec(a, b);
  return Number.isSafeInteger(d.m) ? d : floatDec(decToNumber(a) - decToNumber(b));
}

function floatDec(x: number): Dec {
  const s = Math.min(12, Math.max(0, 15 - Math.ceil(Math.log10(Math.abs(x) + 1))));
  return normalizeDec({ m: Math.round(x * pow10(s)), s });
}

export function absDec(d: Dec): Dec {
  return d.m < 0 ? { m: -d.m, s: d.s } : d;
}

/** |a − b| < tol (strict: the ends of a rounding interval are half-open). */
export function within(a: Dec, b: Dec, tol: Dec): boolean {
  return compareDec(absDec(diffDec(a, b)), tol) < 0;
}

export function negDec(d: Dec): Dec {
  return { m: -d.m, s: d.s };
}

/** The range of f over the corners of a box of intervals (f monotone in each argument). */
export function rangeOver(f: (...xs: number[]) => number, box: Array<[number, number]>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  const n = box.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    const xs = box.map((b, i) => ((mask >> i) & 1 ? b[1] : b[0]));
    const y = f(...xs);
    if (!Number.isFinite(y)) return null;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  return [lo, hi];
}

export function interval(v: Dec, h: Dec): [number, number] {
  const x = decToNumber(v);
  const e = decToNumber(h);
  return [x - e, x + e];
}

/** Does a stated ratio (percent points, with its half-unit) overlap the computed range? */
export function ratioAgrees(range: [number, number], stated: number, half: number): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(stated));
  return range[1] >= stated - half - eps && range[0] <= stated + half + eps;
}

const MONEY_BY_POW: Record<number, string> = { 0: "元", 3: "千元", 4: "万元", 8: "亿元" };

/** The money unit k powers of ten below `unit` (亿元 shifted by 4 → 万元), if it has a name. */
export function moneyUnitShifted(unit: UnitInfo | null, k: number): UnitInfo | null {
  if (!unit || unit.family !== "money" || unit.pow10 === null) return null;
  const name = MONEY_BY_POW[unit.pow10 - k];
  return name ? lookupUnit(name) : null;
}

/** "1,234.5" with thousands separators and exactly `dp` decimals (exact, no float artefacts). */
export function formatDec(d: Dec, dp?: number, group = true): string {
  let { m, s } = normalizeDec(d);
  const want = dp ?? Math.max(0, s);
  if (s > want) {
    // round half away from zero on the mantissa
    const p = pow10(s - want);
    const q = Math.trunc(m / p);
    const r = Math.abs(m - q * p);
    m = q + (r * 2 >= p ? (m < 0 ? -1 : 1) : 0);
    s = want;
  }
  const neg = m < 0;
  let digits = String(Math.abs(m));
  if (s < 0) {
    digits += "0".repeat(-s);
    s = 0;
  }
  while (digits.length <= s) digits = "0" + digits;
  let intPart = s > 0 ? digits.slice(0, digits.length - s) : digits;
  let frac = s > 0 ? digits.slice(digits.length - s) : "";
  while (frac.length < want) frac += "0";
  if (group) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (frac === "" && want > 0) frac = "0".repeat(want);
  return (neg ? "-" : "") + intPart + (frac ? "." + frac : "");
}

/** A figure shown with its unit: 605,282.99亿元, 38.36%. */
export function showFigure(f: Figure, scale = 0): string {
  const unit = scale ? moneyUnitShifted(f.unit, scale) ?? f.unit : f.unit;
  return formatDec(f.dec, f.decimals) + (unit ? unit.text : "");
}

/** A ratio (fraction) as percent text with dp decimals. */
export function showPercent(x: number, dp: number): string {
  return formatDec(floatDec(x * 100), dp, false) + "%";
}
