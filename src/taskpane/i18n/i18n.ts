// Task pane strings: Simplified Chinese is the default, English is the one translation. The strings
// live by panel in strings-*.ts; a new language adds one object per file and an entry in STRINGS.
// "{name}" marks a value filled in by `fmt`.
import { auditEn, auditZh } from "./strings-audit";
import { checkEn, checkZh } from "./strings-check";
import { compareEn, compareZh } from "./strings-compare";
import { reportEn, reportZh } from "./strings-report";
import { settingsEn, settingsZh } from "./strings-settings";
import { shellEn, shellZh } from "./strings-shell";

export type Locale = "zh-CN" | "en-US";

const zhCN = { ...shellZh, ...checkZh, ...settingsZh, ...compareZh, ...auditZh, ...reportZh } as const;

export type StringKey = keyof typeof zhCN;
export type Strings = { readonly [K in StringKey]: string };

const enUS: Strings = { ...shellEn, ...checkEn, ...settingsEn, ...compareEn, ...auditEn, ...reportEn };

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

/**
 * Fill "{name}" placeholders; "{name|one|other}" is the word for that count: "1 row", "2 rows"
 * (Chinese templates need none).
 */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, key: string, one?: string, other?: string) => {
    if (!(key in values)) return whole;
    if (one === undefined || other === undefined) return String(values[key]);
    return Number(values[key]) === 1 ? one : other;
  });
}

/** An engine message shown as a sentence of its own: English ones start with a capital. */
export function sentence(text: string): string {
  return text.replace(/^([("“]?)([a-z])/, (_, open: string, first: string) => open + first.toUpperCase());
}
