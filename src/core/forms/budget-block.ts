/**
 * The budget-execution block of the national forms (docs/standard-forms.md, "Budget execution"):
 * 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over 年度资金总额 / 其中：… rows.
 * rate = 全年执行数 ÷ 全年预算数 (年初预算数 when no 全年预算数); score = min(rate, 1) × 分值 to
 * 2 decimals. Pure; never throws: a bad cell is a message naming it.
 */
import { z } from "zod";
import { a1 } from "../basics/address";
import { ExactSum, decToNumber, roundHalfUp, shiftDec } from "../basics/decimal";
import { CellValue, Grid, cellText, isBlank } from "../basics/grid";
import { Message, msg } from "../basics/messages";
import { normalizeText } from "../basics/normalize-text";
import { parseQuantity } from "../basics/quantity";
import { headerKey } from "./table-finder";
import { budgetMagnitude } from "./budget-magnitude";
import { scoreDecimals, statedFigureSeverity } from "../basics/severity";
import { BUDGET_PART_WORDS, BUDGET_TOTAL_WORDS, wordsPattern } from "../basics/vocabulary";

export const BudgetSchema = z.object({
  initialBudget: z.number().nullable(),
  budget: z.number().nullable(),
  executed: z.number().nullable(),
  /** 全年执行数 ÷ the budget used (a fraction: 0.9981 is 99.81%) */
  rate: z.number().nullable(),
  points: z.number().nullable(),
  /** the computed score that counts in the total */
  score: z.number().nullable(),
  /** the written 执行率, as a fraction */
  statedRate: z.number().nullable(),
  statedScore: z.number().nullable(),
  /** A1 address of each cell read (null when the block has no such cell) */
  cells: z.object({
    row: z.string().nullable(),
    initialBudget: z.string().nullable(),
    budget: z.string().nullable(),
    executed: z.string().nullable(),
    points: z.string().nullable(),
    rate: z.string().nullable(),
    score: z.string().nullable(),
  }),
});
export type BudgetLine = z.infer<typeof BudgetSchema>;

type Field = "initialBudget" | "budget" | "executed" | "points" | "rate" | "score";
const FIELDS: Field[] = ["initialBudget", "budget", "executed", "points", "rate", "score"];

/** Header words of the block, most specific first; matched on the header text without brackets. */
const HEADER_RULES: Array<[Field, RegExp]> = [
  ["rate", /执行率/],
  ["initialBudget", /年初预算/],
  // the full-year budget: 全年预算数, or the adjusted budget (调整后预算数 / 调整预算数) — SPECIFIC_BUDGET_RE
  ["budget", /(全年预算|调整后预算|调整预算|预算调整|预算数$|^预算$|^预算金额$)/],
  ["executed", /(全年执行|执行数|实际执行|执行金额|实际支出|支出数|决算数)/],
  ["points", /(分值|权重)/],
  ["score", /得分/],
];

function fieldOf(v: CellValue): Field | null {
  if (typeof v !== "string" || isBlank(v)) return null;
  const k = headerKey(v);
  if (k.length > 16) return null;
  for (const [f, re] of HEADER_RULES) if (re.test(k)) return f;
  return null;
}

const SPECIFIC_BUDGET_RE = /(全年预算|调整后预算|调整预算|预算调整)/;

const TOTAL_LABEL_RE = new RegExp(`(${wordsPattern(BUDGET_TOTAL_WORDS)})`);
const SUB_LABEL_RE = new RegExp(`^(${wordsPattern(BUDGET_PART_WORDS)})`);

export interface BudgetRead {
  line: Omit<BudgetLine, "rate" | "score">;
  /** 0-based grid row of the header and of the row read */
  headerIndex: number;
  rowIndex: number;
  messages: Message[];
}

/**
 * Find the block's header in the given rows (a row naming an executed amount and a budget) and
 * read its total row (年度资金总额, else the first row with figures). Null when there is no block.
 */
export function readBudgetBlock(grid: Grid, rowIndices: number[]): BudgetRead | null {
  // several candidates (a 年度主要任务 block also has 预算数 | 执行数): the one naming most of the block's columns
  let best: BudgetRead | null = null;
  let bestFields = 0;
  for (let k = 0; k < rowIndices.length; k++) {
    const read = readAt(grid, rowIndices, k);
    if (read && read.fields > bestFields) {
      best = read.read;
      bestFields = read.fields;
    }
  }
  return best;
}

