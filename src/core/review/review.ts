/**
 * The reviewer's job (docs/review.md): every sheet of a workbook that holds an indicator table or
 * a statement, checked and summarised as one row, and every finding listed. One rule for the CLI
 * (`jixiao review`) and the add-in (核对全部工作表): which sheets count, how a result becomes a
 * row, which problems come first, and how rows and problems are sorted.
 */
import { z } from "zod";
import { auditGrid } from "../audit";
import { AuditResult } from "../audit/finding";
import { Grid, cellText, isBlank } from "../basics/grid";
import { CORE_TEXT } from "../basics/messages";

export { SEVERITY_LABELS } from "../basics/messages";
import { Settings } from "../indicators/presets";
import { STATUSES, StatusSchema, ValidateResult } from "../indicators/results";
import { Bilingual, BilingualSchema } from "../basics/text";
import { OWN_HEADER_PREFIX } from "../forms/table-finder";
import { FORM_KIND_IDS, FORM_KIND_LABELS, FormKind } from "../forms/registry";
import { validateGrid } from "../indicators/validate";
import { RESULT_SHEET, WritePlan } from "../basics/write-plan";

/** Every form kind the registry's families declare (docs/form-families.md), then the statement. */
export const REVIEW_KINDS = [...FORM_KIND_IDS, "statement"] as [FormKind | "statement", ...(FormKind | "statement")[]];
export const ReviewKindSchema = z.enum(REVIEW_KINDS);
export type ReviewKind = z.infer<typeof ReviewKindSchema>;

export const KIND_LABELS: Record<ReviewKind, Bilingual> = {
  ...FORM_KIND_LABELS,
  statement: { zh: "收支报表", en: "Statement" },
};

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type ReviewSeverity = z.infer<typeof SeveritySchema>;

/** One finding of a reviewed sheet. */
export const ReviewProblemSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  /** the cell the finding is about (A1 on that sheet), or null for the whole table */
  cell: z.string().nullable(),
  /** the check: a validate message code, or an audit check (sum, share, growth …) */
  check: z.string(),
  severity: SeveritySchema,
  message: BilingualSchema,
});
export type ReviewProblem = z.infer<typeof ReviewProblemSchema>;

/** One reviewed table: a row of the 汇总 sheet. */
export const ReviewRowSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  /** the sheet's place in its workbook's tab order (0-based): the sort order within a file */
  sheetIndex: z.number().int().nonnegative(),
  kind: ReviewKindSchema,
  project: z.string().nullable(),
  department: z.string().nullable(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  /** indicator rows checked; for a statement, the rows of its tables and its cells of text */
  rowsChecked: z.number().int().nonnegative(),
  /** counts by status (indicator tables only; all zero for a statement) */
  counts: z.record(StatusSchema, z.number().int().nonnegative()),
  budgetRate: z.number().nullable(),
  budgetScore: z.number().nullable(),
  computedTotal: z.number().nullable(),
  statedTotal: z.number().nullable(),
  computedGrade: z.string().nullable(),
  statedGrade: z.string().nullable(),
  /** true: the total is final; false: provisional (rows not checked); null: no total (a statement) */
  final: z.boolean().nullable(),
  problems: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  /** the first problems in words (errors first, then warnings) */
  firstProblems: BilingualSchema,
});
export type ReviewRow = z.infer<typeof ReviewRowSchema>;

/** A workbook, or a file, that gave no row: why. */
export const ReviewSkipSchema = z.object({
  file: z.string(),
  /** unreadable: not an xlsx, corrupt, protected …; empty: read, but no table or statement in it */
  kind: z.enum(["unreadable", "empty"]),
  reason: BilingualSchema,
});
export type ReviewSkip = z.infer<typeof ReviewSkipSchema>;

export const ReviewReportSchema = z.object({
  rows: z.array(ReviewRowSchema),
  problems: z.array(ReviewProblemSchema),
  skipped: z.array(ReviewSkipSchema),
});
export type ReviewReport = z.infer<typeof ReviewReportSchema>;

/** How many problems the 汇总 row spells out. */
export const FIRST_PROBLEMS = 3;

const SEVERITY_RANK: Record<ReviewSeverity, number> = { error: 0, warning: 1, info: 2 };

/** One sheet checked: its row, its problems, and the write plans that put results on it. */
export interface SheetReview {
  row: ReviewRow;
  problems: ReviewProblem[];
  plans: WritePlan[];
  validate?: ValidateResult;
  audit?: AuditResult;
}

/**
 * A sheet this tool wrote on an earlier run (核对·… findings lists, 核对结果 when its header is
 * ours, 核对汇总 / 复核汇总 summaries): never reviewed as a submission.
 */
export function isOwnSheet(grid: Grid): boolean {
  const name = grid.sheet;
  const first = cellText(grid.values[0]?.[0]);
  if (name.startsWith(OWN_HEADER_PREFIX)) return true;
  if ((name.startsWith(RESULT_SHEET) || name.startsWith(SUMMARY_SHEET_ADDIN)) && first.startsWith(OWN_HEADER_PREFIX)) return true;
  // the add-in's 核对汇总 starts at its header (文件, 工作表, …)
  if (name.startsWith(SUMMARY_SHEET_ADDIN) && first === "文件" && cellText(grid.values[0]?.[1]) === "工作表") return true;
  return REVIEW_TITLES.some((t) => first.startsWith(t));
}

