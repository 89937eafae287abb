/**
 * The review's sheets as cells (docs/review.md, "The summary workbook"): the columns of 汇总 /
 * 核对汇总, 问题清单 and 未能读取, their number formats, widths, colours and the totals at the
 * foot. The CLI writes them into a new workbook, the add-in into a 核对汇总 sheet: both execute
 * this layout, neither decides a column.
 */
import { columnLetter, quoteSheet } from "../basics/address";
import { STATUSES, STATUS_LABELS } from "../indicators/results";
import { PlanCell, STATUS_FILLS, WritePlan } from "../basics/write-plan";
import { KIND_LABELS, ReviewProblem, ReviewRow, ReviewSkip, SEVERITY_LABELS, NOT_READ_TITLE, NOT_READ_TITLE_EN, PROBLEMS_TITLE, PROBLEMS_TITLE_EN, SUMMARY_SHEET_ADDIN, SUMMARY_TITLE, SUMMARY_TITLE_EN } from "./review";
import { type Lang, inLang } from "../basics/text";
import { checkName } from "./check-names";
import type { Bilingual } from "../basics/text";
import { HEADER_FILL } from "../basics/tuning";

/** Where a link points: a path/URL (the CLI: the file, relative to the summary workbook), or null for no link. */
export interface LinkTargets {
  /** the target of the file column, or null */
  file(file: string): string | null;
  /** the target of a cell of a reviewed sheet ("#'Sheet'!A1" inside the same workbook), or null */
  cell(file: string, sheet: string, cell: string): string | null;
}

export interface LayoutColumn {
  /** the header written (Chinese) and its English */
  header: Bilingual;
  width: number;
  numberFormat: string;
  /** the foot row adds this column up (SUBTOTAL, so filters are respected) */
  total?: boolean;
}

export interface SheetLayout {
  /** the sheet's name */
  name: string;
  /** rows of cells from A1: a title line, the header, the data, the foot */
  cells: PlanCell[][];
  /** number formats, same shape as cells */
  numberFormats: string[][];
  columns: LayoutColumn[];
  /** 1-based rows of the header and of the first and last data rows (last < first when none) */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** the foot row (totals), or null */
  footRow: number | null;
  /** the Excel table: name and range (header + data), or null when there is no data row */
  table: { name: string; range: string } | null;
  /** fills of single cells: status colours */
  fills: Array<{ row: number; col: number; fill: string; font: string }>;
  /** frozen rows (the title and the header) */
  freezeRows: number;
}

export const REVIEW_SHEETS = {
  summary: { zh: "汇总", en: "Summary" },
  problems: { zh: "问题清单", en: "Problems" },
  unreadable: { zh: "未能读取", en: "Not read" },
} as const;

const col = (zh: string, en: string, width: number, numberFormat = "General", total = false): LayoutColumn => ({ header: { zh, en }, width, numberFormat, total });
/** a column of text: never read as a number or a formula */
const textCol = (zh: string, en: string, width: number) => col(zh, en, width, "@");
/** a count, added up in the foot row */
const countCol = (zh: string, en: string, width: number) => col(zh, en, width, "0", true);

/** The file and the sheet a row comes from: the first columns of 汇总 and 问题清单. */
const SOURCE_COLUMNS: LayoutColumn[] = [textCol("文件", "File", 28), textCol("工作表", "Sheet", 16)];

/** The 汇总 columns, in order. */
export const SUMMARY_COLUMNS: LayoutColumn[] = [
  ...SOURCE_COLUMNS,
  textCol("表格类型", "Form", 20),
  textCol("项目名称", "Project", 24),
  textCol("主管部门", "Department", 18),
  textCol("实施单位", "Implementing unit", 18),
  col("年度", "Year", 8, "0"),
  countCol("核对行数", "Rows checked", 10),
  ...STATUSES.map((s) => countCol(STATUS_LABELS[s].zh, STATUS_LABELS[s].en, 9)),
  col("预算执行率", "Budget rate", 12, "0.00%"),
  col("预算执行得分", "Budget score", 12, "0.00"),
  col("核对总分", "Computed total", 10, "0.00"),
  col("填报总分", "Stated total", 10, "0.00"),
  textCol("核对等级", "Computed grade", 10),
  textCol("填报等级", "Stated grade", 10),
  textCol("总分状态", "Total", 10),
  countCol("错误", "Errors", 8),
  countCol("警告", "Warnings", 8),
  countCol("提示", "Notes", 8),
  textCol("主要问题", "First problems", 60),
];

export const PROBLEM_COLUMNS: LayoutColumn[] = [
  ...SOURCE_COLUMNS,
  textCol("单元格", "Cell", 10),
  textCol("核对项", "Check", 18),
  textCol("严重程度", "Severity", 10),
  textCol("说明", "Message", 70),
];

export const SKIP_COLUMNS: LayoutColumn[] = [textCol("文件", "File", 40), textCol("原因", "Reason", 80)];

