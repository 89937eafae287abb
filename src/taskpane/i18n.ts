// Task pane strings: Simplified Chinese is the default, English is the one translation.

export type Locale = "zh-CN" | "en-US";

const zhCN = {
  title: "绩效核对",
  subtitle: "预算绩效指标表与财务报表核对",
  connecting: "正在连接 Excel…",
  outsideTitle: "请在 Excel 中打开",
  outsideBody: "此页面是 Excel 加载项的任务窗格，需要在 Excel 中作为加载项打开，不能直接在浏览器中使用。",
  otherHostBody: "此加载项只适用于 Excel。",
  noOfficeJsBody: "未能加载 Office 脚本（office.js），请检查网络连接后重新打开。",
  sideloadTitle: "如何加载",
  sideloadWeb: "Excel 网页版：开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项，选择 manifest.xml。",
  sideloadDesktop: "Excel 桌面版：在项目目录运行 npm start（或 npm run sideload）。",
  checkIndicators: "核对指标",
  clearResults: "清除结果",
  comingSoon: "这两项功能将在 Excel 适配器完成后启用。",
} as const;

export type Strings = { readonly [K in keyof typeof zhCN]: string };

const enUS: Strings = {
  title: "绩效核对 · Performance Check",
  subtitle: "Checks budget-performance indicator tables and financial statements",
  connecting: "Connecting to Excel…",
  outsideTitle: "Open this in Excel",
  outsideBody: "This page is the task pane of an Excel add-in. It must be opened inside Excel as an add-in, not directly in a browser.",
  otherHostBody: "This add-in works in Excel only.",
  noOfficeJsBody: "The Office script (office.js) could not be loaded. Check the network connection and open the add-in again.",
  sideloadTitle: "How to load it",
  sideloadWeb: "Excel on the web: Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in, then choose manifest.xml.",
  sideloadDesktop: "Excel desktop: run npm start (or npm run sideload) in the project folder.",
  checkIndicators: "Check indicators",
  clearResults: "Clear results",
  comingSoon: "Coming in the Excel adapter issue.",
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
