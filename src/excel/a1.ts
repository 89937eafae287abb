/**
 * Sheet-qualified A1 addresses as Excel returns them ("Sheet1!A1:B2", "'My Sheet'!C3"),
 * and rectangles. Rows and columns are 1-based, as Excel shows them.
 */
import { columnLetter, columnNumber, quoteSheet } from "../core/basics/address";

export { splitSheet } from "../core/basics/address";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Parse "A1", "$A$1:B2", "A:C" (whole columns) or "3:5" (whole rows); null when malformed. */
export function parseRect(range: string): Rect | null {
  const parts = range.trim().split(":");
  if (parts.length > 2 || parts.length === 0) return null;
  const ends = parts.map(parseEnd);
  if (ends.some((e) => e === null)) return null;
  const [a, b] = [ends[0]!, ends[ends.length - 1]!];
  if (a.kind !== b.kind) return null;
  if (a.kind === "col" && parts.length === 1) return null;
  if (a.kind === "row" && parts.length === 1) return null;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? MAX_ROWS;
  const c1 = a.col ?? 1;
  const c2 = b.col ?? MAX_COLS;
  const rect = { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  if (rect.r1 < 1 || rect.c1 < 1 || rect.r2 > MAX_ROWS || rect.c2 > MAX_COLS) return null;
  return rect;
}

type End = { kind: "cell" | "col" | "row"; row?: number; col?: number };

function parseEnd(s: string): End | null {
  let m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(s);
  if (m) return { kind: "cell", col: columnNumber(m[1]), row: parseInt(m[2], 10) };
  m = /^\$?([A-Za-z]{1,3})$/.exec(s);
  if (m) return { kind: "col", col: columnNumber(m[1]) };
  m = /^\$?(\d+)$/.exec(s);
  if (m) return { kind: "row", row: parseInt(m[1], 10) };
  return null;
}

export function rectA1(r: Rect): string {
  const a = `${columnLetter(r.c1)}${r.r1}`;
  const b = `${columnLetter(r.c2)}${r.r2}`;
  return a === b ? a : `${a}:${b}`;
}

export function qualified(sheet: string, r: Rect | string): string {
  return `${quoteSheet(sheet)}!${typeof r === "string" ? r : rectA1(r)}`;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) };
  return r.r1 > r.r2 || r.c1 > r.c2 ? null : r;
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
