/**
 * The production task pane page in a plain Chromium (no Excel), the Content-Security-Policy of
 * both pages, and the task pane's initial script staying free of the preview.
 */
import type { Page, Route } from "playwright-core";
import { isLocal, screenshot, useBrowserEnv, watchPage } from "./support/browser";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const browser = useBrowserEnv();

/** Nothing leaves the machine: requests to other hosts are answered here or refused. */
async function offline(page: Page, officeJs: (route: Route) => Promise<void>): Promise<void> {
  await page.route((url) => !isLocal(url.href), (route) => (route.request().url() === OFFICE_JS ? officeJs(route) : route.abort("blockedbyclient")));
}

async function html(name: string): Promise<string> {
  const res = await fetch(`${browser.env.baseUrl}/${name}`);
  expect(res.status).toBe(200);
  return res.text();
}

function csp(page: string): Map<string, string[]> {
  const meta = /<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]+content="([^"]+)"/i.exec(page);
  if (!meta) throw new Error("no Content-Security-Policy meta tag");
  return new Map(
    meta[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe("taskpane.html outside Excel", () => {
  test("with office.js blocked it still shows the outside-Excel message", async () => {
    const page = await browser.env.context.newPage();
    const watch = watchPage(page);
    await offline(page, (route) => route.abort("blockedbyclient"));
    await page.goto(`${browser.env.baseUrl}/taskpane.html`);

    const outside = page.getByTestId("outside-excel");
    await outside.waitFor();
    const text = await outside.textContent();
    expect(text).toContain("请在 Excel 中打开");
    expect(text).toContain("未能加载 Office 脚本");
    // office.js is still asked for from Microsoft's CDN (as Office requires), and nothing else leaves localhost
    expect(watch.foreign).toEqual([OFFICE_JS]);
    expect(watch.errors.filter((e) => !/Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/.test(e))).toEqual([]);
    await screenshot(page, "taskpane-outside-excel.png");
    await page.close();
  });
  // office.js present outside Office: test/browser/office-js.test.ts, with the real library
});

describe("Content-Security-Policy", () => {
  test("the task pane allows scripts only from itself and Office's script host", async () => {
    const policy = csp(await html("taskpane.html"));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(policy.get("connect-src")?.every((s) => s === "'self'" || s === "https://appsforoffice.microsoft.com")).toBe(true);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const sources of policy.values()) expect(sources).not.toContain("'unsafe-eval'");
  });

  test("the preview allows nothing but itself", async () => {
    const policy = csp(await html("preview.html"));
    for (const [directive, sources] of policy) {
      for (const s of sources) expect([directive, s]).toEqual([directive, expect.stringMatching(/^('self'|'none'|data:|'sha256-[A-Za-z0-9+/=]+')$/)]);
    }
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  test("the preview page enforces it: a fetch to another host is refused before it is sent", async () => {
    const page = await browser.env.context.newPage();
    const watch = watchPage(page);
    await offline(page, (route) => route.abort("blockedbyclient"));
    await page.goto(`${browser.env.baseUrl}/preview.html`);
    await page.getByRole("button", { name: "核对指标" }).waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const fetched = await fetch("https://example.org/").then(
        () => "fetched",
        () => "refused",
      );
      // the violation event is queued as a task of its own
      for (let i = 0; i < 50 && violations.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      return { fetched, violations };
    });
    expect(outcome).toEqual({ fetched: "refused", violations: ["connect-src"] });
    expect(watch.foreign).toEqual([]);
    await page.close();
  });
});

describe("the built pages", () => {
  test("the task pane's initial scripts hold nothing of the preview", async () => {
    const page = await html("taskpane.html");
    const scripts = [...page.matchAll(/<script[^>]+src="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((s) => /preview/.test(s))).toBe(false);
    for (const src of scripts) {
      const js = await (await fetch(`${browser.env.baseUrl}/${src}`)).text();
      expect(js).not.toContain("jx-cell-");
      expect(js).not.toContain("收支情况");
    }
    expect(await html("preview.html")).not.toContain("appsforoffice");
  });
});
