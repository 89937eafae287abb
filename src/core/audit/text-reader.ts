/**
 * Figures written inside sentences: `基本支出 4,211.64 万元，占 2.59%`,
 * `较上年增加 X 万元，增长 Y%`, `其中：…`, `（含…）`, `具体情况如下：` followed by numbered
 * paragraphs. Each figure becomes an item (a labelled amount) or a modifier of the item
 * before it (its share, its prior-year figure, its change, its growth rate).
 */
import { a1 } from "../basics/address";
import { Grid } from "../basics/grid";
import { normalizeText } from "../basics/normalize-text";
import { parseQuantityText } from "../basics/quantity";
import type { UnitInfo } from "../basics/unit-table";
import { Figure, comparable, figureFrom } from "./figure";
import { groupsFor } from "./grouping";
import { RELATIONS, labelledItem, matchLabel } from "./labels";
import { Direction, Group, Item } from "./model";
import { titleLineUnit } from "./units";

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const UNITS = "亿元|万元|千元|元|万人次|人次|万人|人|%|分|名";
const FIGURE_RE = new RegExp(`(${NUMBER})(${UNITS})`, "g");
const BOUNDARY = /[,;。:、()!?]/;
const ENUM_START = /^(?:([一二三四五六七八九十]+)是|([一二三四五六七八九十]+)[、.]|(\d+)[、.](?!\d)|\((\d+)\)|\(([一二三四五六七八九十]+)\))/;

const SHARE_RE = /(占比|比重|占)(为|达)?$|占[^,;。\d]{0,16}的(比重|比例)?(为|达)?$/;
const DIRECTION_RE = /(增加|增长|上升|提高|减少|下降|降低|持平|增幅|降幅|减幅)了?(幅度)?(为|达)?$/;
const COMPARE_RE = /(比|较|与|同比|相比)/;
const AFTER_DIRECTION_RE = /^(对比|相比)?(增加|增长|上升|提高|减少|下降|降低|持平)/;
/** "…，上年26,004.10万元，增长9.40%": last year's figure of the item before, in a clause of its own */
const PRIOR_CLAUSE_RE = /^(上年|上年度|去年|上一年|上年同期)(决算|决算数|同期|数)?(为|是|达|共|计)?$/;
/** "2023年项目支出…，2022年26,004.10万元": an earlier year's figure of the item before */
const YEAR_CLAUSE_RE = /^(\d{4})年度?(决算|决算数|数)?(为|是|达)?$/;
/** A number written without a unit (read only under a title line's unit): 1,203.34 or 3803.38. */
const BARE_NUMBER_RE = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+/g;
/** What a number without a unit after these words is: a rate, a score or a count, never an amount. */
const NOT_AMOUNT_RE = /(率|比例|比重|占比|得分|分值|评分|分数|人数|次数|天数|户数|个数|数量|面积|长度|年龄|指数|系数)(为|达|是|共|约|达到)?$/;

const DIRECTION_SIGN: Record<string, 1 | -1 | 0> = {
  增加: 1, 增长: 1, 上升: 1, 提高: 1, 增幅: 1, 减少: -1, 下降: -1, 降低: -1, 降幅: -1, 减幅: -1, 持平: 0,
};

export interface TextFigure {
  figure: Figure;
  start: number;
  end: number;
}

/**
 * Every figure with a unit in a normalised text, skipping compound units (元/人) and 分钟. Under a
 * title line (`单位：万元`, `bareUnit`) a number written without a unit is a figure in that unit too,
 * when it has decimals or thousands separators, follows a word and ends its clause
 * (`本年支出合计3,803.38，其中…`): a count (`3个项目`), a year or a list number never is.
 */
