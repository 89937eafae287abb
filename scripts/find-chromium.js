"use strict";
// Which Chromium the browser tests and the bench drive (with playwright-core, never downloading a
// browser at test time), first found of:
//  1. $JIXIAO_CHROMIUM: a Chromium, Chrome or Edge binary you name (an error when it is not there);
//     or $JIXIAO_CHROMIUM_SOURCE=system / bundled to take only rule 2 or only rule 3 (to run the
//     tests with the npm Chromium on a machine that has a system one, and the other way round);
//  2. a system Chromium, Chrome or Edge where each OS installs it: the Linux package paths, the
//     Windows and macOS install paths (the same places playwright-core's `chrome` / `msedge`
//     channels look);
//  3. on Linux x64, the Chromium inside the @sparticuz/chromium dev dependency: it arrives with
//     `npm install` from the npm registry (no download at install or test time) and is unpacked on
//     first use into the temporary folder (os.tmpdir()/chromium), then reused.
// Used by test/browser/support/browser.ts and bench/browser.js; docs/testing.md describes it.
const fs = require("fs");
const path = require("path");

/** Flags every launch gets: headless-friendly, no first-run work, no background traffic. */
const BASE_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// @sparticuz/chromium's own flags are made for serverless hosts. Left out: those that would weaken
// what the tests check (the pages' Content-Security-Policy, mixed content), and --single-process
// (needed inside AWS Lambda's sandbox only; with it the browser dies when a second context closes).
const LEFT_OUT_BUNDLED_ARGS = new Set(["--disable-web-security", "--allow-running-insecure-content", "--disable-site-isolation-trials", "--single-process"]);

/** Where each OS keeps a system browser, in the order they are tried. */
function systemCandidates(platform, env) {
  if (platform === "linux") {
    return [
      "/usr/bin/chromium",
      "/usr/bin/chromium-browser",
      "/snap/bin/chromium",
      "/usr/bin/google-chrome",
      "/usr/bin/google-chrome-stable",
      "/opt/google/chrome/chrome",
      "/usr/bin/microsoft-edge",
      "/usr/bin/microsoft-edge-stable",
      "/opt/microsoft/msedge/msedge",
    ];
  }
  if (platform === "darwin") {
    const apps = ["/Applications", env.HOME ? path.posix.join(env.HOME, "Applications") : null].filter(Boolean);
    return apps.flatMap((dir) => [
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
      `${dir}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`,
    ]);
  }
  if (platform === "win32") {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES || env.ProgramFiles, env["PROGRAMFILES(X86)"] || env["ProgramFiles(x86)"]].filter(Boolean);
    return [
      ...roots.map((r) => path.win32.join(r, "Google", "Chrome", "Application", "chrome.exe")),
      ...roots.map((r) => path.win32.join(r, "Chromium", "Application", "chrome.exe")),
      ...roots.map((r) => path.win32.join(r, "Microsoft", "Edge", "Application", "msedge.exe")),
    ];
  }
  return [];
}

/** The Chromium of @sparticuz/chromium, unpacked; null where it does not apply or is not installed. */
async function bundledChromium(platform, arch) {
  if (platform !== "linux" || arch !== "x64") return null;
  let pkg;
  try {
    pkg = require("@sparticuz/chromium");
  } catch {
    return null;
  }
  const chromium = pkg.default || pkg;
  const executablePath = await chromium.executablePath();
  return { executablePath, args: chromium.args };
}

/**
 * The browser to launch: { executablePath, args, source } where source says which rule chose it.
 * `deps` replaces the environment for the unit test: env, platform, arch, exists(path), bundled().
 */
async function findChromium(deps = {}) {
  const env = deps.env || process.env;
  const platform = deps.platform || process.platform;
  const arch = deps.arch || process.arch;
  const exists = deps.exists || ((p) => fs.existsSync(p) && fs.statSync(p).isFile());
  const bundled = deps.bundled || (() => bundledChromium(platform, arch));

  if (env.JIXIAO_CHROMIUM) {
    if (!exists(env.JIXIAO_CHROMIUM)) throw new Error(`JIXIAO_CHROMIUM=${env.JIXIAO_CHROMIUM} is not a file: point it at a Chromium, Chrome or Edge binary, or unset it`);
    return { executablePath: env.JIXIAO_CHROMIUM, args: BASE_ARGS, source: "JIXIAO_CHROMIUM" };
  }
  const only = env.JIXIAO_CHROMIUM_SOURCE || "";
  if (only !== "" && only !== "system" && only !== "bundled") throw new Error(`JIXIAO_CHROMIUM_SOURCE=${only}: use system (a Chromium, Chrome or Edge installed on this machine) or bundled (the Chromium of @sparticuz/chromium), or unset it`);
  const system = only === "bundled" ? undefined : systemCandidates(platform, env).find((p) => exists(p));
  if (system) return { executablePath: system, args: BASE_ARGS, source: "system" };
  if (only === "system") {
    const looked = systemCandidates(platform, env);
    throw new Error(`JIXIAO_CHROMIUM_SOURCE=system: none of ${looked.length ? looked.join(", ") : "(no known install paths on this system)"} exists. Install Chrome, Edge or Chromium, or unset JIXIAO_CHROMIUM_SOURCE.`);
  }
  const inPackage = await bundled();
  if (!inPackage && only === "bundled") throw new Error(`JIXIAO_CHROMIUM_SOURCE=bundled: the Chromium of @sparticuz/chromium ${platform === "linux" && arch === "x64" ? "is not installed (run npm install)" : `runs on Linux x64 only (this is ${platform} ${arch})`}`);
  if (inPackage) return { executablePath: inPackage.executablePath, args: [...new Set([...inPackage.args.filter((a) => !LEFT_OUT_BUNDLED_ARGS.has(a)), ...BASE_ARGS])], source: "@sparticuz/chromium" };
  const looked = systemCandidates(platform, env);
  throw new Error(
    `no Chromium found: JIXIAO_CHROMIUM is not set, none of ${looked.length ? looked.join(", ") : "(no known install paths on this system)"} exists` +
      `${platform === "linux" && arch === "x64" ? ", and @sparticuz/chromium is not installed (run npm install)" : ` and the npm Chromium (@sparticuz/chromium) runs on Linux x64 only (this is ${platform} ${arch})`}. ` +
      "Install Chrome, Edge or Chromium, or set JIXIAO_CHROMIUM to a browser binary.",
  );
}

module.exports = { findChromium, systemCandidates, BASE_ARGS, LEFT_OUT_BUNDLED_ARGS };

if (require.main === module) {
  findChromium().then(
    (c) => console.log(`${c.source}: ${c.executablePath}`),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
