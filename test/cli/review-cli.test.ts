/**
 * `jixiao review` on a folder made here (docs/review.md): both national forms, a plain table, a
 * statement, a workbook of several sheets, an empty workbook, a corrupt file, a text file named
 * .xlsx and an old .xls. The rows and problems of each, the files not read with their reasons,
 * every input byte-identical afterwards, the same output with --jobs 1 and --jobs 3 (worker
 * threads run a bundle of the worker made here, so the test needs no prior build).
 */
import { buildSync } from "esbuild";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OoxmlPackage } from "../../src/cli/ooxml-package";
import { findSoffice } from "../../src/cli/legacy-convert";
import { FILES_PER_THREAD, REVIEW_USAGE, defaultThreads, reviewCommand } from "../../src/cli/review-command";
import { XlsxWorkbook } from "../../src/cli/xlsx-workbook";
import { CellValue } from "../../src/core/basics/grid";
import { ReviewReportJsonSchema as ReviewReportSchema, type ReviewReportJson } from "../../src/cli/json-output";
import { FormFixture, departmentForm, projectForm } from "../fixtures/standard-forms";
import { expectCleanPackage } from "./package-assert";

let dir: string;
let inputs: string;
let workerScript: string;
const HAS_SOFFICE = findSoffice() !== null;

type Sheet = { name: string; values: CellValue[][]; merges?: string[]; formats?: (string | null)[][] };

async function writeBook(file: string, sheets: Sheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        const fmt = s.formats?.[r]?.[c];
        if (fmt) cell.numFmt = fmt;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
}

const form = (name: string, f: FormFixture): Sheet => ({ name, values: f.values, merges: f.merges, formats: f.numberFormats });

/** A plain scored table: one row met, one not met (score stated 20, computed 18), one qualitative. */
const PLAIN: CellValue[][] = [
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 20, 20],
  ["产出指标", "质量指标", "合格率", "≥95%", "90%", 20, 20],
  ["效益指标", "社会效益指标", "群众知晓度", "有效提升", "达成年度指标", 20, 18],
];

/** A statement: 本年收入合计 100 ≠ 60 + 30. */
const STATEMENT: CellValue[][] = [
  ["收入支出决算表"],
  ["单位：万元"],
  ["项目", "本年数"],
  ["本年收入合计", 100],
  ["财政拨款收入", 60],
  ["其他收入", 30],
  ["本年支出合计", 90],
  ["基本支出", 50],
  ["项目支出", 40],
];

const NOTES: CellValue[][] = [["说明"], ["本工作簿为项目清单，无指标。"]];

