/**
 * LibreOffice is not available to recalculate written workbooks, so the tests evaluate the
 * few formula shapes the audit writes: IFERROR(expr,"—") over cell references (optionally
 * sheet-qualified, with $), numbers, + − × ÷ and brackets.
 */
import { parseA1 } from "../../src/core/basics/address";

export type Lookup = (sheet: string | null, row: number, col: number) => unknown;

class FormulaError extends Error {}

export function evaluateFormula(formula: string, lookup: Lookup): number | string {
  const src = formula.replace(/^=/, "");
  let i = 0;
  const peek = () => src[i];
  const eat = (s: string) => {
    if (src.startsWith(s, i)) {
      i += s.length;
      return true;
    }
    return false;
  };
  const expect = (s: string) => {
    if (!eat(s)) throw new Error(`expected ${s} at ${i} in ${src}`);
  };
  const expr = (): number => {
    let v = term();
    for (;;) {
      if (eat("+")) v += term();
      else if (eat("-")) v -= term();
      else return v;
    }
  };
  const term = (): number => {
    let v = factor();
    for (;;) {
      if (eat("*")) v *= factor();
      else if (eat("/")) {
        const d = factor();
        if (d === 0) throw new FormulaError("#DIV/0!");
        v /= d;
      } else return v;
    }
  };
  const factor = (): number => {
    if (eat("-")) return -factor();
    if (eat("(")) {
      const v = expr();
      expect(")");
      return v;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return parseFloat(num[0]);
    }
    const ref = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+)/.exec(src.slice(i));
    if (!ref) throw new Error(`cannot read ${src.slice(i)} in ${src}`);
    i += ref[0].length;
    const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2] ?? null;
    const at = parseA1(ref[3].replace(/\$/g, ""));
    if (!at) throw new Error(`bad reference ${ref[3]}`);
    const v = lookup(sheet, at.row, at.col);
    if (typeof v === "number") return v;
    if (v === null || v === undefined || v === "") return 0;
    throw new FormulaError("#VALUE!");
  };
  const iferror = /^IFERROR\((.*),"([^"]*)"\)$/.exec(src);
  if (iferror) {
    const inner = iferror[1];
    try {
      return evaluateFormula(inner, lookup);
    } catch (e) {
      if (e instanceof FormulaError) return iferror[2];
      throw e;
    }
  }
  const v = expr();
  if (i !== src.length || peek() !== undefined) throw new Error(`trailing input in ${src}`);
  return v;
}
