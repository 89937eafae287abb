/** docs/rules.md §9 for the audit: ratios as live formulas beside the table, findings in 核对·说明 and as notes. */
import { parseA1 } from "../../src/core/basics/address";
import { findingsSheetName } from "../../src/core/audit";
import { CellValue, Grid } from "../../src/core/basics/grid";
import { PlanCell, WritePlan, WritePlanSchema } from "../../src/core/basics/write-plan";
import { evaluateFormula } from "./formula";
import { audit, fixtureGrid, loadFixtures, pairs, tableGrid, textGrid } from "./helpers";

const fixture = (id: string) => {
  const fx = loadFixtures().find((f) => f.id === id);
  if (!fx) throw new Error(id);
  return fixtureGrid(fx);
};

/** The cell a plan (or the first of several plans covering it) writes at an address. */
function cellAt(plans: WritePlan | WritePlan[], a1: string): PlanCell | undefined {
  const p = parseA1(a1);
  if (!p) return undefined;
  for (const plan of Array.isArray(plans) ? plans : [plans]) {
    const line = plan.cells[p.row - plan.startRow];
    const j = p.col - plan.startCol;
    if (line && j >= 0 && j < line.length) return line[j];
  }
  return undefined;
}

function formulaAt(plans: WritePlan | WritePlan[], a1: string): string | null {
  const c = cellAt(plans, a1);
  return c !== null && typeof c === "object" && c !== undefined ? c.formula : null;
}

/** Evaluate every ratio the plans write over the grid, and compare with the engine's value. */
function expectFormulasMatchEngine(grid: Grid, plans: WritePlan | WritePlan[], ratios: Array<{ cell: string; value: number | null; formula: string | null }>) {
  const lookup = (_sheet: string | null, row: number, col: number): CellValue => grid.values[row - 1]?.[col - 1];
  let formulas = 0;
  for (const r of ratios) {
    if (!r.formula) continue;
    formulas++;
    expect(formulaAt(plans, r.cell)).toBe(r.formula);
    const v = evaluateFormula(r.formula, lookup);
    if (r.value === null) expect(v).toBe("—");
    else expect(v as number).toBeCloseTo(r.value, 6);
  }
  return formulas;
}

