/**
 * Workbooks written the many legal ways other writers write them (quote styles, whitespace,
 * prefixes, comments, CDATA, inline or shared strings, rich runs, rows without `r`, rows out of
 * order, `_xHHHH_` escapes), for the cross-check and the crafted-case tests. One grid, many
 * spellings: every spelling must read as the same grid.
 */
import { makeEntry, writeZip } from "../../src/cli/zip";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export type Cell = string | number;
/** row number (1-based) → column number (1-based) → value */
export type Cells = Map<number, Map<number, Cell>>;

export interface Spelling {
  /** the main namespace as default ("") or under a prefix ("x:") */
  prefix: "" | "x:";
  quote: '"' | "'";
  /** spaces around `=` in attributes */
  spacedEquals: boolean;
  /** whitespace before `>` in end tags (`</c >`) */
  spacedEndTags: boolean;
  /** decoys Excel does not read: commented-out rows and cells after the real ones, a comment in sharedStrings, rows in extLst */
  decoys: boolean;
  /** strings as CDATA sections */
  cdata: boolean;
  strings: "shared" | "inline" | "mixed";
  /** shared strings split into rich-text runs, with a phonetic run Excel does not show */
  richRuns: boolean;
  rowsWithoutR: boolean;
  cellsWithoutR: boolean;
  /** rows written in reverse order (each with its r) */
  rowsOutOfOrder: boolean;
  /** an attribute whose value holds `/>` and `>` on every cell */
  markupInAttributes: boolean;
  /** line breaks and indentation between elements */
  pretty: boolean;
  /** number formats by the zh-CN built-in ids */
  cjkFormats: boolean;
}

export const PLAIN: Spelling = {
  prefix: "",
  quote: '"',
  spacedEquals: false,
  spacedEndTags: false,
  decoys: false,
  cdata: false,
  strings: "shared",
  richRuns: false,
  rowsWithoutR: false,
  cellsWithoutR: false,
  rowsOutOfOrder: false,
  markupInAttributes: false,
  pretty: false,
  cjkFormats: false,
};

export function colLetters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Excel's text escapes: a literal `_xHHHH_` protected, characters XML cannot hold as `_xHHHH_`. */
function excelEscape(s: string): string {
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    // a carriage return would be read back as a line feed (XML normalises line ends)
    .replace(/\r/g, "_x000D_");
}

