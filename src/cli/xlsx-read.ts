/**
 * Reading a workbook package into the engine's Grid: cell values as Excel would return them
 * (cached results of formulas, shared and inline strings, errors as text, merged areas blank
 * except their top-left cell) and number formats. Works on the package's XML directly, so a
 * part the reader does not know (charts, pivots, slicers, anything a future Office adds) can
 * never stop it (docs/write-back.md, "Reading").
 */
import { CellValue, Grid } from "../core/basics/grid";
import { parseA1 } from "../core/basics/address";
import { OoxmlPackage, unescapeCellText } from "./ooxml-package";
import { PackageError } from "./package-error";
import { XmlEl, attrByLocal, childNamed, parseXml } from "./xml-parse";
import { BUILTIN_FORMATS } from "./number-formats";

export { BUILTIN_FORMATS };

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

/** Limits of one sheet's grid: cells with a value, and cells the grid spans (each row up to its last value). */
export const GRID_LIMITS = { cells: 5_000_000, span: 10_000_000, rectangle: 5_000_000 };

const NO_VALUES: CellValue[] = Object.freeze([]) as unknown as CellValue[];
const NO_FORMATS: (string | null)[] = Object.freeze([]) as unknown as (string | null)[];

const MAX_ROW = 1048576;
const MAX_COL = 16384;

export function sheetEntries(pkg: OoxmlPackage, workbookPath: string): SheetEntry[] {
  const root = pkg.xml(workbookPath);
  const rels = pkg.rels(workbookPath);
  const sheets = childNamed(root, "sheets");
  if (!sheets) return [];
  return sheets.children
    .filter((e) => e.local === "sheet")
    .map((e): SheetEntry => {
      const a = e.attrs;
      const relId = attrByLocal(e, "id", true) ?? "";
      const rel = rels.find((r) => r.id === relId);
      const path = rel && !rel.external ? (pkg.findPart(rel.path) ?? "") : "";
      const kind = !rel ? "other" : rel.type.endsWith("/worksheet") ? "worksheet" : rel.type.endsWith("/chartsheet") ? "chartsheet" : "other";
      return { name: a.name ?? "", sheetId: Number(a.sheetId ?? 0), state: a.state ?? "visible", relId, path, kind };
    });
}

/** Concatenated text of an <si> or <is> element: its <t>, or its runs' <t>, leaving out phonetic guides (<rPh>). */
export function stringItemText(item: XmlEl | string): string {
  const el = typeof item === "string" ? parseXml(`<si>${item}</si>`, "a string item") : item;
  let text = "";
  for (const c of el.children) {
    if (c.local === "t") text += c.text;
    else if (c.local === "r") for (const t of c.children) if (t.local === "t") text += t.text;
  }
  return unescapeCellText(text);
}

export function readSharedStrings(pkg: OoxmlPackage, path: string | undefined): string[] {
  if (!path) return [];
  const out: string[] = [];
  // streamed: each <si> is read when it closes and not kept
  parseXml(pkg.getText(path), path, {
    keep: (el) => el.local !== "si" || el.parent?.parent !== null,
    onClose: (el) => {
      if (el.local === "si" && el.parent !== null && el.parent.parent === null) out.push(stringItemText(el));
    },
  });
  return out;
}

