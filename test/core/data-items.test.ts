/** docs/form-families.md, evaluation forms with collected data items: recognising the layout, reading rows, the row's value and findings. */
import { CellValue } from "../../src/core/basics/grid";
import { columnLetter } from "../../src/core/basics/address";
import { prepareDataItemRow, readDataItems, recogniseDataItems } from "../../src/core/forms/data-items/read";
import { evaluateFormula } from "../../src/memory-excel/formulas";
import { grid } from "./helpers";

export const TOP: CellValue[] = ["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值（标准）", "分值", "采集数据项", null, "指标值"];
export const SUB: CellValue[] = [null, null, null, null, null, null, null, null, "数据项1", "数据项2", null];

/** A data-item row: level 1 | 权重 | level 2 | 分值 | name | unit | target | points | item 1 | item 2 | value. */
function line(...cells: CellValue[]): CellValue[] {
  return cells;
}

function read(values: CellValue[][]) {
  const g = grid(values);
  const rec = recogniseDataItems(g);
  if (!rec) throw new Error("not recognised");
  return { g, rec, read: readDataItems(g, rec.layout) };
}

describe("recognising the layout", () => {
  test("the two-row header: every role in its column, the row's 分值 beside its target, not the level's", () => {
    const { rec } = read([["部门整体支出绩效评价表"], TOP, SUB, line("投入", 20, "预算执行", 100, "预算执行率", "%", "≥95%", 100, "执行数90万元", "预算数100万元", 90)]);
    expect(rec.layout.headerTop).toBe(1);
    expect(rec.layout.headerIndex).toBe(2);
    expect(rec.layout.columns).toEqual({ level1: 0, weight: 1, level2: 2, level2Points: 3, name: 4, unit: 5, target: 6, points: 7, item1: 8, item2: 9, value: 10 });
    expect(rec.confidence).toBeGreaterThanOrEqual(0.9);
  });

  test.each<[string, CellValue[][]]>([
    ["the items on one header row", [["三级指标", "目标值", "分值", "数据项1", "数据项2", "指标值"]]],
    ["分子 | 分母", [["三级指标", "目标值", "分值", "分子", "分母", "指标实际值"]]],
  ])("%s", (_, header) => {
    const g = grid([...header, ["培训完成率", "≥90%", 10, 900, 1000, null]]);
    const rec = recogniseDataItems(g);
    expect(rec?.layout.columns).toMatchObject({ name: 0, target: 1, points: 2, item1: 3, item2: 4, value: 5 });
  });

  test.each<[string, CellValue[], Record<string, number>]>([
    ["no 三级指标: the level-2 分值 is the rows' points", ["一级指标", "权重", "二级指标", "分值", "目标值", "数据项1", "数据项2", "指标值"], { level1: 0, weight: 1, level2: 2, name: 2, points: 3, target: 4, item1: 5, item2: 6, value: 7 }],
    ["权重 beside the row's name is its points", ["三级指标", "权重", "目标值", "数据项1", "数据项2"], { name: 0, points: 1, target: 2, item1: 3, item2: 4 }],
  ])("%s", (_, header, columns) => {
    const g = grid([header, ["x", 10, "y", 10, "≥90%", 9, 10, 90]]);
    expect(recogniseDataItems(g)?.layout.columns).toEqual(columns);
  });

  test("item headers that say what they hold (数据项1（预算数）) decide the numerator with a formula in the name", () => {
    const g = grid([
      ["三级指标", "计量单位", "目标值", "分值", "数据项1（预算数）", "数据项2：结余数", "指标值"],
      ["资金结余率（计算方法为：结余数/预算数）", "%", "≤5%", 10, 300, 12, null],
    ]);
    const rec = recogniseDataItems(g);
    expect(rec?.layout.itemLabels).toEqual(["预算数", "结余数"]);
    const p = prepareDataItemRow(readDataItems(g, rec!.layout).rows[0]);
    expect(p.computed?.items).toEqual(["F2", "E2"]);
    expect(p.computed?.value).toBe(4);
  });

  test("采集数据项 merged over the items and the value", () => {
    const g = grid([
      ["一级指标", "二级指标", "三级指标", "目标值", "分值", "采集数据项", null, null],
      [null, null, null, null, null, "数据项1", "数据项2", "指标值"],
      ["产出", "质量", "合格率", "≥90%", 100, 90, 100, 90],
    ]);
    expect(recogniseDataItems(g)?.layout).toMatchObject({ headerTop: 0, headerIndex: 1, columns: { level1: 0, level2: 1, name: 2, target: 3, points: 4, item1: 5, item2: 6, value: 7 } });
  });

  test.each<[string, CellValue[][]]>([
    ["a national form", [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]],
    ["items without names", [["数据项1", "数据项2"]]],
  ])("not this family: %s", (_, header) => {
    expect(recogniseDataItems(grid([...header, ["x", 1, 2, 3, 4, 5, 6]]))).toBeNull();
  });
});

