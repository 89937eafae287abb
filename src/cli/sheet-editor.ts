/**
 * The edits a run makes to one existing or new worksheet — values, styles, cleared areas, widths,
 * notes — collected and then written into the sheet part, its comments and its VML in one pass
 * (docs/write-back.md).
 */
import { a1 } from "../core/basics/address";
import { CellEdit, CellWrite, FormulaEffects, Rect, writeSheet } from "./sheet-data-write";
import { WorkbookParts, writeNotes } from "./sheet-notes-write";
import { SheetEntry } from "./xlsx-read";
import { StyleBook, StyleSpec } from "./xlsx-styles";

export class SheetEditor {
  private edits = new Map<number, Map<number, CellEdit>>();
  private clears: Rect[] = [];
  private widths = new Map<number, number>();
  private notes = new Map<string, string>();

  constructor(
    private wb: WorkbookParts,
    readonly entry: SheetEntry,
  ) {}

  private edit(row: number, col: number): CellEdit {
    let line = this.edits.get(row);
    if (!line) this.edits.set(row, (line = new Map()));
    let e = line.get(col);
    if (!e) line.set(col, (e = {}));
    return e;
  }

  setValue(row: number, col: number, value: CellWrite): void {
    this.edit(row, col).value = value;
  }

  setStyle(row: number, col: number, style: StyleSpec): void {
    const e = this.edit(row, col);
    e.style = { ...e.style, ...style };
  }

  /** Remove the values and notes a run wrote earlier in this area (cells with only a format stay). */
  clear(r1: number, c1: number, r2: number, c2: number): void {
    this.clears.push({ r1, c1, r2, c2 });
  }

  setWidth(col: number, width: number): void {
    this.widths.set(col, width);
  }

  setNote(row: number, col: number, text: string): void {
    this.notes.set(a1(row, col), text);
  }

  get pending(): boolean {
    return this.edits.size > 0 || this.clears.length > 0 || this.widths.size > 0 || this.notes.size > 0;
  }

  /** Write the pending edits into the package; `styles` is asked only when a cell gets a style. */
  flush(styles: () => StyleBook): FormulaEffects {
    const pkg = this.wb.pkg;
    const path = this.entry.path;
    let xml = pkg.getText(path);
    const root = pkg.top(path);
    const p = root.prefix ? root.prefix + ":" : "";
    const result = { removedFormula: false, wroteFormula: false };
    if (this.edits.size || this.clears.length || this.widths.size) xml = writeSheet(xml, { sheet: this.entry.name, edits: this.edits, clears: this.clears, styles }, result, this.widths);
    pkg.setText(path, xml);
    if (this.notes.size || this.clears.length) writeNotes(this.wb, { sheet: path, p, notes: this.notes, clears: this.clears });
    this.edits.clear();
    this.clears = [];
    this.widths.clear();
    this.notes.clear();
    return result;
  }
}
