/**
 * The cross-check: workbooks generated (fast-check) in the many legal spellings of one grid are
 * read by the CLI's reader and by independent readers (exceljs; openpyxl when python3 has it),
 * which must agree; and every file the writer makes from them parses in the strict parser,
 * passes the structural check, keeps every part it did not change byte for byte, and reads back
 * with our values and the user's (docs/write-back.md).
 */
import ExcelJS from "exceljs";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { OoxmlPackage, unescapeCellText } from "../../src/cli/ooxml-package";
import { XlsxWorkbook } from "../../src/cli/xlsx-workbook";
import { checkPackage } from "../../src/cli/xlsx-check";
import { readZip } from "../../src/cli/zip";
import { parseXml } from "../../src/cli/xml-parse";
import { Cell, Cells, Spelling, cellsByRef, colLetters, valuesByRef, workbookBytes } from "./xml-workbook";

/** Text a hostile or careless submitter may type: replacement patterns, markup, escapes, CJK, controls. */
const TEXT = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
  fc.constantFrom("$'", "$&", "$`", "$1", "]]>", "</t>", "<![CDATA[x]]>", "_x0041_", "_x005F_x0041_", "a_xZZZZ_b", "&amp;", "&#x110000;", "<!-- -->", "≥90%", "2项", "完成\n情况", " 前后空格 ", "\u0001\u0008", "\t", "'\"", "="),
);
const NUMBER = fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })).map((v) => (Object.is(v, -0) ? 0 : v));
const VALUE: fc.Arbitrary<Cell> = fc.oneof(TEXT, NUMBER);

const CELLS: fc.Arbitrary<Cells> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 12 }), VALUE), { minLength: 1, maxLength: 40 })
  .map((list) => {
    const m: Cells = new Map();
    for (const [r, c, v] of list) {
      if (!m.has(r)) m.set(r, new Map());
      (m.get(r) as Map<number, Cell>).set(c, v);
    }
    return m;
  });

const SPELLING: fc.Arbitrary<Spelling> = fc.record({
  prefix: fc.constantFrom<"" | "x:">("", "x:"),
  quote: fc.constantFrom<'"' | "'">('"', "'"),
  spacedEquals: fc.boolean(),
  spacedEndTags: fc.boolean(),
  decoys: fc.boolean(),
  cdata: fc.boolean(),
  strings: fc.constantFrom<Spelling["strings"]>("shared", "inline", "mixed"),
  richRuns: fc.boolean(),
  rowsWithoutR: fc.boolean(),
  cellsWithoutR: fc.boolean(),
  rowsOutOfOrder: fc.boolean(),
  markupInAttributes: fc.boolean(),
  pretty: fc.boolean(),
  cjkFormats: fc.boolean(),
});

/** What a cell holds as a reader gives it: text as typed (line ends as XML reads them), numbers as numbers. */
function expected(cells: Cells): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(cellsByRef(cells))) out[k] = typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v;
  return out;
}

function ours(bytes: Buffer): Record<string, unknown> {
  const wb = XlsxWorkbook.fromBytes(bytes);
  return valuesByRef(wb.grid(wb.sheets[0]).values);
}

async function byExceljs(bytes: Buffer): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: Record<string, unknown> = {};
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as unknown;
      let x: unknown = v;
      if (v && typeof v === "object" && "richText" in v) x = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
      if (x !== "" && x !== null && x !== undefined) out[cell.address] = x;
    }),
  );
  return out;
}

const HAS_OPENPYXL = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;

