/**
 * Units in statements (docs/statement-audit.md, "Units"): a unit column, a header, a title line
 * and the cell text each give the unit of their rows; a row whose unit disagrees with its siblings
 * while the sum only works in theirs is a magnitude finding on that row.
 */
import fc from "fast-check";
import { CellValue, Grid } from "../../src/core/basics/grid";
import { isUnitColumnHeader, statementUnit, titleLineUnit, unitColumnCell } from "../../src/core/audit/units";
import { audit, pairs } from "./helpers";

/** Guangzhou 2022 (the seed report): 项目支出 605,282.99 written in 亿元, the sum only works in 万元. */
const GZ = { total: 625604.22, basic: 20321.23, project: 605282.99 };

function grid(values: CellValue[][]): Grid {
  return { sheet: "收支表", values };
}

describe("reading a unit", () => {
  test.each([
    ["单位：万元", "万元"],
    ["单位:元", "元"],
    ["金额单位：亿元", "亿元"],
    ["（单位：万元）", "万元"],
    ["单位：人民币万元", "万元"],
    ["编制单位：广州市医疗保障局        单位：万元", "万元"],
    ["编制单位：XX局 金额单位：千元 填报日期：2023年", "千元"],
    ["单位：万", "万元"],
    ["单位：万人", "万人"],
    ["单位万元", "万元"],
  ])("title line %s → %s", (text, unit) => {
    expect(titleLineUnit(text)?.text).toBe(unit);
  });

  test.each([["编制单位：万科物业服务中心"], ["填报单位：元朗办事处"], ["单位名称：某某局"], ["预算单位：万宁市卫健局"], ["收支总表"], [""]])("no unit in %s", (text) => {
    expect(titleLineUnit(text)).toBeNull();
  });

  test.each([
    ["万元", "万元", "money"],
    ["万", "万元", "money"],
    ["亿元", "亿元", "money"],
    ["元", "元", "money"],
    ["千元", "千元", "money"],
    ["人民币元", "元", "money"],
    ["万人", "万人", "persons"],
    ["%", "%", "ratio"],
  ])("unit-column cell %s → %s", (text, unit, family) => {
    const u = unitColumnCell(text);
    expect(u?.text).toBe(unit);
    expect(u?.family).toBe(family);
  });

  test.each([[""], ["—"], ["-"], ["/"], ["无"], ["123"]])("unit-column cell %j says nothing", (text) => {
    expect(unitColumnCell(text)).toBeNull();
  });

  test.each([["单位", true], ["计量单位", true], ["金额单位", true], ["单位：", true], ["单位名称", false], ["项目", false]])("unit column header %s → %s", (text, yes) => {
    expect(isUnitColumnHeader(text)).toBe(yes);
  });

  test.each([["万元", "万元"], ["万", "万元"], ["单位：元", "元"], ["%", null], ["天", null], ["说明", null]])("a header's bracket %s → %s", (text, unit) => {
    expect(statementUnit(text)?.text ?? null).toBe(unit);
  });

  test("the readers never throw on any text", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        titleLineUnit(s);
        unitColumnCell(s);
        statementUnit(s);
        isUnitColumnHeader(s);
      }),
    );
  });
});

