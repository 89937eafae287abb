// Task pane strings: Simplified Chinese is the default, English is the one translation.
// "{name}" marks a value filled in by `fmt`.

export type Locale = "zh-CN" | "en-US";

const zhCN = {
  title: "绩效核对",
  subtitle: "预算绩效指标表与财务报表核对",
  connecting: "正在连接 Excel…",
  loadingPane: "正在加载…",
  loadFailed: "任务窗格未能加载，请检查网络连接后重新打开加载项。",
  outsideTitle: "请在 Excel 中打开",
  outsideBody: "此页面是 Excel 加载项的任务窗格，需要在 Excel 中作为加载项打开，不能直接在浏览器中使用。",
  otherHostBody: "此加载项只适用于 Excel。",
  noOfficeJsBody: "未能加载 Office 脚本（office.js），请检查网络连接后重新打开。",
  sideloadTitle: "如何加载",
  sideloadWeb: "Excel 网页版：开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项，选择 manifest.xml。",
  sideloadDesktop: "Excel 桌面版：在项目目录运行 npm start（或 npm run sideload）。",

  checkIndicators: "核对指标",
  clearResults: "清除结果",
  checkHint: "核对当前工作表中的绩效指标表，结果写在表格右侧的“核对·”列中。",
  checking: "正在核对…",
  clearing: "正在清除…",
  reading: "正在读取表格…",
  dismiss: "关闭",
  errorTitle: "出错了",
  noTableTitle: "未找到指标表",
  noTableHint: "请在下方指定表头所在行和各列，然后重新核对。",
  checkedTitle: "核对完成",
  checkedBody: "已核对 {rows} 行指标，结果写入 {range}。",
  showResults: "选中结果区域",
  notWritten: "指标已核对，但结果未写入工作表。",
  clearedTitle: "已清除结果",
  clearedRange: "已清除 {range}",
  clearedSheet: "已删除工作表“{sheet}”",
  clearedNothing: "没有需要清除的结果。",
  skippedGone: "{range}：所在工作表已不存在",
  skippedChanged: "{range}：写入后已被修改，未清除",
  sheetChanged: "当前工作表“{sheet}”不是指定列时的工作表，本次按自动识别核对。",
  overrideOutside: "指定的表头行或列已不在当前数据区域内，请重新指定。",
  errUnexpected: "意外错误：{message}",

  summaryTitle: "核对汇总",
  summarySheet: "工作表",
  summaryRows: "指标行数",
  summaryCounts: "各状态行数",
  totalScore: "总分",
  grade: "等级",
  pointsTotal: "分值合计",
  statedTotal: "填报总分",
  presetUsed: "评分方案",
  noPoints: "表中没有分值列，未计算总分和等级。",

  tableTitle: "识别到的表格",
  headerRow: "表头行",
  roleNotFound: "未识别",
  changeColumns: "更改表头和列",
  overridesActive: "正在使用手动指定的表头和列。",
  role_level1: "一级指标",
  role_level2: "二级指标",
  role_name: "指标名称",
  role_target: "年度指标值",
  role_actual: "实际完成值",
  role_operator: "指标性质",
  role_unit: "计量单位",
  role_points: "分值",
  role_score: "得分",
  role_reason: "偏差原因",

  pickerTitle: "指定表头和列",
  pickerSheet: "工作表“{sheet}”，数据区域从第 {row} 行、{col} 列开始。",
  pickerHeaderRow: "表头所在行（工作表行号）",
  pickerHeaderRowError: "请输入 {min}–{max} 之间的行号",
  pickerAuto: "自动识别",
  pickerNone: "不使用",
  pickerApply: "按所选列核对",
  pickerCancel: "取消",
  pickerReset: "恢复自动识别",

  problemsTitle: "问题（{n}）",
  noProblems: "没有发现需要处理的问题。",
  problemsTruncated: "仅列出前 {shown} 条，共 {total} 条；其余见表格中的“核对·说明”列。",
  tableLevel: "整表",
  severity_error: "错误",
  severity_warning: "警告",
  severity_info: "提示",

  settingsTitle: "设置",
  settingsIntro: "设置保存在此工作簿中，下次核对时生效。",
  settingsPreset: "评分方案",
  settingsPresetTotal: "满分 {total} 分",
  settingsGrades: "等级线（总分不低于）",
  settingsWeights: "各类指标分值",
  settingsTolerance: "“约/左右”目标的允许偏差（%）",
  settingsImplicit: "未写比较符号的目标（如“100%”）按",
  implicitGe: "≥ 至少达到",
  implicitEq: "= 等于",
  settingsReason: "得分低于分值时要求填写偏差原因",
  settingsReset: "恢复默认设置",
  settingsInvalidStored: "此工作簿中保存的设置无效，已改用默认设置。",
  settingsSaveFailed: "设置未能保存到工作簿：{reason}",
  settingsStale: "设置已更改，请重新核对以应用新设置。",
  errNumber: "请输入数字",
  errPercent: "请输入 0–100 之间的数",
  errNonNegative: "请输入不小于 0 的数",
} as const;

export type StringKey = keyof typeof zhCN;
export type Strings = { readonly [K in StringKey]: string };