export function figuresIn(text: string, at: { cell: string; row: number; col: number }, bareUnit: UnitInfo | null = null): TextFigure[] {
  const withUnit = unitFigures(text, at);
  if (!bareUnit) return withUnit;
  const bare: TextFigure[] = [];
  BARE_NUMBER_RE.lastIndex = 0;
  for (let m = BARE_NUMBER_RE.exec(text); m; m = BARE_NUMBER_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (withUnit.some((f) => start < f.end && end > f.start)) continue;
    if (!/[.,]/.test(m[0])) continue;
    const prev = text[start - 1] ?? "";
    const next = text[end] ?? "";
    if (!/[\u4e00-\u9fa5:]/.test(prev) || prev === "第") continue;
    if (next !== "" && !BOUNDARY.test(next)) continue;
    if (NOT_AMOUNT_RE.test(text.slice(0, start).replace(/:$/, ""))) continue;
    const r = parseQuantityText(m[0]);
    if (!r || !r.ok || r.q.unit !== null) continue;
    bare.push({ figure: figureFrom(r.q, at, m[0], bareUnit, false), start, end });
  }
  return [...withUnit, ...bare].sort((a, b) => a.start - b.start);
}

function unitFigures(text: string, at: { cell: string; row: number; col: number }): TextFigure[] {
  const out: TextFigure[] = [];
  FIGURE_RE.lastIndex = 0;
  for (let m = FIGURE_RE.exec(text); m; m = FIGURE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const prev = text[start - 1] ?? "";
    const next = text[end] ?? "";
    if (/[\d.]/.test(prev) || prev === "第" || prev === "/") continue;
    if (next === "/" || next === "多" || next === "余") continue;
    const unit = m[2];
    if (unit === "分" && next !== "" && !BOUNDARY.test(next) && next !== "其" && next !== "(") continue;
    if (unit === "人" && /[员口数均]/.test(next)) continue;
    if (unit === "名" && next !== "" && !/[医参困贫低救]/.test(next) && !BOUNDARY.test(next)) continue;
    const r = parseQuantityText(m[1] + unit);
    if (!r || !r.ok) continue;
    out.push({ figure: figureFrom(r.q, at, m[0], null, false), start, end });
  }
  return out;
}

/** The label in the words before a figure: no year, no "我局", no "为/达". */
export function cleanTextLabel(segment: string): string {
  let t = segment;
  t = t.replace(ENUM_START, "");
  t = t.replace(/^(其中|具体为|包括|含)[:,]?/, "");
  t = t.replace(/^按[^,;。]{1,12}?(分类|来源|性质|划分)[,:]?/, "");
  t = t.replace(/截至[^,;。]*?(年底|年末|月底|底)/g, "");
  t = t.replace(/\d{4}年(度)?/g, "").replace(/\d{1,2}月(底|末)?/g, "");
  const org = /^.*?(医疗保障局|医保局|本单位|本部门|我部门|我局|本局|全省|全市|我省|我市)/.exec(t);
  if (org && org[0].length < t.length) t = t.slice(org[0].length);
  for (let i = 0; i < 3; i++) t = t.replace(/(为|达|达到|共|共计|约|是|有|的|已达|累计)$/, "");
  t = t.replace(/^(共|累计|全年)/, "");
  return t;
}

interface Scope {
  anchor: Item;
  groups: Item[][];
  exhaustive: boolean;
  /** inside a reason clause: figures there are not parts */
  suspended?: boolean;
}

interface Paren {
  anchor: Item | null;
  items: Item[];
  lastBefore: Item | null;
}

export interface TextRead {
  items: Item[];
  groups: Group[];
  cells: string[];
}

interface Continuation {
  anchor: Item;
  parts: Item[];
  style: string | null;
}

