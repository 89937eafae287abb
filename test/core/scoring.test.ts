/** docs/rules.md §5: the scoring rules one by one, the table checks and the presets. */
import fc from "fast-check";
import { CellValue } from "../../src/core/basics/grid";
import { Message } from "../../src/core/basics/messages";
import { Op } from "../../src/core/indicators/target-expression";
import { scoreQuantitative } from "../../src/core/indicators/evaluate";
import { PRESETS, Settings, findPreset, gradeFor, resolvePreset, DEFAULT_SETTINGS } from "../../src/core/indicators/presets";
import { SCORED_HEADER, codes, grid, scoredRow, validate } from "./helpers";

/** Score B against A with W points, budget-system defaults; cmp is the sign of B − A. */
function score(op: Op, A: number, B: number, W: number | null, extra: { overThreshold?: number; budget?: boolean; budgetCap?: boolean; A2?: number } = {}) {
  const messages: Message[] = [];
  const out = scoreQuantitative(
    op,
    A,
    B,
    W,
    {
      tolerance: 0.05,
      overThreshold: extra.overThreshold ?? 1.2,
      budget: extra.budget ?? false,
      budgetCap: extra.budgetCap ?? true,
      cmp: Math.sign(B - A),
      A2: extra.A2,
      cmp2: extra.A2 === undefined ? undefined : Math.sign(B - extra.A2),
    },
    messages,
  );
  return { ...out, codes: messages.map((m) => m.code) };
}

function table(rows: CellValue[][], settings?: Partial<Settings>) {
  return validate(grid([SCORED_HEADER, ...rows]), { settings });
}

describe("at least (≥, >) and equal with A > 0: B ≥ A → W, else round(B / A × W, 2)", () => {
  test.each<[Op, number, number, number, string, number]>([
    ["ge", 100, 100, 10, "met", 10],
    ["ge", 100, 150, 10, "met", 10],
    ["ge", 100, 80, 10, "not_met", 8],
    ["ge", 3, 2, 7, "not_met", 4.67],
    ["ge", 3, 1, 10, "not_met", 3.33],
    ["ge", 90, 89.5, 5, "not_met", 4.97],
    ["ge", 200, 0, 10, "not_met", 0],
    ["gt", 80, 90, 10, "met", 10],
    ["gt", 80, 60, 10, "not_met", 7.5],
    ["eq", 100, 100, 10, "met", 10],
    ["eq", 100, 95, 10, "not_met", 9.5],
  ])("%s A=%d B=%d W=%d → %s, %d points", (op, A, B, W, status, points) => {
    const r = score(op, A, B, W);
    expect([r.status, r.computed]).toEqual([status, points]);
  });

  test("the partial score is rounded half up to 2 decimals (1/3 × 10 = 3.33, 2/3 × 10 = 6.67)", () => {
    expect(score("ge", 3, 1, 10).computed).toBe(3.33);
    expect(score("ge", 3, 2, 10).computed).toBe(6.67);
    expect(score("ge", 8, 1, 1).computed).toBe(0.13); // 0.125 rounds up
  });

  test("no points: status without a score", () => {
    expect(score("ge", 100, 80, null)).toMatchObject({ status: "not_met", computed: null, completion: 0.8 });
  });
});

describe("equal with A = 0 (为0件): B ≤ 0 → W, else 0", () => {
  test.each([
    [0, "met", 10],
    [1, "not_met", 0],
    [0.5, "not_met", 0],
  ])("B = %d → %s, %d points", (B, status, points) => {
    const r = score("eq", 0, B, 10);
    expect([r.status, r.computed]).toEqual([status, points]);
  });

  test.each([
    ["0件", "met", 10],
    ["1件", "not_met", 0],
    ["没有发生", "invalid", null],
  ])("为0件 against %s in a table", (actual, status, computed) => {
    const r = table([scoredRow("产出指标", "法律纠纷发生数", "为0件", actual, 10)]).result.rows[0];
    expect([r.status, r.computedScore]).toEqual([status, computed]);
  });
});

