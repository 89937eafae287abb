/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { SheetAdapterError } from "../../src/excel";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { INDICATORS, STATEMENT, STATEMENT_SHEET, memoryBook } from "./fixture";
import { openJob, renderPane, text } from "./helpers";

/** the 核对收支表 tab; its English label is shorter than the button's */
const AUDIT_TAB: Record<string, string> = { "zh-CN": "核对收支表", "en-US": "Statement" };

const statementBook = () => memoryBook(STATEMENT, { name: STATEMENT_SHEET });

describe("核对收支表", () => {
  test("the counts, the findings by kind, and each finding with its severity, cell and arithmetic", async () => {
    const { adapter } = statementBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openJob(user, "核对收支表");
    expect(panel.textContent).toContain("核对当前工作表中的收支表");

    await user.click(within(panel).getByRole("button", { name: "核对收支表" }));
    await screen.findByTestId("audit-summary");
    expect([text("audit-tables"), text("audit-figures"), text("audit-passed"), text("audit-finding-count")]).toEqual(["1", "5", "1", "2"]);
    const byKind = Object.fromEntries(
      ["sum", "share", "growth", "direction", "magnitude", "duplicate", "score"].map((c) => [c, screen.getByTestId(`audit-check-${c}`).textContent]),
    );
    expect(byKind).toEqual({ sum: "加总1", share: "占比1", growth: "增长率0", direction: "增减方向0", magnitude: "数量级0", duplicate: "重复数值0", score: "得分0" });

    const findings = screen.getByTestId("audit-findings");
    expect(findings.textContent).toContain("问题（2）");
    expect(within(findings).getAllByRole("button").map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^错误 B2 加总 各项之和与“本年支出合计”不符：1,203.34 \+ 2,700.03 = 3,903.37万元，填报为 3,803.37万元/),
      expect.stringMatching(/^错误 C3 占比 “基本支出”占比应为 1,203.34万元 ÷ 3,803.37万元（本年支出合计）= 31.64%，填报为 35.00%$/),
    ]);
  });

  test.each([
    ["its own tab", "核对收支表", "audit-cleared", "收支表核对汇总和问题列表已一并清除"],
    ["the 核对指标 tab", "核对指标", "notice-cleared", "已清除"],
  ])("清除结果 from %s: the statement check's summary and findings leave the pane with the results", async (_name, clearTab, noticeId, says) => {
    const { xl, adapter } = statementBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openJob(user, "核对收支表");
    await user.click(within(panel).getByRole("button", { name: "核对收支表" }));
    await screen.findByTestId("audit-findings");
    const written = xl.workbook.snapshot();
    const other = await openJob(user, clearTab);
    await user.click(within(other).getByRole("button", { name: "清除结果" }));
    expect((await screen.findByTestId(noticeId)).textContent).toContain(says);
    expect(xl.workbook.snapshot()).not.toEqual(written);
    await openJob(user, "核对收支表");
    expect(screen.queryByTestId("audit-summary")).toBeNull();
    expect(screen.queryByTestId("audit-findings")).toBeNull();
  });

  test("hidden rows in the statement are audited too, and the pane says so", async () => {
    const { xl, adapter } = statementBook();
    xl.workbook.sheet(STATEMENT_SHEET).hideRows(3);
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openJob(user, "核对收支表");
    await user.click(within(panel).getByRole("button", { name: "核对收支表" }));
    const summary = await screen.findByTestId("audit-summary");
    expect(summary.textContent).toContain("表中有隐藏或筛选掉的行");
    expect(text("audit-finding-count")).toBe("2");
  });

  test("a finding selects its cell on the audited sheet, even from another sheet", async () => {
    const { xl, adapter } = statementBook();
    const selectCell = jest.spyOn(adapter, "selectCell");
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openJob(user, "核对收支表");
    await user.click(within(panel).getByRole("button", { name: "核对收支表" }));
    const findings = await screen.findByTestId("audit-findings");

    xl.workbook.addSheet("其他");
    xl.workbook.activate("其他");
    await user.click(within(findings).getByRole("button", { name: /C3.*基本支出/ }));
    expect(selectCell).toHaveBeenCalledWith(`'${STATEMENT_SHEET}'!C3`);
    await waitFor(() => expect(xl.workbook.selection()).toBe(`${STATEMENT_SHEET}!C3`));
    expect(xl.workbook.activeSheet()).toBe(STATEMENT_SHEET);
  });

  test("the findings are written beside the table, and 清除结果 removes them", async () => {
    const { xl, adapter } = statementBook();
    const before = xl.workbook.sheet(STATEMENT_SHEET).values("A1:C4");
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openJob(user, "核对收支表");
    await user.click(within(panel).getByRole("button", { name: "核对收支表" }));
    const summary = await screen.findByTestId("audit-summary");
    const written = within(summary).getByRole("button", { name: /^结果写入 / });
    expect(xl.workbook.sheet(STATEMENT_SHEET).usedRange()).not.toBe("A1:C4");

    await user.click(within(panel).getByRole("button", { name: "清除结果" }));
    const cleared = await screen.findByTestId("audit-cleared");
    expect(cleared.textContent).toContain("已清除");
    expect(cleared.textContent).toContain(written.textContent?.replace(/^结果写入 /, ""));
    expect(xl.workbook.sheet(STATEMENT_SHEET).usedRange()).toBe("A1:C4");
    expect(xl.workbook.sheet(STATEMENT_SHEET).values("A1:C4")).toEqual(before);
  });

  test.each([
    ["random text", [["你好"], ["这里没有报表"]], "zh-CN", "核对收支表", "这不是收支表", "工作表“说明”：这不是收支表：未找到收支项目。"],
    ["an empty sheet", [], "zh-CN", "核对收支表", "这不是收支表", "查找的是：标签列"],
    ["an indicator table", INDICATORS, "zh-CN", "核对收支表", "这不是收支表", "这是绩效指标表"],
    ["an indicator table, in English", INDICATORS, "en-US", "Check statement", "No statement here", "Sheet “说明”: No statement here: no income or expenditure items found. This is an indicator table"],
    ["a statement with nothing to check", [["项目", "本年数（万元）"], ["基本支出", 1203.34]], "zh-CN", "核对收支表", "没有可核对的内容", "读到 1 个收支数字"],
  ])("not a statement (%s): says so, never the all-clear, writes nothing", async (_name, values, language, button, title, reason) => {
    const { xl, adapter } = memoryBook(values, { name: "说明" });
    const before = xl.workbook.snapshot();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() }, language);
    const panel = await openJob(user, AUDIT_TAB[language]);
    await user.click(within(panel).getByRole("button", { name: button }));
    const bar = await screen.findByTestId("audit-no-statement");
    expect(bar.textContent).toContain(title);
    expect(bar.textContent).toContain(reason);
    expect(panel.textContent).not.toMatch(/没有发现不一致|No inconsistencies found/);
    expect(screen.queryByTestId("audit-summary")).toBeNull();
    expect(screen.queryByTestId("audit-findings")).toBeNull();
    expect(xl.workbook.snapshot()).toEqual(before);
  });

  test("a statement, then a sheet that is not one: the earlier result is gone, not left to read as an all-clear", async () => {
    const { xl, adapter } = memoryBook(STATEMENT, { name: STATEMENT_SHEET, sheets: [{ name: "指标表", values: INDICATORS }] });
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openJob(user, "核对收支表");
    await user.click(within(panel).getByRole("button", { name: "核对收支表" }));
    await screen.findByTestId("audit-summary");
    xl.workbook.activate("指标表");
    await user.click(within(panel).getByRole("button", { name: "核对收支表" }));
    const bar = await screen.findByTestId("audit-no-statement");
    expect(bar.textContent).toContain("这是绩效指标表");
    expect(screen.queryByTestId("audit-summary")).toBeNull();
  });

  test.each([
    ["zh-CN", "核对收支表", "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试"],
    ["en-US", "Check statement", "Excel is in cell-edit mode: press Enter or Esc, then try again"],
  ])("an adapter error in %s: its own text in a MessageBar", async (language, button, shown) => {
    const { adapter } = statementBook();
    adapter.runAudit = () =>
      Promise.reject(new SheetAdapterError("cell_edit_mode", { zh: "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试", en: "Excel is in cell-edit mode: press Enter or Esc, then try again" }));
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() }, language);
    const panel = await openJob(user, AUDIT_TAB[language]);
    await user.click(within(panel).getByRole("button", { name: button }));
    expect((await screen.findByTestId("audit-error")).textContent).toContain(shown);
    expect((within(panel).getByRole("button", { name: button }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("while it runs the buttons are disabled and a spinner says so", async () => {
    const { adapter } = statementBook();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const runAudit = adapter.runAudit.bind(adapter);
    adapter.runAudit = async (options) => {
      await gate;
      return runAudit(options);
    };
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openJob(user, "核对收支表");
    const run = within(panel).getByRole("button", { name: "核对收支表" }) as HTMLButtonElement;
    await user.click(run);
    expect(within(panel).getByText("正在核对收支表…")).toBeTruthy();
    expect(run.disabled).toBe(true);
    expect((within(panel).getByRole("button", { name: "清除结果" }) as HTMLButtonElement).disabled).toBe(true);
    release();
    await screen.findByTestId("audit-summary");
    expect(run.disabled).toBe(false);
    expect(within(panel).queryByText("正在核对收支表…")).toBeNull();
  });
});
