/** docs/rules.md §9: the write plan — where results go, formats, grouped fills, new sheet, re-runs, no formula injection. */
import { CellValue } from "../../src/core/basics/grid";
import { RESULT_COLUMNS } from "../../src/core/indicators/validate";
import { PlanCell, RESULT_SHEET, WritePlan, WritePlanSchema, looksLikeFormula, runsOf, statusColumnOf } from "../../src/core/basics/write-plan";
import { SHEET, grid, validate } from "./helpers";

const HEADERS = ["核对·状态", "核对·完成率", "核对·得分", "核对·说明"];

/** n rows cycling through met, not_met, invalid, in interleaved order. */
function mixedRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [["一级指标", "三级指标", "年度指标值", "实际完成值", "分值"]];
  for (let i = 0; i < n; i++) {
    const actual = ["120万人", "80万人", "300元"][i % 3];
    rows.push(["产出指标", `指标${i + 1}`, "≥100万人", actual, 1]);
  }
  return rows;
}

/** What the grid looks like after the adapter executed the plan beside the table. */
function applyBeside(values: CellValue[][], plan: WritePlan, firstCol = 1): CellValue[][] {
  const out = values.map((r) => [...r]);
  plan.cells.forEach((line, i) => {
    const r = plan.startRow - 1 + i;
    out[r] = out[r] ?? [];
    line.forEach((c, j) => {
      out[r][plan.startCol - firstCol + j] = c === null ? "" : typeof c === "object" ? `=${c.formula}` : c;
    });
  });
  return out;
}

function allCells(plan: WritePlan): PlanCell[] {
  return plan.cells.flat();
}

describe("results beside the table under marked headers", () => {
  const values: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "参保人数", "≥200万人", "150万人", 10, 7.5],
    ["", "", "满意度", "≥90%", "95%", 10, 10],
    ["", "", "不适用", "/", "", 0, ""],
  ];
  const { plan } = validate(grid(values));

  test("the four 核对· columns start right of the last table column, on the header row", () => {
    expect(plan).toMatchObject({ mode: "beside", sheet: SHEET, sourceSheet: SHEET, startRow: 1, startCol: 8 });
    expect(plan.cells[0]).toEqual(HEADERS);
    expect(plan.owned).toBe(`'${SHEET}'!H1:K4`);
    expect(WritePlanSchema.parse(plan)).toEqual(plan);
  });

  test("each row gets status, completion ratio, score and explanation", () => {
    expect(plan.cells.slice(1)).toEqual([
      ["未达标", 0.75, 7.5, "E2: 未达到目标：目标≥200万人，实际150万人"],
      ["达标", 1.055556, 10, null], // 95 / 90, rounded to 6 decimals for the 0.00% cell
      ["不适用", null, null, null],
    ]);
    expect(plan.notes).toEqual([{ cell: "H2", text: "E2: 未达到目标：目标≥200万人，实际150万人" }]);
  });

  test("number formats: text, percent, two decimals, text", () => {
    expect(plan.numberFormats).toEqual(["@", "0.00%", "0.00", "@"]);
    expect(plan.numberFormats).toEqual(RESULT_COLUMNS.map((c) => c.numberFormat));
    expect(plan.columnWidths).toHaveLength(4);
  });

  test("a grid read from B3 places the block in sheet coordinates", () => {
    const shifted = validate(grid(values, { firstRow: 3, firstCol: 2 })).plan;
    expect([shifted.startRow, shifted.startCol, shifted.owned]).toEqual([3, 9, `'${SHEET}'!I3:L6`]);
    expect(shifted.fills.find((f) => f.status === "not_met")?.ranges).toEqual(["I4"]);
  });

  test("a header cell beyond the data widens the table: results go right of it", () => {
    const withRemark = validate(grid([[...values[0], "", "备注"], ...values.slice(1)])).plan;
    expect([withRemark.mode, withRemark.startCol]).toEqual(["beside", 10]);
  });
});

