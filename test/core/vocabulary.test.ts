/** One vocabulary (docs/form-families.md): operator words, negations, look-alikes, direction and total words, header words. */
import { normalizeText } from "../../src/core/basics/normalize-text";
import { HEADER_WORDS, OPERATOR_WORDS, operatorOf, wordsPattern } from "../../src/core/basics/vocabulary";
import { roleOfHeader } from "../../src/core/forms/table-finder";
import { parseExpression, splitEmbeddedTarget } from "../../src/core/indicators/target-expression";
import { grid, validate } from "./helpers";

describe("names that carry their target: the longest operator word wins", () => {
  test.each([
    ["投诉率不得高于5%", "投诉率", "不得高于5%"],
    ["投诉率不得超过5%", "投诉率", "不得超过5%"],
    ["满意度不得低于90%", "满意度", "不得低于90%"],
    ["培训人次不得少于300人次", "培训人次", "不得少于300人次"],
    ["满意度不应低于85%", "满意度", "不应低于85%"],
    ["参保人数≥200万人", "参保人数", "≥200万人"],
    ["覆盖率不低于90%", "覆盖率", "不低于90%"],
    ["事故数为0起", "事故数", "为0起"],
    ["合格率达到95%", "合格率", "达到95%"],
  ])("%s → %s | %s", (name, left, target) => {
    expect(splitEmbeddedTarget(name)).toEqual({ name: left, target });
  });
});

describe("target words and look-alike operators", () => {
  test.each([
    ["≧95%", "ge", 95],
    ["≦5%", "le", 5],
    ["═100%", "eq", 100],
    ["﹦100%", "eq", 100],
    ["＝100%", "eq", 100],
    ["不得少于3次", "ge", 3],
    ["不得多于3次", "le", 3],
    ["不能超过3天", "le", 3],
    ["约为70%", "approx", 70],
    ["95%以上", "ge", 95],
    ["3天以内", "le", 3],
  ])("%s", (text, op, value) => {
    const e = parseExpression(text);
    expect(e.kind === "quantity" ? [e.op, e.q.value] : e.kind).toEqual([op, value]);
  });

  test.each([
    ["投诉率不得高于5%", "3%", "met"],
    ["投诉率不得高于5%", "6%", "not_met"],
    ["满意度不得低于90%", "92%", "met"],
  ])("%s with %s in the actual: %s", (name, actual, status) => {
    const r = checkRowNamed(name, actual);
    expect([r.name, r.target.op, r.status]).toEqual([name.replace(/不得.*/, ""), name.includes("高于") ? "le" : "ge", status]);
  });

  test("every operator word belongs to one comparison; patterns take the longest word", () => {
    const all = Object.values(OPERATOR_WORDS).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(operatorOf("不得高于")).toBe("le");
    expect(new RegExp(`^(?:${wordsPattern(["高于", "不得高于"])})`).exec("不得高于5%")?.[0]).toBe("不得高于");
    expect(normalizeText("≧ ≦ ═ ﹦ ＝")).toBe("≥≤===");
  });
});

/** 三级指标 | 年度指标值 (blank) | 实际完成值: the target comes from the name. */
function checkRowNamed(name: string, actual: string) {
  const { result } = validate(grid([["三级指标", "年度指标值", "实际完成值"], [name, null, actual]]));
  return result.rows[0];
}

describe("header words of offices' own tables", () => {
  test.each([
    ["考核内容", "name"],
    ["考核指标", "name"],
    ["计划", "target"],
    ["年度计划", "target"],
    ["完成情况", "actual"],
    ["权重", "points"],
    ["权重（%）", "points"],
    ["自评分", "score"],
    ["自评得分", "score"],
    ["评分标准", "criteria"],
    ["评价标准", "criteria"],
    ["扣分原因", "reason"],
    ["产出指标（50分）", null],
    ["一级指标", "level1"],
    ["分值（100分）", "points"],
  ])("%s → %s", (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  test("every role's words are data: no role without words", () => {
    for (const [, w] of HEADER_WORDS) expect((w.contains?.length ?? 0) + (w.exact?.length ?? 0) + (w.prefix?.length ?? 0)).toBeGreaterThan(0);
  });
});
