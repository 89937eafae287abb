/**
 * runAudit on a statement sheet laid out as the samples are (label | 本年 | 上年 | 占比, 万元):
 * the findings, the 核对· columns as live formulas, the list of findings on its own sheet, and
 * re-runs and clear that touch only those.
 */
import { AUDIT_NOTICES } from "../../src/core/audit/messages";
import type { CellValue } from "../../src/core/basics/grid";
import { createMemoryExcel } from "../../src/memory-excel";
import type { AuditRun } from "../../src/excel/adapter-types";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { adapterError } from "./adapter-error";

const SHEET = "收支情况";
const LIST = "核对·收支情况";
const SENTENCE = "本年支出26,336.80万元。其中，基本支出2,776.77万元，占比10.54%，项目支出23,560.03万元，占比90.00%。";

/** A statement as a department prints it: one share (项目支出 92.00%) and one sentence (90.00%) disagree with 89.46%. */
function statement(sentence = SENTENCE): { values: CellValue[][]; numberFormats: (string | null)[][] } {
  return {
    values: [
      ["某局2023年度收支情况"],
      ["单位：万元"],
      ["项目", "本年", "上年", "占比"],
      ["本年支出合计", 26336.8, 28449.37, null],
      ["基本支出", 2776.77, 2445.27, 0.1054],
      ["项目支出", 23560.03, 26004.1, 0.92],
      [],
      [],
      [sentence],
    ],
    numberFormats: [[], [], [], [null, "#,##0.00", "#,##0.00"], [null, "#,##0.00", "#,##0.00", "0.00%"], [null, "#,##0.00", "#,##0.00", "0.00%"]],
  };
}

function setup(opts: { apiVersion?: string; protect?: boolean; sentence?: string } = {}) {
  const xl = createMemoryExcel({ apiVersion: opts.apiVersion, sheets: [{ name: SHEET, ...statement(opts.sentence), protected: opts.protect }, "Sheet2"] });
  xl.workbook.activate(SHEET);
  return { xl, adapter: createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported }) };
}

function ok(run: AuditRun): Extract<AuditRun, { ok: true }> {
  if (!run.ok) throw new Error(`audit failed: ${run.reason.en}`);
  return run;
}

