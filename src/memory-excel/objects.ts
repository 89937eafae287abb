/** The office.js objects of the memory workbook: proxies that queue work for `sync()`. */
import { MAX_COLS, MAX_ROWS, Rect, intersect, parseRect, rectA1, sameName, splitSheet } from "../excel/a1";
import type {
  XlApplication,
  XlAutoFilter,
  XlClearApplyTo,
  XlCellValueConditionalFormat,
  XlCellValueRule,
  XlClientResult,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlConditionalRangeFill,
  XlConditionalRangeFont,
  XlConditionalRangeFormat,
  XlContext,
  XlCustomXmlPart,
  XlCustomXmlPartCollection,
  XlCustomXmlPartScopedCollection,
  XlChart,
  XlChartAxes,
  XlChartAxis,
  XlChartCollection,
  XlChartSeries,
  XlChartSeriesBy,
  XlChartSeriesCollection,
  XlChartTitle,
  XlChartType,
  XlHorizontalAlignment,
  XlNote,
  XlNoteCollection,
  XlRange,
  XlRangeAreas,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlTable,
  XlTableCollection,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetFreezePanes,
  XlWorksheetProtection,
  XlNamedItem,
  XlNamedItemCollection,
  XlWorkbookProtection,
} from "../excel/excel-api";
import { jsonBytes } from "../excel/payload";
import {
  CELL_VALUE_OPERATORS,
  Cell,
  CfState,
  ChartSeriesState,
  ChartState,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_FONT,
  MemoryExcelError,
  NO_FILL,
  OP_FRAMING,
  PartState,
  SheetState,
  SheetVisibility,
  TableState,
  WorkbookState,
  area,
  cellValue,
  display,
  enter,
  fail,
  grid,
  notLoaded,
  readValue,
  rootNamespace,
  sheetRef,
} from "./state";

// ---------------------------------------------------------------------------------------------
// Proxies: the objects the add-in code sees

interface OpResult {
  response?: unknown;
  commit?: () => void;
}

interface Op {
  kind: string;
  payload: unknown;
  run: () => OpResult | void;
}

type LoadSpec = string | string[] | { select?: string; expand?: string };

function loadPaths(spec?: LoadSpec): string[][] {
  let names: string[] = [];
  if (typeof spec === "string") names = spec.split(",");
  else if (Array.isArray(spec)) names = spec.flatMap((s) => s.split(","));
  else if (spec) names = [...(spec.select ?? "").split(","), ...(spec.expand ?? "").split(",")];
  return names.map((s) => s.trim()).filter((s) => s !== "").map((s) => s.split("/").map((x) => x.trim()));
}

abstract class MemObject {
  protected readonly _loaded = new Map<string, unknown>();
  private _null: boolean | undefined;
  private _resolved = false;
  private _cached: unknown = null;

  constructor(
    protected readonly _ctx: MemoryContext,
    readonly _path: string,
  ) {}

