/**
 * Execute a core SheetPlan on a workbook package (the CLI's adapter for comparison sheets):
 * values, live formulas, number formats, notes, styles, column widths, frozen panes and an
 * Excel table, written as parts of their own; every other sheet and part of the workbook is
 * kept (docs/write-back.md). The chart spec is left to Excel, which draws it when the add-in
 * makes the sheet.
 *
 * Our writer puts <legacyDrawing> (notes) before <tableParts>, in schema order, so a table and
 * notes can share a sheet (exceljs 4.4 writes them the other way round: exceljs issues #1369,
 * #1616). A styled header replaces the table when the table's name is already used in the
 * workbook or its header cells are not unique, non-empty text.
 */
import { parseA1 } from "../core/basics/address";
import { SheetPlan, SheetStyle } from "../core/compare/sheet-plan";
import { freeSheetName } from "../core/basics/sheet-names";
import type { Bilingual } from "../core/basics/text";
import { cellText } from "../core/basics/grid";
import { PlanCell } from "../core/basics/write-plan";
import { CLI_NOTES } from "./messages";
import { CellWrite, SheetEditor, SheetEntry, StyleSpec, XlsxWorkbook } from "./xlsx-workbook";

export interface SheetWriteResult {
  /** the sheet written: the plan's, or "<name> (2)" when a sheet of the user's has that name */
  sheet: string;
  /** "table": an Excel table with its style; "styled_header": plain cells with a coloured header */
  table: "table" | "styled_header";
  /** why there is no table, when there is none */
  tableReason?: Bilingual;
  /** the CLI writes no charts */
  chartWritten: false;
  /** true when a sheet this tool made earlier was replaced */
  replaced: boolean;
  /** set when the plan's sheet belonged to the user */
  renamed: Bilingual | null;
}

export interface SheetWriteOptions {
  /** "auto"/"always" (default): a table when the workbook allows one; "never": a styled header */
  table?: "auto" | "always" | "never";
}

const BORDER = "#BFBFBF";

function cellRange(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return p && q ? { r1: p.row, c1: p.col, r2: q.row, c2: q.col } : null;
}

function eachCell(range: string, fn: (row: number, col: number) => void): void {
  const r = cellRange(range);
  if (!r) return;
  for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) fn(row, col);
}

/** A plan cell as a written value: a string stays a text cell (never read as a formula). */
function writeValue(v: PlanCell): CellWrite {
  if (v === null) return null;
  if (typeof v === "object") return { formula: v.formula.replace(/^=/, "") };
  return v;
}

function styleOf(s: SheetStyle): StyleSpec {
  const out: StyleSpec = {};
  if (s.bold !== undefined) out.bold = s.bold;
  if (s.italic !== undefined) out.italic = s.italic;
  if (s.fontSize !== undefined) out.fontSize = s.fontSize;
  if (s.fontColor !== undefined) out.fontColor = s.fontColor;
  if (s.fill !== undefined) out.fill = s.fill;
  if (s.horizontalAlignment !== undefined) out.horizontal = s.horizontalAlignment;
  if (s.wrapText !== undefined) out.wrapText = s.wrapText;
  return out;
}

/** A sheet of the plan's name is one this tool made: its title (A1) and header's first cell are the plan's. */
function isOurSheet(wb: XlsxWorkbook, entry: SheetEntry, plan: SheetPlan): boolean {
  if (entry.kind !== "worksheet" || !entry.path) return false;
  const g = wb.grid(entry).values;
  const h = plan.header.row;
  return cellText(g[0]?.[0]) === cellText(plan.cells[0]?.[0] as string) && cellText(g[h - 1]?.[0]) === cellText(plan.cells[h - 1]?.[0] as string);
}

/**
 * Write the plan as a sheet: a sheet this tool made earlier under that name is replaced in
 * place (same position in the tab order); a sheet of the user's is left alone and the plan goes
 * to "<name> (2)".
 */
export function applySheetPlan(wb: XlsxWorkbook, plan: SheetPlan, options: SheetWriteOptions = {}): SheetWriteResult {
  const name = freeSheetName(plan.sheet, (n) => {
    const e = wb.sheet(n);
    return e !== undefined && !isOurSheet(wb, e, plan);
  });
  let entry = wb.sheet(name);
  const replaced = entry !== undefined;
  const freeze = { rows: plan.freeze.rows, columns: plan.freeze.columns };
  if (entry) wb.resetSheet(entry, { freeze });
  else entry = wb.addSheet(name, { freeze });
  const ed: SheetEditor = wb.edit(entry);

  const table = cellRange(plan.table.range);
  const headers = table ? (plan.cells[table.r1 - 1] ?? []).slice(table.c1 - 1, table.c2).map((h) => (typeof h === "string" ? h : "")) : [];
  let tableReason: SheetWriteResult["tableReason"];
  const mode = options.table ?? "auto";
  if (mode === "never") {
    tableReason = undefined;
  } else if (!table || table.r1 !== plan.header.row) {
    tableReason = CLI_NOTES.tableRangeNotHeader;
  } else if (headers.some((h) => h.trim() === "") || new Set(headers.map((h) => h.toLowerCase())).size !== headers.length) {
    tableReason = CLI_NOTES.tableHeaderInvalid;
  } else if (wb.tableNames().names.has(plan.table.name.toLowerCase())) {
    tableReason = CLI_NOTES.tableNameTaken(plan.table.name);
  }
  const useTable = mode !== "never" && tableReason === undefined && table !== null;

  plan.cells.forEach((line, i) => {
    line.forEach((v, j) => {
      if (v !== null) ed.setValue(i + 1, j + 1, writeValue(v));
    });
  });
  if (useTable && table) {
    wb.addTable(entry, {
      name: plan.table.name,
      ref: plan.table.range,
      columns: headers,
      style: plan.table.style,
      rowStripes: plan.table.showRowStripes,
      filterButton: plan.table.showFilterButton,
    });
  } else {
    eachCell(plan.table.range, (r, c) => ed.setStyle(r, c, { border: BORDER }));
    eachCell(plan.header.range, (r, c) => ed.setStyle(r, c, { bold: true, fontColor: plan.headerStyle.fontColor, fill: plan.headerStyle.fill }));
  }
  plan.numberFormats.forEach((line, i) => {
    line.forEach((f, j) => {
      if (f !== "General") ed.setStyle(i + 1, j + 1, { numFmt: f });
    });
  });
  for (const s of plan.styles) {
    const spec = styleOf(s);
    eachCell(s.range, (r, c) => ed.setStyle(r, c, spec));
  }
  plan.columnWidths.forEach((w, j) => ed.setWidth(j + 1, w));
  for (const n of plan.notes) {
    const p = parseA1(n.cell);
    if (p) ed.setNote(p.row, p.col, n.text);
  }
  const renamed = name === plan.sheet ? null : CLI_NOTES.comparisonSheetRenamed(plan.sheet, name);
  const result: SheetWriteResult = { sheet: name, table: useTable ? "table" : "styled_header", chartWritten: false, replaced, renamed };
  if (tableReason) result.tableReason = tableReason;
  return result;
}
