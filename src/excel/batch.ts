/**
 * The machinery every adapter job shares: a session counting its syncs, the sheets and the
 * written record read up front, recognising earlier output, and queueing steps into syncs packed
 * under the request budget, with the rollback after a failed write.
 */
import { columnLetter } from "../core/address";
import { CellValue, Grid } from "../core/grid";
import { OWN_HEADER_PREFIX } from "../core/table-finder";
import { PlanCell, RESULT_SHEET } from "../core/write-plan";
import { Rect, parseRect, rectA1, sameName, splitSheet } from "./a1";
import { SheetAdapterError, excelCode } from "./errors";
import type { XlContext, XlCustomXmlPart, XlRange, XlWorksheet } from "./excel-api";
import { EMPTY_RECORD, RECORD_NAMESPACE, WrittenOutput, WrittenRecord, recordFromXml, recordToXml } from "./written-record";

/** Header cells loaded from a results sheet to recognise it. */
const RESULT_HEADER_WIDTH = 26;
/** What one queued operation costs in the request besides its data: office.js sends each
 *  action with its object path (about 250 bytes of JSON); estimates round up. */
export const STEP_OVERHEAD = 300;

export interface Caps {
  /** ExcelApi 1.6 */
  conditionalFormats: boolean;
  /** ExcelApi 1.9 */
  rangeAreas: boolean;
  /** ExcelApi 1.18 */
  notes: boolean;
  /** ExcelApi 1.6 */
  suspend: boolean;
  /** ExcelApi 1.3: a Range as the table's address, banded rows and the filter button */
  tableOptions: boolean;
  /** ExcelApi 1.7: frozen panes, chart series data (setValues, setXAxisValues, series.add) */
  freezeAndSeries: boolean;
  /** ExcelApi 1.8: the value axis' number format */
  axisFormat: boolean;
}

/** One Excel.run: counts its syncs. */
export class Session {
  syncs = 0;
  constructor(
    readonly ctx: XlContext,
    /** ExcelApi 1.7: the workbook's structure protection can be read */
    readonly workbookProtection = true,
  ) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }
}

export interface SheetInfo {
  name: string;
  protected: boolean;
  /** "Visible", "Hidden" or "VeryHidden" */
  visibility: string;
  /** 0-based place in the tab order */
  position: number;
}


export const lc = (s: string) => s.toLowerCase();

/** "核对结果 (2)": the rule lives in core, shared with the CLI. */
export { numberedName } from "../core/sheet-names";

/** What an output is: validate results (also older records without a kind), audit columns, a comparison sheet. */
export function kindOf(o: WrittenOutput): "results" | "audit" | "comparison" {
  return o.kind ?? "results";
}

/** Points from the plan's widths, which are in characters as the CLI (exceljs) takes them. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Whole columns: "F:F", "F:I". */
export function columnsRange(c1: number, c2: number): string {
  return `${columnLetter(c1)}:${columnLetter(c2)}`;
}

/** A row's number formats with General for its formulas where the plan says Text ("@"): Excel would keep them as text. */
export function formulaFormats(cells: readonly PlanCell[], formats: string[]): string[] {
  if (!cells.some((c, i) => c !== null && typeof c === "object" && formats[i] === "@")) return formats;
  return formats.map((f, i) => (f === "@" && cells[i] !== null && typeof cells[i] === "object" ? "General" : f));
}

export function ownedRect(owned: string): { sheet: string; rect: Rect } {
  const { sheet, range } = splitSheet(owned);
  const rect = parseRect(range);
  if (sheet === null || !rect) throw new SheetAdapterError("invalid_argument", `写入计划的范围无效：${owned}`, `the plan's range is not valid: ${owned}`);
  return { sheet, rect };
}


// ---------------------------------------------------------------------------------------------
// Reading what every run needs

/** Every sheet's name, protection, visibility and place, and the add-in's record parts: queued, read after the next sync. */
export function readSheets(s: Session) {
  const sheets = s.ctx.workbook.worksheets;
  sheets.load("items/name,items/protection/protected,items/visibility,items/position");
  const parts = s.ctx.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  parts.load("items/id");
  // ExcelApi 1.7 (the manifest's floor): Review → Protect Workbook
  const protection = s.workbookProtection ? s.ctx.workbook.protection : null;
  protection?.load("protected");
  return () => ({
    structureProtected: protection?.protected ?? false,
    sheets: new Map(sheets.items.map((w): [string, SheetInfo] => [lc(w.name), { name: w.name, protected: w.protection.protected, visibility: w.visibility, position: w.position }])),
    parts: parts.items,
  });
}

export interface RecordState {
  record: WrittenRecord;
  parts: XlCustomXmlPart[];
  /** first row (A1:Z1) of sheets that may be results sheets, by lower-case name */
  topRows: Map<string, unknown[]>;
}

/**
 * The record's XML, in a sync of its own and only when a part exists (a collection's items are
 * known only after a sync). The first rows of possible results sheets (核对结果…, 核对·…, and
 * those `alsoTop` names) come in the same sync.
 */
