/**
 * Every figure agrees (docs/standard-forms.md, "Honest totals"): the numbers in 核对·得分 add up to
 * the total shown, on every fixture and on generated tables — a row the check could not decide
 * shows 待定, never its stated score.
 */
import { CellValue } from "../../src/core/basics/grid";
import { sumExact } from "../../src/core/basics/decimal";
import { WritePlan } from "../../src/core/basics/write-plan";
import { ValidateResult } from "../../src/core/indicators/results";
import { departmentForm, projectForm } from "../fixtures/standard-forms";
import { SCORED_HEADER, grid, scoredRow, validate } from "./helpers";

/** The 核对·得分 column: the numbers of the rows and of the budget line, and the total row's figure. */
function scoreColumn(plan: WritePlan): { numbers: number[]; pending: number; total: number | null } {
  const header = plan.cells[0] as unknown[];
  const col = header.indexOf("核对·得分");
  const label = header.indexOf("核对·状态");
  expect(col).toBeGreaterThanOrEqual(0);
  const numbers: number[] = [];
  let pending = 0;
  let total: number | null = null;
  for (const line of plan.cells.slice(1) as unknown[][]) {
    const v = line[col];
    if (typeof line[label] === "string" && /^总分/.test(line[label] as string)) {
      total = typeof v === "number" ? v : null;
      continue;
    }
    if (typeof v === "number") numbers.push(v);
    else if (v === "待定") pending++;
  }
  return { numbers, pending, total };
}

function expectColumnAddsUp(result: ValidateResult, plan: WritePlan) {
  const { numbers, pending, total } = scoreColumn(plan);
  const s = result.summary;
  expect(s.totalScore).not.toBeNull();
  expect(total).toBe(s.totalScore);
  expect(pending).toBe(s.undetermined.rows);
  // a table with not-applicable rows is rescaled to the preset's total: the column adds up to the raw score
  const rescaled = result.summary.messages.some((m) => m.code === "rescaled");
  expect(sumExact(numbers)).toBeCloseTo((rescaled ? s.rawScore : total) ?? NaN, 9);
}

type Fixture = { values: CellValue[][]; numberFormats?: (string | null)[][] };
const edited = (f: Fixture, edit: (v: CellValue[][]) => void): Fixture => {
  const values = f.values.map((r) => [...r]);
  edit(values);
  return { values, numberFormats: f.numberFormats };
};

const FIXTURES: Array<[string, Fixture]> = [
  ["project form", projectForm()],
  ["department form", departmentForm()],
  ["project form, an unreadable target", edited(projectForm(), (v) => (v[12][4] = "#N/A"))],
  ["project form, a blank qualitative score", edited(projectForm(), (v) => (v[15][7] = null))],
  ["project form, a budget slip", edited(projectForm(), (v) => { v[5][2] = 200; v[5][3] = 200; v[5][4] = 1960000; })],
  ["project form, an unreadable actual and a slip", edited(projectForm(), (v) => { v[16][5] = "见附件"; v[5][4] = 3965464700; })],
  ["department form, an unreadable row", edited(departmentForm(), (v) => (v[v.length - 3][6] = "#VALUE!"))],
];

describe("the numbers in 核对·得分 add up to the total shown", () => {
  test.each(FIXTURES)("%s", (_name, f) => {
    const { result, plan } = validate(grid(f.values, { numberFormats: f.numberFormats }));
    expect(result.summary.totalScore).not.toBeNull();
    expectColumnAddsUp(result, plan);
  });

  test("an undecided row shows 待定, not its stated score, and the total is provisional", () => {
    const { result, plan } = validate(grid(edited(projectForm(), (v) => (v[12][4] = "#N/A")).values));
    const { pending } = scoreColumn(plan);
    expect(pending).toBe(1);
    expect(result.summary.final).toBe(false);
  });

  // generated tables: a seeded mix of met, unmet, unreadable, qualitative (with and without a score) and over-achieved rows
  let seed = 20231231;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const cases = Array.from({ length: 40 }, (_, k) => {
    const rows: CellValue[][] = [SCORED_HEADER];
    const n = 2 + Math.floor(rand() * 8);
    for (let i = 0; i < n; i++) {
      const points = pick([5, 10, 15, 20]);
      const kind = pick(["met", "short", "bad", "qual", "qualBlank", "over", "slip"]);
      const row =
        kind === "met" ? scoredRow("产出指标", `指标${i}`, "≥100人", "100人", points, points)
        : kind === "short" ? scoredRow("产出指标", `指标${i}`, "≥100人", `${50 + Math.floor(rand() * 50)}人`, points, points - 1, pick(["", "原因"]))
        : kind === "bad" ? scoredRow("产出指标", `指标${i}`, "#N/A", "100人", points, points)
        : kind === "qual" ? scoredRow("效益指标", `指标${i}`, "明显提升", "达成", points, points)
        : kind === "qualBlank" ? scoredRow("效益指标", `指标${i}`, "明显提升", "达成", points, null)
        : kind === "over" ? scoredRow("产出指标", `指标${i}`, "≥100人", "180人", points, points)
        : scoredRow("产出指标", `指标${i}`, "≥1万份", 9800, points, points);
      rows.push(row);
    }
    rows.push(["合计", "", "", "", "", null, null, ""]);
    return [`generated table ${k + 1} (${n} rows)`, rows] as [string, CellValue[][]];
  });
  test.each(cases)("%s", (_name, rows) => {
    const { result, plan } = validate(grid(rows));
    expectColumnAddsUp(result, plan);
  });
});
