/** Section numbers of the seed reports: parsed into steps, found in a text, never throwing. */
import fc from "fast-check";
import { locateSection, parseSection } from "../../src/core/seeds/seed-reports";

const TEXT = [
  "一、部门基本情况", // 0
  "（一）部门职能。",
  "（四）部门整体支出情况",
  "一是年度收入总体情况，总收入 100万元。",
  "1.一般公共预算财政拨款收入 40万元。",
  "2.其他收入 60万元。",
  "二是年度支出总体情况，总支出 90万元。",
  "二、绩效自评情况",
  "### **1.出台和完善规章制度**",
  "(2)财务管理合规性，得分 9分。",
  "（3）采购管理，得分 8分。",
  "2．结转和结余 2.84 万元。",
  "三、其他自评情况",
].join("\n");

function sectionText(section: string): string | null {
  const span = locateSection(TEXT, section);
  return span === null ? null : TEXT.slice(span.start, span.end).trim();
}

describe("parseSection", () => {
  test.each([
    ["一（四）", [{ kind: "numeral", n: "一" }, { kind: "paren_numeral", n: "四" }]],
    ["二（二）1（8）", [{ kind: "numeral", n: "二" }, { kind: "paren_numeral", n: "二" }, { kind: "number", n: "1" }, { kind: "paren_number", n: "8" }]],
    ["一（四）一1", [{ kind: "numeral", n: "一" }, { kind: "paren_numeral", n: "四" }, { kind: "numeral", n: "一" }, { kind: "number", n: "1" }]],
    ["二（二）二十四", [{ kind: "numeral", n: "二" }, { kind: "paren_numeral", n: "二" }, { kind: "numeral", n: "二十四" }]],
    ["三", [{ kind: "numeral", n: "三" }]],
    ["(12)", [{ kind: "paren_number", n: "12" }]],
  ])("%s", (section, steps) => {
    expect(parseSection(section)).toEqual(steps);
  });

  test.each([[""], ["第三节"], ["二（二"], ["A1"]])("%j is not a section number", (section) => {
    expect(parseSection(section)).toBeNull();
  });
});

describe("locateSection", () => {
  test.each([
    // section, its text from heading to the next heading at its level or above
    ["一（四）一1", "1.一般公共预算财政拨款收入 40万元。"],
    ["一（四）一2", "2.其他收入 60万元。"],
    ["一（四）二", "二是年度支出总体情况，总支出 90万元。"],
    ["二1", "### **1.出台和完善规章制度**\n(2)财务管理合规性，得分 9分。\n（3）采购管理，得分 8分。"],
    ["二1（2）", "(2)财务管理合规性，得分 9分。"],
    ["二2", "2．结转和结余 2.84 万元。"],
    ["三", "三、其他自评情况"],
  ])("%s", (section, text) => {
    expect(sectionText(section)).toBe(text);
  });

  test.each([["四"], ["一（五）"], ["二（一）"], ["一（四）三"], ["二1（4）"], ["not a section"]])("%s is not there", (section) => {
    expect(locateSection(TEXT, section)).toBeNull();
  });

  test("a numeral inside another (十二是) is not the heading 二是", () => {
    expect(locateSection("一、甲\n（一）乙\n十二是丙", "一（一）二")).toBeNull();
  });

  test("never throws, and a span found lies inside the text, starting at a heading", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 12 }), (text, section) => {
        const span = locateSection(text, section);
        if (span !== null) expect(0 <= span.start && span.start <= span.end && span.end <= text.length).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom("一", "二", "（一）", "（四）", "1", "2", "(2)", "（3）", "十"), fc.array(fc.constantFrom("一", "（四）", "1", "(2)", "二是"), { maxLength: 4 }), (head, rest) => {
        const span = locateSection(TEXT, [head, ...rest].join(""));
        if (span !== null) expect(span.end).toBeGreaterThan(span.start);
      }),
    );
  });
});
