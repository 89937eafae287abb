/**
 * writeSheetPlan: the six comparison templates with the five seed departments, made as Excel
 * would hold them (the memory workbook), re-made, renamed beside a user's sheet, cleared.
 */
import { MISSING_MARK, SheetPlan, TEMPLATES, TemplateId, buildComparisonSheet, seedDepartments } from "../../src/core/compare";
import { MemoryExcel, createMemoryExcel } from "../../src/memory-excel";
import { sheetRef } from "../../src/memory-excel/state";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { charsToPoints } from "../../src/excel/steps";
import { recordFromXml } from "../../src/excel/written-record";
import { adapterError } from "./adapter-error";

const IDS = Object.keys(TEMPLATES) as TemplateId[];
const DEPARTMENTS = seedDepartments();
const USER_SHEET = "数据";

function setup(opts: { apiVersion?: string; without?: string[]; sheets?: { name: string; values: (string | number)[][] }[] } = {}) {
  const xl = createMemoryExcel({ apiVersion: opts.apiVersion, sheets: opts.sheets ?? [{ name: USER_SHEET, values: [["部门", "总支出"], ["本单位", 1234.5]] }] });
  const isSetSupported = (name: string, version: string) => !opts.without?.includes(version) && xl.requirements.isSetSupported(name, version);
  return { xl, adapter: createSheetAdapter({ run: xl.run, isSetSupported }) };
}

const planOf = (id: TemplateId): SheetPlan => buildComparisonSheet(id, DEPARTMENTS);

/** Every cell address of the plan with its cell. */
function planCells(plan: SheetPlan): { address: string; cell: SheetPlan["cells"][number][number] }[] {
  const letters = (c: number) => String.fromCharCode(64 + c);
  return plan.cells.flatMap((row, i) => row.map((cell, j) => ({ address: `${letters(j + 1)}${i + 1}`, cell })));
}

function records(xl: MemoryExcel) {
  return xl.workbook.customXmlParts().map((p) => recordFromXml(p.xml));
}

let missingSeen = 0;
afterAll(() => {
  // the seeds leave figures out: the — cells were really checked
  expect(missingSeen).toBeGreaterThan(10);
});

