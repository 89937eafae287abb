/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { STATEMENT, STATEMENT_SHEET, memoryBook } from "./fixture";
import { openJob, renderPane } from "./helpers";

/** A tab's label (its text is there twice: Fluent reserves the width of the bold selected label). */
const label = (tab: HTMLElement) => tab.querySelector(".fui-Tab__content")?.textContent;
const selected = () => screen.getAllByRole("tab").filter((t) => t.getAttribute("aria-selected") === "true").map(label);

describe("the pane's three jobs", () => {
  test("a labelled tab list; each tab controls the one panel, which is labelled by the selected tab", async () => {
    const { adapter } = memoryBook();
    await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const list = screen.getByRole("tablist", { name: "功能" });
    expect(within(list).getAllByRole("tab").map(label)).toEqual(["核对指标", "生成对比表", "核对收支表"]);
    expect(selected()).toEqual(["核对指标"]);
    const panel = screen.getByRole("tabpanel", { name: "核对指标" });
    for (const tab of within(list).getAllByRole("tab")) expect(tab.getAttribute("aria-controls")).toBe(panel.id);
    expect(within(panel).getByRole("button", { name: "核对指标" })).toBeTruthy();
  });

  test("by keyboard: the arrow keys move between the jobs, and the panel follows", async () => {
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    screen.getByRole("tab", { name: "核对指标" }).focus();

    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "生成对比表" }));
    expect(selected()).toEqual(["生成对比表"]);
    expect(within(screen.getByRole("tabpanel", { name: "生成对比表" })).getByRole("button", { name: "生成对比表" })).toBeTruthy();

    await user.keyboard("{ArrowRight}");
    expect(selected()).toEqual(["核对收支表"]);
    expect(within(screen.getByRole("tabpanel", { name: "核对收支表" })).getByRole("button", { name: "核对收支表" })).toBeTruthy();

    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(selected()).toEqual(["核对指标"]);
    expect(within(screen.getByRole("tabpanel")).getByRole("button", { name: "核对指标" })).toBeTruthy();
    // the jobs' panels are not all rendered at once: one 清除结果, one 核对 button
    expect(screen.getAllByRole("button", { name: "清除结果" })).toHaveLength(1);
  });

  test("what a job showed is still there after visiting another", async () => {
    const { adapter } = memoryBook();
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    await screen.findByTestId("summary");
    await openJob(user, "核对收支表");
    expect(screen.queryByTestId("summary")).toBeNull();
    await openJob(user, "核对指标");
    expect(screen.getByTestId("summary")).toBeTruthy();
  });
});

describe("English", () => {
  test("tabs, the comparison job and the statement job in en-US, engine messages in English", async () => {
    const { xl, adapter } = memoryBook(STATEMENT, { name: STATEMENT_SHEET });
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() }, "en-US");
    const list = screen.getByRole("tablist", { name: "Jobs" });
    expect(within(list).getAllByRole("tab").map(label)).toEqual(["Indicators", "Compare", "Statement"]);

    const compare = await openJob(user, "Compare");
    await within(compare).findByRole("radiogroup", {}, { timeout: 10000 });
    expect(within(compare).getAllByRole("radio").map((r) => r.parentElement?.textContent)).toEqual([
      "Expenditure structure",
      "Income structure",
      "Insurance fund",
      "Fund supervision",
      "Enrolment and benefits",
      "Self-evaluation results",
    ]);
    expect(within(compare).getByRole("group", { name: "Departments" })).toBeTruthy();
    expect(within(compare).getByRole("combobox", { name: /Sheet with your department's figures/ })).toBeTruthy();
    await waitFor(() => expect(within(compare).getByRole("option", { name: "Do not add" })).toBeTruthy());
    await user.click(within(compare).getByRole("button", { name: "Build comparison sheet" }));
    const report = await screen.findByTestId("compare-report");
    expect(report.textContent).toContain("Made the new sheet “支出结构对比”");
    expect(within(report).getByRole("button", { name: "Go to the sheet" })).toBeTruthy();
    expect(screen.getByTestId("compare-missing").textContent).toContain("Not given (shown as —, see the notes)");

    // the comparison sheet was made the active one: back to the statement
    expect(xl.workbook.activeSheet()).toBe("支出结构对比");
    xl.workbook.activate(STATEMENT_SHEET);
    const audit = await openJob(user, "Statement");
    await user.click(within(audit).getByRole("button", { name: "Check statement" }));
    const summary = await screen.findByTestId("audit-summary");
    for (const label of ["Tables found", "Figures read", "Checks passed", "Findings"]) expect(within(summary).getByText(label)).toBeTruthy();
    expect(screen.getByTestId("audit-check-sum").textContent).toBe("Sums1");
    const findings = screen.getByTestId("audit-findings");
    expect(findings.textContent).toContain("Problems (2)");
    expect(within(findings).getByRole("button", { name: /^Error B2 Sums The parts do not add up to "本年支出合计": 1,203.34 \+ 2,700.03 = 3,903.37万元/ })).toBeTruthy();
  });
});
