/**
 * The Excel adapter (SPEC §2, §9, §10): reads the table as a Grid in one batch, checks it with
 * the engine, and executes the engine's WritePlan in as few syncs as the payload allows,
 * remembering what it wrote (written-record.ts) so a re-run or "clear results" removes exactly
 * that. The task pane talks to the SheetAdapter interface only.
 */
import { columnLetter } from "../core/address";
import { CellValue, Grid } from "../core/grid";
import { STATUSES, STATUS_LABELS, Status, ValidateResult } from "../core/results";
import { OWN_HEADER_PREFIX } from "../core/table-finder";
import { ValidateOptions, validateGrid } from "../core/validate";
import { RESULT_SHEET, WritePlan } from "../core/write-plan";
import { Rect, intersect, parseRect, qualified, rectA1, sameName, splitSheet } from "./a1";
import { toExcelInput } from "./cell-input";
import { SheetAdapterError, excelCode, protectedSheetError, toAdapterError } from "./errors";
import type { IsSetSupported, XlContext, XlCustomXmlPart, XlRange, XlRangeFormat, XlRun, XlWorksheet } from "./excel-api";
import { SYNC_BUDGET, jsonBytes, utf8Length } from "./payload";
import { EMPTY_RECORD, RECORD_NAMESPACE, WrittenOutput, WrittenRecord, recordFromXml, recordToXml } from "./written-record";

export type GridSource = "used" | "selection";

export interface RunValidateOptions extends ValidateOptions {
  /** the active sheet's used range (default), or the rows of the selection */
  source?: GridSource;
}

export interface AdapterMessage {
  code: string;
  text: string;
  en: string;
}

export interface WriteReport {
  /** the sheet written to (may be "核对结果 (2)" when 核对结果 is the user's) */
  sheet: string;
  mode: "beside" | "new_sheet";
  /** sheet-qualified range of everything written */
  owned: string;
  /** the sheet the add-in created for the results, if any */
  createdSheet: string | null;
  /**
   * How the status colours were applied: one conditional format per status on the status column
   * (ExcelApi 1.6, the usual case), or, as a fallback, fills on ExcelApi 1.9 `getRanges` groups
   * (≤255-character addresses) or one `getRange` per run of rows
   */
  fillMethod: "conditionalFormats" | "getRanges" | "getRange";
  /** conditional formats added, or fill operations in the fallback */
  fillOperations: number;
  /** cell notes written (ExcelApi 1.18); 0 when unsupported: the 说明 column carries the text */
  notesWritten: number;
  /** syncs that wrote (the run's total is in `syncs`) */
  writeSyncs: number;
  /** estimated request bytes of the write */
  requestBytes: number;
  messages: AdapterMessage[];
}

export type ValidateRun =
  | { ok: true; result: ValidateResult; plan: WritePlan; write: WriteReport; syncs: number }
  | { ok: false; reason: string; reasonEn: string; sheet: string; syncs: number };

export interface ClearReport {
  /** outputs removed */
  cleared: { sheet: string; owned: string; deletedSheet: boolean }[];
  /** outputs left alone because the cells no longer hold what the add-in wrote */
  skipped: { sheet: string; owned: string; reason: "gone" | "changed" }[];
  syncs: number;
}

export interface SheetAdapter {
  /** The active sheet's used range, or the selection's rows across the used columns, as a Grid. */
  readGrid(source?: GridSource): Promise<Grid>;
  /** Read, check, write the results (replacing this table's earlier results). */
  runValidate(options?: RunValidateOptions): Promise<ValidateRun>;
  /** Execute a plan the engine built elsewhere; `sourceHeaderRow` keys the output for re-runs. */
  writePlan(plan: WritePlan, sourceHeaderRow?: number): Promise<WriteReport & { syncs: number }>;
  /** Remove everything the add-in recorded as written, in every sheet. */
  clearResults(): Promise<ClearReport>;
  /** Activate and select a cell: "H5" on the active sheet, or "Sheet1!H5" / "'核对结果'!B3". */
  selectCell(address: string): Promise<void>;
}

export interface SheetAdapterOptions {
  /** `(batch) => Excel.run(batch)` in production; the memory workbook's `run` in tests */
  run: XlRun;
  /** `Office.context.requirements.isSetSupported`; default: only the manifest's ExcelApi 1.7 */
  isSetSupported?: IsSetSupported;
  /** bytes packed into one sync (default 4 MB, under Excel on the web's 5 MB) */
  syncBudget?: number;
}

