/**
 * A figure the report's own arithmetic proves wrong in magnitude (docs/rules.md §8, comparison
 * sheets): when a total and its parts (a `sum` relation of the figure catalog) do not add up as
 * written, and one of them is written in a money unit none of the others uses, while reading its
 * number in the others' unit makes the sum agree, that reading is the consistent one. The sheet
 * shows it, with a note quoting what was written. Decided from the figures' own sum, for any
 * department and any sum relation.
 */
import { decimalsOf } from "../basics/decimal";
import { FIGURE_CATALOG, FigureId, Seed } from "../seeds/seed-schema";
import { lookupUnit } from "../basics/unit-table";

type SeedFigure = NonNullable<Seed["figures"][FigureId]>;

/** A figure read in its siblings' unit instead of the unit written beside it. */
export interface ConsistentReading {
  figure: FigureId;
  /** as written: 605,282.99亿元 */
  asWritten: string;
  /** the unit it is read in: 万元 */
  unitRead: string;
  /** the value in the figure's canonical unit, read in `unitRead` */
  value: number;
  /** the figure is the total (its parts agree with each other's unit), not a part */
  isTotal: boolean;
}

interface Term {
  id: FigureId;
  f: SeedFigure;
  /** the number as written, without separators */
  written: number;
  /** written unit → canonical unit */
  scale: number;
}

function moneyTerm(id: FigureId, f: SeedFigure | undefined): Term | null {
  if (!f || f.value === undefined || f.valueAsWritten === undefined || f.unitAsWritten === undefined) return null;
  const written = lookupUnit(f.unitAsWritten);
  const canonical = lookupUnit(f.unit);
  if (!written || !canonical || written.family !== "money" || canonical.family !== "money") return null;
  const n = Number(f.valueAsWritten.replace(/[,，]/g, ""));
  if (!Number.isFinite(n)) return null;
  // the value keeps its sign (a decrease); the written digits do not carry one
  return { id, f, written: Math.sign(f.value) < 0 ? -n : n, scale: written.factor / canonical.factor };
}

/** Half a unit in the last written place, in the canonical unit: what rounding can account for. */
function slack(t: Term): number {
  return 0.5 * 10 ** -decimalsOf(Number(t.f.valueAsWritten?.replace(/[,，]/g, "") ?? 0)) * t.scale;
}

function agrees(total: number, parts: number[], tolerance: number): boolean {
  const sum = parts.reduce((a, b) => a + b, 0);
  return Math.abs(sum - total) <= tolerance + 1e-9 * Math.max(1, Math.abs(total));
}

/** The figures of one seed that its own sums prove wrong in magnitude, with their consistent reading. */
export function consistentReadings(figures: Seed["figures"]): ConsistentReading[] {
  const out: ConsistentReading[] = [];
  const done = new Set<FigureId>();
  for (const [totalId, entry] of Object.entries(FIGURE_CATALOG) as [FigureId, (typeof FIGURE_CATALOG)[FigureId]][]) {
    const relation = "relation" in entry ? entry.relation : undefined;
    if (!relation || relation.kind !== "sum") continue;
    const total = moneyTerm(totalId, figures[totalId]);
    const parts = relation.parts.map((p) => moneyTerm(p as FigureId, figures[p as FigureId]));
    if (!total || parts.some((p) => p === null)) continue;
    const terms = [total, ...(parts as Term[])];
    const tolerance = terms.reduce((a, t) => a + slack(t), 0);
    const valueOf = (t: Term) => t.f.value as number;
    if (agrees(valueOf(total), parts.map((p) => valueOf(p as Term)), tolerance)) continue;
    const candidates: ConsistentReading[] = [];
    for (const odd of terms) {
      const others = terms.filter((t) => t !== odd);
      const unit = others[0].f.unitAsWritten as string;
      // the odd one out: written in a unit none of its siblings uses, and they all use one
      if (odd.f.unitAsWritten === unit || others.some((t) => t.f.unitAsWritten !== unit)) continue;
      const reread = odd.written * others[0].scale;
      const read = (t: Term) => (t === odd ? reread : valueOf(t));
      const tol = tolerance - slack(odd) + 0.5 * 10 ** -decimalsOf(Math.abs(odd.written)) * others[0].scale;
      if (agrees(read(total), (parts as Term[]).map(read), tol)) {
        candidates.push({ figure: odd.id, asWritten: `${odd.f.valueAsWritten}${odd.f.unitAsWritten}`, unitRead: unit, value: reread, isTotal: odd === total });
      }
    }
    // only when the arithmetic points at one figure
    if (candidates.length === 1 && !done.has(candidates[0].figure)) {
      out.push(candidates[0]);
      done.add(candidates[0].figure);
    }
  }
  return out;
}

/** 报告原文为“605,282.99亿元”，与合计不符，按万元计 */
export function readingNote(r: Pick<ConsistentReading, "asWritten" | "unitRead" | "isTotal">): string {
  return `报告原文为“${r.asWritten}”，与${r.isTotal ? "分项之和" : "合计"}不符，按${r.unitRead}计`;
}
