/** docs/rules.md §7: the statement checks, one behaviour per test, with the arithmetic in the message. */
import { auditGrid } from "../../src/core/audit";
import { audit, pairs, tableGrid, textGrid } from "./helpers";

const HEADER = ["项目", "本年数（万元）", "占比"];

describe("tolerance: half a unit of the last digit written, n half-units for a sum of n parts", () => {
  test.each([
    ["1203.34 + 2600.03 = 3803.37 agrees with a written 3803.38", [1203.34, 2600.03], 3803.38, []],
    ["two parts off by 0.02 disagree", [1203.34, 2600.03], 3803.39, ["sum@B2"]],
    ["three parts off by 0.01 agree (0.01 < 0.015)", [1, 1, 1.01], 3, []],
    ["three parts off by 0.02 disagree", [1.01, 1.01, 1.01], 3.05, ["sum@B2"]],
    ["a total written to one decimal carries its own half-unit", [0.12, 0.13], 0.3, []],
    ["integers carry half a unit each", [1, 1], 3, []],
    ["integers: two parts off by 2 disagree", [1, 1], 4, ["sum@B2"]],
  ])("%s", (_name, parts, total, expected) => {
    const rows = [["合计", total], ...parts.map((p, i) => [`第${i + 1}项`, p])];
    const { result } = audit(tableGrid(["项目", "金额"], rows));
    expect(pairs(result.findings)).toEqual(expected);
  });

  test("exact decimals: no float artefacts in the arithmetic shown", () => {
    const { result } = audit(tableGrid(["项目", "金额"], [["合计", 0.5], ["甲", 0.1], ["乙", 0.2]]));
    expect(result.findings[0].message.zh).toContain("0.1 + 0.2 = 0.3，填报为 0.5");
    expect(result.findings[0].expected).toBe("0.3");
  });
});

describe("sum", () => {
  test("a 合计 row closes the parts above it", () => {
    const g = tableGrid(["项目", "金额"], [["货物", 167.84], ["工程", 134.94], ["服务", 5148.98], ["合计", 5451.78]]);
    const { result } = audit(g);
    expect(result.findings).toMatchObject([
      { cell: "B5", check: "sum", severity: "error", expected: "5,451.76", actual: "5,451.78" },
    ]);
    expect(result.findings[0].message.zh).toBe("各项之和与“合计”不符：167.84 + 134.94 + 5,148.98 = 5,451.76，填报为 5,451.78（相差 0.02）");
    expect(result.findings[0].message.en).toBe('the parts do not add up to "合计": 167.84 + 134.94 + 5,148.98 = 5,451.76, stated 5,451.78 (off by 0.02)');
    // three rounded parts may be off by 0.01: not a finding
    g.values[4][1] = 5451.77;
    expect(audit(g).result.findings).toEqual([]);
  });

  test("a 合计 row first heads the rows below it", () => {
    const { result } = audit(tableGrid(["项目", "金额"], [["合计", 100], ["甲", 60], ["乙", 30]]));
    expect(pairs(result.findings)).toEqual(["sum@B2"]);
  });

  test("the label hierarchy: income sources make 本年收入合计 (financial appropriation expanded)", () => {
    const g = tableGrid(HEADER, [
      ["本年收入合计", 26336.8],
      ["一般公共预算财政拨款收入", 4368.16],
      ["政府性基金预算财政拨款收入", 466.99],
      ["其他收入", 24988.12],
    ]);
    const { result } = audit(g);
    expect(result.findings).toMatchObject([{ cell: "B2", check: "sum", expected: "29,823.27万元", actual: "26,336.8万元" }]);
  });

  test("a total split two ways (by nature, by economic class) is checked once per split", () => {
    const { result } = audit(
      tableGrid(HEADER, [
        ["本年支出合计", 3803.37],
        ["基本支出", 1203.34],
        ["项目支出", 2600.03],
        ["工资福利支出", 922.78],
        ["商品和服务支出", 1326.76],
        ["对个人和家庭的补助", 1259.28],
        ["资本性支出", 294.55],
      ]),
    );
    expect(result.findings).toEqual([]);
    expect(result.passed.filter((p) => p.check === "sum").map((p) => p.cell)).toEqual(["B2", "B2"]);
  });

  test("其中 rows are parts of the row above, and a partial 其中 list may add up to less", () => {
    const { result } = audit(tableGrid(["项目", "金额"], [["项目支出", 158156.41], ["其中：民生补助资金", 148543.75], ["年末结转和结余", 5.58]]));
    expect(result.findings).toEqual([]);
    expect(pairs(result.passed)).toContain("sum@B2");
  });

  test("indented rows are parts of the row above them", () => {
    const { result } = audit(tableGrid(["项目", "金额"], [["一般公共预算支出", 100], ["　　社会保障和就业支出", 40], ["　　卫生健康支出", 70]]));
    expect(pairs(result.findings)).toEqual(["sum@B2"]);
  });

  test("a carry-over beside the total explains the difference (warning)", () => {
    const { result } = audit(
      textGrid("财政拨款总支出100.00万元，其中一般公共预算支出90.00万元，政府性基金预算支出5.00万元，年末结转和结余资金为5.00万元。"),
    );
    expect(result.findings).toMatchObject([{ cell: "A1", check: "sum", severity: "warning" }]);
    expect(result.findings[0].message.zh).toContain("差额恰等于“年末结转和结余资金”5.00万元");
  });

  test("a balance is income minus expenditure", () => {
    const { result } = audit(textGrid("居民医保基金收入734.38亿元、基金支出706.73亿元，当期结余27.70亿元。"));
    expect(result.findings).toMatchObject([{ check: "sum", expected: "27.65亿元", actual: "27.70亿元" }]);
    expect(result.findings[0].message.zh).toContain("734.38 − 706.73 = 27.65亿元");
  });
});

