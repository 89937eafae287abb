/**
 * `jixiao compare` and `jixiao seeds` in-process, writing real .xlsx files: ratio rows are
 * formulas (not values) that, evaluated over the written cells, equal the engine's own ratios;
 * — cells carry notes; text stays text; the own department joins; bad ids exit 2.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compareCommand as rawCompare } from "../../src/cli/compare-command";
import { seedsCommand } from "../../src/cli/seeds-command";
import { expectCleanPackage, withStructureCheck } from "../cli/package-assert";
import { applySheetPlan } from "../../src/cli/write-sheet-xlsx";
import { parseA1 } from "../../src/core/basics/address";
import {
  CompareDepartment,
  MISSING_MARK,
  TEMPLATES,
  buildComparisonSheet,
  computeRatios,
  departmentFromSeed,
  ownDepartmentFromGrid,
  seedDepartments,
} from "../../src/core/compare";
import { SEEDS } from "../../src/core/seeds/seed-data";
import { DEPARTMENT_IDS, Seed, SeedSchema, TEMPLATE_IDS, TemplateId } from "../../src/core/seeds/seed-schema";
import { SheetEntry, XlsxWorkbook } from "../../src/cli/xlsx-workbook";
import { checkPackage } from "../../src/cli/xlsx-check";
import { FormulaValue as Scalar, evaluateFormula } from "../../src/memory-excel/formulas";
import { capture } from "../cli/capture";

/** every --out this file writes passes the structural check */
const compareCommand = withStructureCheck(rawCompare);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-compare-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function isFormula(v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue {
  return typeof v === "object" && v !== null && "formula" in v;
}

/** The sheet as a spreadsheet computes it: constants as written, formulas through the test evaluator. */
function sheetLookup(ws: ExcelJS.Worksheet) {
  const memo = new Map<string, Scalar>();
  const lookup = (row: number, col: number): Scalar => {
    const key = `${row},${col}`;
    if (memo.has(key)) return memo.get(key) as Scalar;
    const v = ws.getCell(row, col).value;
    let out: Scalar;
    if (v === null || v === undefined) out = null;
    else if (isFormula(v)) out = evaluateFormula(v.formula, (_sheet, r, c) => lookup(r, c));
    else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") out = v;
    else throw new Error(`unexpected cell value at ${row},${col}: ${JSON.stringify(v)}`);
    memo.set(key, out);
    return out;
  };
  return lookup;
}

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (typeof n === "string") return n;
  if (n && typeof n === "object" && "texts" in n) return (n as { texts: { text: string }[] }).texts.map((t) => t.text).join("");
  return "";
}

/** Rows of a template on the written sheet: label column A from row 5. */
function rowOf(ws: ExcelJS.Worksheet, template: TemplateId, key: string): number {
  const i = TEMPLATES[template].rows.findIndex((r) => r.key === key);
  expect(i).toBeGreaterThanOrEqual(0);
  return 5 + i;
}

const ALL = seedDepartments();

