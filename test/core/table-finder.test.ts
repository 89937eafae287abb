/** docs/rules.md §6: finding the indicator table — header variants, position, two-row headers, fill-down, skipped rows. */
import { CellValue } from "../../src/core/basics/grid";
import { Role, findTable, roleOfHeader } from "../../src/core/forms/table-finder";
import { validateGrid } from "../../src/core/indicators/validate";
import { grid, validate } from "./helpers";

describe("header variants (Chinese and English, spaces, line breaks, full-width brackets)", () => {
  test.each<[string, Role]>([
    ["一级指标", "level1"],
    ["二级指标", "level2"],
    ["三级指标", "name"],
    ["指标名称", "name"],
    ["绩效指标", "name"],
    ["指标", "name"],
    ["Indicator", "name"],
    ["年度指标值", "target"],
    ["指标值", "target"],
    ["目标值", "target"],
    ["年度目标值", "target"],
    ["目标值(标准)", "target"],
    ["调整后指标", "target"],
    ["Target", "target"],
    ["实际完成值", "actual"],
    ["完成值", "actual"],
    ["实际值", "actual"],
    ["全年实际值", "actual"],
    ["实际完成情况", "actual"],
    ["Actual", "actual"],
    ["指标性质", "operator"],
    ["计算符号", "operator"],
    ["度量单位", "unit"],
    ["计量单位", "unit"],
    ["单位", "unit"],
    ["Unit", "unit"],
    ["分值", "points"],
    ["权重", "points"],
    ["指标分值", "points"],
    ["Weight", "points"],
    ["得分", "score"],
    ["自评得分", "score"],
    ["Score", "score"],
    ["偏差原因分析及改进措施", "reason"],
    ["偏差原因及改进措施", "reason"],
    ["未完成原因分析", "reason"],
    ["Reason", "reason"],
    // written differently
    ["年度指标值（A）", "target"],
    ["年度指标值(A)", "target"],
    ["目标值（标准）", "target"],
    ["全年实际值（B）", "actual"],
    ["分值（W）", "points"],
    ["年度\n指标值", "target"],
    ["实际 完成值", "actual"],
    ["三级\r\n指标", "name"],
    ["　得　分　", "score"],
    ["INDICATOR", "name"],
    ["target value", "target"],
    ["Actual value", "actual"],
  ])("%j is the %s column", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  test.each<[CellValue]>([["序号"], ["备注"], [""], [null], [42], ["核对·状态"], ["项目名称"]])("%p is no role", (header) => {
    expect(roleOfHeader(header)).toBeNull();
  });

  test("an English header row is a table", () => {
    const { result } = validate(
      grid([
        ["Level 1", "Indicator", "Target", "Actual", "Weight", "Score", "Reason"],
        ["Output", "Enrolment", "≥200万人", "234.42万人", 10, 10, ""],
      ]),
    );
    expect(result.columns).toEqual({ level1: "A", name: "B", target: "C", actual: "D", points: "E", score: "F", reason: "G" });
    expect(result.rows[0].status).toBe("met");
  });

  test("a header row written with full-width brackets and line breaks is a table", () => {
    const { result } = validate(
      grid([
        ["一级\n指标", "二级 指标", "三级指标", "年度指标值（A）", "全年实际值（B）", "分 值", "得分\n（分）", "偏差原因分析\n及改进措施"],
        ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 10, 10, ""],
      ]),
    );
    expect(result.columns).toEqual({ level1: "A", level2: "B", name: "C", target: "D", actual: "E", points: "F", score: "G", reason: "H" });
  });
});

