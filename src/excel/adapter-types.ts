/**
 * What the task pane sees of the adapter: the SheetAdapter interface and the reports of its jobs.
 */
import { AuditResult } from "../core/audit/finding";
import { NotAStatement } from "../core/audit/recognise";
import { SheetPlan } from "../core/compare/sheet-plan";
import { Grid } from "../core/basics/grid";
import { Settings } from "../core/indicators/presets";
import { ReviewProblem, ReviewRow } from "../core/review";
import { ValidateResult } from "../core/indicators/results";
import type { Bilingual } from "../core/basics/text";
import { ValidateOptions } from "../core/indicators/validate";
import { WritePlan } from "../core/basics/write-plan";
import type { Report } from "../core/report/model";
import { IsSetSupported, XlRun } from "./excel-api";

export type GridSource = "used" | "selection";

export interface RunValidateOptions extends ValidateOptions {
  /** the active sheet's used range (default), or the rows of the selection */
  source?: GridSource;
}

import type { AdapterMessage } from "./messages";

export type { AdapterMessage };

export interface WriteReport {
  /** the sheet written to (may be "核对结果 (2)" when 核对结果 is the user's) */
  sheet: string;
  mode: "beside" | "new_sheet";
  /** sheet-qualified range of everything written */
  owned: string;
  /** the sheet the add-in created for the results, if any */
  createdSheet: string | null;
  /**
   * How the status colours were applied: one conditional format per status on the status column
   * (ExcelApi 1.6, the usual case), or, as a fallback, fills on ExcelApi 1.9 `getRanges` groups
   * (≤255-character addresses) or one `getRange` per run of rows
   */
  fillMethod: "conditionalFormats" | "getRanges" | "getRange";
  /** conditional formats added, or fill operations in the fallback */
  fillOperations: number;
  /** cell notes written (ExcelApi 1.18); 0 when unsupported: the 说明 column carries the text */
  notesWritten: number;
  /** syncs that wrote (the run's total is in `syncs`) */
  writeSyncs: number;
  /** estimated request bytes of the write */
  requestBytes: number;
  messages: AdapterMessage[];
}

export type ValidateRun =
  | { ok: true; result: ValidateResult; plan: WritePlan; write: WriteReport; syncs: number }
  | { ok: false; reason: Bilingual; sheet: string; syncs: number };

export interface ClearReport {
  /** outputs removed */
  cleared: { sheet: string; owned: string; deletedSheet: boolean }[];
  /** outputs left alone because the cells no longer hold what the add-in wrote */
  skipped: { sheet: string; owned: string; reason: "gone" | "changed" }[];
  syncs: number;
}

/** What writeSheetPlan did. */
export interface SheetPlanReport {
  /** the sheet written: the plan's, or "支出结构对比 (2)" when a sheet of the user's has that name */
  sheet: string;
  /** an earlier comparison sheet the add-in made from this template was replaced */
  replaced: boolean;
  /** an Excel table was made over plan.table.range */
  table: boolean;
  /** the chart was drawn (false when the plan has none, or Excel lacks ExcelApi 1.7) */
  chart: boolean;
  /** cell notes written (ExcelApi 1.18); 0 when unsupported */
  notesWritten: number;
  syncs: number;
  /** the adapter's own messages (sheet renamed, notes or chart unsupported…); the plan's own are in plan.messages */
  messages: AdapterMessage[];
  /** the table's name: plan.table.name, or another when a table elsewhere has it */
  tableName?: string;
  /** estimated request bytes of the write */
  requestBytes?: number;
}

export type AuditRun =
  | {
      ok: true;
      result: AuditResult;
      /** the plans as written (a results sheet may have been renamed) */
      plans: WritePlan[];
      /** one report per plan, in the same order */
      writes: WriteReport[];
      syncs: number;
    }
  /** kind: the engine's outcome (no statement on the sheet, or nothing to check); absent for the add-in's own sheets */
  | { ok: false; kind?: NotAStatement; reason: Bilingual; sheet: string; syncs: number };

