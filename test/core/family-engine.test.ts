/** What the shared engine does with what a family read beyond the cells (docs/form-families.md). */
import { CellValue } from "../../src/core/basics/grid";
import type { IndicatorInput } from "../../src/core/forms/indicator-rows";
import { evaluateRow } from "../../src/core/indicators/evaluate";
import { SettingsSchema, resolvePreset } from "../../src/core/indicators/presets";
import { RowResult } from "../../src/core/indicators/results";
import { blockResults, levelResults, weightedResult } from "../../src/core/indicators/structure";

const settings = SettingsSchema.parse({});
const preset = resolvePreset(settings);
const cell = (value: CellValue, at: string) => ({ value, cell: at, format: null });

function input(row: number, extra: Partial<IndicatorInput>): IndicatorInput {
  return {
    row, index: row - 1, level1: "", level2: "", name: "指标", nameCell: `C${row}`,
    target: null, actual: null, operator: null, unit: null, points: null, score: null, reason: cell("", `H${row}`), ...extra,
  };
}

describe("scoring-sheet rows (scoreOnly): the stated score against the points", () => {
  test.each([
    ["full score", 5, 5, "qualitative", 5, []],
    ["score above points", 5, 6, "qualitative", 6, ["score_over_points"]],
    ["points lost, reason blank", 5, 3, "qualitative", 3, ["reason_required"]],
    ["left to fill in: unfilled, not 0", 5, null, "invalid", null, ["score_unfilled"]],
  ] as const)("%s", (_, points, score, status, counted, codes) => {
    const r = evaluateRow(input(5, { scoreOnly: true, points: cell(points, "F5"), score: cell(score, "G5"), criteria: cell("按时完成得5分，否则不得分", "E5") }), settings, preset);
    expect([r.status, r.score, r.points, r.criteria]).toEqual([status, counted, points, "按时完成得5分，否则不得分"]);
    expect(r.messages.filter((m) => m.severity !== "info").map((m) => m.code)).toEqual(codes);
  });
});

test("points from the family (pointsValue) score a row with no 分值 cell", () => {
  const r = evaluateRow(input(4, { target: cell("≥10个", "D4"), actual: cell("8个", "E4"), pointsValue: 20 }), settings, preset);
  expect([r.status, r.points, r.computedScore]).toEqual(["not_met", 20, 16]);
});

test("a value computed from data items stands in for a blank 指标值, and is reported", () => {
  const computed = { formula: "=I6/J6*100", items: ["I6", "J6"], value: 96, unit: "%" };
  const r = evaluateRow(input(6, { target: cell("≥95%", "G6"), actual: cell(null, "K6"), computed, points: cell(10, "H6") }), settings, preset);
  expect([r.status, r.actual.value, r.score, r.computed]).toEqual(["met", 96, 10, computed]);
});

test("a 其中 breakdown row is checked and marked", () => {
  const r = evaluateRow(input(7, { target: cell("≥5个", "D7"), actual: cell("5个", "E7"), breakdown: true }), settings, preset);
  expect([r.status, r.breakdown, r.messages.map((m) => m.code)]).toEqual(["met", true, ["breakdown_not_scored"]]);
});

function result(row: number, points: number | null, score: number | null, status: RowResult["status"] = "met", breakdown = false): RowResult {
  const r = evaluateRow(input(row, { target: cell("≥1个", `D${row}`), actual: cell("1个", `E${row}`) }), settings, preset);
  return { ...r, points, score, statedScore: score, status, ...(breakdown ? { breakdown } : {}) };
}

describe("levels, blocks and weights summed from the rows", () => {
  const rows = [result(3, 20, 20), result(4, 20, 18), result(5, 10, 10), result(6, 10, 9, "met", true), result(7, 10, null, "invalid")];
  const byRow = new Map(rows.map((r) => [r.row, r]));

  test("a level's stated points against its rows' sum; a finding names both numbers on the level's cell", () => {
    const out = levelResults([
      { name: "产出指标", cell: "A3", points: 50, depth: 1, rows: [3, 4, 5, 6] },
      { name: "效益指标", cell: "A7", points: 20, depth: 1, rows: [7] },
    ], byRow);
    expect(out.levels).toEqual([
      { name: "产出指标", cell: "A3", points: 50, childPoints: 50, score: 48 },
      { name: "效益指标", cell: "A7", points: 20, childPoints: 10, score: null },
    ]);
    expect(out.messages.map((m) => [m.code, m.cell, m.text.zh])).toEqual([["level_points", "A7", "“效益指标”标明20分，其下分值合计10分"]]);
  });

  test("a block whose scores exceed its stated points is a finding on its title", () => {
    const out = blockResults([
      { title: "年度绩效目标1（40分）", cell: "A2", points: 40, headerIndex: 1, rows: [3, 4].map((row) => input(row, {})) },
      { title: "年度绩效目标2（20分）", cell: "A10", points: 20, headerIndex: 9, rows: [5, 6].map((row) => input(row, {})) },
    ], byRow);
    expect(out.blocks).toEqual([
      { title: "年度绩效目标1（40分）", cell: "A2", points: 40, score: 38, rowCount: 2 },
      { title: "年度绩效目标2（20分）", cell: "A10", points: 20, score: 10, rowCount: 2 },
    ]);
    expect(out.messages).toEqual([]);
    const over = blockResults([{ title: "目标", cell: "A2", points: 30, headerIndex: 1, rows: [3, 4].map((row) => input(row, {})) }], byRow);
    expect(over.messages.map((m) => [m.code, m.cell, m.severity])).toEqual([["block_over_points", "A2", "error"]]);
  });

  test("weighted: Σ weight × block score ÷ block points; an unchecked row leaves a range", () => {
    const out = weightedResult([
      { name: "一、投入", cell: "B3", weight: 40, rows: [3, 4, 5] },
      { name: "二、产出", cell: "B7", weight: 60, rows: [7] },
    ], byRow);
    // 40 × 48/50 = 38.4; 60 × (0 … 10)/10 = 0 … 60
    expect([out.weighted.total, out.min, out.max, out.weights]).toEqual([null, 38.4, 98.4, 100]);
    expect(out.weighted.blocks.map((b) => [b.name, b.points, b.score])).toEqual([["一、投入", 50, 48], ["二、产出", 10, null]]);
  });
});
