/** The national forms scored whole (docs/standard-forms.md): info block, budget line, direction column, totals, stated grade. */
import { CellValue } from "../../src/core/basics/grid";
import { departmentForm, projectForm } from "../fixtures/standard-forms";
import { codes, grid, validate } from "./helpers";

function run(f: { values: CellValue[][]; numberFormats: (string | null)[][] }) {
  return validate(grid(f.values, { numberFormats: f.numberFormats }));
}

describe("项目支出绩效自评表 (Guangdong 2023, 城乡医疗救助补助资金)", () => {
  const { result, plan } = run(projectForm());

  test("the info block and the form kind", () => {
    expect(result.form).toEqual({
      kind: "project",
      title: "项目支出绩效自评表",
      project: "城乡医疗救助补助资金（城乡医疗救助部分）",
      department: "广东省医疗保障局",
      unit: "广东省医疗保障局",
      year: 2023,
    });
  });

  test("the budget line: 396,546.47 ÷ 398,139.03 = 99.60%, score 9.96 of 10, cells named", () => {
    const b = result.summary.budget;
    expect(b).not.toBeNull();
    if (!b) return;
    expect([b.initialBudget, b.budget, b.executed, b.points, b.score, b.statedRate, b.statedScore]).toEqual([398139.03, 398139.03, 396546.47, 10, 9.96, 0.996, 9.96]);
    expect(b.rate).toBeCloseTo(0.996, 6);
    expect(b.cells).toEqual({ row: "B6", initialBudget: "C6", budget: "D6", executed: "E6", points: "F6", rate: "G6", score: "H6" });
  });

  test("indicator rows under the merged 绩效指标 column, the relative and dated rows compared", () => {
    expect(result.headerRow).toBe(12);
    expect(result.rows.map((r) => [r.row, r.level1, r.level2, r.status, r.score])).toEqual([
      [13, "产出指标", "数量指标", "met", 20],
      [14, "产出指标", "质量指标", "met", 20],
      [15, "产出指标", "时效指标", "met", 10],
      [16, "效益指标", "社会效益指标", "qualitative", 28],
      [17, "满意度指标", "服务对象满意度指标", "met", 10],
    ]);
  });

  test("the total includes the budget score: 9.96 + 88 = 97.96, 优, final, matching the stated total and grade", () => {
    expect(result.summary).toMatchObject({
      pointsTotal: 100,
      rawScore: 97.96,
      totalScore: 97.96,
      statedTotal: 97.96,
      grade: "优",
      gradeText: { zh: "优" },
      final: true,
      undetermined: { rows: 0, points: 0 },
      statedGrade: "优",
    });
    expect(result.summary.range).toBeUndefined();
    const problems = result.summary.messages.filter((m) => m.severity !== "info").map((m) => m.code);
    expect(problems).toEqual([]);
  });

  test("the write-back carries a budget line below the table and the total on the 总分 row", () => {
    const rowOf = (sheetRow: number) => plan.cells[sheetRow - plan.startRow];
    expect(rowOf(18)).toEqual(["总分", null, 97.96, "总分97.96（含预算执行9.96），等级优"]);
    expect(rowOf(19)?.slice(0, 3)).toEqual(["预算执行", 0.996, 9.96]);
    expect(String(rowOf(19)?.[3])).toContain("预算执行率99.6%");
  });
});

