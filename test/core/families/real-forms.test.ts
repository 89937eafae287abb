/**
 * Published scoring sheets (test/fixtures/real-forms/scoring), published goal-block forms
 * (test/fixtures/real-forms/goal-blocks) and the goal-block layout (test/fixtures/families/goal-blocks.json), rebuilt as grids: kind, rows, levels, totals and
 * findings with their cells worked out by hand; what a published table got wrong stays a finding.
 */
import * as fs from "fs";
import * as path from "path";
import { CellValue } from "../../../src/core/basics/grid";
import { grid, validate } from "../helpers";

interface Expected {
  kind: string;
  headerRow: number;
  pointsTotal: number;
  totalScore: number;
  final: boolean;
  grade: string | null;
  gradeWithheld?: string;
  range?: [number, number];
  rowCount?: number;
  rows?: Array<{ row: number; name: string; status: string; points?: number; score: number }>;
  unfilledRow?: { row: number; name: string; status: string; points: number; code: string };
  budget?: Record<string, unknown>;
  blocks?: Array<{ title: string; cell: string; points: number; score: number; rowCount: number }>;
  levels: Array<{ name: string; cell: string; points: number; childPoints: number | null; score: number | null }>;
  findings: Array<{ code: string; cell?: string }>;
  noFindings?: string[];
}

interface Fixture {
  source: string | null;
  values: CellValue[][];
  expected: Expected;
}

const dirs = [path.join(__dirname, "../../fixtures/real-forms/scoring"), path.join(__dirname, "../../fixtures/real-forms/goal-blocks"), path.join(__dirname, "../../fixtures/families")];
const fixtures: Array<[string, Fixture]> = [];
for (const d of dirs) for (const f of fs.readdirSync(d).filter((x) => x.endsWith(".json")).sort()) fixtures.push([f, JSON.parse(fs.readFileSync(path.join(d, f), "utf-8")) as Fixture]);

describe.each(fixtures)("%s", (_file, fx) => {
  const e = fx.expected;
  const { result } = validate(grid(fx.values));
  const all = [...result.summary.messages, ...result.rows.flatMap((r) => r.messages)];

  test("recognised as its family with the hand-worked total", () => {
    expect(result.form.kind).toBe(e.kind);
    expect(result.headerRow).toBe(e.headerRow);
    expect(result.summary.pointsTotal).toBe(e.pointsTotal);
    expect(result.summary.totalScore).toBe(e.totalScore);
    expect(result.summary.final).toBe(e.final);
    expect(result.summary.grade).toBe(e.grade);
    if (e.gradeWithheld) expect(result.summary.gradeWithheld).toBe(e.gradeWithheld);
    if (e.range) expect(result.summary.range).toEqual(e.range);
    if (e.rowCount !== undefined) expect(result.rows).toHaveLength(e.rowCount);
  });

  test("rows, levels and budget line", () => {
    for (const r of e.rows ?? []) {
      const got = result.rows.find((x) => x.row === r.row);
      expect(got).toMatchObject({ name: r.name, status: r.status, score: r.score, ...(r.points !== undefined ? { points: r.points } : {}) });
    }
    if (e.unfilledRow) {
      const got = result.rows.find((x) => x.row === e.unfilledRow?.row);
      // the row left to fill in carries what its level leaves unallocated: undetermined, never 0
      expect(got).toMatchObject({ name: e.unfilledRow.name, status: e.unfilledRow.status, points: e.unfilledRow.points, score: null });
      expect(got?.messages.map((m) => m.code)).toContain(e.unfilledRow.code);
    }
    for (const l of e.levels) expect(result.summary.levels).toContainEqual(l);
    if (e.budget) expect(result.summary.budget).toMatchObject(e.budget);
    if (e.blocks) expect(result.summary.blocks).toEqual(e.blocks);
  });

  test("findings on their cells (the published errors kept)", () => {
    for (const f of e.findings) {
      const hit = all.find((m) => m.code === f.code && (f.cell === undefined || m.cell === f.cell));
      expect(hit ? `${f.code}@${hit.cell ?? ""}` : `missing ${f.code}@${f.cell ?? ""}`).toBe(`${f.code}@${f.cell ?? hit?.cell ?? ""}`);
    }
    for (const code of e.noFindings ?? []) expect(all.map((m) => m.code)).not.toContain(code);
  });
});