  get isNullObject(): boolean {
    if (this._null === undefined) throw notLoaded("isNullObject", this._path);
    return this._null;
  }

  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw notLoaded(name, this._path);
    return this._loaded.get(name) as T;
  }

  protected abstract _resolve(): unknown;

  /** What the proxy stands for, resolved on first use inside a sync; null for a null object. */
  _target(): unknown {
    if (!this._resolved) {
      this._cached = this._resolve();
      this._resolved = true;
      if (this._cached === null) this._null = true;
    }
    return this._cached;
  }

  /** Bind to what an `add` made at sync; null makes a null object (its range was one). */
  _bind(target: unknown): void {
    this._cached = target;
    this._resolved = true;
    this._null = target === null;
  }

  protected _scalars(): readonly string[] {
    return [];
  }

  protected _read(_name: string, _target: unknown): unknown {
    return undefined;
  }

  protected _nav(_name: string): MemObject | null {
    return null;
  }

  load(spec?: LoadSpec): this {
    const paths = loadPaths(spec);
    this._ctx._queue("load", { path: this._path, load: paths.map((p) => p.join("/")) }, () => this._loadNow(paths));
    return this;
  }

  _loadNow(paths: string[][]): OpResult {
    const t = this._target();
    if (t === null) return { response: null, commit: () => (this._null = true) };
    const wanted = paths.length ? paths : this._scalars().map((s) => [s]);
    const response: Record<string, unknown> = {};
    const values: [string, unknown][] = [];
    const commits: (() => void)[] = [];
    for (const [head, ...rest] of wanted) {
      if (rest.length === 0 && this._scalars().includes(head)) {
        const v = this._read(head, t);
        response[head] = v;
        values.push([head, v]);
        continue;
      }
      const nav = this._nav(head);
      if (!nav) fail("InvalidArgument", `Cannot load '${[head, ...rest].join("/")}' on ${this._path}.`, this._path);
      const sub = nav._loadNow(rest.length ? [rest] : []);
      response[head] = sub.response;
      if (sub.commit) commits.push(sub.commit);
    }
    return {
      response,
      commit: () => {
        this._null = false;
        for (const [k, v] of values) this._loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  /** Queue a write: it runs at sync, on the resolved target, unless this is a null object. */
  protected _write<T>(kind: string, payload: unknown, fn: (target: T) => void, since?: string): void {
    this._ctx._queue(kind, { path: this._path, ...(payload as object) }, () => {
      if (since) this._ctx._require(since, kind);
      const t = this._target() as T | null;
      if (t !== null) fn(t);
    });
  }
}

function writableSheet(sheet: SheetState, path: string): SheetState {
  if (sheet.deleted) fail("ItemNotFound", "The worksheet has been deleted.", path);
  if (sheet.protected) fail("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", path);
  return sheet;
}

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

export interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

function sheetOf(target: RangeTarget, path: string): SheetState {
  if (target.sheet.deleted) fail("ItemNotFound", "The worksheet has been deleted.", path);
  return target.sheet;
}

function checkShape(rect: Rect, data: unknown, path: string): unknown[][] {
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (!Array.isArray(data) || data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols)) {
    fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`, path);
  }
  return data as unknown[][];
}

function readLimitCheck(rect: Rect, ctx: MemoryContext, path: string): void {
  // at least three bytes of JSON per cell: stop before building an array that cannot be sent
  if (area(rect) * 3 > ctx._limit) fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.", path);
}

export class MemRange extends MemObject implements XlRange {
  private _format: MemRangeFormat | null = null;
  private _cfs: MemConditionalFormatCollection | null = null;

  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => RangeTarget | null,
  ) {
    super(ctx, path);
  }

  protected _resolve(): RangeTarget | null {
    return this._resolver();
  }

  override _target(): RangeTarget | null {
    return super._target() as RangeTarget | null;
  }

  protected override _scalars(): readonly string[] {
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "numberFormat", "formulas", "text", "rowHidden"];
  }

  protected override _read(name: string, target: unknown): unknown {
    const { rect } = target as RangeTarget;
    const sheet = sheetOf(target as RangeTarget, this._path);
    switch (name) {
      case "address":
        return `${sheetRef(sheet.name)}!${rectA1(rect)}`;
      case "rowIndex":
        return rect.r1 - 1;
      case "columnIndex":
        return rect.c1 - 1;
      case "rowCount":
        return rect.r2 - rect.r1 + 1;
      case "columnCount":
        return rect.c2 - rect.c1 + 1;
      case "cellCount":
        return area(rect);
      case "values":
        readLimitCheck(rect, this._ctx, this._path);
        return grid(rect, (r, c) => readValue(sheet, r, c));
      case "numberFormat":
        readLimitCheck(rect, this._ctx, this._path);
        return grid(rect, (r, c) => sheet.get(r, c)?.nf ?? "General");
      case "formulas":
        readLimitCheck(rect, this._ctx, this._path);
        return grid(rect, (r, c) => (sheet.hiddenByMerge(r, c) ? "" : (sheet.get(r, c)?.f ?? sheet.get(r, c)?.v ?? "")));
      case "text":
        readLimitCheck(rect, this._ctx, this._path);
        return grid(rect, (r, c) => (sheet.hiddenByMerge(r, c) ? "" : display(cellValue(sheet, r, c), sheet.get(r, c)?.nf)));
      case "rowHidden":
        this._ctx._require("1.2", "Range.rowHidden");
        return sheet.rowHidden(rect.r1, rect.r2);
    }
    return undefined;
  }

  protected override _nav(name: string): MemObject | null {
    return name === "format" ? this.format : null;
  }

  get address(): string {
    return this._get("address");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get rowHidden(): boolean | null {
    return this._get("rowHidden");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(data: unknown[][]) {
    this._loaded.set("values", data);
    this._write<RangeTarget>("range.values", { values: data }, (t) => this._enterAll(t, data));
  }

  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(data: unknown[][]) {
    this._loaded.set("formulas", data);
    this._write<RangeTarget>("range.formulas", { formulas: data }, (t) => this._enterAll(t, data));
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(data: unknown[][]) {
    this._loaded.set("numberFormat", data);
    this._write<RangeTarget>("range.numberFormat", { numberFormat: data }, (t) => {
      const sheet = writableSheet(t.sheet, this._path);
      const rows = checkShape(t.rect, data, this._path);
      for (let r = t.rect.r1; r <= t.rect.r2; r++) {
        for (let c = t.rect.c1; c <= t.rect.c2; c++) {
          const nf = rows[r - t.rect.r1][c - t.rect.c1];
          if (nf === null || nf === undefined) continue;
          if (typeof nf !== "string") fail("InvalidArgument", "A number format must be a string.", this._path);
          sheet.ensure(r, c).nf = nf === "General" ? undefined : nf;
          sheet.tidy(r, c);
        }
      }
    });
  }

  private _enterAll(t: RangeTarget, data: unknown[][]): void {
    const sheet = writableSheet(t.sheet, this._path);
    const rows = checkShape(t.rect, data, this._path);
    sheet.checkMergedWrite(t.rect, this._path);
    for (let r = t.rect.r1; r <= t.rect.r2; r++) {
      const line = rows[r - t.rect.r1];
      for (let c = t.rect.c1; c <= t.rect.c2; c++) enter(sheet, r, c, line[c - t.rect.c1]);
    }
  }

  get format(): MemRangeFormat {
    if (!this._format) {
      this._format = new MemRangeFormat(this._ctx, `${this._path}.format`, () => {
        const t = this._target();
        return t ? { sheet: t.sheet, rects: [t.rect] } : null;
      });
    }
    return this._format;
  }

  get conditionalFormats(): MemConditionalFormatCollection {
    this._cfs ??= new MemConditionalFormatCollection(this._ctx, `${this._path}.conditionalFormats`, () => this._target());
    return this._cfs;
  }

  clear(applyTo: XlClearApplyTo = "All"): void {
    this._write<RangeTarget>("range.clear", { applyTo }, (t) => {
      const sheet = writableSheet(t.sheet, this._path);
      if (applyTo !== "Formats") sheet.checkMergedWrite(t.rect, this._path);
      // as Excel's Clear Formats: the cleared cells lose their conditional formats too
      if (applyTo === "All" || applyTo === "Formats") sheet.clearConditionalFormats(t.rect);
      for (const [r, c, cell] of [...sheet.cellsIn(t.rect)]) {
        if (applyTo === "All" || applyTo === "Contents") {
          delete cell.v;
          delete cell.f;
        }
        if (applyTo === "All" || applyTo === "Formats") {
          delete cell.nf;
          delete cell.fill;
          delete cell.font;
          delete cell.bold;
          delete cell.italic;
          delete cell.size;
          delete cell.align;
          delete cell.wrap;
        }
        sheet.tidy(r, c);
      }
    });
  }

  select(): void {
    this._write<RangeTarget>("range.select", {}, (t) => {
      const sheet = sheetOf(t, this._path);
      this._ctx._state.activeId = sheet.id;
      this._ctx._state.selection = { sheetId: sheet.id, rect: t.rect };
    });
  }

  getCell(row: number, column: number): MemRange {
    return new MemRange(this._ctx, `${this._path}.getCell(${row},${column})`, () => {
      const t = this._target();
      if (!t) return null;
      const r = t.rect.r1 + row;
      const c = t.rect.c1 + column;
      if (r < 1 || c < 1 || r > MAX_ROWS || c > MAX_COLS) fail("InvalidArgument", "The cell is outside the worksheet.", this._path);
      return { sheet: t.sheet, rect: { r1: r, c1: c, r2: r, c2: c } };
    });
  }

  getEntireRow(): MemRange {
    return new MemRange(this._ctx, `${this._path}.getEntireRow()`, () => {
      const t = this._target();
      return t ? { sheet: t.sheet, rect: { r1: t.rect.r1, c1: 1, r2: t.rect.r2, c2: MAX_COLS } } : null;
    });
  }

  getIntersectionOrNullObject(anotherRange: XlRange | string): MemRange {
    return new MemRange(this._ctx, `${this._path}.getIntersectionOrNullObject()`, () => {
      this._ctx._require("1.4", "Range.getIntersectionOrNullObject");
      const t = this._target();
      if (!t) return null;
      let other: Rect | null;
      if (typeof anotherRange === "string") {
        const { sheet, range: a1 } = splitSheet(anotherRange);
        if (sheet !== null && !sameName(sheet, t.sheet.name)) fail("InvalidArgument", "The ranges are on different worksheets.", this._path);
        other = parseRect(a1);
        if (!other) fail("InvalidArgument", `The address '${anotherRange}' is not valid.`, this._path);
      } else {
        if (!(anotherRange instanceof MemRange)) fail("InvalidArgument", "The range belongs to another workbook.", this._path);
        const o = anotherRange._target();
        if (!o) return null;
        if (o.sheet !== t.sheet) fail("InvalidArgument", "The ranges are on different worksheets.", this._path);
        other = o.rect;
      }
      const rect = intersect(t.rect, other);
      return rect ? { sheet: t.sheet, rect } : null;
    });
  }
}

export class MemRangeAreas extends MemObject implements XlRangeAreas {
  private _format: MemRangeFormat | null = null;
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => AreasTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): AreasTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["address", "areaCount", "cellCount"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const t = target as AreasTarget;
    if (name === "address") return t.rects.map((r) => `${sheetRef(t.sheet.name)}!${rectA1(r)}`).join(",");
    if (name === "areaCount") return t.rects.length;
    if (name === "cellCount") return t.rects.reduce((n, r) => n + area(r), 0);
    return undefined;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "format" ? this.format : null;
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get format(): MemRangeFormat {
    if (!this._format) this._format = new MemRangeFormat(this._ctx, `${this._path}.format`, () => this._target() as AreasTarget | null);
    return this._format;
  }
}

/** One value for every cell of the areas, or null when they differ (as Excel reports mixed formats). */
function uniform<T>(t: AreasTarget, pick: (cell: Cell) => T | undefined, fallback: T): T | null {
  const seen = new Set<T>();
  let visited = 0;
  let total = 0;
  for (const rect of t.rects) {
    total += area(rect);
    for (const [, , cell] of t.sheet.cellsIn(rect)) {
      visited++;
      seen.add(pick(cell) ?? fallback);
      if (seen.size > 1) return null;
    }
  }
  if (visited < total) seen.add(fallback);
  return seen.size === 1 ? [...seen][0] : null;
}

export function eachCell(t: AreasTarget, path: string, fn: (cell: Cell) => void): void {
  const sheet = writableSheet(t.sheet, path);
  for (const rect of t.rects) {
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        fn(sheet.ensure(r, c));
        sheet.tidy(r, c);
      }
    }
  }
}

export class MemRangeFormat extends MemObject implements XlRangeFormat {
  readonly fill: MemRangeFill;
  readonly font: MemRangeFont;
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => AreasTarget | null,
  ) {
    super(ctx, path);
    this.fill = new MemRangeFill(ctx, `${path}.fill`, _resolver);
    this.font = new MemRangeFont(ctx, `${path}.font`, _resolver);
  }
  protected _resolve(): AreasTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["columnWidth", "horizontalAlignment", "wrapText"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const t = target as AreasTarget;
    if (name === "horizontalAlignment") return uniform(t, (c) => c.align, "General");
    if (name === "wrapText") return uniform(t, (c) => c.wrap, false);
    if (name !== "columnWidth") return undefined;
    const widths = new Set<number>();
    for (const rect of t.rects) for (let c = rect.c1; c <= rect.c2 && widths.size < 2; c++) widths.add(t.sheet.widths.get(c) ?? DEFAULT_COLUMN_WIDTH);
    return widths.size === 1 ? [...widths][0] : null;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "fill" ? this.fill : name === "font" ? this.font : null;
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(points: number) {
    this._loaded.set("columnWidth", points);
    this._write<AreasTarget>("format.columnWidth", { columnWidth: points }, (t) => {
      const sheet = writableSheet(t.sheet, this._path);
      if (!(points >= 0)) fail("InvalidArgument", "The column width is not valid.", this._path);
      // a column set to the standard width is a standard column again
      for (const rect of t.rects) for (let c = rect.c1; c <= rect.c2; c++) if (points === DEFAULT_COLUMN_WIDTH) sheet.widths.delete(c);
      else sheet.widths.set(c, points);
    });
  }
  get horizontalAlignment(): XlHorizontalAlignment {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(align: XlHorizontalAlignment) {
    this._loaded.set("horizontalAlignment", align);
    this._write<AreasTarget>("format.horizontalAlignment", { horizontalAlignment: align }, (t) => {
      if (!HORIZONTAL_ALIGNMENTS.includes(align)) fail("InvalidArgument", `'${String(align)}' is not a horizontal alignment.`, this._path);
      eachCell(t, this._path, (cell) => (cell.align = align === "General" ? undefined : align));
    });
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(wrap: boolean) {
    this._loaded.set("wrapText", wrap);
    this._write<AreasTarget>("format.wrapText", { wrapText: wrap }, (t) => eachCell(t, this._path, (cell) => (cell.wrap = wrap || undefined)));
  }
}

const HORIZONTAL_ALIGNMENTS: readonly string[] = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
/** Excel's default font size (Calibri 11). */
const DEFAULT_FONT_SIZE = 11;

export class MemRangeFill extends MemObject implements XlRangeFill {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => AreasTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): AreasTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["color"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "color" ? uniform(target as AreasTarget, (c) => c.fill, NO_FILL) : undefined;
  }
  get color(): string {
    return this._get("color");
  }
  set color(color: string) {
    this._loaded.set("color", color);
    this._write<AreasTarget>("format.fill.color", { color }, (t) => eachCell(t, this._path, (cell) => (cell.fill = color.toUpperCase())));
  }
  clear(): void {
    this._write<AreasTarget>("format.fill.clear", {}, (t) => eachCell(t, this._path, (cell) => delete cell.fill));
  }
}

export class MemRangeFont extends MemObject implements XlRangeFont {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => AreasTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): AreasTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["color", "bold", "italic", "size"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const t = target as AreasTarget;
    if (name === "color") return uniform(t, (c) => c.font, DEFAULT_FONT);
    if (name === "bold") return uniform(t, (c) => c.bold, false);
    if (name === "italic") return uniform(t, (c) => c.italic, false);
    if (name === "size") return uniform(t, (c) => c.size, DEFAULT_FONT_SIZE);
    return undefined;
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(italic: boolean) {
    this._loaded.set("italic", italic);
    this._write<AreasTarget>("format.font.italic", { italic }, (t) => eachCell(t, this._path, (cell) => (cell.italic = italic || undefined)));
  }
  get size(): number {
    return this._get("size");
  }
  set size(size: number) {
    this._loaded.set("size", size);
    this._write<AreasTarget>("format.font.size", { size }, (t) => {
      if (!(size >= 1 && size <= 409)) fail("InvalidArgument", `${size} is not a font size.`, this._path);
      eachCell(t, this._path, (cell) => (cell.size = size === DEFAULT_FONT_SIZE ? undefined : size));
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(color: string) {
    this._loaded.set("color", color);
    this._write<AreasTarget>("format.font.color", { color }, (t) => eachCell(t, this._path, (cell) => (cell.font = color.toUpperCase())));
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(bold: boolean) {
    this._loaded.set("bold", bold);
    this._write<AreasTarget>("format.font.bold", { bold }, (t) => eachCell(t, this._path, (cell) => (cell.bold = bold || undefined)));
  }
}

export class MemWorksheetProtection extends MemObject implements XlWorksheetProtection {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): SheetState | null {
    this._ctx._require("1.2", "WorksheetProtection");
    return this._sheet();
  }
  protected override _scalars(): readonly string[] {
    return ["protected"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "protected" ? (target as SheetState).protected : undefined;
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(): void {
    this._write<SheetState>("protection.protect", {}, (s) => (s.protected = true));
  }
  unprotect(): void {
    this._write<SheetState>("protection.unprotect", {}, (s) => (s.protected = false));
  }
}

/** ExcelApi 1.7: Review → Protect Workbook (structure). */
export class MemWorkbookProtection extends MemObject implements XlWorkbookProtection {
  protected _resolve(): WorkbookState {
    this._ctx._require("1.7", "WorkbookProtection");
    return this._ctx._state;
  }
  protected override _scalars(): readonly string[] {
    return ["protected"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "protected" ? (target as WorkbookState).structureProtected : undefined;
  }
  get protected(): boolean {
    return this._get("protected");
  }
}

/** A defined name; its formula is not modelled, only that the name is taken. */
export class MemNamedItem extends MemObject implements XlNamedItem {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _key: string,
  ) {
    super(ctx, path);
  }
  protected _resolve(): string | null {
    this._ctx._require("1.4", "NamedItemCollection.getItemOrNullObject");
    return [...this._ctx._state.names.keys()].find((n) => sameName(n, this._key)) ?? null;
  }
  protected override _scalars(): readonly string[] {
    return ["name"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "name" ? target : undefined;
  }
  get name(): string {
    return this._get("name");
  }
}

export class MemNamedItemCollection implements XlNamedItemCollection {
  constructor(private readonly _ctx: MemoryContext) {}
  getItemOrNullObject(name: string): MemNamedItem {
    return new MemNamedItem(this._ctx, `names.getItemOrNullObject(${name})`, name);
  }
}

export class MemAutoFilter extends MemObject implements XlAutoFilter {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): SheetState | null {
    this._ctx._require("1.9", "AutoFilter");
    return this._sheet();
  }
  protected override _scalars(): readonly string[] {
    return ["enabled", "isDataFiltered"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const f = (target as SheetState).autoFilter;
    if (name === "enabled") return f !== null;
    if (name === "isDataFiltered") return f !== null && f.filteredRows.size > 0;
    return undefined;
  }
  get enabled(): boolean {
    return this._get("enabled");
  }
  get isDataFiltered(): boolean {
    return this._get("isDataFiltered");
  }
  /** Excel keeps one AutoFilter a sheet: applying one replaces the sheet's earlier filter. */
  apply(range: XlRange | string): void {
    const shown = typeof range === "string" ? range : (range as MemRange)._path;
    this._ctx._queue("autoFilter.apply", { path: this._path, range: shown }, () => {
      const s = this._resolve();
      if (!s) fail("ItemNotFound", "The worksheet has been deleted.", this._path);
      const t = rangeArgument(this._ctx, range, s, this._path, "1.9");
      if (t.sheet !== s) fail("InvalidArgument", "The range is on another worksheet.", this._path);
      if (t.rect.r2 <= t.rect.r1) fail("InvalidArgument", "An AutoFilter needs a header row and at least one row under it.", this._path);
      s.autoFilter = { rect: t.rect, filteredRows: new Set() };
    });
  }
}

interface NoteTarget {
  sheet: SheetState;
  cell: string;
}

function noteKey(sheet: SheetState, address: string, path: string): string {
  const { sheet: named, range: a1 } = splitSheet(address);
  if (named !== null && !sameName(named, sheet.name)) fail("InvalidArgument", "The note's cell is on another worksheet.", path);
  const rect = parseRect(a1);
  if (!rect || area(rect) !== 1) fail("InvalidCellAddress", `'${address}' is not a single cell.`, path);
  return rectA1(rect);
}

export class MemNote extends MemObject implements XlNote {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => NoteTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): NoteTarget | null {
    this._ctx._require("1.18", "Note");
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["content"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const t = target as NoteTarget;
    return name === "content" ? t.sheet.notes.get(t.cell) : undefined;
  }
  get content(): string {
    return this._get("content");
  }
  delete(): void {
    this._write<NoteTarget>(
      "note.delete",
      {},
      (t) => {
        writableSheet(t.sheet, this._path);
        t.sheet.notes.delete(t.cell);
      },
      "1.18",
    );
  }
}

export class MemNoteCollection implements XlNoteCollection {
  constructor(
    private readonly _ctx: MemoryContext,
    private readonly _path: string,
    private readonly _sheet: () => SheetState | null,
  ) {}

  add(cellAddress: string, content: string): MemNote {
    const note = new MemNote(this._ctx, `${this._path}.add(${cellAddress})`, () => fail("InvalidObjectPath", "The note was not added.", this._path));
    this._ctx._queue("notes.add", { path: this._path, cellAddress, content }, () => {
      this._ctx._require("1.18", "NoteCollection.add");
      const s = this._sheet();
      if (!s) return;
      writableSheet(s, this._path);
      const key = noteKey(s, cellAddress, this._path);
      // a cell holds a note or a threaded comment, not both
      if (s.threadedComments.has(key)) fail("InvalidOperation", `The cell ${key} has a threaded comment; it cannot also have a note.`, this._path);
      if (s.notes.has(key)) fail("InvalidArgument", `The cell ${key} already has a note.`, this._path);
      s.notes.set(key, String(content));
      note._bind({ sheet: s, cell: key });
    });
    return note;
  }

  getItem(key: string): MemNote {
    return new MemNote(this._ctx, `${this._path}.getItem(${key})`, () => {
      const s = this._sheet();
      if (!s) return null;
      const cell = noteKey(s, key, this._path);
      if (!s.notes.has(cell)) fail("ItemNotFound", `There is no note on ${cell}.`, this._path);
      return { sheet: s, cell };
    });
  }

  getItemOrNullObject(key: string): MemNote {
    return new MemNote(this._ctx, `${this._path}.getItemOrNullObject(${key})`, () => {
      const s = this._sheet();
      if (!s) return null;
      const cell = noteKey(s, key, this._path);
      return s.notes.has(cell) ? { sheet: s, cell } : null;
    });
  }
}

export class MemWorksheet extends MemObject implements XlWorksheet {
  readonly protection: MemWorksheetProtection;
  readonly autoFilter: MemAutoFilter;
  readonly notes: MemNoteCollection;
  readonly tables: MemTableCollection;
  readonly charts: MemChartCollection;
  readonly freezePanes: MemWorksheetFreezePanes;

  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => SheetState | null,
  ) {
    super(ctx, path);
    const sheet = () => this._sheet();
    this.protection = new MemWorksheetProtection(ctx, `${path}.protection`, sheet);
    this.autoFilter = new MemAutoFilter(ctx, `${path}.autoFilter`, sheet);
    this.notes = new MemNoteCollection(ctx, `${path}.notes`, sheet);
    this.tables = new MemTableCollection(ctx, `${path}.tables`, sheet);
    this.charts = new MemChartCollection(ctx, `${path}.charts`, sheet);
    this.freezePanes = new MemWorksheetFreezePanes(ctx, `${path}.freezePanes`, sheet);
  }

  protected _resolve(): SheetState | null {
    return this._resolver();
  }

  private _sheet(): SheetState | null {
    const s = this._target() as SheetState | null;
    if (s?.deleted) fail("ItemNotFound", "The worksheet has been deleted.", this._path);
    return s;
  }

  protected override _scalars(): readonly string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const s = target as SheetState;
    if (name === "name") return s.name;
    if (name === "id") return s.id;
    if (name === "position") return this._ctx._state.sheets.indexOf(s);
    if (name === "visibility") return s.visibility;
    return undefined;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "protection" ? this.protection : name === "autoFilter" ? this.autoFilter : null;
  }

  get name(): string {
    return this._get("name");
  }
  /** Rename (ExcelApi 1.1): Excel's rules for names; table and chart references follow the sheet. */
  set name(name: string) {
    this._loaded.set("name", name);
    this._write<SheetState>("worksheet.name", { name }, (s) => {
      if (s.deleted) fail("ItemNotFound", "The worksheet has been deleted.", this._path);
      this._ctx._state.checkStructure(this._path);
      this._ctx._state.checkSheetName(name, s);
      s.name = name;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  /** Move the sheet in the tab order (ExcelApi 1.1). */
  set position(position: number) {
    this._loaded.set("position", position);
    this._write<SheetState>("worksheet.position", { position }, (s) => {
      if (s.deleted) fail("ItemNotFound", "The worksheet has been deleted.", this._path);
      this._ctx._state.checkStructure(this._path);
      const sheets = this._ctx._state.sheets;
      if (!Number.isInteger(position) || position < 0 || position >= sheets.length) fail("InvalidArgument", `The position ${position} is outside the workbook's ${sheets.length} sheets.`, this._path);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(position, 0, s);
    });
  }
  get visibility(): SheetVisibility {
    return this._get("visibility");
  }
  /** Hide or show (ExcelApi 1.2): the last visible sheet cannot be hidden. */
  set visibility(visibility: SheetVisibility) {
    this._loaded.set("visibility", visibility);
    this._write<SheetState>(
      "worksheet.visibility",
      { visibility },
      (s) => {
        if (s.deleted) fail("ItemNotFound", "The worksheet has been deleted.", this._path);
        this._ctx._state.checkStructure(this._path);
        if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) fail("InvalidArgument", `'${String(visibility)}' is not a sheet visibility.`, this._path);
        const others = this._ctx._state.sheets.filter((x) => x !== s && x.visibility === "Visible");
        if (visibility !== "Visible" && others.length === 0) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", this._path);
        s.visibility = visibility;
      },
      "1.2",
    );
  }

  getUsedRange(valuesOnly = false): MemRange {
    return new MemRange(this._ctx, `${this._path}.getUsedRange(${valuesOnly})`, () => {
      if (valuesOnly) this._ctx._require("1.2", "Worksheet.getUsedRange(valuesOnly)");
      const s = this._sheet();
      if (!s) return null;
      return { sheet: s, rect: s.usedRect(valuesOnly) ?? { r1: 1, c1: 1, r2: 1, c2: 1 } };
    });
  }

  getRange(address?: string): MemRange {
    return new MemRange(this._ctx, `${this._path}.getRange(${address ?? ""})`, () => {
      const s = this._sheet();
      if (!s) return null;
      if (address === undefined || address === "") return { sheet: s, rect: { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS } };
      const { sheet, range: a1 } = splitSheet(address);
      if (sheet !== null && !sameName(sheet, s.name)) fail("InvalidArgument", `The address '${address}' is on another worksheet.`, this._path);
      const rect = parseRect(a1);
      if (!rect) fail("InvalidArgument", `The address '${address}' is not valid.`, this._path);
      return { sheet: s, rect };
    });
  }

  getRanges(address?: string): MemRangeAreas {
    return new MemRangeAreas(this._ctx, `${this._path}.getRanges(${(address ?? "").slice(0, 40)})`, () => {
      this._ctx._require("1.9", "Worksheet.getRanges");
      const s = this._sheet();
      if (!s) return null;
      const rects = (address ?? "").split(",").map((a) => {
        const { sheet, range: a1 } = splitSheet(a.trim());
        if (sheet !== null && !sameName(sheet, s.name)) fail("InvalidArgument", `The address '${a}' is on another worksheet.`, this._path);
        const rect = parseRect(a1);
        if (!rect) fail("InvalidArgument", `The address '${a}' is not valid.`, this._path);
        return rect;
      });
      return { sheet: s, rects };
    });
  }

  activate(): void {
    this._write<SheetState>("worksheet.activate", {}, (s) => {
      if (s.deleted) fail("ItemNotFound", "The worksheet has been deleted.", this._path);
      this._ctx._state.activeId = s.id;
    });
  }

  delete(): void {
    this._write<SheetState>("worksheet.delete", {}, (s) => {
      if (s.deleted) fail("ItemNotFound", "The worksheet has been deleted.", this._path);
      this._ctx._state.checkStructure(this._path);
      this._ctx._state.deleteSheet(s);
    });
  }
}

