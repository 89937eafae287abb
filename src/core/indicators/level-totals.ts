/**
 * Levels and totals of the form families (docs/form-families.md): each level's stated points against
 * its rows', a level's score against its points, rows left to fill in, and the honest total over
 * parts (scored rows, goal blocks, the budget line) with the grade, the stated total, points total
 * and grade checked. Pure; never throws.
 */
import { ExactSum, roundHalfUp } from "../basics/decimal";
import { isBlank } from "../basics/grid";
import { CORE_TEXT, Message, msg } from "../basics/messages";
import { parseQuantity } from "../basics/quantity";
import type { Bilingual } from "../basics/text";
import type { BudgetLine } from "../forms/budget-block";
import type { InputCell } from "../forms/indicator-rows";
import type { StatedGrade } from "../forms/standard-form";
import { Preset, Settings, gradeFor, gradeName } from "./presets";
import { LevelSummary, RowResult, STATUSES, Status, Summary } from "./results";

/** A level as the checks see it: its stated points, its child levels and its rows. */
export interface LevelInput {
  name: string;
  cell: string;
  points: number | null;
  children: LevelInput[];
  /** the rows directly under it: their points (null when left to fill in) and score (null when blank) */
  rows: Array<{ points: number | null; score: number | null }>;
  /** the rows carry no points by the form's design (a goal block): only the score is held to the level's points */
  unpointed?: boolean;
}

interface LevelTally {
  /** the points of what is under the level; null when something under it is unfilled */
  childPoints: number | null;
  /** points known under it (for the undetermined remainder) */
  knownPoints: number;
  score: number | null;
  unfilled: number;
}

function tally(level: LevelInput): LevelTally {
  const pts = new ExactSum();
  const known = new ExactSum();
  const score = new ExactSum();
  let scoreKnown = true;
  let unfilled = 0;
  for (const r of level.rows) {
    if (level.unpointed) {
      if (r.score === null) scoreKnown = false;
      else score.add(r.score);
      continue;
    }
    if (r.points === null) unfilled++;
    else {
      pts.add(r.points);
      known.add(r.points);
    }
    if (r.score === null) scoreKnown = false;
    else score.add(r.score);
  }
  for (const c of level.children) {
    const t = tally(c);
    unfilled += t.unfilled;
    if (c.points !== null) pts.add(c.points);
    else if (t.childPoints !== null) pts.add(t.childPoints);
    known.add(t.knownPoints);
    if (t.score === null) scoreKnown = false;
    else score.add(t.score);
  }
  return { childPoints: unfilled > 0 || level.unpointed ? null : pts.value(), knownPoints: known.value(), score: scoreKnown ? score.value() : null, unfilled };
}

export interface LevelCheck {
  levels: LevelSummary[];
  messages: Message[];
  /** points under levels whose rows are left to fill in: undetermined, never 0 */
  pending: Array<{ points: number; rows: number }>;
}

/**
 * Every level that states points: its points against the sum of what is under it (a finding on
 * the level's cell naming both numbers), its score against its points, and unfilled rows under it.
 */
export function checkLevels(roots: LevelInput[], tolerance = 1e-9): LevelCheck {
  const out: LevelCheck = { levels: [], messages: [], pending: [] };
  const visit = (level: LevelInput, pendingAbove: boolean) => {
    const t = tally(level);
    let pendingHere = pendingAbove;
    if (level.points !== null) {
      out.levels.push({ name: level.name, cell: level.cell, points: level.points, childPoints: t.childPoints, score: t.score });
      const hasContent = level.rows.length > 0 || level.children.length > 0;
      if (hasContent && t.childPoints !== null && Math.abs(t.childPoints - level.points) > tolerance) {
        out.messages.push(msg("level_points", { name: level.name, points: level.points, sum: t.childPoints }, level.cell));
      }
      if (t.score !== null && t.score > level.points + tolerance) {
        out.messages.push(msg("level_score_over", { name: level.name, score: t.score, points: level.points }, level.cell));
      }
      // unfilled rows: said once, on the innermost level with points that holds them
      const innerHolds = level.children.some((c) => c.points !== null && tally(c).unfilled > 0);
      if (t.unfilled > 0 && !innerHolds && !pendingAbove) {
        const own = level.rows.filter((r) => r.points === null).length + level.children.filter((c) => c.points === null).reduce((n, c) => n + tally(c).unfilled, 0);
        if (own > 0) {
          out.messages.push(msg("level_unfilled", { name: level.name, points: level.points, n: own }, level.cell));
          out.pending.push({ points: Math.max(0, roundHalfUp(level.points - t.knownPoints, 6)), rows: own });
          pendingHere = true;
        }
      }
    }
    for (const c of level.children) visit(c, pendingHere);
  };
  for (const r of roots) visit(r, false);
  return out;
}

