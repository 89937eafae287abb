/**
 * `jixiao compare` (docs/rules.md §8, J2): build a comparison sheet from the bundled
 * seed data, optionally with the user's own department read from a label/value sheet, and write
 * it into an .xlsx (one sheet per run; an existing --out keeps its other sheets).
 */
import * as fs from "fs";
import * as path from "path";
import {
  CompareDepartment,
  ComparisonTemplate,
  SheetMessage,
  SheetPlan,
  TEMPLATES,
  TEMPLATE_IDS,
  buildComparisonSheet,
  computeRowValues,
  departmentHeader,
  departmentsByIds,
  missingRows,
  ownDepartmentFromGrid,
  seedDepartments,
  templateById,
} from "../core/compare";
import { DEPARTMENT_IDS } from "../core/seeds/seed-data";
import { TemplateId } from "../core/seeds/seed-schema";
import { Bilingual, bothLangs, inLang } from "../core/basics/text";
import { ParsedArgs } from "./args";
import { CliCommand, EXIT_OK, Io, commandRunner } from "./command";
import { chartJson, messageJson } from "./json-output";
import { CLI_ERRORS, COMPARE_REPORT, ownSource } from "./messages";
import { SheetWriteResult, applySheetPlan } from "./write-sheet-xlsx";
import { UsageError, candidateSheets, noPositional, openWorkbook, reasonLines, sameFile, saveWorkbook } from "./workbook-file";
import { XlsxWorkbook } from "./xlsx-workbook";


export type CommandIo = Io;

/** The templates for a usage or error message: id（中文 / English）. */
export const templateList = () => TEMPLATE_IDS.map((id) => `${id}（${bothLangs(TEMPLATES[id].title)}）`).join(", ");

/** The template a --template flag names; a wrong id is a usage error listing the valid ones. */
export function templateOf(flag: string | true): ComparisonTemplate {
  const template = typeof flag === "string" ? templateById(flag) : undefined;
  if (!template) throw new UsageError(CLI_ERRORS.unknownTemplate(String(flag), templateList()));
  return template;
}

export const COMPARE_USAGE = `用法 / usage:
  jixiao compare --template ID [--depts id,id] [--own FILE.xlsx [--own-sheet NAME]] --out OUT.xlsx [--json] [--lang zh|en]

  用内置种子数据生成标准对比表（新工作表：各部门并列，占比为实时公式，缺失为“—”并附批注）。
  Build a standard comparison sheet from the bundled seed data (departments side by side, live
  formulas for ratios, — with a note where a report gives nothing).

  --template ID    对比模板 / template: ${TEMPLATE_IDS.join(", ")}
  --depts ids      部门（逗号分隔，默认全部） / departments, comma-separated (default all): ${DEPARTMENT_IDS.join(", ")}
  --own FILE       本单位数据（两列：项目 | 数值 [| 单位]） / own department: a label/value sheet
  --own-sheet NAME 本单位数据所在工作表（默认：第一个可识别的） / its sheet (default: the first one that reads)
  --out FILE       输出文件；已存在时只替换该模板的工作表 / output; if it exists only the template's sheet is replaced
  --json           在标准输出打印一个 JSON 文档 / print one JSON document on stdout
  --lang zh|en     文字语言 / language of the text output

Exit codes: 0 written; 2 unusable input; 1 internal error.`;


function messageText(m: SheetMessage, en: boolean): string {
  return `${m.cell && !m.text.zh.startsWith(m.cell) ? `${m.cell} ` : ""}${inLang(m.text, en ? "en" : "zh")}`;
}

/** Read the own department: the named sheet, or the first visible sheet with known labels. */
async function readOwn(file: string, sheetName: string | undefined): Promise<{ department: CompareDepartment; messages: SheetMessage[] }> {
  const { wb } = await openWorkbook(file);
  const candidates = candidateSheets(wb, sheetName, file);
  const reasons: string[] = [];
  for (const ws of candidates) {
    const result = ownDepartmentFromGrid(wb.grid(ws), { document: ownSource(path.basename(file), ws.name) });
    if (result.department) return { department: result.department, messages: result.messages };
    for (const item of result.messages.map((m) => `${ws.name}: ${bothLangs(m.text)}`)) reasons.push(item);
  }
  throw new UsageError(`${CLI_ERRORS.noOwnFigures(file)}${reasonLines(reasons)}`);
}


export const command: CliCommand = {
  prefix: "jixiao",
  usage: COMPARE_USAGE,
  valued: ["template", "depts", "own", "own-sheet", "out", "lang"],
  switches: ["json"],
  run,
};

export const compareCommand: (argv: string[], io: CommandIo) => Promise<number> = commandRunner(command);