/** Shared by the worksheet and custom XML collections: `load("items/...")` materialises items. */
abstract class MemCollection<TItem extends MemObject, TState> extends MemObject {
  protected abstract _states(): TState[];
  protected abstract _item(state: TState, index: number): TItem;
  protected _resolve(): unknown {
    return true;
  }
  get items(): TItem[] {
    return this._get("items");
  }
  override _loadNow(paths: string[][]): OpResult {
    this._target();
    const sub = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    const items = this._states().map((s, i) => this._item(s, i));
    const results = items.map((item) => item._loadNow(sub));
    return {
      response: { items: results.map((r) => r.response) },
      commit: () => {
        this._loaded.set("items", items);
        for (const r of results) r.commit?.();
      },
    };
  }
  getCount(): XlClientResult<number> {
    const result = new MemClientResult<number>();
    this._ctx._queue("getCount", { path: this._path }, () => {
      const n = this._states().length;
      return { response: n, commit: () => result._set(n) };
    });
    return result;
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats (ExcelApi 1.6). Only the CellValue type is modelled.

interface CfTarget {
  sheet: SheetState;
  cf: CfState;
}

const CF_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

/** The conditional formats that intersect a range, as `range.conditionalFormats`. */
export class MemConditionalFormatCollection extends MemCollection<MemConditionalFormat, CfState> implements XlConditionalFormatCollection {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _range: () => RangeTarget | null,
  ) {
    super(ctx, path);
  }
  protected override _resolve(): unknown {
    this._ctx._require("1.6", "ConditionalFormatCollection");
    return this._range();
  }
  protected _states(): CfState[] {
    const t = this._range();
    if (!t) return [];
    return sheetOf(t, this._path).cfs.filter((cf) => cf.rects.some((r) => intersect(r, t.rect) !== null));
  }
  protected _item(state: CfState, index: number): MemConditionalFormat {
    const t = this._range()!;
    const cf = new MemConditionalFormat(this._ctx, `${this._path}.items[${index}]`, () => ({ sheet: t.sheet, cf: state }));
    cf._bind({ sheet: t.sheet, cf: state });
    return cf;
  }

  add(type: string): MemConditionalFormat {
    const cf = new MemConditionalFormat(this._ctx, `${this._path}.add(${type})`, () => fail("InvalidObjectPath", "The conditional format was not added.", this._path));
    this._ctx._queue("conditionalFormats.add", { path: this._path, type }, () => {
      this._ctx._require("1.6", "ConditionalFormatCollection.add");
      if (!CF_TYPES.includes(type)) fail("InvalidArgument", `'${type}' is not a conditional format type.`, this._path);
      const t = this._range();
      if (!t) return cf._bind(null);
      const sheet = writableSheet(t.sheet, this._path);
      if (type !== "CellValue") fail("NotImplemented", `The memory workbook models CellValue conditional formats only, not ${type}.`, this._path);
      const state: CfState = { id: this._ctx._state.newId("{cf-"), type, rects: [t.rect] };
      sheet.cfs.unshift(state);
      cf._bind({ sheet, cf: state });
    });
    return cf;
  }

  clearAll(): void {
    this._ctx._queue("conditionalFormats.clearAll", { path: this._path }, () => {
      this._ctx._require("1.6", "ConditionalFormatCollection.clearAll");
      const t = this._range();
      if (!t) return;
      writableSheet(t.sheet, this._path).clearConditionalFormats(t.rect);
    });
  }
}

/** The conditional format a proxy stands for, while it is still on its sheet. */
function liveCf(t: CfTarget | null, path: string): CfTarget | null {
  if (t && (t.sheet.deleted || !t.sheet.cfs.includes(t.cf))) fail("ItemNotFound", "The conditional format has been deleted.", path);
  return t;
}

export class MemConditionalFormat extends MemObject implements XlConditionalFormat {
  private _cellValue: MemCellValueConditionalFormat | null = null;
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => CfTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): CfTarget | null {
    return this._resolver();
  }
  override _target(): CfTarget | null {
    return liveCf(super._target() as CfTarget | null, this._path);
  }
  protected override _scalars(): readonly string[] {
    return ["id", "type", "priority"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const t = target as CfTarget;
    if (name === "id") return t.cf.id;
    if (name === "type") return t.cf.type;
    if (name === "priority") return t.sheet.cfs.indexOf(t.cf);
    return undefined;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "cellValue" ? this.cellValue : null;
  }
  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  get cellValue(): MemCellValueConditionalFormat {
    this._cellValue ??= new MemCellValueConditionalFormat(this._ctx, `${this._path}.cellValue`, () => {
      const t = this._target();
      if (t && t.cf.type !== "CellValue") fail("InvalidOperation", `The conditional format is of type ${t.cf.type}, not CellValue.`, this._path);
      return t;
    });
    return this._cellValue;
  }
  delete(): void {
    this._write<CfTarget>("conditionalFormat.delete", {}, (t) => {
      writableSheet(t.sheet, this._path);
      t.sheet.cfs.splice(t.sheet.cfs.indexOf(t.cf), 1);
    });
  }
}

export class MemCellValueConditionalFormat extends MemObject implements XlCellValueConditionalFormat {
  readonly format: MemConditionalRangeFormat;
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => CfTarget | null,
  ) {
    super(ctx, path);
    this.format = new MemConditionalRangeFormat(ctx, `${path}.format`, () => this._target() as CfTarget | null);
  }
  protected _resolve(): CfTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["rule"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "rule" ? { ...((target as CfTarget).cf.rule ?? { formula1: "", operator: "Invalid" }) } : undefined;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "format" ? this.format : null;
  }
  get rule(): XlCellValueRule {
    return this._get("rule");
  }
  set rule(rule: XlCellValueRule) {
    const copy = { ...rule };
    this._loaded.set("rule", copy);
    this._write<CfTarget>("conditionalFormat.rule", { rule: copy }, (t) => {
      writableSheet(t.sheet, this._path);
      if (!CELL_VALUE_OPERATORS.includes(copy.operator)) fail("InvalidArgument", `'${copy.operator}' is not a cell value operator.`, this._path);
      if (typeof copy.formula1 !== "string" || copy.formula1 === "") fail("InvalidArgument", "The rule needs formula1.", this._path);
      const two = copy.operator === "Between" || copy.operator === "NotBetween";
      if (two && (typeof copy.formula2 !== "string" || copy.formula2 === "")) fail("InvalidArgument", `${copy.operator} needs formula2.`, this._path);
      t.cf.rule = { formula1: copy.formula1, operator: copy.operator, ...(two ? { formula2: copy.formula2 } : {}) };
    });
  }
}

