/**
 * `jixiao review <file-or-folder>… --out 复核汇总.xlsx [--json] [--jobs N] [--preset ID]`
 * (docs/review.md): every workbook under the inputs checked, one summary workbook written. The
 * rules (which sheets, the row of a result, the order) are core's (src/core/review); this file
 * only finds files, runs them in worker threads and writes the summary. Inputs are only read.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { PRESET_IDS } from "../core/indicators/presets";
import { cellText } from "../core/basics/grid";
import { LinkTargets, ReviewReport, SUMMARY_TITLE, SUMMARY_TITLE_EN, SheetLayout, problemsLayout, sheetTarget, skippedLayout, sortReport, summaryLayout } from "../core/review";
import { type Lang, inLang } from "../core/basics/text";
import { ParsedArgs } from "./args";
import { CliCommand, EXIT_OK, EXIT_UNUSABLE, Io, runCommand } from "./command";
import { FileJob, FileOutcome, reviewFile } from "./review-file";
import { reviewJson } from "./json-output";
import { CLI_ERRORS, CLI_UNREADABLE, REVIEW_REPORT } from "./messages";
import { UsageError } from "./workbook-file";
import { XlsxWorkbook } from "./xlsx-workbook";

/**
 * Files a thread must have in front of it before the default starts it (docs/review.md, "Speed"):
 * a worker spends 150–350 ms loading the engine and warming its compiled code, the time the main
 * thread needs for about 250 files, so on a smaller batch it only competes for the cores.
 */
export const FILES_PER_THREAD = 250;

/** The default thread count: the core count, but no more threads than the batch can keep busy. */
export function defaultThreads(files: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.ceil(files / FILES_PER_THREAD)));
}

/** Extensions a folder is searched for (a file named on the command line is always tried). */
export const REVIEW_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".et"];

export const REVIEW_USAGE = `用法 / usage:
  jixiao review <文件或文件夹 file-or-folder>… --out 复核汇总.xlsx [--json] [--jobs N] [--preset ID] [--lang zh|en]

  复核一批自评表：逐个工作簿、逐个含指标表或收支报表的工作表核对，写出一个汇总工作簿
  （汇总、问题清单、未能读取）。文件夹含子文件夹；输入文件不会被修改。
  Review a batch of submissions: every sheet holding an indicator table or a statement in every
  workbook, one summary workbook out (汇总 summary, 问题清单 problems, 未能读取 not read).
  Folders are searched recursively (${REVIEW_EXTENSIONS.join(" ")}); inputs are never modified.

  --out FILE     汇总工作簿 / the summary workbook (.xlsx)
  --json         在标准输出打印一个 JSON 文档（不显示进度） / print one JSON document on stdout (no progress)
  --lang zh|en   汇总工作簿与报告的语言（默认中文，一个工作簿只用一种语言） / the language of the summary workbook and the report (default zh; one language per workbook)
  --jobs N       并行处理的线程数（默认：CPU 核数；文件少时少用，每线程约 ${FILES_PER_THREAD} 个文件起）
                 / threads (default: the core count, fewer for a small batch: one per ${FILES_PER_THREAD} files)
  --preset ID    评分方案 / scoring preset: ${PRESET_IDS.join(", ")}

Exit codes: 0 the batch ran (whatever it found); 2 nothing usable (no workbook gave a table), or a usage error; 1 internal error.`;

export type ReviewIo = Io;

export interface ReviewRunOptions {
  /** the compiled worker script; default: review-worker.js beside this file when it exists */
  workerScript?: string;
}

