/**
 * docs/form-families.md, evaluation forms with collected data items, through validateGrid: the
 * family recognised with no configuration, values from the items, row points beside the target,
 * weighted level totals, repeated headers; and the published forms of test/fixtures/real-forms/data-items
 * with their hand-worked values, scores, totals and findings.
 */
import { CellValue } from "../../src/core/basics/grid";
import { formulaTerms } from "../../src/core/forms/data-items/item-ratio";
import { ValidateResult } from "../../src/core/indicators/results";
import { DATA_ITEM_SUB as SUB, DATA_ITEM_TOP as TOP, fixtureGrid, loadFixtures } from "../fixtures/real-forms/data-items/sheet";
import { grid, validate } from "./helpers";

function run(values: CellValue[][]): ValidateResult {
  return validate(grid(values)).result;
}

function codes(r: ValidateResult): string[] {
  return r.summary.messages.map((m) => m.code);
}

/** Four level-1 blocks whose rows add up to 100 each, weighted 10 / 40 / 30 / 20. */
const WEIGHTED: CellValue[][] = [
  ["部门整体支出绩效评价表"],
  TOP,
  SUB,
  ["预算执行", 10, "预算执行", 100, "预算执行率", "%", "≥95%", 100, "执行数95万元", "预算数100万元", null],
  TOP,
  SUB,
  ["产出", 40, "数量", 50, "参训人数", "人", "≥1000人", 50, null, null, "1380人"],
  [null, null, "质量", 50, "培训合格率", "%", "≥90%", 50, "合格人数900人", "参训人数1000人", 90],
  TOP,
  SUB,
  ["效益", 30, "社会效益", 100, "覆盖率", "%", "≥80%", 100, "覆盖户数600户", "总户数1000户", null],
  TOP,
  SUB,
  ["满意度", 20, "满意度", 100, "服务对象满意度", "%", "≥90%", 100, "满意人数180人", "调查人数200人", null],
];