async function makeFolder(root: string): Promise<void> {
  fs.mkdirSync(path.join(root, "项目"), { recursive: true });
  fs.mkdirSync(path.join(root, "部门", "二级"), { recursive: true });
  await writeBook(path.join(root, "项目", "project.xlsx"), [form("自评表", projectForm())]);
  await writeBook(path.join(root, "部门", "二级", "department.xlsx"), [form("部门自评", departmentForm())]);
  await writeBook(path.join(root, "plain.xlsx"), [{ name: "指标", values: PLAIN }]);
  await writeBook(path.join(root, "statement.xlsx"), [{ name: "收支", values: STATEMENT }]);
  await writeBook(path.join(root, "multi.xlsx"), [{ name: "说明", values: NOTES }, form("项目A", projectForm()), form("部门B", departmentForm())]);
  await writeBook(path.join(root, "empty.xlsx"), [{ name: "Sheet1", values: [] }]);
  // a zip that stops halfway
  const good = fs.readFileSync(path.join(root, "plain.xlsx"));
  fs.writeFileSync(path.join(root, "corrupt.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  fs.writeFileSync(path.join(root, "notes.xlsx"), "这是一个文本文件，不是工作簿。\n");
  // what Excel saves with a password to open: a compound file holding the EncryptedPackage stream
  const cfb = Buffer.alloc(1024);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
  Buffer.from("EncryptionInfo\u0000EncryptedPackage", "utf16le").copy(cfb, 512);
  fs.writeFileSync(path.join(root, "protected.xlsx"), cfb);
  fs.copyFileSync(path.join(__dirname, "..", "fixtures", "workbooks", "legacy-office.xls"), path.join(root, "old.xls"));
  // neither a workbook nor named like one: a folder search passes it by
  fs.writeFileSync(path.join(root, "readme.txt"), "not a workbook");
}

function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of fs.readdirSync(d)) {
      const f = path.join(d, n);
      if (fs.statSync(f).isDirectory()) walk(f);
      else out.set(path.relative(root, f), fs.readFileSync(f).toString("base64"));
    }
  };
  walk(root);
  return out;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await reviewCommand(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, { workerScript });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-review-"));
  inputs = path.join(dir, "submissions");
  await makeFolder(inputs);
  // the worker as one script of plain JS, as the compiled CLI has it
  workerScript = path.join(dir, "review-worker.js");
  buildSync({ entryPoints: [path.join(__dirname, "..", "..", "src", "cli", "review-worker.ts")], bundle: true, platform: "node", outfile: workerScript, logLevel: "silent" });
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const rowOf = (rows: ReviewReportJson["rows"], file: string, sheet: string) => {
  const r = rows.find((x) => x.file === file && x.sheet === sheet);
  if (!r) throw new Error(`no row for ${file} ${sheet}: ${rows.map((x) => `${x.file}:${x.sheet}`).join(", ")}`);
  return r;
};