/** The colour of a count of errors or warnings, and of a problem of that severity. */
const SEVERITY_FILLS = { error: STATUS_FILLS.not_met, warning: STATUS_FILLS.invalid } as const;

export const FINAL_LABELS = { final: { zh: "最终", en: "final" }, provisional: { zh: "暂定", en: "provisional" } };

/** A text cell, or an empty one: both writers write a string as text, never as a formula, whatever it starts with. */
function text(s: string | null): PlanCell {
  return s === null || s === "" ? null : s;
}

function num(n: number | null): PlanCell {
  return n === null || !Number.isFinite(n) ? null : n;
}

/** =HYPERLINK("target","shown"): a link the CLI and office.js write alike (a formula is no user text). */
export function hyperlink(target: string, shown: string): PlanCell {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return { formula: `=HYPERLINK(${q(target)},${q(shown)})`, cached: shown };
}

/** The address of a cell of another sheet in the same workbook, as a link target. */
export function sheetTarget(sheet: string, cell = "A1"): string {
  return `#${quoteSheet(sheet)}!${cell}`;
}

function linked(target: string | null, shown: string): PlanCell {
  return target ? hyperlink(target, shown) : text(shown);
}

function titleLine(title: string, width: number): PlanCell[] {
  const line: PlanCell[] = new Array(width).fill(null);
  line[0] = title;
  return line;
}

/** `title` null: the sheet starts at its header (the add-in's write plan). */
/** Each sheet's title line in one language: the workbook is written in one language (docs/review.md). */
const TITLES = {
  summary: (n: number, lang: Lang) => (lang === "en" ? `${SUMMARY_TITLE_EN} (${n} tables)` : `${SUMMARY_TITLE}（${n} 张表）`),
  problems: (n: number, lang: Lang) => (lang === "en" ? `${PROBLEMS_TITLE_EN} (${n} findings)` : `${PROBLEMS_TITLE}（${n} 条）`),
  notRead: (n: number, lang: Lang) => (lang === "en" ? `${NOT_READ_TITLE_EN} (${n} files)` : `${NOT_READ_TITLE}（${n} 个文件）`),
  total: { zh: "合计", en: "Total" },
};

function build(name: string, tableName: string, title: string | null, columns: LayoutColumn[], data: PlanCell[][], foot: boolean, lang: Lang = "zh"): SheetLayout {
  const headerRow = title === null ? 1 : 2;
  const firstDataRow = headerRow + 1;
  const lastDataRow = firstDataRow + data.length - 1;
  const cells: PlanCell[][] = [...(title === null ? [] : [titleLine(title, columns.length)]), columns.map((c) => inLang(c.header, lang)), ...data];
  let footRow: number | null = null;
  if (foot && data.length) {
    footRow = lastDataRow + 1;
    cells.push(
      columns.map((c, j): PlanCell => {
        if (j === 0) return inLang(TITLES.total, lang);
        if (!c.total) return null;
        const L = columnLetter(j + 1);
        // unfiltered, SUBTOTAL(109) is the column's sum: the value a reader that does not compute shows
        const sum = data.reduce((n, line) => n + (typeof line[j] === "number" ? (line[j] as number) : 0), 0);
        return { formula: `=SUBTOTAL(109,${L}${firstDataRow}:${L}${lastDataRow})`, cached: sum };
      }),
    );
  }
  const numberFormats = cells.map((line, i) => line.map((_, j) => (i + 1 >= firstDataRow ? columns[j].numberFormat : "General")));
  return {
    name,
    cells,
    numberFormats,
    columns,
    headerRow,
    firstDataRow,
    lastDataRow,
    footRow,
    table: data.length ? { name: tableName, range: `A${headerRow}:${columnLetter(columns.length)}${lastDataRow}` } : null,
    fills: [],
    freezeRows: headerRow,
  };
}