/** Read every text cell outside the given tables as sentences with figures. */
export function readText(grid: Grid, skip: (r: number, c: number) => boolean, nextId: number): TextRead {
  const items: Item[] = [];
  const groups: Group[] = [];
  const cells: string[] = [];
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  let id = nextId;
  let continuation: Continuation | null = null;
  // the unit of the nearest title line above (单位：万元): it reaches the sentences below it
  let titleUnit: UnitInfo | null = null;
  const closeContinuation = () => {
    if (continuation && continuation.parts.length) groups.push(...groupsFor(continuation.anchor, continuation.parts, { exhaustive: false }));
    continuation = null;
  };
  for (let r = 0; r < grid.values.length; r++) {
    const line = grid.values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v !== "string" || skip(r, c)) continue;
      const text = normalizeText(v);
      if (text === "") continue;
      const at = { cell: a1(firstRow + r, firstCol + c), row: firstRow + r, col: firstCol + c };
      const figs = figuresIn(text, at, titleUnit);
      if (figs.length === 0) titleUnit = titleLineUnit(text) ?? titleUnit;
      const style = enumStyle(text);
      if (continuation && (style === null || (continuation.style !== null && style !== continuation.style))) closeContinuation();
      if (figs.length === 0) continue;
      cells.push(at.cell);
      const read = readCell(text, figs, at, id, continuation);
      id += read.items.length;
      items.push(...read.items);
      groups.push(...read.groups);
      const subject = read.firstRoot?.values.current;
      const anchorFigure = continuation?.anchor.values.current;
      if (continuation && read.firstRoot && subject && anchorFigure && subject.unit?.family !== "ratio" && comparable(subject, anchorFigure)) {
        continuation.parts.push(read.firstRoot);
        if (continuation.style === null) continuation.style = style;
      }
      if (read.opensContinuation) {
        closeContinuation();
        continuation = { anchor: read.opensContinuation, parts: [], style: null };
      }
    }
  }
  closeContinuation();
  return { items, groups, cells };
}

function enumStyle(text: string): string | null {
  const m = ENUM_START.exec(text);
  if (!m) return null;
  if (m[1]) return "是";
  if (m[2]) return "一、";
  if (m[3]) return "1.";
  if (m[4]) return "(1)";
  return "(一)";
}

interface CellRead {
  items: Item[];
  groups: Group[];
  /** the first amount outside any list (a numbered paragraph's subject) */
  firstRoot: Item | null;
  /** the cell ends "具体情况如下：": the numbered cells below are parts of this item */
  opensContinuation: Item | null;
}

