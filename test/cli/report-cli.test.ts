/** `jixiao report` (docs/report.md): the .docx opens and holds the headings, the table and the figures; --json is the model; exit codes. */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { ReportSchema, allFigures } from "../../src/core/report";
import { FormFixture, departmentForm, projectForm } from "../fixtures/standard-forms";
import reportTables from "../fixtures/report-tables.json";
import huizhouTable from "../fixtures/statements/huizhou-2022-table.json";
import { CellValue } from "../../src/core/basics/grid";
import { runCli as run } from "./capture";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-report-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function write(file: string, f: Pick<FormFixture, "values"> & Partial<FormFixture>, sheet = "自评表"): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  f.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === "" || v === null || v === undefined) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = v as ExcelJS.CellValue;
      const fmt = f.numberFormats?.[r]?.[c];
      if (fmt) cell.numFmt = fmt;
    });
  });
  for (const m of f.merges ?? []) ws.mergeCells(m);
  await wb.xlsx.writeFile(file);
}

/** The visible text of word/document.xml, paragraph by paragraph. */
function documentText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("jixiao report", () => {
  test("project form → .docx: title, headings, the indicator table, the checked figures", async () => {
    const file = path.join(dir, "project.xlsx");
    const out = path.join(dir, "自评报告.docx");
    await write(file, projectForm());
    const r = await run(["report", file, "--out", out]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("待补充 6 处");
    const parts = unzipSync(new Uint8Array(fs.readFileSync(out)));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["word/document.xml", "[Content_Types].xml"]));
    const xml = strFromU8(parts["word/document.xml"]);
    const text = documentText(xml);
    expect(text).toContain("2023年度城乡医疗救助补助资金（城乡医疗救助部分）项目支出绩效自评报告（草稿）");
    for (const h of ["一、基本情况", "二、绩效自评情况", "（一）自评结论", "三、其他自评情况", "四、上年度自评问题整改情况", "附：绩效指标核对表", "待补充事项"]) expect(text).toContain(h);
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/);
    expect(xml).toContain("<w:tbl>");
    // the table: its header and one cell per row's verdict and score
    for (const h of ["一级指标", "年度指标值", "核对结论", "得分"]) expect(text).toContain(h);
    expect(text).toContain("预算执行率为99.60%");
    expect(text).toContain("398,139.03万元");
    expect(text).toContain("绩效自评得分为97.96分，自评等级为“优”");
    expect(text).toContain("【请填写：项目立项依据、实施内容、资金来源与使用范围】");
    expect(text).toContain("本草稿尚有6处待补充");
  });

  // LibreOffice's Writer module (libreoffice-writer-nogui on Debian) opens a .docx; Calc alone does not
  const soffice = whichSoffice();
  const writer = soffice !== null && hasWriter(soffice);
  const loName = "LibreOffice reads the .docx back as text";
  (writer ? test : test.skip)(writer ? loName : `${loName} (skipped: ${soffice ? "LibreOffice has no Writer module here" : "soffice is not on PATH"})`, async () => {
    if (!soffice) throw new Error("unreachable: the test runs only with soffice");
    const file = path.join(dir, "dept-lo.xlsx");
    const out = path.join(dir, "dept-lo.docx");
    await write(file, departmentForm());
    expect((await run(["report", file, "--out", out])).code).toBe(0);
    execFileSync(soffice, ["--headless", "--convert-to", "txt:Text", "--outdir", dir, out], { stdio: "ignore", timeout: 120000 });
    const txt = fs.readFileSync(path.join(dir, "dept-lo.txt"), "utf8");
    expect(txt).toContain("部门整体支出绩效自评报告");
    expect(txt).toContain("97.95");
  });

  test("--json prints the report model, every figure with its cell; --compare adds the peers", async () => {
    const file = path.join(dir, "department.xlsx");
    await write(file, departmentForm());
    const r = await run(["report", file, "--json", "--compare", "guangdong-2023,huizhou-2022"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const report = ReportSchema.parse(json.report);
    expect(report.formKind).toBe("department");
    expect(report.grade).toBe("优");
    const figures = allFigures(report);
    expect(figures.find((f) => f.ref === "budget.executed")).toMatchObject({ value: 3803.38, cell: "E5", origin: "stated" });
    expect(figures.find((f) => f.ref === "peers.huizhou-2022.self_eval_score")).toMatchObject({ value: 99.7, origin: "peer" });
    expect(figures.every((f) => f.cell !== null || (f.from?.length ?? 0) > 0 || f.ref.startsWith("summary."))).toBe(true);
  });

  test("--statement SHEET: the statement's figures and findings join the budget paragraph", async () => {
    const file = path.join(dir, "with-statement.xlsx");
    const wb = new ExcelJS.Workbook();
    const form = wb.addWorksheet("自评表");
    departmentForm().values.forEach((row, r) => row.forEach((v, c) => v !== "" && (form.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
    const st = wb.addWorksheet(huizhouTable.sheet);
    (huizhouTable.values as CellValue[][]).forEach((row, r) => row.forEach((v, c) => v !== "" && v !== null && (st.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
    await wb.xlsx.writeFile(file);
    const r = await run(["report", file, "--sheet", "自评表", "--statement", huizhouTable.sheet, "--json"]);
    expect(r.err).toBe("");
    const report = ReportSchema.parse(JSON.parse(r.out).report);
    expect(allFigures(report).find((f) => f.ref === "statement.总支出")).toMatchObject({ value: 3803.38, cell: "'收支预算'!B5" });
    const bad = await run(["report", file, "--sheet", "自评表", "--statement", "自评表"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--statement");
  });

  test("a provisional table: the text says so, and never 优", async () => {
    const file = path.join(dir, "provisional.xlsx");
    const t = reportTables.tables.find((x) => x.id === "provisional")!;
    await write(file, { values: t.values as CellValue[][] }, "绩效指标");
    const r = await run(["report", file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2项指标未能核对：总分暂定");
    expect(r.out).toContain("自评等级待定");
    expect(r.out.replace(/表中填写的自评等级为“优”/g, "")).not.toMatch(/自评等级为“优”/);
  });

  test.each([
    ["--out is the input", (f: string) => ["report", f, "--out", f], "--out"],
    ["--out is not a .docx", (f: string) => ["report", f, "--out", path.join(dir, "x.xlsx")], ".docx"],
    ["an unknown peer", (f: string) => ["report", f, "--compare", "nowhere-2020"], "nowhere-2020"],
  ])("%s: exit 2 with a reason", async (_name, args, words) => {
    const file = path.join(dir, "refuse.xlsx");
    await write(file, projectForm());
    const before = fs.readFileSync(file);
    const r = await run(args(file));
    expect(r.code).toBe(2);
    expect(r.err).toContain(words);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test("no indicator table: exit 2", async () => {
    const file = path.join(dir, "empty.xlsx");
    await write(file, { values: [["说明"], ["本表无指标"]] });
    const r = await run(["report", file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("没有找到指标表");
  });
});

function whichSoffice(): string | null {
  try {
    return execFileSync("which", ["soffice"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/** Whether the LibreOffice beside this soffice has its Writer module (the sw library in its program folder). */
function hasWriter(sofficePath: string): boolean {
  try {
    const program = path.dirname(fs.realpathSync(sofficePath));
    return fs.readdirSync(program).some((f) => /^(lib)?swlo\.(so|dll|dylib)$/.test(f));
  } catch {
    return false;
  }
}