describe("a unit column", () => {
  test.each([
    ["between the labels and the figures", ["项目", "单位", "本年数"], (l: string, u: string, v: CellValue) => [l, u, v], "B", "C"],
    ["right of the figures", ["项目", "本年数", "计量单位"], (l: string, u: string, v: CellValue) => [l, v, u], "C", "B"],
    ["without a 项目 header", ["", "金额单位", "决算数"], (l: string, u: string, v: CellValue) => [l, u, v], "B", "C"],
  ])("%s: one row in 亿元 among 万元 rows is the finding, on that row, with the arithmetic", (_name, header, row, unitCol, valueCol) => {
    const g = grid([
      header,
      row("本年支出合计", "万元", GZ.total),
      row("基本支出", "万元", GZ.basic),
      row("项目支出", "亿元", GZ.project),
    ]);
    const { result } = audit(g);
    expect(result.tables[0].unitColumn).toBe(unitCol);
    expect(result.tables[0].labelColumn).toBe("A");
    expect(result.findings).toMatchObject([{ cell: `${valueCol}4`, check: "magnitude", expected: "605,282.99万元", actual: "605,282.99亿元" }]);
    const f = result.findings[0];
    expect(f.message.zh).toContain(`（单位见 ${unitCol}4）`);
    expect(f.message.zh).toContain("20,321.23 + 605,282.99 = 625,604.22万元");
    expect(f.message.en).toContain("20,321.23 + 605,282.99 = 625,604.22万元");
    // the total then agrees: the finding explains the group
    expect(pairs(result.passed)).toContain(`sum@${valueCol}2`);
  });

  test("the worked example of docs/statement-audit.md, word for word", () => {
    const { result } = audit(grid([["项目", "单位", "本年数"], ["本年支出合计", "万元", GZ.total], ["基本支出", "万元", GZ.basic], ["项目支出", "亿元", GZ.project]]));
    expect(result.findings).toEqual([
      {
        sheet: "收支表",
        cell: "C4",
        check: "magnitude",
        severity: "error",
        expected: "605,282.99万元",
        actual: "605,282.99亿元",
        message: {
          zh: "“项目支出”写作 605,282.99亿元（单位见 B4），数量级不对：按 万元 计，20,321.23 + 605,282.99 = 625,604.22万元，与“本年支出合计”相符",
          en: '"项目支出" is written 605,282.99亿元 (unit in B4), off by orders of magnitude: read as 万元, 20,321.23 + 605,282.99 = 625,604.22万元, which agrees with "本年支出合计"',
        },
      },
    ]);
  });

  test("one row in 元 among 万元 rows, the sum works in 万元", () => {
    const { result } = audit(grid([["项目", "单位", "本年数"], ["本年收入合计", "万", 3797.83], ["财政拨款收入", "万", 3795.6], ["其他收入", "元", 2.23]]));
    expect(result.findings).toMatchObject([{ cell: "C4", check: "magnitude", expected: "2.23万元", actual: "2.23元" }]);
  });

  test("every row says 元 but one figure was typed in 万元: the number is the slip", () => {
    const { result } = audit(grid([["项目", "单位", "金额"], ["合计", "元", 6256042200], ["基本支出", "元", 203212300], ["项目支出", "元", 605282.99]]));
    expect(result.findings).toMatchObject([{ cell: "C4", check: "magnitude", expected: "6,052,829,900元", actual: "605,282.99元" }]);
    expect(result.findings[0].message.zh).toContain("203,212,300 + 6,052,829,900 = 6,256,042,200元");
  });

  test("rows in different units that agree once converted are no finding", () => {
    const { result } = audit(grid([["项目", "单位", "本年数"], ["本年支出合计", "万元", GZ.total], ["基本支出", "万元", GZ.basic], ["项目支出", "亿元", 60.528299]]));
    expect(result.findings).toEqual([]);
    expect(pairs(result.passed)).toEqual(["sum@C2"]);
  });

  test("the unit column beats the title line and the header; the cell text beats the unit column", () => {
    const g = grid([
      ["单位：元"],
      ["项目", "单位", "本年数（元）"],
      ["本年支出合计", "万元", 100],
      ["基本支出", "万元", 40],
      ["项目支出", "万元", "600,000元"],
    ]);
    const { result } = audit(g);
    expect(result.findings).toEqual([]);
    expect(pairs(result.passed)).toEqual(["sum@C3"]);
  });

  test("a blank or 「—」 unit cell falls back to the header's unit", () => {
    const { result } = audit(grid([["项目", "单位", "本年数（万元）"], ["本年支出合计", "", GZ.total], ["基本支出", "—", GZ.basic], ["项目支出", "亿元", GZ.project]]));
    expect(pairs(result.findings)).toEqual(["magnitude@C4"]);
  });

  test("a 单位 column holding names of offices is the label column, not units", () => {
    const { result } = audit(grid([["单位", "本年数（万元）"], ["合计", 300], ["市医疗保障局", 100], ["市医疗保险服务中心", 200]]));
    expect(result.tables[0]).toMatchObject({ labelColumn: "A", unit: null });
    expect(result.tables[0].unitColumn).toBeUndefined();
    expect(pairs(result.passed)).toEqual(["sum@B2"]);
  });

  test("a row in % or 人 is not added to money", () => {
    const { result } = audit(grid([["项目", "单位", "本年数"], ["本年支出合计", "万元", 100], ["基本支出", "万元", 40], ["项目支出", "万元", 60], ["预算执行率", "%", 95.5], ["在职人数", "人", 37]]));
    expect(result.findings).toEqual([]);
  });
});

