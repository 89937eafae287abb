/**
 * A structural check of an .xlsx/.xlsm package: what makes Excel say "We found a problem with
 * some content" (docs/write-back.md, "Files Excel opens"). The save path runs it before every
 * write (`assertPackageSound`), and the tests on every file the CLI writes. XML is read by the
 * same strict parser as everything else (xml-parse.ts): a duplicate attribute, an unclosed CDATA
 * section or comment, an undefined entity or a character XML cannot hold is a problem.
 *
 * - every internal relationship resolves to a part, every sheet's relationship exists;
 * - every part has a content type, and every Override names a part that exists;
 * - the XML parts are well formed, and a worksheet's elements are in schema order;
 * - VML parts have id blocks of their own, shape ids are unique and inside their part's blocks;
 * - a worksheet's rows and cells have numbers Excel has, none given twice;
 * - a comments part names existing authors and cells;
 * - sheet names are valid and unique.
 */
import { isValidSheetName } from "../core/basics/sheet-names";
import { parseA1 } from "../core/basics/address";
import { OoxmlPackage, relsPathOf } from "./ooxml-package";
import { PackageError } from "./package-error";
import { SHAPE_BLOCK, vmlBlocks, vmlParts, vmlShapeIds } from "./vml";
import { cellColumnOf, isSheetRow, rowNumberOf, sheetEntries } from "./xlsx-read";
import { XmlEl, attrByLocal, childNamed, parseXml } from "./xml-parse";

const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** Problems with the XML (strictly parsed), and the names of the root's children in order. */
export function xmlShape(xml: string, part = "the part"): { problem: string | null; rootChildren: string[] } {
  try {
    const root = parseXml(xml, part);
    return { problem: null, rootChildren: root.children.map((c) => c.local) };
  } catch (e) {
    return { problem: (e as Error).message, rootChildren: [] };
  }
}

/** A worksheet parsed once, streamed (rows not kept): its root's children, and its rows' and cells' problems (numbers Excel has, none twice). */
function scanWorksheet(xml: string, part: string): { root: XmlEl | null; problems: string[] } {
  const problems: string[] = [];
  const seen = new Set<number>();
  let previous = 0;
  try {
    const root = parseXml(xml, part, {
      keep: (el) => !isSheetRow(el),
      onClose: (row) => {
        if (!isSheetRow(row)) return;
        previous = rowNumberOf(row, previous, part);
        if (seen.has(previous)) problems.push(`${part}: row ${previous} written twice`);
        seen.add(previous);
        const cols = new Set<number>();
        let col = 0;
        for (const c of row.children) {
          if (c.local !== "c") continue;
          col = cellColumnOf(c, previous, col, part);
          if (cols.has(col)) problems.push(`${part}: a cell of row ${previous} written twice (column ${col})`);
          cols.add(col);
        }
      },
    });
    return { root, problems };
  } catch (e) {
    // the parser's and the row checks' messages name the part and the place
    return { root: null, problems: [(e as Error).message] };
  }
}

/** A comments part: each comment names a cell and an author that exist. */
function commentProblems(root: XmlEl, part: string): string[] {
  const problems: string[] = [];
  const authors = (childNamed(root, "authors")?.children ?? []).filter((a) => a.local === "author").length;
  const refs = new Set<string>();
  for (const c of childNamed(root, "commentList")?.children ?? []) {
    if (c.local !== "comment") continue;
    const ref = c.attrs.ref ?? "";
    if (!parseA1(ref)) problems.push(`${part}: a comment on "${ref}", which is not a cell`);
    if (refs.has(ref)) problems.push(`${part}: two comments on ${ref}`);
    refs.add(ref);
    const id = Number(c.attrs.authorId);
    if (!Number.isInteger(id) || id < 0 || id >= authors) problems.push(`${part}: the comment on ${ref} names author ${c.attrs.authorId}, one of ${authors}`);
  }
  return problems;
}

export interface CheckOptions {
  /** check the XML of the parts changed since reading only (the save path: the others are copied as they were) */
  changedOnly?: boolean;
}

/** Refuse to write a package with problems: throws a PackageError listing the first of them. */
export function assertPackageSound(pkg: OoxmlPackage): void {
  const problems = checkPackage(pkg, { changedOnly: true });
  if (problems.length) throw new PackageError(`the file to be written would not open in Excel, so it was not written: ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`);
}

