/**
 * Executing WritePlans: remove the earlier outputs they replace, record the new ones, then each
 * plan's sheet, values, formats, status colours and notes in as few syncs as the budget allows.
 */
import { Grid } from "../core/basics/grid";
import { freeSheetName } from "../core/basics/sheet-names";
import { OWN_HEADER_PREFIX } from "../core/forms/table-finder";
import { AuditResult } from "../core/audit/finding";
import { RESULT_SHEET, WritePlan } from "../core/basics/write-plan";
import { intersect, qualified, Rect, rectA1, sameName, splitSheet } from "./a1";
import { AdapterMessage, WriteReport } from "./adapter-types";
import { toExcelInput } from "./cell-input";
import { protectedSheetError, toAdapterError } from "./errors";
import { XlCustomXmlPart, XlRange, XlWorksheet } from "./excel-api";
import { jsonBytes, utf8Length } from "./payload";
import { EXCEL_MESSAGES } from "./messages";
import { joinAddresses, ReadState } from "./read-sheet";
import { Evidence, removalSteps, gridCell, ownedRect, queueRecord, RecordState, rollback, stillOurs } from "./record-store";
import { Caps, lc, Session } from "./session";
import { batchFill, charsToPoints, checkStructure, columnsRange, formulaFormats, optionalFailedMessage, runSteps, Step, STEP_OVERHEAD, StepsDone } from "./steps";
import { recordToXml, WrittenOutput, WrittenRecord } from "./written-record";

interface StatusFormats {
  /** the status column's data rows */
  rect: Rect;
  rules: { formula1: string; fill: string; font: string }[];
}

/** A text as a formula operand: `="达标"`. */
function textFormula(text: string): string {
  return `="${text.replace(/"/g, '""')}"`;
}

/** The plan's status column as conditional formats, one rule per status (the rule is core's: statusColumnOf); null without one. */
export function statusFormatsOf(plan: WritePlan): StatusFormats | null {
  const sc = plan.statusColumn;
  if (!sc) return null;
  return {
    rect: { r1: sc.firstRow, r2: sc.lastRow, c1: sc.column, c2: sc.column },
    rules: sc.rules.map((r) => ({ formula1: textFormula(r.text), fill: r.fill, font: r.font })),
  };
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
  const runMessages: AdapterMessage[] = read.hiddenRows ? [EXCEL_MESSAGES.hiddenRows()] : [];
  const ours = await stillOurs(s, earlier, ev, (o) => runMessages.push(EXCEL_MESSAGES.previousOutputChanged(o.owned)));

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
        ownMessages.push(EXCEL_MESSAGES.resultsSheetRenamed(base, name));
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
      ownMessages.push(EXCEL_MESSAGES.resultNotesUnsupported());
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
  for (const o of ours) for (const item of removalSteps(s, o, caps)) steps.push(item);
  let partsAfter: XlCustomXmlPart[] = rec.parts;
  steps.push({ bytes: jsonBytes(recordToXml(record)) + STEP_OVERHEAD * 2, queue: () => (partsAfter = queueRecord(s, rec.parts, record)) });
  const shared = steps.reduce((n, st) => n + st.bytes, 0);
  const planBytes: number[] = [];
  for (const p of prepared) {
    const own = planSteps(s, p, { grid: input.grid, ours, caps, budget: input.budget, before: batchFill(steps, input.budget) + 2 * STEP_OVERHEAD });
    planBytes.push(own.reduce((n, st) => n + st.bytes, 0));
    for (const item of own) steps.push(item);
  }

  let done: StepsDone;
  try {
    if (input.deferOptional) for (const item of steps.filter((st) => st.optional)) input.deferOptional.push(item);
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

/** The key of an audit plan's output: its table's header row; 0 for the list of findings. */
export function auditKey(plan: WritePlan, result: AuditResult): number {
  if (plan.mode === "beside") return plan.startRow;
  return plan.sheet === RESULT_SHEET ? (result.tables[0]?.headerRow ?? 1) : 0;
}
