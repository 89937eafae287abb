/**
 * 核对全部工作表 in the browser preview (docs/task-pane.md, docs/review.md): every sheet of the
 * workbook is named in the pane with what was done with it, 核对汇总's totals are computed in the
 * grid (no #NAME? for SUBTOTAL), and 清除结果 afterwards leaves no stale 打开“核对汇总”.
 */
import { expectText, screenshot, useBrowserEnv, watchPage } from "./support/browser";

const browser = useBrowserEnv();

describe("核对全部工作表 in the preview", () => {
  test("every sheet named, the summary computed, and 清除结果 leaves no stale link", async () => {
    const page = await browser.env.context.newPage();
    const watch = watchPage(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${browser.env.baseUrl}/preview.html?lang=zh-CN&paneWidth=320`);
    const pane = page.getByTestId("task-pane");
    const grid = page.getByTestId("grid");
    await pane.getByRole("button", { name: "核对指标", exact: true }).waitFor();
    await page.getByRole("tab", { name: "收支情况" }).waitFor();
    // an empty sheet as well, which is named with why it was not checked
    await page.getByRole("button", { name: "新建工作表" }).click();
    await expect(grid.getAttribute("data-sheet")).resolves.toBe("Sheet3");
    // a Fluent tab holds its label twice (one copy reserves the bold width): the first is the name
    const tabs = await page
      .getByTestId("sheet-tabs")
      .getByRole("tab")
      .evaluateAll((els) => els.map((el) => el.querySelector(".fui-Tab__content")?.textContent ?? ""));
    expect(tabs).toEqual(["绩效自评表", "收支情况", "Sheet3"]);

    await pane.getByRole("button", { name: "核对全部工作表" }).click();
    await pane.getByTestId("review-all-summary").waitFor();
    const items = pane.getByTestId("review-all-sheets").getByRole("listitem");
    // every sheet there was, in tab order, each with what was done with it
    expect(await items.evaluateAll((lis) => lis.map((li) => li.querySelector("button, span")?.textContent))).toEqual(tabs);
    const lines = await items.allTextContents();
    expect(lines.every((l) => /总分|未核对/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toBe("Sheet3未核对：空工作表");
    const open = pane.getByTestId("review-all-open");
    await expectText(open, "打开“核对汇总”");
    expect(await open.evaluate((el) => el.classList.contains("fui-Link"))).toBe(true);

    // the summary sheet's totals are SUBTOTALs, computed in the grid
    await open.click();
    await page.waitForFunction(() => document.querySelector("[data-testid=grid]")?.getAttribute("data-sheet") === "核对汇总");
    const shown = await grid.locator("td").allTextContents();
    expect(shown.filter((t) => t.startsWith("#"))).toEqual([]);
    await screenshot(page, "preview-review-all.png");

    await pane.getByRole("button", { name: "清除结果" }).click();
    await pane.getByTestId("notice-cleared").waitFor();
    await expectText(pane.getByTestId("notice-cleared"), /已删除工作表“核对汇总”/);
    expect(await pane.getByTestId("review-all-open").count()).toBe(0);
    expect(await pane.getByTestId("review-all-sheets").count()).toBe(0);
    expect(await page.getByRole("tab", { name: "核对汇总" }).count()).toBe(0);
    await page.close();
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  }, 120_000);
});
