#!/usr/bin/env node
"use strict";
// The task pane's time to ready in headless Chromium (docs/rules.md §10: < 1.5 s from navigation), served
// locally from dist/: navigation start → the pane's main button (核对指标) in the page. Each run is
// a fresh browser context (a first visit, nothing cached). taskpane.html gets a stand-in for
// office.js that reports Excel (the CDN is not reached; the real library cannot report Excel
// outside Office); beside it, the same page with the real office.js (@microsoft/office-js, served
// from node_modules under /office-js/) until it settles outside Office (the outside-Excel message);
// preview.html needs none.
// `node bench/browser.js` prints the rows; bench/run.js adds them to its table.
const { Buffer } = require("buffer");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { URL } = require("url");

const DIST = path.join(__dirname, "..", "dist");
const { findChromium } = require("../scripts/find-chromium");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const RUNS = 7;
const BAR_MS = 1500;

// What the pane asks of office.js before its button shows: the host, the display language and
// the workbook's settings. Excel.run is only called on a click.
const OFFICE_STUB = `window.Office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  context: {
    displayLanguage: "zh-CN",
    requirements: { isSetSupported: function () { return true; } },
    document: { settings: { get: function () { return null; }, set: function () {}, saveAsync: function (cb) { if (cb) cb({ status: "succeeded" }); } } },
  },
  onReady: function () { return Promise.resolve({ host: "Excel", platform: "OfficeOnline" }); },
};`;

// Installed before any page script: notes when a button named 核对指标 first appears.
const READY_PROBE = probe(`() => [...document.querySelectorAll("button:not([role=tab])")].some((b) => b.textContent.trim() === "核对指标")`);
// ... or, with the real office.js outside Office, when the outside-Excel message does.
const OUTSIDE_PROBE = probe(`() => document.querySelector("[data-testid=outside-excel]") !== null`);

const OFFICE_JS_DIST = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const OFFICE_JS_PATH = "/office-js/";
/** The test build's page (webpack.config.js, JIXIAO_TEST_PAGES=1); made here from taskpane.html when dist/ has no such page. */
const LOCAL_OFFICE_PAGE = "taskpane.local-office.html";

function probe(found) {
  return `(() => {
  const found = ${found};
  new MutationObserver((_, observer) => {
    if (window.__jxReady === undefined && found()) {
      window.__jxReady = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();`;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".json": "application/json", ".xml": "application/xml" };

function serve(root) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    if (pathname === `/${LOCAL_OFFICE_PAGE}` && !fs.existsSync(path.join(root, LOCAL_OFFICE_PAGE))) {
      const page = fs.readFileSync(path.join(root, "taskpane.html"), "utf8").split(OFFICE_JS).join(`${OFFICE_JS_PATH}office.js`);
      res.writeHead(200, { "content-type": TYPES[".html"] }).end(page);
      return;
    }
    const local = pathname.startsWith(OFFICE_JS_PATH);
    const base = local ? OFFICE_JS_DIST : root;
    const file = path.resolve(base, `.${local ? `/${pathname.slice(OFFICE_JS_PATH.length)}` : pathname}`);
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeToReady(browser, url, readyProbe = READY_PROBE) {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  const bodies = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script" && res.url().startsWith("http://127.0.0.1")) bodies.push(res.body().catch(() => Buffer.alloc(0)));
  });
  await page.route((u) => !/^(127\.0\.0\.1|localhost)$/.test(u.hostname), (route) =>
    route.request().url() === OFFICE_JS ? route.fulfill({ body: OFFICE_STUB, contentType: "text/javascript" }) : route.abort("blockedbyclient"),
  );
  await page.addInitScript(readyProbe);
  await page.goto(url);
  await page.waitForFunction(() => globalThis.__jxReady !== undefined, null, { timeout: 30000 });
  const ms = await page.evaluate(() => globalThis.__jxReady);
  const scriptBytes = (await Promise.all(bodies)).reduce((sum, b) => sum + b.length, 0);
  const timing = await page.evaluate(() => {
    const nav = globalThis.performance.getEntriesByType("navigation")[0];
    return { domContentLoaded: nav ? nav.domContentLoadedEventEnd : NaN };
  });
  await context.close();
  return { ms, scriptBytes, ...timing };
}

/** Rows for bench/run.js: [what, measured, bar, verdict]. */
async function browserRows(distDir = DIST) {
  const what = "task pane ready in headless Chromium (navigation → 核对指标 shown)";
  if (!fs.existsSync(path.join(distDir, "taskpane.html"))) return [[what, "not built", `< ${BAR_MS / 1000} s`, "run npm run build first"]];
  let found;
  try {
    found = await findChromium();
  } catch (e) {
    return [[what, "no Chromium", `< ${BAR_MS / 1000} s`, e.message]];
  }
  const { chromium } = require("playwright-core");
  const server = await serve(path.resolve(distDir));
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: found.executablePath, headless: true, args: found.args });
  try {
    const rows = [];
    for (const [page, label, bar, readyProbe] of [
      ["taskpane.html", "task pane ready, taskpane.html (office.js stand-in reporting Excel), median of 7", true, READY_PROBE],
      [LOCAL_OFFICE_PAGE, "task pane settled with the real office.js (local copy), outside Office → outside-Excel message, median of 7", true, OUTSIDE_PROBE],
      ["preview.html", "preview ready, preview.html (pane + memory workbook), median of 7", false, READY_PROBE],
    ]) {
      await timeToReady(browser, `${base}/${page}`, readyProbe); // warm-up: the OS file cache, Chromium's processes
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await timeToReady(browser, `${base}/${page}`, readyProbe));
      const ms = median(runs.map((r) => r.ms));
      rows.push([label, `${(ms / 1000).toFixed(2)} s`, bar ? `< ${BAR_MS / 1000} s` : "—", bar ? (ms < BAR_MS ? "ok" : "SLOW") : ""]);
      if (page === "taskpane.html") rows.push(["task pane JavaScript fetched until ready (initial + lazy chunks)", `${(runs[0].scriptBytes / 1024).toFixed(0)} KB`, "—", ""]);
    }
    return rows;
  } finally {
    await browser.close();
    server.close();
  }
}

module.exports = { browserRows };

if (require.main === module) {
  browserRows()
    .then((rows) => {
      for (const r of rows) console.log(`| ${r.join(" | ")} |`);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
