/** Scoring sheets (docs/form-families.md): the three layouts read alike, each check on its cell. */
import { CellValue } from "../../../src/core/basics/grid";
import { pointsInName } from "../../../src/core/forms/level-points";
import { recogniseScoringSheet } from "../../../src/core/forms/scoring";
import { grid, validate } from "../helpers";

describe("points written in a name", () => {
  test.each([
    ["投入（15分）", "投入", 15],
    ["投  入\n(15分)", "投入", 15],
    ["相关性(5 分)", "相关性", 5],
    ["（特性指标70分）", "", 70],
    ["年度绩效目标1（40分）", "年度绩效目标1", 40],
    ["预算执行情况（万元）（20分）", "预算执行情况(万元)", 20],
    ["得分（20分*执行率）", "得分", 20],
    ["重点改革(重点工作)完成情况(5分)", "重点改革(重点工作)完成情况", 5],
    ["资金到位率(≥95%得5分)", "资金到位率(≥95%得5分)", null],
    ["资金到位率(100%)", "资金到位率(100%)", null],
    ["满意度", "满意度", null],
    ["产出指标50分", "产出指标", 50],
    ["未完成扣1分", "未完成扣1分", null],
  ] as const)("%s → %s, %s", (text, name, points) => {
    expect(pointsInName(text)).toEqual({ name, points });
  });

  test("a bare number in brackets is points only where a level may state them", () => {
    expect(pointsInName("绩效目标(10)").points).toBeNull();
    expect(pointsInName("绩效目标(10)", { bare: true })).toEqual({ name: "绩效目标", points: 10 });
    expect(pointsInName("项目(2023)", { bare: true }).points).toBeNull();
  });
});

const A_HEADER = ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因"];
const B_HEADER = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评价标准", "指标说明", "得分"];
const C_HEADER = ["一级指标", "二级指标", "三级指标", "得分"];

/** Layout A: 投入 15 = 预算配置 10 + 资金管理 5, with 合计. */
function layoutA(over: { score2?: CellValue; reason2?: CellValue; totalScore?: CellValue; totalPoints?: CellValue } = {}): CellValue[][] {
  return [
    ["部门整体支出绩效评价指标评分表"],
    A_HEADER,
    ["投入（15分）", "预算配置（10分）", "在职人员控制率", "≤100%计5分", 5, 5, null],
    [null, null, "三公经费变动率", "≤0计5分", 5, "score2" in over ? over.score2 : 4, over.reason2 ?? null],
    [null, "资金管理（5分）", "资金使用合规性", "每例扣1分", 5, 5, null],
    ["合计", null, null, null, over.totalPoints ?? 15, "totalScore" in over ? over.totalScore : 14, null],
  ];
}

