/**
 * A tiny spreadsheet-formula evaluator for the forms the comparison sheets emit: cell refs and
 * ranges, numbers and "strings", + − × ÷, comparisons (<>, =, <, >, <=, >=), IF, AND, ISNUMBER,
 * COUNT, SUM. Errors are thrown as Excel error strings (#DIV/0!, #VALUE!).
 */
import { parseA1 } from "../../src/core/address";

export type Scalar = number | string | boolean | null;
type Value = Scalar | Scalar[];

/** Resolves a cell (1-based row, col) to its value, evaluating formula cells as needed. */
export type CellLookup = (row: number, col: number) => Scalar;

type Token = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; v: string } | { t: "id"; v: string } | { t: "op"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: "str", v: s });
    } else if (/[0-9.]/.test(ch)) {
      const m = /^\d*\.?\d+(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new Error(`bad number at ${i}`);
      out.push({ t: "num", v: parseFloat(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z$]/.test(ch)) {
      const m = /^\$?[A-Za-z]+\$?\d+(?::\$?[A-Za-z]+\$?\d+)?/.exec(src.slice(i));
      const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
      if (m && (!id || m[0].length >= id[0].length)) {
        out.push({ t: "ref", v: m[0].replace(/\$/g, "").toUpperCase() });
        i += m[0].length;
      } else if (id) {
        out.push({ t: "id", v: id[0].toUpperCase() });
        i += id[0].length;
      } else throw new Error(`bad token at ${i}`);
    } else {
      const two = src.slice(i, i + 2);
      if (two === "<>" || two === "<=" || two === ">=") {
        out.push({ t: "op", v: two });
        i += 2;
      } else if ("+-*/(),=<>:".includes(ch)) {
        out.push({ t: "op", v: ch });
        i++;
      } else throw new Error(`unexpected ${ch} in ${src}`);
    }
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; row: number; col: number }
  | { k: "range"; r1: number; c1: number; r2: number; c2: number }
  | { k: "call"; name: string; args: Node[] }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "neg"; a: Node };

function parse(src: string): Node {
  const toks = tokenize(src.replace(/^=/, ""));
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === "op" && peek().v === v;
  const nextOp = (): string => {
    const t = toks[p++];
    if (t.t !== "op") throw new Error(`expected an operator in ${src}`);
    return t.v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v} in ${src}`);
    p++;
  };
  const comparison = (): Node => {
    let a = additive();
    while (["=", "<>", "<", ">", "<=", ">="].some(isOp)) {
      const op = nextOp();
      a = { k: "bin", op, a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = term();
    while (isOp("+") || isOp("-")) {
      const op = nextOp();
      a = { k: "bin", op, a, b: term() };
    }
    return a;
  };
  const term = (): Node => {
    let a = unary();
    while (isOp("*") || isOp("/")) {
      const op = nextOp();
      a = { k: "bin", op, a, b: unary() };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp("-")) {
      p++;
      return { k: "neg", a: unary() };
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Error(`unexpected end of ${src}`);
    if (t.t === "num") return { k: "lit", v: t.v };
    if (t.t === "str") return { k: "lit", v: t.v };
    if (t.t === "ref") {
      const [a, b] = t.v.split(":");
      const x = parseA1(a);
      const y = parseA1(b ?? a);
      if (!x || !y) throw new Error(`bad ref ${t.v}`);
      return b ? { k: "range", r1: x.row, c1: x.col, r2: y.row, c2: y.col } : { k: "ref", row: x.row, col: x.col };
    }
    if (t.t === "id") {
      if (t.v === "TRUE" || t.v === "FALSE") return { k: "lit", v: t.v === "TRUE" };
      expect("(");
      const args: Node[] = [];
      if (!isOp(")")) {
        args.push(comparison());
        while (isOp(",")) {
          p++;
          args.push(comparison());
        }
      }
      expect(")");
      return { k: "call", name: t.v, args };
    }
    if (t.v === "(") {
      const e = comparison();
      expect(")");
      return e;
    }
    throw new Error(`unexpected ${t.v} in ${src}`);
  };
  const node = comparison();
  if (p !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return node;
}

function num(v: Value): number {
  if (Array.isArray(v)) throw "#VALUE!";
  if (typeof v === "number") return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw "#VALUE!";
}

function scalar(v: Value): Scalar {
  if (Array.isArray(v)) throw "#VALUE!";
  return v;
}

/** A condition: numbers and booleans; text is #VALUE!, as in Excel. */
function truthy(v: Scalar): boolean {
  if (typeof v === "string") throw "#VALUE!";
  return Boolean(v);
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  const x = a ?? 0;
  const y = b ?? 0;
  const c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === "number" ? -1 : 1;
  return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] as boolean;
}

function evalNode(n: Node, cell: CellLookup): Value {
  switch (n.k) {
    case "lit":
      return n.v;
    case "ref":
      return cell(n.row, n.col);
    case "range": {
      const out: Scalar[] = [];
      for (let r = n.r1; r <= n.r2; r++) for (let c = n.c1; c <= n.c2; c++) out.push(cell(r, c));
      return out;
    }
    case "neg":
      return -num(evalNode(n.a, cell));
    case "bin": {
      const a = evalNode(n.a, cell);
      const b = evalNode(n.b, cell);
      if (["=", "<>", "<", ">", "<=", ">="].includes(n.op)) return compare(n.op, scalar(a), scalar(b));
      const x = num(a);
      const y = num(b);
      if (n.op === "+") return x + y;
      if (n.op === "-") return x - y;
      if (n.op === "*") return x * y;
      if (y === 0) throw "#DIV/0!";
      return x / y;
    }
    case "call": {
      const args = n.args;
      switch (n.name) {
        case "IF": {
          return truthy(scalar(evalNode(args[0], cell))) ? evalNode(args[1], cell) : args.length > 2 ? evalNode(args[2], cell) : false;
        }
        case "AND":
          return args.every((a) => {
            const v = evalNode(a, cell);
            return (Array.isArray(v) ? v : [v]).every((x) => x === null || truthy(x));
          });
        case "ISNUMBER": {
          const v = evalNode(args[0], cell);
          return typeof v === "number";
        }
        case "COUNT":
          return args.flatMap((a) => {
            const v = evalNode(a, cell);
            return Array.isArray(v) ? v : [v];
          }).filter((x) => typeof x === "number").length;
        case "SUM":
          return args
            .flatMap((a) => {
              const v = evalNode(a, cell);
              return Array.isArray(v) ? v : [v];
            })
            .reduce<number>((s, x) => (typeof x === "number" ? s + x : s), 0);
        default:
          throw new Error(`unsupported function ${n.name}`);
      }
    }
  }
}

/** Evaluate a formula (with or without the leading =). Excel errors come back as their strings. */
export function evaluateFormula(formula: string, cell: CellLookup): Scalar {
  const ast = parse(formula);
  try {
    return scalar(evalNode(ast, cell));
  } catch (e) {
    if (typeof e === "string" && e.startsWith("#")) return e;
    throw e;
  }
}
