/**
 * Template + departments → the sheet plan of one comparison worksheet (docs/rules.md §8).
 *
 * Layout: title (A1) and description (A2); the table's header on row 4 (指标（单位） and one
 * column per department, 江门 2023); one row per template row, labelled with its normalised
 * unit; then a source list. Figure cells hold the normalised number, missing ones the text —
 * with a note; formula rows are live formulas over the cells written, so they follow any edit.
 */
import { a1, columnLetter, quoteSheet, rangeA1 } from "../basics/address";
import { decimalsOf, formatFixed } from "../basics/decimal";
import { CanonicalUnit } from "../seeds/seed-schema";
import { PlanCell, looksLikeFormula } from "../basics/write-plan";
import { CompareDepartment, departmentHeader } from "./department";
import { readingNote } from "./consistent-reading";
import { figureNote, missingNote } from "./notes";
import { COMPARE_TEXT } from "./messages";
import { ChartSpec, SheetMessage, SheetPlan, SheetStyle } from "./sheet-plan";
import { ComparisonTemplate, FormulaRow, TemplateId, TemplateRow, rowUnit, templateById } from "./templates";
import { RowValue, computeRowValues, sumRange } from "./values";
import { HEADER_FILL as HEADER_COLOURS } from "../basics/tuning";

/** The text of a cell with no value: never 0 (docs/rules.md §8). */
export const MISSING_MARK = "—";

export const HEADER_ROW = 4;
const FIRST_DATA_ROW = HEADER_ROW + 1;
const LABEL_HEADER = "指标（单位）";
const TABLE_STYLE = "TableStyleMedium2";
const HEADER_FILL = { fill: HEADER_COLOURS.fill, fontColor: HEADER_COLOURS.font, bold: true as const };
const OWN_FILL = "#FFF2CC";
const CHART_WIDTH_COLS = 8;
const CHART_HEIGHT_ROWS = 18;

const NUMBER_FORMATS: Record<CanonicalUnit, string> = {
  万元: "#,##0.00####",
  人: "#,##0",
  人次: "#,##0",
  "%": "0.00%",
  分: "0.00",
  家: "#,##0",
  个: "#,##0",
  项: "#,##0",
  件: "#,##0",
  种: "#,##0",
  个月: "0.0",
  页: "#,##0",
  "元/人": "#,##0.00",
  "万元/家": "#,##0.00",
  text: "@",
};

export function numberFormatFor(unit: CanonicalUnit): string {
  return NUMBER_FORMATS[unit];
}

/** 总支出（万元）, 基本支出占比（%）, 等级 (a word has no unit). */
export function rowLabel(row: TemplateRow): string {
  const unit = rowUnit(row);
  return unit === "text" ? row.label.zh : `${row.label.zh}（${unit}）`;
}