function readAt(grid: Grid, rowIndices: number[], k: number): { read: BudgetRead; fields: number } | null {
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const h = rowIndices[k];
  const header = grid.values[h] ?? [];
  const cols: Partial<Record<Field, number>> = {};
  let specificBudget: number | undefined;
  let genericBudget: number | undefined;
  for (let c = 0; c < header.length; c++) {
    const f = fieldOf(header[c]);
    if (f === "budget") {
      // 预算数 | 调整后预算数: the adjusted budget is the full-year budget, the plain 预算数 the initial one
      if (SPECIFIC_BUDGET_RE.test(headerKey(header[c]))) specificBudget ??= c;
      else genericBudget ??= c;
      continue;
    }
    if (f && cols[f] === undefined) cols[f] = c;
  }
  if (specificBudget !== undefined) {
    cols.budget = specificBudget;
    if (genericBudget !== undefined && cols.initialBudget === undefined && genericBudget < specificBudget) cols.initialBudget = genericBudget;
  } else if (genericBudget !== undefined) cols.budget = genericBudget;
  if (cols.executed === undefined || (cols.budget === undefined && cols.initialBudget === undefined)) return null;
  const firstFigure = Math.min(...FIELDS.map((f) => cols[f] ?? Infinity));
  // the block's rows: those after the header (up to 12) with a figure in a budget column
  const block: number[] = [];
  let withFigures = 0;
  const labelText = (line: CellValue[]) => {
    let t = "";
    for (let c = 0; c < Math.min(firstFigure, line.length); c++) t += normalizeText(cellText(line[c]));
    return t;
  };
  for (let j = k + 1; j < rowIndices.length && block.length < 12; j++) {
    const r = rowIndices[j];
    if (r !== rowIndices[j - 1] + 1) break;
    const line = grid.values[r] ?? [];
    const figures = [cols.initialBudget, cols.budget, cols.executed].some((c) => c !== undefined && isFigureCell(line[c]));
    if (!figures) {
      if (line.every((v) => isBlank(v))) continue;
      // a 年度资金总额 row left blank, with its 其中 rows below
      if (block.length === 0 && TOTAL_LABEL_RE.test(labelText(line))) {
        block.push(r);
        continue;
      }
      break;
    }
    block.push(r);
    withFigures++;
  }
  if (withFigures === 0) return null;
  const labelOf = (r: number) => labelText(grid.values[r] ?? []);
  const total = block.find((r) => TOTAL_LABEL_RE.test(labelOf(r)) && !/^其中/.test(labelOf(r))) ?? block.find((r) => !SUB_LABEL_RE.test(labelOf(r))) ?? block[0];
  const messages: Message[] = [];
  const totalLine = grid.values[total] ?? [];
  let labelCol = 0;
  for (let c = 0; c < Math.min(firstFigure, totalLine.length); c++) if (!isBlank(totalLine[c])) labelCol = c;
  const cells: BudgetLine["cells"] = { row: a1(firstRow + total, firstCol + labelCol), initialBudget: null, budget: null, executed: null, points: null, rate: null, score: null };
  const values: Record<Field, number | null> = { initialBudget: null, budget: null, executed: null, points: null, rate: null, score: null };
  // 年度资金总额 left at 0 or blank while its 其中 rows carry the figures: the figures are used,
  // and the total row is said to be unfilled (docs/standard-forms.md)
  const parts = block.filter((r) => r !== total && SUB_LABEL_RE.test(labelOf(r)));
  const amountFields: Field[] = ["initialBudget", "budget", "executed"];
  const amountOf = (r: number, c: number): number => {
    const v = grid.values[r]?.[c];
    if (isBlank(v) || typeof v === "boolean") return 0;
    const q = parseQuantity(v, grid.numberFormats?.[r]?.[c]);
    return q.ok ? q.q.value : 0;
  };
  const totalEmpty = amountFields.every((f) => cols[f] === undefined || amountOf(total, cols[f] as number) === 0);
  const partsFilled = parts.length > 0 && amountFields.some((f) => cols[f] !== undefined && parts.some((r) => amountOf(r, cols[f] as number) !== 0));
  const fromParts = totalEmpty && partsFilled;
  for (const f of FIELDS) {
    const c = cols[f];
    if (c === undefined) continue;
    if (fromParts && amountFields.includes(f)) {
      const sum = new ExactSum();
      for (const r of parts) sum.add(amountOf(r, c));
      cells[f] = a1(firstRow + total, firstCol + c);
      values[f] = sum.value() === 0 ? null : sum.value();
      continue;
    }
    // 分值 / 执行率 / 得分 are often merged down the block: take the first filled one from the total row on
    let r = total;
    if (f === "points" || f === "rate" || f === "score") {
      const from = block.indexOf(total);
      const filled = block.slice(from).find((x) => !isBlank(grid.values[x]?.[c]));
      if (filled !== undefined) r = filled;
    }
    const address = a1(firstRow + r, firstCol + c);
    cells[f] = address;
    const v = grid.values[r]?.[c];
    values[f] = figure(v, grid.numberFormats?.[r]?.[c], f, address, messages);
  }
  if (fromParts) {
    messages.push(msg("budget_total_unfilled", { label: labelOf(total).replace(/[:：]$/, ""), budget: values.budget ?? values.initialBudget ?? "—", executed: values.executed ?? "—", rows: parts.map((r) => firstRow + r).join("、") }, cells.row ?? undefined));
  }
  const read: BudgetRead = {
    line: {
      initialBudget: values.initialBudget,
      budget: values.budget,
      executed: values.executed,
      points: values.points,
      statedRate: values.rate,
      statedScore: values.score,
      cells,
    },
    headerIndex: h,
    rowIndex: total,
    messages,
  };
  return { read, fields: FIELDS.filter((f) => cols[f] !== undefined).length };
}

