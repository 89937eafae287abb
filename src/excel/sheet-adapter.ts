/**
 * The Excel adapter (docs/rules.md §2, §7–§9, §10): reads the table as a Grid in one batch, checks or
 * audits it with the engine, and executes the engine's WritePlans in as few syncs as the payload
 * allows, remembering what it wrote (written-record.ts) so a re-run or "clear results" removes
 * exactly that; makes comparison sheets from SheetPlans (comparison-sheet.ts). The task pane
 * talks to the SheetAdapter interface only.
 */
import { auditGrid } from "../core/audit/audit";
import type { NotAStatement } from "../core/audit/recognise";
import type { AuditResult } from "../core/audit/finding";
import type { SheetPlan } from "../core/compare/sheet-plan";
import { templateChoices } from "../core/compare/templates";
import { CellValue, Grid } from "../core/grid";
import { STATUSES, STATUS_LABELS, Status, ValidateResult } from "../core/results";
import { OWN_HEADER_PREFIX } from "../core/table-finder";
import { ValidateOptions, validateGrid } from "../core/validate";
import { RESULT_SHEET, WritePlan } from "../core/write-plan";
import { freeSheetName } from "../core/sheet-names";
import { Rect, intersect, parseRect, qualified, rectA1, sameName, splitSheet } from "./a1";
import {
  Caps,
  Evidence,
  RecordState,
  STEP_OVERHEAD,
  Session,
  SheetInfo,
  Step,
  StepsDone,
  batchFill,
  checkStructure,
  charsToPoints,
  columnsRange,
  formulaFormats,
  gridCell,
  kindOf,
  lc,
  loadHeaders,
  optionalFailedMessage,
  ownedRect,
  queueRecord,
  readRecord,
  readSheets,
  removalSteps,
  rollback,
  runSteps,
  verdict,
} from "./batch";
import { toExcelInput } from "./cell-input";
import { writeComparisonSheet } from "./comparison-sheet";
import type { Settings } from "../core/presets";
import { ReviewAllRun, reviewAllSheets } from "./review-all";
import { excelCode, protectedSheetError, toAdapterError } from "./errors";
import type { IsSetSupported, XlAutoFilter, XlCustomXmlPart, XlRange, XlRangeFormat, XlRun, XlWorksheet } from "./excel-api";
import { SYNC_BUDGET, jsonBytes, utf8Length } from "./payload";
import { EMPTY_RECORD, WrittenOutput, WrittenRecord, recordToXml } from "./written-record";

export { charsToPoints } from "./batch";

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

/** What writeSheetPlan did. */
export interface SheetPlanReport {
  /** the sheet written: the plan's, or "支出结构对比 (2)" when a sheet of the user's has that name */
  sheet: string;
  /** an earlier comparison sheet the add-in made from this template was replaced */
  replaced: boolean;
  /** an Excel table was made over plan.table.range */
  table: boolean;
  /** the chart was drawn (false when the plan has none, or Excel lacks ExcelApi 1.7) */
  chart: boolean;
  /** cell notes written (ExcelApi 1.18); 0 when unsupported */
  notesWritten: number;
  syncs: number;
  /** the adapter's own messages (sheet renamed, notes or chart unsupported…); the plan's own are in plan.messages */
  messages: AdapterMessage[];
  /** the table's name: plan.table.name, or another when a table elsewhere has it */
  tableName?: string;
  /** estimated request bytes of the write */
  requestBytes?: number;
}

export type AuditRun =
  | {
      ok: true;
      result: AuditResult;
      /** the plans as written (a results sheet may have been renamed) */
      plans: WritePlan[];
      /** one report per plan, in the same order */
      writes: WriteReport[];
      syncs: number;
    }
  /** kind: the engine's outcome (no statement on the sheet, or nothing to check); absent for the add-in's own sheets */
  | { ok: false; kind?: NotAStatement; reason: string; reasonEn: string; sheet: string; syncs: number };

