/**
 * Folds the many ways pasted text writes the same thing into one ASCII-leaning form:
 * full-width digits and punctuation, U+2212 minus, odd spaces and line breaks.
 * Chinese characters are kept as they are.
 */
import { LOOKALIKE_OPERATORS } from "./vocabulary";

const FOLDS: Record<string, string> = {
  "\u2212": "-", // minus sign
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-", // en dash, as in 90%–100%
  "\uFE63": "-",
  "\uFF0D": "-",
  "\u3000": " ",
  "\u00A0": " ",
  // look-alike operators (≧ ≦ ═ ﹦ ＝): the vocabulary's list
  ...LOOKALIKE_OPERATORS,
  "\u33A1": "平方米", // ㎡ (NFKC would give "m2")
  "\u301C": "~", // 〜 wave dash
  "\uFF5E": "~",
  "\u223C": "~",
  "\u00B7": "·",
};

const FOLD_RE = new RegExp(`[${Object.keys(FOLDS).join("")}]`, "g");

/** Full-width ASCII block (！ to ～) to ASCII. */
function foldFullWidth(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

/** Fold full-width forms and special characters; collapse whitespace (incl. line breaks) to nothing. */
const NEEDS_WORK_RE = new RegExp(`[\\s\u200B\uFEFF\uFF01-\uFF5E${Object.keys(FOLDS).join("")}]`);

export function normalizeText(raw: string): string {
  // fast path: most cells hold nothing to fold
  if (!NEEDS_WORK_RE.test(raw)) return raw;
  let s = raw.replace(FOLD_RE, (ch) => FOLDS[ch]);
  if (/[\uFF01-\uFF5E]/.test(s)) s = foldFullWidth(s);
  return s.replace(/[\s\u200B\uFEFF]+/g, "");
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

export const CHINESE_NUMERAL_CHARS = "零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿";

/** Parse a Chinese numeral such as 两, 十二, 一百零五, 三万. Returns null if not one. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      section += (digit < 0 ? 1 : digit) * CN_UNITS[ch];
      digit = -1;
    } else if (ch === "万" || ch === "亿") {
      const mult = ch === "万" ? 1e4 : 1e8;
      section += digit < 0 ? 0 : digit;
      total = (total + (section === 0 ? 1 : section)) * mult;
      section = 0;
      digit = -1;
    } else {
      return null;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

const CJK = "\u3000-\u9fff\uff00-\uffef";
// a space before a CJK character, or one after it (the character kept by "$1"); no lookbehind,
// which Safari before 16.4 cannot parse (docs/excel-platform.md)
const SPACE_NEAR_CJK = new RegExp(`([${CJK}]) | (?=[${CJK}])`, "g");

/**
 * Text as shown back to the user (names, levels): line breaks a PDF paste put inside a
 * Chinese name are removed, spaces between Latin words are kept.
 */
export function displayText(raw: string): string {
  if (!/\s/.test(raw)) return raw;
  return raw.replace(/[\s\u3000\u00A0]+/g, " ").trim().replace(SPACE_NEAR_CJK, "$1");
}
