/**
 * Every script the build emits, parsed as the oldest engine that must run it would parse it
 * (docs/excel-platform.md): the engine check at ES5 (Internet Explorer 11 must run it to say what
 * to do), the bundles at ES2020 (Safari 14, Mac Excel's floor, and Chromium Edge), with no regex
 * lookbehind (Safari before 16.4 rejects the whole script). And the in-memory workbook, for the
 * tests and the preview only, is in no script the task pane or the ribbon can load.
 */
import { Parser, tokTypes, tokenizer } from "acorn";
import fs from "fs";
import path from "path";
import { builtAddIn } from "../browser/support/dist";

const BUNDLE_ECMA = 2020;
const CHECK_SCRIPT = "engine-check.js";
/** Strings only the in-memory workbook holds (its error messages survive minification). */
const MEMORY_MARKERS = ["The memory workbook models", "Injected ", "this workbook supports"];

let dist: string;
let scripts: string[];

beforeAll(async () => {
  dist = await builtAddIn();
  scripts = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
}, 600_000);

afterAll(() => {
  if (dist) fs.rmSync(dist, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");

/** The parse error at this ECMAScript version, or null when the script parses. */
function parseError(source: string, ecmaVersion: 5 | 2020): string | null {
  try {
    Parser.parse(source, { ecmaVersion, sourceType: "script" });
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Regex literals, and strings that would make a RegExp, with a lookbehind. */
function lookbehinds(source: string): string[] {
  const out: string[] = [];
  for (const token of tokenizer(source, { ecmaVersion: BUNDLE_ECMA })) {
    const value = (token as unknown as { value: unknown }).value;
    const text = token.type === tokTypes.regexp ? (value as { pattern: string }).pattern : token.type === tokTypes.string || token.type === tokTypes.template ? String(value) : "";
    if (/\(\?<[=!]/.test(text)) out.push(text.slice(0, 80));
  }
  return out;
}

test("the build emits the engine check, the task pane, the ribbon and the preview", () => {
  expect(scripts).toContain(CHECK_SCRIPT);
  for (const entry of ["taskpane", "commands", "preview"]) expect(scripts.some((f) => f.startsWith(`${entry}.`))).toBe(true);
  // the check runs before the bundle, from the page itself (the CSP allows no inline script)
  const page = read("taskpane.html");
  const srcs = [...page.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(srcs).toContain(CHECK_SCRIPT);
});

test("the engine check is ES5: Internet Explorer 11 parses it", () => {
  expect(parseError(read(CHECK_SCRIPT), 5)).toBeNull();
});

test("a sample of newer syntax fails the check, so the check can fail", () => {
  expect(parseError("var a = b?.c;", 5)).not.toBeNull();
  expect(parseError("class A { static x = 1; }", BUNDLE_ECMA)).not.toBeNull();
  expect(parseError("a ??= 1;", BUNDLE_ECMA)).not.toBeNull();
  expect(lookbehinds("var r = /(?<=a)b/;")).toHaveLength(1);
  expect(lookbehinds('var r = new RegExp("(?<!x)y");')).toHaveLength(1);
});

test("every bundle parses as ES2020, with no regex lookbehind", () => {
  const bundles = scripts.filter((f) => f !== CHECK_SCRIPT);
  expect(bundles.length).toBeGreaterThan(3);
  const problems = bundles.flatMap((f) => {
    const source = read(f);
    const error = parseError(source, BUNDLE_ECMA);
    return [...(error ? [`${f}: ${error}`] : []), ...lookbehinds(source).map((l) => `${f}: lookbehind ${l}`)];
  });
  expect(problems).toEqual([]);
});

test("no script the task pane or the ribbon loads holds the in-memory workbook; the preview's does", () => {
  const production = scripts.filter((f) => !f.startsWith("preview") && f !== CHECK_SCRIPT);
  expect(production.some((f) => f.startsWith("excel."))).toBe(true);
  const found = production.flatMap((f) => MEMORY_MARKERS.filter((m) => read(f).includes(m)).map((m) => `${f}: ${m}`));
  expect(found).toEqual([]);
  // the markers are real: the preview, which runs on the in-memory workbook, has them
  const preview = scripts.filter((f) => f.startsWith("preview"));
  expect(MEMORY_MARKERS.every((m) => preview.some((f) => read(f).includes(m)))).toBe(true);
});
