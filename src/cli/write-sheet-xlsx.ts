/**
 * Execute a core SheetPlan on an exceljs workbook (the CLI's adapter for comparison sheets).
 * Writes values, live formulas, number formats, notes, styles, column widths and frozen panes.
 * exceljs cannot write charts: the chart spec is left to Excel, which draws it when the add-in
 * makes the sheet (SPEC §11).
 *
 * The Excel table: exceljs 4.4 writes <legacyDrawing> (cell notes) after <tableParts>, against the
 * schema order, and Excel then drops the sheet's content (exceljs issues #1369, #1616). Every
 * comparison sheet has notes, so by default the table is written as a styled header and bordered
 * range instead; `table: "always"` forces ws.addTable.
 */
import type ExcelJS from "exceljs";
import { parseA1 } from "../core/address";
import { SheetPlan, SheetStyle } from "../core/compare/sheet-plan";
import { PlanCell } from "../core/write-plan";

export interface SheetWriteResult {
  worksheet: ExcelJS.Worksheet;
  /** "table": an Excel table with its style; "styled_header": plain cells with a coloured header */
  table: "table" | "styled_header";
  /** why there is no table, when there is none */
  tableReason?: { text: string; en: string };
  /** always false with exceljs */
  chartWritten: false;
  /** true when a sheet of the same name was replaced */
  replaced: boolean;
}

const BORDER = "#BFBFBF";

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

function cellRange(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return p && q ? { r1: p.row, c1: p.col, r2: q.row, c2: q.col } : null;
}

function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const r = cellRange(range);
  if (!r) return;
  for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) fn(ws.getCell(row, col));
}

/** A plan cell as an exceljs value: a string stays a string cell (exceljs never reads it as a formula). */
function excelValue(v: PlanCell): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") return { formula: v.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return v;
}

function applyStyle(ws: ExcelJS.Worksheet, s: SheetStyle): void {
  eachCell(ws, s.range, (cell) => {
    if (s.bold !== undefined || s.italic !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
      cell.font = {
        ...cell.font,
        ...(s.bold !== undefined ? { bold: s.bold } : {}),
        ...(s.italic !== undefined ? { italic: s.italic } : {}),
        ...(s.fontSize !== undefined ? { size: s.fontSize } : {}),
        ...(s.fontColor !== undefined ? { color: { argb: argb(s.fontColor) } } : {}),
      };
    }
    if (s.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
    if (s.horizontalAlignment !== undefined || s.wrapText !== undefined) {
      cell.alignment = {
        ...cell.alignment,
        ...(s.horizontalAlignment !== undefined ? { horizontal: s.horizontalAlignment } : {}),
        ...(s.wrapText !== undefined ? { wrapText: s.wrapText } : {}),
      };
    }
  });
}

/**
 * Write the plan as the sheet `plan.sheet`. An existing sheet of that name is replaced in place
 * (same position in the tab order); every other sheet is left as it is.
 */
export interface SheetWriteOptions {
  /** "auto" (default): a table only when the plan has no notes; "always" / "never" */
  table?: "auto" | "always" | "never";
}

const NO_TABLE_WITH_NOTES = {
  text: "exceljs 无法在带批注的工作表上写入 Excel 表格，改为带格式的表头；在 Excel 中用加载项生成时为表格",
  en: "exceljs cannot write an Excel table on a sheet with cell notes; a styled header is written instead (the add-in makes a table in Excel)",
};

export function applySheetPlan(wb: ExcelJS.Workbook, plan: SheetPlan, options: SheetWriteOptions = {}): SheetWriteResult {
  const old = wb.getWorksheet(plan.sheet);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.sheet, {
    views: [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }],
  });
  if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;

  const table = cellRange(plan.table.range);
  const mode = options.table ?? "auto";
  const wanted = mode === "always" || (mode === "auto" && plan.notes.length === 0);
  const useTable = wanted && table !== null && table.r1 === plan.header.row;
  // every cell outside the table (title, description, sources); the table writes its own block
  plan.cells.forEach((line, i) => {
    const r = i + 1;
    line.forEach((v, j) => {
      const c = j + 1;
      const inTable = useTable && table && r >= table.r1 && r <= table.r2 && c >= table.c1 && c <= table.c2;
      if (!inTable && v !== null) ws.getCell(r, c).value = excelValue(v);
    });
  });
  if (useTable && table) {
    const headers = plan.cells[table.r1 - 1].slice(table.c1 - 1, table.c2).map((h) => String(h ?? ""));
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = table.r1 + 1; r <= table.r2; r++) rows.push(plan.cells[r - 1].slice(table.c1 - 1, table.c2).map(excelValue));
    ws.addTable({
      name: plan.table.name,
      ref: `${plan.table.range.split(":")[0]}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: plan.table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: plan.table.showRowStripes },
      columns: headers.map((name) => ({ name, filterButton: plan.table.showFilterButton })),
      rows,
    });
  } else {
    const line = { style: "thin" as const, color: { argb: argb(BORDER) } };
    eachCell(ws, plan.table.range, (cell) => {
      cell.border = { top: line, left: line, bottom: line, right: line };
    });
    eachCell(ws, plan.header.range, (cell) => {
      cell.font = { bold: true, color: { argb: argb(plan.headerStyle.fontColor) } };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(plan.headerStyle.fill) } };
    });
  }
  plan.numberFormats.forEach((line, i) => {
    line.forEach((f, j) => {
      if (f !== "General") ws.getCell(i + 1, j + 1).numFmt = f;
    });
  });
  for (const s of plan.styles) applyStyle(ws, s);
  plan.columnWidths.forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });
  for (const n of plan.notes) {
    const p = parseA1(n.cell);
    if (p) ws.getCell(p.row, p.col).note = n.text;
  }
  const result: SheetWriteResult = { worksheet: ws, table: useTable ? "table" : "styled_header", chartWritten: false, replaced: old !== undefined };
  if (!useTable && plan.notes.length > 0 && mode !== "never") result.tableReason = NO_TABLE_WITH_NOTES;
  return result;
}
