import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/basics/grid";

/** A sheet as a form is laid out: its cells (blank ones left empty), merged ranges and number formats. */
export interface GridSheet {
  values: CellValue[][];
  merges?: string[];
  numberFormats?: (string | null | undefined)[][];
}

/** Writes one sheet into a new .xlsx file with exceljs, another writer than the CLI's own. */
export async function writeGridWorkbook(file: string, sheetName: string, sheet: GridSheet): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v as ExcelJS.CellValue;
      const fmt = sheet.numberFormats?.[r]?.[c];
      if (fmt) cell.numFmt = fmt;
    }),
  );
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  await wb.xlsx.writeFile(file);
}
