/** The office.js objects of the memory workbook: proxies that queue work for `sync()`. */
import { MAX_COLS, MAX_ROWS, Rect, intersect, parseRect, rectA1, sameName, splitSheet } from "../a1";
import type {
  XlApplication,
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
  XlNote,
  XlNoteCollection,
  XlRange,
  XlRangeAreas,
  XlRangeFill,
  XlRangeFont,
  XlRangeFormat,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from "../excel-api";
import { jsonBytes } from "../payload";
import { CELL_VALUE_OPERATORS, Cell, CfState, DEFAULT_COLUMN_WIDTH, DEFAULT_FONT, MemoryExcelError, NO_FILL, OP_FRAMING, PartState, SheetState, WorkbookState, area, display, enter, fail, grid, notLoaded, readValue, rootNamespace, sheetRef } from "./state";

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
    return ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "numberFormat", "formulas", "text"];
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
        return grid(rect, (r, c) => (sheet.hiddenByMerge(r, c) ? "" : display(sheet.get(r, c)?.v, sheet.get(r, c)?.nf)));
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
    return ["columnWidth"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const t = target as AreasTarget;
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
}

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
    return ["color", "bold"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const t = target as AreasTarget;
    if (name === "color") return uniform(t, (c) => c.font, DEFAULT_FONT);
    if (name === "bold") return uniform(t, (c) => c.bold, false);
    return undefined;
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
  readonly notes: MemNoteCollection;

  constructor(
    ctx: MemoryContext,
    path: string,
    private readonly _resolver: () => SheetState | null,
  ) {
    super(ctx, path);
    const sheet = () => this._sheet();
    this.protection = new MemWorksheetProtection(ctx, `${path}.protection`, sheet);
    this.notes = new MemNoteCollection(ctx, `${path}.notes`, sheet);
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
    return ["name", "id", "position"];
  }
  protected override _read(name: string, target: unknown): unknown {
    const s = target as SheetState;
    if (name === "name") return s.name;
    if (name === "id") return s.id;
    if (name === "position") return this._ctx._state.sheets.indexOf(s);
    return undefined;
  }
  protected override _nav(name: string): MemObject | null {
    return name === "protection" ? this.protection : null;
  }

  get name(): string {
    return this._get("name");
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
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
  readonly customXmlParts: MemCustomXmlPartCollection;
  constructor(private readonly _ctx: MemoryContext) {
    this.worksheets = new MemWorksheetCollection(_ctx, "worksheets");
    this.customXmlParts = new MemCustomXmlPartCollection(_ctx, "customXmlParts");
  }
  getSelectedRange(): MemRange {
    return new MemRange(this._ctx, "workbook.getSelectedRange()", () => {
      const state = this._ctx._state;
      const sel = state.selection;
      const sheet = sel ? state.sheets.find((s) => s.id === sel.sheetId) : undefined;
      if (!sel || !sheet) return { sheet: state.active(), rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
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
