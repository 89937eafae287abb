/** The memory workbook's state: sheets and cells, and how Excel reads input and shows values. */
import { EXCEL_ERRORS } from "../core/basics/grid";
import { Rect, intersect, sameName } from "../excel/a1";
import { FormulaValue, evaluateFormula, formulaSyntaxError } from "./formulas";

/** Excel's default column width: 8.43 characters of Calibri 11, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const NO_FILL = "#FFFFFF";
/** Request bytes per operation besides its data: office.js sends each action with its object path. */
export const OP_FRAMING = 150;
export const DEFAULT_FONT = "#000000";

// ---------------------------------------------------------------------------------------------
// Errors

/** Shaped like OfficeExtension.Error: a `code` from Excel.ErrorCodes and a debugInfo. */
export class MemoryExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export function fail(code: string, message: string, location?: string): never {
  throw new MemoryExcelError(code, message, location);
}

export function notLoaded(property: string, path: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    path,
  );
}

// ---------------------------------------------------------------------------------------------
// State: what the "host" holds

export type Scalar = number | string | boolean;

export interface Cell {
  v?: Scalar;
  /** formula text with its leading "=" */
  f?: string;
  /** number format; undefined is "General" */
  nf?: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  /** font size in points; undefined is the default 11 */
  size?: number;
  /** horizontal alignment; undefined is "General" */
  align?: string;
  wrap?: boolean;
}

/** An Excel table (ExcelApi 1.1): a range with a header row, a name unique in the workbook, a style. */
export interface TableState {
  id: string;
  name: string;
  rect: Rect;
  style: string;
  showHeaders: boolean;
  showBandedRows: boolean;
  showFilterButton: boolean;
}

/** One series of a chart: its name and its data as sheet-qualified A1 addresses. */
export interface ChartSeriesState {
  name: string;
  values: string | null;
  xValues: string | null;
}

/** A chart (ExcelApi 1.1; series data 1.7): type, title, series and where it sits. */
export interface ChartState {
  id: string;
  name: string;
  type: string;
  title: string | null;
  series: ChartSeriesState[];
  /** the cells it spans (setPosition), null until placed */
  topLeft: string | null;
  bottomRight: string | null;
  /** number format of the value axis (ExcelApi 1.8), null for the default */
  valueAxisFormat: string | null;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

/** A cell-value rule as office.js takes it: `{ formula1: '="达标"', operator: "EqualTo" }`. */
export interface CfRule {
  formula1: string;
  formula2?: string;
  operator: string;
}

/** A conditional format (ExcelApi 1.6): where it applies, its rule and the format it shows. */
export interface CfState {
  id: string;
  type: string;
  rects: Rect[];
  rule?: CfRule;
  fill?: string;
  font?: string;
}

export class SheetState {
  protected = false;
  deleted = false;
  visibility: SheetVisibility = "Visible";
  /** frozen rows above and columns left (ExcelApi 1.7 freezePanes); null when nothing is frozen */
  freeze: { rows: number; columns: number } | null = null;
  readonly tables: TableState[] = [];
  readonly charts: ChartState[] = [];
  readonly rows = new Map<number, Map<number, Cell>>();
  readonly widths = new Map<number, number>();
  readonly merges: Rect[] = [];
  /** note text by cell ("F3") */
  readonly notes = new Map<string, string>();
  /** cells ("F3") carrying a threaded comment (ExcelApi 1.10), which take no note */
  readonly threadedComments = new Set<string>();
  /** conditional formats, highest priority first (office.js `add` puts a new one first) */
  readonly cfs: CfState[] = [];
  /** rows (1-based) the user hid by hand */
  readonly hiddenRows = new Set<number>();
  /** the sheet's AutoFilter (ExcelApi 1.9): its range, and the rows its criteria filter out (hidden too) */
  autoFilter: { rect: Rect; filteredRows: Set<number> } | null = null;
  constructor(
    readonly id: string,
    public name: string,
    /** the workbook, for formulas that name other sheets */
    readonly book: WorkbookState | null = null,
  ) {}

