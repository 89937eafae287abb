/**
 * How the task pane starts where it cannot run normally (docs/excel-platform.md): an Office host
 * whose onReady never answers ends in a message, not an endless spinner; an Internet Explorer 11
 * host gets the engine check's message; the task pane's CSP admits office.js's host-check frame;
 * zod never probes for eval, so a strict CSP logs no violation.
 */
import type { Page, Route } from "playwright-core";
import { isLocal, screenshot, useBrowserEnv, watchPage } from "./support/browser";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** office.js as an unreachable host leaves it: loaded, but onReady never calls back */
const SILENT_OFFICE = "window.Office = { HostType: { Excel: 'Excel' }, onReady: function () { return new Promise(function () {}); } };";

const browser = useBrowserEnv(600_000);

async function offline(page: Page, officeJs: (route: Route) => Promise<void>): Promise<void> {
  await page.route((url) => !isLocal(url.href), (route) => (route.request().url() === OFFICE_JS ? officeJs(route) : route.abort("blockedbyclient")));
}

/** Collect the page's CSP violations from before its first script. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

test("Office.onReady that never answers: after the timeout the pane says Office is not responding", async () => {
  const page = await browser.env.context.newPage();
  const watch = watchPage(page);
  await recordViolations(page);
  // the test's shorter timeout, in place of the 10 s users wait
  await page.addInitScript(() => {
    (window as unknown as { JIXIAO_OFFICE_READY_TIMEOUT_MS: number }).JIXIAO_OFFICE_READY_TIMEOUT_MS = 400;
  });
  await offline(page, (route) => route.fulfill({ body: SILENT_OFFICE, contentType: "text/javascript" }));
  await page.goto(`${browser.env.baseUrl}/taskpane.html`);

  const outside = page.getByTestId("outside-excel");
  await outside.waitFor({ timeout: 15_000 });
  const text = await outside.textContent();
  expect(text).toContain("Office 未响应");
  expect(text).toContain("10 秒内未能连接到 Excel");
  expect(await page.getByRole("button", { name: "核对指标" }).count()).toBe(0);
  expect(watch.errors).toEqual([]);
  expect(await violations(page)).toEqual([]);
  await screenshot(page, "taskpane-ready-timeout.png");
  await page.close();
});

test("an Internet Explorer 11 host: the ES5 engine check says what to install or update, in Chinese and English", async () => {
  const page = await browser.env.context.newPage();
  // what IE11 shows a page in its standards mode
  await page.addInitScript(() => Object.defineProperty(document, "documentMode", { value: 11, configurable: true }));
  await offline(page, (route) => route.fulfill({ body: SILENT_OFFICE, contentType: "text/javascript" }));
  await page.goto(`${browser.env.baseUrl}/taskpane.html`);
  const message = page.locator("#unsupported-engine");
  await message.waitFor();
  const text = (await message.textContent()) ?? "";
  for (const part of ["此版本的 Office 无法运行", "Internet Explorer 11", "WebView2", "Microsoft 365", "Excel 网页版", "This version of Office cannot run Jixiao", "Excel on the web"]) expect(text).toContain(part);
  // the pane does not start over it
  expect(await page.getByTestId("outside-excel").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { JIXIAO_UNSUPPORTED_ENGINE?: string }).JIXIAO_UNSUPPORTED_ENGINE)).toBe("ie11");
  await screenshot(page, "taskpane-ie11.png");
  await page.close();
});

test("a current engine is left alone by the check", async () => {
  const page = await browser.env.context.newPage();
  await offline(page, (route) => route.abort("blockedbyclient"));
  await page.goto(`${browser.env.baseUrl}/taskpane.html`);
  await page.getByTestId("outside-excel").waitFor();
  expect(await page.locator("#unsupported-engine").count()).toBe(0);
  await page.close();
});

test("the task pane's CSP admits office.js's host-check frame from Office's host, and nothing else", async () => {
  const page = await (await fetch(`${browser.env.baseUrl}/taskpane.html`)).text();
  const meta = /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]+content="([^"]+)"/i.exec(page);
  expect(meta).not.toBeNull();
  const frame = meta![1].split(";").map((d) => d.trim().split(/\s+/)).find((d) => d[0] === "frame-src");
  expect(frame).toEqual(["frame-src", "https://appsforoffice.microsoft.com"]);
});

test("the preview runs a check under its strict CSP with no violation (zod is jitless)", async () => {
  const page = await browser.env.context.newPage();
  const watch = watchPage(page);
  await recordViolations(page);
  await offline(page, (route) => route.abort("blockedbyclient"));
  await page.goto(`${browser.env.baseUrl}/preview.html`);
  await page.getByRole("button", { name: "核对指标" }).click();
  await page.getByTestId("summary").waitFor();
  expect(await violations(page)).toEqual([]);
  expect(watch.errors).toEqual([]);
  await page.close();
});
