/**
 * A structural check of an .xlsx/.xlsm package: what makes Excel say "We found a problem with
 * some content" (docs/write-back.md, "Files Excel opens"). The tests run it on every file the
 * CLI writes.
 *
 * - every internal relationship resolves to a part, every sheet's relationship exists;
 * - every part has a content type, and every Override names a part that exists;
 * - the XML parts are well formed, and a worksheet's elements are in schema order;
 * - VML parts have id blocks of their own, shape ids are unique and inside their part's blocks;
 * - sheet names are valid and unique.
 */
import { isValidSheetName } from "../core/basics/sheet-names";
import { OoxmlPackage, attrs, relsPathOf, startTags } from "./ooxml-package";
import { SHAPE_BLOCK, vmlBlocks, vmlParts, vmlShapeIds } from "./vml";
import { sheetEntries } from "./xlsx-read";

const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** Problems with the XML's nesting, and the names of the root's children in order. */
export function xmlShape(xml: string): { problem: string | null; rootChildren: string[] } {
  const stack: string[] = [];
  const rootChildren: string[] = [];
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w.:-]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|</g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = re.exec(xml))) {
    if (m[0] === "<") return { problem: `stray "<" at ${m.index}`, rootChildren };
    if (m[2] === undefined) continue;
    const name = m[2];
    if (m[1] === "/") {
      const top = stack.pop();
      if (top !== name) return { problem: `</${name}> closes <${top ?? "nothing"}> at ${m.index}`, rootChildren };
      continue;
    }
    if (stack.length === 0) roots++;
    if (stack.length === 1) rootChildren.push(name.replace(/^[\w.-]+:/, ""));
    if (m[4] !== "/") stack.push(name);
  }
  if (stack.length) return { problem: `<${stack[stack.length - 1]}> is never closed`, rootChildren };
  if (roots !== 1) return { problem: `${roots} root elements`, rootChildren };
  return { problem: null, rootChildren };
}

export function checkPackage(input: Uint8Array | OoxmlPackage): string[] {
  const problems: string[] = [];
  let pkg: OoxmlPackage;
  try {
    pkg = input instanceof OoxmlPackage ? input : OoxmlPackage.fromBytes(input);
  } catch (e) {
    return [(e as Error).message];
  }
  const parts = pkg.partNames();
  // content types
  const ctXml = pkg.getText("[Content_Types].xml");
  for (const p of parts) {
    if (p === "[Content_Types].xml") continue;
    if (!pkg.contentTypeOf(p)) problems.push(`no content type for ${p}`);
  }
  for (const a of startTags(ctXml, "Override")) {
    const name = (a.PartName ?? "").replace(/^\//, "");
    if (!pkg.findPart(decodeURIComponent(name))) problems.push(`content type override for a missing part /${name}`);
  }
  // relationships
  for (const p of parts) {
    if (!/_rels\/[^/]*\.rels$/.test(p)) continue;
    const source = p === "_rels/.rels" ? "" : p.replace(/_rels\/([^/]*)\.rels$/, "$1");
    if (source !== "" && !pkg.findPart(source)) problems.push(`relationships part ${p} for a missing part ${source}`);
    const ids = new Set<string>();
    for (const r of pkg.rels(source)) {
      if (ids.has(r.id)) problems.push(`${p}: relationship id ${r.id} used twice`);
      ids.add(r.id);
      if (!r.external && !pkg.findPart(r.path)) problems.push(`${p}: ${r.id} points to a missing part ${r.path}`);
    }
  }
  // well-formed XML; worksheet element order
  for (const p of parts) {
    if (!/\.(xml|rels)$/i.test(p)) continue;
    const { problem, rootChildren } = xmlShape(pkg.getText(p));
    if (problem) {
      problems.push(`${p}: XML not well formed: ${problem}`);
      continue;
    }
    if (/worksheet\+xml$/.test(pkg.contentTypeOf(p) ?? "")) {
      let last = -1;
      for (const name of rootChildren) {
        const i = WORKSHEET_ORDER.indexOf(name);
        if (i < 0) continue;
        if (i < last) {
          problems.push(`${p}: <${name}> after <${WORKSHEET_ORDER[last]}> (schema order)`);
          break;
        }
        last = i;
      }
      // a legacyDrawing / drawing / tablePart must name a relationship of the sheet
      const rels = new Set(pkg.rels(p).map((r) => r.id));
      let m: RegExpExecArray | null;
      const rre = /<(?:[\w.-]+:)?(legacyDrawing|drawing|tablePart|legacyDrawingHF|picture)\b([^>]*?)\/?>/g;
      const sx = pkg.getText(p);
      while ((m = rre.exec(sx))) {
        const a = attrs(m[2]);
        const id = Object.keys(a).find((k) => /:id$/.test(k) && !k.startsWith("xmlns"));
        if (id && !rels.has(a[id])) problems.push(`${p}: <${m[1]}> names a missing relationship ${a[id]}`);
      }
    }
  }
  // VML: blocks and shape ids
  const blockOwner = new Map<number, string>();
  const shapeOwner = new Map<number, string>();
  for (const { path } of vmlParts(pkg)) {
    const xml = pkg.getText(path);
    const blocks = vmlBlocks(xml);
    if (blocks.length === 0 && vmlShapeIds(xml).length) problems.push(`${path}: VML shapes without an o:idmap block`);
    for (const b of blocks) {
      const other = blockOwner.get(b);
      if (other !== undefined) problems.push(`${path}: VML id block ${b} also used by ${other}`);
      blockOwner.set(b, path);
    }
    for (const id of vmlShapeIds(xml)) {
      const other = shapeOwner.get(id);
      if (other !== undefined) problems.push(`${path}: VML shape id _x0000_s${id} also used ${other === path ? "in the same part" : `by ${other}`}`);
      shapeOwner.set(id, path);
      if (!blocks.includes(Math.floor(id / SHAPE_BLOCK))) problems.push(`${path}: shape _x0000_s${id} outside the part's id blocks (${blocks.join(",")})`);
    }
  }
  // sheets
  let workbook: string | null = null;
  try {
    workbook = pkg.workbookPath();
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (workbook) {
    const names = new Set<string>();
    const entries = sheetEntries(pkg, workbook);
    if (entries.length === 0) problems.push("the workbook has no sheets");
    for (const s of entries) {
      if (!isValidSheetName(s.name)) problems.push(`sheet name not valid in Excel: "${s.name}"`);
      if (names.has(s.name.toLowerCase())) problems.push(`sheet name used twice: "${s.name}"`);
      names.add(s.name.toLowerCase());
      if (!s.path) problems.push(`sheet "${s.name}" has no part (relationship ${s.relId})`);
    }
    if (!pkg.findPart(relsPathOf(workbook))) problems.push(`no relationships for ${workbook}`);
  }
  return problems;
}
