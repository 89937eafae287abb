/** The preview's pieces that need no browser: clipboard text, cell text, the samples, the sheet view. */
import seed from "../../seeds/huizhou-2022.json";
import { SeedSchema } from "../../src/core/seeds/seed-schema";
import { createMemoryExcel } from "../../src/memory-excel";
import { alignmentOf, displayText } from "../../src/preview/cell-text";
import { createPreviewWorkbook } from "../../src/preview/preview-workbook";
import { INDICATOR_SHEET, indicatorSample } from "../../src/preview/sample-indicators";
import { STATEMENT_SHEET, statementSample } from "../../src/preview/sample-statement";
import { inputText, key, sheetView } from "../../src/preview/sheet-view";
import { parseTsv, rectangular, toTsv } from "../../src/preview/tsv";

describe("tab-separated text as Excel copies it", () => {
  test.each([
    ["a\tb\r\nc\td\r\n", [["a", "b"], ["c", "d"]]],
    ["a\tb\nc\td", [["a", "b"], ["c", "d"]]],
    ["one cell", [["one cell"]]],
    ["\tb\t\r\n", [["", "b", ""]]],
    ['"line 1\nline 2"\tx\r\n', [["line 1\nline 2", "x"]]],
    ['"say ""hi"""\t"a\tb"', [['say "hi"', "a\tb"]]],
    ['5" pipe\t"half', [['5" pipe', '"half']]],
    ["", []],
  ])("%j", (text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });

  test("what toTsv writes, parseTsv reads back", () => {
    const rows = [["a", "b\tc"], ['"q"', "line\nbreak"], ["", ""]];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  test("ragged rows are padded with empty cells, which clear", () => {
    expect(rectangular([["a"], ["b", "c", "d"]])).toEqual([["a", "", ""], ["b", "c", "d"]]);
  });
});

describe("what a cell shows", () => {
  test.each([
    [0.9561, "0.00%", "95.61%"],
    [1, "0%", "100%"],
    [3797.83, "#,##0.00", "3,797.83"],
    [-1234567.5, "#,##0.00", "-1,234,567.50"],
    [9.5, "0.00", "9.50"],
    [0.1 + 0.2, undefined, "0.3"],
    [12, "General", "12"],
    [1e12, undefined, "1E+12"],
    [true, undefined, "TRUE"],
    ["text", "0.00", "text"],
    [null, "0.00", ""],
  ])("%p formatted %p shows %p", (value, format, shown) => {
    expect(displayText(value, format)).toBe(shown);
  });

  test("numbers align right, logical values and errors centre, text left", () => {
    expect([alignmentOf(1), alignmentOf(false), alignmentOf("#N/A"), alignmentOf("达标")]).toEqual(["right", "center", "center", "left"]);
  });

  test("a percentage is edited as typed", () => {
    expect(inputText(0.9561, "0.00%")).toBe("95.61%");
    expect(inputText(3797.83, "#,##0.00")).toBe("3797.83");
  });
});

describe("the samples", () => {
  test("the indicator sheet: title, header in row 4, 13 indicators and a 合计 row", () => {
    const sample = indicatorSample();
    expect(sample.name).toBe(INDICATOR_SHEET);
    expect(sample.values[3]).toEqual(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
    expect(sample.values).toHaveLength(4 + 13 + 1);
    expect(sample.values[17][0]).toBe("合计");
    expect(sample.numberFormats[4][4]).toBe("0.00%");
  });

  test("the statement: label | 本年 | 上年 | 占比 in 万元, figures as the report prints them", () => {
    const sample = statementSample(SeedSchema.parse(seed));
    expect(sample.name).toBe(STATEMENT_SHEET);
    expect(sample.values.slice(1, 3)).toEqual([["单位：万元"], ["项目", "本年", "上年", "占比"]]);
    const byLabel = new Map(sample.values.slice(3).map((r) => [r[0], r.slice(1)]));
    expect(byLabel.get("本单位总收入")).toEqual([3797.83, 2854.75, ""]);
    expect(byLabel.get("财政拨款收入")).toEqual([3795.6, 2851.75, 0.9994]);
    // written in 元 in the report: kept as pasted text for the audit to question
    expect(byLabel.get("其他收入")?.[0]).toBe("2.23元");
    // printed wrong in the report (2600.03 / 3803.38 is 68.36%), kept wrong
    expect(byLabel.get("项目支出")).toEqual([2600.03, "", 0.3836]);
  });
});

describe("the grid's view of a sheet", () => {
  test("colours from conditional formats, notes, merged areas and widths", () => {
    const xl = createMemoryExcel({ sheets: [{ name: "S", values: [["标题", ""], ["达标", 0.5]], numberFormats: [[null, null], [null, "0.00%"]] }] });
    const s = xl.workbook.sheet("S");
    s.merge("A1:B1").setNote("A2", "说明").setColumnWidth("B", 60);
    s.addConditionalFormat("A2:A9", { rule: { formula1: '="达标"', operator: "EqualTo" }, fill: "#C6EFCE", fontColor: "#006100" });
    const view = sheetView(xl.workbook, "S");
    expect(view.cells.get(key(1, 1))).toMatchObject({ text: "标题", rowSpan: 1, colSpan: 2 });
    expect(view.covered.has(key(1, 2))).toBe(true);
    expect(view.cells.get(key(2, 1))).toMatchObject({ text: "达标", fill: "#C6EFCE", font: "#006100", note: "说明" });
    expect(view.cells.get(key(2, 2))).toMatchObject({ text: "50.00%", align: "right", input: "50%" });
    expect(view.widths[1]).toBe(80);
    // "达标" runs on to the right only over empty cells: B2 has a value
    expect(view.cells.get(key(2, 1))?.spill).toBeUndefined();
    expect(view.cells.get(key(1, 1))?.spill).toBeUndefined();
    expect(view.rows).toBeGreaterThanOrEqual(40);
  });

  test("typed text is read as Excel reads it, and every change is announced", async () => {
    const book = createPreviewWorkbook();
    book.addSample(indicatorSample());
    let heard = 0;
    book.subscribe(() => heard++);
    await book.enter(INDICATOR_SHEET, 20, 1, [["12%", "'007", "=1+1"], ["3"]]);
    const s = book.xl.workbook.sheet(INDICATOR_SHEET);
    // the formula computes, as in Excel
    expect(s.values("A20:C21")).toEqual([[0.12, "007", 2], [3, "", ""]]);
    expect(s.formulas()).toMatchObject({ C20: "=1+1" });
    // the unit line runs on over the empty cells of its row, up to the edge of the view; a formula stops it
    const view = sheetView(book.xl.workbook, INDICATOR_SHEET);
    expect(view.cells.get(key(2, 1))?.spill).toBe(view.cols - 1);
    expect(view.cells.get(key(20, 2))?.spill).toBeUndefined();
    expect(heard).toBeGreaterThan(0);
  });

  test("the pane's adapter runs on the same workbook, and the grid hears of each batch", async () => {
    const book = createPreviewWorkbook();
    book.addSample(indicatorSample());
    const before = book.version();
    const run = await book.services.adapter.runValidate();
    expect(run.ok).toBe(true);
    expect(book.version()).toBeGreaterThan(before);
    expect(sheetView(book.xl.workbook, INDICATOR_SHEET).cells.get(key(4, 9))?.text).toBe("核对·状态");
  });
});
