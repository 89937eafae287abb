/**
 * Reading a workbook package into the engine's Grid: cell values as Excel would return them
 * (cached results of formulas, shared and inline strings, errors as text, merged areas blank
 * except their top-left cell) and number formats. Works on the package's XML directly, so a
 * part the reader does not know (charts, pivots, slicers, anything a future Office adds) can
 * never stop it (docs/write-back.md, "Reading").
 */
import { CellValue, Grid } from "../core/basics/grid";
import { parseA1 } from "../core/basics/address";
import { OoxmlPackage, attrLocal, attrs, decodeXml, startTags, unescapeCellText } from "./ooxml-package";

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** "visible", "hidden" or "veryHidden" */
  state: string;
  relId: string;
  /** the sheet's part, or "" when the relationship is broken */
  path: string;
  kind: "worksheet" | "chartsheet" | "other";
}

/** Excel's built-in number formats by id (those a reader may meet). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

export function sheetEntries(pkg: OoxmlPackage, workbookPath: string): SheetEntry[] {
  const xml = pkg.getText(workbookPath);
  const rels = pkg.rels(workbookPath);
  return startTags(xml, "sheet").map((a): SheetEntry => {
    const relId = attrLocal(a, "id", true) ?? "";
    const rel = rels.find((r) => r.id === relId);
    const path = rel && !rel.external ? (pkg.findPart(rel.path) ?? "") : "";
    const kind = !rel ? "other" : rel.type.endsWith("/worksheet") ? "worksheet" : rel.type.endsWith("/chartsheet") ? "chartsheet" : "other";
    return { name: a.name ?? "", sheetId: Number(a.sheetId ?? 0), state: a.state ?? "visible", relId, path, kind };
  });
}

/** Concatenated text of an <si> or <is>: its runs' <t>, leaving out phonetic guides (<rPh>). */
export function stringItemText(inner: string): string {
  const body = inner.indexOf("rPh") >= 0 ? inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "") : inner;
  let text = "";
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) text += m[1];
  return unescapeCellText(decodeXml(text));
}

export function readSharedStrings(pkg: OoxmlPackage, path: string | undefined): string[] {
  if (!path) return [];
  const xml = pkg.getText(path);
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] === undefined ? "" : stringItemText(m[1]));
  return out;
}

/** Number format code per cellXfs index. */
export function readCellFormats(pkg: OoxmlPackage, path: string | undefined): string[] {
  if (!path) return [];
  const xml = pkg.getText(path);
  const custom = new Map<number, string>();
  for (const a of startTags(xml, "numFmt")) custom.set(Number(a.numFmtId), a.formatCode ?? "General");
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!xfs) return [];
  return startTags(xfs[1], "xf").map((a) => {
    const id = Number(a.numFmtId ?? 0);
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
  });
}

/** Column number (1-based) of the letters of an A1 reference. */
function colOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else if (k >= 97 && k <= 122) c = c * 26 + (k - 96);
    else break;
  }
  return c;
}

const ROW_RE = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const CELL_RE = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const V_RE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const IS_RE = /<(?:[\w.-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/** One cell element's value as office.js would give it in Range.values. */
export function cellElementValue(attrText: string, inner: string | undefined, strings: string[]): CellValue {
  if (inner === undefined) return "";
  const a = attrs(attrText);
  const t = a.t ?? "n";
  if (t === "inlineStr") {
    const is = IS_RE.exec(inner);
    return is ? stringItemText(is[1]) : "";
  }
  const v = V_RE.exec(inner);
  if (!v) return "";
  const raw = decodeXml(v[1]);
  switch (t) {
    case "s":
      return strings[Number(raw)] ?? "";
    case "str":
      return unescapeCellText(raw);
    case "b":
      return raw === "1" || raw === "true";
    case "e":
      return raw;
    case "d": {
      const ms = Date.parse(raw.length <= 10 ? raw + "T00:00:00Z" : /[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : raw + "Z");
      return Number.isNaN(ms) ? raw : ms / 86400000 + 25569;
    }
    default: {
      const n = Number(raw);
      return raw.trim() === "" || Number.isNaN(n) ? raw : n;
    }
  }
}

/** A worksheet part → the engine's Grid (whole used area from A1). */
export function sheetGrid(name: string, xml: string, strings: string[], formats: string[]): Grid {
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const start = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const body = start < 0 ? "" : xml.slice(start);
  let rowNo = 0;
  let width = 0;
  ROW_RE.lastIndex = 0;
  let rm: RegExpExecArray | null;
  while ((rm = ROW_RE.exec(body))) {
    const ra = attrs(rm[1]);
    rowNo = ra.r ? Number(ra.r) : rowNo + 1;
    if (rm[2] === undefined) continue;
    const vs: CellValue[] = values[rowNo - 1] ?? [];
    const fs: (string | null)[] = numberFormats[rowNo - 1] ?? [];
    let colNo = 0;
    CELL_RE.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = CELL_RE.exec(rm[2]))) {
      const r = /\br="([^"]*)"/.exec(cm[1]);
      colNo = r ? colOf(r[1]) : colNo + 1;
      // a cell with only a format holds no value: it does not widen the grid (formatted blank
      // cells far down or right would otherwise make a huge grid)
      if (colNo < 1 || cm[2] === undefined) continue;
      vs[colNo - 1] = cellElementValue(cm[1], cm[2], strings);
      const s = /\bs="(\d+)"/.exec(cm[1]);
      fs[colNo - 1] = formats[s ? Number(s[1]) : 0] ?? null;
      if (colNo > width) width = colNo;
    }
    if (vs.length === 0) continue;
    values[rowNo - 1] = vs;
    numberFormats[rowNo - 1] = fs;
  }
  for (let r = 0; r < values.length; r++) {
    const vs = values[r] ?? [];
    const fs = numberFormats[r] ?? [];
    for (let c = 0; c < width; c++) {
      if (vs[c] === undefined) vs[c] = "";
      if (fs[c] === undefined) fs[c] = null;
    }
    values[r] = vs;
    numberFormats[r] = fs;
  }
  // merged areas: only the top-left cell has a value, as in Excel
  const mre = /<(?:[\w.-]+:)?mergeCell\b([^>]*?)\/?>/g;
  let mm: RegExpExecArray | null;
  while ((mm = mre.exec(body))) {
    const [a, b] = (attrs(mm[1]).ref ?? "").split(":");
    const p = parseA1(a ?? "");
    const q = parseA1(b ?? a ?? "");
    if (!p || !q) continue;
    for (let r = p.row; r <= q.row && r <= values.length; r++) {
      for (let c = p.col; c <= q.col && c <= width; c++) if (r !== p.row || c !== p.col) values[r - 1][c - 1] = "";
    }
  }
  return { sheet: name, values, numberFormats, firstRow: 1, firstCol: 1 };
}

export { colOf };
