import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as rawMain } from "../../src/cli/main";
import { withStructureCheck } from "./package-assert";
import { capture } from "./capture";

/** every --out this file writes passes the structural check */
const main = withStructureCheck(rawMain);

const ROOT = path.join(__dirname, "..", "..");

function sha(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A workbook as a finance officer pastes it: a title block, then the table at row 4. */
async function makeWorkbook(file: string, extra?: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.getCell("A1").value = "2023年度部门整体支出绩效自评表";
  ws.getRow(4).values = ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
  ws.getRow(5).values = ["产出指标", "参保人数", "≥200万人", "234.42万人", 40, 40, null];
  ws.getRow(6).values = [null, "检查次数", "≥3次", "两次", 30, 20, null];
  ws.getRow(7).values = ["满意度", "满意度", "≥90%", 0.95, 30, 30, "=HYPERLINK(\"x\")"];
  ws.getCell("D7").numFmt = "0.00%";
  ws.getRow(8).values = [null, "投诉率", "≤10%", "人民币", 0, null, "+1"];
  extra?.(ws);
  await wb.xlsx.writeFile(file);
}

describe("jixiao validate", () => {
  test("writes marked result columns with values and number formats, and leaves the input byte-identical", async () => {
    const input = path.join(dir, "in.xlsx");
    const out = path.join(dir, "out.xlsx");
    await makeWorkbook(input);
    const before = sha(input);
    const c = capture();
    const code = await main(["validate", input, "--out", out, "--json"], c.io);
    expect(code).toBe(0);
    expect(sha(input)).toBe(before);

    const json = JSON.parse(c.out.join("\n"));
    expect(json.sheet).toBe("自评表");
    expect(json.headerRow).toBe(4);
    expect(json.columns).toMatchObject({ level1: "A", name: "B", target: "C", actual: "D", points: "E", score: "F", reason: "G" });
    expect(json.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [5, "met"],
      [6, "not_met"],
      [7, "met"],
      [8, "invalid"],
    ]);
    const r5 = json.rows[0];
    expect(r5).toMatchObject({ name: "参保人数", target: { text: "≥200万人", op: "ge", value: 200, unit: "万人" }, actual: { text: "234.42万人", value: 234.42, unit: "万人" } });
    expect(r5.completion).toBeCloseTo(1.1721, 10);
    expect(json.rows[1].score).toBe(20);
    expect(json.rows[1].messages.map((m: { code: string }) => m.code)).toEqual(expect.arrayContaining(["not_met", "reason_required"]));
    expect(json.rows[3].messages[0]).toMatchObject({ code: "actual_not_numeric", cell: "D8" });
    expect(json.summary.counts).toEqual({ met: 2, not_met: 1, qualitative: 0, not_applicable: 0, invalid: 1 });
    expect(json.summary.totalScore).toBe(90);
    expect(json.summary.grade).toBe("优");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("自评表")!;
    expect([8, 9, 10, 11].map((c2) => ws.getCell(4, c2).value)).toEqual(["核对·状态", "核对·完成率", "核对·得分", "核对·说明"]);
    expect(ws.getCell("H5").value).toBe("达标");
    expect(ws.getCell("H6").value).toBe("未达标");
    expect(ws.getCell("I5").value).toBeCloseTo(1.1721, 6);
    expect(ws.getCell("I5").numFmt).toBe("0.00%");
    expect(ws.getCell("J6").value).toBe(20);
    expect(ws.getCell("J6").numFmt).toBe("0.00");
    expect(String(ws.getCell("K6").value)).toContain("D6");
    expect(ws.getCell("H6").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("H6").note).toBeTruthy();
    // a row without problems carries no note, and no cell of the block gets an empty one
    for (let r = 4; r <= 8; r++) for (let col = 8; col <= 11; col++) if (!(r === 6 && col === 8) && !(r === 8 && col === 8)) expect(ws.getCell(r, col).model.comment).toBeUndefined();
    // input cells unchanged in the output too, and pasted formula-like text stays text
    expect(ws.getCell("G7").value).toBe('=HYPERLINK("x")');
    expect(ws.getCell("G8").value).toBe("+1");
    for (let r = 4; r <= 8; r++) for (let col = 8; col <= 11; col++) expect(ws.getCell(r, col).formula).toBeUndefined();
  });

  test("a re-run on its own output replaces only its own columns", async () => {
    const input = path.join(dir, "rerun.xlsx");
    const out1 = path.join(dir, "rerun-1.xlsx");
    const out2 = path.join(dir, "rerun-2.xlsx");
    await makeWorkbook(input);
    expect(await main(["validate", input, "--out", out1, "--json"], capture().io)).toBe(0);
    const c = capture();
    expect(await main(["validate", out1, "--out", out2, "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out.join("\n"));
    // rows 5–8 and the total line of the department form below them (row 9)
    expect(json.plan).toMatchObject({ mode: "beside", owned: "'自评表'!H4:K9" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out2);
    const ws = wb.getWorksheet("自评表")!;
    expect(ws.getCell("H4").value).toBe("核对·状态");
    expect(ws.getCell("L4").value).toBeNull();
  });

  test("user data right of the table sends results to a new sheet and stays untouched", async () => {
    const input = path.join(dir, "blocked.xlsx");
    const out = path.join(dir, "blocked-out.xlsx");
    await makeWorkbook(input, (ws) => {
      ws.getCell("I6").value = "我的备注";
    });
    const c = capture();
    expect(await main(["validate", input, "--out", out, "--json"], c.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("自评表")!.getCell("I6").value).toBe("我的备注");
    expect(wb.getWorksheet("自评表")!.getCell("H4").value).toBeNull();
    const res = wb.getWorksheet("核对结果")!;
    expect(res.getCell("A1").value).toBe("核对·来源行");
    expect(res.getCell("A2").formula).toContain("HYPERLINK");
    expect(res.getCell("B2").value).toBe("达标");
  });

  test.each([
    ["a missing file", ["validate", "no-such-file.xlsx"], /no such file/],
    ["a file that is not xlsx", ["validate", "package.json"], /not an \.xlsx file/],
    ["an unknown preset", ["validate", "samples/indicators-sample.xlsx", "--preset", "nope"], /unknown preset/],
    ["an unknown option", ["validate", "samples/indicators-sample.xlsx", "--frobnicate"], /unknown option/],
    ["the input as --out", ["validate", "samples/indicators-sample.xlsx", "--out", "samples/indicators-sample.xlsx"], /must not be the input/],
  ])("%s exits 2 with its message", async (_label, args, pattern) => {
    const c = capture();
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      expect(await main(args, c.io)).toBe(2);
    } finally {
      process.chdir(cwd);
    }
    expect(c.err.join("\n")).toMatch(pattern);
  });

  test("a workbook without an indicator table exits 2 and says what was looked for", async () => {
    const file = path.join(dir, "plain.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getRow(1).values = ["日期", "金额"];
    await wb.xlsx.writeFile(file);
    const c = capture();
    expect(await main(["validate", file], c.io)).toBe(2);
    expect(c.err.join("\n")).toMatch(/三级指标.*年度指标值|indicator/);
  });

  test("the bundled sample runs through the installed bin and prints a report", () => {
    if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: ROOT });
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "jixiao.js"), "validate", "samples/indicators-sample.xlsx"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/表头第4行/);
    expect(r.stdout).toMatch(/总分 \d+\.\d\d/);
    const bad = spawnSync(process.execPath, [path.join(ROOT, "bin", "jixiao.js"), "validate", "missing.xlsx"], { cwd: ROOT, encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/missing\.xlsx/);
  });
});

describe("jixiao validate: the text report (docs/rules.md, Severity)", () => {
  test.each([
    ["zh", /^ {2}\[(错误|警告|提示)\] /, "[错误] D9", "说明（", "[提示] C10"],
    ["en", /^ {2}\[(error|warning|info)\] /, "[error] D9", "Notes (", "[info] C10"],
  ] as const)("--lang %s: each line says its severity, errors first, the assumptions after the problems, no engine keys", async (lang, line, error, notes, assumed) => {
    const input = path.join(dir, `report-${lang}.xlsx`);
    await makeWorkbook(input, (ws) => {
      // an overstated score (10 for 9.17) and an actual without a unit a step off its target
      ws.getRow(9).values = ["产出指标", "宣传资料", "≥1万份", 9800, 10, 10, null];
      ws.getRow(10).values = ["产出指标", "培训人数", "1000人", "917人", 10, 10, null];
    });
    const c = capture();
    expect(await main(["validate", input, "--lang", lang], c.io)).toBe(0);
    const text = c.out.join("\n");
    const lines = text.split("\n").filter((l) => /^ {2}\[/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(line);
    const problems = lines.slice(0, lines.findIndex((l) => l.includes(lang === "zh" ? "[提示]" : "[info]")));
    const ranks = problems.map((l) => (/\[(错误|error)\]/.test(l) ? 0 : /\[(警告|warning)\]/.test(l) ? 1 : 2));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(text).toContain(error);
    expect(text).toContain(notes);
    expect(text).toContain(assumed);
    expect(text).not.toMatch(/level1=|target=|\[magnitude/);
  });
});
