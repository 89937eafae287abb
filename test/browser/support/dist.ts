/**
 * The built add-in the browser tests serve: dist/ as a production build with the test pages
 * (JIXIAO_TEST_PAGES=1: also taskpane.local-office.html, loading office.js from this server), built
 * here when missing, without the test pages, or older than the sources, then copied to a temporary folder so a
 * build started elsewhere meanwhile cannot change the files under a running test.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
const DIST = path.join(ROOT, "dist");
/** written after a build made here, for sources changed in ways that leave the output identical */
const STAMP = path.join(DIST, ".browser-tests-built");
const LOCK = path.join(ROOT, "node_modules", ".cache", "jixiao-browser-build.lock");
const INPUTS = ["src", "seeds", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package.json"];
/** the pages the tests open; taskpane.local-office.html exists only in a build with JIXIAO_TEST_PAGES=1 */
const PAGES = ["taskpane.html", "taskpane.local-office.html", "preview.html", "commands.html", "manifest.xml"];
const LOCK_STALE_MS = 10 * 60 * 1000;

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), st.mtimeMs);
}

/** Why dist/ cannot be used as it is, or null. */
export function distProblem(): string | null {
  const missing = PAGES.filter((f) => !fs.existsSync(path.join(DIST, f)));
  if (missing.length) return `dist/ has no ${missing.join(", ")}`;
  const sources = Math.max(...INPUTS.map((p) => newest(path.join(ROOT, p))));
  const built = newest(DIST);
  return sources > built ? "dist/ is older than the sources" : null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withLock<T>(work: () => T): Promise<T> {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      const age = Date.now() - (fs.existsSync(LOCK) ? fs.statSync(LOCK).mtimeMs : Date.now());
      if (age > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else await sleep(500);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

function build(reason: string): void {
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const started = Date.now();
  const run = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, JIXIAO_URL: "", JIXIAO_TEST_PAGES: "1" } });
  if (run.status !== 0) throw new Error(`browser tests: ${reason}, and building it failed (npm run build):\n${run.stdout}\n${run.stderr}`);
  fs.writeFileSync(STAMP, `${new Date().toISOString()} ${reason}, built in ${Date.now() - started} ms\n`);
}

function copyBuilt(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      copyBuilt(src, dst);
    } else if (!entry.name.endsWith(".map")) fs.copyFileSync(src, dst);
  }
}

/** A private copy of a current build; the caller removes it. */
export async function builtAddIn(): Promise<string> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-dist-"));
  await withLock(() => {
    const problem = distProblem();
    if (problem) build(problem);
    copyBuilt(DIST, copy);
  });
  return copy;
}