  get(r: number, c: number): Cell | undefined {
    return this.rows.get(r)?.get(c);
  }

  ensure(r: number, c: number): Cell {
    let row = this.rows.get(r);
    if (!row) this.rows.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = {}));
    return cell;
  }

  tidy(r: number, c: number): void {
    const row = this.rows.get(r);
    const cell = row?.get(c);
    if (!row || !cell) return;
    if (Object.values(cell).every((x) => x === undefined)) row.delete(c);
    if (row.size === 0) this.rows.delete(r);
  }

  /** Existing cells inside rect, in row order. */
  *cellsIn(rect: Rect): Generator<[number, number, Cell]> {
    const height = rect.r2 - rect.r1 + 1;
    const rowKeys = height > this.rows.size ? [...this.rows.keys()].filter((r) => r >= rect.r1 && r <= rect.r2).sort((a, b) => a - b) : range(rect.r1, rect.r2);
    for (const r of rowKeys) {
      const row = this.rows.get(r);
      if (!row) continue;
      const width = rect.c2 - rect.c1 + 1;
      const colKeys = width > row.size ? [...row.keys()].filter((c) => c >= rect.c1 && c <= rect.c2).sort((a, b) => a - b) : range(rect.c1, rect.c2);
      for (const c of colKeys) {
        const cell = row.get(c);
        if (cell) yield [r, c, cell];
      }
    }
  }

  /** Take rect out of every conditional format's area, as "Clear Rules from Selected Cells" does. */
  clearConditionalFormats(rect: Rect): void {
    for (let i = this.cfs.length - 1; i >= 0; i--) {
      const cf = this.cfs[i];
      cf.rects = cf.rects.flatMap((r) => subtractRect(r, rect));
      if (cf.rects.length === 0) this.cfs.splice(i, 1);
    }
  }

  /** The fill and font colour a cell shows: its conditional formats' (by priority), else its own. */
  displayed(r: number, c: number): { fill: string; font: string } {
    let fill: string | undefined;
    let font: string | undefined;
    const value = cellValue(this, r, c);
    for (const cf of this.cfs) {
      if (fill !== undefined && font !== undefined) break;
      if (!cf.rects.some((x) => r >= x.r1 && r <= x.r2 && c >= x.c1 && c <= x.c2)) continue;
      if (!cfApplies(cf, this.hiddenByMerge(r, c) ? undefined : value)) continue;
      fill ??= cf.fill;
      font ??= cf.font;
    }
    const own = this.get(r, c);
    return { fill: fill ?? own?.fill ?? NO_FILL, font: font ?? own?.font ?? DEFAULT_FONT };
  }

  /** Range.rowHidden over rows r1…r2: true when all are hidden (by hand or filtered out), false when none, null when some. */
  rowHidden(r1: number, r2: number): boolean | null {
    const hidden = new Set<number>();
    for (const r of [...this.hiddenRows, ...(this.autoFilter?.filteredRows ?? [])]) if (r >= r1 && r <= r2) hidden.add(r);
    return hidden.size === 0 ? false : hidden.size === r2 - r1 + 1 ? true : null;
  }

  /**
   * Excel refuses to change part of a merged area ("Cannot change part of a merged cell"): a
   * write or clear of `rect` that cuts through one fails. The area's top-left cell alone is the
   * merged cell itself and may be written.
   */
  checkMergedWrite(rect: Rect, path: string): void {
    for (const m of this.merges) {
      if (intersect(m, rect) === null) continue;
      const whole = rect.r1 <= m.r1 && rect.c1 <= m.c1 && rect.r2 >= m.r2 && rect.c2 >= m.c2;
      const topLeft = rect.r1 === m.r1 && rect.c1 === m.c1 && rect.r2 === m.r1 && rect.c2 === m.c1;
      if (!whole && !topLeft) fail("InvalidOperation", "Cannot change part of a merged cell.", path);
    }
  }

  /** True for a merged cell other than its area's top-left, which Excel reads as blank. */
  hiddenByMerge(r: number, c: number): boolean {
    return this.merges.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && !(r === m.r1 && c === m.c1));
  }

  usedRect(valuesOnly: boolean): Rect | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -Infinity;
    let c2 = -Infinity;
    for (const [r, row] of this.rows) {
      for (const [c, cell] of row) {
        const used = valuesOnly ? cell.v !== undefined || cell.f !== undefined : true;
        if (!used) continue;
        if (r < r1) r1 = r;
        if (r > r2) r2 = r;
        if (c < c1) c1 = c;
        if (c > c2) c2 = c;
      }
    }
    return r1 === Infinity ? null : { r1, c1, r2, c2 };
  }
}

