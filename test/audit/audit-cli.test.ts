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
import { capture } from "../cli/capture";

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
    // the severity and the check in words, never the engine's codes ([share, 错误])
    expect(text).toContain("[错误] E9 占比:");
    expect(text).not.toMatch(/\[(share|magnitude|sum)/);
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

  /** A workbook whose only sheets are not statements. */
  async function notAStatement(file: string, sheets: Array<[string, Array<Array<string | number | null>>]>): Promise<void> {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of sheets) {
      const ws = wb.addWorksheet(name);
      for (const r of rows) ws.addRow(r);
    }
    await wb.xlsx.writeFile(file);
  }

  const INDICATOR_ROWS: Array<Array<string | number | null>> = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 50, 50],
    ["满意度指标", "服务对象满意度指标", "参保群众满意度", "≥85%", "88%", 50, 50],
    ["总分", null, null, null, null, 100, 100],
  ];

  test.each([
    ["an indicator table", [["指标表", INDICATOR_ROWS]], ["这不是收支表：未找到收支项目", "这是绩效指标表", "jixiao validate"]],
    ["an empty sheet", [["Sheet1", []]], ["这不是收支表：未找到收支项目", "查找的是"]],
    ["random text", [["说明", [["今天天气很好"], ["共有3个部门参加，开展培训5次"]]]], ["这不是收支表：未找到收支项目"]],
    ["a statement with nothing to check", [["收支", [["项目", "本年数（万元）"], ["基本支出", 1203.34]]]], ["没有可核对的内容"]],
  ] as Array<[string, Array<[string, Array<Array<string | number | null>>]>, string[]]>)(
    "not a statement (%s): exit 2, stderr says what was looked for, --json says so, never the all-clear",
    async (name, sheets, says) => {
      const f = path.join(dir, `not-${name.replace(/\s+/g, "-")}.xlsx`);
      await notAStatement(f, sheets);
      const c = capture();
      expect(await auditCommand([f], c.io)).toBe(2);
      const err = c.err.join("\n");
      for (const s of says) expect(err).toContain(s);
      expect(err).toContain("no statement to check");
      expect(c.out.join("\n")).not.toMatch(/未发现不一致|No inconsistencies/);

      const j = capture();
      expect(await auditCommand([f, "--json"], j.io)).toBe(2);
      const json = JSON.parse(j.out.join("\n"));
      expect(json).toMatchObject({ ok: false, error: "no-statement", findings: null });
      expect(json.lookedFor.zh).toContain("本年/本年数/决算数/金额");
      expect(json.lookedFor.en).toContain("本年 / 本年数 / 决算数 / 金额");
      expect(json.sheets).toHaveLength(sheets.length);
      expect(json.sheets[0].sheet).toBe(sheets[0][0]);
      expect(["no-statement", "nothing-to-check"]).toContain(json.sheets[0].kind);
      expect(json.sheets[0].reason).toContain(says[0]);
    },
  );

  test("a unit column in an .xlsx: --json gives the table's unitColumn and the magnitude findings on the 亿元 row", async () => {
    const f = path.join(dir, "unit-column.xlsx");
    await notAStatement(f, [
      [
        "决算表",
        [
          ["编制单位：广州市医疗保障局", null, null, "金额单位：万元"],
          ["项目", "本年数", "计量单位", "上年数"],
          ["本年支出合计", 625604.22, "万元", 500],
          ["基本支出", 20321.23, "万元", 200],
          ["项目支出", 605282.99, "亿元", 300],
        ],
      ],
    ]);
    const c = capture();
    expect(await auditCommand([f, "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out.join("\n"));
    expect(json.sheets[0].tables).toEqual([{ headerRow: 2, firstRow: 3, lastRow: 5, labelColumn: "A", columns: { current: "B", prior: "D" }, unit: "万元", unitColumn: "C" }]);
    // the unit column says 亿元 for the whole row: both of its figures are read in 亿元, both sums work only in 万元
    expect(json.findings).toMatchObject([
      { sheet: "决算表", cell: "B5", check: "magnitude", expected: "605,282.99万元", actual: "605,282.99亿元" },
      { sheet: "决算表", cell: "D5", check: "magnitude", expected: "300万元", actual: "300亿元" },
    ]);
    expect(json.findings[0].message).toContain("20,321.23 + 605,282.99 = 625,604.22万元");
  });

  test("a workbook with a statement and an indicator sheet: the statement is audited, the other listed as skipped", async () => {
    const f = path.join(dir, "mixed.xlsx");
    await makeWorkbook(f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.addWorksheet("指标表");
    for (const r of INDICATOR_ROWS) ws.addRow(r);
    await wb.xlsx.writeFile(f);
    const c = capture();
    expect(await auditCommand([f, "--json"], c.io)).toBe(0);
    const json = JSON.parse(c.out.join("\n"));
    expect(json.ok).toBe(true);
    expect(json.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(["收支表", "说明"]);
    expect(json.skipped).toMatchObject([{ sheet: "指标表", kind: "no-statement" }]);
    const t = capture();
    expect(await auditCommand([f], t.io)).toBe(0);
    expect(t.out.join("\n")).toContain("未核对的工作表（不是收支表或没有可核对的内容）：指标表: 这不是收支表");
  });
});
