/**
 * `jixiao validate --json` on the form families of docs/form-families.md, each a workbook built from
 * its fixture (merged cells as offices merge them): kind, levels or blocks, totals, findings on cells,
 * and the write-back copy.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli as run } from "./capture";
import { GridSheet, writeGridWorkbook } from "./grid-workbook";
import { ValidateResultJsonSchema } from "../../src/cli/json-output";

const FIXTURES = path.join(__dirname, "../fixtures");

/** A fixture's sheet written as a workbook named 评分表. */
const workbook = (fixture: string, file: string) =>
  writeGridWorkbook(file, "评分表", JSON.parse(fs.readFileSync(path.join(FIXTURES, fixture), "utf-8")) as GridSheet);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-families-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("jixiao validate on the form families", () => {
  test("a published scoring sheet (Yueyang, one 分值 column, merged levels): levels, total, the missing 扣分原因 on its cell", async () => {
    const file = path.join(dir, "yueyang.xlsx");
    await workbook("real-forms/scoring/hunan-yueyang-audit-2018.json", file);
    const { code, out } = await run(["validate", file, "--json"]);
    expect(code).toBe(0);
    const json = ValidateResultJsonSchema.parse(JSON.parse(out));
    expect(json.form.kind).toBe("scoring");
    expect(json.rows).toHaveLength(7);
    expect(json.rows[0]).toMatchObject({ name: "财政供养人员控制率", level1: "投入", level2: "预算配置", points: 5, score: 5, criteria: "≤100%计5分；每超1个百分点扣0.5分" });
    expect(json.summary).toMatchObject({ pointsTotal: 30, totalScore: 29, final: true });
    expect(json.summary.levels).toContainEqual({ name: "预算执行", cell: "B7", points: 15, childPoints: 15, score: 14 });
    const reason = json.rows.find((r) => r.name === "资金结余")?.messages.find((m) => m.code === "reason_required");
    expect(reason?.cell).toBe("G9");
    // the write-back: results right of the table (H…K), the row's explanation names the cell
    const outFile = path.join(dir, "yueyang-checked.xlsx");
    expect((await run(["validate", file, "--out", outFile])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(outFile);
    const ws = wb.getWorksheet("评分表")!;
    expect(ws.getCell("H3").value).toBe("核对·状态");
    expect(String(ws.getCell("K9").value)).toContain("G9");
  });

  test("a goal-block form: budget points from the header, block points from the titles, the overstated block and total", async () => {
    const file = path.join(dir, "goal-blocks.xlsx");
    await workbook("families/goal-blocks.json", file);
    const { code, out } = await run(["validate", file, "--json"]);
    expect(code).toBe(0);
    const json = ValidateResultJsonSchema.parse(JSON.parse(out));
    expect(json.form.kind).toBe("goal_blocks");
    expect(json.rows.map((r) => r.name)).toEqual(["培训人数", "培训合格率", "政策知晓率", "参训人员满意度"]);
    expect(json.summary.budget).toMatchObject({ points: 20, score: 19.2, rate: 0.96 });
    expect(json.summary).toMatchObject({ pointsTotal: 100, totalScore: 99.2, final: true, grade: "优" });
    const found = json.summary.messages.map((m) => `${m.code}@${m.cell ?? ""}`);
    expect(found).toEqual(expect.arrayContaining(["block_over_points@A10", "stated_total@F14"]));
    expect(json.summary.messages.find((m) => m.code === "block_over_points")?.severity).toBe("error");
  });
});