/** a minus b: up to four rectangles (above, below, left, right of the overlap). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const r1 = Math.max(a.r1, b.r1);
  const r2 = Math.min(a.r2, b.r2);
  const c1 = Math.max(a.c1, b.c1);
  const c2 = Math.min(a.c2, b.c2);
  if (r1 > r2 || c1 > c2) return [a];
  const out: Rect[] = [];
  if (a.r1 < r1) out.push({ r1: a.r1, c1: a.c1, r2: r1 - 1, c2: a.c2 });
  if (r2 < a.r2) out.push({ r1: r2 + 1, c1: a.c1, r2: a.r2, c2: a.c2 });
  if (a.c1 < c1) out.push({ r1, c1: a.c1, r2, c2: c1 - 1 });
  if (c2 < a.c2) out.push({ r1, c1: c2 + 1, r2, c2: a.c2 });
  return out;
}

export const CELL_VALUE_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

/** A rule's formula as a value: "=..." is computed (constants only), anything else is read as typed. */
function ruleOperand(formula: string): Scalar {
  if (formula.startsWith("=")) return evaluate(formula);
  const n = numberInput(formula);
  return n ? n.value : evaluate(`=${formula}`);
}

/** Excel's order for comparisons: numbers < text < logicals; text without regard to case. */
function compareCells(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** Whether a CellValue conditional format's rule holds for a cell's value (undefined: blank). */
export function cfApplies(cf: CfState, value: Scalar | undefined): boolean {
  if (cf.type !== "CellValue" || !cf.rule) return false;
  if (typeof value === "string" && EXCEL_ERRORS.has(value)) return false;
  const a = ruleOperand(cf.rule.formula1);
  const b = cf.rule.formula2 !== undefined ? ruleOperand(cf.rule.formula2) : a;
  // a blank cell compares as 0 with numbers and as "" with text
  const v: Scalar = value === undefined ? (typeof a === "number" ? 0 : "") : value;
  const d1 = compareCells(v, a);
  const d2 = compareCells(v, b);
  switch (cf.rule.operator) {
    case "EqualTo":
      return d1 === 0;
    case "NotEqualTo":
      return d1 !== 0;
    case "GreaterThan":
      return d1 > 0;
    case "LessThan":
      return d1 < 0;
    case "GreaterThanOrEqual":
      return d1 >= 0;
    case "LessThanOrEqual":
      return d1 <= 0;
    case "Between":
      return (d1 >= 0 && d2 <= 0) || (d1 <= 0 && d2 >= 0);
    case "NotBetween":
      return !((d1 >= 0 && d2 <= 0) || (d1 <= 0 && d2 >= 0));
  }
  return false;
}

export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

export interface PartState {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** A fault to inject: the (skip+1)-th operation of `kind` fails with `code`. */
export interface Fault {
  kind: string;
  skip?: number;
  code: string;
  message?: string;
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly parts: PartState[] = [];
  activeId: string | null = null;
  /** the selection; more than one rectangle when the user Ctrl-selected several areas */
  selection: { sheetId: string; rect: Rect; areas?: Rect[] } | null = null;
  faults: Fault[] = [];
  /** Review → Protect Workbook (structure): sheets cannot be added, deleted, renamed, moved, hidden */
  structureProtected = false;
  /** defined names (Formulas → Name Manager), which table names may not repeat */
  readonly names = new Map<string, string>();
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  find(name: string): SheetState | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  active(): SheetState {
    const s = this.sheets.find((x) => x.id === this.activeId) ?? this.sheets[0];
    if (!s) fail("ItemNotFound", "The workbook has no worksheet.");
    return s;
  }

  /** Excel's rules for a sheet name: 1–31 characters, none of \\ / ? * [ ] :, no quote at either end, unique. */
  checkSheetName(n: string, except?: SheetState): void {
    if (n.length === 0 || n.length > 31 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'")) {
      fail("InvalidArgument", `The worksheet name '${n}' is not valid.`);
    }
    const other = this.find(n);
    if (other && other !== except) fail("ItemAlreadyExists", `A worksheet named '${n}' already exists.`);
  }

  addSheet(name?: string): SheetState {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.find(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.checkSheetName(n);
    const sheet = new SheetState(this.newId("{sheet-"), n, this);
    this.sheets.push(sheet);
    if (this.activeId === null) this.activeId = sheet.id;
    return sheet;
  }

  deleteSheet(sheet: SheetState): void {
    const visible = this.sheets.filter((s) => !s.deleted && s.visibility === "Visible");
    if (visible.length <= 1 && sheet.visibility === "Visible") fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    if (this.activeId === sheet.id) this.activeId = (this.sheets[Math.max(0, i - 1)] ?? this.sheets[0]).id;
    if (this.selection?.sheetId === sheet.id) this.selection = null;
  }

  /** Every table in the workbook, with its sheet. */
  tables(): { sheet: SheetState; table: TableState }[] {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  findTable(name: string): { sheet: SheetState; table: TableState } | undefined {
    return this.tables().find((t) => sameName(t.table.name, name));
  }

  /** Fails as Excel does when the workbook's structure is protected. */
  checkStructure(path: string): void {
    if (this.structureProtected) fail("AccessDenied", "The workbook's structure is protected; sheets cannot be added, deleted, renamed, moved or hidden.", path);
  }

  hasName(name: string): boolean {
    return [...this.names.keys()].some((n) => sameName(n, name));
  }

  takeFault(kind: string): Fault | null {
    const i = this.faults.findIndex((f) => f.kind === kind);
    if (i < 0) return null;
    const f = this.faults[i];
    if (f.skip && f.skip > 0) {
      f.skip--;
      return null;
    }
    this.faults.splice(i, 1);
    return f;
  }
}

// ---------------------------------------------------------------------------------------------
// Cell input and output, as Excel reads typed input and shows values

export function numberInput(s: string): { value: number; percent: boolean; decimals: number } | null {
  const m = /^\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?\s*(%?)\s*$/.exec(s);
  if (!m || (m[2] === undefined && (m[3] === undefined || m[3] === "."))) return null;
  const text = `${m[1]}${(m[2] ?? "0").replace(/,/g, "")}${m[3] ?? ""}${m[4] !== undefined ? `e${m[4]}` : ""}`;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  const percent = m[5] === "%";
  const decimals = m[3] ? m[3].length - 1 : 0;
  return { value: percent ? n / 100 : n, percent, decimals };
}

/** A formula's value when it names no cell (conditional-format rules): "#NAME?" for a bare name. */
export function evaluate(formula: string): Scalar {
  try {
    return evaluateFormula(formula, () => null) ?? "";
  } catch {
    return "";
  }
}

/** Cells whose formulas are being computed, to stop at a circular reference as Excel does (0). */
const computing = new Set<Cell>();

/** A cell's value as a formula sees it: null when blank. */
function lookupValue(sheet: SheetState, r: number, c: number): FormulaValue {
  if (sheet.hiddenByMerge(r, c)) return null;
  return cellValue(sheet, r, c) ?? null;
}

/**
 * The value a cell shows: its constant, or its formula computed now from the cells it names
 * (docs/excel-platform.md: Excel recalculates; so does this, on every read).
 */
export function cellValue(sheet: SheetState, r: number, c: number): Scalar | undefined {
  const cell = sheet.get(r, c);
  if (!cell || cell.f === undefined) return cell?.v;
  if (computing.has(cell)) return 0;
  computing.add(cell);
  try {
    const v = evaluateFormula(
      cell.f,
      (name, row, col) => {
        if (name === null) return lookupValue(sheet, row, col);
        const other = sheet.book?.find(name);
        return other ? lookupValue(other, row, col) : "#REF!";
      },
      { sheet: sheet.name, row: r, col: c },
    );
    return v ?? 0;
  } catch {
    return "#VALUE!";
  } finally {
    computing.delete(cell);
  }
}

/** Apply one element of a `values` or `formulas` assignment to a cell. */
export function enter(sheet: SheetState, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return; // office.js: null leaves the cell as it is
  const cell = sheet.ensure(r, c);
  delete cell.f;
  delete cell.v;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) fail("InvalidArgument", `The value ${input} is not a valid cell value.`);
    cell.v = input;
  } else if (typeof input === "boolean") {
    cell.v = input;
  } else if (typeof input === "string") {
    enterText(cell, input);
  } else {
    fail("InvalidArgument", "A cell value must be a number, a string or a boolean.");
  }
  sheet.tidy(r, c);
}

/** A formula Excel accepts; a malformed one fails the whole sync with InvalidArgument, as in Excel. */
function setFormula(cell: Cell, formula: string): void {
  const error = formulaSyntaxError(formula);
  if (error !== null) fail("InvalidArgument", `The formula ${formula} is not valid: ${error}`);
  cell.f = formula;
}

function enterText(cell: Cell, s: string): void {
  if (s === "") return;
  if (s.startsWith("'")) {
    cell.v = s.slice(1); // the quote prefix: always text
    return;
  }
  if (cell.nf === "@") {
    cell.v = s; // a cell formatted as text keeps what is typed, a formula too (it stays text)
    return;
  }
  if (s.startsWith("=") && s.length > 1) {
    setFormula(cell, s);
    return;
  }
  const n = numberInput(s);
  if (n) {
    cell.v = n.value;
    if (n.percent && cell.nf === undefined) cell.nf = n.decimals ? `0.${"0".repeat(n.decimals)}%` : "0%";
    return;
  }
  if (/^[+\-@]/.test(s) && s.length > 1) {
    setFormula(cell, `=${s[0] === "@" ? s.slice(1) : s}`);
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.v = s.toUpperCase() === "TRUE";
    return;
  }
  if (EXCEL_ERRORS.has(s.toUpperCase())) {
    cell.v = s.toUpperCase();
    return;
  }
  cell.v = s;
}

/** A sheet name as Excel writes it in an address: quoted only when it has to be. */
export function sheetRef(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function readValue(sheet: SheetState, r: number, c: number): Scalar {
  if (sheet.hiddenByMerge(r, c)) return "";
  return cellValue(sheet, r, c) ?? "";
}

export function display(v: Scalar | undefined, nf: string | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const f = nf ?? "General";
  let m = /^0(?:\.(0+))?%$/.exec(f);
  if (m) return `${(v * 100).toFixed(m[1]?.length ?? 0)}%`;
  m = /^(#,##)?0(?:\.(0+))?$/.exec(f);
  if (m) {
    const s = v.toFixed(m[2]?.length ?? 0);
    return m[1] ? s.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ",")) : s;
  }
  return String(v);
}

export function grid<T>(rect: Rect, fn: (r: number, c: number) => T): T[][] {
  const out: T[][] = new Array(rect.r2 - rect.r1 + 1);
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: T[] = new Array(rect.c2 - rect.c1 + 1);
    for (let c = rect.c1; c <= rect.c2; c++) row[c - rect.c1] = fn(r, c);
    out[r - rect.r1] = row;
  }
  return out;
}

export function area(rect: Rect): number {
  return (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
}

/** The XML root element's namespace, as Excel files a custom XML part under. */
export function rootNamespace(xml: string): string {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const m = /^\s*<(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*((?:\s+[^>]*?)?)\/?>/.exec(body);
  if (!m) fail("InvalidArgument", "The XML is not well-formed.");
  const attr = m[1] ? `xmlns:${m[1]}` : "xmlns";
  const ns = new RegExp(`\\s${attr.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(m[2]);
  return ns ? (ns[2] ?? ns[3] ?? "") : "";
}
