/**
 * The comparison templates and their sheet plans (docs/rules.md §8), on the five bundled seeds: every
 * template builds for every department, every figure is present or explicitly missing, missing
 * cells are — with a note (never 0), ratios are formulas that agree with the engine.
 */
import { reportById } from "../../src/core/seeds/seed-reports";
import { a1 } from "../../src/core/basics/address";
import {
  CompareDepartment,
  MISSING_MARK,
  SheetPlan,
  SheetPlanSchema,
  TEMPLATES,
  buildComparisonSheet,
  computeRatios,
  computeRowValues,
  departmentFromSeed,
  departmentsByIds,
  missingRows,
  seedDepartments,
  templateChoices,
  templateFigures,
} from "../../src/core/compare";
import { SEEDS } from "../../src/core/seeds/seed-data";
import { FIGURE_CATALOG, Seed, SeedSchema, TEMPLATE_IDS, templateFigureIds } from "../../src/core/seeds/seed-schema";
import { FormulaValue as Scalar, evaluateFormula } from "../../src/memory-excel/formulas";

const DEPTS = seedDepartments();

function cellAt(plan: SheetPlan, row: number, col: number) {
  return plan.cells[row - 1]?.[col - 1] ?? null;
}

/** Evaluate a plan's cells as a spreadsheet would (formula cells through the test evaluator). */
function planLookup(plan: SheetPlan) {
  const memo = new Map<string, Scalar>();
  const lookup = (row: number, col: number): Scalar => {
    const key = `${row},${col}`;
    if (memo.has(key)) return memo.get(key) as Scalar;
    const v = cellAt(plan, row, col);
    const out = v !== null && typeof v === "object" ? evaluateFormula(v.formula, (_sheet, r, c) => lookup(r, c)) : v;
    memo.set(key, out);
    return out;
  };
  return lookup;
}

function noteAt(plan: SheetPlan, cell: string): string | undefined {
  return plan.notes.find((n) => n.cell === cell)?.text;
}

describe("templates", () => {
  test("six templates in docs/rules.md §8 order, sheets named after the Chinese title", () => {
    expect(templateChoices().map((t) => [t.id, t.sheetName])).toEqual([
      ["expenditure", "支出结构对比"],
      ["income", "收入结构对比"],
      ["fund", "基金运行对比"],
      ["supervision", "基金监管对比"],
      ["coverage", "参保与待遇对比"],
      ["scores", "自评结果对比"],
    ]);
  });

  test.each(TEMPLATE_IDS)("%s shows exactly the catalog's figures for it", (id) => {
    expect([...templateFigures(TEMPLATES[id])].sort()).toEqual([...templateFigureIds(id)].sort());
  });

  test.each(TEMPLATE_IDS)("%s: formula rows refer to rows of the template; chart rows are contiguous and of one unit", (id) => {
    const t = TEMPLATES[id];
    const keys = t.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of t.rows) if (r.kind === "formula") for (const k of r.of) expect(keys).toContain(k);
    const idx = t.chart.rows.map((k) => keys.indexOf(k));
    expect(idx.every((i) => i >= 0)).toBe(true);
    expect(idx).toEqual(idx.map((_, j) => idx[0] + j));
    const plan = buildComparisonSheet(id, DEPTS);
    const formats = new Set(t.chart.rows.map((k) => plan.rows.find((r) => r.key === k)?.numberFormat));
    expect(formats.size).toBe(1);
  });

  test("docs/rules.md §8 rows are all there", () => {
    const labels = (id: (typeof TEMPLATE_IDS)[number]) => TEMPLATES[id].rows.map((r) => r.label.zh);
    expect(labels("expenditure")).toEqual(expect.arrayContaining(["总支出", "基本支出", "项目支出", "基本支出占比", "项目支出占比"]));
    expect(labels("income")).toEqual(expect.arrayContaining(["总收入", "财政拨款收入", "其他收入", "财政拨款收入占比", "其他收入占比"]));
    expect(labels("fund")).toEqual(expect.arrayContaining(["基金收入", "基金支出", "当期结余", "结余率"]));
    expect(labels("supervision")).toEqual(expect.arrayContaining(["检查机构数", "处理机构数", "处理率", "追回金额", "每家检查机构追回额"]));
    expect(labels("coverage")).toEqual(expect.arrayContaining(["参保人数", "参保率", "居民医保住院费用报销比例"]));
    expect(labels("scores")).toEqual(expect.arrayContaining(["自评得分", "等级", "预算执行得分", "产出得分"]));
  });
});