describe("jixiao review on a folder of submissions", () => {
  let json1: string;
  let out1: string;

  test("--jobs 1: a row per table, the problems, the files not read; inputs untouched", async () => {
    const before = snapshot(inputs);
    out1 = path.join(dir, "out1", "复核汇总.xlsx");
    const r = await run([inputs, "--out", out1, "--jobs", "1"]);
    expect(r.code).toBe(0);
    const second = await run([inputs, "--json", "--jobs", "1"]);
    expect(second.code).toBe(0);
    json1 = second.out;
    const report = ReviewReportSchema.parse(JSON.parse(json1));
    expect(snapshot(inputs)).toEqual(before);

    // sorted by file (code-point order) then the sheet's place in its workbook
    const expected = [
      "multi.xlsx:项目A",
      "multi.xlsx:部门B",
      // the .xls fixture (through LibreOffice) holds an indicator table and a statement
      ...(HAS_SOFFICE ? ["old.xls:自评表", "old.xls:收支表"] : []),
      "plain.xlsx:指标",
      "statement.xlsx:收支",
      "部门/二级/department.xlsx:部门自评",
      "项目/project.xlsx:自评表",
    ];
    expect(report.rows.map((x) => `${x.file}:${x.sheet}`)).toEqual(expected);

    const project = rowOf(report.rows, "项目/project.xlsx", "自评表");
    expect(project).toMatchObject({
      kind: "project",
      project: "城乡医疗救助补助资金（城乡医疗救助部分）",
      department: "广东省医疗保障局",
      unit: "广东省医疗保障局",
      year: 2023,
      rowsChecked: 5,
      budgetScore: 9.96,
      computedTotal: 97.96,
      computedGrade: "优",
      statedGrade: "优",
      final: true,
    });
    expect(project.budgetRate).toBeCloseTo(0.996, 4);
    // the same sheet in another workbook gives the same row
    const { file: _f, sheetIndex: _i, sheet: _s, ...projectRest } = project;
    const { file: _f2, sheetIndex: _i2, sheet: _s2, ...multiRest } = rowOf(report.rows, "multi.xlsx", "项目A");
    expect(multiRest).toEqual(projectRest);
    expect(rowOf(report.rows, "multi.xlsx", "项目A").sheetIndex).toBe(1);

    const dept = rowOf(report.rows, "部门/二级/department.xlsx", "部门自评");
    expect(dept).toMatchObject({ kind: "department", department: "惠州市医疗保障局", year: 2022 });
    expect(dept.rowsChecked).toBeGreaterThan(0);

    const plain = rowOf(report.rows, "plain.xlsx", "指标");
    expect(plain).toMatchObject({ kind: "plain", rowsChecked: 3, year: null, project: null, budgetRate: null });
    expect(plain.counts).toMatchObject({ met: 1, not_met: 1, qualitative: 1, invalid: 0 });
    // the not-met row, named by its cell, among the first problems
    const plainProblems = report.problems.filter((p) => p.file === "plain.xlsx");
    expect(plainProblems.some((p) => p.check === "not_met" && p.cell === "E3")).toBe(true);
    // errors first: the stated 20 overstates the computed 18.95 (docs/rules.md, "Severity")
    expect(plain.firstProblems.startsWith("G3 ")).toBe(true);
    expect(plain.problems.error + plain.problems.warning).toBe(plainProblems.filter((p) => p.severity !== "info").length);

    const st = rowOf(report.rows, "statement.xlsx", "收支");
    expect(st).toMatchObject({ kind: "statement", computedTotal: null, final: null });
    const sums = report.problems.filter((p) => p.file === "statement.xlsx" && p.check === "sum");
    expect(sums.map((p) => p.cell)).toEqual(["B4"]);
    expect(st.problems.error + st.problems.warning).toBeGreaterThanOrEqual(1);

    // within a sheet, errors come before warnings before notes
    for (const row of report.rows) {
      const ranks = report.problems.filter((p) => p.file === row.file && p.sheet === row.sheet).map((p) => ["error", "warning", "info"].indexOf(p.severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }

    // the files not read, with reasons
    const skipped = Object.fromEntries(report.skipped.map((s) => [s.file, s]));
    expect(Object.keys(skipped).sort()).toEqual(["corrupt.xlsx", "empty.xlsx", "notes.xlsx", "protected.xlsx", ...(HAS_SOFFICE ? [] : ["old.xls"])].sort());
    expect(skipped["protected.xlsx"].en).toMatch(/password-protected/);
    expect(skipped["notes.xlsx"]).toMatchObject({ kind: "unreadable" });
    expect(skipped["notes.xlsx"].en).toMatch(/not an Excel workbook/);
    expect(skipped["corrupt.xlsx"]).toMatchObject({ kind: "unreadable" });
    expect(skipped["empty.xlsx"]).toMatchObject({ kind: "empty", en: "no indicator table or statement found" });
    if (!HAS_SOFFICE) expect(skipped["old.xls"].en).toMatch(/LibreOffice/);
    else expect(report.problems.filter((p) => p.file === "old.xls" && p.check === "legacy_converted").map((p) => p.sheet)).toEqual(["自评表", "收支表"]);
    expect(r.err).toMatch(/not read: notes\.xlsx/);
    expect(r.err).toMatch(/not read: corrupt\.xlsx/);
  });

  test("the summary workbook: three sheets, a table with links and totals, structurally clean", () => {
    expectCleanPackage(out1);
    const wb = XlsxWorkbook.fromBytes(fs.readFileSync(out1));
    expect(wb.sheets.map((s) => s.name)).toEqual(["汇总", "问题清单", "未能读取"]);
    const report = ReviewReportSchema.parse(JSON.parse(json1));
    const summary = wb.grid(wb.sheet("汇总")!).values;
    expect(summary[1][0]).toBe("文件");
    // a row per table, then the foot
    expect(summary.length).toBe(2 + report.rows.length + 1);
    expect(summary[2 + report.rows.length][0]).toBe("合计");
    // formulas carry the values they give: a reader that does not compute sees names and totals
    expect(summary.slice(2, 2 + report.rows.length).map((r) => r[0])).toEqual(report.rows.map((r) => r.file));
    const rowsCol = summary[1].indexOf("核对行数");
    expect(summary[2 + report.rows.length][rowsCol]).toBe(report.rows.reduce((n, r) => n + r.rowsChecked, 0));
    const xml = (wb as unknown as { pkg: OoxmlPackage }).pkg.getText(wb.sheet("汇总")!.path);
    expect(xml).toContain("HYPERLINK(&quot;../submissions/multi.xlsx#'项目A'!A1&quot;,&quot;项目A&quot;)");
    expect(xml).toMatch(/SUBTOTAL\(109,H3:H\d+\)/);
    expect(xml).toMatch(/<pane [^>]*ySplit="2"/);
    const problems = wb.grid(wb.sheet("问题清单")!).values;
    expect(problems.length).toBe(2 + report.problems.length);
    const notRead = wb.grid(wb.sheet("未能读取")!).values.slice(2).map((r) => r[0]);
    expect(notRead).toEqual(report.skipped.map((s) => s.file));
  });

  test("--jobs 3 gives the same document and the same workbook", async () => {
    const before = snapshot(inputs);
    const out3 = path.join(dir, "out3", "复核汇总.xlsx");
    const r = await run([inputs, "--out", out3, "--jobs", "3"]);
    expect(snapshot(inputs)).toEqual(before);
    expect(r.code).toBe(0);
    const j = await run([inputs, "--json", "--jobs", "3"]);
    expect(j.out).toBe(json1);
    // same folder depth, so the same relative links
    expect(Buffer.compare(fs.readFileSync(out3), fs.readFileSync(out1))).toBe(0);
  });

  test("a hidden sheet holding a table is not reviewed but listed as a note; one only of notes says nothing", async () => {
    const folder = path.join(dir, "hidden");
    fs.mkdirSync(folder);
    const file = path.join(folder, "with-hidden.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("指标").addRows(PLAIN);
    wb.addWorksheet("旧版", { state: "hidden" }).addRows(PLAIN);
    wb.addWorksheet("说明", { state: "hidden" }).addRows(NOTES);
    await wb.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    const r = await run([folder, "--json", "--jobs", "1"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.rows.map((x: { sheet: string }) => x.sheet)).toEqual(["指标"]);
    expect(report.problems.filter((p: { check: string }) => p.check === "hidden_sheet")).toEqual([
      expect.objectContaining({ file: "with-hidden.xlsx", sheet: "旧版", cell: null, severity: "info", message: "隐藏的工作表中有绩效指标表，未核对（取消隐藏后可核对）" }),
    ]);
    expect(Buffer.compare(fs.readFileSync(file), before)).toBe(0);
  });

  test("several inputs: each file named by the path given, a file named directly is taken whatever its name", async () => {
    const single = path.join(dir, "single.dat");
    fs.copyFileSync(path.join(inputs, "plain.xlsx"), single);
    const r = await run([path.join(inputs, "项目"), single, "--json", "--jobs", "1"]);
    expect(r.code).toBe(0);
    const report = ReviewReportSchema.parse(JSON.parse(r.out));
    const shown = (p: string) => p.split(path.sep).join("/");
    expect(report.rows.map((x) => x.file).sort()).toEqual([shown(single), `${shown(path.join(inputs, "项目"))}/project.xlsx`].sort());
  });

  test("nothing usable: exit 2; a usage error: exit 2; --json prints no progress", async () => {
    const bad = path.join(dir, "bad");
    fs.mkdirSync(bad);
    fs.writeFileSync(path.join(bad, "a.xlsx"), "text");
    const r = await run([bad, "--json", "--jobs", "1"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, rows: [], skipped: [{ file: "a.xlsx", kind: "unreadable" }] });
    expect(r.err).not.toMatch(/\[1\/1\]/);
    expect((await run([bad])).code).toBe(2);
    // --out never overwrites a file that is not a summary of ours (a submission, say)
    const submission = path.join(inputs, "plain.xlsx");
    const bytes = fs.readFileSync(submission);
    const clash = await run([bad, "--out", submission, "--jobs", "1"]);
    expect(clash.code).toBe(2);
    expect(clash.err).toMatch(/not a summary this tool wrote/);
    expect(fs.readFileSync(submission).equals(bytes)).toBe(true);
    // a summary of ours is replaced, and is not reviewed as a submission when it lies among the inputs
    const again = await run([inputs, "--out", out1, "--jobs", "1", "--json"]);
    expect(again.code).toBe(0);
    const copy = path.join(inputs, "earlier-summary.xlsx");
    fs.copyFileSync(out1, copy);
    const withCopy = JSON.parse((await run([inputs, "--json", "--jobs", "1"])).out);
    fs.rmSync(copy);
    expect(withCopy.rows.filter((x: { file: string }) => x.file === "earlier-summary.xlsx")).toEqual([]);
    expect(withCopy.skipped.find((x: { file: string }) => x.file === "earlier-summary.xlsx")).toMatchObject({ kind: "empty" });
    expect((await run([bad, "--out", "x.xlsx", "--jobs", "0"])).code).toBe(2);
  });
});

describe("the default thread count (docs/review.md, Speed)", () => {
  // a worker pays its start only with enough files in front of it; never more threads than cores
  test.each([
    [0, 8, 1],
    [1, 8, 1],
    [200, 2, 1],
    [250, 2, 1],
    [251, 2, 2],
    [1000, 2, 2],
    [1000, 8, 4],
    [5000, 8, 8],
    [400, 1, 1],
  ])("%i files on %i cores: %i thread(s)", (files, cores, expected) => {
    expect(defaultThreads(files, cores)).toBe(expected);
  });
  test("the usage names the rule", () => {
    expect(REVIEW_USAGE).toContain(`${FILES_PER_THREAD}`);
  });
});

describe("jixiao review --lang: one language per workbook", () => {
  const hasCjk = (v: unknown) => typeof v === "string" && /[\u4e00-\u9fff]/.test(v);
  test.each([
    ["zh", ["汇总", "问题清单", "未能读取"], "合计", "文件"],
    ["en", ["Summary", "Problems", "Not read"], "Total", "File"],
  ] as const)("--lang %s", async (lang, sheets, total, fileHeader) => {
    const out = path.join(dir, `lang-${lang}.xlsx`);
    const r = await run([path.join(inputs, "plain.xlsx"), "--out", out, "--lang", lang]);
    expect(r.code).toBe(0);
    const wb = XlsxWorkbook.fromBytes(fs.readFileSync(out));
    expect(wb.sheets.map((s) => s.name)).toEqual(sheets);
    const summary = wb.grid(wb.sheet(sheets[0])!).values;
    expect(summary[1][0]).toBe(fileHeader);
    expect(summary[summary.length - 1][0]).toBe(total);
    if (lang === "en") {
      // headers, titles and the severity words in English; only the users' own names and the form's words stay Chinese
      expect(summary[0].filter(hasCjk)).toEqual([]);
      expect(summary[1].filter(hasCjk)).toEqual([]);
      const problems = wb.grid(wb.sheet("Problems")!).values;
      expect(problems[1].filter(hasCjk)).toEqual([]);
      expect(problems.slice(2).map((row) => row[4]).every((s) => ["error", "warning", "info"].includes(String(s)))).toBe(true);
      expect(r.out).toMatch(/^reviewed 1 files/);
    } else {
      expect(summary[0][0]).toMatch(/^核对·复核汇总（1 张表）$/);
      expect(r.out).toMatch(/^复核 1 个文件/);
    }
  });

  test("--lang other than zh or en is a usage error", async () => {
    const r = await run([path.join(inputs, "plain.xlsx"), "--out", path.join(dir, "lang-x.xlsx"), "--lang", "fr"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--lang/);
  });
});
