/** Deadlines and targets relative to last year (docs/standard-forms.md), and their parsers never throw. */
import fc from "fast-check";
import { CellValue } from "../../src/core/basics/grid";
import { compareDeadline, parseDateActual, parseDeadline } from "../../src/core/indicators/date-target";
import { parseRelativeActual, parseRelativeTarget } from "../../src/core/indicators/relative-target";
import { codes, grid, validate } from "./helpers";

/** One scored row in a table titled with its year (2023 unless given). */
function row(target: CellValue, actual: CellValue, opts: { year?: number | null; prior?: CellValue; formats?: [string | null, string | null] } = {}) {
  const title = opts.year === null ? [] : [[`${opts.year ?? 2023}年度项目支出绩效自评表`]];
  const header = ["三级指标", "年度指标值", "实际完成值", "分值", "得分", ...(opts.prior !== undefined ? ["上年实际值"] : [])];
  const line = ["指标", target, actual, 10, null, ...(opts.prior !== undefined ? [opts.prior] : [])];
  const values: CellValue[][] = [...title, header, line];
  const g = grid(values);
  if (opts.formats) g.numberFormats = [...title.map(() => []), [], [null, opts.formats[0], opts.formats[1]]];
  const { result } = validate(g);
  return result.rows[0];
}

describe("dates and deadlines", () => {
  test.each<[CellValue, CellValue, string, number | null, string]>([
    ["2023年12月31日前", "2023年11月30日", "met", 10, "deadline_met"],
    ["2023年12月31日前", "2024年1月5日", "not_met", 0, "deadline_missed"],
    ["12月底前完成", "11月完成", "met", 10, "deadline_met"],
    ["12月底前完成", "2023年12月20日", "met", 10, "deadline_met"],
    ["年底前", "2023年12月31日", "met", 10, "deadline_met"],
    ["年底前", "延期至2024年3月", "not_met", 0, "deadline_missed"],
    ["6月30日前上线", "6月28日上线", "met", 10, "deadline_met"],
    ["6月30日前上线", "7月1日上线", "not_met", 0, "deadline_missed"],
    ["6月30日前上线", "已按时完成", "met", 10, "deadline_met"],
    ["6月30日前上线", "已完成", "met", 10, "deadline_met"],
    ["6月30日前上线", "延期上线", "not_met", 0, "deadline_missed"],
    ["6月30日前上线", "尚未完成", "not_met", 0, "deadline_missed"],
    ["6月15日前", "6月完成", "qualitative", null, "deadline_ambiguous"],
    ["2023年6月底前", "2023年5月", "met", 10, "deadline_met"],
    ["十二月底前", "十一月", "met", 10, "deadline_met"],
    ["第三季度末前", "8月完成", "met", 10, "deadline_met"],
    ["上半年完成", "7月完成", "not_met", 0, "deadline_missed"],
    ["2023.12.31前", "2023-11-30", "met", 10, "deadline_met"],
    ["按时完成", "已按时完成", "met", 10, "deadline_met"],
    ["按时完成", "延期", "not_met", 0, "deadline_missed"],
    ["按时完成", "2023年11月30日", "qualitative", null, "deadline_unknown"],
    ["年底前", "达成年度指标", "qualitative", null, "qualitative_no_score"],
    ["年底前", "有关工作正常推进中", "not_met", 0, "deadline_missed"],
    ["年底前", "见附件", "invalid", null, "deadline_actual_invalid"],
  ])("target %p, actual %p: %s", (target, actual, status, score, code) => {
    const r = row(target, actual);
    expect([r.status, r.computedScore ?? r.score]).toEqual([status, score]);
    expect(codes(r)).toContain(code);
    expect(r.target.op).toBe("le");
  });

  test("the year comes from the table when missing: 12月31日前 in a 2023 table is missed by 2024年1月", () => {
    expect(row("12月31日前", "2024年1月10日", { year: 2023 }).status).toBe("not_met");
    expect(row("12月31日前", "2024年1月10日", { year: 2024 }).status).toBe("met");
  });

  test("without a table year, a side without a year takes the other side's", () => {
    expect(row("2023年12月31日前", "11月30日", { year: null }).status).toBe("met");
    expect(row("12月31日前", "2023年11月30日", { year: null }).status).toBe("met");
  });

  test("date cells (numbers in a date format) are dates", () => {
    // 45291 = 2023-12-31, 45260 = 2023-11-30
    expect(row(45291, 45260, { formats: ["yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\""] }).status).toBe("met");
    expect(row(45260, 45291, { formats: ["yyyy-mm-dd", "yyyy-mm-dd"] }).status).toBe("not_met");
  });

  test.each<CellValue>(["11月", "2023年参保人数≥200万人", "完成率≥95%", "每月15日前报送", 2023, "12个月"])("%p is not a deadline", (t) => {
    expect(parseDeadline(t)).toBeNull();
  });

  test("compareDeadline reports the dates it compared", () => {
    const d = parseDeadline("12月底前");
    const a = parseDateActual("11月30日");
    expect(d && a && compareDeadline(d, a, 2023)).toEqual({ status: "met", deadline: "2023年12月", actual: "2023年11月30日" });
  });
});

