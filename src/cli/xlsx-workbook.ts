/**
 * A workbook package opened for write-back: reads sheets as Grids and adds our cells, styles,
 * notes, column widths and sheets by editing only the parts that change. Every other part —
 * charts, images, pivots, slicers, validations, conditional formats, defined names, threaded
 * comments, protection, custom XML, VBA — is copied byte for byte (docs/write-back.md).
 */
import { Grid } from "../core/grid";
import { a1, columnLetter, parseA1 } from "../core/address";
import { CT, NS, OoxmlPackage, PackageError, REL, attrLocal, attrs, escapeCellText, escapeXml, firstTag, relsPathOf, rootPrefix } from "./ooxml-package";
import { SheetEntry, colOf, readCellFormats, readSharedStrings, sheetEntries, sheetGrid } from "./xlsx-read";
import { MINIMAL_STYLES, StyleBook, StyleSpec } from "./xlsx-styles";
import { SHAPE_BLOCK, freeBlock, normalizeVml, vmlBlocks, vmlParts, vmlShapeIds } from "./vml";

export type { StyleSpec } from "./xlsx-styles";
export type { SheetEntry } from "./xlsx-read";
export type CellWrite = string | number | { formula: string } | null;

interface CellEdit {
  value?: CellWrite;
  style?: StyleSpec;
}

interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const inRect = (r: Rect, row: number, col: number) => row >= r.r1 && row <= r.r2 && col >= r.c1 && col <= r.c2;

/** Elements that follow <legacyDrawing> in a worksheet, in schema order. */
const AFTER_LEGACY_DRAWING = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];
/** Elements that follow <cols> in a worksheet. */
const AFTER_COLS = ["sheetData"];
/** Elements that follow <calcPr> in a workbook. */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

const NOTE_AUTHOR = "绩效核对 Jixiao";

export interface NewSheetOptions {
  /** frozen rows and columns */
  freeze?: { rows: number; columns: number };
}

export class SheetEditor {
  private edits = new Map<number, Map<number, CellEdit>>();
  private clears: Rect[] = [];
  private widths = new Map<number, number>();
  private notes = new Map<string, string>();

  constructor(
    private wb: XlsxWorkbook,
    readonly entry: SheetEntry,
  ) {}

  private edit(row: number, col: number): CellEdit {
    let line = this.edits.get(row);
    if (!line) this.edits.set(row, (line = new Map()));
    let e = line.get(col);
    if (!e) line.set(col, (e = {}));
    return e;
  }

  setValue(row: number, col: number, value: CellWrite): void {
    this.edit(row, col).value = value;
  }

  setStyle(row: number, col: number, style: StyleSpec): void {
    const e = this.edit(row, col);
    e.style = { ...e.style, ...style };
  }

  /** Remove the values and notes a run wrote earlier in this area (cells with only a format stay). */
  clear(r1: number, c1: number, r2: number, c2: number): void {
    this.clears.push({ r1, c1, r2, c2 });
  }

  setWidth(col: number, width: number): void {
    this.widths.set(col, width);
  }

  setNote(row: number, col: number, text: string): void {
    this.notes.set(a1(row, col), text);
  }

  get pending(): boolean {
    return this.edits.size > 0 || this.clears.length > 0 || this.widths.size > 0 || this.notes.size > 0;
  }

  // ---- writing the sheet part

  flush(styles: () => StyleBook): { removedFormula: boolean; wroteFormula: boolean } {
    const pkg = this.wb.pkg;
    const path = this.entry.path;
    let xml = pkg.getText(path);
    const p = rootPrefix(xml);
    const result = { removedFormula: false, wroteFormula: false };
    if (this.edits.size || this.clears.length) xml = this.writeSheetData(xml, p, styles, result);
    if (this.widths.size) xml = this.writeCols(xml, p);
    pkg.setText(path, xml);
    if (this.notes.size || this.clears.length) this.writeNotes(p);
    this.edits.clear();
    this.clears = [];
    this.widths.clear();
    this.notes.clear();
    return result;
  }

  private cellXml(p: string, row: number, col: number, old: { attrText: string; inner: string | undefined } | null, e: CellEdit, styles: () => StyleBook, result: { wroteFormula: boolean }): string {
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
    return `<${p}c r="${ref}"${sAttr}><${p}f>${escapeXml(v.formula.replace(/^=/, ""))}</${p}f></${p}c>`;
  }

