/**
 * The write plan: what the adapters write and where (docs/rules.md §9). Core decides, the
 * Excel adapter and the CLI execute the same plan.
 */
import { z } from "zod";
import { a1, columnLetter, parseA1, quoteSheet, rangeA1 } from "./address";
import { Grid, cellText, isBlank } from "./grid";
import { msg } from "./messages";
import { OWN_HEADER_PREFIX } from "../forms/table-finder";
import { STATUSES, STATUS_LABELS, Status } from "../indicators/results";
import { BilingualSchema } from "./text";
import { HEADER_FILL } from "./tuning";

/** A cell the plan writes: text is always text (never a formula), formulas are explicit. */
export const PlanCellSchema = z.union([
  z.string(),
  z.number(),
  z.null(),
  z.object({
    formula: z.string(),
    /**
     * the value the formula gives, when the plan knows it: a writer of files stores it beside the
     * formula for readers that do not compute (file previews, pandas); Excel recomputes it anyway
     */
    cached: z.union([z.string(), z.number()]).optional(),
  }),
]);
export type PlanCell = z.infer<typeof PlanCellSchema>;

export const FillSchema = z.object({ fill: z.string(), font: z.string() });

export const WritePlanSchema = z.object({
  /** the sheet written to: the input sheet (beside mode) or a new sheet */
  sheet: z.string(),
  mode: z.enum(["beside", "new_sheet"]),
  sourceSheet: z.string(),
  /** 1-based top-left cell of the block (the header row) */
  startRow: z.number().int().positive(),
  startCol: z.number().int().positive(),
  /** header row then data rows; every row as wide as the header */
  cells: z.array(z.array(PlanCellSchema)),
  /** number format per column */
  numberFormats: z.array(z.string()),
  columnWidths: z.array(z.number().positive()),
  /** status colours: one entry per status, A1 ranges grouped into contiguous runs */
  fills: z.array(z.object({ status: z.string(), ...FillSchema.shape, ranges: z.array(z.string()) })),
  headerFill: FillSchema,
  notes: z.array(z.object({ cell: z.string(), text: z.string() })),
  /**
   * The status column, when the fills are exactly its cells that show a status's label: the
   * adapter may then colour it with one rule per status ("equal to `text`") instead of per range.
   */
  statusColumn: z
    .object({
      /** 1-based sheet column and the data rows the rules cover */
      column: z.number().int().positive(),
      firstRow: z.number().int().positive(),
      lastRow: z.number().int().positive(),
      rules: z.array(z.object({ status: z.string(), text: z.string(), ...FillSchema.shape })),
    })
    .optional(),
  /** everything the plan writes, for "clear results" */
  owned: z.string(),
  messages: z.array(z.object({ code: z.string(), text: BilingualSchema })),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;

/** Excel's built-in Good / Bad / Neutral styles, which finance staff already read at a glance. */
export const STATUS_FILLS: Record<Status, { fill: string; font: string }> = {
  met: { fill: "#C6EFCE", font: "#006100" },
  not_met: { fill: "#FFC7CE", font: "#9C0006" },
  qualitative: { fill: "#DDEBF7", font: "#1F4E78" },
  not_applicable: { fill: "#EDEDED", font: "#595959" },
  invalid: { fill: "#FFEB9C", font: "#9C5700" },
};

export const RESULT_SHEET = "核对结果";

/** Text that a spreadsheet would read as a formula when typed. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/**
 * Whether Excel might not keep a string as text when it is typed (or assigned to `values`):
 * formula, sign, quote, error, digit, currency or boolean starts. Such a string is written with
 * the quote prefix (src/excel/cell-input.ts); looksLikeFormula is the narrower question of a
 * formula, asked where a cell's format can say Text instead.
 */
export function needsQuotePrefix(s: string): boolean {
  return /^[=+\-@'#\s\d.,(（$¥￥％%０-９＋－＝＠]/.test(s) || /^(true|false)$/i.test(s);
}

export interface PlanColumn {
  header: string;
  numberFormat: string;
  width: number;
}

export interface PlanRowInput {
  /** 1-based sheet row of the source row */
  row: number;
  /** the sheet row a results sheet links back to, when not `row` (the budget line's block row) */
  source?: number;
  values: PlanCell[];
  status: Status | null;
  note: string | null;
}

/** Group sorted row numbers into contiguous A1 runs in one column: H5:H9, H12. */
export function runsOf(rows: number[], col: number): string[] {
  const out: string[] = [];
  const sorted = [...rows].sort((a, b) => a - b);
  let start = -1;
  let prev = -1;
  for (const r of sorted) {
    if (start < 0) start = prev = r;
    else if (r === prev + 1) prev = r;
    else {
      out.push(rangeA1(start, col, prev, col));
      start = prev = r;
    }
  }
  if (start >= 0) out.push(rangeA1(start, col, prev, col));
  return out;
}

/**
 * Build the plan for result columns beside a table, or on a new sheet when the columns
 * to the right hold the user's data.
 */
export function buildPlan(args: Parameters<typeof layoutPlan>[0]): WritePlan {
  const plan = layoutPlan(args);
  const statusColumn = statusColumnOf(plan);
  return statusColumn ? { ...plan, statusColumn } : plan;
}

function layoutPlan(args: {
  grid: Grid;
  headerIndex: number;
  /** 0-based last column of the table (input) */
  lastColumn: number;
  /** 0-based first own column from an earlier run, if any */
  ownColumn: number | null;
  lastRow: number;
  columns: PlanColumn[];
  rows: PlanRowInput[];
}): WritePlan {
  const { grid, columns, rows } = args;
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const headerRow = firstRow + args.headerIndex;
  const width = columns.length;
  const startIdx = args.ownColumn ?? args.lastColumn + 1;
  const startCol = firstCol + startIdx;
  // any user value inside the block we would write → new sheet
  let blocked: string | null = null;
  for (let r = args.headerIndex; r <= args.lastRow - firstRow && !blocked; r++) {
    const line = grid.values[r] ?? [];
    for (let c = startIdx; c < startIdx + width; c++) {
      const v = line[c];
      if (isBlank(v)) continue;
      const header = cellText(grid.values[args.headerIndex]?.[c]);
      if (header.startsWith(OWN_HEADER_PREFIX)) continue;
      blocked = a1(firstRow + r, firstCol + c);
      break;
    }
  }
  const statusRuns = new Map<Status, number[]>();
  const notes: WritePlan["notes"] = [];
  if (!blocked) {
    const lastRow = args.lastRow;
    const cells: PlanCell[][] = [columns.map((c) => c.header)];
    // rows come sorted by sheet row: walk them alongside instead of indexing a Map
    let k = 0;
    const blank = columns.map(() => null);
    for (let r = headerRow + 1; r <= lastRow; r++) {
      while (k < rows.length && rows[k].row < r) k++;
      const pr = k < rows.length && rows[k].row === r ? rows[k] : undefined;
      cells.push(pr ? pr.values : blank.slice());
      if (pr?.status) pushRun(statusRuns, pr.status, r);
      if (pr?.note) notes.push({ cell: a1(r, startCol), text: pr.note });
    }
    return {
      sheet: grid.sheet,
      mode: "beside",
      sourceSheet: grid.sheet,
      startRow: headerRow,
      startCol,
      cells,
      numberFormats: columns.map((c) => c.numberFormat),
      columnWidths: columns.map((c) => c.width),
      fills: fillsFor(statusRuns, startCol),
      headerFill: { ...HEADER_FILL },
      notes,
      owned: `${quoteSheet(grid.sheet)}!${rangeA1(headerRow, startCol, Math.max(lastRow, headerRow), startCol + width - 1)}`,
      messages: [],
    };
  }
  // new sheet: a link back to each source row, then the same columns
  const link: PlanColumn = { header: `${OWN_HEADER_PREFIX}来源行`, numberFormat: "@", width: 14 };
  const all = [link, ...columns];
  const cells: PlanCell[][] = [all.map((c) => c.header)];
  rows.forEach((pr, i) => {
    const sheetRow = 2 + i;
    const target = `#${quoteSheet(grid.sheet)}!A${pr.source ?? pr.row}`;
    const label = `${grid.sheet}!${pr.source ?? pr.row}`;
    cells.push([{ formula: `HYPERLINK("${target.replace(/"/g, '""')}","${label.replace(/"/g, '""')}")` }, ...pr.values]);
    if (pr.status) pushRun(statusRuns, pr.status, sheetRow);
    if (pr.note) notes.push({ cell: a1(sheetRow, 2), text: pr.note });
  });
  const range = `${columnLetter(startCol)}${headerRow}:${columnLetter(startCol + width - 1)}${args.lastRow}`;
  return {
    sheet: RESULT_SHEET,
    mode: "new_sheet",
    sourceSheet: grid.sheet,
    startRow: 1,
    startCol: 1,
    cells,
    numberFormats: all.map((c) => c.numberFormat),
    columnWidths: all.map((c) => c.width),
    fills: fillsFor(statusRuns, 2),
    headerFill: { ...HEADER_FILL },
    notes,
    owned: `${quoteSheet(RESULT_SHEET)}!${rangeA1(1, 1, Math.max(1, rows.length + 1), all.length)}`,
    messages: [{ code: "results_new_sheet", text: msg("results_new_sheet", { range, blocked, sheet: RESULT_SHEET }).text }],
  };
}

function pushRun(runs: Map<Status, number[]>, status: Status, row: number): void {
  const list = runs.get(status);
  if (list) list.push(row);
  else runs.set(status, [row]);
}

function fillsFor(runs: Map<Status, number[]>, col: number): WritePlan["fills"] {
  const out: WritePlan["fills"] = [];
  for (const s of STATUSES) {
    const rows = runs.get(s);
    if (rows && rows.length) out.push({ status: s, ...STATUS_FILLS[s], ranges: runsOf(rows, col) });
  }
  return out;
}

/**
 * The plan's status column (docs/rules.md §10: operations per status, not per row): when every
 * coloured cell sits in one column of the block and holds its status's label
 * (STATUS_LABELS[status].zh), and no other cell of that column holds a label, one "equal to"
 * rule per status colours exactly the cells the fills name. Equality, never "contains": 达标 is
 * contained in 未达标. Undefined when the plan does not fit.
 */
export function statusColumnOf(plan: WritePlan): WritePlan["statusColumn"] {
  if (plan.fills.length === 0 || plan.cells.length < 2) return undefined;
  const firstRow = plan.startRow + 1;
  const lastRow = plan.startRow + plan.cells.length - 1;
  let column = 0;
  const expected = new Map<number, string>();
  const labels = new Set<string>();
  const rules: NonNullable<WritePlan["statusColumn"]>["rules"] = [];
  for (const f of plan.fills) {
    const label = (STATUSES as readonly string[]).includes(f.status) ? STATUS_LABELS[f.status as Status].zh : null;
    if (label === null || labels.has(label)) return undefined;
    labels.add(label);
    rules.push({ status: f.status, text: label, fill: f.fill, font: f.font });
    for (const range of f.ranges) {
      const r = parseRange(range);
      if (!r || r.c1 !== r.c2 || (column !== 0 && r.c1 !== column) || r.r1 < firstRow || r.r2 > lastRow) return undefined;
      column = r.c1;
      for (let row = r.r1; row <= r.r2; row++) expected.set(row, label);
    }
  }
  const col = column - plan.startCol;
  if (col < 0 || col >= (plan.cells[0]?.length ?? 0)) return undefined;
  for (let row = firstRow; row <= lastRow; row++) {
    const v = plan.cells[row - plan.startRow][col];
    const shown = typeof v === "string" && labels.has(v) ? v : undefined;
    if (shown !== expected.get(row)) return undefined;
  }
  return { column, firstRow, lastRow, rules };
}

/** "F2" or "F2:F9" → its rows and columns; null otherwise. */
function parseRange(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b = a, ...rest] = range.split(":");
  if (rest.length) return null;
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return { r1: Math.min(p.row, q.row), r2: Math.max(p.row, q.row), c1: Math.min(p.col, q.col), c2: Math.max(p.col, q.col) };
}
