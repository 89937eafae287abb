/**
 * Functions Excel added after Excel 2007 are stored in the file with an `_xlfn.` prefix
 * (`_xlfn.NUMBERVALUE(…)`); written without it, Excel and LibreOffice show #NAME? on opening
 * (docs/write-back.md, "Formulas in the file"). The add-in writes the plain name through office.js,
 * which stores the prefix itself; the CLI writes the file, so it adds the prefix here.
 */
const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE", "BINOM.DIST", "CEILING.MATH", "CONCAT", "COVARIANCE.P", "COVARIANCE.S", "DAYS",
  "FILTER", "FLOOR.MATH", "FORMULATEXT", "IFNA", "IFS", "ISFORMULA", "ISOWEEKNUM", "LET", "MAXIFS",
  "MINIFS", "MODE.SNGL", "NETWORKDAYS.INTL", "NORM.DIST", "NORM.INV", "NUMBERVALUE", "PERCENTILE.EXC",
  "PERCENTILE.INC", "QUARTILE.EXC", "QUARTILE.INC", "RANK.AVG", "RANK.EQ", "SEQUENCE", "SHEET", "SHEETS",
  "SORT", "SORTBY", "STDEV.P", "STDEV.S", "SWITCH", "TEXTJOIN", "UNICHAR", "UNICODE", "UNIQUE", "VAR.P",
  "VAR.S", "WORKDAY.INTL", "XLOOKUP", "XMATCH", "XOR",
]);

/** The formula as stored in a file: future functions prefixed, string literals left alone. */
export function fileFormula(formula: string): string {
  // split on string literals ("…" with "" inside) so a function name inside quotes is not touched
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/g, (name: string, at: number) =>
            FUTURE_FUNCTIONS.has(name.toUpperCase()) && !/[A-Za-z0-9_.]/.test(part.charAt(at - 1)) ? `_xlfn.${name}` : name,
          ),
    )
    .join("");
}
