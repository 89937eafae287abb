/**
 * Deadlines and dates (docs/standard-forms.md, "Dates and deadlines"): `2023年12月31日前`,
 * `12月底前完成`, `年底前`, `6月30日前上线`, `按时完成` as targets; `2023年11月30日`, `11月完成`,
 * `已按时完成`, `延期至2024年3月` as actuals. Pure; never throws.
 */
import { CellValue } from "../basics/grid";
import { normalizeText, parseChineseNumeral } from "../basics/normalize-text";

/** A day, or a whole month (day null: compared at the month's end on a deadline). */
export interface SheetDate {
  y: number | null;
  m: number;
  d: number | null;
}

export type Deadline = { date: SheetDate | null; text: string };

export type DateActual =
  | { kind: "date"; date: SheetDate; late: boolean }
  | { kind: "on_time" }
  | { kind: "late" }
  | { kind: "not_done" };

const LAST_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number | null, m: number, d: number | null): boolean {
  if (!(m >= 1 && m <= 12)) return false;
  if (y !== null && !(y >= 1900 && y <= 2200)) return false;
  return d === null || (d >= 1 && d <= LAST_DAY[m - 1]);
}

/** 十二月 → 12月, 三季度 → 3季度: Chinese numerals before 月 / 日 / 季度 as digits. */
function digitsForNumerals(s: string): string {
  return s.replace(/([零〇一二两三四五六七八九十]{1,3})(月|日|号|季度)/g, (whole, n: string, unit: string) => {
    const v = parseChineseNumeral(n);
    return v === null ? whole : `${v}${unit}`;
  });
}

interface Found {
  date: SheetDate;
  /** the matched text, removed to see what is left */
  text: string;
}

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => SheetDate | null]> = [
  // 2023年12月31日, 2023.12.31, 2023-12-31, 2023/12/31
  [/(\d{4})(?:年|\.|-|\/)(\d{1,2})(?:月|\.|-|\/)(\d{1,2})(?:日|号)?/, (m) => ({ y: +m[1], m: +m[2], d: +m[3] })],
  // 2023年12月底 / 2023年12月
  [/(\d{4})年(\d{1,2})月(?:底|末|份|下旬)?/, (m) => ({ y: +m[1], m: +m[2], d: null })],
  // 2023年底, 2023年末, 2023年内
  [/(\d{4})年(?:底|末|内|年底|年末|度内)/, (m) => ({ y: +m[1], m: 12, d: 31 })],
  // 2023年上半年 / 下半年
  [/(\d{4})年上半年/, (m) => ({ y: +m[1], m: 6, d: 30 })],
  [/(\d{4})年下半年/, (m) => ({ y: +m[1], m: 12, d: 31 })],
  // 12月31日
  [/(\d{1,2})月(\d{1,2})(?:日|号)/, (m) => ({ y: null, m: +m[1], d: +m[2] })],
  // 12月底, 11月份, 11月
  [/(\d{1,2})月(?:底|末|份|下旬)?/, (m) => ({ y: null, m: +m[1], d: null })],
  // 第三季度末, 三季度
  [/第?([1-4])季度(?:末|底)?/, (m) => ({ y: null, m: +m[1] * 3, d: null })],
  [/上半年|年中/, () => ({ y: null, m: 6, d: 30 })],
  [/年底|年末|年内|年度内|本年度|当年|下半年|全年/, () => ({ y: null, m: 12, d: 31 })],
];

function findDate(s: string): Found | null {
  for (const [re, build] of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    const date = build(m);
    if (date && validDate(date.y, date.m, date.d)) return { date, text: m[0] };
  }
  return null;
}

/** What may stand around a deadline's date: 前, 之前, 完成, 上线… */
const DEADLINE_REST_RE = /^(于|在|截至|截止|至|到)?(前|之前|以前|底前|末前|内|以内|之内)?(全部|全面|按时|按期)?(完成|上线|投入使用|投用|验收|实现|办结|到位|结束|启动|开展|实施|交付|支付|拨付|建成|运行|部署)?(任务|工作|建设|验收)?(前|之前)?$/;
const ON_TIME_TARGET_RE = /^(按时|按期|如期|按计划|按进度|按时间节点|按规定时间|按规定时限)(完成|上线|办结|实施|推进|开展|到位|支付|拨付|验收|交付)?(任务|工作|率100%)?$/;
const DEADLINE_WORD_RE = /(前|之前|以前|截至|截止|内|底|末)/;

/** Normalised text of a cell for these parsers; numbers that are date serials come as dates elsewhere. */
function textOf(v: CellValue): string {
  if (typeof v !== "string") return "";
  return digitsForNumerals(normalizeText(v).replace(/[。;；,，!！]+$/, ""));
}

