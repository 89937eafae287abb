/**
 * What a cell shows, roughly as Excel does: the formats the add-in and the samples use (0.00%,
 * 0%, 0.00, #,##0.00, @) exactly, anything else by its decimals and percent sign, General with
 * up to 11 significant digits.
 */
import { type CellValue, EXCEL_ERRORS } from "../core/basics/grid";

function groupThousands(s: string): string {
  return s.replace(/^(-?\d+)/, (d) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}

function general(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) return n.toExponential(5).replace(/\.?0+e/, "E").replace(/E(\d)/, "E+$1");
  return String(Number(n.toPrecision(11)));
}

export function displayText(value: CellValue, numberFormat?: string | null): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = numberFormat && numberFormat !== "General" ? numberFormat.split(";")[0] : "";
  if (!format || format === "@") return general(value);
  const decimals = /0\.(0+)/.exec(format)?.[1].length ?? 0;
  const percent = format.includes("%");
  const fixed = (percent ? value * 100 : value).toFixed(decimals);
  const grouped = format.includes("#,##") ? groupThousands(fixed) : fixed;
  return percent ? `${grouped}%` : grouped;
}

export type Alignment = "left" | "right" | "center";

/** Excel's default alignment: numbers right, logical values and errors centred, text left. */
export function alignmentOf(value: CellValue): Alignment {
  if (typeof value === "number") return "right";
  if (typeof value === "boolean") return "center";
  if (typeof value === "string" && EXCEL_ERRORS.has(value)) return "center";
  return "left";
}
