/**
 * A worksheet part's cells and column widths rewritten with our edits: only the rows we touch
 * are rebuilt, every other row and element stays as written (docs/write-back.md).
 */
import { a1, parseA1 } from "../core/basics/address";
import { PackageError, attrs, escapeCellText, escapeXml } from "./ooxml-package";
import { colOf } from "./xlsx-read";
import { StyleBook, StyleSpec } from "./xlsx-styles";
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

function cellXml(p: string, row: number, col: number, old: { attrText: string; inner: string | undefined } | null, e: CellEdit, styles: () => StyleBook, result: FormulaEffects): string {
  const ref = a1(row, col);
  const oldA = old ? attrs(old.attrText) : {};
  const baseS = oldA.s !== undefined ? Number(oldA.s) : 0;
  const s = e.style ? styles().xf(baseS, e.style) : baseS;
  const sAttr = s ? ` s="${s}"` : "";
  if (e.value === undefined) {
    // a format only: the cell keeps its content
    if (!old) return `<${p}c r="${ref}"${sAttr}/>`;
    const rest = old.attrText.replace(/\s*\b(r|s)\s*=\s*("[^"]*"|'[^']*')/g, "");
    return old.inner === undefined ? `<${p}c r="${ref}"${sAttr}${rest}/>` : `<${p}c r="${ref}"${sAttr}${rest}>${old.inner}</${p}c>`;
  }
  const v = e.value;
  if (v === null) return `<${p}c r="${ref}"${sAttr}/>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<${p}c r="${ref}"${sAttr}><${p}v>${v}</${p}v></${p}c>` : `<${p}c r="${ref}"${sAttr} t="e"><${p}v>#NUM!</${p}v></${p}c>`;
  if (typeof v === "string") return `<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t xml:space="preserve">${escapeCellText(v)}</${p}t></${p}is></${p}c>`;
  result.wroteFormula = true;
  const f = `<${p}f>${escapeXml(v.formula.replace(/^=/, ""))}</${p}f>`;
  if (typeof v.cached === "string") return `<${p}c r="${ref}"${sAttr} t="str">${f}<${p}v>${escapeCellText(v.cached)}</${p}v></${p}c>`;
  if (typeof v.cached === "number" && Number.isFinite(v.cached)) return `<${p}c r="${ref}"${sAttr}>${f}<${p}v>${v.cached}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${sAttr}>${f}</${p}c>`;
}

/** The sheet part with the edits and clears applied to its <sheetData> and its <dimension> grown to cover them. */
export function writeSheetData(xml: string, p: string, input: CellEdits, result: FormulaEffects): string {
  const { edits, clears, styles } = input;
  const open = new RegExp(`<${p}sheetData\\b[^>]*?(\\/?)>`).exec(xml);
  if (!open) throw new PackageError(`sheet ${input.sheet} has no sheetData`);
  const bodyStart = open.index + open[0].length;
  let bodyEnd: number;
  let head = xml.slice(0, open.index);
  let tail: string;
  if (open[1] === "/") {
    head += `<${p}sheetData>`;
    bodyEnd = bodyStart;
    tail = `</${p}sheetData>` + xml.slice(bodyStart);
  } else {
    head += open[0];
    const close = xml.indexOf(`</${p}sheetData>`, bodyStart);
    bodyEnd = close;
    tail = xml.slice(close);
  }
  const body = xml.slice(bodyStart, bodyEnd);
  const rowsToAdd = [...edits.keys()].sort((a, b) => a - b);
  let addAt = 0;
  const out: string[] = [];
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, line] of edits) {
    if (r > maxRow) maxRow = r;
    for (const c of line.keys()) if (c > maxCol) maxCol = c;
  }
  const clearsRow = (r: number) => clears.some((x) => r >= x.r1 && r <= x.r2);
  const rowRe = new RegExp(`<${p}row\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}row>)`, "g");
  const cellRe = new RegExp(`<${p}c\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}c>)`, "g");
  let last = 0;
  let rowNo = 0;
  let m: RegExpExecArray | null;
  const newRow = (r: number, attrText: string, cells: string[]) => {
    const rest = attrText.replace(/\s*\b(r|spans)\s*=\s*("[^"]*"|'[^']*')/g, "");
    return cells.length || rest.trim() ? `<${p}row r="${r}"${rest}>${cells.join("")}</${p}row>` : "";
  };
  const buildRow = (r: number, attrText: string, inner: string | undefined): string => {
    const line = edits.get(r);
    const cells: { col: number; xml: string }[] = [];
    let colNo = 0;
    if (inner !== undefined) {
      cellRe.lastIndex = 0;
      let cm: RegExpExecArray | null;
      while ((cm = cellRe.exec(inner))) {
        const ref = /\br="([^"]*)"/.exec(cm[1]);
        colNo = ref ? colOf(ref[1]) : colNo + 1;
        const e = line?.get(colNo);
        const hasContent = cm[2] !== undefined && /<(?:[\w.-]+:)?(v|f|is)\b/.test(cm[2]);
        const hasFormula = cm[2] !== undefined && /<(?:[\w.-]+:)?f\b/.test(cm[2]);
        const cleared = hasContent && clears.some((x) => inRect(x, r, colNo));
        if (e) {
          if (hasFormula && e.value !== undefined) result.removedFormula = true;
          const old = cleared ? null : { attrText: cm[1], inner: cm[2] };
          cells.push({ col: colNo, xml: cellXml(p, r, colNo, old, e, styles, result) });
          line?.delete(colNo);
        } else if (cleared) {
          if (hasFormula) result.removedFormula = true;
        } else {
          cells.push({ col: colNo, xml: ref ? cm[0] : cm[0].replace(new RegExp(`^<${p}c\\b`), `<${p}c r="${a1(r, colNo)}"`) });
        }
      }
    }
    if (line) for (const [c, e] of line) cells.push({ col: c, xml: cellXml(p, r, c, null, e, styles, result) });
    edits.delete(r);
    cells.sort((x, y) => x.col - y.col);
    return newRow(r, attrText, cells.map((c) => c.xml));
  };
  const addRowsBefore = (limit: number) => {
    while (addAt < rowsToAdd.length && rowsToAdd[addAt] < limit) {
      const r = rowsToAdd[addAt++];
      if (edits.has(r)) out.push(buildRow(r, "", undefined));
    }
  };
  rowRe.lastIndex = 0;
  while ((m = rowRe.exec(body))) {
    const ra = /\br="(\d+)"/.exec(m[1]);
    rowNo = ra ? Number(ra[1]) : rowNo + 1;
    out.push(body.slice(last, m.index));
    addRowsBefore(rowNo);
    if (addAt < rowsToAdd.length && rowsToAdd[addAt] === rowNo) addAt++;
    if (edits.has(rowNo) || clearsRow(rowNo) || !ra) out.push(buildRow(rowNo, m[1], m[2]));
    else out.push(m[0]);
    last = m.index + m[0].length;
  }
  out.push(body.slice(last));
  addRowsBefore(Infinity);
  let next = head + out.join("") + tail;
  if (maxRow && maxCol) next = growDimension(next, p, maxRow, maxCol);
  return next;
}