describe("share", () => {
  test("a stated share is checked to its own precision (0.0587% written 0.1%)", () => {
    const { result } = audit(textGrid("本年收入3797.83万元，其中财政拨款收入3795.60万元，占99.94%；其他收入2.23万元，占0.1%。"));
    expect(result.findings).toEqual([]);
    expect(result.passed.filter((p) => p.check === "share")).toHaveLength(2);
  });

  test("a wrong share shows part ÷ total", () => {
    const { result } = audit(textGrid("本年支出3803.37万元，其中基本支出1203.34万元，占31.64%，项目支出2600.03万元，占38.36%。"));
    expect(result.findings).toMatchObject([{ cell: "A1", check: "share", expected: "68.36%", actual: "38.36%" }]);
    expect(result.findings[0].message.zh).toBe("“项目支出”占比应为 2,600.03万元 ÷ 3,803.37万元（本年支出）= 68.36%，填报为 38.36%");
  });

  test.each([
    ["text percentages", ["31.64%", "68.36%"], undefined],
    ["fractions formatted 0.00%", [0.3164, 0.6836], "0.00%"],
    ["plain fractions", [0.3164, 0.6836], undefined],
    ["percent points under a (%) header", [31.64, 68.36], undefined],
  ])("share columns as %s", (_name, shares, fmt) => {
    const header = _name.startsWith("percent points") ? ["项目", "本年数", "占比（%）"] : ["项目", "本年数", "占比"];
    const g = tableGrid(header, [["本年支出合计", 3803.37, null], ["基本支出", 1203.34, shares[0]], ["项目支出", 2600.03, shares[1]]]);
    if (fmt) g.numberFormats = [[], [], [null, null, fmt], [null, null, fmt]];
    const { result } = audit(g);
    expect(result.findings).toEqual([]);
    expect(pairs(result.passed.filter((p) => p.check === "share"))).toEqual(["share@C3", "share@C4"]);
  });

  test("parts known only by their shares add up to 100%", () => {
    const { result } = audit(textGrid("药品采购金额29.66亿元，其中线上采购占比99.67%、线下采购占比0.43%。"));
    expect(pairs(result.findings)).toEqual(["share@A1"]);
    expect(result.findings[0].message.zh).toContain("99.67 + 0.43 = 100.10%");
  });

  test("an execution rate column is checked against the adjusted budget (or the budget)", () => {
    const g = tableGrid(["项目", "年初预算", "调整预算", "决算数", "执行率"], [["财政拨款支出", 3553.21, 3812.67, 3798.82, "99.64%"], ["基本支出", 1200, null, 1198.79, "99.99%"]]);
    const { result } = audit(g);
    expect(pairs(result.findings)).toEqual(["share@E3"]);
    expect(result.findings[0].message.zh).toContain("1,198.79 ÷ 1,200（预算）= 99.90%");
  });
});

