// Task pane strings for 核对收支表 / Check statement (zh, and its English translation).
import type { Translation } from "./translation";

export const auditZh = {
  auditRun: "核对收支表",
  auditHint: "核对当前工作表中的收支表或报告文字：合计、占比、增长率、增减方向、数量级、同一项目的重复数值和分项得分。问题写在表格右侧的“核对·”列中。",
  noStatementTitle: "未找到收支表",
  noStatementOn: "工作表“{sheet}”：{reason}",
  auditNotStatementTitle: "这不是收支表",
  auditNothingToCheckTitle: "没有可核对的内容",
  retry: "重试",
  auditSummaryTitle: "收支表核对汇总",
  auditTables: "识别到的表格",
  auditTextCells: "含数字的文字单元格",
  auditFigures: "读取的数字",
  auditPassed: "通过的核对",
  auditFindingCount: "发现的问题",
  auditByCheck: "各类核对发现的问题",
  auditWritten: "结果写入 {range}",
  auditNoFindings: "没有发现不一致。",
  auditFindingsTruncated: "仅列出前 {shown} 条，共 {total} 条；其余见工作表中的核对结果。",
  auditNotesTitle: "说明",
} as const;

export const auditEn: Translation<typeof auditZh> = {
  auditRun: "Check statement",
  auditHint: "Checks the income and expenditure statement (or report text) on the active sheet: sums, shares, growth rates, increase/decrease words, orders of magnitude, figures given twice and sub-scores. Findings go into “核对·” columns right of the table.",
  noStatementTitle: "No statement found",
  noStatementOn: "Sheet “{sheet}”: {reason}",
  auditNotStatementTitle: "No statement here",
  auditNothingToCheckTitle: "Nothing to check",
  retry: "Try again",
  auditSummaryTitle: "Statement check",
  auditTables: "Tables found",
  auditTextCells: "Text cells with figures",
  auditFigures: "Figures read",
  auditPassed: "Checks passed",
  auditFindingCount: "Findings",
  auditByCheck: "Findings by kind of check",
  auditWritten: "Results written to {range}",
  auditNoFindings: "No inconsistencies found.",
  auditFindingsTruncated: "Listing the first {shown} of {total}; the rest are in the results on the sheet.",
  auditNotesTitle: "Notes",
};