describe("jixiao compare: round trip through a real .xlsx", () => {
  test.each(TEMPLATE_IDS)("%s: ratio rows hold formulas that evaluate to the engine's ratios over the written cells", async (t) => {
    const out = path.join(dir, `${t}.xlsx`);
    const c = capture();
    expect(await compareCommand(["--template", t, "--out", out], c.io)).toBe(0);
    expect(c.err).toEqual([]);
    const wb = await readBook(out);
    const ws = wb.getWorksheet(TEMPLATES[t].sheetName) as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    const lookup = sheetLookup(ws);
    // header: department short name and year
    expect(ALL.map((_, j) => ws.getCell(4, 2 + j).value)).toEqual(["广东 2023", "广州 2022", "惠州 2022", "江门 2023", "深圳 2023"]);
    for (const [j, dept] of ALL.entries()) {
      const col = 2 + j;
      const ratios = computeRatios(t, dept);
      for (const row of TEMPLATES[t].rows) {
        const r = rowOf(ws, t, row.key);
        const cell = ws.getCell(r, col);
        if (row.kind === "formula") {
          expect(isFormula(cell.value)).toBe(true);
          const got = lookup(r, col);
          const want = ratios[row.key];
          if (want === null) {
            expect(got).toBe(MISSING_MARK);
            expect(noteText(cell)).toMatch(/无法计算/);
          } else {
            expect(typeof got).toBe("number");
            expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
          }
          continue;
        }
        expect(isFormula(cell.value)).toBe(false);
        if (!dept.figures[row.figure]) {
          // missing: the text —, never 0, with a note saying so
          expect(cell.value).toBe(MISSING_MARK);
          expect(noteText(cell)).toMatch(/未给出|未收录/);
        } else {
          expect(cell.value).not.toBe(MISSING_MARK);
          expect(noteText(cell)).toContain(dept.document);
        }
      }
    }
    // number formats made it into the file; an Excel table beside the notes (our writer keeps schema order)
    const shareRow = TEMPLATES[t].rows.find((r) => r.kind === "formula" && r.unit === "%");
    if (shareRow) expect(ws.getCell(rowOf(ws, t, shareRow.key), 2).numFmt).toBe("0.00%");
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual([`Jixiao_${t}`]);
    expect(c.out.join("\n")).toMatch(/Excel 表格/);
    expect(checkPackage(fs.readFileSync(out))).toEqual([]);
  });

  test("the report says the chart is drawn in Excel, and --json gives rows, values and what is missing", async () => {
    const out = path.join(dir, "json.xlsx");
    const c = capture();
    expect(await compareCommand(["--template", "expenditure", "--out", out], c.io)).toBe(0);
    expect(c.out.join("\n")).toMatch(/命令行不写图表/);
    const j = capture();
    expect(await compareCommand(["--template", "expenditure", "--out", out, "--json"], j.io)).toBe(0);
    const doc = JSON.parse(j.out.join("\n"));
    expect(doc).toMatchObject({ template: "expenditure", sheet: "支出结构对比", replaced: true, table: { name: "Jixiao_expenditure", written: "table" }, chart: { written: false } });
    expect(doc.rows.find((r: { key: string }) => r.key === "total").values).toMatchObject({ "guangdong-2023": 162368.05, "shenzhen-2023": null });
    expect(doc.missing["shenzhen-2023"]).toEqual(["total", "basic", "project", "basic_share_stated", "project_share_stated"]);
  });

  test("--depts takes a subset in the order given", async () => {
    const out = path.join(dir, "subset.xlsx");
    const c = capture();
    expect(await compareCommand(["--template", "coverage", "--depts", "shenzhen-2023,huizhou-2022", "--out", out], c.io)).toBe(0);
    const ws = (await readBook(out)).getWorksheet("参保与待遇对比") as ExcelJS.Worksheet;
    expect([ws.getCell("A4").value, ws.getCell("B4").value, ws.getCell("C4").value, ws.getCell("D4").value]).toEqual(["指标（单位）", "深圳 2023", "惠州 2022", null]);
    expect(ws.getCell(rowOf(ws, "coverage", "coverage_rate"), 2).value).toBe(0.9842);
  });

  test.each([
    [["--template", "expenditure", "--depts", "guangdong-2023,foshan-2023", "--out", "OUT"], /foshan-2023[\s\S]*guangdong-2023, guangzhou-2022, huizhou-2022, jiangmen-2023, shenzhen-2023/],
    [["--template", "budget", "--out", "OUT"], /unknown template "budget"[\s\S]*expenditure[\s\S]*scores/],
    [["--depts", "jiangmen-2023", "--out", "OUT"], /--template is required/],
    [["--template", "income"], /--out is required/],
    [["--template", "income", "--bogus", "--out", "OUT"], /unknown option --bogus/],
  ])("unusable input %j exits 2 and says what is valid", async (args, message) => {
    const out = path.join(dir, "never.xlsx");
    const c = capture();
    expect(await compareCommand(args.map((a) => (a === "OUT" ? out : a)), c.io)).toBe(2);
    expect(c.err.join("\n")).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("an existing --out keeps its other sheets; a re-run replaces only the template's sheet", async () => {
    const out = path.join(dir, "existing.xlsx");
    const wb = new ExcelJS.Workbook();
    const mine = wb.addWorksheet("我的数据");
    mine.getCell("A1").value = "不要动";
    mine.getCell("B2").value = 42;
    await wb.xlsx.writeFile(out);
    expect(await compareCommand(["--template", "fund", "--out", out], capture().io)).toBe(0);
    expect(await compareCommand(["--template", "scores", "--out", out], capture().io)).toBe(0);
    expect(await compareCommand(["--template", "fund", "--depts", "jiangmen-2023", "--out", out], capture().io)).toBe(0);
    const back = await readBook(out);
    expect(back.worksheets.map((w) => w.name)).toEqual(["我的数据", "基金运行对比", "自评结果对比"]);
    expect(back.getWorksheet("我的数据")?.getCell("A1").value).toBe("不要动");
    expect(back.getWorksheet("我的数据")?.getCell("B2").value).toBe(42);
    const fund = back.getWorksheet("基金运行对比") as ExcelJS.Worksheet;
    expect(fund.getCell("B4").value).toBe("江门 2023");
    expect(fund.getCell("C4").value).toBeNull();
  });

  test("the writer makes an Excel table over header and rows beside notes (and keeps formulas); \"never\" gives a styled header", async () => {
    const plan = buildComparisonSheet("income", ALL);
    const wb = XlsxWorkbook.blank();
    expect(plan.notes.length).toBeGreaterThan(0);
    expect(applySheetPlan(wb, plan).table).toBe("table");
    const out = path.join(dir, "table.xlsx");
    fs.writeFileSync(out, wb.toBytes());
    expect(checkPackage(fs.readFileSync(out))).toEqual([]);
    const ws = (await readBook(out)).getWorksheet("收入结构对比") as ExcelJS.Worksheet;
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string; name: string } }> }).tables.Jixiao_income;
    expect(table.table.name).toBe("Jixiao_income");
    expect(isFormula(ws.getCell(rowOf(ws, "income", "fiscal_share"), 2).value)).toBe(true);
    expect(ws.getCell("C4").value).toBe("广州 2022");
    const plain = XlsxWorkbook.blank();
    expect(applySheetPlan(plain, plan, { table: "never" }).table).toBe("styled_header");
    const out2 = path.join(dir, "styled.xlsx");
    fs.writeFileSync(out2, plain.toBytes());
    expectCleanPackage(out2);
    const ws2 = (await readBook(out2)).getWorksheet("收入结构对比") as ExcelJS.Worksheet;
    expect(Object.keys((ws2 as unknown as { tables: Record<string, unknown> }).tables)).toEqual([]);
    expect(ws2.getCell("B4").font?.bold).toBe(true);
  });

  test("a seed string starting with = is written as text, never as a formula", async () => {
    const base = JSON.parse(JSON.stringify(SEEDS.find((s) => s.id === "jiangmen-2023"))) as Seed;
    const grade = base.figures.self_eval_grade;
    if (!grade) throw new Error("fixture: Jiangmen has a grade");
    grade.text = "=SUM(1,2)";
    base.department = "@江门市医疗保障局";
    const dept = departmentFromSeed(SeedSchema.parse(base));
    const plan = buildComparisonSheet("scores", [dept]);
    const wb = XlsxWorkbook.blank();
    applySheetPlan(wb, plan);
    const out = path.join(dir, "text.xlsx");
    fs.writeFileSync(out, wb.toBytes());
    expectCleanPackage(out);
    const ws = (await readBook(out)).getWorksheet("自评结果对比") as ExcelJS.Worksheet;
    const cell = ws.getCell(rowOf(ws, "scores", "grade"), 2);
    expect(cell.value).toBe("=SUM(1,2)");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.numFmt).toBe("@");
    expect(ws.getCell("B4").value).toBe("@江门 2023");
  });

  test("the own department, built with exceljs, joins the comparison and its formulas agree with the engine", async () => {
    const own = path.join(dir, "own.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").getCell("A1").value = "本工作簿为本单位数据";
    const ws = wb.addWorksheet("本单位数据");
    ws.addRow(["单位名称", "示例市医疗保障局"]);
    ws.addRow(["年度", 2023]);
    ws.addRow(["项目", "数值", "单位"]);
    ws.addRow(["总支出", "30,000.00", "万元"]);
    ws.addRow(["基本支出（万元）", 3000.5]);
    ws.addRow(["项目支出", 2.699949]);
    ws.getCell("B6").numFmt = '0.000000"亿元"';
    ws.addRow(["基本支出占比", 0.1]);
    ws.getCell("B7").numFmt = "0.00%";
    await wb.xlsx.writeFile(own);

    const out = path.join(dir, "with-own.xlsx");
    const c = capture();
    expect(await compareCommand(["--template", "expenditure", "--own", own, "--depts", "jiangmen-2023,huizhou-2022", "--out", out], c.io)).toBe(0);
    const sheet = (await readBook(out)).getWorksheet("支出结构对比") as ExcelJS.Worksheet;
    expect([sheet.getCell("B4").value, sheet.getCell("C4").value, sheet.getCell("D4").value]).toEqual(["示例（本单位） 2023", "江门 2023", "惠州 2022"]);
    expect([sheet.getCell("B5").value, sheet.getCell("B6").value, sheet.getCell("B7").value]).toEqual([30000, 3000.5, 26999.49]);
    expect(noteText(sheet.getCell("B5"))).toContain("own.xlsx 工作表“本单位数据” B4");
    const ownBook = XlsxWorkbook.fromBytes(fs.readFileSync(own));
    const ownDept = ownDepartmentFromGrid(ownBook.grid(ownBook.sheet("本单位数据") as SheetEntry)).department as CompareDepartment;
    const lookup = sheetLookup(sheet);
    const ratios = computeRatios("expenditure", ownDept);
    for (const key of ["basic_share", "project_share"]) {
      const r = rowOf(sheet, "expenditure", key);
      expect(isFormula(sheet.getCell(r, 2).value)).toBe(true);
      expect(Math.abs((lookup(r, 2) as number) - (ratios[key] as number))).toBeLessThanOrEqual(1e-9);
    }
    expect(sheet.getCell(rowOf(sheet, "expenditure", "basic_share_stated"), 2).value).toBe(0.1);
    expect(sheet.getCell(rowOf(sheet, "expenditure", "project_share_stated"), 2).value).toBe(MISSING_MARK);
  });

  test("--own with no usable sheet exits 2; --out may not be the --own file", async () => {
    const own = path.join(dir, "empty-own.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "nothing here";
    await wb.xlsx.writeFile(own);
    const c = capture();
    expect(await compareCommand(["--template", "income", "--own", own, "--out", path.join(dir, "x.xlsx")], c.io)).toBe(2);
    expect(c.err.join("\n")).toMatch(/no own-department figures/);
    const d = capture();
    expect(await compareCommand(["--template", "income", "--own", own, "--out", own], d.io)).toBe(2);
    const e = capture();
    expect(await compareCommand(["--template", "income", "--own", own, "--own-sheet", "Nope", "--out", path.join(dir, "y.xlsx")], e.io)).toBe(2);
    expect(e.err.join("\n")).toMatch(/no sheet "Nope"/);
  });
});

