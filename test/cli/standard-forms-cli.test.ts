/** `jixiao validate` on the two national forms written as workbooks with merged cells: --json contract and text report. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./capture";
import { writeGridWorkbook } from "./grid-workbook";
import { ValidateResultJsonSchema as ValidateResultSchema } from "../../src/cli/json-output";
import { FormFixture, departmentForm, projectForm } from "../fixtures/standard-forms";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-forms-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (file: string, f: FormFixture) => writeGridWorkbook(file, "自评表", f);

describe("jixiao validate on the national forms", () => {
  test("project form: --json carries form, budget, final total and stated grade", async () => {
    const file = path.join(dir, "project.xlsx");
    await write(file, projectForm());
    const { code, out } = await run(["validate", file, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    ValidateResultSchema.parse(json);
    expect(json.form).toEqual({ kind: "project", title: "项目支出绩效自评表", project: "城乡医疗救助补助资金（城乡医疗救助部分）", department: "广东省医疗保障局", unit: "广东省医疗保障局", year: 2023 });
    expect(json.summary.budget).toMatchObject({ initialBudget: 398139.03, budget: 398139.03, executed: 396546.47, points: 10, score: 9.96, statedScore: 9.96 });
    expect(json.summary).toMatchObject({ totalScore: 97.96, final: true, grade: "优", gradeText: "优", statedGrade: "优", undetermined: { rows: 0, points: 0 } });
    expect(json.summary.range).toBeUndefined();
    expect(json.rows).toHaveLength(5);
  });

  test("department form: two-row merged header, direction column, text report with the budget line", async () => {
    const file = path.join(dir, "department.xlsx");
    const outFile = path.join(dir, "department-checked.xlsx");
    await write(file, departmentForm());
    const json = JSON.parse((await run(["validate", file, "--json"])).out);
    expect(json.columns).toMatchObject({ direction: "D", target: "E", actual: "F", unit: "G" });
    expect(json.rows.map((r: { status: string }) => r.status)).toEqual(["met", "met", "met", "not_met", "met", "met", "met", "not_met", "met"]);
    expect(json.summary).toMatchObject({ totalScore: 97.95, final: true, grade: "优" });
    const text = await run(["validate", file, "--out", outFile]);
    expect(text.out).toContain("部门整体支出绩效自评表，2022年度，主管部门：惠州市医疗保障局");
    expect(text.out).toContain("预算执行：全年执行数 3803.38，全年预算数 3810.44（年初预算数 3553.21），执行率 99.81%，得分 9.98 / 10");
    expect(text.out).toContain("总分 97.95（优）");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    const ws = wb.getWorksheet("自评表")!;
    // results start right of the table (K); the 总分 row 20 carries the total, the row below the table the budget line
    expect(ws.getCell("K20").value).toBe("总分");
    expect(ws.getCell("M20").value).toBe(97.95);
    expect(ws.getCell("K21").value).toBe("预算执行");
    expect(ws.getCell("M21").value).toBe(9.98);
    expect(ws.getCell("A21").value).toBe("自评等级");
  });

  test("an all-invalid form reads provisional, never 优, in JSON and text", async () => {
    const f = projectForm();
    f.values[15][4] = "≥90%"; // the qualitative row made numeric, so that every row needs a figure
    for (let r = 12; r <= 16; r++) f.values[r][5] = "见附件";
    const file = path.join(dir, "invalid.xlsx");
    await write(file, f);
    const json = JSON.parse((await run(["validate", file, "--json"])).out);
    expect(json.rows.map((r: { status: string }) => r.status)).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid"]);
    // only the budget line (9.96 of 10) is checked: 90 points undetermined, total between 9.96 and 99.96
    expect(json.summary).toMatchObject({ totalScore: 9.96, final: false, grade: null, gradeText: "待定", undetermined: { rows: 5, points: 90 }, range: [9.96, 99.96] });
    // the stated 97.96 and 优 lie within what the unchecked rows allow: neither confirmed nor contradicted
    expect(json.summary.messages.map((m: { code: string }) => m.code)).toEqual(["invalid_rows", "stated_grade_unconfirmed"]);
    const text = (await run(["validate", file, "--lang", "en"])).out;
    expect(text).toContain("grade pending");
    expect(text).not.toMatch(/\(Excellent\)/);
  });
});
