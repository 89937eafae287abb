/**
 * The preview's first sheet: a 绩效自评表 laid out as finance staff paste it (title block, merged
 * level cells, 分值/得分/偏差原因, a 合计 row), with figures from the Jiangmen 2023 report
 * (test/fixtures/jiangmen-2023-indicators.json) and the messy forms real pastes have: full-width
 * digits, a ratio typed as a number formatted 0.00%, words for numbers, an error value.
 */
import SAMPLE from "../../samples/indicators-sample.json";
import type { CellValue } from "../core/basics/grid";

export interface SampleSheet {
  name: string;
  values: CellValue[][];
  /** same shape as values where given; missing rows or cells are General */
  numberFormats: (string | null)[][];
  merges: string[];
  /** column letter → width in points */
  widths: Record<string, number>;
  /** header cells shaded as a user would */
  headerFill?: { range: string; color: string };
}

export const INDICATOR_SHEET = "绩效自评表";

// the same table as samples/indicators-sample.xlsx (scripts/make-samples.js): one source for both
const { header: HEADER, rows: ROWS, total: TOTAL, title: TITLE, subtitle: SUBTITLE } = SAMPLE as { header: string[]; rows: CellValue[][]; total: CellValue[]; title: string; subtitle: string };

const HEADER_ROW = 4;

export function indicatorSample(): SampleSheet {
  const first = HEADER_ROW + 1;
  const values: CellValue[][] = [
    [TITLE],
    [SUBTITLE],
    [],
    HEADER,
    ...ROWS,
    TOTAL,
  ];
  // a completion typed as a ratio in the 实际完成值 column, shown as a percentage
  const numberFormats = values.map((row, i) => row.map((v, j) => (i >= HEADER_ROW && j === 4 && typeof v === "number" ? "0.00%" : null)));
  // merged level cells, as in the report forms (rows are sheet rows)
  const merges = ["A1:H1", `A${first + 1}:A${first + 8}`, `B${first + 1}:B${first + 5}`, `B${first + 6}:B${first + 7}`, `A${first + 9}:A${first + 11}`, `B${first + 9}:B${first + 10}`];
  const chars = [8, 10, 24, 11, 18, 5, 5, 20];
  const widths = Object.fromEntries(chars.map((c, i) => [String.fromCharCode(65 + i), Math.round(c * 6.5)]));
  return { name: INDICATOR_SHEET, values, numberFormats, merges, widths, headerFill: { range: `A${HEADER_ROW}:H${HEADER_ROW}`, color: "#DDEBF7" } };
}
