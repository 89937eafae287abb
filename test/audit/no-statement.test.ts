/**
 * An audit that finds no statement says so, never "no inconsistency" (docs/statement-audit.md,
 * "No statement, nothing to check"): in the core outcome, and through the add-in's adapter without
 * writing anything.
 */
import fc from "fast-check";
import { auditGrid } from "../../src/core/audit";
import { AUDIT_NOTICES } from "../../src/core/audit/messages";
import { CellValue, Grid } from "../../src/core/basics/grid";
import { createMemoryExcel } from "../../src/memory-excel";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { audit, pairs } from "./helpers";

/** An indicator table laid out as the national project form: levels, target, actual, points, score, 总分. */
const INDICATOR_TABLE: CellValue[][] = [
  ["项目支出绩效自评表"],
  ["（2023年度）"],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 20, 20, ""],
  ["", "质量指标", "覆盖率", "≥95%", "90%", 20, 18.95, ""],
  ["效益指标", "社会效益指标", "群众知晓度", "有效提升", "达成年度指标", 20, 18, ""],
  ["", "", "投诉量", "≤5件", "3件", 20, 20, ""],
  ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥85%", "88%", 10, 10, ""],
  ["总分", "", "", "", "", 90, 86.95, ""],
];

/** The national project form: info block, the budget block in 万元 (a sum and rates the audit could check), then the indicators. */
const PROJECT_FORM: CellValue[][] = [
  ["项目支出绩效自评表"],
  ["（2023年度）"],
  ["项目名称", "医保信息化建设", "", "", "", "", "", ""],
  ["主管部门", "江门市医疗保障局", "", "", "实施单位", "江门市医疗保障局", "", ""],
  ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  ["", "年度资金总额", 500, 500, 478.06, 10, "95.61%", 9.56],
  ["", "其中：当年财政拨款", 450, 450, 430.06, "—", "—", "—"],
  ["", "上年结转资金", 50, 50, 48, "—", "—", "—"],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "系统上线模块数", "≥5个", "6个", 50, 50, ""],
  ["效益指标", "社会效益指标", "群众办事时长", "≤3天", "2天", 30, 30, ""],
  ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥85%", "88%", 10, 10, ""],
  ["总分", "", "", "", "", 100, 99.56, ""],
];

/** The same without a 得分 column: no statement header at all. */
const INDICATOR_NO_SCORE: CellValue[][] = [
  ["三级指标", "年度指标值", "实际完成值", "分值"],
  ["参保人数", "≥200万人", "234.42万人", 50],
  ["覆盖率", "≥95%", "90%", 50],
];

const CASES: Array<[string, CellValue[][], { indicator: boolean; figures: boolean }]> = [
  ["an empty sheet", [], { indicator: false, figures: false }],
  ["blank rows", [[null, ""], ["  ", null]], { indicator: false, figures: false }],
  ["random text", [["今天天气很好"], ["会议于3月5日召开，参会人员12人"], ["共有3个部门参加，开展培训5次，覆盖2,000人"]], { indicator: false, figures: false }],
  ["a contact list", [["姓名", "电话"], ["张三", "13800000000"], ["李四", "13900000000"]], { indicator: false, figures: false }],
  ["a 项目 | 金额 table holding words", [["项目", "金额"], ["你好", "世界"]], { indicator: false, figures: false }],
  ["a list of counts under 数额 with no unit, no known item and no total", [["内容", "数额"], ["培训场次", 12], ["参训人数", 300]], { indicator: false, figures: true }],
  ["an indicator table with 得分 and 总分", INDICATOR_TABLE, { indicator: true, figures: false }],
  ["an indicator table without 得分", INDICATOR_NO_SCORE, { indicator: true, figures: false }],
  ["the national project form, budget block in 万元 included", PROJECT_FORM, { indicator: true, figures: false }],
];