export async function readRecord(s: Session, read: { parts: XlCustomXmlPart[]; sheets: Map<string, SheetInfo> }, alsoTop: (key: string) => boolean = () => false): Promise<RecordState> {
  const topRows = new Map<string, unknown[]>();
  if (read.parts.length === 0) return { record: EMPTY_RECORD, parts: [], topRows };
  const xmls = read.parts.map((p) => p.getXml());
  const tops: [string, XlRange][] = [];
  for (const [key, info] of read.sheets) {
    if (!key.startsWith(lc(RESULT_SHEET)) && !key.startsWith(lc(OWN_HEADER_PREFIX)) && !alsoTop(key)) continue;
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

export type Verdict = "ours" | "gone" | "changed" | "unknown";

export interface Evidence {
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
export function gridCell(g: Grid, row: number, col: number): CellValue | undefined {
  return g.values[row - (g.firstRow ?? 1)]?.[col - (g.firstCol ?? 1)];
}

export function verdict(o: WrittenOutput, ev: Evidence): Verdict {
  if (!ev.sheets.has(lc(ownedRect(o.owned).sheet))) return "gone";
  const cells = headerCells(o, ev);
  if (!cells) return "unknown";
  return o.headers.every((h, i) => String(cells[i] ?? "") === h) ? "ours" : "changed";
}

/** Load the header rows that the evidence at hand cannot answer, in one sync. */
export async function loadHeaders(s: Session, outputs: WrittenOutput[], ev: Evidence): Promise<void> {
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
export function removalSteps(s: Session, o: WrittenOutput, caps: Caps): Step[] {
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

/** Queue the record's write; returns the parts that hold it afterwards (for a later write in the same run). */
export function queueRecord(s: Session, parts: XlCustomXmlPart[], record: WrittenRecord): XlCustomXmlPart[] {
  const [first, ...extra] = parts;
  for (const p of extra) p.delete();
  if (record.outputs.length === 0) {
    first?.delete();
    return [];
  }
  const xml = recordToXml(record);
  if (first) {
    first.setXml(xml);
    return [first];
  }
  return [s.ctx.workbook.customXmlParts.add(xml)];
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface Step {
  bytes: number;
  queue: () => void;
  /**
   * Formatting the results do without (frozen panes, notes, column widths, the chart): queued in
   * a final sync of its own, whose failure is reported and tolerated, never undoing the results
   * written before it (docs/excel-platform.md)
   */
  optional?: boolean;
}

export interface StepsDone {
  syncs: number;
  bytes: number;
  /** what made the final, optional sync fail; the other steps were all written */
  optionalError?: unknown;
}

/** The message for an optional sync that failed: the results stand, some formatting is missing. */
export function optionalFailedMessage(e: unknown): { code: string; text: string; en: string } {
  const code = excelCode(e) ?? "error";
  return {
    code: "optional_formatting_failed",
    text: `结果已全部写入，但部分格式（冻结窗格、批注、列宽或图表）未能设置：Excel 返回 ${code}`,
    en: `the results are all written, but some formatting (frozen panes, notes, column widths or the chart) could not be applied: Excel returned ${code}`,
  };
}

/** Fails before anything is written when the run must add or delete a sheet and the workbook's structure is protected. */
export function checkStructure(structureProtected: boolean, what: { adds?: boolean; deletes?: boolean }): void {
  if (!structureProtected || (!what.adds && !what.deletes)) return;
  throw new SheetAdapterError(
    "workbook_protected",
    "工作簿结构受保护，无法添加或删除工作表，未写入任何内容。请先撤销工作簿保护（审阅 → 保护工作簿）再试。",
    "the workbook's structure is protected, so sheets cannot be added or deleted; nothing was written. Unprotect it (Review → Protect Workbook) and try again.",
  );
}

/**
 * Queue the steps in order, syncing whenever the next one would push the batch over the budget;
 * the optional ones last, in syncs of their own whose failure is returned, not thrown.
 */
export async function runSteps(s: Session, steps: Step[], budget: number, caps: Caps): Promise<StepsDone> {
  const done = await runBatches(s, steps.filter((st) => !st.optional), budget, caps);
  const optional = steps.filter((st) => st.optional);
  if (optional.length === 0) return done;
  const before = s.syncs;
  try {
    const more = await runBatches(s, optional, budget, caps);
    return { syncs: done.syncs + more.syncs, bytes: done.bytes + more.bytes };
  } catch (e) {
    return { ...done, syncs: done.syncs + (s.syncs - before), optionalError: e };
  }
}

async function runBatches(s: Session, steps: Step[], budget: number, caps: Caps): Promise<{ syncs: number; bytes: number }> {
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

/** The bytes runSteps would have in its open batch after these steps (to size what comes next). */
export function batchFill(steps: Step[], budget: number): number {
  let batch = STEP_OVERHEAD;
  let queued = 0;
  for (const step of steps) {
    if (queued > 0 && batch + step.bytes > budget) {
      batch = STEP_OVERHEAD;
      queued = 0;
    }
    batch += step.bytes;
    queued++;
  }
  return batch;
}

/**
 * After a failed write: remove whatever this run may have written (and the earlier outputs it
 * was replacing), then rewrite the record without them; `sheets` names more sheets the run made.
 * Batches are not transactions, so the failed sync may have applied part of its work.
 */
export async function rollback(s: Session, args: { outputs: WrittenOutput[]; kept: WrittenOutput[]; caps: Caps; budget: number; sheets?: string[] }): Promise<void> {
  const { outputs, kept, caps, budget } = args;
  const steps = outputs.filter((o) => !o.createdSheet).flatMap((o) => removalSteps(s, o, caps));
  if (steps.length > 0) await runSteps(s, steps, budget, caps);
  const parts = s.ctx.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  parts.load("items/id");
  await s.sync();
  queueRecord(s, parts.items, { version: 1, outputs: kept });
  await s.sync();
  // last and alone: the sheets were free names at the read, so what holds them now is ours
  const created = new Map([...outputs.filter((o) => o.createdSheet).map((o) => o.sheet), ...(args.sheets ?? [])].map((name) => [lc(name), name]));
  for (const name of created.values()) s.ctx.workbook.worksheets.getItemOrNullObject(name).delete();
  if (created.size > 0) await s.sync();
}
