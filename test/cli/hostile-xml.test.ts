/**
 * Crafted packages (issue 22): legal XML that regular expressions misread, and hostile XML that
 * must end in a clear refusal. What Jixiao checks must be what Excel shows; no input may make it
 * write a malformed file; a hostile file ends in exit 2 with the reason, quickly.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main as rawMain } from "../../src/cli/main";
import { OoxmlPackage } from "../../src/cli/ooxml-package";
import { PackageError } from "../../src/cli/package-error";
import { XlsxWorkbook } from "../../src/cli/xlsx-workbook";
import { GRID_LIMITS, sheetGrid } from "../../src/cli/xlsx-read";
import { assertPackageSound, checkPackage } from "../../src/cli/xlsx-check";
import { parseXml } from "../../src/cli/xml-parse";
import { capture } from "./capture";
import { withStructureCheck } from "./package-assert";
import { MAIN, PLAIN, Spelling, cellsOf, valuesByRef, workbookParts, zipParts } from "./xml-workbook";

const main = withStructureCheck(rawMain);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-hostile-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The sample: a title, the table's header at row 4; E6 holds 2项 against ≥4项 (not met, 35 of 40). */
const SAMPLE = cellsOf([
  ["2023年度项目支出绩效自评表", null, null, null, null, null, null],
  [null],
  [null],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 40, 40],
  [null, null, "检查项目", "≥4项", "2项", 40, 35],
  ["效益指标", "满意度", "群众满意度", "≥90%", 0.95, 20, 20],
]);

type Parts = [string, string | Buffer][];
type Edit = (parts: Parts) => Parts;

/** Change one part's text. */
const inPart =
  (name: string, f: (xml: string) => string): Edit =>
  (parts) =>
    parts.map(([n, d]) => [n, n === name && typeof d === "string" ? f(d) : d]);
const SHEET = "xl/worksheets/sheet1.xml";
const SST = "xl/sharedStrings.xml";

/** Insert `text` just after the first occurrence of `after` (a test's own splice). */
function after(xml: string, anchor: RegExp, text: string): string {
  const m = anchor.exec(xml);
  if (!m) throw new Error(`anchor ${anchor} not found`);
  return xml.slice(0, m.index + m[0].length) + text + xml.slice(m.index + m[0].length);
}

const CASES: { name: string; spelling?: Partial<Spelling>; edit?: Edit }[] = [
  { name: "a commented-out copy of E6 (4项) after the real one", edit: inPart(SHEET, (x) => after(x, /<c r="E6"[^]*?<\/c>/, '<!-- <c r="E6" t="inlineStr"><is><t>4项</t></is></c> -->')) },
  { name: "an XML comment in sharedStrings", edit: inPart(SST, (x) => after(x, /<sst[^>]*>/, "<!-- <si><t>shift</t></si> -->")) },
  { name: "commented-out rows and rows inside extLst", spelling: { decoys: true } },
  { name: "`/>` and `>` inside attribute values", spelling: { markupInAttributes: true } },
  { name: "whitespace in end tags (</c >, </row\\n>)", spelling: { spacedEndTags: true } },
  { name: "CDATA strings, inline and shared", spelling: { cdata: true, strings: "mixed" } },
  { name: "single quotes and spaces around =", spelling: { quote: "'", spacedEquals: true } },
  { name: "a namespace prefix (x:)", spelling: { prefix: "x:" } },
  {
    name: "mixed prefixes: x:worksheet with an unprefixed sheetData",
    spelling: { prefix: "x:" },
    edit: inPart(SHEET, (x) => {
      const a = x.indexOf("<x:sheetData>");
      const b = x.indexOf("</x:sheetData>") + "</x:sheetData>".length;
      return x.slice(0, a) + x.slice(a, b).replace("<x:sheetData>", `<sheetData xmlns="${MAIN}">`).replace(/<(\/?)x:/g, "<$1") + x.slice(b);
    }),
  },
  { name: "rows and cells without r", spelling: { rowsWithoutR: true, cellsWithoutR: true } },
  { name: "rows out of order", spelling: { rowsOutOfOrder: true } },
  { name: "rich text runs with phonetic guides", spelling: { richRuns: true } },
  { name: "line breaks and indentation", spelling: { pretty: true } },
  {
    name: "sheet and sharedStrings in UTF-16 with a BOM",
    edit: (parts) =>
      parts.map(([n, d]) => [n, (n === SHEET || n === SST) && typeof d === "string" ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(d.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]) : d]),
  },
  {
    name: "a sheet in UTF-16BE without a declaration's help",
    edit: (parts) =>
      parts.map(([n, d]) => {
        if (n !== SHEET || typeof d !== "string") return [n, d];
        const b = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(d.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
        b.swap16();
        return [n, b];
      }),
  },
];

