/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import type { SheetPlan } from "../../src/core/compare";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { OWN_SHEET, OWN_VALUES, SHEET, memoryBook } from "./fixture";
import { type User, openJob, renderPane, text } from "./helpers";

const SEED_HEADERS = ["广东 2023", "广州 2022", "惠州 2022", "江门 2023", "深圳 2023"];

async function openCompare(user: User, tab = "生成对比表") {
  const panel = await openJob(user, tab);
  // the engine (and the seed reports) load on first use
  await within(panel).findByRole("radiogroup", {}, { timeout: 10000 });
  return panel;
}

function lastPlan(spy: jest.SpyInstance): SheetPlan {
  return spy.mock.calls[spy.mock.calls.length - 1][0] as SheetPlan;
}

describe("生成对比表", () => {
  test("the six templates and the five bundled departments, all ticked", async () => {
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);
    expect(within(panel).getAllByRole("radio")).toHaveLength(6);
    for (const name of ["支出结构", "收入结构", "基金运行", "基金监管", "参保与待遇", "自评结果"]) expect(within(panel).getByRole("radio", { name })).toBeTruthy();
    expect((within(panel).getByRole("radio", { name: "支出结构" }) as HTMLInputElement).checked).toBe(true);
    const boxes = within(screen.getByTestId("compare-departments")).getAllByRole("checkbox");
    expect(boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent)).toEqual(SEED_HEADERS);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(panel.textContent).toContain("将生成工作表“支出结构对比”");
  });

  test("a template and two departments: the plan written has that sheet and those columns; the report says what was made", async () => {
    const { xl, adapter } = memoryBook();
    const write = jest.spyOn(adapter, "writeSheetPlan");
    const select = jest.spyOn(adapter, "selectCell");
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);

    await user.click(within(panel).getByRole("radio", { name: "收入结构" }));
    expect(panel.textContent).toContain("将生成工作表“收入结构对比”");
    for (const name of ["广东 2023", "广州 2022", "惠州 2022"]) await user.click(within(panel).getByRole("checkbox", { name }));
    await user.click(within(panel).getByRole("button", { name: "生成对比表" }));

    const report = await screen.findByTestId("compare-report");
    expect(write).toHaveBeenCalledTimes(1);
    const plan = lastPlan(write);
    expect(plan.template).toBe("income");
    expect(plan.sheet).toBe("收入结构对比");
    expect(plan.columns.map((c) => [c.header, c.departmentId])).toEqual([
      ["江门 2023", "jiangmen-2023"],
      ["深圳 2023", "shenzhen-2023"],
    ]);
    expect(plan.cells[3].slice(1)).toEqual(["江门 2023", "深圳 2023"]);
    expect(report.textContent).toContain("已生成对比表");
    expect(report.textContent).toContain("已新建工作表“收入结构对比”");
    expect(report.textContent).toContain("包括：Excel 表格、图表");
    // the sheet in the workbook: the table's header row, one column per department
    expect(xl.workbook.sheet("收入结构对比").values("A4:C4")).toEqual([["指标（单位）", "江门 2023", "深圳 2023"]]);

    // what each department does not give, as the engine says (missingRows), shown as —
    const missing = screen.getByTestId("compare-missing");
    expect(within(missing).getByText("江门 2023")).toBeTruthy();
    expect(within(missing).getByText("深圳 2023")).toBeTruthy();
    expect(missing.textContent).toMatch(/：—/);

    // go to the new sheet
    xl.workbook.activate(SHEET);
    await user.click(within(report).getByRole("button", { name: "转到对比表" }));
    expect(select).toHaveBeenCalledWith("'收入结构对比'!A1");
    await waitFor(() => expect(xl.workbook.activeSheet()).toBe("收入结构对比"));

    // again: the sheet is replaced, not duplicated
    await user.click(within(panel).getByRole("button", { name: "生成对比表" }));
    await waitFor(() => expect(text("compare-report")).toContain("已替换工作表“收入结构对比”"));
    expect(write).toHaveBeenCalledTimes(2);
    expect(xl.workbook.sheetNames().filter((n) => n.startsWith("收入结构对比"))).toEqual(["收入结构对比"]);
  });

  test("a sheet of the user's with the template's name is left alone: the report names the sheet made, and goes there", async () => {
    const { xl, adapter } = memoryBook(undefined, { sheets: [{ name: "支出结构对比", values: [["我的笔记"]] }] });
    const select = jest.spyOn(adapter, "selectCell");
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);
    await user.click(within(panel).getByRole("button", { name: "生成对比表" }));
    const report = await screen.findByTestId("compare-report");
    expect(report.textContent).toContain("已新建工作表“支出结构对比 (2)”");
    expect(xl.workbook.sheet("支出结构对比").values("A1")).toEqual([["我的笔记"]]);
    await user.click(within(report).getByRole("button", { name: "转到对比表" }));
    expect(select).toHaveBeenCalledWith("'支出结构对比 (2)'!A1");
  });

  test("清除结果 removes the comparison sheet with everything else the add-in wrote", async () => {
    const { xl, adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);
    await user.click(within(panel).getByRole("button", { name: "生成对比表" }));
    await screen.findByTestId("compare-report");
    expect(xl.workbook.hasSheet("支出结构对比")).toBe(true);

    const check = await openJob(user, "核对指标");
    await user.click(within(check).getByRole("button", { name: "清除结果" }));
    expect((await screen.findByTestId("notice-cleared")).textContent).toContain("已删除工作表“支出结构对比”");
    expect(xl.workbook.sheetNames()).toEqual([SHEET]);
  });

  test("no department ticked: the button is disabled and the pane says why", async () => {
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);
    for (const name of SEED_HEADERS) await user.click(within(panel).getByRole("checkbox", { name }));
    expect((within(panel).getByRole("button", { name: "生成对比表" }) as HTMLButtonElement).disabled).toBe(true);
    expect(panel.textContent).toContain("请至少选择一个部门。");
  });

  test("本单位 from a label/value sheet: what was read is shown, and the plan has a 本单位 column first", async () => {
    const { xl, adapter } = memoryBook(undefined, { sheets: [{ name: OWN_SHEET, values: OWN_VALUES }] });
    const write = jest.spyOn(adapter, "writeSheetPlan");
    const readSheet = jest.spyOn(adapter, "readSheet");
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);

    const sheetSelect = within(panel).getByRole("combobox", { name: /本单位数据所在工作表/ });
    await waitFor(() => expect(within(sheetSelect).getAllByRole("option").map((o) => o.textContent)).toEqual(["不加入本单位", SHEET, OWN_SHEET]));
    await user.selectOptions(sheetSelect, OWN_SHEET);

    const read = await screen.findByTestId("own-read");
    expect(readSheet).toHaveBeenCalledWith(OWN_SHEET);
    expect(read.textContent).toContain(`从工作表“${OWN_SHEET}”读到 3 项`);
    expect(within(read).getByText("总支出（B1）：12,345.67万元")).toBeTruthy();
    expect(within(read).getByText("基本支出（B2）：2,345.67万元")).toBeTruthy();
    expect(within(read).getByText("项目支出（B3）：10,000万元")).toBeTruthy();
    const own = within(panel).getByRole("checkbox", { name: "本单位" }) as HTMLInputElement;
    expect(own.checked).toBe(true);

    // 本单位 beside 江门 only
    for (const name of ["广东 2023", "广州 2022", "惠州 2022", "深圳 2023"]) await user.click(within(panel).getByRole("checkbox", { name }));
    await user.click(within(panel).getByRole("button", { name: "生成对比表" }));
    await screen.findByTestId("compare-report");

    const plan = lastPlan(write);
    expect(plan.sheet).toBe("支出结构对比");
    expect(plan.columns.map((c) => [c.header, c.own])).toEqual([
      ["本单位", true],
      ["江门 2023", false],
    ]);
    // 总支出, 基本支出, 项目支出 in the own column, in 万元
    expect(plan.cells.slice(4, 7).map((r) => [r[0], r[1]])).toEqual([
      ["总支出（万元）", 12345.67],
      ["基本支出（万元）", 2345.67],
      ["项目支出（万元）", 10000],
    ]);
    expect(xl.workbook.sheet("支出结构对比").values("B4:B7")).toEqual([["本单位"], [12345.67], [2345.67], [10000]]);
    // the report's stated shares are not on the own sheet: —
    expect(within(screen.getByTestId("compare-missing")).getByText("本单位")).toBeTruthy();
    expect(text("compare-missing")).toContain("基本支出占比·报告所列：—");

    // unticked, the own column is left out
    await user.click(within(panel).getByRole("checkbox", { name: "本单位" }));
    await user.click(within(panel).getByRole("button", { name: "生成对比表" }));
    await waitFor(() => expect(write).toHaveBeenCalledTimes(2));
    expect(lastPlan(write).columns.map((c) => c.header)).toEqual(["江门 2023"]);
  });

  test("a sheet with nothing the engine knows: its message, and no 本单位 to tick", async () => {
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);
    const sheetSelect = within(panel).getByRole("combobox", { name: /本单位数据所在工作表/ });
    await waitFor(() => expect(within(sheetSelect).getAllByRole("option")).toHaveLength(2));
    await user.selectOptions(sheetSelect, SHEET);

    const read = await screen.findByTestId("own-read");
    expect(read.textContent).toContain(`未从工作表“${SHEET}”读到可用的数据。`);
    expect(read.textContent).toContain("没有找到可识别的项目");
    expect(within(panel).queryByRole("checkbox", { name: "本单位" })).toBeNull();
  });

  test("a failed write is shown in a MessageBar; the pane keeps working", async () => {
    const { adapter } = memoryBook();
    adapter.writeSheetPlan = () => Promise.reject(new Error("quota"));
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);
    await user.click(within(panel).getByRole("button", { name: "生成对比表" }));
    expect((await screen.findByTestId("compare-error")).textContent).toContain("意外错误：quota");
    expect((within(panel).getByRole("button", { name: "生成对比表" }) as HTMLButtonElement).disabled).toBe(false);
  });

  test("while the sheet is being written every job's buttons are disabled and a spinner says so", async () => {
    const { adapter } = memoryBook();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writeSheetPlan = adapter.writeSheetPlan.bind(adapter);
    adapter.writeSheetPlan = async (plan) => {
      await gate;
      return writeSheetPlan(plan);
    };
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    const panel = await openCompare(user);
    const build = within(panel).getByRole("button", { name: "生成对比表" }) as HTMLButtonElement;
    await user.click(build);
    expect(screen.getByText("正在生成对比表…")).toBeTruthy();
    expect(build.disabled).toBe(true);
    expect((within(panel).getByRole("checkbox", { name: "江门 2023" }) as HTMLInputElement).disabled).toBe(true);

    const check = await openJob(user, "核对指标");
    expect((within(check).getByRole("button", { name: "核对指标" }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(check).getByRole("button", { name: "清除结果" }) as HTMLButtonElement).disabled).toBe(true);
    release();
    await waitFor(() => expect((within(screen.getByRole("tabpanel")).getByRole("button", { name: "核对指标" }) as HTMLButtonElement).disabled).toBe(false));
    // the report waits in its tab
    await openJob(user, "生成对比表");
    expect(screen.getByTestId("compare-report")).toBeTruthy();
  });
});
