/**
 * Where real Excel is stricter than a lenient imitation, and what the adapter does about it
 * (docs/excel-platform.md): formulas written into Text-formatted ("@") cells, optional
 * operations that fail after the results are written, a protected workbook structure, table names
 * taken by defined names, merged areas, several selected areas, malformed formulas.
 */
import { columnLetter } from "../../src/core/basics/address";
import { buildComparisonSheet, seedDepartments } from "../../src/core/compare";
import type { WritePlan } from "../../src/core/basics/write-plan";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { type MemoryExcel, createMemoryExcel } from "../../src/memory-excel";
import { seedStatement } from "../../src/preview/sample-statement";
import { executePlan } from "./execute-plan-run";
import { indicatorTable } from "./indicator-grid";
import { adapterError } from "./adapter-error";

const TEXT_COLUMNS = 20;

/** The Huizhou 2022 statement sample on a template sheet whose blank columns right of it are formatted as text. */
function huizhouOnTextTemplate(): { xl: MemoryExcel; sheet: string } {
  const sample = seedStatement();
  const xl = createMemoryExcel({ sheets: [{ name: sample.name, values: sample.values, numberFormats: sample.numberFormats }, "Sheet2"] });
  const width = Math.max(...sample.values.map((r) => r.length));
  const rows = sample.values.length + 10;
  const text = Array.from({ length: rows }, () => new Array<string>(TEXT_COLUMNS).fill("@"));
  xl.workbook.sheet(sample.name).setNumberFormats(`${columnLetter(width + 1)}1`, text);
  xl.workbook.activate(sample.name);
  return { xl, sheet: sample.name };
}

function adapterOf(xl: MemoryExcel) {
  return createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
}

describe("formulas into Text-formatted cells", () => {
  test("the imitation keeps a formula written into an @ cell as text, as Excel does", async () => {
    const xl = createMemoryExcel({ sheets: [{ name: "S", values: [[1, 2]] }] });
    xl.workbook.sheet("S").setNumberFormats("C1", [["@"]]);
    await xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("C1").values = [["=A1+B1"]];
    });
    expect(xl.workbook.sheet("S").cell("C1")).toMatchObject({ value: "=A1+B1", numberFormat: "@" });
    expect(xl.workbook.sheet("S").cell("C1").formula).toBeUndefined();
  });

  test("audit of the Huizhou sample on a template with @ columns: every 核对 formula computes", async () => {
    const { xl, sheet } = huizhouOnTextTemplate();
    const run = await adapterOf(xl).runAudit();
    if (!run.ok) throw new Error(run.reason.zh);
    const formulas = run.plans.flatMap((plan) =>
      plan.cells.flatMap((row, i) => row.flatMap((cell, j) => (cell !== null && typeof cell === "object" ? [{ sheet: plan.sheet, address: `${columnLetter(plan.startCol + j)}${plan.startRow + i}` }] : []))),
    );
    expect(formulas.length).toBeGreaterThanOrEqual(10);
    const onSheet = formulas.filter((f) => f.sheet === sheet);
    expect(onSheet.length).toBeGreaterThanOrEqual(10);
    for (const f of onSheet) {
      const cell = xl.workbook.sheet(f.sheet).cell(f.address);
      expect([f.address, cell.formula?.startsWith("=")]).toEqual([f.address, true]);
      // computed: a number, or the IFERROR fallback, never the formula's text
      expect([f.address, typeof cell.value === "string" && cell.value.startsWith("=")]).toEqual([f.address, false]);
      expect([f.address, cell.numberFormat === "@"]).toEqual([f.address, false]);
    }
    // and the ratios are numbers where both figures are there
    expect(onSheet.some((f) => typeof xl.workbook.sheet(f.sheet).cell(f.address).value === "number")).toBe(true);
  });
});

const comparison = () => buildComparisonSheet("expenditure", seedDepartments());

function indicators(opts: { userDataRight?: boolean } = {}): MemoryExcel {
  const rows = indicatorTable(12).map((r, i) => (opts.userDataRight ? [...r, null, i === 3 ? "我的备注" : null] : r));
  const xl = createMemoryExcel({ sheets: [{ name: "指标表", values: rows }] });
  xl.workbook.activate("指标表");
  return xl;
}