export function checkPackage(input: Uint8Array | OoxmlPackage, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  let pkg: OoxmlPackage;
  try {
    pkg = input instanceof OoxmlPackage ? input : OoxmlPackage.fromBytes(input);
  } catch (e) {
    return [(e as Error).message];
  }
  const parts = pkg.partNames();
  // content types
  try {
    pkg.xml("[Content_Types].xml");
  } catch (e) {
    return [(e as Error).message];
  }
  for (const p of parts) {
    if (p === "[Content_Types].xml") continue;
    if (!pkg.contentTypeOf(p)) problems.push(`no content type for ${p}`);
  }
  for (const written of pkg.overrideNames()) {
    const name = written.replace(/^\//, "");
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      problems.push(`content type override for a part name that is not valid: /${name}`);
    }
    if (!pkg.findPart(decoded)) problems.push(`content type override for a missing part /${name}`);
  }
  // relationships
  for (const p of parts) {
    if (!/_rels\/[^/]*\.rels$/.test(p)) continue;
    const source = p === "_rels/.rels" ? "" : p.replace(/_rels\/([^/]*)\.rels$/, "$1");
    if (source !== "" && !pkg.findPart(source)) problems.push(`relationships part ${p} for a missing part ${source}`);
    const ids = new Set<string>();
    let rels;
    try {
      rels = pkg.rels(source);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    for (const r of rels) {
      if (ids.has(r.id)) problems.push(`${p}: relationship id ${r.id} used twice`);
      ids.add(r.id);
      if (!r.external && !pkg.findPart(r.path)) problems.push(`${p}: ${r.id} points to a missing part ${r.path}`);
    }
  }
  // well-formed XML; worksheet element order, rows and relationships; comments
  const changed = new Set(pkg.changedParts());
  for (const p of parts) {
    if (!/\.(xml|rels)$/i.test(p)) continue;
    if (options.changedOnly && !changed.has(p)) continue;
    const ct = pkg.contentTypeOf(p) ?? "";
    let root: XmlEl;
    if (/worksheet\+xml$/.test(ct)) {
      // a worksheet is streamed (its rows not kept), any other part parsed whole
      const scan = scanWorksheet(pkg.getText(p), p);
      problems.push(...scan.problems);
      if (!scan.root) continue;
      root = scan.root;
    } else {
      try {
        // not through the package's cache: a checked part's tree is not kept
        root = parseXml(pkg.getText(p), p);
      } catch (e) {
        problems.push(`${p}: XML not well formed: ${(e as Error).message}`);
        continue;
      }
    }
    if (/worksheet\+xml$/.test(ct)) {
      let last = -1;
      for (const c of root.children) {
        const i = WORKSHEET_ORDER.indexOf(c.local);
        if (i < 0) continue;
        if (i < last) {
          problems.push(`${p}: <${c.local}> after <${WORKSHEET_ORDER[last]}> (schema order)`);
          break;
        }
        last = i;
      }
      // a legacyDrawing / drawing / tablePart must name a relationship of the sheet
      const rels = new Set(pkg.rels(p).map((r) => r.id));
      const named = root.children.filter((c) => ["legacyDrawing", "drawing", "legacyDrawingHF", "picture"].includes(c.local));
      for (const c of childNamed(root, "tableParts")?.children ?? []) if (c.local === "tablePart") named.push(c);
      for (const c of named) {
        const id = attrByLocal(c, "id", true);
        if (id !== undefined && !rels.has(id)) problems.push(`${p}: <${c.local}> names a missing relationship ${id}`);
      }
    }
    if (/comments\+xml$/.test(ct)) problems.push(...commentProblems(root, p));
  }
  // VML: blocks and shape ids
  const blockOwner = new Map<number, string>();
  const shapeOwner = new Map<number, string>();
  let vml: { path: string }[] = [];
  try {
    vml = vmlParts(pkg);
  } catch (e) {
    problems.push((e as Error).message);
  }
  for (const { path } of vml) {
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
    let entries: ReturnType<typeof sheetEntries> = [];
    try {
      entries = sheetEntries(pkg, workbook);
    } catch (e) {
      problems.push((e as Error).message);
    }
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
