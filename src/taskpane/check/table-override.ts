/**
 * The header row and columns the user picks when detection is wrong, kept as the user sees them
 * (sheet row number, column letters) and turned into the engine's grid indexes only at run time,
 * against the grid as it is read then.
 */
import { columnLetter, columnNumber } from "../../core/basics/address";
import { type CellValue, type Grid, cellText } from "../../core/basics/grid";
import type { ColumnMap, Role } from "../../core/forms/table-finder";
import { guessHeaderIndex } from "../../core/forms/header-guess";

/** Rows kept from a read grid to name the columns in the picker. */
const KEPT_ROWS = 60;
/** Columns offered in the picker; a table wider than this is not an indicator table. */
export const MAX_PICKER_COLUMNS = 200;

/** Where the grid sits on the sheet, and the text of its first rows. */
export interface GridInfo {
  sheet: string;
  firstRow: number;
  firstCol: number;
  rowCount: number;
  colCount: number;
  rows: string[][];
}

export function gridInfo(grid: Grid): GridInfo {
  let colCount = 0;
  for (const row of grid.values) if (row.length > colCount) colCount = row.length;
  return {
    sheet: grid.sheet,
    firstRow: grid.firstRow ?? 1,
    firstCol: grid.firstCol ?? 1,
    rowCount: grid.values.length,
    colCount,
    rows: grid.values.slice(0, KEPT_ROWS).map((row) => row.slice(0, MAX_PICKER_COLUMNS).map((v: CellValue) => cellText(v).replace(/\s+/g, " ").trim())),
  };
}

/** A role's column letter, null for "not used"; a role left out is detected by the engine. */
export type ColumnChoices = Partial<Record<Role, string | null>>;

export interface TableOverride {
  sheet: string;
  /** 1-based sheet row of the header */
  headerRow: number;
  columns: ColumnChoices;
}

/** The grid's columns as letters, left to right. */
export function gridColumns(info: GridInfo): string[] {
  const n = Math.min(Math.max(info.colCount, 1), MAX_PICKER_COLUMNS);
  return Array.from({ length: n }, (_, i) => columnLetter(info.firstCol + i));
}

/** The text of a cell of the kept rows, by sheet row and column letter. */
export function headerText(info: GridInfo, sheetRow: number, letter: string): string {
  return info.rows[sheetRow - info.firstRow]?.[columnNumber(letter) - info.firstCol] ?? "";
}

/** The engine's options for an override, or null when it lies outside the grid read now. */
export function toValidateOptions(o: TableOverride, info: GridInfo): { headerIndex: number; columns: ColumnMap } | null {
  const headerIndex = o.headerRow - info.firstRow;
  if (headerIndex < 0 || headerIndex >= info.rowCount) return null;
  const columns: ColumnMap = {};
  for (const [role, letter] of Object.entries(o.columns) as [Role, string | null | undefined][]) {
    if (letter === undefined) continue;
    if (letter === null) {
      // present but undefined: the engine drops the detected column for this role
      columns[role] = undefined;
      continue;
    }
    const index = columnNumber(letter) - info.firstCol;
    if (index < 0 || index >= Math.max(info.colCount, 1)) return null;
    columns[role] = index;
  }
  return { headerIndex, columns };
}

/** Where the picker starts when nothing was detected: core's best guess at the header row, else the grid's first row. */
export function pickerStart(grid: Grid, info: GridInfo): TableOverride {
  return { sheet: info.sheet, headerRow: info.firstRow + (guessHeaderIndex(grid) ?? 0), columns: {} };
}

/** The override that reproduces what the engine detected (to start the picker from). */
export function overrideFromResult(sheet: string, headerRow: number, columns: Record<string, string>): TableOverride {
  return { sheet, headerRow, columns: { ...columns } as ColumnChoices };
}

export function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
