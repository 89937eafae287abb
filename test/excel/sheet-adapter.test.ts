import type { CellValue } from "../../src/core/basics/grid";
import type { WritePlan } from "../../src/core/basics/write-plan";
import { MemoryExcel, createMemoryExcel } from "../../src/memory-excel";
import type { ValidateRun } from "../../src/excel/adapter-types";
import { joinAddresses } from "../../src/excel/read-sheet";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { RECORD_NAMESPACE, recordFromXml, recordToXml } from "../../src/excel/written-record";
import { executePlan } from "./execute-plan-run";
import { HEADER, indicatorRow, indicatorTable } from "./indicator-grid";
import { adapterError } from "./adapter-error";

function setup(values: CellValue[][], opts: { apiVersion?: string; at?: string; name?: string; without?: string[] } = {}) {
  const xl = createMemoryExcel({ apiVersion: opts.apiVersion, sheets: [{ name: opts.name ?? "指标表", values, at: opts.at }] });
  // `without`: requirement sets reported as unsupported although the workbook has them
  const isSetSupported = (name: string, version: string) => !opts.without?.includes(version) && xl.requirements.isSetSupported(name, version);
  const adapter = createSheetAdapter({ run: xl.run, isSetSupported });
  return { xl, adapter };
}

function ok(run: ValidateRun): Extract<ValidateRun, { ok: true }> {
  if (!run.ok) throw new Error(`validation failed: ${run.reason.en}`);
  return run;
}

const fillOps = (xl: MemoryExcel) => xl.stats.ops["format.fill.color"] ?? 0;
const cfAdds = (xl: MemoryExcel) => xl.stats.ops["conditionalFormats.add"] ?? 0;

/** The status colours the engine uses (Excel's Good / Bad / Neutral styles). */
const GREEN = { fill: "#C6EFCE", fontColor: "#006100" };
const RED = { fill: "#FFC7CE", fontColor: "#9C0006" };
const YELLOW = { fill: "#FFEB9C", fontColor: "#9C5700" };
const PLAIN = { fill: "#FFFFFF", fontColor: "#000000" };

describe("reading", () => {
  test("the used range comes back as a grid with number formats and its position", async () => {
    const { xl, adapter } = setup([HEADER, indicatorRow("met", 1)], { at: "B3" });
    xl.workbook.sheet("指标表").setNumberFormats("E4", [["0.00"]]);
    const grid = await adapter.readGrid();
    expect(grid).toEqual({
      sheet: "指标表",
      values: [HEADER, indicatorRow("met", 1)],
      numberFormats: [Array(5).fill("General"), ["General", "General", "General", "0.00", "General"]],
      firstRow: 3,
      firstCol: 2,
    });
    expect(xl.stats.syncs).toBe(1);
  });

  test("the selection means its rows, across the used columns", async () => {
    const { xl, adapter } = setup([["标题"], [], ...indicatorTable(3)]);
    xl.workbook.select("指标表", "B4:B5");
    const grid = await adapter.readGrid("selection");
    expect(grid.firstRow).toBe(4);
    expect(grid.firstCol).toBe(1);
    expect(grid.values).toEqual([indicatorRow("met", 1), indicatorRow("not_met", 2)]);
  });
});