describe("no statement", () => {
  test.each(CASES)("%s: the outcome says no statement and what was looked for, in both languages", (_name, values, expect_) => {
    const out = auditGrid({ sheet: "Sheet1", values });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.kind).toBe("no-statement");
    expect(out.reason.zh.startsWith("这不是收支表：未找到收支项目。")).toBe(true);
    expect(out.reason.en.startsWith("No statement here: no income or expenditure items found.")).toBe(true);
    // what was looked for
    expect(out.reason.zh).toContain("本年/本年数/决算数/金额");
    expect(out.reason.zh).toContain("单位：万元");
    expect(out.reason.en).toContain("本年 / 本年数 / 决算数 / 金额");
    // never the all-clear
    for (const text of [out.reason.zh, out.reason.en]) expect(text).not.toMatch(/没有发现不一致|未发现不一致|no inconsistenc/i);
    expect(out.reason.zh.includes("绩效指标表")).toBe(expect_.indicator);
    expect(out.reason.en.includes("jixiao validate")).toBe(expect_.indicator);
    expect(/读到 \d+ 个数字/.test(out.reason.zh)).toBe(expect_.figures);
  });

  test("with nothing read, the reason is exactly the notice", () => {
    const out = auditGrid({ sheet: "s", values: [["姓名", "电话"], ["张三", "123"]] });
    expect(out).toEqual({ ok: false, kind: "no-statement", reason: { zh: AUDIT_NOTICES.noStatement.zh, en: AUDIT_NOTICES.noStatement.en } });
  });

  test("the statement part of an indicator form, audited on its own (a selection), is a statement", () => {
    const { result } = audit({ sheet: "s", values: [["单位：万元"], ...PROJECT_FORM.slice(4, 8)] });
    expect(result.passed.length).toBeGreaterThan(0);
  });

  test("a score table that is not an indicator table is still audited (sub-scores against 总分)", () => {
    const { result } = audit({ sheet: "s", values: [["评价内容", "得分"], ["预算编制", 23], ["预算执行", 41.7], ["预算使用效益", 35], ["总分", 97.7]] });
    expect(pairs(result.findings)).toEqual(["score@B5"]);
  });

  test("one money figure is enough for an indicator-looking sheet to be a statement", () => {
    const { result } = audit({ sheet: "s", values: [["项目", "本年数（万元）"], ["本年支出合计", 300], ["基本支出", 100], ["项目支出", 200]] });
    expect(pairs(result.passed)).toEqual(["sum@B2"]);
  });

  test("never throws, and never returns ok without a check that ran", () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 100000 }), fc.constantFrom("项目", "本年数", "合计", "基本支出", "万元", "单位", "得分", "12.5万元", "—", "其中："), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }), (values) => {
        const out = auditGrid({ sheet: "s", values });
        if (out.ok) expect(out.result.findings.length + out.result.passed.length).toBeGreaterThan(0);
        else expect(["no-statement", "nothing-to-check"]).toContain(out.kind);
      }),
      { numRuns: 300 },
    );
  });
});

describe("nothing to check", () => {
  test.each([
    ["one 收支 row", [["项目", "本年数（万元）"], ["基本支出", 1203.34]]],
    ["two parts without their total", [["项目", "本年数"], ["基本支出", 1203.34], ["项目支出", 2600.03]]],
    ["a sentence with one figure", [["本单位2022年基本支出1,203.34万元。"], ["本年支出合计情况另行说明。"]]],
  ])("%s: says nothing could be checked, not the all-clear", (_name, values) => {
    const out = auditGrid({ sheet: "s", values: values as CellValue[][] });
    expect(out).toMatchObject({ ok: false, kind: "nothing-to-check" });
    if (out.ok) return;
    expect(out.reason.zh).toMatch(/^没有可核对的内容：读到 \d+ 个收支数字/);
    expect(out.reason.en).toMatch(/^Nothing to check: \d+ income or expenditure figure/);
  });
});

describe("through the add-in's adapter", () => {
  test.each([
    ["an indicator table", INDICATOR_TABLE, "no-statement"],
    ["random text", [["今天天气很好"], ["共有3个部门参加"]], "no-statement"],
    ["a statement with nothing to check", [["项目", "本年数（万元）"], ["基本支出", 1203.34]], "nothing-to-check"],
  ])("%s: the engine's kind and reason, nothing written", async (_name, values, kind) => {
    const xl = createMemoryExcel({ sheets: [{ name: "表1", values: values as CellValue[][] }] });
    const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
    const before = xl.workbook.snapshot();
    const run = await adapter.runAudit();
    const grid: Grid = { sheet: "表1", values: values as CellValue[][] };
    const engine = auditGrid(grid);
    if (engine.ok) throw new Error("expected no statement");
    expect(run).toEqual({ ok: false, kind, sheet: "表1", syncs: 1, reason: engine.reason });
    expect(xl.workbook.snapshot()).toEqual(before);
  });
});