/** Excel-ish display width: CJK and full-width characters count two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6—]/.test(ch) ? 2 : 1;
  return w;
}

/** Table headers: one line each, unique without regard to case (Excel's rule for table columns). */
function uniqueHeaders(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const n = raw.replace(/[\r\n\t]+/g, " ").trim() || "—";
    let name = n;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${n} (${i})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function formulaFor(template: ComparisonTemplate, row: FormulaRow, col: number, rowOf: Map<string, number>): string {
  const ref = (key: string) => a1(rowOf.get(key) as number, col);
  const m = JSON.stringify(MISSING_MARK);
  switch (row.op) {
    case "share":
    case "ratio": {
      const [n, d] = [ref(row.of[0]), ref(row.of[1])];
      return `IF(AND(ISNUMBER(${n}),ISNUMBER(${d}),${d}<>0),${n}/${d},${m})`;
    }
    case "difference": {
      const [x, y] = [ref(row.of[0]), ref(row.of[1])];
      return `IF(AND(ISNUMBER(${x}),ISNUMBER(${y})),${x}-${y},${m})`;
    }
    case "sum": {
      const keys = sumRange(template, row).map((r) => r.key);
      const range = `${ref(keys[0])}:${ref(keys[keys.length - 1])}`;
      return `IF(COUNT(${range})>0,SUM(${range}),${m})`;
    }
  }
}

/** A stated share that disagrees with the computed one beyond half a unit of its last written digit. */
function statedDiffers(computed: RowValue, stated: RowValue, statedPercent: number | undefined): boolean {
  if (computed.kind !== "number" || stated.kind !== "number" || statedPercent === undefined) return false;
  const tol = 0.5 * Math.pow(10, -decimalsOf(statedPercent));
  return Math.abs(computed.value * 100 - statedPercent) > tol * (1 + 1e-9);
}

export interface BuildOptions {
  /** messages to carry into the plan (e.g. from reading the own department's sheet) */
  messages?: SheetMessage[];
}

/** Build the plan of one comparison sheet. Departments appear left to right in the order given. */
export function buildComparisonSheet(templateOrId: ComparisonTemplate | TemplateId, departments: readonly CompareDepartment[], options: BuildOptions = {}): SheetPlan {
  const template = typeof templateOrId === "string" ? templateById(templateOrId) : templateOrId;
  if (!template) throw new Error(`unknown template ${String(templateOrId)}`);
  const n = departments.length;
  const rowOf = new Map<string, number>();
  template.rows.forEach((r, i) => rowOf.set(r.key, FIRST_DATA_ROW + i));
  const lastTableRow = FIRST_DATA_ROW + template.rows.length - 1;
  const sourcesTitleRow = lastTableRow + 2;
  const lastRow = sourcesTitleRow + n;
  const width = Math.max(2, 1 + n);
  const lastCol = 1 + n;

  const cells: PlanCell[][] = Array.from({ length: lastRow }, () => new Array<PlanCell>(width).fill(null));
  const formats: string[][] = Array.from({ length: lastRow }, () => new Array<string>(width).fill("General"));
  const put = (row: number, col: number, v: PlanCell, format?: string) => {
    cells[row - 1][col - 1] = v;
    if (format) formats[row - 1][col - 1] = format;
    // text that a host could read as a formula is also marked as text (docs/rules.md §9)
    if (typeof v === "string" && looksLikeFormula(v)) formats[row - 1][col - 1] = "@";
  };

  const notes: SheetPlan["notes"] = [];
  const messages: SheetMessage[] = [...(options.messages ?? [])];
  const styles: SheetStyle[] = [];
  const labels = new Map(template.rows.map((r) => [r.key, r.label.zh]));

  put(1, 1, template.sheetName);
  put(2, 1, template.description.zh);
  const headers = uniqueHeaders([LABEL_HEADER, ...departments.map(departmentHeader)]);
  headers.forEach((h, j) => put(HEADER_ROW, 1 + j, h));
  template.rows.forEach((r) => put(rowOf.get(r.key) as number, 1, rowLabel(r)));

  const columns: SheetPlan["columns"] = [];
  departments.forEach((dept, j) => {
    const col = 2 + j;
    const header = headers[1 + j];
    columns.push({ departmentId: dept.id, header, col, letter: columnLetter(col), own: dept.own });
    const values = computeRowValues(template, dept);
    let missingCount = 0;
    template.rows.forEach((r, i) => {
      const row = rowOf.get(r.key) as number;
      const format = numberFormatFor(rowUnit(r));
      const v = values.get(r.key) as RowValue;
      const cell = a1(row, col);
      if (r.kind === "formula") {
        put(row, col, { formula: formulaFor(template, r, col, rowOf) }, format);
        if (v.kind === "missing") notes.push({ cell, text: missingNote(dept, v.reason, labels) });
        // a stated counterpart follows a formula row; say when the report's own figure disagrees
        const next = template.rows[i + 1];
        if (r.figure && next && next.kind === "figure" && next.stated && next.figure === r.figure) {
          const stated = values.get(next.key) as RowValue;
          const f = dept.figures[next.figure];
          if (r.unit === "%" && statedDiffers(v, stated, f?.value) && v.kind === "number" && f?.value !== undefined) {
            const computed = `${formatFixed(v.value * 100, 2, true)}%`;
            notes.push({ cell, text: `${departmentHeader(dept)}：计算值 ${computed} 与报告所列 ${f.asWritten ?? `${f.value}%`}（${f.source.section}）不一致。` });
            const text = COMPARE_TEXT.statedDiffers({ header, label: r.label, computed, stated: f.asWritten ?? `${f.value}%`, section: f.source.section });
            messages.push({ code: "compare_stated_differs", severity: "warning", text, cell });
          }
        }
        return;
      }
      const figure = dept.figures[r.figure];
      if (v.kind === "missing" || !figure) {
        missingCount++;
        put(row, col, MISSING_MARK, format);
        if (v.kind === "missing") notes.push({ cell, text: missingNote(dept, v.reason, labels) });
        return;
      }
      put(row, col, v.kind === "number" ? v.value : v.text, format);
      notes.push({ cell, text: figureNote(dept, figure) });
      if (figure.reading) {
        const { asWritten, unitRead } = figure.reading;
        const text = COMPARE_TEXT.magnitudeRead({ header, label: r.label, reading: readingNote(figure.reading), asWritten, unitRead });
        messages.push({ code: "compare_magnitude_read", severity: "info", text, cell });
      }
      if (figure.conflict) {
        const alts = (figure.alternatives ?? []).map((a) => `${a.asWritten}（${a.section}）`).join("、");
        const text = COMPARE_TEXT.conflict({ header, label: r.label, used: String(figure.asWritten ?? figure.value), section: figure.source.section, alts });
        messages.push({ code: "compare_conflict", severity: "info", text, cell });
      }
    });
    if (missingCount > 0) {
      messages.push({ code: "compare_missing", severity: "info", text: COMPARE_TEXT.missing({ header, n: missingCount, mark: MISSING_MARK }) });
    }
    if (dept.own && lastTableRow >= FIRST_DATA_ROW) styles.push({ range: rangeA1(FIRST_DATA_ROW, col, lastTableRow, col), fill: OWN_FILL });
  });

  // sources: one line per department, under the table
  put(sourcesTitleRow, 1, "来源");
  departments.forEach((dept, j) => {
    put(sourcesTitleRow + 1 + j, 1, headers[1 + j]);
    put(sourcesTitleRow + 1 + j, 2, dept.own ? `${dept.name} · ${dept.document}` : dept.document);
  });

  styles.push({ range: "A1", bold: true, fontSize: 14 });
  styles.push({ range: "A2", italic: true, fontColor: "#595959" });
  if (n > 0 && lastTableRow >= FIRST_DATA_ROW) styles.push({ range: rangeA1(FIRST_DATA_ROW, 2, lastTableRow, lastCol), horizontalAlignment: "right" });
  styles.push({ range: a1(sourcesTitleRow, 1), bold: true });

  const labelWidth = Math.min(48, Math.max(16, ...template.rows.map((r) => displayWidth(rowLabel(r)) + 2), displayWidth(LABEL_HEADER) + 2));
  const deptWidths = headers.slice(1).map((h) => Math.min(30, Math.max(16, displayWidth(h) + 4)));
  const columnWidths = [labelWidth, ...deptWidths];
  while (columnWidths.length < width) columnWidths.push(16);

  const chart = chartFor(template, departments, headers, rowOf, lastCol, messages);
  const tableRange = rangeA1(HEADER_ROW, 1, Math.max(lastTableRow, HEADER_ROW + 1), lastCol);
  const ownedLastCol = chart ? Math.max(width, lastCol + 1 + CHART_WIDTH_COLS) : width;
  const ownedLastRow = chart ? Math.max(lastRow, HEADER_ROW + CHART_HEIGHT_ROWS) : lastRow;

  return {
    kind: "comparison_sheet",
    template: template.id,
    sheet: template.sheetName,
    title: template.title,
    cells,
    numberFormats: formats,
    header: { row: HEADER_ROW, range: rangeA1(HEADER_ROW, 1, HEADER_ROW, lastCol) },
    table: { name: `Jixiao_${template.id}`, range: tableRange, style: TABLE_STYLE, showRowStripes: true, showFilterButton: false },
    headerStyle: HEADER_FILL,
    styles,
    columnWidths,
    freeze: { rows: HEADER_ROW, columns: 1 },
    notes,
    chart,
    rows: template.rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      row: rowOf.get(r.key) as number,
      label: rowLabel(r),
      ...(r.kind === "figure" ? { figure: r.figure } : r.figure ? { figure: r.figure } : {}),
      ...(r.kind === "figure" && r.stated ? { stated: true } : {}),
      numberFormat: numberFormatFor(rowUnit(r)),
    })),
    columns,
    owned: `${quoteSheet(template.sheetName)}!${rangeA1(1, 1, ownedLastRow, ownedLastCol)}`,
    messages,
  };
}

