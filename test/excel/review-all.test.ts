/**
 * runReviewAll (核对全部工作表) on the in-memory workbook (docs/review.md, "In the add-in"): every
 * sheet with a table or statement checked and written back, a 核对汇总 sheet with a row and a link
 * per sheet, and syncs that grow with the sheets (never the rows): 1, 5 and 20 sheets.
 */
import type { CellValue } from "../../src/core/basics/grid";
import { CORE_TEXT } from "../../src/core/basics/messages";
import { SUMMARY_COLUMNS } from "../../src/core/review";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { createMemoryExcel } from "../../src/memory-excel";
import { departmentForm, projectForm } from "../fixtures/standard-forms";

/** A plain scored table of `n` rows: every third row not met. */
function plainTable(n: number): CellValue[][] {
  const rows: CellValue[][] = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]];
  for (let i = 0; i < n; i++) rows.push(["产出指标", "数量指标", `指标${i + 1}`, "≥100人次", i % 3 === 0 ? "90人次" : "120人次", 5, 5]);
  return rows;
}

const STATEMENT: CellValue[][] = [["单位：万元"], ["项目", "本年数"], ["本年收入合计", 100], ["财政拨款收入", 60], ["其他收入", 30]];

type Init = { name: string; values: CellValue[][]; numberFormats?: (string | null)[][] };

/** `count` sheets cycling through the project form, the department form, a plain table and a statement, plus a notes sheet. */
function sheets(count: number, rows = 20): Init[] {
  const out: Init[] = [{ name: "说明", values: [["本工作簿各工作表为项目自评表。"]] }];
  for (let i = 0; i < count; i++) {
    const k = i % 4;
    const name = `表${i + 1}`;
    if (k === 0) out.push({ name, values: projectForm().values, numberFormats: projectForm().numberFormats });
    else if (k === 1) out.push({ name, values: departmentForm().values, numberFormats: departmentForm().numberFormats });
    else if (k === 2) out.push({ name, values: plainTable(rows) });
    else out.push({ name, values: STATEMENT });
  }
  return out;
}

function setup(count: number, rows?: number) {
  const xl = createMemoryExcel({ sheets: sheets(count, rows) });
  return { xl, adapter: createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported }) };
}