describe("one grid, every spelling: the CLI's reader and exceljs agree with what was written", () => {
  test("generated workbooks (in the spellings exceljs reads: no prefix, every row and cell with its r)", async () => {
    await fc.assert(
      fc.asyncProperty(CELLS, SPELLING, async (cells, sp) => {
        const spelling = { ...sp, prefix: "" as const, rowsWithoutR: false, cellsWithoutR: false };
        const bytes = workbookBytes(cells, spelling);
        const want = expected(cells);
        expect(ours(bytes)).toEqual(want);
        const theirs = await byExceljs(bytes);
        // exceljs does not undo _xHHHH_ escapes; compare where the text holds none
        // eslint-disable-next-line no-control-regex
        for (const [k, v] of Object.entries(want)) if (typeof v === "string" && /_x[0-9A-Fa-f]{4}_|[\u0000-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/.test(v)) delete theirs[k];
        for (const [k, v] of Object.entries(theirs)) if (typeof v === "string" && /_x[0-9A-Fa-f]{4}_/.test(v)) delete theirs[k];
        const comparable = Object.fromEntries(Object.entries(want).filter(([k]) => k in theirs));
        expect(theirs).toEqual(comparable);
      }),
      { numRuns: 60 },
    );
  });

  test("every spelling (prefixes, rows and cells without r too) reads as what was written", () => {
    fc.assert(
      fc.property(CELLS, SPELLING, (cells, sp) => {
        expect(ours(workbookBytes(cells, sp))).toEqual(expected(cells));
      }),
      { numRuns: 60 },
    );
  });

  (HAS_OPENPYXL ? test : test.skip)("openpyxl reads the same grid", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cross-"));
    try {
      const samples = fc.sample(fc.tuple(CELLS, SPELLING), { numRuns: 40, seed: 22 });
      const wants: Record<string, unknown>[] = [];
      samples.forEach(([cells, sp], i) => {
        fs.writeFileSync(path.join(dir, `${i}.xlsx`), workbookBytes(cells, sp));
        wants.push(ours(workbookBytes(cells, sp)));
      });
      const script =
        "import json,sys,warnings,openpyxl\nwarnings.simplefilter('ignore')\nout=[]\nfor i in range(int(sys.argv[2])):\n" +
        "  ws=openpyxl.load_workbook(f'{sys.argv[1]}/{i}.xlsx').worksheets[0]\n" +
        "  out.append({c.coordinate:c.value for row in ws.iter_rows() for c in row if c.value not in (None,'')})\nprint(json.dumps(out))";
      const r = spawnSync("/usr/bin/python3", ["-c", script, dir, String(samples.length)], { encoding: "utf8", maxBuffer: 1 << 26 });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
      const theirs = JSON.parse(r.stdout) as Record<string, unknown>[];
      theirs.forEach((t, i) => {
        // openpyxl keeps _xHHHH_ escapes as written; compare where there are none
        // eslint-disable-next-line no-control-regex
        const w = Object.fromEntries(Object.entries(wants[i]).filter(([k, v]) => !(typeof v === "string" && /[\u0000-\u001F_]/.test(v)) && !(typeof t[k] === "string" && /_x/.test(t[k] as string))));
        const mine = Object.fromEntries(Object.entries(t).filter(([k]) => k in w));
        expect(mine).toEqual(w);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("every output of the writer parses strictly and keeps what it did not change", () => {
  test("values and notes with hostile text written into generated workbooks", () => {
    fc.assert(
      fc.property(CELLS, SPELLING, fc.array(fc.tuple(fc.integer({ min: 1, max: 35 }), fc.integer({ min: 1, max: 14 }), fc.oneof(VALUE, fc.constant(null))), { maxLength: 12 }), fc.array(TEXT, { maxLength: 3 }), (cells, sp, writes, notes) => {
        const bytes = workbookBytes(cells, sp);
        const wb = XlsxWorkbook.fromBytes(bytes);
        const entry = wb.sheets[0];
        const ed = wb.edit(entry);
        const want: Record<string, unknown> = { ...expected(cells) };
        for (const [r, c, v] of writes) {
          ed.setValue(r, c, v);
          const ref = `${colLetters(c)}${r}`;
          if (v === null || v === "") delete want[ref];
          else want[ref] = typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v;
        }
        notes.forEach((text, i) => ed.setNote(i + 2, 13, text));
        ed.setStyle(1, 1, { bold: true, numFmt: 'yyyy"年"m"月"d"日"' });
        ed.setWidth(3, 20);
        const out = Buffer.from(wb.toBytes());
        expect(checkPackage(out)).toEqual([]);
        const pkg = OoxmlPackage.fromBytes(out);
        for (const p of pkg.partNames()) if (/\.(xml|rels)$/.test(p)) expect(() => parseXml(pkg.getText(p), p)).not.toThrow();
        // every part not changed is the same bytes
        const before = new Map(readZip(bytes).map((e) => [e.name, e.raw]));
        const changed = new Set(["xl/worksheets/sheet1.xml", "xl/styles.xml", "[Content_Types].xml", "xl/worksheets/_rels/sheet1.xml.rels"]);
        for (const e of readZip(out)) if (before.has(e.name) && !changed.has(e.name)) expect(Buffer.compare(e.raw, before.get(e.name) as Buffer)).toBe(0);
        expect(ours(out)).toEqual(want);
        // the notes read back as written
        if (notes.length) {
          const comments = pkg.partNames().find((p) => /comments\d*\.xml$/.test(p)) as string;
          const texts = pkg
            .xml(comments)
            .children.find((c) => c.local === "commentList")
            ?.children.map((c) => c.children[0].children[0].children.find((t) => t.local === "t")?.text);
          expect(texts?.map((t) => unescapeCellText(t ?? ""))).toEqual(notes.map((n) => n.replace(/\r\n?/g, "\n")));
        }
      }),
      { numRuns: 80 },
    );
  });
});
