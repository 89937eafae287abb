/**
 * Formulas as Excel computes them, with fast-formula-parser (MIT), for the in-memory workbook
 * and the tests: a formula Excel would reject (unbalanced, a dangling operator) is a syntax
 * error; any other formula gets a value, an Excel error such as "#DIV/0!" included, so the
 * preview shows computed ratios and tests compare computed values (docs/excel-platform.md).
 */
import FormulaParser, { type CellRef, type FunctionArg, type RangeRef } from "fast-formula-parser";

export type FormulaValue = number | string | boolean | null;

/** A cell's value by its sheet (null: the formula's own sheet), 1-based row and column; null when blank. */
export type FormulaLookup = (sheet: string | null, row: number, col: number) => FormulaValue;

const { FormulaError } = FormulaParser;
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);
/** Where a formula is computed when its own cell does not matter (the formula names its cells). */
const NOWHERE = "\u0000";

function argText(a: FunctionArg | undefined, fallback: string): string {
  if (a === undefined || a.value === null || a.value === undefined) return fallback;
  return String(a.value);
}

/**
 * NUMBERVALUE as Excel computes it: spaces ignored, group separators before the decimal separator
 * dropped (the library keeps only the first and refuses 1,200,000), trailing % divide by 100,
 * anything else is #VALUE!.
 */
function numberValue(text: FunctionArg, decimal?: FunctionArg, group?: FunctionArg): number | InstanceType<typeof FormulaError> {
  const raw = argText(text, "").replace(/\s+/g, "");
  const d = argText(decimal, ".")[0] ?? ".";
  const g = argText(group, ",")[0] ?? ",";
  if (raw === "") return 0;
  const pct = /%+$/.exec(raw)?.[0].length ?? 0;
  const body = raw.slice(0, raw.length - pct);
  const at = body.indexOf(d);
  const whole = at < 0 ? body : body.slice(0, at);
  const frac = at < 0 ? "" : body.slice(at + 1);
  if (frac.includes(g) || frac.includes(d)) return new FormulaError("#VALUE!");
  const plain = whole.split(g).join("") + (at < 0 ? "" : `.${frac}`);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(plain)) return new FormulaError("#VALUE!");
  return Number(plain) / 100 ** pct;
}

/** The values of SUBTOTAL's references, in order (a blank cell is null). */
function referenced(args: FunctionArg[]): unknown[] {
  return args.flatMap((a) => (Array.isArray(a.value) ? (a.value as unknown[]).flatMap((row) => (Array.isArray(row) ? row : [row])) : [a.value]));
}

const sampleVariance = (xs: number[], population: boolean): number | null => {
  const n = xs.length;
  if (n < (population ? 1 : 2)) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (population ? n : n - 1);
};

/**
 * SUBTOTAL(function_num, ref…) as Excel computes it: 1–11 and 101–111 (the 1xx forms also leave
 * out rows hidden by hand; the in-memory workbook hides no rows, so both read alike). Numbers of
 * the references count, text and TRUE / FALSE in them do not (COUNTA counts every non-blank); an
 * error in a reference is the result. 核对汇总's totals are SUBTOTAL(109, …) (docs/review.md).
 */
function subtotal(fn: FunctionArg, ...refs: FunctionArg[]): unknown {
  const code = Number(fn.value);
  const kind = code > 100 ? code - 100 : code;
  if (!Number.isInteger(code) || kind < 1 || kind > 11 || refs.length === 0) return new FormulaError("#VALUE!");
  const values = referenced(refs);
  const error = values.find((v) => v instanceof FormulaError);
  if (error) return error;
  if (kind === 3) return values.filter((v) => v !== null && v !== undefined && v !== "").length;
  const xs = values.filter((v): v is number => typeof v === "number");
  const sum = xs.reduce((a, b) => a + b, 0);
  const root = (v: number | null) => (v === null ? new FormulaError("#DIV/0!") : Math.sqrt(v));
  switch (kind) {
    case 1:
      return xs.length ? sum / xs.length : new FormulaError("#DIV/0!");
    case 2:
      return xs.length;
    case 4:
      return xs.length ? Math.max(...xs) : 0;
    case 5:
      return xs.length ? Math.min(...xs) : 0;
    case 6:
      return xs.length ? xs.reduce((a, b) => a * b, 1) : 0;
    case 7:
      return root(sampleVariance(xs, false));
    case 8:
      return root(sampleVariance(xs, true));
    case 9:
      return sum;
    case 10:
      return sampleVariance(xs, false) ?? new FormulaError("#DIV/0!");
    default:
      return sampleVariance(xs, true) ?? new FormulaError("#DIV/0!");
  }
}

