/**
 * The family of evaluation forms with collected data items (docs/form-families.md, "Evaluation
 * forms with collected data items"): recognised by its item columns (数据项1 | 数据项2, under
 * 采集数据项), read into one block of rows whose value is the ratio of their items, the levels that
 * state points, and the level-1 weights when the total is weighted.
 */
import { ExactSum } from "../../basics/decimal";
import type { Grid } from "../../basics/grid";
import { CORE_TEXT } from "../../basics/messages";
import { parseQuantity } from "../../basics/quantity";
import type { FormFamily, FormRead, LevelInput, Recognition, RecogniseOptions, WeightedBlock } from "../family";
import { findStatedGrade, readFormInfo } from "../standard-form";
import type { ColumnMap, TableLayout } from "../table-finder";
import { DataItemLayout, DataItemRead, prepareDataItemRow, readDataItems, recogniseDataItems } from "./read";

export const DATA_ITEM_KINDS = [
  { id: "data-items", label: { zh: "采集数据项评价表", en: "Evaluation form with data items" }, cli: "data-items", showsTotal: true, named: true },
] as const;

/** How many rows below the table a stated grade is looked for. */
const GRADE_ROWS_BELOW = 15;

/** The shared column roles of the layout (the item and weight columns are the family's own). */
function sharedColumns(l: DataItemLayout): ColumnMap {
  const c = l.columns;
  const out: ColumnMap = {};
  const put = (role: keyof ColumnMap, col: number | undefined) => {
    if (col !== undefined) out[role] = col;
  };
  put("level1", c.level1);
  put("level2", c.level2);
  put("name", c.name);
  put("unit", c.unit);
  put("target", c.target);
  put("actual", c.value);
  put("points", c.points);
  put("score", c.score);
  put("reason", c.reason);
  return out;
}

function tableLayout(l: DataItemLayout): TableLayout {
  return { headerIndex: l.headerIndex, columns: sharedColumns(l), ownColumn: l.ownColumn, lastColumn: l.lastColumn };
}

/** The user's corrections: a forced header row must be this family's, forced columns replace the shared roles. */
function withOptions(l: DataItemLayout, options: RecogniseOptions): DataItemLayout | null {
  if (options.headerIndex !== undefined && options.headerIndex !== l.headerIndex && options.headerIndex !== l.headerTop) return null;
  if (!options.columns) return l;
  const columns = { ...l.columns };
  const o = options.columns;
  if (o.level1 !== undefined) columns.level1 = o.level1;
  if (o.level2 !== undefined) columns.level2 = o.level2;
  if (o.name !== undefined) columns.name = o.name;
  if (o.unit !== undefined) columns.unit = o.unit;
  if (o.target !== undefined) columns.target = o.target;
  if (o.actual !== undefined) columns.value = o.actual;
  if (o.points !== undefined) columns.points = o.points;
  if (o.score !== undefined) columns.score = o.score;
  if (o.reason !== undefined) columns.reason = o.reason;
  return { ...l, columns };
}

function pointsOf(read: DataItemRead, index: number): number | null {
  const p = read.rows[index]?.input.points;
  if (!p) return null;
  const q = parseQuantity(p.value, p.format);
  return q.ok ? q.q.value : null;
}

/**
 * Weighted levels (docs/form-families.md): every level-1 block carries a weight (权重), the points
 * of its rows add up to 100, and the weights are not just those sums.
 */
function weightedBlocks(read: DataItemRead): WeightedBlock[] | null {
  const top = read.levels.filter((l) => l.depth === 1 && l.rows.length > 0);
  if (top.length === 0) return null;
  let differs = false;
  for (const l of top) {
    if (l.points === null || l.points <= 0 || l.pointsCell === null) return null;
    const sum = new ExactSum();
    for (const i of l.rows) {
      const p = pointsOf(read, i);
      if (p === null) return null;
      sum.add(p);
    }
    if (Math.abs(sum.value() - 100) > 1e-9) return null;
    if (Math.abs(l.points - 100) > 1e-9) differs = true;
  }
  if (!differs) return null;
  return top.map((l) => ({ name: l.name, cell: l.pointsCell as string, weight: l.points as number, rows: l.rows.map((i) => read.rows[i].input.row) }));
}

export const dataItemsFamily = {
  id: "data-items",
  kinds: DATA_ITEM_KINDS,
  recognise(grid: Grid, options: RecogniseOptions): Recognition | null {
    const rec = recogniseDataItems(grid);
    if (!rec) return null;
    const layout = withOptions(rec.layout, options);
    if (!layout) return null;
    return { confidence: rec.confidence, layout: tableLayout(layout), detail: layout };
  },
  read(grid, recognition, context) {
    const layout = recognition.detail as DataItemLayout;
    const read = readDataItems(grid, layout);
    if (read.rows.length === 0) return { ok: false, reason: CORE_TEXT.noIndicatorRows };
    const rows = read.rows.map((r) => prepareDataItemRow(r).input);
    const weighted = weightedBlocks(read);
    // a weight is not its block's points: weighted level-1 blocks are reported as weighted, not as levels
    const levels: LevelInput[] = [];
    for (const l of read.levels) {
      if (l.points === null || (weighted && l.depth === 1)) continue;
      levels.push({ name: l.name, cell: l.pointsCell ?? l.cell, points: l.points, depth: l.depth, rows: l.rows.map((i) => read.rows[i].input.row) });
    }
    const firstRow = grid.firstRow ?? 1;
    const above = Array.from({ length: layout.headerTop }, (_, i) => i);
    const lastIndex = read.lastRow - firstRow;
    const below: number[] = read.totalRows.map((t) => t.row - firstRow);
    for (let r = lastIndex + 1; r < Math.min(grid.values.length, lastIndex + 1 + GRADE_ROWS_BELOW); r++) below.push(r);
    const info = readFormInfo(grid, layout.headerTop, false);
    const out: FormRead = {
      family: "data-items",
      form: { ...info, kind: "data-items" },
      layout: tableLayout(layout),
      blocks: [{ title: null, cell: null, points: null, headerIndex: layout.headerIndex, rows }],
      totalRows: read.totalRows,
      sectionRows: read.repeatedHeaders,
      lastRow: read.lastRow,
      budget: null,
      statedGrade: findStatedGrade(grid, [...below, ...above], context.preset),
      levels,
      weighted,
      messages: [],
    };
    return out;
  },
} satisfies FormFamily;
