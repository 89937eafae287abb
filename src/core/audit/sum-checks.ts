/**
 * The sum checks (docs/rules.md §7): a total against its parts (or a difference), within the
 * written precision; a unit slip (亿元 written for 万元) that makes the group add up is the finding.
 */
import { compareDec, Dec, decToNumber, normalizeDec } from "../basics/decimal";
import { UnitInfo } from "../basics/unit-table";
import { correctionOf, Ctx, dpOf, finding, groupUnit, label, pass, unitText, ZERO } from "./check-context";
import { absDec, comparable, diffDec, Figure, formatDec, inUnit, negDec, showFigure, sumDec, within } from "./figure";
import { Check } from "./finding";
import { AUDIT_TEXT } from "./messages";
import { AMOUNT_ROLES, Group, Item } from "./model";
import type { Bilingual } from "../basics/text";

interface SumEval {
  /** the parts added up (or the difference) */
  computedSum: Dec;
  /** the stated total */
  statedTotal: Dec;
  tol: Dec;
  terms: Dec[];
  /** decimals each term was written with, in the group's unit */
  dps: number[];
  dp: number;
}

function evalSum(ctx: Ctx, g: Group, totalFig: Figure, partFigs: (Figure | null)[], commonUnit: UnitInfo | null, scales: Map<Figure, number>): SumEval {
  const scale = (f: Figure) => scales.get(f) ?? correctionOf(ctx, f);
  const ts = partFigs.map((f) => (f ? inUnit(f, commonUnit, scale(f)) : { v: ZERO, h: ZERO, dp: 0 }));
  const tv = inUnit(totalFig, commonUnit, scale(totalFig));
  const computedSum = g.kind === "difference" ? diffDec(ts[0].v, ts[1].v) : sumDec(ts.map((t) => t.v));
  const tol = sumDec([...ts.map((t) => t.h), tv.h]);
  const dps = ts.map((t) => t.dp);
  return { computedSum, statedTotal: tv.v, tol, terms: ts.map((t) => t.v), dps, dp: Math.max(tv.dp, ...dps) };
}

function termsText(e: SumEval, kind: Group["kind"]): string {
  return e.terms.map((d, i) => formatDec(d, e.dps[i])).join(kind === "difference" ? " − " : " + ");
}

export function checkGroup(ctx: Ctx, g: Group): void {
  const total = ctx.items[g.total];
  const parts = g.parts.map((id) => ctx.items[id]);
  if (parts.length === 0) return;
  for (const role of AMOUNT_ROLES) {
    const totalFig = total.values[role];
    if (!totalFig || totalFig.unit?.family === "ratio") continue;
    const partFigs = parts.map((p) => p.values[role] ?? null);
    if (partFigs.every((f) => f === null)) continue;
    // a part without a figure in this column (blank, "—") is unknown, not zero: no sum to check
    if (partFigs.some((f) => f === null)) continue;
    if (partFigs.some((f) => f !== null && (!comparable(f, totalFig) || f.unit?.family === "ratio"))) continue;
    if (!checkSum(ctx, g, total, parts, totalFig, partFigs)) checkSiblings(ctx, parts, partFigs);
  }
}

