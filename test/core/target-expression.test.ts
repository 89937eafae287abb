/** docs/rules.md §4: every written form of a target (年度指标值) and of a bounded actual. */
import { CellValue } from "../../src/core/basics/grid";
import { displayText, normalizeText } from "../../src/core/basics/normalize-text";
import { Op, parseExpression, splitEmbeddedTarget } from "../../src/core/indicators/target-expression";
import { checkRow, codes, grid, validate } from "./helpers";

type Row = [written: string, op: Op, value: number, unit: string | null];

function expectQuantity(written: CellValue, op: Op, value: number, unit: string | null, implicit: boolean, side: "target" | "actual" = "target") {
  const e = parseExpression(written, { side });
  if (e.kind !== "quantity") throw new Error(`${String(written)} parsed as ${e.kind}`);
  expect(e.op).toBe(op);
  expect(e.q.value).toBe(value);
  expect(e.q.unit?.text ?? null).toBe(unit === null ? null : normalizeText(unit));
  expect(e.implicit).toBe(implicit);
  return e;
}

describe("at least (≥ ≧ >= 不低于 不少于 至少 达到 …以上)", () => {
  test.each<Row>([
    ["≥200万人", "ge", 200, "万人"],
    [">=95%", "ge", 95, "%"],
    ["≧90%", "ge", 90, "%"],
    ["⩾90%", "ge", 90, "%"],
    ["大于等于90%", "ge", 90, "%"],
    ["不低于3个月", "ge", 3, "个月"],
    ["不少于5个", "ge", 5, "个"],
    ["至少2次", "ge", 2, "次"],
    ["达到90%", "ge", 90, "%"],
    ["达到 70%", "ge", 70, "%"],
    ["90%以上", "ge", 90, "%"],
    ["100人以上", "ge", 100, "人"],
    ["160个及以上", "ge", 160, "个"],
    ["95%（含）以上", "ge", 95, "%"],
  ])("%s is at least %s %s", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, false);
  });
});

describe("at most, the reverse indicator (≤ ≦ <= 不高于 不超过 不多于 至多 …以内 …以下 控制在…以内)", () => {
  test.each<Row>([
    ["≤10%", "le", 10, "%"],
    ["<=5%", "le", 5, "%"],
    ["≦3天", "le", 3, "天"],
    ["不高于5%", "le", 5, "%"],
    ["不超过3分钟", "le", 3, "分钟"],
    ["不多于2次", "le", 2, "次"],
    ["至多1次", "le", 1, "次"],
    ["30天以内", "le", 30, "天"],
    ["5%以下", "le", 5, "%"],
    ["控制在5%以内", "le", 5, "%"],
    ["控制在 3 个工作日以内", "le", 3, "个工作日"],
  ])("%s is at most", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, false);
  });
});

describe("equal (= ＝ 等于 为)", () => {
  test.each<Row>([
    ["=100%", "eq", 100, "%"],
    ["＝100%", "eq", 100, "%"],
    ["等于100%", "eq", 100, "%"],
    ["为0件", "eq", 0, "件"],
  ])("%s is equal", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, false);
  });
});

describe("strict (> 大于 高于 超过; < 小于 低于)", () => {
  test.each<Row>([
    [">90%", "gt", 90, "%"],
    ["大于90%", "gt", 90, "%"],
    ["高于80%", "gt", 80, "%"],
    ["超过80%", "gt", 80, "%"],
    ["<5%", "lt", 5, "%"],
    ["小于5%", "lt", 5, "%"],
    ["低于5%", "lt", 5, "%"],
  ])("%s is strict", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, false);
  });
});

describe("between (90%-100%, 90%～100%, [90%,100%])", () => {
  test.each([["90%-100%"], ["90%～100%"], ["90%~100%"], ["[90%,100%]"], ["［90%，100%］"], ["90%–100%"], ["90%至100%"], ["90-100%"]])(
    "%s is the range 90% to 100%",
    (written) => {
      const e = expectQuantity(written, "between", 90, "%", false);
      expect(e.kind === "quantity" && e.q2?.value).toBe(100);
    },
  );

  test("a range written high to low is not a range", () => {
    expect(parseExpression("100%-90%").kind).not.toBe("quantity");
  });
});