describe("a validate run", () => {
  test("writes beside the table in 2 syncs and a re-run in 3, each with one more for notes and widths", async () => {
    const { xl, adapter } = setup(indicatorTable(100));
    const first = ok(await adapter.runValidate());
    expect(first.syncs).toBe(3);
    expect(xl.stats.syncs).toBe(3);
    expect(first.write).toMatchObject({ sheet: "指标表", mode: "beside", owned: "'指标表'!F1:I101", createdSheet: null, fillMethod: "conditionalFormats" });
    const s = xl.workbook.sheet("指标表");
    expect(s.values("F1:I1")).toEqual([["核对·状态", "核对·完成率", "核对·得分", "核对·说明"]]);
    expect(s.cell("F2").value).toBe("达标");
    expect(s.displayed("F2")).toEqual(GREEN);
    expect(s.cell("G2")).toMatchObject({ numberFormat: "0.00%" });
    expect(s.cell("F1")).toMatchObject({ fill: "#1F6F78", fontColor: "#FFFFFF", bold: true });
    xl.stats.reset();
    const second = ok(await adapter.runValidate());
    expect(second.syncs).toBe(4);
    expect(xl.stats.syncs).toBe(4);
  });

  test("every input cell is unchanged after a run and after clear", async () => {
    const table = indicatorTable(100, "mixed");
    const { xl, adapter } = setup(table);
    const input = () => xl.workbook.sheet("指标表").values("A1:E101");
    const before = input();
    ok(await adapter.runValidate());
    expect(input()).toEqual(before);
    await adapter.clearResults();
    expect(input()).toEqual(before);
  });

  test("a second run gives the same workbook as the first", async () => {
    const { xl, adapter } = setup(indicatorTable(40, "mixed"));
    ok(await adapter.runValidate());
    const once = xl.workbook.snapshot();
    ok(await adapter.runValidate());
    expect(xl.workbook.snapshot()).toEqual(once);
  });

  test("clear removes exactly what was written, widths and notes included", async () => {
    const { xl, adapter } = setup(indicatorTable(30, "mixed"));
    xl.workbook.sheet("指标表").setColumnWidth("G", 80);
    const before = xl.workbook.snapshot();
    const run = ok(await adapter.runValidate());
    expect(run.write.notesWritten).toBeGreaterThan(0);
    expect(Object.keys(xl.workbook.sheet("指标表").notes()).length).toBe(run.write.notesWritten);
    expect(xl.workbook.sheet("指标表").columnWidth("G")).not.toBe(80);
    const report = await adapter.clearResults();
    expect(report.cleared).toEqual([{ sheet: "指标表", owned: "'指标表'!F1:I31", deletedSheet: false }]);
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("user data right of the table sends the results to a new sheet 核对结果, and clear deletes it", async () => {
    const table = indicatorTable(10).map((row, i) => [...row, null, i === 3 ? "我的备注" : null]);
    const { xl, adapter } = setup(table);
    const before = xl.workbook.snapshot();
    const run = ok(await adapter.runValidate());
    expect(run.write).toMatchObject({ mode: "new_sheet", sheet: "核对结果", createdSheet: "核对结果", owned: "'核对结果'!A1:E11" });
    expect(run.write.messages.map((m) => m.code)).toContain("results_new_sheet");
    expect(xl.workbook.snapshot().sheets[0]).toEqual(before.sheets[0]);
    const out = xl.workbook.sheet("核对结果");
    expect(out.values("A1:B2")).toEqual([["核对·来源行", "核对·状态"], ["指标表!2", "达标"]]);
    expect(out.cell("A2").formula).toBe(`=HYPERLINK("#'指标表'!A2","指标表!2")`);
    await adapter.clearResults();
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("a re-run onto 核对结果 replaces the add-in's own sheet and gives the same workbook", async () => {
    const table = indicatorTable(10).map((row) => [...row, null, "占用"]);
    const { xl, adapter } = setup(table);
    ok(await adapter.runValidate());
    const once = xl.workbook.snapshot();
    const again = ok(await adapter.runValidate());
    expect(again.syncs).toBeLessThanOrEqual(4);
    expect(xl.workbook.snapshot()).toEqual(once);
  });

  test("a 核对结果 sheet the user made is left alone: results go to 核对结果 (2)", async () => {
    const table = indicatorTable(10).map((row, i) => [...row, null, i > 0 ? "占用" : null]);
    const { xl, adapter } = setup(table);
    xl.workbook.addSheet({ name: "核对结果", values: [["我自己的表"]] });
    const run = ok(await adapter.runValidate());
    expect(run.write.sheet).toBe("核对结果 (2)");
    expect(run.plan.owned).toBe("'核对结果 (2)'!A1:E11");
    expect(run.write.messages.map((m) => m.code)).toContain("results_sheet_renamed");
    expect(xl.workbook.sheet("核对结果").values("A1:B1")).toEqual([["我自己的表", ""]]);
    await adapter.clearResults();
    expect(xl.workbook.sheetNames()).toEqual(["指标表", "核对结果"]);
  });

  test("a protected sheet: a clear error in Chinese and English, nothing written", async () => {
    const { xl, adapter } = setup(indicatorTable(10));
    xl.workbook.sheet("指标表").protect();
    const before = xl.workbook.snapshot();
    const e = await adapterError(adapter.runValidate());
    expect(e.code).toBe("sheet_protected");
    expect(e.text.zh).toContain("受保护");
    expect(e.text.en).toContain("protected");
    expect(e.detail.result?.rows).toHaveLength(10);
    expect(xl.workbook.snapshot()).toEqual(before);
    expect(xl.stats.log.every((s) => !s.ops["range.values"])).toBe(true);
  });

  test("input text that looks like a formula comes back as text, never as a formula", async () => {
    const table = [HEADER, ["=HYPERLINK(\"x\")", "≥1次", "=HYPERLINK(\"x\")", 10, 0], ["+1", "≥1次", "+1", 10, 10], ["@x", "≥1次", "-3", 10, 0]];
    const { xl, adapter } = setup(table);
    const run = ok(await adapter.runValidate());
    const s = xl.workbook.sheet("指标表");
    expect(s.formulas()).toEqual({});
    expect(s.values("A2:C4")).toEqual(table.slice(1).map((r) => r.slice(0, 3)));
    const explained = s.values("I2:I4").map((r) => r[0]);
    expect(explained[0]).toContain('=HYPERLINK("x")');
    expect(run.plan.cells.slice(1).map((r) => r[3])).toEqual(explained);
  });

  test("plan strings starting with = + - @ ' or digits are written as text", async () => {
    const { xl } = setup([["x"]]);
    const texts = ['=HYPERLINK("http://evil")', "+1", "-3", "@SUM(A1)", "'quoted", "123", "1/2", "TRUE", "#N/A", "达标"];
    const plan: WritePlan = {
      sheet: "指标表",
      mode: "beside",
      sourceSheet: "指标表",
      startRow: 1,
      startCol: 3,
      cells: [["核对·文本"], ...texts.map((t) => [t])],
      numberFormats: ["General"],
      columnWidths: [20],
      fills: [],
      headerFill: { fill: "#1F6F78", font: "#FFFFFF" },
      notes: [],
      owned: "指标表!C1:C11",
      messages: [],
    };
    await executePlan(xl, plan);
    const s = xl.workbook.sheet("指标表");
    expect(s.values("C2:C11").map((r) => r[0])).toEqual(texts);
    expect(s.formulas()).toEqual({});
  });

  test("status colours: one conditional format per status present, on the status column", async () => {
    const { xl, adapter } = setup(indicatorTable(100, "mixed"));
    const run = ok(await adapter.runValidate());
    const statuses = Object.values(run.result.summary.counts).filter((n) => n > 0).length;
    expect(statuses).toBe(5);
    expect(run.write).toMatchObject({ fillMethod: "conditionalFormats", fillOperations: statuses });
    expect(cfAdds(xl)).toBe(statuses);
    expect(fillOps(xl)).toBe(1); // the header row only
    expect(xl.stats.ops["conditionalFormat.fill.color"]).toBe(statuses);
    expect(xl.workbook.getConditionalFormats("指标表")).toEqual(
      expect.arrayContaining([
        { type: "CellValue", range: "F2:F101", rule: { formula1: '="达标"', operator: "EqualTo" }, ...GREEN },
        { type: "CellValue", range: "F2:F101", rule: { formula1: '="未达标"', operator: "EqualTo" }, ...RED },
      ]),
    );
    expect(xl.workbook.getConditionalFormats("指标表")).toHaveLength(statuses);
  });

  test("each status cell shows its colour: 未达标 red, not the green of 达标 it contains", async () => {
    const { xl, adapter } = setup(indicatorTable(10, "mixed"));
    ok(await adapter.runValidate());
    const s = xl.workbook.sheet("指标表");
    expect(s.values("F2:F6").map((r) => r[0])).toEqual(["达标", "未达标", "定性", "不适用", "无法核对"]);
    expect(s.displayed("F2")).toEqual(GREEN);
    expect(s.displayed("F3")).toEqual(RED);
    expect(s.displayed("F4")).toEqual({ fill: "#DDEBF7", fontColor: "#1F4E78" });
    expect(s.displayed("F5")).toEqual({ fill: "#EDEDED", fontColor: "#595959" });
    expect(s.displayed("F6")).toEqual(YELLOW);
    expect(s.displayed("F8")).toEqual(RED);
    // the other result columns and the input keep their own look
    expect(s.displayed("G3")).toEqual(PLAIN);
    expect(s.displayed("C3")).toEqual(PLAIN);
    expect(s.displayed("F1")).toEqual({ fill: "#1F6F78", fontColor: "#FFFFFF" });
  });

  test("a re-run leaves one set of conditional formats, and clear removes them", async () => {
    const { xl, adapter } = setup(indicatorTable(50, "mixed"));
    const before = xl.workbook.snapshot();
    ok(await adapter.runValidate());
    const once = xl.workbook.getConditionalFormats("指标表");
    expect(once).toHaveLength(5);
    xl.stats.reset();
    const again = ok(await adapter.runValidate());
    expect(xl.stats.ops["conditionalFormats.clearAll"]).toBe(1);
    expect(again.syncs).toBeLessThanOrEqual(4);
    expect(xl.workbook.getConditionalFormats("指标表")).toEqual(once);
    await adapter.clearResults();
    expect(xl.workbook.getConditionalFormats("指标表")).toEqual([]);
    expect(xl.workbook.sheet("指标表").displayed("F3")).toEqual(PLAIN);
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("the user's own conditional formats are left alone by a run, a re-run and clear", async () => {
    const { xl, adapter } = setup(indicatorTable(20, "mixed"));
    const s = xl.workbook.sheet("指标表");
    s.addConditionalFormat("D2:D21", { rule: { formula1: "=5", operator: "GreaterThan" }, fill: "#00FF00" });
    const mine = xl.workbook.getConditionalFormats("指标表");
    ok(await adapter.runValidate());
    ok(await adapter.runValidate());
    expect(xl.workbook.getConditionalFormats("指标表").filter((cf) => cf.range === "D2:D21")).toEqual(mine);
    expect(xl.workbook.getConditionalFormats("指标表")).toHaveLength(6);
    await adapter.clearResults();
    expect(xl.workbook.getConditionalFormats("指标表")).toEqual(mine);
    expect(s.displayed("D2").fill).toBe("#00FF00");
  });

  test("results found under our headers without a record: their conditional formats are replaced, not doubled", async () => {
    const { xl, adapter } = setup(indicatorTable(20, "mixed"));
    ok(await adapter.runValidate());
    const once = xl.workbook.getConditionalFormats("指标表");
    // the record is lost (another tool rewrote the file's custom XML parts)
    await xl.run(async (ctx) => {
      const parts = ctx.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
      parts.load("items/id");
      await ctx.sync();
      parts.items.forEach((p) => p.delete());
    });
    ok(await adapter.runValidate());
    expect(xl.workbook.getConditionalFormats("指标表")).toEqual(once);
  });

  test("the record names the conditional formats' range; a record from before them still reads", async () => {
    const { xl, adapter } = setup(indicatorTable(10, "mixed"));
    ok(await adapter.runValidate());
    const record = recordFromXml(xl.workbook.customXmlParts()[0].xml);
    expect(record?.outputs.map((o) => o.conditionalFormats)).toEqual([["F2:F11"]]);
    const old = recordToXml({ version: 1, outputs: record!.outputs }).replace(/,?&quot;conditionalFormats&quot;:\[[^\]]*\]/, "").replace(/,?"conditionalFormats":\[[^\]]*\]/, "");
    expect(old).not.toContain("conditionalFormats");
    expect(recordFromXml(old)?.outputs[0].conditionalFormats).toEqual([]);
  });

  test("results on a new sheet are coloured by conditional formats on its status column", async () => {
    const table = indicatorTable(10, "mixed").map((row, i) => [...row, null, i === 3 ? "我的备注" : null]);
    const { xl, adapter } = setup(table);
    const run = ok(await adapter.runValidate());
    expect(run.write).toMatchObject({ mode: "new_sheet", fillMethod: "conditionalFormats", fillOperations: 5 });
    const cfs = xl.workbook.getConditionalFormats("核对结果");
    expect(cfs.map((cf) => cf.range)).toEqual(Array(5).fill("B2:B11"));
    expect(xl.workbook.sheet("核对结果").displayed("B3")).toEqual(RED);
  });

  test("a plan whose status column does not hold the status labels is coloured by its ranges", async () => {
    const { xl } = setup([["x"]]);
    const plan: WritePlan = {
      sheet: "指标表",
      mode: "beside",
      sourceSheet: "指标表",
      startRow: 1,
      startCol: 3,
      cells: [["核对·状态"], ["好"], ["坏"], ["好"]],
      numberFormats: ["General"],
      columnWidths: [10],
      fills: [
        { status: "met", ...GREEN, font: GREEN.fontColor, ranges: ["C2", "C4"] },
        { status: "not_met", ...RED, font: RED.fontColor, ranges: ["C3"] },
      ],
      headerFill: { fill: "#1F6F78", font: "#FFFFFF" },
      notes: [],
      owned: "指标表!C1:C4",
      messages: [],
    };
    const report = await executePlan(xl, plan);
    expect(report).toMatchObject({ fillMethod: "getRanges", fillOperations: 2 });
    expect(xl.workbook.getConditionalFormats("指标表")).toEqual([]);
    expect(xl.workbook.sheet("指标表").displayed("C3")).toEqual(RED);
    expect(xl.workbook.sheet("指标表").displayed("C4")).toEqual(GREEN);
  });

  test("fallback without ExcelApi 1.6: fills on ranges grouped under 255 characters, far fewer than rows", async () => {
    const { xl, adapter } = setup(indicatorTable(500, "mixed"), { without: ["1.6"] });
    const before = xl.workbook.snapshot();
    const run = ok(await adapter.runValidate());
    const expected = run.plan.fills.reduce((n, f) => n + joinAddresses(f.ranges).length, 0);
    expect(run.write.fillMethod).toBe("getRanges");
    expect(run.write.fillOperations).toBe(expected);
    expect(fillOps(xl)).toBe(expected + 1);
    expect(expected).toBeLessThan(500 / 5);
    expect(cfAdds(xl)).toBe(0);
    expect(xl.stats.ops["conditionalFormats.clearAll"]).toBeUndefined();
    const s = xl.workbook.sheet("指标表");
    expect(s.cell("F3")).toMatchObject({ value: "未达标", fill: RED.fill, fontColor: RED.fontColor });
    expect(s.displayed("F2")).toEqual(GREEN);
    ok(await adapter.runValidate());
    await adapter.clearResults();
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("ExcelApi 1.5: colours go one range per run", async () => {
    const { xl, adapter } = setup(indicatorTable(20, "blocks"), { apiVersion: "1.5" });
    const before = xl.workbook.snapshot();
    const run = ok(await adapter.runValidate());
    expect(run.write.fillMethod).toBe("getRange");
    expect(run.write.fillOperations).toBe(run.plan.fills.reduce((n, f) => n + f.ranges.length, 0));
    expect(xl.workbook.sheet("指标表").displayed("F6")).toEqual(RED);
    await adapter.clearResults();
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("ExcelApi 1.7 (the manifest's floor): conditional formats, and without 1.18 no notes", async () => {
    const { xl, adapter } = setup(indicatorTable(20, "blocks"), { apiVersion: "1.7" });
    const before = xl.workbook.snapshot();
    const run = ok(await adapter.runValidate());
    expect(run.write).toMatchObject({ fillMethod: "conditionalFormats", fillOperations: 5 });
    expect(run.write.notesWritten).toBe(0);
    expect(run.write.messages.map((m) => m.code)).toContain("notes_unsupported");
    expect(xl.workbook.sheet("指标表").notes()).toEqual({});
    expect(xl.stats.ops["notes.add"]).toBeUndefined();
    await adapter.clearResults();
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("no table found: the engine's reason, nothing written", async () => {
    const { xl, adapter } = setup([["随便"], ["什么"]]);
    const before = xl.workbook.snapshot();
    const run = await adapter.runValidate();
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.reason.zh).toContain("未找到");
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("the record survives in the workbook: a fresh adapter (a reopened file) clears it", async () => {
    const { xl, adapter } = setup(indicatorTable(10));
    const before = xl.workbook.snapshot();
    ok(await adapter.runValidate());
    expect(xl.workbook.customXmlParts().map((p) => p.namespaceUri)).toEqual([RECORD_NAMESPACE]);
    const reopened = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
    await reopened.clearResults();
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("two tables on one sheet keep their own results; the selection picks the table", async () => {
    const table2 = indicatorTable(4, "blocks", ["not_met"]);
    const values = [...indicatorTable(5), [], [], ...table2];
    const { xl, adapter } = setup(values);
    xl.workbook.select("指标表", "A1:E6");
    ok(await adapter.runValidate({ source: "selection" }));
    xl.workbook.select("指标表", "A9:E13");
    const second = ok(await adapter.runValidate({ source: "selection" }));
    expect(second.write.owned).toBe("'指标表'!F9:I13");
    const s = xl.workbook.sheet("指标表");
    expect(s.cell("F1").value).toBe("核对·状态");
    expect(s.cell("F9").value).toBe("核对·状态");
    const report = await adapter.clearResults();
    expect(report.cleared.map((c) => c.owned).sort()).toEqual(["'指标表'!F1:I6", "'指标表'!F9:I13"]);
    expect(s.usedRange()).toBe("A1:E13");
  });

  test("earlier results that moved are not cleared blindly, and no input is lost", async () => {
    const { xl, adapter } = setup(indicatorTable(6));
    ok(await adapter.runValidate());
    // the user inserts a column inside the table: the add-in's block moves from F:I to G:J
    const s = xl.workbook.sheet("指标表");
    const moved = s.values("A1:I7").map((row) => [...row.slice(0, 5), "新增列", ...row.slice(5)]);
    s.setValues("A1", moved);
    const input = s.values("A1:F7");
    const run = ok(await adapter.runValidate());
    expect(run.write.owned).toBe("'指标表'!G1:J7");
    expect(run.write.messages.map((m) => m.code)).toContain("previous_output_changed");
    expect(s.values("A1:F7")).toEqual(input);
  });

  test("a failure after partial writes removes what was written and says so", async () => {
    const { xl, adapter } = setup(indicatorTable(20));
    const before = xl.workbook.snapshot();
    xl.workbook.injectFault({ kind: "conditionalFormat.fill.color", skip: 2, code: "InvalidArgument" });
    const e = await adapterError(adapter.runValidate());
    expect(e.code).toBe("invalid_argument");
    expect(e.detail.excelCode).toBe("InvalidArgument");
    expect(e.detail.rolledBack).toBe(true);
    expect(e.text.zh).toContain("已清除");
    expect(e.text.en).toContain("removed");
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("a failed re-run leaves neither the old nor the partial output, and a later run works", async () => {
    const { xl, adapter } = setup(indicatorTable(20).map((r) => [...r, null, "占用"]));
    const before = xl.workbook.snapshot();
    ok(await adapter.runValidate());
    const written = xl.workbook.snapshot();
    // a status colour, after the values are written
    xl.workbook.injectFault({ kind: "conditionalFormats.add", code: "GeneralException" });
    const e = await adapterError(adapter.runValidate());
    expect(e.detail.rolledBack).toBe(true);
    expect(xl.workbook.snapshot()).toEqual(before);
    ok(await adapter.runValidate());
    expect(xl.workbook.snapshot()).toEqual(written);
  });

  test("Excel in cell-edit mode: a message that says what to do", async () => {
    const { xl, adapter } = setup(indicatorTable(3));
    xl.workbook.injectFault({ kind: "load", code: "InvalidOperationInCellEditMode" });
    const e = await adapterError(adapter.runValidate());
    expect(e.code).toBe("cell_edit_mode");
    expect(e.text.zh).toContain("Enter");
    expect(e.text.zh).toContain("未写入任何内容");
  });
});

describe("hidden and filtered rows", () => {
  const codes = (run: ValidateRun) => ok(run).write.messages.map((m) => m.code);

  test("hidden rows are checked and written like the others, and the run says so, in the same syncs", async () => {
    const { xl, adapter } = setup(indicatorTable(10, "mixed"));
    xl.workbook.sheet("指标表").hideRows(3, 5);
    const run = ok(await adapter.runValidate());
    expect(run.syncs).toBe(3);
    expect(xl.stats.syncs).toBe(3);
    const message = run.write.messages.find((m) => m.code === "hidden_rows");
    expect(message).toMatchObject({ text: { zh: expect.stringContaining("隐藏或筛选"), en: expect.stringContaining("hidden or filtered") } });
    expect(run.result.rows).toHaveLength(10);
    const status = xl.workbook.sheet("指标表").values("F2:F11").map(([v]) => v);
    expect(status.every((v) => typeof v === "string" && v !== "")).toBe(true);
    xl.stats.reset();
    const again = ok(await adapter.runValidate());
    expect(again.syncs).toBeLessThanOrEqual(4);
    expect(codes(again)).toContain("hidden_rows");
  });

  test("an AutoFilter that filters rows out: the message, every row still has its result", async () => {
    const { xl, adapter } = setup(indicatorTable(10, "mixed"));
    xl.workbook.sheet("指标表").setAutoFilter("A1:E11", [2, 7, 8]);
    const run = ok(await adapter.runValidate());
    expect(run.syncs).toBe(3);
    expect(codes(run)).toContain("hidden_rows");
    expect(xl.workbook.sheet("指标表").values("F8:F8")[0][0]).not.toBe("");
  });

  test("an AutoFilter with criteria is reported even when rowHidden says nothing is hidden", async () => {
    const { xl, adapter } = setup(indicatorTable(5));
    // the filter hides row 6, outside the selection checked: the checked rows' rowHidden is false,
    // but the sheet's AutoFilter has criteria on (isDataFiltered)
    xl.workbook.sheet("指标表").setAutoFilter("A1:E6", [6]);
    xl.workbook.select("指标表", "A1:A5");
    const run = ok(await adapter.runValidate({ source: "selection" }));
    expect(codes(run)).toContain("hidden_rows");
  });

  test("without ExcelApi 1.9 the AutoFilter is not asked for; hidden rows are still seen", async () => {
    const { xl, adapter } = setup(indicatorTable(5), { apiVersion: "1.8" });
    xl.workbook.sheet("指标表").hideRows(4);
    const run = ok(await adapter.runValidate());
    expect(codes(run)).toContain("hidden_rows");
    expect(run.syncs).toBe(3);
  });

  test("no hidden rows, or an AutoFilter that filters nothing out: no message", async () => {
    const { xl, adapter } = setup(indicatorTable(10));
    expect(codes(await adapter.runValidate())).not.toContain("hidden_rows");
    xl.workbook.sheet("指标表").setAutoFilter("A1:E11");
    expect(codes(await adapter.runValidate())).not.toContain("hidden_rows");
    // rows hidden below the table are not the table's
    xl.workbook.sheet("指标表").hideRows(20, 30);
    expect(codes(await adapter.runValidate())).not.toContain("hidden_rows");
  });
});

describe("selectCell", () => {
  test.each([
    ["F3", "指标表", "指标表!F3"],
    ["'核对结果'!B2", "核对结果", "核对结果!B2"],
  ])("%s selects the cell and activates its sheet", async (address, sheet, selection) => {
    const { xl, adapter } = setup(indicatorTable(3));
    xl.workbook.addSheet("核对结果");
    await adapter.selectCell(address);
    expect(xl.workbook.activeSheet()).toBe(sheet);
    expect(xl.workbook.selection()).toBe(selection);
  });

  test("a sheet that does not exist is a clear error", async () => {
    const { adapter } = setup(indicatorTable(3));
    const e = await adapterError(adapter.selectCell("没有这张表!A1"));
    expect(e.code).toBe("not_found");
  });
});
