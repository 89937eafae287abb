/**
 * The part of the Excel JavaScript API the adapter uses, as structural types. Real Excel's
 * `Excel.RequestContext` satisfies them (checked below at compile time) and so does the
 * in-memory workbook, so the adapter runs unchanged on both.
 */

/** Excel's `Range.clear` targets. */
export type XlClearApplyTo = "All" | "Formats" | "Contents";

export interface XlClientObject {
  readonly isNullObject: boolean;
}

export interface XlClientResult<T> {
  readonly value: T;
}

export interface XlRangeFill {
  color: string;
}

export interface XlRangeFont {
  color: string;
  bold: boolean;
  italic: boolean;
  /** points */
  size: number;
}

/** Excel's `HorizontalAlignment` values. */
export type XlHorizontalAlignment = "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed";

export interface XlRangeFormat extends XlClientObject {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  /** points */
  columnWidth: number;
  horizontalAlignment: XlHorizontalAlignment;
  wrapText: boolean;
  load(propertyNames?: string | string[]): unknown;
}

/** ExcelApi 1.6: the operators of a cell-value rule. */
export type XlCellValueOperator = "Between" | "NotBetween" | "EqualTo" | "NotEqualTo" | "GreaterThan" | "LessThan" | "GreaterThanOrEqual" | "LessThanOrEqual";

/** ExcelApi 1.6: "cell value <operator> formula1 [and formula2]"; text goes in as a formula, `="达标"`. */
export interface XlCellValueRule {
  formula1: string;
  formula2?: string;
  operator: XlCellValueOperator | "Invalid";
}

export interface XlConditionalRangeFill {
  color: string;
}

export interface XlConditionalRangeFont {
  color: string;
}

export interface XlConditionalRangeFormat {
  readonly fill: XlConditionalRangeFill;
  readonly font: XlConditionalRangeFont;
}

export interface XlCellValueConditionalFormat {
  readonly format: XlConditionalRangeFormat;
  rule: XlCellValueRule;
}

/** ExcelApi 1.6: one conditional format; the adapter adds only the CellValue type. */
export interface XlConditionalFormat {
  readonly cellValue: XlCellValueConditionalFormat;
}

/** ExcelApi 1.6: the conditional formats that intersect a range. */
export interface XlConditionalFormatCollection {
  add(type: "CellValue"): XlConditionalFormat;
  /** removes the conditional formats from the range's cells */
  clearAll(): void;
}

export interface XlRange extends XlClientObject {
  readonly address: string;
  /** 0-based */
  readonly rowIndex: number;
  /** 0-based */
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  numberFormat: unknown[][];
  formulas: unknown[][];
  readonly text: string[][];
  /** ExcelApi 1.2: true when every row of the range is hidden (by hand or by a filter), false when none is, null when some are */
  readonly rowHidden: boolean | null;
  readonly format: XlRangeFormat;
  /** ExcelApi 1.6 */
  readonly conditionalFormats: XlConditionalFormatCollection;
  load(propertyNames?: string | string[]): unknown;
  clear(applyTo?: XlClearApplyTo): void;
  select(): void;
  getCell(row: number, column: number): XlRange;
  getEntireRow(): XlRange;
  getIntersectionOrNullObject(anotherRange: XlRange | string): XlRange;
}

/** ExcelApi 1.9: several rectangles formatted in one operation. */
export interface XlRangeAreas {
  readonly format: XlRangeFormat;
}

/** ExcelApi 1.9: the sheet's AutoFilter. */
export interface XlAutoFilter {
  /** the sheet has an AutoFilter */
  readonly enabled: boolean;
  /** the AutoFilter has criteria applied (some rows may be filtered out) */
  readonly isDataFiltered: boolean;
  /** filter buttons on the range's header row, no criteria yet */
  apply(range: XlRange | string): void;
  load(propertyNames?: string | string[]): unknown;
}

export interface XlWorksheetProtection {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): unknown;
}

export interface XlNote extends XlClientObject {
  delete(): void;
}

/** ExcelApi 1.18 */
export interface XlNoteCollection {
  add(cellAddress: string, content: string): unknown;
  getItemOrNullObject(key: string): XlNote;
}

