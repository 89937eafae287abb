/**
 * Exact decimal arithmetic by scaled integers.
 *
 * Why scaled integers and not a decimal library: every figure the reports and
 * pasted tables carry has at most ~15 significant digits and a handful of
 * decimals, so `mantissa × 10^-scale` with a safe-integer mantissa is exact;
 * it allocates nothing per operation, which keeps 100,000 rows under a second
 * (docs/rules.md §10), and it adds no dependency to the task pane bundle.
 * Converting 万元 → 元 is a scale shift, so no float artefact can appear.
 */
export interface Dec {
  /** integer mantissa, |m| ≤ Number.MAX_SAFE_INTEGER */
  readonly m: number;
  /** value = m × 10^-s; s may be negative */
  readonly s: number;
}

const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(Number(`1e${i}`));

export function pow10(n: number): number {
  return n >= 0 && n <= 22 ? POW10[n] : Math.pow(10, n);
}

/** The nearest double to the decimal: exact powers of ten make the division correctly rounded. */
export function decToNumber(d: Dec): number {
  if (d.s === 0) return d.m;
  if (d.s > 0) return d.m / pow10(d.s);
  return d.m * pow10(-d.s);
}

/** Parse a plain ASCII decimal ("-123.450", "1e3") into a Dec. Returns null when not a number. */
export function parseDec(text: string): Dec | null {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, intPart, fracPart = "", expPart] = match;
  if (intPart === "" && fracPart === "") return null;
  let digits = (intPart + fracPart).replace(/^0+(?=\d)/, "");
  let scale = fracPart.length - (expPart ? parseInt(expPart, 10) : 0);
  if (digits.length > 15) {
    // beyond safe integers: keep 15 significant digits (documents never carry more)
    const drop = digits.length - 15;
    digits = digits.slice(0, 15);
    scale -= drop;
  }
  const m = parseInt(digits || "0", 10);
  return { m: sign === "-" ? -m : m, s: scale };
}

/** Shortest decimal that round-trips this double (JS's own String()). */
export function numberToDec(x: number): Dec {
  if (!Number.isFinite(x)) return { m: NaN, s: 0 };
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return { m: x, s: 0 };
  const d = parseDec(String(x));
  return d ?? { m: NaN, s: 0 };
}

/** Multiply by 10^k exactly. */
export function shiftDec(d: Dec, k: number): Dec {
  return { m: d.m, s: d.s - k };
}

function align(a: Dec, b: Dec): [number, number, number] {
  const s = Math.max(a.s, b.s);
  return [a.m * pow10(s - a.s), b.m * pow10(s - b.s), s];
}

export function addDec(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return normalizeDec({ m: x + y, s });
}

export function subDec(a: Dec, b: Dec): Dec {
  const [x, y, s] = align(a, b);
  return normalizeDec({ m: x - y, s });
}

export function compareDec(a: Dec, b: Dec): number {
  const s = a.s > b.s ? a.s : b.s;
  const x = a.m * pow10(s - a.s);
  const y = b.m * pow10(s - b.s);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Drop trailing zeros of the mantissa (keeps s ≥ 0 when possible). */
export function normalizeDec(d: Dec): Dec {
  let { m, s } = d;
  if (m === 0) return { m: 0, s: 0 };
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s -= 1;
  }
  return { m, s };
}

/** Exact sum of doubles that each stand for a short decimal (scores, points, money). */
export function sumExact(values: readonly number[]): number {
  let acc: Dec = { m: 0, s: 0 };
  for (const v of values) acc = addDec(acc, numberToDec(v));
  return decToNumber(acc);
}

/** Exact a − b for doubles that stand for short decimals. */
export function subExact(a: number, b: number): number {
  return decToNumber(subDec(numberToDec(a), numberToDec(b)));
}

/**
 * Round half away from zero to `dp` decimals, as finance staff round by hand.
 * Works on the shortest decimal form so 1.005 rounds to 1.01, not 1.00.
 */
export function roundHalfUp(x: number, dp: number): number {
  if (!Number.isFinite(x)) return x;
  // fast path: away from a half, ordinary float rounding is already right
  if (dp >= 0 && dp <= 15) {
    const k = POW10[dp];
    const y = Math.abs(x) * k;
    if (y < 1e15) {
      const frac = y - Math.floor(y);
      // the margin grows with y: x × 10^dp carries a relative float error (76225149267.885 × 100 = …88.4995)
      if (Math.abs(frac - 0.5) > 1e-6 + y * 1e-14) {
        const r = Math.round(y) / k;
        return x < 0 ? -r : r;
      }
    }
  }
  // 15 significant digits removes the artefacts of a preceding float operation
  const clean = Number(x.toPrecision(15));
  const d = numberToDec(clean);
  if (d.s <= dp) return clean;
  const drop = d.s - dp;
  const p = pow10(drop);
  const q = Math.trunc(d.m / p);
  const r = Math.abs(d.m - q * p);
  const up = r * 2 >= p ? (d.m < 0 ? -1 : 1) : 0;
  return decToNumber({ m: q + up, s: dp });
}

/** Number of decimals written in the shortest form of x (precision for tolerances). */
export function decimalsOf(x: number): number {
  const d = numberToDec(x);
  return Math.max(0, d.s);
}

/** Format with exactly `dp` decimals and no float artefacts ("0.30", "1,234.50" when grouped). */
export function formatFixed(x: number, dp: number, group = false): string {
  const r = roundHalfUp(x, dp);
  const neg = r < 0;
  const abs = Math.abs(r);
  const d = numberToDec(abs);
  const scaled = d.m * pow10(Math.max(0, dp - d.s));
  let digits = String(d.s > dp ? Math.round(abs * pow10(dp)) : scaled);
  while (digits.length <= dp) digits = "0" + digits;
  let intPart = dp > 0 ? digits.slice(0, digits.length - dp) : digits;
  const frac = dp > 0 ? digits.slice(digits.length - dp) : "";
  if (group) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + intPart + (dp > 0 ? "." + frac : "");
}

/**
 * Running exact sum of short decimals (points, scores, money) without allocation per value:
 * each double is read as the shortest decimal it stands for, accumulated as a scaled integer.
 */
export class ExactSum {
  private m = 0;
  private s = 0;
  add(x: number): this {
    if (x === 0 || !Number.isFinite(x)) {
      if (!Number.isFinite(x)) this.m = NaN;
      return this;
    }
    let d = 0;
    let mant = x;
    if (!Number.isInteger(x)) {
      for (d = 1; d <= 12; d++) {
        const y = x * POW10[d];
        const r = Math.round(y);
        if (Math.abs(y - r) <= Math.abs(y) * 1e-15 + 1e-300) {
          // confirm the guess round-trips (the double really is that short decimal)
          if (r / POW10[d] === x) {
            mant = r;
            break;
          }
        }
      }
      if (d > 12) {
        const dec = numberToDec(x);
        d = dec.s;
        mant = dec.m;
      }
    }
    if (d > this.s) {
      this.m *= POW10[d - this.s];
      this.s = d;
    } else if (d < this.s) {
      mant *= POW10[this.s - d];
    }
    this.m += mant;
    return this;
  }
  value(): number {
    return decToNumber({ m: this.m, s: this.s });
  }
}
