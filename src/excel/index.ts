/**
 * The Excel side of the add-in: the adapter the task pane uses. The in-memory workbook that
 * imitates Excel lives in src/memory-excel, imported only by the tests and the preview, so it
 * never ships in the task pane's chunks (test/build/production-chunks.test.ts).
 */
export type {
  AdapterMessage,
  AuditRun,
  ClearReport,
  GridSource,
  RunAuditOptions,
  RunValidateOptions,
  SheetAdapter,
  SheetAdapterOptions,
  SheetPlanReport,
  ValidateRun,
  WriteReport,
  ReviewAllRun,
  ReviewAllSheet,
  ReportRun,
  RunReportOptions,
} from "./adapter-types";
export { createSheetAdapter } from "./sheet-adapter";
export { createOfficeSheetAdapter } from "./office-adapter";
export { SheetAdapterError } from "./errors";
export type { AdapterErrorCode } from "./errors";