describe("growth and direction", () => {
  test.each([
    ["比上年2854.75万元增加33.04%", []],
    ["比上年2854.75万元增加33.50%", ["growth@A1"]],
    ["比上年2854.75万元减少33.04%", ["direction@A1"]],
    ["比上年2854.75万元增加943.08万元", []],
    ["比上年2854.75万元增加943.10万元", ["growth@A1"]],
    ["比上年2854.75万元减少943.08万元", ["direction@A1"]],
    ["比上年决算数增加943.08万元，增长33.04%", []],
    ["比上年决算数减少943.08万元，下降33.04%", ["growth@A1"]],
  ])("总收入3797.83万元，%s", (tail, expected) => {
    const { result } = audit(textGrid(`本单位总收入为3,797.83万元，${tail}。`));
    expect(pairs(result.findings)).toEqual(expected);
  });

  test("a growth that agrees within its written precision is not a finding (33.3050% written 33.31%)", () => {
    const { result } = audit(textGrid("财政拨款支出3798.82万元，比上年2849.72万元增加33.31%。"));
    expect(result.findings).toEqual([]);
  });

  test("the direction message names both the arithmetic and the word", () => {
    const { result } = audit(textGrid("本年财政预算3553.21万元，与上年1473.08万元相比减少2080.13万元。"));
    expect(result.findings).toMatchObject([{ check: "direction", expected: "增加", actual: "减少" }]);
    expect(result.findings[0].message.zh).toBe("“本年财政预算”增减方向不符：3,553.21万元 − 1,473.08万元 = 2,080.13万元，应为“增加”，文中写作“减少”");
  });

  test("table columns: this year, last year and a signed growth rate; year headers", () => {
    const g = tableGrid(["项目", "2023年", "2022年", "增减率"], [["资产总额", 245.07, 97.53, "151.28%"], ["负债总额", 0.13, 4.81, "97.30%"]]);
    const { result } = audit(g);
    expect(pairs(result.findings)).toEqual(["direction@D3"]);
    expect(result.tables[0].columns).toEqual({ current: "B", prior: "C", growth: "D" });
  });

  test("an ambiguous 比上年增减 column holding amounts is read as the change", () => {
    const g = tableGrid(["项目", "本年数", "上年数", "比上年增减"], [["资产总额", 245.07, 97.53, 147.54], ["负债总额", 0.13, 4.81, -4.68]]);
    const { result } = audit(g);
    expect(result.tables[0].columns).toMatchObject({ change: "D" });
    expect(result.findings).toEqual([]);
  });
});

describe("magnitude", () => {
  test("亿元 written where 万元 was meant", () => {
    const { result } = audit(textGrid("支出方面，部门本年支出合计为625,604.22万元，具体为：基本支出20,321.23万元，占比3.25%；项目支出605,282.99亿元，占比96.75%。"));
    expect(result.findings).toMatchObject([{ cell: "A1", check: "magnitude", severity: "error", expected: "605,282.99万元", actual: "605,282.99亿元" }]);
    expect(result.findings[0].message.zh).toBe(
      "“项目支出”写作 605,282.99亿元，数量级不对：按 万元 计，20,321.23 + 605,282.99 = 625,604.22万元，与“部门本年支出合计”相符",
    );
    // the shares are read with the corrected unit: no cascade of share findings
    expect(result.passed.filter((p) => p.check === "share")).toHaveLength(2);
  });

  test("a bare number typed in 元 in a 万元 column", () => {
    const g = tableGrid(HEADER, [["本年收入合计", 3797.83], ["财政拨款收入", 3795.6], ["其他收入", 22300]]);
    const { result } = audit(g);
    expect(result.findings).toMatchObject([{ cell: "B4", check: "magnitude", expected: "2.23万元" }]);
  });

  test("a part larger than its total", () => {
    const { result } = audit(textGrid("预留政府采购金额1,289.85万元，其中面向中小企业预留1,569.85万元。"));
    expect(pairs(result.findings)).toEqual(["magnitude@A1", "sum@A1"]);
    expect(result.findings.find((f) => f.check === "magnitude")?.message.zh).toBe("“面向中小企业预留”1,569.85万元 大于其所属总数“预留政府采购金额”1,289.85万元");
  });

  test("leaving a part out is not read as a unit slip", () => {
    const { result } = audit(tableGrid(["项目", "金额"], [["甲", 1000], ["乙", 500], ["丙", 500], ["合计", 1500]]));
    expect(pairs(result.findings)).toEqual(["sum@B5"]);
  });
});