/** Returns true when a magnitude finding already explains the group. */
function checkSum(ctx: Ctx, g: Group, total: Item, parts: Item[], totalFig: Figure, partFigs: (Figure | null)[]): boolean {
  const figs = [totalFig, ...partFigs.filter((f): f is Figure => f !== null)];
  const commonUnit = groupUnit(figs) ?? totalFig.unit;
  const isScore = total.score || totalFig.unit?.text === "分";
  const check: Check = isScore ? "score" : "sum";
  const e = evalSum(ctx, g, totalFig, partFigs, commonUnit, new Map());
  const d = diffDec(e.computedSum, e.statedTotal);
  const agrees = compareDec(absDec(d), e.tol) < 0;
  const dp = e.dp;
  const computed = formatDec(e.computedSum, dp) + unitText(commonUnit);
  if (agrees) {
    pass(ctx, totalFig.cell, check, computed, showFigure(totalFig));
    if (g.kind === "sum") overTotal(ctx, total, parts, totalFig, partFigs, commonUnit);
    return false;
  }
  const under = compareDec(d, ZERO) < 0;
  if (!g.exhaustive && g.kind === "sum" && under) {
    // a partial list (其中 …) may add up to less than its total
    pass(ctx, totalFig.cell, check, `≤ ${showFigure(totalFig)}`, computed);
    return false;
  }
  if (findUnitSlip(ctx, g, total, parts, totalFig, partFigs, commonUnit, check)) return true;
  const stated = showFigure(totalFig);
  const diff = formatDec(absDec(d), dp) + unitText(commonUnit);
  if (!g.exhaustive && g.kind === "sum") {
    const t = AUDIT_TEXT.partsExceed({ total: label(total), terms: termsText(e, g.kind), computed, stated });
    finding(ctx, { cell: totalFig.cell, check, severity: "error", expected: `≤ ${stated}`, actual: computed, message: t });
  } else {
    const note = explain(ctx, g, d, commonUnit, e.tol);
    const args = { total: label(total), terms: termsText(e, g.kind), computed, stated, diff, note: note ?? undefined };
    const t = g.kind === "difference" ? AUDIT_TEXT.difference(args) : isScore ? AUDIT_TEXT.score(args) : AUDIT_TEXT.sum(args);
    finding(ctx, { cell: totalFig.cell, check, severity: note ? "warning" : "error", expected: computed, actual: stated, message: t });
  }
  if (g.kind === "sum") overTotal(ctx, total, parts, totalFig, partFigs, commonUnit);
  return false;
}

/**
 * Siblings in one unit and one part in another (万元, 万元, 元): when the sums cannot tell,
 * a part written in a money unit none of its siblings uses, orders of magnitude off them.
 */
function checkSiblings(ctx: Ctx, parts: Item[], partFigs: (Figure | null)[]): void {
  const own = partFigs.filter((f): f is Figure => f !== null && f.ownUnit && f.unit?.family === "money");
  if (own.length < 3) return;
  partFigs.forEach((f, i) => {
    if (!f || !own.includes(f) || ctx.corrections.has(f)) return;
    const others = own.filter((o) => o !== f);
    const unit = others[0].unit;
    if (!unit || f.unit?.text === unit.text || !others.every((o) => o.unit?.text === unit.text)) return;
    const values = others.map((o) => Math.abs(decToNumber(inUnit(o, unit).v))).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    const mine = Math.abs(decToNumber(inUnit(f, unit).v));
    if (median === 0 || mine === 0 || Math.abs(Math.log10(mine / median)) < 3) return;
    const t = AUDIT_TEXT.siblings({ label: label(parts[i]), written: showFigure(f), unit: unit.text, others: others.map((o) => showFigure(o)).join("、") });
    // a unit slip is an error (docs/rules.md, "Severity"), as in the indicator tables
    finding(ctx, { cell: f.cell, check: "magnitude", severity: "error", expected: formatDec(f.dec, f.decimals) + unit.text, actual: showFigure(f), message: t });
  });
}

/** A part larger than its total (both positive): a magnitude finding of its own. */
function overTotal(ctx: Ctx, total: Item, parts: Item[], totalFig: Figure, partFigs: (Figure | null)[], commonUnit: UnitInfo | null): void {
  const tv = inUnit(totalFig, commonUnit, correctionOf(ctx, totalFig));
  if (compareDec(tv.v, ZERO) <= 0) return;
  partFigs.forEach((f, i) => {
    if (!f) return;
    const pv = inUnit(f, commonUnit, correctionOf(ctx, f));
    const excess = diffDec(pv.v, tv.v);
    if (compareDec(excess, sumDec([pv.h, tv.h])) <= 0) return;
    const t = AUDIT_TEXT.partOverTotal({ label: label(parts[i]), part: showFigure(f), total: label(total), totalValue: showFigure(totalFig) });
    finding(ctx, { cell: f.cell, check: "magnitude", severity: "error", expected: `≤ ${showFigure(totalFig)}`, actual: showFigure(f), message: t });
  });
}

/**
 * 亿元 written where 万元 was meant: if reading one figure in the group's unit (or
 * 10^4 / 10^8 off, for a bare number) makes the group add up, that figure is the finding.
 */
