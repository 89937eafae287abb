/**
 * The five public self-evaluation reports the seed figures come from (seeds/reports/: one plain-text
 * file per report, extracted from the published PDF, and index.json naming each report's issuer,
 * year and title). A seed figure cites its report by id and a section in the report's own
 * numbering (一（四）, 二（二）1（8）, 一（四）一1); `locateSection` finds that section in the text so a
 * reader (and the tests) can open the sentence a figure came from. See seeds/README.md.
 *
 * Pure: the caller reads the text (the CLI and tests from disk); only the index is bundled.
 */
import { z } from "zod";
import reportIndex from "../../../seeds/reports/index.json";

export const ReportSchema = z
  .object({
    /** the seed id of the department-year it reports on, e.g. jiangmen-2023 */
    id: z.string().regex(/^[a-z]+-\d{4}$/),
    /** the text's file name under seeds/reports/ */
    file: z.string().regex(/^[a-z]+-\d{4}\.txt$/),
    /** the department that published it */
    issuer: z.string().min(1),
    /** the year reported on */
    year: z.number().int().min(2000).max(2100),
    /** the title a citation uses: issuer, year and kind of report */
    title: z.string().min(1),
    /** the title line(s) as the text prints them, null when the text prints none */
    printedTitle: z.string().min(1).nullable(),
    /** why `title` differs from what is printed */
    titleNote: z.string().min(1).optional(),
  })
  .strict();
export type Report = z.infer<typeof ReportSchema>;

export const ReportIndexSchema = z.object({ reports: z.array(ReportSchema).min(1) }).strict();

/** The index, checked at load so a broken file fails at start-up. */
export const REPORTS: readonly Report[] = Object.freeze(ReportIndexSchema.parse(reportIndex).reports);

const BY_ID = new Map<string, Report>(REPORTS.map((r) => [r.id, r]));

export function reportById(id: string): Report | undefined {
  return BY_ID.get(id);
}

/** 《title》 for a known report id; the id itself otherwise (an own department's sheet name). */
export function reportTitle(id: string): string {
  const report = BY_ID.get(id);
  return report ? `《${report.title}》` : id;
}

/** 《title》 一（四）: how notes and listings cite a figure. */
export function citeReport(id: string, section: string): string {
  return `${reportTitle(id)} ${section}`;
}

// ── sections ─────────────────────────────────────────────────────────────────

const CN_DIGITS = "一二三四五六七八九十";

/** One level of a section number: 二 (a Chinese numeral), （二）, 1, （1）. */
export interface SectionStep {
  kind: "numeral" | "paren_numeral" | "number" | "paren_number";
  /** as written in the section id: 二, 1 */
  n: string;
}

/** "二（二）1（8）" → its steps, outermost first; null when it is not a section number. */
export function parseSection(section: string): SectionStep[] | null {
  const token = new RegExp(`[（(]([${CN_DIGITS}]+)[）)]|[（(](\\d+)[）)]|([${CN_DIGITS}]+)|(\\d+)`, "y");
  const steps: SectionStep[] = [];
  let at = 0;
  const s = section.trim();
  while (at < s.length) {
    token.lastIndex = at;
    const m = token.exec(s);
    if (!m) return null;
    if (m[1] !== undefined) steps.push({ kind: "paren_numeral", n: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: "paren_number", n: m[2] });
    else if (m[3] !== undefined) steps.push({ kind: "numeral", n: m[3] });
    else steps.push({ kind: "number", n: m[4] });
    at = token.lastIndex;
  }
  return steps.length ? steps : null;
}

/** 一…九十九 → 1…99; NaN for anything else. */
export function numeralValue(cn: string): number {
  const digit = (c: string) => "一二三四五六七八九".indexOf(c) + 1;
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(cn);
  if (!m || cn === "") return NaN;
  if (m[2] === "") return m[1] !== "" && m[3] === "" ? digit(m[1]) : NaN;
  return (m[1] === "" ? 1 : digit(m[1])) * 10 + (m[3] === "" ? 0 : digit(m[3]));
}

/** 1…99 → 一…九十九. */
export function numeralText(k: number): string {
  const d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (k < 10) return d[k];
  return `${k >= 20 ? d[Math.floor(k / 10)] : ""}十${d[k % 10]}`;
}

/** The number of the heading after this one at its level: 二 → 三, （9） → （10）; null when there is none to name. */
function successor(step: SectionStep): string | null {
  if (step.kind === "number" || step.kind === "paren_number") return String(Number(step.n) + 1);
  const k = numeralValue(step.n);
  return Number.isNaN(k) || k >= 99 ? null : numeralText(k + 1);
}

/** Where a line starts: its beginning, spaces, and markdown heading and bold marks (# **). */
const LINE_START = "(?:^|\\n)[ \\t\\u3000#*]*";

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The heading forms one step may take in a report, numbered `n`, as regular-expression sources.
 *  numeral, outermost: "二、" at a line start; deeper: "二是" (一是…二是… lists) or "二、"
 *  （二） / (二), 1. / 1、 / 1． at a line start, （1） / (1) at a line start.
 */
function headingForms(step: SectionStep, depth: number, n: string): string[] {
  const cn = escape(n);
  const num = `${escape(n)}(?!\\d)`;
  switch (step.kind) {
    case "numeral":
      return depth === 0 ? [`${LINE_START}${cn}[、．.]`] : [`(?<![${CN_DIGITS}])${cn}是`, `${LINE_START}${cn}[、．.]`];
    case "paren_numeral":
      return [`${LINE_START}[（(]${cn}[）)]`];
    case "number":
      return [`${LINE_START}${num}\\s*[.、．](?!\\d)`];
    case "paren_number":
      return [`${LINE_START}[（(]${num}[）)]`];
  }
}

function firstMatch(text: string, sources: string[], from: number): { index: number; end: number } | null {
  let best: { index: number; end: number } | null = null;
  for (const source of sources) {
    const re = new RegExp(source, "g");
    re.lastIndex = from;
    const m = re.exec(text);
    if (m && (best === null || m.index < best.index)) best = { index: m.index, end: m.index + m[0].length };
  }
  return best;
}

/** A section found in a report's text: [start, end) from its heading to the next heading at its level or above. */
export interface SectionSpan {
  start: number;
  end: number;
}

/**
 * Finds a section by its number: each step's heading inside the section found for the step before
 * it. A section ends where the next section at its level begins (the same form, the next number:
 * 2. after 1.), or where its parent ends; a list numbered 1. 2. inside it does not end it. Null
 * when a step's heading is not inside its parent.
 */
export function locateSection(text: string, section: string): SectionSpan | null {
  const steps = parseSection(section);
  if (!steps) return null;
  let span: SectionSpan = { start: 0, end: text.length };
  for (const [depth, step] of steps.entries()) {
    const found = firstMatch(text, headingForms(step, depth, step.n), span.start === 0 && depth === 0 ? 0 : span.start + 1);
    if (!found || found.index >= span.end) return null;
    let end = span.end;
    const after = successor(step);
    const next = after === null ? null : firstMatch(text, headingForms(step, depth, after), found.end);
    if (next && next.index < end) end = next.index;
    span = { start: found.index, end };
  }
  return span;
}