function textXml(s: string, cdata: boolean): string {
  const e = excelEscape(s);
  if (cdata) return `<![CDATA[${e.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
  return e.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attributes in the spelling's quote style and spacing. */
function at(sp: Spelling, pairs: [string, string][]): string {
  const eq = sp.spacedEquals ? " = " : "=";
  return pairs.map(([k, v]) => ` ${k}${eq}${sp.quote}${v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(sp.quote === '"' ? /"/g : /'/g, sp.quote === '"' ? "&quot;" : "&apos;")}${sp.quote}`).join("");
}

function end(sp: Spelling, name: string): string {
  return `</${sp.prefix}${name}${sp.spacedEndTags ? " \n" : ""}>`;
}

function stringItem(sp: Spelling, p: string, s: string): string {
  const t = (x: string) => `<${p}t xml:space="preserve">${textXml(x, sp.cdata)}${end(sp, "t")}`;
  if (!sp.richRuns || s.length < 2) return t(s);
  const cut = Math.floor(s.length / 2);
  // never split a surrogate pair or an _xHHHH_ escape across runs: cut at a plain character
  const safe = /[\uD800-\uDFFF_]/.test(s) ? s.length : cut;
  if (safe === s.length) return `<${p}r>${t(s)}${end(sp, "r")}<${p}rPh sb="0" eb="1">${t("ふりがな")}${end(sp, "rPh")}`;
  return `<${p}r><${p}rPr><${p}b/>${end(sp, "rPr")}${t(s.slice(0, cut))}${end(sp, "r")}<${p}r>${t(s.slice(cut))}${end(sp, "r")}<${p}rPh sb="0" eb="1">${t("ふりがな")}${end(sp, "rPh")}`;
}

/** The parts of a one-sheet workbook holding `cells`, spelt as `sp` says; `extra` parts are added (or replace). */
export function workbookParts(cells: Cells, sp: Spelling, extra: Record<string, string | Buffer> = {}): [string, string | Buffer][] {
  const p = sp.prefix;
  const ns = p ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const nl = sp.pretty ? "\n  " : "";
  const strings: string[] = [];
  const index = new Map<string, number>();
  const rowNumbers = [...cells.keys()].sort((a, b) => a - b);
  const order = sp.rowsOutOfOrder && !sp.rowsWithoutR ? [...rowNumbers].reverse() : rowNumbers;
  let prevRow = 0;
  let serial = 0;
  const rows: string[] = [];
  for (const r of order) {
    const line = cells.get(r) as Map<number, Cell>;
    const cols = [...line.keys()].sort((a, b) => a - b);
    let prevCol = 0;
    const cs: string[] = [];
    for (const c of cols) {
      const v = line.get(c) as Cell;
      const ref: [string, string][] = sp.cellsWithoutR && c === prevCol + 1 ? [] : [["r", `${colLetters(c)}${r}`]];
      prevCol = c;
      const extraAttr: [string, string][] = sp.markupInAttributes ? [["xr:uid", `{a/>b>c"${serial}'}`]] : [];
      const style: [string, string][] = typeof v === "number" && sp.cjkFormats ? [["s", "1"]] : [];
      serial++;
      let cell: string;
      if (typeof v === "number") cell = `<${p}c${at(sp, [...ref, ...style, ...extraAttr])}><${p}v>${v}${end(sp, "v")}${end(sp, "c")}`;
      else if (sp.strings === "inline" || (sp.strings === "mixed" && serial % 2 === 0)) {
        cell = `<${p}c${at(sp, [...ref, ["t", "inlineStr"], ...extraAttr])}><${p}is>${stringItem(sp, p, v)}${end(sp, "is")}${end(sp, "c")}`;
      } else {
        let i = index.get(v);
        if (i === undefined) {
          i = strings.length;
          index.set(v, i);
          strings.push(v);
        }
        cell = `<${p}c${at(sp, [...ref, ["t", "s"], ...extraAttr])}><${p}v>${i}${end(sp, "v")}${end(sp, "c")}`;
      }
      cs.push(cell);
      // a decoy: the cell again, commented out after the real one, with another value
      if (sp.decoys) cs.push(`<!-- <${p}c r="${colLetters(c)}${r}" t="inlineStr"><${p}is><${p}t>诱饵 decoy</${p}t></${p}is></${p}c> -->`);
    }
    const rowAttrs: [string, string][] = sp.rowsWithoutR && r === prevRow + 1 ? [] : [["r", String(r)]];
    prevRow = r;
    rows.push(`${nl}<${p}row${at(sp, rowAttrs)}>${cs.join("")}${end(sp, "row")}`);
    if (sp.decoys) rows.push(`<!-- <${p}row r="${r + 1}"><${p}c r="A${r + 1}"><${p}v>999</${p}v></${p}c></${p}row> -->`);
  }
  const decoyExt = sp.decoys
    ? `<${p}extLst><${p}ext uri="{decoy}" xmlns:d="urn:decoy"><d:sheetData><${p}row r="1"><${p}c r="A1"><${p}v>999</${p}v></${p}c></${p}row></d:sheetData></${p}ext></${p}extLst>`
    : "";
  const sheet =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}worksheet ${ns} xmlns:r="${REL}" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
    `${nl}<${p}sheetData>${rows.join("")}${nl}${end(sp, "sheetData")}${nl}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${decoyExt}${end(sp, "worksheet")}`;
  const sst =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">` +
    (sp.decoys ? `<!-- <${p}si><${p}t>诱饵</${p}t></${p}si> -->` : "") +
    strings.map((s) => `${nl}<${p}si>${stringItem(sp, p, s)}${end(sp, "si")}`).join("") +
    end(sp, "sst");
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}styleSheet ${ns}><${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="宋体"/></${p}font></${p}fonts>` +
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="2"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></${p}cellXfs>` +
    `<${p}cellStyles count="1"><${p}cellStyle name="常规" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`;
  const parts: Record<string, string | Buffer> = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${p}workbook ${ns} xmlns:r="${REL}"><${p}sheets><${p}sheet name="自评表" sheetId="1" r:id="rId1"/>${end(sp, "sheets")}${end(sp, "workbook")}`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
    "xl/sharedStrings.xml": sst,
    "xl/styles.xml": styles,
    ...extra,
  };
  return Object.entries(parts);
}

/** The zip of those parts (a name given twice is written twice). */
export function zipParts(parts: [string, string | Buffer][]): Buffer {
  return writeZip(parts.map(([name, data]) => makeEntry(name, typeof data === "string" ? Buffer.from(data, "utf8") : data)));
}

export function workbookBytes(cells: Cells, sp: Spelling, extra: Record<string, string | Buffer> = {}): Buffer {
  return zipParts(workbookParts(cells, sp, extra));
}

/** Cells from rows of values (row 1 first; null leaves a cell out). */
export function cellsOf(rows: (Cell | null)[][], firstRow = 1): Cells {
  const out: Cells = new Map();
  rows.forEach((line, i) => {
    const m = new Map<number, Cell>();
    line.forEach((v, j) => {
      if (v !== null) m.set(j + 1, v);
    });
    if (m.size) out.set(firstRow + i, m);
  });
  return out;
}

/** A grid's non-blank values by A1 reference, for comparing readers. */
export function valuesByRef(values: unknown[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  values.forEach((line, r) =>
    (line ?? []).forEach((v, c) => {
      if (v !== "" && v !== null && v !== undefined) out[`${colLetters(c + 1)}${r + 1}`] = v;
    }),
  );
  return out;
}

export function cellsByRef(cells: Cells): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [r, line] of cells) for (const [c, v] of line) if (v !== "") out[`${colLetters(c)}${r}`] = v;
  return out;
}
