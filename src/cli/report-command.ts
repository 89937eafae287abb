/**
 * `jixiao report <file.xlsx>` (docs/report.md): check the indicator table as `validate` does, draft
 * the 自评报告 from the checked results (core: src/core/report) and write it as a .docx; --json
 * prints the report model. The workbook is only read: nothing is written into it.
 */
import * as fs from "fs";
import * as path from "path";
import { PRESET_IDS } from "../core/indicators/presets";
import { Lang, inLang } from "../core/basics/text";
import { ValidateOutcome, validateGrid } from "../core/indicators/validate";
import { Grid } from "../core/basics/grid";
import { DEPARTMENT_IDS, seedById } from "../core/seeds/seed-data";
import type { Seed } from "../core/seeds/seed-schema";
import { StatementInput, buildReport, paragraphText, reportParagraphs } from "../core/report";
import { auditGrid } from "../core/audit/audit";
import { ParsedArgs } from "./args";
import { CliCommand, EXIT_OK, EXIT_UNUSABLE, Io, commandRunner } from "./command";
import { CLI_ERRORS, REPORT_REPORT } from "./messages";
import { UsageError, candidateSheets, inputAndOut, openWorkbook, reasonLines } from "./workbook-file";

export const REPORT_USAGE = `用法 / usage:
  jixiao report <file.xlsx> [--sheet NAME] [--preset ID] [--compare ID,ID] [--statement SHEET] [--out 自评报告.docx] [--json] [--lang zh|en]

  起草绩效自评报告：核对指标表后，按核对结果起草自评报告（基本情况、自评结论、逐项指标完成情况、
  偏差原因、存在问题与改进措施、指标核对表）。所有数字取自核对结果并注明单元格；只有填报人能写的
  内容留作【请填写：……】，并在文末列出待补充处。
  Draft the self-evaluation report from the checked table: every figure from the check with its cell,
  what only the officer can write left as a visible placeholder and listed at the end.

  --sheet NAME     工作表名称（默认：第一个含指标表的工作表） / sheet (default: the first with an indicator table)
  --preset ID      评分方案 / scoring preset: ${PRESET_IDS.join(", ")}
  --compare IDS    与内置部门比较自评得分 / compare the score with bundled peers: ${DEPARTMENT_IDS.join(", ")}
  --statement SHEET  核对该工作表的收支表，收支数字与核对结果写入报告 / audit that sheet's statement and cite its figures
  --out FILE.docx  写出 Word 文件（输入文件不会被修改） / write the report as a .docx (the input is never modified)
  --json           在标准输出打印报告模型 / print the report model as JSON
  --lang zh|en     提示信息语言（报告正文为中文） / language of the messages (the report itself is Chinese)

Exit codes: 0 the report was drafted; 2 unusable input; 1 internal error.`;

export const command: CliCommand = {
  prefix: "jixiao report",
  usage: REPORT_USAGE,
  valued: ["sheet", "preset", "compare", "statement", "out", "lang"],
  switches: ["json"],
  run,
};

export const reportCommand: (argv: string[], io: Io) => Promise<number> = commandRunner(command);

function peersOf(flag: string | true | undefined): Seed[] {
  if (flag === undefined) return [];
  const ids = typeof flag === "string" ? flag.split(/[,，\s]+/).filter((s) => s !== "") : [];
  if (ids.length === 0) throw new UsageError(CLI_ERRORS.deptsEmpty(DEPARTMENT_IDS.join(", ")));
  const unknown = ids.filter((id) => !seedById(id));
  if (unknown.length) throw new UsageError(CLI_ERRORS.unknownPeers(unknown.map((u) => `"${u}"`).join(", "), DEPARTMENT_IDS.join(", ")));
  return ids.map((id) => seedById(id) as Seed);
}

async function run({ positional, flags }: ParsedArgs, io: Io): Promise<number> {
  const { file, out } = inputAndOut(positional, flags, REPORT_USAGE);
  if (out && path.extname(out).toLowerCase() !== ".docx") throw new UsageError(CLI_ERRORS.reportOutNotDocx(out));
  const presetId = typeof flags.preset === "string" ? flags.preset : "default";
  if (!PRESET_IDS.includes(presetId)) throw new UsageError(CLI_ERRORS.unknownPreset(presetId, PRESET_IDS.join(", ")));
  const peers = peersOf(flags.compare);
  const lang: Lang = flags.lang === "en" ? "en" : "zh";
  const { wb } = await openWorkbook(file);
  let outcome: ValidateOutcome | null = null;
  let grid: Grid | null = null;
  const reasons: string[] = [];
  for (const ws of candidateSheets(wb, flags.sheet)) {
    grid = wb.grid(ws);
    outcome = validateGrid(grid, { settings: { presetId } });
    if (outcome.ok) break;
    reasons.push(`${ws.name}: ${inLang(outcome.reason, lang)}`);
  }
  if (!outcome || !outcome.ok || !grid) {
    io.err(`jixiao report: ${CLI_ERRORS.noIndicatorTable(file)}${reasonLines(reasons)}`);
    return EXIT_UNUSABLE;
  }
  let statement: StatementInput | undefined;
  if (flags.statement !== undefined) {
    const [ws] = candidateSheets(wb, typeof flags.statement === "string" ? flags.statement : "", file);
    const audited = auditGrid(wb.grid(ws));
    if (!audited.ok) throw new UsageError(CLI_ERRORS.noStatementOn(ws.name, inLang(audited.reason, lang)));
    statement = { result: audited.result, statement: audited.statement };
  }
  const report = buildReport({ grid, result: outcome.result, peers, statement });
  if (out) {
    // the .docx writer loads only when a file is written
    const { reportDocx } = await import("../docx/report-docx");
    const bytes = await reportDocx(report);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, bytes);
  }
  if (flags.json) {
    io.out(JSON.stringify({ file, out, report }, null, 2));
    return EXIT_OK;
  }
  const say = (t: { zh: string; en: string }) => inLang(t, lang);
  const lines = [say(REPORT_REPORT.drafted({ title: report.title, sheet: report.sheet }))];
  const s = outcome.result.summary;
  if (!s.final && s.totalScore !== null) {
    const [lo, hi] = s.range ?? [s.totalScore, s.totalScore];
    lines.push(say(REPORT_REPORT.provisional({ rows: s.undetermined.rows, lo, hi })));
  }
  lines.push(say(REPORT_REPORT.pending(report.placeholders.length)));
  if (out) {
    lines.push(say(REPORT_REPORT.written(out)));
  } else {
    lines.push(say(REPORT_REPORT.noOut), "", report.title);
    let heading = "";
    for (const { heading: h, paragraph } of reportParagraphs(report)) {
      if (h !== heading) lines.push("", h);
      heading = h;
      lines.push(paragraphText(paragraph));
    }
  }
  io.out(lines.join("\n"));
  return EXIT_OK;
}