/** The 汇总 (CLI) / 核对汇总 (add-in) sheet. */
export function summaryLayout(rows: ReviewRow[], links: LinkTargets, name: string | null = null, titled = true, lang: Lang = "zh"): SheetLayout {
  const say = (t: { zh: string; en: string }) => inLang(t, lang);
  const data = rows.map((r): PlanCell[] => [
    linked(links.file(r.file), r.file),
    linked(links.cell(r.file, r.sheet, "A1"), r.sheet),
    say(KIND_LABELS[r.kind]),
    text(r.project),
    text(r.department),
    text(r.unit),
    num(r.year),
    r.rowsChecked,
    ...STATUSES.map((s) => (r.kind === "statement" ? null : r.counts[s])),
    num(r.budgetRate),
    num(r.budgetScore),
    num(r.computedTotal),
    num(r.statedTotal),
    text(r.computedGrade ?? (r.final === false ? say({ zh: "待定", en: "pending" }) : null)),
    text(r.statedGrade),
    r.final === null ? null : r.final ? say(FINAL_LABELS.final) : say(FINAL_LABELS.provisional),
    r.problems.error,
    r.problems.warning,
    r.problems.info,
    text(say(r.firstProblems)),
  ]);
  const layout = build(name ?? say(REVIEW_SHEETS.summary), "JixiaoReview", titled ? TITLES.summary(rows.length, lang) : null, SUMMARY_COLUMNS, data, true, lang);
  // status colours: a count column in its status's colour where it is not zero; the total's state; errors red
  const statusCol = (s: (typeof STATUSES)[number]) => 9 + STATUSES.indexOf(s);
  const finalCol = SUMMARY_COLUMNS.findIndex((c) => c.header.zh === "总分状态") + 1;
  const errorCol = SUMMARY_COLUMNS.findIndex((c) => c.header.zh === "错误") + 1;
  const warnCol = errorCol + 1;
  rows.forEach((r, i) => {
    const row = layout.firstDataRow + i;
    for (const s of STATUSES) if (r.counts[s] > 0) layout.fills.push({ row, col: statusCol(s), ...STATUS_FILLS[s] });
    if (r.final !== null) layout.fills.push({ row, col: finalCol, ...(r.final ? STATUS_FILLS.met : STATUS_FILLS.invalid) });
    if (r.problems.error > 0) layout.fills.push({ row, col: errorCol, ...SEVERITY_FILLS.error });
    if (r.problems.warning > 0) layout.fills.push({ row, col: warnCol, ...SEVERITY_FILLS.warning });
  });
  return layout;
}

/** The 问题清单 sheet: every finding, its cell linked where the writer can point into the workbook. */
export function problemsLayout(problems: ReviewProblem[], links: LinkTargets, lang: Lang = "zh"): SheetLayout {
  const data = problems.map((p): PlanCell[] => [
    linked(links.file(p.file), p.file),
    text(p.sheet),
    p.cell ? linked(links.cell(p.file, p.sheet, p.cell), p.cell) : null,
    inLang(checkName(p.check), lang),
    inLang(SEVERITY_LABELS[p.severity], lang),
    inLang(p.message, lang),
  ]);
  const layout = build(inLang(REVIEW_SHEETS.problems, lang), "JixiaoProblems", TITLES.problems(problems.length, lang), PROBLEM_COLUMNS, data, false, lang);
  const severityCol = PROBLEM_COLUMNS.findIndex((c) => c.header.zh === "严重程度") + 1;
  problems.forEach((p, i) => {
    if (p.severity === "error" || p.severity === "warning") layout.fills.push({ row: layout.firstDataRow + i, col: severityCol, ...SEVERITY_FILLS[p.severity] });
  });
  return layout;
}

/** The 未能读取 sheet: every file that gave no row, with the reason in both languages. */
export function skippedLayout(skipped: ReviewSkip[], lang: Lang = "zh"): SheetLayout {
  const data = skipped.map((s): PlanCell[] => [s.file, inLang(s.reason, lang)]);
  return build(inLang(REVIEW_SHEETS.unreadable, lang), "JixiaoNotRead", TITLES.notRead(skipped.length, lang), SKIP_COLUMNS, data, false, lang);
}

/**
 * The add-in's 核对汇总 sheet as a write plan (a new sheet the add-in records, replaces on a
 * re-run and removes with "clear results"): the 汇总 columns from A1, the header first, the
 * totals at the foot, each sheet linked; the colours as fills.
 */
export function summaryWritePlan(rows: ReviewRow[], links: LinkTargets): WritePlan {
  // the plan's block starts at its header: no title line
  const layout = summaryLayout(rows, links, SUMMARY_SHEET_ADDIN, false);
  const cells = layout.cells;
  const byColour = new Map<string, { fill: string; font: string; ranges: string[] }>();
  for (const f of layout.fills) {
    const key = `${f.fill}|${f.font}`;
    let e = byColour.get(key);
    if (!e) byColour.set(key, (e = { fill: f.fill, font: f.font, ranges: [] }));
    e.ranges.push(`${columnLetter(f.col)}${f.row}`);
  }
  const width = layout.columns.length;
  return {
    sheet: SUMMARY_SHEET_ADDIN,
    mode: "new_sheet",
    sourceSheet: SUMMARY_SHEET_ADDIN,
    startRow: 1,
    startCol: 1,
    cells,
    numberFormats: layout.columns.map((c) => c.numberFormat),
    columnWidths: layout.columns.map((c) => c.width),
    // keyed by colour, not status: the add-in paints these ranges as they are
    fills: [...byColour.values()].map((e, i) => ({ status: `summary_${i}`, ...e })),
    headerFill: { ...HEADER_FILL },
    notes: [],
    owned: `${quoteSheet(SUMMARY_SHEET_ADDIN)}!A1:${columnLetter(width)}${cells.length}`,
    messages: [],
  };
}