describe("at most (≤, <): B ≤ A → W; A < B < 2A → (1 − (B − A) / A) × W; B ≥ 2A → 0", () => {
  test.each<[Op, number, number, string, number]>([
    ["le", 10, 8, "met", 10],
    ["le", 10, 10, "met", 10],
    ["le", 10, 12, "not_met", 8],
    ["le", 10, 15, "not_met", 5],
    ["le", 10, 19, "not_met", 1],
    ["le", 10, 19.99, "not_met", 0.01],
    ["le", 10, 20, "not_met", 0],
    ["le", 10, 35, "not_met", 0],
    ["lt", 10, 5, "met", 10],
    ["lt", 10, 15, "not_met", 5],
  ])("%s A=%d B=%d → %s, %d of 10 points", (op, A, B, status, points) => {
    const r = score(op, A, B, 10);
    expect([r.status, r.computed]).toEqual([status, points]);
  });

  test("reverse indicator between A and 2A scores proportionally in a table (≤3分钟, 4.5分钟)", () => {
    const r = table([scoredRow("产出指标", "响应时间", "≤3分钟", "4.5分钟", 6)]).result.rows[0];
    expect([r.status, r.completion, r.computedScore]).toEqual(["not_met", 0.5, 3]);
  });
});

describe("negative actuals are scored as 0", () => {
  test.each<[Op, number, number, string, number]>([
    ["ge", 90, -5, "not_met", 0],
    ["le", 10, -3, "met", 10],
    ["eq", 0, -1, "met", 10],
  ])("%s A=%d B=%d → %s, %d points", (op, A, B, status, points) => {
    const r = score(op, A, B, 10);
    expect([r.status, r.computed]).toEqual([status, points]);
    expect(r.codes).toContain("negative_actual");
  });

  test("in a table, with the U+2212 minus", () => {
    const r = table([scoredRow("效益指标", "增长率", "≥5%", "\u22123%", 10)]).result.rows[0];
    expect([r.status, r.computedScore]).toEqual(["not_met", 0]);
    expect(codes(r)).toContain("negative_actual");
  });
});

