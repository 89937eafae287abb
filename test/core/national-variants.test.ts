/** Variants seen on published national forms (docs/standard-forms.md, "Variants"), each read with no configuration. */
import { CellValue } from "../../src/core/basics/grid";
import { codes, grid, validate } from "./helpers";

const H = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

/** A project form: title, info, a budget block (header + rows), then the indicator block. */
function projectForm(budgetHeader: CellValue[], budgetRows: CellValue[][], indicatorRows: CellValue[][], info: CellValue[][] = [["项目名称", "测试项目"], ["主管部门", "某局"]]): CellValue[][] {
  return [["项目支出绩效自评表"], ["（2023年度）"], ...info, budgetHeader, ...budgetRows, H, ...indicatorRows];
}

const FULL_ROWS: CellValue[][] = [
  ["产出指标", "数量指标", "完成数", "≥10个", "10个", 50, 50, ""],
  ["效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 30, 30, ""],
  ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, ""],
];

describe("the budget line", () => {
  test.each([
    [
      "调整后预算数 beside 预算数: the adjusted budget is the full-year budget",
      ["项目资金（万元）", "预算数", "调整后预算数", "执行数", "分值", "执行率", "得分"],
      [["年度资金总额", 100, 110, 110, 10, "100%", 10]],
      { initialBudget: 100, budget: 110, executed: 110, rate: 1, score: 10 },
      [],
    ],
    [
      "调整预算数 beside 年初预算数",
      ["项目资金（万元）", "年初预算数", "调整预算数", "全年执行数", "分值", "执行率", "得分"],
      [["年度资金总额", 200, 150, 120, 10, "80%", 8]],
      { initialBudget: 200, budget: 150, executed: 120, rate: 0.8, score: 8 },
      [],
    ],
    [
      "年度资金总额 left at 0, the 其中 rows carry the figures",
      ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [["年度资金总额：", "", 0, 0, 0, 10, 0, 0], ["其中：本年财政拨款", "", 90, 90, 89.974, "", "", ""], ["上年结转资金", "", "", "", "", "", "", ""], ["其他资金", "", "", "", "", "", "", ""]],
      { initialBudget: 90, budget: 90, executed: 89.974, score: 10 },
      ["budget_total_unfilled", "budget_rate_differs", "budget_score_differs"],
    ],
    [
      "年度资金总额 left blank, the 其中 rows carry the figures",
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      [["年度资金总额", "", "", "", 10, "", ""], ["其中：当年财政拨款", 50, 50, 40, "", "", ""], ["上年结转资金", 10, 10, 10, "", "", ""]],
      { initialBudget: 60, budget: 60, executed: 50, score: 8.33 },
      ["budget_total_unfilled"],
    ],
  ] as const)("%s", (_, header, rows, expected, expectedCodes) => {
    const { result } = validate(grid(projectForm([...header], rows.map((r) => [...r]), FULL_ROWS)));
    const b = result.summary.budget;
    expect(b).not.toBeNull();
    if (!b) return;
    const got: Record<string, number | null> = { initialBudget: b.initialBudget, budget: b.budget, executed: b.executed, score: b.score };
    if ("rate" in expected) got.rate = b.rate;
    expect(got).toEqual(expected);
    expect(codes(result.summary).filter((c) => c.startsWith("budget_") && c !== "budget_initial_used")).toEqual(expectedCodes);
  });

  test("the unfilled total is said on the total row's cell", () => {
    const { result } = validate(grid(projectForm(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], [["年度资金总额", 0, 0, 0, 10, 0, 0], ["其中：当年财政拨款", 90, 90, 89.974, "", "", ""]], FULL_ROWS)));
    const m = result.summary.messages.find((x) => x.code === "budget_total_unfilled");
    expect([m?.cell, m?.severity, m?.text.zh]).toEqual(["A6", "warning", "“年度资金总额”未填写（为0或空白），按其中各项（第7行）合计计算：预算数90，执行数89.974"]);
  });
});

