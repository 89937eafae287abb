/**
 * Levels that state points, and weighted totals (docs/form-families.md, "Weighted levels"): each
 * level's stated points against the sum of its rows' points, its score; and when every level-1
 * block's rows add up to 100 points while the level carries a weight (权重), the total is
 * Σ weight × block score ÷ 100, never the plain sum of all rows. Pure; never throws.
 */
import { ExactSum, roundHalfUp } from "../basics/decimal";
import { Message, msg } from "../basics/messages";
import { RowResult } from "./results";

/** A level as a form family reads it: its name cell, stated points and the rows under it. */
export interface LevelInput {
  depth: number;
  name: string;
  cell: string;
  points: number | null;
  pointsCell: string | null;
  /** indices into the rows */
  rows: number[];
}

export interface LevelSummary {
  name: string;
  cell: string;
  points: number | null;
  childPoints: number | null;
  score: number | null;
}

export interface WeightedBlock {
  name: string;
  cell: string;
  weight: number;
  /** the points of the block's rows (100 on a weighted form) */
  childPoints: number;
  /** the block's score on its own scale (out of childPoints) */
  score: number;
  /** weight × score ÷ childPoints */
  weighted: number;
}

export interface WeightedTotal {
  total: number;
  /** Σ weights */
  outOf: number;
  blocks: WeightedBlock[];
  /** [min, max] while rows are undetermined */
  range?: [number, number];
}

const EPS = 1e-9;

interface BlockSums {
  points: number;
  scored: number;
  notApplicable: number;
  unknown: number;
}

function sums(rows: RowResult[], indices: number[]): BlockSums {
  const points = new ExactSum();
  const scored = new ExactSum();
  const na = new ExactSum();
  const unknown = new ExactSum();
  for (const i of indices) {
    const r = rows[i];
    if (!r || r.points === null) continue;
    points.add(r.points);
    if (r.status === "not_applicable") na.add(r.points);
    else if (r.status === "invalid") unknown.add(r.points);
    else scored.add(r.score ?? 0);
  }
  return { points: points.value(), scored: scored.value(), notApplicable: na.value(), unknown: unknown.value() };
}

/** A block's score on its own scale, rescaled over its applicable points (not-applicable rows drop out). */
function blockScore(s: BlockSums, extra: number): number {
  const applicable = s.points - s.notApplicable;
  const raw = s.scored + extra;
  return s.notApplicable > 0 && applicable > 0 ? (raw * s.points) / applicable : raw;
}

/**
 * Levels with their points and scores; the weighted total when the form is weighted; findings on
 * levels whose stated points are not the sum of their rows' points.
 */
export function summarizeLevels(levels: LevelInput[], rows: RowResult[]): { levels: LevelSummary[]; weighted: WeightedTotal | null; messages: Message[] } {
  const messages: Message[] = [];
  const top = levels.filter((l) => l.depth === 1 && l.rows.length > 0);
  const topSums = top.map((l) => sums(rows, l.rows));
  const weights = top.map((l) => l.points);
  // weighted: every block carries a weight, no weight is its rows' sum, and the rows of each block add up to 100
  const weighted =
    top.length > 0 &&
    weights.every((w) => w !== null && w > 0) &&
    topSums.every((s) => Math.abs(s.points - 100) < EPS) &&
    top.some((l, i) => Math.abs((l.points ?? 0) - topSums[i].points) > EPS);
  const out: LevelSummary[] = [];
  for (const l of levels) {
    if (l.points === null) continue;
    const s = sums(rows, l.rows);
    const childPoints = l.rows.length ? s.points : null;
    const isBlock = weighted && l.depth === 1;
    const score = l.rows.length === 0 ? null : isBlock ? roundHalfUp(((l.points ?? 0) * blockScore(s, 0)) / 100, 2) : roundHalfUp(s.scored, 2);
    out.push({ name: l.name, cell: l.cell, points: l.points, childPoints, score });
    if (!isBlock && childPoints !== null && Math.abs(childPoints - l.points) > EPS) {
      messages.push(msg("level_points_differ", { level: l.name, points: l.points, sum: childPoints }, l.pointsCell ?? l.cell));
    }
  }
  if (!weighted) return { levels: out, weighted: null, messages };
  const blocks: WeightedBlock[] = [];
  const total = new ExactSum();
  const min = new ExactSum();
  const max = new ExactSum();
  const outOf = new ExactSum();
  let undetermined = false;
  top.forEach((l, i) => {
    const s = topSums[i];
    const w = l.points ?? 0;
    const score = blockScore(s, 0);
    const share = (w * score) / s.points;
    blocks.push({ name: l.name, cell: l.cell, weight: w, childPoints: s.points, score: roundHalfUp(score, 2), weighted: roundHalfUp(share, 2) });
    total.add(roundHalfUp(share, 6));
    min.add(roundHalfUp(share, 6));
    max.add(roundHalfUp((w * blockScore(s, s.unknown)) / s.points, 6));
    if (s.unknown > 0) undetermined = true;
    outOf.add(w);
  });
  const result: WeightedTotal = { total: roundHalfUp(total.value(), 2), outOf: outOf.value(), blocks };
  if (undetermined) result.range = [roundHalfUp(min.value(), 2), roundHalfUp(max.value(), 2)];
  messages.push(msg("weighted_total", { blocks: blocks.map((b) => `${b.name}${b.weight}×${b.score}÷100`).join("+"), total: result.total }));
  return { levels: out, weighted: result, messages };
}
