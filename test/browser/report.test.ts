/**
 * End to end in Chromium: 生成自评报告 in the preview (docs/report.md). After a check, the action
 * writes the report into a new sheet 自评报告, shown at once, and offers the .docx as a download
 * that opens (word/document.xml holds the headings and the figures).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { screenshot, useBrowserEnv, watchPage } from "./support/browser";

const browser = useBrowserEnv();

describe("生成自评报告 in the browser preview", () => {
  test("after a check: the 自评报告 sheet, activated, and the .docx download", async () => {
    const page = await browser.env.context.newPage();
    const watch = watchPage(page);
    await page.goto(`${browser.env.baseUrl}/preview.html?lang=zh-CN`);
    const pane = page.getByTestId("task-pane");
    const grid = page.getByTestId("grid");
    await pane.getByRole("button", { name: "核对指标" }).click();
    await pane.getByTestId("summary").waitFor();

    await pane.getByRole("button", { name: "生成自评报告" }).click();
    const done = pane.getByTestId("report-done");
    await done.waitFor();
    expect(await done.textContent()).toMatch(/^已写入工作表“自评报告”：\d+ 段，待补充 \d+ 处。$/);
    // the new sheet is the one shown, its paragraphs in column A
    await page.waitForFunction(() => document.querySelector("[data-testid=grid]")?.getAttribute("data-sheet") === "自评报告");
    expect(await grid.locator("td", { hasText: "一、基本情况" }).count()).toBeGreaterThan(0);
    expect(await grid.locator("td", { hasText: "【请填写：" }).count()).toBeGreaterThan(0);
    await screenshot(page, "preview-report.png");

    const [download] = await Promise.all([page.waitForEvent("download"), pane.getByTestId("report-docx").click()]);
    expect(download.suggestedFilename()).toMatch(/绩效自评报告（草稿）\.docx$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-report-")), "r.docx");
    await download.saveAs(file);
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))["word/document.xml"]);
    expect(xml).toContain("二、绩效自评情况");
    expect(xml).toContain("<w:tbl>");
    await pane.getByTestId("report-saved").waitFor();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    await page.close();
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
  });
});
