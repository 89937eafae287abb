/**
 * 生成自评报告 on the in-memory workbook (docs/report.md): the report written into a new sheet
 * 自评报告 through the adapter — one paragraph per row, wrapped, figures as numbers with their
 * source cell beside them, the sheet activated — replaced on a re-run, removed by "clear results",
 * and the user's own sheet of that name left alone.
 */
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { createMemoryExcel } from "../../src/memory-excel";
import { allFigures, paragraphText, reportParagraphs } from "../../src/core/report";
import { departmentForm, projectForm } from "../fixtures/standard-forms";
import reportTables from "../fixtures/report-tables.json";
import type { CellValue } from "../../src/core/basics/grid";

function setup(extra: { name: string; values: CellValue[][] }[] = []) {
  const xl = createMemoryExcel({
    sheets: [
      { name: "项目表", values: projectForm().values, numberFormats: projectForm().numberFormats },
      { name: "部门表", values: departmentForm().values, numberFormats: departmentForm().numberFormats },
      { name: "暂定表", values: reportTables.tables[0].values as CellValue[][] },
      ...extra,
    ],
  });
  return { xl, adapter: createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported }) };
}

const column = (rows: CellValue[][], i: number) => rows.map((r) => r[i]);

describe("writeReport", () => {
  test("the project form's report: a new sheet, one paragraph per row, figures with their cells, activated", async () => {
    const { xl, adapter } = setup();
    const run = await adapter.writeReport({ sheet: "项目表" });
    if (!run.ok) throw new Error(run.reason.en);
    expect(run.write.sheet).toBe("自评报告");
    expect(xl.workbook.activeSheet()).toBe("自评报告");
    const sheet = xl.workbook.sheet("自评报告");
    const used = sheet.usedRange();
    expect(used).toMatch(/^A1:C\d+$/);
    const last = Number(/\d+$/.exec(used as string)?.[0]);
    const rows = sheet.values(`A1:C${last}`);
    expect(rows[0]).toEqual(["自评报告（草稿）", "数值", "来源"]);
    expect(rows[1][0]).toBe(run.report.title);
    const texts = column(rows, 0).map(String);
    // every paragraph of the report is one row
    for (const { paragraph } of reportParagraphs(run.report)) expect(texts).toContain(paragraphText(paragraph));
    // the figures beside: the total and the budget's executed amount as numbers with their source
    const executed = rows.find((r) => String(r[0]).trim() === "全年执行数");
    expect(executed?.slice(1)).toEqual([396546.47, "'项目表'!E6"]);
    const rate = rows.find((r) => String(r[0]).trim() === "预算执行率（%）");
    expect(rate?.[1]).toBe(99.6);
    expect(String(rate?.[2])).toMatch(/^由E6、D6计算$/);
    // one number per figure of the paragraphs, and each table row's score
    const paragraphFigures = reportParagraphs(run.report).flatMap(({ paragraph }) => paragraph.segments.filter((x) => x.kind === "figure")).length;
    const points = allFigures(run.report).length - paragraphFigures - run.report.sections.flatMap((x) => x.table?.rows ?? []).filter((r) => r.score).length;
    expect(rows.filter((r) => typeof r[1] === "number").length).toBe(allFigures(run.report).length - points);
    // wrapped paragraphs at print width
    expect(sheet.cell("A5").wrapText).toBe(true);
    expect(sheet.columnWidth("A")).toBeGreaterThan(sheet.columnWidth("B") * 3);
    // placeholders stand out
    const placeholderRow = texts.findIndex((t) => t.startsWith("【请填写：")) + 1;
    expect(sheet.cell(`A${placeholderRow}`).fill).toBe("#FFF2CC");
    // the checked sheet is not touched
    expect(xl.workbook.sheet("项目表").values("A1:I1")[0][0]).toBe("项目支出绩效自评表");
    expect(xl.workbook.sheet("项目表").values("A1:I18")).toEqual(createMemoryExcel({ sheets: [{ name: "x", values: projectForm().values }] }).workbook.sheet("x").values("A1:I18"));
  });

  test("a re-run replaces the report; clear results removes it", async () => {
    const { xl, adapter } = setup();
    const first = await adapter.writeReport({ sheet: "项目表" });
    expect(first.ok).toBe(true);
    const second = await adapter.writeReport({ sheet: "部门表" });
    if (!second.ok) throw new Error(second.reason.en);
    expect(second.write.sheet).toBe("自评报告");
    expect(xl.workbook.sheetNames().filter((n) => n.startsWith("自评报告"))).toEqual(["自评报告"]);
    expect(String(xl.workbook.sheet("自评报告").values("A2:A2")[0][0])).toContain("部门整体支出绩效自评报告");
    await adapter.clearResults();
    expect(xl.workbook.hasSheet("自评报告")).toBe(false);
  });

  test("a user's sheet named 自评报告 is left alone: the report goes to 自评报告 (2)", async () => {
    const { xl, adapter } = setup([{ name: "自评报告", values: [["我的报告"]] }]);
    const run = await adapter.writeReport({ sheet: "部门表" });
    if (!run.ok) throw new Error(run.reason.en);
    expect(run.write.sheet).toBe("自评报告 (2)");
    expect(xl.workbook.sheet("自评报告").values("A1:A1")[0][0]).toBe("我的报告");
  });

  test("a provisional table: the sheet says the grade is pending, never 优 as ours", async () => {
    const { xl, adapter } = setup();
    const run = await adapter.writeReport({ sheet: "暂定表" });
    if (!run.ok) throw new Error(run.reason.en);
    const sheet = xl.workbook.sheet("自评报告");
    const text = column(sheet.values(sheet.usedRange() as string), 0).join("\n");
    expect(text).toContain("自评等级待定");
    expect(text.replace(/表中填写的自评等级为“优”/g, "")).not.toMatch(/等级为“优”/);
    const pending = sheet.values(sheet.usedRange() as string).find((r) => String(r[0]).startsWith("“参保群众满意度”"));
    expect(pending?.[1]).toBe("待定");
  });

  test("a sheet with no indicator table: a reason, nothing written", async () => {
    const { xl, adapter } = setup([{ name: "说明", values: [["本工作簿说明"]] }]);
    const run = await adapter.writeReport({ sheet: "说明" });
    expect(run.ok).toBe(false);
    expect(xl.workbook.hasSheet("自评报告")).toBe(false);
  });

  test("peers join the comparison section when asked for", async () => {
    const { adapter } = setup();
    const run = await adapter.writeReport({ sheet: "部门表", peers: ["huizhou-2022"] });
    if (!run.ok) throw new Error(run.reason.en);
    expect(allFigures(run.report).some((f) => f.ref === "peers.huizhou-2022.self_eval_score" && f.value === 99.7)).toBe(true);
  });
});