describe("approximately (70%左右, 约70%)", () => {
  test.each<Row>([
    ["70%左右", "approx", 70, "%"],
    ["约70%", "approx", 70, "%"],
    ["大约70%", "approx", 70, "%"],
    ["7700个左右", "approx", 7700, "个"],
  ])("%s is approximate", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, false);
  });

  test.each([
    ["70%左右", "73.5%", "met"],
    ["70%左右", "66.5%", "met"],
    ["70%左右", "73.6%", "not_met"],
    ["约70%", "66.4%", "not_met"],
  ])("%s with the default ±5%% relative tolerance: %s is %s", (target, actual, status) => {
    const r = checkRow(target, actual);
    expect(r.status).toBe(status);
    if (status === "not_met") expect(codes(r)).toContain("approx_outside");
  });

  test("the tolerance is configurable", () => {
    expect(checkRow("约70%", "75%").status).toBe("not_met");
    expect(checkRow("约70%", "75%", { settings: { approxTolerance: 0.1 } }).status).toBe("met");
  });
});

describe("no operator: at least, marked implicit (configurable per table)", () => {
  test.each<Row>([
    ["100%", "ge", 100, "%"],
    ["1次", "ge", 1, "次"],
    ["4次/年", "ge", 4, "次/年"],
  ])("%s reads as at least and is marked implicit", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, true);
  });

  test("a number cell is an implicit target too", () => {
    expectQuantity(95, "ge", 95, null, true);
  });

  test("the implicit operator can be set to equal", () => {
    const e = parseExpression("100%", { implicitOp: "eq" });
    expect(e.kind === "quantity" && [e.op, e.implicit]).toEqual(["eq", true]);
    const r = checkRow("100%", "105%", { settings: { implicitOperator: "eq" } });
    expect(r.target.op).toBe("eq");
    expect(codes(r)).toContain("implicit_operator");
  });

  test("an implicit target says how it was read", () => {
    const r = checkRow("100%", "100%");
    expect(r.target.implicit).toBe(true);
    expect(r.messages.find((m) => m.code === "implicit_operator")?.text.zh).toContain("≥");
  });
});

describe("qualitative targets", () => {
  test.each([["有效提升"], ["达到预期"], ["逐步完善"], ["普遍开展"], ["有所提升"], ["优良中低差"], ["按规定及时调整"], ["不低于上年"]])("%s is qualitative", (written) => {
    expect(parseExpression(written).kind).toBe("qualitative");
  });

  test("a qualitative row is scored by hand, not compared", () => {
    const r = checkRow("有效提升", "达成年度指标");
    expect(r.status).toBe("qualitative");
    expect(r.actual.band).toBe("achieved");
    expect(r.computedScore).toBeNull();
  });
});

describe("no target: not applicable", () => {
  test.each<[CellValue]>([["—"], ["——"], ["*"], ["/"], [""], ["  "], [null], [undefined], ["-"], ["不适用"], ["／"]])("%p is no target", (written) => {
    expect(parseExpression(written).kind).toBe("none");
  });

  test.each([["—"], ["*"], ["/"], [""]])("a row whose target is %p is not applicable", (written) => {
    expect(checkRow(written, "98%").status).toBe("not_applicable");
  });
});

describe("how targets are written: spaces, line breaks, full-width forms, minus signs", () => {
  test.each<[string, Op, number, string]>([
    ["≥ 95 %", "ge", 95, "%"],
    ["≥９５％", "ge", 95, "%"],
    ["≥ \n95%", "ge", 95, "%"],
    ["＞９０．５％", "gt", 90.5, "%"],
    [">= 1,000 万元", "ge", 1000, "万元"],
    ["≤ 11，041 万人", "le", 11041, "万人"],
    ["≥\u22125%", "ge", -5, "%"],
    ["不超过\u00a03\u3000分钟", "le", 3, "分钟"],
  ])("%j", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, false);
  });
});

describe("bounded actuals are compared at the bound, and say so", () => {
  test.each<[string, Op, number, string]>([
    ["不低于65%", "ge", 65, "%"],
    ["超过80%", "gt", 80, "%"],
    ["7700个左右", "approx", 7700, "个"],
    ["≥90%", "ge", 90, "%"],
    ["不超过3分钟", "le", 3, "分钟"],
    ["5,300多个", "ge", 5300, "个"],
    ["100余个", "ge", 100, "个"],
  ])("the actual %s is a bound", (written, op, value, unit) => {
    expectQuantity(written, op, value, unit, false, "actual");
  });

  test("a plain actual is an exact value, not a bound", () => {
    expectQuantity("98.22%", "eq", 98.22, "%", true, "actual");
  });

  test.each([
    ["≥65%", "不低于65%", "met", "ge"],
    ["80%", "超过80%", "met", "gt"],
    ["≥4000个", "7700个左右", "met", "approx"],
    ["≥65%", "不低于60%", "not_met", "ge"],
  ])("target %s, actual %s: %s at the bound", (target, actual, status, bound) => {
    const r = checkRow(target, actual);
    expect(r.status).toBe(status);
    expect(r.actual.bound).toBe(bound);
    expect(codes(r)).toContain("actual_bounded");
  });
});

