/**
 * The hand-derived verdicts of the seed reports' indicators (test/fixtures/*-indicators.json),
 * laid out as the indicator tables finance staff paste in.
 */
import guangdong from "../fixtures/guangdong-2023-indicators.json";
import jiangmen from "../fixtures/jiangmen-2023-indicators.json";
import { CellValue } from "../../src/core/basics/grid";
import { displayText, normalizeText } from "../../src/core/basics/normalize-text";
import { RowResult } from "../../src/core/indicators/results";
import { codes, grid, validate } from "./helpers";

interface Expected {
  status: string;
  op: string;
  targetValue: number | null;
  targetUnit: string | null;
  actualValue: number | null;
  actualUnit: string | null;
  implicit: boolean;
}
interface SeedRow {
  no: number;
  name: string;
  nameAsWritten: string;
  target: string;
  actual: string;
  expected: Expected;
}

const QUANTITATIVE_OPS = new Set(["ge", "le", "eq", "gt", "lt", "between", "approx"]);
const HEADER = ["序号", "三级指标", "年度指标值", "实际完成值"];

/** Results by fixture row number; the table starts in row 1, so fixture row i sits in sheet row i + 1. */
function run(rows: SeedRow[], cells: (r: SeedRow) => CellValue[], formats?: (r: SeedRow) => (string | null)[]): Map<number, RowResult> {
  const g = grid([HEADER, ...rows.map(cells)]);
  if (formats) g.numberFormats = [[], ...rows.map(formats)];
  const { result } = validate(g);
  expect(result.rows).toHaveLength(rows.length);
  return new Map(result.rows.map((r) => [r.row - 1, r]));
}

function expectVerdict(r: RowResult | undefined, e: Expected) {
  expect(r).toBeDefined();
  if (!r) return;
  expect(r.status).toBe(e.status);
  expect(r.target.op).toBe(e.op);
  expect(r.target.value).toBe(e.targetValue);
  expect(r.target.unit).toBe(e.targetUnit === null ? null : normalizeText(e.targetUnit));
  expect(r.target.implicit).toBe(e.implicit);
  expect(r.actual.value).toBe(e.actualValue);
  if (e.actualValue !== null) expect(r.actual.unit).toBe(e.actualUnit === null ? null : normalizeText(e.actualUnit));
  if (r.status === "invalid") expect(r.messages.some((m) => m.severity === "error")).toBe(true);
}

/** A percentage as Excel stores it: 98.22% is the number 0.9822 in a 0.00% cell. */
function asPercentCell(text: string): { value: CellValue; format: string | null } {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(text);
  if (!m) return { value: text, format: null };
  const decimals = m[1].split(".")[1]?.length ?? 0;
  return { value: Number(`${m[1]}e-2`), format: decimals ? `0.${"0".repeat(decimals)}%` : "0%" };
}

describe.each([
  ["jiangmen-2023", jiangmen.rows as SeedRow[]],
  ["guangdong-2023", guangdong.rows as SeedRow[]],
])("%s", (_department, rows) => {
  const cases = rows.map((r) => [r.no, r.nameAsWritten, r] as const);

  describe("target and actual in their own columns, as written", () => {
    const results = run(rows, (r) => [r.no, r.name, r.target, r.actual]);
    test.each(cases)("row %d %s", (no, _name, r) => {
      expectVerdict(results.get(no), r.expected);
    });
  });

  describe("target embedded in the name (blank target column)", () => {
    const results = run(rows, (r) => [r.no, r.nameAsWritten, "", r.actual]);
    test.each(cases)("row %d %s", (no, _name, r) => {
      const got = results.get(no);
      if (QUANTITATIVE_OPS.has(r.expected.op)) {
        // the name carries the figure: split it off and reach the same verdict
        expectVerdict(got, r.expected);
        expect(normalizeText(got?.name ?? "")).toBe(normalizeText(r.name));
        expect(got && codes(got)).toContain("target_from_name");
      } else {
        // a wording target (普遍开展门诊统筹) cannot be told apart from the name: no target
        expect(got?.status).toBe("not_applicable");
        // names come back as written (no folding of full-width punctuation)
        expect(got?.name).toBe(displayText(r.nameAsWritten));
      }
    });
  });

  describe("percentages as Excel numbers in 0.00% cells", () => {
    const percentRows = rows.filter((r) => /^\d+(?:\.\d+)?%$/.test(r.actual));
    const results = run(
      rows,
      (r) => [r.no, r.name, r.target, asPercentCell(r.actual).value],
      (r) => [null, null, null, asPercentCell(r.actual).format],
    );
    test("the fixture has percentages to try", () => {
      expect(percentRows.length).toBeGreaterThanOrEqual(2);
    });
    test.each(percentRows.map((r) => [r.no, r.actual, r] as const))("row %d %s", (no, _actual, r) => {
      expectVerdict(results.get(no), r.expected);
    });
  });
});

describe("the seed tables as a whole", () => {
  test.each([
    ["jiangmen-2023", jiangmen.rows as SeedRow[]],
    ["guangdong-2023", guangdong.rows as SeedRow[]],
  ])("%s: the status counts equal the hand-derived ones", (_department, rows) => {
    const { result } = validate(grid([HEADER, ...rows.map((r) => [r.no, r.name, r.target, r.actual])]));
    const expected: Record<string, number> = { met: 0, not_met: 0, qualitative: 0, not_applicable: 0, invalid: 0 };
    for (const r of rows) expected[r.expected.status]++;
    expect(result.summary.counts).toEqual(expected);
    expect(result.summary.rowCount).toBe(rows.length);
  });

  test("jiangmen's shortfall (政策研究分析项目 ≥4, 两项) is reported with the figures", () => {
    const { result } = validate(grid([HEADER, ...(jiangmen.rows as SeedRow[]).map((r) => [r.no, r.name, r.target, r.actual])]));
    const row8 = result.rows.find((r) => r.row === 9);
    expect(row8?.messages.find((m) => m.code === "not_met")?.text.zh).toBe("未达到目标：目标≥4项，实际2项");
  });
});
