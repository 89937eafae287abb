/**
 * The engine's input: a sheet region as Excel returns it (values, and optionally
 * number formats and formulas), and where it sits on the sheet.
 */
export type CellValue = string | number | boolean | null | undefined;

export interface Grid {
  sheet: string;
  values: CellValue[][];
  /** number format per cell ("0.00%", "General"); same shape as values when given */
  numberFormats?: (string | null | undefined)[][];
  /** 1-based sheet row of values[0] (default 1) */
  firstRow?: number;
  /** 1-based sheet column of values[0][0] (default 1) */
  firstCol?: number;
}

export const EXCEL_ERRORS = new Set([
  "#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!",
]);

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** How many cells of a row hold something, left of `stop` (the add-in's own columns start there). */
export function filledCount(line: readonly CellValue[], stop = Infinity): number {
  let n = 0;
  for (let c = 0; c < Math.min(line.length, stop); c++) if (!isBlank(line[c])) n++;
  return n;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