describe("qualitative actuals carry an achievement band", () => {
  test.each([
    ["达成年度指标", "achieved"],
    ["部分达成年度指标并具有一定效果", "partial"],
    ["未达成年度指标且效果较差", "not_achieved"],
    ["达成预期指标", "achieved"],
    ["基本完成", "partial"],
    ["有效缓解", null],
  ])("%s → %s", (written, band) => {
    const e = parseExpression(written, { side: "actual" });
    expect(e.kind === "qualitative" && e.band).toBe(band);
  });
});

describe("numbers inside prose", () => {
  test("a single number phrase in a sentence is the actual", () => {
    const r = checkRow("≥3次", "全年共开展5次检查");
    expect(r.status).toBe("met");
    expect([r.actual.value, r.actual.unit]).toEqual([5, "次"]);
    expect(codes(r)).toContain("actual_from_text");
  });

  test("a Chinese-numeral count in a sentence is a number (三个“全覆盖”检查)", () => {
    const r = checkRow("≥3次", "三个“全覆盖”检查");
    expect(r.status).toBe("met");
    expect([r.actual.value, r.actual.unit]).toEqual([3, "个"]);
  });

  test.each([["第一批试点"], ["发放一次性补助"], ["药品120个、耗材20个"]])("%s gives no single number", (text) => {
    expect(parseExpression(text, { side: "actual" }).kind).toBe("qualitative");
  });
});

describe("a target embedded in the indicator name is split off", () => {
  test.each([
    ["参保人数≥200万人", "参保人数", "≥200万人"],
    ["参保人数 ≥ 200 万人", "参保人数", "≥200万人"],
    ["宣传活动场次≥2场/年", "宣传活动场次", "≥2场/年"],
    ["基金滚存结余可支配月数（月）不低于3个月", "基金滚存结余可支配月数(月)", "不低于3个月"],
    ["工程验收合格率100%", "工程验收合格率", "100%"],
    ["病历专项抽查服务次数 4次/年", "病历专项抽查服务次数", "4次/年"],
    ["法律纠纷发生数为0件", "法律纠纷发生数", "为0件"],
    ["住院救助比例达到 70%", "住院救助比例", "达到70%"],
  ])("%s → %s + %s", (written, name, target) => {
    expect(splitEmbeddedTarget(written)).toEqual({ name, target });
  });

  test.each([["参保人数"], ["2023年参保人数"], ["城乡居民医保参保情况2023年"], ["集采药品第2批"], ["作为民生实事的满意度"], ["PM2.5浓度"]])(
    "%s carries no target",
    (written) => {
      expect(splitEmbeddedTarget(written)).toBeNull();
    },
  );

  test("a row with the target in its name and a blank target cell is checked against it", () => {
    const { result } = validate(
      grid([
        ["指标名称", "年度指标值", "实际完成值"],
        ["城乡居民基本医疗保险参保人数≥200万人", "", "234.42万人"],
        ["出具专项监督检查报告≥3", "", ""],
      ]),
    );
    const [enrolment, reports] = result.rows;
    expect(enrolment.name).toBe("城乡居民基本医疗保险参保人数");
    expect([enrolment.status, enrolment.target.op, enrolment.target.value, enrolment.target.unit]).toEqual(["met", "ge", 200, "万人"]);
    expect(codes(enrolment)).toContain("target_from_name");
    // blank actual: still an indicator row, not a section heading
    expect(reports.status).toBe("invalid");
    expect(codes(reports)).toContain("actual_missing");
  });
});

describe("display text of names", () => {
  test.each([
    ["参保\n人数", "参保人数"],
    ["Insured  persons\n(total)", "Insured persons (total)"],
    ["  预算执行率 ", "预算执行率"],
    ["城乡居民 医保（不含 中药饮片）", "城乡居民医保（不含中药饮片）"],
  ])("%j is shown as %j", (raw, shown) => {
    expect(displayText(raw)).toBe(shown);
  });
});