/** Files under the inputs, in a stable order; a named file is taken whatever its extension. */
export function collectFiles(inputs: string[], exclude: string[]): { jobs: Array<{ path: string; display: string }>; missing: string[] } {
  const jobs: Array<{ path: string; display: string }> = [];
  const missing: string[] = [];
  const seen = new Set(exclude.map((e) => path.resolve(e)));
  const add = (p: string, display: string) => {
    const abs = path.resolve(p);
    if (seen.has(abs)) return;
    seen.add(abs);
    jobs.push({ path: p, display });
  };
  const walk = (dir: string, rel: string) => {
    const names = fs.readdirSync(dir).sort();
    for (const n of names) {
      const full = path.join(dir, n);
      const shown = rel ? `${rel}/${n}` : n;
      let st: fs.Stats;
      try {
        st = fs.statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(full, shown);
      // ~$name.xlsx: the lock file Excel keeps beside an open workbook, not a submission
      else if (!n.startsWith("~$") && REVIEW_EXTENSIONS.includes(path.extname(n).toLowerCase())) add(full, shown);
    }
  };
  for (const input of inputs) {
    if (!fs.existsSync(input)) {
      missing.push(input);
      continue;
    }
    // one folder: paths inside it; several inputs: each as given, so two folders of one name stay apart
    const shown = input.split(path.sep).join("/").replace(/(.)\/+$/, "$1");
    if (fs.statSync(input).isDirectory()) walk(input, inputs.length > 1 ? shown : "");
    else add(input, inputs.length > 1 || !path.isAbsolute(input) ? shown : path.basename(input));
  }
  return { jobs, missing };
}

function defaultWorkerScript(): string | null {
  const beside = path.join(__dirname, "review-worker.js");
  return fs.existsSync(beside) ? beside : null;
}

/**
 * Run the jobs: with `threads` > 1 and a worker script, in this thread and `threads` − 1 worker
 * threads pulling the next file as they finish one; else one by one here. Results in job order,
 * whatever finished first.
 */
/** Files handed to a worker ahead of the one it is on (docs/review.md, "Speed"). */
const WORKER_PREFETCH = 3;

export async function runJobs(jobs: FileJob[], threads: number, workerScript: string | null, onDone: (done: number, job: FileJob) => void): Promise<FileOutcome[]> {
  const results: FileOutcome[] = new Array(jobs.length);
  let done = 0;
  if (threads <= 1 || !workerScript || jobs.length <= 1) {
    for (let i = 0; i < jobs.length; i++) {
      results[i] = await reviewFile(jobs[i]);
      onDone(++done, jobs[i]);
    }
    return results;
  }
  // the main thread takes files too, from the start: the workers need a moment to load
  const n = Math.min(threads, jobs.length) - 1;
  let next = 0;
  const here = async () => {
    while (next < jobs.length) {
      const id = next++;
      results[id] = await reviewFile(jobs[id]);
      onDone(++done, jobs[id]);
      // let the workers' messages in between two files
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([
    here(),
    ...Array.from({ length: n }, () => {
      const w = new Worker(workerScript);
      return new Promise<void>((resolve, reject) => {
        // a few files in flight per worker: the main thread answers a worker only between two of
        // its own files, so a worker holding one file at a time would wait for it each time
        let inFlight = 0;
        const give = () => {
          while (inFlight < WORKER_PREFETCH && next < jobs.length) {
            const id = next++;
            inFlight++;
            w.postMessage({ id, job: jobs[id] });
          }
          if (inFlight === 0) void w.terminate().then(() => resolve());
        };
        w.on("message", (m: { id: number; outcome?: FileOutcome; error?: string }) => {
          inFlight--;
          const job = jobs[m.id];
          results[m.id] = m.outcome ?? {
            rows: [],
            problems: [],
            skip: { file: job.display, kind: "unreadable", reason: CLI_UNREADABLE.failedWhileReading(m.error ?? "") },
            legacy: false,
          };
          onDone(++done, job);
          give();
        });
        w.on("error", reject);
        give();
      });
    }),
  ]);
  return results;
}

/** A file this command wrote earlier (its first sheet's A1 is the summary's title): the only file --out may replace. */
function isOurSummary(file: string): boolean {
  try {
    if (fs.statSync(file).isDirectory()) return false;
    const wb = XlsxWorkbook.fromBytes(fs.readFileSync(file));
    const first = wb.sheets.find((s) => s.kind === "worksheet");
    const a1 = first !== undefined ? cellText(wb.grid(first).values[0]?.[0]) : "";
    return a1.startsWith(SUMMARY_TITLE) || a1.startsWith(SUMMARY_TITLE_EN);
  } catch {
    return false;
  }
}

/** Link targets of the CLI's summary: the file relative to the summary workbook, a cell as file#'Sheet'!A1. */
function cliLinks(outFile: string, paths: Map<string, string>): LinkTargets {
  const outDir = path.dirname(path.resolve(outFile));
  const rel = (file: string) => {
    const p = paths.get(file);
    return p ? path.relative(outDir, path.resolve(p)).split(path.sep).join("/") : null;
  };
  return {
    file: (file) => rel(file),
    cell: (file, sheet, cell) => {
      const r = rel(file);
      return r ? `${r}${sheetTarget(sheet, cell)}` : null;
    },
  };
}

/** Write one layout as a sheet of a workbook we make: cells, formats, table, frozen header, colours. */
export function writeLayout(wb: XlsxWorkbook, layout: SheetLayout): void {
  const entry = wb.addSheet(layout.name, { freeze: { rows: layout.freezeRows, columns: 0 } });
  const ed = wb.edit(entry);
  layout.cells.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v === null) return;
      ed.setValue(i + 1, j + 1, typeof v === "object" ? { formula: v.formula.replace(/^=/, ""), cached: v.cached } : v);
    }),
  );
  layout.numberFormats.forEach((line, i) =>
    line.forEach((f, j) => {
      // a string is written as text already: "@" matters only on cells without one
      const v = layout.cells[i][j];
      if (f !== "General" && !(f === "@" && (typeof v === "string" || v === null))) ed.setStyle(i + 1, j + 1, { numFmt: f });
    }),
  );
  ed.setStyle(1, 1, { bold: true, fontSize: 13 });
  if (layout.table) {
    wb.addTable(entry, {
      name: layout.table.name,
      ref: layout.table.range,
      columns: layout.columns.map((c) => c.header.zh),
      style: "TableStyleMedium2",
      rowStripes: true,
      filterButton: true,
    });
  } else {
    layout.columns.forEach((_, j) => ed.setStyle(layout.headerRow, j + 1, { bold: true, fill: "#4472C4", fontColor: "#FFFFFF" }));
  }
  if (layout.footRow) layout.columns.forEach((_, j) => ed.setStyle(layout.footRow as number, j + 1, { bold: true }));
  for (const f of layout.fills) ed.setStyle(f.row, f.col, { fill: f.fill, fontColor: f.font });
  layout.columns.forEach((c, j) => ed.setWidth(j + 1, c.width));
}