describe("部门整体支出绩效自评表 (Huizhou 2022): two-row header, direction and unit columns", () => {
  const { result } = run(departmentForm());

  test("the info block and kind", () => {
    expect(result.form).toMatchObject({ kind: "department", department: "惠州市医疗保障局", project: null, year: 2022 });
  });

  test("the header is the lower of the two rows; the direction column shows as direction", () => {
    expect(result.headerRow).toBe(10);
    expect(result.columns).toMatchObject({ level1: "A", level2: "B", name: "C", direction: "D", target: "E", actual: "F", unit: "G", points: "H", score: "I", reason: "J" });
    expect(result.columns.operator).toBeUndefined();
  });

  test("正向 rows are at least, 反向 rows at most, with the unit from its column", () => {
    expect(result.rows.map((r) => [r.name, r.target.op, r.target.unit, r.status, r.score])).toEqual([
      ["基本医疗保险参保人数", "ge", "万人", "met", 15],
      ["完成系统优化", "ge", "项", "met", 10],
      ["药品线上采购占比", "ge", "%", "met", 10],
      ["医用耗材线上采购占比", "ge", "%", "not_met", 4.97],
      ["信访咨询事项办结时限", "le", "天", "met", 10],
      ["医疗机构节省药品采购费用", "ge", "亿元", "met", 10],
      ["追回和拒付医保基金", "ge", "万元", "met", 10],
      ["医保基金支出增长率", "le", "%", "not_met", 8],
      ["市医保中心“好差评”好评率", "ge", "%", "met", 10],
    ]);
  });

  test("budget 3803.38 ÷ 3810.44 = 99.81% → 9.98; total 9.98 + 87.97 = 97.95, 优", () => {
    const s = result.summary;
    expect(s.budget?.score).toBe(9.98);
    expect(s.budget?.rate).toBeCloseTo(3803.38 / 3810.44, 12);
    expect(s.budget?.statedRate).toBeCloseTo(0.9981, 12);
    expect(s).toMatchObject({ pointsTotal: 100, totalScore: 97.95, statedTotal: 97.95, grade: "优", final: true, statedGrade: "优" });
    expect(s.messages.filter((m) => m.severity !== "info")).toEqual([]);
  });
});

/** A small project form: budget block over a two-row indicator table; `budget` replaces the block's rows. */
function smallForm(budgetHeader: CellValue[], budgetRow: CellValue[], indicators: CellValue[][] = [], extra: CellValue[][] = []): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "医保信息化建设"],
    budgetHeader,
    budgetRow,
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ...(indicators.length
      ? indicators
      : [
          ["", "产出指标", "数量指标", "系统模块", "≥10个", "10个", 50, 50, ""],
          ["", "效益指标", "社会效益指标", "网上办理率", "≥90%", "95%", 30, 30, ""],
          ["", "满意度指标", "满意度指标", "满意度", "≥90%", "92%", 10, 10, ""],
        ]),
    ...extra,
  ];
}

const HEAD = ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];

