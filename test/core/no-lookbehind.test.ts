/**
 * The two rules once written with regex lookbehind (which Safari before 16.4, Mac Excel's
 * engine floor, cannot parse) give what the lookbehind forms gave, on any text made of the
 * pieces that matter: Chinese numerals, count words, 第, 性, CJK and Latin text, spaces.
 */
import fc from "fast-check";
import { CHINESE_NUMERAL_CHARS, displayText } from "../../src/core/basics/normalize-text";
import { findChineseCounts } from "../../src/core/indicators/target-expression";

// the former definitions, kept here as the reference (Node parses lookbehind)
const CJK = "\u3000-\u9fff\uff00-\uffef";
const OLD_SPACE = new RegExp(` (?=[${CJK}])|(?<=[${CJK}]) `, "g");
const oldDisplay = (raw: string) => (/\s/.test(raw) ? raw.replace(/[\s\u3000\u00A0]+/g, " ").trim().replace(OLD_SPACE, "") : raw);
const OLD_COUNT = new RegExp(`(?<![第${CHINESE_NUMERAL_CHARS}])[零〇一二两三四五六七八九十][${CHINESE_NUMERAL_CHARS}]*(?:品种|个|项|次|件|家|户|场|期|份|批|篇|所|台|套|张|种|类)(?!性)`, "g");
const oldCounts = (s: string) => s.match(OLD_COUNT) ?? [];

const PIECES = ["第", "三", "十", "两", "百", "零", "个", "次", "项", "品种", "种", "性", "检查", "a", "b", "1", " ", "  ", "\n", "\u3000", "\u00a0", "全覆盖", "（", "，", "x y"];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((p) => p.join(""));

test.each([
  ["三个“全覆盖”检查", ["三个"]],
  ["第三个项目", []],
  ["十三个，第五次，两项", ["十三个", "两项"]],
  ["三个五次", ["三个", "五次"]],
  ["一次性补助", []],
])("Chinese counts in %s", (s, expected) => {
  expect(findChineseCounts(s)).toEqual(expected);
});

test.each([
  ["中 文", "中文"],
  ["a 中 b", "a中b"],
  ["Latin words stay", "Latin words stay"],
  ["医疗\n保障 fund", "医疗保障fund"],
])("display text of %j", (raw, expected) => {
  expect(displayText(raw)).toBe(expected);
});

test("findChineseCounts agrees with the lookbehind form on any text", () => {
  fc.assert(fc.property(text, (s) => expect(findChineseCounts(s)).toEqual(oldCounts(s))), { numRuns: 3000 });
});

test("displayText agrees with the lookbehind form on any text", () => {
  fc.assert(fc.property(text, (s) => expect(displayText(s)).toBe(oldDisplay(s))), { numRuns: 3000 });
});
