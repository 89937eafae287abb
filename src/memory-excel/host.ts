/** The host side of the memory workbook: building fixtures and looking at the result, outside any batch. */
import { columnLetter } from "../core/basics/address";
import { CellValue } from "../core/basics/grid";
import { Rect, parseRect, rectA1, splitSheet } from "../excel/a1";
import { eachCell } from "./objects";
import { Cell, CfRule, DEFAULT_COLUMN_WIDTH, Fault, SheetState, SheetVisibility, WorkbookState, cellValue, grid, readValue, sheetRef } from "./state";

// The host side: building fixtures and looking at the result

export interface CellSnapshot {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

/** An Excel table as the user sees it in Table Design. */
export interface TableSnapshot {
  name: string;
  /** A1, "A4:F9" */
  range: string;
  style: string;
  showHeaders: boolean;
  showBandedRows: boolean;
  showFilterButton: boolean;
  /** the header row's text */
  headers: string[];
}

/** A chart: its type, title, series (data as sheet-qualified addresses) and the cells it spans. */
export interface ChartSnapshot {
  name: string;
  type: string;
  title: string | null;
  series: { name: string; values: string | null; xValues: string | null }[];
  topLeft: string | null;
  bottomRight: string | null;
  valueAxisFormat: string | null;
}

/** Frozen rows above and columns left; null when nothing is frozen. */
export type FreezeSnapshot = { rows: number; columns: number } | null;

/** A conditional format as a user would see it in Manage Rules, highest priority first. */
export interface ConditionalFormatSnapshot {
  type: string;
  /** where it applies: "F2:F101", or areas joined with "," */
  range: string;
  rule?: CfRule;
  fill?: string;
  fontColor?: string;
}

/** What a cell shows: its conditional formats' colours where a rule holds, else its own. */
export interface DisplayedFormat {
  fill: string;
  fontColor: string;
}

export interface SheetSnapshot {
  name: string;
  protected: boolean;
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<string, number>;
  notes: Record<string, string>;
  merges: string[];
  conditionalFormats: ConditionalFormatSnapshot[];
  visibility: SheetVisibility;
  tables: TableSnapshot[];
  charts: ChartSnapshot[];
  freeze: FreezeSnapshot;
}

export interface WorkbookSnapshot {
  active: string;
  sheets: SheetSnapshot[];
  customXmlParts: { namespaceUri: string; xml: string }[];
}

export interface SheetInit {
  name: string;
  /** raw values as pasted: strings stay text, even "=x" */
  values?: CellValue[][];
  numberFormats?: (string | null | undefined)[][];
  /** top-left cell of values (default A1) */
  at?: string;
  protected?: boolean;
  /** "Hidden" or "VeryHidden" for a sheet the user does not see (default "Visible") */
  visibility?: SheetVisibility;
}

/** Direct access to one sheet, outside any batch. */
export class SheetHandle {
  constructor(private readonly _sheet: SheetState) {}

  get name(): string {
    return this._sheet.name;
  }

  private rect(address: string): Rect {
    const rect = parseRect(splitSheet(address).range);
    if (!rect) throw new Error(`bad address ${address}`);
    return rect;
  }