export interface RunAuditOptions {
  /** the active sheet's used range (default), or the rows of the selection */
  source?: GridSource;
}

export interface SheetAdapter {
  /** The active sheet's used range, or the selection's rows across the used columns, as a Grid. */
  readGrid(source?: GridSource): Promise<Grid>;
  /** Read, check, write the results (replacing this table's earlier results). */
  runValidate(options?: RunValidateOptions): Promise<ValidateRun>;
  /** Remove everything the add-in recorded as written, in every sheet. */
  clearResults(): Promise<ClearReport>;
  /** Activate and select a cell: "H5" on the active sheet, or "Sheet1!H5" / "'核对结果'!B3". */
  selectCell(address: string): Promise<void>;
  /** The visible worksheets' names, in tab order. */
  listSheets(): Promise<string[]>;
  /** The used range of a named sheet as a Grid (values and number formats), in one sync. */
  readSheet(name: string): Promise<Grid>;
  /**
   * Make the comparison sheet a SheetPlan describes: values and live formulas, number formats,
   * styles, widths, frozen panes, notes, an Excel table and the chart. It replaces a sheet of
   * that name only when the add-in made it; a user's sheet of that name is left alone and the
   * comparison goes to "<name> (2)". "Clear results" deletes it.
   */
  writeSheetPlan(plan: SheetPlan): Promise<SheetPlanReport>;
  /** Read the active sheet (or the selection's rows), audit it, write the 核对· columns and the findings list. */
  runAudit(options?: RunAuditOptions): Promise<AuditRun>;
  /** 核对全部工作表: check or audit every sheet holding a table or statement, write each back and a 核对汇总 sheet (review-all.ts). */
  runReviewAll(options?: { settings?: Partial<Settings> }): Promise<ReviewAllRun>;
  /** 生成自评报告: check the sheet again, draft the report (core) and write it into a new sheet 自评报告, activated (report-sheet.ts). */
  writeReport(options?: RunReportOptions): Promise<ReportRun>;
}

export interface RunReportOptions extends RunValidateOptions {
  /** the sheet that was checked (default: the active sheet) */
  sheet?: string;
  /** bundled peers (seed ids) to compare the score with */
  peers?: string[];
}

export type ReportRun =
  /** the report drafted, its plan as written (the sheet may be "自评报告 (2)") and the write's report */
  | { ok: true; report: Report; plan: WritePlan; write: WriteReport; syncs: number }
  | { ok: false; reason: Bilingual; sheet: string; syncs: number };

export interface SheetAdapterOptions {
  /** `(batch) => Excel.run(batch)` in production; the memory workbook's `run` in tests */
  run: XlRun;
  /** `Office.context.requirements.isSetSupported`; default: only the manifest's ExcelApi 1.7 */
  isSetSupported?: IsSetSupported;
  /** bytes packed into one sync (default 4 MB, under Excel on the web's 5 MB) */
  syncBudget?: number;
}

export interface ReviewAllSheet {
  sheet: string;
  /**
   * "checked": a row of the summary; "none": no table or statement; "text": text only (notes);
   * "empty"; "own": a sheet the add-in wrote; "hidden": a sheet the user hid, not read (a "very
   * hidden" sheet is not listed at all)
   */
  outcome: "checked" | "none" | "text" | "empty" | "own" | "hidden";
  /** why a sheet was not checked (core's words, src/core/review); absent for a checked sheet */
  reason?: Bilingual;
}

export interface ReviewAllRun {
  /** one per checked sheet, in tab order (the summary's rows) */
  rows: ReviewRow[];
  problems: ReviewProblem[];
  /** every sheet (but the very hidden) and what became of it, in tab order */
  sheets: ReviewAllSheet[];
  /** the summary sheet written ("核对汇总", or "核对汇总 (2)" when a sheet of the user's has the name); null when no sheet was checked */
  summarySheet: string | null;
  /** each checked sheet's write reports */
  writes: Array<{ sheet: string; reports: WriteReport[] }>;
  messages: AdapterMessage[];
  syncs: number;
}