describe("the data-item family through the engine", () => {
  test("recognised with no configuration: its kind, the repeated headers skipped", () => {
    const r = run(WEIGHTED);
    expect(r.form.kind).toBe("data-items");
    expect(r.headerRow).toBe(3);
    expect(r.rows.map((x) => x.name)).toEqual(["预算执行率", "参训人数", "培训合格率", "覆盖率", "服务对象满意度"]);
    expect(r.rows.every((x) => !/得分|指标值|数据项/.test(x.name))).toBe(true);
  });

  test("the row's points are the 分值 beside its target, never the level's 权重; no row reads 缺少实际完成值", () => {
    const r = run(WEIGHTED);
    expect(r.rows.map((x) => x.points)).toEqual([100, 50, 50, 100, 100]);
    expect(r.rows.flatMap((x) => x.messages.map((m) => m.code))).not.toContain("actual_missing");
    expect(r.rows.map((x) => x.status)).toEqual(["met", "met", "met", "not_met", "met"]);
    expect(r.rows.map((x) => x.score)).toEqual([100, 50, 50, 75, 100]);
  });

  test("weighted levels: total = Σ 权重 × block score ÷ 100, not the plain sum of the rows", () => {
    const r = run(WEIGHTED);
    // 10×100/100 + 40×100/100 + 30×75/100 + 20×100/100 = 10 + 40 + 22.5 + 20
    expect(r.summary.totalScore).toBe(92.5);
    expect(r.summary.pointsTotal).toBe(100);
    expect(r.summary.grade).toBe("优");
    expect(r.summary.final).toBe(true);
    expect(r.summary.weighted).toEqual({
      total: 92.5,
      blocks: [
        { name: "预算执行", cell: "B4", weight: 10, points: 100, score: 100 },
        { name: "产出", cell: "B7", weight: 40, points: 100, score: 100 },
        { name: "效益", cell: "B11", weight: 30, points: 100, score: 75 },
        { name: "满意度", cell: "B14", weight: 20, points: 100, score: 100 },
      ],
    });
    // the plain sum (375 of 400) is not reported, nor its points finding
    expect(codes(r)).toContain("weighted_total");
    expect(codes(r)).not.toContain("points_total");
    // level 2 points still hold against their rows
    expect(r.summary.levels?.map((l) => [l.name, l.points, l.childPoints])).toEqual([
      ["预算执行", 100, 100],
      ["数量", 50, 50],
      ["质量", 50, 50],
      ["社会效益", 100, 100],
      ["满意度", 100, 100],
    ]);
  });

  test("weights written in the level names (投入（权重10%）) weigh the same", () => {
    const values = WEIGHTED.map((l) => [...l]);
    for (const [i, name] of [[3, "预算执行（权重10%）"], [6, "产出（权重40%）"], [10, "效益（权重30%）"], [13, "满意度（权重20%）"]] as const) {
      values[i][0] = name;
      values[i][1] = null;
    }
    const r = run(values);
    expect(r.summary.totalScore).toBe(92.5);
    expect(r.summary.weighted?.blocks.map((b) => [b.cell, b.weight])).toEqual([["A4", 10], ["A7", 40], ["A11", 30], ["A14", 20]]);
  });

  test("a not-applicable row drops out of its weighted block and the rest rescale", () => {
    const values = WEIGHTED.map((l) => [...l]);
    values[7][6] = "—"; // 培训合格率 has no target: the 产出 block is 参训人数 alone, 50 of 50
    values[10][8] = "覆盖户数800户"; // 效益 block at 100
    const r = run(values);
    expect(r.rows[2].status).toBe("not_applicable");
    // 10 + 40 × 50/50 + 30 + 20
    expect(r.summary.totalScore).toBe(100);
  });

  test("a block whose rows do not add up to 100: not weighted, its 权重 is checked as the level's points", () => {
    const values = WEIGHTED.map((l) => [...l]);
    values[10][7] = 90; // 覆盖率 worth 90 in a block weighted 30
    const r = run(values);
    expect(r.summary.weighted ?? null).toBeNull();
    expect(r.summary.messages.filter((m) => m.code === "level_points").map((m) => m.cell)).toContain("B11");
  });

  test("a weighted form with an unchecked row: provisional total, its range, grade withheld", () => {
    const values = WEIGHTED.map((l) => [...l]);
    values[13][8] = "待统计";
    const r = run(values);
    expect(r.summary.final).toBe(false);
    expect(r.summary.gradeWithheld).toBe("provisional");
    expect(r.summary.totalScore).toBe(72.5);
    expect(r.summary.range).toEqual([72.5, 92.5]);
    expect(r.rows[4].messages.map((m) => m.code)).toContain("item_unreadable");
  });

  test("`/` in a data-item cell marks no item (a count or yes/no row), never an unreadable one", () => {
    const values = WEIGHTED.map((l) => [...l]);
    values[6][8] = "参训人数1380人";
    values[6][9] = "/";
    values[6][10] = null;
    const r = run(values);
    expect(r.rows[1].computed?.value).toBe(1380);
    expect(r.rows[1].status).toBe("met");
    expect(r.rows[1].messages.map((m) => m.code)).not.toContain("item_unreadable");
    expect(r.rows[1].messages.map((m) => m.code)).not.toContain("item_missing");
    values[6][8] = null; // both blank but the mark: no item finding, the row waits for its 指标值
    const blank = run(values);
    expect(blank.rows[1].messages.map((m) => m.code)).toEqual(["actual_missing"]);
  });

  test("a value column headed 指标 after the items (as a published form heads it) is the value column, not a second name column", () => {
    const values = WEIGHTED.map((l) => [...l]);
    values[1][10] = "指标";
    const r = run(values);
    expect(r.rows[1].name).toBe("参训人数");
    expect(r.rows[1].status).toBe("met");
    expect(r.rows[1].messages.map((m) => m.code)).not.toContain("actual_missing");
    expect(r.summary.totalScore).toBe(92.5);
  });

  test("a qualitative row with no score in a weighted block is undetermined: its points in the range, its level and block open, never 0", () => {
    const values = WEIGHTED.map((l) => [...l]);
    values[7] = [null, null, "质量", 50, "是否达到培训标准", "是/否", "是", 50, null, "/", null];
    const r = run(values);
    expect(r.rows[2].status).toBe("qualitative");
    expect(r.summary.final).toBe(false);
    // 10 + 40 × 50/100 + 30 × 75/100 + 20 = 72.5; the open 50 points of 产出 weigh 40 × 50/100 = 20 more
    expect(r.summary.totalScore).toBe(72.5);
    expect(r.summary.range).toEqual([72.5, 92.5]);
    expect(r.summary.levels?.find((l) => l.name === "质量")?.score).toBeNull();
    expect(r.summary.weighted?.blocks.find((b) => b.name === "产出")?.score).toBeNull();
  });

  test("rows carry computed {formula, items}; the plan writes it as a live formula in 核对·指标值, never into 指标值", () => {
    const { result, plan } = validate(grid(WEIGHTED));
    expect(result.rows[2].computed).toEqual({ formula: '=IFERROR(NUMBERVALUE(MID(I8,5,LEN(I8)-5),".",",")/NUMBERVALUE(MID(J8,5,LEN(J8)-5),".",",")*100,"")', items: ["I8", "J8"], value: 90, unit: "%" });
    expect(result.rows[1].computed).toBeUndefined();
    expect(plan.cells[0]).toEqual(["核对·状态", "核对·完成率", "核对·得分", "核对·说明", "核对·指标值"]);
    expect(plan.startCol).toBe(12);
    const line8 = plan.cells[8 - plan.startRow];
    expect(line8[4]).toEqual({ formula: result.rows[2].computed?.formula, cached: 90 });
  });

  test("a second run over its own result columns reads the same and writes in the same place", () => {
    const first = validate(grid(WEIGHTED));
    const values = WEIGHTED.map((l) => [...l]);
    first.plan.cells.forEach((line, i) => {
      const r = first.plan.startRow - 1 + i;
      while (values.length <= r) values.push([]);
      while (values[r].length < first.plan.startCol - 1) values[r].push(null);
      line.forEach((v, j) => {
        values[r][first.plan.startCol - 1 + j] = v !== null && typeof v === "object" ? (v.cached ?? null) : v;
      });
    });
    const again = validate(grid(values));
    expect(again.plan.startCol).toBe(first.plan.startCol);
    expect(again.result.rows.map((r) => [r.name, r.score])).toEqual(first.result.rows.map((r) => [r.name, r.score]));
    expect(again.result.summary.totalScore).toBe(92.5);
  });

  test("a filled-in 指标值 that disagrees with the items is a finding on that cell", () => {
    const values = WEIGHTED.map((l) => [...l]);
    values[7][10] = 95; // 培训合格率: the items give 90
    const r = run(values);
    expect(r.rows[2].messages[0]).toMatchObject({ code: "item_ratio_overstated", severity: "error", cell: "K8" });
    // scored from the items, not from the written value
    expect(r.rows[2].actual.value).toBe(90);
  });
});