  /** Put values as if pasted as text: no formula, no number parsing. */
  setValues(at: string, values: CellValue[][]): this {
    const { r1, c1 } = this.rect(at);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = this._sheet.ensure(r1 + i, c1 + j);
        cell.v = v === null || v === undefined || v === "" ? undefined : v;
        delete cell.f;
        this._sheet.tidy(r1 + i, c1 + j);
      }),
    );
    return this;
  }

  /** A threaded comment (Review → New Comment) on a cell: that cell takes no note. */
  addThreadedComment(at: string): this {
    const { r1, c1 } = this.rect(at);
    this._sheet.threadedComments.add(rectA1({ r1, c1, r2: r1, c2: c1 }));
    return this;
  }

  /** A formula typed by the user; its value is computed when read. */
  setFormula(at: string, formula: string): this {
    const { r1, c1 } = this.rect(at);
    const cell = this._sheet.ensure(r1, c1);
    cell.f = formula;
    delete cell.v;
    return this;
  }

  setNumberFormats(at: string, formats: (string | null | undefined)[][]): this {
    const { r1, c1 } = this.rect(at);
    formats.forEach((row, i) =>
      row.forEach((f, j) => {
        this._sheet.ensure(r1 + i, c1 + j).nf = f && f !== "General" ? f : undefined;
        this._sheet.tidy(r1 + i, c1 + j);
      }),
    );
    return this;
  }

  setFill(address: string, color: string): this {
    eachCell({ sheet: this._sheet, rects: [this.rect(address)] }, "host", (c) => (c.fill = color.toUpperCase()));
    return this;
  }

  setColumnWidth(column: string, points: number): this {
    const rect = this.rect(`${column}1`);
    this._sheet.widths.set(rect.c1, points);
    return this;
  }

  setNote(cell: string, text: string): this {
    this._sheet.notes.set(rectA1(this.rect(cell)), text);
    return this;
  }

  /** Merge an area: its top-left keeps the value, the rest read as blank. */
  merge(address: string): this {
    const rect = this.rect(address);
    this._sheet.merges.push(rect);
    for (const [r, c, cell] of [...this._sheet.cellsIn(rect)]) {
      if (r === rect.r1 && c === rect.c1) continue;
      delete cell.v;
      delete cell.f;
      this._sheet.tidy(r, c);
    }
    return this;
  }

  /** Add a conditional format as the user would (it becomes the highest priority). */
  addConditionalFormat(address: string, cf: { rule: CfRule; fill?: string; fontColor?: string }): this {
    const rects = address.split(",").map((a) => this.rect(a));
    this._sheet.cfs.unshift({
      id: `{cf-user-${this._sheet.cfs.length + 1}}`,
      type: "CellValue",
      rects,
      rule: { ...cf.rule },
      ...(cf.fill ? { fill: cf.fill.toUpperCase() } : {}),
      ...(cf.fontColor ? { font: cf.fontColor.toUpperCase() } : {}),
    });
    return this;
  }

  conditionalFormats(): ConditionalFormatSnapshot[] {
    return snapshotCfs(this._sheet);
  }

  /** The fill and font colour the cell shows, conditional formats included. */
  displayed(address: string): DisplayedFormat {
    const { r1, c1 } = this.rect(address);
    const d = this._sheet.displayed(r1, c1);
    return { fill: d.fill, fontColor: d.font };
  }

  /** Hide rows first…last (1-based) by hand, as Format › Hide Rows does, or show them again. */
  hideRows(first: number, last = first, hidden = true): this {
    for (let r = first; r <= last; r++) {
      if (hidden) this._sheet.hiddenRows.add(r);
      else this._sheet.hiddenRows.delete(r);
    }
    return this;
  }

  /**
   * Put an AutoFilter on `address` (its first row the header) whose criteria filter out
   * `filteredRows` (1-based data rows; they read as hidden); null removes the AutoFilter.
   */
  setAutoFilter(address: string | null, filteredRows: number[] = []): this {
    if (address === null) {
      this._sheet.autoFilter = null;
      return this;
    }
    const rect = this.rect(address);
    for (const r of filteredRows) if (r <= rect.r1 || r > rect.r2) throw new Error(`row ${r} is not a data row of ${address}`);
    this._sheet.autoFilter = { rect, filteredRows: new Set(filteredRows) };
    return this;
  }

  protect(on = true): this {
    this._sheet.protected = on;
    return this;
  }

  /** Hide the sheet ("Hidden", or "VeryHidden" as only code can), or show it again. */
  setVisibility(visibility: SheetVisibility): this {
    this._sheet.visibility = visibility;
    return this;
  }

  tables(): TableSnapshot[] {
    return snapshotTables(this._sheet);
  }

  charts(): ChartSnapshot[] {
    return snapshotCharts(this._sheet);
  }

  /** The AutoFilter's range ("A1:X5"), or null when the sheet has none. */
  autoFilter(): string | null {
    return this._sheet.autoFilter ? rectA1(this._sheet.autoFilter.rect) : null;
  }

  freeze(): FreezeSnapshot {
    return this._sheet.freeze ? { ...this._sheet.freeze } : null;
  }

  /** Values as Excel would return them ("" for blank). */
  values(address: string): CellValue[][] {
    return grid(this.rect(address), (r, c) => readValue(this._sheet, r, c));
  }

  cell(address: string): CellSnapshot & { note?: string } {
    const { r1, c1 } = this.rect(address);
    const cell = this._sheet.get(r1, c1);
    const note = this._sheet.notes.get(rectA1({ r1, c1, r2: r1, c2: c1 }));
    return { ...snapshotCell(cell, this._sheet.hiddenByMerge(r1, c1), cellValue(this._sheet, r1, c1)), ...(note !== undefined ? { note } : {}) };
  }

  columnWidth(column: string): number {
    return this._sheet.widths.get(this.rect(`${column}1`).c1) ?? DEFAULT_COLUMN_WIDTH;
  }

  notes(): Record<string, string> {
    return Object.fromEntries([...this._sheet.notes].sort());
  }

  usedRange(valuesOnly = true): string | null {
    const r = this._sheet.usedRect(valuesOnly);
    return r ? rectA1(r) : null;
  }

  /** Every formula on the sheet, by cell. */
  formulas(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [r, row] of this._sheet.rows) for (const [c, cell] of row) if (cell.f) out[`${columnLetter(c)}${r}`] = cell.f;
    return out;
  }
}

