/**
 * End to end in Chromium: preview.html, the real task pane beside the in-memory workbook, built
 * for production and served on localhost. Each test opens a fresh page (a fresh workbook), does
 * what a user would, saves a screenshot under test-results/, and ends with no console error and
 * no request to any host but localhost.
 */
import type { Locator, Page } from "playwright-core";
import { type PageWatch, axeViolations, expectText, expectTextContaining, screenshot, useBrowserEnv, watchPage } from "./support/browser";

const browser = useBrowserEnv();

interface Preview {
  page: Page;
  watch: PageWatch;
  pane: Locator;
  grid: Locator;
  cell(address: string): Locator;
}

async function openPreview(lang = "zh-CN"): Promise<Preview> {
  const page = await browser.env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${browser.env.baseUrl}/preview.html?lang=${lang}`);
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("button", { name: lang.startsWith("en") ? "Check indicators" : "核对指标" }).waitFor();
  // the statement sheet arrives in its own chunk
  await page.getByRole("tab", { name: "收支情况" }).waitFor();
  const grid = page.getByTestId("grid");
  return { page, watch, pane, grid, cell: (address) => grid.locator(`td[data-address="${address}"]`) };
}

/** The page stayed on localhost and logged no error; then it is closed. */
async function expectClean({ page, watch }: Preview): Promise<void> {
  await page.close();
  expect(watch.errors).toEqual([]);
  expect(watch.foreign).toEqual([]);
}

const background = (cell: Locator) => cell.evaluate((el) => getComputedStyle(el).backgroundColor);
const TRANSPARENT = "rgba(0, 0, 0, 0)";

describe("the task pane in the browser preview", () => {
  test("核对指标 shows the summary and writes the result columns, status colours and notes into the grid", async () => {
    const p = await openPreview();
    const { pane, cell } = p;
    await expectText(cell("I4"), "");

    await pane.getByRole("button", { name: "核对指标" }).click();
    const summary = pane.getByTestId("summary");
    await summary.waitFor();
    await expectTextContaining(pane.getByTestId("notice-checked"), "'绩效自评表'!I4:L18");
    // one scored row (I17, 10 points) cannot be checked: the total is provisional, the grade withheld
    await expectText(pane.getByTestId("total-score"), "82.56（暂定）");
    await expectText(pane.getByTestId("total-range"), "82.56 – 92.56");
    await expectText(pane.getByTestId("grade"), "待定");
    await expectText(pane.getByTestId("count-met"), /^达标\s*8$/);

    // the grid shows what the adapter wrote: headers, statuses, ratios in 0.00%, scores in 0.00
    await expectText(cell("I4"), "核对·状态");
    await expectText(cell("L4"), "核对·说明");
    await expectText(cell("I5"), "未达标");
    await expectText(cell("I6"), "达标");
    await expectText(cell("J5"), "95.61%");
    await expectText(cell("K5"), "9.56");
    await expectText(cell("I17"), "无法核对");

    // status colours (conditional formats): met and not met differ, and both are coloured
    const met = await background(cell("I6"));
    const notMet = await background(cell("I5"));
    expect(met).not.toBe(TRANSPARENT);
    expect(notMet).not.toBe(TRANSPARENT);
    expect(met).not.toBe(notMet);
    // input cells keep their look
    expect(await background(cell("E5"))).toBe(TRANSPARENT);
    // notes carry errors and warnings (docs/rules.md, "Severity"): a marker and the text as a tooltip on
    // the row whose 偏差原因 is missing; a shortfall with its reason written (I5) is a note in 核对·说明 only
    await expect(cell("I14").getAttribute("data-note")).resolves.toBe("true");
    await expect(cell("I14").getAttribute("title")).resolves.toContain("需填写偏差原因");
    await expect(cell("I5").getAttribute("data-note")).resolves.toBeNull();
    await expectTextContaining(cell("L5"), "未达到目标");

    // 选中结果区域 selects the results in the grid and scrolls them into view
    await pane.getByRole("button", { name: "选中结果区域" }).click();
    await expect(p.page.getByTestId("name-box").inputValue()).resolves.toBe("I4:L18");
    await cell("L4").scrollIntoViewIfNeeded();
    await screenshot(p.page, "preview-checked.png");
    await expectClean(p);
  });

  test("清除结果 removes the result columns, their colours and notes", async () => {
    const p = await openPreview();
    const { pane, cell, grid } = p;
    await pane.getByRole("button", { name: "核对指标" }).click();
    await pane.getByTestId("summary").waitFor();
    await expectText(cell("I5"), "未达标");

    await pane.getByRole("button", { name: "清除结果" }).click();
    await expectTextContaining(pane.getByTestId("notice-cleared"), "已清除 '绩效自评表'!I4:L18");

    for (const address of ["I4", "I5", "J5", "K5", "L5", "I17"]) await expectText(cell(address), "");
    expect(await background(cell("I5"))).toBe(TRANSPARENT);
    expect(await background(cell("I6"))).toBe(TRANSPARENT);
    expect(await grid.locator("td[data-note]").count()).toBe(0);
    // the user's table is as it was
    await expectText(cell("C5"), "预算执行率");
    await expectText(cell("E5"), "95.61%");
    await screenshot(p.page, "preview-cleared.png");
    await expectClean(p);
  });

  test("a cell edited in the grid is what the next check reads", async () => {
    const p = await openPreview();
    const { page, pane, cell } = p;
    // 参保人数 ≥200万人: 234.42万人 is met; typed over with 150万人 it is not
    await cell("E6").dblclick();
    const editor = cell("E6").locator("input");
    await editor.fill("150万人");
    await editor.press("Enter");
    await expectText(cell("E6"), "150万人");
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("E7");

    // typing over a number keeps it a number, as Excel reads input
    await cell("G6").click();
    await page.keyboard.type("7.5");
    await page.keyboard.press("Enter");
    await expectText(cell("G6"), "7.5");
    expect(await cell("G6").evaluate((el) => getComputedStyle(el).textAlign)).toBe("right");

    await pane.getByRole("button", { name: "核对指标" }).click();
    await pane.getByTestId("summary").waitFor();
    await expectText(cell("I6"), "未达标");
    await expectText(cell("J6"), "75.00%");
    await expectClean(p);
  });

  test("tab-separated text pasted on a new sheet is checked there, and user data beside a table sends the results to a new sheet", async () => {
    const p = await openPreview();
    const { page, pane, cell, grid } = p;
    await page.getByRole("button", { name: "新建工作表" }).click();
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("Sheet3");
    await cell("A1").click();
    const table = [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", "30", "30", "", "已复核"],
      ["", "质量指标", "覆盖率", "≥95%", "90%", "30", "28", ""],
      ["效益指标", "社会效益", "群众知晓度", "有效提升", "达成年度指标", "20", "18", ""],
      ["满意度指标", "服务对象满意度", "参保群众满意度", "≥85%", "88%", "20", "20", ""],
    ];
    const tsv = table.map((r) => r.join("\t")).join("\r\n") + "\r\n";
    await grid.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
    await expectText(cell("C2"), "参保人数");
    await expectText(cell("I2"), "已复核");
    // pasted text is read as typed: "90%" becomes 0.9 shown as 90%, right-aligned
    await expectText(cell("E3"), "90%");
    expect(await cell("E3").evaluate((el) => getComputedStyle(el).textAlign)).toBe("right");
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("A1:I5");

    // a remark typed right of the table is the user's data, so the results go to a new sheet 核对结果
    await pane.getByRole("button", { name: "核对指标" }).click();
    await pane.getByTestId("summary").waitFor();
    const resultsTab = page.getByRole("tab", { name: "核对结果" });
    await resultsTab.waitFor();
    await resultsTab.click();
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("核对结果");
    await expectText(cell("B1"), "核对·状态");
    await expectText(cell("B3"), "未达标");
    expect(await background(cell("B3"))).not.toBe(TRANSPARENT);
    await screenshot(page, "preview-pasted-new-sheet.png");
    await expectClean(p);
  });

  test("the statement sheet is built from the seed data with amounts in 万元 and shares in 0.00%", async () => {
    const p = await openPreview();
    const { page, cell, grid } = p;
    await page.getByRole("tab", { name: "收支情况" }).click();
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("收支情况");
    await expectText(cell("A2"), "单位：万元");
    await expectText(cell("A3"), "项目");
    await expectText(cell("B4"), "3,797.83");
    await expectText(cell("C4"), "2,854.75");
    await expectText(cell("D5"), "99.94%");
    await screenshot(page, "preview-statement.png");
    await expectClean(p);
  });

  test("the pane in English, after a check, has no serious or critical accessibility violation", async () => {
    const p = await openPreview("en-US");
    const { page, pane } = p;
    await pane.getByRole("button", { name: "Check indicators" }).click();
    await pane.getByTestId("summary").waitFor();
    expect(await axeViolations(page, "#task-pane")).toEqual([]);
    await expectClean(p);
  });

  test("the pane in Chinese, before and after a check, has no serious or critical accessibility violation", async () => {
    const p = await openPreview();
    const { page, pane } = p;
    expect(await axeViolations(page, "#task-pane")).toEqual([]);
    await pane.getByRole("button", { name: "核对指标" }).click();
    await pane.getByTestId("problems").waitFor();
    expect(await page.evaluate(() => (window as unknown as { axe?: unknown }).axe !== undefined)).toBe(true);
    expect(await axeViolations(page, "#task-pane")).toEqual([]);
    await expectClean(p);
  });
});