describe("duplicate", () => {
  test("one label with two values", () => {
    const { result } = audit(textGrid("调整预算数为3810.44万元。", "年初财政预算3553.21万元，调整预算数3812.67万元。"));
    expect(result.findings).toMatchObject([{ cell: "A2", check: "duplicate", severity: "error", expected: "3,810.44万元", actual: "3,812.67万元" }]);
  });

  test("a last-digit slip is a warning; agreement within precision is not a finding", () => {
    const slip = audit(textGrid("本单位总支出3803.38万元。", "本年支出3803.37万元。")).result;
    expect(slip.findings).toMatchObject([{ check: "duplicate", severity: "warning" }]);
    const ok = audit(textGrid("本单位总支出3803.4万元。", "本年支出3803.37万元。")).result;
    expect(ok.findings).toEqual([]);
  });

  test("the same label under different totals is not a duplicate", () => {
    const { result } = audit(
      textGrid("本年支出3803.37万元，其中基本支出1203.34万元，项目支出2600.03万元。", "本年财政拨款支出3798.82万元，其中基本支出1198.79万元，项目支出2600.03万元。"),
    );
    expect(result.findings).toEqual([]);
  });

  test("labels that only mention a known label (涉及一般公共预算支出) are not compared", () => {
    const { result } = audit(textGrid("财政拨款支出100万元，其中一般公共预算支出100万元。", "涉及一般公共预算支出3.25万元。"));
    expect(result.findings).toEqual([]);
  });
});

describe("score", () => {
  test("sub-scores add up to the total score", () => {
    const { result } = audit(textGrid("自评总分90.91分，其中履职效能49.99分、管理效率40.92分。"));
    expect(result.findings).toEqual([]);
    expect(pairs(result.passed)).toEqual(["score@A1"]);
  });

  test("numbered paragraphs under 如下 are the parts", () => {
    const { result } = audit(textGrid("评价得分为99.7分。具体如下：", "1.预算编制情况得分23分；", "2.预算执行情况得分41.7分；", "3.预算使用效益得分38分。", "其他情况说明。"));
    // 23 and 38 are written to the unit: ±0.5 each, so 102.7 against 99.7 is a finding, 100.7 would not be
    expect(result.findings).toMatchObject([{ cell: "A1", check: "score", expected: "102.7分", actual: "99.7分" }]);
  });

  test("a score table with 总分", () => {
    const { result } = audit(tableGrid(["评价内容", "得分"], [["预算编制", 23], ["预算执行", 41.7], ["预算使用效益", 35], ["总分", 97.7]]));
    expect(pairs(result.findings)).toEqual(["score@B5"]);
  });
});

describe("finding the statement", () => {
  test("a title line 单位：万元 gives the table's unit; (万元) in a header gives the column's", () => {
    const { result } = audit({ sheet: "s", values: [["收入支出表"], ["单位：万元"], ["项目", "本年数"], ["本年收入合计", 10], ["其他收入", 10]] });
    expect(result.tables).toEqual([{ headerRow: 3, firstRow: 4, lastRow: 5, labelColumn: "A", columns: { current: "B" }, unit: "万元" }]);
  });

  test("columns the add-in wrote are not read", () => {
    const g = tableGrid(["项目", "本年数", "占比", "核对·占比", "核对·说明"], [["本年支出合计", 100, null, null, ""], ["基本支出", 30, "30%", 0.3, "B3: 旧的说明 999万元"], ["项目支出", 70, "70%", 0.7, ""]]);
    const { result, plans } = audit(g);
    expect(result.findings).toEqual([]);
    expect(result.textCells).toEqual([]);
    expect(plans[0]).toMatchObject({ mode: "beside", startCol: 4 });
  });

  test("no statement: says what was looked for", () => {
    const out = auditGrid({ sheet: "s", values: [["姓名", "电话"], ["张三", "123"]] });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.reason.zh).toContain("本年/本年数/决算数/金额");
      expect(out.reason.en).toContain("No statement here");
    }
  });
});

describe("magnitude among siblings", () => {
  test("one part in 元 among parts in 万元, when the sum cannot tell", () => {
    const { result } = audit(textGrid("节省费用10.43亿元，其中：甲节省1.48亿元、乙节省4.94亿元、丙节省4.01元。"));
    expect(result.findings).toMatchObject([{ cell: "A1", check: "magnitude", severity: "error", expected: "4.01亿元", actual: "4.01元" }]);
  });
});