/** The summary workbook's bytes. */
export function summaryWorkbook(report: ReviewReport, links: LinkTargets, lang: Lang = "zh"): Uint8Array {
  const wb = XlsxWorkbook.blank();
  writeLayout(wb, summaryLayout(report.rows, links, null, true, lang));
  writeLayout(wb, problemsLayout(report.problems, links, lang));
  writeLayout(wb, skippedLayout(report.skipped, lang));
  // links and totals are formulas: Excel computes them when the file opens
  wb.setFullCalcOnLoad();
  return wb.toBytes();
}

function progress(io: ReviewIo, json: boolean, total: number): (done: number, job: FileJob) => void {
  if (json) return () => undefined;
  if (io.tty && io.errRaw) {
    const raw = io.errRaw;
    return (done, job) => {
      const width = 30;
      const fill = Math.round((done / total) * width);
      raw(`\r[${"#".repeat(fill)}${"-".repeat(width - fill)}] ${done}/${total} ${job.display.slice(-40).padEnd(40)}`);
      if (done === total) raw("\n");
    };
  }
  return (done, job) => io.err(`[${done}/${total}] ${job.display}`);
}

export const command: CliCommand<ReviewRunOptions | undefined> = {
  prefix: "jixiao review",
  usage: REVIEW_USAGE,
  valued: ["out", "jobs", "preset", "lang"],
  switches: ["json"],
  run: (args, io, options) => run(args, io, options ?? {}),
};

