/**
 * The published national forms (test/fixtures/real-forms/national) written as workbooks: `jixiao
 * validate` text and --json, and the review row (kind column, totals) each gives.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./capture";
import { writeGridWorkbook } from "./grid-workbook";
import { ValidateResultJsonSchema } from "../../src/cli/json-output";
import { CellValue } from "../../src/core/basics/grid";
import { KIND_LABELS, reviewSheet } from "../../src/core/review";
import { summaryLayout } from "../../src/core/review/summary-sheet";

const FIXTURES = path.join(__dirname, "../fixtures/real-forms/national");
const rowsOf = (name: string): CellValue[][] => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")).rows;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-real-national-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (file: string, rows: CellValue[][]) => writeGridWorkbook(file, "自评表", { values: rows });

describe("安徽池州 委托业务项目 as a workbook", () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, "chizhou.xlsx");
    await write(file, rowsOf("anhui-chizhou-2022-weituo.json"));
  });

  test("--json: form.kind, the budget line from the 其中 row, summary.levels", async () => {
    const { code, out } = await run(["validate", file, "--json"]);
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    const r = ValidateResultJsonSchema.parse(doc);
    expect(r.form.kind).toBe("project");
    expect([r.summary.budget?.budget, r.summary.budget?.executed, r.summary.budget?.score]).toEqual([89.974, 89.974, 10]);
    expect(r.summary.levels).toEqual([
      { name: "产出指标", cell: "B13", points: 50, childPoints: 50, score: 50 },
      { name: "效益指标", cell: "B19", points: 30, childPoints: 30, score: 30 },
    ]);
    expect(r.summary.messages.find((m) => m.code === "budget_total_unfilled")?.cell).toBe("B6");
  });

  test("text: the form line, the levels, the unfilled total row", async () => {
    const { out } = await run(["validate", file]);
    expect(out).toContain("项目支出绩效自评表，2022年度，项目：委托业务项目");
    expect(out).toContain("指标层级分值：");
    expect(out).toContain("  产出指标（B13）：标明50分，下级分值合计50，得分50");
    expect(out).toContain("B6: “年度资金总额”未填写（为0或空白）");
  });
});

describe("the review rows of the published forms: kind column and totals", () => {
  test.each([
    ["anhui-chizhou-2022-weituo.json", "project", 90, true],
    ["anhui-chizhou-2022-cunji.json", "project", 60, true],
    ["sichuan-qingshen-2023-gongzi.json", "project", 10, false],
    ["hebei-langfang-2019-nuantong.json", "project", 97.24, true],
  ] as const)("%s", (name, kind, total, final) => {
    const review = reviewSheet(name, 0, { sheet: "自评表", values: rowsOf(name) });
    expect(review).not.toBeNull();
    if (!review) return;
    expect([review.row.kind, review.row.computedTotal, review.row.final]).toEqual([kind, total, final]);
    const layout = summaryLayout([review.row], { file: () => null, cell: () => null });
    expect(JSON.stringify(layout)).toContain(KIND_LABELS[kind].zh);
  });
});