describe("reading rows", () => {
  const values: CellValue[][] = [
    ["部门整体支出绩效评价表"],
    TOP,
    SUB,
    line("投入", 20, "预算执行", 100, "预算执行率", "%", "≥95%", 60, "执行数90万元", "预算数100万元", 90),
    line(null, null, null, null, "结余率（计算方法为：结余数/预算数）", "%", "≤5%", 40, "预算数100万元", "结余数10万元", 10),
    TOP,
    SUB,
    line("产出", 80, "数量", 50, "参训人数", "人", "≥1000人", 50, "参训人数1380人", null, null),
    line(null, null, "质量", 50, "培训合格率", "%", "≥90%", 50, "合格人数1200人", "参训人数1380人", 96),
  ];

  test("repeated headers are headers, never indicator rows", () => {
    const { read: r } = read(values);
    expect(r.rows.map((x) => x.input.name)).toEqual(["预算执行率", "结余率（计算方法为：结余数/预算数）", "参训人数", "培训合格率"]);
    expect(r.repeatedHeaders).toEqual([6, 7]);
  });

  test("the row's points are the 分值 beside its target; levels keep theirs (权重, 分值)", () => {
    const { read: r } = read(values);
    expect(r.rows.map((x) => x.input.points?.value)).toEqual([60, 40, 50, 50]);
    expect(r.levels.map((l) => [l.depth, l.name, l.points, l.pointsCell, l.rows])).toEqual([
      [1, "投入", 20, "B4", [0, 1]],
      [2, "预算执行", 100, "D4", [0, 1]],
      [1, "产出", 80, "B8", [2, 3]],
      [2, "数量", 50, "D8", [2]],
      [2, "质量", 50, "D9", [3]],
    ]);
    expect(r.rows.map((x) => [x.input.level1, x.input.level2])).toEqual([
      ["投入", "预算执行"],
      ["投入", "预算执行"],
      ["产出", "数量"],
      ["产出", "质量"],
    ]);
  });

  test("the value is 数据项1 ÷ 数据项2 (×100 for %), the numerator from a formula in the name, the user's 指标值 untouched", () => {
    const { read: r } = read(values);
    const prepared = r.rows.map(prepareDataItemRow);
    expect(prepared.map((p) => p.computed?.value ?? null)).toEqual([90, 10, 1380, 86.9565217391304]);
    expect(prepared.map((p) => p.computed?.items ?? null)).toEqual([["I4", "J4"], ["J5", "I5"], ["I8"], ["I9", "J9"]]);
    expect(prepared.map((p) => p.input.actual?.value)).toEqual(["90%", "10%", "1380人", "86.9565217391304%"]);
    expect(prepared[1].messages.map((m) => m.code)).toEqual(["item_swapped"]);
    // one item and no divisor on a count row: the item is the value
    expect(prepared[2].computed?.formula).toBe('=IFERROR(NUMBERVALUE(MID(I8,5,LEN(I8)-5),".",","),"")');
    expect(prepared[2].messages.map((m) => [m.code, m.cell])).toEqual([["item_value_computed", "E8"]]);
    // 96 written where the items give 86.96: better than the items on an at-least target
    expect(prepared[3].messages.map((m) => [m.code, m.severity, m.cell])).toEqual([["item_ratio_overstated", "error", "K9"]]);
  });
});

describe("a level-1 weight written in the level's name", () => {
  test.each<[string, number | null]>([
    ["投入（权重20%）", 20],
    ["产出(40分)", 40],
    ["效益 权重：30", 30],
    ["满意度", null],
  ])("%s", (name, points) => {
    const { read: r } = read([TOP, SUB, line(name, null, "数量", 100, "指标", "%", "≥90%", 100, 9, 10, null)]);
    expect(r.levels[0].points).toBe(points);
    expect(r.levels[0].pointsCell).toBe(points === null ? null : "A3");
  });
});