const DASH_RE = /^(-|--|—|——|―|\/|\\|\*|无|空|不适用)$/;

/**
 * A cell of the block's figure columns: a number, a figure written as text, or a dash. A header
 * word (the indicator block's 三级指标 | 指标方向 | 计量单位 right under the block) is not one, so
 * the block ends there.
 */
function isFigureCell(v: CellValue): boolean {
  if (isBlank(v)) return false;
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const t = normalizeText(v);
  // digits, not a Chinese numeral: 三级指标 is a header word, not 3 of something
  return DASH_RE.test(t) || (/[0-9]/.test(t) && parseQuantity(v).ok);
}

/** One figure of the block: a number, a dash (null), or a message on its cell. Rates come back as fractions. */
function figure(v: CellValue, format: string | null | undefined, f: Field, cell: string, messages: Message[]): number | null {
  if (isBlank(v)) return null;
  if (typeof v === "string" && DASH_RE.test(normalizeText(v))) return null;
  const r = parseQuantity(v, format);
  if (!r.ok) {
    messages.push(msg("budget_cell_invalid", { text: cellText(v) }, cell));
    return null;
  }
  const q = r.q;
  if (f === "rate") {
    // exact: 95.83% is 0.9583, not 0.9582999999999999
    if (q.unit?.text === "%") return decToNumber(shiftDec(q.dec, -2));
    // 0.9981 in a General cell is a fraction; 99.81 is a percent
    return Math.abs(q.value) <= 1.5 ? q.value : decToNumber(shiftDec(q.dec, -2));
  }
  return q.value;
}

/** Half a unit of the last digit the stated rate was written with, as a fraction. */
export function statedRateTolerance(v: CellValue, format: string | null | undefined): number {
  const r = parseQuantity(v, format);
  if (!r.ok) return 0;
  let decimals = r.q.decimals;
  if (r.q.unit?.text !== "%" && Math.abs(r.q.value) <= 1.5) decimals -= 2; // a fraction: its digits are percent digits + 2
  // a number cell is seen as its format shows it (0.995987 in 0.00% reads 99.60%)
  if (typeof v === "number" && format && /%/.test(format)) {
    const shown = /\.(0+)/.exec(format.split(";")[0]);
    decimals = Math.min(decimals, shown ? shown[1].length : 0);
  }
  return Math.max(0.5 * Math.pow(10, -decimals) / 100, 1e-9);
}

