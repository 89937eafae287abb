/**
 * The task pane tests' workbooks, in the memory workbook behind the real adapter: a small indicator
 * sheet (one row per status, points adding up to 100), an own-department sheet and a statement.
 */
import type { CellValue } from "../../src/core/basics/grid";
import { createSheetAdapter } from "../../src/excel";
import { createMemoryExcel } from "../../src/memory-excel";

export const SHEET = "指标表";

export const INDICATORS: CellValue[][] = [
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["预算执行", "预算执行率", "预算执行率", "100%", "100%", 10, 10, ""],
  ["产出指标", "数量指标", "参保人数", "≥200万人", "234.42万人", 30, 30, ""],
  ["", "质量指标", "覆盖率", "≥95%", "90%", 20, 18.95, ""],
  ["效益指标", "社会效益", "群众知晓度", "有效提升", "达成年度指标", 10, 9, ""],
  ["", "社会效益", "投诉量", "≤5件", "未统计", 20, 12, "数据未统计"],
  ["满意度指标", "服务对象满意度", "参保群众满意度", "≥85%", "88%", 10, 10, ""],
];

/** The same table with every scored row checkable (投诉量 7件 against ≤5件: 12 of 20), so its total is final: 89.95. */
export const SCORED_INDICATORS: CellValue[][] = INDICATORS.map((row) => (row[2] === "投诉量" ? [...row.slice(0, 4), "7件", ...row.slice(5)] : row));

/** The same figures under headers no rule recognises: the user has to pick the columns. */
export const UNRECOGNISED: CellValue[][] = [
  ["名称", "计划数", "完成数", "满分"],
  ["参保人数", "≥200万人", "234.42万人", 50],
  ["覆盖率", "≥95%", "90%", 50],
];

/** The own department as a label/value sheet. */
export const OWN_SHEET = "本单位数据";
export const OWN_VALUES: CellValue[][] = [
  ["总支出", "12,345.67万元"],
  ["基本支出", "2,345.67万元"],
  ["项目支出", "10,000万元"],
];

/** A 收支 table whose parts do not add up (B2) and whose first stated share is off (C3); the second agrees. */
export const STATEMENT_SHEET = "收支表";
export const STATEMENT: CellValue[][] = [
  ["项目", "本年数（万元）", "占比"],
  ["本年支出合计", 3803.37],
  ["基本支出", 1203.34, "35.00%"],
  ["项目支出", 2700.03, "70.99%"],
];

export interface BookOptions {
  /** the first sheet's name (default 指标表) */
  name?: string;
  protected?: boolean;
  /** more sheets beside the first */
  sheets?: { name: string; values: CellValue[][] }[];
}

export function memoryBook(values: CellValue[][] = INDICATORS, options: BookOptions = {}) {
  const xl = createMemoryExcel({ sheets: [{ name: options.name ?? SHEET, values, protected: options.protected }, ...(options.sheets ?? [])] });
  const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
  return { xl, adapter };
}
