/**
 * Label/value tables (docs/statement-audit.md, "What is read"): labels in one column, figures
 * under headers such as 本年 · 上年 · 预算 · 调整预算 · 占比 · 增长. A table ends at two blank rows
 * or the next header. Units, each applying to its rows (docs/statement-audit.md, "Units"): the
 * cell text, else a unit column (单位 / 计量单位 / 金额单位) or the label's own "（亿元）", else the
 * header "（万元）", else a title line "单位：万元" anywhere above the table. What headers and
 * columns hold is table-columns.ts, the rows table-rows.ts.
 */
import { columnLetter } from "../basics/address";
import { Grid, cellText, isBlank } from "../basics/grid";
import { OWN_HEADER_PREFIX } from "../forms/table-finder";
import { UnitInfo } from "../basics/unit-table";
import { ValueRole } from "./model";
import { HeaderCell, HeaderRole, column, headerRole, holdsUnits, resolveAmbiguous } from "./table-columns";
import { readRow } from "./table-rows";
import { FoundTable, TableColumn } from "./table-types";
import { isUnitColumnHeader, titleLineUnit } from "./units";

export type { FoundTable, TableColumn, TableRow } from "./table-types";

export function findTables(grid: Grid): FoundTable[] {
  const rows = grid.values;
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const headers: Array<{ index: number; cells: Map<number, HeaderCell> }> = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = new Map<number, HeaderCell>();
    const line = rows[i] ?? [];
    for (let c = 0; c < line.length; c++) {
      if (typeof line[c] !== "string") continue;
      const h = headerRole(line[c]);
      if (h) cells.set(c, h);
    }
    const valueRoles = [...cells.values()].filter((h) => h.role !== "label");
    // a header holds words only: "调整预算数 | 3812.67" is a row of a table, not a header
    const words = line.every((v) => isBlank(v) || (typeof v === "string" && !/^[-+]?[\d,.]+\s*[%％]?$/.test(v.trim())));
    if (words && valueRoles.some((h) => h.role === "current" || h.role === "budget" || h.role === "adjusted")) headers.push({ index: i, cells });
  }
  const tables: FoundTable[] = [];
  let searchFrom = 0;
  for (let h = 0; h < headers.length; h++) {
    const { index, cells } = headers[h];
    if (tables.length && index <= tables[tables.length - 1].lastIndex) continue;
    const stopAt = h + 1 < headers.length ? headers[h + 1].index : rows.length;
    // a title line over the whole sheet (单位：万元 above the first table) holds for the tables below it
    const inherited = tables.length ? tables[tables.length - 1].unit : null;
    const t = buildTable(grid, index, cells, searchFrom, stopAt, firstRow, firstCol, inherited);
    if (t) {
      tables.push(t);
      searchFrom = t.lastIndex + 1;
    }
  }
  return tables;
}