/** A target that is a deadline (or 按时完成 without a date), else null. Never throws. */
export function parseDeadline(v: CellValue, format?: string | null): Deadline | null {
  try {
    const serial = dateFromSerial(v, format);
    if (serial) return { date: serial, text: formatDate(serial) };
    const s = textOf(v);
    if (s === "" || s.length > 40) return null;
    if (ON_TIME_TARGET_RE.test(s)) return { date: null, text: s };
    const found = findDate(s);
    if (!found) return null;
    const at = s.indexOf(found.text);
    const before = s.slice(0, at);
    const after = s.slice(at + found.text.length);
    if (before !== "" && !/^(于|在|截至|截止|不晚于|最迟|力争|计划|预计)$/.test(before)) return null;
    if (!DEADLINE_REST_RE.test(after)) return null;
    // a bare month or year word needs a deadline word (前, 底, 内…) or a verb: "11月" alone is not a target
    if (after === "" && before === "" && !DEADLINE_WORD_RE.test(found.text) && found.date.d === null) return null;
    return { date: found.date, text: s };
  } catch {
    return null;
  }
}

const LATE_RE = /(延期|延迟|推迟|逾期|滞后|未按时|未按期|未如期|超期|拖延)/;
const NOT_DONE_RE = /(未完成|尚未|没有完成|未能完成|未上线|未实施|未开展|未启动|正在|进行中|推进中|实施中|建设中|未验收)/;
const ON_TIME_RE = /(按时|按期|如期|提前|准时)/;
const DONE_RE = /^(已|均已|全部|已全部|均)?(完成|上线|验收|办结|到位|实现|建成|交付|投入使用|支付|拨付)/;

/** An actual against a deadline, else null. Never throws. */
export function parseDateActual(v: CellValue, format?: string | null): DateActual | null {
  try {
    const serial = dateFromSerial(v, format);
    if (serial) return { kind: "date", date: serial, late: false };
    const s = textOf(v);
    if (s === "" || s.length > 60) return null;
    const late = LATE_RE.test(s);
    const found = findDate(s);
    if (found) return { kind: "date", date: found.date, late };
    if (late) return { kind: "late" };
    if (NOT_DONE_RE.test(s)) return { kind: "not_done" };
    if (ON_TIME_RE.test(s) || DONE_RE.test(s)) return { kind: "on_time" };
    return null;
  } catch {
    return null;
  }
}

/** A number in a date format (yyyy/m/d, yyyy"年"m"月"d"日"): Excel's day serial. */
function dateFromSerial(v: CellValue, format?: string | null): SheetDate | null {
  if (typeof v !== "number" || !format || !Number.isFinite(v) || v < 1 || v > 120000) return null;
  const f = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "").toLowerCase();
  if (!/y/.test(f) || !/d|m/.test(f) || /0/.test(f)) return null;
  const ms = Math.round((v - 25569) * 86400000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: /d/.test(f) ? d.getUTCDate() : null };
}

export function formatDate(d: SheetDate): string {
  return `${d.y === null ? "" : `${d.y}年`}${d.m}月${d.d === null ? "" : `${d.d}日`}`;
}

export type DeadlineVerdict = { status: "met" | "not_met"; deadline: string; actual: string } | { status: "ambiguous" | "unknown"; deadline: string; actual: string } | null;

/**
 * Compare an actual with a deadline. Years missing on either side come from the table's year,
 * else from the other side. A deadline's month without a day means the month's end; an actual
 * month without a day is met before the deadline's month, missed after it, and ambiguous within it.
 */
export function compareDeadline(deadline: Deadline, actual: DateActual, tableYear: number | null): DeadlineVerdict {
  const dl = deadline.date;
  const dText = dl ? formatDate(withYear(dl, tableYear)) : deadline.text;
  if (actual.kind === "on_time") return { status: "met", deadline: dText, actual: "按时完成" };
  if (actual.kind === "late") return { status: "not_met", deadline: dText, actual: "延期" };
  if (actual.kind === "not_done") return { status: "not_met", deadline: dText, actual: "未完成" };
  if (!dl) return { status: "unknown", deadline: dText, actual: formatDate(actual.date) };
  const dy = dl.y ?? tableYear ?? actual.date.y;
  const ay = actual.date.y ?? tableYear ?? dl.y;
  const D = { y: dy ?? 0, m: dl.m, d: dl.d };
  const A = { y: ay ?? 0, m: actual.date.m, d: actual.date.d };
  const aText = formatDate({ y: ay, m: A.m, d: A.d });
  const dShown = formatDate({ y: dy, m: D.m, d: D.d });
  const monthCmp = A.y !== D.y ? A.y - D.y : A.m - D.m;
  if (monthCmp < 0) return { status: "met", deadline: dShown, actual: aText };
  if (monthCmp > 0) return { status: "not_met", deadline: dShown, actual: aText };
  if (D.d === null || D.d === LAST_DAY[D.m - 1] || (D.m === 2 && D.d >= 28)) {
    // due at the month's end: anything in that month is in time
    return { status: "met", deadline: dShown, actual: aText };
  }
  if (A.d === null) return { status: "ambiguous", deadline: dShown, actual: aText };
  return { status: A.d <= D.d ? "met" : "not_met", deadline: dShown, actual: aText };
}

function withYear(d: SheetDate, year: number | null): SheetDate {
  return d.y === null && year !== null ? { ...d, y: year } : d;
}
