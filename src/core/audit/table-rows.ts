/**
 * The rows of a label/value table (docs/statement-audit.md): the label cleaned of numbering and
 * 其中, its indentation, and each figure with its unit — the cell's own, else the row's unit column
 * or the label's "（亿元）", else the header's, else the title line's ("Units").
 */
import { a1 } from "../basics/address";
import { shiftDec } from "../basics/decimal";
import { Grid, cellText } from "../basics/grid";
import { normalizeText } from "../basics/normalize-text";
import { isPercentFormat, parseQuantity, quantityFromNumber } from "../basics/quantity";
import { UnitInfo, lookupUnit } from "../basics/unit-table";
import { Figure, figureFrom } from "./figure";
import { ValueRole } from "./model";
import { RATIO_ROLES } from "./table-columns";
import { FoundTable, TableColumn, TableRow } from "./table-types";
import { unitColumnCell } from "./units";

const ENUM_RE = /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．](?!\d)|\(\d+\)|\([一二三四五六七八九十]+\)|[①②③④⑤⑥⑦⑧⑨⑩])/;

/** Leading spaces of a raw label: the indentation pasted tables use for sub-items. */
function indentOf(raw: string): number {
  let n = 0;
  for (const ch of raw) {
    if (ch === " " || ch === "\u00A0") n += 1;
    else if (ch === "\u3000") n += 2;
    else if (ch === "\t") n += 4;
    else break;
  }
  return n;
}

export function cleanLabel(raw: string): { label: string; qizhong: boolean } {
  let t = normalizeText(raw);
  let qizhong = false;
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(ENUM_RE, "");
    if (/^其中[:：,]?/.test(t)) {
      qizhong = true;
      t = t.replace(/^其中[:：,]?/, "");
    }
    t = t.replace(/^[:：、.,]+/, "");
    if (t === before) break;
  }
  t = t.replace(/[(（](万元|元|亿元|千元|%|分)[)）]$/, "").replace(/[:：]$/, "");
  return { label: t, qizhong };
}

function numberDecimals(format: string | null | undefined): number | null {
  if (!format || format === "General" || format === "@") return null;
  const section = format.split(";")[0].replace(/"[^"]*"/g, "");
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : null;
}

export function readRow(grid: Grid, table: FoundTable, r: number, firstRow: number, firstCol: number): TableRow | null {
  const line = grid.values[r] ?? [];
  const rawLabel = cellText(line[table.labelColumn]);
  if (rawLabel.trim() === "") return null;
  const { label, qizhong } = cleanLabel(rawLabel);
  if (label === "" || /^(单位|注|说明|备注)[:：]/.test(label)) return null;
  const row = firstRow + r;
  const uc = table.unitColumn;
  const fromColumn = uc === null ? null : unitColumnCell(cellText(line[uc]));
  // else a unit the label itself ends with: 人均支出（元）, 项目支出(亿元)
  const fromLabel = fromColumn ? null : labelUnit(rawLabel);
  const unit = fromColumn ?? fromLabel;
  const unitCell = fromColumn && uc !== null ? a1(row, firstCol + uc) : fromLabel ? a1(row, firstCol + table.labelColumn) : null;
  const values: Partial<Record<ValueRole, Figure>> = {};
  for (const col of table.columns) {
    const f = readValue(grid, r, col, table, row, firstCol, unit, unitCell);
    if (f) values[col.role] = f;
  }
  return {
    index: r,
    row,
    rawLabel,
    label,
    labelCell: a1(row, firstCol + table.labelColumn),
    indent: indentOf(rawLabel),
    qizhong,
    values,
    unit,
    unitCell,
    heading: Object.keys(values).length === 0,
  };
}

/** A known unit in brackets at the end of a label; "（草案）" and other words are not units. */
function labelUnit(raw: string): UnitInfo | null {
  const m = /[(（[【]([^()（）[\]【】]{1,8})[)）\]】]$/.exec(normalizeText(raw));
  if (!m) return null;
  const u = unitColumnCell(m[1].replace(/^单位[:：]?/, ""));
  return u && u.family !== "other" ? u : null;
}

const NONE_RE = /^(-|—|－|–|\/|\*|无|不适用|n\/a)?$/i;

function readValue(grid: Grid, r: number, col: TableColumn, table: FoundTable, row: number, firstCol: number, rowUnit: UnitInfo | null, unitCell: string | null): Figure | null {
  const v = grid.values[r]?.[col.index];
  const fmt = grid.numberFormats?.[r]?.[col.index];
  if (v === null || v === undefined || typeof v === "boolean") return null;
  if (typeof v === "string" && NONE_RE.test(normalizeText(v))) return null;
  const at = { cell: a1(row, firstCol + col.index), row, col: firstCol + col.index };
  const ratio = RATIO_ROLES.includes(col.role);
  const parsed = typeof v === "number" ? quantityFromNumber(v, fmt) : parseQuantity(v, fmt);
  if (!parsed.ok) return null;
  let q = parsed.q;
  const shown = numberDecimals(fmt);
  // the precision written is the one the cell shows (2,043.40 stored as 2043.4)
  if (typeof v === "number" && shown !== null) q = { ...q, decimals: shown };
  const text = typeof v === "string" ? normalizeText(v) : typeof v === "number" && isPercentFormat(fmt) ? `${q.value}%` : String(v);
  if (ratio) {
    if (q.unit?.family === "ratio") return figureFrom(q, at, text, null, typeof v === "number");
    if (q.unit) return null;
    const pctUnit = lookupUnit("%");
    if (col.fraction) {
      const dec = shiftDec(q.dec, 2);
      const decimals = Math.max(0, q.decimals - 2);
      return figureFrom({ ...q, dec, decimals, value: q.value * 100, unit: pctUnit }, at, text, null, typeof v === "number");
    }
    return figureFrom({ ...q, unit: pctUnit }, at, text, null, typeof v === "number");
  }
  // the cell's own unit, else the row's unit column, else the header's, else the title line's
  if (!q.unit && rowUnit) return { ...figureFrom({ ...q, unit: rowUnit }, at, text, null, typeof v === "number"), unitCell };
  const fallback = col.unit ?? table.unit ?? (table.score ? lookupUnit("分") : null);
  return figureFrom(q, at, text, fallback, typeof v === "number");
}
