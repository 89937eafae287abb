/**
 * Reading a sheet in one load and one sync: the grid (values and number formats), every sheet,
 * the record parts and the column widths beside the table; big sheets in row chunks.
 */
import { CellValue, Grid } from "../core/basics/grid";
import { rectA1 } from "./a1";
import { GridSource } from "./adapter-types";
import { excelCode } from "./errors";
import { XlAutoFilter, XlCustomXmlPart, XlRange, XlRangeFormat, XlWorksheet } from "./excel-api";
import { jsonBytes } from "./payload";
import { readSheets, Session, SheetInfo } from "./session";

/** Columns whose widths are read up front, counted from the grid's first column. */
export const WIDTH_WINDOW = 64;
/** Cells in the first read when the sheet is too big for one response. */
const CELLS_PER_READ = 100_000;
/** Response bytes aimed at per chunked read: rows further down may be wider than those measured. */
const READ_BUDGET = 3_000_000;
/** Excel's limit on a multi-area address string, as for VBA's Range(): stay under it. */
const MAX_AREAS_ADDRESS = 255;

export interface ReadState {
  grid: Grid;
  sheets: Map<string, SheetInfo>;
  parts: XlCustomXmlPart[];
  /** widths (points) of columns grid.firstCol … + WIDTH_WINDOW, as they are now */
  widths: Map<number, number>;
  /** some rows of the grid are hidden, or the sheet's AutoFilter has filtered rows out (when asked for) */
  hiddenRows: boolean;
  /** Review → Protect Workbook: no sheet can be added or deleted */
  structureProtected: boolean;
}

interface ReadOptions {
  /** a named sheet instead of the active one */
  sheetName?: string;
  /**
   * Also load, in the same sync, whether rows are hidden or filtered out: the range's rowHidden
   * (ExcelApi 1.2) and, with `autoFilter` (ExcelApi 1.9), the sheet's AutoFilter state
   */
  hidden?: { autoFilter: boolean };
}

/** The read, or null when the selection has several areas (Excel's InvalidSelection). */
export async function readSelection(s: Session, source: GridSource, options: ReadOptions): Promise<ReadState | null> {
  try {
    return await readState(s, source, options);
  } catch (e) {
    if (source === "selection" && excelCode(e) === "InvalidSelection") return null;
    throw e;
  }
}

export function toCellValue(v: unknown): CellValue {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

export function toFormat(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

/** Join A1 ranges with "," into groups whose address stays under Excel's length limit. */
export function joinAddresses(ranges: string[], max = MAX_AREAS_ADDRESS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of ranges) {
    if (cur && cur.length + 1 + r.length > max) {
      out.push(cur);
      cur = r;
    } else cur = cur ? `${cur},${r}` : r;
  }
  if (cur) out.push(cur);
  return out;
}



function sourceRange(s: Session, ws: XlWorksheet, source: GridSource): XlRange {
  const used = ws.getUsedRange(true);
  if (source === "used") return used;
  // the selection's rows, across every used column: data right of the selection is seen, so
  // the engine never writes over it
  return s.ctx.workbook.getSelectedRange().getEntireRow().getIntersectionOrNullObject(used);
}

const DIMENSIONS = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount"];

/** rowHidden is true when all rows are hidden, false when none are, null when some are. */
const someHidden = (range: XlRange, filter: XlAutoFilter | null): boolean =>
  (!range.isNullObject && range.rowHidden !== false) || (filter !== null && filter.enabled && filter.isDataFiltered);

/**
 * One load and one sync: the grid (values and number formats) of the active sheet or the one
 * named, every sheet's name and protection, the add-in's record parts and the column widths
 * beside the table. A sheet too big for one 5 MB response is read again in row chunks.
 */
export async function readState(s: Session, source: GridSource, options: ReadOptions = {}): Promise<ReadState> {
  const { sheetName, hidden } = options;
  const queue = () => {
    const ws = sheetName === undefined ? s.ctx.workbook.worksheets.getActiveWorksheet() : s.ctx.workbook.worksheets.getItem(sheetName);
    ws.load("name");
    const filter = hidden?.autoFilter ? ws.autoFilter : null;
    filter?.load(["enabled", "isDataFiltered"]);
    const meta = readSheets(s);
    const range = sourceRange(s, ws, source);
    const widths = Array.from({ length: WIDTH_WINDOW }, (_, i) => {
      const f = range.getCell(0, i).format;
      f.load("columnWidth");
      return f;
    });
    return { ws, meta, range, widths, filter };
  };
  const dimensions = hidden ? [...DIMENSIONS, "rowHidden"] : DIMENSIONS;
  const finish = (q: ReturnType<typeof queue>, values: unknown[][], formats: unknown[][]): ReadState => {
    const { sheets, parts, structureProtected } = q.meta();
    const isNull = q.range.isNullObject;
    const firstRow = isNull ? 1 : q.range.rowIndex + 1;
    const firstCol = isNull ? 1 : q.range.columnIndex + 1;
    const widths = new Map<number, number>();
    if (!isNull) q.widths.forEach((f: XlRangeFormat, i) => widths.set(firstCol + i, f.columnWidth));
    const grid: Grid = {
      sheet: q.ws.name,
      values: values.map((row) => row.map(toCellValue)),
      numberFormats: formats.map((row) => row.map(toFormat)),
      firstRow,
      firstCol,
    };
    return { grid, sheets, parts, widths, hiddenRows: hidden !== undefined && someHidden(q.range, q.filter), structureProtected };
  };

  let q = queue();
  q.range.load([...dimensions, "values", "numberFormat"]);
  try {
    await s.sync();
    return q.range.isNullObject ? finish(q, [], []) : finish(q, q.range.values, q.range.numberFormat);
  } catch (e) {
    if (excelCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
  }
  // too big for one response: dimensions first, then rows in chunks sized from what came back
  q = queue();
  q.range.load(dimensions);
  await s.sync();
  if (q.range.isNullObject) return finish(q, [], []);
  const { rowIndex, columnIndex, rowCount, columnCount } = q.range;
  const values: unknown[][] = [];
  const formats: unknown[][] = [];
  let rows = Math.max(1, Math.floor(CELLS_PER_READ / columnCount));
  for (let done = 0; done < rowCount; ) {
    const n = Math.min(rows, rowCount - done);
    const part = q.ws.getRange(rectA1({ r1: rowIndex + 1 + done, c1: columnIndex + 1, r2: rowIndex + done + n, c2: columnIndex + columnCount }));
    part.load(["values", "numberFormat"]);
    try {
      await s.sync();
    } catch (e) {
      if (excelCode(e) === "ResponsePayloadSizeLimitExceeded" && n > 1) {
        rows = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    const bytes = jsonBytes(part.values) + jsonBytes(part.numberFormat);
    for (const row of part.values) values.push(row);
    for (const row of part.numberFormat) formats.push(row);
    done += n;
    rows = Math.max(1, Math.floor((READ_BUDGET * n) / Math.max(1, bytes)));
  }
  return finish(q, values, formats);
}
