/**
 * A worksheet part's cells and column widths rewritten with our edits: only the rows we touch
 * are rebuilt, every other row and element stays as written (docs/write-back.md).
 */
import { fileFormula } from "./future-functions";
import { a1, parseA1 } from "../core/basics/address";
import { PackageError, escapeCellText, escapeXml } from "./ooxml-package";
import { cellColumnOf, isSheetRow, rowNumberOf } from "./xlsx-read";
import { StyleBook, StyleSpec } from "./xlsx-styles";
import { XmlEl, Splice, appendChildSplice, applySplices, attrsXml, childNamed, parseTop, parseXml, startTagXml } from "./xml-parse";
import { insertInOrder } from "./xml-edit";

/** A formula may carry the value it gives (`cached`), stored for readers that do not compute. */
export type CellWrite = string | number | { formula: string; cached?: string | number } | null;

export interface CellEdit {
  value?: CellWrite;
  style?: StyleSpec;
}

/** An area (1-based, inclusive) whose earlier values and notes a run removes. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export const inRect = (r: Rect, row: number, col: number) => row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;

/** What writing the cells did to formulas: removing one drops the calc chain, writing one asks for a full recalculation. */
export interface FormulaEffects {
  removedFormula: boolean;
  wroteFormula: boolean;
}

/** Elements that follow <cols> in a worksheet. */
const AFTER_COLS = ["sheetData"];

export interface CellEdits {
  /** the sheet's name, for errors */
  sheet: string;
  /** row → column → edit; the rows written are removed from it */
  edits: Map<number, Map<number, CellEdit>>;
  clears: Rect[];
  styles: () => StyleBook;
}

const prefixOf = (el: XmlEl) => (el.prefix ? el.prefix + ":" : "");

/** An element's start tag with ` r="ref"` put right after its name (an element that had none). */
function withRef(xml: string, el: XmlEl, ref: string): string {
  const at = el.start + 1 + el.name.length;
  return xml.slice(el.start, at) + ` r="${ref}"` + xml.slice(at, el.end);
}

function cellXml(xml: string, p: string, row: number, col: number, old: XmlEl | null, e: CellEdit, styles: () => StyleBook, result: FormulaEffects): string {
  const ref = a1(row, col);
  const oldA = old ? old.attrs : {};
  const oldS = oldA.s !== undefined ? Number(oldA.s) : 0;
  const baseS = Number.isInteger(oldS) && oldS >= 0 ? oldS : 0;
  const s = e.style ? styles().xf(baseS, e.style) : baseS;
  const sAttr = s ? ` s="${s}"` : "";
  if (e.value === undefined) {
    // a format only: the cell keeps its content and its other attributes
    if (!old) return `<${p}c r="${ref}"${sAttr}/>`;
    const rest = attrsXml(Object.entries(old.attrs).filter(([k]) => k !== "r" && k !== "s"));
    return old.selfClosing ? `<${old.name} r="${ref}"${sAttr}${rest}/>` : `<${old.name} r="${ref}"${sAttr}${rest}>${xml.slice(old.openEnd, old.closeStart)}</${old.name}>`;
  }
  const v = e.value;
  if (v === null) return `<${p}c r="${ref}"${sAttr}/>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<${p}c r="${ref}"${sAttr}><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${ref}"${sAttr} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
  if (typeof v === "string") return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeCellText(v)}</${p}t></${p}is></${p}c>`;
  result.wroteFormula = true;
  const f = `<${p}f>${escapeXml(fileFormula(v.formula.replace(/^=/, "")))}</${p}f>`;
  if (typeof v.cached === "string") return `<${p}c r="${ref}"${sAttr} t="str">${f}<${p}v>${escapeCellText(v.cached)}</${p}v></${p}c>`;
  if (typeof v.cached === "number" && Number.isFinite(v.cached)) return `<${p}c r="${ref}"${sAttr}>${f}<${p}v>${v.cached}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${sAttr}>${f}</${p}c>`;
}

/**
 * The sheet part with the edits and clears applied to its <sheetData> and its <dimension> grown
 * to cover them. The part is parsed strictly; only the rows we touch are written again (a row
 * without `r` gets one), new rows go before the first row numbered after them, and every other
 * byte stays as written. `_p` (the root's prefix) is not needed: new elements take their parent's.
 */
