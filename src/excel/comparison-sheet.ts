/**
 * A comparison sheet (docs/rules.md §8) from the engine's SheetPlan, as src/cli/write-sheet-xlsx.ts does
 * with exceljs, plus what only Excel can do there: an Excel table with the notes, and the chart.
 *
 * One read sync (the sheets, the record's parts, the table names), the record's XML in a second
 * when the add-in has written before, then every write in one more: the earlier comparison sheet
 * of this template deleted, the record, the new sheet with values and live formulas in one range
 * write and number formats in another, styles, widths, frozen panes, the table, notes and chart.
 */
import type { SheetPlan, SheetStyle } from "../core/compare/sheet-plan";
import { freeSheetName } from "../core/basics/sheet-names";
import { parseRect, qualified, rectA1, sameName, splitSheet } from "./a1";
import { Caps, Session, lc, readSheets } from "./session";
import { STEP_OVERHEAD, Step, StepsDone, charsToPoints, checkStructure, columnsRange, formulaFormats, optionalFailedMessage, runSteps } from "./steps";
import { Evidence, kindOf, queueRecord, readRecord, removalSteps, rollback, stillOurs } from "./record-store";
import { toExcelInput } from "./cell-input";
import { SheetAdapterError, toAdapterError } from "./errors";
import type { Bilingual } from "../core/basics/text";
import { EXCEL_ERRORS, EXCEL_MESSAGES } from "./messages";
import type { XlHorizontalAlignment, XlRange, XlTable, XlWorksheet } from "./excel-api";
import { jsonBytes, utf8Length } from "./payload";
import type { AdapterMessage, SheetPlanReport } from "./adapter-types";
import { WrittenOutput, WrittenRecord, recordToXml } from "./written-record";

/** Other names tried for the table when a table elsewhere in the workbook has the plan's. */
const TABLE_NAME_TRIES = 4;

const ALIGNMENTS: Record<NonNullable<SheetStyle["horizontalAlignment"]>, XlHorizontalAlignment> = { left: "Left", center: "Center", right: "Right" };

/** Runs of adjacent columns with one width: "B:D" once instead of three operations. */
function widthRuns(widths: number[]): { c1: number; c2: number; chars: number }[] {
  const out: { c1: number; c2: number; chars: number }[] = [];
  widths.forEach((chars, i) => {
    const last = out[out.length - 1];
    if (last && last.chars === chars && last.c2 === i) last.c2 = i + 1;
    else out.push({ c1: i + 1, c2: i + 1, chars });
  });
  return out;
}

function checkPlan(plan: SheetPlan): void {
  const width = plan.cells[0]?.length ?? 0;
  const bad = (what: Bilingual) => new SheetAdapterError("invalid_argument", EXCEL_ERRORS.badComparisonPlan(what));
  const flaw = EXCEL_ERRORS.planFlaw;
  if (plan.cells.length === 0 || width === 0) throw bad(flaw.noCells);
  if (plan.cells.some((r) => r.length !== width)) throw bad(flaw.unevenRows);
  if (plan.numberFormats.length !== plan.cells.length || plan.numberFormats.some((r) => r.length !== width)) throw bad(flaw.formatsMismatch);
  for (const range of [plan.table.range, plan.header.range, ...plan.styles.map((s) => s.range)]) if (!parseRect(range)) throw bad({ zh: range, en: range });
}