/** Columns whose widths are read up front, counted from the grid's first column. */
const WIDTH_WINDOW = 64;
/** Cells in the first read when the sheet is too big for one response. */
const CELLS_PER_READ = 100_000;
/** Response bytes aimed at per chunked read: rows further down may be wider than those measured. */
const READ_BUDGET = 3_000_000;
/** Excel's limit on a multi-area address string, as for VBA's Range(): stay under it. */
const MAX_AREAS_ADDRESS = 255;
/** Header cells loaded from a results sheet to recognise it. */
const RESULT_HEADER_WIDTH = 26;
/** What one queued operation costs in the request besides its data: office.js sends each
 *  action with its object path (about 250 bytes of JSON); estimates round up. */
const STEP_OVERHEAD = 300;

interface Caps {
  /** ExcelApi 1.6 */
  conditionalFormats: boolean;
  rangeAreas: boolean;
  notes: boolean;
  suspend: boolean;
}

/** One Excel.run: counts its syncs. */
class Session {
  syncs = 0;
  constructor(readonly ctx: XlContext) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }
}

interface SheetInfo {
  name: string;
  protected: boolean;
}

interface ReadState {
  grid: Grid;
  sheets: Map<string, SheetInfo>;
  parts: XlCustomXmlPart[];
  /** widths (points) of columns grid.firstCol … + WIDTH_WINDOW, as they are now */
  widths: Map<number, number>;
}

const lc = (s: string) => s.toLowerCase();

