/**
 * Writing the audit back (docs/rules.md §9): beside each label/value table, the ratios as live
 * formulas under 核对·占比 / 核对·增长 / 核对·执行率(…) — only those the table's columns
 * allow — and 核对·说明 with the row's findings (also as notes). Findings in sentences go
 * to a list on a sheet of their own.
 */
import { a1, columnLetter, parseA1, quoteSheet } from "../basics/address";
import { decToNumber, roundHalfUp } from "../basics/decimal";
import { Grid } from "../basics/grid";
import { PlanCell, PlanColumn, PlanRowInput, WritePlan, buildPlan, runsOf } from "../basics/write-plan";
import { Figure, inUnit } from "./figure";
import { Finding, Ratio, RatioKind } from "./finding";
import { CHECK_NAMES } from "./messages";
import { SEVERITY_LABELS } from "../basics/messages";
import { Item } from "./model";
import { FoundTable } from "./table-reader";
import { HEADER_FILL } from "../basics/tuning";

export const AUDIT_COLUMNS: Record<RatioKind | "note", PlanColumn> = {
  share: { header: "核对·占比", numberFormat: "0.00%", width: 11 },
  growth: { header: "核对·增长", numberFormat: "0.00%", width: 11 },
  execution_budget: { header: "核对·执行率(预算)", numberFormat: "0.00%", width: 16 },
  execution_adjusted: { header: "核对·执行率(调整预算)", numberFormat: "0.00%", width: 20 },
  note: { header: "核对·说明", numberFormat: "@", width: 56 },
};

const FINDING_FILLS = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
};

/** The sheet the list of findings goes to: one per audited sheet, within Excel's 31 characters. */
export function findingsSheetName(sheet: string): string {
  return `核对·${sheet}`.slice(0, 31);
}

interface Cellref {
  (f: Figure, absoluteRow?: boolean): string;
}

interface Computed {
  kind: RatioKind;
  formula: string | null;
  value: number | null;
}

function ratioCells(item: Item, items: Item[], ref: Cellref, corrections: Map<Figure, number>): Partial<Record<RatioKind, Computed>> {
  const out: Partial<Record<RatioKind, Computed>> = {};
  const v = item.values;
  const plain = (...fs: Figure[]) => fs.every((f) => f.numeric && !corrections.get(f)) && sameUnit(fs);
  const val = (f: Figure, to: Figure) => decToNumber(inUnit(f, to.unit ?? f.unit, corrections.get(f) ?? 0).v);
  const ratio = (a: number, b: number) => (b === 0 || !Number.isFinite(a / b) ? null : roundHalfUp(a / b, 6));
  const cur = v.current;
  if (cur && cur.unit?.family !== "ratio") {
    const base = shareBase(item, items);
    if (base) {
      out.share = {
        kind: "share",
        formula: plain(cur, base) ? `IFERROR(${ref(cur)}/${ref(base, true)},"—")` : null,
        value: ratio(val(cur, base), val(base, base)),
      };
    }
    if (v.prior) {
      out.growth = {
        kind: "growth",
        formula: plain(cur, v.prior) ? `IFERROR((${ref(cur)}-${ref(v.prior)})/${ref(v.prior)},"—")` : null,
        value: ratio(val(cur, cur) - val(v.prior, cur), val(v.prior, cur)),
      };
    } else if (v.change) {
      out.growth = {
        kind: "growth",
        formula: plain(cur, v.change) ? `IFERROR(${ref(v.change)}/(${ref(cur)}-${ref(v.change)}),"—")` : null,
        value: ratio(val(v.change, cur), val(cur, cur) - val(v.change, cur)),
      };
    }
    if (v.budget) {
      out.execution_budget = {
        kind: "execution_budget",
        formula: plain(cur, v.budget) ? `IFERROR(${ref(cur)}/${ref(v.budget)},"—")` : null,
        value: ratio(val(cur, v.budget), val(v.budget, v.budget)),
      };
    }
    if (v.adjusted) {
      out.execution_adjusted = {
        kind: "execution_adjusted",
        formula: plain(cur, v.adjusted) ? `IFERROR(${ref(cur)}/${ref(v.adjusted)},"—")` : null,
        value: ratio(val(cur, v.adjusted), val(v.adjusted, v.adjusted)),
      };
    }
  }
  return out;
}