describe("where the table starts", () => {
  const header: CellValue[] = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  const body: CellValue[][] = [
    ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 50, 50, ""],
    ["效益指标", "社会效益", "满意度", "≥90%", "95%", 50, 50, ""],
  ];

  test("a header in row 1", () => {
    const { result } = validate(grid([header, ...body]));
    expect(result.headerRow).toBe(1);
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  test("a header in row 12 under a title block (the usual 自评表 layout)", () => {
    const title: CellValue[][] = [
      ["项目支出绩效自评表"],
      ["（2023年度）"],
      ["项目名称", "城乡居民基本医疗保险", "", "主管部门", "江门市医疗保障局"],
      ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 26336.8, 26336.8, 26336.8, 10, "100%", 10],
      [],
      ["年度总体目标", "预期目标", "", "", "实际完成情况"],
      ["", "保障参保人基本医疗需求", "", "", "达成年度指标"],
      [],
      ["绩效指标"],
      [""],
    ];
    expect(title).toHaveLength(11);
    const { result } = validate(grid([...title, header, ...body]));
    expect(result.headerRow).toBe(12);
    expect(result.rows.map((r) => [r.row, r.name, r.status])).toEqual([
      [13, "参保人数", "met"],
      [14, "满意度", "met"],
    ]);
  });

  test("a grid read from further down the sheet reports sheet rows", () => {
    const { result } = validate(grid([header, ...body], { firstRow: 5, firstCol: 3 }));
    expect(result.headerRow).toBe(5);
    expect(result.columns.name).toBe("E");
    expect(result.rows[0].messages.every((m) => !m.cell || /^[C-J]\d+$/.test(m.cell))).toBe(true);
    expect(result.rows.map((r) => r.row)).toEqual([6, 7]);
  });

  test("a header beyond the first 30 rows is not found", () => {
    const filler: CellValue[][] = Array.from({ length: 30 }, (_, i) => [`说明第${i + 1}行`]);
    expect(validateGrid(grid([...filler, header, ...body])).ok).toBe(false);
    expect(validate(grid([...filler.slice(1), header, ...body])).result.headerRow).toBe(30);
  });
});

describe("two-row headers", () => {
  test("a merged 绩效指标 above 一级/二级/三级, target and actual merged down", () => {
    const { result } = validate(
      grid([
        ["绩效指标", "", "", "年度指标值", "实际完成值", "分值", "得分"],
        ["一级指标", "二级指标", "三级指标", "", "", "", ""],
        ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 50, 50],
        ["效益指标", "社会效益", "满意度", "≥90%", "95%", 50, 50],
      ]),
    );
    expect(result.headerRow).toBe(2);
    expect(result.columns).toEqual({ level1: "A", level2: "B", name: "C", target: "D", actual: "E", points: "F", score: "G" });
    expect(result.rows.map((r) => [r.level1, r.level2, r.name, r.status])).toEqual([
      ["产出指标", "数量指标", "参保人数", "met"],
      ["效益指标", "社会效益", "满意度", "met"],
    ]);
  });
});

describe("merged level cells come through blank and are filled down", () => {
  const { result } = validate(
    grid([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
      ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人"],
      ["", "", "病种数", "≥4000个", "7700个左右"],
      ["", "质量指标", "结算率", "100%", "100%"],
      [null, null, "覆盖率", "100%", "100%"],
      ["效益指标", "", "负担", "有效缓解", "达成年度指标"],
      ["", "社会效益", "满意度", "≥80%", "超过80%"],
      ["", "", "知晓率", "≥60%", "65%"],
    ]),
  );

  test.each([
    [0, "产出指标", "数量指标"],
    [1, "产出指标", "数量指标"],
    [2, "产出指标", "质量指标"],
    [3, "产出指标", "质量指标"],
    [4, "效益指标", ""],
    [5, "效益指标", "社会效益"],
    [6, "效益指标", "社会效益"],
  ])("row %d is under %s / %s", (i, level1, level2) => {
    expect([result.rows[i].level1, result.rows[i].level2]).toEqual([level1, level2]);
  });
});

describe("rows that are not indicators", () => {
  test.each([["合计"], ["总分"], ["小计"], ["总计"], ["合 计"]])("a %s row is skipped", (word) => {
    const { result } = validate(
      grid([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 60, 60],
        ["", "", word, "", "", 60, 60],
        ["效益指标", "社会效益", "满意度", "≥90%", "95%", 40, 40],
        [word, "", "", "", "", 100, 100],
      ]),
    );
    expect(result.rows.map((r) => r.name)).toEqual(["参保人数", "满意度"]);
    expect(result.summary.pointsTotal).toBe(100);
  });

  test("section rows and blank rows are skipped; a lone section heading names level 1", () => {
    const { result } = validate(
      grid([
        ["指标名称", "年度指标值", "实际完成值"],
        ["一、产出指标", "", ""],
        ["参保人数", "≥200万人", "234.42万人"],
        [],
        ["", "", ""],
        ["二、效益指标"],
        ["满意度", "≥90%", "95%"],
        ["注：数据来源于医保信息系统"],
      ]),
    );
    expect(result.rows.map((r) => [r.row, r.level1, r.name])).toEqual([
      [3, "产出指标", "参保人数"],
      [7, "效益指标", "满意度"],
    ]);
  });
});

