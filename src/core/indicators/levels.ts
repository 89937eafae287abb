/**
 * Levels that state points, and weighted totals (docs/form-families.md): each level's stated
 * points against the sum of its rows' points, with its score; and on a weighted form (every
 * level-1 block's rows add up to 100, the level carries a weight, 权重) the total is
 * Σ weight × block score ÷ block points, never the plain sum of all rows. Pure; never throws.
 */
import { ExactSum, roundHalfUp } from "../basics/decimal";
import { isBlank } from "../basics/grid";
import { CORE_TEXT, Message, msg } from "../basics/messages";
import { parseQuantity } from "../basics/quantity";
import type { LevelInput, TotalRow, WeightedBlock } from "../forms/family";
import type { StatedGrade } from "../forms/standard-form";
import { Preset, Settings, gradeFor, gradeName } from "./presets";
import { LevelResult, RowResult, Summary, Weighted } from "./results";

const EPS = 1e-9;

interface Sums {
  points: number;
  scored: number;
  notApplicable: number;
  unknown: number;
  unknownRows: number;
}

function sums(byRow: Map<number, RowResult>, sheetRows: number[]): Sums {
  const points = new ExactSum();
  const scored = new ExactSum();
  const na = new ExactSum();
  const unknown = new ExactSum();
  let unknownRows = 0;
  for (const n of sheetRows) {
    const r = byRow.get(n);
    if (!r || r.points === null) continue;
    points.add(r.points);
    if (r.status === "not_applicable") na.add(r.points);
    else if (r.status === "invalid") {
      if (r.points > 0) {
        unknown.add(r.points);
        unknownRows++;
      }
    } else scored.add(r.score ?? 0);
  }
  return { points: points.value(), scored: scored.value(), notApplicable: na.value(), unknown: unknown.value(), unknownRows };
}

/** A block's score on its own scale; not-applicable rows drop out and the rest rescale (docs/rules.md §5). */
function blockScore(s: Sums, extra: number): number {
  const applicable = s.points - s.notApplicable;
  const raw = s.scored + extra;
  return s.notApplicable > 0 && applicable > 0 ? (raw * s.points) / applicable : raw;
}

function indexRows(rows: RowResult[]): Map<number, RowResult> {
  return new Map(rows.map((r) => [r.row, r]));
}

/** Every level that states points: its points, its rows' points and score; a finding where the points disagree. */
export function summarizeLevels(levels: LevelInput[], rows: RowResult[]): { levels: LevelResult[]; messages: Message[] } {
  const byRow = indexRows(rows);
  const out: LevelResult[] = [];
  const messages: Message[] = [];
  for (const l of levels) {
    const s = sums(byRow, l.rows);
    const childPoints = l.childPoints !== undefined ? l.childPoints : l.rows.length ? s.points : null;
    out.push({ name: l.name, cell: l.cell, points: l.points, childPoints, score: s.unknownRows > 0 ? null : roundHalfUp(s.scored, 2) });
    if (childPoints !== null && Math.abs(childPoints - l.points) > EPS) {
      messages.push(msg("level_points", { name: l.name, points: l.points, sum: childPoints }, l.cell));
    }
  }
  return { levels: out, messages };
}

export interface WeightedTotal extends Weighted {
  total: number;
  /** Σ weights: what the total is out of */
  outOf: number;
  final: boolean;
  undetermined: { rows: number; points: number };
  /** [min, max] while rows are undetermined */
  range?: [number, number];
}

/** Σ weight × block score ÷ block points over the level-1 blocks of a weighted form. */
export function weightedTotal(blocks: WeightedBlock[], rows: RowResult[]): WeightedTotal {
  const byRow = indexRows(rows);
  const total = new ExactSum();
  const max = new ExactSum();
  const outOf = new ExactSum();
  const undeterminedPoints = new ExactSum();
  let undeterminedRows = 0;
  const out: Weighted["blocks"] = [];
  for (const b of blocks) {
    const s = sums(byRow, b.rows);
    const share = s.points > 0 ? (b.weight * blockScore(s, 0)) / s.points : 0;
    const top = s.points > 0 ? (b.weight * blockScore(s, s.unknown)) / s.points : 0;
    out.push({ name: b.name, cell: b.cell, weight: b.weight, points: s.points, score: s.unknownRows > 0 ? null : roundHalfUp(blockScore(s, 0), 2) });
    total.add(roundHalfUp(share, 6));
    max.add(roundHalfUp(top, 6));
    outOf.add(b.weight);
    undeterminedRows += s.unknownRows;
    if (s.points > 0) undeterminedPoints.add(roundHalfUp((b.weight * s.unknown) / s.points, 6));
  }
  const final = undeterminedRows === 0;
  const result: WeightedTotal = {
    total: roundHalfUp(total.value(), 2),
    blocks: out,
    outOf: outOf.value(),
    final,
    undetermined: { rows: undeterminedRows, points: roundHalfUp(undeterminedPoints.value(), 2) },
  };
  if (!final) result.range = [result.total, roundHalfUp(max.value(), 2)];
  return result;
}