describe("optional operations fail in a final sync of their own, and the results stand", () => {
  test.each([
    ["freeze panes (GeneralException on some Office 2019 builds)", "freezePanes.freezeAt"],
    ["the chart", "charts.add"],
    ["a note", "notes.add"],
    ["a column width", "format.columnWidth"],
  ])("comparison sheet: %s", async (_what, kind) => {
    const xl = createMemoryExcel({ sheets: ["Sheet1"] });
    const plan = comparison();
    xl.workbook.injectFault({ kind, code: "GeneralException" });
    const report = await adapterOf(xl).writeSheetPlan(plan);
    expect(report.messages.map((m) => m.code)).toContain("optional_formatting_failed");
    expect(report.messages.find((m) => m.code === "optional_formatting_failed")?.text.zh).toContain("结果已全部写入");
    // values, live formulas and the table are there; the record still knows the sheet
    const s = xl.workbook.sheet(plan.sheet);
    expect(s.values("A1:A1")[0][0]).toBe(plan.cells[0][0]);
    expect(Object.keys(s.formulas()).length).toBeGreaterThan(0);
    expect(xl.workbook.getTables(plan.sheet)).toHaveLength(1);
    await adapterOf(xl).clearResults();
    expect(xl.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  test("validate re-run: a note refused because the user put a threaded comment on a result cell; every result stands", async () => {
    const xl = indicators();
    const adapter = adapterOf(xl);
    const first = await adapter.runValidate();
    if (!first.ok) throw new Error(first.reason.zh);
    const noted = first.plan.notes[0]?.cell;
    expect(noted).toBeDefined();
    // the imitation refuses a note there, as Excel does
    xl.workbook.sheet("指标表").addThreadedComment(noted!);
    const again = await adapter.runValidate();
    if (!again.ok) throw new Error(again.reason.zh);
    expect(again.write.messages.map((m) => m.code)).toContain("optional_formatting_failed");
    expect(again.write.messages.find((m) => m.code === "optional_formatting_failed")?.text.en).toContain("InvalidOperation");
    expect(xl.workbook.sheet("指标表").values("F1:F2")).toEqual([["核对·状态"], ["达标"]]);
    // the results of the re-run are all there, the same as the first run's
    expect(xl.workbook.sheet("指标表").values(first.write.owned.split("!")[1])).toEqual(first.plan.cells.map((row) => row.map((c) => (c === null ? "" : typeof c === "object" ? expect.anything() : c))));
  });
});

describe("workbook structure protection (Review → Protect Workbook)", () => {
  test("the imitation refuses to add, delete or rename a sheet with AccessDenied", async () => {
    const xl = createMemoryExcel({ sheets: ["A", "B"] });
    xl.workbook.protectStructure();
    for (const op of [(ctx: Parameters<Parameters<MemoryExcel["run"]>[0]>[0]) => ctx.workbook.worksheets.add("C"), (ctx: Parameters<Parameters<MemoryExcel["run"]>[0]>[0]) => ctx.workbook.worksheets.getItem("B").delete()]) {
      await expect(xl.run(async (ctx) => { op(ctx); await ctx.sync(); })).rejects.toMatchObject({ code: "AccessDenied" });
    }
    expect(xl.workbook.sheetNames()).toEqual(["A", "B"]);
  });

  test("results that need a new sheet: refused before anything is written, with a message", async () => {
    const xl = indicators({ userDataRight: true });
    xl.workbook.protectStructure();
    const before = xl.workbook.snapshot();
    const e = await adapterError(adapterOf(xl).runValidate());
    expect(e.code).toBe("workbook_protected");
    expect(e.text.zh).toContain("保护工作簿");
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("results beside the table need no new sheet: written as usual", async () => {
    const xl = indicators();
    xl.workbook.protectStructure();
    const run = await adapterOf(xl).runValidate();
    expect(run.ok).toBe(true);
  });

  test("a comparison sheet: refused before anything is written", async () => {
    const xl = createMemoryExcel({ sheets: ["Sheet1"] });
    xl.workbook.protectStructure();
    const before = xl.workbook.snapshot();
    expect((await adapterError(adapterOf(xl).writeSheetPlan(comparison()))).code).toBe("workbook_protected");
    expect(xl.workbook.snapshot()).toEqual(before);
  });
});

describe("table names and defined names share one namespace", () => {
  test("the imitation refuses a table name a defined name holds", async () => {
    const xl = createMemoryExcel({ sheets: [{ name: "S", values: [["a", "b"], [1, 2]] }] });
    xl.workbook.addName("支出", "=S!$A$1");
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").tables.add("A1:B2", true).name = "支出";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a comparison sheet whose table name is a defined name takes the next free name and says so", async () => {
    const xl = createMemoryExcel({ sheets: ["Sheet1"] });
    const plan = comparison();
    xl.workbook.addName(plan.table.name, "=Sheet1!$A$1");
    const report = await adapterOf(xl).writeSheetPlan(plan);
    expect(report.tableName).toBe(`${plan.table.name}_2`);
    expect(report.messages.map((m) => m.code)).toContain("table_renamed");
  });
});

describe("merged areas", () => {
  test.each([
    ["part of the area", "B2:B3", true],
    ["a range cutting through it", "A2:B2", true],
    ["the whole area", "B2:C3", false],
    ["a range holding it", "A1:D4", false],
    ["its top-left cell alone", "B2", false],
  ])("writing values over %s (%s) %s", async (_what, address, fails) => {
    const xl = createMemoryExcel({ sheets: ["S"] });
    xl.workbook.sheet("S").merge("B2:C3");
    const rect = address.includes(":") ? address.split(":") : [address, address];
    const rows = Number(rect[1].slice(1)) - Number(rect[0].slice(1)) + 1;
    const cols = rect[1].charCodeAt(0) - rect[0].charCodeAt(0) + 1;
    const write = xl.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange(address).values = Array.from({ length: rows }, () => new Array(cols).fill(1));
      await ctx.sync();
    });
    if (fails) await expect(write).rejects.toMatchObject({ code: "InvalidOperation" });
    else await expect(write).resolves.toBeUndefined();
  });

  test("clearing part of a merged area fails; clearing its formats does not", async () => {
    const xl = createMemoryExcel({ sheets: ["S"] });
    xl.workbook.sheet("S").merge("B2:C3");
    const clear = (applyTo: "All" | "Formats") =>
      xl.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("C3:D3").clear(applyTo);
        await ctx.sync();
      });
    await expect(clear("All")).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(clear("Formats")).resolves.toBeUndefined();
  });
});

describe("several selected areas", () => {
  test("getSelectedRange fails with InvalidSelection in the imitation, as in Excel", async () => {
    const xl = indicators();
    xl.workbook.select("指标表", "A2:A4,C2:C4");
    await expect(
      xl.run(async (ctx) => {
        ctx.workbook.getSelectedRange().load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidSelection" });
  });

  test.each(["runValidate", "runAudit"] as const)("%s on the selection says to select one range, and writes nothing", async (method) => {
    const xl = indicators();
    xl.workbook.select("指标表", "A2:A4,C2:C4");
    const before = xl.workbook.snapshot();
    const run = await adapterOf(xl)[method]({ source: "selection" });
    expect(run.ok).toBe(false);
    if (!run.ok) expect([run.reason.zh, run.reason.en]).toEqual([expect.stringContaining("多个不相连的区域"), expect.stringContaining("several separate areas")]);
    expect(xl.workbook.snapshot()).toEqual(before);
  });
});

describe("malformed formulas", () => {
  test.each(["=SUM(", "=A1+", "=1 +* 2", "=IF(A1,"])("%s fails the sync with InvalidArgument; the operations before it stay applied", async (formula) => {
    const xl = createMemoryExcel({ sheets: ["S"] });
    await expect(
      xl.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [[5]];
        ws.getRange("B1").formulas = [[formula]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(xl.workbook.sheet("S").cell("A1").value).toBe(5);
    expect(xl.workbook.sheet("S").cell("B1").value).toBe("");
  });

  test("a plan with a malformed formula: the write fails, what was written is removed", async () => {
    const xl = indicators();
    const before = xl.workbook.snapshot();
    const plan: WritePlan = {
      sheet: "指标表",
      sourceSheet: "指标表",
      mode: "beside",
      startRow: 1,
      startCol: 7,
      owned: "'指标表'!G1:H3",
      cells: [["核对·甲", "核对·乙"], [1, { formula: "SUM(" }], [2, 3]],
      numberFormats: ["General", "General"],
      headerFill: { fill: "#1F6F78", font: "#FFFFFF" },
      columnWidths: [10, 10],
      fills: [],
      notes: [],
      messages: [],
    } as unknown as WritePlan;
    const e = await adapterError(executePlan(xl, plan));
    expect(e.code).toBe("invalid_argument");
    expect(e.detail.rolledBack).toBe(true);
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("well-formed formulas compute: a comparison sheet shows its ratios as numbers", async () => {
    const xl = createMemoryExcel({ sheets: ["Sheet1"] });
    const plan = comparison();
    await adapterOf(xl).writeSheetPlan(plan);
    const s = xl.workbook.sheet(plan.sheet);
    const values = Object.keys(s.formulas()).map((a) => s.cell(a).value);
    expect(values.length).toBeGreaterThan(0);
    expect(values.filter((v) => typeof v === "number").length).toBeGreaterThan(values.length / 2);
    expect(values.every((v) => v !== "#NAME?" && v !== "#VALUE!")).toBe(true);
  });
});
