/**
 * A sheet's notes written into its comments part and the VML drawing Excel shows them with: ours
 * added beside the user's under our own author, those of a cleared area removed (docs/write-back.md).
 */
import { parseA1 } from "../core/basics/address";
import { CT, NS, OoxmlPackage, PackageError, REL, escapeCellText } from "./ooxml-package";
import { SHAPE_BLOCK, freeBlock, vmlBlocks, vmlParts, vmlShapeIds } from "./vml";
import { relPrefixSplice } from "./xml-edit";
import { Splice, appendChildSplice, applySplices, attrByLocal, childNamed, startTagXml } from "./xml-parse";
import { Rect, inRect } from "./sheet-data-write";

/** Elements that follow <legacyDrawing> in a worksheet, in schema order. */
const AFTER_LEGACY_DRAWING = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

const NOTE_AUTHOR = "绩效核对 Jixiao";

/** The package and the workbook part's folder ("xl/") new parts go in. */
export interface WorkbookParts {
  readonly pkg: OoxmlPackage;
  readonly dir: string;
}

export interface NoteEdits {
  /** the worksheet part */
  sheet: string;
  /** the sheet root's namespace prefix */
  p: string;
  /** A1 reference → text */
  notes: Map<string, string>;
  clears: Rect[];
}

export function writeNotes(wb: WorkbookParts, input: NoteEdits): void {
  const { pkg } = wb;
  const { sheet, notes, clears } = input;
  const rels = pkg.rels(sheet);
  const commentsRel = rels.find((r) => !r.external && r.type.endsWith("/comments"));
  let commentsPath = commentsRel ? pkg.findPart(commentsRel.path) : undefined;
  const removedRefs = (ref: string) => {
    const q = parseA1(ref);
    return q !== null && (notes.has(ref) || clears.some((x) => inRect(x, q.row, q.col)));
  };
  const removed: { row: number; col: number }[] = [];
  if (!commentsPath && notes.size === 0) return;
  // comments part
  let cxml: string;
  if (commentsPath) {
    cxml = pkg.getText(commentsPath);
  } else {
    commentsPath = pkg.freeName(`${wb.dir}comments`, ".xml");
    cxml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;
    pkg.addRel(sheet, REL.comments, commentsPath);
    pkg.addOverride(commentsPath, CT.comments);
  }
  // the comments part, parsed strictly; removals and additions spliced in at its offsets
  if (!pkg.has(commentsPath)) pkg.setText(commentsPath, cxml);
  const root = pkg.xml(commentsPath);
  const cp = root.prefix ? root.prefix + ":" : "";
  const splices: Splice[] = [];
  const authorsEl = childNamed(root, "authors");
  const listEl = childNamed(root, "commentList");
  for (const c of listEl?.children ?? []) {
    if (c.local !== "comment") continue;
    const ref = c.attrs.ref ?? "";
    if (!removedRefs(ref)) continue;
    const q = parseA1(ref);
    if (q) removed.push(q);
    splices.push({ start: c.start, end: c.end, text: "" });
  }
  if (removed.length === 0 && notes.size === 0) return;
  // our author
  const authors = (authorsEl?.children ?? []).filter((a) => a.local === "author");
  let authorId = authors.findIndex((a) => a.text.trim() === NOTE_AUTHOR);
  const authorXml = `<${cp}author>${NOTE_AUTHOR}</${cp}author>`;
  if (authorId < 0 && notes.size) {
    authorId = authors.length;
    splices.push(authorsEl ? appendChildSplice(cxml, authorsEl, authorXml) : { start: root.openEnd, end: root.openEnd, text: `<${cp}authors>${authorXml}</${cp}authors>` });
  }
  const added = [...notes]
    .map(([ref, text]) => `<${cp}comment ref="${ref}" authorId="${authorId}"><${cp}text><${cp}r><${cp}rPr><${cp}sz val="9"/></${cp}rPr><${cp}t xml:space="preserve">${escapeCellText(text)}</${cp}t></${cp}r></${cp}text></${cp}comment>`)
    .join("");
  if (added) {
    if (listEl && listEl.selfClosing) splices.push({ start: listEl.start, end: listEl.end, text: `${startTagXml(listEl)}${added}</${listEl.name}>` });
    else if (listEl) splices.push({ start: listEl.closeStart, end: listEl.closeStart, text: added });
    else {
      const at = authorsEl ? authorsEl.end : root.openEnd;
      splices.push({ start: at, end: at, text: `<${cp}commentList>${added}</${cp}commentList>` });
    }
  }
  cxml = applySplices(cxml, splices);
  pkg.setText(commentsPath, cxml);
  writeVml(wb, input, removed);
}

