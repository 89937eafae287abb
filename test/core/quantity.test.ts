/** docs/rules.md §3: cells → number + unit, the unit families and their base units, the written forms of numbers. */
import numberForms from "../fixtures/number-forms.json";
import { CellValue } from "../../src/core/basics/grid";
import { normalizeText, parseChineseNumeral } from "../../src/core/basics/normalize-text";
import { Quantity, parseQuantity, toBase } from "../../src/core/basics/quantity";
import { parseExpression } from "../../src/core/indicators/target-expression";
import { COUNT_WORDS, UnitFamily, lookupUnit } from "../../src/core/basics/unit-table";

function parsed(value: CellValue, format?: string | null): Quantity {
  const r = parseQuantity(value, format);
  if (!r.ok) throw new Error(`${String(value)}: ${r.message.text.en}`);
  return r.q;
}

/** toBase is exact where the unit is a power of ten from its base; durations carry a float factor. */
function expectBase(q: Quantity, base: number) {
  if (q.unit?.pow10 !== null) expect(toBase(q)).toBe(base);
  else expect(Math.abs(toBase(q) - base)).toBeLessThanOrEqual(Math.abs(base) * 1e-12);
}

describe("unit families and their base units", () => {
  test.each<[string, UnitFamily, string, number]>([
    // money
    ["5元", "money", "元", 5],
    ["5千元", "money", "元", 5000],
    ["5万元", "money", "元", 50000],
    ["5亿元", "money", "元", 500000000],
    ["1,203.34万元", "money", "元", 12033400],
    // persons
    ["5人", "persons", "人", 5],
    ["234.42万人", "persons", "人", 2344200],
    ["1.1亿人", "persons", "人", 110000000],
    // person-times
    ["495801人次", "person_times", "人次", 495801],
    ["96万人次", "person_times", "人次", 960000],
    // pages
    ["6,409,974 页", "pages", "页", 6409974],
    ["550 万页", "pages", "页", 5500000],
    // durations, in days
    ["30分钟", "duration", "天", 30 / 1440],
    ["6小时", "duration", "天", 0.25],
    ["3天", "duration", "天", 3],
    ["3日", "duration", "天", 3],
    ["2工作日", "duration", "天", 2],
    ["3个月", "duration", "天", 90],
    ["2月", "duration", "天", 60],
    ["1年", "duration", "天", 365],
    // area
    ["874.28㎡", "area", "平方米", 874.28],
    ["2,877.11平方米", "area", "平方米", 2877.11],
    ["7,058.11平米", "area", "平方米", 7058.11],
    ["12.5m2", "area", "平方米", 12.5],
    // ratio
    ["98.22%", "ratio", "%", 98.22],
    ["98.22％", "ratio", "%", 98.22],
    ["5百分比", "ratio", "%", 5],
    ["3‰", "ratio", "%", 0.3],
    // score
    ["90.91分", "score", "分", 90.91],
  ])("%s is %s, base %s", (text, family, base, inBase) => {
    const q = parsed(text);
    expect(q.unit?.family).toBe(family);
    expect(q.unit?.base).toBe(base);
    expectBase(q, inBase);
  });

  const RULES_COUNT_WORDS = ["个", "项", "次", "件", "家", "户", "场", "期", "份", "批", "篇", "所", "台", "套", "张", "种", "类", "品种"];

  test.each(RULES_COUNT_WORDS.map((w) => [w]))("%s is a count", (word) => {
    const q = parsed(`12${word}`);
    expect([q.value, q.unit?.text, q.unit?.family, q.unit?.base]).toEqual([12, word, "count", word]);
    expect(COUNT_WORDS).toContain(word);
  });

  test("compound units keep their denominator: 元/人 and 元/平方米 are different bases", () => {
    const perPerson = parsed("1.1万元/人");
    const perArea = parsed("100.69元/平方米");
    expect([perPerson.unit?.base, perPerson.unit?.per]).toEqual(["元/人", "人"]);
    expect([perArea.unit?.base, perArea.unit?.per]).toEqual(["元/平方米", "平方米"]);
    expect(toBase(perPerson)).toBe(11000);
  });

  test("a per-year count (4次/年) is a count marked per year", () => {
    const q = parsed("4次/年");
    expect([q.value, q.unit?.family, q.unit?.perYear]).toEqual([4, "count", true]);
  });

  test("an unknown word after a number is a unit of its own ('other')", () => {
    expect(parsed("24单").unit).toMatchObject({ family: "other", base: "单" });
  });
});

