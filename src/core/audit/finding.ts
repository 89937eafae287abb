/** What a statement audit reports (docs/rules.md §7), declared once as zod schemas. */
import { z } from "zod";
import { BilingualSchema } from "../basics/text";

export const CHECKS = ["sum", "share", "growth", "direction", "magnitude", "duplicate", "score"] as const;
export const CheckSchema = z.enum(CHECKS);
export type Check = z.infer<typeof CheckSchema>;

export const FindingSchema = z.object({
  sheet: z.string(),
  /** the cell holding the figure that disagrees (A1) */
  cell: z.string(),
  check: CheckSchema,
  severity: z.enum(["error", "warning"]),
  /** what the arithmetic gives, as text with its unit */
  expected: z.string(),
  /** what is written */
  actual: z.string(),
  /** what disagrees, with the arithmetic */
  message: BilingualSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

/** A check that ran and agreed within the written precision: the audit's evidence of a non-finding. */
export const PassedSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  check: CheckSchema,
  expected: z.string(),
  actual: z.string(),
});
export type Passed = z.infer<typeof PassedSchema>;

export const RATIO_KINDS = ["share", "growth", "execution_budget", "execution_adjusted"] as const;
export const RatioKindSchema = z.enum(RATIO_KINDS);
export type RatioKind = z.infer<typeof RatioKindSchema>;

/** A ratio the engine computed for a table row; the plan writes it as a live formula in `cell`. */
export const RatioSchema = z.object({
  /** the 核对· cell the ratio is written to (on the plan's sheet) */
  cell: z.string(),
  /** the source row */
  row: z.number().int().positive(),
  kind: RatioKindSchema,
  /** the ratio as a fraction (0.2593 for 25.93%), null when it cannot be computed */
  value: z.number().nullable(),
  /** the formula written, without "=" (null when a value is written instead) */
  formula: z.string().nullable(),
});
export type Ratio = z.infer<typeof RatioSchema>;

export const StatementTableSchema = z.object({
  headerRow: z.number().int().positive(),
  firstRow: z.number().int().positive(),
  lastRow: z.number().int().positive(),
  labelColumn: z.string(),
  /** column letter per value role (current, prior, budget, adjusted, share, growth, change, rate) */
  columns: z.record(z.string(), z.string()),
  /** the unit of a title line (单位：万元) over the table */
  unit: z.string().nullable(),
  /** column letter of the table's unit column (单位 / 计量单位 / 金额单位), when it has one */
  unitColumn: z.string().optional(),
});
export type StatementTable = z.infer<typeof StatementTableSchema>;

export const AuditResultSchema = z.object({
  sheet: z.string(),
  tables: z.array(StatementTableSchema),
  /** cells read as sentences with figures */
  textCells: z.array(z.string()),
  figureCount: z.number().int().nonnegative(),
  findings: z.array(FindingSchema),
  passed: z.array(PassedSchema),
  ratios: z.array(RatioSchema),
  messages: z.array(z.object({ code: z.string(), text: BilingualSchema })),
});
export type AuditResult = z.infer<typeof AuditResultSchema>;
