/**
 * `jixiao seeds` (docs/rules.md §8): list the bundled departments, their level, year and figures.
 */
import { consistentReadings, readingNote } from "../core/compare/consistent-reading";
import { SEEDS } from "../core/seeds/seed-data";
import { reportById, reportTitle } from "../core/seeds/seed-reports";
import { FIGURE_CATALOG, FigureId, Seed, TEMPLATE_IDS, templateFigureIds } from "../core/seeds/seed-schema";
import { Bilingual, inLang } from "../core/basics/text";
import { ParsedArgs } from "./args";
import { CliCommand, EXIT_OK, Io, commandRunner } from "./command";
import { templateOf } from "./compare-command";
import { SEEDS_REPORT } from "./messages";
import { noPositional } from "./workbook-file";

export const SEEDS_USAGE = `用法 / usage:
  jixiao seeds [--template ID] [--json] [--lang zh|en]

  列出内置种子数据：部门、级别、年度及其数据项。 / List the bundled departments, their level, year and figures.

  --template ID    只列该对比模板用到的数据项 / only the figures of one template: ${TEMPLATE_IDS.join(", ")}
  --json           打印种子数据（JSON） / print the seeds as JSON

Exit codes: 0 listed; 2 unusable input; 1 internal error.`;


export const command: CliCommand = {
  prefix: "jixiao",
  usage: SEEDS_USAGE,
  valued: ["template", "lang"],
  switches: ["json"],
  run,
};

export const seedsCommand: (argv: string[], io: Io) => Promise<number> = commandRunner(command);

async function run({ positional, flags }: ParsedArgs, io: Io): Promise<number> {
  noPositional(positional, SEEDS_USAGE);
  const ids: FigureId[] | null = flags.template !== undefined ? templateFigureIds(templateOf(flags.template).id) : null;
  if (flags.json) {
    const seeds = ids === null ? SEEDS : SEEDS.map((s) => filterSeed(s, ids as FigureId[]));
    io.out(JSON.stringify(seeds, null, 2));
    return EXIT_OK;
  }
  const en = flags.lang === "en";
  io.out(SEEDS.flatMap((s) => [...seedLines(s, ids, en), ""]).join("\n").trimEnd());
  return EXIT_OK;
}

function formatNumber(v: number): string {
  const [int, frac] = String(v).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function seedLines(seed: Seed, ids: FigureId[] | null, en: boolean): string[] {
  const say = (text: Bilingual) => inLang(text, en ? "en" : "zh");
  const T = SEEDS_REPORT;
  const lines: string[] = [];
  lines.push(`${seed.id}  ${en ? seed.departmentEn : seed.department}  ${say(T.level[seed.level])}  ${seed.year}`);
  const report = reportById(seed.source);
  lines.push(`  ${say(T.source)}: ${reportTitle(seed.source)}${report ? `  seeds/reports/${report.file}` : ""}`);
  const entries = (Object.entries(seed.figures) as [FigureId, NonNullable<Seed["figures"][FigureId]>][]).filter(([id]) => ids === null || ids.includes(id));
  const missing = seed.missing.filter((id) => ids === null || ids.includes(id));
  lines.push(`  ${say(T.figures)} ${entries.length}, ${say(T.missing)} ${missing.length}`);
  // a figure the report's own sum proves wrong in magnitude is printed in its consistent reading, flagged,
  // as compare shows it (docs/rules.md §8): one reading of units everywhere
  const readings = new Map(consistentReadings(seed.figures).map((r) => [r.figure, r]));
  for (const [id, f] of entries) {
    const label = say(FIGURE_CATALOG[id].label);
    const reading = readings.get(id);
    const shown = reading ? reading.value : f.value;
    const value = f.text ?? (shown !== undefined ? `${formatNumber(shown)} ${f.unit}` : "");
    const written = f.valueAsWritten !== undefined ? `${f.valueAsWritten}${f.unitAsWritten ?? ""}` : f.text;
    const flags = [reading ? say(T.consistentReading(readingNote(reading), reading)) : "", f.alternatives ? say(f.conflict ? T.conflict : T.secondValue) : "", f.qualifier ?? ""].filter((s) => s !== "");
    lines.push(`  ${id}  ${label} = ${value}  (${say(T.asWritten)} ${written}, ${f.source.section})${flags.length ? ` [${flags.join(", ")}]` : ""}`);
  }
  if (missing.length) lines.push(`  ${say(T.missing)}: ${missing.join(", ")}`);
  return lines;
}

function filterSeed(seed: Seed, ids: FigureId[]): Seed {
  const figures = Object.fromEntries(Object.entries(seed.figures).filter(([id]) => ids.includes(id as FigureId)));
  const missingNotes = Object.fromEntries(Object.entries(seed.missingNotes ?? {}).filter(([id]) => ids.includes(id as FigureId)));
  return { ...seed, figures, missing: seed.missing.filter((id) => ids.includes(id)), missingNotes };
}
