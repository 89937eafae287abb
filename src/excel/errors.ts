/**
 * Every failure the adapter reports: a code the UI can switch on and a message in Chinese and
 * English (its words in the adapter's catalog, messages.ts). Excel's own errors
 * (OfficeExtension.Error codes) are translated here, in one place.
 */
import type { AuditResult } from "../core/audit/finding";
import type { ValidateResult } from "../core/indicators/results";
import type { Bilingual } from "../core/basics/text";
import { EXCEL_ERRORS } from "./messages";

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
    readonly text: Bilingual,
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
    super(`${text.zh} (${text.en})`);
    this.name = "SheetAdapterError";
  }
}

export function protectedSheetError(sheet: string): SheetAdapterError {
  return new SheetAdapterError("sheet_protected", EXCEL_ERRORS.sheetProtected(sheet));
}

/** The `code` of an OfficeExtension.Error (or the memory workbook's), if any. */
export function excelCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The adapter's code for each of Excel's error codes it knows; their words are EXCEL_ERRORS.excel. */
const KNOWN: Record<string, AdapterErrorCode> = {
  AccessDenied: "access_denied",
  ItemNotFound: "not_found",
  InvalidArgument: "invalid_argument",
  InvalidCellAddress: "invalid_argument",
  InvalidOperationInCellEditMode: "cell_edit_mode",
  RequestPayloadSizeLimitExceeded: "too_large",
  ResponsePayloadSizeLimitExceeded: "too_large",
  InvalidSelection: "invalid_argument",
  ApiNotFound: "api_missing",
};

/** Translate anything thrown inside a batch into a SheetAdapterError. */
export function toAdapterError(e: unknown, context: { writing: boolean; rolledBack?: boolean; result?: ValidateResult; audit?: AuditResult }): SheetAdapterError {
  if (e instanceof SheetAdapterError) {
    if (context.result && !e.detail.result) return new SheetAdapterError(e.code, e.text, { ...e.detail, result: context.result });
    if (context.audit && !e.detail.audit) return new SheetAdapterError(e.code, e.text, { ...e.detail, audit: context.audit });
    return e;
  }
  const code = excelCode(e);
  const message = e instanceof Error ? e.message : String(e);
  const known = code !== undefined && Object.hasOwn(KNOWN, code);
  const kind = known ? KNOWN[code] : "excel_error";
  const text = known ? EXCEL_ERRORS.excel[code] : EXCEL_ERRORS.unknownExcelError(code, message);
  const after = EXCEL_ERRORS.afterWrite;
  const tail = !context.writing ? { zh: "", en: "" } : context.rolledBack ? after.rolledBack : context.rolledBack === false ? after.rollbackFailed : after.nothingWritten;
  const full = { zh: text.zh + tail.zh, en: text.en + tail.en };
  return new SheetAdapterError(kind, full, { excelCode: code, excelMessage: message, result: context.result, audit: context.audit, rolledBack: context.rolledBack });
}
