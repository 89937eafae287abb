/** One severity model (docs/rules.md, "Severity: harm decides"): overstated → error, understated → warning, rounding → info. */
import { CellValue } from "../../src/core/basics/grid";
import { Message } from "../../src/core/basics/messages";
import { SEVERITY_RANK, sortBySeverity, statedFigureSeverity, statedRankSeverity, writtenDecimals } from "../../src/core/basics/severity";
import { projectForm } from "../fixtures/standard-forms";
import { reviewWorkbook } from "../../src/core/review";
import { SCORED_HEADER, grid, scoredRow, validate } from "./helpers";

describe("statedFigureSeverity: a stated figure against the computed one", () => {
  test.each([
    // [what, stated, computed, tolerance, decimals, severity]
    ["a row score overstated (10 vs 9.17)", 10, 9.17, 0.01, 0, "error"],
    ["a row score understated (8 vs 9.17)", 8, 9.17, 0.01, 0, "warning"],
    ["a row score rounded to one decimal (9.2 vs 9.17)", 9.2, 9.17, 0.01, 1, "info"],
    ["a row score equal", 9.17, 9.17, 0.01, 2, null],
    ["a total overstated (99.5 vs 97.77)", 99.5, 97.77, 0.01, 1, "error"],
    ["a total understated (95 vs 97.77)", 95, 97.77, 0.01, 0, "warning"],
    ["a total rounded to a whole number (98 vs 97.77)", 98, 97.77, 0.01, 0, "info"],
    ["a rate overstated in percent (99.5 vs 98.5)", 99.5, 98.5, 0.005, 1, "error"],
    ["a rate understated in percent (97.5 vs 98.5)", 97.5, 98.5, 0.005, 1, "warning"],
    ["a rate cut, not rounded, to its precision (92.46 vs 92.467)", 92.46, 92.467, 0.005, 2, "info"],
    ["a rate rounded to its precision (92.47 vs 92.467)", 92.47, 92.467, 0.005, 2, null],
  ] as const)("%s", (_what, stated, computed, tolerance, decimals, severity) => {
    expect(statedFigureSeverity(stated, computed, { tolerance, decimals })).toBe(severity);
  });
});

describe("statedRankSeverity: a stated grade (rank 0 the best) against the computed one", () => {
  test.each([
    ["优 stated, 良 computed: overstated", 0, 1, "error"],
    ["中 stated, 良 computed: understated", 2, 1, "warning"],
    ["the same grade", 1, 1, null],
  ] as const)("%s", (_what, stated, computed, severity) => {
    expect(statedRankSeverity(stated, computed)).toBe(severity);
  });
});

test("writtenDecimals reads the shortest form, capped by the number format", () => {
  expect([writtenDecimals(9.17), writtenDecimals(10), writtenDecimals(0.9246, "0.00%"), writtenDecimals(97.7666, "0.00")]).toEqual([2, 0, 2, 2]);
});

test("sortBySeverity puts errors first and keeps the order within one severity", () => {
  const items = [
    { severity: "info" as const, k: 1 },
    { severity: "warning" as const, k: 2 },
    { severity: "error" as const, k: 3 },
    { severity: "warning" as const, k: 4 },
  ];
  expect(sortBySeverity(items).map((x) => x.k)).toEqual([3, 2, 4, 1]);
  expect(SEVERITY_RANK.error).toBeLessThan(SEVERITY_RANK.info);
});

function severityOf(messages: Message[], code: string): string | undefined {
  return messages.find((m) => m.code === code)?.severity;
}

