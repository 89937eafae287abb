/**
 * The own department from a label/value sheet: labels with units in brackets, a unit column, units
 * in the value or its number format, all converted exactly to the catalog's units.
 */
import { CellValue, Grid } from "../../src/core/basics/grid";
import { buildComparisonSheet, computeRatios, ownDepartmentFromGrid, seedDepartments } from "../../src/core/compare";

function grid(values: CellValue[][], numberFormats?: (string | null)[][]): Grid {
  return { sheet: "本单位", values, ...(numberFormats ? { numberFormats } : {}) };
}

describe("ownDepartmentFromGrid", () => {
  test.each([
    ["unit in the label", [["总支出（万元）", 26336.8]], 26336.8],
    ["unit in the label, 单位： form", [["总支出(单位：亿元)", 2.63368]], 26336.8],
    ["unit column", [["总支出", "26,336.80", "万元"]], 26336.8],
    ["unit in the value, full-width comma", [["本年支出合计", "26，336.8万元"]], 26336.8],
    ["yuan in the value", [["总支出", "263,368,000元"]], 26336.8],
    ["no unit: the catalog's unit, said so", [["总支出", 26336.8]], 26336.8],
    ["numbering and 其中 stripped", [["1.其中：总支出", "26336.8万元"]], 26336.8],
  ] as const)("%s", (_name, rows, want) => {
    const r = ownDepartmentFromGrid(grid(rows.map((x) => [...x])));
    expect(r.department?.figures.total_expenditure?.value).toBe(want);
    const assumed = r.messages.some((m) => m.code === "own_unit_assumed");
    expect(assumed).toBe(_name.startsWith("no unit"));
  });

  test.each<[string, CellValue[][], number, number]>([
    ["a title line 单位：万元 over the figures", [["本单位收支情况"], ["单位：万元"], ["总支出", 2633.68], ["基本支出", 1000], ["项目支出", 1633.68]], 2633.68, 0],
    ["a title line 单位：亿元 converts", [["金额单位：亿元"], ["总支出", 0.263368], ["基本支出", 0.1], ["项目支出", 0.163368]], 2633.68, 0],
    ["单位 | 万元 in two cells", [["单位", "万元"], ["总支出", 2633.68], ["基本支出", 1000], ["项目支出", 1633.68]], 2633.68, 0],
    ["labels naming the department: 本单位总支出, 我局基本支出", [["单位：万元"], ["本单位总支出", 2633.68], ["我局基本支出", 1000], ["本部门项目支出", 1633.68]], 2633.68, 0],
    ["no unit anywhere: the catalog's unit, said for each figure", [["总支出", 2633.68], ["基本支出", 1000], ["项目支出", 1633.68]], 2633.68, 3],
  ])("%s", (_name, rows, total, assumed) => {
    const r = ownDepartmentFromGrid(grid(rows));
    expect(r.department?.figures.total_expenditure?.value).toBe(total);
    expect(r.department?.figures.basic_expenditure?.value).toBe(1000);
    expect(r.messages.filter((m) => m.code === "own_unit_assumed")).toHaveLength(assumed);
  });

  test("the note of a figure whose unit came from the title line says where", () => {
    const r = ownDepartmentFromGrid(grid([["本单位收支情况"], ["单位：万元"], ["总支出", 2633.68]]));
    const dept = r.department;
    if (!dept) throw new Error("no department");
    expect(dept.figures.total_expenditure?.unitFrom).toBe("A2“单位：万元”");
    const plan = buildComparisonSheet("expenditure", [dept]);
    expect(plan.notes.find((n) => n.cell === "B5")?.text).toContain("单位按A2“单位：万元”");
  });

  test("a money title line says nothing of persons or rates: they keep their own reading", () => {
    const r = ownDepartmentFromGrid(grid([["单位：万元"], ["总支出", 2633.68], ["参保人数", 404.54], ["参保率", "98.42%"]]));
    expect(r.department?.figures.total_expenditure?.value).toBe(2633.68);
    expect(r.department?.figures.insured_persons?.value).toBe(404.54);
    expect(r.department?.figures.insurance_coverage_rate?.value).toBe(98.42);
    expect(r.messages.filter((m) => m.code === "own_unit_assumed").map((m) => m.cell)).toEqual(["B3"]);
  });

  test("编制单位：XX局 is the office, not a unit", () => {
    const r = ownDepartmentFromGrid(grid([["编制单位：示例局"], ["总支出", 2633.68]]));
    expect(r.messages.filter((m) => m.code === "own_unit_assumed")).toHaveLength(1);
  });

  test("a number format carrying the unit, a percent-formatted share, persons in 万人", () => {
    const r = ownDepartmentFromGrid(
      grid(
        [
          ["基金收入", 93.33],
          ["参保率", 0.9842],
          ["参保人数", "404.54万人"],
          ["检查机构数", "1,923家"],
        ],
        [
          [null, '0.00"亿元"'],
          [null, "0.00%"],
          [null, null],
          [null, null],
        ],
      ),
    );
    const f = r.department?.figures;
    expect(f?.fund_income?.value).toBe(933300);
    expect(f?.insurance_coverage_rate?.value).toBe(98.42);
    expect(f?.insured_persons?.value).toBe(4045400);
    expect(f?.institutions_inspected?.value).toBe(1923);
    expect(r.read.map((x) => x.cell)).toEqual(["B1", "B2", "B3", "B4"]);
  });

  test("name and year rows make the header; the source names the sheet and cell", () => {
    const r = ownDepartmentFromGrid(grid([["单位名称", "示例市医疗保障局"], ["年度", "2023年"], [null, null], ["项目", "数值", "单位"], ["自评得分", 95.5, "分"], ["等级", "优"]]));
    const d = r.department;
    expect(d).toMatchObject({ id: "own", own: true, name: "示例市医疗保障局", shortName: "示例（本单位）", year: 2023 });
    expect(d?.figures.self_eval_score).toMatchObject({ value: 95.5, source: { document: "工作表“本单位”", section: "B5" } });
    expect(d?.figures.self_eval_grade?.text).toBe("优");
    expect(d?.missing).toContain("total_expenditure");
  });

  test("a unit of another family is a message with the cell, and the figure stays missing", () => {
    const r = ownDepartmentFromGrid(grid([["总支出", "300万人"], ["基本支出", 10]]));
    expect(r.department?.figures.total_expenditure).toBeUndefined();
    expect(r.department?.missing).toContain("total_expenditure");
    expect(r.messages.find((m) => m.code === "own_unreadable")?.cell).toBe("B1");
  });

  test("— means not given; the same label twice with different values keeps the first and says so", () => {
    const r = ownDepartmentFromGrid(grid([["项目支出", "—"], ["基本支出", 10], ["基本支出", 12]]));
    expect(r.department?.figures.project_expenditure).toBeUndefined();
    expect(r.department?.missingNotes.project_expenditure).toContain("B1");
    expect(r.department?.figures.basic_expenditure).toMatchObject({ value: 10, conflict: true, alternatives: [{ value: 12, section: "B3" }] });
    expect(r.messages.map((m) => m.code)).toContain("own_conflict");
  });

  test("a sheet without known labels gives no department and says what it looked for", () => {
    const r = ownDepartmentFromGrid(grid([["foo", 1], ["bar", 2]]));
    expect(r.department).toBeNull();
    expect(r.messages[0].code).toBe("own_nothing_found");
  });

  test("joins the comparison first; its ratios are computed like the seeds'", () => {
    const own = ownDepartmentFromGrid(grid([["总支出（万元）", 1000], ["基本支出（万元）", 250.25], ["项目支出（万元）", 749.75]])).department;
    if (!own) throw new Error("expected a department");
    const plan = buildComparisonSheet("expenditure", [own, ...seedDepartments().slice(0, 2)]);
    expect(plan.cells[3]).toEqual(["指标（单位）", "本单位", "广东 2023", "广州 2022"]);
    expect(plan.columns[0].own).toBe(true);
    expect(plan.styles.some((s) => s.range === "B5:B11" && s.fill)).toBe(true);
    expect(computeRatios("expenditure", own)).toMatchObject({ basic_share: 0.25025, project_share: 0.74975 });
  });
});

