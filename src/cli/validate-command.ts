/**
 * `jixiao validate <file.xlsx>` (docs/rules.md §2, §5, §9; docs/standard-forms.md): find the
 * indicator table, check and score every row, and write the results into the --out copy.
 */
import { Grid } from "../core/basics/grid";
import { FORM_KINDS, formKind } from "../core/forms/registry";
import { PRESET_IDS } from "../core/indicators/presets";
import { CORE_TEXT, SEVERITY_LABELS } from "../core/basics/messages";
import { Problem, collectNotes, collectProblems } from "../core/indicators/problems";
import { STATUSES, STATUS_LABELS, ValidateResult } from "../core/indicators/results";
import { Bilingual, Lang, inLang } from "../core/basics/text";
import { ValidateOutcome, validateGrid } from "../core/indicators/validate";
import { ParsedArgs } from "./args";
import { CliCommand, EXIT_OK, EXIT_UNUSABLE, Io, commandRunner } from "./command";
import { validateJson } from "./json-output";
import { CLI_ERRORS, VALIDATE_REPORT } from "./messages";
import { UsageError, candidateSheets, inputAndOut, openWorkbook, reasonLines } from "./workbook-file";
import { placedAsPlanned, writePlansOut } from "./write-xlsx";

export const VALIDATE_USAGE = `用法 / usage:
  jixiao validate <file.xlsx> [--sheet NAME] [--preset ID] [--out OUT.xlsx] [--json] [--lang zh|en]

  核对绩效指标表：找到表头，逐行核对实际完成值与年度指标值，计算完成率与得分。
  Check an indicator table: find the header, check each actual against its target, score it.
  项目支出 / 部门整体支出绩效自评表：含预算执行得分、指标方向、日期与较上年目标；有无法核对的行时总分暂定、等级待定。
  The national project / department forms: budget line, direction column, dates and changes on last year;
  with unchecked rows the total is provisional and the grade pending (docs/standard-forms.md).
  表格类型（JSON 的 form.kind）/ form kinds (form.kind in --json): ${FORM_KINDS.map((k) => `${k.cli} ${k.label.zh}`).join("; ")}

  文件可为 .xlsx / .xlsm（宏保留）；旧版 .xls 与 WPS .et 经 LibreOffice 读取，结果写入新的 .xlsx。
  .xlsx / .xlsm (macros kept); old .xls and WPS .et are read through LibreOffice, results go into a new .xlsx.

  --sheet NAME   工作表名称（默认：第一个含指标表的工作表） / sheet (default: the first with an indicator table)
  --preset ID    评分方案 / scoring preset: ${PRESET_IDS.join(", ")}
  --out FILE     写出结果的新文件（输入文件不会被修改） / write results into a new file (the input is never modified)
  --json         在标准输出打印一个 JSON 文档 / print one JSON document on stdout
  --lang zh|en   文字语言 / language of the text output

Exit codes: 0 the check ran (whatever the verdicts); 2 unusable input; 1 internal error.`;

export const command: CliCommand = {
  prefix: "jixiao",
  usage: VALIDATE_USAGE,
  valued: ["sheet", "preset", "out", "lang"],
  switches: ["json"],
  run,
};

export const validateCommand: (argv: string[], io: Io) => Promise<number> = commandRunner(command);

async function run({ positional, flags }: ParsedArgs, io: Io): Promise<number> {
  const { file, out } = inputAndOut(positional, flags, VALIDATE_USAGE);
  const presetId = typeof flags.preset === "string" ? flags.preset : "default";
  if (!PRESET_IDS.includes(presetId)) throw new UsageError(CLI_ERRORS.unknownPreset(presetId, PRESET_IDS.join(", ")));
  const lang: Lang = flags.lang === "en" ? "en" : "zh";
  const opened = await openWorkbook(file);
  const { wb } = opened;
  const candidates = candidateSheets(wb, flags.sheet);
  let outcome: ValidateOutcome | null = null;
  let grid: Grid | null = null;
  const reasons: string[] = [];
  for (const ws of candidates) {
    grid = wb.grid(ws);
    outcome = validateGrid(grid, { settings: { presetId } });
    if (outcome.ok) break;
    reasons.push(`${ws.name}: ${inLang(outcome.reason, lang)}`);
  }
  if (!outcome || !outcome.ok || !grid) {
    io.err(`jixiao: ${CLI_ERRORS.noIndicatorTable(file)}${reasonLines(reasons)}`);
    return EXIT_UNUSABLE;
  }
  const { result, plan } = outcome;
  const written = out ? writePlansOut(opened, file, out, [plan]) : null;
  const outFile = written ? written.path : null;
  const notes: Bilingual[] = written ? written.notes : [];
  const placed = written ? written.placed[0] : placedAsPlanned(plan);
  if (flags.json) {
    io.out(JSON.stringify({ file, out: outFile, ...validateJson(result), plan: placed, notes: notes.map((n) => n.en) }, null, 2));
  } else {
    const lines = [report(result, lang, outFile, plan.mode === "new_sheet" ? placed.sheet : null)];
    for (const n of notes) lines.push(inLang(n, lang));
    io.out(lines.join("\n"));
  }
  return EXIT_OK;
}

