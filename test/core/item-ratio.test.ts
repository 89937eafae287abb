/** docs/form-families.md, data-item forms: an item read from its cell, the formula in a name, the ratio and its live formula. */
import { CellValue } from "../../src/core/basics/grid";
import { DataItem, formulaTerms, itemRatio, readItem } from "../../src/core/forms/data-items/item-ratio";

function item(value: CellValue, cell: string, format?: string): DataItem {
  const r = readItem(value, format, cell);
  if (!r.ok) throw new Error(`expected an item in ${String(value)}`);
  return r.item;
}

describe("an item with words and units", () => {
  test.each<[CellValue, string, number, string | null, string]>([
    [1380, "", 1380, null, "I5"],
    ["参训人数1380人", "参训人数", 1380, "人", 'NUMBERVALUE(MID(I5,5,LEN(I5)-5),".",",")'],
    ["结余数：12.5万元", "结余数", 12.5, "万元", 'NUMBERVALUE(MID(I5,5,LEN(I5)-6),".",",")*10000'],
    ["1,380", "", 1380, null, 'NUMBERVALUE(I5,".",",")'],
    ["2023年参训人数1,380人（含外聘）", "2023年参训人数", 1380, "人", 'NUMBERVALUE(MID(I5,10,LEN(I5)-15),".",",")'],
    ["预算数 300 万元", "预算数", 300, "万元", 'NUMBERVALUE(MID(I5,5,LEN(I5)-7),".",",")*10000'],
    ["结余数１２.５万元", "结余数", 12.5, "万元", "12.5*10000"],
  ])("%p", (value, label, number, unit, expression) => {
    const it = item(value, "I5");
    expect(it.label).toBe(label);
    expect(it.quantity.value).toBe(number);
    expect(it.quantity.unit?.text ?? null).toBe(unit);
    expect(it.expression).toBe(expression);
  });

  test.each<[CellValue, string]>([
    [null, "blank"],
    ["  ", "blank"],
    ["待统计", "unreadable"],
    ["1380人/1500人", "unreadable"],
    ["#DIV/0!", "unreadable"],
  ])("%p is not an item (%s)", (value, reason) => {
    const r = readItem(value, null, "I5");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});

describe("a formula stated in the name", () => {
  test.each<[string, string | null, string | null]>([
    ["资金结余率（计算方法为：结余数/预算数）", "结余数", "预算数"],
    ["结余率(计算方法为:结余数/预算数)", "结余数", "预算数"],
    ["在职人员控制率=(在职人员数/编制数)×100%", "在职人员数", "编制数"],
    ["结转结余率=本年结转结余资金总额*100%/本年一般公共预算支出完成数", "本年结转结余资金总额", "本年一般公共预算支出完成数"],
    ["培训完成率（实际培训人数÷计划培训人数）", "实际培训人数", "计划培训人数"],
    ["培训完成率", null, null],
    ["三公经费变动率=(本年数-上年数)/上年数×100%", null, null],
  ])("%p", (name, numerator, denominator) => {
    const t = formulaTerms(name);
    expect(t?.numerator ?? null).toBe(numerator);
    expect(t?.denominator ?? null).toBe(denominator);
  });
});

describe("the ratio: 数据项1 ÷ 数据项2, ×100 for %, numerator from the name", () => {
  test.each<[string, CellValue, CellValue, boolean, number, [string, string], string]>([
    ["培训完成率", "参训人数1380人", "计划人数1500人", true, 92, ["I5", "J5"], 'IFERROR(NUMBERVALUE(MID(I5,5,LEN(I5)-5),".",",")/NUMBERVALUE(MID(J5,5,LEN(J5)-5),".",",")*100,"")'],
    ["人均成本", 120000, 40, false, 3000, ["I5", "J5"], 'IFERROR(I5/J5,"")'],
    // the name says 结余数/预算数 while the items stand the other way round
    ["资金结余率（计算方法为：结余数/预算数）", "预算数300万元", "结余数12.5万元", true, 4.16666666666667, ["J5", "I5"], 'IFERROR(NUMBERVALUE(MID(J5,4,LEN(J5)-5),".",",")*10000/(NUMBERVALUE(MID(I5,4,LEN(I5)-5),".",",")*10000)*100,"")'],
    // two amounts in different magnitudes divide in the base unit
    ["资金到位率", "到位资金500000元", "预算数100万元", true, 50, ["I5", "J5"], 'IFERROR(NUMBERVALUE(MID(I5,5,LEN(I5)-5),".",",")/(NUMBERVALUE(MID(J5,4,LEN(J5)-5),".",",")*10000)*100,"")'],
    // a formula in the name whose terms the plain-number items cannot match keeps 数据项1 ÷ 数据项2
    ["结余率(计算方法为:结余数/预算数)", 12.5, 300, true, 4.16666666666667, ["I5", "J5"], 'IFERROR(I5/J5*100,"")'],
  ])("%s: %p ÷ %p", (name, a, b, percent, value, items, formula) => {
    const r = itemRatio(name, item(a, "I5"), item(b, "J5"), percent);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.ratio.value).toBe(value);
    expect(r.ratio.items).toEqual(items);
    expect(r.ratio.formula).toBe(formula);
  });

  test("a zero denominator is no ratio", () => {
    const r = itemRatio("培训完成率", item(5, "I5"), item("计划人数0人", "J5"), true);
    expect(r).toEqual({ ok: false, reason: "zero_denominator", items: ["I5", "J5"] });
  });
});
