/**
 * The statement checks (docs/rules.md §7): sum, share, growth, direction, magnitude, duplicate, score.
 * Every comparison is between intervals (a written figure stands for anything that rounds
 * to it), so a figure that agrees within its written precision is never a finding.
 */
import { Dec, compareDec, decToNumber, normalizeDec } from "../decimal";
import { UnitInfo } from "../unit-table";
import { Check, Finding, Passed } from "./finding";
import {
  Figure,
  absDec,
  comparable,
  diffDec,
  formatDec,
  inUnit,
  interval,
  moneyUnitShifted,
  negDec,
  ratioAgrees,
  rangeOver,
  showFigure,
  showPercent,
  sumDec,
  within,
} from "./figure";
import { defaultParent, labelDef } from "./labels";
import { AUDIT_TEXT } from "./messages";
import { AMOUNT_ROLES, Group, Item, Statement } from "./model";

const ZERO: Dec = { m: 0, s: 0 };

export interface CheckOutput {
  findings: Finding[];
  passed: Passed[];
  /** figures read in another unit after a magnitude finding (powers of ten) */
  corrections: Map<Figure, number>;
}

interface Ctx extends CheckOutput {
  sheet: string;
  items: Item[];
}

export function runChecks(sheet: string, st: Statement): CheckOutput {
  const ctx: Ctx = { sheet, items: st.items, findings: [], passed: [], corrections: new Map() };
  // sums first: a unit slip found there is corrected before shares and growth read the figure
  for (const g of st.groups) checkGroup(ctx, g);
  for (const g of st.groups) checkShareSum(ctx, g);
  for (const it of st.items) {
    checkShare(ctx, it);
    checkRate(ctx, it);
    checkChangeAndGrowth(ctx, it);
  }
  checkDuplicates(ctx);
  return { findings: dedupe(ctx.findings), passed: ctx.passed, corrections: ctx.corrections };
}

function label(it: Item): string {
  return it.label || it.key || "（未命名）";
}

function correctionOf(ctx: Ctx, f: Figure): number {
  return ctx.corrections.get(f) ?? 0;
}

function finding(ctx: Ctx, f: Omit<Finding, "sheet">): void {
  ctx.findings.push({ sheet: ctx.sheet, ...f });
}

function pass(ctx: Ctx, cell: string, check: Check, expected: string, actual: string): void {
  ctx.passed.push({ sheet: ctx.sheet, cell, check, expected, actual });
}

function dpOf(d: Dec): number {
  return Math.min(6, Math.max(0, d.s));
}

function unitText(u: UnitInfo | null): string {
  return u ? u.text : "";
}