/** The sheet name of the add-in's summary. */
export const SUMMARY_SHEET_ADDIN = "核对汇总";
/** A1 of every summary sheet this tool writes (how a rerun knows its own sheet). */
export const SUMMARY_TITLE = "核对·复核汇总";
export const PROBLEMS_TITLE = "核对·问题清单";
export const NOT_READ_TITLE = "核对·未能读取";
/** A1 of the three sheets of a summary workbook: a sheet starting with one is this tool's. */
/** The same titles in an English summary workbook (`jixiao review --lang en`: one language per workbook). */
export const SUMMARY_TITLE_EN = "Jixiao·Review summary";
export const PROBLEMS_TITLE_EN = "Jixiao·Problems";
export const NOT_READ_TITLE_EN = "Jixiao·Not read";
export const REVIEW_TITLES = [SUMMARY_TITLE, PROBLEMS_TITLE, NOT_READ_TITLE, SUMMARY_TITLE_EN, PROBLEMS_TITLE_EN, NOT_READ_TITLE_EN];

function emptyCounts(): Record<(typeof STATUSES)[number], number> {
  return { met: 0, not_met: 0, qualitative: 0, not_applicable: 0, invalid: 0 };
}

/** Errors first, then warnings, then notes; within one severity, in reading order (row, then column). */
export function compareProblems(a: ReviewProblem, b: ReviewProblem): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || cellOrder(a.cell) - cellOrder(b.cell) || (a.check < b.check ? -1 : a.check > b.check ? 1 : 0);
}

function cellOrder(cell: string | null): number {
  if (!cell) return Number.MAX_SAFE_INTEGER;
  const m = /^([A-Z]+)(\d+)$/.exec(cell.replace(/\$/g, ""));
  if (!m) return Number.MAX_SAFE_INTEGER;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20000 + col;
}

function summariseProblems(problems: ReviewProblem[]): Pick<ReviewRow, "problems" | "firstProblems"> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity]++;
  const first = problems.filter((p) => p.severity !== "info").slice(0, FIRST_PROBLEMS);
  const where = (p: ReviewProblem) => (p.cell ? `${p.cell} ` : "");
  return {
    problems: counts,
    firstProblems: {
      zh: first.map((p) => `${where(p)}${p.message.zh}`).join("；"),
      en: first.map((p) => `${where(p)}${p.message.en}`).join("; "),
    },
  };
}

function fromValidate(file: string, sheetIndex: number, r: ValidateResult): { row: ReviewRow; problems: ReviewProblem[] } {
  const problems: ReviewProblem[] = [];
  for (const row of r.rows) {
    for (const m of row.messages) problems.push({ file, sheet: r.sheet, cell: m.cell ?? null, check: m.code, severity: m.severity, message: m.text });
  }
  for (const m of r.summary.messages) problems.push({ file, sheet: r.sheet, cell: m.cell ?? null, check: m.code, severity: m.severity, message: m.text });
  problems.sort(compareProblems);
  const s = r.summary;
  const counts = emptyCounts();
  for (const st of STATUSES) counts[st] = s.counts[st] ?? 0;
  const row: ReviewRow = {
    file,
    sheet: r.sheet,
    sheetIndex,
    kind: r.form.kind,
    project: r.form.project,
    department: r.form.department,
    // 实施单位, else the unit that filled in the form (单位名称 / 填报单位)
    unit: r.form.unit ?? r.form.reportingUnit ?? null,
    year: r.form.year,
    rowsChecked: s.rowCount,
    counts,
    budgetRate: s.budget?.rate ?? null,
    budgetScore: s.budget?.score ?? null,
    computedTotal: s.totalScore,
    statedTotal: s.statedTotal,
    computedGrade: s.grade,
    statedGrade: s.statedGrade,
    final: s.totalScore === null ? null : s.final,
    ...summariseProblems(problems),
  };
  return { row, problems };
}

function fromAudit(file: string, sheetIndex: number, r: AuditResult): { row: ReviewRow; problems: ReviewProblem[] } {
  const problems: ReviewProblem[] = r.findings.map((f) => ({ file, sheet: r.sheet, cell: f.cell, check: f.check, severity: f.severity, message: f.message }));
  for (const m of r.messages) problems.push({ file, sheet: r.sheet, cell: null, check: m.code, severity: "info", message: m.text });
  problems.sort(compareProblems);
  const row: ReviewRow = {
    file,
    sheet: r.sheet,
    sheetIndex,
    kind: "statement",
    project: null,
    department: null,
    unit: null,
    year: null,
    rowsChecked: r.tables.reduce((n, t) => n + (t.lastRow - t.firstRow + 1), 0) + r.textCells.length,
    counts: emptyCounts(),
    budgetRate: null,
    budgetScore: null,
    computedTotal: null,
    statedTotal: null,
    computedGrade: null,
    statedGrade: null,
    final: null,
    ...summariseProblems(problems),
  };
  return { row, problems };
}