describe("status fills are grouped: one fill per status, whatever the row count", () => {
  test.each([[10], [1000]])("%d interleaved rows with 3 statuses → 3 fills", (n) => {
    const { result, plan } = validate(grid(mixedRows(n)));
    expect(result.rows).toHaveLength(n);
    expect(plan.fills.map((f) => f.status)).toEqual(["met", "not_met", "invalid"]);
    // the ranges of each fill cover exactly that status's rows
    for (const f of plan.fills) {
      const rows = result.rows.filter((r) => r.status === f.status).map((r) => r.row);
      expect(f.ranges).toEqual(runsOf(rows, plan.startCol));
    }
  });

  test.each([[10], [1000]])("%d rows of one status → one fill over one range", (n) => {
    const values = mixedRows(n).map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], "120万人", r[4]]));
    const { plan } = validate(grid(values));
    expect(plan.fills).toEqual([{ status: "met", fill: "#C6EFCE", font: "#006100", ranges: [`F2:F${n + 1}`] }]);
  });

  test("runsOf groups row numbers into contiguous runs", () => {
    expect(runsOf([12, 5, 6, 7, 9, 13], 8)).toEqual(["H5:H7", "H9", "H12:H13"]);
    expect(runsOf([], 1)).toEqual([]);
  });
});

describe("user data right of the table → a new sheet with links back", () => {
  const values: CellValue[][] = [
    ["三级指标", "年度指标值", "实际完成值"],
    ["参保人数", "≥200万人", "150万人", "", "", "复核：张三"],
    ["满意度", "≥90%", "95%"],
  ];
  const { result, plan } = validate(grid(values));

  test("the plan moves to 核对结果 and says why", () => {
    expect(plan).toMatchObject({ mode: "new_sheet", sheet: RESULT_SHEET, sourceSheet: SHEET, startRow: 1, startCol: 1 });
    expect(plan.messages.map((m) => m.code)).toEqual(["results_new_sheet"]);
    expect(plan.messages[0].text.zh).toContain("F2");
    expect(result.summary.messages.map((m) => m.code)).toContain("results_new_sheet");
    expect(WritePlanSchema.parse(plan)).toEqual(plan);
  });

  test("each row starts with a HYPERLINK back to its source row", () => {
    expect(plan.cells[0]).toEqual(["核对·来源行", ...HEADERS]);
    expect(plan.cells.slice(1).map((r) => r[0])).toEqual([
      { formula: `HYPERLINK("#'${SHEET}'!A2","${SHEET}!2")` },
      { formula: `HYPERLINK("#'${SHEET}'!A3","${SHEET}!3")` },
    ]);
    expect(plan.cells[1].slice(1)).toEqual(["未达标", 0.75, null, "C2: 未达到目标：目标≥200万人，实际150万人"]);
    expect(plan.numberFormats).toEqual(["@", "@", "0.00%", "0.00", "@"]);
    expect(plan.fills.map((f) => [f.status, f.ranges])).toEqual([
      ["met", ["B3"]],
      ["not_met", ["B2"]],
    ]);
    expect(plan.owned).toBe(`'${RESULT_SHEET}'!A1:E3`);
  });

  test("quotes in the sheet name cannot break out of the link formula", () => {
    const hostile = validate({ sheet: `a"b'c`, values }).plan;
    expect(hostile.cells[1][0]).toEqual({ formula: `HYPERLINK("#'a""b''c'!A2","a""b'c!2")` });
  });
});

describe("a re-run reuses the add-in's own columns", () => {
  test("the same plan, and the 核对· columns are not read as input", () => {
    const values = mixedRows(7);
    const first = validate(grid(values));
    const after = applyBeside(values, first.plan);
    expect(after[0].slice(5)).toEqual(HEADERS);
    const second = validate(grid(after));
    expect(second.plan).toEqual(first.plan);
    expect(second.result.rows).toEqual(first.result.rows);
  });

  test("a third run on the re-run grid is still the same", () => {
    const values = mixedRows(4);
    const first = validate(grid(values)).plan;
    const twice = applyBeside(applyBeside(values, first), first);
    expect(validate(grid(twice)).plan).toEqual(first);
  });
});