function writeVml(wb: WorkbookParts, input: NoteEdits, removed: { row: number; col: number }[]): void {
  const { pkg } = wb;
  const { sheet, p, notes } = input;
  const ld = childNamed(pkg.top(sheet), "legacyDrawing");
  let vmlPath: string | undefined;
  if (ld) {
    const id = attrByLocal(ld, "id", true);
    const rel = pkg.rels(sheet).find((r) => r.id === id);
    vmlPath = rel ? pkg.findPart(rel.path) : undefined;
  }
  let vml: string;
  if (vmlPath) {
    vml = pkg.getText(vmlPath);
  } else {
    const used = new Set<number>();
    for (const v of vmlParts(pkg)) for (const b of vmlBlocks(pkg.getText(v.path))) used.add(b);
    vmlPath = pkg.freeName(`${wb.dir}drawings/vmlDrawing`, ".vml");
    vml =
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${freeBlock(used)}"/></o:shapelayout></xml>`;
    const relId = pkg.addRel(sheet, REL.vmlDrawing, vmlPath);
    pkg.ensureDefault("vml", CT.vml);
    // one parse of the sheet: the relationships prefix declared if need be, <legacyDrawing> put in schema order
    const sx = pkg.getText(sheet);
    const root = pkg.top(sheet);
    const { prefix: rp, splice } = relPrefixSplice(root);
    const now = childNamed(root, "legacyDrawing");
    const wp = now ? (now.prefix ? now.prefix + ":" : "") : root.prefix ? root.prefix + ":" : p;
    const el = `<${wp}legacyDrawing ${rp}:id="${relId}"/>`;
    const splices: Splice[] = splice ? [splice] : [];
    const next = root.children.find((c) => AFTER_LEGACY_DRAWING.includes(c.local));
    if (now) splices.push({ start: now.start, end: now.end, text: el });
    else splices.push(next ? { start: next.start, end: next.start, text: el } : appendChildSplice(sx, root, el));
    pkg.setText(sheet, applySplices(sx, splices));
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
  if (notes.size) {
    if (vml.indexOf('id="_x0000_t202"') < 0) {
      const shapetype =
        `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
        `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;
      vml = beforeEnd(vml, shapetype);
    }
    const blocks = vmlBlocks(vml);
    const taken = new Set(vmlShapeIds(vml));
    const block = blocks[0] ?? 1;
    let n = block * SHAPE_BLOCK + 1;
    const shapes: string[] = [];
    for (const ref of notes.keys()) {
      while (taken.has(n)) n++;
      taken.add(n);
      const q = parseA1(ref) as { row: number; col: number };
      shapes.push(noteShape(n, q.row - 1, q.col - 1));
    }
    // ids past the part's blocks are renumbered by normalizeVml before the file is written
    vml = beforeEnd(vml, shapes.join(""));
  }
  pkg.setText(vmlPath, vml);
}

/** `text` put before the VML part's closing `</xml>` (VML is not always well-formed XML, so it is not parsed strictly). */
function beforeEnd(vml: string, text: string): string {
  const at = vml.lastIndexOf("</xml>");
  if (at < 0) throw new PackageError("a VML drawing part has no closing </xml>");
  return vml.slice(0, at) + text + vml.slice(at);
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