/** Number format code per cellXfs index. */
export function readCellFormats(pkg: OoxmlPackage, path: string | undefined): string[] {
  if (!path) return [];
  const root = pkg.xml(path);
  const custom = new Map<number, string>();
  for (const e of childNamed(root, "numFmts")?.children ?? []) if (e.local === "numFmt") custom.set(Number(e.attrs.numFmtId), e.attrs.formatCode ?? "General");
  const xfs = childNamed(root, "cellXfs");
  if (!xfs) return [];
  return xfs.children
    .filter((e) => e.local === "xf")
    .map((e) => {
      const id = Number(e.attrs.numFmtId ?? 0);
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

/** One <c> element's value as office.js would give it in Range.values ("" when it holds none). */
export function cellValue(c: XmlEl, strings: string[]): CellValue {
  const t = c.attrs.t ?? "n";
  if (t === "inlineStr") {
    const is = childNamed(c, "is");
    return is ? stringItemText(is) : "";
  }
  const v = childNamed(c, "v");
  if (!v) return "";
  const raw = v.text;
  switch (t) {
    case "s": {
      const i = Number(raw);
      return Number.isInteger(i) && i >= 0 ? (strings[i] ?? "") : "";
    }
    case "str":
      return unescapeCellText(raw);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
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

/** One cell element's value from its start tag's attributes and inner XML (tests, tools). */
export function cellElementValue(attrText: string, inner: string | undefined, strings: string[]): CellValue {
  const c = parseXml(inner === undefined ? `<c ${attrText}/>` : `<c ${attrText}>${inner}</c>`, "a cell");
  return cellValue(c, strings);
}

/** The row number of a <row> (its r, else the one after the previous row); refused when not a row Excel has. */
export function rowNumberOf(row: XmlEl, previous: number, where: string): number {
  const r = row.attrs.r;
  const n = r === undefined ? previous + 1 : Number(r.trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) throw new PackageError(`${where}: row number ${JSON.stringify(r ?? String(n))} is not a row of a sheet (1–${MAX_ROW})`);
  return n;
}

/** The column of a <c> (from its r, else the one after the previous cell); refused when r is not a cell of row `rowNo`. */
export function cellColumnOf(c: XmlEl, rowNo: number, previous: number, where: string): number {
  const r = c.attrs.r;
  if (r === undefined) {
    if (previous + 1 > MAX_COL) throw new PackageError(`${where}: row ${rowNo} has more than ${MAX_COL} cells`);
    return previous + 1;
  }
  const p = /^\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*$/.exec(r);
  const col = p ? colOf(p[1].toUpperCase()) : 0;
  if (!p || col < 1 || col > MAX_COL || Number(p[2]) !== rowNo) throw new PackageError(`${where}: cell reference ${JSON.stringify(r)} in row ${rowNo} is not a cell of that row`);
  return col;
}

/** Is `el` a <row> of the sheet's <sheetData> (not one inside an extension or another element)? */
export function isSheetRow(el: XmlEl): boolean {
  const sd = el.parent;
  return el.local === "row" && sd !== null && sd.local === "sheetData" && sd.parent !== null && sd.parent.parent === null;
}

/**
 * A worksheet part → the engine's Grid from A1. Rows are streamed (each read when it closes);
 * rows and cells out of order are placed by their numbers; a row or cell given twice is refused,
 * as are sheets past GRID_LIMITS. The grid is a rectangle when that is small, else each row is
 * as long as its last value (a value at XFD1048576 does not make a million rows of 16,384 cells).
 */
export function sheetGrid(name: string, xml: string, strings: string[], formats: string[], part = `sheet "${name}"`): Grid {
  const read = new Map<number, { vs: CellValue[]; fs: (string | null)[] }>();
  let maxRow = 0;
  const where = `sheet "${name}"`;
  let rowNo = 0;
  let width = 0;
  let cells = 0;
  let span = 0;
  const seen = new Set<number>();
  const root = parseXml(xml, part, {
    keep: (el) => !isSheetRow(el),
    onClose: (row) => {
      if (!isSheetRow(row)) return;
      rowNo = rowNumberOf(row, rowNo, where);
      if (seen.has(rowNo)) throw new PackageError(`${where}: row ${rowNo} is written twice`);
      seen.add(rowNo);
      let colNo = 0;
      let vs: CellValue[] | null = null;
      let fs: (string | null)[] | null = null;
      const cols = new Set<number>();
      for (const c of row.children) {
        if (c.local !== "c") continue;
        colNo = cellColumnOf(c, rowNo, colNo, where);
        if (cols.has(colNo)) throw new PackageError(`${where}: cell ${columnLetters(colNo)}${rowNo} is written twice`);
        cols.add(colNo);
        // a cell with only a format holds no value: it does not widen the grid
        if (c.children.length === 0) continue;
        if (!vs || !fs) [vs, fs] = [[], []];
        vs[colNo - 1] = cellValue(c, strings);
        const s = Number(c.attrs.s ?? 0);
        fs[colNo - 1] = formats[Number.isInteger(s) && s >= 0 ? s : 0] ?? null;
        if (colNo > width) width = colNo;
        if (++cells > GRID_LIMITS.cells) throw new PackageError(`${where} has more than ${GRID_LIMITS.cells.toLocaleString("en")} cells with values, more than Jixiao reads in one sheet`);
      }
      if (!vs || !fs) return;
      span += vs.length;
      if (span > GRID_LIMITS.span) throw new PackageError(`${where} spans more than ${GRID_LIMITS.span.toLocaleString("en")} cells (rows up to their last value), more than Jixiao reads in one sheet`);
      read.set(rowNo, { vs, fs });
      if (rowNo > maxRow) maxRow = rowNo;
    },
  });
  // arrays made at their length (not grown from a far index, which makes them slow dictionaries)
  const values: CellValue[][] = new Array(maxRow);
  const numberFormats: (string | null)[][] = new Array(maxRow);
  const rectangle = maxRow * width <= GRID_LIMITS.rectangle;
  for (let r = 0; r < maxRow; r++) {
    const line = read.get(r + 1);
    if (!line && !rectangle) {
      // a sparse sheet's empty rows share one empty, frozen row
      values[r] = NO_VALUES;
      numberFormats[r] = NO_FORMATS;
      continue;
    }
    const vs = line ? line.vs : [];
    const fs = line ? line.fs : [];
    const w = rectangle ? width : vs.length;
    for (let c = 0; c < w; c++) {
      if (vs[c] === undefined) vs[c] = "";
      if (fs[c] === undefined) fs[c] = null;
    }
    values[r] = vs;
    numberFormats[r] = fs;
  }
  // merged areas: only the top-left cell has a value, as in Excel (the work bounded like the grid)
  let budget = GRID_LIMITS.span;
  for (const m of childNamed(root, "mergeCells")?.children ?? []) {
    if (m.local !== "mergeCell") continue;
    const [a, b] = (m.attrs.ref ?? "").split(":");
    const p = parseA1(a ?? "");
    const q = parseA1(b ?? a ?? "");
    if (!p || !q) continue;
    for (let r = p.row; r <= q.row && r <= values.length; r++) {
      const line = values[r - 1];
      budget -= Math.max(1, Math.min(q.col, line.length) - p.col + 1);
      if (budget < 0) throw new PackageError(`${where}: its merged areas cover more cells than Jixiao reads in one sheet`);
      for (let c = p.col; c <= q.col && c <= line.length; c++) if (r !== p.row || c !== p.col) line[c - 1] = "";
    }
  }
  return { sheet: name, values, numberFormats, firstRow: 1, firstCol: 1 };
}

function columnLetters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export { colOf };