describe("jixiao seeds", () => {
  test("lists the five departments with level, year and figures", async () => {
    const c = capture();
    expect(await seedsCommand([], c.io)).toBe(0);
    const text = c.out.join("\n");
    for (const id of DEPARTMENT_IDS) expect(text).toContain(id);
    expect(text).toMatch(/guangdong-2023 {2}广东省医疗保障局 {2}省级 {2}2023/);
    expect(text).toMatch(/total_expenditure {2}总支出 = 162,368\.05 万元/);
    // each department cites its report by title and where its text is; each figure by section
    expect(text).toContain("来源: 《2023年度广东省医疗保障局部门整体支出绩效自评报告》  seeds/reports/guangdong-2023.txt");
    expect(text).toMatch(/total_expenditure {2}总支出 = 162,368\.05 万元 {2}\(原文 162,368\.05万元, 一（四）\)/);
    expect(text).not.toMatch(/[0-9a-f]{16}\.txt/);
    // a figure the report's own sum proves wrong is printed in the reading compare uses, flagged
    expect(text).toContain("project_expenditure  项目支出 = 605,282.99 万元  (原文 605,282.99亿元, 一（四）) [报告原文为“605,282.99亿元”，与合计不符，按万元计]");
    expect(text).toContain("other_income  其他收入 = 2.23 万元  (原文 2.23元, 二（二）2（2）) [报告原文为“2.23元”，与合计不符，按万元计]");
    expect(text).not.toMatch(/6,052,829,900/);
  });

  test("--json prints the seeds; --template narrows to that template's figures; a bad template exits 2", async () => {
    const c = capture();
    expect(await seedsCommand(["--json"], c.io)).toBe(0);
    const seeds = JSON.parse(c.out.join("\n")) as Seed[];
    expect(seeds.map((s) => s.id)).toEqual([...DEPARTMENT_IDS]);
    expect(seeds.map((s) => SeedSchema.safeParse(s).success)).toEqual([true, true, true, true, true]);
    const d = capture();
    expect(await seedsCommand(["--json", "--template", "coverage"], d.io)).toBe(0);
    const narrowed = JSON.parse(d.out.join("\n")) as Seed[];
    expect(Object.keys(narrowed[4].figures).sort()).toEqual(["insurance_coverage_rate", "insured_persons"]);
    const e = capture();
    expect(await seedsCommand(["--template", "nope"], e.io)).toBe(2);
  });
});

