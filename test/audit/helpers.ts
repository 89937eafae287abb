/** Fixtures of statements laid out from the seed reports, and small grid builders for the audit tests. */
import * as fs from "fs";
import * as path from "path";
import { parseA1 } from "../../src/core/basics/address";
import { AuditOutcome, auditGrid } from "../../src/core/audit";
import { CellValue, Grid } from "../../src/core/basics/grid";

export const FIXTURES = path.join(__dirname, "..", "fixtures", "statements");

export interface Expectation {
  check: string;
  cell: string;
  why: string;
  count?: number;
}

export interface StatementFixture {
  id: string;
  department: string;
  source: string;
  layout: "text" | "table";
  sheet: string;
  values: CellValue[][];
  /** number formats by cell: { "C5": "0.00%" } */
  formats?: Record<string, string>;
  findings: Expectation[];
  passed: Expectation[];
}

export function loadFixtures(): StatementFixture[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), "utf8")) as StatementFixture);
}

export function fixtureGrid(fx: StatementFixture): Grid {
  const grid: Grid = { sheet: fx.sheet, values: fx.values.map((r) => [...r]) };
  if (fx.formats) {
    const formats: (string | null)[][] = fx.values.map((r) => r.map(() => null));
    for (const [cell, fmt] of Object.entries(fx.formats)) {
      const p = parseA1(cell);
      if (!p) throw new Error(`bad cell ${cell}`);
      while (formats.length < p.row) formats.push([]);
      formats[p.row - 1][p.col - 1] = fmt;
    }
    grid.numberFormats = formats;
  }
  return grid;
}

export function audit(grid: Grid): Extract<AuditOutcome, { ok: true }> {
  const out = auditGrid(grid);
  if (!out.ok) throw new Error(`expected a statement, got: ${out.reason.en}`);
  return out;
}

/** A grid of one column of sentences. */
export function textGrid(...sentences: string[]): Grid {
  return { sheet: "报告", values: sentences.map((s) => [s]) };
}

/** A label/value table under a header row. */
export function tableGrid(header: CellValue[], rows: CellValue[][], extra: Partial<Grid> = {}): Grid {
  return { sheet: "报表", values: [header, ...rows], ...extra };
}

export function pairs(list: Array<{ check: string; cell: string }>): string[] {
  return list.map((f) => `${f.check}@${f.cell}`).sort();
}
