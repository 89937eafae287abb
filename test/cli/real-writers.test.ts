/**
 * Workbooks saved by real Excel and WPS (test/fixtures/real-writers/README.md): read whole, and
 * written back with every part we do not change byte for byte and the output passing the
 * structural check; read as openpyxl reads them where python3 has it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { OoxmlPackage } from "../../src/cli/ooxml-package";
import { XlsxWorkbook } from "../../src/cli/xlsx-workbook";
import { checkPackage } from "../../src/cli/xlsx-check";
import { readZip } from "../../src/cli/zip";
import { valuesByRef } from "./xml-workbook";

const DIR = path.join(__dirname, "..", "fixtures", "real-writers");
const FILES: [string, RegExp][] = [
  ["excel2007-merge-cell.xlsx", /^Microsoft Excel$/],
  ["excel-mac16-shared-strings.xlsx", /^Microsoft Macintosh Excel$/],
  ["excel16-compatibility-t07.xlsx", /^Microsoft Excel$/],
  ["excel-mac16-dataformat.xlsx", /^Microsoft Macintosh Excel$/],
  ["wps-extra-relationships.xlsx", /^WPS 表格$/],
  ["wps-office-extra.xlsx", /^WPS Office$/],
];

const HAS_OPENPYXL = spawnSync("/usr/bin/python3", ["-c", "import openpyxl"]).status === 0;

describe.each(FILES)("%s", (file, application) => {
  const bytes = fs.readFileSync(path.join(DIR, file));

  test("was saved by the application its name says", () => {
    const app = OoxmlPackage.fromBytes(bytes).xml("docProps/app.xml").children.find((c) => c.local === "Application");
    expect(app?.text).toMatch(application);
  });

  test("opened and saved without edits: every part byte for byte", () => {
    const out = XlsxWorkbook.fromBytes(bytes).toBytes();
    const before = readZip(bytes);
    const after = new Map(readZip(Buffer.from(out)).map((e) => [e.name, e.raw]));
    for (const e of before) expect({ part: e.name, same: Buffer.compare(after.get(e.name) ?? Buffer.alloc(0), e.raw) === 0 }).toEqual({ part: e.name, same: true });
    expect(checkPackage(out)).toEqual([]);
  });

  test("a value, a format, a width and a note written: the output passes the check, untouched parts are the same bytes, the user's cells read back", () => {
    const wb = XlsxWorkbook.fromBytes(bytes);
    const sheet = wb.visibleWorksheets()[0];
    const before = valuesByRef(wb.grid(sheet).values);
    const ed = wb.edit(sheet);
    ed.setValue(1, 30, "核对·状态 $' ]]>");
    ed.setValue(2, 30, 0.5);
    ed.setStyle(2, 30, { numFmt: "0.00%", bold: true, fill: "#FFF2CC" });
    ed.setWidth(30, 12);
    ed.setNote(2, 30, "说明 $& </t>");
    const out = Buffer.from(wb.toBytes());
    expect(checkPackage(out)).toEqual([]);
    const changed = new Set(OoxmlPackage.fromBytes(out).partNames().filter((p) => p === sheet.path || /styles|Content_Types|comments|vmlDrawing|_rels\/sheet/.test(p)));
    const after = new Map(readZip(out).map((e) => [e.name, e.raw]));
    for (const e of readZip(bytes)) {
      expect(after.has(e.name)).toBe(true);
      if (!changed.has(e.name)) expect({ part: e.name, same: Buffer.compare(after.get(e.name) as Buffer, e.raw) === 0 }).toEqual({ part: e.name, same: true });
    }
    const again = XlsxWorkbook.fromBytes(out);
    const values = valuesByRef(again.grid(again.sheet(sheet.name)!).values);
    expect(values).toEqual({ ...before, AD1: "核对·状态 $' ]]>", AD2: 0.5 });
  });

  (HAS_OPENPYXL ? test : test.skip)("every text and number cell reads as openpyxl reads it", () => {
    const script =
      "import json,sys,warnings,openpyxl\nwarnings.simplefilter('ignore')\nwb=openpyxl.load_workbook(sys.argv[1])\n" +
      "print(json.dumps({ws.title:{c.coordinate:c.value for row in ws.iter_rows() for c in row if isinstance(c.value,(str,int,float)) and not isinstance(c.value,bool) and c.value!=''} for ws in wb.worksheets}))";
    const r = spawnSync("/usr/bin/python3", ["-c", script, path.join(DIR, file)], { encoding: "utf8" });
    expect(r.status).toBe(0);
    const theirs = JSON.parse(r.stdout) as Record<string, Record<string, unknown>>;
    const wb = XlsxWorkbook.fromBytes(bytes);
    for (const s of wb.sheets.filter((x) => x.kind === "worksheet")) {
      const mine = valuesByRef(wb.grid(s).values);
      const t = theirs[s.name] ?? {};
      // merged areas: Excel and we show only the top-left value; openpyxl too
      for (const [k, v] of Object.entries(t)) expect({ cell: `${s.name}!${k}`, v: mine[k] }).toEqual({ cell: `${s.name}!${k}`, v });
    }
  });
});
