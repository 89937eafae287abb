/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { SHEET, memoryBook } from "./fixture";
import { countOf, renderPane, text } from "./helpers";

describe("checking indicators on a memory workbook", () => {
  test("核对指标 shows the counts, total score, grade and the detected columns", async () => {
    const { xl, adapter } = memoryBook();
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });

    await user.click(check);
    await screen.findByTestId("summary");

    expect([countOf("met"), countOf("not_met"), countOf("qualitative"), countOf("not_applicable"), countOf("invalid")]).toEqual([3, 1, 1, 0, 1]);
    // the 投诉量 row (20 points) could not be checked: 89.95 − its stated 12 is a provisional 77.95, up to 97.95, grade withheld
    expect(text("total-score")).toBe("77.95（暂定）");
    expect(text("total-range")).toBe("77.95 – 97.95");
    expect(text("undetermined")).toBe("1 行，20 分");
    expect(text("grade")).toBe("待定");
    expect(screen.getByTestId("provisional-note")).toBeTruthy();
    expect(text("points-total")).toBe("100");
    expect(text("preset-used")).toContain("财政部2020年通行做法");
    expect(text("header-row")).toBe("1");
    const columns = Object.fromEntries(
      ["level1", "level2", "name", "target", "actual", "operator", "direction", "unit", "points", "score", "reason"].map((role) => [role, text(`column-${role}`)]),
    );
    expect(columns).toEqual({ level1: "A", level2: "B", name: "C", target: "D", actual: "E", operator: "未识别", direction: "未识别", unit: "未识别", points: "F", score: "G", reason: "H" });
    // the results really are in the sheet, beside the table
    expect(xl.workbook.sheet(SHEET).values("I1:I2")).toEqual([["核对·状态"], ["达标"]]);
    expect(text("notice-checked")).toContain("'指标表'!I1:L7");
  });

  test("a problem selects its cell, on the checked sheet even when another sheet is active", async () => {
    const { xl, adapter } = memoryBook();
    const selectCell = jest.spyOn(adapter, "selectCell");
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    const problems = await screen.findByTestId("problems");

    xl.workbook.addSheet("其他");
    xl.workbook.activate("其他");
    // not met: the actual in E4; its accessible name carries the cell address
    await user.click(within(problems).getByRole("button", { name: /E4.*覆盖率.*未达到目标/ }));

    expect(selectCell).toHaveBeenCalledWith("'指标表'!E4");
    await waitFor(() => expect(xl.workbook.selection()).toBe("指标表!E4"));
    expect(xl.workbook.activeSheet()).toBe(SHEET);
  });

  test("the problem list holds the row errors and warnings, each a button named with its cell", async () => {
    const { adapter } = memoryBook();
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    const problems = await screen.findByTestId("problems");
    const names = within(problems)
      .getAllByRole("button")
      .map((b) => b.textContent ?? "");
    // errors first (docs/rules.md, "Severity"), then warnings in reading order
    expect(names).toEqual([
      expect.stringMatching(/^错误 E6 投诉量 .*不是数值/),
      expect.stringMatching(/^警告 E4 覆盖率 未达到目标/),
      expect.stringMatching(/^警告 H4 覆盖率 .*需填写偏差原因/),
      expect.stringMatching(/^警告 H5 群众知晓度 .*需填写偏差原因/),
    ]);
    // the table-level message has no cell: listed, but not a button
    expect(within(problems).getByText(/1行无法核对/)).toBeTruthy();
    expect(text("problems")).toContain("问题（5）");
  });

  test("清除结果 removes the result columns and says what it removed", async () => {
    const { xl, adapter } = memoryBook();
    const before = xl.workbook.sheet(SHEET).values("A1:H7");
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    await screen.findByTestId("summary");
    expect(xl.workbook.sheet(SHEET).usedRange()).toBe("A1:L7");

    await user.click(screen.getByRole("button", { name: "清除结果" }));
    const notice = await screen.findByTestId("notice-cleared");

    expect(notice.textContent).toContain("已清除 '指标表'!I1:L7");
    expect(xl.workbook.sheet(SHEET).usedRange()).toBe("A1:H7");
    expect(xl.workbook.sheet(SHEET).values("I1:L7").flat().every((v) => v === "")).toBe(true);
    expect(xl.workbook.sheet(SHEET).values("A1:H7")).toEqual(before);
  });

  test("while the adapter works the buttons are disabled and a spinner says so", async () => {
    const { adapter } = memoryBook();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const runValidate = adapter.runValidate.bind(adapter);
    adapter.runValidate = async (options) => {
      await gate;
      return runValidate(options);
    };
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);

    expect(screen.getByText("正在核对…")).toBeTruthy();
    expect((check as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "清除结果" }) as HTMLButtonElement).disabled).toBe(true);
    release();
    await screen.findByTestId("summary");
    expect((check as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByText("正在核对…")).toBeNull();
  });
});

describe("language", () => {
  test.each([
    ["en-US", ["Check indicators", "Clear results"], ["Met", "Not met", "Total score", "Grade"], "Pending", /Target not met: target ≥95%, actual 90%/],
    ["zh-CN", ["核对指标", "清除结果"], ["达标", "未达标", "总分", "等级"], "待定", /未达到目标：目标≥95%，实际90%/],
  ])("display language %s: buttons, summary and engine messages", async (language, buttons, labels, grade, message) => {
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() }, language);
    for (const name of buttons) expect(screen.getByRole("button", { name })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: buttons[0] }));
    const summary = await screen.findByTestId("summary");
    for (const label of labels) expect(within(summary).getAllByText(label).length).toBeGreaterThan(0);
    expect(text("grade")).toBe(grade);
    expect(within(screen.getByTestId("problems")).getByRole("button", { name: message })).toBeTruthy();
  });
});