async function run({ positional, flags }: ParsedArgs, io: Io): Promise<number> {
  noPositional(positional, COMPARE_USAGE);
  const en = flags.lang === "en";
  if (typeof flags.template !== "string") throw new UsageError(CLI_ERRORS.templateRequired(templateList()));
  const template = templateOf(flags.template);
  if (typeof flags.out !== "string") throw new UsageError(`${CLI_ERRORS.outRequired}\n\n${COMPARE_USAGE}`);
  const out = flags.out;
  if (flags["own-sheet"] !== undefined && typeof flags.own !== "string") throw new UsageError(CLI_ERRORS.ownSheetNeedsOwn);

  let departments: CompareDepartment[];
  if (flags.depts !== undefined) {
    if (typeof flags.depts !== "string") throw new UsageError(CLI_ERRORS.deptsNeedList);
    const ids = flags.depts.split(/[,，\s]+/).filter((s) => s !== "");
    const { departments: found, unknown } = departmentsByIds(ids);
    if (unknown.length) throw new UsageError(CLI_ERRORS.unknownDepartments(unknown.map((u) => `"${u}"`).join(", "), DEPARTMENT_IDS.join(", ")));
    if (found.length === 0) throw new UsageError(CLI_ERRORS.deptsEmpty(DEPARTMENT_IDS.join(", ")));
    departments = found;
  } else {
    departments = seedDepartments();
  }

  let ownMessages: SheetMessage[] = [];
  if (typeof flags.own === "string") {
    if (sameFile(flags.own, out)) {
      throw new UsageError(CLI_ERRORS.outIsOwn);
    }
    const own = await readOwn(flags.own, typeof flags["own-sheet"] === "string" ? flags["own-sheet"] : undefined);
    departments = [own.department, ...departments];
    ownMessages = own.messages;
  }

  const plan = buildComparisonSheet(template, departments, { messages: ownMessages });
  const wb = fs.existsSync(out) ? (await openWorkbook(out, "output")).wb : XlsxWorkbook.blank();
  const written = applySheetPlan(wb, plan);
  // formulas are written without cached results: Excel computes them when the file opens
  wb.setFullCalcOnLoad();
  saveWorkbook(wb, out);

  if (flags.json) io.out(JSON.stringify(compareJson(plan, template.id, departments, out, written), null, 2));
  else io.out(compareReport(plan, template.id, departments, out, written, en));
  return EXIT_OK;
}

function rowValuesFor(templateId: TemplateId, departments: CompareDepartment[]) {
  return departments.map((d) => ({ dept: d, values: computeRowValues(templateId, d) }));
}

function compareJson(plan: SheetPlan, templateId: TemplateId, departments: CompareDepartment[], out: string, written: SheetWriteResult) {
  const all = rowValuesFor(templateId, departments);
  return {
    template: templateId,
    title: plan.title.zh,
    titleEn: plan.title.en,
    out,
    sheet: written.sheet,
    replaced: written.replaced,
    ...(written.renamed ? { renamed: written.renamed.en } : {}),
    table: { name: plan.table.name, range: plan.table.range, written: written.table, ...(written.tableReason ? { reason: written.tableReason.en } : {}) },
    chart: plan.chart ? { ...chartJson(plan.chart), written: false, reason: "the CLI writes no charts; the add-in draws it when it makes the sheet in Excel" } : null,
    departments: plan.columns.map((c) => ({ id: c.departmentId, header: c.header, column: c.letter, own: c.own })),
    rows: plan.rows.map((r) => ({
      key: r.key,
      label: r.label,
      kind: r.kind,
      row: r.row,
      ...(r.figure ? { figure: r.figure } : {}),
      values: Object.fromEntries(
        all.map(({ dept, values }) => {
          const v = values.get(r.key);
          return [dept.id, v?.kind === "number" ? v.value : v?.kind === "text" ? v.text : null];
        }),
      ),
    })),
    missing: Object.fromEntries(departments.map((d) => [d.id, missingRows(templateId, d).map((r) => r.key)])),
    messages: plan.messages.map(messageJson),
  };
}

function compareReport(plan: SheetPlan, templateId: TemplateId, departments: CompareDepartment[], out: string, written: SheetWriteResult, en: boolean): string {
  const say = (text: Bilingual) => inLang(text, en ? "en" : "zh");
  const T = COMPARE_REPORT;
  const lines: string[] = [];
  const table = written.table === "table" ? T.table(plan.table) : T.styledHeader(plan.table.range);
  lines.push(say(T.written({ sheet: written.sheet, replaced: written.replaced, out, table })));
  lines.push(say(T.departments(departments.map((d) => departmentHeader(d)))));
  const missing = departments.map((d) => ({ d, rows: missingRows(templateId, d) })).filter((x) => x.rows.length > 0);
  if (missing.length) {
    lines.push(say(T.notGiven));
    for (const { d, rows } of missing) lines.push(`  ${departmentHeader(d)}: ${say(T.missingRows(rows.map((r) => r.label)))}`);
  }
  const notable = plan.messages.filter((m) => m.code !== "compare_missing");
  if (notable.length) {
    lines.push(say(T.notes));
    for (const m of notable) lines.push(`  ${messageText(m, en)}`);
  }
  if (written.renamed) lines.push(say(written.renamed));
  if (written.tableReason) lines.push(say(written.tableReason));
  if (plan.chart) lines.push(say(T.chart({ title: plan.chart.title, series: plan.chart.series.length })));
  return lines.join("\n");
}

