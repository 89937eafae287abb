/**
 * The --json documents' shapes, in one place: inside, every text in two languages is one Bilingual
 * (src/core/basics/text.ts); the JSON users and scripts read keeps its flat fields — a message's `text` and
 * `en`, a finding's `message` and `en`, a summary's `grade`, `gradeEn`, `gradeText` and `gradeTextEn`,
 * a review's `firstProblems` and `firstProblemsEn`, a skipped file's `reason` and `en`, a comparison's and its
 * chart's `title` and `titleEn`.
 */
import { z } from "zod";
import type { Finding } from "../core/audit/finding";
import type { ChartSpec } from "../core/compare";
import { ReviewProblemSchema, type ReviewReport, ReviewRowSchema, ReviewSkipSchema } from "../core/review";
import type { Message } from "../core/basics/messages";
import { MessageSchema, RowResultSchema, type Summary, SummarySchema, type ValidateResult, ValidateResultSchema } from "../core/indicators/results";
import type { Bilingual } from "../core/basics/text";

/** The object with one Bilingual field flat: its Chinese under `key` and its English under `enKey` where the one field was, the other fields in their order. */
function flatText(o: object, key: string, enKey: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(o)) {
    if (k === key) {
      out[k] = (value as Bilingual).zh;
      out[enKey] = (value as Bilingual).en;
    } else out[k] = value;
  }
  return out;
}

/** A message of the engine or a plan with its text flat: `text` (Chinese) and `en` where the one `text` was, the fields in their order. */
export function messageJson<M extends { text: Bilingual }>(m: M): Omit<M, "text"> & { text: string; en: string } {
  return flatText(m, "text", "en") as Omit<M, "text"> & { text: string; en: string };
}

/** A comparison sheet's chart (`jixiao compare --json`) with its title flat: `title` (Chinese) and `titleEn`. */
export function chartJson(c: ChartSpec): Omit<ChartSpec, "title"> & { title: string; titleEn: string } {
  return flatText(c, "title", "titleEn") as Omit<ChartSpec, "title"> & { title: string; titleEn: string };
}

const messagesJson = (messages: Message[]) => messages.map(messageJson);

const MessageJsonSchema = MessageSchema.omit({ text: true }).extend({ text: z.string(), en: z.string() });

/** The result of `jixiao validate --json` (docs/standard-forms.md): the core's result with its texts flat. */
export const ValidateResultJsonSchema = ValidateResultSchema.extend({
  rows: z.array(RowResultSchema.extend({ messages: z.array(MessageJsonSchema) })),
  summary: SummarySchema.omit({ gradeText: true }).extend({
    gradeEn: z.string().nullable(),
    gradeText: z.string().nullable(),
    gradeTextEn: z.string().nullable(),
    messages: z.array(MessageJsonSchema),
  }),
});
export type ValidateResultJson = z.infer<typeof ValidateResultJsonSchema>;

/** The summary with its grade and messages flat, the fields in their order. */
function summaryJson(s: Summary): ValidateResultJson["summary"] {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === "grade") {
      out.grade = s.grade;
      out.gradeEn = s.grade !== null && s.gradeText !== null ? s.gradeText.en : null;
    } else if (key === "gradeText") {
      out.gradeText = s.gradeText ? s.gradeText.zh : null;
      out.gradeTextEn = s.gradeText ? s.gradeText.en : null;
    } else if (key === "messages") out.messages = messagesJson(s.messages);
    else out[key] = value;
  }
  return out as ValidateResultJson["summary"];
}

/** `jixiao validate --json`: the result with its messages and grade flat. */
export function validateJson(r: ValidateResult): ValidateResultJson {
  return { ...r, rows: r.rows.map((row) => ({ ...row, messages: messagesJson(row.messages) })), summary: summaryJson(r.summary) };
}

/** A finding of `jixiao audit --json`. */
export function findingJson(f: Finding) {
  return { sheet: f.sheet, cell: f.cell, check: f.check, severity: f.severity, expected: f.expected, actual: f.actual, message: f.message.zh, en: f.message.en };
}

/** The report of `jixiao review --json` (docs/review.md): the core's report with its texts flat. */
export const ReviewReportJsonSchema = z.object({
  rows: z.array(ReviewRowSchema.omit({ firstProblems: true }).extend({ firstProblems: z.string(), firstProblemsEn: z.string() })),
  problems: z.array(ReviewProblemSchema.omit({ message: true }).extend({ message: z.string(), en: z.string() })),
  skipped: z.array(ReviewSkipSchema.omit({ reason: true }).extend({ reason: z.string(), en: z.string() })),
});
export type ReviewReportJson = z.infer<typeof ReviewReportJsonSchema>;

/** `jixiao review --json`: rows, problems and skipped files with their texts flat. */
export function reviewJson(report: ReviewReport): ReviewReportJson {
  return {
    rows: report.rows.map(({ firstProblems, ...row }) => ({ ...row, firstProblems: firstProblems.zh, firstProblemsEn: firstProblems.en })),
    problems: report.problems.map(({ message, ...p }) => ({ ...p, message: message.zh, en: message.en })),
    skipped: report.skipped.map(({ reason, ...s }) => ({ ...s, reason: reason.zh, en: reason.en })),
  };
}
