/** A small indicator sheet for the task pane tests: one row per status, points adding up to 100. */
import type { CellValue } from "../../src/core/grid";
import { createMemoryExcel, createSheetAdapter } from "../../src/excel";

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

/** The same figures under headers no rule recognises: the user has to pick the columns. */
export const UNRECOGNISED: CellValue[][] = [
  ["名称", "计划数", "完成数", "满分"],
  ["参保人数", "≥200万人", "234.42万人", 50],
  ["覆盖率", "≥95%", "90%", 50],
];

export function memoryBook(values: CellValue[][] = INDICATORS, options: { protected?: boolean } = {}) {
  const xl = createMemoryExcel({ sheets: [{ name: SHEET, values, protected: options.protected }] });
  const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
  return { xl, adapter };
}
