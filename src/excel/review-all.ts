/**
 * 核对全部工作表 (docs/review.md, "In the add-in"): every visible sheet holding an indicator
 * table or a statement is checked and written back as a single check or audit writes it, then a
 * 核对汇总 sheet gets one row per sheet, linked to it. Which sheets count, the rows and the
 * summary's layout are core's (src/core/review); this file only reads and writes.
 *
 * Syncs: the sheet names (1); every sheet's used range with the record (1, or one read per sheet
 * when the workbook is too big for one response); the write of each checked sheet (one batch each,
 * more only when a sheet's results exceed the payload budget) and the summary's; one last sync for
 * the optional formatting of them all. They grow with the number of sheets, never with rows.
 */
import type { AuditResult } from "../core/audit/finding";
import type { Grid } from "../core/basics/grid";
import type { Settings } from "../core/indicators/presets";
import { CORE_TEXT } from "../core/basics/messages";
import { ReviewProblem, ReviewRow, SUMMARY_SHEET_ADDIN, reviewSheetOutcome, sheetTarget, sortReport, summaryWritePlan } from "../core/review";
import { sameName } from "./a1";
import { Caps, Session, SheetInfo, lc, readSheets } from "./session";
import { STEP_OVERHEAD, Step, optionalFailedMessage, runSteps } from "./steps";
import { columnLetter } from "../core/basics/address";
import { RecordState, kindOf, readRecord } from "./record-store";
import { excelCode } from "./errors";
import type { XlRange } from "./excel-api";
import type { AdapterMessage, ReviewAllRun, ReviewAllSheet, WriteReport } from "./adapter-types";
import { auditKey, execute } from "./execute-plan";
import { WIDTH_WINDOW, readState, toCellValue, toFormat } from "./read-sheet";

interface SheetRead {
  grid: Grid;
  widths: Map<number, number>;
}

/** Queue the used range and the column widths beside it of one sheet. */
function queueSheet(s: Session, name: string) {
  const ws = s.ctx.workbook.worksheets.getItem(name);
  const range: XlRange = ws.getUsedRange(true);
  range.load(["address", "rowIndex", "columnIndex", "values", "numberFormat"]);
  const widths = Array.from({ length: WIDTH_WINDOW }, (_, i) => {
    const f = range.getCell(0, i).format;
    f.load("columnWidth");
    return f;
  });
  return (): SheetRead => {
    if (range.isNullObject) return { grid: { sheet: name, values: [], numberFormats: [], firstRow: 1, firstCol: 1 }, widths: new Map() };
    const firstRow = range.rowIndex + 1;
    const firstCol = range.columnIndex + 1;
    const w = new Map<number, number>();
    widths.forEach((f, i) => w.set(firstCol + i, f.columnWidth));
    return {
      grid: { sheet: name, values: range.values.map((r) => r.map(toCellValue)), numberFormats: range.numberFormat.map((r) => r.map(toFormat)), firstRow, firstCol },
      widths: w,
    };
  };
}

/**
 * The summary read as the CLI's is (docs/review.md): its header row frozen and filter buttons over
 * the header and the sheet rows, the totals at the foot left out so a filter never hides them.
 * Optional formatting: where Excel cannot, the summary stands without.
 */
function summaryViewSteps(s: Session, sheet: string, caps: Caps, rows: number, width: number): Step[] {
  const ws = () => s.ctx.workbook.worksheets.getItem(sheet);
  const steps: Step[] = [];
  if (caps.freezeAndSeries) steps.push({ bytes: STEP_OVERHEAD, optional: true, queue: () => ws().freezePanes.freezeRows(1) });
  if (caps.autoFilter && rows > 0) {
    const range = `A1:${columnLetter(width)}${1 + rows}`;
    steps.push({ bytes: STEP_OVERHEAD, optional: true, queue: () => ws().autoFilter.apply(ws().getRange(range)) });
  }
  return steps;
}