describe("seeds against the templates", () => {
  const cases = TEMPLATE_IDS.flatMap((t) => SEEDS.map((s) => [t, s.id, s] as const));
  test.each(cases)("%s / %s: every figure is given or listed as missing, not both", (t, _id, seed) => {
    for (const f of templateFigures(TEMPLATES[t])) {
      const given = seed.figures[f] !== undefined;
      const missing = seed.missing.includes(f);
      expect({ f, state: given !== missing }).toEqual({ f, state: true });
      if (given) expect(seed.figures[f]?.unit).toBe(FIGURE_CATALOG[f].unit);
    }
  });
});

describe("sheet plans for all five departments", () => {
  const plans = TEMPLATE_IDS.map((t) => [t, buildComparisonSheet(t, DEPTS)] as const);

  test.each(plans)("%s: a valid plan, header row 4 with one column per department", (_t, plan) => {
    expect(() => SheetPlanSchema.parse(plan)).not.toThrow();
    expect(plan.header.row).toBe(4);
    expect(plan.cells[3]).toEqual(["指标（单位）", "广东 2023", "广州 2022", "惠州 2022", "江门 2023", "深圳 2023"]);
    expect(plan.columns.map((c) => c.letter)).toEqual(["B", "C", "D", "E", "F"]);
    const width = plan.cells[0].length;
    expect(plan.cells.every((r) => r.length === width)).toBe(true);
    expect(plan.numberFormats.map((r) => r.length)).toEqual(plan.cells.map((r) => r.length));
    expect(plan.table.range).toBe(`A4:F${4 + plan.rows.length}`);
  });

  test.each(plans)("%s: row labels name the normalised unit", (_t, plan) => {
    for (const r of plan.rows) {
      expect(cellAt(plan, r.row, 1)).toBe(r.label);
      if (r.numberFormat !== "@") expect(r.label).toMatch(/（(万元|人|家|%|分|万元\/家)）$/);
    }
  });

  test.each(plans)("%s: missing figures are — with a note, never 0; given figures carry their source", (t, plan) => {
    for (const col of plan.columns) {
      const dept = DEPTS.find((d) => d.id === col.departmentId) as CompareDepartment;
      for (const r of plan.rows.filter((x) => x.kind === "figure")) {
        const cell = a1(r.row, col.col);
        const v = cellAt(plan, r.row, col.col);
        const f = r.figure ? dept.figures[r.figure] : undefined;
        if (!f) {
          expect(v).toBe(MISSING_MARK);
          expect(noteAt(plan, cell)).toContain("不按0计");
        } else {
          expect(v).not.toBe(MISSING_MARK);
          expect(noteAt(plan, cell)?.split("\n")[0]).toBe(`${col.header} · ${dept.document} ${f.source.section}`);
          // the report by its title (seeds/reports/index.json), never a file name
          if (!dept.own) expect(dept.document).toBe(`《${reportById(dept.id)?.title}》`);
          expect(noteAt(plan, cell)).not.toMatch(/\.txt/);
        }
      }
    }
    expect(t).toBeDefined();
  });

  test.each(plans)("%s: formula rows are formulas whose values equal the engine's own to 1e-9; — cells have a note", (t, plan) => {
    const lookup = planLookup(plan);
    for (const col of plan.columns) {
      const dept = DEPTS.find((d) => d.id === col.departmentId) as CompareDepartment;
      const ratios = computeRatios(t, dept);
      for (const r of plan.rows.filter((x) => x.kind === "formula")) {
        const raw = cellAt(plan, r.row, col.col);
        expect(raw).toEqual({ formula: expect.any(String) });
        const got = lookup(r.row, col.col);
        const want = ratios[r.key];
        if (want === null) {
          expect(got).toBe(MISSING_MARK);
          expect(noteAt(plan, a1(r.row, col.col))).toMatch(/无法计算/);
        } else {
          expect(typeof got).toBe("number");
          expect(Math.abs((got as number) - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
        }
      }
    }
  });

  test("percent figures are fractions under 0.00%: Shenzhen's coverage rate 98.42% is 0.9842", () => {
    const plan = buildComparisonSheet("coverage", DEPTS);
    const row = plan.rows.find((r) => r.key === "coverage_rate");
    expect(row?.numberFormat).toBe("0.00%");
    expect(cellAt(plan, row?.row as number, 6)).toBe(0.9842);
    expect(noteAt(plan, a1(row?.row as number, 4))).toContain("下限");
  });

  test("a conflicting figure shows the first value with a note listing both values and sections (Huizhou total expenditure)", () => {
    const plan = buildComparisonSheet("expenditure", DEPTS);
    const note = noteAt(plan, "D5") as string;
    expect(cellAt(plan, 5, 4)).toBe(3803.38);
    expect(note).toContain("不一致");
    expect(note).toContain("3803.38万元（一（四））");
    expect(note).toContain("3803.37万元（二（二）2（2））");
    expect(plan.messages.map((m) => m.code)).toContain("compare_conflict");
  });

  test("a stated share that disagrees with the computed one gets a note (Huizhou 38.36% vs 68.36%)", () => {
    const plan = buildComparisonSheet("expenditure", DEPTS);
    const row = plan.rows.find((r) => r.key === "project_share")?.row as number;
    expect(noteAt(plan, a1(row, 4))).toContain("68.36%");
    expect(noteAt(plan, a1(row, 4))).toContain("38.36%");
    // Guangdong's stated 97.41% agrees with 158,156.41 / 162,368.05
    expect(noteAt(plan, a1(row, 2))).toBeUndefined();
  });

  test("the engine's ratios are exact: Jiangmen basic share, Guangdong resident fund balance", () => {
    const jm = DEPTS.find((d) => d.id === "jiangmen-2023") as CompareDepartment;
    expect(computeRatios("expenditure", jm).basic_share).toBe(2776.77 / 26336.8);
    const gd = DEPTS.find((d) => d.id === "guangdong-2023") as CompareDepartment;
    expect(computeRatios("fund", gd).balance_resident).toBe(276500);
    expect(computeRatios("fund", gd).balance).toBeNull();
    expect(computeRatios("scores", gd).subscore_sum).toBe(90.91);
  });

  test("the chart: clustered columns, series by department, departments with nothing to plot left out", () => {
    const plan = buildComparisonSheet("expenditure", DEPTS);
    expect(plan.chart).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", categories: "A6:A7" });
    expect(plan.chart?.series.map((s) => s.name)).toEqual(["广东 2023", "广州 2022", "惠州 2022", "江门 2023"]);
    expect(plan.chart?.series[0]).toEqual({ name: "广东 2023", nameCell: "B4", values: "B6:B7" });
    expect(plan.messages.find((m) => m.code === "compare_chart_dropped")?.text.zh).toContain("深圳 2023");
  });

  test("a department subset keeps the order given", () => {
    const { departments, unknown } = departmentsByIds(["jiangmen-2023", "guangdong-2023", "jiangmen-2023", "nope"]);
    expect(unknown).toEqual(["nope"]);
    const plan = buildComparisonSheet("income", departments);
    expect(plan.cells[3]).toEqual(["指标（单位）", "江门 2023", "广东 2023"]);
  });

  test("missing rows per department are the figure rows shown as —", () => {
    const sz = DEPTS.find((d) => d.id === "shenzhen-2023") as CompareDepartment;
    expect(missingRows("expenditure", sz).map((r) => r.key)).toEqual(["total", "basic", "project", "basic_share_stated", "project_share_stated"]);
  });
});

describe("text from seed data stays text", () => {
  function synthetic(): Seed {
    const base = JSON.parse(JSON.stringify(SEEDS.find((s) => s.id === "jiangmen-2023"))) as Seed;
    base.department = "=HYPERLINK(\"http://example.invalid\",\"x\")医疗保障局";
    const grade = base.figures.self_eval_grade;
    if (!grade) throw new Error("fixture: Jiangmen has a grade");
    grade.text = "=1+1";
    return SeedSchema.parse(base);
  }

  test("a grade written =1+1 is a string cell marked as text, never a formula", () => {
    const plan = buildComparisonSheet("scores", [departmentFromSeed(synthetic())]);
    const row = plan.rows.find((r) => r.key === "grade")?.row as number;
    expect(cellAt(plan, row, 2)).toBe("=1+1");
    expect(plan.numberFormats[row - 1][1]).toBe("@");
    const header = cellAt(plan, 4, 2);
    expect(typeof header).toBe("string");
    expect(String(header).startsWith("=HYPERLINK")).toBe(true);
    expect(plan.numberFormats[3][1]).toBe("@");
  });

  test("computeRowValues reads the text as text", () => {
    const v = computeRowValues("scores", departmentFromSeed(synthetic())).get("grade");
    expect(v).toEqual({ kind: "text", text: "=1+1" });
  });
});
