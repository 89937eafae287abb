/**
 * `jixiao validate` never loads the bundled seed data: the CLI loads a command only when it runs.
 * Here loading the seed data throws, so validate succeeding proves it was never required, and
 * `seeds` failing proves the trap is live.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { capture } from "./capture";

jest.mock("../../src/core/seeds/seed-data", () => {
  throw new Error("the seed data was loaded");
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lazy-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("validate runs without the seed data; seeds needs it", async () => {
  const input = path.join(dir, "in.xlsx");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.getRow(1).values = ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"];
  ws.getRow(2).values = ["产出指标", "参保人数", "≥200万人", "234.42万人", 100, 100];
  await wb.xlsx.writeFile(input);

  const v = capture();
  expect(await main(["validate", input, "--json"], v.io)).toBe(0);
  expect(JSON.parse(v.out.join("\n")).sheet).toBe("自评表");

  const s = capture();
  expect(await main(["seeds"], s.io)).toBe(1);
  expect(s.err.join("\n")).toMatch(/the seed data was loaded/);
});
