/** Result types of a validate run, declared once as zod schemas (the CLI's --json shape). */
import { z } from "zod";
import { BudgetSchema } from "../forms/budget-block";
import { FormSchema } from "../forms/registry";
import { Bilingual, BilingualSchema } from "../basics/text";

export const STATUSES = ["met", "not_met", "qualitative", "not_applicable", "invalid"] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const STATUS_LABELS: Record<Status, Bilingual> = {
  met: { zh: "达标", en: "Met" },
  not_met: { zh: "未达标", en: "Not met" },
  qualitative: { zh: "定性", en: "Qualitative" },
  not_applicable: { zh: "不适用", en: "N/A" },
  invalid: { zh: "无法核对", en: "Invalid" },
};

export const MessageSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  text: BilingualSchema,
  cell: z.string().optional(),
});

export const OpSchema = z.enum(["ge", "le", "eq", "gt", "lt", "between", "approx", "qualitative", "none", "invalid"]);

export const RowResultSchema = z.object({
  row: z.number().int().positive(),
  name: z.string(),
  level1: z.string(),
  level2: z.string(),
  target: z.object({
    text: z.string(),
    op: OpSchema,
    value: z.number().nullable(),
    value2: z.number().nullable(),
    unit: z.string().nullable(),
    implicit: z.boolean(),
  }),
  actual: z.object({
    text: z.string(),
    value: z.number().nullable(),
    unit: z.string().nullable(),
    bound: z.enum(["ge", "le", "gt", "lt", "approx", "between"]).nullable(),
    band: z.enum(["achieved", "partial", "not_achieved"]).nullable(),
  }),
  status: StatusSchema,
  /** B/A for at-least rows; the scoring ratio for at-most and range rows */
  completion: z.number().nullable(),
  /** actual − target, in the target's unit */
  deviation: z.number().nullable(),
  overAchieved: z.boolean(),
  points: z.number().nullable(),
  statedScore: z.number().nullable(),
  computedScore: z.number().nullable(),
  /** the row's score: computed for quantitative rows, stated otherwise; an invalid row's stated score is not counted (docs/standard-forms.md, honest totals) */
  score: z.number().nullable(),
  /** the 评分标准 / 评价标准 text of a scoring-sheet row (docs/form-families.md) */
  criteria: z.string().optional(),
  /** the value is a ratio of collected data items: the live formula and the cells it uses */
  computed: z
    .object({
      formula: z.string(),
      items: z.array(z.string()),
      value: z.number().nullable(),
      unit: z.string().nullable(),
    })
    .optional(),
  /** a scoring-sheet row: a stated score against its points, no target or actual to compare */
  scoreOnly: z.boolean().optional(),
  /** a 其中 breakdown row under a core (★) row: checked, never scored */
  breakdown: z.boolean().optional(),
  /** the row's block (index into summary.blocks) when the form has several */
  block: z.number().int().nonnegative().optional(),
  messages: z.array(MessageSchema),
});
export type RowResult = z.infer<typeof RowResultSchema>;

export const LevelResultSchema = z.object({
  name: z.string(),
  /** the cell that states the points */
  cell: z.string(),
  /** the points stated */
  points: z.number(),
  /** the sum of its rows' (or child levels') points */
  childPoints: z.number().nullable(),
  /** the sum of its rows' scores; null when a row is unchecked */
  score: z.number().nullable(),
});
export type LevelResult = z.infer<typeof LevelResultSchema>;

export const WeightedSchema = z.object({
  /** Σ weight × block score ÷ block points, to 2 decimals */
  total: z.number().nullable(),
  blocks: z.array(
    z.object({
      name: z.string(),
      cell: z.string(),
      weight: z.number(),
      points: z.number().nullable(),
      score: z.number().nullable(),
    }),
  ),
});
export type Weighted = z.infer<typeof WeightedSchema>;

export const BlockResultSchema = z.object({
  title: z.string().nullable(),
  cell: z.string().nullable(),
  /** the points the block states, or null */
  points: z.number().nullable(),
  /** the sum of its rows' scores */
  score: z.number().nullable(),
  rowCount: z.number().int().nonnegative(),
});
export type BlockResult = z.infer<typeof BlockResultSchema>;

export const SummarySchema = z.object({
  counts: z.record(StatusSchema, z.number().int().nonnegative()),
  rowCount: z.number().int().nonnegative(),
  pointsTotal: z.number().nullable(),
  rawScore: z.number().nullable(),
  totalScore: z.number().nullable(),
  statedTotal: z.number().nullable(),
  /** the preset's grade (its Chinese word, 优); null when the total is not final (rows undetermined): the grade is withheld */
  grade: z.string().nullable(),
  /** the grade as shown: the grade's name, 待定 / pending when the total is provisional, 不评等级 / not graded */
  gradeText: BilingualSchema.nullable(),
  /** the budget-execution line of a national form (its score is part of totalScore), or null */
  budget: BudgetSchema.nullable(),
  /** every scored row (and the budget line) was checked */
  final: z.boolean(),
  /** scored rows that could not be checked, and their points */
  undetermined: z.object({ rows: z.number().int().nonnegative(), points: z.number() }),
  /** [min, max] the total could take, only when not final */
  range: z.tuple([z.number(), z.number()]).optional(),
  /**
   * the points the total is scored against: the preset's total, or the points present when the
   * table's points add up to something else (a 50-point table scores 48.5 / 50); null without points
   */
  outOf: z.number().nullable().optional(),
  /** why there is no grade: rows unchecked (provisional), or points that are not the preset's total (docs/task-pane.md) */
  gradeWithheld: z.enum(["provisional", "points_total"]).nullable().optional(),
  /** the 自评等级 written on the form (a grade of the preset), or null */
  statedGrade: z.string().nullable(),
  presetId: z.string(),
  /** every level that states its points (产出指标（50分）): the points stated, its rows' sum, its score */
  levels: z.array(LevelResultSchema).optional(),
  /** the weighted total, when the form weights its level-1 blocks (total = Σ weight × score ÷ points) */
  weighted: WeightedSchema.nullable().optional(),
  /** the form's blocks of rows when it has several (goal-block forms), each with its stated points */
  blocks: z.array(BlockResultSchema).optional(),
  messages: z.array(MessageSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ValidateResultSchema = z.object({
  sheet: z.string(),
  /** which national form the sheet is, and its info block */
  form: FormSchema,
  headerRow: z.number().int().positive(),
  columns: z.record(z.string(), z.string()),
  rows: z.array(RowResultSchema),
  summary: SummarySchema,
});
export type ValidateResult = z.infer<typeof ValidateResultSchema>;