describe("pasted text is never turned into a formula", () => {
  test.each([['=HYPERLINK("x")'], ["=1+1"], ["@SUM(A1)"], ["+1"], ["-2+3"], ["+abc"], ["=cmd|' /C calc'!A0"]])("an actual of %j", (text) => {
    const values: CellValue[][] = [
      ["三级指标", "年度指标值", "实际完成值"],
      ["指标", "≥5", text],
    ];
    for (const { plan } of [validate(grid(values)), validate(grid(values.map((r, i) => (i === 1 ? [...r, "", "", "", "", "占用"] : r))))]) {
      const cells = allCells(plan);
      // the only formulas are the plan's own back-links on a new sheet
      const formulas = cells.filter((c): c is { formula: string } => typeof c === "object" && c !== null);
      expect(formulas.length).toBe(plan.mode === "new_sheet" ? 1 : 0);
      for (const f of formulas) expect(f.formula).toMatch(/^HYPERLINK\("#'绩效自评表'!A\d+","绩效自评表!\d+"\)$/);
      for (const c of cells) expect(["string", "number", "object"]).toContain(typeof c);
      // the explanation quotes the cell as plain text
      const explanation = plan.cells[1][plan.cells[1].length - 1];
      if (typeof explanation === "string" && explanation.includes(text)) expect(looksLikeFormula(explanation)).toBe(false);
    }
  });

  test("an unreadable formula-like actual is quoted verbatim inside a plain 说明 string", () => {
    const { plan } = validate(
      grid([
        ["三级指标", "年度指标值", "实际完成值"],
        ["指标", "≥5", '=HYPERLINK("x")'],
      ]),
    );
    expect(plan.cells[1]).toEqual(["无法核对", null, null, 'C2: 目标为数值，实际值“=HYPERLINK("x")”不是数值']);
  });

  test.each<[string, boolean]>([
    ["=A1", true],
    ["+1", true],
    ["-2", true],
    ["@x", true],
    ["达标", false],
    ["C2: =x", false],
  ])("looksLikeFormula(%j) = %s", (text, formula) => {
    expect(looksLikeFormula(text)).toBe(formula);
  });
});

describe("statusColumnOf: the plan states its status column when the fills are exactly the labelled cells", () => {
  const base = (cells: PlanCell[][], fills: WritePlan["fills"]): WritePlan => ({
    sheet: "表",
    mode: "beside",
    sourceSheet: "表",
    startRow: 1,
    startCol: 3,
    cells,
    numberFormats: ["General"],
    columnWidths: [10],
    fills,
    headerFill: { fill: "#1F6F78", font: "#FFFFFF" },
    notes: [],
    owned: "表!C1:C4",
    messages: [],
  });
  const met = { status: "met", fill: "#C6EFCE", font: "#006100" };
  const notMet = { status: "not_met", fill: "#FFC7CE", font: "#9C0006" };
  test.each([
    ["labels match", [["核对·状态"], ["达标"], ["未达标"], ["达标"]], [{ ...met, ranges: ["C2", "C4"] }, { ...notMet, ranges: ["C3"] }], { column: 3, firstRow: 2, lastRow: 4, rules: [{ ...met, text: "达标" }, { ...notMet, text: "未达标" }] }],
    ["a label without its fill", [["核对·状态"], ["达标"], ["未达标"], ["达标"]], [{ ...met, ranges: ["C2"] }, { ...notMet, ranges: ["C3"] }], undefined],
    ["a fill on a cell showing another text", [["核对·状态"], ["好"], ["未达标"], ["达标"]], [{ ...met, ranges: ["C2", "C4"] }, { ...notMet, ranges: ["C3"] }], undefined],
    ["not a status", [["核对·状态"], ["x"], ["y"], ["z"]], [{ status: "error", fill: "#FFC7CE", font: "#9C0006", ranges: ["C2:C4"] }], undefined],
    ["no fills", [["核对·状态"], ["达标"]], [], undefined],
  ] as const)("%s", (_name, cells, fills, expected) => {
    expect(statusColumnOf(base(cells as unknown as PlanCell[][], fills as unknown as WritePlan["fills"]))).toEqual(expected);
  });
});
