/**
 * A magnitude slip in an indicator row (docs/rules.md, "Magnitude"): an actual a unit step off its
 * target — `9800` against `≥1万份` (read in the target's 万份 it is 980000 %, in 份 it is 98 %), or
 * 1960000 against 200 万元 in a 万元 unit column. The finding says which reading makes the figures
 * agree, and the row is left undecided (its score 待定, the total provisional): no verdict is
 * computed from the slipped figure as if it were right.
 */
import { roundHalfUp } from "../basics/decimal";
import { unitStepReading } from "../basics/magnitude";
import { Message, msg } from "../basics/messages";
import { formatQuantity, Quantity } from "../basics/quantity";
import type { UnitInfo } from "../basics/unit-table";

/** Families whose units carry magnitude words (万元, 万人, 万份): those a step can be slipped in. */
const STEPPED = new Set(["money", "persons", "person_times", "pages", "count", "other"]);

const pct = (x: number) => `${roundHalfUp(x * 100, 2)}%`;

/**
 * `A` the target and `B` the actual, both in the target's unit; `raw` the actual as written, and
 * `borrowed` when its unit was taken from the target.
 */
export function actualMagnitude(p: { A: number; B: number; unit: UnitInfo | null; raw: Quantity; borrowed: boolean; cell?: string }): Message | null {
  const { A, B, unit } = p;
  if (!unit || !STEPPED.has(unit.family) || A <= 0 || B <= 0) return null;
  const ratio = B / A;
  if (p.borrowed && unit.pow10 !== null && unit.pow10 >= 3) {
    // the bare number read in the base unit (份, 人, 元) instead of the target's 万份
    const baseRatio = ratio / Math.pow(10, unit.pow10);
    if (ratio >= 50 && baseRatio >= 0.2 && baseRatio <= 5) {
      const base = unit.base;
      return msg(
        "actual_unit_magnitude",
        { text: formatQuantity({ ...p.raw, unit: null }), unit: unit.text, ratio: pct(ratio), base, baseRatio: pct(baseRatio) },
        p.cell,
      );
    }
    return null;
  }
  // both in one unit but a step apart: 1960000 against 200 万元
  if (unit.family === "ratio") return null;
  const reading = unitStepReading(ratio, { band: [0.5, 2], far: 1000 });
  if (!reading) return null;
  return msg("actual_magnitude", { actual: formatQuantity(p.raw), times: `10^${Math.abs(reading.pow)}`, ratio: pct(reading.ratio), shown: pct(ratio) }, p.cell);
}