describe.each(IDS)("template %s with the five seed departments", (id) => {
  const plan = planOf(id);

  test("one sheet: live formulas, — with a note, number formats, a table, the chart, in 3 syncs (the last for the optional formatting)", async () => {
    const { xl, adapter } = setup();
    const report = await adapter.writeSheetPlan(plan);
    expect(report).toMatchObject({ sheet: plan.sheet, replaced: false, table: true, chart: plan.chart !== null, notesWritten: plan.notes.length, tableName: plan.table.name });
    // the read (sheets, record parts, table names) and the write: no record yet to read
    expect(report.syncs).toBe(3);
    expect(xl.stats.syncs).toBe(report.syncs);
    expect(xl.workbook.sheetNames()).toEqual([USER_SHEET, plan.sheet]);
    // the new sheet is the one the user now sees
    expect(xl.workbook.activeSheet()).toBe(plan.sheet);
    const s = xl.workbook.sheet(plan.sheet);

    // every formula of the plan is a formula in Excel, and nothing else is
    const formulas = Object.fromEntries(planCells(plan).filter((c) => c.cell !== null && typeof c.cell === "object").map((c) => [c.address, `=${(c.cell as { formula: string }).formula}`]));
    expect(s.formulas()).toEqual(formulas);
    // the ratio rows are formulas in every department's column
    for (const row of plan.rows.filter((r) => r.kind === "formula")) {
      for (const col of plan.columns) expect(s.cell(`${col.letter}${row.row}`).formula).toMatch(/^=IF\(/);
    }
    // a missing figure is the text — with a note saying why, never 0
    const missing = planCells(plan).filter((c) => c.cell === MISSING_MARK);
    missingSeen += missing.length;
    for (const { address } of missing) {
      expect(s.cell(address).value).toBe(MISSING_MARK);
      expect(s.cell(address).formula).toBeUndefined();
      expect(s.cell(address).note).toBe(plan.notes.find((n) => n.cell === address)?.text);
    }
    // numbers as numbers with the plan's formats; text as text
    for (const { address, cell } of planCells(plan)) {
      if (typeof cell === "number") expect(s.cell(address).value).toBe(cell);
      if (typeof cell === "string") expect(s.cell(address).value).toBe(cell);
    }
    plan.numberFormats.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f !== "General") expect(s.cell(`${String.fromCharCode(65 + j)}${i + 1}`).numberFormat).toBe(f);
      }),
    );
    expect(s.notes()).toEqual(Object.fromEntries(plan.notes.map((n) => [n.cell, n.text]).sort()));

    // the Excel table over header + rows, with the plan's name and style
    const headers = plan.cells[plan.header.row - 1].map(String);
    expect(xl.workbook.getTables(plan.sheet)).toEqual([
      { name: plan.table.name, range: plan.table.range, style: plan.table.style, showHeaders: true, showBandedRows: plan.table.showRowStripes, showFilterButton: plan.table.showFilterButton, headers },
    ]);
    // header style, title style, widths, frozen panes
    expect(s.cell("B4")).toMatchObject({ fill: plan.headerStyle.fill, fontColor: plan.headerStyle.fontColor, bold: true });
    expect(s.cell("A1")).toMatchObject({ bold: true, fontSize: 14 });
    expect(s.cell("A2")).toMatchObject({ italic: true });
    plan.columnWidths.forEach((w, j) => expect(s.columnWidth(String.fromCharCode(65 + j))).toBe(charsToPoints(w)));
    expect(xl.workbook.getFreeze(plan.sheet)).toEqual({ rows: plan.freeze.rows, columns: plan.freeze.columns });

    // the chart: a clustered column chart, one series per charted department
    const charts = xl.workbook.getCharts(plan.sheet);
    if (!plan.chart) {
      expect(charts).toEqual([]);
      return;
    }
    const at = (a1: string) => `${sheetRef(plan.sheet)}!${a1}`;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      type: "ColumnClustered",
      title: plan.chart.title.zh,
      topLeft: plan.chart.anchor.topLeft,
      bottomRight: plan.chart.anchor.bottomRight,
      valueAxisFormat: plan.chart.valueFormat === "General" ? null : plan.chart.valueFormat,
    });
    expect(charts[0].series).toEqual(plan.chart.series.map((sr) => ({ name: sr.name, values: at(sr.values), xValues: at(plan.chart!.categories) })));
  });

  test("a re-run replaces only that sheet, in its place; the user's sheet is untouched", async () => {
    const { xl, adapter } = setup();
    xl.workbook.addSheet({ name: "后面", values: [["x"]] });
    const user = () => xl.workbook.snapshot().sheets.filter((s) => s.name !== plan.sheet);
    const first = await adapter.writeSheetPlan(plan);
    // the user moves the comparison between their sheets
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(plan.sheet).position = 1;
    });
    const once = xl.workbook.snapshot();
    const before = user();
    xl.stats.reset();
    const again = await adapter.writeSheetPlan(plan);
    expect(again).toMatchObject({ sheet: first.sheet, replaced: true, table: true, messages: [] });
    // the read, the record (with the sheet's first row), the write
    expect(again.syncs).toBe(4);
    expect(xl.workbook.snapshot()).toEqual(once);
    expect(xl.workbook.sheetNames()).toEqual([USER_SHEET, plan.sheet, "后面"]);
    expect(user()).toEqual(before);
    expect(records(xl)[0]?.outputs).toHaveLength(1);
  });
});