describe("a written 指标值 against the items", () => {
  function one(target: CellValue, item1: CellValue, item2: CellValue, value: CellValue, unit: CellValue = "%") {
    const { read: r } = read([TOP, SUB, line("产出", 100, "数量", 100, "指标", unit, target, 100, item1, item2, value)]);
    return prepareDataItemRow(r.rows[0]);
  }
  test.each<[string, CellValue, CellValue, CellValue, CellValue, string[]]>([
    ["agrees at its precision", "≥90%", 1380, 1500, 92, []],
    ["agrees as a fraction in a General cell", "≥90%", 1380, 1500, 0.92, []],
    ["agrees written with %", "≥90%", 1380, 1500, "92.00%", []],
    ["a rounding slip in the last decimal is a note", "≥90%", 136, 143, 95.11, ["item_ratio_rounding:info"]],
    ["higher on an at-least target overstates", "≥90%", 1380, 1500, 95, ["item_ratio_overstated:error"]],
    ["lower on an at-least target differs", "≥90%", 1380, 1500, 90, ["item_ratio_differs:warning"]],
    ["lower on an at-most target overstates", "≤5%", 10, 100, 5, ["item_ratio_overstated:error"]],
    ["higher on an at-most target differs", "≤5%", 10, 100, 12, ["item_ratio_differs:warning"]],
    ["blank: the items give the value", "≥90%", 1380, 1500, null, ["item_value_computed:info"]],
    ["an item with no number", "≥90%", "待统计", 1500, 92, ["item_unreadable:error"]],
    ["a zero denominator", "≥90%", 5, 0, 92, ["item_zero_denominator:error"]],
    ["a percent row with one item", "≥90%", 1380, null, 92, ["item_missing:warning"]],
  ])("%s", (_, target, a, b, value, expected) => {
    const p = one(target, a, b, value);
    expect(p.messages.map((m) => `${m.code}:${m.severity}`)).toEqual(expected);
  });

  test("a rate with no unit written, against a target in percent figures (≥95), reads as percent", () => {
    const { read: r } = read([TOP, SUB, line("产出", 100, "质量", 100, "培训完成率", null, "≥95", 100, 1380, 1500, null)]);
    const p = prepareDataItemRow(r.rows[0]);
    expect(p.computed?.value).toBe(92);
    expect(p.computed?.unit).toBe("%");
  });

  test("a count ratio with no unit stays a plain ratio", () => {
    const { read: r } = read([TOP, SUB, line("产出", 100, "数量", 100, "人均服务次数", null, "≥2", 100, 300, 100, null)]);
    expect(prepareDataItemRow(r.rows[0]).computed?.value).toBe(3);
  });

  test("a zero denominator leaves no value to score", () => {
    expect(one("≥90%", 5, 0, 92).input.actual).toBeNull();
  });

  test("both items blank: the written 指标值 is the value, nothing to check it with", () => {
    const p = one("≥90%", null, null, 92);
    expect(p.messages).toEqual([]);
    expect(p.computed).toBeNull();
    expect(p.input.actual?.value).toBe(92);
  });
});

describe("the live formula computes in the in-memory workbook's formula engine", () => {
  test.each<[CellValue, CellValue, string, number]>([
    ["参训人数1380人", "计划人数1500人", "%", 92],
    [1380, 1500, "%", 92],
    ["到位资金500000元", "预算数100万元", "%", 50],
    ["总成本1,200,000元", "服务人数400人", "元/人", 3000],
  ])("%p ÷ %p (%s)", (a, b, unit, expected) => {
    const values: CellValue[][] = [TOP, SUB, line("产出", 100, "数量", 100, "指标", unit, null, 100, a, b, null)];
    const { read: r } = read(values);
    const p = prepareDataItemRow(r.rows[0]);
    expect(p.computed?.value).toBe(expected);
    const lookup = (_sheet: string | null, row: number, col: number) => {
      const v = values[row - 1]?.[col - 1];
      return v === undefined ? null : v;
    };
    expect(evaluateFormula(p.computed!.formula, lookup)).toBeCloseTo(expected, 9);
    // each MID leaves the number alone (Excel's NUMBERVALUE accepts nothing else)
    for (const mid of p.computed!.formula.match(/MID\([A-Z]+\d+,\d+,LEN\([A-Z]+\d+\)-\d+\)/g) ?? []) {
      expect(evaluateFormula(`=${mid}`, lookup)).toMatch(/^[\d,.]+$/);
    }
    // an edited item recomputes: the formula reads the cell, not a copy of its number
    const edited = values.map((l) => [...l]);
    edited[2][8] = typeof a === "number" ? 750 : String(a).replace(/[\d,]+/, (n) => String(Number(n.replace(/,/g, "")) / 2));
    const lookup2 = (_sheet: string | null, row: number, col: number) => edited[row - 1]?.[col - 1] ?? null;
    expect(evaluateFormula(p.computed!.formula, lookup2)).toBeCloseTo(typeof a === "number" ? (750 / 1500) * 100 : expected / 2, 9);
  });

  test("one item on a count row: the formula reads it", () => {
    const values: CellValue[][] = [TOP, SUB, line("产出", 100, "数量", 100, "培训人次", "人次", "≥1000人次", 100, "培训人次1,200人次", null, null)];
    const p = prepareDataItemRow(read(values).read.rows[0]);
    expect(p.computed?.value).toBe(1200);
    expect(evaluateFormula(p.computed!.formula, (_s, row, col) => values[row - 1]?.[col - 1] ?? null)).toBe(1200);
  });

  test("a zero denominator shows an empty result, not #DIV/0!", () => {
    const formula = '=IFERROR(I3/J3*100,"")';
    expect(evaluateFormula(formula, (_s, row, col) => (row === 3 && col === 9 ? 5 : row === 3 && col === 10 ? 0 : null))).toBe("");
  });

  test.each<[string, number | string]>([
    ['=NUMBERVALUE("1,200,000",".",",")', 1200000],
    ['=NUMBERVALUE(" 1 380 ")', 1380],
    ['=NUMBERVALUE("12.5%")', 0.125],
    ['=NUMBERVALUE("1.2.3")', "#VALUE!"],
    ['=NUMBERVALUE("1380人")', "#VALUE!"],
  ])("the engine's NUMBERVALUE is Excel's: %s", (formula, expected) => {
    expect(evaluateFormula(formula, () => null)).toBe(expected);
  });

  test("column letters used by the fixtures", () => {
    expect([9, 10, 11].map(columnLetter)).toEqual(["I", "J", "K"]);
  });
});