function toCellValue(v: unknown): CellValue {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

function toFormat(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

/** Points from the plan's widths, which are in characters as the CLI (exceljs) takes them. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Join A1 ranges with "," into groups whose address stays under Excel's length limit. */
export function joinAddresses(ranges: string[], max = MAX_AREAS_ADDRESS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of ranges) {
    if (cur && cur.length + 1 + r.length > max) {
      out.push(cur);
      cur = r;
    } else cur = cur ? `${cur},${r}` : r;
  }
  if (cur) out.push(cur);
  return out;
}

/** Whole columns: "F:F", "F:I". */
function columnsRange(c1: number, c2: number): string {
  return `${columnLetter(c1)}:${columnLetter(c2)}`;
}

function ownedRect(owned: string): { sheet: string; rect: Rect } {
  const { sheet, range } = splitSheet(owned);
  const rect = parseRect(range);
  if (sheet === null || !rect) throw new SheetAdapterError("invalid_argument", `写入计划的范围无效：${owned}`, `the plan's range is not valid: ${owned}`);
  return { sheet, rect };
}

/** One conditional format per status: "cell value equals the label" on the status column. */
interface StatusFormats {
  /** the status column's data rows */
  rect: Rect;
  rules: { formula1: string; fill: string; font: string }[];
}

/** A text as a formula operand: `="达标"`. */
function textFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/**
 * The plan's status colours as conditional formats (SPEC §10: operations per status, not per
 * row): when every coloured cell sits in one column of the block and holds its status's label
 * (STATUS_LABELS[status].zh), and no other cell of that column holds a label, an equality rule
 * on the column's data rows colours exactly the cells the plan's fills name. The rule is
 * "equal to", never "contains": 达标 is contained in 未达标. Null when the plan does not fit,
 * and the caller colours the plan's ranges instead.
 */
export function statusFormatsOf(plan: WritePlan): StatusFormats | null {
  if (plan.fills.length === 0 || plan.cells.length < 2) return null;
  const rect: Rect = { r1: plan.startRow + 1, r2: plan.startRow + plan.cells.length - 1, c1: 0, c2: 0 };
  const expected = new Map<number, string>();
  const labels = new Set<string>();
  const rules: StatusFormats["rules"] = [];
  for (const f of plan.fills) {
    const label = (STATUSES as readonly string[]).includes(f.status) ? STATUS_LABELS[f.status as Status].zh : null;
    if (label === null || labels.has(label)) return null;
    labels.add(label);
    rules.push({ formula1: textFormula(label), fill: f.fill, font: f.font });
    for (const range of f.ranges) {
      const r = parseRect(range);
      if (!r || r.c1 !== r.c2 || (rect.c1 !== 0 && r.c1 !== rect.c1) || r.r1 < rect.r1 || r.r2 > rect.r2) return null;
      rect.c1 = rect.c2 = r.c1;
      for (let row = r.r1; row <= r.r2; row++) expected.set(row, label);
    }
  }
  const col = rect.c1 - plan.startCol;
  if (col < 0 || col >= (plan.cells[0]?.length ?? 0)) return null;
  for (let row = rect.r1; row <= rect.r2; row++) {
    const v = plan.cells[row - plan.startRow][col];
    const shown = typeof v === "string" && labels.has(v) ? v : undefined;
    if (shown !== expected.get(row)) return null;
  }
  return { rect, rules };
}

// ---------------------------------------------------------------------------------------------
// Reading

function readSheets(s: Session) {
  const sheets = s.ctx.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  const parts = s.ctx.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  parts.load("items/id");
  return () => ({
    sheets: new Map(sheets.items.map((w): [string, SheetInfo] => [lc(w.name), { name: w.name, protected: w.protection.protected }])),
    parts: parts.items,
  });
}

function sourceRange(s: Session, ws: XlWorksheet, source: GridSource): XlRange {
  const used = ws.getUsedRange(true);
  if (source === "used") return used;
  // the selection's rows, across every used column: data right of the selection is seen, so
  // the engine never writes over it
  return s.ctx.workbook.getSelectedRange().getEntireRow().getIntersectionOrNullObject(used);
}

const DIMENSIONS = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"];

/**
 * One load and one sync: the grid (values and number formats), every sheet's name and
 * protection, the add-in's record parts and the column widths beside the table. A sheet too big
 * for one 5 MB response is read again in row chunks.
 */
async function readState(s: Session, source: GridSource): Promise<ReadState> {
  const queue = () => {
    const ws = s.ctx.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    const meta = readSheets(s);
    const range = sourceRange(s, ws, source);
    const widths = Array.from({ length: WIDTH_WINDOW }, (_, i) => {
      const f = range.getCell(0, i).format;
      f.load("columnWidth");
      return f;
    });
    return { ws, meta, range, widths };
  };
  const finish = (q: ReturnType<typeof queue>, values: unknown[][], formats: unknown[][]): ReadState => {
    const { sheets, parts } = q.meta();
    const isNull = q.range.isNullObject;
    const firstRow = isNull ? 1 : q.range.rowIndex + 1;
    const firstCol = isNull ? 1 : q.range.columnIndex + 1;
    const widths = new Map<number, number>();
    if (!isNull) q.widths.forEach((f: XlRangeFormat, i) => widths.set(firstCol + i, f.columnWidth));
    const grid: Grid = {
      sheet: q.ws.name,
      values: values.map((row) => row.map(toCellValue)),
      numberFormats: formats.map((row) => row.map(toFormat)),
      firstRow,
      firstCol,
    };
    return { grid, sheets, parts, widths };
  };

  let q = queue();
  q.range.load([...DIMENSIONS, "values", "numberFormat"]);
  try {
    await s.sync();
    return q.range.isNullObject ? finish(q, [], []) : finish(q, q.range.values, q.range.numberFormat);
  } catch (e) {
    if (excelCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
  }
  // too big for one response: dimensions first, then rows in chunks sized from what came back
  q = queue();
  q.range.load(DIMENSIONS);
  await s.sync();
  if (q.range.isNullObject) return finish(q, [], []);
  const { rowIndex, columnIndex, rowCount, columnCount } = q.range;
  const values: unknown[][] = [];
  const formats: unknown[][] = [];
  let rows = Math.max(1, Math.floor(CELLS_PER_READ / columnCount));
  for (let done = 0; done < rowCount; ) {
    const n = Math.min(rows, rowCount - done);
    const part = q.ws.getRange(rectA1({ r1: rowIndex + 1 + done, c1: columnIndex + 1, r2: rowIndex + done + n, c2: columnIndex + columnCount }));
    part.load(["values", "numberFormat"]);
    try {
      await s.sync();
    } catch (e) {
      if (excelCode(e) === "ResponsePayloadSizeLimitExceeded" && n > 1) {
        rows = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    const bytes = jsonBytes(part.values) + jsonBytes(part.numberFormat);
    for (const row of part.values) values.push(row);
    for (const row of part.numberFormat) formats.push(row);
    done += n;
    rows = Math.max(1, Math.floor((READ_BUDGET * n) / Math.max(1, bytes)));
  }
  return finish(q, values, formats);
}

interface RecordState {
  record: WrittenRecord;
  parts: XlCustomXmlPart[];
  /** first row (A1:Z1) of sheets that may be results sheets, by lower-case name */
  topRows: Map<string, unknown[]>;
}

/**
 * The record's XML, in a sync of its own and only when a part exists (a collection's items are
 * known only after a sync). The first rows of possible results sheets come in the same sync.
 */
async function readRecord(s: Session, read: Pick<ReadState, "parts" | "sheets">): Promise<RecordState> {
  const topRows = new Map<string, unknown[]>();
  if (read.parts.length === 0) return { record: EMPTY_RECORD, parts: [], topRows };
  const xmls = read.parts.map((p) => p.getXml());
  const tops: [string, XlRange][] = [];
  for (const [key, info] of read.sheets) {
    if (!key.startsWith(lc(RESULT_SHEET))) continue;
    const r = s.ctx.workbook.worksheets.getItem(info.name).getRange(rectA1({ r1: 1, c1: 1, r2: 1, c2: RESULT_HEADER_WIDTH }));
    r.load("values");
    tops.push([key, r]);
  }
  await s.sync();
  for (const [key, r] of tops) topRows.set(key, r.values[0] ?? []);
  for (const x of xmls) {
    const record = recordFromXml(x.value);
    if (record) return { record, parts: read.parts, topRows };
  }
  return { record: EMPTY_RECORD, parts: read.parts, topRows };
}

// ---------------------------------------------------------------------------------------------
// Recognising earlier output before clearing it

type Verdict = "ours" | "gone" | "changed" | "unknown";

interface Evidence {
  sheets: Map<string, SheetInfo>;
  grid?: Grid;
  /** the grid is the sheet's used range: every cell outside it is blank */
  gridIsUsedRange?: boolean;
  topRows: Map<string, unknown[]>;
  /** header rows loaded for the purpose, by owned address */
  headers?: Map<string, unknown[]>;
}

function headerCells(o: WrittenOutput, ev: Evidence): unknown[] | undefined {
  const { sheet, rect } = ownedRect(o.owned);
  const loaded = ev.headers?.get(o.owned);
  if (loaded) return loaded;
  const g = ev.grid;
  if (g && sameName(g.sheet, sheet)) {
    const r = rect.r1 - (g.firstRow ?? 1);
    // a used-range grid is blank outside itself; a selection grid is known only on its rows
    if ((r >= 0 && r < g.values.length) || ev.gridIsUsedRange) return o.headers.map((_, i) => gridCell(g, rect.r1, rect.c1 + i) ?? "");
  }
  const top = ev.topRows.get(lc(sheet));
  if (top && rect.r1 === 1 && rect.c1 === 1) return top.slice(0, o.headers.length);
  return undefined;
}

/** A cell of the grid by sheet row and column; undefined outside it. */
function gridCell(g: Grid, row: number, col: number): CellValue | undefined {
  return g.values[row - (g.firstRow ?? 1)]?.[col - (g.firstCol ?? 1)];
}

function verdict(o: WrittenOutput, ev: Evidence): Verdict {
  if (!ev.sheets.has(lc(ownedRect(o.owned).sheet))) return "gone";
  const cells = headerCells(o, ev);
  if (!cells) return "unknown";
  return o.headers.every((h, i) => String(cells[i] ?? "") === h) ? "ours" : "changed";
}

/** Load the header rows that the evidence at hand cannot answer, in one sync. */
async function loadHeaders(s: Session, outputs: WrittenOutput[], ev: Evidence): Promise<void> {
  const pending = outputs.filter((o) => verdict(o, ev) === "unknown");
  if (pending.length === 0) return;
  const ranges = pending.map((o) => {
    const { sheet, rect } = ownedRect(o.owned);
    const r = s.ctx.workbook.worksheets.getItem(sheet).getRange(rectA1({ r1: rect.r1, c1: rect.c1, r2: rect.r1, c2: rect.c1 + o.headers.length - 1 }));
    r.load("values");
    return r;
  });
  await s.sync();
  ev.headers = ev.headers ?? new Map();
  pending.forEach((o, i) => ev.headers!.set(o.owned, ranges[i].values[0] ?? []));
}

/** The removal of one earlier output, one step per operation; the caller has checked it is ours. */
function removalSteps(s: Session, o: WrittenOutput, caps: Caps): Step[] {
  const sheets = s.ctx.workbook.worksheets;
  if (o.createdSheet) return [{ bytes: STEP_OVERHEAD, queue: () => sheets.getItemOrNullObject(o.sheet).delete() }];
  // a null object if the sheet went meanwhile: then there is nothing to remove
  let ws: XlWorksheet | null = null;
  const sheet = () => (ws ??= sheets.getItemOrNullObject(o.sheet));
  const steps: Step[] = [];
  // the add-in's own conditional formats, by the ranges recorded (its status column: nothing of
  // the user's is there). Without ExcelApi 1.6 they cannot be addressed, but the clear below
  // takes them too, as Excel's Clear Formats does.
  if (caps.conditionalFormats) {
    for (const address of o.conditionalFormats) steps.push({ bytes: STEP_OVERHEAD * 3, queue: () => sheet().getRange(address).conditionalFormats.clearAll() });
  }
  steps.push({ bytes: STEP_OVERHEAD * 2, queue: () => sheet().getRange(splitSheet(o.owned).range).clear("All") });
  if (caps.notes) for (const cell of o.notes) steps.push({ bytes: STEP_OVERHEAD, queue: () => sheet().notes.getItemOrNullObject(cell).delete() });
  for (const w of o.columnWidths) steps.push({ bytes: STEP_OVERHEAD, queue: () => (sheet().getRange(columnsRange(w.column, w.column)).format.columnWidth = w.points) });
  return steps;
}

function queueRecord(s: Session, parts: XlCustomXmlPart[], record: WrittenRecord): void {
  const [first, ...extra] = parts;
  for (const p of extra) p.delete();
  if (record.outputs.length === 0) {
    first?.delete();
    return;
  }
  const xml = recordToXml(record);
  if (first) first.setXml(xml);
  else s.ctx.workbook.customXmlParts.add(xml);
}

// ---------------------------------------------------------------------------------------------
// Writing

interface Step {
  bytes: number;
  queue: () => void;
}

/** Queue steps in order, syncing whenever the next one would push the batch over the budget. */
async function runSteps(s: Session, steps: Step[], budget: number, caps: Caps): Promise<{ syncs: number; bytes: number }> {
  let batch = 0;
  let queued = 0;
  let syncs = 0;
  let total = 0;
  const begin = () => {
    // calculation waits until the batch is written; it lasts one sync, so once per batch
    if (caps.suspend) s.ctx.application.suspendApiCalculationUntilNextSync();
    batch = STEP_OVERHEAD;
    queued = 0;
  };
  begin();
  for (const step of steps) {
    if (queued > 0 && batch + step.bytes > budget) {
      await s.sync();
      syncs++;
      begin();
    }
    step.queue();
    batch += step.bytes;
    total += step.bytes;
    queued++;
  }
  if (queued > 0) {
    await s.sync();
    syncs++;
  }
  return { syncs, bytes: total };
}


/**
 * Rows of the values block cut into pieces that each fill a sync: the first shares its sync with
 * `first` bytes of other work, the rest have a sync each. Under the budget it is one piece.
 */
function valueChunks(cells: unknown[][], formats: string[], budget: number, first: number): { from: number; to: number; bytes: number }[] {
  const out: { from: number; to: number; bytes: number }[] = [];
  const fmtBytes = jsonBytes(formats) + 1;
  let room = budget - first;
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < cells.length; i++) {
    const b = jsonBytes(cells[i]) + 1 + fmtBytes;
    if (i > from && bytes + b > room) {
      out.push({ from, to: i, bytes });
      from = i;
      bytes = 0;
      room = budget - 3 * STEP_OVERHEAD;
    }
    bytes += b;
  }
  if (from < cells.length) out.push({ from, to: cells.length, bytes });
  return out;
}

interface ExecuteInput {
  plan: WritePlan;
  sourceHeaderRow: number;
  read: Pick<ReadState, "sheets" | "widths">;
  rec: RecordState;
  grid?: Grid;
  gridIsUsedRange?: boolean;
  caps: Caps;
  budget: number;
}

interface ExecuteOutput {
  plan: WritePlan;
  report: WriteReport;
}

/** The plan, moved to another results sheet when 核对结果 belongs to the user. */
function retarget(plan: WritePlan, sheet: string): WritePlan {
  if (sheet === plan.sheet) return plan;
  const { range } = splitSheet(plan.owned);
  return { ...plan, sheet, owned: qualified(sheet, range) };
}

async function execute(s: Session, input: ExecuteInput): Promise<ExecuteOutput> {
  const { sourceHeaderRow, read, rec, caps } = input;
  const messages: AdapterMessage[] = input.plan.messages.map((m) => ({ ...m }));
  const ev: Evidence = { sheets: read.sheets, grid: input.grid, gridIsUsedRange: input.gridIsUsedRange, topRows: rec.topRows };

  // the earlier output of this table, and whether its cells still hold what was written
  const previous = rec.record.outputs.find((o) => sameName(o.sourceSheet, input.plan.sourceSheet) && o.sourceHeaderRow === sourceHeaderRow);
  if (previous) await loadHeaders(s, [previous], ev);
  const prevVerdict = previous ? verdict(previous, ev) : "gone";
  if (previous && prevVerdict === "changed") {
    messages.push({
      code: "previous_output_changed",
      text: `上次写入的${previous.owned}已被改动或移动，未清除`,
      en: `the earlier output at ${previous.owned} was changed or moved; it was left as it is`,
    });
  }

  // where the results go
  let plan = input.plan;
  if (plan.mode === "new_sheet") {
    const freed = previous?.createdSheet && prevVerdict === "ours" ? lc(previous.sheet) : null;
    const taken = (name: string) => read.sheets.has(lc(name)) && lc(name) !== freed;
    let name = RESULT_SHEET;
    for (let n = 2; taken(name); n++) name = `${RESULT_SHEET} (${n})`;
    if (name !== RESULT_SHEET) {
      plan = retarget(plan, name);
      messages.push({ code: "results_sheet_renamed", text: `工作表“${RESULT_SHEET}”不是本加载项创建的，结果写入“${name}”`, en: `sheet "${RESULT_SHEET}" is not the add-in's; results go to "${name}"` });
    }
  }
  const { sheet: target, rect: owned } = ownedRect(plan.owned);

  // protection, checked from what the read sync loaded, before anything is written
  if (plan.mode === "beside" && read.sheets.get(lc(target))?.protected) throw protectedSheetError(target);
  if (previous && prevVerdict === "ours" && !previous.createdSheet && read.sheets.get(lc(previous.sheet))?.protected) throw protectedSheetError(previous.sheet);

  const width = plan.cells[0]?.length ?? 0;
  const widthCols = plan.columnWidths.map((_, i) => plan.startCol + i);
  const originals = new Map<number, number>();
  if (plan.mode === "beside") {
    for (const c of widthCols) {
      const before = previous && prevVerdict === "ours" && sameName(previous.sheet, target) ? previous.columnWidths.find((w) => w.column === c)?.points : undefined;
      const now = read.widths.get(c);
      if (before !== undefined) originals.set(c, before);
      else if (now !== undefined && now !== null) originals.set(c, now);
    }
  }
  // status colours: conditional formats (ExcelApi 1.6) when the plan fits, else range fills
  const statusFormats = caps.conditionalFormats ? statusFormatsOf(plan) : null;
  const output: WrittenOutput = {
    sourceSheet: plan.sourceSheet,
    sourceHeaderRow,
    sheet: target,
    mode: plan.mode,
    owned: plan.owned,
    createdSheet: plan.mode === "new_sheet",
    headers: (plan.cells[0] ?? []).map((h) => (h === null ? "" : typeof h === "object" ? "" : String(h))),
    notes: caps.notes ? plan.notes.map((n) => n.cell) : [],
    conditionalFormats: statusFormats ? [rectA1(statusFormats.rect)] : [],
    columnWidths: [...originals].map(([column, points]) => ({ column, points })),
  };
  // outputs this one replaces: the earlier output of this table, and any whose block it overlaps
  const overlaps = (o: WrittenOutput) => {
    const other = ownedRect(o.owned);
    return sameName(other.sheet, target) && intersect(other.rect, owned) !== null;
  };
  const kept = rec.record.outputs.filter((o) => o !== previous && !overlaps(o));
  const record: WrittenRecord = { version: 1, outputs: [...kept, output] };

  if (plan.notes.length > 0 && !caps.notes) {
    messages.push({ code: "notes_unsupported", text: "此版本 Excel 不支持单元格批注（ExcelApi 1.18），问题说明见“核对·说明”列", en: "this Excel has no cell notes (ExcelApi 1.18); problems are explained in the 核对·说明 column" });
  }

  // ---- the steps, in order: remove the earlier output, record the new one (write-ahead, so an
  // interrupted run can still be cleared), create the sheet, values, formats, colours, notes
  const steps: Step[] = [];
  const sheets = s.ctx.workbook.worksheets;
  let ws: XlWorksheet | null = null;
  const sheet = () => (ws ??= sheets.getItem(target));
  if (previous && prevVerdict === "ours") steps.push(...removalSteps(s, previous, caps));
  steps.push({ bytes: jsonBytes(recordToXml(record)) + STEP_OVERHEAD * 2, queue: () => queueRecord(s, rec.parts, record) });
  if (plan.mode === "new_sheet") steps.push({ bytes: STEP_OVERHEAD, queue: () => (ws = sheets.add(target)) });
  // over our own columns from an earlier run that moved: notes and conditional formats there are
  // ours; notes would block new ones and conditional formats would be doubled
  const ownBlock = plan.mode === "beside" && prevVerdict !== "ours" && input.grid !== undefined && String(gridCell(input.grid, owned.r1, owned.c1) ?? "").startsWith(OWN_HEADER_PREFIX);
  if (ownBlock && statusFormats) {
    const address = rectA1(statusFormats.rect);
    steps.push({ bytes: STEP_OVERHEAD * 3, queue: () => sheet().getRange(address).conditionalFormats.clearAll() });
  }
  if (ownBlock && caps.notes) {
    for (let r = owned.r1 + 1; r <= owned.r2; r++) {
      const cell = rectA1({ r1: r, c1: owned.c1, r2: r, c2: owned.c1 });
      steps.push({ bytes: STEP_OVERHEAD, queue: () => sheet().notes.getItemOrNullObject(cell).delete() });
    }
  }

  const inputs = plan.cells.map((row) => row.map(toExcelInput));
  const general = new Array<string>(width).fill("General");
  const before = steps.reduce((n, st) => n + st.bytes, 3 * STEP_OVERHEAD);
  for (const chunk of valueChunks(inputs, plan.numberFormats, input.budget, before)) {
    steps.push({
      bytes: chunk.bytes + STEP_OVERHEAD,
      queue: () => {
        const r = sheet().getRange(rectA1({ r1: plan.startRow + chunk.from, c1: plan.startCol, r2: plan.startRow + chunk.to - 1, c2: plan.startCol + width - 1 }));
        // values before formats: a formula written into a text-formatted cell would stay text
        r.values = inputs.slice(chunk.from, chunk.to);
        r.numberFormat = inputs.slice(chunk.from, chunk.to).map((_, i) => (chunk.from + i === 0 ? general : plan.numberFormats));
      },
    });
  }
  steps.push({
    bytes: STEP_OVERHEAD * 3,
    queue: () => {
      const header = sheet().getRange(rectA1({ r1: plan.startRow, c1: plan.startCol, r2: plan.startRow, c2: plan.startCol + width - 1 }));
      header.format.fill.color = plan.headerFill.fill;
      header.format.font.color = plan.headerFill.font;
      header.format.font.bold = true;
    },
  });
  plan.columnWidths.forEach((chars, i) => {
    steps.push({ bytes: STEP_OVERHEAD, queue: () => (sheet().getRange(columnsRange(plan.startCol + i, plan.startCol + i)).format.columnWidth = charsToPoints(chars)) });
  });
  let fillOperations = 0;
  if (statusFormats) {
    // one conditional format per status, on the status column's data rows: the operations do
    // not grow with the rows however the statuses are mixed
    const address = rectA1(statusFormats.rect);
    let column: XlRange | null = null;
    for (const rule of statusFormats.rules) {
      fillOperations++;
      steps.push({
        bytes: utf8Length(address + rule.formula1 + rule.fill + rule.font) + STEP_OVERHEAD * 4,
        queue: () => {
          const cf = (column ??= sheet().getRange(address)).conditionalFormats.add("CellValue");
          cf.cellValue.format.fill.color = rule.fill;
          cf.cellValue.format.font.color = rule.font;
          cf.cellValue.rule = { formula1: rule.formula1, operator: "EqualTo" };
        },
      });
    }
  }
  // Fallback only, for an Excel without ExcelApi 1.6 (below the manifest's 1.7, so rare) or a
  // plan whose colours do not follow its status labels: fills on the plan's ranges, grouped into
  // ≤255-character addresses with ExcelApi 1.9. Their count grows with the runs of rows.
  for (const f of statusFormats ? [] : plan.fills) {
    const groups = caps.rangeAreas ? joinAddresses(f.ranges) : f.ranges;
    for (const address of groups) {
      fillOperations++;
      steps.push({
        bytes: utf8Length(address) * 2 + STEP_OVERHEAD * 2,
        queue: () => {
          const areas = caps.rangeAreas ? sheet().getRanges(address) : sheet().getRange(address);
          areas.format.fill.color = f.fill;
          areas.format.font.color = f.font;
        },
      });
    }
  }
  if (caps.notes) {
    for (const n of plan.notes) steps.push({ bytes: jsonBytes([n.cell, n.text]) + STEP_OVERHEAD, queue: () => sheet().notes.add(n.cell, n.text) });
  }

  let done: { syncs: number; bytes: number };
  try {
    done = await runSteps(s, steps, input.budget, caps);
  } catch (e) {
    let rolledBack = false;
    try {
      await rollback(s, { output, previous: previous && prevVerdict === "ours" ? previous : undefined, kept, caps, budget: input.budget });
      rolledBack = true;
    } catch {
      rolledBack = false;
    }
    throw toAdapterError(e, { writing: true, rolledBack });
  }
  return {
    plan,
    report: {
      sheet: target,
      mode: plan.mode,
      owned: plan.owned,
      createdSheet: plan.mode === "new_sheet" ? target : null,
      fillMethod: statusFormats ? "conditionalFormats" : caps.rangeAreas ? "getRanges" : "getRange",
      fillOperations,
      notesWritten: caps.notes ? plan.notes.length : 0,
      writeSyncs: done.syncs,
      requestBytes: done.bytes,
      messages,
    },
  };
}

/**
 * After a failed write: remove whatever this run may have written (and the earlier output it
 * was replacing), then rewrite the record without either. Batches are not transactions, so the
 * failed sync may have applied part of its work.
 */
async function rollback(s: Session, args: { output: WrittenOutput; previous?: WrittenOutput; kept: WrittenOutput[]; caps: Caps; budget: number }): Promise<void> {
  const { output, previous, kept, caps, budget } = args;
  const outputs = [previous, output].filter((o): o is WrittenOutput => o !== undefined);
  const steps = outputs.filter((o) => !o.createdSheet).flatMap((o) => removalSteps(s, o, caps));
  if (steps.length > 0) await runSteps(s, steps, budget, caps);
  const parts = s.ctx.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  parts.load("items/id");
  await s.sync();
  queueRecord(s, parts.items, { version: 1, outputs: kept });
  await s.sync();
  // last and alone: the sheets were free names at the read, so what holds them now is ours
  const created = outputs.filter((o) => o.createdSheet);
  for (const o of created) s.ctx.workbook.worksheets.getItemOrNullObject(o.sheet).delete();
  if (created.length > 0) await s.sync();
}

// ---------------------------------------------------------------------------------------------
// The adapter

function floorIsSupported(name: string, minVersion: string): boolean {
  const [a, b] = minVersion.split(".").map(Number);
  return name === "ExcelApi" && (a < 1 || (a === 1 && (b ?? 0) <= 7));
}

export function createSheetAdapter(options: SheetAdapterOptions): SheetAdapter {
  const isSetSupported = options.isSetSupported ?? floorIsSupported;
  const budget = options.syncBudget ?? SYNC_BUDGET;
  const caps = (): Caps => ({
    conditionalFormats: isSetSupported("ExcelApi", "1.6"),
    rangeAreas: isSetSupported("ExcelApi", "1.9"),
    notes: isSetSupported("ExcelApi", "1.18"),
    suspend: isSetSupported("ExcelApi", "1.6"),
  });
  const session = <T>(work: (s: Session) => Promise<T>, writing: boolean): Promise<T> =>
    options
      .run((ctx) => work(new Session(ctx)))
      .catch((e: unknown) => {
        throw toAdapterError(e, { writing });
      });

  return {
    readGrid(source = "used") {
      return session(async (s) => (await readState(s, source)).grid, false);
    },

    runValidate(runOptions = {}) {
      const { source = "used", ...validateOptions } = runOptions;
      return session(async (s): Promise<ValidateRun> => {
        const read = await readState(s, source);
        const outcome = validateGrid(read.grid, validateOptions);
        if (!outcome.ok) return { ok: false, reason: outcome.reason, reasonEn: outcome.reasonEn, sheet: read.grid.sheet, syncs: s.syncs };
        try {
          const rec = await readRecord(s, read);
          const done = await execute(s, { plan: outcome.plan, sourceHeaderRow: outcome.result.headerRow, read, rec, grid: read.grid, gridIsUsedRange: source === "used", caps: caps(), budget });
          return { ok: true, result: outcome.result, plan: done.plan, write: done.report, syncs: s.syncs };
        } catch (e) {
          throw toAdapterError(e, { writing: true, result: outcome.result });
        }
      }, true);
    },

    writePlan(plan, sourceHeaderRow) {
      return session(async (s) => {
        const key = sourceHeaderRow ?? (plan.mode === "beside" ? plan.startRow : 0);
        const meta = readSheets(s);
        // the widths of the plan's columns as they are now
        const widthFormats = plan.mode === "beside" ? plan.columnWidths.map((_, i) => {
          const f = s.ctx.workbook.worksheets.getItemOrNullObject(plan.sheet).getRange(columnsRange(plan.startCol + i, plan.startCol + i)).format;
          f.load("columnWidth");
          return f;
        }) : [];
        await s.sync();
        const { sheets, parts } = meta();
        const widths = new Map<number, number>();
        widthFormats.forEach((f, i) => {
          if (!f.isNullObject) widths.set(plan.startCol + i, f.columnWidth);
        });
        const rec = await readRecord(s, { sheets, parts });
        const done = await execute(s, { plan, sourceHeaderRow: key, read: { sheets, widths }, rec, caps: caps(), budget });
        return { ...done.report, syncs: s.syncs };
      }, true);
    },

    clearResults() {
      return session(async (s): Promise<ClearReport> => {
        const c = caps();
        const meta = readSheets(s);
        await s.sync();
        const { sheets, parts } = meta();
        const rec = await readRecord(s, { sheets, parts });
        const ev: Evidence = { sheets, topRows: rec.topRows };
        await loadHeaders(s, rec.record.outputs, ev);
        const report: ClearReport = { cleared: [], skipped: [], syncs: 0 };
        const ours: WrittenOutput[] = [];
        for (const o of rec.record.outputs) {
          const v = verdict(o, ev);
          if (v === "ours") ours.push(o);
          else report.skipped.push({ sheet: o.sheet, owned: o.owned, reason: v === "gone" ? "gone" : "changed" });
        }
        for (const o of ours) if (!o.createdSheet && sheets.get(lc(o.sheet))?.protected) throw protectedSheetError(o.sheet);
        if (rec.parts.length > 0) {
          const steps = ours.flatMap((o) => removalSteps(s, o, c));
          steps.push({ bytes: STEP_OVERHEAD * 2, queue: () => queueRecord(s, rec.parts, EMPTY_RECORD) });
          await runSteps(s, steps, budget, c);
        }
        report.cleared = ours.map((o) => ({ sheet: o.sheet, owned: o.owned, deletedSheet: o.createdSheet }));
        report.syncs = s.syncs;
        return report;
      }, true);
    },

    selectCell(address) {
      return session(async (s) => {
        const { sheet, range } = splitSheet(address);
        const ws = sheet === null ? s.ctx.workbook.worksheets.getActiveWorksheet() : s.ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(range).select();
        await s.sync();
      }, false);
    },
  };
}
