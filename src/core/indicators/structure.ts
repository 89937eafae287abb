/**
 * The structure a form family reads beyond its rows (docs/form-families.md): levels that state
 * their points, blocks with their own points, weighted level-1 blocks. Each is summed from the
 * scored rows and checked; findings sit on the cell that states the points. Pure.
 */
import { ExactSum, roundHalfUp } from "../basics/decimal";
import { Message, msg } from "../basics/messages";
import type { LevelInput, RowBlock, WeightedBlock } from "../forms/family";
import { rowUndetermined } from "./consistency";
import type { BlockResult, LevelResult, RowResult, Weighted } from "./results";

const EPS = 1e-9;

/** The rows that count toward a sum: breakdown rows are checked, never scored. */
function counted(rows: RowResult[]): RowResult[] {
  return rows.filter((r) => !r.breakdown);
}

/** Σ points (null when no row has points) and Σ scores (null when a row with points is unchecked). */
function sums(rows: RowResult[]): { points: number | null; score: number | null; unknown: number } {
  const points = new ExactSum();
  const score = new ExactSum();
  const unknown = new ExactSum();
  let anyPoints = false;
  let open = false;
  for (const r of counted(rows)) {
    if (r.points !== null) {
      anyPoints = true;
      points.add(r.points);
    }
    // an unchecked row, or a qualitative one with no score yet: undetermined, never 0 (docs/form-families.md)
    if (r.status === "invalid" || rowUndetermined(r)) {
      if (r.points !== null && r.points > 0) {
        open = true;
        unknown.add(r.points);
      }
    } else if (r.status !== "not_applicable") score.add(r.score ?? 0);
  }
  return { points: anyPoints ? points.value() : null, score: open ? null : score.value(), unknown: unknown.value() };
}

export function levelResults(levels: LevelInput[], byRow: Map<number, RowResult>): { levels: LevelResult[]; messages: Message[] } {
  const messages: Message[] = [];
  const out: LevelResult[] = [];
  for (const l of levels) {
    const rows = l.rows.map((r) => byRow.get(r)).filter((r): r is RowResult => r !== undefined);
    const s = sums(rows);
    const childPoints = l.childPoints !== undefined ? l.childPoints : s.points;
    out.push({ name: l.name, cell: l.cell, points: l.points, childPoints, score: s.score === null ? null : roundHalfUp(s.score, 2) });
    if (childPoints !== null && Math.abs(childPoints - l.points) > EPS) messages.push(msg("level_points", { name: l.name, points: l.points, sum: childPoints }, l.cell));
  }
  return { levels: out, messages };
}

/** Each block's score; a block whose stated scores exceed its stated points is a finding on its title. */
export function blockResults(blocks: RowBlock[], byRow: Map<number, RowResult>): { blocks: BlockResult[]; messages: Message[] } {
  const messages: Message[] = [];
  const out = blocks.map((b) => {
    const rows = b.rows.map((r) => byRow.get(r.row)).filter((r): r is RowResult => r !== undefined);
    const stated = new ExactSum();
    let any = false;
    for (const r of counted(rows)) {
      const s = r.score ?? r.statedScore;
      if (s !== null) {
        stated.add(s);
        any = true;
      }
    }
    const score = any ? roundHalfUp(stated.value(), 2) : null;
    if (b.points !== null && score !== null && score > b.points + EPS) {
      messages.push(msg("block_over_points", { name: b.title ?? "", score, points: b.points }, b.cell ?? undefined));
    }
    // rows without points of their own, every one met: the block earns its points (docs/form-families.md)
    const own = counted(rows);
    if (b.points !== null && score !== null && score < b.points - EPS && own.length > 0 && own.every((r) => r.status === "met" && r.points === null)) {
      messages.push(msg("block_met_below_points", { name: b.title ?? "", score, points: b.points }, b.cell ?? undefined));
    }
    return { title: b.title, cell: b.cell, points: b.points, score, rowCount: rows.length };
  });
  return { blocks: out, messages };
}

/**
 * The weighted total: Σ weight × block score ÷ block points. When rows are unchecked the total is
 * null and [min, max] gives its range (unchecked rows at 0, then at full points).
 */
export function weightedResult(weighted: WeightedBlock[], byRow: Map<number, RowResult>): { weighted: Weighted; min: number; max: number; weights: number; messages: Message[] } {
  const blocks: Weighted["blocks"] = [];
  let min = 0;
  let max = 0;
  let weights = 0;
  let open = false;
  const parts: string[] = [];
  for (const w of weighted) {
    const rows = w.rows.map((r) => byRow.get(r)).filter((r): r is RowResult => r !== undefined);
    const s = sums(rows);
    weights += w.weight;
    const known = new ExactSum();
    const na = new ExactSum();
    for (const r of counted(rows)) {
      if (r.status === "not_applicable") na.add(r.points ?? 0);
      else if (r.status !== "invalid" && !rowUndetermined(r)) known.add(r.score ?? 0);
    }
    // not-applicable rows drop out of their block and the rest rescale (docs/rules.md §5)
    const applicable = s.points === null ? 0 : s.points - na.value();
    if (applicable > 0) {
      min += (w.weight * known.value()) / applicable;
      max += (w.weight * (known.value() + s.unknown)) / applicable;
    }
    if (s.score === null) open = true;
    blocks.push({ name: w.name, cell: w.cell, weight: w.weight, points: s.points, score: s.score === null ? null : roundHalfUp(s.score, 2) });
    parts.push(`${w.name} ${w.weight}×${s.score === null ? "?" : roundHalfUp(s.score, 2)}/${s.points ?? "?"}`);
  }
  const total = open ? null : roundHalfUp(min, 2);
  const messages = [msg("weighted_total", { detail: parts.join(" + ") })];
  return { weighted: { total, blocks }, min: roundHalfUp(min, 2), max: roundHalfUp(max, 2), weights, messages };
}