describe("a statement laid out as a table (项目 | 本年数 | 上年数 | 增长率 | 占比), read as the audit reads it", () => {
  // samples/statement-sample.xlsx: 单位：万元, 其他收入 written as 2.23元, shares in a 占比 column, a budget block below
  const sheet = grid(
    [
      ["惠州市医疗保障局2022年度收入支出情况（示例）"],
      ["单位：万元"],
      [null],
      ["项目", "本年数", "上年数", "增长率", "占比"],
      ["本年收入合计", 3797.83, 2854.75, "33.04%", null],
      ["　财政拨款收入", 3795.6, 2851.75, "33.10%", 0.9994],
      ["　其他收入", "2.23元", null, null, "0.1%"],
      [null],
      ["预算执行情况（单位：万元）"],
      ["项目", "年初预算", "调整预算", "决算数"],
      ["财政拨款支出", 3553.21, 3812.67, 3798.82],
    ],
    [[], [], [], [], [null, null, null, null, "0.00%"], [null, null, null, null, "0.00%"], [null, null, null, null, "0.00%"]],
  );
  const r = ownDepartmentFromGrid(sheet);
  const f = r.department?.figures;

  test("2.23元 is read in 万元 where 3,795.60 + 2.23 = 3,797.83 agrees, with the reading noted", () => {
    expect(f?.other_income?.value).toBe(2.23);
    expect(f?.other_income?.reading).toEqual({ asWritten: "2.23元", unitRead: "万元", isTotal: false });
  });

  test("the 占比 column is read: E6 holds 99.94%, so the share is not said to be missing", () => {
    expect(f?.fiscal_appropriation_income_share?.value).toBe(99.94);
    expect(f?.fiscal_appropriation_income_share?.source.section).toBe("E6");
    expect(r.department?.missing).not.toContain("fiscal_appropriation_income_share");
  });

  test("a header row (项目 | 年初预算 | 调整预算) is not a figure that cannot be read", () => {
    expect(r.messages.filter((m) => m.code === "own_unreadable")).toEqual([]);
  });
});
