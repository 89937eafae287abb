/** The Excel side of the add-in: the adapter the task pane uses, and the memory workbook. */
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
} from "./sheet-adapter";
export { createSheetAdapter } from "./sheet-adapter";
export { createOfficeSheetAdapter } from "./office-adapter";
export { SheetAdapterError } from "./errors";
export type { AdapterErrorCode } from "./errors";
export { createMemoryExcel } from "./memory-workbook";
export type { ChartSnapshot, FreezeSnapshot, MemoryExcel, MemoryExcelOptions, TableSnapshot } from "./memory-workbook";