  private writeSheetData(xml: string, p: string, styles: () => StyleBook, result: { removedFormula: boolean; wroteFormula: boolean }): string {
    const open = new RegExp(`<${p}sheetData\\b[^>]*?(\\/?)>`).exec(xml);
    if (!open) throw new PackageError(`sheet ${this.entry.name} has no sheetData`);
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
    const rowsToAdd = [...this.edits.keys()].sort((a, b) => a - b);
    let addAt = 0;
    const out: string[] = [];
    let maxRow = 0;
    let maxCol = 0;
    for (const [r, line] of this.edits) {
      if (r > maxRow) maxRow = r;
      for (const c of line.keys()) if (c > maxCol) maxCol = c;
    }
    const clearsRow = (r: number) => this.clears.some((x) => r >= x.r1 && r <= x.r2);
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
      const line = this.edits.get(r);
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
          const cleared = hasContent && this.clears.some((x) => inRect(x, r, colNo));
          if (e) {
            if (hasFormula && e.value !== undefined) result.removedFormula = true;
            const old = cleared ? null : { attrText: cm[1], inner: cm[2] };
            cells.push({ col: colNo, xml: this.cellXml(p, r, colNo, old, e, styles, result) });
            line?.delete(colNo);
          } else if (cleared) {
            if (hasFormula) result.removedFormula = true;
          } else {
            cells.push({ col: colNo, xml: ref ? cm[0] : cm[0].replace(new RegExp(`^<${p}c\\b`), `<${p}c r="${a1(r, colNo)}"`) });
          }
        }
      }
      if (line) for (const [c, e] of line) cells.push({ col: c, xml: this.cellXml(p, r, c, null, e, styles, result) });
      this.edits.delete(r);
      cells.sort((x, y) => x.col - y.col);
      return newRow(r, attrText, cells.map((c) => c.xml));
    };
    rowRe.lastIndex = 0;
    while ((m = rowRe.exec(body))) {
      const ra = /\br="(\d+)"/.exec(m[1]);
      rowNo = ra ? Number(ra[1]) : rowNo + 1;
      out.push(body.slice(last, m.index));
      while (addAt < rowsToAdd.length && rowsToAdd[addAt] < rowNo) {
        const r = rowsToAdd[addAt++];
        if (this.edits.has(r)) out.push(buildRow(r, "", undefined));
      }
      if (addAt < rowsToAdd.length && rowsToAdd[addAt] === rowNo) addAt++;
      if (this.edits.has(rowNo) || clearsRow(rowNo) || !ra) out.push(buildRow(rowNo, m[1], m[2]));
      else out.push(m[0]);
      last = m.index + m[0].length;
    }
    out.push(body.slice(last));
    while (addAt < rowsToAdd.length) {
      const r = rowsToAdd[addAt++];
      if (this.edits.has(r)) out.push(buildRow(r, "", undefined));
    }
    let next = head + out.join("") + tail;
    if (maxRow && maxCol) next = this.growDimension(next, p, maxRow, maxCol);
    return next;
  }

  private growDimension(xml: string, p: string, maxRow: number, maxCol: number): string {
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

  private writeCols(xml: string, p: string): string {
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
    for (const [c, w] of this.widths) {
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
    const at = firstTag(xml, p, AFTER_COLS);
    return xml.slice(0, at) + el + xml.slice(at);
  }

  // ---- notes: the comments part and its VML drawing

  private writeNotes(p: string): void {
    const pkg = this.wb.pkg;
    const sheet = this.entry.path;
    const rels = pkg.rels(sheet);
    const commentsRel = rels.find((r) => !r.external && r.type.endsWith("/comments"));
    let commentsPath = commentsRel ? pkg.findPart(commentsRel.path) : undefined;
    const removedRefs = (ref: string) => {
      const q = parseA1(ref);
      return q !== null && (this.notes.has(ref) || this.clears.some((x) => inRect(x, q.row, q.col)));
    };
    const removed: { row: number; col: number }[] = [];
    if (!commentsPath && this.notes.size === 0) return;
    // comments part
    let cxml: string;
    if (commentsPath) {
      cxml = pkg.getText(commentsPath);
    } else {
      commentsPath = pkg.freeName(`${this.wb.dir}comments`, ".xml");
      cxml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;
      pkg.addRel(sheet, REL.comments, commentsPath);
      pkg.addOverride(commentsPath, CT.comments);
    }
    const cp = rootPrefix(cxml);
    cxml = cxml.replace(new RegExp(`<${cp}comment\\b([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/${cp}comment>)`, "g"), (whole, a: string) => {
      const ref = attrs(a).ref ?? "";
      if (!removedRefs(ref)) return whole;
      const q = parseA1(ref);
      if (q) removed.push(q);
      return "";
    });
    if (removed.length === 0 && this.notes.size === 0) return;
    // our author
    const authors = cxml.match(new RegExp(`<${cp}author\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${cp}author>)`, "g")) ?? [];
    let authorId = authors.findIndex((x) => x.indexOf(NOTE_AUTHOR) >= 0);
    if (authorId < 0 && this.notes.size) {
      authorId = authors.length;
      const el = `<${cp}author>${NOTE_AUTHOR}</${cp}author>`;
      if (new RegExp(`<${cp}authors\\s*\\/>`).test(cxml)) cxml = cxml.replace(new RegExp(`<${cp}authors\\s*\\/>`), `<${cp}authors>${el}</${cp}authors>`);
      else cxml = cxml.replace(`</${cp}authors>`, `${el}</${cp}authors>`);
    }
    const added = [...this.notes].map(
      ([ref, text]) => `<${cp}comment ref="${ref}" authorId="${authorId}"><${cp}text><${cp}r><${cp}rPr><${cp}sz val="9"/></${cp}rPr><${cp}t xml:space="preserve">${escapeCellText(text)}</${cp}t></${cp}r></${cp}text></${cp}comment>`,
    );
    if (new RegExp(`<${cp}commentList\\s*\\/>`).test(cxml)) cxml = cxml.replace(new RegExp(`<${cp}commentList\\s*\\/>`), `<${cp}commentList>${added.join("")}</${cp}commentList>`);
    else cxml = cxml.replace(`</${cp}commentList>`, `${added.join("")}</${cp}commentList>`);
    pkg.setText(commentsPath, cxml);
    this.writeVml(p, removed);
  }

  private writeVml(p: string, removed: { row: number; col: number }[]): void {
    const pkg = this.wb.pkg;
    const sheet = this.entry.path;
    let sx = pkg.getText(sheet);
    const ld = new RegExp(`<${p}legacyDrawing\\b([^>]*?)\\/?>`).exec(sx);
    let vmlPath: string | undefined;
    if (ld) {
      const id = attrLocal(attrs(ld[1]), "id", true);
      const rel = pkg.rels(sheet).find((r) => r.id === id);
      vmlPath = rel ? pkg.findPart(rel.path) : undefined;
    }
    let vml: string;
    if (vmlPath) {
      vml = pkg.getText(vmlPath);
    } else {
      const used = new Set<number>();
      for (const v of vmlParts(pkg)) for (const b of vmlBlocks(pkg.getText(v.path))) used.add(b);
      vmlPath = pkg.freeName(`${this.wb.dir}drawings/vmlDrawing`, ".vml");
      vml =
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${freeBlock(used)}"/></o:shapelayout></xml>`;
      const relId = this.wb.pkg.addRel(sheet, REL.vmlDrawing, vmlPath);
      pkg.ensureDefault("vml", CT.vml);
      const rp = this.wb.relPrefix(sheet);
      sx = pkg.getText(sheet);
      if (ld) sx = sx.replace(ld[0], `<${p}legacyDrawing ${rp}:id="${relId}"/>`);
      else {
        const at = firstTag(sx, p, AFTER_LEGACY_DRAWING);
        const el = `<${p}legacyDrawing ${rp}:id="${relId}"/>`;
        sx = at >= 0 ? sx.slice(0, at) + el + sx.slice(at) : sx.replace(new RegExp(`<\\/${p}worksheet>\\s*$`), `${el}</${p}worksheet>`);
      }
      pkg.setText(sheet, sx);
    }
    // drop the boxes of removed notes
    if (removed.length) {
      const gone = new Set(removed.map((q) => `${q.row - 1},${q.col - 1}`));
      vml = vml.replace(/<v:shape\b[^>]*>[\s\S]*?<\/v:shape>/g, (whole) => {
        if (!/ObjectType="Note"/.test(whole)) return whole;
        const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(whole);
        const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(whole);
        return r && c && gone.has(`${r[1]},${c[1]}`) ? "" : whole;
      });
    }
    if (this.notes.size) {
      if (vml.indexOf('id="_x0000_t202"') < 0) {
        const shapetype =
          `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
          `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;
        vml = vml.replace(/<\/xml>\s*$/, `${shapetype}</xml>`);
      }
      const blocks = vmlBlocks(vml);
      const taken = new Set(vmlShapeIds(vml));
      const block = blocks[0] ?? 1;
      let n = block * SHAPE_BLOCK + 1;
      const shapes: string[] = [];
      for (const ref of this.notes.keys()) {
        while (taken.has(n)) n++;
        taken.add(n);
        const q = parseA1(ref) as { row: number; col: number };
        shapes.push(noteShape(n, q.row - 1, q.col - 1));
      }
      // ids past the part's blocks are renumbered by normalizeVml before the file is written
      vml = vml.replace(/<\/xml>\s*$/, `${shapes.join("")}</xml>`);
    }
    pkg.setText(vmlPath, vml);
  }
}

/** The VML box Excel draws for a note at (0-based) row, col: hidden until hovered. */
function noteShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:80pt;z-index:${id % SHAPE_BLOCK};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

// ---------------------------------------------------------------------------------------------

export class XlsxWorkbook {
  readonly pkg: OoxmlPackage;
  readonly workbookPath: string;
  /** the workbook part's folder, "xl/" */
  readonly dir: string;
  private entries: SheetEntry[];
  private strings: string[] | null = null;
  private formats: string[] | null = null;
  private editors = new Map<string, SheetEditor>();
  private styleBook: StyleBook | null = null;
  private fullCalc = false;

  constructor(pkg: OoxmlPackage) {
    this.pkg = pkg;
    this.workbookPath = pkg.workbookPath();
    this.dir = this.workbookPath.slice(0, this.workbookPath.lastIndexOf("/") + 1);
    this.entries = sheetEntries(pkg, this.workbookPath);
  }

  static fromBytes(data: Uint8Array): XlsxWorkbook {
    return new XlsxWorkbook(OoxmlPackage.fromBytes(data));
  }

  /** A workbook made from nothing: no sheets yet (add one before writing). */
  static blank(): XlsxWorkbook {
    return new XlsxWorkbook(
      OoxmlPackage.fromParts({
        "[Content_Types].xml":
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.contentTypes}"><Default Extension="rels" ContentType="${CT.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/></Types>`,
        "_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
        "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
        "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/></Relationships>`,
        "xl/styles.xml": MINIMAL_STYLES,
      }),
    );
  }

  get sheets(): readonly SheetEntry[] {
    return this.entries;
  }

  /** The workbook carries VBA (an .xlsm): it must be written back as .xlsm. */
  get macroEnabled(): boolean {
    const ct = this.pkg.contentTypeOf(this.workbookPath) ?? "";
    return /macroEnabled/i.test(ct) || this.pkg.partNames().some((p) => /vbaProject\.bin$/i.test(p));
  }

  sheet(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.entries.find((s) => s.name.toLowerCase() === lower);
  }

  /** Worksheets (not chart sheets) that are not hidden, in tab order. */
  visibleWorksheets(): SheetEntry[] {
    return this.entries.filter((s) => s.kind === "worksheet" && s.path !== "" && s.state !== "hidden" && s.state !== "veryHidden");
  }

  private partOf(type: string): string | undefined {
    const rel = this.pkg.rels(this.workbookPath).find((r) => !r.external && r.type.endsWith(type));
    return rel ? this.pkg.findPart(rel.path) : undefined;
  }

  grid(entry: SheetEntry): Grid {
    if (entry.kind !== "worksheet" || !entry.path) return { sheet: entry.name, values: [], numberFormats: [], firstRow: 1, firstCol: 1 };
    if (this.strings === null) this.strings = readSharedStrings(this.pkg, this.partOf("/sharedStrings"));
    if (this.formats === null) this.formats = readCellFormats(this.pkg, this.partOf("/styles"));
    return sheetGrid(entry.name, this.pkg.getText(entry.path), this.strings, this.formats);
  }

  /** The prefix the part's root declares for the relationships namespace (adds `r` when none). */
  relPrefix(part: string): string {
    const xml = this.pkg.getText(part);
    const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*"${NS.rel.replace(/[.]/g, "\\.")}"`).exec(xml);
    if (m) return m[1];
    const next = xml.replace(/<([\w.:-]+)(\s|>|\/>)/, (w, name: string, after: string) => (name.startsWith("?") || name.startsWith("!") ? w : `<${name} xmlns:r="${NS.rel}"${after}`));
    this.pkg.setText(part, next);
    return "r";
  }

  edit(entry: SheetEntry): SheetEditor {
    let ed = this.editors.get(entry.path);
    if (!ed) this.editors.set(entry.path, (ed = new SheetEditor(this, entry)));
    return ed;
  }

  /** Add an empty worksheet at the end of the tab order. */
  addSheet(name: string, options: NewSheetOptions = {}): SheetEntry {
    const wbXml = this.pkg.getText(this.workbookPath);
    const path = this.pkg.freeName(`${this.dir}worksheets/sheet`, ".xml");
    this.pkg.setText(path, emptySheetXml(options));
    this.pkg.addOverride(path, CT.worksheet);
    const relId = this.pkg.addRel(this.workbookPath, REL.worksheet, path);
    const sheetId = this.entries.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
    const p = rootPrefix(wbXml);
    const rp = this.relPrefix(this.workbookPath);
    const el = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${rp}:id="${relId}"/>`;
    let xml = this.pkg.getText(this.workbookPath);
    if (new RegExp(`<${p}sheets\\s*\\/>`).test(xml)) xml = xml.replace(new RegExp(`<${p}sheets\\s*\\/>`), `<${p}sheets>${el}</${p}sheets>`);
    else xml = xml.replace(`</${p}sheets>`, `${el}</${p}sheets>`);
    this.pkg.setText(this.workbookPath, xml);
    const entry: SheetEntry = { name, sheetId, state: "visible", relId, path, kind: "worksheet" };
    this.entries.push(entry);
    return entry;
  }

  /**
   * Empty a sheet this tool made earlier, keeping its place, name and id (so defined names and
   * the tab order stay right): its cells, notes and everything hanging from it go.
   */
  resetSheet(entry: SheetEntry, options: NewSheetOptions = {}): void {
    for (const r of this.pkg.rels(entry.path)) {
      if (r.external) continue;
      const part = this.pkg.findPart(r.path);
      const sharedElsewhere = this.pkg
        .partNames()
        .filter((q) => q !== entry.path && q.endsWith(".xml") && q.indexOf("_rels/") < 0)
        .some((q) => this.pkg.findPart(relsPathOf(q)) !== undefined && this.pkg.rels(q).some((x) => x.path === r.path));
      if (part && !sharedElsewhere && /\/(comments|vmlDrawing|table)$/.test(r.type)) {
        this.pkg.remove(part);
        this.pkg.removeOverride(part);
      }
    }
    const rp = this.pkg.findPart(relsPathOf(entry.path));
    if (rp) this.pkg.remove(rp);
    this.pkg.setText(entry.path, emptySheetXml(options));
    this.editors.delete(entry.path);
  }

  /** Names of the workbook's tables and defined names (compared without case), and the highest table id. */
  tableNames(): { names: Set<string>; maxId: number } {
    const names = new Set<string>();
    let maxId = 0;
    for (const p of this.pkg.partNames()) {
      if (!/table\+xml$/.test(this.pkg.contentTypeOf(p) ?? "")) continue;
      const m = /<(?:[\w.-]+:)?table\b([^>]*?)\/?>/.exec(this.pkg.getText(p));
      if (!m) continue;
      const a = attrs(m[1]);
      if (a.name) names.add(a.name.toLowerCase());
      if (a.displayName) names.add(a.displayName.toLowerCase());
      maxId = Math.max(maxId, Number(a.id ?? 0));
    }
    const wbXml = this.pkg.getText(this.workbookPath);
    const dre = /<(?:[\w.-]+:)?definedName\b([^>]*?)>/g;
    let m: RegExpExecArray | null;
    while ((m = dre.exec(wbXml))) {
      const n = attrs(m[1]).name;
      if (n) names.add(n.toLowerCase());
    }
    return { names, maxId };
  }

  /**
   * An Excel table over `ref` on a sheet: its header cells must hold `columns` (unique, as
   * Excel requires). The caller checks the name is free (tableNames).
   */
  addTable(entry: SheetEntry, t: { name: string; ref: string; columns: string[]; style: string; rowStripes: boolean; filterButton: boolean }): void {
    const { maxId } = this.tableNames();
    const id = maxId + 1;
    const path = this.pkg.freeName(`${this.dir}tables/table`, ".xml");
    const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join("");
    this.pkg.setText(
      path,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${t.ref}" totalsRowShown="0">` +
        `${t.filterButton ? `<autoFilter ref="${t.ref}"/>` : ""}<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
        `<tableStyleInfo name="${escapeXml(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="${t.rowStripes ? 1 : 0}" showColumnStripes="0"/></table>`,
    );
    this.pkg.addOverride(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml");
    const relId = this.pkg.addRel(entry.path, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table", path);
    const rp = this.relPrefix(entry.path);
    let sx = this.pkg.getText(entry.path);
    const p = rootPrefix(sx);
    const el = `<${p}tablePart ${rp}:id="${relId}"/>`;
    const parts = new RegExp(`<${p}tableParts\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${p}tableParts>)`).exec(sx);
    if (parts) {
      const body = (parts[2] ?? "") + el;
      const count = (body.match(new RegExp(`<${p}tablePart\\b`, "g")) ?? []).length;
      sx = sx.replace(parts[0], `<${p}tableParts count="${count}">${body}</${p}tableParts>`);
    } else {
      const at = firstTag(sx, p, ["extLst"]);
      const block = `<${p}tableParts count="1">${el}</${p}tableParts>`;
      sx = at >= 0 ? sx.slice(0, at) + block + sx.slice(at) : sx.replace(new RegExp(`<\\/${p}worksheet>\\s*$`), `${block}</${p}worksheet>`);
    }
    this.pkg.setText(entry.path, sx);
  }

  /** Excel recomputes every formula when the file opens (our formulas carry no cached values). */
  setFullCalcOnLoad(): void {
    this.fullCalc = true;
  }

  private styles(): StyleBook {
    if (this.styleBook) return this.styleBook;
    let path = this.partOf("/styles");
    if (!path) {
      path = `${this.dir}styles.xml`;
      this.pkg.setText(path, MINIMAL_STYLES);
      this.pkg.addOverride(path, CT.styles);
      this.pkg.addRel(this.workbookPath, REL.styles, path);
    }
    this.styleBook = new StyleBook(this.pkg, path);
    return this.styleBook;
  }

  private writeCalcPr(): void {
    let xml = this.pkg.getText(this.workbookPath);
    const p = rootPrefix(xml);
    const m = new RegExp(`<${p}calcPr\\b([^>]*?)\\/?>`).exec(xml);
    if (m) {
      const rest = m[1].replace(/\s*\bfullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, "");
      xml = xml.replace(m[0], `<${p}calcPr${rest} fullCalcOnLoad="1"/>`);
    } else {
      const at = firstTag(xml, p, AFTER_CALC_PR);
      const el = `<${p}calcPr calcId="0" fullCalcOnLoad="1"/>`;
      xml = at >= 0 ? xml.slice(0, at) + el + xml.slice(at) : xml.replace(new RegExp(`<\\/${p}workbook>\\s*$`), `${el}</${p}workbook>`);
    }
    this.pkg.setText(this.workbookPath, xml);
  }

  /** The calculation chain lists formula cells; after removing some, Excel rebuilds it. */
  private dropCalcChain(): void {
    const rel = this.pkg.rels(this.workbookPath).find((r) => r.type.endsWith("/calcChain"));
    if (!rel) return;
    const part = this.pkg.findPart(rel.path);
    this.pkg.removeRel(this.workbookPath, rel.id);
    if (part) {
      this.pkg.remove(part);
      this.pkg.removeOverride(part);
    }
  }

  /** Write every pending edit into the package and return the file's bytes. */
  toBytes(): Uint8Array {
    let removedFormula = false;
    let wroteFormula = false;
    for (const ed of this.editors.values()) {
      if (!ed.pending) continue;
      const r = ed.flush(() => this.styles());
      removedFormula = removedFormula || r.removedFormula;
      wroteFormula = wroteFormula || r.wroteFormula;
    }
    this.styleBook?.flush();
    if (removedFormula) this.dropCalcChain();
    if (this.fullCalc || wroteFormula) this.writeCalcPr();
    normalizeVml(this.pkg);
    if (this.entries.length === 0) throw new PackageError("a workbook needs at least one sheet");
    return this.pkg.toBytes();
  }
}

function emptySheetXml(options: NewSheetOptions): string {
  const f = options.freeze;
  let pane = "";
  if (f && (f.rows > 0 || f.columns > 0)) {
    const active = f.rows > 0 && f.columns > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
    pane =
      `<pane${f.columns > 0 ? ` xSplit="${f.columns}"` : ""}${f.rows > 0 ? ` ySplit="${f.rows}"` : ""} topLeftCell="${columnLetter(f.columns + 1)}${f.rows + 1}" activePane="${active}" state="frozen"/>` +
      `<selection pane="${active}"/>`;
  }
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

