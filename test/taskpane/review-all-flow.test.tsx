/** @jest-environment jsdom */
/**
 * 核对全部工作表 in the pane (docs/review.md, "In the add-in"): one click checks every sheet holding
 * a table or statement, writes the 核对汇总 sheet, lists the sheets with totals and grades, and a
 * sheet in the list selects it.
 */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { createMemoryExcel } from "../../src/memory-excel";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { projectForm } from "../fixtures/standard-forms";
import { INDICATORS, STATEMENT } from "./fixture";
import { renderPane, text } from "./helpers";

function book() {
  const xl = createMemoryExcel({
    sheets: [
      { name: "说明", values: [["本工作簿含各项目自评表"]] },
      { name: "项目甲", values: projectForm().values, numberFormats: projectForm().numberFormats },
      { name: "指标", values: INDICATORS },
      { name: "收支", values: STATEMENT },
    ],
  });
  xl.workbook.activate("说明");
  return { xl, adapter: createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported }) };
}

describe("核对全部工作表", () => {
  test("checks every sheet, writes 核对汇总 with a linked row per sheet, lists totals and grades", async () => {
    const { xl, adapter } = book();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const section = screen.getByTestId("review-all");
    expect(section.textContent).toContain("核对本工作簿中每个含指标表或收支表的工作表");
    await user.click(within(section).getByRole("button", { name: "核对全部工作表" }));
    const summary = await screen.findByTestId("review-all-summary");
    expect(summary.textContent).toBe("已核对 3 张工作表，汇总写入“核对汇总”。");

    // every sheet, in tab order, the notes sheet included with why it was not checked
    const all = within(screen.getByTestId("review-all-sheets")).getAllByRole("listitem");
    expect(all.map((li) => li.querySelector("button")?.textContent)).toEqual(["说明", "项目甲", "指标", "收支"]);
    expect(all[0].textContent).toContain("未核对：只有文字，没有数字（如填表说明），不是指标表或收支表");
    const items = all.slice(1);
    expect(items[0].textContent).toContain("项目支出绩效自评表 · 总分 97.96 · 等级 优");
    // the pane fixture has an unchecked scored row: its total is provisional and says so
    expect(items[1].textContent).toMatch(/总分 [\d.]+（暂定） · 等级 待定/);
    expect(items[2].textContent).toContain("收支报表 · 总分 — · 等级 —");

    const sheet = xl.workbook.sheet("核对汇总");
    expect(sheet.values("B1:B4").map((r) => r[0])).toEqual(["工作表", "项目甲", "指标", "收支"]);
    expect(sheet.formulas().B3).toBe(`=HYPERLINK("#'指标'!A1","指标")`);

    await user.click(within(items[1]).getByRole("button", { name: "指标" }));
    await waitFor(() => expect(xl.workbook.activeSheet()).toBe("指标"));
  });

  test("hidden sheets are not read but named; a very hidden one is not", async () => {
    const xl = createMemoryExcel({
      sheets: [
        { name: "指标", values: INDICATORS },
        { name: "旧版", values: INDICATORS, visibility: "Hidden" },
        { name: "配置", values: [["x"]], visibility: "VeryHidden" },
      ],
    });
    const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(within(screen.getByTestId("review-all")).getByRole("button", { name: "核对全部工作表" }));
    expect((await screen.findByTestId("review-all-summary")).textContent).toBe("已核对 1 张工作表，汇总写入“核对汇总”。");
    // the hidden sheet is named in its place, not linked (it cannot be selected), the very hidden one not at all
    const items = within(screen.getByTestId("review-all-sheets")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/^指标绩效指标表/), "旧版未核对：隐藏的工作表，未读取（取消隐藏后可核对）"]);
    expect(items[1].querySelector("button")).toBeNull();
    // the hidden sheet is left as it was: no result columns
    expect(xl.workbook.sheet("旧版").values("A1:Z1")[0].filter((v) => String(v).startsWith("核对"))).toEqual([]);
  });

  test("清除结果 after 核对全部工作表 leaves no stale 打开“核对汇总” nor list, from either panel", async () => {
    for (const from of ["核对指标", "核对收支表"]) {
      const { xl, adapter } = book();
      const { user, unmount } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
      await user.click(within(screen.getByTestId("review-all")).getByRole("button", { name: "核对全部工作表" }));
      const open = await screen.findByTestId("review-all-open");
      // it reads as a link, not a button
      expect(open.className).toContain("fui-Link");
      expect(open.textContent).toBe("打开“核对汇总”");
      if (from === "核对收支表") await user.click(screen.getByRole("tab", { name: "核对收支表" }));
      await user.click(within(screen.getByRole("tabpanel")).getByRole("button", { name: "清除结果" }));
      await waitFor(() => expect(xl.workbook.hasSheet("核对汇总")).toBe(false));
      await screen.findByText("已清除结果");
      // the notice says the summary sheet went
      expect(screen.getByText("已删除工作表“核对汇总”")).toBeTruthy();
      if (from === "核对收支表") await user.click(screen.getByRole("tab", { name: "核对指标" }));
      expect(screen.queryByTestId("review-all-open")).toBeNull();
      expect(screen.queryByTestId("review-all-sheets")).toBeNull();
      expect(screen.queryByText(/^打开/)).toBeNull();
      // the hint is back, as before the run
      expect(text("review-all")).toContain("核对本工作簿中每个含指标表或收支表的工作表");
      unmount();
    }
  });

  test("a workbook with nothing to check says so and writes no sheet", async () => {
    const xl = createMemoryExcel({ sheets: [{ name: "说明", values: [["无表格"]] }] });
    const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(within(screen.getByTestId("review-all")).getByRole("button", { name: "核对全部工作表" }));
    expect((await screen.findByTestId("review-all-summary")).textContent).toBe("没有找到含指标表或收支表的工作表。");
    expect(text("review-all-sheets")).toBe("说明未核对：只有文字，没有数字（如填表说明），不是指标表或收支表");
    expect(xl.workbook.sheetNames()).toEqual(["说明"]);
  });
});