export class MemConditionalRangeFormat extends MemObject implements XlConditionalRangeFormat {
  readonly fill: MemConditionalRangeColor;
  readonly font: MemConditionalRangeColor;
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => CfTarget | null,
  ) {
    super(ctx, path);
    this.fill = new MemConditionalRangeColor(ctx, `${path}.fill`, _resolver, "fill");
    this.font = new MemConditionalRangeColor(ctx, `${path}.font`, _resolver, "font");
  }
  protected _resolve(): CfTarget | null {
    return this._resolver();
  }
  protected override _nav(name: string): MemObject | null {
    return name === "fill" ? this.fill : name === "font" ? this.font : null;
  }
}

/** A conditional format's fill or font: its colour (null until set). */
export class MemConditionalRangeColor extends MemObject implements XlConditionalRangeFill, XlConditionalRangeFont {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => CfTarget | null,
    private readonly _which: "fill" | "font",
  ) {
    super(ctx, path);
  }
  protected _resolve(): CfTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["color"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "color" ? ((target as CfTarget).cf[this._which] ?? null) : undefined;
  }
  get color(): string {
    return this._get("color");
  }
  set color(color: string) {
    this._loaded.set("color", color);
    this._write<CfTarget>(`conditionalFormat.${this._which}.color`, { color }, (t) => {
      writableSheet(t.sheet, this._path);
      if (!/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(color)) fail("InvalidArgument", `'${color}' is not a colour.`, this._path);
      t.cf[this._which] = color.toUpperCase();
    });
  }
  clear(): void {
    this._write<CfTarget>(`conditionalFormat.${this._which}.clear`, {}, (t) => {
      writableSheet(t.sheet, this._path);
      delete t.cf[this._which];
    });
  }
}