describe("runAudit", () => {
  test("finds the share that disagrees, writes the 核对· columns as formulas and the list of findings, in 3 syncs (the last for notes and widths)", async () => {
    const { xl, adapter } = setup();
    const input = xl.workbook.sheet(SHEET).values("A1:D9");
    const run = ok(await adapter.runAudit());
    expect(run.syncs).toBe(3);
    expect(xl.stats.syncs).toBe(3);
    expect(run.result.findings.map((f) => [f.cell, f.check, f.severity, f.expected, f.actual])).toEqual([
      ["D6", "share", "error", "89.46%", "92.00%"],
      ["A9", "share", "error", "89.46%", "90.00%"],
    ]);
    expect(run.writes.map((w) => [w.sheet, w.mode, w.owned, w.createdSheet])).toEqual([
      [SHEET, "beside", `'${SHEET}'!E3:G6`, null],
      [LIST, "new_sheet", `'${LIST}'!A1:F3`, LIST],
    ]);
    const s = xl.workbook.sheet(SHEET);
    expect(s.values("E3:G3")).toEqual([["核对·占比", "核对·增长", "核对·说明"]]);
    // ratios are live formulas over the statement's cells, not values
    expect(s.formulas()).toEqual({
      F4: '=IFERROR((B4-C4)/C4,"—")',
      E5: '=IFERROR(B5/B$4,"—")',
      F5: '=IFERROR((B5-C5)/C5,"—")',
      E6: '=IFERROR(B6/B$4,"—")',
      F6: '=IFERROR((B6-C6)/C6,"—")',
    });
    expect(s.cell("E5").numberFormat).toBe("0.00%");
    expect(String(s.cell("G6").value)).toContain("89.46%");
    expect(s.cell("G6")).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(s.notes()).toEqual({ E6: expect.stringContaining("D6") });
    // input cells unchanged
    expect(s.values("A1:D9")).toEqual(input);
    // the list links each finding to its cell
    const list = xl.workbook.sheet(LIST);
    expect(list.values("A1:C1")).toEqual([["核对·单元格", "核对·检查", "核对·级别"]]);
    expect(list.formulas()).toEqual({ A2: `=HYPERLINK("#'${SHEET}'!D6","D6")`, A3: `=HYPERLINK("#'${SHEET}'!A9","A9")` });
    expect(list.cell("A3").value).toBe("A9");
  });

  test("a re-run gives the same workbook, in 4 syncs", async () => {
    const { xl, adapter } = setup();
    ok(await adapter.runAudit());
    const once = xl.workbook.snapshot();
    xl.stats.reset();
    const again = ok(await adapter.runAudit());
    expect(again.syncs).toBe(4);
    expect(again.writes.map((w) => w.messages)).toEqual([[], []]);
    expect(xl.workbook.snapshot()).toEqual(once);
  });

  test("clear removes exactly what the audit wrote", async () => {
    const { xl, adapter } = setup();
    xl.workbook.sheet(SHEET).setColumnWidth("G", 30);
    const before = xl.workbook.snapshot();
    ok(await adapter.runAudit());
    const report = await adapter.clearResults();
    expect(report.cleared).toEqual([
      { sheet: SHEET, owned: `'${SHEET}'!E3:G6`, deletedSheet: false },
      { sheet: LIST, owned: `'${LIST}'!A1:F3`, deletedSheet: true },
    ]);
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("once the sentence is corrected, a re-run removes the list it no longer needs", async () => {
    const { xl, adapter } = setup();
    ok(await adapter.runAudit());
    xl.workbook.sheet(SHEET).setValues("A9", [[SENTENCE.replace("90.00%", "89.46%")]]);
    const again = ok(await adapter.runAudit());
    expect(again.result.findings.map((f) => f.cell)).toEqual(["D6"]);
    expect(again.writes.map((w) => w.sheet)).toEqual([SHEET]);
    expect(xl.workbook.hasSheet(LIST)).toBe(false);
    await adapter.clearResults();
    expect(xl.workbook.sheet(SHEET).usedRange()).toBe("A1:D9");
  });

  test("audit and validate results on one workbook are kept apart", async () => {
    const { xl, adapter } = setup();
    ok(await adapter.runAudit());
    const audited = xl.workbook.snapshot();
    // a validate run elsewhere does not take the audit's output for its own
    xl.workbook.addSheet({ name: "指标", values: [["三级指标", "年度指标值", "实际完成值", "分值", "得分"], ["参保人数", "≥200万人", "234.42万人", 10, 10]] });
    xl.workbook.activate("指标");
    const v = await adapter.runValidate();
    expect(v.ok).toBe(true);
    xl.workbook.activate(SHEET);
    ok(await adapter.runAudit());
    expect(xl.workbook.snapshot().sheets.filter((s) => s.name !== "指标")).toEqual(audited.sheets);
  });

  test("the selection's rows: that table's columns are replaced, the list of the whole sheet is kept", async () => {
    const { xl, adapter } = setup();
    ok(await adapter.runAudit());
    const once = xl.workbook.snapshot();
    xl.workbook.select(SHEET, "A2:D6");
    const run = ok(await adapter.runAudit({ source: "selection" }));
    expect(run.result.findings.map((f) => f.cell)).toEqual(["D6"]);
    expect(run.writes.map((w) => w.owned)).toEqual([`'${SHEET}'!E3:G6`]);
    expect(xl.workbook.snapshot().sheets).toEqual(once.sheets);
    expect(xl.workbook.hasSheet(LIST)).toBe(true);
  });

  test("a protected sheet: a clear error, nothing written", async () => {
    const { xl, adapter } = setup({ protect: true });
    const before = xl.workbook.snapshot();
    const e = await adapterError(adapter.runAudit());
    expect(e.code).toBe("sheet_protected");
    expect(e.text.zh).toContain(SHEET);
    expect(e.text.en).toContain("protected");
    expect(e.detail.audit?.findings).toHaveLength(2);
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("no statement: the engine's reason, nothing written", async () => {
    const { xl, adapter } = setup();
    xl.workbook.activate("Sheet2");
    const before = xl.workbook.snapshot();
    const run = await adapter.runAudit();
    // one read: no record part yet, so nothing more to load
    expect(run).toEqual({ ok: false, kind: "no-statement", sheet: "Sheet2", syncs: 1, reason: { zh: AUDIT_NOTICES.noStatement.zh, en: AUDIT_NOTICES.noStatement.en } });
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("the add-in's own list sheet is not audited", async () => {
    const { xl, adapter } = setup();
    ok(await adapter.runAudit());
    xl.workbook.activate(LIST);
    const run = await adapter.runAudit();
    expect(run).toMatchObject({ ok: false, sheet: LIST });
  });

  test("a failure after partial writes removes them and says so", async () => {
    const { xl, adapter } = setup();
    const before = xl.workbook.snapshot();
    // the second fill: after the values are written
    xl.workbook.injectFault({ kind: "format.fill.color", skip: 1, code: "GeneralException" });
    const e = await adapterError(adapter.runAudit());
    expect(e.detail.rolledBack).toBe(true);
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("ExcelApi 1.7: no notes (the 说明 column carries the text), and the same cells otherwise", async () => {
    const xl = createMemoryExcel({ apiVersion: "1.7", sheets: [{ name: SHEET, ...statement() }] });
    const adapter = createSheetAdapter({ run: xl.run });
    const run = ok(await adapter.runAudit());
    expect(run.writes[0].notesWritten).toBe(0);
    expect(run.writes[0].messages.map((m) => m.code)).toEqual(["notes_unsupported"]);
    expect(xl.workbook.sheet(SHEET).notes()).toEqual({});
    expect(Object.keys(xl.workbook.sheet(SHEET).formulas())).toHaveLength(5);
  });
});
