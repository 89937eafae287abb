/** A1-style addresses. Rows and columns here are 1-based, as Excel shows them. */
export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeA1(row1: number, col1: number, row2: number, col2: number): string {
  const a = a1(row1, col1);
  const b = a1(row2, col2);
  return a === b ? a : `${a}:${b}`;
}

export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  return { col: columnNumber(m[1]), row: parseInt(m[2], 10) };
}

/** Quote a sheet name for a formula reference: 'My Sheet'!A1. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Split "Sheet1!A1:B2" / "'My ''x'' Sheet'!A1" into the sheet name and the range part.
 * The last "!" splits: a quoted sheet name may hold "!" itself, a cell reference never does. */
export function splitSheet(address: string): { sheet: string | null; range: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, range: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: address.slice(bang + 1) };
}

/** A cell reference qualified by its sheet, unless it already is: "'My Sheet'!B5". */
export function qualifyCell(sheet: string, cell: string): string {
  return splitSheet(cell).sheet !== null ? cell : `${quoteSheet(sheet)}!${cell}`;
}