/**
 * Functions the outputs write that the library does not compute: HYPERLINK (Excel shows its
 * friendly name, else the link), SUBTOTAL (核对汇总's totals) and NUMBERVALUE as Excel reads it
 * (the data-item values' formulas). test/memory-excel checks every
 * function the core and the adapter write is computed.
 */
const EXTRA_FUNCTIONS = {
  HYPERLINK: (link: FunctionArg, name?: FunctionArg) => (name === undefined ? link.value : name.value),
  SUBTOTAL: subtotal,
  NUMBERVALUE: numberValue,
};

function toParser(v: FormulaValue): unknown {
  if (typeof v === "string" && ERROR_VALUES.has(v)) return new FormulaError(v);
  return v;
}

/** A parse failure (chevrotain's report has a token and where it stopped), not a failing function. */
function isSyntaxError(e: unknown): boolean {
  if (!(e instanceof FormulaError)) return false;
  const details = e.details as { token?: unknown; errorLocation?: unknown } | undefined;
  return details !== undefined && details !== null && (details.token !== undefined || details.errorLocation !== undefined);
}

function body(formula: string): string {
  const f = formula.trim();
  return f.startsWith("=") ? f.slice(1) : f;
}

function scalar(v: unknown): FormulaValue {
  if (v instanceof FormulaError) return v.error;
  if (Array.isArray(v)) return scalar(Array.isArray(v[0]) ? v[0][0] : v[0]);
  if (v === null || v === undefined) return 0; // a formula pointing at a blank cell shows 0
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "string" || typeof v === "boolean") return v;
  return "#VALUE!";
}

/** A bare name in the formula (not a function, a sheet, a cell, TRUE or FALSE), which Excel shows as #NAME?. */
function undefinedName(f: string): boolean {
  const bare = f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "");
  for (const m of bare.matchAll(/[\p{L}_\\][\p{L}\p{N}_.]*/gu)) {
    const next = bare.slice((m.index ?? 0) + m[0].length).trimStart()[0];
    const before = bare[(m.index ?? 0) - 1];
    if (next === "(" || next === "!" || (before !== undefined && /[\p{L}\p{N}_.$]/u.test(before))) continue;
    if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(m[0]) || /^[A-Za-z]{1,3}$/.test(m[0]) && /[:$]/.test(bare) || /^(TRUE|FALSE)$/i.test(m[0])) continue;
    return true;
  }
  return false;
}

/** Why Excel would refuse this formula, or null when it is well-formed. */
export function formulaSyntaxError(formula: string): string | null {
  try {
    evaluateFormula(formula, () => null);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

interface Frame {
  lookup: FormulaLookup;
  own: string;
  sheet: string | null;
}

/** Parsers are costly to build: one per depth of formulas computing other formulas' cells. */
const parsers: FormulaParser[] = [];
const frames: Frame[] = [];

function parserAt(depth: number): FormulaParser {
  while (parsers.length <= depth) {
    const d = parsers.length;
    const cell = (sheet: string, row: number, col: number) => {
      const f = frames[d];
      return toParser(f.lookup(sheet === f.own ? f.sheet : sheet === NOWHERE ? null : sheet, row, col));
    };
    parsers.push(
      new FormulaParser({
        onCell: (ref: CellRef) => cell(ref.sheet, ref.row, ref.col),
        onRange: (ref: RangeRef) => {
          const rows: unknown[][] = [];
          for (let r = ref.from.row; r <= ref.to.row; r++) {
            const row: unknown[] = [];
            for (let c = ref.from.col; c <= ref.to.col; c++) row.push(cell(ref.sheet, r, c));
            rows.push(row);
          }
          return rows;
        },
        functions: EXTRA_FUNCTIONS,
      }),
    );
  }
  return parsers[depth];
}

/**
 * The value Excel shows for a formula; errors come back as their strings ("#DIV/0!"). `at` is
 * the formula's own cell, for references without a sheet.
 */
export function evaluateFormula(formula: string, lookup: FormulaLookup, at: { sheet?: string; row?: number; col?: number } = {}): FormulaValue {
  const f = body(formula);
  const depth = frames.length;
  const own = at.sheet ?? NOWHERE;
  frames.push({ lookup, own, sheet: at.sheet ?? null });
  try {
    const value = scalar(parserAt(depth).parse(f, { sheet: own, row: at.row ?? 1, col: at.col ?? 1 }));
    // a name the workbook does not define (the memory workbook's names refer to no cells): #NAME?
    return undefinedName(f) ? "#NAME?" : value;
  } catch (e) {
    if (isSyntaxError(e)) throw new Error(`malformed formula ${formula}`);
    // a function the library lacks: Excel would know it, so the value is unknown here
    return e instanceof FormulaError && /not implemented/.test(e.message) ? "#NAME?" : "#VALUE!";
  } finally {
    frames.pop();
  }
}