describe("rows: the severity of a stated score follows its direction", () => {
  // 投诉率 ≤5%, actual 5.5%: (1 − 0.5/5) × 10 = 9; ≥1000 人, 920: 0.92 × 10 = 9.2
  test.each([
    ["overstated score", scoredRow("产出指标", "培训人数", "≥1000人", "920人", 10, 10, "天气原因"), "score_differs", "error"],
    ["understated score", scoredRow("产出指标", "培训人数", "≥1000人", "920人", 10, 8, "天气原因"), "score_differs", "warning"],
    ["score above its points", scoredRow("产出指标", "培训人数", "≥1000人", "1000人", 10, 12), "score_over_points", "error"],
    ["qualitative score above its band", scoredRow("效益指标", "群众获得感", "明显提升", "部分达成", 10, 10, "个别地区"), "score_out_of_band", "error"],
    ["qualitative score below its band", scoredRow("效益指标", "群众获得感", "明显提升", "达成", 10, 5), "score_out_of_band", "warning"],
    ["not met with no reason", scoredRow("产出指标", "培训人数", "≥1000人", "920人", 10, 9.2, ""), "not_met", "warning"],
    ["not met with its reason", scoredRow("产出指标", "培训人数", "≥1000人", "920人", 10, 9.2, "受天气影响"), "not_met", "info"],
    ["over-achieved", scoredRow("产出指标", "培训人数", "≥1000人", "1500人", 10, 10), "over_achieved", "info"],
    ["a qualitative row with a blank score", scoredRow("效益指标", "群众获得感", "明显提升", "达成", 10, null), "qualitative_no_score", "error"],
  ] as const)("%s", (_what, row, code, severity) => {
    const { result } = validate(grid([SCORED_HEADER, row as unknown as CellValue[], scoredRow("产出指标", "其他", "≥1", "1", 10, 10)]));
    expect(severityOf(result.rows[0].messages, code)).toBe(severity);
  });
});

/** The Guangdong project form with the stated figures changed. */
function falsified(edit: (v: CellValue[][]) => void) {
  const f = projectForm();
  edit(f.values);
  return validate(grid(f.values, { numberFormats: f.numberFormats })).result;
}

describe("a falsified form shows its errors", () => {
  test.each([
    ["stated total above the computed 97.96", (v: CellValue[][]): void => { v[17][7] = 99.5; }, "stated_total", "error"],
    ["stated total below it", (v: CellValue[][]): void => { v[17][7] = 95; }, "stated_total", "warning"],
    ["a whole-number total is not rounding (98 for 97.96)", (v: CellValue[][]): void => { v[17][7] = 98; }, "stated_total", "error"],
    ["stated total cut to one decimal", (v: CellValue[][]): void => { v[17][7] = 97.9; }, "stated_total", "info"],
    ["stated 执行率 above the computed 99.60%", (v: CellValue[][]): void => { v[5][6] = 0.9995; }, "budget_rate_differs", "error"],
    ["stated 执行率 below it", (v: CellValue[][]): void => { v[5][6] = 0.985; }, "budget_rate_differs", "warning"],
    ["stated budget score above the computed 9.96", (v: CellValue[][]): void => { v[5][7] = 10; }, "budget_score_differs", "error"],
    ["stated grade above the computed one", (v: CellValue[][]): void => { v[16][5] = 0; v[16][7] = 0; v[17][7] = 87.96; }, "stated_grade_differs", "error"],
  ] as Array<[string, (v: CellValue[][]) => void, string, string]>)("%s", (_what, edit, code, severity) => {
    const r = falsified(edit);
    expect(severityOf(r.summary.messages, code)).toBe(severity);
  });
});

