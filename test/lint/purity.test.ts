/**
 * The purity rule of src/core holds at every depth (docs/rules.md §2): ESLint refuses an import of
 * Node, a host library, an adapter or the UI from any file under src/core, however deep, and lets
 * the same imports through elsewhere. One ESLint instance (the project's eslint.config.mjs, which
 * Jest's module sandbox cannot import) in one child process lints every probe's text as
 * `npm test`'s lint step would see a file at that path: one process, not one per probe.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** Every probe of this file, linted at once on first use: "file\0code" → messages. */
const PROBES: Array<[string, string]> = [];
let results: Map<string, LintMessage[]> | null = null;

const LINT_ALL = `
const { ESLint } = require("eslint");
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const [file, code] of JSON.parse(input)) {
    const [r] = await eslint.lintText(code, { filePath: require("path").join(process.cwd(), file) });
    out.push(r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
  }
  process.stdout.write(JSON.stringify(out));
});`;

function lintAll(): Map<string, LintMessage[]> {
  const r = spawnSync(process.execPath, ["-e", LINT_ALL], { cwd: ROOT, input: JSON.stringify(PROBES), encoding: "utf8" });
  if (!r.stdout) throw new Error(`eslint gave no output: ${r.stderr}`);
  const messages = JSON.parse(r.stdout) as LintMessage[][];
  return new Map(PROBES.map(([file, code], i) => [`${file}\0${code}`, messages[i]]));
}

/** Register a probe now (at collection time); its messages once every probe is linted. */
function probe(file: string, code: string): () => LintMessage[] {
  PROBES.push([file, code]);
  return () => {
    if (!results) results = lintAll();
    return results.get(`${file}\0${code}`) ?? [];
  };
}

interface LintMessage {
  ruleId: string | null;
  message: string;
}



const rulesOf = (messages: LintMessage[]) => messages.map((m) => m.ruleId);

const FORBIDDEN_IMPORTS: Array<[string, string]> = [
  ["src/core/probe.ts", 'import { createSheetAdapter } from "../excel/sheet-adapter";'],
  ["src/core/audit/probe.ts", 'import { createSheetAdapter } from "../../excel/sheet-adapter";'],
  ["src/core/audit/deeper/probe.ts", 'import { main } from "../../../cli/main";'],
  ["src/core/compare/probe.ts", 'import { App } from "../../taskpane/App";'],
  ["src/core/compare/probe.ts", 'import { createMemoryExcel } from "../../memory-excel";'],
  ["src/core/audit/probe.ts", 'import * as fs from "fs";'],
  ["src/core/audit/probe.ts", 'import { readFileSync } from "node:fs";'],
  ["src/core/audit/probe.ts", 'import ExcelJS from "exceljs";'],
  ["src/core/review/probe.ts", 'import { Button } from "@fluentui/react-components";'],
];
const FORBIDDEN_GLOBALS: Array<[string, string]> = [
  ["src/core/audit/probe.ts", "export const probe = () => Office.context.displayLanguage;"],
  ["src/core/compare/probe.ts", "export const probe = () => document.title;"],
  ["src/core/probe.ts", "export const probe = () => process.env.HOME;"],
];
const importProbes = FORBIDDEN_IMPORTS.map(([file, code]) => [file, code, probe(file, `${code}\nexport const probe = 1;\n`)] as const);
const globalProbes = FORBIDDEN_GLOBALS.map(([file, code]) => [file, code, probe(file, `${code}\n`)] as const);
const coreOwn = probe("src/core/audit/probe.ts", 'import { parseQuantity } from "../quantity";\nimport { z } from "zod";\nexport const probe = [parseQuantity, z];\n');
const outsideCore = probe("src/cli/probe.ts", 'import * as fs from "fs";\nimport { validateGrid } from "../core/validate";\nexport const probe = [fs, validateGrid];\n');
const spreadPush = probe("src/cli/probe.ts", "const a: number[] = [];\nconst b: number[] = [1];\na.push(...b);\nexport const probe = a;\n");
const loopPush = probe("src/cli/probe.ts", "const a: number[] = [];\nfor (const x of [1]) a.push(x);\nexport const probe = a;\n");

describe("src/core may not import adapters, the UI, Node or host libraries, at any depth", () => {
  test.each(importProbes)("%s: %s fails lint", (_file, _code, messages) => {
    expect(rulesOf(messages())).toContain("no-restricted-imports");
  });

  test.each(globalProbes)("%s: %s uses a forbidden global", (_file, _code, messages) => {
    expect(rulesOf(messages())).toContain("no-restricted-globals");
  });

  test("core's own imports, at any depth, pass", () => {
    expect(coreOwn()).toEqual([]);
  });

  test("the same adapter import is allowed outside core", () => {
    expect(rulesOf(outsideCore())).not.toContain("no-restricted-imports");
  });

  test("push(...array) fails lint anywhere in src: an unbounded spread overflows the stack", () => {
    expect(rulesOf(spreadPush())).toContain("no-restricted-syntax");
    expect(rulesOf(loopPush())).not.toContain("no-restricted-syntax");
  });
});