function readCell(text: string, figs: TextFigure[], at: { cell: string; row: number }, firstId: number, continuation: Continuation | null): CellRead {
  const items: Item[] = [];
  const groups: Group[] = [];
  const parens: Paren[] = [];
  let scope: Scope | null = null;
  let listScope: Scope | null = null;
  let lastItem: Item | null = null;
  let lastRoot: Item | null = null;
  let firstRoot: Item | null = null;
  let sentence = 0;
  let lastItemSentence = -1;
  let prevEnd = 0;
  const closeScope = (s: Scope | null) => {
    if (!s) return;
    for (const g of s.groups) if (g.length) groups.push(...groupsFor(s.anchor, g, { exhaustive: s.exhaustive }));
  };
  const add = (label: string, f: Figure): Item => {
    const item = labelledItem(firstId + items.length, label, {
      cell: at.cell,
      row: at.row,
      source: "text",
      table: null,
      score: f.unit?.text === "分",
    });
    item.values.current = f;
    items.push(item);
    return item;
  };
  for (const tf of figs) {
    const gap = text.slice(prevEnd, tf.start);
    // walk the gap: brackets, sentence ends and list markers, in order
    for (let i = 0; i < gap.length; i++) {
      const ch = gap[i];
      if (ch === "(") {
        parens.push({ anchor: lastItem, items: [], lastBefore: lastItem });
      } else if (ch === ")") {
        const p = parens.pop();
        if (p) {
          if (p.anchor && p.items.length) groups.push(...groupsFor(p.anchor, p.items, { exhaustive: false }));
          lastItem = p.lastBefore;
        }
      } else if (ch === "。" || ch === "!" || ch === "?") {
        sentence++;
        if (parens.length === 0) {
          closeScope(scope);
          scope = null;
        }
      } else if (parens.length === 0) {
        const rest = gap.slice(i);
        // "其中" may open a sentence of its own; "具体为" breaks down the figure just written
        // ("分别为" names values of things listed before it: not a breakdown)
        const marker = /^(其中|具体为|具体包括|包括)/.exec(rest);
        if (marker && lastItem && (marker[1] === "其中" || lastItemSentence === sentence)) {
          closeScope(scope);
          const exhaustive = marker[1] !== "其中" || /合计/.test(lastItem.label);
          scope = { anchor: lastItem, groups: [[]], exhaustive };
          i += marker[1].length - 1;
          continue;
        }
        if (/^(具体情况如下|情况如下|如下)/.test(rest)) {
          closeScope(listScope);
          // "具体情况如下：" inside a cell: the amounts after it, to the end of the cell
          listScope = lastRoot ? { anchor: lastRoot, groups: [[]], exhaustive: false } : null;
          i += rest.startsWith("具体情况如下") ? 5 : rest.startsWith("情况如下") ? 3 : 1;
          continue;
        }
        // a reason or a use is not a list item: "…，主要是因为：…" (the list goes on after "；")
        if (scope && /^(主要是|主要原因|原因是|因为|由于|主要用于|用于)/.test(rest)) scope.suspended = true;
        if (scope && ch === ";") scope.suspended = false;
        const by = /^按[^,;。]{1,12}?(分类|来源|性质|划分)/.exec(rest);
        if (by && scope) {
          if (scope.groups[scope.groups.length - 1].length) scope.groups.push([]);
          i += by[0].length - 1;
        }
      }
    }
    const segStart = lastBoundary(gap);
    const seg = gap.slice(segStart);
    const after = afterText(text, tf.end);
    const f = tf.figure;
    const sameSentence = lastItem !== null && lastItemSentence === sentence;
    const pct = f.unit?.family === "ratio";
    if (sameSentence && lastItem && pct && SHARE_RE.test(seg) && !labelBefore(seg, SHARE_RE)) {
      if (!lastItem.values.share) lastItem.values.share = f;
    } else if (sameSentence && lastItem && DIRECTION_RE.test(seg)) {
      const word = DIRECTION_RE.exec(seg)?.[1] ?? "";
      const dir: Direction = { sign: DIRECTION_SIGN[word] ?? 1, word };
      if (pct) {
        if (!lastItem.values.growth) {
          lastItem.values.growth = f;
          lastItem.directions.growth = dir;
        }
      } else if (!lastItem.values.change && comparable(f, lastItem.values.current ?? f)) {
        lastItem.values.change = f;
        lastItem.directions.change = dir;
      }
    } else if (sameSentence && lastItem && COMPARE_RE.test(seg) && AFTER_DIRECTION_RE.test(after) && comparable(f, lastItem.values.current ?? f)) {
      if (!lastItem.values.prior) lastItem.values.prior = f;
      // 比年初预算 3553.21 万元: the base has a label of its own
      const base = cleanTextLabel(seg.replace(/^.*?(比|较|与|同比|相比)/, "").replace(/^(上年|上年度|去年|上年同期)(决算|决算数|同期)?/, ""));
      const m = base ? matchLabel(base) : null;
      if (m && m.key !== lastItem.key) {
        lastItem.priorLabel = base;
        const saved: Item = lastItem;
        add(base, f);
        lastItem = saved;
      }
    } else if (sameSentence && lastItem && !pct && !lastItem.values.prior && comparable(f, lastItem.values.current ?? f) && priorClause(seg, text.slice(0, tf.start))) {
      // "项目支出23,560.03万元，上年26,004.10万元，增长9.40%": the growth after it is checked against both
      lastItem.values.prior = f;
    } else if (pct && SHARE_RE.test(seg) && labelBefore(seg, SHARE_RE)) {
      // "线上采购占比99.67%": a part known by its share
      const m = SHARE_RE.exec(seg);
      const item = add(cleanTextLabel(seg.slice(0, m ? m.index : seg.length)), f);
      item.values = { share: f };
      if (parens.length) parens[parens.length - 1].items.push(item);
      else if (scope && !scope.suspended) scope.groups[scope.groups.length - 1].push(item);
    } else {
      const label = cleanTextLabel(seg);
      const item = add(label, f);
      if (parens.length) {
        parens[parens.length - 1].items.push(item);
      } else if (scope?.suspended) {
        // a figure in a reason clause: neither a part nor a new subject
      } else if (scope && comparable(f, scope.anchor.values.current ?? f) && familyOk(scope.anchor, item)) {
        scope.groups[scope.groups.length - 1].push(item);
      } else {
        if (scope) {
          closeScope(scope);
          scope = null;
        }
        if (listScope && comparable(f, listScope.anchor.values.current ?? f)) listScope.groups[0].push(item);
        else {
          lastRoot = item;
          if (!firstRoot) firstRoot = item;
        }
      }
      lastItem = item;
      lastItemSentence = sentence;
    }
    prevEnd = tf.end;
  }
  while (parens.length) {
    const p = parens.pop();
    if (p?.anchor && p.items.length) groups.push(...groupsFor(p.anchor, p.items, { exhaustive: false }));
  }
  closeScope(scope);
  closeScope(listScope);
  groups.push(...relationGroups(items));
  const tail = text.slice(prevEnd);
  const opens = /(如下|具体为|如下所示)[:]?$/.test(tail.replace(/[。\s]+$/, "")) ? lastRoot : null;
  // a numbered paragraph under "如下": its first amount is the part, whatever else it says
  const subject = continuation && items.length ? firstRootOf(items, groups) : firstRoot;
  return { items, groups, firstRoot: subject, opensContinuation: opens };
}