function write(name: string, spelling: Partial<Spelling>, edit?: Edit): string {
  let parts = workbookParts(SAMPLE, { ...PLAIN, ...spelling });
  if (edit) parts = edit(parts);
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, zipParts(parts));
  return file;
}

async function run(argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out.join("\n"), err: c.err.join("\n") };
}

describe("what Jixiao checks is what Excel shows", () => {
  let clean: { code: number; out: string };
  beforeAll(async () => {
    clean = await run(["validate", write("sample", {}), "--json"]);
    expect(clean.code).toBe(0);
    const rows = JSON.parse(clean.out).rows.map((r: { row: number; status: string }) => [r.row, r.status]);
    expect(rows).toEqual([
      [5, "met"],
      [6, "not_met"],
      [7, "met"],
    ]);
  });

  test.each(CASES)("$name: the same check as the plain file, and --out writes a well-formed copy", async ({ spelling, edit }) => {
    const file = write("sample", spelling ?? {}, edit);
    const r = await run(["validate", file, "--json"]);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    expect(JSON.parse(r.out)).toEqual(JSON.parse(clean.out));
    // the copy: the structural check passes (withStructureCheck) and the user's cells read back unchanged
    const out = path.join(dir, "out.xlsx");
    fs.rmSync(out, { force: true });
    const w = await run(["validate", file, "--out", out]);
    expect(w.code).toBe(0);
    const before = XlsxWorkbook.fromBytes(fs.readFileSync(file));
    const after = XlsxWorkbook.fromBytes(fs.readFileSync(out));
    const user = (wb: XlsxWorkbook) => Object.fromEntries(Object.entries(valuesByRef(wb.grid(wb.sheets[0]).values)).filter(([k]) => /^[A-G]\d+$/.test(k)));
    expect(user(after)).toEqual(user(before));
  });
});

describe("text that reaches our cells and notes never breaks the file", () => {
  test.each(["$'", "$&", "$`", "$1", "]]>", "</t>", "<![CDATA[", "&#x110000;", "_x0000_", "\u0001", "\uD800", "<!--"])("%j in every text cell, through validate --out", async (bad) => {
    const cells = cellsOf([
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
      ["产出指标", `数量${bad}`, `检查${bad}项目`, `≥4项${bad}`, `2项${bad}`, 40, 35],
      [null, null, `次数${bad}`, "≥3次", `两次${bad}`, 30, 20],
    ]);
    const file = path.join(dir, "bad.xlsx");
    fs.writeFileSync(file, zipParts(workbookParts(cells, { ...PLAIN, cdata: bad === "]]>" })));
    const out = path.join(dir, "bad-out.xlsx");
    fs.rmSync(out, { force: true });
    const r = await run(["validate", file, "--out", out]);
    expect([0, 2]).toContain(r.code);
    if (r.code === 0) {
      const pkg = OoxmlPackage.fromBytes(fs.readFileSync(out));
      for (const p of pkg.partNames()) if (/\.(xml|rels)$/.test(p)) expect(() => parseXml(pkg.getText(p), p)).not.toThrow();
    }
  });

  test("a note holding $' gives a well-formed comments part (String.replace would have spliced the text after the match)", () => {
    const wb = XlsxWorkbook.fromBytes(zipParts(workbookParts(SAMPLE, PLAIN)));
    const ed = wb.edit(wb.sheets[0]);
    ed.setNote(6, 5, "实际 $' 与 $& 与 $` 与 </t> 与 ]]>");
    ed.setValue(6, 8, "$'");
    const bytes = wb.toBytes();
    expect(checkPackage(bytes)).toEqual([]);
    const pkg = OoxmlPackage.fromBytes(bytes);
    const comments = pkg.partNames().find((p) => /comments\d*\.xml$/.test(p)) as string;
    expect(pkg.getText(comments)).toContain("实际 $' 与 $&amp; 与 $` 与 &lt;/t&gt; 与 ]]&gt;");
  });

  test("a cell written into a row whose r is single-quoted keeps one r (no duplicate attribute, no renumbering)", () => {
    const wb = XlsxWorkbook.fromBytes(zipParts(workbookParts(SAMPLE, { ...PLAIN, quote: "'", spacedEquals: true, markupInAttributes: true })));
    const ed = wb.edit(wb.sheets[0]);
    ed.setValue(6, 5, "3项");
    ed.setStyle(6, 4, { bold: true });
    ed.setValue(6, 9, "新");
    ed.setValue(2, 1, "新行");
    const bytes = wb.toBytes();
    expect(checkPackage(bytes)).toEqual([]);
    const again = XlsxWorkbook.fromBytes(bytes);
    const v = valuesByRef(again.grid(again.sheets[0]).values);
    expect([v.E6, v.D6, v.I6, v.A2, v.E5, v.A7]).toEqual(["3项", "≥4项", "新", "新行", "234.42万人", "效益指标"]);
  });

  test("rows out of order and rows without r: a cell added to an existing row does not duplicate it", () => {
    for (const spelling of [{ rowsOutOfOrder: true }, { rowsWithoutR: true, cellsWithoutR: true }, { prefix: "x:" as const, rowsOutOfOrder: true }]) {
      const wb = XlsxWorkbook.fromBytes(zipParts(workbookParts(SAMPLE, { ...PLAIN, ...spelling })));
      const ed = wb.edit(wb.sheets[0]);
      for (const r of [3, 5, 6, 7, 9]) ed.setValue(r, 8, `H${r}`);
      const bytes = wb.toBytes();
      expect(checkPackage(bytes)).toEqual([]);
      const again = XlsxWorkbook.fromBytes(bytes);
      const v = valuesByRef(again.grid(again.sheets[0]).values);
      expect([v.H3, v.H5, v.H6, v.H7, v.H9, v.E6, v.C7]).toEqual(["H3", "H5", "H6", "H7", "H9", "2项", "群众满意度"]);
    }
  });
});