function chartFor(
  template: ComparisonTemplate,
  departments: readonly CompareDepartment[],
  headers: string[],
  rowOf: Map<string, number>,
  lastCol: number,
  messages: SheetMessage[],
): ChartSpec | null {
  const rows = template.chart.rows.map((k) => rowOf.get(k)).filter((r): r is number => r !== undefined);
  if (rows.length === 0) return null;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const series: ChartSpec["series"] = [];
  const dropped: string[] = [];
  departments.forEach((dept, j) => {
    const values = computeRowValues(template, dept);
    const plotted = template.chart.rows.some((k) => values.get(k)?.kind === "number");
    const col = 2 + j;
    // a column with nothing to plot would show as zero bars
    if (!plotted) dropped.push(headers[1 + j]);
    else series.push({ name: headers[1 + j], nameCell: a1(HEADER_ROW, col), values: rangeA1(first, col, last, col) });
  });
  if (dropped.length) {
    messages.push({ code: "compare_chart_dropped", severity: "info", text: COMPARE_TEXT.chartDropped(dropped) });
  }
  if (series.length === 0) {
    messages.push({ code: "compare_no_chart", severity: "info", text: COMPARE_TEXT.noChart });
    return null;
  }
  const unit = rowUnit(template.rows.find((r) => r.key === template.chart.rows[0]) as TemplateRow);
  const left = lastCol + 2;
  return {
    type: "ColumnClustered",
    title: template.chart.title,
    seriesBy: "Columns",
    categories: rangeA1(first, 1, last, 1),
    series,
    valueFormat: unit === "%" ? "0%" : unit === "万元" ? "#,##0" : numberFormatFor(unit),
    anchor: { topLeft: a1(HEADER_ROW, left), bottomRight: a1(HEADER_ROW + CHART_HEIGHT_ROWS, left + CHART_WIDTH_COLS) },
  };
}