/** The unit most figures in the group are in (the odd one out is the suspect); ties go to the first (the total). */
function groupUnit(figs: Figure[]): UnitInfo | null {
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

function checkGroup(ctx: Ctx, g: Group): void {
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
    finding(ctx, { cell: totalFig.cell, check, severity: "error", expected: `≤ ${stated}`, actual: computed, message: t.zh, en: t.en });
  } else {
    const note = explain(ctx, g, d, commonUnit, e.tol);
    const args = { total: label(total), terms: termsText(e, g.kind), computed, stated, diff, note: note ?? undefined };
    const t = g.kind === "difference" ? AUDIT_TEXT.difference(args) : isScore ? AUDIT_TEXT.score(args) : AUDIT_TEXT.sum(args);
    finding(ctx, { cell: totalFig.cell, check, severity: note ? "warning" : "error", expected: computed, actual: stated, message: t.zh, en: t.en });
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
    finding(ctx, { cell: f.cell, check: "magnitude", severity: "warning", expected: formatDec(f.dec, f.decimals) + unit.text, actual: showFigure(f), message: t.zh, en: t.en });
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
    finding(ctx, { cell: f.cell, check: "magnitude", severity: "error", expected: `≤ ${showFigure(totalFig)}`, actual: showFigure(f), message: t.zh, en: t.en });
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
      finding(ctx, { cell: f.cell, check: "magnitude", severity: "error", expected, actual: showFigure(f), message: t.zh, en: t.en });
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
function explain(ctx: Ctx, g: Group, d: Dec, commonUnit: UnitInfo | null, tol: Dec): { zh: string; en: string } | null {
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

/** Parts known only by their shares (线上采购占比 99.67%、线下 0.33%): the shares add up to 100%. */
function checkShareSum(ctx: Ctx, g: Group): void {
  if (g.kind !== "sum" || g.parts.length < 2) return;
  const parts = g.parts.map((id) => ctx.items[id]);
  if (!parts.every((p) => p.values.share && !p.values.current)) return;
  const shares = parts.map((p) => p.values.share as Figure);
  const computedSum = sumDec(shares.map((s) => s.dec));
  const tol = sumDec(shares.map((s) => inUnit(s, null).h));
  const hundred: Dec = { m: 100, s: 0 };
  const d = diffDec(computedSum, hundred);
  const total = ctx.items[g.total];
  const dp = Math.max(...shares.map((s) => s.decimals));
  const computed = formatDec(computedSum, dp) + "%";
  const last = shares[shares.length - 1];
  if (compareDec(absDec(d), tol) < 0 || (!g.exhaustive && compareDec(d, ZERO) < 0)) {
    pass(ctx, last.cell, "share", g.exhaustive ? "100%" : "≤ 100%", computed);
    return;
  }
  const t = AUDIT_TEXT.shareSum({ total: label(total), terms: shares.map((s) => formatDec(s.dec, s.decimals)).join(" + "), computed });
  finding(ctx, { cell: last.cell, check: "share", severity: "error", expected: "100%", actual: computed, message: t.zh, en: t.en });
}

function ratioRange(ctx: Ctx, part: Figure, base: Figure): [number, number] | null {
  const commonUnit = base.unit ?? part.unit;
  const p = inUnit(part, commonUnit, correctionOf(ctx, part));
  const b = inUnit(base, commonUnit, correctionOf(ctx, base));
  const bi = interval(b.v, b.h);
  if (bi[0] <= 0 && bi[1] >= 0) return null;
  return rangeOver((x, y) => (x / y) * 100, [interval(p.v, p.h), bi]);
}

function ratioValue(ctx: Ctx, part: Figure, base: Figure): number {
  const commonUnit = base.unit ?? part.unit;
  return decToNumber(inUnit(part, commonUnit, correctionOf(ctx, part)).v) / decToNumber(inUnit(base, commonUnit, correctionOf(ctx, base)).v);
}

function statedPct(f: Figure): { v: number; h: number } {
  return { v: decToNumber(f.dec), h: 0.5 * Math.pow(10, -f.decimals) };
}

function shown(ctx: Ctx, f: Figure): string {
  const k = correctionOf(ctx, f);
  if (!k) return showFigure(f);
  return formatDec(f.dec, f.decimals) + unitText(moneyUnitShifted(f.unit, -k) ?? f.unit);
}

function checkShare(ctx: Ctx, it: Item): void {
  const s = it.values.share;
  const part = it.values.current;
  if (!s || !part || part.unit?.family === "ratio") return;
  const bases: Item[] = [];
  for (let p = it.parent; p !== null && bases.length < 4; p = ctx.items[p].parent) bases.push(ctx.items[p]);
  const st = statedPct(s);
  let first: { base: Item; B: Figure } | null = null;
  for (const base of bases) {
    const B = base.values.current;
    if (!B || !comparable(part, B) || B.unit?.family === "ratio") continue;
    const range = ratioRange(ctx, part, B);
    if (!range) continue;
    if (!first) first = { base, B };
    if (ratioAgrees(range, st.v, st.h)) {
      pass(ctx, s.cell, "share", showPercent(ratioValue(ctx, part, B), s.decimals), showFigure(s));
      return;
    }
  }
  if (!first) return;
  const computed = showPercent(ratioValue(ctx, part, first.B), s.decimals);
  const t = AUDIT_TEXT.share({ label: label(it), part: shown(ctx, part), total: shown(ctx, first.B), totalLabel: label(first.base), computed, stated: showFigure(s) });
  finding(ctx, { cell: s.cell, check: "share", severity: "error", expected: computed, actual: showFigure(s), message: t.zh, en: t.en });
}

function checkRate(ctx: Ctx, it: Item): void {
  const r = it.values.rate;
  const cur = it.values.current;
  if (!r || !cur) return;
  const st = statedPct(r);
  let first: { B: Figure; name: string } | null = null;
  for (const [role, name] of [["adjusted", "调整预算"], ["budget", "预算"]] as const) {
    const B = it.values[role];
    if (!B || !comparable(cur, B)) continue;
    const range = ratioRange(ctx, cur, B);
    if (!range) continue;
    if (!first) first = { B, name };
    if (ratioAgrees(range, st.v, st.h)) {
      pass(ctx, r.cell, "share", showPercent(ratioValue(ctx, cur, B), r.decimals), showFigure(r));
      return;
    }
  }
  if (!first) return;
  const computed = showPercent(ratioValue(ctx, cur, first.B), r.decimals);
  const t = AUDIT_TEXT.rate({ label: label(it), part: shown(ctx, cur), base: shown(ctx, first.B), baseLabel: first.name, computed, stated: showFigure(r) });
  finding(ctx, { cell: r.cell, check: "share", severity: "error", expected: computed, actual: showFigure(r), message: t.zh, en: t.en });
}

function signed(d: Dec, sign: 1 | -1 | 0 | undefined): Dec {
  if (sign === 0) return ZERO;
  return sign === -1 ? negDec(d) : d;
}

function checkChangeAndGrowth(ctx: Ctx, it: Item): void {
  const c = it.values.current;
  if (!c || c.unit?.family === "ratio") return;
  const prior = it.values.prior && comparable(c, it.values.prior) ? it.values.prior : null;
  const change = it.values.change && comparable(c, it.values.change) ? it.values.change : null;
  const commonUnit = c.unit;
  const cv = inUnit(c, commonUnit, correctionOf(ctx, c));
  let directionReported = false;
  const direction = (cell: string, computed: Dec, dp: number, word: string, priorText: string) => {
    if (directionReported) return;
    directionReported = true;
    const comp = formatDec(computed, dp) + unitText(commonUnit);
    const t = AUDIT_TEXT.direction({ label: label(it), cur: shown(ctx, c), prior: priorText, computed: comp, word });
    finding(ctx, { cell, check: "direction", severity: "error", expected: compareDec(computed, ZERO) < 0 ? "减少" : "增加", actual: word, message: t.zh, en: t.en });
  };
  // the change amount: this year − last year
  if (change && prior) {
    const pv = inUnit(prior, commonUnit, correctionOf(ctx, prior));
    const dv = inUnit(change, commonUnit, correctionOf(ctx, change));
    const dir = it.directions.change;
    const stated = signed(dv.v, dir?.sign);
    const computed = diffDec(cv.v, pv.v);
    const tol = sumDec([cv.h, pv.h, dv.h]);
    const dp = Math.max(dpOf(computed), change.decimals);
    if (within(computed, stated, tol)) pass(ctx, change.cell, "growth", formatDec(computed, dp) + unitText(commonUnit), (dir ? dir.word : "") + showFigure(change));
    else if (dir && dir.sign !== 0 && within(computed, negDec(stated), tol)) direction(change.cell, computed, dp, dir.word, shown(ctx, prior));
    else {
      const t = AUDIT_TEXT.change({ label: label(it), cur: shown(ctx, c), prior: shown(ctx, prior), computed: formatDec(computed, dp) + unitText(commonUnit), stated: (dir ? dir.word : "") + showFigure(change) });
      finding(ctx, { cell: change.cell, check: "growth", severity: "error", expected: formatDec(computed, dp) + unitText(commonUnit), actual: (dir ? dir.word : "") + showFigure(change), message: t.zh, en: t.en });
    }
  }
  const g = it.values.growth;
  if (!g) return;
  const dir = it.directions.growth;
  const st = statedPct(g);
  const statedV = dir ? (dir.sign === 0 ? 0 : dir.sign * Math.abs(st.v)) : st.v;
  let range: [number, number] | null = null;
  let value = NaN;
  let priorText = "";
  let derived = false;
  let computedChange: Dec | null = null;
  if (prior) {
    const pv = inUnit(prior, commonUnit, correctionOf(ctx, prior));
    range = rangeOver((x, y) => ((x - y) / y) * 100, [interval(cv.v, cv.h), interval(pv.v, pv.h)]);
    value = (decToNumber(cv.v) - decToNumber(pv.v)) / decToNumber(pv.v);
    priorText = shown(ctx, prior);
    computedChange = diffDec(cv.v, pv.v);
  } else if (change) {
    const dv = inUnit(change, commonUnit, correctionOf(ctx, change));
    const sd = signed(dv.v, it.directions.change?.sign);
    range = rangeOver((x, z) => (z / (x - z)) * 100, [interval(cv.v, cv.h), interval(sd, dv.h)]);
    const p = diffDec(cv.v, sd);
    value = decToNumber(sd) / decToNumber(p);
    priorText = formatDec(p, dpOf(p)) + unitText(commonUnit);
    derived = true;
    computedChange = sd;
  }
  if (!range || !Number.isFinite(value)) return;
  const computed = showPercent(value, g.decimals);
  const statedText = (dir ? dir.word : "") + showFigure(g);
  if (ratioAgrees(range, statedV, st.h)) {
    pass(ctx, g.cell, "growth", computed, statedText);
    return;
  }
  if (statedV !== 0 && ratioAgrees(range, -statedV, st.h) && computedChange) {
    direction(g.cell, computedChange, dpOf(computedChange), dir ? dir.word : g.text, priorText);
    return;
  }
  const t = AUDIT_TEXT.growth({ label: label(it), cur: shown(ctx, c), prior: priorText, computed, stated: statedText, derived });
  finding(ctx, { cell: g.cell, check: "growth", severity: "error", expected: computed, actual: statedText, message: t.zh, en: t.en });
}

/** One label, one value: the same label written twice (same role, same context) must agree. */
function checkDuplicates(ctx: Ctx): void {
  const seen = new Map<string, { item: Item; f: Figure }>();
  for (const it of ctx.items) {
    let key: string;
    let context: string;
    if (it.source === "text") {
      if (!it.key || !it.clean) continue;
      key = it.key;
      context = labelDef(it.key)?.unique ? "*" : parentContext(ctx, it);
    } else {
      key = it.key ?? `label:${it.label}`;
      context = it.key && labelDef(it.key)?.unique ? "*" : `${it.key ? "" : `t${it.table}:`}${parentContext(ctx, it)}`;
    }
    for (const role of AMOUNT_ROLES) {
      const f = it.values[role];
      if (!f) continue;
      const k = `${key}|${context}|${role}|${f.unit?.family ?? "?"}`;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, { item: it, f });
        continue;
      }
      if (first.f === f) continue;
      const commonUnit = first.f.unit ?? f.unit;
      const a = inUnit(first.f, commonUnit, correctionOf(ctx, first.f));
      const b = inUnit(f, commonUnit, correctionOf(ctx, f));
      if (within(a.v, b.v, sumDec([a.h, b.h]))) {
        pass(ctx, f.cell, "duplicate", shown(ctx, first.f), shown(ctx, f));
        continue;
      }
      // a slip in the last digit (3803.37 / 3803.38) is a warning; anything more an error
      const slip = within(a.v, b.v, sumDec([a.h, b.h, a.h, b.h]));
      const t = AUDIT_TEXT.duplicate({ label: label(it), firstLabel: label(first.item), first: shown(ctx, first.f), firstCell: first.f.cell, second: shown(ctx, f) });
      finding(ctx, { cell: f.cell, check: "duplicate", severity: slip ? "warning" : "error", expected: shown(ctx, first.f), actual: shown(ctx, f), message: t.zh, en: t.en });
    }
  }
}

function parentContext(ctx: Ctx, it: Item): string {
  if (it.parent !== null) {
    const p = ctx.items[it.parent];
    return p.key ?? `label:${p.label}`;
  }
  return (it.key ? defaultParent(it.key) : null) ?? "root";
}

function dedupe(list: Finding[]): Finding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.cell}|${f.check}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