/** ExcelApi 1.1 (a Range as the address: 1.3; getItemOrNullObject: 1.4; worksheet: 1.2; banding and filter button: 1.3). */
export interface XlTable extends XlClientObject {
  name: string;
  /** a built-in style such as "TableStyleMedium2" */
  style: string;
  showBandedRows: boolean;
  showFilterButton: boolean;
  readonly worksheet: XlWorksheet;
  load(propertyNames?: string | string[]): unknown;
  delete(): void;
}

export interface XlTableCollection {
  /** `hasHeaders`: the range's first row is the header row */
  add(address: XlRange | string, hasHeaders: boolean): XlTable;
  getItemOrNullObject(key: string): XlTable;
}

/** The one chart type the add-in draws (Excel.ChartType.columnClustered). */
export type XlChartType = "ColumnClustered";
export type XlChartSeriesBy = "Auto" | "Columns" | "Rows";

export interface XlChartTitle {
  text: string;
}

export interface XlChartAxis {
  /** ExcelApi 1.8 */
  numberFormat: string;
}

export interface XlChartAxes {
  readonly valueAxis: XlChartAxis;
}

export interface XlChartSeries {
  name: string;
  /** ExcelApi 1.7 */
  setValues(sourceData: XlRange): void;
  /** ExcelApi 1.7: the category labels */
  setXAxisValues(sourceData: XlRange): void;
}

export interface XlChartSeriesCollection {
  getItemAt(index: number): XlChartSeries;
  /** ExcelApi 1.7 */
  add(name?: string, index?: number): XlChartSeries;
}

/** ExcelApi 1.1 */
export interface XlChart {
  name: string;
  readonly title: XlChartTitle;
  readonly axes: XlChartAxes;
  readonly series: XlChartSeriesCollection;
  /** the chart spans startCell to endCell */
  setPosition(startCell: XlRange | string, endCell?: XlRange | string): void;
}

export interface XlChartCollection {
  add(type: XlChartType, sourceData: XlRange, seriesBy?: XlChartSeriesBy): XlChart;
}

/** ExcelApi 1.7 */
export interface XlWorksheetFreezePanes {
  /** freeze the rows and columns of the top-left pane: "A1:A4" freezes rows 1–4 and column A */
  freezeAt(frozenRange: XlRange | string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
  unfreeze(): void;
}

export interface XlWorksheet extends XlClientObject {
  name: string;
  /** 0-based place in the tab order (ExcelApi 1.1; settable) */
  position: number;
  /** "Visible" | "Hidden" | "VeryHidden" (ExcelApi 1.1) */
  readonly visibility: string;
  readonly protection: XlWorksheetProtection;
  /** ExcelApi 1.9 */
  readonly autoFilter: XlAutoFilter;
  readonly notes: XlNoteCollection;
  readonly tables: XlTableCollection;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlWorksheetFreezePanes;
  load(propertyNames?: string | string[]): unknown;
  getUsedRange(valuesOnly?: boolean): XlRange;
  getRange(address?: string): XlRange;
  getRanges(address?: string): XlRangeAreas;
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames?: string | string[]): unknown;
  getActiveWorksheet(): XlWorksheet;
  getItem(key: string): XlWorksheet;
  getItemOrNullObject(key: string): XlWorksheet;
  add(name?: string): XlWorksheet;
}

export interface XlCustomXmlPart extends XlClientObject {
  readonly id: string;
  readonly namespaceUri: string;
  getXml(): XlClientResult<string>;
  setXml(xml: string): void;
  delete(): void;
}

export interface XlCustomXmlPartScopedCollection {
  readonly items: XlCustomXmlPart[];
  load(propertyNames?: string | string[]): unknown;
}

export interface XlCustomXmlPartCollection {
  add(xml: string): XlCustomXmlPart;
  getByNamespace(namespaceUri: string): XlCustomXmlPartScopedCollection;
  getItem(id: string): XlCustomXmlPart;
}

/** ExcelApi 1.7: Review → Protect Workbook (its structure: sheets cannot be added, deleted, renamed, moved). */
export interface XlWorkbookProtection {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): unknown;
}

