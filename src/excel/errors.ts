/**
 * Every failure the adapter reports: a code the UI can switch on and a message in Chinese and
 * English. Excel's own errors (OfficeExtension.Error codes) are translated here, in one place.
 */
import type { AuditResult } from "../core/audit/finding";
import type { ValidateResult } from "../core/results";

export type AdapterErrorCode =
  | "sheet_protected"
  | "workbook_protected"
  | "access_denied"
  | "not_found"
  | "invalid_argument"
  | "cell_edit_mode"
  | "too_large"
  | "api_missing"
  | "excel_error";

export class SheetAdapterError extends Error {
  constructor(
    readonly code: AdapterErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly detail: {
      /** Excel's error code, e.g. "AccessDenied" */
      excelCode?: string;
      excelMessage?: string;
      /** the check results, when checking worked and only writing failed */
      result?: ValidateResult;
      /** the audit's results, when auditing worked and only writing failed */
      audit?: AuditResult;
      /** what had been written before the failure was removed again */
      rolledBack?: boolean;
    } = {},
  ) {
    super(`${zh} (${en})`);
    this.name = "SheetAdapterError";
  }
}

export function protectedSheetError(sheet: string): SheetAdapterError {
  return new SheetAdapterError(
    "sheet_protected",
    `工作表“${sheet}”受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护）再试。`,
    `sheet "${sheet}" is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.`,
  );
}

/** The `code` of an OfficeExtension.Error (or the memory workbook's), if any. */
export function excelCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

const KNOWN: Record<string, [AdapterErrorCode, string, string]> = {
  AccessDenied: ["access_denied", "Excel 拒绝写入：工作表或工作簿受保护，或没有编辑权限", "Excel denied the write: the sheet or workbook is protected, or you lack edit permission"],
  ItemNotFound: ["not_found", "找不到要操作的工作表或单元格（可能已被删除或重命名）", "a sheet or cell the add-in needs was not found (deleted or renamed?)"],
  InvalidArgument: ["invalid_argument", "Excel 拒绝了要写入的内容（参数无效）", "Excel rejected the data to write (invalid argument)"],
  InvalidCellAddress: ["invalid_argument", "Excel 拒绝了单元格地址", "Excel rejected a cell address"],
  InvalidOperationInCellEditMode: ["cell_edit_mode", "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试", "Excel is in cell-edit mode: press Enter or Esc, then try again"],
  RequestPayloadSizeLimitExceeded: ["too_large", "数据量超过 Excel 单次请求 5 MB 的限制", "the data exceeds Excel's 5 MB per-request limit"],
  ResponsePayloadSizeLimitExceeded: ["too_large", "数据量超过 Excel 单次响应 5 MB 的限制", "the data exceeds Excel's 5 MB per-response limit"],
  InvalidSelection: ["invalid_argument", "请只选择一个连续的区域", "select one contiguous range"],
  ApiNotFound: ["api_missing", "此版本 Excel 不支持所需的功能，请更新 Excel", "this version of Excel lacks a feature the add-in needs; please update Excel"],
};

/** Translate anything thrown inside a batch into a SheetAdapterError. */
export function toAdapterError(e: unknown, context: { writing: boolean; rolledBack?: boolean; result?: ValidateResult; audit?: AuditResult }): SheetAdapterError {
  if (e instanceof SheetAdapterError) {
    if (context.result && !e.detail.result) return new SheetAdapterError(e.code, e.zh, e.en, { ...e.detail, result: context.result });
    if (context.audit && !e.detail.audit) return new SheetAdapterError(e.code, e.zh, e.en, { ...e.detail, audit: context.audit });
    return e;
  }
  const code = excelCode(e);
  const message = e instanceof Error ? e.message : String(e);
  const [kind, zh, en] = (code && KNOWN[code]) || ["excel_error", `Excel 返回错误${code ? ` ${code}` : ""}：${message}`, `Excel returned an error${code ? ` ${code}` : ""}: ${message}`];
  let tailZh = "";
  let tailEn = "";
  if (context.writing) {
    tailZh = context.rolledBack ? "。本次已写入的部分已清除。" : context.rolledBack === false ? "。清除已写入部分时也出错，请用“清除结果”再试。" : "。未写入任何内容。";
    tailEn = context.rolledBack ? "; the partial output was removed." : context.rolledBack === false ? "; removing the partial output failed too, use Clear results." : "; nothing was written.";
  }
  return new SheetAdapterError(kind, zh + tailZh, en + tailEn, { excelCode: code, excelMessage: message, result: context.result, audit: context.audit, rolledBack: context.rolledBack });
}
