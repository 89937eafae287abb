/**
 * Unit families (docs/rules.md §3). Values compare only within a family, after conversion to
 * the family's base unit. Magnitude words (千/万/亿) are prefixes that scale any unit.
 */
export type UnitFamily =
  | "money"
  | "persons"
  | "person_times"
  | "pages"
  | "duration"
  | "area"
  | "ratio"
  | "count"
  | "score"
  | "other";

export interface UnitInfo {
  /** the unit as written, magnitude word included: "万人", "亿元", "%" */
  readonly text: string;
  readonly family: UnitFamily;
  /** base-unit name of the family ("元", "人", "天", "%", or the count word itself) */
  readonly base: string;
  /** power of ten to the base unit when exact (万元 → 4); null when the factor is not a power of ten */
  readonly pow10: number | null;
  /** multiplicative factor to the base unit (always set) */
  readonly factor: number;
  /** for compound units (元/人): the denominator; for per-period counts (次/年): the period */
  readonly per?: string;
  /** true for "次/年"-style per-year targets that compare with the year's plain count */
  readonly perYear?: boolean;
}

interface BaseUnit {
  family: UnitFamily;
  base: string;
  pow10: number | null;
  factor: number;
}

const BASE_UNITS: Record<string, BaseUnit> = {
  元: { family: "money", base: "元", pow10: 0, factor: 1 },
  人: { family: "persons", base: "人", pow10: 0, factor: 1 },
  人次: { family: "person_times", base: "人次", pow10: 0, factor: 1 },
  页: { family: "pages", base: "页", pow10: 0, factor: 1 },
  分钟: { family: "duration", base: "天", pow10: null, factor: 1 / 1440 },
  小时: { family: "duration", base: "天", pow10: null, factor: 1 / 24 },
  天: { family: "duration", base: "天", pow10: 0, factor: 1 },
  日: { family: "duration", base: "天", pow10: 0, factor: 1 },
  工作日: { family: "duration", base: "天", pow10: 0, factor: 1 },
  个工作日: { family: "duration", base: "天", pow10: 0, factor: 1 },
  周: { family: "duration", base: "天", pow10: null, factor: 7 },
  个月: { family: "duration", base: "天", pow10: null, factor: 30 },
  月: { family: "duration", base: "天", pow10: null, factor: 30 },
  年: { family: "duration", base: "天", pow10: null, factor: 365 },
  平方米: { family: "area", base: "平方米", pow10: 0, factor: 1 },
  m2: { family: "area", base: "平方米", pow10: 0, factor: 1 },
  "%": { family: "ratio", base: "%", pow10: 0, factor: 1 },
  "‰": { family: "ratio", base: "%", pow10: -1, factor: 0.1 },
  分: { family: "score", base: "分", pow10: 0, factor: 1 },
};

/** Count words: each is its own base; all belong to the count family and compare with each other. */
export const COUNT_WORDS = [
  "品种", "个", "项", "次", "件", "家", "户", "场", "期", "份", "批", "篇", "所", "台", "套", "张",
  "种", "类", "条", "本", "册", "部", "处", "宗", "笔", "例", "门", "支", "座", "间", "名",
];

for (const w of COUNT_WORDS) {
  if (!(w in BASE_UNITS)) BASE_UNITS[w] = { family: "count", base: w, pow10: 0, factor: 1 };
}

const MAGNITUDES: Array<[string, number]> = [
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
  ["千", 3],
];

/** Alternative spellings folded before lookup. */
const ALIASES: Record<string, string> = {
  百分比: "%",
  百分点: "%",
  平方: "平方米",
  平米: "平方米",
  个百分点: "%",
  人民币元: "元",
  分值: "分",
  名: "人",
  位: "人",
};

const cache = new Map<string, UnitInfo | null>();

/** Own keys only: a cell reading "5valueOf" must not find Object.prototype.valueOf. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function lookupSimple(text: string): UnitInfo | null {
  const aliased = own(ALIASES, text) ?? text;
  const direct = own(BASE_UNITS, aliased);
  if (direct) return { text, family: direct.family, base: direct.base, pow10: direct.pow10, factor: direct.factor };
  for (const [word, p] of MAGNITUDES) {
    if (aliased.startsWith(word) && aliased.length > word.length) {
      const rest = own(ALIASES, aliased.slice(word.length)) ?? aliased.slice(word.length);
      const b = own(BASE_UNITS, rest);
      if (b && b.family !== "ratio" && b.family !== "duration" && b.family !== "score") {
        return {
          text,
          family: b.family,
          base: b.base,
          pow10: b.pow10 === null ? null : b.pow10 + p,
          factor: b.factor * Math.pow(10, p),
        };
      }
    }
  }
  return null;
}

const PERIOD_WORDS = new Set(["年", "每年", "全年", "年度"]);

/**
 * Look up a unit text (already normalised: no spaces, ASCII punctuation).
 * Unknown units become family "other" and compare only with the identical text.
 */
export function lookupUnit(text: string): UnitInfo | null {
  if (text === "") return null;
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let info: UnitInfo | null = lookupSimple(text);
  if (!info) {
    const slash = text.indexOf("/");
    if (slash > 0) {
      const num = text.slice(0, slash);
      const den = text.slice(slash + 1);
      const numInfo = lookupSimple(num);
      if (numInfo && PERIOD_WORDS.has(den)) {
        info = { ...numInfo, text, per: "年", perYear: true };
      } else if (numInfo) {
        info = { text, family: numInfo.family, base: `${numInfo.base}/${den}`, pow10: numInfo.pow10, factor: numInfo.factor, per: den };
      }
    }
  }
  if (!info) info = { text, family: "other", base: text, pow10: 0, factor: 1 };
  cache.set(text, info);
  return info;
}

/** The 1:1 key under which two units compare: family plus base (counts compare across words). */
export function comparableKey(u: UnitInfo): string {
  if (u.family === "count") return u.per && !u.perYear ? `count/${u.per}` : "count";
  return u.family === "other" ? `other:${u.base}` : `${u.family}:${u.base}`;
}

/** Every unit text the parser should recognise after a number (longest first). */
export function knownUnitTexts(): string[] {
  const base = Object.keys(BASE_UNITS).concat(Object.keys(ALIASES));
  const withMag: string[] = [];
  for (const [w] of MAGNITUDES) for (const b of ["元", "人", "人次", "页"]) withMag.push(w + b);
  return Array.from(new Set(base.concat(withMag))).sort((a, b) => b.length - a.length);
}
