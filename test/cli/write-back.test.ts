/**
 * Write-back keeps the whole workbook (docs/write-back.md): workbooks made by other writers
 * (openpyxl, LibreOffice with a pivot table, an .xlsm, an old .xls, exceljs with notes on two sheets) come back from
 * `validate --out` and `audit --out` with every part they had, our columns added, a package
 * Excel opens without a repair, and LibreOffice opens and recalculates them.
 */
import ExcelJS from "exceljs";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { auditCommand } from "../../src/cli/audit-command";
import { main } from "../../src/cli/main";
import { checkPackage } from "../../src/cli/xlsx-check";
import { XlsxWorkbook } from "../../src/cli/xlsx-workbook";
import { SOFFICE, expectCleanPackage, expectKept, libreOfficeSheets, outputOf, packageOf, withStructureCheck } from "./package-assert";
import { capture } from "./capture";

const FIXTURES = path.join(__dirname, "..", "fixtures", "workbooks");
const validate = withStructureCheck((argv, io) => main(["validate", ...argv], io));
const audit = withStructureCheck(auditCommand);

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-keep-"));
  await makeExceljsNotes(path.join(dir, "exceljs-notes.xlsx"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An indicator table and a statement, each sheet with a note of the user's, written by exceljs. */
async function makeExceljsNotes(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评表");
  ws.getCell("A1").value = "2023年度部门整体支出绩效自评表";
  ws.getRow(4).values = ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
  ws.getRow(5).values = ["产出指标", "参保人数", "≥200万人", "234.42万人", 40, 40, null];
  ws.getRow(6).values = [null, "检查次数", "≥3次", "两次", 30, 20, null];
  ws.getCell("B5").note = "用户批注一";
  const st = wb.addWorksheet("收支表");
  st.getCell("A1").value = "单位：万元";
  st.getRow(3).values = ["项目", "本年数", "上年数", "增长率", "占比"];
  st.getRow(4).values = ["本年支出合计", 3803.37, 2850.01, "33.45%", null];
  st.getRow(5).values = ["基本支出", 1203.34, null, null, 0.3164];
  st.getRow(6).values = ["项目支出", 2600.03, null, null, 0.6836];
  st.getCell("A4").note = "用户批注二";
  await wb.xlsx.writeFile(file);
}

interface Case {
  name: string;
  file: () => string;
  outExt: ".xlsx" | ".xlsm";
  legacy?: boolean;
  /** false: the workbook holds no statement, so `audit` must say so (exit 2) and write nothing */
  statement?: boolean;
}

const CASES: Case[] = [
  { name: "openpyxl (pandas' writer) with charts, an image, validation, conditional format, names, custom XML", file: () => path.join(FIXTURES, "openpyxl-office.xlsx"), outExt: ".xlsx" },
  { name: "LibreOffice", file: () => path.join(FIXTURES, "libreoffice-office.xlsx"), outExt: ".xlsx" },
  { name: "LibreOffice with a pivot table", file: () => path.join(FIXTURES, "libreoffice-pivot.xlsx"), outExt: ".xlsx", statement: false },
  { name: ".xlsm with a VBA project", file: () => path.join(FIXTURES, "openpyxl-macro.xlsm"), outExt: ".xlsm" },
  { name: "exceljs with notes on two sheets", file: () => path.join(dir, "exceljs-notes.xlsx"), outExt: ".xlsx" },
];

const commands: [string, typeof validate, string][] = [
  ["validate", validate, "核对·状态"],
  ["audit", audit, "核对·"],
];

/** Whether some cell of some sheet starts with `header`. */
function hasHeader(file: string, header: string): boolean {
  const wb = XlsxWorkbook.fromBytes(fs.readFileSync(file));
  return wb.sheets.some((s) => s.kind === "worksheet" && wb.grid(s).values.some((line) => line.some((v) => typeof v === "string" && v.startsWith(header))));
}

const written: string[] = [];

describe.each(CASES)("write-back: $name", (c) => {
  test.each(commands)("%s --out keeps every part, adds our columns, passes the structural check", async (cmd, run, header) => {
    const input = c.file();
    const before = sha(input);
    const out = path.join(dir, `${cmd}-${path.basename(input).replace(/\.[^.]*$/, "")}.xlsx`);
    const io = capture();
    if (cmd === "audit" && c.statement === false) {
      // no statement here: never an all-clear, and nothing is written (docs/statement-audit.md)
      expect(await run([input, "--out", out], io.io)).toBe(2);
      expect(io.err.join("\n")).toMatch(/这不是收支表/);
      expect(sha(input)).toBe(before);
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect(await run([input, "--out", out], io.io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(sha(input)).toBe(before);
    const file = outputOf([input, "--out", out]) as string;
    expect(path.extname(file)).toBe(c.outExt);
    written.push(file);
    expectCleanPackage(file);
    const changed = expectKept(input, file);
    // charts, drawings, media, custom XML, VBA, docProps: untouched
    expect(changed.filter((p) => /chart|drawings\/drawing|media|customXml|vbaProject|docProps|theme|pivot/.test(p))).toEqual([]);
    expect(hasHeader(file, header)).toBe(true);
    if (c.outExt === ".xlsm") {
      expect(io.out.join("\n")).toMatch(/宏/);
      expect(packageOf(file).contentTypeOf("xl/workbook.xml")).toMatch(/macroEnabled/);
      expect(Buffer.compare(Buffer.from(packageOf(file).getBytes("xl/vbaProject.bin") as Uint8Array), Buffer.from(packageOf(input).getBytes("xl/vbaProject.bin") as Uint8Array))).toBe(0);
    }
  });
});

describe("the inputs the tests use", () => {
  test("exceljs gives both VML parts one id block and one shape id; the structural check says so; our output does not", async () => {
    const input = path.join(dir, "exceljs-notes.xlsx");
    const problems = checkPackage(fs.readFileSync(input));
    expect(problems.join("\n")).toMatch(/VML id block 1 also used/);
    expect(problems.join("\n")).toMatch(/_x0000_s1025 also used/);
    const out = path.join(dir, "exceljs-notes-fixed.xlsx");
    expect(await validate([input, "--out", out], capture().io)).toBe(0);
    expect(checkPackage(fs.readFileSync(out))).toEqual([]);
    // the user's notes are both still there, with ours
    const pkg = packageOf(out);
    const comments = pkg.partNames().filter((p) => /comments\d*\.xml$/.test(p)).map((p) => pkg.getText(p)).join("");
    expect(comments).toContain("用户批注一");
    expect(comments).toContain("用户批注二");
  });

  test("the structural check finds a broken relationship, a missing content type, a sheet name Excel refuses, elements out of order", () => {
    const base = packageOf(path.join(FIXTURES, "openpyxl-office.xlsx"));
    const rels = "xl/worksheets/_rels/sheet1.xml.rels";
    base.setText(rels, base.getText(rels).replace(/Target="[^"]*drawing1\.xml"/, 'Target="/xl/drawings/nowhere.xml"'));
    base.setText("xl/extra.bin", "x");
    base.setText("xl/workbook.xml", base.getText("xl/workbook.xml").replace('name="封面"', 'name="封面[1]"'));
    const sheet = "xl/worksheets/sheet2.xml";
    base.setText(sheet, base.getText(sheet).replace(/(<legacyDrawing[^>]*\/>)([\s\S]*)(<\/worksheet>)/, "$2$1$3").replace("<sheetData>", "<tableParts count=\"0\"/><sheetData>"));
    const problems = checkPackage(base.toBytes()).join("\n");
    expect(problems).toMatch(/points to a missing part xl\/drawings\/nowhere\.xml/);
    expect(problems).toMatch(/no content type for xl\/extra\.bin/);
    expect(problems).toMatch(/sheet name not valid in Excel: "封面\[1\]"/);
    expect(problems).toMatch(/schema order/);
  });
});

describe("a worksheet written with a namespace prefix (<x:worksheet>, as the .NET Open XML SDK writes)", () => {
  test("our cells, rows, widths and notes carry the sheet's prefix", async () => {
    const pkg = packageOf(path.join(FIXTURES, "openpyxl-office.xlsx"));
    const sheet = "xl/worksheets/sheet1.xml";
    const plain = pkg.getText(sheet);
    const prefixed = plain
      .replace(/<(\/?)([A-Za-z]\w*)([\s>/])/g, (_w, close: string, name: string, after: string) => `<${close}x:${name}${after}`)
      .replace(/xmlns="http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main"/, 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    expect(prefixed).not.toBe(plain);
    pkg.setText(sheet, prefixed);
    const input = path.join(dir, "prefixed.xlsx");
    fs.writeFileSync(input, pkg.toBytes());
    const out = path.join(dir, "prefixed-out.xlsx");
    expect(await validate([input, "--out", out], capture().io)).toBe(0);
    expectKept(input, out);
    const xml = packageOf(out).getText(sheet);
    // nothing in the sheet without the prefix (an unprefixed <c> would be in no namespace)
    expect(xml.match(/<(?!x:|\/x:|\?)[A-Za-z]/g)).toBeNull();
    expect(xml).toMatch(/<x:c r="H4"[^>]*t="inlineStr"><x:is><x:t[^>]*>核对·状态<\/x:t>/);
    expect(xml).toMatch(/<x:legacyDrawing r:id="rId\d+"\/>/);
    expect(hasHeader(out, "核对·状态")).toBe(true);
  });
});

describe("a sheet with a threaded comment (Excel 365) gets our notes beside it", () => {
  test("the threaded comment, its person list and its legacy placeholder are kept; our notes are added", async () => {
    const base = path.join(dir, "threaded-base.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.getRow(1).values = ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
    ws.getRow(2).values = ["产出指标", "参保人数", "≥200万人", "234.42万人", 40, 40, null];
    ws.getRow(3).values = [null, "检查次数", "≥3次", "两次", 30, 20, null];
    ws.getCell("A1").note = "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel.\n\nComment:\n    请核对";
    await wb.xlsx.writeFile(base);
    const pkg = packageOf(base);
    const person = "xl/persons/person.xml";
    const threaded = "xl/threadedComments/threadedComment1.xml";
    pkg.setText(person, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="财务" id="{5B2A3D4E-1111-4C3B-9C1D-000000000001}" userId="cw" providerId="None"/></personList>`);
    pkg.setText(threaded, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><threadedComment ref="A1" dT="2024-01-02T03:04:05.00" personId="{5B2A3D4E-1111-4C3B-9C1D-000000000001}" id="{6C3B4E5F-2222-4D4C-8D2E-000000000002}"><text>请核对</text></threadedComment></ThreadedComments>`);
    pkg.addOverride(person, "application/vnd.ms-excel.person+xml");
    pkg.addOverride(threaded, "application/vnd.ms-excel.threadedcomments+xml");
    pkg.addRel("xl/workbook.xml", "http://schemas.microsoft.com/office/2017/10/relationships/person", person);
    pkg.addRel("xl/worksheets/sheet1.xml", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", threaded);
    const input = path.join(dir, "threaded.xlsx");
    fs.writeFileSync(input, pkg.toBytes());
    const out = path.join(dir, "threaded-out.xlsx");
    expect(await validate([input, "--out", out], capture().io)).toBe(0);
    expectKept(input, out);
    const back = packageOf(out);
    expect(back.getText(threaded)).toBe(pkg.getText(threaded));
    expect(back.getText(person)).toBe(pkg.getText(person));
    const commentsPart = back.rels("xl/worksheets/sheet1.xml").find((r) => r.type.endsWith("/comments"))?.path as string;
    const comments = back.getText(commentsPart);
    expect(comments).toContain('ref="A1"');
    expect(comments).toContain("[Threaded comment]");
    // the note our run writes for the row short of its target (检查次数)
    expect(comments).toMatch(/ref="H3"[^>]*>[\s\S]*未达到目标/);
  });
});

describe("old .xls and WPS .et: checked through LibreOffice into a new .xlsx", () => {
  const xls = path.join(FIXTURES, "legacy-office.xls");
  const name = "validate and audit read the .xls and a WPS .et; results go into a new .xlsx; the original is untouched";
  (SOFFICE ? test : test.skip)(SOFFICE ? name : `${name} (skipped: soffice is not on PATH; LibreOffice is not installed here)`, async () => {
    const et = path.join(dir, "wps-sheet.et");
    fs.copyFileSync(xls, et); // a WPS .et is the same binary compound format
    for (const input of [xls, et]) {
      const before = sha(input);
      for (const [cmd, run, header] of commands) {
        const out = path.join(dir, `${cmd}-${path.basename(input)}.xls`);
        const io = capture();
        expect(await run([input, "--out", out], io.io)).toBe(0);
        expect(sha(input)).toBe(before);
        const file = outputOf([input, "--out", out]) as string;
        expect(path.extname(file)).toBe(".xlsx");
        expect(io.out.join("\n")).toMatch(/LibreOffice/);
        expect(hasHeader(file, header)).toBe(true);
        const wb = XlsxWorkbook.fromBytes(fs.readFileSync(file));
        expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["自评表", "收支表", "参数"]));
        expect(wb.sheet("参数")?.state).toBe("hidden");
      }
    }
  });

  test("without LibreOffice an .xls gets a clear message and exit 2", async () => {
    const saved = process.env.JIXIAO_SOFFICE;
    process.env.JIXIAO_SOFFICE = path.join(dir, "no-such-soffice");
    try {
      const io = capture();
      expect(await main(["validate", xls, "--out", path.join(dir, "never.xlsx")], io.io)).toBe(2);
      expect(io.err.join("\n")).toMatch(/需要 LibreOffice[\s\S]*Save it as \.xlsx in Excel or WPS, or install LibreOffice/);
      expect(fs.existsSync(path.join(dir, "never.xlsx"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.JIXIAO_SOFFICE;
      else process.env.JIXIAO_SOFFICE = saved;
    }
  });
});

describe("a sheet of the user's named 核对结果", () => {
  async function makeBook(file: string): Promise<void> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("自评表");
    ws.getRow(1).values = ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"];
    ws.getRow(2).values = ["产出指标", "参保人数", "≥200万人", "234.42万人", 40, 40, null];
    ws.getRow(3).values = [null, "检查次数", "≥3次", "两次", 30, 20, null];
    // the user's own notes right of the table: results cannot go beside it
    ws.getCell("I2").value = "我的备注";
    const mine = wb.addWorksheet("核对结果");
    mine.getCell("A1").value = "我自己的核对记录";
    mine.getCell("B2").value = 123;
    await wb.xlsx.writeFile(file);
  }

  test("is kept; results go to 核对结果 (2); a re-run on the output replaces 核对结果 (2) only", async () => {
    const input = path.join(dir, "user-result-sheet.xlsx");
    await makeBook(input);
    const out = path.join(dir, "user-result-sheet-out.xlsx");
    const io = capture();
    expect(await validate([input, "--out", out, "--json"], io.io)).toBe(0);
    const doc = JSON.parse(io.out.join("\n"));
    expect(doc.plan).toMatchObject({ sheet: "核对结果 (2)", mode: "new_sheet" });
    expect(doc.plan.owned.startsWith("'核对结果 (2)'!")).toBe(true);
    const wb = XlsxWorkbook.fromBytes(fs.readFileSync(out));
    expect(wb.sheets.map((s) => s.name)).toEqual(["自评表", "核对结果", "核对结果 (2)"]);
    const user = wb.grid(wb.sheet("核对结果") as NonNullable<ReturnType<typeof wb.sheet>>).values;
    expect([user[0][0], user[1][1]]).toEqual(["我自己的核对记录", 123]);
    expectKept(input, out);
    // again, on the output: our sheet is recognised by its header and replaced in place
    const out2 = path.join(dir, "user-result-sheet-out2.xlsx");
    const io2 = capture();
    expect(await validate([out, "--out", out2, "--json"], io2.io)).toBe(0);
    expect(JSON.parse(io2.out.join("\n")).plan.sheet).toBe("核对结果 (2)");
    const wb2 = XlsxWorkbook.fromBytes(fs.readFileSync(out2));
    expect(wb2.sheets.map((s) => s.name)).toEqual(["自评表", "核对结果", "核对结果 (2)"]);
    expectKept(out, out2);
  });
});

describe("LibreOffice opens and recalculates every write-back output", () => {
  const name = "each output opens; the audit's 核对·占比 formulas compute";
  (SOFFICE ? test : test.skip)(SOFFICE ? name : `${name} (skipped: soffice is not on PATH; LibreOffice is not installed here)`, () => {
    expect(written.length).toBe(CASES.length * commands.length - CASES.filter((c) => c.statement === false).length);
    const sheets = libreOfficeSheets(written);
    let checkedRatios = 0;
    for (const file of written) {
      const book = sheets.get(file) as Map<string, string[][]>;
      expect({ file: path.basename(file), sheets: book.size > 0 }).toEqual({ file: path.basename(file), sheets: true });
      // the statement sheet of the fixtures that have one (the pivot workbook has none)
      const rows = book.get("收支表");
      if (!path.basename(file).startsWith("audit-") || !rows) continue;
      checkedRatios++;
      const header = rows.find((r) => r.includes("核对·占比")) as string[];
      const col = header.indexOf("核对·占比");
      const basic = rows.find((r) => r[0] === "基本支出") as string[];
      // 1203.34 / 3803.37, written by LibreOffice in the cell's percent format
      expect(Math.abs(parseFloat(basic[col]) / 100 - 1203.34 / 3803.37)).toBeLessThan(1e-9);
    }
    expect(checkedRatios).toBe(4);
  });
});
