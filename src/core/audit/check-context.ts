/**
 * What every statement check shares: the findings and passes it adds to, the unit corrections
 * made so far, and how figures and units are shown in messages.
 */
import { Dec } from "../basics/decimal";
import { UnitInfo } from "../basics/unit-table";
import { Figure, formatDec, moneyUnitShifted, showFigure } from "./figure";
import { Check, Finding, Passed } from "./finding";
import { Item } from "./model";

export const ZERO: Dec = { m: 0, s: 0 };

export interface CheckOutput {
  findings: Finding[];
  passed: Passed[];
  /** figures read in another unit after a magnitude finding (powers of ten) */
  corrections: Map<Figure, number>;
}

export interface Ctx extends CheckOutput {
  sheet: string;
  items: Item[];
}

export function label(it: Item): string {
  return it.label || it.key || "（未命名）";
}

export function correctionOf(ctx: Ctx, f: Figure): number {
  return ctx.corrections.get(f) ?? 0;
}

export function finding(ctx: Ctx, f: Omit<Finding, "sheet">): void {
  ctx.findings.push({ sheet: ctx.sheet, ...f });
}

export function pass(ctx: Ctx, cell: string, check: Check, expected: string, actual: string): void {
  ctx.passed.push({ sheet: ctx.sheet, cell, check, expected, actual });
}

export function dpOf(d: Dec): number {
  return Math.min(6, Math.max(0, d.s));
}

export function unitText(u: UnitInfo | null): string {
  return u ? u.text : "";
}

/** The unit most figures in the group are in (the odd one out is the suspect); ties go to the first (the total). */
export function groupUnit(figs: Figure[]): UnitInfo | null {
  const counts = new Map<string, { u: UnitInfo; n: number }>();
  for (const f of figs) {
    if (!f.unit) continue;
    const c = counts.get(f.unit.text);
    if (c) c.n++;
    else counts.set(f.unit.text, { u: f.unit, n: 1 });
  }
  let best: { u: UnitInfo; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.u ?? null;
}

export function shown(ctx: Ctx, f: Figure): string {
  const k = correctionOf(ctx, f);
  if (!k) return showFigure(f);
  return formatDec(f.dec, f.decimals) + unitText(moneyUnitShifted(f.unit, -k) ?? f.unit);
}
