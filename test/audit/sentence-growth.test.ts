/**
 * Figures in sentences (docs/statement-audit.md): a stated growth's direction word must match the
 * sign of this year against last year, as in statement tables, wherever last year is written —
 * `比上年…`, `上年…` in a clause of its own, an earlier year — and a title line's unit (`单位：万元`)
 * reaches the numbers written without a unit in the sentences below it.
 */
import { auditGrid } from "../../src/core/audit";
import type { CellValue, Grid } from "../../src/core/basics/grid";
import { audit, pairs, textGrid } from "./helpers";

const grid = (rows: CellValue[][]): Grid => ({ sheet: "报告", values: rows });

describe("a growth whose direction word contradicts its figures is a finding in sentences", () => {
  test.each<[string, string, string[]]>([
    ["the issue's sentence: a fall of 9.40 % written 增长", "项目支出23,560.03万元，上年26,004.10万元，增长9.40%。", ["direction@A1"]],
    ["the same fall written 下降 agrees", "项目支出23,560.03万元，上年26,004.10万元，下降9.40%。", []],
    ["上年为 …, 上升", "项目支出23,560.03万元，上年为26,004.10万元，上升9.40%。", ["direction@A1"]],
    ["去年 …, 增加 as a change amount", "项目支出23,560.03万元，去年26,004.10万元，增加2,444.07万元。", ["direction@A1"]],
    ["上年决算数 …, 减少 and 下降 both right", "项目支出23,560.03万元，上年决算数26,004.10万元，减少2,444.07万元，下降9.40%。", []],
    ["the growth before last year's figure", "项目支出23,560.03万元，同比增长9.40%，上年同期26,004.10万元。", ["direction@A1"]],
    ["an earlier year named instead of 上年", "2023年项目支出23,560.03万元，2022年26,004.10万元，增长9.40%。", ["direction@A1"]],
    ["a rise written 增长 agrees", "项目支出26,004.10万元，上年23,560.03万元，增长10.37%。", []],
    ["a rise written 下降", "项目支出26,004.10万元，上年23,560.03万元，下降10.37%。", ["direction@A1"]],
    ["a wrong rate with the right word is a growth finding, not a direction one", "项目支出23,560.03万元，上年26,004.10万元，下降8.40%。", ["growth@A1"]],
    ["比上年 … 增长 (already read before)", "项目支出23,560.03万元，比上年26,004.10万元增长9.40%。", ["direction@A1"]],
  ])("%s", (_case, sentence, expected) => {
    const { result } = audit(textGrid(sentence));
    expect(pairs(result.findings)).toEqual(expected);
  });

  test("the finding says which way the figures go and what was written", () => {
    const { result } = audit(textGrid("项目支出23,560.03万元，上年26,004.10万元，增长9.40%。"));
    expect(result.findings).toMatchObject([{ check: "direction", severity: "error", expected: "减少", actual: "增长" }]);
    expect(result.findings[0].message.zh).toContain("23,560.03万元 − 26,004.10万元 = -2,444.07万元");
  });

  test("a later year is not last year: 2024年 after 2023年 is no prior figure", () => {
    const out = auditGrid(textGrid("2023年项目支出23,560.03万元，2024年26,004.10万元，增长9.40%。"));
    expect(out.ok && out.result.findings.some((f) => f.check === "direction")).toBe(false);
  });
});

describe("a title line's unit reaches numbers written without a unit in the sentences below it", () => {
  test.each<[string, CellValue[][], string[]]>([
    ["parts that add up", [["单位：万元"], ["本年支出合计3,803.38，其中：基本支出1,203.34，项目支出2,600.03。"]], []],
    ["parts that do not", [["单位：万元"], ["本年支出合计3,803.48，其中：基本支出1,203.34，项目支出2,600.03。"]], ["sum@A2"]],
    ["(单位：万元) and a fall written 增长", [["（单位：万元）"], ["项目支出23,560.03，上年26,004.10，增长9.40%。"]], ["direction@A2"]],
    ["a count and a year are no amounts", [["金额单位：万元"], ["2023年共实施3个项目，本年支出合计3,803.38，其中基本支出1,203.34，项目支出2,600.03。"]], []],
    ["a score, a rate and a count written bare are no amounts", [["单位：万元"], ["本年支出合计3,803.38，其中：基本支出1,203.34，项目支出2,600.03。自评得分95.5，综合评分为88.25，受益人数1,200。"]], []],
    ["a unit written in the sentence wins", [["单位：万元"], ["本年支出合计3,803.38万元，其中基本支出1,203.34万元，项目支出26,000,300元。"]], []],
  ])("%s", (_case, rows, expected) => {
    const { result } = audit(grid(rows));
    expect(pairs(result.findings)).toEqual(expected);
    expect(result.passed.length + result.findings.length).toBeGreaterThan(0);
  });

  test("the figures carry the title line's unit", () => {
    const { statement } = audit(grid([["单位：万元"], ["本年支出合计3,803.38，其中：基本支出1,203.34，项目支出2,600.03。"]]));
    expect(statement.items.map((i) => [i.label, i.values.current?.text, i.values.current?.unit?.text])).toEqual([
      ["本年支出合计", "3,803.38", "万元"],
      ["基本支出", "1,203.34", "万元"],
      ["项目支出", "2,600.03", "万元"],
    ]);
  });

  test("a score written bare under the title line is not read as 万元", () => {
    const { statement } = audit(grid([["单位：万元"], ["本年支出合计3,803.38，其中：基本支出1,203.34，项目支出2,600.03。自评得分95.5，综合评分为88.25，受益人数1,200。"]]));
    expect(statement.items.map((i) => i.values.current?.text)).toEqual(["3,803.38", "1,203.34", "2,600.03"]);
  });

  test("without a title line, numbers without a unit are not read as amounts", () => {
    const out = auditGrid(grid([["本年支出合计3,803.38，其中：基本支出1,203.34，项目支出2,600.03。"]]));
    expect(out.ok).toBe(false);
  });
});
