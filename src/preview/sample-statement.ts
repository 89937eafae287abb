/**
 * The preview's statement sheet, built from a seed (seeds/*.json): one row per figure, label |
 * 本年 | 上年 | 占比, amounts in 万元 as the report writes them. A figure the report writes in
 * another unit (Huizhou's 其他收入 "2.23元") stays text as pasted, and nothing is corrected, so
 * the audit has the report's own slips to find.
 */
import huizhou2022 from "../../seeds/huizhou-2022.json";
import type { CellValue } from "../core/basics/grid";
import { type Figure, type Seed, SeedSchema } from "../core/seeds/seed-schema";
import type { SampleSheet } from "./sample-indicators";

export const STATEMENT_SHEET = "收支情况";

/** The statement lines, in the order reports print them, by figure key. */
const LINES = [
  "total_income",
  "fiscal_appropriation_income",
  "other_income",
  "total_expenditure",
  "fiscal_appropriation_expenditure",
  "other_expenditure",
  "basic_expenditure",
  "project_expenditure",
  "wage_welfare_expenditure",
  "goods_services_expenditure",
  "household_subsidy_expenditure",
  "capital_expenditure",
  "total_assets",
  "total_liabilities",
];

function amount(f: Figure | undefined): { value: CellValue; format: string | null } {
  if (!f || f.value === undefined) return { value: "", format: null };
  if (f.unitAsWritten === "万元") return { value: f.value, format: "#,##0.00" };
  return { value: `${f.valueAsWritten ?? f.value}${f.unitAsWritten ?? f.unit}`, format: null };
}

function share(f: Figure | undefined): { value: CellValue; format: string | null } {
  if (!f || f.unitAsWritten !== "%" || typeof f.value !== "number") return { value: "", format: null };
  return { value: Math.round(f.value * 100) / 10000, format: "0.00%" };
}

export function statementSample(seed: Seed): SampleSheet {
  const values: CellValue[][] = [[`${seed.department}${seed.year}年度收支情况（示例）`], ["单位：万元"], ["项目", "本年", "上年", "占比"]];
  const numberFormats: (string | null)[][] = [[], [], []];
  const figures: Partial<Record<string, Figure>> = seed.figures;
  for (const key of LINES) {
    const current = figures[key];
    if (!current) continue;
    const cells = [amount(current), amount(figures[`${key}_prior_year`]), share(figures[`${key}_share`])];
    values.push([current.label, ...cells.map((c) => c.value)]);
    numberFormats.push([null, ...cells.map((c) => c.format)]);
  }
  return {
    name: STATEMENT_SHEET,
    values,
    numberFormats,
    merges: ["A1:D1"],
    widths: { A: 150, B: 80, C: 80, D: 64 },
    headerFill: { range: "A3:D3", color: "#DDEBF7" },
  };
}

/** Huizhou 2022: it gives both years and the shares, and prints a few of them wrong. */
export function seedStatement(): SampleSheet {
  return statementSample(SeedSchema.parse(huizhou2022));
}
