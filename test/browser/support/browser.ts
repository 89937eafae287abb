/**
 * A Chromium driven by playwright-core (found by scripts/find-chromium.js: $JIXIAO_CHROMIUM, a
 * system Chromium/Chrome/Edge, else the Chromium of the @sparticuz/chromium dev dependency; never a
 * browser downloaded at test time), a fresh profile per test file, the built add-in served on
 * localhost, and a watch on each page for console errors, uncaught exceptions and requests to any
 * other host.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { type BrowserContext, type Locator, type Page, chromium } from "playwright-core";
import { ROOT, builtAddIn } from "./dist";
import { OFFICE_JS_DIST, OFFICE_JS_PATH, type StaticServer, serveStatic } from "./server";

export const RESULTS_DIR = path.join(ROOT, "test-results");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium } = require("../../../scripts/find-chromium") as {
  findChromium(): Promise<{ executablePath: string; args: string[]; source: string }>;
};
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface BrowserEnv {
  context: BrowserContext;
  /** where dist/ is served: http://127.0.0.1:PORT */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * One browser and server for a test file: started before its tests, closed after them. Read
 * `.env` inside the tests (it is set once beforeAll has run).
 */
export function useBrowserEnv(startTimeout = 240_000): { readonly env: BrowserEnv } {
  let env: BrowserEnv | undefined;
  beforeAll(async () => {
    env = await startBrowserEnv();
  }, startTimeout);
  afterAll(async () => {
    await env?.close();
  });
  return {
    get env(): BrowserEnv {
      if (!env) throw new Error("the browser is not started yet: read .env inside a test");
      return env;
    },
  };
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
  const browser = await findChromium();
  const dist = await builtAddIn();
  let server: StaticServer | null = null;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-chromium-"));
  try {
    server = await serveStatic(dist, { [OFFICE_JS_PATH]: OFFICE_JS_DIST });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      headless: true,
      args: browser.args,
      viewport: { width: 1440, height: 900 },
      locale: "zh-CN",
    });
    const s = server;
    return {
      context,
      baseUrl: server.url,
      async close() {
        await context.close().catch(() => undefined);
        await s.close();
        fs.rmSync(profile, { recursive: true, force: true });
        fs.rmSync(dist, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await server?.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(dist, { recursive: true, force: true });
    throw e;
  }
}

export function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
  return LOCAL_HOSTS.has(u.hostname);
}

export interface PageWatch {
  /** console 'error' messages and uncaught exceptions, in order */
  errors: string[];
  /** every request to a host other than localhost */
  foreign: string[];
  /** every request, in order */
  requests: string[];
}

export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], foreign: [], requests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") watch.errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => watch.errors.push(`pageerror: ${err.message}`));
  page.on("request", (req) => {
    watch.requests.push(req.url());
    if (!isLocal(req.url())) watch.foreign.push(req.url());
  });
  return watch;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

const AXE_PATH = "/__tests__/axe.min.js";

/**
 * axe-core's serious and critical violations inside `selector`, as "impact rule (help): targets".
 * The pages' CSP allows scripts from the page's own origin only, so axe is served from there (a
 * route fulfilled with node_modules/axe-core/axe.min.js) rather than as inline script content.
 */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.route(`**${AXE_PATH}`, (route) => route.fulfill({ body: source, contentType: "text/javascript; charset=utf-8" }));
  await page.addScriptTag({ url: AXE_PATH });
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    // Fluent's focus manager (tabster) adds aria-hidden focus sentinels (<i data-tabster-dummy>) around
    // tab lists on purpose: they redirect Tab presses and are never announced; axe cannot know that.
    const result = await axe.run({ include: [sel], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, selector);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id} (${v.help}): ${v.targets.join(", ")}`);
}

/**
 * The locator's text once it is `want` (a string: all of it; a RegExp: matching), polling briefly
 * because the page re-renders after each workbook sync; fails showing what it was.
 */
export async function expectText(locator: Locator, want: string | RegExp, timeout = 5000): Promise<void> {
  const ok = (text: string | null) => (typeof want === "string" ? text === want : want.test(text ?? ""));
  const end = Date.now() + timeout;
  let text = await locator.textContent();
  while (!ok(text) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    text = await locator.textContent();
  }
  if (typeof want === "string") expect(text).toBe(want);
  else expect(text).toMatch(want);
}

/** The locator's text once it contains `part`. */
export function expectTextContaining(locator: Locator, part: string, timeout = 5000): Promise<void> {
  return expectText(locator, new RegExp(part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), timeout);
}