function report(r: ValidateResult, lang: Lang, out: string | null, newSheet: string | null): string {
  const say = (text: Bilingual) => inLang(text, lang);
  const T = VALIDATE_REPORT;
  const lines: string[] = [];
  // in the sheet's order (A, B, …, AA)
  const byColumn = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const cols = Object.entries(r.columns)
    .sort((x, y) => byColumn(x[1], y[1]))
    .map(([k, v]): [Bilingual, string] => [T.roles[k] ?? { zh: k, en: k }, v]);
  lines.push(say(T.sheet({ sheet: r.sheet, headerRow: r.headerRow, columns: say(T.columns(cols)) })));
  const counts = STATUSES.map((s) => `${say(STATUS_LABELS[s])} ${r.summary.counts[s]}`).join(" | ");
  const f = r.form;
  if (formKind(f.kind).named) lines.push(say(T.formInfo(T.formKind[f.kind], f)));
  lines.push(`${say(T.rows(r.summary.rowCount))}: ${counts}`);
  const b = r.summary.budget;
  if (b) {
    const rate = b.rate === null ? "—" : `${(b.rate * 100).toFixed(2)}%`;
    const score = b.score === null ? say(b.points !== null && b.points > 0 ? CORE_TEXT.gradePending : T.notScored) : `${b.score.toFixed(2)} / ${b.points}`;
    lines.push(say(T.budget({ executed: b.executed, budget: b.budget, initialBudget: b.initialBudget, rate, score })));
  }
  const s = r.summary;
  if (s.totalScore !== null) {
    const common = { total: s.totalScore, points: s.pointsTotal, preset: s.presetId };
    if (s.final && s.gradeWithheld === "points_total") lines.push(say(T.totalNotGraded({ ...common, outOf: s.outOf })));
    else if (s.final) lines.push(say(T.totalGraded({ ...common, grade: s.gradeText })));
    else {
      const [lo, hi] = s.range ?? [s.totalScore, s.totalScore];
      lines.push(say(T.totalProvisional({ ...common, rows: s.undetermined.rows, unchecked: s.undetermined.points, lo, hi })));
    }
    if (s.statedGrade !== null) lines.push(say(T.statedGrade(s.statedGrade)));
  }
  // what a form family read beyond its rows (docs/form-families.md)
  if (s.weighted) {
    const parts = s.weighted.blocks.map((b) => `${b.name} ${b.weight}×${b.score ?? "—"}/${b.points ?? "—"}`).join(" + ");
    lines.push(say(T.weighted({ total: s.weighted.total, parts })));
  }
  if (s.levels?.length) {
    lines.push(say(T.levels));
    for (const l of s.levels) lines.push(say(T.level(l)));
  }
  if (s.blocks?.length) {
    lines.push(say(T.blocks));
    s.blocks.forEach((b, i) => lines.push(say(T.block({ title: b.title ?? `#${i + 1}`, cell: b.cell, points: b.points, score: b.score, rows: b.rowCount }))));
  }
  // core's list, errors first (docs/rules.md, "Severity"); each line says its severity and names its cell
  const line = (p: Problem) => {
    const where = p.row !== null ? `${p.cell ?? `row ${p.row}`} ${p.name}` : p.cell ?? say(T.wholeTable);
    return `  [${say(SEVERITY_LABELS[p.severity])}] ${where}: ${say(p.text)}`;
  };
  const { listed } = collectProblems(r);
  const problems = listed.filter((p) => p.severity !== "info" || p.row === null);
  if (problems.length) {
    const errors = problems.filter((p) => p.severity === "error").length;
    const warnings = problems.filter((p) => p.severity === "warning").length;
    lines.push(say(T.problems({ n: problems.length, errors, warnings })));
    lines.push(...problems.map(line));
  } else {
    lines.push(say(T.noProblems));
  }
  // the notes after the problems: every assumption shows in the text report, not only in --json
  const notes = collectNotes(r);
  if (notes.length) {
    lines.push(say(T.notes(notes.length)));
    lines.push(...notes.map(line));
  }
  if (out) lines.push(say(T.written(out, newSheet)));
  return lines.join("\n");
}
