/**
 * The best guess at an indicator table's header row when findTable found none (docs/task-pane.md,
 * "No table found"): the column picker starts there, not at the title in row 1. A guess only —
 * nothing is checked from it until the user applies the picker.
 */
import { type Grid, cellText, isBlank } from "../basics/grid";
import { MAX_HEADER_ROWS } from "../basics/tuning";
import { roleOfHeader } from "./table-finder";

/**
 * The 0-based index into grid.values of the likeliest header row among the first rows: the row
 * with most cells naming a column role (指标名称, 目标值, 完成情况, 分值 …); with none anywhere, the
 * first row of at least three short texts and no numbers that has a row of data below it (a
 * home-made table's header under its title); null when nothing looks like a header.
 */
export function guessHeaderIndex(grid: Grid): number | null {
  const rows = grid.values;
  const limit = Math.min(rows.length, MAX_HEADER_ROWS);
  let best: { index: number; roles: number } | null = null;
  for (let i = 0; i < limit; i++) {
    const roles = new Set((rows[i] ?? []).map((v) => roleOfHeader(v)).filter((r) => r !== null)).size;
    if (roles > 0 && (!best || roles > best.roles)) best = { index: i, roles };
  }
  if (best) return best.index;
  for (let i = 0; i < limit; i++) {
    const cells = (rows[i] ?? []).filter((v) => !isBlank(v));
    const words = cells.filter((v) => typeof v === "string" && cellText(v).trim().length <= 24 && !/\d/.test(cellText(v)));
    const below = (rows[i + 1] ?? []).filter((v) => !isBlank(v)).length;
    if (words.length >= 3 && words.length === cells.length && below >= 2) return i;
  }
  return null;
}
