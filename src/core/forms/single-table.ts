/**
 * Reading one indicator table whose header the table finder located (docs/form-families.md): the
 * rows in one block, the total rows, and a stated 自评等级 above the table or just below it. The
 * national and plain families read this way; other families may use it for each of their blocks.
 */
import { CORE_TEXT } from "../basics/messages";
import type { Grid } from "../basics/grid";
import type { Preset } from "../indicators/presets";
import type { BudgetRead } from "./budget-block";
import type { FormInfoRead, FormRead, Refusal } from "./family";
import { extractRows } from "./indicator-rows";
import { findStatedGrade } from "./standard-form";
import type { TableLayout } from "./table-finder";

/** How many rows below the table a stated grade is looked for. */
const GRADE_ROWS_BELOW = 15;

export function readSingleTable(
  grid: Grid,
  layout: TableLayout,
  parts: { family: string; form: FormInfoRead; budget: BudgetRead | null; preset: Preset },
): FormRead | Refusal {
  const extracted = extractRows(grid, layout);
  if (extracted.rows.length === 0) return { ok: false, reason: CORE_TEXT.noIndicatorRows };
  const firstRow = grid.firstRow ?? 1;
  const above = Array.from({ length: layout.headerIndex }, (_, i) => i);
  const lastIndex = extracted.lastRow - firstRow;
  const below: number[] = [];
  for (const t of extracted.totalRows) below.push(t.row - firstRow);
  for (let r = lastIndex + 1; r < Math.min(grid.values.length, lastIndex + 1 + GRADE_ROWS_BELOW); r++) below.push(r);
  return {
    family: parts.family,
    form: parts.form,
    layout,
    blocks: [{ title: null, cell: null, points: null, headerIndex: layout.headerIndex, rows: extracted.rows }],
    totalRows: extracted.totalRows,
    sectionRows: extracted.sectionRows,
    lastRow: extracted.lastRow,
    budget: parts.budget,
    statedGrade: findStatedGrade(grid, [...below, ...above], parts.preset),
    levels: extracted.levels,
    weighted: null,
    messages: [],
  };
}
