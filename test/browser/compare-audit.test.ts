/**
 * End to end in Chromium: the pane's other two jobs in the preview — build a comparison sheet
 * from the bundled seed data, and check the 收支情况 statement. Found by their accessible names
 * (src/taskpane/i18n/i18n.ts: tabCompare/compareBuild 生成对比表, tabAudit/auditRun 核对收支表).
 */
import type { Locator, Page } from "playwright-core";
import { type PageWatch, expectText, screenshot, useBrowserEnv, watchPage } from "./support/browser";

const browser = useBrowserEnv();

async function openPreview(): Promise<{ page: Page; watch: PageWatch; pane: Locator; grid: Locator }> {
  const page = await browser.env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${browser.env.baseUrl}/preview.html?lang=zh-CN`);
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("button", { name: "核对指标" }).waitFor();
  await page.getByRole("tab", { name: "收支情况" }).waitFor();
  return { page, watch, pane, grid: page.getByTestId("grid") };
}

// Fluent's Tab renders its label twice (one copy reserves the bold width), so read the sheet name attribute
const sheetTabs = (page: Page) =>
  page.getByTestId("sheet-tabs").getByRole("tab").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-sheet") ?? ""));

describe("the pane's other jobs in the browser preview", () => {
  test("生成对比表 builds a comparison sheet from the seed data, and it appears as a new sheet", async () => {
    const { page, watch, pane, grid } = await openPreview();
    const before = await sheetTabs(page);

    await pane.getByRole("tab", { name: "生成对比表" }).click();
    await pane.getByRole("button", { name: "生成对比表" }).click();
    await pane.getByText("已生成对比表").waitFor();

    const after = await sheetTabs(page);
    const added = after.filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    await page.getByRole("tab", { name: added[0] }).click();
    await page.waitForFunction((name) => document.querySelector("[data-testid=grid]")?.getAttribute("data-sheet") === name, added[0]);
    // the departments of the seed data head the sheet
    expect(await grid.locator("td", { hasText: "江门市医疗保障局" }).count()).toBeGreaterThan(0);
    await screenshot(page, "preview-compare.png");
    await page.close();
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });

  test("核对收支表 on the statement sheet writes 核对· columns beside it and lists the report's slips", async () => {
    const { page, watch, pane, grid } = await openPreview();
    await page.getByRole("tab", { name: "收支情况" }).click();
    expect(await grid.getAttribute("data-sheet")).toBe("收支情况");

    await pane.getByRole("tab", { name: "核对收支表" }).click();
    await pane.getByRole("button", { name: "核对收支表" }).click();
    await pane.getByText("收支表核对汇总").waitFor();

    // result columns right of the table (label | 本年 | 上年 | 占比 in A:D), headed 核对·…
    const headers = await grid.locator('td[data-address^="E3"], td[data-address^="F3"], td[data-address^="G3"]').allTextContents();
    expect(headers.some((h) => h.startsWith("核对·"))).toBe(true);
    // Huizhou prints 项目支出 as 38.36% of 3,803.38 where 2,600.03 is 68.36%
    await expectText(pane, /项目支出/);
    await screenshot(page, "preview-audit.png");
    await page.close();
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });
});
