/** `jixiao audit` end to end over .xlsx files: findings as JSON, formulas in --out, the input untouched. */
import ExcelJS from "exceljs";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditCommand as rawAudit } from "../../src/cli/audit-command";
import { withStructureCheck } from "../cli/package-assert";

/** every --out this file writes passes the structural check */
const auditCommand = withStructureCheck(rawAudit);
import { evaluateFormula } from "./formula";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-audit-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A statement workbook as a finance officer would keep it: a table sheet and a sheet of text. */
async function makeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("收支表");
  ws.getCell("A1").value = "2022年度收入支出情况";
  ws.getCell("A2").value = "单位：万元";
  ws.getRow(3).values = ["项目", "本年数", "上年数", "增长率", "占比"];
  const rows: Array<[string, number | string, number | null, string | null, number | null]> = [
    ["本年收入合计", 3797.83, 2854.75, "33.04%", null],
    ["财政拨款收入", 3795.6, 2851.75, "33.10%", 0.9994],
    ["其他收入", "2.23元", 3, null, 0.0006],
    ["本年支出合计", 3803.37, 2850.01, "33.45%", null],
    ["基本支出", 1203.34, null, null, 0.3164],
    ["项目支出", 2600.03, null, null, 0.3836],
  ];
  rows.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    row.values = r;
    row.getCell(5).numFmt = "0.00%";
    row.getCell(2).numFmt = "#,##0.00";
  });
  const text = wb.addWorksheet("说明");
  text.getCell("A1").value = "本单位2022年总支出为3,803.38万元，较上年的2,850.01万元增加33.45%。";
  text.getCell("A2").value = "收入方面，部门本年收入合计为625,604.22万元，具体为：一般公共预算财政拨款收入578,490.88万元；政府性基金预算拨款收入2,780万元；其他收入44,333.34亿元。";
  await wb.xlsx.writeFile(file);
}

describe("jixiao audit", () => {
  test("--out writes live formulas in the 核对· columns; evaluated, they equal the engine's ratios; the input is untouched", async () => {
    const input = path.join(dir, "statement.xlsx");
    const out = path.join(dir, "out", "checked.xlsx");
    await makeWorkbook(input);
    const before = sha(input);
    const c = capture();
    const code = await auditCommand([input, "--out", out, "--json"], c.io);
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(sha(input)).toBe(before);

    const json = JSON.parse(c.out.join("\n"));
    const keys = ["sheet", "cell", "check", "severity", "expected", "actual", "message"];
    for (const f of json.findings) for (const k of keys) expect(f).toHaveProperty(k);
    expect(json.findings.map((f: { sheet: string; cell: string; check: string }) => `${f.sheet}!${f.cell}:${f.check}`)).toEqual([
      "收支表!B6:magnitude",
      "收支表!E9:share",
      "说明!A2:magnitude",
    ]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("收支表");
    if (!ws) throw new Error("no sheet");
    expect(["F3", "G3", "H3"].map((a) => ws.getCell(a).value)).toEqual(["核对·占比", "核对·增长", "核对·说明"]);
    const lookup = (sheet: string | null, row: number, col: number) => {
      const target = sheet ? wb.getWorksheet(sheet) : ws;
      const v = target?.getCell(row, col).value;
      return v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v;
    };
    const ratios = json.sheets.find((s: { sheet: string }) => s.sheet === "收支表").ratios as Array<{ cell: string; value: number | null; formula: string | null }>;
    let evaluated = 0;
    for (const r of ratios) {
      const cell = ws.getCell(r.cell);
      if (r.formula === null) {
        // a text figure (2.23元): the engine's value, written as a number
        expect(typeof cell.value).toBe("number");
        continue;
      }
      // a formula, not a value
      expect(cell.formula).toBe(r.formula);
      expect(cell.numFmt).toBe("0.00%");
      const v = evaluateFormula(cell.formula, lookup);
      expect(v as number).toBeCloseTo(r.value as number, 6);
      evaluated++;
    }
    expect(evaluated).toBeGreaterThanOrEqual(6);
    expect(ws.getCell("F5").formula).toBe('IFERROR(B5/B$4,"—")');
    expect(ws.getCell("G4").formula).toBe('IFERROR((B4-C4)/C4,"—")');
    expect(String(ws.getCell("H9").value)).toContain("占比应为");
    expect(ws.getCell("F9").note).toBeTruthy();
    // the sentences' findings: a list on a sheet of their own
    const list = wb.getWorksheet("核对·说明");
    expect(list?.getCell("A2").formula).toBe(`HYPERLINK("#'说明'!A2","A2")`);
  });

  test("a re-run on its own output replaces its columns and finds the same", async () => {
    const input = path.join(dir, "rerun.xlsx");
    const first = path.join(dir, "rerun-1.xlsx");
    const second = path.join(dir, "rerun-2.xlsx");
    await makeWorkbook(input);
    const a = capture();
    expect(await auditCommand([input, "--out", first, "--json"], a.io)).toBe(0);
    const b = capture();
    expect(await auditCommand([first, "--out", second, "--json"], b.io)).toBe(0);
    expect(JSON.parse(b.out.join("\n")).findings).toEqual(JSON.parse(a.out.join("\n")).findings);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    const ws = wb.getWorksheet("收支表");
    expect(ws?.getCell("F3").value).toBe("核对·占比");
    expect(ws?.getCell("I3").value ?? null).toBeNull();
  });

  test("text output lists each finding with its cell", async () => {
    const input = path.join(dir, "text.xlsx");
    await makeWorkbook(input);
    const c = capture();
    expect(await auditCommand([input, "--sheet", "收支表"], c.io)).toBe(0);
    const text = c.out.join("\n");
    expect(text).toContain("工作表“收支表”");
    expect(text).toContain("E9 [share, 错误]");
    expect(text).toContain("发现问题：2 处");
    const e = capture();
    expect(await auditCommand([input, "--sheet", "收支表", "--lang", "en"], e.io)).toBe(0);
    expect(e.out.join("\n")).toContain("Findings: 2");
  });

  test.each([
    ["no such file", async () => [path.join(dir, "missing.xlsx")], "no such file"],
    [
      "not an xlsx",
      async () => {
        const f = path.join(dir, "notes.xlsx");
        fs.writeFileSync(f, "just text");
        return [f];
      },
      "not an .xlsx file",
    ],
    [
      "no statement",
      async () => {
        const f = path.join(dir, "people.xlsx");
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet("人员").addRow(["姓名", "电话"]);
        await wb.xlsx.writeFile(f);
        return [f];
      },
      "本年/本年数/决算数/金额",
    ],
    [
      "no such sheet",
      async () => {
        const f = path.join(dir, "sheet.xlsx");
        await makeWorkbook(f);
        return [f, "--sheet", "没有"];
      },
      'no sheet "没有"',
    ],
    [
      "--out is the input",
      async () => {
        const f = path.join(dir, "same.xlsx");
        await makeWorkbook(f);
        return [f, "--out", f];
      },
      "--out must not be the input file",
    ],
    ["no file given", async () => [], "expected one .xlsx file"],
  ])("exit 2 on unusable input: %s", async (_name, args, message) => {
    const c = capture();
    expect(await auditCommand(await args(), c.io)).toBe(2);
    expect(c.err.join("\n")).toContain(message);
  });
});