describe("published forms with data items or ratio indicators (test/fixtures/real-forms/data-items)", () => {
  const fixtures = loadFixtures();

  test("at least four tables from at least three provinces", () => {
    const withSheet = fixtures.filter((f) => f.sheet);
    expect(withSheet.length).toBeGreaterThanOrEqual(4);
    const provinces = new Set(fixtures.map((f) => f.source.province).filter((p) => !/not stated/.test(p)));
    expect(provinces.size).toBeGreaterThanOrEqual(3);
  });

  for (const f of fixtures.filter((x) => x.sheet && x.expected)) {
    test(`${f.id}: values, scores, totals and findings worked out by hand`, () => {
      const r = run(fixtureGrid(f));
      const e = f.expected as {
        rows?: Array<{ name: string; value: number; items?: string[]; swapped?: boolean; status: string; score: number | null; formula?: string }>;
        repeatedHeaders?: number[];
        totalScore?: number;
        pointsTotal?: number;
        weighted?: boolean;
        final?: boolean;
        undeterminedRows?: number;
        gradeWithheld?: string;
        range?: [number, number];
        levels?: unknown[];
        findings?: Array<{ code: string; cell?: string }>;
        noFindings?: string[];
      };
      expect(r.form.kind).toBe("data-items");
      for (const want of e.rows ?? []) {
        const got = r.rows.find((x) => x.name === want.name);
        expect(got).toBeDefined();
        expect(got?.computed?.value).toBe(want.value);
        if (want.items) expect(got?.computed?.items).toEqual(want.items);
        if (want.formula) expect(got?.computed?.formula).toBe(want.formula);
        expect(got?.status).toBe(want.status);
        expect(got?.score).toBe(want.score);
      }
      if (e.totalScore !== undefined) expect(r.summary.totalScore).toBe(e.totalScore);
      if (e.pointsTotal !== undefined) expect(r.summary.pointsTotal).toBe(e.pointsTotal);
      if (e.weighted !== undefined) expect(Boolean(r.summary.weighted)).toBe(e.weighted);
      if (e.final !== undefined) expect(r.summary.final).toBe(e.final);
      if (e.undeterminedRows !== undefined) expect(r.summary.undetermined.rows).toBe(e.undeterminedRows);
      if (e.gradeWithheld !== undefined) expect(r.summary.gradeWithheld).toBe(e.gradeWithheld);
      if (e.range) expect(r.summary.range).toEqual(e.range);
      if (e.levels) expect(r.summary.levels).toEqual(e.levels);
      const all = [...r.summary.messages, ...r.rows.flatMap((x) => x.messages)];
      for (const want of e.findings ?? []) {
        expect(all.some((m) => m.code === want.code && (want.cell === undefined || m.cell === want.cell))).toBe(true);
      }
      for (const code of e.noFindings ?? []) expect(all.map((m) => m.code)).not.toContain(code);
    });
  }

  for (const f of fixtures.filter((x) => x.formulaTerms)) {
    test(`${f.id}: the formula its names state`, () => {
      for (const t of f.formulaTerms ?? []) expect(formulaTerms(t.name)).toEqual(t.numerator === null ? null : { numerator: t.numerator, denominator: t.denominator });
    });
  }
});
