/**
 * The sheet plan: everything a new comparison worksheet holds (docs/rules.md §8), decided by core and
 * executed by the adapters (src/cli/write-sheet-xlsx.ts with exceljs, src/excel with office.js).
 * Cells follow the write-plan rule: a string is always text, a formula is `{ formula }`.
 */
import { z } from "zod";
import { BilingualSchema } from "../basics/text";
import { PlanCellSchema } from "../basics/write-plan";
import { FigureIdSchema, TEMPLATE_IDS } from "../seeds/seed-schema";

/** A clustered column chart: categories are the chart rows' labels, one series per department column. */
export const ChartSpecSchema = z.object({
  /** Excel.ChartType.columnClustered */
  type: z.literal("ColumnClustered"),
  /** the chart's title; Excel shows the Chinese */
  title: BilingualSchema,
  /** Excel.ChartSeriesBy.columns: each department column is one series */
  seriesBy: z.literal("Columns"),
  /** the row labels of the chart rows, e.g. A6:A7 (contiguous) */
  categories: z.string(),
  series: z.array(
    z.object({
      /** the department header, also in `nameCell` */
      name: z.string(),
      nameCell: z.string(),
      /** that department's cells in the chart rows, e.g. C6:C7 */
      values: z.string(),
    }),
  ),
  /** number format of the value axis */
  valueFormat: z.string(),
  /** where the chart sits: top-left and bottom-right cells */
  anchor: z.object({ topLeft: z.string(), bottomRight: z.string() }),
});
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

export const SheetStyleSchema = z.object({
  range: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  fontSize: z.number().positive().optional(),
  /** #RRGGBB */
  fontColor: z.string().optional(),
  fill: z.string().optional(),
  horizontalAlignment: z.enum(["left", "center", "right"]).optional(),
  wrapText: z.boolean().optional(),
});
export type SheetStyle = z.infer<typeof SheetStyleSchema>;

export const SheetMessageSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  text: BilingualSchema,
  cell: z.string().optional(),
});
export type SheetMessage = z.infer<typeof SheetMessageSchema>;

export const SheetPlanSchema = z.object({
  kind: z.literal("comparison_sheet"),
  template: z.enum(TEMPLATE_IDS),
  /** the new worksheet's name (the template's Chinese title + 对比); an existing sheet of that name is replaced */
  sheet: z.string().min(1).max(31),
  /** the template's title */
  title: BilingualSchema,
  /** every cell of the sheet from A1, rows of equal width; null = leave empty */
  cells: z.array(z.array(PlanCellSchema)),
  /** number format of every cell, the same shape as `cells` ("General" where none) */
  numberFormats: z.array(z.array(z.string())),
  /** the header row of the table: 1-based row and its range */
  header: z.object({ row: z.number().int().positive(), range: z.string() }),
  /** an Excel table over header + rows; its header cells are `cells` of the header row */
  table: z.object({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
    range: z.string(),
    /** built-in table style, e.g. TableStyleMedium2 */
    style: z.string(),
    showRowStripes: z.boolean(),
    showFilterButton: z.boolean(),
  }),
  /** a header style for hosts that cannot make a table */
  headerStyle: z.object({ fill: z.string(), fontColor: z.string(), bold: z.literal(true) }),
  styles: z.array(SheetStyleSchema),
  /** character widths of columns A, B, … */
  columnWidths: z.array(z.number().positive()),
  /** freeze rows above and columns left of this cell */
  freeze: z.object({ rows: z.number().int().nonnegative(), columns: z.number().int().nonnegative() }),
  /** cell notes: the source of every figure, the reason for every — */
  notes: z.array(z.object({ cell: z.string(), text: z.string() })),
  chart: ChartSpecSchema.nullable(),
  /** where each template row sits */
  rows: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["figure", "formula"]),
      row: z.number().int().positive(),
      label: z.string(),
      figure: FigureIdSchema.optional(),
      stated: z.boolean().optional(),
      numberFormat: z.string(),
    }),
  ),
  /** where each department sits */
  columns: z.array(
    z.object({ departmentId: z.string(), header: z.string(), col: z.number().int().positive(), letter: z.string(), own: z.boolean() }),
  ),
  /** everything the plan writes: the whole sheet */
  owned: z.string(),
  messages: z.array(SheetMessageSchema),
});
export type SheetPlan = z.infer<typeof SheetPlanSchema>;
