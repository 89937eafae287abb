/**
 * An in-memory workbook with office.js semantics, for unit tests and the browser preview.
 *
 * It implements exactly the part of the Excel JavaScript API the adapter uses (see
 * src/excel/excel-api.ts), and behaves like Excel where it matters to the adapter:
 * - properties must be loaded and synced before they are read (PropertyNotLoaded otherwise);
 * - writes queue and apply at `sync()`, in order; a failing operation stops the batch and
 *   leaves the earlier ones applied (Excel batches are not transactions);
 * - a request or a response over 5 MB fails, as on Excel on the web; syncs are counted and
 *   each one's request size (UTF-8 bytes of its queued operations as JSON) is logged;
 * - a protected sheet rejects writes with AccessDenied;
 * - strings written as values are read like typed input: "'x" is the text "x", "=x" is a
 *   formula, "+1" is a number, "12%" is 0.12, unless the cell is formatted as text ("@");
 * - conditional formats (ExcelApi 1.6, the CellValue type) apply to the cells whose value meets
 *   the rule, highest priority first; `displayed()` gives the colours a cell shows, and clearing a
 *   range's formats (or `conditionalFormats.clearAll()`) takes its cells out of the formats' areas;
 * - Excel tables (a header row made unique text, names unique in the workbook, no overlaps),
 *   charts (series from the source data as Excel guesses them, then set one by one), frozen panes,
 *   sheet order, visibility and names: each call one operation, inspected with getTables,
 *   getCharts and getFreeze;
 * - rows hidden by hand or filtered out by an AutoFilter (ExcelApi 1.9 `enabled`, `isDataFiltered`)
 *   still read and take writes; a range's `rowHidden` is true when all its rows are hidden, false
 *   when none are, null when some are (set up with `hideRows` and `setAutoFilter`);
 * - merged cells other than the top-left read as blank; `*OrNullObject` gives null objects on
 *   which methods do nothing; APIs above the configured ExcelApi version fail with ApiNotFound.
 * - formulas compute (fast-formula-parser, formulas.ts) on every read; a malformed one fails the sync;
 * - a write or clear of part of a merged area, getSelectedRange on several areas, and sheet
 *   changes under workbook structure protection fail as in Excel (docs/excel-platform.md).
 * For the tests and the preview only: nothing the add-in ships imports it. No Node APIs, so the
 * browser preview can use it.
 */
import { PAYLOAD_LIMIT } from "../excel/payload";
import { MemoryWorkbookHost, SheetInit } from "./host";
import { MemoryContext, MemoryStats, compareVersions } from "./objects";
import { WorkbookState } from "./state";

export { DEFAULT_COLUMN_WIDTH, MemoryExcelError } from "./state";
export type { Fault } from "./state";
export { MemoryContext, MemoryStats } from "./objects";
export type { SyncRecord } from "./objects";
export { MemoryWorkbookHost, SheetHandle } from "./host";
export type { CellSnapshot, ChartSnapshot, ConditionalFormatSnapshot, DisplayedFormat, FreezeSnapshot, SheetInit, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "./host";
export type { CfRule, SheetVisibility } from "./state";

export interface MemoryExcelOptions {
  /** the highest ExcelApi requirement set the simulated Excel supports (default "1.18") */
  apiVersion?: string;
  /** request and response size limit in bytes (default 5,000,000, as Excel on the web) */
  payloadLimit?: number;
  sheets?: (SheetInit | string)[];
}

export interface MemoryExcel {
  /** `Excel.run` for this workbook: a fresh context per batch, pending operations synced at the end */
  run<T>(batch: (context: MemoryContext) => Promise<T>): Promise<T>;
  workbook: MemoryWorkbookHost;
  stats: MemoryStats;
  /** `Office.context.requirements` for this workbook */
  requirements: { isSetSupported(name: string, minVersion?: string): boolean };
}

export function createMemoryExcel(options: MemoryExcelOptions = {}): MemoryExcel {
  const state = new WorkbookState();
  const stats = new MemoryStats();
  const apiVersion = options.apiVersion ?? "1.18";
  const limit = options.payloadLimit ?? PAYLOAD_LIMIT;
  const host = new MemoryWorkbookHost(state);
  for (const s of options.sheets ?? []) host.addSheet(s);
  return {
    async run<T>(batch: (context: MemoryContext) => Promise<T>): Promise<T> {
      const ctx = new MemoryContext(state, stats, apiVersion, limit);
      const result = await batch(ctx);
      if (ctx._pending()) await ctx.sync();
      return result;
    },
    workbook: host,
    stats,
    requirements: {
      isSetSupported: (name: string, minVersion = "1.1") => name === "ExcelApi" && compareVersions(apiVersion, minVersion) >= 0,
    },
  };
}
