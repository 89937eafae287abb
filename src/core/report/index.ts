/** The drafted self-evaluation report (docs/report.md). */
export * from "./model";
export { buildReport, reportParagraphs, fill, makeFigure } from "./build";
export { reportWritePlan, REPORT_SHEET_WIDTHS } from "./sheet-plan";
export type { ReportInput, StatementInput } from "./build";
export { wordingFor, KIND_WORDING, DEFAULT_WORDING, PATTERNS, HEADINGS, SHEET_WORDS } from "./phrases";
export type { KindWording } from "./phrases";
