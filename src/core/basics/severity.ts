/**
 * One severity model for every output (docs/rules.md, "Severity: harm decides"): the pane, the CLI
 * text, --json, the review's sheets and 核对·说明 all take a message's severity from here.
 *
 * - error: the form overstates (a stated score, total, rate or grade above what the figures give,
 *   beyond rounding; a score above its points), a unit or magnitude slip, a required figure missing;
 * - warning: the form understates, a verdict lacks the reason it needs, points that do not add up;
 * - info: a difference that is only rounding to the precision written, over-achievement notes,
 *   assumptions the engine made (a unit taken from the target, an operator assumed).
 */
import { roundHalfUp } from "./decimal";

export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Errors first, then warnings, then notes. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A stable order: errors first, the original order kept within one severity. */
export function sortBySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => SEVERITY_RANK[a.item.severity] - SEVERITY_RANK[b.item.severity] || a.i - b.i)
    .map((x) => x.item);
}

/** Decimals a stated number is written with: its shortest form, or fewer when its number format shows fewer. */
export function writtenDecimals(value: number, format?: string | null): number {
  const shortest = (() => {
    const s = String(Number(value.toPrecision(15)));
    if (/e/i.test(s)) return 0;
    const dot = s.indexOf(".");
    return dot < 0 ? 0 : s.length - dot - 1;
  })();
  if (!format || /general/i.test(format)) return shortest;
  const first = format.split(";")[0];
  if (!/[0#]/.test(first)) return shortest;
  const m = /\.([0#]+)/.exec(first);
  return Math.min(shortest, m ? m[1].length : 0);
}

/**
 * The precision a stated score is held to: the decimals written, but a whole number is not a
 * rounding choice (scores are worked out to 2 decimals: a stated 10 against 9.96 overstates).
 */
export function scoreDecimals(value: number, format?: string | null): number {
  const d = writtenDecimals(value, format);
  return d === 0 ? 2 : d;
}

function truncate(x: number, dp: number): number {
  const k = Math.pow(10, dp);
  // 15 significant digits first: 0.9846 × 100 must truncate to 98.46, not 98.45
  return Math.trunc(Number((x * k).toPrecision(15))) / k;
}

/**
 * A stated figure against the one the form's own figures give, where more is better for the form
 * (a score, a total, an execution rate):
 * - null when they agree within `tolerance`;
 * - info when the stated figure is the computed one rounded or cut to the decimals written
 *   (92.46 % for 92.467 %, 9.2 for 9.17);
 * - error when it is above (the form overstates), warning when below (it understates).
 */
export function statedFigureSeverity(stated: number, computed: number, opts: { tolerance: number; decimals: number }): Severity | null {
  const d = stated - computed;
  if (Math.abs(d) <= opts.tolerance + 1e-9) return null;
  const dp = Math.max(0, Math.min(opts.decimals, 12));
  const eq = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  if (eq(stated, roundHalfUp(computed, dp)) || eq(stated, truncate(computed, dp))) return "info";
  return d > 0 ? "error" : "warning";
}

/** A stated grade against the computed one (rank 0 the best): above overstates (error), below understates (warning). */
export function statedRankSeverity(statedRank: number, computedRank: number): Severity | null {
  if (statedRank === computedRank) return null;
  return statedRank < computedRank ? "error" : "warning";
}

/** A stated figure against the range [min, max] a provisional total could take. */
export function outsideRangeSeverity(stated: number, min: number, max: number, tolerance: number): Severity | null {
  if (stated > max + tolerance) return "error";
  if (stated < min - tolerance) return "warning";
  return null;
}
