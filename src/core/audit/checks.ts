/**
 * The statement checks (docs/rules.md §7): sum, share, growth, direction, magnitude, duplicate, score.
 * Every comparison is between intervals (a written figure stands for anything that rounds
 * to it), so a figure that agrees within its written precision is never a finding.
 */
import { compareDec, Dec, decToNumber } from "../basics/decimal";
import { CheckOutput, correctionOf, Ctx, dpOf, finding, label, pass, shown, unitText, ZERO } from "./check-context";
import { absDec, comparable, diffDec, Figure, formatDec, interval, inUnit, negDec, rangeOver, ratioAgrees, showFigure, showPercent, sumDec, within } from "./figure";
import { Finding } from "./finding";
import { defaultParent, labelDef } from "./labels";
import { AUDIT_TEXT } from "./messages";
import { AMOUNT_ROLES, Group, Item, Statement } from "./model";
import { checkGroup } from "./sum-checks";

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
  finding(ctx, { cell: last.cell, check: "share", severity: "error", expected: "100%", actual: computed, message: t });
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

function checkShare(ctx: Ctx, it: Item): void {
  const s = it.values.share;
  const part = it.values.current;
  if (!s || !part || part.unit?.family === "ratio") return;
  const bases: Item[] = [];
  for (let p = it.parent; p !== null && bases.length < 4; p = ctx.items[p].parent) bases.push(ctx.items[p]);
  const candidates = bases.flatMap((base) => {
    const B = base.values.current;
    return B && comparable(part, B) && B.unit?.family !== "ratio" ? [{ base, B }] : [];
  });
  const first = ratioFinding(ctx, s, part, candidates);
  if (!first) return;
  const computed = showPercent(ratioValue(ctx, part, first.B), s.decimals);
  const t = AUDIT_TEXT.share({ label: label(it), part: shown(ctx, part), total: shown(ctx, first.B), totalLabel: label(first.base), computed, stated: showFigure(s) });
  finding(ctx, { cell: s.cell, check: "share", severity: "error", expected: computed, actual: showFigure(s), message: t });
}

/**
 * A stated percentage against part / each candidate base in turn (docs/rules.md §7): it passes on
 * the first base it agrees with within written precision. Returns the base the finding names (the
 * first the ratio could be computed over), or null when it agreed or none could be used.
 */
function ratioFinding<T extends { B: Figure }>(ctx: Ctx, stated: Figure, part: Figure, candidates: T[]): T | null {
  const st = statedPct(stated);
  let first: T | null = null;
  for (const c of candidates) {
    const range = ratioRange(ctx, part, c.B);
    if (!range) continue;
    if (!first) first = c;
    if (ratioAgrees(range, st.v, st.h)) {
      pass(ctx, stated.cell, "share", showPercent(ratioValue(ctx, part, c.B), stated.decimals), showFigure(stated));
      return null;
    }
  }
  return first;
}

/** What an execution rate is over: the adjusted budget first, then the budget. */
const RATE_BASES = [
  ["adjusted", "调整预算"],
  ["budget", "预算"],
] as const;

function checkRate(ctx: Ctx, it: Item): void {
  const r = it.values.rate;
  const cur = it.values.current;
  if (!r || !cur) return;
  const candidates = RATE_BASES.flatMap(([role, name]) => {
    const B = it.values[role];
    return B && comparable(cur, B) ? [{ B, name }] : [];
  });
  const first = ratioFinding(ctx, r, cur, candidates);
  if (!first) return;
  const computed = showPercent(ratioValue(ctx, cur, first.B), r.decimals);
  const t = AUDIT_TEXT.rate({ label: label(it), part: shown(ctx, cur), base: shown(ctx, first.B), baseLabel: first.name, computed, stated: showFigure(r) });
  finding(ctx, { cell: r.cell, check: "share", severity: "error", expected: computed, actual: showFigure(r), message: t });
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
    finding(ctx, { cell, check: "direction", severity: "error", expected: compareDec(computed, ZERO) < 0 ? "减少" : "增加", actual: word, message: t });
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
      finding(ctx, { cell: change.cell, check: "growth", severity: "error", expected: formatDec(computed, dp) + unitText(commonUnit), actual: (dir ? dir.word : "") + showFigure(change), message: t });
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
  finding(ctx, { cell: g.cell, check: "growth", severity: "error", expected: computed, actual: statedText, message: t });
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
      finding(ctx, { cell: f.cell, check: "duplicate", severity: slip ? "warning" : "error", expected: shown(ctx, first.f), actual: shown(ctx, f), message: t });
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
    const k = `${f.cell}|${f.check}|${f.message.zh}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