describe("writeSheetPlan", () => {
  const plan = planOf("expenditure");

  test("a user's sheet with the plan's name is left alone: the comparison goes to (2), and re-runs replace (2)", async () => {
    const { xl, adapter } = setup({ sheets: [{ name: plan.sheet, values: [["我的对比", 1]] }] });
    const mine = xl.workbook.snapshot().sheets[0];
    const report = await adapter.writeSheetPlan(plan);
    const renamed = `${plan.sheet} (2)`;
    expect(report.sheet).toBe(renamed);
    expect(report.messages.map((m) => m.code)).toEqual(["comparison_sheet_renamed"]);
    expect(report.messages[0].text.zh).toContain(renamed);
    expect(xl.workbook.snapshot().sheets[0]).toEqual(mine);
    expect(xl.workbook.getTables(renamed)).toHaveLength(1);
    expect(xl.workbook.getCharts(renamed)[0].series[0].values).toBe(`'${renamed}'!${plan.chart!.series[0].values}`);
    const again = await adapter.writeSheetPlan(plan);
    expect(again).toMatchObject({ sheet: renamed, replaced: true });
    expect(xl.workbook.sheetNames()).toEqual([plan.sheet, renamed]);
    expect(xl.workbook.snapshot().sheets[0]).toEqual(mine);
  });

  test("clear results deletes the sheet, and only it", async () => {
    const { xl, adapter } = setup();
    const before = xl.workbook.snapshot();
    await adapter.writeSheetPlan(plan);
    await adapter.writeSheetPlan(planOf("fund"));
    xl.stats.reset();
    const report = await adapter.clearResults();
    expect(report.cleared.map((c) => [c.sheet, c.deletedSheet])).toEqual([
      [plan.sheet, true],
      [planOf("fund").sheet, true],
    ]);
    // the comparison sheets' first rows come with the record: no sync to recognise them
    expect(report.syncs).toBe(3);
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("a comparison sheet the user has changed is neither replaced nor cleared", async () => {
    const { xl, adapter } = setup();
    await adapter.writeSheetPlan(plan);
    xl.workbook.sheet(plan.sheet).setValues("A1", [["我改过的标题"]]);
    const report = await adapter.writeSheetPlan(plan);
    expect(report.sheet).toBe(`${plan.sheet} (2)`);
    // the changed sheet keeps its table, so the new one takes another name
    expect(report.messages.map((m) => m.code)).toEqual(["previous_output_changed", "comparison_sheet_renamed", "table_renamed"]);
    expect(xl.workbook.sheet(plan.sheet).cell("A1").value).toBe("我改过的标题");
    const cleared = await adapter.clearResults();
    expect(cleared.cleared.map((c) => c.sheet)).toEqual([`${plan.sheet} (2)`]);
    expect(xl.workbook.hasSheet(plan.sheet)).toBe(true);
  });

  test("text that looks like a formula in a plan string lands as text", async () => {
    const { xl, adapter } = setup();
    const tricky: SheetPlan = { ...plan, cells: plan.cells.map((r) => [...r]) };
    tricky.cells[1][0] = "=SUM(A1)";
    const sourceRow = tricky.cells.length - 1;
    tricky.cells[sourceRow][1] = "+86 来源 @备注";
    tricky.cells[sourceRow - 1][1] = "-5%";
    await adapter.writeSheetPlan(tricky);
    const s = xl.workbook.sheet(plan.sheet);
    expect(s.cell("A2")).toMatchObject({ value: "=SUM(A1)" });
    expect(s.cell("A2").formula).toBeUndefined();
    expect(s.cell(`B${sourceRow + 1}`)).toEqual({ value: "+86 来源 @备注" });
    expect(s.cell(`B${sourceRow}`).value).toBe("-5%");
    expect(Object.keys(s.formulas()).every((a) => /^[B-F]\d+$/.test(a))).toBe(true);
  });

  test("without ExcelApi 1.18 the notes are left out and said so; table and chart are still made", async () => {
    const { xl, adapter } = setup({ without: ["1.18"] });
    const report = await adapter.writeSheetPlan(plan);
    expect(report).toMatchObject({ notesWritten: 0, table: true, chart: true });
    expect(report.messages.map((m) => m.code)).toEqual(["notes_unsupported"]);
    expect(xl.workbook.sheet(plan.sheet).notes()).toEqual({});
    expect(xl.stats.ops["notes.add"]).toBeUndefined();
  });

  test("at the manifest's floor (ExcelApi 1.7): table, frozen panes and chart; no axis format, no notes", async () => {
    const xl = createMemoryExcel({ apiVersion: "1.7", sheets: [USER_SHEET] });
    const adapter = createSheetAdapter({ run: xl.run });
    const report = await adapter.writeSheetPlan(plan);
    expect(report).toMatchObject({ table: true, chart: true, notesWritten: 0 });
    expect(xl.workbook.getCharts(plan.sheet)[0].valueAxisFormat).toBeNull();
    expect(xl.workbook.getFreeze(plan.sheet)).toEqual({ rows: 4, columns: 1 });
  });

  test("below ExcelApi 1.7 the chart and frozen panes are left out and said so", async () => {
    const { xl, adapter } = setup({ apiVersion: "1.6" });
    const report = await adapter.writeSheetPlan(plan);
    expect(report).toMatchObject({ table: true, chart: false });
    expect(report.messages.map((m) => m.code)).toEqual(["notes_unsupported", "chart_unsupported"]);
    expect(xl.workbook.getCharts(plan.sheet)).toEqual([]);
    expect(xl.workbook.getFreeze(plan.sheet)).toBeNull();
    expect(xl.workbook.getTables(plan.sheet)).toHaveLength(1);
  });

  test("a table elsewhere with the plan's table name: the new table takes another", async () => {
    const { xl, adapter } = setup();
    await xl.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem(USER_SHEET).tables.add(`${USER_SHEET}!A1:B2`, true);
      t.name = plan.table.name;
    });
    const report = await adapter.writeSheetPlan(plan);
    expect(report.tableName).toBe(`${plan.table.name}_2`);
    expect(report.messages.map((m) => m.code)).toEqual(["table_renamed"]);
    expect(xl.workbook.getTables(plan.sheet)[0].name).toBe(`${plan.table.name}_2`);
    // a re-run keeps its own name: the table on the sheet it replaces frees it
    const again = await adapter.writeSheetPlan(plan);
    expect(again.tableName).toBe(`${plan.table.name}_2`);
    expect(xl.workbook.getTables(USER_SHEET)[0].name).toBe(plan.table.name);
  });

  test("a failure mid-way deletes the half-made sheet and the record forgets it", async () => {
    const { xl, adapter } = setup();
    const before = xl.workbook.snapshot();
    xl.workbook.injectFault({ kind: "tables.add", code: "InvalidArgument" });
    const e = await adapterError(adapter.writeSheetPlan(plan));
    expect(e.code).toBe("invalid_argument");
    expect(e.detail.rolledBack).toBe(true);
    expect(e.text.zh).toContain("已清除");
    expect(e.text.en).toContain("removed");
    expect(xl.workbook.snapshot()).toEqual(before);
    // and a later run works
    expect((await adapter.writeSheetPlan(plan)).sheet).toBe(plan.sheet);
  });

  test("a failed re-run leaves no half-made sheet, and the user's sheets as they were", async () => {
    const { xl, adapter } = setup();
    const user = () => xl.workbook.snapshot().sheets.filter((s) => s.name === USER_SHEET);
    const mine = user();
    await adapter.writeSheetPlan(plan);
    xl.workbook.injectFault({ kind: "tables.add", code: "AccessDenied" });
    const e = await adapterError(adapter.writeSheetPlan(plan));
    expect(e.code).toBe("access_denied");
    expect(xl.workbook.sheetNames()).toEqual([USER_SHEET]);
    expect(user()).toEqual(mine);
    expect(records(xl).every((r) => r === null || r.outputs.length === 0)).toBe(true);
  });

  test("when the comparison is the only visible sheet, a re-run still replaces it", async () => {
    const { xl, adapter } = setup();
    await adapter.writeSheetPlan(plan);
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(USER_SHEET).delete();
    });
    const once = xl.workbook.snapshot();
    const again = await adapter.writeSheetPlan(plan);
    expect(again).toMatchObject({ sheet: plan.sheet, replaced: true });
    expect(xl.workbook.snapshot()).toEqual(once);
  });

  test("a plan whose rows differ in width is refused before anything is written", async () => {
    const { xl, adapter } = setup();
    const bad: SheetPlan = { ...plan, cells: [...plan.cells.slice(0, 2), ["x"]] };
    const e = await adapterError(adapter.writeSheetPlan(bad));
    expect(e.code).toBe("invalid_argument");
    expect(xl.stats.syncs).toBe(0);
  });
});