function sameUnit(fs: Figure[]): boolean {
  const u = fs[0].unit?.text ?? "";
  return fs.every((f) => (f.unit?.text ?? "") === u || !f.ownUnit);
}

function noteFor(findings: Finding[]): string | null {
  if (!findings.length) return null;
  return findings.map((f) => `${f.cell}: ${f.message.zh}`).join("\n");
}

export interface TablePlanInput {
  grid: Grid;
  tables: FoundTable[];
  items: Item[];
  findings: Finding[];
  corrections: Map<Figure, number>;
}

/**
 * One block beside each table, with the ratio columns that table allows. When a block would
 * cover the user's data, everything goes to one new sheet instead (formulas then name the sheet).
 */
export function tablePlans(input: TablePlanInput): { plans: WritePlan[]; ratios: Ratio[] } {
  const all = input.tables.map((_, i) => i);
  if (!all.length) return { plans: [], ratios: [] };
  const each = all.map((i) => blockPlan(input, [i]));
  if (each.every((b) => b.plan.mode === "beside")) return { plans: each.map((b) => b.plan), ratios: each.flatMap((b) => b.ratios) };
  const merged = blockPlan(input, all);
  return { plans: [merged.plan], ratios: merged.ratios };
}

function blockPlan(input: TablePlanInput, which: number[]): { plan: WritePlan; ratios: Ratio[] } {
  const { grid, items, findings, corrections } = input;
  const tables = which.map((i) => input.tables[i]);
  const firstRow = grid.firstRow ?? 1;
  const tableItems = items.filter((i) => i.source === "table" && i.table !== null && which.includes(i.table));
  const kinds: RatioKind[] = [];
  const has = (pred: (i: Item) => boolean) => tableItems.some(pred);
  if (has((i) => shareBase(i, items) !== undefined)) kinds.push("share");
  if (has((i) => !!i.values.current && (!!i.values.prior || !!i.values.change))) kinds.push("growth");
  if (has((i) => !!i.values.current && !!i.values.budget)) kinds.push("execution_budget");
  if (has((i) => !!i.values.current && !!i.values.adjusted)) kinds.push("execution_adjusted");
  const columns = [...kinds.map((k) => AUDIT_COLUMNS[k]), AUDIT_COLUMNS.note];
  const headerIndex = tables[0].headerIndex;
  const lastColumn = Math.max(...tables.map((t) => t.lastColumn));
  const owns = tables.map((t) => t.ownColumn).filter((c): c is number => c !== null);
  const ownColumn = owns.length ? Math.min(...owns) : null;
  const lastRow = firstRow + tables[tables.length - 1].lastIndex;
  // findings by row, for the rows of these tables
  const rowOf = (cell: string) => parseA1(cell)?.row ?? 0;
  const tableRows = new Set<number>();
  for (const t of tables) for (const r of t.rows) tableRows.add(r.row);
  const byRow = new Map<number, Finding[]>();
  for (const f of findings) {
    const r = rowOf(f.cell);
    if (!tableRows.has(r)) continue;
    const list = byRow.get(r);
    if (list) list.push(f);
    else byRow.set(r, [f]);
  }
  const build = (qualified: boolean) => {
    const prefix = qualified ? `${quoteSheet(grid.sheet)}!` : "";
    const ref: Cellref = (f, absoluteRow) => `${prefix}${columnLetter(f.col)}${absoluteRow ? "$" : ""}${f.row}`;
    const rows: PlanRowInput[] = [];
    const computed: Array<{ index: number; row: number; j: number; c: Computed }> = [];
    which.forEach((ti, n) => {
      const t = input.tables[ti];
      if (n > 0) rows.push({ row: firstRow + t.headerIndex, values: columns.map((c) => c.header), status: null, note: null });
      for (const it of tableItems.filter((i) => i.table === ti)) {
        const cells = ratioCells(it, items, ref, corrections);
        const fs = byRow.get(it.row) ?? [];
        const values: PlanCell[] = kinds.map((k, j) => {
          const c = cells[k];
          if (!c) return null;
          computed.push({ index: rows.length, row: it.row, j, c });
          return c.formula ? { formula: c.formula } : c.value;
        });
        const explain = fs.map((f) => `${f.cell}: ${f.message.zh}`).join("；");
        values.push(explain || null);
        rows.push({ row: it.row, values, status: null, note: noteFor(fs) });
      }
    });
    const plan = buildPlan({ grid, headerIndex, lastColumn, ownColumn, lastRow, columns, rows });
    return { plan, rows, computed };
  };
  let out = build(false);
  if (out.plan.mode === "new_sheet") out = build(true);
  const { plan, rows, computed } = out;
  const beside = plan.mode === "beside";
  const cellOf = (index: number, row: number, j: number) => (beside ? a1(row, plan.startCol + j) : a1(2 + index, plan.startCol + 1 + j));
  const ratios: Ratio[] = computed.map(({ index, row, j, c }) => ({ cell: cellOf(index, row, j), row, kind: c.kind, value: c.value, formula: c.formula }));
  // colour the 说明 cell of each row with a finding
  const noteCol = beside ? plan.startCol + columns.length - 1 : plan.startCol + columns.length;
  const runs = { error: [] as number[], warning: [] as number[] };
  rows.forEach((r, i) => {
    const fs = byRow.get(r.row);
    if (!fs?.length || r.values[r.values.length - 1] === null) return;
    const sheetRow = beside ? r.row : 2 + i;
    (fs.some((f) => f.severity === "error") ? runs.error : runs.warning).push(sheetRow);
  });
  plan.fills = (["error", "warning"] as const)
    .filter((s) => runs[s].length)
    .map((s) => ({ status: s, ...FINDING_FILLS[s], ranges: runsOf(runs[s], noteCol) }));
  return { plan, ratios };
}

