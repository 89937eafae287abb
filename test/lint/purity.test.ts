/**
 * The purity rule of src/core holds at every depth (docs/rules.md §2): ESLint refuses an import of
 * Node, a host library, an adapter or the UI from any file under src/core, however deep, and lets
 * the same imports through elsewhere. ESLint runs in a child process on text given on stdin, as
 * `npm test`'s lint step would see a file at that path.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/** Lint `code` as if it were the file at `file` (relative to the repository). */
function lint(file: string, code: string): LintMessage[] {
  const r = spawnSync(process.execPath, [ESLINT, "--format", "json", "--stdin", "--stdin-filename", file], { cwd: ROOT, input: code, encoding: "utf8" });
  if (!r.stdout) throw new Error(`eslint gave no output: ${r.stderr}`);
  const [result] = JSON.parse(r.stdout) as { messages: LintMessage[] }[];
  return result.messages;
}

const rulesOf = (messages: LintMessage[]) => messages.map((m) => m.ruleId);

describe("src/core may not import adapters, the UI, Node or host libraries, at any depth", () => {
  test.each<[string, string]>([
    ["src/core/probe.ts", 'import { createSheetAdapter } from "../excel/sheet-adapter";'],
    ["src/core/audit/probe.ts", 'import { createSheetAdapter } from "../../excel/sheet-adapter";'],
    ["src/core/audit/deeper/probe.ts", 'import { main } from "../../../cli/main";'],
    ["src/core/compare/probe.ts", 'import { App } from "../../taskpane/App";'],
    ["src/core/compare/probe.ts", 'import { createMemoryExcel } from "../../memory-excel";'],
    ["src/core/audit/probe.ts", 'import * as fs from "fs";'],
    ["src/core/audit/probe.ts", 'import { readFileSync } from "node:fs";'],
    ["src/core/audit/probe.ts", 'import ExcelJS from "exceljs";'],
    ["src/core/review/probe.ts", 'import { Button } from "@fluentui/react-components";'],
  ])("%s: %s fails lint", (file, code) => {
    expect(rulesOf(lint(file, `${code}\nexport const probe = 1;\n`))).toContain("no-restricted-imports");
  });

  test.each<[string, string]>([
    ["src/core/audit/probe.ts", "export const probe = () => Office.context.displayLanguage;"],
    ["src/core/compare/probe.ts", "export const probe = () => document.title;"],
    ["src/core/probe.ts", "export const probe = () => process.env.HOME;"],
  ])("%s: %s uses a forbidden global", (file, code) => {
    expect(rulesOf(lint(file, `${code}\n`))).toContain("no-restricted-globals");
  });

  test("core's own imports, at any depth, pass", () => {
    expect(lint("src/core/audit/probe.ts", 'import { parseQuantity } from "../quantity";\nimport { z } from "zod";\nexport const probe = [parseQuantity, z];\n')).toEqual([]);
  });

  test("the same adapter import is allowed outside core", () => {
    expect(rulesOf(lint("src/cli/probe.ts", 'import * as fs from "fs";\nimport { validateGrid } from "../core/validate";\nexport const probe = [fs, validateGrid];\n'))).not.toContain("no-restricted-imports");
  });
});