export async function reviewAllSheets(s: Session, args: { caps: Caps; budget: number; settings: Partial<Settings> }): Promise<ReviewAllRun> {
  // sync 1: the sheets (names, protection, places) and the record's parts
  const meta = readSheets(s);
  await s.sync();
  const { sheets, parts, structureProtected } = meta();
  const visible = [...sheets.values()].filter((w) => w.visibility === "Visible").sort((a, b) => a.position - b.position);
  const alsoTop = (key: string) => key.startsWith(lc(SUMMARY_SHEET_ADDIN));

  // sync 2: every sheet's used range, read with the record when there is one
  let reads: SheetRead[];
  let rec: RecordState;
  try {
    const pending = visible.map((w) => queueSheet(s, w.name));
    rec = await readRecord(s, { sheets, parts }, alsoTop);
    if (parts.length === 0) await s.sync();
    reads = pending.map((p) => p());
  } catch (e) {
    if (excelCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
    // too big for one response: the record alone, then one read per sheet (chunked when a sheet needs it)
    rec = await readRecord(s, { sheets, parts }, alsoTop);
    reads = [];
    for (const w of visible) {
      const r = await readState(s, "used", { sheetName: w.name });
      reads.push({ grid: r.grid, widths: r.widths });
    }
  }

  const own = new Set(rec.record.outputs.filter((o) => o.createdSheet).map((o) => lc(o.sheet)));
  const rows: ReviewRow[] = [];
  const problems: ReviewProblem[] = [];
  const outcomes: ReviewAllSheet[] = [];
  const writes: ReviewAllRun["writes"] = [];
  const messages: AdapterMessage[] = [];
  const known = new Map<string, SheetInfo>(sheets);
  // the formatting a single check writes in a last sync of its own (widths, notes): here one last sync for all sheets
  const optional: Step[] = [];
  const claim = (reports: WriteReport[]) => {
    for (const r of reports) if (r.createdSheet) known.set(lc(r.createdSheet), { name: r.createdSheet, protected: false, visibility: "Visible", position: known.size });
  };

  for (let i = 0; i < visible.length; i++) {
    const name = visible[i].name;
    const { grid, widths } = reads[i];
    if (own.has(lc(name))) {
      outcomes.push({ sheet: name, outcome: "own", reason: CORE_TEXT.sheetOwn });
      continue;
    }
    // every sheet is named with what became of it, and why when it was not checked (core's words)
    const verdict = reviewSheetOutcome("", i, grid, args.settings);
    if (verdict.outcome !== "checked") {
      outcomes.push({ sheet: name, outcome: verdict.outcome, reason: verdict.reason });
      continue;
    }
    const review = verdict.review;
    outcomes.push({ sheet: name, outcome: "checked" });
    rows.push(review.row);
    problems.push(...review.problems);
    const read = { sheets: known, widths, structureProtected };
    const common = { read, rec, grid, gridIsUsedRange: true, caps: args.caps, budget: args.budget, deferOptional: optional };
    let done;
    if (review.validate) {
      const plan = review.plans[0];
      const key = review.validate.headerRow;
      done = await execute(s, {
        ...common,
        kind: "results",
        jobs: [{ plan, key }],
        replaces: (o) => kindOf(o) === "results" && sameName(o.sourceSheet, plan.sourceSheet) && o.sourceHeaderRow === key,
      });
    } else {
      const result = review.audit as AuditResult;
      done = await execute(s, {
        ...common,
        kind: "audit",
        jobs: review.plans.map((plan) => ({ plan, key: auditKey(plan, result) })),
        replaces: (o) => kindOf(o) === "audit" && sameName(o.sourceSheet, name),
      });
    }
    rec = { ...rec, record: done.record, parts: done.parts };
    claim(done.reports);
    writes.push({ sheet: name, reports: done.reports });
  }

  let summarySheet: string | null = null;
  if (rows.length > 0) {
    const report = sortReport({ rows, problems, skipped: [] });
    const plan = summaryWritePlan(report.rows, { file: () => null, cell: (_file, sheet, cell) => sheetTarget(sheet, cell) });
    const done = await execute(s, {
      kind: "results",
      jobs: [{ plan, key: 0 }],
      replaces: (o) => kindOf(o) === "results" && sameName(o.sourceSheet, SUMMARY_SHEET_ADDIN),
      read: { sheets: known, widths: new Map(), structureProtected },
      rec,
      caps: args.caps,
      budget: args.budget,
      deferOptional: optional,
    });
    summarySheet = done.reports[0].sheet;
    messages.push(...done.reports[0].messages);
    optional.push(...summaryViewSteps(s, summarySheet, args.caps, report.rows.length, plan.cells[0].length));
  }
  if (optional.length > 0) {
    const done = await runSteps(s, optional, args.budget, args.caps);
    if (done.optionalError !== undefined) messages.push(optionalFailedMessage(done.optionalError));
  }
  // the sheets the user hid are not read, but said, in their places (docs/review.md)
  const byName = new Map(outcomes.map((o) => [o.sheet, o]));
  const listed = [...sheets.values()]
    .filter((w) => w.visibility !== "VeryHidden")
    .sort((a, b) => a.position - b.position)
    .flatMap((w): ReviewAllSheet[] => (w.visibility === "Hidden" ? [{ sheet: w.name, outcome: "hidden", reason: CORE_TEXT.sheetHidden }] : byName.has(w.name) ? [byName.get(w.name) as ReviewAllSheet] : []));
  return { rows, problems, sheets: listed, summarySheet, writes, messages, syncs: s.syncs };
}
