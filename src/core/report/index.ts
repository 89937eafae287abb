/** The drafted self-evaluation report (docs/report.md). */
export * from "./model";
export { buildReport, reportParagraphs, fill, makeFigure } from "./build";
export type { ReportInput } from "./build";
export { wordingFor, KIND_WORDING, DEFAULT_WORDING, PATTERNS, HEADINGS } from "./phrases";
export type { KindWording } from "./phrases";
