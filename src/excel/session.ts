/**
 * One Excel.run of the adapter: the session counting its syncs, the host's capabilities and
 * the sheets read up front by every job.
 */
import { IsSetSupported, XlContext } from "./excel-api";
import { RECORD_NAMESPACE } from "./written-record";

export interface Caps {
  /** ExcelApi 1.6 */
  conditionalFormats: boolean;
  /** ExcelApi 1.9 */
  rangeAreas: boolean;
  /** ExcelApi 1.18 */
  notes: boolean;
  /** ExcelApi 1.6 */
  suspend: boolean;
  /** ExcelApi 1.3: a Range as the table's address, banded rows and the filter button */
  tableOptions: boolean;
  /** ExcelApi 1.9: an AutoFilter can be applied */
  autoFilter: boolean;
  /** ExcelApi 1.7: frozen panes, chart series data (setValues, setXAxisValues, series.add) */
  freezeAndSeries: boolean;
  /** ExcelApi 1.8: the value axis' number format */
  axisFormat: boolean;
}

/** What the host supports, from its requirement sets (docs/excel-platform.md). */
export function capsOf(isSetSupported: IsSetSupported): Caps {
  return {
    conditionalFormats: isSetSupported("ExcelApi", "1.6"),
    rangeAreas: isSetSupported("ExcelApi", "1.9"),
    notes: isSetSupported("ExcelApi", "1.18"),
    suspend: isSetSupported("ExcelApi", "1.6"),
    tableOptions: isSetSupported("ExcelApi", "1.3"),
    freezeAndSeries: isSetSupported("ExcelApi", "1.7"),
    autoFilter: isSetSupported("ExcelApi", "1.9"),
    axisFormat: isSetSupported("ExcelApi", "1.8"),
  };
}

/** One Excel.run: counts its syncs. */
export class Session {
  syncs = 0;
  constructor(
    readonly ctx: XlContext,
    /** ExcelApi 1.7: the workbook's structure protection can be read */
    readonly workbookProtection = true,
  ) {}
  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }
}

export interface SheetInfo {
  name: string;
  protected: boolean;
  /** "Visible", "Hidden" or "VeryHidden" */
  visibility: string;
  /** 0-based place in the tab order */
  position: number;
}


export const lc = (s: string) => s.toLowerCase();

/** Every sheet's name, protection, visibility and place, and the add-in's record parts: queued, read after the next sync. */
export function readSheets(s: Session) {
  const sheets = s.ctx.workbook.worksheets;
  sheets.load("items/name,items/protection/protected,items/visibility,items/position");
  const parts = s.ctx.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  parts.load("items/id");
  // ExcelApi 1.7 (the manifest's floor): Review → Protect Workbook
  const protection = s.workbookProtection ? s.ctx.workbook.protection : null;
  protection?.load("protected");
  return () => ({
    structureProtected: protection?.protected ?? false,
    sheets: new Map(sheets.items.map((w): [string, SheetInfo] => [lc(w.name), { name: w.name, protected: w.protection.protected, visibility: w.visibility, position: w.position }])),
    parts: parts.items,
  });
}
