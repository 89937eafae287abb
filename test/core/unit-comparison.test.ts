/** docs/rules.md §3: values compare only within a unit family, after conversion; anything else is a finding. */
import { checkRow, codes } from "./helpers";

describe("conversion within a family", () => {
  test.each([
    ["≥200万人", "234.42万人", "met", 234.42, 1.1721],
    ["≥200万人", "2,344,200人", "met", 234.42, 1.1721],
    ["≥200万人", "0.02亿人", "met", 200, 1],
    ["≥200万人", "1,999,999人", "not_met", 199.9999, 0.9999995],
    ["≥200万元", "2,000,000元", "met", 200, 1],
    ["≥0.1万元", "1,000.3元", "met", 0.10003, 1.0003],
    ["≥550万页", "6,409,974 页", "met", 640.9974, 640.9974 / 550],
    ["≥20万人次", "495801人次", "met", 49.5801, 49.5801 / 20],
    ["≤2小时", "90分钟", "met", 1.5, null],
    ["≤3小时", "1天", "not_met", 24, null],
    ["≥3个月", "7个月", "met", 7, 7 / 3],
    ["≥874.28㎡", "874.28平方米", "met", 874.28, 1],
    ["≥874.28平方米", "874.28㎡", "met", 874.28, 1],
  ])("target %s, actual %s: %s", (target, actual, status, inTargetUnit, completion) => {
    const r = checkRow(target, actual);
    expect(r.status).toBe(status);
    expect(r.target.value === null ? null : r.deviation).toBeCloseTo(inTargetUnit - (r.target.value ?? 0), 9);
    if (completion !== null) expect(r.completion).toBeCloseTo(completion, 9);
    expect(codes(r)).not.toContain("unit_mismatch");
  });

  test("the deviation is exact in the target's unit (no float artefacts)", () => {
    expect(checkRow("≥1203.34万元", "1203.35万元").deviation).toBe(0.01);
    expect(checkRow("≥0.1万元", "1,000.3元").deviation).toBe(0.00003);
    expect(checkRow("≥200万人", "2,344,200人").deviation).toBe(34.42);
  });

  test("count words compare with each other as counts, and say so", () => {
    const r = checkRow("≥1个", "2项");
    expect(r.status).toBe("met");
    expect(codes(r)).toContain("unit_words_differ");
  });
});

describe("per-period targets in an annual table", () => {
  test.each([
    ["4次/年", "16次", "met"],
    ["4次/年", "3次", "not_met"],
    ["≥2场/年", "不少于4次", "met"],
    ["≥2场/年", "1场", "not_met"],
  ])("%s against %s is %s", (target, actual, status) => {
    const r = checkRow(target, actual);
    expect(r.status).toBe(status);
    expect(codes(r)).toContain("per_year");
  });
});

describe("a unit from another family is an invalid row, never a silent comparison", () => {
  test.each([
    ["≥200万人", "300元", "万人", "元"],
    ["≥100元/人", "100元/平方米", "元/人", "元/平方米"],
    ["100%", "9批", "%", "批"],
    ["≤3分钟", "3人", "分钟", "人"],
    ["≥90%", "95分", "%", "分"],
    ["≥1000平方米", "1000元", "平方米", "元"],
    ["≥5万人次", "5万人", "万人次", "万人"],
  ])("target %s, actual %s", (target, actual, tu, au) => {
    const r = checkRow(target, actual);
    expect(r.status).toBe("invalid");
    const m = r.messages.find((x) => x.code === "unit_mismatch");
    expect(m?.severity).toBe("error");
    expect(m?.text.en).toBe(`unit mismatch: target ${tu}, actual ${au}`);
    expect(m?.cell).toBe("C2");
    expect(r.score).toBeNull();
  });

  test("the same compound unit compares", () => {
    expect(checkRow("≤120元/人", "100元/人").status).toBe("met");
  });
});

describe("a missing unit on one side takes the other side's unit and says so", () => {
  test("actual without a unit", () => {
    const r = checkRow("≥200万人", "234.42");
    expect(r.status).toBe("met");
    expect(r.deviation).toBe(34.42);
    expect(r.messages.find((m) => m.code === "unit_borrowed")?.text.en).toBe("the actual has no unit; read as 万人");
  });

  test("target without a unit", () => {
    const r = checkRow("≥4", "两项");
    expect(r.status).toBe("not_met");
    expect(r.messages.find((m) => m.code === "unit_borrowed")?.text.en).toBe("the target has no unit; read as 项");
  });

  test("a fraction in a General cell against a percent target reads as a percent", () => {
    const r = checkRow("≥90%", 0.9822);
    expect(r.status).toBe("met");
    expect(r.completion).toBeCloseTo(98.22 / 90, 12);
    expect(codes(r)).toContain("fraction_as_percent");
  });

  test("a 0.00% cell carries its percent: 0.9822 is 98.22%", () => {
    const r = checkRow("≥98.22%", 0.9822, { actualFormat: "0.00%" });
    expect([r.status, r.actual.value, r.actual.unit, r.deviation]).toEqual(["met", 98.22, "%", 0]);
    expect(codes(r)).not.toContain("fraction_as_percent");
    expect(codes(r)).not.toContain("unit_borrowed");
  });
});
