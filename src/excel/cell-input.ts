/**
 * Plan cells as Excel input. Excel reads a string assigned to `values` as if it were typed:
 * "=x" becomes a formula, "+1" a number, "1/2" a date. A plan string is always text (docs/rules.md §9),
 * so any string Excel could read as something else gets the quote prefix "'", which Excel
 * stores as text without the apostrophe. Formulas are only ever written from `{ formula }`.
 */
import { PlanCell, needsQuotePrefix } from "../core/basics/write-plan";

export function toExcelInput(cell: PlanCell): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "string") return cell !== "" && needsQuotePrefix(cell) ? `'${cell}` : cell;
  const f = cell.formula.trim();
  return f.startsWith("=") ? f : `=${f}`;
}
