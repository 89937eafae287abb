/** exceljs worksheet → the engine's Grid, with values as Excel would return them. */
import type ExcelJS from "exceljs";
import { CellValue, Grid } from "../core/grid";

/** One exceljs cell value → what office.js would give for Range.values. */
export function excelValue(cell: ExcelJS.Cell): CellValue {
  // merged cells other than the top-left come through as blanks, as in Excel
  if (cell.isMerged && cell.master && cell.master.address !== cell.address) return "";
  const v = cell.value as unknown;
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join("");
    if ("error" in o) return String(o.error);
    if ("formula" in o || "sharedFormula" in o) {
      const r = o.result as unknown;
      if (r === undefined || r === null) return "";
      if (typeof r === "object" && r !== null && "error" in (r as object)) return String((r as { error: string }).error);
      if (r instanceof Date) return excelSerial(r);
      return r as CellValue;
    }
    if ("text" in o) {
      const t = o.text as unknown;
      if (typeof t === "string") return t;
      if (t && typeof t === "object" && Array.isArray((t as { richText?: unknown }).richText)) {
        return ((t as { richText: Array<{ text: string }> }).richText).map((x) => x.text).join("");
      }
    }
  }
  return String(v);
}

function excelSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rowCount = ws.rowCount;
  const colCount = ws.columnCount;
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const vs: CellValue[] = new Array(colCount);
    const fs: (string | null)[] = new Array(colCount);
    for (let c = 1; c <= colCount; c++) {
      const cell = row.getCell(c);
      vs[c - 1] = excelValue(cell);
      fs[c - 1] = cell.numFmt ?? null;
    }
    values.push(vs);
    numberFormats.push(fs);
  }
  return { sheet: ws.name, values, numberFormats, firstRow: 1, firstCol: 1 };
}