describe("listSheets and readSheet", () => {
  test("listSheets gives the visible sheets in tab order, in one sync", async () => {
    const { xl, adapter } = setup();
    xl.workbook.addSheet({ name: "隐藏", visibility: "Hidden" });
    xl.workbook.addSheet("最后");
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("最后").position = 0;
    });
    xl.stats.reset();
    expect(await adapter.listSheets()).toEqual(["最后", USER_SHEET]);
    expect(xl.stats.syncs).toBe(1);
  });

  test("readSheet reads a named sheet's used range, not the active one, in one sync", async () => {
    const { xl, adapter } = setup();
    xl.workbook.addSheet({ name: "本单位", values: [["总支出（万元）", 1234.5], ["基本支出", "—"]], numberFormats: [[null, "#,##0.00"]], at: "B3" });
    xl.workbook.activate(USER_SHEET);
    xl.stats.reset();
    const grid = await adapter.readSheet("本单位");
    expect(grid).toEqual({
      sheet: "本单位",
      values: [
        ["总支出（万元）", 1234.5],
        ["基本支出", "—"],
      ],
      numberFormats: [
        ["General", "#,##0.00"],
        ["General", "General"],
      ],
      firstRow: 3,
      firstCol: 2,
    });
    expect(xl.stats.syncs).toBe(1);
  });

  test("readSheet of a sheet that does not exist is a clear error", async () => {
    const { adapter } = setup();
    const e = await adapterError(adapter.readSheet("没有"));
    expect(e.code).toBe("not_found");
  });
});
