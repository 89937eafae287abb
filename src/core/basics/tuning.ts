/**
 * The tuning values of the engine in one place: how far down a header is looked for, the score
 * band of a qualitative achievement, and the colour of the header rows the tool writes.
 */
import type { QualitativeBand } from "../indicators/target-expression";

/** Rows searched for the indicator table's header, from the top of the grid (docs/rules.md §6). */
export const MAX_HEADER_ROWS = 30;

/** The share of a row's points a qualitative achievement may score, [low, high] (docs/rules.md §5). */
export const BAND_RANGE: Record<QualitativeBand, [number, number]> = {
  achieved: [0.8, 1],
  partial: [0.6, 0.8],
  not_achieved: [0, 0.6],
};

/** The header rows this tool writes (result columns, findings, summaries, comparison sheets). */
export const HEADER_FILL = { fill: "#1F6F78", font: "#FFFFFF" };