describe("★ core rows and their 其中 breakdowns", () => {
  test.each([
    [
      "breakdown rows without points are checked, never scored",
      [
        ["产出指标", "数量指标", "★新增就业人数", "≥100人", "120人", 50, 50, ""],
        ["产出指标", "数量指标", "其中：高校毕业生", "≥50人", "40人", "", "", ""],
        ["产出指标", "数量指标", "农民工", "≥30人", "35人", "", "", ""],
        ["效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, ""],
      ],
      [[8, false], [9, true], [10, true], [11, false], [12, false]],
      ["met", "not_met", "met", "met", "met"],
      90,
    ],
    [
      "a 其中 row repeating its parent's 分值 / 得分 is not counted twice",
      [
        ["产出指标", "数量指标", "完成数", "≥10个", "10个", 50, 50, ""],
        ["产出指标", "数量指标", "其中：重点项目", "≥5个", "5个", 50, 50, ""],
        ["效益指标", "社会效益指标", "受益人数", "≥100人", "100人", 30, 30, ""],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, ""],
      ],
      [[8, false], [9, true], [10, false], [11, false]],
      ["met", "met", "met", "met"],
      90,
    ],
  ])("%s", (_, rows, breakdown, statuses, indicatorPoints) => {
    const { result } = validate(grid(projectForm(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], [["年度资金总额", 10, 10, 10, 10, "100%", 10]], rows)));
    expect(result.rows.map((r) => [r.row, r.breakdown === true])).toEqual(breakdown);
    expect(result.rows.map((r) => r.status)).toEqual(statuses);
    // the indicator points plus the budget line's 10
    expect(result.summary.pointsTotal).toBe(indicatorPoints + 10);
    expect(result.summary.totalScore).toBe(100);
  });
});

describe("points written in level names", () => {
  const rows: CellValue[][] = [
    ["产出指标（50分）", "数量指标", "完成数", "≥10个", "10个", 20, 20, ""],
    ["", "质量指标", "合格率", "≥95%", "96%", 20, 20, ""],
    ["效益指标（30分）", "社会效益指标", "受益人数", "≥100人", "100人", 30, 30, ""],
    ["满意度指标(10分)", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, ""],
  ];
  const { result } = validate(grid(projectForm(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], [["年度资金总额", 10, 10, 10, 10, "100%", 10]], rows)));

  test("each level's stated points, its rows' sum and score; the names lose the points", () => {
    expect(result.summary.levels).toEqual([
      { name: "产出指标", cell: "A8", points: 50, childPoints: 40, score: 40 },
      { name: "效益指标", cell: "A10", points: 30, childPoints: 30, score: 30 },
      { name: "满意度指标", cell: "A11", points: 10, childPoints: 10, score: 10 },
    ]);
    expect(result.rows.map((r) => r.level1)).toEqual(["产出指标", "产出指标", "效益指标", "满意度指标"]);
  });

  test("a level whose rows add up to other points is a finding on its cell naming both numbers", () => {
    const m = result.summary.messages.filter((x) => x.code === "level_points");
    expect(m.map((x) => [x.cell, x.text.zh])).toEqual([["A8", "“产出指标”标明50分，其下分值合计40分"]]);
  });
});

describe("the info block", () => {
  test.each([
    ["单位名称", [["单位名称", "某某中心"]], { department: null, reportingUnit: "某某中心" }],
    ["填报单位（盖章）", [["填报单位（盖章）：某某局"]], { department: null, reportingUnit: "某某局" }],
    ["主管部门 and 单位名称", [["主管部门", "某局"], ["单位名称", "某中心"]], { department: "某局", reportingUnit: "某中心" }],
  ] as const)("%s is the reporting unit, not the 主管部门", (_, info, expected) => {
    const values: CellValue[][] = [["部门整体支出绩效自评表"], ...info.map((r) => [...r]), H, ...FULL_ROWS];
    const { result } = validate(grid(values));
    expect({ department: result.form.department, reportingUnit: result.form.reportingUnit ?? null }).toEqual(expected);
    expect(result.form.kind).toBe("department");
  });
});

describe("level findings are written back on the level's row", () => {
  test("the explanation cell of the row that states the points names both numbers", () => {
    const rows: CellValue[][] = [
      ["产出指标（50分）", "数量指标", "完成数", "≥10个", "10个", 20, 20, ""],
      ["", "质量指标", "合格率", "≥95%", "96%", 20, 20, ""],
      ["效益指标（30分）", "社会效益指标", "受益人数", "≥100人", "100人", 30, 30, ""],
    ];
    const { plan } = validate(grid(projectForm(["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], [["年度资金总额", 10, 10, 10, 10, "100%", 10]], rows)));
    // the plan's rows start at its header row; the explanation is the fourth result column
    const texts = plan.cells.flatMap((cells, i) => cells.filter((c) => typeof c === "string" && c.includes("标明")).map((c) => [plan.startRow + i, c]));
    expect(texts).toEqual([[8, "A8: “产出指标”标明50分，其下分值合计40分"]]);
    expect(plan.notes.filter((n) => n.text.includes("标明")).map((n) => n.text)).toEqual(["A8: “产出指标”标明50分，其下分值合计40分"]);
  });
});