export function writeSheetData(xml: string, _p: string, input: CellEdits, result: FormulaEffects): string {
  return writeSheet(xml, input, result, new Map());
}

/**
 * The sheet part with cell edits, clears and column widths applied, from one strict parse: the
 * rows, <dimension> and <cols> are spliced in one pass (a large sheet is tokenized once).
 */
export function writeSheet(xml: string, input: CellEdits, result: FormulaEffects, widths: Map<number, number>): string {
  const { edits, clears, styles } = input;
  const where = `sheet "${input.sheet}"`;
  const clearsRow = (r: number) => clears.some((x) => r >= x.r1 && r <= x.r2);
  const touched = (r: number) => edits.has(r) || clearsRow(r);
  const numbers = new Map<XmlEl, number>();
  let previous = 0;
  const root = parseXml(xml, where, {
    keep: (el) => {
      if (isSheetRow(el)) {
        previous = rowNumberOf(el, previous, where);
        numbers.set(el, previous);
        return true;
      }
      // the cells of rows we do not touch are not kept
      return !(el.local === "c" && el.parent !== null && numbers.has(el.parent) && !touched(numbers.get(el.parent) as number));
    },
  });
  const sheetData = childNamed(root, "sheetData");
  if (!sheetData) throw new PackageError(`${where} has no sheetData`);
  const rows = sheetData.children.filter(isSheetRow);
  const byNumber = new Map<number, XmlEl>();
  for (const row of rows) {
    const n = numbers.get(row) as number;
    if (byNumber.has(n)) throw new PackageError(`${where}: row ${n} is written twice`);
    byNumber.set(n, row);
  }
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, line] of edits) {
    if (r > maxRow) maxRow = r;
    for (const c of line.keys()) if (c > maxCol) maxCol = c;
  }
  const sp = prefixOf(sheetData);
  const buildRow = (r: number, row: XmlEl | null): string => {
    const line = edits.get(r);
    const p = row ? prefixOf(row) : sp;
    const cells: { col: number; xml: string }[] = [];
    const others: string[] = [];
    const cols = new Set<number>();
    let colNo = 0;
    for (const c of row?.children ?? []) {
      if (c.local !== "c") {
        others.push(xml.slice(c.start, c.end));
        continue;
      }
      colNo = cellColumnOf(c, r, colNo, where);
      if (cols.has(colNo)) throw new PackageError(`${where}: cell ${a1(r, colNo)} is written twice`);
      cols.add(colNo);
      const e = line?.get(colNo);
      const hasContent = c.children.some((k) => k.local === "v" || k.local === "f" || k.local === "is");
      const hasFormula = childNamed(c, "f") !== undefined;
      const cleared = hasContent && clears.some((x) => inRect(x, r, colNo));
      if (e) {
        if (hasFormula && e.value !== undefined) result.removedFormula = true;
        cells.push({ col: colNo, xml: cellXml(xml, p, r, colNo, cleared ? null : c, e, styles, result) });
        line?.delete(colNo);
      } else if (cleared) {
        if (hasFormula) result.removedFormula = true;
      } else {
        cells.push({ col: colNo, xml: c.attrs.r === undefined ? withRef(xml, c, a1(r, colNo)) : xml.slice(c.start, c.end) });
      }
    }
    if (line) for (const [c, e] of line) cells.push({ col: c, xml: cellXml(xml, p, r, c, null, e, styles, result) });
    edits.delete(r);
    cells.sort((x, y) => x.col - y.col);
    const rest = row ? attrsXml(Object.entries(row.attrs).filter(([k]) => k !== "r" && k !== "spans")) : "";
    const name = row ? row.name : `${sp}row`;
    return cells.length || rest || others.length ? `<${name} r="${r}"${rest}>${cells.map((c) => c.xml).join("")}${others.join("")}</${name}>` : "";
  };
  const splices: Splice[] = [];
  // rows that exist: rebuilt when touched; given an `r` when they have none (rows may be added before them)
  for (const row of rows) {
    const n = numbers.get(row) as number;
    if (touched(n)) splices.push({ start: row.start, end: row.end, text: buildRow(n, row) });
    else if (row.attrs.r === undefined) splices.push({ start: row.start, end: row.start + 1 + row.name.length, text: `<${row.name} r="${n}"` });
  }
  // rows that do not exist yet: before the first row (in document order) numbered after them
  const added = [...edits.keys()].filter((r) => !byNumber.has(r)).sort((a, b) => a - b);
  const atEnd: string[] = [];
  const before = new Map<XmlEl, string[]>();
  for (const r of added) {
    const text = buildRow(r, null);
    if (!text) continue;
    const next = rows.find((row) => (numbers.get(row) as number) > r);
    if (!next) atEnd.push(text);
    else before.set(next, [...(before.get(next) ?? []), text]);
  }
  for (const [row, texts] of before) splices.push({ start: row.start, end: row.start, text: texts.join("") });
  if (atEnd.length) splices.push(appendChildSplice(xml, sheetData, atEnd.join("")));
  if (maxRow && maxCol) {
    const dim = childNamed(root, "dimension");
    if (dim) splices.push(dimensionSplice(dim, maxRow, maxCol));
  }
  if (widths.size) {
    const cols = colsSplice(xml, root, widths);
    if (cols) splices.push(cols);
    else {
      // a new <cols> goes before <sheetData>, in the same pass
      const p = prefixOf(root);
      const at = sheetData.start;
      splices.push({ start: at, end: at, text: colsXml(p, `${p}col`, colsWith([], widths)) });
    }
  }
  return applySplices(xml, splices);
}

