/**
 * The Excel adapter's catalog: every message and error text of src/excel, in Simplified Chinese with
 * an English translation (one Bilingual text, src/core/basics/text.ts; ARCHITECTURE.md, "Messages and
 * languages"). The engine's own messages come from core's catalogs.
 */
import type { Bilingual } from "../core/basics/text";

/** A message of a run: a code the UI and tests can match, and its text. */
export interface AdapterMessage {
  code: string;
  text: Bilingual;
}

const message = (code: string, text: Bilingual): AdapterMessage => ({ code, text });

/** Messages a run reports beside its results. */
export const EXCEL_MESSAGES = {
  /** hidden or filtered rows are read and checked like the others; the run says so */
  hiddenRows: (): AdapterMessage =>
    message("hidden_rows", {
      zh: "表中有隐藏或筛选掉的行：这些行也已核对，结果同样写在这些行旁（取消筛选后可见）",
      en: "Some rows are hidden or filtered out: they were checked too, and their results are written beside them (clear the filter to see them)",
    }),
  optionalFormattingFailed: (code: string): AdapterMessage =>
    message("optional_formatting_failed", {
      zh: `结果已全部写入，但部分格式（冻结窗格、批注、列宽或图表）未能设置：Excel 返回 ${code}`,
      en: `the results are all written, but some formatting (frozen panes, notes, column widths or the chart) could not be applied: Excel returned ${code}`,
    }),
  previousOutputChanged: (owned: string): AdapterMessage =>
    message("previous_output_changed", { zh: `上次写入的${owned}已被改动或移动，未清除`, en: `the earlier output at ${owned} was changed or moved; it was left as it is` }),
  resultsSheetRenamed: (base: string, name: string): AdapterMessage =>
    message("results_sheet_renamed", { zh: `工作表“${base}”不是本加载项创建的，结果写入“${name}”`, en: `sheet "${base}" is not the add-in's; results go to "${name}"` }),
  resultNotesUnsupported: (): AdapterMessage =>
    message("notes_unsupported", {
      zh: "此版本 Excel 不支持单元格批注（ExcelApi 1.18），问题说明见“核对·说明”列",
      en: "this Excel has no cell notes (ExcelApi 1.18); problems are explained in the 核对·说明 column",
    }),
  previousComparisonChanged: (sheet: string): AdapterMessage =>
    message("previous_output_changed", { zh: `上次生成的工作表“${sheet}”已被改动，未替换`, en: `the sheet "${sheet}" made earlier was changed; it was left as it is` }),
  comparisonSheetRenamed: (sheet: string, target: string): AdapterMessage =>
    message("comparison_sheet_renamed", { zh: `工作表“${sheet}”不是本加载项创建的，对比表写入“${target}”`, en: `sheet "${sheet}" is not the add-in's; the comparison goes to "${target}"` }),
  tableNameTaken: (name: string): AdapterMessage =>
    message("table_name_taken", {
      zh: `工作簿中已有名为“${name}”的表格或名称，新表格使用 Excel 的默认名称`,
      en: `the workbook already has a table or a defined name "${name}"; the new table keeps Excel's default name`,
    }),
  tableRenamed: (name: string, tableName: string): AdapterMessage =>
    message("table_renamed", {
      zh: `工作簿中已有名为“${name}”的表格或名称，新表格名为“${tableName}”`,
      en: `the workbook already has a table or a defined name "${name}"; the new table is "${tableName}"`,
    }),
  comparisonNotesUnsupported: (): AdapterMessage =>
    message("notes_unsupported", {
      zh: "此版本 Excel 不支持单元格批注（ExcelApi 1.18），未写入批注；每个数字的来源见表下的“来源”",
      en: "this Excel has no cell notes (ExcelApi 1.18); none were written, the sources are listed under the table",
    }),
  chartUnsupported: (): AdapterMessage =>
    message("chart_unsupported", { zh: "此版本 Excel 不支持设置图表数据（ExcelApi 1.7），未绘制图表", en: "this Excel cannot set chart data (ExcelApi 1.7); the chart was not drawn" }),
};

