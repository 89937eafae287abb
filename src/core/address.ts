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
