/**
 * The in-memory workbook computes every function the outputs write (docs/excel-platform.md), so
 * the preview shows values, never #NAME?: SUBTOTAL in 核对汇总's totals, HYPERLINK in the links,
 * IFERROR in the audit's ratios, IF / AND / ISNUMBER / COUNT / SUM in the comparison sheets. The
 * list of functions is read from the sources that write formulas, so a new one cannot slip by.
 */
import fs from "fs";
import path from "path";
import { evaluateFormula, type FormulaValue } from "../../src/memory-excel/formulas";

/** A1:B4 — A: 10, 20, 5, (blank); B: "x", 0, 2.5, TRUE */
const CELLS: Record<string, FormulaValue> = { A1: 10, A2: 20, A3: 5, B1: "x", B2: 0, B3: 2.5, B4: true };
const lookup = (_sheet: string | null, row: number, col: number): FormulaValue => CELLS[`${String.fromCharCode(64 + col)}${row}`] ?? null;

const CASES: Array<[string, FormulaValue]> = [
  // SUBTOTAL with and without hidden rows (1xx), the summary's 109 first
  ["=SUBTOTAL(109,A1:A4)", 35],
  ["=SUBTOTAL(9,A1:A4)", 35],
  ["=SUBTOTAL(101,A1:A4)", 35 / 3],
  ["=SUBTOTAL(1,A1:A3)", 35 / 3],
  ["=SUBTOTAL(102,A1:B4)", 5],
  ["=SUBTOTAL(2,A1:B4)", 5],
  ["=SUBTOTAL(103,A1:B4)", 7],
  ["=SUBTOTAL(104,A1:A4)", 20],
  ["=SUBTOTAL(105,A1:A4)", 5],
  ["=SUBTOTAL(106,A1:A3)", 1000],
  ["=SUBTOTAL(109,A1:A2,A3)", 35],
  ["=SUBTOTAL(110,A1:A3)", 58.333333333333336],
  ["=SUBTOTAL(12,A1:A4)", "#VALUE!"],
  ["=SUBTOTAL(109,B1:B4)", 2.5],
  // links show their friendly name, else the link
  ['=HYPERLINK("#\'收支情况\'!D6","D6")', "D6"],
  ['=HYPERLINK("#Sheet1!A1")', "#Sheet1!A1"],
  // the audit's ratios
  ['=IFERROR(A1/A2,"—")', 0.5],
  ['=IFERROR(A1/B2,"—")', "—"],
  ['=IFERROR((A2-A1)/A1,"—")', 1],
  // the comparison sheets
  ['=IF(AND(ISNUMBER(A1),ISNUMBER(A2),A2<>0),A1/A2,"—")', 0.5],
  ['=IF(AND(ISNUMBER(A1),ISNUMBER(B1)),A1-B1,"—")', "—"],
  ['=IF(COUNT(A1:A4)>0,SUM(A1:A4),"—")', 35],
  ['=IF(COUNT(B1:B2)>0,SUM(B1:B2),"—")', 0],
  // the data-item values (docs/form-families.md): words cut off with MID, the number read with NUMBERVALUE as Excel reads it
  ['=IFERROR(NUMBERVALUE(MID("参训人数1,380人",5,LEN("参训人数1,380人")-5),".",",")/A1,"")', 138],
  ['=NUMBERVALUE("1,200,000",".",",")', 1200000],
  ['=NUMBERVALUE("12.5%")', 0.125],
  ['=NUMBERVALUE("1380人")', "#VALUE!"],
  ['=NUMBERVALUE("1.2.3")', "#VALUE!"],
];

describe("functions the outputs write, computed in the in-memory workbook", () => {
  test.each(CASES)("%s → %p", (formula, expected) => {
    const got = evaluateFormula(formula, lookup, { sheet: "S", row: 10, col: 10 });
    if (typeof expected === "number") expect(got).toBeCloseTo(expected, 10);
    else expect(got).toBe(expected);
  });

  test("every function named in a formula the core or the adapter writes is computed, none is #NAME?", () => {
    const root = path.resolve(__dirname, "..", "..", "src");
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir).flatMap((f) => (fs.statSync(path.join(dir, f)).isDirectory() ? walk(path.join(dir, f)) : f.endsWith(".ts") ? [path.join(dir, f)] : []));
    const files = ["core", "excel"].flatMap((d) => walk(path.join(root, d)));
    const names = new Set<string>();
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      // formulas are written in strings and template literals: `IFERROR(${…}/…` / "=SUBTOTAL(109,…"
      for (const literal of text.matchAll(/`[^`]*`|"(?:[^"\\\n]|\\.)*"/g)) for (const m of literal[0].matchAll(/(?<![A-Za-z0-9_.$])([A-Z][A-Z0-9.]+)\(/g)) names.add(m[1]);
    }
    expect([...names].sort()).toEqual(expect.arrayContaining(["AND", "COUNT", "HYPERLINK", "IF", "IFERROR", "ISNUMBER", "SUBTOTAL", "SUM"]));
    const unknown = [...names].filter((n) => {
      const args = n === "HYPERLINK" ? '"#A1","a"' : n === "SUBTOTAL" ? "9,A1:A3" : n === "IF" ? "TRUE,1,2" : "A1:A3";
      return evaluateFormula(`=${n}(${args})`, lookup) === "#NAME?";
    });
    expect(unknown).toEqual([]);
  });
});