export async function writeComparisonSheet(s: Session, plan: SheetPlan, args: { caps: Caps; budget: number; alsoTop: (key: string) => boolean }): Promise<SheetPlanReport> {
  const { caps, budget } = args;
  checkPlan(plan);
  const messages: AdapterMessage[] = [];

  // sync 1: the sheets, the record's parts, and who holds the table names we may use
  const meta = readSheets(s);
  const tableNames = Array.from({ length: TABLE_NAME_TRIES }, (_, i) => (i === 0 ? plan.table.name : `${plan.table.name}_${i + 1}`));
  const holders = tableNames.map((name) => {
    const t = s.ctx.workbook.tables.getItemOrNullObject(name);
    t.load("name,worksheet/name");
    return t;
  });
  // tables and defined names share one namespace: a name the Name Manager holds is taken too
  const definedNames = tableNames.map((name) => {
    const n = s.ctx.workbook.names.getItemOrNullObject(name);
    n.load("name");
    return n;
  });
  await s.sync();
  const { sheets, parts, structureProtected } = meta();
  // the comparison is a new sheet: refused before anything is written when none can be added
  checkStructure(structureProtected, { adds: true });
  // sync 2, only when the add-in has written before: the record and the first rows of its sheets
  const rec = await readRecord(s, { sheets, parts }, (key) => key.startsWith(lc(plan.sheet)) || args.alsoTop(key));
  const ev: Evidence = { sheets, topRows: rec.topRows };
  const earlier = rec.record.outputs.filter((o) => kindOf(o) === "comparison" && sameName(o.sourceSheet, plan.sheet));
  const ours = await stillOurs(s, earlier, ev, (o) => messages.push(EXCEL_MESSAGES.previousComparisonChanged(o.sheet)));

  // the sheet's name: the plan's, unless a sheet of the user's has it
  const freed = new Set(ours.map((o) => lc(o.sheet)));
  const taken = (name: string) => sheets.has(lc(name)) && !freed.has(lc(name));
  const target = freeSheetName(plan.sheet, taken);
  if (target !== plan.sheet) {
    messages.push(EXCEL_MESSAGES.comparisonSheetRenamed(plan.sheet, target));
  }
  // the replaced sheet's place in the tab order is kept
  const position = ours.map((o) => sheets.get(lc(o.sheet))?.position).find((p) => p !== undefined);
  // deleting the replaced sheets first would leave no visible sheet: make the new one under a
  // temporary name, delete them, then rename it
  const visibleLeft = [...sheets.values()].filter((w) => w.visibility === "Visible" && !freed.has(lc(w.name)));
  let temp: string | null = null;
  if (ours.length > 0 && visibleLeft.length === 0) {
    temp = "Jixiao~";
    for (let n = 2; sheets.has(lc(temp)); n++) temp = `Jixiao~${n}`;
  }

  // the table's name: the first not held by a table on a sheet that stays
  const gone = (sheet: string) => freed.has(lc(sheet));
  const tableName = tableNames.find((_, i) => definedNames[i].isNullObject && (holders[i].isNullObject || gone(holders[i].worksheet.name)));
  if (tableName === undefined) {
    messages.push(EXCEL_MESSAGES.tableNameTaken(plan.table.name));
  } else if (tableName !== plan.table.name) {
    messages.push(EXCEL_MESSAGES.tableRenamed(plan.table.name, tableName));
  }
  if (plan.notes.length > 0 && !caps.notes) {
    messages.push(EXCEL_MESSAGES.comparisonNotesUnsupported());
  }
  const drawChart = plan.chart !== null && plan.chart.series.length > 0 && caps.freezeAndSeries;
  if (plan.chart && !caps.freezeAndSeries) {
    messages.push(EXCEL_MESSAGES.chartUnsupported());
  }

  const width = plan.cells[0].length;
  const { range: ownedRange } = splitSheet(plan.owned);
  const output: WrittenOutput = {
    kind: "comparison",
    sourceSheet: plan.sheet,
    sourceHeaderRow: 0,
    sheet: target,
    mode: "new_sheet",
    owned: qualified(target, ownedRange),
    createdSheet: true,
    // row 1 (the title): what recognises the sheet as ours before replacing or clearing it
    headers: plan.cells[0].map((h) => (h === null || typeof h === "object" ? "" : String(h))),
    notes: [],
    conditionalFormats: [],
    columnWidths: [],
  };
  const kept = rec.record.outputs.filter((o) => !earlier.includes(o));
  const record: WrittenRecord = { version: 1, outputs: [...kept, output] };

  // ---- the steps: the earlier sheet out, the record (write-ahead), then the new sheet
  const steps: Step[] = [];
  const worksheets = s.ctx.workbook.worksheets;
  let ws: XlWorksheet | null = null;
  const sheet = () => (ws ??= worksheets.getItem(temp ?? target));
  const range = (address: string): XlRange => sheet().getRange(address);
  const add: Step = {
    bytes: STEP_OVERHEAD * 2,
    queue: () => {
      ws = worksheets.add(temp ?? target);
      if (position !== undefined) ws.position = position;
    },
  };
  if (temp) steps.push(add);
  for (const o of ours) for (const item of removalSteps(s, o, caps)) steps.push(item);
  steps.push({ bytes: jsonBytes(recordToXml(record)) + STEP_OVERHEAD * 2, queue: () => queueRecord(s, rec.parts, record) });
  if (temp) steps.push({ bytes: STEP_OVERHEAD, queue: () => (sheet().name = target) });
  else steps.push(add);

  // number formats in one write, then values and formulas in another: formats first, since Excel
  // stores a formula written into a cell formatted as Text ("@") as text; strings Excel could
  // misread get the quote prefix
  const inputs = plan.cells.map((row) => row.map(toExcelInput));
  const all = rectA1({ r1: 1, c1: 1, r2: plan.cells.length, c2: width });
  steps.push({
    bytes: jsonBytes(inputs) + jsonBytes(plan.numberFormats) + STEP_OVERHEAD * 2,
    queue: () => {
      const r = range(all);
      r.numberFormat = plan.cells.map((row, i) => formulaFormats(row, plan.numberFormats[i]));
      r.values = inputs;
    },
  });
  steps.push({
    bytes: STEP_OVERHEAD * 3,
    queue: () => {
      const h = range(plan.header.range);
      h.format.fill.color = plan.headerStyle.fill;
      h.format.font.color = plan.headerStyle.fontColor;
      h.format.font.bold = true;
    },
  });
  for (const st of plan.styles) {
    const props = [st.bold, st.italic, st.fontSize, st.fontColor, st.fill, st.horizontalAlignment, st.wrapText].filter((x) => x !== undefined).length;
    if (props === 0) continue;
    steps.push({
      bytes: STEP_OVERHEAD * props + utf8Length(st.range),
      queue: () => {
        const f = range(st.range).format;
        if (st.bold !== undefined) f.font.bold = st.bold;
        if (st.italic !== undefined) f.font.italic = st.italic;
        if (st.fontSize !== undefined) f.font.size = st.fontSize;
        if (st.fontColor !== undefined) f.font.color = st.fontColor;
        if (st.fill !== undefined) f.fill.color = st.fill;
        if (st.horizontalAlignment !== undefined) f.horizontalAlignment = ALIGNMENTS[st.horizontalAlignment];
        if (st.wrapText !== undefined) f.wrapText = st.wrapText;
      },
    });
  }
  for (const run of widthRuns(plan.columnWidths)) {
    steps.push({ bytes: STEP_OVERHEAD, optional: true, queue: () => (range(columnsRange(run.c1, run.c2)).format.columnWidth = charsToPoints(run.chars)) });
  }
  const { rows, columns } = plan.freeze;
  if (caps.freezeAndSeries && (rows > 0 || columns > 0)) {
    // optional: freezing fails with GeneralException on some Office 2019 builds
    steps.push({
      bytes: STEP_OVERHEAD,
      optional: true,
      queue: () => {
        const panes = sheet().freezePanes;
        if (rows > 0 && columns > 0) panes.freezeAt(rectA1({ r1: 1, c1: 1, r2: rows, c2: columns }));
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(columns);
      },
    });
  }
  // the Excel table over header + rows; Excel keeps the header cells as the text written
  steps.push({
    bytes: STEP_OVERHEAD * 5,
    queue: () => {
      const t: XlTable = sheet().tables.add(caps.tableOptions ? range(plan.table.range) : `${qualified(temp ?? target, plan.table.range)}`, true);
      if (tableName !== undefined) t.name = tableName;
      t.style = plan.table.style;
      if (caps.tableOptions) {
        t.showBandedRows = plan.table.showRowStripes;
        t.showFilterButton = plan.table.showFilterButton;
      }
    },
  });
  if (caps.notes) {
    for (const n of plan.notes) steps.push({ bytes: jsonBytes([n.cell, n.text]) + STEP_OVERHEAD, optional: true, queue: () => sheet().notes.add(n.cell, n.text) });
  }
  const chart = plan.chart;
  if (drawChart && chart) {
    // a clustered column chart from the first series, then each series' values, categories and
    // name set one by one: the departments need not be adjacent columns
    steps.push({
      bytes: STEP_OVERHEAD * (4 + 4 * chart.series.length) + jsonBytes(chart),
      optional: true,
      queue: () => {
        const c = sheet().charts.add(chart.type, range(chart.series[0].values), "Auto");
        const categories = range(chart.categories);
        chart.series.forEach((spec, i) => {
          const series = i === 0 ? c.series.getItemAt(0) : c.series.add(spec.name);
          series.setValues(range(spec.values));
          series.setXAxisValues(categories);
          series.name = spec.name;
        });
        c.title.text = chart.title.zh;
        c.setPosition(chart.anchor.topLeft, chart.anchor.bottomRight);
        if (caps.axisFormat) c.axes.valueAxis.numberFormat = chart.valueFormat;
      },
    });
  }

  // the user sees what was made: the new sheet becomes the active one, its top-left cell selected
  steps.push({
    bytes: STEP_OVERHEAD * 2,
    optional: true,
    queue: () => {
      sheet().activate();
      range("A1").select();
    },
  });

  let done: StepsDone;
  try {
    done = await runSteps(s, steps, budget, caps);
  } catch (e) {
    // the new sheet goes (the name was free at the read, or held by the add-in's own sheet this
    // run was replacing), and the record forgets both
    let rolledBack = false;
    try {
      await rollback(s, { outputs: [...ours, output], kept, caps, budget, sheets: temp ? [temp] : [] });
      rolledBack = true;
    } catch {
      rolledBack = false;
    }
    throw toAdapterError(e, { writing: true, rolledBack });
  }
  if (done.optionalError !== undefined) messages.push(optionalFailedMessage(done.optionalError));
  return {
    sheet: target,
    replaced: ours.length > 0,
    table: true,
    chart: drawChart,
    notesWritten: caps.notes ? plan.notes.length : 0,
    syncs: s.syncs,
    messages,
    ...(tableName !== undefined ? { tableName } : {}),
    requestBytes: done.bytes,
  };
}
