/**
 * What every CLI test asks of a file the CLI wrote: the structural check passes (relationships,
 * content types, VML id blocks and shape ids, sheet names, XML and schema order); and, for
 * write-back, that every part of the input survives.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { OoxmlPackage } from "../../src/cli/ooxml-package";
import { checkPackage } from "../../src/cli/xlsx-check";
import { XlsxWorkbook } from "../../src/cli/xlsx-workbook";

type Command = (argv: string[], io: { out: (s: string) => void; err: (s: string) => void }) => Promise<number>;

/** The file an --out in argv became (an .xlsm input is written as .xlsm, an .xls as .xlsx). */
export function outputOf(argv: string[]): string | null {
  const i = argv.indexOf("--out");
  if (i < 0 || i + 1 >= argv.length) return null;
  const out = argv[i + 1];
  if (fs.existsSync(out)) return out;
  for (const ext of [".xlsx", ".xlsm"]) {
    const alt = out.replace(/\.[^./\\]*$/, ext);
    if (fs.existsSync(alt)) return alt;
  }
  return null;
}

export function expectCleanPackage(file: string): void {
  expect({ file: path.basename(file), problems: checkPackage(fs.readFileSync(file)) }).toEqual({ file: path.basename(file), problems: [] });
}

/** A command that, when it succeeds with --out, has its output checked structurally. */
export function withStructureCheck(command: Command): Command {
  return async (argv, io) => {
    const code = await command(argv, io);
    const out = code === 0 ? outputOf(argv) : null;
    if (out) expectCleanPackage(out);
    return code;
  };
}

export function packageOf(file: string): OoxmlPackage {
  return OoxmlPackage.fromBytes(fs.readFileSync(file));
}

/** Parts that write-back may change: the package's indexes, the workbook, styles, sheets and their notes. */
export const MAY_CHANGE = /^\[Content_Types\]\.xml$|^xl\/workbook\.xml$|^xl\/_rels\/workbook\.xml\.rels$|^xl\/styles\.xml$|^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$|\.vml$|^xl\/comments/;

/** Elements of a worksheet whose number may grow but never shrink in write-back. */
export const SHEET_FEATURES = [
  "drawing", "legacyDrawing", "dataValidation", "conditionalFormatting", "cfRule", "pane", "mergeCell", "sheetProtection",
  "printOptions", "pageSetup", "pageMargins", "hyperlink", "tablePart", "col", "picture", "oleObject", "control",
];

export function featureCounts(xml: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of SHEET_FEATURES) out[f] = (xml.match(new RegExp(`<(?:[\\w.-]+:)?${f}[\\s>/]`, "g")) ?? []).length;
  return out;
}

/**
 * Every part of `input` is in `output`; those write-back has no reason to touch are byte-identical;
 * changed sheets keep every feature they had; every user cell keeps its value; defined names,
 * sheet states and protection are kept. Returns the parts that changed.
 */
export function expectKept(input: string, output: string): string[] {
  const a = packageOf(input);
  const b = packageOf(output);
  const changed: string[] = [];
  for (const part of a.partNames()) {
    expect({ part, present: b.has(part) || part === "xl/calcChain.xml" }).toEqual({ part, present: true });
    if (!b.has(part)) continue;
    const same = Buffer.compare(Buffer.from(a.getBytes(part) as Uint8Array), Buffer.from(b.getBytes(part) as Uint8Array)) === 0;
    if (same) continue;
    changed.push(part);
    expect({ part, mayChange: MAY_CHANGE.test(part) }).toEqual({ part, mayChange: true });
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) {
      const before = featureCounts(a.getText(part));
      const after = featureCounts(b.getText(part));
      for (const f of SHEET_FEATURES) expect({ part, f, kept: after[f] >= before[f] }).toEqual({ part, f, kept: true });
    }
  }
  // the workbook: defined names, sheet states, protection and calculation settings the user had
  const wa = a.getText(a.workbookPath());
  const wbB = b.getText(b.workbookPath());
  for (const m of wa.match(/<(?:[\w.-]+:)?definedName\b[\s\S]*?<\/(?:[\w.-]+:)?definedName>/g) ?? []) expect(wbB).toContain(m);
  for (const m of wa.match(/<(?:[\w.-]+:)?(?:workbookProtection|fileSharing)\b[^>]*>/g) ?? []) expect(wbB).toContain(m);
  const before = new XlsxWorkbook(a);
  const after = new XlsxWorkbook(b);
  for (const s of before.sheets) {
    const t = after.sheet(s.name);
    expect({ sheet: s.name, state: t?.state }).toEqual({ sheet: s.name, state: s.state });
    if (s.kind !== "worksheet" || !t) continue;
    // every user cell keeps its value
    const g1 = before.grid(s).values;
    const g2 = after.grid(t).values;
    g1.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== "" && v !== null && v !== undefined) expect({ cell: `${s.name}!R${r + 1}C${c + 1}`, v: g2[r]?.[c] }).toEqual({ cell: `${s.name}!R${r + 1}C${c + 1}`, v });
      }),
    );
  }
  return changed;
}

export const SOFFICE = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

/**
 * Open files in LibreOffice (headless, one start for all), recalculate and export every sheet
 * as CSV: file → sheet → rows of text. The profile is a temporary one of our own.
 */
export function libreOfficeSheets(files: string[]): Map<string, Map<string, string[][]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lo-"));
  try {
    const r = spawnSync(
      "soffice",
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, ...files],
      { timeout: 240000, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    const out = new Map<string, Map<string, string[][]>>();
    for (const f of files) {
      const base = path.basename(f).replace(/\.[^.]*$/, "");
      const sheets = new Map<string, string[][]>();
      for (const csv of fs.readdirSync(dir).filter((x) => x.startsWith(base + "-") && x.endsWith(".csv"))) {
        const rows = fs
          .readFileSync(path.join(dir, csv), "utf8")
          .split(/\r?\n/)
          .map((line) => line.split(",").map((s) => s.replace(/^"|"$/g, "")));
        sheets.set(csv.slice(base.length + 1, -4), rows);
      }
      out.set(f, sheets);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
