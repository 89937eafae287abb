/**
 * One sheet of the memory workbook as the grid shows it: the cells' text (number formats applied),
 * the colours they show (conditional formats included), notes, merged areas and column widths.
 * Read from the workbook's host side, outside any batch, after each change.
 */
import { columnLetter, parseA1 } from "../core/basics/address";
import type { CellValue } from "../core/basics/grid";
import type { MemoryExcel } from "../memory-excel";
import { type Alignment, alignmentOf, displayText } from "./cell-text";

type Host = MemoryExcel["workbook"];

/** Excel shows no fill as white, and black text by default. */
const NO_FILL = "#FFFFFF";
const DEFAULT_FONT = "#000000";
const POINTS_TO_PX = 4 / 3;

export interface ViewCell {
  text: string;
  align: Alignment;
  /** what the formula bar and the cell editor start from: the formula, or the value as typed */
  input: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  note?: string;
  rowSpan?: number;
  colSpan?: number;
  /** left-aligned text runs on over this many empty cells to its right, as in Excel */
  spill?: number;
}

export interface SheetView {
  name: string;
  protected: boolean;
  rows: number;
  cols: number;
  /** the sheet has more rows than are shown */
  capped: boolean;
  /** pixels, index 0 is column A */
  widths: number[];
  cells: Map<string, ViewCell>;
  /** cells hidden under a merged area's top-left */
  covered: Set<string>;
}

export const key = (row: number, col: number) => `${row},${col}`;

/** The value as one would type it again: 0.9561 formatted 0.00% is "95.61%". */
export function inputText(value: CellValue, numberFormat?: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && numberFormat && /%/.test(numberFormat)) return `${Number((value * 100).toPrecision(12))}%`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function range(address: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b = a] = address.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  return p && q ? { r1: p.row, c1: p.col, r2: q.row, c2: q.col } : null;
}

export function sheetView(host: Host, name: string, maxRows = 1000, minRows = 40, minCols = 14): SheetView {
  const snapshot = host.snapshot().sheets.find((s) => s.name === name);
  if (!snapshot) throw new Error(`no sheet ${name}`);
  const handle = host.sheet(name);
  const cells = new Map<string, ViewCell>();
  const covered = new Set<string>();
  let lastRow = 0;
  let lastCol = 0;
  const reach = (row: number, col: number) => {
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
  };

  for (const [address, cell] of Object.entries(snapshot.cells)) {
    const at = parseA1(address);
    if (!at) continue;
    reach(at.row, at.col);
    const shown = handle.displayed(address);
    cells.set(key(at.row, at.col), {
      text: displayText(cell.value, cell.numberFormat),
      align: alignmentOf(cell.value),
      input: cell.formula ?? inputText(cell.value, cell.numberFormat),
      ...(shown.fill.toUpperCase() !== NO_FILL ? { fill: shown.fill } : {}),
      ...(shown.fontColor.toUpperCase() !== DEFAULT_FONT ? { font: shown.fontColor } : {}),
      ...(cell.bold ? { bold: true } : {}),
    });
  }
  const at = (row: number, col: number): ViewCell => {
    const k = key(row, col);
    let cell = cells.get(k);
    if (!cell) {
      cell = { text: "", align: "left", input: "" };
      cells.set(k, cell);
    }
    return cell;
  };
  for (const [address, note] of Object.entries(snapshot.notes)) {
    const p = parseA1(address);
    if (!p) continue;
    reach(p.row, p.col);
    at(p.row, p.col).note = note;
  }
  for (const merge of snapshot.merges) {
    const r = range(merge);
    if (!r) continue;
    reach(r.r2, r.c2);
    const top = at(r.r1, r.c1);
    top.rowSpan = r.r2 - r.r1 + 1;
    top.colSpan = r.c2 - r.c1 + 1;
    for (let row = r.r1; row <= r.r2; row++) for (let col = r.c1; col <= r.c2; col++) if (row !== r.r1 || col !== r.c1) covered.add(key(row, col));
  }
  for (const letters of Object.keys(snapshot.columnWidths)) {
    const p = parseA1(`${letters}1`);
    if (p) lastCol = Math.max(lastCol, p.col);
  }

  const wanted = Math.max(lastRow + 20, minRows);
  const rows = Math.min(wanted, maxRows);
  const cols = Math.min(Math.max(lastCol + 4, minCols), 702);

  for (const [k, cell] of cells) {
    if (cell.align !== "left" || cell.text === "" || cell.colSpan) continue;
    const [row, col] = k.split(",").map(Number);
    let spill = 0;
    while (col + spill + 1 <= cols) {
      const right = key(row, col + spill + 1);
      if (covered.has(right) || cells.get(right)?.input) break;
      spill++;
    }
    if (spill > 0) cell.spill = spill;
  }
  const widths: number[] = [];
  for (let c = 1; c <= cols; c++) widths.push(Math.round(handle.columnWidth(columnLetter(c)) * POINTS_TO_PX));
  return { name, protected: snapshot.protected, rows, cols, capped: lastRow > maxRows, widths, cells, covered };
}