/** The total a row's share is taken of: its parent in the same table (sub-scores have no share). */
function shareBase(item: Item, items: Item[]): Figure | undefined {
  if (!item.values.current || item.values.current.unit?.family === "ratio" || item.score) return undefined;
  const parent = item.parent !== null ? items[item.parent] : null;
  return parent?.source === "table" && parent.table === item.table ? parent.values.current : undefined;
}

const LIST_COLUMNS: PlanColumn[] = [
  { header: "核对·单元格", numberFormat: "@", width: 12 },
  { header: "核对·检查", numberFormat: "@", width: 10 },
  { header: "核对·级别", numberFormat: "@", width: 8 },
  { header: "核对·应为", numberFormat: "@", width: 18 },
  { header: "核对·填报", numberFormat: "@", width: 18 },
  { header: "核对·说明", numberFormat: "@", width: 80 },
];

/** Every finding of a sheet as a list on a sheet of its own, each linked to its cell. */
export function findingsListPlan(sheet: string, findings: Finding[]): WritePlan {
  const name = findingsSheetName(sheet);
  const cells: PlanCell[][] = [LIST_COLUMNS.map((c) => c.header)];
  const runs = { error: [] as number[], warning: [] as number[] };
  findings.forEach((f, i) => {
    const target = `#${quoteSheet(sheet)}!${f.cell}`;
    cells.push([
      { formula: `HYPERLINK("${target.replace(/"/g, '""')}","${f.cell}")` },
      CHECK_NAMES[f.check].listed,
      SEVERITY_LABELS[f.severity].zh,
      f.expected,
      f.actual,
      f.message.zh,
    ]);
    runs[f.severity].push(2 + i);
  });
  return {
    sheet: name,
    mode: "new_sheet",
    sourceSheet: sheet,
    startRow: 1,
    startCol: 1,
    cells,
    numberFormats: LIST_COLUMNS.map((c) => c.numberFormat),
    columnWidths: LIST_COLUMNS.map((c) => c.width),
    fills: (["error", "warning"] as const)
      .filter((s) => runs[s].length)
      .map((s) => ({ status: s, ...FINDING_FILLS[s], ranges: runsOf(runs[s], 3) })),
    headerFill: { ...HEADER_FILL },
    notes: [],
    owned: `${quoteSheet(name)}!A1:${columnLetter(LIST_COLUMNS.length)}${findings.length + 1}`,
    messages: [],
  };
}
