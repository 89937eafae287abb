/** Goal-block forms (docs/form-families.md): points from the headers and block titles, repeated headers, block checks. */
import { CellValue } from "../../../src/core/basics/grid";
import { recognise } from "../../../src/core/forms/registry";
import { grid, validate } from "../helpers";

const HEADER = ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"];

function form(over: { budgetHeader?: CellValue[]; block2?: CellValue[][]; total?: CellValue[]; repeat?: boolean } = {}): CellValue[][] {
  return [
    ["项目支出绩效自评表"],
    over.budgetHeader ?? ["预算执行情况（万元）（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"],
    ["年度资金总额", 200, 190, "95%", 19],
    ["年度绩效目标1（40分）"],
    HEADER,
    ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 20],
    ...(over.repeat ? [HEADER] : []),
    [null, "质量指标", "合格率", "≥90%", "95%", 20],
    ["年度绩效目标2（40分）"],
    HEADER,
    ...(over.block2 ?? [
      ["效益指标", "社会效益指标", "知晓率", "≥90%", "92%", 20],
      ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 20],
    ]),
    over.total ?? ["总分", null, null, null, null, 99],
  ];
}

describe("goal-block forms", () => {
  test("outranks the national and plain readers of the same sheet", () => {
    expect(recognise(grid(form())).map((r) => r.family.id)[0]).toBe("goal_blocks");
  });

  test.each([
    ["points in the block header", undefined],
    ["points only in the score header", ["预算执行情况（万元）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"]],
  ] as const)("the budget line gets its points: %s", (_, budgetHeader) => {
    const { result } = validate(grid(form({ budgetHeader: budgetHeader ? [...budgetHeader] : undefined })));
    expect(result.form.kind).toBe("goal_blocks");
    expect(result.summary.budget).toMatchObject({ budget: 200, executed: 190, rate: 0.95, points: 20, score: 19 });
    expect(result.summary).toMatchObject({ pointsTotal: 100, totalScore: 99, final: true, grade: "优" });
    expect(result.summary.blocks).toEqual([
      { title: "年度绩效目标1", cell: "A4", points: 40, score: 40, rowCount: 2 },
      { title: "年度绩效目标2", cell: "A8", points: 40, score: 40, rowCount: 2 },
    ]);
  });

  test("a header repeated inside a block is a header, never an indicator row", () => {
    const { result } = validate(grid(form({ repeat: true })));
    expect(result.rows.map((r) => r.name)).toEqual(["培训人数", "合格率", "知晓率", "满意度"]);
    const codes = result.rows.flatMap((r) => r.messages.map((m) => m.code));
    expect(codes).not.toContain("score_invalid");
  });

  test.each<[string, CellValue[][], number, string[]]>([
    // every row met, 19.6 written for a met row (20 × its 98 %): the block understates, a warning on its title
    ["all met, scores below the block's points", [["效益指标", "社会效益指标", "知晓率", "98%", "98%", 20], ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 19.6]], 39.6, ["block_met_below_points@A8"]],
    // a row not met: scoring below the points is the row's own matter, not the block's
    ["a row not met", [["效益指标", "社会效益指标", "知晓率", "≥90%", "80%", 15], ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 20]], 35, []],
    ["all met, full points", [["效益指标", "社会效益指标", "知晓率", "≥90%", "92%", 20], ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 20]], 40, []],
  ])("a block whose rows are all met earns its points: %s", (_, block2, score, want) => {
    const { result } = validate(grid(form({ block2 })));
    expect(result.summary.blocks?.[1].score).toBe(score);
    const found = result.summary.messages.filter((m) => m.code === "block_met_below_points").map((m) => `${m.code}@${m.cell ?? ""}`);
    expect(found).toEqual(want);
    if (want.length > 0) expect(result.summary.messages.find((m) => m.code === "block_met_below_points")?.severity).toBe("warning");
  });

  test("rows are checked against their targets; the stated scores stand", () => {
    const { result } = validate(grid(form({ block2: [["效益指标", "社会效益指标", "知晓率", "≥90%", "80%", 15], ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 20]], total: ["总分", null, null, null, null, 94] })));
    expect(result.rows.map((r) => [r.status, r.score])).toEqual([["met", 20], ["met", 20], ["not_met", 15], ["met", 20]]);
    expect(result.summary).toMatchObject({ totalScore: 94, final: true });
  });

  test.each<[string, CellValue[][], CellValue[] | undefined, string, string, number]>([
    ["a block whose scores exceed its points: on its title, counted at its points", [["效益指标", "社会效益指标", "知晓率", "≥90%", "92%", 25], ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 20]], ["总分", null, null, null, null, 104], "block_over_points", "A8", 99],
    ["a stated 总分 that disagrees", [["效益指标", "社会效益指标", "知晓率", "≥90%", "92%", 20], ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 20]], ["总分", null, null, null, null, 100], "stated_total", "F12", 99],
    ["a total's stated points against the form's", [["效益指标", "社会效益指标", "知晓率", "≥90%", "92%", 20], ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", 20]], ["总分（110分）", null, null, null, null, 99], "stated_points_total", "A12", 99],
  ])("%s", (_, block2, total, code, cell, totalScore) => {
    const { result } = validate(grid(form({ block2, total })));
    const all = [...result.summary.messages, ...result.rows.flatMap((r) => r.messages)];
    expect(all.filter((m) => m.code === code).map((m) => m.cell)).toEqual([cell]);
    expect(result.summary.totalScore).toBe(totalScore);
  });
});

test("a goal title written in its own header row", () => {
  const values: CellValue[][] = [
    ["预算执行情况（万元）（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"],
    ["年度资金总额", 50, 50, "100%", 20],
    ["年度绩效目标1（40分）", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    [null, "覆盖人数", "≥500人", "520人", 40],
    ["年度绩效目标2（40分）", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    [null, "满意度", "≥90%", "88%", 38],
  ];
  const { result } = validate(grid(values));
  expect(result.form.kind).toBe("goal_blocks");
  expect(result.rows.map((r) => [r.name, r.status, r.score])).toEqual([["覆盖人数", "met", 40], ["满意度", "not_met", 38]]);
  expect(result.summary).toMatchObject({ pointsTotal: 100, totalScore: 98, final: true });
});

test("numbered titles (一、年度绩效目标1（50分）) are block titles too", () => {
  const values: CellValue[][] = [
    ["一、年度绩效目标1（50分）"],
    ["三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    ["覆盖人数", "≥500人", "520人", 50],
    ["二、年度绩效目标2（50分）"],
    ["三级指标", "年初目标值（A）", "实际完成值（B）", "得分"],
    ["满意度", "≥90%", "95%", 50],
  ];
  const { result } = validate(grid(values));
  expect(result.form.kind).toBe("goal_blocks");
  expect(result.summary.blocks?.map((b) => [b.title, b.points])).toEqual([["一、年度绩效目标1", 50], ["二、年度绩效目标2", 50]]);
  expect(result.summary).toMatchObject({ pointsTotal: 100, totalScore: 100, grade: "优" });
});