export interface BudgetScored {
  line: BudgetLine;
  /** the points are known but the rate could not be worked out */
  undetermined: boolean;
  messages: Message[];
}

/**
 * Score a read block. `points` overrides a missing 分值 (the caller decides when the preset's
 * 预算执行 share applies); `cap` is the preset's budget-execution cap.
 */
export function scoreBudget(read: BudgetRead, grid: Grid, opts: { cap: boolean; scoreTolerance: number; pointsFromPreset: number | null; scoredInTable?: boolean }): BudgetScored {
  const messages: Message[] = [...read.messages];
  const l = read.line;
  const cells = l.cells;
  let points = l.points;
  if (points === null && opts.pointsFromPreset !== null) {
    points = opts.pointsFromPreset;
    messages.push(msg("budget_points_from_preset", { points }, cells.points ?? cells.row ?? undefined));
  } else if (points === null) {
    // budget execution scored as an indicator row instead: the block is shown, not scored twice
    messages.push(msg(opts.scoredInTable ? "budget_points_in_table" : "budget_points_missing", {}, cells.points ?? cells.row ?? undefined));
  }
  let base: number | null = null;
  if (l.budget !== null && l.budget > 0) base = l.budget;
  else if (l.initialBudget !== null && l.initialBudget > 0) {
    base = l.initialBudget;
    messages.push(msg("budget_initial_used", { initial: l.initialBudget }, cells.initialBudget ?? undefined));
  }
  let rate: number | null = null;
  if (base === null) messages.push(msg("budget_no_budget", {}, cells.budget ?? cells.initialBudget ?? undefined));
  else if (l.executed === null) messages.push(msg("budget_no_executed", {}, cells.executed ?? undefined));
  else rate = l.executed / base;
  // a figure a unit step off its siblings (1960000 元 in a 万元 block): no rate from it (docs/rules.md, "Magnitude")
  const slip = rate !== null ? budgetMagnitude(read, grid) : null;
  if (slip) {
    messages.push(slip);
    rate = null;
  }
  let score: number | null = null;
  if (rate !== null && points !== null) {
    const r = opts.cap ? Math.min(rate, 1) : rate;
    score = roundHalfUp(Math.max(0, r) * points, 2);
    if (rate > 1 && opts.cap) messages.push(msg("budget_capped", { ratio: `${roundHalfUp(rate * 100, 2)}%` }, cells.executed ?? undefined));
  }
  if (rate !== null && l.statedRate !== null && cells.rate) {
    const { r, c } = addressIndex(cells.rate, grid);
    const tol = statedRateTolerance(grid.values[r]?.[c], grid.numberFormats?.[r]?.[c]);
    // in percent: more is better for the form, so a stated rate above the computed one overstates
    const decimals = Math.max(0, Math.round(-Math.log10(tol * 200)));
    const severity = statedFigureSeverity(l.statedRate * 100, rate * 100, { tolerance: tol * 100 + 1e-10, decimals });
    if (severity) {
      messages.push(msg("budget_rate_differs", { stated: `${roundHalfUp(l.statedRate * 100, 4)}%`, computed: `${roundHalfUp(rate * 100, 2)}%` }, cells.rate, severity));
    }
  }
  if (score !== null && l.statedScore !== null) {
    const at = cells.score ? addressIndex(cells.score, grid) : null;
    const format = at ? grid.numberFormats?.[at.r]?.[at.c] : null;
    const severity = statedFigureSeverity(l.statedScore, score, { tolerance: opts.scoreTolerance, decimals: scoreDecimals(l.statedScore, format) });
    if (severity) messages.push(msg("budget_score_differs", { stated: l.statedScore, computed: score }, cells.score ?? undefined, severity));
  }
  if (points !== null && l.statedScore !== null && l.statedScore > points) {
    messages.push(msg("score_over_points", { score: l.statedScore, points }, cells.score ?? undefined));
  }
  return {
    line: { ...l, points, rate, score },
    undetermined: points !== null && points > 0 && score === null,
    messages,
  };
}

/** A1 → 0-based grid indices. */
export function addressIndex(address: string, grid: Grid): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return { r: -1, c: -1 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - (grid.firstRow ?? 1), c: col - (grid.firstCol ?? 1) };
}