/**
 * Check one sheet: an indicator table first (the national forms and plain tables), else a
 * statement; null when the sheet holds neither, or is one this tool wrote.
 */
export function reviewSheet(file: string, sheetIndex: number, grid: Grid, settings: Partial<Settings> = {}): SheetReview | null {
  const o = reviewSheetOutcome(file, sheetIndex, grid, settings);
  return o.outcome === "checked" ? o.review : null;
}

/**
 * What became of one sheet: checked (its row says as which kind), or why not — the add-in's own
 * sheet, empty, text only (notes such as 填表说明), or neither an indicator table nor a statement
 * with both reasons — so 核对全部工作表 names every sheet and skips none silently (docs/review.md).
 */
export type SheetOutcome = { outcome: "checked"; review: SheetReview } | { outcome: "own" | "empty" | "text" | "none"; reason: Bilingual };

export function reviewSheetOutcome(file: string, sheetIndex: number, grid: Grid, settings: Partial<Settings> = {}): SheetOutcome {
  if (isOwnSheet(grid)) return { outcome: "own", reason: CORE_TEXT.sheetOwn };
  const v = validateGrid(grid, { settings });
  if (v.ok) return { outcome: "checked", review: { ...fromValidate(file, sheetIndex, v.result), plans: [v.plan], validate: v.result } };
  const a = auditGrid(grid);
  if (a.ok) return { outcome: "checked", review: { ...fromAudit(file, sheetIndex, a.result), plans: a.plans, audit: a.result } };
  const cells = grid.values.flat().filter((x) => !isBlank(x));
  if (cells.length === 0) return { outcome: "empty", reason: CORE_TEXT.sheetEmpty };
  // no number cell and no statement in its sentences: notes (填表说明, 目录, a cover)
  if (a.kind === "no-statement" && !cells.some((x) => typeof x === "number")) return { outcome: "text", reason: CORE_TEXT.sheetTextOnly };
  return { outcome: "none", reason: CORE_TEXT.sheetNeither(v.reason, a.reason) };
}

/**
 * Every sheet of one workbook (grids of the visible sheets in tab order); `skip` is set when none
 * gave a row. A hidden sheet (`hidden`, grids of the sheets the user hid) is not reviewed — it is
 * often an old version or a helper — but one holding a table is said, as a note on the file, so
 * a reviewer knows something was there (docs/review.md).
 */
export function reviewWorkbook(
  file: string,
  grids: Grid[],
  settings: Partial<Settings> = {},
  hidden: Grid[] = [],
): { rows: ReviewRow[]; problems: ReviewProblem[]; skip: ReviewSkip | null } {
  const rows: ReviewRow[] = [];
  const problems: ReviewProblem[] = [];
  grids.forEach((g, i) => {
    const r = reviewSheet(file, i, g, settings);
    if (!r) return;
    rows.push(r.row);
    problems.push(...r.problems);
  });
  const hiddenNotes = hidden.flatMap((g, i): ReviewProblem[] => {
    const r = reviewSheet(file, grids.length + i, g, settings);
    return r ? [{ file, sheet: g.sheet, cell: null, check: "hidden_sheet", severity: "info", message: CORE_TEXT.hiddenTable(KIND_LABELS[r.row.kind]) }] : [];
  });
  problems.push(...hiddenNotes);
  const skip: ReviewSkip | null = rows.length
    ? null
    : grids.length === 0 && hidden.length === 0
      ? { file, kind: "empty", reason: CORE_TEXT.noWorksheets }
      : { file, kind: "empty", reason: hiddenNotes.length ? both(CORE_TEXT.nothingFound, hiddenNotes[0].message) : CORE_TEXT.nothingFound };
  return { rows, problems, skip };
}

/** Two bilingual texts as one: "a；b" / "a; b". */
function both(a: Bilingual, b: Bilingual): Bilingual {
  return { zh: `${a.zh}；${b.zh}`, en: `${a.en}; ${b.en}` };
}

/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort in place: rows by file, then the sheet's place in the workbook; problems by file, sheet, then severity and cell. */
export function sortReport(report: ReviewReport): ReviewReport {
  const sheetIndex = new Map<string, number>();
  for (const r of report.rows) sheetIndex.set(`${r.file}\u0000${r.sheet}`, r.sheetIndex);
  // a note on a sheet without a row (a hidden sheet) comes after the file's sheets
  const idx = (p: ReviewProblem) => sheetIndex.get(`${p.file}\u0000${p.sheet}`) ?? Number.MAX_SAFE_INTEGER;
  report.rows.sort((a, b) => compareText(a.file, b.file) || a.sheetIndex - b.sheetIndex);
  report.problems.sort((a, b) => compareText(a.file, b.file) || idx(a) - idx(b) || compareProblems(a, b));
  report.skipped.sort((a, b) => compareText(a.file, b.file));
  return report;
}
