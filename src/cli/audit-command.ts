/**
 * `jixiao audit <file.xlsx> [--sheet NAME] [--out OUT.xlsx] [--json]` (docs/rules.md §7, J3/J4):
 * the statement audit over a workbook. The input file is never modified: findings and the
 * ratio formulas go to the --out file only.
 */
import { auditGrid } from "../core/audit";
import { isOwnSheet } from "../core/review";
import { AuditResult } from "../core/audit/finding";
import { AUDIT_NOTICES, CHECK_NAMES } from "../core/audit/messages";
import type { NotAStatement } from "../core/audit/recognise";
import { Bilingual, Lang, inLang } from "../core/basics/text";
import { WritePlan } from "../core/basics/write-plan";
import { ParsedArgs } from "./args";
import { CliCommand, EXIT_OK, EXIT_UNUSABLE, Io, commandRunner } from "./command";
import { findingJson, messageJson } from "./json-output";
import { AUDIT_REPORT, CLI_ERRORS } from "./messages";
import { candidateSheets, inputAndOut, openWorkbook, reasonLines } from "./workbook-file";
import { placedAsPlanned, writePlansOut } from "./write-xlsx";

export const AUDIT_USAGE = `用法 / usage:
  jixiao audit <file.xlsx> [--sheet NAME] [--out OUT.xlsx] [--json] [--lang zh|en]

  核对财务报表：各项之和、占比、增长率与增减方向、数量级（单位）、前后不一致的数字、分项得分。
  Audit a financial statement: sums, shares, growth rates and their direction words, units
  (亿元 written for 万元), figures written twice with two values, sub-scores.

  文件可为 .xlsx / .xlsm（宏保留）；旧版 .xls 与 WPS .et 经 LibreOffice 读取，结果写入新的 .xlsx。
  .xlsx / .xlsm (macros kept); old .xls and WPS .et are read through LibreOffice, results go into a new .xlsx.

  --sheet NAME   只核对这个工作表（默认：所有含报表的工作表） / only this sheet (default: every sheet with a statement)
  --out FILE     写出核对列（占比、增长等公式和说明）的新文件；输入文件不会被修改 / write the 核对· columns (ratio formulas, findings) into a new file; the input is never modified
  --json         在标准输出打印一个 JSON 文档 / print one JSON document on stdout
  --lang zh|en   文字语言 / language of the text output

Exit codes: 0 the check ran (whatever it found); 2 unusable input, or no statement to check
(stderr says what was looked for; with --json, stdout has {"ok": false, "error": "no-statement", …});
1 internal error.`;

export type AuditIo = Io;

export const command: CliCommand = {
  prefix: "jixiao audit",
  usage: AUDIT_USAGE,
  valued: ["sheet", "out", "lang"],
  switches: ["json"],
  run,
};

export const auditCommand: (argv: string[], io: AuditIo) => Promise<number> = commandRunner(command);

async function run({ positional, flags }: ParsedArgs, io: Io): Promise<number> {
  const { file, out } = inputAndOut(positional, flags, AUDIT_USAGE);
  const lang: Lang = flags.lang === "en" ? "en" : "zh";
  const opened = await openWorkbook(file);
  const { wb } = opened;
  const candidates = candidateSheets(wb, flags.sheet);
  const results: AuditResult[] = [];
  const plans: WritePlan[] = [];
  const reasons: string[] = [];
  const skipped: Array<{ sheet: string; kind: NotAStatement; reason: string; en: string }> = []; // the JSON's shape
  for (const ws of candidates) {
    const grid = wb.grid(ws);
    // a sheet this tool wrote on an earlier run is no statement, unless named with --sheet (core's rule)
    if (typeof flags.sheet !== "string" && isOwnSheet(grid)) continue;
    const outcome = auditGrid(grid);
    if (!outcome.ok) {
      reasons.push(`${ws.name}: ${inLang(outcome.reason, lang)}`);
      skipped.push({ sheet: ws.name, kind: outcome.kind, reason: outcome.reason.zh, en: outcome.reason.en });
      continue;
    }
    results.push(outcome.result);
    plans.push(...outcome.plans);
  }
  if (results.length === 0) {
    // nothing was audited: never an all-clear (docs/statement-audit.md, "No statement, nothing to check")
    io.err(`jixiao audit: ${CLI_ERRORS.noStatement(file)}${reasonLines(reasons)}`);
    if (flags.json) {
      const lookedFor = AUDIT_NOTICES.noStatement;
      io.out(JSON.stringify({ file, ok: false, error: "no-statement", lookedFor, sheets: skipped, findings: null }, null, 2));
    }
    return EXIT_UNUSABLE;
  }
  // the ratio formulas have no cached values: Excel computes them when the file opens
  const written = out ? writePlansOut(opened, file, out, plans, true) : null;
  const outFile = written ? written.path : null;
  const notes: Bilingual[] = written ? written.notes : [];
  const findings = results.flatMap((r) => r.findings);
  if (flags.json) {
    io.out(
      JSON.stringify(
        {
          file,
          ok: true,
          out: outFile,
          findings: findings.map(findingJson),
          sheets: results.map((r) => ({
            sheet: r.sheet,
            tables: r.tables,
            textCells: r.textCells,
            figureCount: r.figureCount,
            findings: r.findings.length,
            passed: r.passed,
            ratios: r.ratios,
            messages: r.messages.map(messageJson),
          })),
          plans: written ? written.placed : plans.map(placedAsPlanned),
          skipped,
          notes: notes.map((n) => n.en),
        },
        null,
        2,
      ),
    );
  } else {
    io.out([report(results, lang, outFile, reasons), ...notes.map((n) => inLang(n, lang))].join("\n"));
  }
  return EXIT_OK;
}

function report(results: AuditResult[], lang: Lang, out: string | null, skipped: string[]): string {
  const say = (text: Bilingual) => inLang(text, lang);
  const T = AUDIT_REPORT;
  const lines: string[] = [];
  for (const r of results) {
    const ranges = r.tables.map((t) => `${t.labelColumn}${t.firstRow}:${t.labelColumn}${t.lastRow}`).join(", ");
    lines.push(say(T.sheet({ sheet: r.sheet, tables: r.tables.length, ranges, textCells: r.textCells.length, figures: r.figureCount, passed: r.passed.length })));
    if (r.findings.length === 0) lines.push(say(T.noFindings));
    // errors first; each finding says its severity and its check in words, never the engine's codes
    const ordered = [...r.findings].sort((x, y) => (x.severity === y.severity ? 0 : x.severity === "error" ? -1 : 1));
    for (const f of ordered) lines.push(`  [${say(T.severity[f.severity])}] ${f.cell} ${say(CHECK_NAMES[f.check].name)}: ${say(f.message)}`);
    for (const m of r.messages) lines.push(`  ${say(m.text)}`);
  }
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  lines.push(say(T.findings(total)));
  if (skipped.length) lines.push(say(T.notAudited(skipped.join("; "))));
  if (out) lines.push(say(T.written(out)));
  return lines.join("\n");
}