describe("beside a label/value table", () => {
  test("one block per table, with only the ratio columns that table allows, then 核对·说明", () => {
    const { plans, result } = audit(fixture("guangdong-2023-table"));
    expect(plans.map((p) => [p.startRow, p.startCol, p.cells[0]])).toEqual([
      [3, 4, ["核对·占比", "核对·说明"]],
      [11, 3, ["核对·说明"]], // sub-scores: no share column
      [18, 3, ["核对·说明"]],
    ]);
    const plan = plans[0];
    expect(WritePlanSchema.parse(plan)).toEqual(plan);
    expect(plan).toMatchObject({ mode: "beside", startRow: 3, startCol: 4 });
    expect(plan.cells[0]).toEqual(["核对·占比", "核对·说明"]);
    expect(plan.numberFormats).toEqual(["0.00%", "@"]);
    expect(formulaAt(plan, "D5")).toBe('IFERROR(B5/B$4,"—")');
    expect(formulaAt(plan, "D6")).toBe('IFERROR(B6/B$4,"—")');
    // 其中：民生补助资金 is a share of 项目支出
    expect(formulaAt(plan, "D7")).toBe('IFERROR(B7/B$6,"—")');
    expect(result.findings).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  test("growth, share and the findings of each row, also as notes", () => {
    const grid = fixture("huizhou-2022-table");
    const { plans, result } = audit(grid);
    expect(plans[0].cells[0]).toEqual(["核对·占比", "核对·增长", "核对·说明"]);
    expect(plans[0].startCol).toBe(5);
    expect(formulaAt(plans, "F3")).toBe('IFERROR((B3-C3)/C3,"—")');
    const structure = plans.find((p) => p.startRow === 35);
    if (!structure) throw new Error("no block beside the 支出结构 table");
    expect(structure.cells[0]).toEqual(["核对·占比", "核对·说明"]);
    expect(formulaAt(structure, "D40")).toBe('IFERROR(B40/B$36,"—")');
    const message = result.findings.find((f) => f.cell === "C40")?.message.zh;
    expect(cellAt(structure, "E40")).toBe(`C40: ${message}`);
    expect(structure.notes).toContainEqual({ cell: "D40", text: `C40: ${message}` });
    expect(structure.fills.map((f) => [f.status, f.ranges])).toEqual([
      ["error", ["E37", "E40"]],
      ["warning", ["E36"]],
    ]);
    // a 2.23元 cell: no formula can read it, the engine's ratio is written instead
    expect(cellAt(plans, "D31")).toBeCloseTo(2.23 / 3797.83, 6);
    expect(expectFormulasMatchEngine(grid, plans, result.ratios)).toBeGreaterThanOrEqual(19);
  });

  test("a change column gives growth as change ÷ (this year − change)", () => {
    const grid = fixture("jiangmen-2023-table");
    const { plans, result } = audit(grid);
    const plan = plans[0];
    expect(plan.cells[0]).toEqual(["核对·占比", "核对·增长", "核对·说明"]);
    expect(formulaAt(plan, "F4")).toBe('IFERROR(C4/(B4-C4),"—")');
    expect(expectFormulasMatchEngine(grid, plans, result.ratios)).toBeGreaterThan(10);
    // 0 ÷ 0: IFERROR shows the dash, the engine has no ratio
    expect(result.ratios.find((r) => r.cell === "F6")).toMatchObject({ value: null });
  });

  test("budget and adjusted budget give the two execution rates", () => {
    const grid = tableGrid(["项目", "年初预算", "调整预算", "决算数"], [["财政拨款支出", 3553.21, 3812.67, 3798.82], ["基本支出", 1200, 1210, 1198.79], ["项目支出", 2353.21, 2602.67, 2600.03]]);
    const { plans, result } = audit(grid);
    const plan = plans[0];
    expect(plan.cells[0]).toEqual(["核对·占比", "核对·执行率(预算)", "核对·执行率(调整预算)", "核对·说明"]);
    expect(formulaAt(plan, "F2")).toBe('IFERROR(D2/B2,"—")');
    expect(formulaAt(plan, "G2")).toBe('IFERROR(D2/C2,"—")');
    expect(formulaAt(plan, "E3")).toBe('IFERROR(D3/D$2,"—")');
    expect(result.findings).toEqual([]);
    expect(expectFormulasMatchEngine(grid, plan, result.ratios)).toBe(3 * 2 + 2);
  });

  test("when the columns to the right hold data, a new sheet with sheet-qualified formulas", () => {
    const grid = tableGrid(["项目", "本年数"], [["合计", 100], ["甲", 60, "联系人：张三"], ["乙", 40]]);
    grid.sheet = "收支 表";
    const { plans, result } = audit(grid);
    const plan = plans[0];
    expect(plan.mode).toBe("new_sheet");
    expect(plan.cells[0]).toEqual(["核对·来源行", "核对·占比", "核对·说明"]);
    expect(plan.cells[2][1]).toEqual({ formula: `IFERROR('收支 表'!B3/'收支 表'!B$2,"—")` });
    expect(result.ratios.map((r) => r.cell)).toEqual(["B3", "B4"]);
    expect(expectFormulasMatchEngine(grid, plan, result.ratios)).toBe(2);
  });

  test("text in cells is written as text: a finding never becomes a formula", () => {
    const { plans, result } = audit(tableGrid(["项目", "金额"], [["合计", 110], ["=甲", 60], ["乙", 40]]));
    expect(pairs(result.findings)).toEqual(["sum@B2"]);
    for (const line of plans[0].cells) for (const c of line) if (typeof c === "string") expect(c.startsWith("=")).toBe(false);
  });
});

describe("findings in sentences", () => {
  test("go to a list on a sheet of their own, each linked to its cell", () => {
    const { plans, result } = audit(fixture("huizhou-2022-text"));
    expect(plans).toHaveLength(1);
    const plan = plans[0];
    expect(WritePlanSchema.parse(plan)).toEqual(plan);
    expect(plan).toMatchObject({ mode: "new_sheet", sheet: findingsSheetName("部门整体支出"), sourceSheet: "部门整体支出" });
    expect(plan.cells[0]).toEqual(["核对·单元格", "核对·检查", "核对·级别", "核对·应为", "核对·填报", "核对·说明"]);
    expect(plan.cells).toHaveLength(result.findings.length + 1);
    expect(plan.cells[1][0]).toEqual({ formula: `HYPERLINK("#'部门整体支出'!A9","A9")` });
    expect(plan.cells[1].slice(1, 3)).toEqual(["前后不一", "错误"]);
  });

  test("no finding, no list", () => {
    expect(audit(textGrid("自评总分90.91分，其中履职效能49.99分、管理效率40.92分。")).plans).toEqual([]);
  });

  test("the list sheet's name fits Excel's 31 characters", () => {
    expect(findingsSheetName("一个非常非常非常非常非常非常非常非常长的工作表名称").length).toBeLessThanOrEqual(31);
  });
});

describe("a grid that starts away from A1 (a used range from C5)", () => {
  test("cells, formulas and the plan are in sheet coordinates", () => {
    const grid: Grid = {
      sheet: "报表",
      firstRow: 5,
      firstCol: 3,
      values: [
        ["项目", "本年数", "占比"],
        ["本年支出合计", 3803.37, null],
        ["基本支出", 1203.34, "31.64%"],
        ["项目支出", 2600.03, "38.36%"],
      ],
    };
    const { result, plans } = audit(grid);
    expect(result.findings).toMatchObject([{ cell: "E8", check: "share" }]);
    expect(result.tables[0]).toMatchObject({ headerRow: 5, labelColumn: "C", columns: { current: "D", share: "E" } });
    expect(plans[0]).toMatchObject({ startRow: 5, startCol: 6 });
    expect(formulaAt(plans, "F7")).toBe('IFERROR(D7/D$6,"—")');
  });
});
