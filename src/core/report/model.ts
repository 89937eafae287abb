/**
 * The drafted self-evaluation report (自评报告, docs/report.md), declared once as zod schemas: the
 * model `jixiao report --json` prints, the .docx and the add-in's 自评报告 sheet are drawn from.
 *
 * A paragraph is a list of segments, so what each piece of text is stays known after it is
 * written: fixed words of a sentence pattern (never a digit), a checked figure with the cell it
 * came from, text quoted from a cell, a placeholder the officer must fill, or the report's own
 * bookkeeping (how many placeholders are left).
 */
import { z } from "zod";

export const FigureSchema = z.object({
  /** the figure's value as checked: a score, an amount, a rate as a fraction (0.996), a count */
  value: z.number(),
  /** as the paragraph prints it: "97.96", "99.60%", "398,139.03" */
  text: z.string(),
  /** decimals shown, and whether the text shows value × 100 with a % sign */
  decimals: z.number().int().nonnegative(),
  percent: z.boolean(),
  /** the unit printed after the figure (分, 万元, 项), or null */
  unit: z.string().nullable(),
  /**
   * where the figure comes from: an A1 cell or range of the checked sheet ("H20", "B8:B20"), a
   * seed report's citation for a peer's figure, or null for a figure Jixiao computed from cells
   * named in `from`
   */
  cell: z.string().nullable(),
  /** the cells a computed figure was computed from (a rate from its budget and executed cells) */
  from: z.array(z.string()).optional(),
  /** whether the figure was read from the cell as written, or computed by the check */
  origin: z.enum(["stated", "computed", "peer"]),
  /** what the figure is, e.g. "rows[3].score", "summary.totalScore", "budget.rate": its path in the validate result */
  ref: z.string(),
});
export type Figure = z.infer<typeof FigureSchema>;

export const SegmentSchema = z.discriminatedUnion("kind", [
  /** words of a fixed sentence pattern (phrases.ts); they hold no digit */
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("figure"), figure: FigureSchema }),
  /** text as written in a cell of the form (an indicator's name, its target, a stated reason) */
  z.object({ kind: z.literal("quote"), text: z.string(), cell: z.string().nullable() }),
  /** what only the officer can write: shown as 【请填写：prompt】 */
  z.object({ kind: z.literal("placeholder"), id: z.number().int().positive(), prompt: z.string() }),
  /** the report's own bookkeeping: the placeholder count and the list numbers at the end */
  z.object({ kind: z.literal("meta"), text: z.string() }),
]);
export type Segment = z.infer<typeof SegmentSchema>;

export const ParagraphSchema = z.object({
  /** body: a paragraph of prose; note: a remark the officer should read (provisional totals, unchecked rows) */
  style: z.enum(["body", "note"]),
  segments: z.array(SegmentSchema),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const TableRowSchema = z.object({
  /** the sheet row of the indicator */
  row: z.number().int().positive(),
  level1: z.string(),
  name: z.string(),
  target: z.string(),
  actual: z.string(),
  /** the check's verdict in words (达标, 未达标, 无法核对 …) */
  verdict: z.string(),
  points: FigureSchema.nullable(),
  /** the score that counts; null with 待定 shown when the row could not be checked */
  score: FigureSchema.nullable(),
  scoreText: z.string(),
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const IndicatorTableSchema = z.object({
  caption: z.string(),
  header: z.array(z.string()),
  rows: z.array(TableRowSchema),
});
export type IndicatorTable = z.infer<typeof IndicatorTableSchema>;

export interface Section {
  /** 1: 一、基本情况; 2: （一）…; 3: a group inside it (产出指标) */
  level: 1 | 2 | 3;
  heading: string;
  paragraphs: Paragraph[];
  /** the indicator table, in the section that shows it */
  table?: IndicatorTable;
  sections: Section[];
}
export const SectionSchema: z.ZodType<Section> = z.lazy(() =>
  z.object({
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    heading: z.string(),
    paragraphs: z.array(ParagraphSchema),
    table: IndicatorTableSchema.optional(),
    sections: z.array(SectionSchema),
  }),
);

export const PlaceholderSchema = z.object({
  id: z.number().int().positive(),
  prompt: z.string(),
  /** the heading of the section it sits in */
  section: z.string(),
});
export type Placeholder = z.infer<typeof PlaceholderSchema>;

export const ReportSchema = z.object({
  title: z.string(),
  /** the checked sheet */
  sheet: z.string(),
  /** the form family (result.form.kind) the wording was chosen for */
  formKind: z.string(),
  year: z.number().int().nullable(),
  /** every figure is final (no row left unchecked) */
  final: z.boolean(),
  /** the grade as the report states it: 优/良/中/差, or 待定 / 不评等级 when withheld */
  grade: z.string(),
  sections: z.array(SectionSchema),
  /** every placeholder, in order: what the officer still has to write */
  placeholders: z.array(PlaceholderSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/** The text a segment prints. */
export function segmentText(s: Segment): string {
  switch (s.kind) {
    case "figure":
      return s.figure.text + (s.figure.unit ?? "");
    case "placeholder":
      return `【请填写：${s.prompt}】`;
    default:
      return s.text;
  }
}

export function paragraphText(p: Paragraph): string {
  return p.segments.map(segmentText).join("");
}

/** Every section, depth first. */
export function allSections(sections: readonly Section[]): Section[] {
  return sections.flatMap((s) => [s, ...allSections(s.sections)]);
}

/** Every figure of the report's paragraphs and table, in order. */
export function allFigures(report: Report): Figure[] {
  const out: Figure[] = [];
  for (const s of allSections(report.sections)) {
    for (const p of s.paragraphs) for (const seg of p.segments) if (seg.kind === "figure") out.push(seg.figure);
    for (const r of s.table?.rows ?? []) {
      if (r.points) out.push(r.points);
      if (r.score) out.push(r.score);
    }
  }
  return out;
}
