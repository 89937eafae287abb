/**
 * The preview computes the formulas the add-in writes (src/memory-excel/formulas.ts, with
 * fast-formula-parser): a comparison sheet's ratios and the audit's 核对· columns show numbers in
 * the grid, and the formula bar shows the live formula behind them.
 */
import type { Locator, Page } from "playwright-core";
import { screenshot, useBrowserEnv, watchPage } from "./support/browser";

const browser = useBrowserEnv(600_000);

/** Every cell of the grid shown: address and text. */
async function gridCells(grid: Locator): Promise<{ address: string; text: string; col: number; row: number }[]> {
  return grid.locator("td[data-address]").evaluateAll((tds) =>
    tds.map((td) => ({ address: td.getAttribute("data-address") ?? "", text: (td.textContent ?? "").trim(), col: Number(td.getAttribute("data-col")), row: Number(td.getAttribute("data-row")) })),
  );
}

async function formulaOf(page: Page, grid: Locator, address: string): Promise<string> {
  await grid.locator(`td[data-address="${address}"]`).click();
  await page.waitForFunction((a) => (document.querySelector("[data-testid=name-box]") as HTMLInputElement | null)?.value === a, address);
  return page.getByTestId("formula-bar").inputValue();
}

const PERCENT = /^-?\d+(\.\d+)?%$/;
const ERRORS = new Set(["#NAME?", "#VALUE!", "#REF!"]);

async function openPreview() {
  const page = await browser.env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${browser.env.baseUrl}/preview.html?lang=zh-CN`);
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("button", { name: "核对指标" }).waitFor();
  return { page, watch, pane, grid: page.getByTestId("grid") };
}

test("a comparison sheet shows its ratios computed, with the live formula in the formula bar", async () => {
  const { page, watch, pane, grid } = await openPreview();
  const tabNames = () => page.getByTestId("sheet-tabs").getByRole("tab").evaluateAll((t) => t.map((x) => x.getAttribute("data-sheet") ?? ""));
  const before = await tabNames();
  await pane.getByRole("tab", { name: "生成对比表" }).click();
  await pane.getByRole("button", { name: "生成对比表" }).click();
  await pane.getByText("已生成对比表").waitFor();
  const [made] = (await tabNames()).filter((n) => !before.includes(n));
  await page.getByRole("tab", { name: made }).click();
  await page.waitForFunction((name) => document.querySelector("[data-testid=grid]")?.getAttribute("data-sheet") === name, made);

  const cells = await gridCells(grid);
  const ratios = cells.filter((c) => PERCENT.test(c.text));
  expect(ratios.length).toBeGreaterThan(3);
  expect(cells.filter((c) => c.text.startsWith("=") || ERRORS.has(c.text))).toEqual([]);
  expect(await formulaOf(page, grid, ratios[0].address)).toMatch(/^=/);
  await screenshot(page, "preview-compare-computed.png");
  await page.close();
  expect(watch.errors).toEqual([]);
});

test("the audit's 核对· columns show computed shares and growth beside the statement", async () => {
  const { page, watch, pane, grid } = await openPreview();
  await page.getByRole("tab", { name: "收支情况" }).click();
  await page.waitForFunction(() => document.querySelector("[data-testid=grid]")?.getAttribute("data-sheet") === "收支情况");
  await pane.getByRole("tab", { name: "核对收支表" }).click();
  await pane.getByRole("button", { name: "核对收支表" }).click();
  await pane.getByText("收支表核对汇总").waitFor();

  const cells = await gridCells(grid);
  const headers = cells.filter((c) => c.text.startsWith("核对·"));
  expect(headers.length).toBeGreaterThan(0);
  const auditCols = new Set(headers.map((h) => h.col));
  const below = cells.filter((c) => auditCols.has(c.col) && c.row > headers[0].row);
  const computed = below.filter((c) => PERCENT.test(c.text));
  expect(computed.length).toBeGreaterThan(3);
  expect(below.filter((c) => c.text.startsWith("=") || ERRORS.has(c.text))).toEqual([]);
  expect(await formulaOf(page, grid, computed[0].address)).toMatch(/^=IFERROR\(/);
  await screenshot(page, "preview-audit-computed.png");
  await page.close();
  expect(watch.errors).toEqual([]);
});