function findUnitSlip(ctx: Ctx, g: Group, total: Item, parts: Item[], totalFig: Figure, partFigs: (Figure | null)[], commonUnit: UnitInfo | null, check: Check): boolean {
  const candidates: Array<{ f: Figure; item: Item }> = [];
  partFigs.forEach((f, i) => f && candidates.push({ f, item: parts[i] }));
  candidates.push({ f: totalFig, item: total });
  const base = evalSum(ctx, g, totalFig, partFigs, commonUnit, new Map());
  for (const { f, item } of candidates) {
    // a partial list only tells on a figure whose own unit differs from the others'
    if (!g.exhaustive && !f.ownUnit) continue;
    const now = inUnit(f, commonUnit, correctionOf(ctx, f));
    const sign = g.kind === "difference" && f === partFigs[1] ? -1 : 1;
    for (const k of unitSlipScales(f, commonUnit)) {
      // one figure read in another unit: adjust the sum and the tolerance, O(1) per candidate
      const then = inUnit(f, commonUnit, correctionOf(ctx, f) + k);
      const delta = diffDec(then.v, now.v);
      const computedSum = f === totalFig ? base.computedSum : sumDec([base.computedSum, sign === 1 ? delta : negDec(delta)]);
      const statedValue = f === totalFig ? then.v : base.statedTotal;
      const tol = sumDec([base.tol, negDec(now.h), then.h]);
      const d = diffDec(computedSum, statedValue);
      const ok = compareDec(absDec(d), tol) < 0 || (!g.exhaustive && compareDec(d, ZERO) < 0);
      const fixed = normalizeDec(then.v);
      // reading it 10^4 smaller must not amount to leaving it out
      if (!ok || compareDec(absDec(fixed), tol) <= 0) continue;
      const e = evalSum(ctx, g, totalFig, partFigs, commonUnit, new Map([[f, correctionOf(ctx, f) + k]]));
      // the figure's own unit is the slip (亿元 for 万元), or the number itself (typed in 元 in a 万元 row)
      const otherUnit = f.ownUnit && commonUnit !== null && f.unit?.text !== commonUnit.text;
      const meant = otherUnit && commonUnit ? commonUnit.text : formatDec(fixed, dpOf(fixed)) + unitText(commonUnit);
      const dp = e.dp;
      const t = AUDIT_TEXT.unitSlip({
        label: label(item),
        written: showFigure(f),
        meant,
        total: label(total),
        terms: termsText(e, g.kind),
        computed: formatDec(e.computedSum, dp) + unitText(commonUnit),
        unitCell: otherUnit ? f.unitCell : null,
      });
      const expected = otherUnit && commonUnit ? formatDec(f.dec, f.decimals) + commonUnit.text : formatDec(fixed, dpOf(fixed)) + unitText(commonUnit);
      finding(ctx, { cell: f.cell, check: "magnitude", severity: "error", expected, actual: showFigure(f), message: t });
      ctx.corrections.set(f, k);
      pass(ctx, totalFig.cell, check, formatDec(e.computedSum, dp) + unitText(commonUnit), showFigure(totalFig));
      return true;
    }
  }
  return false;
}

function unitSlipScales(f: Figure, commonUnit: UnitInfo | null): number[] {
  if (f.ownUnit && f.unit && commonUnit && f.unit.family === "money" && commonUnit.family === "money" && f.unit.pow10 !== null && commonUnit.pow10 !== null && f.unit.pow10 !== commonUnit.pow10) {
    return [commonUnit.pow10 - f.unit.pow10];
  }
  // a unit written in the cell is what it says; a unit-column row like its siblings may still hold a number typed in another unit
  if (f.ownUnit && !(f.unitCell && f.unit?.text === commonUnit?.text)) return [];
  // a bare number in a 万元 column typed in 元 (or the other way round)
  return Math.abs(decToNumber(f.dec)) >= 1 ? [-4, 4, -8, 8] : [];
}

/** The difference equals another figure written beside the total (年末结转和结余 in a 总支出): say so. */
function explain(ctx: Ctx, g: Group, d: Dec, commonUnit: UnitInfo | null, tol: Dec): Bilingual | null {
  const total = ctx.items[g.total];
  const inGroup = new Set([g.total, ...g.parts]);
  for (const it of ctx.items) {
    if (inGroup.has(it.id)) continue;
    const same = total.source === "text" ? it.cell === total.cell : it.table === total.table && it.source === "table";
    if (!same) continue;
    const f = it.values.current;
    if (!f || f.unit?.family === "ratio" || (total.values.current && !comparable(f, total.values.current))) continue;
    const v = inUnit(f, commonUnit, correctionOf(ctx, f));
    if (within(v.v, absDec(d), sumDec([tol, v.h]))) return AUDIT_TEXT.explained({ label: label(it), value: showFigure(f) });
  }
  return null;
}
