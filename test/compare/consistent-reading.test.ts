/**
 * Comparison sheets as a reviewer would put them in a report (docs/rules.md §8): a figure the
 * report's own sum proves wrong in magnitude is shown in its consistent reading with a Chinese
 * note quoting what was written; every note is Chinese and cites the report by title.
 */
import { a1 } from "../../src/core/basics/address";
import { buildComparisonSheet, departmentFromSeed, departmentsByIds, seedDepartments } from "../../src/core/compare";
import { consistentReadings } from "../../src/core/compare/consistent-reading";
import { seedById } from "../../src/core/seeds/seed-data";
import { Seed, TEMPLATE_IDS } from "../../src/core/seeds/seed-schema";

function money(valueAsWritten: string, unitAsWritten: string, value: number) {
  return { label: "x", valueAsWritten, unitAsWritten, value, unit: "万元" as const, year: 2023, source: { document: "jiangmen-2023", section: "一（四）" } };
}

describe("the consistent reading of a figure", () => {
  test("Guangzhou 2022: 项目支出 written 605,282.99亿元 is read as 605,282.99万元, with the note quoting the report", () => {
    const { departments } = departmentsByIds(["guangzhou-2022"]);
    const plan = buildComparisonSheet("expenditure", departments);
    const row = plan.cells.findIndex((r) => r[0] === "项目支出（万元）");
    expect(row).toBeGreaterThan(0);
    expect(plan.cells[row][1]).toBe(605282.99);
    const note = plan.notes.find((n) => n.cell === a1(row + 1, 2));
    expect(note?.text).toContain("报告原文为“605,282.99亿元”，与合计不符，按万元计");
    expect(note?.text).toContain("《");
    expect(note?.text).toContain("一（四）");
    // the pane lists it among the sheet's notes, and the 项目支出占比 formula agrees with the report's 96.75%
    expect(plan.messages.find((m) => m.code === "compare_magnitude_read")?.text.zh).toBe("广州 2022：“项目支出”报告原文为“605,282.99亿元”，与合计不符，按万元计");
    expect(plan.messages.some((m) => m.code === "compare_stated_differs")).toBe(false);
  });

  test.each<[string, Seed["figures"], string | null, number | null]>([
    ["a part in 亿元 among 万元", { total_expenditure: money("100.00", "万元", 100), basic_expenditure: money("40.00", "万元", 40), project_expenditure: money("60.00", "亿元", 600000) }, "project_expenditure", 60],
    ["a part in 元 among 万元", { total_expenditure: money("100.00", "万元", 100), basic_expenditure: money("40.00", "元", 0.004), project_expenditure: money("60.00", "万元", 60) }, "basic_expenditure", 40],
    ["the total in 元 among parts in 万元", { total_expenditure: money("100", "元", 0.01), basic_expenditure: money("40", "万元", 40), project_expenditure: money("60", "万元", 60) }, "total_expenditure", 100],
    ["a sum that agrees as written", { total_expenditure: money("100.00", "万元", 100), basic_expenditure: money("0.40", "亿元", 4000), project_expenditure: money("60.00", "万元", 60) }, null, null],
    ["a sum that no single reading mends", { total_expenditure: money("100.00", "万元", 100), basic_expenditure: money("45.00", "万元", 45), project_expenditure: money("60.00", "亿元", 600000) }, null, null],
    ["all in one unit and not adding up: nothing to re-read", { total_expenditure: money("100.00", "万元", 100), basic_expenditure: money("45.00", "万元", 45), project_expenditure: money("60.00", "万元", 60) }, null, null],
    ["a part missing", { total_expenditure: money("100.00", "万元", 100), project_expenditure: money("60.00", "亿元", 600000) }, null, null],
  ])("%s", (_name, figures, figure, value) => {
    const readings = consistentReadings(figures);
    if (figure === null) expect(readings).toEqual([]);
    else {
      expect(readings.map((r) => r.figure)).toEqual([figure]);
      expect(readings[0].value).toBeCloseTo(value as number, 9);
    }
  });

  test("Huizhou's 其他收入 2.23元 is read in 万元: 3,795.60 + 2.23 = 3,797.83 (the audit's reading too)", () => {
    expect(consistentReadings((seedById("huizhou-2022") as Seed).figures)).toEqual([
      { figure: "other_income", asWritten: "2.23元", unitRead: "万元", value: 2.23, isTotal: false },
    ]);
    expect(departmentFromSeed(seedById("huizhou-2022") as Seed).figures.other_income?.value).toBe(2.23);
  });

  test("no other bundled seed is re-read: their sums agree as written", () => {
    for (const id of ["guangdong-2023", "jiangmen-2023", "shenzhen-2023"]) {
      expect(consistentReadings((seedById(id) as Seed).figures)).toEqual([]);
    }
    expect(departmentFromSeed(seedById("guangzhou-2022") as Seed).figures.project_expenditure?.value).toBe(605282.99);
  });

  test("every note of every template is Chinese, and every figure's note cites its report by title", () => {
    const depts = seedDepartments();
    for (const id of TEMPLATE_IDS) {
      const plan = buildComparisonSheet(id, depts);
      expect(plan.notes.length).toBeGreaterThan(0);
      for (const n of plan.notes) {
        // Latin letters only inside a report's title
        expect({ id, cell: n.cell, text: n.text.replace(/《[^》]*》/g, "") }).not.toEqual({ id, cell: n.cell, text: expect.stringMatching(/[A-Za-z]{2,}/) });
        expect(n.text).not.toMatch(/\.json|\.txt|[a-z]+-\d{4}/);
      }
    }
  });
});