function buildTable(
  grid: Grid,
  headerIndex: number,
  cells: Map<number, HeaderCell>,
  searchFrom: number,
  stopAt: number,
  firstRow: number,
  firstCol: number,
  inheritedUnit: UnitInfo | null,
): FoundTable | null {
  const rows = grid.values;
  const header = rows[headerIndex] ?? [];
  let ownColumn: number | null = null;
  for (let c = 0; c < header.length; c++) {
    if (cellText(header[c]).startsWith(OWN_HEADER_PREFIX)) {
      ownColumn = c;
      break;
    }
  }
  // years: the latest is this year, the one before is last year
  const entries = [...cells.entries()].filter(([c]) => ownColumn === null || c < ownColumn);
  const years = entries.filter(([, h]) => h.year !== null).map(([, h]) => h.year as number);
  const maxYear = years.length ? Math.max(...years) : null;
  const picked = new Map<ValueRole, { index: number; h: HeaderCell }>();
  let labelColumn: number | null = null;
  let ambiguous: { index: number; h: HeaderCell } | null = null;
  for (const [c, h] of entries) {
    if (h.role === "label") {
      if (labelColumn === null) labelColumn = c;
      continue;
    }
    let role: HeaderRole = h.role;
    if (h.year !== null && maxYear !== null) {
      if (h.year === maxYear) role = "current";
      else if (h.year === maxYear - 1) role = "prior";
      else continue;
    }
    if (role === "ambiguous_change") {
      ambiguous = { index: c, h };
      continue;
    }
    if (!picked.has(role)) picked.set(role, { index: c, h });
  }
  const valueCols = [...picked.values()].map((p) => p.index);
  if (ambiguous) valueCols.push(ambiguous.index);
  const firstValue = Math.min(...valueCols);
  // a column of units (单位 | 万元 | 亿元 …), wherever it sits; "单位" over names of offices is not one
  let unitColumn: number | null = null;
  for (let c = 0; c < header.length && unitColumn === null; c++) {
    if (ownColumn !== null && c >= ownColumn) break;
    if (c === labelColumn || valueCols.includes(c)) continue;
    if (typeof header[c] === "string" && isUnitColumnHeader(header[c] as string) && holdsUnits(rows, c, headerIndex + 1, Math.min(stopAt, headerIndex + 60))) unitColumn = c;
  }
  // no 项目 header: the nearest column left of the figures that holds text labels
  if (labelColumn === null) {
    for (let c = firstValue - 1; c >= 0 && labelColumn === null; c--) {
      if (c === unitColumn) continue;
      let texts = 0;
      for (let r = headerIndex + 1; r < Math.min(stopAt, headerIndex + 30); r++) {
        const v = rows[r]?.[c];
        if (typeof v === "string" && v.trim() !== "" && !/^[\d,.\s%-]+$/.test(v)) texts++;
      }
      if (texts >= 1) labelColumn = c;
    }
  }
  if (labelColumn === null || labelColumn >= firstValue) return null;
  // the table's unit: the nearest title line above it ("单位：万元", "金额单位：亿元"), else the sheet's
  let unit: UnitInfo | null = null;
  for (let r = headerIndex; r >= searchFrom && !unit; r--) {
    for (const v of rows[r] ?? []) {
      if (typeof v !== "string") continue;
      unit = titleLineUnit(v);
      if (unit) break;
    }
  }
  unit = unit ?? inheritedUnit;
  const score = [...picked.values()].some((p) => p.h.score);
  // body: until two blank rows or the next header
  let lastIndex = headerIndex;
  let blanks = 0;
  const used = [labelColumn, ...valueCols];
  for (let r = headerIndex + 1; r < stopAt; r++) {
    const line = rows[r] ?? [];
    const empty = used.every((c) => isBlank(line[c]));
    if (empty) {
      blanks++;
      if (blanks >= 2) break;
      continue;
    }
    blanks = 0;
    lastIndex = r;
  }
  if (lastIndex === headerIndex) return null;
  const columns: TableColumn[] = [];
  for (const [role, p] of picked) columns.push(column(grid, p.index, role, p.h, headerIndex, lastIndex));
  if (ambiguous) columns.push(resolveAmbiguous(grid, ambiguous.index, ambiguous.h, headerIndex, lastIndex, picked));
  columns.sort((a, b) => a.index - b.index);
  let lastColumn = Math.max(labelColumn, unitColumn ?? 0, ...columns.map((c) => c.index));
  const stop = ownColumn ?? Infinity;
  for (let c = lastColumn + 1; c < Math.min(header.length, stop); c++) if (!isBlank(header[c])) lastColumn = c;
  const table: FoundTable = {
    headerIndex,
    firstIndex: headerIndex + 1,
    lastIndex,
    labelColumn,
    columns,
    unit,
    unitColumn,
    score,
    ownColumn,
    lastColumn,
    rows: [],
  };
  for (let r = headerIndex + 1; r <= lastIndex; r++) {
    const row = readRow(grid, table, r, firstRow, firstCol);
    if (row) table.rows.push(row);
  }
  return table;
}

export function describeTable(t: FoundTable, firstRow: number, firstCol: number): { headerRow: number; firstRow: number; lastRow: number; labelColumn: string; columns: Record<string, string>; unit: string | null; unitColumn?: string } {
  const columns: Record<string, string> = {};
  for (const c of t.columns) columns[c.role] = columnLetter(firstCol + c.index);
  return {
    headerRow: firstRow + t.headerIndex,
    firstRow: firstRow + t.firstIndex,
    lastRow: firstRow + t.lastIndex,
    labelColumn: columnLetter(firstCol + t.labelColumn),
    columns,
    unit: t.unit?.text ?? null,
    ...(t.unitColumn !== null ? { unitColumn: columnLetter(firstCol + t.unitColumn) } : {}),
  };
}