describe("the budget rule at its edges", () => {
  test.each<[string, CellValue[], CellValue[], { rate: number | null; score: number | null; points: number | null; total: number | null; codes: string[] }]>([
    ["rate above 1 is capped at the points", HEAD, ["", "年度资金总额", 100, 100, 120, 10, "", ""], { rate: 1.2, score: 10, points: 10, total: 100, codes: ["budget_capped"] }],
    ["no 全年预算数: 年初预算数 is used", HEAD, ["", "年度资金总额", 200, "—", 180, 10, "", ""], { rate: 0.9, score: 9, points: 10, total: 99, codes: ["budget_initial_used"] }],
    ["no 年初预算数 column at all", ["项目资金（万元）", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"], ["", "年度资金总额", 400, 390, 10, "97.5%", 9.75], { rate: 0.975, score: 9.75, points: 10, total: 99.75, codes: [] }],
    ["no 分值, indicators leave the preset's 10: the preset share is used", HEAD, ["", "年度资金总额", 100, 100, 95, "", "", ""], { rate: 0.95, score: 9.5, points: 10, total: 99.5, codes: ["budget_points_from_preset"] }],
    ["all budgets —: no rate, the line's points undetermined", HEAD, ["", "年度资金总额", "—", "—", 95, 10, "", ""], { rate: null, score: null, points: 10, total: 90, codes: ["budget_no_budget"] }],
    ["executed —: no rate", HEAD, ["", "年度资金总额", 100, 100, "—", 10, "", ""], { rate: null, score: null, points: 10, total: 90, codes: ["budget_no_executed"] }],
  ])("%s", (_label, head, row, e) => {
    const { result } = validate(grid(smallForm(head, row)));
    const b = result.summary.budget;
    expect(b).not.toBeNull();
    if (!b) return;
    if (e.rate === null) expect(b.rate).toBeNull();
    else expect(b.rate).toBeCloseTo(e.rate, 12);
    expect([b.score, b.points, result.summary.totalScore]).toEqual([e.score, e.points, e.total]);
    for (const c of e.codes) expect(codes(result.summary)).toContain(c);
    if (e.score === null) {
      expect(result.summary).toMatchObject({ final: false, undetermined: { rows: 1, points: 10 }, range: [90, 100], grade: null, gradeText: { zh: "待定" } });
    }
  });

  test("分值 missing where the indicators already hold 100 points: the line is shown, not scored", () => {
    const { result } = validate(
      grid(
        smallForm(HEAD, ["", "年度资金总额", 100, 100, 95, "", "", ""], [
          ["", "产出指标", "数量指标", "系统模块", "≥10个", "10个", 60, 60, ""],
          ["", "效益指标", "社会效益指标", "网上办理率", "≥90%", "95%", 30, 30, ""],
          ["", "满意度指标", "满意度指标", "满意度", "≥90%", "92%", 10, 10, ""],
        ]),
      ),
    );
    expect(result.summary.budget).toMatchObject({ points: null, score: null });
    expect(result.summary.budget?.rate).toBeCloseTo(0.95, 12);
    expect(result.summary).toMatchObject({ totalScore: 100, final: true, grade: "优" });
    expect(codes(result.summary)).toContain("budget_points_missing");
  });

  test("a stated 执行率 and 得分 that disagree are findings on their cells", () => {
    const { result } = validate(grid(smallForm(HEAD, ["", "年度资金总额", 100, 100, 95, 10, "98%", 9.8])));
    const m = result.summary.messages;
    expect(m.find((x) => x.code === "budget_rate_differs")?.cell).toBe("G5");
    expect(m.find((x) => x.code === "budget_score_differs")?.cell).toBe("H5");
    expect(result.summary.budget?.score).toBe(9.5);
  });

  test.each<[CellValue, string | null, boolean]>([
    ["95%", null, false],
    ["95.0%", null, false],
    [0.95, "0.00%", false],
    [0.950049, "0.00%", false],
    [0.950049, null, true],
    [0.9506, "0.00%", true],
    [95, null, false],
    [0.95, null, false],
    ["95.4%", null, true],
    ["96%", null, true],
  ])("a stated rate %p (format %p) against 95%: finding %p", (stated, format, flagged) => {
    const values = smallForm(HEAD, ["", "年度资金总额", 100, 100, 95, 10, stated, 9.5]);
    const numberFormats = values.map((r) => r.map(() => null as string | null));
    numberFormats[4][6] = format;
    const { result } = validate(grid(values, { numberFormats }));
    expect(codes(result.summary).includes("budget_rate_differs")).toBe(flagged);
  });
});

describe("the stated grade", () => {
  test.each<[string, CellValue[], string | null, boolean]>([
    ["in its own cell", ["自评等级", "优"], "优", false],
    ["after a colon", ["自评等级：良"], "良", true],
    ["as a word", ["评价等级", "优秀"], "优", false],
    ["with its score", ["自评等级", "良（85分）"], "良", true],
    ["in text with the total", ["总分97.5分，自评等级为“差”"], "差", true],
  ])("%s", (_label, line, grade, flagged) => {
    const { result } = validate(grid(smallForm(HEAD, ["", "年度资金总额", 100, 100, 100, 10, "", ""], [], [["总分", "", "", "", "", "", 100, 100, ""], line])));
    expect(result.summary.grade).toBe("优");
    expect(result.summary.statedGrade).toBe(grade);
    const m = result.summary.messages.find((x) => x.code === "stated_grade_differs");
    expect(Boolean(m)).toBe(flagged);
  });
});

describe("honest totals", () => {
  const header = ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];

  test("a table whose every row is invalid never reads 总分100 / 优", () => {
    const { result } = validate(
      grid([
        header,
        ["产出指标", "参保人数", "≥200万人", "有所增加", 50, 50, ""],
        ["效益指标", "覆盖率", "≥95%", "", 30, 30, ""],
        ["满意度指标", "满意度", "≥90%", "#N/A", 20, 20, ""],
      ]),
    );
    expect(result.summary.counts.invalid).toBe(3);
    expect(result.summary).toMatchObject({ totalScore: 0, final: false, undetermined: { rows: 3, points: 100 }, range: [0, 100], grade: null, gradeText: { zh: "待定", en: "pending" } });
  });

  test("one invalid row: the others count, its points are the range", () => {
    const { result } = validate(
      grid([
        header,
        ["产出指标", "参保人数", "≥200万人", "234.42万人", 50, 50, ""],
        ["效益指标", "覆盖率", "≥95%", "", 30, 30, ""],
        ["满意度指标", "满意度", "≥90%", "80%", 20, 17.78, "宣传不足"],
      ]),
    );
    // 50 + 80 / 90 × 20 = 67.78; 30 points undetermined
    expect(result.summary).toMatchObject({ totalScore: 67.78, final: false, undetermined: { rows: 1, points: 30 }, range: [67.78, 97.78], grade: null, gradeText: { zh: "待定" } });
    expect(result.summary.messages.find((m) => m.code === "invalid_rows")?.text.zh).toBe("1行无法核对（计分30分），总分暂定为67.78，可能范围67.78–97.78，等级待定");
  });

  test("no invalid row: final, with its grade", () => {
    const { result } = validate(
      grid([
        header,
        ["产出指标", "参保人数", "≥200万人", "234.42万人", 50, 50, ""],
        ["效益指标", "覆盖率", "≥95%", "96%", 30, 30, ""],
        ["满意度指标", "满意度", "≥90%", "80%", 20, 17.78, "宣传不足"],
      ]),
    );
    expect(result.summary).toMatchObject({ totalScore: 97.78, final: true, undetermined: { rows: 0, points: 0 }, grade: "优", gradeText: { zh: "优" } });
    expect(result.summary.range).toBeUndefined();
  });

  test("a stated grade out of the provisional range is a finding; one within it cannot be confirmed", () => {
    const rows: CellValue[][] = [
      header,
      ["产出指标", "参保人数", "≥200万人", "100万人", 50, 25, "x"],
      ["效益指标", "覆盖率", "≥95%", "", 30, 30, ""],
      ["满意度指标", "满意度", "≥90%", "90%", 20, 20, ""],
    ];
    // 25 + 20 = 45, range 45–75: 优 is out of reach, 中 is not
    const out = validate(grid([...rows, ["自评等级：优"]])).result.summary;
    expect(out.messages.find((m) => m.code === "stated_grade_impossible")?.cell).toBe("A5");
    const within = validate(grid([...rows, ["自评等级：中"]])).result.summary;
    expect(codes(within)).toContain("stated_grade_unconfirmed");
    expect(codes(within)).not.toContain("stated_grade_impossible");
  });
});

describe("layouts other offices use", () => {
  test("指标性质 holding 正向指标 / 反向指标, columns in another order, blank columns, a footer spread over the data columns", () => {
    const { result } = validate(
      grid([
        ["2023年度部门整体支出绩效自评表"],
        ["部门（单位）名称：江门市医疗保障局"],
        ["项目资金（万元）", "年初预算数（A）", "全年预算数（B）", "全年执行数（C）", "执行率（C/B）", "分值", "得分"],
        ["年度资金总额", "25,000.00", "26,336.80", "26,336.80", "100.00%", 10, 10],
        ["一级指标", "三级指标", "", "分值", "指标性质", "实际完成值", "年度指标值", "计量单位", "得分"],
        ["产出指标", "参保人数", "", 50, "正向指标", 234.42, 200, "万人", 50],
        ["效益指标", "投诉率", "", 30, "反向指标", 8, 10, "%", 30],
        ["满意度指标", "满意度", "", 10, "正向指标", 85, 80, "%", 10],
        ["注：数据来源于医保信息系统"],
        ["填表人：张三", "", "", "", "", "联系电话：0750-1234567", "", "", ""],
      ]),
    );
    expect(result.form).toMatchObject({ kind: "department", department: "江门市医疗保障局", year: 2023 });
    expect(result.columns).toMatchObject({ direction: "E", actual: "F", target: "G", unit: "H", points: "D", score: "I" });
    expect(result.rows.map((r) => [r.name, r.target.op, r.status])).toEqual([
      ["参保人数", "ge", "met"],
      ["投诉率", "le", "met"],
      ["满意度", "ge", "met"],
    ]);
    expect(result.summary.budget).toMatchObject({ initialBudget: 25000, budget: 26336.8, executed: 26336.8, rate: 1, score: 10, statedRate: 1 });
    expect(result.summary).toMatchObject({ totalScore: 100, final: true, grade: "优" });
  });

  test.each<[string, CellValue[], string]>([
    ["主管部门及代码", ["主管部门及代码", "", "广东省医疗保障局"], "广东省医疗保障局"],
    ["one cell with a colon", ["主管部门：广东省医疗保障局"], "广东省医疗保障局"],
    ["stamped", ["主管部门（盖章）", "广东省医疗保障局"], "广东省医疗保障局"],
  ])("info label %s", (_label, line, department) => {
    const { result } = validate(grid(smallForm(HEAD, ["", "年度资金总额", 100, 100, 100, 10, "", ""], [], []).map((r, i) => (i === 2 ? line : r))));
    expect(result.form.department).toBe(department);
  });

  test("a 指标方向 column of symbols, and a date target beside a direction", () => {
    const { result } = validate(
      grid([
        ["三级指标", "指标方向", "年度指标值", "实际完成值", "计量单位", "分值", "得分"],
        ["响应时间", "≤", 3, 2, "分钟", 50, 50],
        ["上线时间", "反向", "2023年6月30日前", "2023年6月1日", "", 50, 50],
      ]),
    );
    expect(result.columns.direction).toBe("B");
    expect(result.rows.map((r) => [r.target.op, r.status])).toEqual([
      ["le", "met"],
      ["le", "met"],
    ]);
  });

  test("a budget block without indicator points is shown but adds no total", () => {
    const { result } = validate(
      grid([
        ["项目资金（万元）", "全年预算数", "全年执行数", "分值"],
        ["年度资金总额", 100, 90, 10],
        ["三级指标", "年度指标值", "实际完成值"],
        ["参保人数", "≥200万人", "234.42万人"],
      ]),
    );
    expect(result.summary.budget).toMatchObject({ rate: 0.9, score: 9 });
    expect([result.summary.totalScore, result.summary.pointsTotal, result.summary.grade]).toEqual([null, null, null]);
  });
});

test("a 年度主要任务 block (任务名称 | 预算数 | 执行数) above the budget block is not the budget line", () => {
  const { result } = validate(
    grid([
      ["部门整体支出绩效自评表"],
      ["部门（单位）名称", "惠州市医疗保障局"],
      ["年度主要任务", "任务名称", "主要内容", "预算数", "执行数"],
      ["", "医疗救助", "资助参保", 2200, 2123.2],
      ["年度部门整体支出预算（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["", "年度资金总额", 3553.21, 3810.44, 3803.38, 10, "99.81%", 9.98],
      ["", "按支出性质分：基本支出", "—", "—", "—", "", "", ""],
      ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", "参保人数", "≥480万人", "490.1万人", 90, 90],
    ]),
  );
  expect(result.summary.budget).toMatchObject({ budget: 3810.44, executed: 3803.38, score: 9.98 });
  expect(result.summary.budget?.cells.executed).toBe("E6");
  expect(result.summary.totalScore).toBe(99.98);
});

test.each<[string, CellValue[]]>([
  ["总分（100分）", ["总分（100分）", "", "", "", "", "", 100, 100, ""]],
  ["自评得分", ["自评得分", "", "", "", "", "", "", 100, ""]],
])("a %s row is the total row, not an indicator", (_label, line) => {
  const { result } = validate(grid(smallForm(HEAD, ["", "年度资金总额", 100, 100, 100, 10, "", ""], [], [line])));
  expect(result.rows).toHaveLength(3);
  expect(result.summary).toMatchObject({ statedTotal: 100, totalScore: 100, final: true });
});

test("the year from 年度：2023 above the info block", () => {
  const { result } = validate(grid(smallForm(HEAD, ["", "年度资金总额", 100, 100, 100, 10, "", ""]).map((r, i) => (i === 1 ? ["年度：2022"] : r))));
  expect(result.form.year).toBe(2022);
});

test("a 自评等级 heading with the grade below it", () => {
  const { result } = validate(grid(smallForm(HEAD, ["", "年度资金总额", 100, 100, 100, 10, "", ""], [], [["总分", "", "", "", "", "", 100, 100, ""], ["自评得分", "自评等级"], [100, "良"]])));
  expect(result.summary.statedGrade).toBe("良");
  expect(result.summary.messages.find((m) => m.code === "stated_grade_differs")?.cell).toBe("B12");
});

test("on a results sheet, the budget line links back to the budget block's row", () => {
  const f = departmentForm();
  const values = f.values.map((r) => [...r]);
  values[12][10] = "用户备注"; // user data right of the table: results go to a new sheet
  const { plan } = validate(grid(values, { numberFormats: f.numberFormats }));
  expect(plan.mode).toBe("new_sheet");
  const budgetLine = plan.cells.find((r) => r[1] === "预算执行");
  expect(budgetLine?.[0]).toEqual({ formula: `HYPERLINK("#'绩效自评表'!A5","绩效自评表!5")` });
  const total = plan.cells.find((r) => r[1] === "总分");
  expect(total?.[0]).toEqual({ formula: `HYPERLINK("#'绩效自评表'!A20","绩效自评表!20")` });
});

test("a stated total beside its label: 自评得分 | 95 | 自评等级 | 优", () => {
  const { result } = validate(grid(smallForm(HEAD, ["", "年度资金总额", 100, 100, 100, 10, "", ""], [], [["自评得分", 95, "自评等级", "优"]])));
  expect(result.summary).toMatchObject({ totalScore: 100, statedTotal: 95, statedGrade: "优" });
  expect(result.summary.messages.find((m) => m.code === "stated_total")?.cell).toBe("B10");
});

describe("a department form whose indicator header sits right under the budget block", () => {
  // Laid out as an office would: the budget rows end, and the next row is the indicator block's
  // two-row header (三级指标 | 指标方向 | 计量单位 in the budget block's figure columns); the 总分 row
  // carries only the 分值 total, its 得分 left blank.
  const values: CellValue[][] = [
    ["2022年度部门整体支出绩效自评表"],
    ["部门名称", "惠州市医疗保障局"],
    ["预算资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", 3716.16, 3810.44, 3803.38, 10, "", ""],
    ["", "基本支出", 1150, 1203.35, 1203.34, "", "", ""],
    ["", "项目支出", 2566.16, 2607.09, 2600.04, "", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标方向", "计量单位", "指标值", "", "分值", "得分", "偏差原因分析"],
    ["", "", "", "", "", "年度指标值", "实际完成值", "", "", ""],
    ["产出指标", "数量指标", "基本医保参保人数", "正向", "万人", 300, 310.5, 30, 30, ""],
    ["", "时效指标", "异地就医备案办理时限", "反向", "个工作日", 5, 3, 10, 10, ""],
    ["", "成本指标", "人均办公经费", "反向", "万元", 2, 2.6, 10, 7, "物价上涨"],
    ["效益指标", "社会效益", "医疗费用增长率", "反向", "%", 10, 8, 30, 30, ""],
    ["满意度指标", "服务对象满意度", "参保群众满意度", "正向", "%", 90, 95, 10, 10, ""],
    ["总分", "", "", "", "", "", "", 100, "", ""],
  ];
  const { result } = validate(grid(values));

  test("the budget block ends before the header words: no message on H7, the 得分 cell is the block's own", () => {
    expect(result.summary.messages.filter((m) => m.code === "budget_cell_invalid")).toEqual([]);
    expect(result.summary.budget?.cells.score).toBe("H4");
    expect(result.summary.budget?.score).toBe(9.98);
  });

  test("the 分值 total on the 总分 row is not read as a stated score", () => {
    expect(result.summary.statedTotal).toBeNull();
    expect(codes(result.summary)).not.toContain("stated_total");
    // 9.98 + 30 + 10 + 7 + 30 + 10: 反向 2.6万元 against ≤2万元 scores (1 − 0.6 ÷ 2) × 10 = 7
    expect(result.summary).toMatchObject({ totalScore: 96.98, final: true, grade: "优" });
  });
});