function snapshotCfs(sheet: SheetState): ConditionalFormatSnapshot[] {
  return sheet.cfs.map((cf) => ({
    type: cf.type,
    range: cf.rects.map(rectA1).join(","),
    ...(cf.rule ? { rule: { ...cf.rule } } : {}),
    ...(cf.fill ? { fill: cf.fill } : {}),
    ...(cf.font ? { fontColor: cf.font } : {}),
  }));
}

function snapshotTables(sheet: SheetState): TableSnapshot[] {
  return sheet.tables.map((t) => ({
    name: t.name,
    range: rectA1(t.rect),
    style: t.style,
    showHeaders: t.showHeaders,
    showBandedRows: t.showBandedRows,
    showFilterButton: t.showFilterButton,
    headers: grid({ ...t.rect, r2: t.rect.r1 }, (r, c) => String(readValue(sheet, r, c)))[0],
  }));
}

function snapshotCharts(sheet: SheetState): ChartSnapshot[] {
  return sheet.charts.map((c) => ({
    name: c.name,
    type: c.type,
    title: c.title,
    series: c.series.map((s) => ({ ...s })),
    topLeft: c.topLeft,
    bottomRight: c.bottomRight,
    valueAxisFormat: c.valueAxisFormat,
  }));
}

function snapshotCell(cell: Cell | undefined, hidden = false, value = cell?.v): CellSnapshot {
  const out: CellSnapshot = { value: hidden ? "" : (value ?? "") };
  if (cell?.f) out.formula = cell.f;
  if (cell?.nf) out.numberFormat = cell.nf;
  if (cell?.fill) out.fill = cell.fill;
  if (cell?.font) out.fontColor = cell.font;
  if (cell?.bold) out.bold = true;
  if (cell?.italic) out.italic = true;
  if (cell?.size !== undefined) out.fontSize = cell.size;
  if (cell?.align) out.horizontalAlignment = cell.align;
  if (cell?.wrap) out.wrapText = true;
  return out;
}

export class MemoryWorkbookHost {
  constructor(readonly _state: WorkbookState) {}

  addSheet(init: SheetInit | string): SheetHandle {
    const spec = typeof init === "string" ? { name: init } : init;
    const sheet = this._state.addSheet(spec.name);
    const handle = new SheetHandle(sheet);
    const at = spec.at ?? "A1";
    if (spec.values) handle.setValues(at, spec.values);
    if (spec.numberFormats) handle.setNumberFormats(at, spec.numberFormats);
    if (spec.protected) sheet.protected = true;
    if (spec.visibility) sheet.visibility = spec.visibility;
    return handle;
  }