/** One part of the total: a scored row, a goal block or the budget line. A null score is undetermined; `min` is what it scores at least. */
export interface TotalPart {
  points: number;
  score: number | null;
  min?: number;
}

export interface StatedTotalRow {
  row: number;
  score: InputCell | null;
  points: InputCell | null;
  /** points written in the total's label (总分（100分）) */
  namePoints?: number | null;
}

export interface FamilySummaryInput {
  rows: RowResult[];
  parts: TotalPart[];
  totals: StatedTotalRow[];
  budget: BudgetLine | null;
  statedGrade: StatedGrade | null;
  levels: LevelSummary[];
  messages: Message[];
  /** how the points add up, for the points-total message (投入15+过程40…) */
  pointsDetail: string;
  preset: Preset;
  settings: Settings;
}

function numberIn(cell: InputCell | null): number | null {
  if (!cell || isBlank(cell.value)) return null;
  const q = parseQuantity(cell.value, cell.format);
  return q.ok ? q.q.value : null;
}

/** The honest total over the parts (docs/form-families.md): final only when every part was scored. */
export function familySummary(input: FamilySummaryInput): Summary {
  const { preset, settings } = input;
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of input.rows) counts[r.status]++;
  const messages = [...input.messages];
  const points = new ExactSum();
  const scored = new ExactSum();
  const upper = new ExactSum();
  let unknownParts = 0;
  const unknownPoints = new ExactSum();
  for (const p of input.parts) {
    points.add(p.points);
    if (p.score === null) {
      unknownParts++;
      const min = p.min ?? 0;
      unknownPoints.add(p.points - min);
      scored.add(min);
      upper.add(p.points);
    } else {
      scored.add(p.score);
      upper.add(p.score);
    }
  }
  const hasPoints = input.parts.length > 0;
  const pointsTotal = hasPoints ? points.value() : null;
  const rawScore = hasPoints ? scored.value() : null;
  const totalScore = rawScore === null ? null : roundHalfUp(rawScore, 2);
  const final = unknownParts === 0;
  let grade: string | null = null;
  let gradeText: Bilingual | null = null;
  let gradeWithheld: Summary["gradeWithheld"] = null;
  let range: [number, number] | undefined;
  let statedTotal: number | null = null;
  if (pointsTotal !== null && totalScore !== null && rawScore !== null) {
    const pointsDiffer = Math.abs(pointsTotal - preset.total) > 1e-9;
    if (pointsDiffer) messages.push(msg("points_total", { sum: pointsTotal, total: preset.total, detail: input.pointsDetail }));
    if (!final) {
      gradeWithheld = "provisional";
      range = [totalScore, roundHalfUp(upper.value(), 2)];
      gradeText = CORE_TEXT.gradePending;
      messages.push(msg("invalid_rows", { n: unknownParts, points: unknownPoints.value(), min: range[0], max: range[1] }));
    } else if (pointsDiffer) {
      gradeWithheld = "points_total";
      gradeText = CORE_TEXT.notGraded;
    } else {
      const g = gradeFor(totalScore, preset);
      grade = g.grade;
      gradeText = gradeName(g);
    }
    for (const t of input.totals) {
      const stated = numberIn(t.score);
      if (stated !== null && t.score) {
        statedTotal = stated;
        if (final && Math.abs(stated - rawScore) > settings.scoreTolerance) messages.push(msg("stated_total", { stated, computed: rawScore }, t.score.cell));
        else if (!final && range && (stated < range[0] - settings.scoreTolerance || stated > range[1] + settings.scoreTolerance)) {
          messages.push(msg("stated_total_outside", { stated, min: range[0], max: range[1] }, t.score.cell));
        }
      }
      const statedPoints = numberIn(t.points) ?? t.namePoints ?? null;
      if (statedPoints !== null && final && Math.abs(statedPoints - pointsTotal) > 1e-9) {
        messages.push(msg("stated_points_total", { stated: statedPoints, computed: pointsTotal }, t.points && !isBlank(t.points.value) ? t.points.cell : t.score?.cell));
      }
    }
  }
  const stated = input.statedGrade;
  if (stated && totalScore !== null) {
    if (final && grade !== null && stated.grade !== grade) messages.push(msg("stated_grade_differs", { stated: stated.text, computed: grade, score: totalScore }, stated.cell));
    else if (!final) messages.push(msg("stated_grade_unconfirmed", { stated: stated.text }, stated.cell));
  }
  const summary: Summary = {
    counts,
    rowCount: input.rows.length,
    pointsTotal,
    rawScore,
    totalScore,
    statedTotal,
    grade,
    gradeText,
    budget: input.budget,
    final,
    undetermined: { rows: unknownParts, points: unknownPoints.value() },
    statedGrade: stated ? stated.grade : null,
    presetId: preset.id,
    levels: input.levels,
    messages,
    outOf: pointsTotal,
    gradeWithheld,
  };
  if (range) summary.range = range;
  return summary;
}