const SOFFICE = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
const withSoffice = SOFFICE ? test : test.skip;

describe("LibreOffice recalculation", () => {
  const name = "LibreOffice headless recalculates the written formulas to the engine's ratios";
  withSoffice(SOFFICE ? name : `${name} (skipped: soffice is not on PATH; LibreOffice is not installed here)`, async () => {
    const out = path.join(dir, "lo.xlsx");
    expect(await compareCommand(["--template", "expenditure", "--out", out], capture().io)).toBe(0);
    const csvDir = path.join(dir, "lo-csv");
    fs.mkdirSync(csvDir, { recursive: true });
    const r = spawnSync("soffice", ["--headless", "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', "--outdir", csvDir, out], { timeout: 120000 });
    expect(r.status).toBe(0);
    const file = fs.readdirSync(csvDir).find((f) => f.includes("支出结构对比"));
    expect(file).toBeDefined();
    const rows = fs
      .readFileSync(path.join(csvDir, file as string), "utf8")
      .split(/\r?\n/)
      .map((line) => line.split(",").map((s) => s.replace(/^"|"$/g, "")));
    for (const [j, dept] of ALL.entries()) {
      const ratios = computeRatios("expenditure", dept);
      for (const key of ["basic_share", "project_share"]) {
        const p = parseA1(`A${5 + TEMPLATES.expenditure.rows.findIndex((x) => x.key === key)}`) as { row: number };
        const got = rows[p.row - 1][1 + j];
        const want = ratios[key];
        if (want === null) expect(got).toBe(MISSING_MARK);
        // LibreOffice writes the full-precision value with the cell's % format: "2.59388469591154%"
        else expect(Math.abs((got.endsWith("%") ? parseFloat(got) / 100 : parseFloat(got)) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      }
    }
  });
});