  sheet(name: string): SheetHandle {
    const s = this._state.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return new SheetHandle(s);
  }

  hasSheet(name: string): boolean {
    return this._state.find(name) !== undefined;
  }

  /** The Excel tables on a sheet. */
  getTables(sheet: string): TableSnapshot[] {
    return snapshotTables(this.sheetState(sheet));
  }

  /** The charts on a sheet, in the order they were added. */
  getCharts(sheet: string): ChartSnapshot[] {
    return snapshotCharts(this.sheetState(sheet));
  }

  /** The frozen rows and columns of a sheet; null when nothing is frozen. */
  getFreeze(sheet: string): FreezeSnapshot {
    const f = this.sheetState(sheet).freeze;
    return f ? { ...f } : null;
  }

  /** The conditional formats on a sheet, highest priority first. */
  getConditionalFormats(sheet: string): ConditionalFormatSnapshot[] {
    return snapshotCfs(this.sheetState(sheet));
  }

  sheetNames(): string[] {
    return this._state.sheets.map((s) => s.name);
  }

  activate(name: string): void {
    this._state.activeId = this.sheetState(name).id;
  }

  activeSheet(): string {
    return this._state.active().name;
  }

  /** Select a range, as the user would (the sheet becomes active); "B2:B5,D2:D5" selects several areas. */
  select(name: string, address: string): void {
    const s = this.sheetState(name);
    const areas = address.split(",").map((a) => parseRect(a.trim()));
    if (areas.some((r) => r === null)) throw new Error(`bad address ${address}`);
    const rects = areas as Rect[];
    this._state.activeId = s.id;
    this._state.selection = { sheetId: s.id, rect: rects[0], ...(rects.length > 1 ? { areas: rects } : {}) };
  }

  /** Review → Protect Workbook (structure) on or off. */
  protectStructure(on = true): void {
    this._state.structureProtected = on;
  }

  /** A defined name (Formulas → Name Manager) referring to `formula`. */
  addName(name: string, formula: string): void {
    this._state.names.set(name, formula);
  }

  selection(): string | null {
    const sel = this._state.selection;
    const s = sel && this._state.sheets.find((x) => x.id === sel.sheetId);
    return sel && s ? `${sheetRef(s.name)}!${rectA1(sel.rect)}` : null;
  }

  customXmlParts(): { id: string; namespaceUri: string; xml: string }[] {
    return this._state.parts.map((p) => ({ ...p }));
  }

  /** Make the (skip+1)-th later operation of a kind fail with an Excel error code. */
  injectFault(fault: Fault): void {
    this._state.faults.push({ ...fault });
  }

  /** Everything a user could see or save, in a stable order (ids left out). */
  snapshot(): WorkbookSnapshot {
    return {
      active: this._state.active().name,
      sheets: this._state.sheets.map((s) => {
        const cells: Record<string, CellSnapshot> = {};
        for (const r of [...s.rows.keys()].sort((a, b) => a - b)) {
          const row = s.rows.get(r)!;
          for (const c of [...row.keys()].sort((a, b) => a - b)) cells[`${columnLetter(c)}${r}`] = snapshotCell(row.get(c), s.hiddenByMerge(r, c), cellValue(s, r, c));
        }
        const widths: Record<string, number> = {};
        for (const c of [...s.widths.keys()].sort((a, b) => a - b)) widths[columnLetter(c)] = s.widths.get(c)!;
        return {
          name: s.name,
          protected: s.protected,
          cells,
          columnWidths: widths,
          notes: Object.fromEntries([...s.notes].sort()),
          merges: s.merges.map(rectA1),
          conditionalFormats: snapshotCfs(s),
          visibility: s.visibility,
          tables: snapshotTables(s),
          charts: snapshotCharts(s),
          freeze: s.freeze ? { ...s.freeze } : null,
        };
      }),
      customXmlParts: this._state.parts.map((p) => ({ namespaceUri: p.namespaceUri, xml: p.xml })),
    };
  }

  private sheetState(name: string): SheetState {
    const s = this._state.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}
