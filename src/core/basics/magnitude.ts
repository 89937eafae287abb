/**
 * Magnitude slips (docs/rules.md, "Magnitude"): a figure written in 元 where the table counts in
 * 万元, a 亿元 where 万元 was meant, 9800 against a target of 1万份. A figure is off its reference by
 * a unit step when their ratio is far from 1 and one step (10³, 10⁴, 10⁵, 10⁸: 千, 万, 十万 between
 * 千元 and 亿元, 亿) brings it near 1. Shared by the budget block, the indicator rows and the
 * statement audit's reading of units. Pure.
 */

/** The powers of ten between the units offices mix up: 元/千元 3, 元/万元 and 万元/亿元 4, 千元/亿元 5, 元/亿元 8. */
export const UNIT_STEPS: readonly number[] = [3, 4, 5, 8];

export interface StepReading {
  /** the power of ten the figure is off by: 4 means it is 10⁴ times too large, −4 10⁴ times too small */
  pow: number;
  /** the ratio once the figure is read one step off */
  ratio: number;
}

/**
 * ratio = figure ÷ reference, both read in one unit. When the ratio lies outside [1/far, far] and
 * dividing it by one unit step puts it inside `band`, that reading (the closest to 1 when several
 * do); else null.
 */
export function unitStepReading(ratio: number, opts: { band?: [number, number]; far?: number } = {}): StepReading | null {
  const [lo, hi] = opts.band ?? [0.2, 5];
  const far = opts.far ?? 50;
  if (!Number.isFinite(ratio) || ratio <= 0) return null;
  if (ratio <= far && ratio >= 1 / far) return null;
  let best: StepReading | null = null;
  for (const step of UNIT_STEPS) {
    for (const pow of [step, -step]) {
      const r = ratio / Math.pow(10, pow);
      if (r < lo || r > hi) continue;
      if (!best || Math.abs(Math.log10(r)) < Math.abs(Math.log10(best.ratio))) best = { pow, ratio: r };
    }
  }
  return best;
}

const MONEY_BY_POW: Record<number, string> = { 0: "元", 3: "千元", 4: "万元", 8: "亿元" };
const MONEY_POW: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

/** The money unit a figure was written in when it is `pow` powers of ten off a table counted in `unit` (万元, 4 → 元). */
export function slippedMoneyUnit(unit: string, pow: number): string | null {
  const p = MONEY_POW[unit];
  if (p === undefined) return null;
  return MONEY_BY_POW[p - pow] ?? null;
}

/** A money unit named in a header or title text: `项目资金（万元）`, `单位：万元`, `金额单位：亿元`. */
export function moneyUnitIn(text: string): string | null {
  const m = /[（(]\s*(千元|万元|亿元|元)\s*[)）]|单位\s*[:：]\s*(千元|万元|亿元|元)/.exec(text);
  return m ? m[1] ?? m[2] ?? null : null;
}
