/**
 * Parts the CLI adds to a workbook package: a new or emptied worksheet (with frozen panes) and an
 * Excel table over a sheet's cells; the workbook's table and defined names, so a new table's name
 * is free (docs/write-back.md).
 */
import { columnLetter } from "../core/basics/address";
import { CT, NS, OoxmlPackage, REL, relsPathOf } from "./ooxml-package";
import { SheetEntry } from "./xlsx-read";
import { appendToList, insertInOrder, relPrefix } from "./xml-edit";
import { applySplices, attrsXml, childNamed, escapeAttr, parseTop, startTagXml } from "./xml-parse";

export interface NewSheetOptions {
  /** frozen rows and columns */
  freeze?: { rows: number; columns: number };
}

export interface TableSpec {
  name: string;
  ref: string;
  columns: string[];
  style: string;
  rowStripes: boolean;
  filterButton: boolean;
}

/** The workbook part and its folder ("xl/"). */
export interface WorkbookPart {
  readonly pkg: OoxmlPackage;
  readonly workbookPath: string;
  readonly dir: string;
}

const TABLE_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const TABLE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table";

/** An empty worksheet at the end of the tab order, with an id past `entries`' highest. */
export function addSheetPart(wb: WorkbookPart, entries: readonly SheetEntry[], name: string, options: NewSheetOptions): SheetEntry {
  const { pkg, workbookPath } = wb;
  const path = pkg.freeName(`${wb.dir}worksheets/sheet`, ".xml");
  pkg.setText(path, emptySheetXml(options));
  pkg.addOverride(path, CT.worksheet);
  const relId = pkg.addRel(workbookPath, REL.worksheet, path);
  const sheetId = entries.reduce((m, s) => Math.max(m, s.sheetId), 0) + 1;
  const rp = relPrefix(pkg, workbookPath);
  const wbRoot = pkg.xml(workbookPath);
  const sheets = childNamed(wbRoot, "sheets");
  const p = (sheets ?? wbRoot).prefix ? (sheets ?? wbRoot).prefix + ":" : "";
  const el = `<${p}sheet${attrsXml([["name", name], ["sheetId", String(sheetId)], [`${rp}:id`, relId]])}/>`;
  pkg.setText(workbookPath, appendToList(pkg.getText(workbookPath), p, "sheets", el));
  return { name, sheetId, state: "visible", relId, path, kind: "worksheet" };
}

/** The sheet's part emptied, its notes, VML and tables removed unless another part shares them. */
export function emptySheetPart(pkg: OoxmlPackage, entry: SheetEntry, options: NewSheetOptions): void {
  // the parts other parts point to, from one pass over the relationship parts (linear in the package)
  const elsewhere = new Set<string>();
  for (const rp of pkg.partNames()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rp);
    if (!m) continue;
    const source = m[1] + m[2];
    if (source.toLowerCase() === entry.path.toLowerCase()) continue;
    for (const x of pkg.rels(source)) if (!x.external) elsewhere.add(x.path.toLowerCase());
  }
  for (const r of pkg.rels(entry.path)) {
    if (r.external) continue;
    const part = pkg.findPart(r.path);
    const sharedElsewhere = elsewhere.has(r.path.toLowerCase());
    if (part && !sharedElsewhere && /\/(comments|vmlDrawing|table)$/.test(r.type)) {
      pkg.remove(part);
      pkg.removeOverride(part);
    }
  }
  const rp = pkg.findPart(relsPathOf(entry.path));
  if (rp) pkg.remove(rp);
  pkg.setText(entry.path, emptySheetXml(options));
}

/** Names of the workbook's tables and defined names (lower case), and the highest table id. */
export function tableNames(pkg: OoxmlPackage, workbookPath: string): { names: Set<string>; maxId: number } {
  const names = new Set<string>();
  let maxId = 0;
  for (const p of pkg.partNames()) {
    if (!/table\+xml$/.test(pkg.contentTypeOf(p) ?? "")) continue;
    const a = pkg.top(p).attrs;
    if (a.name) names.add(a.name.toLowerCase());
    if (a.displayName) names.add(a.displayName.toLowerCase());
    maxId = Math.max(maxId, Number(a.id ?? 0) || 0);
  }
  for (const d of childNamed(pkg.xml(workbookPath), "definedNames")?.children ?? []) if (d.local === "definedName" && d.attrs.name) names.add(d.attrs.name.toLowerCase());
  return { names, maxId };
}

/** A table part over `t.ref` on the sheet, listed in the sheet's <tableParts>. */
export function addTablePart(wb: WorkbookPart, entry: SheetEntry, t: TableSpec): void {
  const { pkg } = wb;
  const { maxId } = tableNames(pkg, wb.workbookPath);
  const id = maxId + 1;
  const path = pkg.freeName(`${wb.dir}tables/table`, ".xml");
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c)}"/>`).join("");
  pkg.setText(
    path,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${t.ref}" totalsRowShown="0">` +
      `${t.filterButton ? `<autoFilter ref="${t.ref}"/>` : ""}<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
      `<tableStyleInfo name="${escapeAttr(t.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="${t.rowStripes ? 1 : 0}" showColumnStripes="0"/></table>`,
  );
  pkg.addOverride(path, TABLE_CT);
  const relId = pkg.addRel(entry.path, TABLE_REL, path);
  const rp = relPrefix(pkg, entry.path);
  let sx = pkg.getText(entry.path);
  const root = parseTop(sx, entry.path, ["tableParts"]);
  const parts = childNamed(root, "tableParts");
  if (parts) {
    const p = parts.prefix ? parts.prefix + ":" : "";
    const el = `<${p}tablePart ${rp}:id="${relId}"/>`;
    const count = parts.children.filter((c) => c.local === "tablePart").length + 1;
    const body = parts.selfClosing ? "" : sx.slice(parts.openEnd, parts.closeStart);
    sx = applySplices(sx, [{ start: parts.start, end: parts.end, text: `${startTagXml(parts, { count: String(count) })}${body}${el}</${parts.name}>` }]);
  } else {
    const p = root.prefix ? root.prefix + ":" : "";
    sx = insertInOrder(sx, p, ["extLst"], `<${p}tableParts count="1"><${p}tablePart ${rp}:id="${relId}"/></${p}tableParts>`, "worksheet");
  }
  pkg.setText(entry.path, sx);
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