describe("written forms of numbers", () => {
  test.each<[string, number, string | null]>([
    ["11,041万人", 11041, "万人"],
    ["26，336.8万元", 26336.8, "万元"],
    ["９８．２２％", 98.22, "%"],
    ["\u22125%", -5, "%"],
    ["－12.5万元", -12.5, "万元"],
    ["2,563.61 亿元", 2563.61, "亿元"],
    ["234.42\n万人", 234.42, "万人"],
    ["1 234.5 万元", 1234.5, "万元"],
    ["\u00a030\u3000分钟 ", 30, "分钟"],
    ["+3次", 3, "次"],
    [".5%", 0.5, "%"],
    ["99.60%", 99.6, "%"],
    ["11,041万", 110410000, null],
    ["98.22%。", 98.22, "%"],
  ])("%j is %d %s", (text, value, unit) => {
    const q = parsed(text);
    expect(q.value).toBe(value);
    expect(q.unit?.text ?? null).toBe(unit);
  });

  test("trailing zeros set the precision written", () => {
    expect(parsed("99.60%").decimals).toBe(2);
    expect(parsed("4,366.70 ㎡").decimals).toBe(2);
  });

  test.each<[string, number, string]>([
    ["两项", 2, "项"],
    ["三次", 3, "次"],
    ["十二个", 12, "个"],
    ["三十日", 30, "日"],
    ["一百零五件", 105, "件"],
    ["七批", 7, "批"],
  ])("the Chinese numeral %s is %d %s", (text, value, unit) => {
    const q = parsed(text);
    expect([q.value, q.unit?.text]).toEqual([value, unit]);
  });

  test.each([
    ["两", 2],
    ["十", 10],
    ["二十", 20],
    ["一百零五", 105],
    ["三万", 30000],
    ["一千二百", 1200],
  ])("parseChineseNumeral(%s) = %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  test.each([["1,2"], ["12,34"], ["1,23,456"]])("%s has a misplaced thousands separator", (text) => {
    const r = parseQuantity(text);
    expect(r.ok || r.message.code).toBe("bad_separator");
  });

  test.each<[CellValue, string]>([
    ["#N/A", "cell_error"],
    ["#DIV/0!", "cell_error"],
    [" #VALUE! ", "cell_error"],
    [NaN, "not_a_number"],
    [Infinity, "not_a_number"],
    [true, "not_a_number"],
    [null, "not_a_number"],
    ["", "not_a_number"],
    ["有效提升", "not_a_number"],
  ])("%p is not a quantity (%s)", (value, code) => {
    const r = parseQuantity(value);
    expect(r.ok || r.message.code).toBe(code);
  });
});

describe("number cells honour their number format", () => {
  test.each<[number, string | null, number, string | null]>([
    [0.9822, "0.00%", 98.22, "%"],
    [0.9822, "0%", 98.22, "%"],
    [1, "0%", 100, "%"],
    [0.07, '0.00%;[Red]-0.00%', 7, "%"],
    [1234.5, '#,##0.00"万元"', 1234.5, "万元"],
    [3, "0\\人", 3, "人"],
    [0.9822, "General", 0.9822, null],
    [0.9822, null, 0.9822, null],
    [12, '0"%"', 12, "%"],
  ])("%d formatted %p is %d %s", (n, format, value, unit) => {
    const q = parsed(n, format);
    expect(q.value).toBe(value);
    expect(q.unit?.text ?? null).toBe(unit);
  });
});

describe("number-forms.json: every written number from the seed reports", () => {
  interface Entry {
    text: string;
    value: number;
    unit: string;
    base: number | null;
  }
  const entries: Entry[] = numberForms.entries;
  // forms with an operator or bound word are read by the expression parser (docs/rules.md §4)
  const BOUNDED = /[≥≤<>]|不低于|不少于|超过|以上|以下|左右/;

  test("the fixture holds the 170 forms", () => {
    expect(entries).toHaveLength(170);
  });

  test.each(entries.map((e) => [e.text, e]))("%j", (_text, e) => {
    let q: Quantity;
    if (BOUNDED.test(e.text)) {
      const x = parseExpression(e.text, { side: "actual" });
      if (x.kind !== "quantity") throw new Error(`${e.text} parsed as ${x.kind}`);
      expect(x.implicit).toBe(false);
      q = x.q;
    } else {
      q = parsed(e.text);
    }
    expect(q.value).toBe(e.value);
    expect(q.unit?.text).toBe(normalizeText(e.unit));
    if (e.base !== null) expectBase(q, e.base);
  });
});

describe("money is exact to the cent", () => {
  test.each<[string, number]>([
    ["10.235万元", 102350],
    ["0.07万元", 700],
    ["1,203.34万元", 12033400],
    ["3,850,081.86 万元", 38500818600],
    ["0.01亿元", 1000000],
  ])("%s is exactly %d 元", (text, yuan) => {
    expect(toBase(parsed(text))).toBe(yuan);
  });

  test("magnitude prefixes are powers of ten", () => {
    expect(lookupUnit("千万元")).toMatchObject({ family: "money", pow10: 7 });
    expect(lookupUnit("万人次")).toMatchObject({ family: "person_times", pow10: 4 });
    expect(lookupUnit("万份")).toMatchObject({ family: "count", base: "份", pow10: 4 });
  });
});