/** Codes of the plain total's checks, replaced by the weighted total's. */
const PLAIN_TOTAL_CODES = new Set(["points_total", "category_total", "invalid_rows", "stated_total", "stated_total_outside", "stated_grade_differs", "stated_grade_impossible", "stated_grade_unconfirmed", "rescaled"]);

/**
 * The summary of a weighted form: the plain sum of all rows (400 points over four blocks) is not
 * its total; the weighted total is, out of Σ weights, graded when that is the preset's total,
 * provisional while rows are unchecked; the stated total and grade are checked against it.
 */
export function weightSummary(
  summary: Summary,
  w: WeightedTotal,
  ctx: { preset: Preset; settings: Settings; totalRows: TotalRow[]; statedGrade: StatedGrade | null },
): Summary {
  const { preset, settings } = ctx;
  const messages = summary.messages.filter((m) => !PLAIN_TOTAL_CODES.has(m.code));
  messages.push(msg("weighted_total", { blocks: w.blocks.map((b) => `${b.name}${b.weight}×${b.score ?? "?"}÷${b.points}`).join("+"), total: w.total }));
  const pointsDiffer = Math.abs(w.outOf - preset.total) > EPS;
  if (pointsDiffer) messages.push(msg("points_total", { sum: w.outOf, total: preset.total, detail: w.blocks.map((b) => `${b.name}${b.weight}`).join("+") }));
  let grade: string | null = null;
  let gradeText = summary.gradeText;
  let gradeWithheld: Summary["gradeWithheld"] = null;
  if (!w.final && w.range) {
    gradeWithheld = "provisional";
    gradeText = CORE_TEXT.gradePending;
    messages.push(msg("invalid_rows", { n: w.undetermined.rows, points: w.undetermined.points, min: w.range[0], max: w.range[1] }));
  } else if (pointsDiffer) {
    gradeWithheld = "points_total";
    gradeText = CORE_TEXT.notGraded;
  } else {
    const g = gradeFor(w.total, preset);
    grade = g.grade;
    gradeText = gradeName(g);
  }
  let statedTotal: number | null = null;
  for (const t of ctx.totalRows) {
    if (!t.score || isBlank(t.score.value)) continue;
    const q = parseQuantity(t.score.value, t.score.format);
    if (!q.ok) continue;
    statedTotal = q.q.value;
    if (w.final && Math.abs(statedTotal - w.total) > settings.scoreTolerance) messages.push(msg("stated_total", { stated: statedTotal, computed: w.total }, t.score.cell));
    else if (!w.final && w.range && (statedTotal < w.range[0] - settings.scoreTolerance || statedTotal > w.range[1] + settings.scoreTolerance)) {
      messages.push(msg("stated_total_outside", { stated: statedTotal, min: w.range[0], max: w.range[1] }, t.score.cell));
    }
  }
  const stated = ctx.statedGrade;
  if (stated) {
    if (grade !== null && stated.grade !== grade) messages.push(msg("stated_grade_differs", { stated: stated.text, computed: grade, score: w.total }, stated.cell));
    else if (!w.final) messages.push(msg("stated_grade_unconfirmed", { stated: stated.text }, stated.cell));
  }
  const out: Summary = {
    ...summary,
    pointsTotal: w.outOf,
    rawScore: w.total,
    totalScore: w.total,
    statedTotal: statedTotal ?? summary.statedTotal,
    grade,
    gradeText,
    final: w.final,
    undetermined: w.undetermined,
    outOf: w.outOf,
    gradeWithheld,
    weighted: { total: w.total, blocks: w.blocks },
    messages,
  };
  delete out.range;
  if (w.range) out.range = w.range;
  return out;
}
