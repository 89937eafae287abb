/**
 * The written record in the workbook: read with the sheets' first rows, recognising which earlier
 * outputs are still ours, removing them, queueing the new record, and the rollback after a failed
 * write. The record's schema and XML are in written-record.ts.
 */
import { CellValue, Grid } from "../core/basics/grid";
import { OWN_HEADER_PREFIX } from "../core/forms/table-finder";
import { RESULT_SHEET } from "../core/basics/write-plan";
import { parseRect, Rect, rectA1, sameName, splitSheet } from "./a1";
import { SheetAdapterError } from "./errors";
import { EXCEL_ERRORS } from "./messages";
import { XlCustomXmlPart, XlRange, XlWorksheet } from "./excel-api";
import { Caps, lc, Session, SheetInfo } from "./session";
import { columnsRange, runSteps, Step, STEP_OVERHEAD } from "./steps";
import { EMPTY_RECORD, RECORD_NAMESPACE, recordFromXml, recordToXml, WrittenOutput, WrittenRecord } from "./written-record";

/** Header cells loaded from a results sheet to recognise it. */
const RESULT_HEADER_WIDTH = 26;

/** What an output is: validate results (also older records without a kind), audit columns, a comparison sheet. */
export function kindOf(o: WrittenOutput): "results" | "audit" | "comparison" {
  return o.kind ?? "results";
}

export function ownedRect(owned: string): { sheet: string; rect: Rect } {
  const { sheet, range } = splitSheet(owned);
  const rect = parseRect(range);
  if (sheet === null || !rect) throw new SheetAdapterError("invalid_argument", EXCEL_ERRORS.badPlanRange(owned));
  return { sheet, rect };
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

/**
 * The earlier outputs still ours (their header cells hold what was written), headers loaded in
 * one sync where the evidence cannot tell; `changed` hears of each one the user has written over.
 */
export async function stillOurs(s: Session, earlier: WrittenOutput[], ev: Evidence, changed: (o: WrittenOutput) => void): Promise<WrittenOutput[]> {
  await loadHeaders(s, earlier, ev);
  const ours: WrittenOutput[] = [];
  for (const o of earlier) {
    const v = verdict(o, ev);
    if (v === "ours") ours.push(o);
    else if (v === "changed") changed(o);
  }
  return ours;
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
