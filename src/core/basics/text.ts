/**
 * The one shape of text in two languages: Simplified Chinese, the language of the forms and of every
 * written cell, and its English translation. Every layer's messages are Bilingual (ARCHITECTURE.md,
 * "Messages and languages").
 */
import { z } from "zod";

export const BilingualSchema = z.object({ zh: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof BilingualSchema>;

export type Lang = "zh" | "en";

/** The text in one language. */
export function inLang(text: Bilingual, lang: Lang): string {
  return lang === "en" ? text.en : text.zh;
}

/** Both languages on one line, Chinese first: "中文 / English". */
export function bothLangs(text: Bilingual): string {
  return `${text.zh} / ${text.en}`;
}