export class MemWorksheetCollection extends MemCollection<MemWorksheet, SheetState> implements XlWorksheetCollection {
  protected _states(): SheetState[] {
    return this._ctx._state.sheets;
  }
  protected _item(state: SheetState, index: number): MemWorksheet {
    const ws = new MemWorksheet(this._ctx, `worksheets.items[${index}]`, () => state);
    ws._bind(state);
    return ws;
  }
  getActiveWorksheet(): MemWorksheet {
    return new MemWorksheet(this._ctx, "worksheets.getActiveWorksheet()", () => this._ctx._state.active());
  }
  getItem(key: string): MemWorksheet {
    return new MemWorksheet(this._ctx, `worksheets.getItem(${key})`, () => {
      const s = this._ctx._state.find(key) ?? this._ctx._state.sheets.find((x) => x.id === key);
      if (!s) fail("ItemNotFound", `The worksheet '${key}' does not exist.`, "worksheets.getItem");
      return s;
    });
  }
  getItemOrNullObject(key: string): MemWorksheet {
    return new MemWorksheet(this._ctx, `worksheets.getItemOrNullObject(${key})`, () => {
      this._ctx._require("1.4", "WorksheetCollection.getItemOrNullObject");
      return this._ctx._state.find(key) ?? this._ctx._state.sheets.find((x) => x.id === key) ?? null;
    });
  }
  add(name?: string): MemWorksheet {
    const ws = new MemWorksheet(this._ctx, `worksheets.add(${name ?? ""})`, () => fail("InvalidObjectPath", "The worksheet was not added.", "worksheets.add"));
    this._ctx._queue("worksheets.add", { name }, () => {
      this._ctx._state.checkStructure("worksheets.add");
      ws._bind(this._ctx._state.addSheet(name));
    });
    return ws;
  }
}

class MemClientResult<T> implements XlClientResult<T> {
  private _has = false;
  private _value: T | undefined;
  get value(): T {
    if (!this._has) throw notLoaded("value", "ClientResult");
    return this._value as T;
  }
  _set(v: T): void {
    this._value = v;
    this._has = true;
  }
}

export class MemCustomXmlPart extends MemObject implements XlCustomXmlPart {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => PartState | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): PartState | null {
    this._ctx._require("1.5", "CustomXmlPart");
    const p = this._resolver();
    if (p && !this._ctx._state.parts.includes(p)) fail("ItemNotFound", "The custom XML part has been deleted.", this._path);
    return p;
  }
  protected override _scalars(): readonly string[] {
    return ["id", "namespaceUri"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const p = target as PartState;
    return name === "id" ? p.id : name === "namespaceUri" ? p.namespaceUri : undefined;
  }
  get id(): string {
    return this._get("id");
  }
  get namespaceUri(): string {
    return this._get("namespaceUri");
  }
  getXml(): XlClientResult<string> {
    const result = new MemClientResult<string>();
    this._ctx._queue("customXmlPart.getXml", { path: this._path }, () => {
      const p = this._target() as PartState | null;
      const xml = p ? p.xml : "";
      return { response: xml, commit: () => result._set(xml) };
    });
    return result;
  }
  setXml(xml: string): void {
    this._write<PartState>("customXmlPart.setXml", { xml }, (p) => {
      p.namespaceUri = rootNamespace(xml);
      p.xml = xml;
    });
  }
  delete(): void {
    this._write<PartState>("customXmlPart.delete", {}, (p) => {
      const parts = this._ctx._state.parts;
      parts.splice(parts.indexOf(p), 1);
    });
  }
}

export class MemCustomXmlPartScopedCollection extends MemCollection<MemCustomXmlPart, PartState> implements XlCustomXmlPartScopedCollection {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _ns: string,
  ) {
    super(ctx, path);
  }
  protected override _resolve(): unknown {
    this._ctx._require("1.5", "CustomXmlPartScopedCollection");
    return true;
  }
  protected _states(): PartState[] {
    return this._ctx._state.parts.filter((p) => p.namespaceUri === this._ns);
  }
  protected _item(state: PartState, index: number): MemCustomXmlPart {
    const part = new MemCustomXmlPart(this._ctx, `${this._path}.items[${index}]`, () => state);
    part._bind(state);
    return part;
  }
  getOnlyItemOrNullObject(): MemCustomXmlPart {
    return new MemCustomXmlPart(this._ctx, `${this._path}.getOnlyItemOrNullObject()`, () => {
      const all = this._states();
      return all.length === 1 ? all[0] : null;
    });
  }
}

export class MemCustomXmlPartCollection extends MemCollection<MemCustomXmlPart, PartState> implements XlCustomXmlPartCollection {
  protected override _resolve(): unknown {
    this._ctx._require("1.5", "CustomXmlPartCollection");
    return true;
  }
  protected _states(): PartState[] {
    return this._ctx._state.parts;
  }
  protected _item(state: PartState, index: number): MemCustomXmlPart {
    const part = new MemCustomXmlPart(this._ctx, `customXmlParts.items[${index}]`, () => state);
    part._bind(state);
    return part;
  }
  add(xml: string): MemCustomXmlPart {
    const part = new MemCustomXmlPart(this._ctx, "customXmlParts.add()", () => fail("InvalidObjectPath", "The custom XML part was not added.", "customXmlParts.add"));
    this._ctx._queue("customXmlParts.add", { xml }, () => {
      this._ctx._require("1.5", "CustomXmlPartCollection.add");
      const state: PartState = { id: this._ctx._state.newId("{part-"), namespaceUri: rootNamespace(xml), xml };
      this._ctx._state.parts.push(state);
      part._bind(state);
    });
    return part;
  }
  getByNamespace(namespaceUri: string): MemCustomXmlPartScopedCollection {
    return new MemCustomXmlPartScopedCollection(this._ctx, `customXmlParts.getByNamespace(${namespaceUri})`, namespaceUri);
  }
  getItem(id: string): MemCustomXmlPart {
    return new MemCustomXmlPart(this._ctx, `customXmlParts.getItem(${id})`, () => {
      const p = this._ctx._state.parts.find((x) => x.id === id);
      if (!p) fail("ItemNotFound", `There is no custom XML part with id ${id}.`, "customXmlParts.getItem");
      return p;
    });
  }
}

