// The pane's language, chosen once from Office's display language and read by every component.
import { createContext, useContext } from "react";
import type { Bilingual } from "../../core/basics/text";
import { type Locale, type Strings, sentence, stringsFor } from "./i18n";

export interface LocaleValue {
  locale: Locale;
  t: Strings;
  /** pick the zh or en form of an engine or adapter message (the English one starts with a capital) */
  pick(bilingual: Bilingual): string;
}

export function localeValue(locale: Locale): LocaleValue {
  return { locale, t: stringsFor(locale), pick: (b) => (locale === "en-US" ? sentence(b.en) : b.zh) };
}

export const LocaleContext = createContext<LocaleValue>(localeValue("zh-CN"));

export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}