describe("runReviewAll", () => {
  test("checks every table and statement, writes each back and a linked 核对汇总", async () => {
    const { xl, adapter } = setup(4);
    const run = await adapter.runReviewAll();
    expect(run.sheets).toEqual([
      { sheet: "说明", outcome: "text", reason: CORE_TEXT.sheetTextOnly },
      { sheet: "表1", outcome: "checked" },
      { sheet: "表2", outcome: "checked" },
      { sheet: "表3", outcome: "checked" },
      { sheet: "表4", outcome: "checked" },
    ]);
    expect(run.rows.map((r) => [r.sheet, r.kind])).toEqual([
      ["表1", "project"],
      ["表2", "department"],
      ["表3", "plain"],
      ["表4", "statement"],
    ]);
    expect(run.rows[0]).toMatchObject({ computedTotal: 97.96, computedGrade: "优", statedGrade: "优", final: true, year: 2023 });
    expect(run.summarySheet).toBe("核对汇总");
    // each sheet written back as a single check writes it
    expect(xl.workbook.sheet("表3").values("H1:H1")[0][0]).toBe("核对·状态");
    expect(xl.workbook.sheet("表4").values("C2:D2")[0]).toEqual(["核对·占比", "核对·说明"]);
    expect(String(xl.workbook.sheet("表4").values("D3:D3")[0][0])).toMatch(/^B3: 各项之和/);
    // the formatting written in the last sync: notes and the widths of the result columns
    expect(Object.keys(xl.workbook.sheet("表4").notes()).length).toBeGreaterThan(0);
    expect(xl.workbook.sheet("表3").columnWidth("K")).toBeGreaterThan(xl.workbook.sheet("表3").columnWidth("A"));

    const summary = xl.workbook.sheet("核对汇总");
    const header = summary.values(`A1:X1`)[0];
    expect(header).toEqual(SUMMARY_COLUMNS.map((c) => c.header.zh));
    const formulas = summary.formulas();
    expect(formulas.B2).toBe(`=HYPERLINK("#'表1'!A1","表1")`);
    expect(formulas.B5).toBe(`=HYPERLINK("#'表4'!A1","表4")`);
    expect(summary.values("C2:C5").map((r) => r[0])).toEqual(["项目支出绩效自评表", "部门整体支出绩效自评表", "绩效指标表", "收支报表"]);
    expect(summary.values("P2:P2")[0][0]).toBe(97.96);
    // the foot: totals of the count columns
    expect(summary.values("A6:A6")[0][0]).toBe("合计");
    expect(formulas.H6).toBe("=SUBTOTAL(109,H2:H5)");
    // the plain table's not-met rows in their colour
    expect(summary.cell("J4").fill).toBe("#FFC7CE");
    // read as the CLI's summary is: the header frozen, filter buttons over the sheet rows, not the foot
    expect(summary.freeze()).toEqual({ rows: 1, columns: 0 });
    expect(summary.autoFilter()).toBe(`A1:${String.fromCharCode(64 + SUMMARY_COLUMNS.length)}5`);
  });

  test("an Excel without AutoFilter (before ExcelApi 1.9) still gets the summary, header frozen", async () => {
    const xl = createMemoryExcel({ sheets: sheets(2), apiVersion: "1.8" });
    const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
    const run = await adapter.runReviewAll();
    expect(run.summarySheet).toBe("核对汇总");
    const summary = xl.workbook.sheet("核对汇总");
    expect(summary.values("B2:B3").map((r) => r[0])).toEqual(["表1", "表2"]);
    expect(summary.freeze()).toEqual({ rows: 1, columns: 0 });
    expect(summary.autoFilter()).toBeNull();
  });

  test("every sheet is named with what was done with it and why, none skipped silently", async () => {
    const xl = createMemoryExcel({
      sheets: [
        { name: "封面", values: [["2023年度项目支出绩效自评报告"], ["填报单位：某某局"]] },
        { name: "空表", values: [] },
        { name: "人员", values: [["姓名", "年龄"], ["张三", 30], ["李四", 41]] },
        { name: "指标", values: plainTable(3) },
        { name: "旧版", values: plainTable(3), visibility: "Hidden" },
        { name: "收支", values: STATEMENT },
      ],
    });
    const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
    const run = await adapter.runReviewAll();
    const by = Object.fromEntries(run.sheets.map((x) => [x.sheet, x]));
    expect(run.sheets.map((x) => [x.sheet, x.outcome])).toEqual([
      ["封面", "text"],
      ["空表", "empty"],
      ["人员", "none"],
      ["指标", "checked"],
      ["旧版", "hidden"],
      ["收支", "checked"],
    ]);
    // a cover is text only (its year is no figure); a list of names and ages is neither, with both reasons
    expect(by["封面"].reason).toEqual(CORE_TEXT.sheetTextOnly);
    expect(by["人员"].reason?.zh).toMatch(/^不是指标表（前\d+行中未找到指标表表头.*），也不是收支表（这不是收支表：未找到收支项目。/);
    expect(by["人员"].reason?.en).toMatch(/^not an indicator table \(no indicator table header.*\) nor a statement \(No statement here/);
    expect(by["空表"].reason).toEqual(CORE_TEXT.sheetEmpty);
    expect(by["旧版"].reason).toEqual(CORE_TEXT.sheetHidden);
    expect(by["指标"].reason).toBeUndefined();
    // a second run names the add-in's own summary
    const again = await adapter.runReviewAll();
    expect(again.sheets.find((x) => x.sheet === "核对汇总")).toEqual({ sheet: "核对汇总", outcome: "own", reason: CORE_TEXT.sheetOwn });
  });

  test("a second run replaces its own summary and results, adds no sheet", async () => {
    const { xl, adapter } = setup(3);
    await adapter.runReviewAll();
    const names = xl.workbook.sheetNames();
    const again = await adapter.runReviewAll();
    expect(again.summarySheet).toBe("核对汇总");
    expect(xl.workbook.sheetNames()).toEqual(names);
    expect(again.sheets.filter((s) => s.outcome === "own").map((s) => s.sheet)).toEqual(["核对汇总"]);
    // clear results removes the summary too
    await adapter.clearResults();
    expect(xl.workbook.hasSheet("核对汇总")).toBe(false);
  });

  test("a user's sheet named 核对汇总 is left alone", async () => {
    const xl = createMemoryExcel({ sheets: [...sheets(1), { name: "核对汇总", values: [["我的汇总"]] }] });
    const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
    const run = await adapter.runReviewAll();
    expect(run.summarySheet).toBe("核对汇总 (2)");
    expect(xl.workbook.sheet("核对汇总").values("A1:A1")[0][0]).toBe("我的汇总");
  });

  // syncs: 1 for the names, 1 for all the used ranges, one write per checked sheet, one for the
  // summary, and one last for the optional formatting of them all (widths, notes)
  test.each([1, 5, 20])("%i sheets: syncs grow with the sheets, not the rows", async (count) => {
    const small = setup(count, 20);
    const runSmall = await small.adapter.runReviewAll();
    const big = setup(count, 400);
    const runBig = await big.adapter.runReviewAll();
    expect(runSmall.rows).toHaveLength(count);
    expect(runBig.syncs).toBe(runSmall.syncs);
    expect(runSmall.syncs).toBe(2 + count + 1 + 1);
    // the summary: a row per sheet between the header and the foot
    expect(small.xl.workbook.sheet("核对汇总").values(`B2:B${count + 1}`).map((r) => r[0])).toEqual(Array.from({ length: count }, (_, i) => `表${i + 1}`));
  });
});

test("sheets too big to read together are read one by one, and every response stays under the limit", async () => {
  const limit = 200_000;
  const xl = createMemoryExcel({ payloadLimit: limit, sheets: [0, 1, 2].map((i) => ({ name: `大表${i + 1}`, values: plainTable(2500) })) });
  const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported, syncBudget: limit / 2 });
  const run = await adapter.runReviewAll();
  expect(xl.stats.log.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  expect(run.rows.map((r) => [r.sheet, r.rowsChecked])).toEqual([
    ["大表1", 2500],
    ["大表2", 2500],
    ["大表3", 2500],
  ]);
  for (const s of xl.stats.log) if (!s.error) expect(s.responseBytes).toBeLessThanOrEqual(limit);
  expect(xl.workbook.sheet("核对汇总").values("B2:B4").map((r) => r[0])).toEqual(["大表1", "大表2", "大表3"]);
});
