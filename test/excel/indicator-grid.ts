/** Indicator tables for the adapter tests: one row kind per status. */
import type { CellValue } from "../../src/core/basics/grid";

export const HEADER: CellValue[] = ["三级指标", "年度指标值", "实际完成值", "分值", "得分"];

export type Kind = "met" | "not_met" | "qualitative" | "not_applicable" | "invalid";
export const KINDS: Kind[] = ["met", "not_met", "qualitative", "not_applicable", "invalid"];

export function indicatorRow(kind: Kind, i: number): CellValue[] {
  switch (kind) {
    case "met":
      return [`参保人数${i}`, "≥200万人", "234.42万人", 10, 10];
    case "not_met":
      return [`覆盖率${i}`, "≥95%", "90%", 10, 9.47];
    case "qualitative":
      return [`满意度${i}`, "≥90%", "达成年度指标", 10, 9];
    case "not_applicable":
      return [`备用指标${i}`, "—", "/", 0, 0];
    case "invalid":
      return [`投诉量${i}`, "≤5件", "未统计", 10, 0];
  }
}

/**
 * A header row and n indicator rows. "blocks": each status in one contiguous run (one fill
 * range per status); "mixed": statuses cycle row by row (as many runs as rows).
 */
export function indicatorTable(n: number, layout: "blocks" | "mixed" = "blocks", kinds: Kind[] = KINDS): CellValue[][] {
  const rows: CellValue[][] = [HEADER];
  const per = Math.ceil(n / kinds.length);
  for (let i = 0; i < n; i++) {
    const kind = layout === "blocks" ? kinds[Math.floor(i / per)] : kinds[i % kinds.length];
    rows.push(indicatorRow(kind, i + 1));
  }
  return rows;
}