describe("a unit at the end of a label", () => {
  test("项目支出（亿元） among rows in the header's 万元: the finding is on that row", () => {
    const { result } = audit(grid([["项目", "本年数（万元）"], ["本年支出合计", GZ.total], ["基本支出", GZ.basic], ["项目支出（亿元）", GZ.project]]));
    expect(result.findings).toMatchObject([{ cell: "B4", check: "magnitude", expected: "605,282.99万元", actual: "605,282.99亿元" }]);
    expect(result.findings[0].message.zh).toContain("（单位见 A4）");
  });

  test("a label ending in words in brackets keeps the header's unit", () => {
    const { result } = audit(grid([["项目", "本年数（万元）"], ["本年支出合计", 300], ["基本支出（含人员经费）", 100], ["项目支出（草案）", 200]]));
    expect(result.findings).toEqual([]);
    expect(pairs(result.passed)).toEqual(["sum@B2"]);
  });
});

describe("units in headers", () => {
  test.each([["本年数（万元）"], ["本年数(万元)"], ["本年数【万元】"], ["本年数（单位：万元）"], ["本年数（万）"], ["本年数万元"], ["决算数（人民币万元）"]])("%s: one figure written in 亿元 is the finding", (header) => {
    const { result } = audit(grid([["项目", header], ["本年支出合计", GZ.total], ["基本支出", GZ.basic], ["项目支出", "605,282.99亿元"]]));
    expect(result.findings).toMatchObject([{ cell: "B4", check: "magnitude", expected: "605,282.99万元", actual: "605,282.99亿元" }]);
  });

  test("金额(元): a bare figure typed in 万元 among 元 figures", () => {
    const { result } = audit(grid([["项目", "金额(元)"], ["合计", 6256042200], ["基本支出", 203212300], ["项目支出", 605282.99]]));
    expect(result.findings).toMatchObject([{ cell: "B4", check: "magnitude", actual: "605,282.99元" }]);
    expect(result.findings[0].message.zh).toContain("203,212,300 + 6,052,829,900 = 6,256,042,200元");
  });
});

describe("title lines", () => {
  test.each([
    ["单位：万元", "万元"],
    ["金额单位：亿元", "亿元"],
    ["编制单位：广州市医疗保障局    单位：万元", "万元"],
  ])("%s far above the table, in a merged cell with other text", (line, unit) => {
    const g = grid([["2022年度部门收支决算表"], [line], [], [], [], [], [], [], ["项目", "本年数"], ["本年支出合计", 300], ["基本支出", 100], ["项目支出", 200]]);
    const { result } = audit(g);
    expect(result.tables[0].unit).toBe(unit);
    expect(result.passed).toMatchObject([{ cell: "B10", check: "sum", expected: `300${unit}` }]);
  });

  test("the title line's unit applies to every row; a figure written in 亿元 in a 万元 table is the finding", () => {
    const g = grid([["单位：万元", "", ""], ["项目", "本年数", "上年数"], ["本年支出合计", GZ.total, 3], ["基本支出", GZ.basic, 1], ["项目支出", "605,282.99亿元", 2]]);
    const { result } = audit(g);
    expect(pairs(result.findings)).toEqual(["magnitude@B5"]);
  });

  test("a second table keeps the sheet's title line unless it has its own", () => {
    const g = grid([
      ["单位：万元"],
      ["项目", "本年数"],
      ["本年收入合计", 10],
      ["其他收入", 10],
      [],
      [],
      ["项目", "本年数"],
      ["本年支出合计", 5],
      ["基本支出", 5],
      [],
      [],
      ["金额单位：元"],
      ["项目", "本年数"],
      ["本年支出合计", 7],
      ["项目支出", 7],
    ]);
    const { result } = audit(g);
    expect(result.tables.map((t) => t.unit)).toEqual(["万元", "万元", "元"]);
  });
});

describe("units in the cell text", () => {
  test("2.23元 among 万元 rows (title line), the sum only works in 万元", () => {
    const g = grid([["单位：万元"], ["项目", "本年数"], ["本年收入合计", 3797.83], ["财政拨款收入", 3795.6], ["其他收入", "2.23元"]]);
    const { result } = audit(g);
    expect(result.findings).toMatchObject([{ cell: "B5", check: "magnitude", expected: "2.23万元", actual: "2.23元" }]);
    expect(result.findings[0].message.zh).toBe("“其他收入”写作 2.23元，数量级不对：按 万元 计，3,795.6 + 2.23 = 3,797.83万元，与“本年收入合计”相符");
  });
});