describe("the three layouts", () => {
  test.each([
    ["one 分值 column", layoutA(), "points_column", { level1: 0, level2: 1, name: 2, points: 4, score: 5, reason: 6 }],
    [
      "one 分值 column per level",
      [B_HEADER, ["决策", 20, "项目立项", 20, "立项依据", 10, "符合规划10分", "", 10], [null, null, null, null, "立项程序", 10, "程序规范10分", "", 9]],
      "points_per_level",
      { level1: 0, level2: 2, name: 4, points: 5, score: 8 },
    ],
    [
      "points only in the names",
      [C_HEADER, ["投入（10分）", "预算配置（10分）", "相关性(5分)", 5], [null, null, "合理性(5分)", 4]],
      "points_in_names",
      { level1: 0, level2: 1, name: 2, score: 3 },
    ],
  ] as const)("%s", (_, values, kind, columns) => {
    const found = recogniseScoringSheet(grid(values as CellValue[][]));
    expect(found?.layout.kind).toBe(kind);
    const { result } = validate(grid(values as CellValue[][]));
    expect(result.form.kind).toBe("scoring");
    const letters = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, String.fromCharCode(65 + c)]));
    expect(result.columns).toEqual(letters);
  });

  test("a table with 年度指标值 and 实际完成值 is not a scoring sheet", () => {
    const { result } = validate(grid([["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["产出（50分）", "完成数", "≥10个", "12个", 50, 50]]));
    expect(result.form.kind).toBe("plain");
  });

  test("names keep their words, lose their points, spaces and line breaks; rows carry their criteria", () => {
    const { result } = validate(grid([A_HEADER, ["投  入\n(5分)", "预算\n配置(5分)", "重点支出\n安排率", "≥90%计5分", 5, 5, null]]));
    expect(result.rows[0]).toMatchObject({ name: "重点支出安排率", level1: "投入", level2: "预算配置", points: 5, score: 5, criteria: "≥90%计5分", status: "qualitative" });
  });
});

interface CheckCase {
  values: CellValue[][];
  code: string;
  cell: string;
  text?: RegExp;
}

describe("the checks, each on its cell", () => {
  test.each<[string, CheckCase]>([
    ["得分 above 分值: on the score cell", { values: layoutA({ score2: 6, totalScore: 16 }), code: "score_over_points", cell: "F4" }],
    ["a level's points against its children's, naming both", {
      values: [C_HEADER, ["投入（15分）", "预算配置（10分）", "相关性(5分)", 5], [null, null, "合理性(5分)", 5], [null, "资金管理（4分）", "合规性(4分)", 4]],
      code: "level_points",
      cell: "A2",
      text: /15.*14/,
    }],
    ["a level's 分值 cell (one column per level)", {
      values: [B_HEADER, ["决策", 20, "项目立项", 12, "立项依据", 10, "", "", 10], [null, null, null, null, "立项程序", 10, "", "", 10]],
      code: "level_points",
      cell: "D2",
      text: /12.*20/,
    }],
    ["stated 合计 score against the scores' sum", { values: layoutA({ totalScore: 15 }), code: "stated_total", cell: "F6" }],
    ["stated 合计 points against the points' sum", { values: layoutA({ totalPoints: 20 }), code: "stated_points_total", cell: "E6" }],
    ["扣分原因 expected where 得分 < 分值", { values: layoutA(), code: "reason_required", cell: "G4" }],
    ["a blank score on a row with points: unfilled, total provisional", { values: layoutA({ score2: null, totalScore: null }), code: "score_unfilled", cell: "F4" }],
  ])("%s", (_, c) => {
    const { result } = validate(grid(c.values));
    const all = [...result.summary.messages, ...result.rows.flatMap((r) => r.messages)];
    const hit = all.find((m) => m.code === c.code && m.cell === c.cell);
    expect(hit ? `${hit.code}@${hit.cell}` : all.map((m) => `${m.code}@${m.cell ?? ""}`).join(" ")).toBe(`${c.code}@${c.cell}`);
    if (c.text) expect(hit?.text.zh).toMatch(c.text);
  });

  test("a filled 扣分原因 and matching totals: no finding, final total and grade withheld for 15 points", () => {
    const { result } = validate(grid(layoutA({ reason2: "超支1个百分点" })));
    const codes = [...result.summary.messages, ...result.rows.flatMap((r) => r.messages)].map((m) => m.code);
    expect(codes).not.toEqual(expect.arrayContaining(["reason_required"]));
    expect(codes).not.toContain("stated_total");
    expect(codes).not.toContain("level_points");
    expect(result.summary).toMatchObject({ pointsTotal: 15, totalScore: 14, final: true, grade: null, gradeWithheld: "points_total" });
    expect(result.summary.levels).toEqual([
      { name: "投入", cell: "A3", points: 15, childPoints: 15, score: 14 },
      { name: "预算配置", cell: "B3", points: 10, childPoints: 10, score: 9 },
      { name: "资金管理", cell: "B5", points: 5, childPoints: 5, score: 5 },
    ]);
  });

  test("a 100-point sheet is graded", () => {
    const values: CellValue[][] = [C_HEADER, ["投入（60分）", "预算（60分）", "相关性(60分)", 55], ["产出（40分）", "数量（40分）", "完成率(40分)", 38]];
    const { result } = validate(grid(values));
    expect(result.summary).toMatchObject({ pointsTotal: 100, totalScore: 93, final: true, grade: "优" });
  });

  test("部门特性指标 with blank rows: unfilled, its level's points undetermined, never 0", () => {
    const values: CellValue[][] = [
      C_HEADER,
      ["决策（20分）", "目标（20分）", "明确性(20分)", 20],
      ["绩效（80分）", "履职成效（50分）", "部门特性指标", null],
      [],
      [],
      [null, "满意度（30分）", "社会公众满意度(30分)", 27],
    ];
    const { result } = validate(grid(values));
    const codes = result.summary.messages.map((m) => `${m.code}@${m.cell ?? ""}`);
    expect(codes).toEqual(expect.arrayContaining(["row_unfilled@C3", "level_unfilled@B3"]));
    expect(result.rows.find((r) => r.row === 3)).toMatchObject({ status: "invalid", points: 50, score: null });
    expect(result.summary).toMatchObject({ pointsTotal: 100, totalScore: 47, final: false, grade: null, range: [47, 97] });
  });
});

describe("headers as offices merge them", () => {
  test("a two-row header: 得分 and 分值 merged over both rows, 指标 over 一级 | 二级 | 三级", () => {
    const values: CellValue[][] = [
      ["指标", null, null, "分值", "自评得分"],
      ["一级指标", "二级指标", "三级指标", null, null],
      ["投入（10分）", "预算配置（10分）", "重点支出安排率", 10, 9],
    ];
    const { result } = validate(grid(values));
    expect(result.form.kind).toBe("scoring");
    expect(result.headerRow).toBe(2);
    expect(result.rows[0]).toMatchObject({ name: "重点支出安排率", points: 10, score: 9 });
  });
});
