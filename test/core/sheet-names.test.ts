/** The one rule for a results sheet's name on a clash, used by the CLI and the add-in. */
import { MAX_SHEET_NAME, freeSheetName, isValidSheetName, numberedName } from "../../src/core/basics/sheet-names";

describe("freeSheetName", () => {
  const takenBy = (names: string[]) => (n: string) => names.some((x) => x.toLowerCase() === n.toLowerCase());
  test.each<[string, string[], string]>([
    ["核对结果", [], "核对结果"],
    ["核对结果", ["核对结果"], "核对结果 (2)"],
    ["核对结果", ["核对结果", "核对结果 (2)"], "核对结果 (3)"],
    ["Results", ["results"], "Results (2)"],
    ["核对结果", ["核对结果 (2)"], "核对结果"],
    ["支出结构对比", ["支出结构对比", "支出结构对比 (2)", "支出结构对比 (3)"], "支出结构对比 (4)"],
  ])("%s with %j taken → %s", (base, taken, want) => {
    expect(freeSheetName(base, takenBy(taken))).toBe(want);
  });

  test("a long name is cut so that the number fits in 31 characters", () => {
    const base = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一";
    expect(base.length).toBe(31);
    const name = freeSheetName(base, (n) => n === base);
    expect(name.length).toBe(MAX_SHEET_NAME);
    expect(name.endsWith(" (2)")).toBe(true);
    expect(numberedName(base, 12).length).toBe(MAX_SHEET_NAME);
  });
});

describe("isValidSheetName", () => {
  test.each<[string, boolean]>([
    ["核对结果", true],
    ["核对结果 (2)", true],
    ["", false],
    ["a".repeat(32), false],
    ["a/b", false],
    ["a[1]", false],
    ["'quoted", false],
    ["History", false],
    ["问：答?", false],
  ])("%j → %s", (name, ok) => {
    expect(isValidSheetName(name)).toBe(ok);
  });
});
