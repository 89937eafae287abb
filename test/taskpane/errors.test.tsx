/** @jest-environment jsdom */
import "./setup";
import { screen, within } from "@testing-library/react";
import type { CellValue } from "../../src/core/basics/grid";
import { SheetAdapterError } from "../../src/excel";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { SHEET, UNRECOGNISED, memoryBook } from "./fixture";
import { countOf, renderPane, text } from "./helpers";

describe("adapter errors", () => {
  test("a protected sheet: the adapter's message in a MessageBar, and the check's results without the write", async () => {
    const { xl, adapter } = memoryBook(undefined, { protected: true });
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);

    const bar = await screen.findByTestId("notice-error");
    expect(bar.textContent).toContain(`工作表“${SHEET}”受保护，未写入任何内容`);
    // checking worked, only writing failed: the summary is there, marked unwritten
    expect(countOf("met")).toBe(3);
    expect(screen.getByText("指标已核对，但结果未写入工作表。")).toBeTruthy();
    expect(xl.workbook.sheet(SHEET).usedRange()).toBe("A1:H7");
  });

  test.each([
    ["zh-CN", "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试"],
    ["en-US", "Excel is in cell-edit mode: press Enter or Esc, then try again"],
  ])("in %s the SheetAdapterError's own text is shown", async (language, shown) => {
    const { adapter } = memoryBook();
    adapter.runValidate = () =>
      Promise.reject(new SheetAdapterError("cell_edit_mode", { zh: "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试", en: "Excel is in cell-edit mode: press Enter or Esc, then try again" }));
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() }, language);
    await user.click(check);
    expect((await screen.findByTestId("notice-error")).textContent).toContain(shown);
    expect((check as HTMLButtonElement).disabled).toBe(false);
  });

  test("anything else thrown still reaches the user", async () => {
    const { adapter } = memoryBook();
    adapter.clearResults = () => Promise.reject(new Error("boom"));
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(screen.getByRole("button", { name: "清除结果" }));
    expect((await screen.findByTestId("notice-error")).textContent).toContain("意外错误：boom");
  });
});

describe("no table found", () => {
  test("the reason and the column picker; picking the columns and checking again works", async () => {
    const { xl, adapter } = memoryBook(UNRECOGNISED);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);

    expect((await screen.findByTestId("notice-no-table")).textContent).toContain("前30行中未找到指标表表头");
    const picker = await screen.findByTestId("column-picker");
    expect((within(picker).getByRole("textbox", { name: "表头所在行（工作表行号）" }) as HTMLInputElement).value).toBe("1");
    // the options name the columns after the header row
    const target = within(picker).getByRole("combobox", { name: "年度指标值" });
    expect(within(target).getByRole("option", { name: "B · 计划数" })).toBeTruthy();

    await user.selectOptions(within(picker).getByRole("combobox", { name: "指标名称" }), "A");
    await user.selectOptions(target, "B");
    await user.selectOptions(within(picker).getByRole("combobox", { name: "实际完成值" }), "C");
    await user.click(within(picker).getByRole("button", { name: "按所选列核对" }));

    await screen.findByTestId("summary");
    expect([countOf("met"), countOf("not_met")]).toEqual([1, 1]);
    expect(text("total-score")).toBe("97.37");
    expect(text("column-name") + text("column-target") + text("column-actual") + text("column-points")).toBe("ABCD");
    expect(screen.getByText("正在使用手动指定的表头和列。")).toBeTruthy();
    expect(screen.queryByTestId("column-picker")).toBeNull();
    expect(xl.workbook.sheet(SHEET).values("E1:E3")).toEqual([["核对·状态"], ["达标"], ["未达标"]]);

    // the picked columns stay in force for the next check
    await user.click(check);
    await screen.findByTestId("notice-checked");
    expect(countOf("met")).toBe(1);
  });

  test("the picker starts at the best-guess header row under a title, not at row 1", async () => {
    const titled: CellValue[][] = [["2023年度某项目绩效自评表"], [], ["填报单位：某局", "", "填报日期：2024年1月"], ...UNRECOGNISED];
    const { adapter } = memoryBook(titled);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    const picker = await screen.findByTestId("column-picker");
    expect((within(picker).getByRole("textbox", { name: "表头所在行（工作表行号）" }) as HTMLInputElement).value).toBe("4");
    // the options name the columns after that row
    expect(within(within(picker).getByRole("combobox", { name: "年度指标值" })).getByRole("option", { name: "B · 计划数" })).toBeTruthy();
  });

  test("a header row outside the data is refused with the range", async () => {
    const { adapter } = memoryBook(UNRECOGNISED);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    const picker = await screen.findByTestId("column-picker");
    const row = within(picker).getByRole("textbox", { name: "表头所在行（工作表行号）" });
    await user.clear(row);
    await user.type(row, "9");
    await user.click(within(picker).getByRole("button", { name: "按所选列核对" }));
    expect(within(picker).getByText("请输入 1–3 之间的行号")).toBeTruthy();
  });

  test("a wrong detection can be corrected from the detected table", async () => {
    const { adapter } = memoryBook();
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    await screen.findByTestId("summary");
    await user.click(screen.getByRole("button", { name: "更改表头和列" }));
    const picker = await screen.findByTestId("column-picker");
    // starts from what was detected
    expect((within(picker).getByRole("combobox", { name: "得分" }) as HTMLSelectElement).value).toBe("G");
    // no score column: the stated scores are ignored, the computed ones count
    await user.selectOptions(within(picker).getByRole("combobox", { name: "得分" }), "-");
    await user.click(within(picker).getByRole("button", { name: "按所选列核对" }));
    await screen.findByTestId("notice-checked");
    expect(text("column-score")).toBe("未识别");

    await user.click(screen.getByRole("button", { name: "更改表头和列" }));
    await user.click(within(await screen.findByTestId("column-picker")).getByRole("button", { name: "恢复自动识别" }));
    await user.click(check);
    await screen.findByTestId("notice-checked");
    expect(text("column-score")).toBe("G");
  });
});
