// The preview's own words (the task pane brings its own); Chinese first, English the translation.
import type { Locale } from "../taskpane/i18n/i18n";

const zhCN = {
  pageTitle: "绩效核对 · 预览",
  banner: "浏览器预览：左边是内存中的工作簿（不是 Excel），右边是真实的任务窗格。改动只在本页中，刷新即恢复示例。",
  workbook: "工作簿",
  nameBox: "名称框",
  formulaBar: "编辑栏",
  sheetTabs: "工作表",
  addSheet: "新建工作表",
  editHint: "双击或直接输入以编辑单元格；Ctrl+V 在所选单元格处粘贴制表符分隔的文本（可从 Excel 或 Word 表格复制）。",
  noteLabel: "批注",
  rowsCapped: "仅显示前 {n} 行。",
  editFailed: "未能写入：{message}",
  language: "语言",
  paneDivider: "任务窗格宽度（拖动或用左右方向键调整）",
} as const;

export type PreviewStrings = { readonly [K in keyof typeof zhCN]: string };

const enUS: PreviewStrings = {
  pageTitle: "Jixiao · Preview",
  banner: "Browser preview: an in-memory workbook (not Excel) on the left, the real task pane on the right. Changes stay in this page; reload to get the samples back.",
  workbook: "Workbook",
  nameBox: "Name box",
  formulaBar: "Formula bar",
  sheetTabs: "Sheets",
  addSheet: "New sheet",
  editHint: "Double-click or start typing to edit a cell; Ctrl+V pastes tab-separated text (copied from Excel or a Word table) at the selected cell.",
  noteLabel: "Note",
  rowsCapped: "Showing the first {n} rows.",
  editFailed: "Could not write: {message}",
  language: "Language",
  paneDivider: "Task pane width (drag, or use the left and right arrow keys)",
};

export function previewStrings(locale: Locale): PreviewStrings {
  return locale === "en-US" ? enUS : zhCN;
}