export interface RunAuditOptions {
  /** the active sheet's used range (default), or the rows of the selection */
  source?: GridSource;
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
  /** The visible worksheets' names, in tab order. */
  listSheets(): Promise<string[]>;
  /** The used range of a named sheet as a Grid (values and number formats), in one sync. */
  readSheet(name: string): Promise<Grid>;
  /**
   * Make the comparison sheet a SheetPlan describes: values and live formulas, number formats,
   * styles, widths, frozen panes, notes, an Excel table and the chart. It replaces a sheet of
   * that name only when the add-in made it; a user's sheet of that name is left alone and the
   * comparison goes to "<name> (2)". "Clear results" deletes it.
   */
  writeSheetPlan(plan: SheetPlan): Promise<SheetPlanReport>;
  /** Read the active sheet (or the selection's rows), audit it, write the 核对· columns and the findings list. */
  runAudit(options?: RunAuditOptions): Promise<AuditRun>;
  /** 核对全部工作表: check or audit every sheet holding a table or statement, write each back and a 核对汇总 sheet (review-all.ts). */
  runReviewAll(options?: { settings?: Partial<Settings> }): Promise<ReviewAllRun>;
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
export const WIDTH_WINDOW = 64;
/** Cells in the first read when the sheet is too big for one response. */
const CELLS_PER_READ = 100_000;
/** Response bytes aimed at per chunked read: rows further down may be wider than those measured. */
const READ_BUDGET = 3_000_000;
/** Excel's limit on a multi-area address string, as for VBA's Range(): stay under it. */
const MAX_AREAS_ADDRESS = 255;

export interface ReadState {
  grid: Grid;
  sheets: Map<string, SheetInfo>;
  parts: XlCustomXmlPart[];
  /** widths (points) of columns grid.firstCol … + WIDTH_WINDOW, as they are now */
  widths: Map<number, number>;
  /** some rows of the grid are hidden, or the sheet's AutoFilter has filtered rows out (when asked for) */
  hiddenRows: boolean;
  /** Review → Protect Workbook: no sheet can be added or deleted */
  structureProtected: boolean;
}

interface ReadOptions {
  /** a named sheet instead of the active one */
  sheetName?: string;
  /**
   * Also load, in the same sync, whether rows are hidden or filtered out: the range's rowHidden
   * (ExcelApi 1.2) and, with `autoFilter` (ExcelApi 1.9), the sheet's AutoFilter state
   */
  hidden?: { autoFilter: boolean };
}

/** Several selected areas (Ctrl-select) are not one table: Excel refuses to read them as one range. */
export const MULTI_AREA_SELECTION = {
  text: "选区包含多个不相连的区域：请只选择一个连续的区域（或改为核对整个工作表）再试",
  en: "the selection has several separate areas: select one contiguous range (or check the whole sheet) and try again",
};

/** The read, or null when the selection has several areas (Excel's InvalidSelection). */
async function readSelection(s: Session, source: GridSource, options: ReadOptions): Promise<ReadState | null> {
  try {
    return await readState(s, source, options);
  } catch (e) {
    if (source === "selection" && excelCode(e) === "InvalidSelection") return null;
    throw e;
  }
}

/** Hidden or filtered rows are read and checked like the others; the run says so. */
export const HIDDEN_ROWS_MESSAGE: AdapterMessage = {
  code: "hidden_rows",
  text: "表中有隐藏或筛选掉的行：这些行也已核对，结果同样写在这些行旁（取消筛选后可见）",
  en: "Some rows are hidden or filtered out: they were checked too, and their results are written beside them (clear the filter to see them)",
};

export function toCellValue(v: unknown): CellValue {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

export function toFormat(v: unknown): string | null {
  return typeof v === "string" ? v : null;
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
 * The plan's status colours as conditional formats (docs/rules.md §10: operations per status, not per
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

function sourceRange(s: Session, ws: XlWorksheet, source: GridSource): XlRange {
  const used = ws.getUsedRange(true);
  if (source === "used") return used;
  // the selection's rows, across every used column: data right of the selection is seen, so
  // the engine never writes over it
  return s.ctx.workbook.getSelectedRange().getEntireRow().getIntersectionOrNullObject(used);
}

const DIMENSIONS = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"];

/** rowHidden is true when all rows are hidden, false when none are, null when some are. */
const someHidden = (range: XlRange, filter: XlAutoFilter | null): boolean =>
  (!range.isNullObject && range.rowHidden !== false) || (filter !== null && filter.enabled && filter.isDataFiltered);

/**
 * One load and one sync: the grid (values and number formats) of the active sheet or the one
 * named, every sheet's name and protection, the add-in's record parts and the column widths
 * beside the table. A sheet too big for one 5 MB response is read again in row chunks.
 */
export async function readState(s: Session, source: GridSource, options: ReadOptions = {}): Promise<ReadState> {
  const { sheetName, hidden } = options;
  const queue = () => {
    const ws = sheetName === undefined ? s.ctx.workbook.worksheets.getActiveWorksheet() : s.ctx.workbook.worksheets.getItem(sheetName);
    ws.load("name");
    const filter = hidden?.autoFilter ? ws.autoFilter : null;
    filter?.load(["enabled", "isDataFiltered"]);
    const meta = readSheets(s);
    const range = sourceRange(s, ws, source);
    const widths = Array.from({ length: WIDTH_WINDOW }, (_, i) => {
      const f = range.getCell(0, i).format;
      f.load("columnWidth");
      return f;
    });
    return { ws, meta, range, widths, filter };
  };
  const dimensions = hidden ? [...DIMENSIONS, "rowHidden"] : DIMENSIONS;
  const finish = (q: ReturnType<typeof queue>, values: unknown[][], formats: unknown[][]): ReadState => {
    const { sheets, parts, structureProtected } = q.meta();
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
    return { grid, sheets, parts, widths, hiddenRows: hidden !== undefined && someHidden(q.range, q.filter), structureProtected };
  };

  let q = queue();
  q.range.load([...dimensions, "values", "numberFormat"]);
  try {
    await s.sync();
    return q.range.isNullObject ? finish(q, [], []) : finish(q, q.range.values, q.range.numberFormat);
  } catch (e) {
    if (excelCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
  }
  // too big for one response: dimensions first, then rows in chunks sized from what came back
  q = queue();
  q.range.load(dimensions);
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

// ---------------------------------------------------------------------------------------------
// Writing

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

/** One plan to write, and the key that finds its earlier output (the source table's header row). */
export interface WriteJob {
  plan: WritePlan;
  key: number;
}

export interface ExecuteInput {
  kind: "results" | "audit";
  jobs: WriteJob[];
  /** the earlier outputs this run replaces: removed when they still hold what was written */
  replaces: (o: WrittenOutput) => boolean;
  read: Pick<ReadState, "sheets" | "widths"> & Partial<Pick<ReadState, "hiddenRows" | "structureProtected">>;
  rec: RecordState;
  grid?: Grid;
  gridIsUsedRange?: boolean;
  caps: Caps;
  budget: number;
  /**
   * When given, the optional steps (widths, notes) are handed over here instead of being run: a
   * caller writing many sheets runs them all in one sync at the end (review-all.ts)
   */
  deferOptional?: Step[];
}

export interface ExecuteOutput {
  plans: WritePlan[];
  reports: WriteReport[];
  /** the record as written, and the parts holding it: a later write in the same run starts from them */
  record: WrittenRecord;
  parts: XlCustomXmlPart[];
}

/** The plan, moved to another sheet when the one it names belongs to the user. */
function retarget(plan: WritePlan, sheet: string): WritePlan {
  if (sheet === plan.sheet) return plan;
  const { range } = splitSheet(plan.owned);
  return { ...plan, sheet, owned: qualified(sheet, range) };
}

/** A plan ready to queue: where it goes, what the record will say, its messages. */
interface Prepared {
  plan: WritePlan;
  target: string;
  owned: Rect;
  output: WrittenOutput;
  statusFormats: StatusFormats | null;
  planMessages: AdapterMessage[];
  ownMessages: AdapterMessage[];
}

/**
 * Write plans in one go: remove the earlier outputs they replace, record the new ones (write-
 * ahead, so an interrupted run can still be cleared), then each plan's sheet, values, formats,
 * colours and notes, all packed into as few syncs as the budget allows.
 */
export async function execute(s: Session, input: ExecuteInput): Promise<ExecuteOutput> {
  const { read, rec, caps } = input;
  const ev: Evidence = { sheets: read.sheets, grid: input.grid, gridIsUsedRange: input.gridIsUsedRange, topRows: rec.topRows };

  // the earlier outputs, and whether their cells still hold what was written
  const earlier = rec.record.outputs.filter(input.replaces);
  await loadHeaders(s, earlier, ev);
  const runMessages: AdapterMessage[] = read.hiddenRows ? [{ ...HIDDEN_ROWS_MESSAGE }] : [];
  const ours: WrittenOutput[] = [];
  for (const o of earlier) {
    const v = verdict(o, ev);
    if (v === "ours") ours.push(o);
    else if (v === "changed") {
      runMessages.push({
        code: "previous_output_changed",
        text: `上次写入的${o.owned}已被改动或移动，未清除`,
        en: `the earlier output at ${o.owned} was changed or moved; it was left as it is`,
      });
    }
  }

  // where each plan goes: a new sheet takes the first free name; the sheets of the outputs
  // being replaced are free
  const freed = new Set(ours.filter((o) => o.createdSheet).map((o) => lc(o.sheet)));
  const claimed = new Set<string>();
  const taken = (name: string) => claimed.has(lc(name)) || (read.sheets.has(lc(name)) && !freed.has(lc(name)));
  const prepared: Prepared[] = input.jobs.map((job) => {
    let plan = job.plan;
    const ownMessages: AdapterMessage[] = [];
    if (plan.mode === "new_sheet") {
      const base = plan.sheet;
      const name = freeSheetName(base, taken);
      claimed.add(lc(name));
      if (name !== base) {
        plan = retarget(plan, name);
        ownMessages.push({ code: "results_sheet_renamed", text: `工作表“${base}”不是本加载项创建的，结果写入“${name}”`, en: `sheet "${base}" is not the add-in's; results go to "${name}"` });
      }
    }
    const { sheet: target, rect: owned } = ownedRect(plan.owned);
    // protection, checked from what the read sync loaded, before anything is written
    if (plan.mode === "beside" && read.sheets.get(lc(target))?.protected) throw protectedSheetError(target);
    const widthCols = plan.columnWidths.map((_, i) => plan.startCol + i);
    const originals = new Map<number, number>();
    if (plan.mode === "beside") {
      for (const c of widthCols) {
        // a column the earlier output widened: its width before that
        const before = ours.find((o) => sameName(o.sheet, target) && o.columnWidths.some((w) => w.column === c))?.columnWidths.find((w) => w.column === c)?.points;
        const now = read.widths.get(c);
        if (before !== undefined) originals.set(c, before);
        else if (now !== undefined && now !== null) originals.set(c, now);
      }
    }
    // status colours: conditional formats (ExcelApi 1.6) when the plan fits, else range fills
    const statusFormats = caps.conditionalFormats ? statusFormatsOf(plan) : null;
    const output: WrittenOutput = {
      ...(input.kind === "results" ? {} : { kind: input.kind }),
      sourceSheet: plan.sourceSheet,
      sourceHeaderRow: job.key,
      sheet: target,
      mode: plan.mode,
      owned: plan.owned,
      createdSheet: plan.mode === "new_sheet",
      headers: (plan.cells[0] ?? []).map((h) => (h === null ? "" : typeof h === "object" ? "" : String(h))),
      notes: caps.notes ? plan.notes.map((n) => n.cell) : [],
      conditionalFormats: statusFormats ? [rectA1(statusFormats.rect)] : [],
      columnWidths: [...originals].map(([column, points]) => ({ column, points })),
    };
    if (plan.notes.length > 0 && !caps.notes) {
      ownMessages.push({ code: "notes_unsupported", text: "此版本 Excel 不支持单元格批注（ExcelApi 1.18），问题说明见“核对·说明”列", en: "this Excel has no cell notes (ExcelApi 1.18); problems are explained in the 核对·说明 column" });
    }
    return { plan, target, owned, output, statusFormats, planMessages: plan.messages.map((m) => ({ ...m })), ownMessages };
  });
  for (const o of ours) if (!o.createdSheet && read.sheets.get(lc(o.sheet))?.protected) throw protectedSheetError(o.sheet);
  checkStructure(read.structureProtected ?? false, { adds: prepared.some((p) => p.plan.mode === "new_sheet"), deletes: ours.some((o) => o.createdSheet) });

  // outputs this run replaces: the earlier ones, and any whose block a new one overlaps
  const overlaps = (o: WrittenOutput) => {
    const other = ownedRect(o.owned);
    return prepared.some((p) => sameName(other.sheet, p.target) && intersect(other.rect, p.owned) !== null);
  };
  const kept = rec.record.outputs.filter((o) => !earlier.includes(o) && !overlaps(o));
  const record: WrittenRecord = { version: 1, outputs: [...kept, ...prepared.map((p) => p.output)] };

  const steps: Step[] = [];
  for (const o of ours) steps.push(...removalSteps(s, o, caps));
  let partsAfter: XlCustomXmlPart[] = rec.parts;
  steps.push({ bytes: jsonBytes(recordToXml(record)) + STEP_OVERHEAD * 2, queue: () => (partsAfter = queueRecord(s, rec.parts, record)) });
  const shared = steps.reduce((n, st) => n + st.bytes, 0);
  const planBytes: number[] = [];
  for (const p of prepared) {
    const own = planSteps(s, p, { grid: input.grid, ours, caps, budget: input.budget, before: batchFill(steps, input.budget) + 2 * STEP_OVERHEAD });
    planBytes.push(own.reduce((n, st) => n + st.bytes, 0));
    steps.push(...own);
  }

  let done: StepsDone;
  try {
    if (input.deferOptional) input.deferOptional.push(...steps.filter((st) => st.optional));
    done = await runSteps(s, input.deferOptional ? steps.filter((st) => !st.optional) : steps, input.budget, caps);
  } catch (e) {
    let rolledBack = false;
    try {
      await rollback(s, { outputs: [...ours, ...prepared.map((p) => p.output)], kept, caps, budget: input.budget });
      rolledBack = true;
    } catch {
      rolledBack = false;
    }
    throw toAdapterError(e, { writing: true, rolledBack });
  }
  return {
    record,
    parts: partsAfter,
    plans: prepared.map((p) => p.plan),
    reports: prepared.map((p, i) => ({
      sheet: p.target,
      mode: p.plan.mode,
      owned: p.plan.owned,
      createdSheet: p.plan.mode === "new_sheet" ? p.target : null,
      fillMethod: p.statusFormats ? "conditionalFormats" : caps.rangeAreas ? "getRanges" : "getRange",
      fillOperations: p.statusFormats ? p.statusFormats.rules.length : p.plan.fills.reduce((n, f) => n + (caps.rangeAreas ? joinAddresses(f.ranges) : f.ranges).length, 0),
      notesWritten: caps.notes ? p.plan.notes.length : 0,
      writeSyncs: done.syncs,
      requestBytes: planBytes[i] + (i === 0 ? shared : 0),
      messages: [...p.planMessages, ...(i === 0 ? runMessages : []), ...p.ownMessages, ...(i === 0 && done.optionalError !== undefined ? [optionalFailedMessage(done.optionalError)] : [])],
    })),
  };
}

/** One plan's steps: its sheet, values and number formats, header, widths, colours, notes. */
function planSteps(s: Session, p: Prepared, args: { grid?: Grid; ours: WrittenOutput[]; caps: Caps; budget: number; before: number }): Step[] {
  const { plan, target, owned, statusFormats } = p;
  const { caps } = args;
  const steps: Step[] = [];
  const sheets = s.ctx.workbook.worksheets;
  let ws: XlWorksheet | null = null;
  const sheet = () => (ws ??= sheets.getItem(target));
  if (plan.mode === "new_sheet") steps.push({ bytes: STEP_OVERHEAD, queue: () => (ws = sheets.add(target)) });
  // over our own columns from an earlier run that moved: notes and conditional formats there are
  // ours; notes would block new ones and conditional formats would be doubled
  const replacedHere = args.ours.some((o) => !o.createdSheet && sameName(o.sheet, target) && intersect(ownedRect(o.owned).rect, owned) !== null);
  const ownBlock = plan.mode === "beside" && !replacedHere && args.grid !== undefined && String(gridCell(args.grid, owned.r1, owned.c1) ?? "").startsWith(OWN_HEADER_PREFIX);
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

  const width = plan.cells[0]?.length ?? 0;
  const inputs = plan.cells.map((row) => row.map(toExcelInput));
  const general = new Array<string>(width).fill("General");
  const before = args.before + steps.reduce((n, st) => n + st.bytes, 0);
  for (const chunk of valueChunks(inputs, plan.numberFormats, args.budget, before)) {
    steps.push({
      bytes: chunk.bytes + STEP_OVERHEAD,
      queue: () => {
        const r = sheet().getRange(rectA1({ r1: plan.startRow + chunk.from, c1: plan.startCol, r2: plan.startRow + chunk.to - 1, c2: plan.startCol + width - 1 }));
        // number formats first (General or the plan's): Excel stores a formula written into a
        // cell formatted as Text ("@", common in template sheets) as text, never computing it
        r.numberFormat = plan.cells.slice(chunk.from, chunk.to).map((row, i) => (chunk.from + i === 0 ? general : formulaFormats(row, plan.numberFormats)));
        r.values = inputs.slice(chunk.from, chunk.to);
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
    steps.push({ bytes: STEP_OVERHEAD, optional: true, queue: () => (sheet().getRange(columnsRange(plan.startCol + i, plan.startCol + i)).format.columnWidth = charsToPoints(chars)) });
  });
  if (statusFormats) {
    // one conditional format per status, on the status column's data rows: the operations do
    // not grow with the rows however the statuses are mixed
    const address = rectA1(statusFormats.rect);
    let column: XlRange | null = null;
    for (const rule of statusFormats.rules) {
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
  // plan whose colours do not follow its status labels (the audit's): fills on the plan's
  // ranges, grouped into ≤255-character addresses with ExcelApi 1.9. Their count grows with the
  // runs of rows.
  for (const f of statusFormats ? [] : plan.fills) {
    const groups = caps.rangeAreas ? joinAddresses(f.ranges) : f.ranges;
    for (const address of groups) {
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
    // a cell with a threaded comment takes no note: optional, the 说明 column has the text
    for (const n of plan.notes) steps.push({ bytes: jsonBytes([n.cell, n.text]) + STEP_OVERHEAD, optional: true, queue: () => sheet().notes.add(n.cell, n.text) });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// The adapter

function floorIsSupported(name: string, minVersion: string): boolean {
  const [a, b] = minVersion.split(".").map(Number);
  return name === "ExcelApi" && (a < 1 || (a === 1 && (b ?? 0) <= 7));
}

/** The key of an audit plan's output: its table's header row; 0 for the list of findings. */
function auditKey(plan: WritePlan, result: AuditResult): number {
  if (plan.mode === "beside") return plan.startRow;
  return plan.sheet === RESULT_SHEET ? (result.tables[0]?.headerRow ?? 1) : 0;
}

/** The comparison templates' sheet names, lower case: their first rows are read with the record. */
const COMPARISON_SHEETS = templateChoices().map((t) => lc(t.sheetName));
const comparisonSheet = (key: string) => COMPARISON_SHEETS.some((name) => key.startsWith(name));

export function createSheetAdapter(options: SheetAdapterOptions): SheetAdapter {
  const isSetSupported = options.isSetSupported ?? floorIsSupported;
  const budget = options.syncBudget ?? SYNC_BUDGET;
  const hidden = () => ({ autoFilter: isSetSupported("ExcelApi", "1.9") });
  const caps = (): Caps => ({
    conditionalFormats: isSetSupported("ExcelApi", "1.6"),
    rangeAreas: isSetSupported("ExcelApi", "1.9"),
    notes: isSetSupported("ExcelApi", "1.18"),
    suspend: isSetSupported("ExcelApi", "1.6"),
    tableOptions: isSetSupported("ExcelApi", "1.3"),
    freezeAndSeries: isSetSupported("ExcelApi", "1.7"),
    axisFormat: isSetSupported("ExcelApi", "1.8"),
  });
  const session = <T>(work: (s: Session) => Promise<T>, writing: boolean): Promise<T> =>
    options
      .run((ctx) => work(new Session(ctx, isSetSupported("ExcelApi", "1.7"))))
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
        const read = await readSelection(s, source, { hidden: hidden() });
        if (!read) return { ok: false, reason: MULTI_AREA_SELECTION.text, reasonEn: MULTI_AREA_SELECTION.en, sheet: "", syncs: s.syncs };
        const outcome = validateGrid(read.grid, validateOptions);
        if (!outcome.ok) return { ok: false, reason: outcome.reason, reasonEn: outcome.reasonEn, sheet: read.grid.sheet, syncs: s.syncs };
        try {
          const rec = await readRecord(s, read);
          const plan = outcome.plan;
          const key = outcome.result.headerRow;
          const done = await execute(s, {
            kind: "results",
            jobs: [{ plan, key }],
            replaces: (o) => kindOf(o) === "results" && sameName(o.sourceSheet, plan.sourceSheet) && o.sourceHeaderRow === key,
            read,
            rec,
            grid: read.grid,
            gridIsUsedRange: source === "used",
            caps: caps(),
            budget,
          });
          return { ok: true, result: outcome.result, plan: done.plans[0], write: done.reports[0], syncs: s.syncs };
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
        const { sheets, parts, structureProtected } = meta();
        const widths = new Map<number, number>();
        widthFormats.forEach((f, i) => {
          if (!f.isNullObject) widths.set(plan.startCol + i, f.columnWidth);
        });
        const rec = await readRecord(s, { sheets, parts });
        const done = await execute(s, {
          kind: "results",
          jobs: [{ plan, key }],
          replaces: (o) => kindOf(o) === "results" && sameName(o.sourceSheet, plan.sourceSheet) && o.sourceHeaderRow === key,
          read: { sheets, widths, structureProtected },
          rec,
          caps: caps(),
          budget,
        });
        return { ...done.reports[0], syncs: s.syncs };
      }, true);
    },

    clearResults() {
      return session(async (s): Promise<ClearReport> => {
        const c = caps();
        const meta = readSheets(s);
        await s.sync();
        const { sheets, parts, structureProtected } = meta();
        const rec = await readRecord(s, { sheets, parts }, comparisonSheet);
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
        checkStructure(structureProtected, { deletes: ours.some((o) => o.createdSheet) });
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

    listSheets() {
      return session(async (s) => {
        const sheets = s.ctx.workbook.worksheets;
        sheets.load("items/name,items/visibility");
        await s.sync();
        return sheets.items.filter((w) => w.visibility === "Visible").map((w) => w.name);
      }, false);
    },

    readSheet(name) {
      return session(async (s) => (await readState(s, "used", { sheetName: name })).grid, false);
    },

    writeSheetPlan(plan) {
      return session((s) => writeComparisonSheet(s, plan, { caps: caps(), budget, alsoTop: comparisonSheet }), true);
    },

    runReviewAll(reviewOptions = {}) {
      return session((s) => reviewAllSheets(s, { caps: caps(), budget, settings: reviewOptions.settings ?? {} }), true);
    },

    runAudit(auditOptions = {}) {
      const source = auditOptions.source ?? "used";
      return session(async (s): Promise<AuditRun> => {
        const read = await readSelection(s, source, { hidden: hidden() });
        if (!read) return { ok: false, reason: MULTI_AREA_SELECTION.text, reasonEn: MULTI_AREA_SELECTION.en, sheet: "", syncs: s.syncs };
        const sheet = read.grid.sheet;
        const rec = await readRecord(s, read);
        // a sheet the add-in made (核对结果, 核对·…, a comparison) holds no statement of the user's
        if (rec.record.outputs.some((o) => o.createdSheet && sameName(o.sheet, sheet))) {
          return {
            ok: false,
            reason: `工作表“${sheet}”是本加载项写入结果的工作表，请切换到报表所在的工作表再核对`,
            reasonEn: `sheet "${sheet}" holds the add-in's own output; switch to the sheet with the statement and audit again`,
            sheet,
            syncs: s.syncs,
          };
        }
        const outcome = auditGrid(read.grid);
        // nothing to audit: say why, write nothing
        if (!outcome.ok) return { ok: false, kind: outcome.kind, reason: outcome.reason, reasonEn: outcome.reasonEn, sheet, syncs: s.syncs };
        const jobs = outcome.plans.map((plan) => ({ plan, key: auditKey(plan, outcome.result) }));
        const keys = new Set(jobs.map((j) => j.key));
        try {
          const done = await execute(s, {
            kind: "audit",
            jobs,
            // the whole sheet read: every earlier audit output of it; a selection: those of its tables
            replaces: (o) => kindOf(o) === "audit" && sameName(o.sourceSheet, sheet) && (source === "used" || keys.has(o.sourceHeaderRow)),
            read,
            rec,
            grid: read.grid,
            gridIsUsedRange: source === "used",
            caps: caps(),
            budget,
          });
          return { ok: true, result: outcome.result, plans: done.plans, writes: done.reports, syncs: s.syncs };
        } catch (e) {
          throw toAdapterError(e, { writing: true, audit: outcome.result });
        }
      }, true);
    },
  };
}
