/** Execute a core WritePlan on an exceljs workbook (the CLI's adapter). */
import type ExcelJS from "exceljs";
import { parseA1 } from "../core/address";
import { WritePlan } from "../core/write-plan";

function argb(hex: string): string {
  return "FF" + hex.replace("#", "").toUpperCase();
}

function eachCell(ws: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void): void {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return;
  for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) fn(ws.getCell(r, c));
}

export function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): ExcelJS.Worksheet {
  let ws: ExcelJS.Worksheet | undefined;
  if (plan.mode === "new_sheet") {
    const old = wb.getWorksheet(plan.sheet);
    if (old) wb.removeWorksheet(old.id);
    ws = wb.addWorksheet(plan.sheet);
  } else {
    ws = wb.getWorksheet(plan.sheet);
  }
  if (!ws) throw new Error(`sheet "${plan.sheet}" not found`);
  // a re-run replaces our own block only
  const [, ownRange] = plan.owned.split("!");
  if (plan.mode === "beside" && ownRange) {
    eachCell(ws, ownRange, (cell) => {
      // only cells an earlier run filled: touching the others would create empty notes and styles
      if (cell.value !== null || cell.note) {
        cell.value = null;
        cell.style = {};
      }
      // exceljs has no "remove note": `cell.note = undefined` would attach an empty note instead
      if (cell.note) delete (cell as unknown as { _comment?: unknown })._comment;
    });
  }
  plan.cells.forEach((line, i) => {
    const row = ws.getRow(plan.startRow + i);
    line.forEach((v, j) => {
      const cell = row.getCell(plan.startCol + j);
      // strings are written as string cells: exceljs never turns them into formulas
      if (v !== null && typeof v === "object") cell.value = { formula: v.formula };
      else cell.value = v;
      if (i === 0) {
        cell.font = { bold: true, color: { argb: argb(plan.headerFill.font) } };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(plan.headerFill.fill) } };
      } else {
        cell.numFmt = plan.numberFormats[j];
      }
    });
  });
  plan.columnWidths.forEach((w, j) => {
    ws.getColumn(plan.startCol + j).width = w;
  });
  for (const f of plan.fills) {
    for (const range of f.ranges) {
      eachCell(ws, range, (cell) => {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
        cell.font = { color: { argb: argb(f.font) } };
      });
    }
  }
  for (const n of plan.notes) {
    const p = parseA1(n.cell);
    if (p) ws.getCell(p.row, p.col).note = n.text;
  }
  return ws;
}