/** A defined name (ExcelApi 1.1); tables and defined names share one namespace. */
export interface XlNamedItem extends XlClientObject {
  readonly name: string;
  load(propertyNames?: string | string[]): unknown;
}

export interface XlNamedItemCollection {
  /** ExcelApi 1.4 */
  getItemOrNullObject(name: string): XlNamedItem;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly protection: XlWorkbookProtection;
  readonly names: XlNamedItemCollection;
  /** every table in the workbook (table names are unique across it) */
  readonly tables: XlTableCollection;
  readonly customXmlParts: XlCustomXmlPartCollection;
  getSelectedRange(): XlRange;
}

export interface XlApplication {
  suspendApiCalculationUntilNextSync(): void;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  readonly application: XlApplication;
  sync(): Promise<unknown>;
}

/** `Excel.run` in production, the memory workbook's `run` in tests and the browser preview. */
export type XlRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** `Office.context.requirements.isSetSupported` in production. */
export type IsSetSupported = (name: string, minVersion: string) => boolean;

// Compile-time proof that real Excel fits these types: a breaking change in @types/office-js
// or a careless edit here fails `tsc`, not a user's workbook.
type Assignable<A extends B, B> = A;
export type ExcelFitsXl = Assignable<Excel.RequestContext, XlContext>;
// the conditional-format types on their own, so a mismatch there names them in the error
export type ExcelConditionalFormatFitsXl = Assignable<Excel.ConditionalFormatCollection, XlConditionalFormatCollection>;
export type ExcelCellValueRuleFitsXl = Assignable<Excel.ConditionalCellValueRule, XlCellValueRule>;
// and the other way round for the rule, which the adapter writes: what it sets, Excel accepts
export type XlCellValueRuleFitsExcel = Assignable<XlCellValueRule, Excel.ConditionalCellValueRule>;
// comparison sheets: tables, charts, frozen panes, formats, each checked on its own
export type ExcelTableCollectionFitsXl = Assignable<Excel.TableCollection, XlTableCollection>;
export type ExcelTableFitsXl = Assignable<Excel.Table, XlTable>;
export type ExcelChartCollectionFitsXl = Assignable<Excel.ChartCollection, XlChartCollection>;
export type ExcelChartFitsXl = Assignable<Excel.Chart, XlChart>;
export type ExcelChartSeriesCollectionFitsXl = Assignable<Excel.ChartSeriesCollection, XlChartSeriesCollection>;
export type ExcelChartSeriesFitsXl = Assignable<Excel.ChartSeries, XlChartSeries>;
export type ExcelChartAxisFitsXl = Assignable<Excel.ChartAxis, XlChartAxis>;
export type ExcelFreezePanesFitsXl = Assignable<Excel.WorksheetFreezePanes, XlWorksheetFreezePanes>;
export type ExcelWorksheetFitsXl = Assignable<Excel.Worksheet, XlWorksheet>;
export type ExcelWorkbookProtectionFitsXl = Assignable<Excel.WorkbookProtection, XlWorkbookProtection>;
export type ExcelNamedItemCollectionFitsXl = Assignable<Excel.NamedItemCollection, XlNamedItemCollection>;
export type ExcelAutoFilterFitsXl = Assignable<Excel.AutoFilter, XlAutoFilter>;
export type ExcelRangeFitsXl = Assignable<Excel.Range, XlRange>;
export type ExcelRangeFormatFitsXl = Assignable<Excel.RangeFormat, XlRangeFormat>;
export type ExcelRangeFontFitsXl = Assignable<Excel.RangeFont, XlRangeFont>;
// what the adapter assigns, Excel accepts: the alignment and the chart type
export type XlAlignmentFitsExcel = Assignable<XlHorizontalAlignment, Excel.RangeFormat["horizontalAlignment"]>;
export type XlChartTypeFitsExcel = Assignable<XlChartType, Parameters<Excel.ChartCollection["add"]>[0]>;
export type XlSeriesByFitsExcel = Assignable<XlChartSeriesBy, NonNullable<Parameters<Excel.ChartCollection["add"]>[2]>>;