export class MemWorkbook implements XlWorkbook {
  readonly worksheets: MemWorksheetCollection;
  readonly protection: MemWorkbookProtection;
  readonly names: MemNamedItemCollection;
  readonly customXmlParts: MemCustomXmlPartCollection;
  readonly tables: MemTableCollection;
  constructor(private readonly _ctx: MemoryContext) {
    this.worksheets = new MemWorksheetCollection(_ctx, "worksheets");
    this.protection = new MemWorkbookProtection(_ctx, "workbook.protection");
    this.names = new MemNamedItemCollection(_ctx);
    this.tables = new MemTableCollection(_ctx, "tables", null);
    this.customXmlParts = new MemCustomXmlPartCollection(_ctx, "customXmlParts");
  }
  getSelectedRange(): MemRange {
    return new MemRange(this._ctx, "workbook.getSelectedRange()", () => {
      const state = this._ctx._state;
      const sel = state.selection;
      const sheet = sel ? state.sheets.find((s) => s.id === sel.sheetId) : undefined;
      if (!sel || !sheet) return { sheet: state.active(), rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
      // several areas (Ctrl-select) are not one range: Excel fails the batch
      if (sel.areas && sel.areas.length > 1) fail("InvalidSelection", "The current selection is invalid for this operation.", "workbook.getSelectedRange");
      return { sheet, rect: sel.rect };
    });
  }
}

export class MemApplication implements XlApplication {
  constructor(private readonly _ctx: MemoryContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this._ctx._queue("application.suspendApiCalculationUntilNextSync", {}, () => this._ctx._require("1.6", "Application.suspendApiCalculationUntilNextSync"));
  }
}

// ---------------------------------------------------------------------------------------------
// Tables (ExcelApi 1.1), charts (1.1; series data 1.7) and frozen panes (1.7)

interface TableTarget {
  sheet: SheetState;
  table: TableState;
}

/** Excel's built-in table styles; "" is no style. */
const TABLE_STYLE = /^(?:TableStyle(?:Light(?:[1-9]|1\d|2[01])|Medium(?:[1-9]|1\d|2[0-8])|Dark(?:[1-9]|1[01])))?$/;

/** A table name as Excel accepts it: a letter, _ or \ first, then letters, digits, _ and .; not a cell reference. */
function checkTableName(state: WorkbookState, name: string, self: TableState | null, path: string): void {
  if (typeof name !== "string" || name.length === 0 || name.length > 255 || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || /^R\d*C\d*$/i.test(name)) {
    fail("InvalidArgument", `'${name}' is not a valid table name.`, path);
  }
  const other = state.findTable(name);
  if (other && other.table !== self) fail("InvalidArgument", `A table named '${name}' already exists.`, path);
  // tables and defined names share one namespace
  if (state.hasName(name)) fail("InvalidArgument", `The name '${name}' is already used by a defined name.`, path);
}

function liveTable(t: TableTarget | null, path: string): TableTarget | null {
  if (t && (t.sheet.deleted || !t.sheet.tables.includes(t.table))) fail("ItemNotFound", "The table has been deleted.", path);
  return t;
}

/** A range argument (a Range proxy, or an address on `sheet`, or on the active sheet when unqualified and `sheet` is null). */
function rangeArgument(ctx: MemoryContext, address: XlRange | string, sheet: SheetState | null, path: string, since = "1.3"): RangeTarget {
  if (typeof address === "string") {
    const { sheet: named, range: a1 } = splitSheet(address);
    let s: SheetState;
    if (named !== null) {
      const found = ctx._state.find(named);
      if (!found) fail("ItemNotFound", `The worksheet '${named}' does not exist.`, path);
      s = found;
    } else s = sheet ?? ctx._state.active();
    const rect = parseRect(a1);
    if (!rect) fail("InvalidArgument", `The address '${address}' is not valid.`, path);
    return { sheet: s, rect };
  }
  ctx._require(since, `${path} with a Range`);
  if (!(address instanceof MemRange)) fail("InvalidArgument", "The range belongs to another workbook.", path);
  const t = address._target();
  if (!t) fail("InvalidArgument", "The range is a null object.", path);
  return { sheet: sheetOf(t, path), rect: t.rect };
}

/**
 * The header row of a new table: text, none blank ("Column1"), unique without regard to case
 * ("Name2"), as Excel makes it.
 */
function tableHeaders(sheet: SheetState, rect: Rect): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let c = rect.c1; c <= rect.c2; c++) {
    const v = readValue(sheet, rect.r1, c);
    const base = v === "" ? `Column${c - rect.c1 + 1}` : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    let name = base;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${base}${i}`;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  return out;
}

export class MemTable extends MemObject implements XlTable {
  private _worksheet: MemWorksheet | null = null;
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => TableTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): TableTarget | null {
    return this._resolver();
  }
  override _target(): TableTarget | null {
    return liveTable(super._target() as TableTarget | null, this._path);
  }
  protected override _scalars(): readonly string[] {
    return ["id", "name", "style", "showHeaders", "showTotals", "showBandedRows", "showFilterButton"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const { table } = target as TableTarget;
    switch (name) {
      case "id":
        return table.id;
      case "name":
        return table.name;
      case "style":
        return table.style;
      case "showHeaders":
        return table.showHeaders;
      case "showTotals":
        return false;
      case "showBandedRows":
        return table.showBandedRows;
      case "showFilterButton":
        return table.showFilterButton;
    }
    return undefined;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "worksheet" ? this.worksheet : null;
  }
  get worksheet(): MemWorksheet {
    this._worksheet ??= new MemWorksheet(this._ctx, `${this._path}.worksheet`, () => {
      this._ctx._require("1.2", "Table.worksheet");
      return this._target()?.sheet ?? null;
    });
    return this._worksheet;
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(name: string) {
    this._loaded.set("name", name);
    this._write<TableTarget>("table.name", { name }, (t) => {
      writableSheet(t.sheet, this._path);
      checkTableName(this._ctx._state, name, t.table, this._path);
      t.table.name = name;
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(style: string) {
    this._loaded.set("style", style);
    this._write<TableTarget>("table.style", { style }, (t) => {
      writableSheet(t.sheet, this._path);
      if (typeof style !== "string" || !TABLE_STYLE.test(style)) fail("InvalidArgument", `'${String(style)}' is not a table style.`, this._path);
      t.table.style = style;
    });
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(on: boolean) {
    this._loaded.set("showBandedRows", on);
    this._write<TableTarget>("table.showBandedRows", { showBandedRows: on }, (t) => (writableSheet(t.sheet, this._path), (t.table.showBandedRows = !!on)), "1.3");
  }
  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }
  set showFilterButton(on: boolean) {
    this._loaded.set("showFilterButton", on);
    this._write<TableTarget>("table.showFilterButton", { showFilterButton: on }, (t) => (writableSheet(t.sheet, this._path), (t.table.showFilterButton = !!on)), "1.3");
  }
  /** The table goes; its cells stay. */
  delete(): void {
    this._write<TableTarget>("table.delete", {}, (t) => {
      writableSheet(t.sheet, this._path);
      t.sheet.tables.splice(t.sheet.tables.indexOf(t.table), 1);
    });
  }
}

/** `worksheet.tables` (scoped to a sheet) or `workbook.tables` (every sheet; `sheet` null). */
export class MemTableCollection implements XlTableCollection {
  constructor(
    private readonly _ctx: MemoryContext,
    private readonly _path: string,
    private readonly _sheet: (() => SheetState | null) | null,
  ) {}

  /**
   * A table over a range whose first row is its header (`hasHeaders`): the header cells become
   * unique text. An unqualified address is on the active sheet, as office.js documents; a table
   * cannot overlap another one or a merged area.
   */
  add(address: XlRange | string, hasHeaders: boolean): MemTable {
    const table = new MemTable(this._ctx, `${this._path}.add()`, () => fail("InvalidObjectPath", "The table was not added.", this._path));
    const shown = typeof address === "string" ? address : (address as MemRange)._path;
    this._ctx._queue("tables.add", { path: this._path, address: shown, hasHeaders }, () => {
      const scope = this._sheet ? this._sheet() : null;
      if (this._sheet && !scope) return table._bind(null);
      const target = rangeArgument(this._ctx, address, null, this._path);
      if (scope && target.sheet !== scope) fail("InvalidArgument", "The range is on another worksheet.", this._path);
      const sheet = writableSheet(target.sheet, this._path);
      const rect = target.rect;
      if (!hasHeaders) fail("NotImplemented", "The memory workbook models tables with a header row only.", this._path);
      if (rect.r2 - rect.r1 < 1) fail("InvalidArgument", "A table with headers needs at least two rows.", this._path);
      if (rect.r2 === MAX_ROWS || rect.c2 === MAX_COLS) fail("InvalidArgument", "A table cannot span whole rows or columns.", this._path);
      if (sheet.tables.some((t) => intersect(t.rect, rect) !== null)) fail("InvalidArgument", "A table can't overlap another table.", this._path);
      if (sheet.merges.some((m) => intersect(m, rect) !== null)) fail("InvalidArgument", "A table can't contain merged cells.", this._path);
      tableHeaders(sheet, rect).forEach((h, i) => {
        const cell = sheet.ensure(rect.r1, rect.c1 + i);
        delete cell.f;
        cell.v = h;
      });
      let n = 1;
      while (this._ctx._state.findTable(`Table${n}`)) n++;
      const state: TableState = { id: this._ctx._state.newId("{table-"), name: `Table${n}`, rect: { ...rect }, style: "TableStyleMedium2", showHeaders: true, showBandedRows: true, showFilterButton: true };
      sheet.tables.push(state);
      table._bind({ sheet, table: state });
    });
    return table;
  }

  getItemOrNullObject(key: string): MemTable {
    return new MemTable(this._ctx, `${this._path}.getItemOrNullObject(${key})`, () => {
      this._ctx._require("1.4", "TableCollection.getItemOrNullObject");
      if (this._sheet) {
        const s = this._sheet();
        const table = s?.tables.find((t) => sameName(t.name, key) || t.id === key);
        return s && table ? { sheet: s, table } : null;
      }
      return this._ctx._state.findTable(key) ?? this._ctx._state.tables().find((t) => t.table.id === key) ?? null;
    });
  }

  getItem(key: string): MemTable {
    return new MemTable(this._ctx, `${this._path}.getItem(${key})`, () => {
      const s = this._sheet ? this._sheet() : null;
      const found = this._sheet ? (s?.tables.find((t) => sameName(t.name, key)) && { sheet: s!, table: s!.tables.find((t) => sameName(t.name, key))! }) : this._ctx._state.findTable(key);
      if (!found) fail("ItemNotFound", `There is no table named '${key}'.`, this._path);
      return found;
    });
  }
}

interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

const CHART_TYPES: readonly string[] = ["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "BarStacked100", "Line", "LineMarkers", "Pie", "Doughnut", "Area", "XYScatter"];

function liveChart(t: ChartTarget | null, path: string): ChartTarget | null {
  if (t && (t.sheet.deleted || !t.sheet.charts.includes(t.chart))) fail("ItemNotFound", "The chart has been deleted.", path);
  return t;
}

/** A sheet-qualified address as Excel reports a chart's data: `'Sheet 1'!C5:C7`. */
function qualifiedAddress(t: RangeTarget): string {
  return `${sheetRef(t.sheet.name)}!${rectA1(t.rect)}`;
}

/**
 * The series a chart's source data gives, as Excel guesses them: series by columns when the
 * range is at least as tall as it is wide ("Auto"); a first row of text is the series names,
 * a first column of text the categories.
 */
function seriesFromData(t: RangeTarget, by: XlChartSeriesBy): ChartSeriesState[] {
  const { rect, sheet } = t;
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  const byColumns = by === "Columns" || (by === "Auto" && rows >= cols);
  const v = (r: number, c: number) => readValue(sheet, r, c);
  const isText = (x: unknown) => typeof x === "string" && x !== "";
  // along: the direction of one series; across: one series per step
  const [len, count] = byColumns ? [rows, cols] : [cols, rows];
  const at = (i: number, j: number) => (byColumns ? v(rect.r1 + i, rect.c1 + j) : v(rect.r1 + j, rect.c1 + i));
  const cats = count > 1 && Array.from({ length: len }, (_, i) => i).slice(1).every((i) => isText(at(i, 0)) || at(i, 0) === "");
  const first = cats ? 1 : 0;
  const names = len > 1 && Array.from({ length: count - first }, (_, j) => at(0, j + first)).every(isText);
  const start = names ? 1 : 0;
  const line = (j: number, from: number): RangeTarget =>
    byColumns
      ? { sheet, rect: { r1: rect.r1 + from, c1: rect.c1 + j, r2: rect.r2, c2: rect.c1 + j } }
      : { sheet, rect: { r1: rect.r1 + j, c1: rect.c1 + from, r2: rect.r1 + j, c2: rect.c2 } };
  const out: ChartSeriesState[] = [];
  for (let j = first; j < count; j++) {
    out.push({
      name: names ? String(at(0, j)) : `Series${out.length + 1}`,
      values: start < len ? qualifiedAddress(line(j, start)) : null,
      xValues: cats && start < len ? qualifiedAddress(line(0, start)) : null,
    });
  }
  return out;
}

export class MemChartCollection implements XlChartCollection {
  constructor(
    private readonly _ctx: MemoryContext,
    private readonly _path: string,
    private readonly _sheet: () => SheetState | null,
  ) {}

  add(type: XlChartType, sourceData: XlRange, seriesBy: XlChartSeriesBy = "Auto"): MemChart {
    const chart = new MemChart(this._ctx, `${this._path}.add(${type})`, () => fail("InvalidObjectPath", "The chart was not added.", this._path));
    this._ctx._queue("charts.add", { path: this._path, type, sourceData: (sourceData as MemRange)._path, seriesBy }, () => {
      const s = this._sheet();
      if (!s) return chart._bind(null);
      const sheet = writableSheet(s, this._path);
      if (!CHART_TYPES.includes(type)) fail("InvalidArgument", `'${String(type)}' is not a chart type the memory workbook draws.`, this._path);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) fail("InvalidArgument", `'${String(seriesBy)}' is not a ChartSeriesBy value.`, this._path);
      const data = rangeArgument(this._ctx, sourceData, null, this._path, "1.1");
      let n = 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const state: ChartState = { id: this._ctx._state.newId("{chart-"), name: `Chart ${n}`, type, title: null, series: seriesFromData(data, seriesBy), topLeft: null, bottomRight: null, valueAxisFormat: null };
      sheet.charts.push(state);
      chart._bind({ sheet, chart: state });
    });
    return chart;
  }

  getItem(name: string): MemChart {
    return new MemChart(this._ctx, `${this._path}.getItem(${name})`, () => {
      const s = this._sheet();
      const chart = s?.charts.find((c) => c.name === name);
      if (!s || !chart) fail("ItemNotFound", `There is no chart named '${name}'.`, this._path);
      return { sheet: s, chart };
    });
  }
}

export class MemChart extends MemObject implements XlChart {
  readonly title: MemChartTitle;
  readonly axes: MemChartAxes;
  readonly series: MemChartSeriesCollection;
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => ChartTarget | null,
  ) {
    super(ctx, path);
    const target = () => this._target();
    this.title = new MemChartTitle(ctx, `${path}.title`, target);
    this.axes = new MemChartAxes(ctx, `${path}.axes`, target);
    this.series = new MemChartSeriesCollection(ctx, `${path}.series`, target);
  }
  protected _resolve(): ChartTarget | null {
    return this._resolver();
  }
  override _target(): ChartTarget | null {
    return liveChart(super._target() as ChartTarget | null, this._path);
  }
  protected override _scalars(): readonly string[] {
    return ["id", "name", "chartType"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const { chart } = target as ChartTarget;
    return name === "id" ? chart.id : name === "name" ? chart.name : name === "chartType" ? chart.type : undefined;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "title" ? this.title : name === "series" ? this.series : null;
  }
  get name(): string {
    return this._get("name");
  }
  set name(name: string) {
    this._loaded.set("name", name);
    this._write<ChartTarget>("chart.name", { name }, (t) => {
      writableSheet(t.sheet, this._path);
      if (typeof name !== "string" || name === "") fail("InvalidArgument", "A chart needs a name.", this._path);
      t.chart.name = name;
    });
  }
  /** Span the cells from startCell's top-left to endCell's bottom-right (endCell defaults to startCell). */
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void {
    const show = (x: XlRange | string | undefined) => (x === undefined || typeof x === "string" ? x : (x as MemRange)._path);
    this._write<ChartTarget>("chart.setPosition", { startCell: show(startCell), endCell: show(endCell) }, (t) => {
      writableSheet(t.sheet, this._path);
      const a = rangeArgument(this._ctx, startCell, t.sheet, this._path, "1.1");
      const b = endCell === undefined ? a : rangeArgument(this._ctx, endCell, t.sheet, this._path, "1.1");
      if (a.sheet !== t.sheet || b.sheet !== t.sheet) fail("InvalidArgument", "The chart's position is on another worksheet.", this._path);
      t.chart.topLeft = rectA1({ r1: a.rect.r1, c1: a.rect.c1, r2: a.rect.r1, c2: a.rect.c1 });
      t.chart.bottomRight = rectA1({ r1: b.rect.r2, c1: b.rect.c2, r2: b.rect.r2, c2: b.rect.c2 });
    });
  }
  delete(): void {
    this._write<ChartTarget>("chart.delete", {}, (t) => {
      writableSheet(t.sheet, this._path);
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
    });
  }
}

export class MemChartTitle extends MemObject implements XlChartTitle {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => ChartTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): ChartTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["text"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "text" ? ((target as ChartTarget).chart.title ?? "") : undefined;
  }
  get text(): string {
    return this._get("text");
  }
  set text(text: string) {
    this._loaded.set("text", text);
    this._write<ChartTarget>("chart.title.text", { text }, (t) => {
      writableSheet(t.sheet, this._path);
      t.chart.title = String(text);
    });
  }
}

export class MemChartAxes implements XlChartAxes {
  readonly valueAxis: MemChartAxis;
  constructor(ctx: MemoryContext, path: string, target: () => ChartTarget | null) {
    this.valueAxis = new MemChartAxis(ctx, `${path}.valueAxis`, target);
  }
}

/** The value axis: its number format (ExcelApi 1.8). */
export class MemChartAxis extends MemObject implements XlChartAxis {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => ChartTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): ChartTarget | null {
    return this._resolver();
  }
  protected override _scalars(): readonly string[] {
    return ["numberFormat"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "numberFormat" ? ((target as ChartTarget).chart.valueAxisFormat ?? "General") : undefined;
  }
  get numberFormat(): string {
    return this._get("numberFormat");
  }
  set numberFormat(format: string) {
    this._loaded.set("numberFormat", format);
    this._write<ChartTarget>(
      "chartAxis.numberFormat",
      { numberFormat: format },
      (t) => {
        writableSheet(t.sheet, this._path);
        t.chart.valueAxisFormat = format === "General" ? null : format;
      },
      "1.8",
    );
  }
}

interface SeriesTarget extends ChartTarget {
  series: ChartSeriesState;
}

export class MemChartSeriesCollection extends MemObject implements XlChartSeriesCollection {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _chart: () => ChartTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): ChartTarget | null {
    return this._chart();
  }
  protected override _scalars(): readonly string[] {
    return ["count"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "count" ? (target as ChartTarget).chart.series.length : undefined;
  }
  get count(): number {
    return this._get("count");
  }
  getItemAt(index: number): MemChartSeries {
    return new MemChartSeries(this._ctx, `${this._path}.getItemAt(${index})`, () => {
      const t = this._chart();
      if (!t) return null;
      const series = t.chart.series[index];
      if (!series) fail("ItemNotFound", `The chart has no series at index ${index}.`, this._path);
      return { ...t, series };
    });
  }
  /** A new, empty series at the end (ExcelApi 1.7); `index` is not modelled. */
  add(name?: string, index?: number): MemChartSeries {
    const series = new MemChartSeries(this._ctx, `${this._path}.add(${name ?? ""})`, () => fail("InvalidObjectPath", "The series was not added.", this._path));
    this._ctx._queue("chartSeries.add", { path: this._path, name, index }, () => {
      this._ctx._require("1.7", "ChartSeriesCollection.add");
      const t = this._chart();
      if (!t) return series._bind(null);
      writableSheet(t.sheet, this._path);
      if (index !== undefined) fail("NotImplemented", "The memory workbook adds series at the end only.", this._path);
      const state: ChartSeriesState = { name: name ?? `Series${t.chart.series.length + 1}`, values: null, xValues: null };
      t.chart.series.push(state);
      series._bind({ ...t, series: state });
    });
    return series;
  }
}

export class MemChartSeries extends MemObject implements XlChartSeries {
  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => SeriesTarget | null,
  ) {
    super(ctx, path);
  }
  protected _resolve(): SeriesTarget | null {
    return this._resolver();
  }
  override _target(): SeriesTarget | null {
    const t = super._target() as SeriesTarget | null;
    liveChart(t, this._path);
    if (t && !t.chart.series.includes(t.series)) fail("ItemNotFound", "The series has been deleted.", this._path);
    return t;
  }
  protected override _scalars(): readonly string[] {
    return ["name"];
  }
  protected override _read(name: string, target: unknown): unknown {
    return name === "name" ? (target as SeriesTarget).series.name : undefined;
  }
  get name(): string {
    return this._get("name");
  }
  set name(name: string) {
    this._loaded.set("name", name);
    this._write<SeriesTarget>("chartSeries.name", { name }, (t) => {
      writableSheet(t.sheet, this._path);
      t.series.name = String(name);
    });
  }
  private _data(kind: "values" | "xValues", api: string, sourceData: XlRange): void {
    this._write<SeriesTarget>(
      `chartSeries.${api}`,
      { sourceData: (sourceData as MemRange)._path },
      (t) => {
        writableSheet(t.sheet, this._path);
        const data = rangeArgument(this._ctx, sourceData, null, this._path, "1.7");
        if (data.rect.r1 !== data.rect.r2 && data.rect.c1 !== data.rect.c2) fail("InvalidArgument", "A series' data must be one row or one column.", this._path);
        t.series[kind] = qualifiedAddress(data);
      },
      "1.7",
    );
  }
  setValues(sourceData: XlRange): void {
    this._data("values", "setValues", sourceData);
  }
  setXAxisValues(sourceData: XlRange): void {
    this._data("xValues", "setXAxisValues", sourceData);
  }
  delete(): void {
    this._write<SeriesTarget>(
      "chartSeries.delete",
      {},
      (t) => {
        writableSheet(t.sheet, this._path);
        t.chart.series.splice(t.chart.series.indexOf(t.series), 1);
      },
      "1.7",
    );
  }
}

/** `worksheet.freezePanes` (ExcelApi 1.7): each call sets the frozen rows and columns anew. */
export class MemWorksheetFreezePanes implements XlWorksheetFreezePanes {
  constructor(
    private readonly _ctx: MemoryContext,
    private readonly _path: string,
    private readonly _sheet: () => SheetState | null,
  ) {}

  private _set(kind: string, payload: unknown, freeze: (s: SheetState) => { rows: number; columns: number } | null): void {
    this._ctx._queue(`freezePanes.${kind}`, { path: this._path, ...(payload as object) }, () => {
      this._ctx._require("1.7", `WorksheetFreezePanes.${kind}`);
      const s = this._sheet();
      if (!s) return;
      const f = freeze(s);
      s.freeze = f && (f.rows > 0 || f.columns > 0) ? f : null;
    });
  }

  freezeAt(frozenRange: XlRange | string): void {
    const shown = typeof frozenRange === "string" ? frozenRange : (frozenRange as MemRange)._path;
    this._set("freezeAt", { frozenRange: shown }, (s) => {
      const t = rangeArgument(this._ctx, frozenRange, s, this._path, "1.7");
      if (t.sheet !== s) fail("InvalidArgument", "The range is on another worksheet.", this._path);
      return { rows: t.rect.r1 === 1 && t.rect.r2 === MAX_ROWS ? 0 : t.rect.r2, columns: t.rect.c1 === 1 && t.rect.c2 === MAX_COLS ? 0 : t.rect.c2 };
    });
  }

  freezeRows(count = 1): void {
    this._set("freezeRows", { count }, () => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) fail("InvalidArgument", `${count} rows cannot be frozen.`, this._path);
      return { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._set("freezeColumns", { count }, () => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLS) fail("InvalidArgument", `${count} columns cannot be frozen.`, this._path);
      return { rows: 0, columns: count };
    });
  }

  unfreeze(): void {
    this._set("unfreeze", {}, () => null);
  }

  /** The frozen cells: "A1:A4" for rows 1–4 and column A, "1:4" for rows only; a null object when none. */
  getLocationOrNullObject(): MemRange {
    return new MemRange(this._ctx, `${this._path}.getLocationOrNullObject()`, () => {
      this._ctx._require("1.7", "WorksheetFreezePanes.getLocationOrNullObject");
      const s = this._sheet();
      const f = s?.freeze;
      if (!s || !f) return null;
      return { sheet: s, rect: { r1: 1, c1: 1, r2: f.rows || MAX_ROWS, c2: f.columns || MAX_COLS } };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Context, run, statistics

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** operations in this sync by kind ("range.values", "format.fill.color", "load", ...) */
  ops: Record<string, number>;
  /** the error code when the sync failed */
  error?: string;
}

export class MemoryStats {
  syncs = 0;
  readonly log: SyncRecord[] = [];
  /** operations of every sync so far, by kind */
  get ops(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.log) for (const [k, n] of Object.entries(s.ops)) out[k] = (out[k] ?? 0) + n;
    return out;
  }
  reset(): void {
    this.syncs = 0;
    this.log.length = 0;
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class MemoryContext implements XlContext {
  readonly workbook: MemWorkbook;
  readonly application: MemApplication;
  private _ops: Op[] = [];

  constructor(
    readonly _state: WorkbookState,
    private readonly _stats: MemoryStats,
    readonly _apiVersion: string,
    readonly _limit: number,
  ) {
    this.workbook = new MemWorkbook(this);
    this.application = new MemApplication(this);
  }

  _queue(kind: string, payload: unknown, run: () => OpResult | void): void {
    this._ops.push({ kind, payload, run });
  }

  _require(version: string, api: string): void {
    if (compareVersions(this._apiVersion, version) < 0) {
      fail("ApiNotFound", `${api} needs ExcelApi ${version}; this workbook supports ${this._apiVersion}.`, api);
    }
  }

  _pending(): boolean {
    return this._ops.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this._ops;
    this._ops = [];
    this._stats.syncs++;
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, ops: {} };
    this._stats.log.push(record);
    for (const op of ops) {
      record.ops[op.kind] = (record.ops[op.kind] ?? 0) + 1;
      record.requestBytes += jsonBytes([op.kind, op.payload]) + OP_FRAMING;
    }
    await Promise.resolve(); // a round trip: nothing applies before the caller yields
    try {
      if (record.requestBytes > this._limit) fail("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      const commits: (() => void)[] = [];
      for (const op of ops) {
        const fault = this._state.takeFault(op.kind);
        if (fault) fail(fault.code, fault.message ?? `Injected ${fault.code} on ${op.kind}.`, op.kind);
        const result = op.run();
        if (!result) continue;
        if (result.response !== undefined) record.responseBytes += jsonBytes(result.response);
        if (result.commit) commits.push(result.commit);
      }
      if (record.responseBytes > this._limit) fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      for (const c of commits) c();
    } catch (e) {
      record.error = e instanceof MemoryExcelError ? e.code : "GeneralException";
      throw e instanceof MemoryExcelError ? e : new MemoryExcelError("GeneralException", String(e));
    }
  }
}