describe("operator, value and unit in three columns", () => {
  test.each<[CellValue[], CellValue[], CellValue, string, number | null, string | null, string]>([
    [["指标性质", "指标值", "度量单位"], ["≥", 95, "%"], "96%", "ge", 95, "%", "met"],
    [["指标性质", "指标值", "度量单位"], ["≤", 3, "次"], 4, "le", 3, "次", "not_met"],
    [["指标性质", "指标值", "度量单位"], ["=", 0, "件"], "0件", "eq", 0, "件", "met"],
    [["指标性质", "指标值", "度量单位"], [">", "80", "%"], "85%", "gt", 80, "%", "met"],
    [["指标性质", "指标值", "度量单位"], ["正向", 200, "万人"], "234.42", "ge", 200, "万人", "met"],
    [["指标性质", "指标值", "度量单位"], ["反向", 10, "%"], "12%", "le", 10, "%", "not_met"],
    [["指标性质", "指标值", "度量单位"], ["定性", "有效提升", ""], "达成年度指标", "qualitative", null, null, "qualitative"],
    [["计算符号", "指标值", "计量单位"], ["≥", 0.95, ""], 0.97, "ge", 0.95, null, "met"],
    [["计算符号", "指标值", "计量单位"], ["≥", 0.95, "%"], "96%", "ge", 0.95, "%", "met"],
    [["计算符号", "目标值", "单位"], ["≥", "95%", "%"], "96%", "ge", 95, "%", "met"],
    [["计算符号", "目标值", "单位"], ["", 4, "次/年"], "16次", "ge", 4, "次/年", "met"],
  ])("%j: %j against %p", (heads, parts, actual, op, value, unit, status) => {
    const { result } = validate(
      grid([
        ["一级指标", "二级指标", "三级指标", ...heads, "实际完成值"],
        ["产出指标", "数量指标", "指标", ...parts, actual],
      ]),
    );
    const r = result.rows[0];
    expect([r.target.op, r.target.value, r.target.unit, r.status]).toEqual([op, value, unit, status]);
  });

  test("a percent-formatted value cell keeps its percent", () => {
    const { result } = validate(
      grid(
        [
          ["三级指标", "指标性质", "指标值", "度量单位", "实际完成值"],
          ["覆盖率", "≥", 0.95, "", 0.97],
        ],
        { numberFormats: [[], [null, null, "0%", null, "0.00%"]] },
      ),
    );
    const r = result.rows[0];
    expect([r.target.text, r.target.value, r.actual.value, r.status]).toEqual(["≥95%", 95, 97, "met"]);
  });
});

describe("no table", () => {
  test.each<[string, CellValue[][]]>([
    ["a grid without headers", [["a", "b"], [1, 2]]],
    ["an empty grid", []],
    ["a name column without target or actual", [["三级指标", "备注"], ["参保人数", "x"]]],
    ["a target column without any indicator column", [["年度指标值", "实际完成值"], ["≥1", "2"]]],
  ])("%s: ok false, saying what was looked for", (_label, values) => {
    const out = findTable(grid(values));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    for (const word of ["三级指标", "年度指标值", "实际完成值"]) expect(out.reason.zh).toContain(word);
    for (const word of ["Indicator", "Target", "Actual"]) expect(out.reason.en).toContain(word);
    expect(validateGrid(grid(values)).ok).toBe(false);
  });

  test("a header with nothing under it says so", () => {
    const out = validateGrid(grid([["三级指标", "年度指标值", "实际完成值"], [], [""]]));
    expect(out.ok || out.reason.en).toBe("found the header but no indicator rows below it");
  });

  test("the user can pick the header row and the columns", () => {
    const values: CellValue[][] = [
      ["项目", "计划", "完成"],
      ["参保人数", "≥200万人", "234.42万人"],
    ];
    expect(validateGrid(grid(values)).ok).toBe(false);
    const { result } = validate(grid(values), { headerIndex: 0, columns: { name: 0, target: 1, actual: 2 } });
    expect(result.rows.map((r) => [r.name, r.status])).toEqual([["参保人数", "met"]]);
  });
});