describe("targets relative to last year", () => {
  test.each<[CellValue, CellValue, string, number | null, string]>([
    ["较上年提高5个百分点", "提高6.2个百分点", "met", 10, "relative_compared"],
    ["较上年提高5个百分点", "较上年提高4个百分点", "not_met", 8, "relative_not_met"],
    ["较上年增长5%", "同比增长6%", "met", 10, "relative_compared"],
    ["增长5%", "增长2.5%", "not_met", 5, "relative_not_met"],
    ["较上年增长5%", "较上年下降1%", "not_met", 0, "relative_not_met"],
    ["同比下降3%", "同比下降4%", "met", 10, "relative_compared"],
    ["同比下降3%", "下降1.5%", "not_met", 5, "relative_not_met"],
    ["同比下降3%", "增长1%", "not_met", 0, "relative_not_met"],
    // a time or a cost that shrinks: 缩短 / 压降 / 节约 are decreases too
    ["较上年缩短20%", "缩短25%", "met", 10, "relative_compared"],
    ["较上年缩短20%", "较上年缩短10%", "not_met", 5, "relative_not_met"],
    ["较上年压降10%", "同比节约12%", "met", 10, "relative_compared"],
    ["较上年扩大5%", "扩大3%", "not_met", 6, "relative_not_met"],
    ["不低于上年", "与上年持平", "met", 10, "relative_compared"],
    ["不低于上年", "较上年增加42.67万人次", "met", 10, "relative_compared"],
    ["不低于上年", "较上年下降2%", "not_met", 0, "relative_not_met"],
    ["不高于上年", "同比下降2%", "met", 10, "relative_compared"],
    ["增长不超过5%", "增长4%", "met", 10, "relative_compared"],
    ["较上年有所提高", "较上年提高", "met", 10, "relative_compared"],
    ["较上年提高5个百分点", "增长6%", "qualitative", null, "relative_measure_differs"],
    ["较上年提高5个百分点", "96%", "qualitative", null, "relative_needs_prior"],
    ["较上年增长5%", "较上年有所增长", "qualitative", null, "relative_needs_prior"],
    ["不低于上年", "944.39万人次", "qualitative", null, "relative_needs_prior"],
  ])("target %p, actual %p: %s", (target, actual, status, score, code) => {
    const r = row(target, actual);
    expect([r.status, r.computedScore]).toEqual([status, score]);
    expect(codes(r)).toContain(code);
  });

  test("an absolute actual with a prior-year figure is compared: 96% on 90.5% is +5.5 points", () => {
    const r = row("较上年提高5个百分点", "96%", { prior: "90.5%" });
    expect([r.status, r.actual.value, r.computedScore]).toEqual(["met", 5.5, 10]);
    expect(codes(r)).toContain("relative_from_prior");
  });

  test("growth from a prior-year figure: 1,050 on 1,000 is +5%", () => {
    const r = row("较上年增长5%", 1050, { prior: 1000 });
    expect([r.status, r.actual.value]).toEqual(["met", 5]);
  });

  test("a change written against a level target is invalid, saying why", () => {
    const r = row("≥70%", "较上年提高1.5个百分点");
    expect(r.status).toBe("invalid");
    expect(codes(r)).toContain("actual_is_change");
  });

  test.each<CellValue>(["提高至95%", "增长率≥5%", "≥95%", "有所提升", "95%以上"])("%p is not relative", (t) => {
    expect(parseRelativeTarget(t)).toBeNull();
  });
});

describe("the date and relative parsers never throw", () => {
  const pieces = ["2023", "年", "12", "月", "31", "日", "前", "底", "较上年", "提高", "下降", "5", "个百分点", "%", "同比", "不低于", "上年", "延期至", "按时", "完成", "十二", "季度", ".", "-", "/", " ", "持平", "增加", "万人次"];
  const text = fc.oneof(fc.string(), fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((a) => a.join("")));
  const value = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null), fc.boolean()) as fc.Arbitrary<CellValue>;
  const format = fc.oneof(fc.constant(null), fc.constantFrom("yyyy/m/d", "0.00%", "General", "yyyy\"年\"m\"月\"", "m/d"));

  test("parseDeadline / parseDateActual / compareDeadline", () => {
    fc.assert(
      fc.property(value, value, format, fc.oneof(fc.constant(null), fc.integer({ min: 1990, max: 2100 })), (t, a, f, y) => {
        const d = parseDeadline(t, f);
        const x = parseDateActual(a, f);
        if (d && x) compareDeadline(d, x, y);
      }),
      { numRuns: 2000 },
    );
  });

  test("parseRelativeTarget / parseRelativeActual", () => {
    fc.assert(
      fc.property(value, value, (t, a) => {
        parseRelativeTarget(t);
        parseRelativeActual(a);
      }),
      { numRuns: 2000 },
    );
  });

  test("a whole row with any target and actual evaluates without throwing", () => {
    fc.assert(
      fc.property(value, value, (t, a) => {
        expect(() => row(t, a)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
