// Task pane strings for 生成自评报告 / Draft the report, under 核对指标 (zh, and its English translation).
import type { Translation } from "./translation";

export const reportZh = {
  reportTitle: "自评报告",
  reportMake: "生成自评报告",
  reportHint: "按本次核对结果起草自评报告，写入新工作表“自评报告”：每段一行，数字旁注来源单元格；只有填报人能写的内容留作【请填写：……】。",
  reportDone: "已写入工作表“{sheet}”：{paragraphs} 段，待补充 {pending} 处。",
  reportProvisional: "有指标未能核对：报告中总分为暂定，等级待定。",
  reportOpen: "打开“{sheet}”",
  reportDownload: "下载 Word 文件（.docx）",
  reportDownloaded: "已下载“{file}”。",
  reportStale: "设置已更改：请重新核对后再生成报告。",
  busyReport: "正在起草自评报告…",
  busyDocx: "正在生成 Word 文件…",
} as const;

export const reportEn: Translation<typeof reportZh> = {
  reportTitle: "Self-evaluation report",
  reportMake: "Draft the report (生成自评报告)",
  reportHint: "Drafts the self-evaluation report from this check into a new sheet “自评报告”: one paragraph per row, each figure with its source cell; what only you can write is left as 【请填写：……】.",
  reportDone: "Written to sheet “{sheet}”: {paragraphs} paragraphs, {pending} places left to write.",
  reportProvisional: "Some indicators could not be checked: the report gives the total as provisional and the grade as pending.",
  reportOpen: "Open “{sheet}”",
  reportDownload: "Download as Word (.docx)",
  reportDownloaded: "Downloaded “{file}”.",
  reportStale: "The settings changed: check again before drafting the report.",
  busyReport: "Drafting the report…",
  busyDocx: "Making the Word file…",
};