describe("over-achievement: flagged when B ≥ 1.2 × A on an at-least indicator", () => {
  test.each<[Op, number, number, boolean]>([
    ["ge", 100, 120, true],
    ["ge", 100, 119.99, false],
    ["ge", 100, 300, true],
    ["gt", 100, 120, true],
    ["ge", 0.17, 0.204, true],
    ["ge", 2.72, 3.264, true],
    ["le", 100, 50, false],
    ["eq", 100, 130, false],
  ])("%s A=%d B=%d → %s", (op, A, B, flagged) => {
    const r = score(op, A, B, 10);
    expect(r.overAchieved).toBe(flagged);
    expect(r.codes.includes("over_achieved")).toBe(flagged);
  });

  test("exactly 1.2 × A is flagged for any A with up to 4 decimals (no float miss)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 }), (m, s) => {
        const A = Number(`${m}e-${s}`);
        const B = Number(`${m * 12}e-${s + 1}`); // 1.2 × A written as a decimal
        expect(score("ge", A, B, 10).overAchieved).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("the threshold is configurable per preset", () => {
    expect(score("ge", 100, 140, 10, { overThreshold: 1.5 }).overAchieved).toBe(false);
    expect(score("ge", 100, 150, 10, { overThreshold: 1.5 }).overAchieved).toBe(true);
    const rows = [scoredRow("产出指标", "病种数", "≥4000个", "5000个", 10)];
    expect(table(rows).result.rows[0].overAchieved).toBe(true);
    expect(table(rows, { preset: { overAchievementThreshold: 1.3 } }).result.rows[0].overAchieved).toBe(false);
  });
});

describe("qualitative rows: the score must lie in the band of the chosen actual", () => {
  const ACHIEVED = "达成年度指标";
  const PARTIAL = "部分达成年度指标并具有一定效果";
  const NOT = "未达成年度指标且效果较差";
  test.each<[string, number, boolean]>([
    [ACHIEVED, 10, true],
    [ACHIEVED, 8, true],
    [ACHIEVED, 7.99, false],
    [ACHIEVED, 0, false],
    [PARTIAL, 7.99, true],
    [PARTIAL, 6, true],
    [PARTIAL, 8, false],
    [PARTIAL, 5.99, false],
    [NOT, 0, true],
    [NOT, 5.99, true],
    [NOT, 6, false],
    [NOT, 10, false],
  ])("%s with %d of 10 points: in band %s", (actual, stated, inBand) => {
    const r = table([scoredRow("效益指标", "服务能力", "有所提升", actual, 10, stated, "原因")]).result.rows[0];
    expect(r.status).toBe("qualitative");
    expect(r.score).toBe(stated);
    expect(codes(r).includes("score_out_of_band")).toBe(!inBand);
  });

  test("the message names the band and its limits", () => {
    const r = table([scoredRow("效益指标", "服务能力", "有所提升", PARTIAL, 5, 4.5, "原因")]).result.rows[0];
    expect(r.messages.find((m) => m.code === "score_out_of_band")?.text.zh).toBe("定性指标“部分达成”的得分应在3–4之间，填报为4.5");
  });

  test("a qualitative row without a stated score counts as 0 and says so", () => {
    const r = table([scoredRow("效益指标", "服务能力", "有所提升", ACHIEVED, 10)]).result.rows[0];
    expect(r.score).toBeNull();
    expect(codes(r)).toContain("qualitative_no_score");
  });
});

describe("not-applicable rows drop out and the rest rescale to 100", () => {
  test("50 + 40 applicable points scoring 80 → 88.89", () => {
    const { result } = table([
      scoredRow("产出指标", "参保人数", "≥100万人", "80万人", 50, null, "原因"),
      scoredRow("产出指标", "不适用指标", "/", "", 10),
      scoredRow("效益指标", "满意度", "≥90%", "95%", 40),
    ]);
    expect(result.rows.map((r) => r.status)).toEqual(["not_met", "not_applicable", "met"]);
    expect(result.summary).toMatchObject({ pointsTotal: 100, rawScore: 80, totalScore: 88.89, grade: "良" });
    expect(result.summary.messages.find((m) => m.code === "rescaled")?.text.zh).toBe("1项不适用指标（分值10）不计，其余按100分折算");
  });

  test("without not-applicable rows the total is the raw sum", () => {
    const { result } = table([scoredRow("产出指标", "a", "≥100", "80", 50, null, "x"), scoredRow("效益指标", "b", "≥1", "1", 50)]);
    expect(result.summary).toMatchObject({ rawScore: 90, totalScore: 90, grade: "优" });
    expect(codes(result.summary)).not.toContain("rescaled");
  });
});

describe("budget execution: rate × points, capped at points by default", () => {
  test.each<[string, number, number, string[]]>([
    ["95%", 9.5, 0.95, []],
    ["100%", 10, 1, []],
    ["120%", 10, 1.2, ["budget_capped"]],
    ["99.60%", 9.96, 0.996, []],
  ])("预算执行率 %s of 10 points → %d", (actual, points, completion, extra) => {
    const r = table([scoredRow("预算执行", "预算执行率", "100%", actual, 10, null, "原因")]).result.rows[0];
    expect([r.computedScore, r.completion, r.overAchieved]).toEqual([points, completion, false]);
    for (const c of extra) expect(codes(r)).toContain(c);
  });

  test("uncapped when the preset says so", () => {
    const r = table([scoredRow("预算执行", "预算执行率", "100%", "120%", 10)], { preset: { budgetExecutionCap: false } }).result.rows[0];
    expect(r.computedScore).toBe(12);
    expect(codes(r)).not.toContain("budget_capped");
  });

  test("recognised by the indicator name when level 1 says otherwise", () => {
    const r = table([scoredRow("产出指标", "预算资金执行率", "100%", "130%", 10)]).result.rows[0];
    expect([r.computedScore, r.overAchieved]).toEqual([10, false]);
  });

  // one rule for the row and the default 预算执行 category (isBudgetExecution in presets.ts)
  test.each(["预算执行率", "预算资金执行率", "预算内资金执行率", "项目资金执行率"])("%s is budget execution: capped, never over-achieved", (name) => {
    const r = table([scoredRow("产出指标", name, "100%", "130%", 10)]).result.rows[0];
    expect([r.computedScore, r.overAchieved]).toEqual([10, false]);
    expect(codes(r)).toContain("budget_capped");
  });
});

describe("presets: grades", () => {
  test.each<[string, number, string]>([
    ["default", 100, "优"],
    ["default", 90, "优"],
    ["default", 89.99, "良"],
    ["default", 80, "良"],
    ["default", 79.99, "中"],
    ["default", 60, "中"],
    ["default", 59.99, "差"],
    ["default", 0, "差"],
    ["grade-80", 80, "优"],
    ["grade-80", 79.99, "良"],
    ["grade-80", 70, "良"],
    ["grade-80", 69.99, "中"],
    ["grade-80", 60, "中"],
    ["grade-80", 59.99, "差"],
    ["hubei", 90, "优"],
    ["sichuan", 85, "良"],
  ])("%s: %d is %s", (id, total, grade) => {
    expect(gradeFor(total, findPreset(id)!).grade).toBe(grade);
  });

  test.each([
    ["default", "良"],
    ["grade-80", "优"],
  ])("a table totalling 85 under %s is %s", (presetId, grade) => {
    const { result } = table(
      [
        scoredRow("预算执行", "预算执行率", "100%", "100%", 10),
        scoredRow("产出指标", "参保人数", "≥100万人", "70万人", 50, null, "原因"),
        scoredRow("效益指标", "负担", "≥1", "1", 30),
        scoredRow("满意度指标", "满意度", "≥90%", "95%", 10),
      ],
      { presetId },
    );
    expect(result.summary).toMatchObject({ totalScore: 85, grade, presetId });
  });

  test("every bundled preset validates and its categories add up to its total", () => {
    for (const p of PRESETS) {
      expect(resolvePreset({ ...DEFAULT_SETTINGS, presetId: p.id })).toEqual(p);
      expect(p.categories.reduce((s, c) => s + c.points, 0)).toBe(p.total);
    }
    expect(() => resolvePreset({ ...DEFAULT_SETTINGS, presetId: "nope" })).toThrow(/unknown preset/);
  });
});

describe("presets: category totals", () => {
  const MOF = [
    scoredRow("预算执行", "预算执行率", "100%", "100%", 10),
    scoredRow("产出指标", "参保人数", "≥100万人", "120万人", 50),
    scoredRow("效益指标", "负担", "≥1", "1", 30),
    scoredRow("满意度指标", "满意度", "≥90%", "95%", 10),
  ];
  const HUBEI = [
    scoredRow("预算执行", "预算执行率", "100%", "100%", 20),
    scoredRow("产出指标", "参保人数", "≥100万人", "120万人", 40),
    scoredRow("效益指标", "负担", "≥1", "1", 30),
    scoredRow("满意度指标", "满意度", "≥90%", "95%", 10),
  ];
  const categoryMessages = (rows: CellValue[][], presetId: string) =>
    table(rows, { presetId })
      .result.summary.messages.filter((m) => m.code === "category_total")
      .map((m) => m.text.zh);

  test.each<[string, CellValue[][], string, string[]]>([
    ["a 10/50/30/10 table", MOF, "default", []],
    ["a 10/50/30/10 table", MOF, "hubei", ["“预算执行”分值合计10，评分方案为20", "“产出指标”分值合计50，评分方案为40"]],
    ["a 10/50/30/10 table", MOF, "sichuan", []],
    ["a 20/40/40 table", HUBEI, "hubei", []],
    ["a 20/40/40 table", HUBEI, "default", ["“预算执行”分值合计20，评分方案为10", "“产出指标”分值合计40，评分方案为50"]],
    ["a 20/40/40 table", HUBEI, "sichuan", ["“预算执行”分值合计20，评分方案为10", "“绩效指标”分值合计80，评分方案为90"]],
  ])("%s under %s", (_label, rows, presetId, messages) => {
    expect(categoryMessages(rows, presetId)).toEqual(messages);
  });
});

describe("checks on a scored table", () => {
  test("得分 above 分值 is a finding", () => {
    const r = table([scoredRow("效益指标", "服务能力", "有所提升", "达成年度指标", 10, 12)]).result.rows[0];
    expect(r.messages.find((m) => m.code === "score_over_points")).toMatchObject({ severity: "error", text: { zh: "得分12高于分值10" }, cell: "G2" });
  });

  test.each<[CellValue, CellValue, boolean]>([
    [null, "", true],
    [7.5, "", true],
    [7.5, "受预算削减影响", false],
    [10, "", false],
  ])("stated %p with reason %p: reason required %s", (stated, reason, required) => {
    const r = table([scoredRow("产出指标", "参保人数", "≥200万人", "150万人", 10, stated, reason)]).result.rows[0];
    expect(codes(r).includes("reason_required")).toBe(required);
  });

  test("without a reason column the summary counts the rows that lost points", () => {
    const { result } = validate(
      grid([
        ["三级指标", "年度指标值", "实际完成值", "分值"],
        ["a", "≥200万人", "150万人", 50],
        ["b", "≥1", "0", 50],
      ]),
    );
    expect(result.summary.messages.find((m) => m.code === "no_reason_column")?.text.zh).toBe("2项指标扣分但表中没有偏差原因列");
  });

  test("the reason check can be switched off", () => {
    const rows = [scoredRow("产出指标", "参保人数", "≥200万人", "150万人", 10)];
    expect(codes(table(rows, { reasonRequired: false }).result.rows[0])).not.toContain("reason_required");
  });

  test.each<[number[], boolean]>([
    [[10, 50, 30, 10], false],
    [[10, 50, 30], true],
    [[10, 50, 30, 10, 5], true],
    [[10.5, 49.5, 30, 10], false],
  ])("points %j: points_total %s", (points, flagged) => {
    const { result } = table(points.map((p, i) => scoredRow("产出指标", `指标${i}`, "≥1", "1", p)));
    expect(codes(result.summary).includes("points_total")).toBe(flagged);
    if (flagged) expect(result.summary.messages.find((m) => m.code === "points_total")?.text.zh).toContain(`分值合计${result.summary.pointsTotal}，与评分方案总分100不符`);
  });

  test.each<[string, number[], number, number, string | null, string | null]>([
    ["a 5-row table of 50 points", [10, 10, 10, 10, 10], 48.5, 50, null, "points_total"],
    ["a table over the preset's total", [10, 50, 30, 10, 5], 103.5, 105, null, "points_total"],
    ["a table of the preset's total", [10, 50, 30, 10], 98.5, 100, "优", null],
  ])("%s scores against the points present and is graded only at the preset's total", (_label, points, total, outOf, grade, withheld) => {
    const rows = points.map((p, i) => scoredRow("产出指标", `指标${i}`, i === 0 ? "≥200万人" : "≥1", i === 0 ? "170万人" : "1", p, null, "原因"));
    const s = table(rows).result.summary;
    expect(s.totalScore).toBe(total);
    expect(s.outOf).toBe(outOf);
    expect(s.grade).toBe(grade);
    expect(s.gradeWithheld).toBe(withheld);
    expect(s.gradeText?.zh).toBe(grade ?? "不评等级");
  });

  test("a 50-point table's 合计 row is written as 48.5/50, not graded", () => {
    const rows = [10, 10, 10, 10, 10].map((p, i) => scoredRow("产出指标", `指标${i}`, i === 0 ? "≥200万人" : "≥1", i === 0 ? "170万人" : "1", p, null, "原因"));
    const { plan } = table([...rows, ["合计", "", "", "", "", 50, null, ""]]);
    const text = JSON.stringify(plan);
    expect(text).toContain("总分48.5/50：分值合计50分，不是评分方案的满分，不评等级");
    expect(text).not.toContain("等级差");
  });

  test.each<[CellValue, boolean]>([
    [8, true],
    [7.5, false],
    [7.51, false],
    [7.52, true],
  ])("stated %p against a computed 7.5: score_differs %s", (stated, differs) => {
    const r = table([scoredRow("产出指标", "参保人数", "≥200万人", "150万人", 10, stated, "原因")]).result.rows[0];
    expect(r.computedScore).toBe(7.5);
    expect(codes(r).includes("score_differs")).toBe(differs);
  });

  test.each<[CellValue, boolean]>([
    [17.5, false],
    ["17.50", false],
    [18, true],
  ])("a stated total %p against the computed 17.5: stated_total %s", (stated, flagged) => {
    const { result } = table([
      scoredRow("产出指标", "参保人数", "≥200万人", "150万人", 10, 7.5, "原因"),
      scoredRow("产出指标", "满意度", "≥90%", "95%", 10, 10),
      ["合计", "", "", "", "", 20, stated, ""],
    ]);
    expect(result.rows).toHaveLength(2);
    expect(result.summary.rawScore).toBe(17.5);
    expect(result.summary.statedTotal).toBe(Number(stated));
    const m = result.summary.messages.find((x) => x.code === "stated_total");
    expect(Boolean(m)).toBe(flagged);
    if (m) expect([m.text.zh, m.cell]).toEqual(["填报总分18与计算总分17.5不一致", "G4"]);
  });

  test("an invalid row's stated score is not counted: the total is provisional, with its range, and the grade withheld", () => {
    const { result } = table([
      scoredRow("产出指标", "参保人数", "≥200万人", "300元", 50, 40, "原因"),
      scoredRow("产出指标", "报告数", "≥3", "", 50, null, "原因"),
    ]);
    expect(result.rows.map((r) => [r.status, r.score])).toEqual([
      ["invalid", 40],
      ["invalid", null],
    ]);
    expect(result.summary).toMatchObject({ rawScore: 0, totalScore: 0, final: false, undetermined: { rows: 2, points: 100 }, range: [0, 100], grade: null, gradeText: { zh: "待定" } });
    expect(result.summary.messages.find((m) => m.code === "invalid_rows")?.text.zh).toContain("2行无法核对");
  });
});