function dimensionSplice(dim: XmlEl, maxRow: number, maxCol: number): Splice {
  const ref = dim.attrs.ref ?? "A1";
  const [a, b] = ref.split(":");
  const tl = parseA1(a) ?? { row: 1, col: 1 };
  const br = parseA1(b ?? a) ?? tl;
  const r2 = Math.max(br.row, maxRow);
  const c2 = Math.max(br.col, maxCol);
  return { start: dim.start, end: dim.end, text: startTagXml(dim, { ref: `${a1(tl.row, tl.col)}:${a1(r2, c2)}` }, [], true) };
}

interface ColRange {
  min: number;
  max: number;
  a: Record<string, string>;
}

/** The <col> ranges with these widths set: a range holding one is split around it. */
function colsWith(cols: ColRange[], widths: Map<number, number>): ColRange[] {
  for (const [c, w] of widths) {
    const i = cols.findIndex((x) => x.min <= c && c <= x.max);
    if (i >= 0) {
      const x = cols[i];
      const pieces = [];
      if (x.min < c) pieces.push({ min: x.min, max: c - 1, a: { ...x.a } });
      pieces.push({ min: c, max: c, a: { ...x.a, width: String(w), customWidth: "1" } });
      if (c < x.max) pieces.push({ min: c + 1, max: x.max, a: { ...x.a } });
      cols.splice(i, 1, ...pieces);
    } else {
      cols.push({ min: c, max: c, a: { width: String(w), customWidth: "1" } });
    }
  }
  return cols.sort((x, y) => x.min - y.min);
}

function colsBody(colName: string, cols: ColRange[]): string {
  return cols.map((x) => `<${colName}${attrsXml([["min", String(x.min)], ["max", String(x.max)], ...Object.entries(x.a).filter(([k]) => k !== "min" && k !== "max")])}/>`).join("");
}

function colsXml(p: string, colName: string, cols: ColRange[]): string {
  return `<${p}cols>${colsBody(colName, cols)}</${p}cols>`;
}

/** The splice rewriting an existing <cols> with these widths (null when the sheet has none). */
function colsSplice(xml: string, root: XmlEl, widths: Map<number, number>): Splice | null {
  const existing = childNamed(root, "cols");
  if (!existing) return null;
  const cols = colsWith(
    existing.children.filter((c) => c.local === "col").map((c) => ({ min: Number(c.attrs.min), max: Number(c.attrs.max), a: { ...c.attrs } })),
    widths,
  );
  const colName = existing.children.find((c) => c.local === "col")?.name ?? `${prefixOf(existing)}col`;
  return { start: existing.start, end: existing.end, text: `${startTagXml(existing)}${colsBody(colName, cols)}</${existing.name}>` };
}

/** The sheet part with these column widths (points) set: a <col> range holding one is split around it. */
export function writeCols(xml: string, _p: string, widths: Map<number, number>): string {
  const root = parseTop(xml, "the sheet", ["cols"]);
  const splice = colsSplice(xml, root, widths);
  if (splice) return applySplices(xml, [splice]);
  const p = prefixOf(root);
  return insertInOrder(xml, p, AFTER_COLS, colsXml(p, `${p}col`, colsWith([], widths)), "worksheet");
}
