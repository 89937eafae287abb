/**
 * `jixiao validate --json` on a data-item form (docs/form-families.md) built from a published
 * form's fixture: the family, the values from the items, the totals; and --out holds the value as
 * a live formula in 核对·指标值 beside the untouched 指标值.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as rawMain } from "../../src/cli/main";
import { fixtureGrid, loadFixtures } from "../fixtures/real-forms/data-items/sheet";
import { capture } from "./capture";
import { withStructureCheck } from "./package-assert";

const main = withStructureCheck(rawMain);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-data-items-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeFixtureWorkbook(file: string): Promise<void> {
  const fixture = loadFixtures().find((f) => f.id === "department-2018-wanglu-462766");
  if (!fixture) throw new Error("fixture missing");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("评价表");
  fixtureGrid(fixture).forEach((line, i) => {
    ws.getRow(i + 1).values = line.map((v) => (v === null || v === undefined ? null : v)) as ExcelJS.CellValue[];
  });
  ws.mergeCells("I2:J2");
  await wb.xlsx.writeFile(file);
}

test("validate --json reads the data-item form with no configuration and writes the value as a live formula", async () => {
  const input = path.join(dir, "in.xlsx");
  const out = path.join(dir, "out.xlsx");
  await writeFixtureWorkbook(input);

  const c = capture();
  const code = await main(["validate", input, "--out", out, "--json"], c.io);
  expect(code).toBe(0);
  const json = JSON.parse(c.out.join("\n"));
  expect(json.form.kind).toBe("data-items");
  expect(json.headerRow).toBe(3);
  expect(json.rows.map((r: { row: number; status: string; score: number | null; points: number | null }) => [r.row, r.status, r.points, r.score])).toEqual([
    [4, "met", 8, 8],
    [5, "not_met", 8, 0],
    [8, "not_met", 8, 7.94],
    [9, "not_met", 8, 0],
  ]);
  expect(json.rows[0].computed).toEqual({ formula: '=IFERROR(NUMBERVALUE(MID(I4,5,LEN(I4)-5),".",",")/NUMBERVALUE(MID(J4,4,LEN(J4)-4),".",",")*100,"")', items: ["I4", "J4"], value: 95.1048951048951, unit: "%" });
  expect(json.summary.totalScore).toBe(15.94);
  expect(json.summary.levels.map((l: { name: string; points: number; childPoints: number }) => [l.name, l.points, l.childPoints])).toEqual([
    ["投入", 16, 16],
    ["预算配置", 16, 16],
    ["预算执行", 16, 16],
  ]);
  const rounding = json.rows[2].messages.find((m: { code: string }) => m.code === "item_ratio_rounding");
  expect(rounding).toMatchObject({ severity: "info", cell: "K8" });

  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(out);
  const sheet = back.getWorksheet("评价表");
  expect(sheet?.getCell("P3").value).toBe("核对·指标值");
  const p4 = sheet?.getCell("P4").value as { formula?: string } | null;
  // the file stores functions newer than Excel 2007 with their _xlfn. prefix (docs/write-back.md)
  expect(p4?.formula?.replace(/_xlfn\./g, "")).toBe(json.rows[0].computed.formula.slice(1));
  expect(p4?.formula).toContain("_xlfn.NUMBERVALUE(");
  // the user's 指标值 stays as written
  expect(sheet?.getCell("K4").value).toBe(95.1);
  expect(sheet?.getCell("K8").value).toBe(99.27);
});

const SOFFICE = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
const withSoffice = SOFFICE ? test : test.skip;
const name = "LibreOffice headless computes the written 核对·指标值 formulas to the items' ratios";
withSoffice(SOFFICE ? name : `${name} (skipped: soffice is not on PATH; LibreOffice is not installed here)`, async () => {
  const input = path.join(dir, "lo-in.xlsx");
  const out = path.join(dir, "lo-out.xlsx");
  await writeFixtureWorkbook(input);
  expect(await main(["validate", input, "--out", out], capture().io)).toBe(0);
  const csvDir = path.join(dir, "lo-csv");
  fs.mkdirSync(csvDir, { recursive: true });
  const r = spawnSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", csvDir, out], { timeout: 120000 });
  expect(r.status).toBe(0);
  const file = fs.readdirSync(csvDir).find((f) => f.endsWith(".csv"));
  const rows = fs
    .readFileSync(path.join(csvDir, file as string), "utf8")
    .split(/\r?\n/)
    .map((line) => line.split(",").map((s) => s.replace(/^"|"$/g, "")));
  const want: Record<number, number> = { 4: 95.1048951048951, 5: 98.3125, 8: 99.2641101307505, 9: 39.9353013376604 };
  for (const [row, value] of Object.entries(want)) expect(parseFloat(rows[Number(row) - 1][15])).toBeCloseTo(value, 6);
});