export function reviewCommand(argv: string[], io: ReviewIo, options: ReviewRunOptions = {}): Promise<number> {
  return runCommand(command, argv, io, options);
}

async function run({ positional, flags }: ParsedArgs, io: Io, options: ReviewRunOptions): Promise<number> {
  if (positional.length === 0) throw new UsageError(`${CLI_ERRORS.reviewInputs}\n\n${REVIEW_USAGE}`);
  const out = typeof flags.out === "string" ? flags.out : null;
  const json = flags.json === true;
  if (!out && !json) throw new UsageError(`${CLI_ERRORS.reviewOutOrJson}\n\n${REVIEW_USAGE}`);
  if (out && ![".xlsx"].includes(path.extname(out).toLowerCase())) throw new UsageError(CLI_ERRORS.reviewOutNotXlsx(out));
  const presetId = typeof flags.preset === "string" ? flags.preset : "default";
  if (flags.lang !== undefined && flags.lang !== "zh" && flags.lang !== "en") throw new UsageError(CLI_ERRORS.langValue);
  const lang: Lang = flags.lang === "en" ? "en" : "zh";
  if (!PRESET_IDS.includes(presetId)) throw new UsageError(CLI_ERRORS.unknownPreset(presetId, PRESET_IDS.join(", ")));
  let threads: number | null = null;
  if (flags.jobs !== undefined) {
    const n = Number(flags.jobs);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(CLI_ERRORS.jobsRange);
    threads = n;
  }
  if (out && fs.existsSync(out) && !isOurSummary(out)) {
    throw new UsageError(CLI_ERRORS.outNotOurs(out));
  }
  const { jobs: found, missing } = collectFiles(positional, out ? [out] : []);
  for (const m of missing) io.err(`jixiao review: ${CLI_ERRORS.noSuchPath(m)}`);
  const jobs: FileJob[] = found.map((f) => ({ ...f, settings: { presetId } }));
  const workerScript = options.workerScript ?? defaultWorkerScript();
  const cores = Math.max(1, os.availableParallelism ? os.availableParallelism() : os.cpus().length);
  const outcomes = await runJobs(jobs, threads ?? defaultThreads(jobs.length, cores), workerScript, progress(io, json, jobs.length));
  const report: ReviewReport = { rows: [], problems: [], skipped: [] };
  for (const o of outcomes) {
    report.rows.push(...o.rows);
    report.problems.push(...o.problems);
    if (o.skip) report.skipped.push(o.skip);
  }
  for (const m of missing) report.skipped.push({ file: m, kind: "unreadable", reason: CLI_UNREADABLE.missing });
  sortReport(report);
  if (!json) for (const s of report.skipped) io.err(`${CLI_ERRORS.notRead}: ${s.file}: ${inLang(s.reason, lang)}`);
  if (out) {
    const paths = new Map(found.map((f) => [f.display, f.path]));
    const bytes = summaryWorkbook(report, cliLinks(out, paths), lang);
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    fs.writeFileSync(out, bytes);
  }
  const usable = report.rows.length > 0;
  if (json) {
    io.out(JSON.stringify({ ok: usable, out, files: jobs.length, ...reviewJson(report) }, null, 2));
  } else {
    const errors = report.rows.reduce((n, r) => n + r.problems.error, 0);
    const warnings = report.rows.reduce((n, r) => n + r.problems.warning, 0);
    const reviewed = REVIEW_REPORT.reviewed({ files: jobs.length, tables: report.rows.length, errors, warnings, notRead: report.skipped.length });
    io.out(inLang(reviewed, lang) + (out ? `\n${inLang(REVIEW_REPORT.written(out), lang)}` : ""));
  }
  if (!usable) {
    io.err(`jixiao review: ${CLI_ERRORS.nothingUsable(jobs.length)}`);
    return EXIT_UNUSABLE;
  }
  return EXIT_OK;
}