describe("magnitude slips say which reading makes the figures agree, and decide nothing from them", () => {
  test("budget block: 全年执行数 1960000 (元) against 全年预算数 200 (万元)", () => {
    const r = falsified((v) => {
      v[5][2] = 200;
      v[5][3] = 200;
      v[5][4] = 1960000;
      v[5][6] = 0.98;
      v[5][7] = 9.8;
      v[17][7] = 97.8;
    });
    const b = r.summary.budget;
    expect(b?.rate).toBeNull();
    expect(b?.score).toBeNull();
    const m = r.summary.messages.find((x) => x.code === "budget_magnitude");
    expect(m).toMatchObject({ severity: "error", cell: "E6" });
    expect(m?.text.zh).toContain("按元填写，合196万元");
    expect(m?.text.zh).toContain("执行率为98%，与填报执行率相符");
    // the officer is never told to change the right 9.8
    expect(r.summary.messages.map((x) => x.code)).not.toContain("budget_score_differs");
    expect(r.summary.final).toBe(false);
    expect(r.summary.grade).toBeNull();
  });

  test("budget block: the 全年预算数 is the slip when the executed amount agrees with the 年初预算数", () => {
    const r = falsified((v) => {
      v[5][2] = 200;
      v[5][3] = 2000000;
      v[5][4] = 196;
    });
    const m = r.summary.messages.find((x) => x.code === "budget_magnitude");
    expect(m).toMatchObject({ severity: "error", cell: "D6" });
    expect(m?.text.zh).toContain("全年预算数2000000");
    expect(m?.text.zh).toContain("按元填写，合200万元");
  });

  test("an actual without a unit, 9800 against ≥1万份: read in 份 it agrees (98%), the row is pending", () => {
    const { result, plan } = validate(grid([SCORED_HEADER, scoredRow("产出指标", "宣传资料发放", "≥1万份", 9800, 10, 10), scoredRow("产出指标", "其他", "≥1", "1", 90, 90)]));
    const row = result.rows[0];
    expect(row.status).toBe("invalid");
    expect(row.overAchieved).toBe(false);
    const m = row.messages.find((x) => x.code === "actual_unit_magnitude");
    expect(m?.severity).toBe("error");
    expect(m?.text.zh).toContain("按份读作9800份，完成率98%");
    expect(result.summary.final).toBe(false);
    expect(plan.cells?.length ?? 1).toBeGreaterThan(0);
  });

  test("an actual in the unit column's 万元 that is a step off: 1960000 against 200", () => {
    const header = ["一级指标", "二级指标", "三级指标", "计量单位", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
    const { result } = validate(grid([header, ["产出指标", "", "资金拨付", "万元", "≥200", 1960000, 10, 10, ""], ["产出指标", "", "其他", "个", "≥1", 1, 90, 90, ""]]));
    const m = result.rows[0].messages.find((x) => x.code === "actual_magnitude");
    expect(m?.severity).toBe("error");
    expect(m?.text.zh).toContain("完成率为98%");
    expect(result.rows[0].status).toBe("invalid");
  });

  test("an actual read in the target's unit with no slip keeps its note (unit taken from the target)", () => {
    const { result } = validate(grid([SCORED_HEADER, scoredRow("产出指标", "参训人数", "≥1万人", 1.2, 10, 10), scoredRow("产出指标", "其他", "≥1", "1", 90, 90)]));
    expect(result.rows[0].status).toBe("met");
    expect(severityOf(result.rows[0].messages, "unit_borrowed")).toBe("info");
  });
});

describe("the review's 汇总 counts a falsified form's errors", () => {
  // executed 98.5 % of the budget (score 9.85), satisfaction 82.53 % of ≥90 % (9.17), total 97.02 —
  // stated as 执行率 99.5 %, budget score 9.96, row score 10 and 总分 99.5
  const f = projectForm();
  f.values[5][4] = 392166.95;
  f.values[5][6] = 0.995;
  f.values[16][5] = 0.8253;
  f.values[17][7] = 99.5;
  const g = grid(f.values, { numberFormats: f.numberFormats });

  test("each inflated figure is an error on its cell", () => {
    const { result } = validate(g);
    const errors = [...result.summary.messages, ...result.rows.flatMap((r) => r.messages)].filter((m) => m.severity === "error");
    expect(errors.map((m) => [m.code, m.cell]).sort()).toEqual(
      [
        ["budget_rate_differs", "G6"],
        ["budget_score_differs", "H6"],
        ["score_differs", "H17"],
        ["stated_total", "H18"],
      ].sort(),
    );
  });

  test("the summary row shows those errors, first among its problems", () => {
    const r = reviewWorkbook("falsified.xlsx", [g]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].problems.error).toBe(4);
    expect(r.problems.slice(0, 4).every((p) => p.severity === "error")).toBe(true);
  });
});

test("points that do not add up are warnings naming their cell: the category's first level-1 cell, the 合计 row's 分值", () => {
  const { result } = validate(
    grid([
      SCORED_HEADER,
      scoredRow("产出指标", "甲", "≥1", "1", 25, 25),
      scoredRow("效益指标", "乙", "≥1", "1", 30, 30),
      ["合计", "", "", "", "", 55, 55, ""],
    ]),
  );
  const category = result.summary.messages.find((m) => m.code === "category_total");
  expect(category).toMatchObject({ severity: "warning", cell: "A2" });
  expect(category?.text.zh).toBe("“产出指标”分值合计25，评分方案为50");
  expect(result.summary.messages.find((m) => m.code === "points_total")).toMatchObject({ severity: "warning", cell: "F4" });
});