/** Why a run checked nothing. */
export const EXCEL_REASONS = {
  /** several selected areas (Ctrl-select) are not one table: Excel refuses to read them as one range */
  multiAreaSelection: {
    zh: "选区包含多个不相连的区域：请只选择一个连续的区域（或改为核对整个工作表）再试",
    en: "the selection has several separate areas: select one contiguous range (or check the whole sheet) and try again",
  } as Bilingual,
  ownOutputSheet: (sheet: string): Bilingual => ({
    zh: `工作表“${sheet}”是本加载项写入结果的工作表，请切换到报表所在的工作表再核对`,
    en: `sheet "${sheet}" holds the add-in's own output; switch to the sheet with the statement and audit again`,
  }),
};

/** The texts of the adapter's errors (src/excel/errors.ts). */
export const EXCEL_ERRORS = {
  sheetProtected: (sheet: string): Bilingual => ({
    zh: `工作表“${sheet}”受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护）再试。`,
    en: `sheet "${sheet}" is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.`,
  }),
  workbookProtected: {
    zh: "工作簿结构受保护，无法添加或删除工作表，未写入任何内容。请先撤销工作簿保护（审阅 → 保护工作簿）再试。",
    en: "the workbook's structure is protected, so sheets cannot be added or deleted; nothing was written. Unprotect it (Review → Protect Workbook) and try again.",
  } as Bilingual,
  badPlanRange: (owned: string): Bilingual => ({ zh: `写入计划的范围无效：${owned}`, en: `the plan's range is not valid: ${owned}` }),
  badComparisonPlan: (what: Bilingual): Bilingual => ({ zh: `对比表计划无效：${what.zh}`, en: `the comparison sheet's plan is not valid: ${what.en}` }),
  /** what is wrong with a comparison sheet's plan */
  planFlaw: {
    noCells: { zh: "没有单元格", en: "no cells" },
    unevenRows: { zh: "各行宽度不一", en: "rows of different widths" },
    formatsMismatch: { zh: "数字格式与单元格形状不符", en: "number formats do not match the cells" },
  } as Record<"noCells" | "unevenRows" | "formatsMismatch", Bilingual>,
  /** Excel's own error codes (OfficeExtension.Error), in words */
  excel: {
    AccessDenied: { zh: "Excel 拒绝写入：工作表或工作簿受保护，或没有编辑权限", en: "Excel denied the write: the sheet or workbook is protected, or you lack edit permission" },
    ItemNotFound: { zh: "找不到要操作的工作表或单元格（可能已被删除或重命名）", en: "a sheet or cell the add-in needs was not found (deleted or renamed?)" },
    InvalidArgument: { zh: "Excel 拒绝了要写入的内容（参数无效）", en: "Excel rejected the data to write (invalid argument)" },
    InvalidCellAddress: { zh: "Excel 拒绝了单元格地址", en: "Excel rejected a cell address" },
    InvalidOperationInCellEditMode: { zh: "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试", en: "Excel is in cell-edit mode: press Enter or Esc, then try again" },
    RequestPayloadSizeLimitExceeded: { zh: "数据量超过 Excel 单次请求 5 MB 的限制", en: "the data exceeds Excel's 5 MB per-request limit" },
    ResponsePayloadSizeLimitExceeded: { zh: "数据量超过 Excel 单次响应 5 MB 的限制", en: "the data exceeds Excel's 5 MB per-response limit" },
    InvalidSelection: { zh: "请只选择一个连续的区域", en: "select one contiguous range" },
    ApiNotFound: { zh: "此版本 Excel 不支持所需的功能，请更新 Excel", en: "this version of Excel lacks a feature the add-in needs; please update Excel" },
  } as Record<string, Bilingual>,
  unknownExcelError: (code: string | undefined, message: string): Bilingual => ({
    zh: `Excel 返回错误${code ? ` ${code}` : ""}：${message}`,
    en: `Excel returned an error${code ? ` ${code}` : ""}: ${message}`,
  }),
  /** what became of a write that failed */
  afterWrite: {
    rolledBack: { zh: "。本次已写入的部分已清除。", en: "; the partial output was removed." },
    rollbackFailed: { zh: "。清除已写入部分时也出错，请用“清除结果”再试。", en: "; removing the partial output failed too, use Clear results." },
    nothingWritten: { zh: "。未写入任何内容。", en: "; nothing was written." },
  } as Record<"rolledBack" | "rollbackFailed" | "nothingWritten", Bilingual>,
};