describe("hostile packages end in exit 2 with the reason", () => {
  const refusals: { name: string; edit: Edit; reason: RegExp }[] = [
    { name: "a character reference out of range (&#x110000;)", edit: inPart(SST, (x) => x.replace("参保人数", "参保&#x110000;")), reason: /sharedStrings.*malformed character entity/ },
    { name: "an undefined entity", edit: inPart(SHEET, (x) => x.replace("<sheetData>", "<sheetData>&bad;")), reason: /sheet1\.xml.*undefined entity/ },
    { name: "a DTD with an entity (billion laughs)", edit: inPart(SST, (x) => x.replace("<sst", '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><sst')), reason: /DTD/ },
    { name: "duplicate attributes", edit: inPart(SHEET, (x) => x.replace('<c r="E6"', '<c r="E6" r="E7"')), reason: /duplicate attribute/ },
    { name: "a row given twice", edit: inPart(SHEET, (x) => x.replace('<row r="7"', '<row r="6"')), reason: /row 6 is written twice/ },
    { name: "a cell reference outside its row", edit: inPart(SHEET, (x) => x.replace('<c r="E6"', '<c r="E9"')), reason: /"E9" in row 6/ },
    { name: "60,000 unclosed <row> tags", edit: inPart(SHEET, (x) => x.replace("<sheetData>", "<sheetData>" + "<row>".repeat(60000))), reason: /nests elements more than 256 deep/ },
    {
      name: "bytes that are not UTF-8",
      edit: (parts) => parts.map(([n, d]) => [n, n === SST && typeof d === "string" ? Buffer.concat([Buffer.from(d.slice(0, 60)), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(d.slice(60))]) : d]),
      reason: /not valid UTF-8/,
    },
    { name: "two zip entries for the sheet (readers differ on which)", edit: (parts) => [...parts, [SHEET, parts.find(([n]) => n === SHEET)?.[1] as string]], reason: /two entries for the part xl\/worksheets\/sheet1\.xml/ },
    { name: "two zip entries differing in case", edit: (parts) => [...parts, ["xl/Worksheets/Sheet1.xml", parts.find(([n]) => n === SHEET)?.[1] as string]], reason: /two entries/ },
  ];

  test.each(refusals)("$name", async ({ edit, reason }) => {
    const file = write("hostile", {}, edit);
    const r = await run(["validate", file, "--json"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
  });

  test("one value at XFD1048576 in a small file reads as a sparse grid, not 17 billion cells", () => {
    const cells = cellsOf([["一级指标", "三级指标"]]);
    cells.set(1048576, new Map([[16384, "远"]]));
    const bytes = zipParts(workbookParts(cells, PLAIN));
    expect(bytes.length).toBeLessThan(8000);
    const wb = XlsxWorkbook.fromBytes(bytes);
    const g = wb.grid(wb.sheets[0]);
    expect(g.values.length).toBe(1048576);
    expect(g.values[1048575][16383]).toBe("远");
    expect(g.values[0]).toEqual(["一级指标", "三级指标"]);
    expect(g.values[5000]).toEqual([]);
  });

  test("a sheet past the used-range cap is refused naming the sheet", () => {
    const saved = { ...GRID_LIMITS };
    try {
      GRID_LIMITS.span = 1000;
      const rows = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="ZZ${i + 1}"><v>2</v></c></row>`).join("");
      const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
      expect(() => sheetGrid("自评表", xml, [], [])).toThrow(PackageError);
      expect(() => sheetGrid("自评表", xml, [], [])).toThrow(/sheet "自评表" spans more than 1,000 cells/);
      GRID_LIMITS.span = saved.span;
      GRID_LIMITS.cells = 10;
      expect(() => sheetGrid("自评表", xml, [], [])).toThrow(/sheet "自评表" has more than 10 cells/);
    } finally {
      Object.assign(GRID_LIMITS, saved);
    }
  });

  test("200,000 rows without r are numbered in order and streamed", () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${"<row><c><v>1</v></c><c><v>2</v></c></row>".repeat(200000)}</sheetData></worksheet>`;
    const g = sheetGrid("S", xml, [], []);
    expect(g.values.length).toBe(200000);
    expect(g.values[199999]).toEqual([1, 2]);
  });
});

describe("the check before saving refuses every malformed output", () => {
  const tamper: { name: string; part: string; edit: (xml: string) => string; problem: RegExp }[] = [
    { name: "a duplicate attribute", part: SHEET, edit: (x) => x.replace('<c r="E6"', '<c r="E6" r="E6"'), problem: /sheet1\.xml.*duplicate attribute/ },
    { name: "an unclosed CDATA section", part: SST, edit: (x) => x.replace("参保人数", "<![CDATA[参保人数"), problem: /sharedStrings\.xml.*not well/ },
    { name: "an unclosed XML comment", part: SHEET, edit: (x) => x.replace("<sheetData>", "<sheetData><!-- "), problem: /sheet1\.xml/ },
    { name: "a row written twice", part: SHEET, edit: (x) => after(x, /<row r="6"[^]*?<\/row>/, '<row r="6" ht="20"/>'), problem: /row 6 written twice/ },
    { name: "a cell written twice", part: SHEET, edit: (x) => x.replace('<c r="F6"', '<c r="E6"'), problem: /written twice/ },
    { name: "a character reference out of range", part: SHEET, edit: (x) => x.replace("<sheetData>", "<sheetData>&#xD800;"), problem: /sheet1\.xml/ },
    { name: "elements out of schema order", part: SHEET, edit: (x) => x.replace(/(<sheetData>[^]*<\/sheetData>)(<pageMargins[^>]*\/>)/, "$2$1"), problem: /schema order/ },
    {
      name: "a comments part naming an author it does not have",
      part: "xl/comments1.xml",
      edit: (x) => x.replace(/authorId="\d+"/, 'authorId="7"'),
      problem: /names author 7/,
    },
    { name: "a comments part that is not well-formed", part: "xl/comments1.xml", edit: (x) => x.replace("</commentList>", "</commentlist>"), problem: /comments1\.xml.*not well/ },
  ];

  test.each(tamper)("$name", ({ part, edit, problem }) => {
    const wb = XlsxWorkbook.fromBytes(zipParts(workbookParts(SAMPLE, PLAIN)));
    const ed = wb.edit(wb.sheets[0]);
    ed.setNote(6, 5, "说明");
    ed.setValue(6, 8, "未达标");
    wb.toBytes();
    const pkg = wb.pkg;
    expect(checkPackage(pkg, { changedOnly: true })).toEqual([]);
    const name = pkg.findPart(part) as string;
    pkg.setText(name, edit(pkg.getText(name)));
    const problems = checkPackage(pkg, { changedOnly: true });
    expect(problems.join("\n")).toMatch(problem);
    expect(() => assertPackageSound(pkg)).toThrow(PackageError);
    expect(() => assertPackageSound(pkg)).toThrow(/would not open in Excel, so it was not written/);
  });
});