const enUS: Strings = {
  title: "绩效核对 · Performance Check",
  subtitle: "Checks budget-performance indicator tables and financial statements",
  connecting: "Connecting to Excel…",
  loadingPane: "Loading…",
  loadFailed: "The task pane could not be loaded. Check the network connection and open the add-in again.",
  outsideTitle: "Open this in Excel",
  outsideBody: "This page is the task pane of an Excel add-in. It must be opened inside Excel as an add-in, not directly in a browser.",
  otherHostBody: "This add-in works in Excel only.",
  noOfficeJsBody: "The Office script (office.js) could not be loaded. Check the network connection and open the add-in again.",
  sideloadTitle: "How to load it",
  sideloadWeb: "Excel on the web: Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, then choose manifest.xml.",
  sideloadDesktop: "Excel desktop: run npm start (or npm run sideload) in the project folder.",

  checkIndicators: "Check indicators",
  clearResults: "Clear results",
  checkHint: "Checks the indicator table on the active sheet and writes the results into “核对·” columns right of it.",
  checking: "Checking…",
  clearing: "Clearing…",
  reading: "Reading the table…",
  dismiss: "Dismiss",
  errorTitle: "Something went wrong",
  noTableTitle: "No indicator table found",
  noTableHint: "Pick the header row and the columns below, then check again.",
  checkedTitle: "Checked",
  checkedBody: "Checked {rows} indicator rows; results written to {range}.",
  showResults: "Select the results",
  notWritten: "The indicators were checked, but the results were not written to the sheet.",
  clearedTitle: "Results cleared",
  clearedRange: "Removed {range}",
  clearedSheet: "Deleted the sheet “{sheet}”",
  clearedNothing: "There were no results to clear.",
  skippedGone: "{range}: its sheet no longer exists",
  skippedChanged: "{range}: changed since it was written; left alone",
  sheetChanged: "The active sheet “{sheet}” is not the one the columns were picked on; detecting the table automatically this time.",
  overrideOutside: "The header row or a column you picked is no longer inside the data; pick them again.",
  errUnexpected: "Unexpected error: {message}",

  summaryTitle: "Summary",
  summarySheet: "Sheet",
  summaryRows: "Indicator rows",
  summaryCounts: "Rows by status",
  totalScore: "Total score",
  grade: "Grade",
  pointsTotal: "Points total",
  statedTotal: "Stated total",
  presetUsed: "Scoring preset",
  noPoints: "The table has no points column, so no total score or grade.",

  tableTitle: "Detected table",
  headerRow: "Header row",
  roleNotFound: "not found",
  changeColumns: "Change header and columns",
  overridesActive: "Using the header row and columns you picked.",
  role_level1: "Level 1 indicator",
  role_level2: "Level 2 indicator",
  role_name: "Indicator name",
  role_target: "Annual target",
  role_actual: "Actual value",
  role_operator: "Operator",
  role_unit: "Unit",
  role_points: "Points",
  role_score: "Score",
  role_reason: "Reason for deviation",

  pickerTitle: "Header row and columns",
  pickerSheet: "Sheet “{sheet}”; its data starts at row {row}, column {col}.",
  pickerHeaderRow: "Header row (sheet row number)",
  pickerHeaderRowError: "Enter a row number from {min} to {max}",
  pickerAuto: "Detect",
  pickerNone: "None",
  pickerApply: "Check with these columns",
  pickerCancel: "Cancel",
  pickerReset: "Back to automatic detection",

  problemsTitle: "Problems ({n})",
  noProblems: "No problems to deal with.",
  problemsTruncated: "Listing the first {shown} of {total}; the rest are in the 核对·说明 column.",
  tableLevel: "Table",
  severity_error: "Error",
  severity_warning: "Warning",
  severity_info: "Note",

  settingsTitle: "Settings",
  settingsIntro: "Settings are saved in this workbook and apply from the next check.",
  settingsPreset: "Scoring preset",
  settingsPresetTotal: "{total} points in all",
  settingsGrades: "Grade lines (total score at least)",
  settingsWeights: "Points per indicator category",
  settingsTolerance: "Tolerance of “约/左右” (approximately) targets (%)",
  settingsImplicit: "A target with no operator (such as “100%”) means",
  implicitGe: "≥ at least",
  implicitEq: "= equal to",
  settingsReason: "Require a reason where the score is below the points",
  settingsReset: "Restore defaults",
  settingsInvalidStored: "The settings saved in this workbook are not valid; using the defaults.",
  settingsSaveFailed: "The settings could not be saved in the workbook: {reason}",
  settingsStale: "The settings changed; check again to apply them.",
  errNumber: "Enter a number",
  errPercent: "Enter a number from 0 to 100",
  errNonNegative: "Enter a number of 0 or more",
};

const STRINGS: Record<Locale, Strings> = { "zh-CN": zhCN, "en-US": enUS };

/** English for any English language tag; everything else gets the default, Simplified Chinese. */
export function pickLocale(languageTag: string | undefined | null): Locale {
  return languageTag && /^en\b/i.test(languageTag) ? "en-US" : "zh-CN";
}

export function stringsFor(locale: Locale): Strings {
  return STRINGS[locale];
}

/** Office's display language when known, else the browser's. */
export function currentLocale(officeDisplayLanguage?: string): Locale {
  const browser = typeof navigator === "undefined" ? undefined : navigator.language;
  return pickLocale(officeDisplayLanguage || browser);
}

/** Fill "{name}" placeholders. */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
