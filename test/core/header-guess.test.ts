/** guessHeaderIndex: where the column picker starts when no indicator table was found (docs/task-pane.md). */
import type { CellValue } from "../../src/core/basics/grid";
import { guessHeaderIndex } from "../../src/core/forms/header-guess";

const grid = (values: CellValue[][]) => ({ sheet: "S", values, firstRow: 1, firstCol: 1 });
const TITLE: CellValue[][] = [["2023年度某项目绩效自评表"], [], ["填报单位：某局", "", "填报日期：2024年1月"]];

describe("guessHeaderIndex", () => {
  test.each<[string, CellValue[][], number | null]>([
    ["a title, then a header with one known word (满分)", [...TITLE, ["名称", "计划数", "完成数", "满分"], ["参保人数", "≥200万人", "234.42万人", 50]], 3],
    ["the row with most known words wins over one with fewer", [["说明：完成情况见下表"], ["序号", "指标名称", "目标值", "完成值", "分值"], ["1", "参保人数", "≥200", "234", 50]], 1],
    ["no known word: the first row of three or more words with data below", [...TITLE, ["事项", "要求", "结果"], ["培训", "4次", "5次"]], 3],
    ["a row of words with nothing below is no header", [["甲", "乙", "丙"]], null],
    ["an empty sheet", [], null],
  ])("%s", (_case, values, expected) => {
    expect(guessHeaderIndex(grid(values))).toBe(expected);
  });
});