function growDimension(xml: string, p: string, maxRow: number, maxCol: number): string {
  const re = new RegExp(`<${p}dimension\\b([^>]*?)\\/?>`);
  const m = re.exec(xml);
  if (!m) return xml;
  const ref = attrs(m[1]).ref ?? "A1";
  const [a, b] = ref.split(":");
  const tl = parseA1(a) ?? { row: 1, col: 1 };
  const br = parseA1(b ?? a) ?? tl;
  const r2 = Math.max(br.row, maxRow);
  const c2 = Math.max(br.col, maxCol);
  return xml.replace(m[0], `<${p}dimension ref="${a1(tl.row, tl.col)}:${a1(r2, c2)}"/>`);
}

/** The sheet part with these column widths (points) set: a <col> range holding one is split around it. */
export function writeCols(xml: string, p: string, widths: Map<number, number>): string {
  const re = new RegExp(`<${p}cols\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${p}cols>)`);
  const m = re.exec(xml);
  const cols: { min: number; max: number; a: Record<string, string> }[] = [];
  if (m && m[1]) {
    const cre = new RegExp(`<${p}col\\b([^>]*?)\\/?>`, "g");
    let cm: RegExpExecArray | null;
    while ((cm = cre.exec(m[1]))) {
      const a = attrs(cm[1]);
      cols.push({ min: Number(a.min), max: Number(a.max), a });
    }
  }
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
  cols.sort((x, y) => x.min - y.min);
  const el = `<${p}cols>${cols
    .map((x) => {
      const rest = Object.entries(x.a)
        .filter(([k]) => k !== "min" && k !== "max")
        .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
        .join("");
      return `<${p}col min="${x.min}" max="${x.max}"${rest}/>`;
    })
    .join("")}</${p}cols>`;
  if (m) return xml.replace(m[0], el);
  return insertInOrder(xml, p, AFTER_COLS, el, "worksheet");
}
