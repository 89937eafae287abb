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
}

export interface XlRangeFormat extends XlClientObject {
  readonly fill: XlRangeFill;
  readonly font: XlRangeFont;
  /** points */
  columnWidth: number;
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

export interface XlWorksheet extends XlClientObject {
  readonly name: string;
  readonly protection: XlWorksheetProtection;
  readonly notes: XlNoteCollection;
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

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
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