/** A clause naming last year (上年 / 上年度 / 去年 …), or a year earlier than one written before it. */
function priorClause(seg: string, before: string): boolean {
  const t = seg.trim();
  if (PRIOR_CLAUSE_RE.test(t)) return true;
  const y = YEAR_CLAUSE_RE.exec(t);
  if (!y) return false;
  const year = Number(y[1]);
  return [...before.matchAll(/(\d{4})年/g)].some((m) => Number(m[1]) > year);
}

function firstRootOf(items: Item[], groups: Group[]): Item | null {
  const inGroup = new Set(groups.flatMap((g) => g.parts));
  return items.find((it) => !inGroup.has(it.id)) ?? null;
}

/** Parts listed under a total must be amounts of the same kind (a 亿元 list ends at 万人). */
function familyOk(anchor: Item, item: Item): boolean {
  const a = anchor.values.current;
  const b = item.values.current;
  if (!a || !b) return true;
  if (a.unit?.family === "ratio" || b.unit?.family === "ratio") return false;
  return comparable(a, b);
}

/** "线上采购占比99.67%": a label before 占比 means a part given by its share, not a share of the item before. */
function labelBefore(seg: string, re: RegExp): boolean {
  const m = re.exec(seg);
  if (!m) return false;
  const head = cleanTextLabel(seg.slice(0, m.index));
  return head.length >= 2;
}

function lastBoundary(gap: string): number {
  for (let i = gap.length - 1; i >= 0; i--) if (BOUNDARY.test(gap[i])) return i + 1;
  return 0;
}

function afterText(text: string, from: number): string {
  let end = from;
  while (end < text.length && !BOUNDARY.test(text[end]) && end - from < 12) end++;
  return text.slice(from, end);
}

/** 当期结余 = 基金收入 − 基金支出 when all three are written in one cell. */
export function relationGroups(items: Item[]): Group[] {
  const out: Group[] = [];
  for (const rel of RELATIONS) {
    const total = items.find((i) => i.key === rel.total);
    const plus = items.find((i) => i.key === rel.plus);
    const minus = items.find((i) => i.key === rel.minus);
    if (total && plus && minus) out.push({ total: total.id, parts: [plus.id, minus.id], exhaustive: true, kind: "difference" });
  }
  return out;
}
