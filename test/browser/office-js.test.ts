/**
 * The task pane with the real office.js (@microsoft/office-js, served by the test server under
 * /office-js/): the test build's taskpane.local-office.html is the production page with only the
 * office.js address changed. Outside Office the library resolves onReady with no host; under the
 * page's Content-Security-Policy the only refusal is its telemetry frame; nothing leaves localhost.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { isLocal, screenshot, useBrowserEnv, watchPage } from "./support/browser";
import { OFFICE_JS_DIST, OFFICE_JS_PATH } from "./support/server";

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = `${OFFICE_JS_PATH}office.js`;
const TEST_PAGE = "taskpane.local-office.html";
/** office.js frames Microsoft's telemetry page; the pane's CSP allows no such frame. */
const TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com";
/**
 * Host information that makes office.js believe it runs in Excel desktop (Win32), whose host never
 * answers in a plain browser: the library loads its Excel script and then waits, so onReady never
 * settles. The same as an Excel that stalls while starting the add-in.
 */
const STALLED_HOST_QUERY = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";

interface Violation {
  directive: string;
  blocked: string;
  /** the script that caused it, as a path on this server */
  source: string;
}

const browser = useBrowserEnv();

async function html(name: string): Promise<string> {
  const res = await fetch(`${browser.env.baseUrl}/${name}`);
  expect(res.status).toBe(200);
  return res.text();
}

/** A page that records every CSP violation (a securitypolicyviolation listener installed before any script) and refuses other hosts. */
async function openPage(query = "", readyTimeoutMs?: number): Promise<{ page: Page; watch: ReturnType<typeof watchPage>; violations(): Promise<Violation[]> }> {
  const page = await browser.env.context.newPage();
  const watch = watchPage(page);
  if (readyTimeoutMs) {
    // the pane's onReady timeout, shortened from the 10 s users wait (src/taskpane/office/host.ts)
    await page.addInitScript((ms) => {
      (window as unknown as { JIXIAO_OFFICE_READY_TIMEOUT_MS: number }).JIXIAO_OFFICE_READY_TIMEOUT_MS = ms;
    }, readyTimeoutMs);
  }
  await page.route((url) => !isLocal(url.href), (route) => route.abort("blockedbyclient"));
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string; source: string }[] = [];
    (window as unknown as { __violations: typeof seen }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile ? new URL(e.sourceFile).pathname : "" }));
  });
  await page.goto(`${browser.env.baseUrl}/${TEST_PAGE}${query}`);
  return { page, watch, violations: () => page.evaluate(() => [...(window as unknown as { __violations: Violation[] }).__violations]) };
}

describe("which office.js each page loads", () => {
  test("production taskpane.html loads Microsoft's CDN; the test page is the same page loading the npm copy from this server", async () => {
    const production = await html("taskpane.html");
    const test = await html(TEST_PAGE);
    const scripts = (page: string) => [...page.matchAll(/<script[^>]+src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts(production)[0]).toBe(OFFICE_JS_CDN);
    expect(scripts(test)[0]).toBe(OFFICE_JS_LOCAL);
    expect(test).not.toContain("appsforoffice.microsoft.com/lib");
    expect(production.split(OFFICE_JS_CDN).join(OFFICE_JS_LOCAL)).toBe(test);
  });

  test("the server's office.js is the npm package's dist/office.js, byte for byte", async () => {
    const res = await fetch(`${browser.env.baseUrl}${OFFICE_JS_LOCAL}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(path.join(OFFICE_JS_DIST, "office.js")))).toBe(true);
  });
});

describe("the real office.js outside Office", () => {
  test("onReady resolves with no host, the pane shows the outside-Excel state; only office.js's telemetry frame is refused; nothing leaves localhost", async () => {
    const { page, watch, violations } = await openPage();
    const outside = page.getByTestId("outside-excel");
    await outside.waitFor();
    expect(await outside.textContent()).toContain("需要在 Excel 中作为加载项打开");
    expect(await page.getByRole("button", { name: "核对指标" }).count()).toBe(0);
    expect(await page.evaluate(() => Office.onReady().then((info) => ({ host: info.host, platform: info.platform })))).toEqual({ host: null, platform: null });

    // the library ran from this server, with the file it loads from beside itself
    const served = watch.requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith(OFFICE_JS_PATH));
    expect(served).toEqual(expect.arrayContaining([OFFICE_JS_LOCAL, `${OFFICE_JS_PATH}o15apptofilemappingtable.js`]));

    // the violation event is queued as a task of its own: wait for it, then take the whole list
    await page.waitForFunction(() => (window as unknown as { __violations: { directive: string }[] }).__violations.some((v) => v.directive === "frame-src"));
    expect(await violations()).toEqual([{ directive: "frame-src", blocked: TELEMETRY, source: `${OFFICE_JS_PATH}o15apptofilemappingtable.js` }]);
    // the browser's console reports that refusal, and nothing else goes wrong
    expect(watch.errors).toEqual([expect.stringContaining(`Framing '${TELEMETRY}/' violates the following Content Security Policy directive`)]);
    expect(watch.foreign).toEqual([]);
    await screenshot(page, "taskpane-real-office-js-outside-excel.png");
    await page.close();
  });
});

describe("the real office.js made to stall", () => {
  // The host information says Excel desktop, whose host never answers here: office.js loads its
  // Excel script and waits, as an Excel that stalls while starting the add-in. The pane waits for
  // onReady until its timeout, then says Office is not responding (docs/excel-platform.md).
  test("it takes itself for Excel desktop and onReady stays pending; after the timeout the pane says Office is not responding, with no error and no request beyond localhost", async () => {
    const { page, watch, violations } = await openPage(STALLED_HOST_QUERY, 3000);
    await page.getByText("正在连接 Excel…").waitFor();
    await page.waitForFunction(() => typeof Office !== "undefined" && typeof Office.onReady === "function");
    const served = watch.requests.map((u) => new URL(u).pathname);
    expect(served).toEqual(expect.arrayContaining([OFFICE_JS_LOCAL, `${OFFICE_JS_PATH}excel-win32-16.01.js`]));
    // onReady has not settled once the page and office.js's host script have loaded
    await page.waitForLoadState("load");
    const state = await page.evaluate(() => {
      let settled = "pending";
      Office.onReady().then(
        () => (settled = "resolved"),
        () => (settled = "rejected"),
      );
      return new Promise<string>((resolve) => setTimeout(() => resolve(settled), 0));
    });
    expect(state).toBe("pending");
    // the pane gives up on the real library's onReady and says so
    const outside = page.getByTestId("outside-excel");
    await outside.waitFor({ timeout: 15_000 });
    expect(await outside.textContent()).toContain("Office 未响应");
    expect(await page.getByRole("button", { name: "核对指标" }).count()).toBe(0);
    expect(await violations()).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreign).toEqual([]);
    await screenshot(page, "taskpane-real-office-js-stalled.png");
    await page.close();
  });
});
