/**
 * A workbook package opened for write-back: reads sheets as Grids and adds our cells, styles,
 * notes, column widths and sheets by editing only the parts that change. Every other part —
 * charts, images, pivots, slicers, validations, conditional formats, defined names, threaded
 * comments, protection, custom XML, VBA — is copied byte for byte (docs/write-back.md).
 * The edits of one sheet are `sheet-editor.ts`; new sheets and tables `xlsx-new-parts.ts`.
 */
import { Grid } from "../core/basics/grid";
import { CT, NS, OoxmlPackage, PackageError, REL } from "./ooxml-package";
import { CLI_ERRORS } from "./messages";
import { applySplices, childNamed, startTagXml } from "./xml-parse";
import { SheetEditor } from "./sheet-editor";
import { NewSheetOptions, TableSpec, addSheetPart, addTablePart, emptySheetPart, tableNames } from "./xlsx-new-parts";
import { SheetEntry, readCellFormats, readSharedStrings, sheetEntries, sheetGrid } from "./xlsx-read";
import { MINIMAL_STYLES, StyleBook } from "./xlsx-styles";
import { normalizeVml } from "./vml";
import { insertInOrder } from "./xml-edit";

export type { StyleSpec } from "./xlsx-styles";
export type { SheetEntry } from "./xlsx-read";
export type { CellWrite } from "./sheet-data-write";
export type { NewSheetOptions } from "./xlsx-new-parts";
export { SheetEditor } from "./sheet-editor";

/** Elements that follow <calcPr> in a workbook. */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

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
    try {
      if (this.strings === null) this.strings = readSharedStrings(this.pkg, this.partOf("/sharedStrings"));
      if (this.formats === null) this.formats = readCellFormats(this.pkg, this.partOf("/styles"));
      return sheetGrid(entry.name, this.pkg.getText(entry.path), this.strings, this.formats, entry.path);
    } catch (e) {
      // the reason in both languages, as every message of the CLI (exit 2, or a row of 未能读取 in review)
      if (e instanceof PackageError) throw new PackageError(CLI_ERRORS.cannotReadSheet(entry.name, e.message));
      throw e;
    }
  }

  edit(entry: SheetEntry): SheetEditor {
    let ed = this.editors.get(entry.path);
    if (!ed) this.editors.set(entry.path, (ed = new SheetEditor(this, entry)));
    return ed;
  }

  /** Add an empty worksheet at the end of the tab order. */
  addSheet(name: string, options: NewSheetOptions = {}): SheetEntry {
    const entry = addSheetPart(this, this.entries, name, options);
    this.entries.push(entry);
    return entry;
  }

  /**
   * Empty a sheet this tool made earlier, keeping its place, name and id (so defined names and
   * the tab order stay right): its cells, notes and everything hanging from it go.
   */
  resetSheet(entry: SheetEntry, options: NewSheetOptions = {}): void {
    emptySheetPart(this.pkg, entry, options);
    this.editors.delete(entry.path);
  }

  /** Names of the workbook's tables and defined names (compared without case), and the highest table id. */
  tableNames(): { names: Set<string>; maxId: number } {
    return tableNames(this.pkg, this.workbookPath);
  }

  /**
   * An Excel table over `ref` on a sheet: its header cells must hold `columns` (unique, as
   * Excel requires). The caller checks the name is free (tableNames).
   */
  addTable(entry: SheetEntry, t: TableSpec): void {
    addTablePart(this, entry, t);
  }

  /** Excel recomputes every formula when the file opens (most of our formulas carry no cached value). */
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
    const xml = this.pkg.getText(this.workbookPath);
    const root = this.pkg.xml(this.workbookPath);
    const calcPr = childNamed(root, "calcPr");
    const p = root.prefix ? root.prefix + ":" : "";
    const next = calcPr
      ? applySplices(xml, [{ start: calcPr.start, end: calcPr.openEnd, text: startTagXml(calcPr, { fullCalcOnLoad: "1" }, [], calcPr.selfClosing) }])
      : insertInOrder(xml, p, AFTER_CALC_PR, `<${p}calcPr calcId="0" fullCalcOnLoad="1"/>`, "workbook");
    this.pkg.setText(this.workbookPath, next);
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
