/**
 * The statement labels the audit knows (docs/rules.md §7) and which parts make which total.
 * One table: a label (its Chinese is its key), its spellings, its flow (what kind of money it is), and the
 * partitions of a total — each partition is one complete way of splitting it
 * (by nature, by economic class, by source of funds).
 */
import type { Bilingual } from "../basics/text";
import { Item, newItem } from "./model";

/** What kind of figure a label is; parts of a total share its flow. */
export type Flow = "income" | "expenditure" | "balance" | "budget" | "score" | "fund" | "insured";

export interface LabelDef {
  /** the label in Chinese, which is also its key (an item's key, the parts a partition names), and an English gloss */
  label: Bilingual;
  flow: Flow;
  /** spellings matched against the whole cleaned label */
  exact: RegExp[];
  /** specific phrases that name the label anywhere inside a longer label */
  contains?: RegExp[];
  /** complete splits of this total into parts (keys) */
  partitions?: string[][];
  /** a label that may be written twice with one value (duplicate check) */
  unique?: boolean;
}

const ECONOMIC = ["工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "债务利息及费用支出", "对企业补助"];
const NATURE = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"];
const FUNCTIONS = [
  "一般公共服务支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出", "教育支出", "科学技术支出",
  "城乡社区支出", "灾害防治及应急管理支出",
];
const SCHEMES = ["职工医保", "居民医保"];

export const LABELS: LabelDef[] = [
  {
    label: { zh: "总收入", en: "total income" }, flow: "income", unique: true,
    exact: [/^(总收入|本年收入|本年收入合计|收入合计|本年度收入合计|部门总收入)$/],
    contains: [/本年收入合计/, /总收入/],
    partitions: [["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]],
  },
  {
    label: { zh: "财政拨款收入", en: "appropriation income" }, flow: "income", unique: true,
    exact: [/^(财政拨款收入|财政拨款收入合计)$/],
    contains: [/财政拨款收入/],
    partitions: [["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入"]],
  },
  {
    label: { zh: "一般公共预算财政拨款收入", en: "general-budget appropriation income" }, flow: "income", unique: true,
    exact: [/^一般公共预算(财政)?拨款收入$/, /^一般公共预算收入$/],
    contains: [/一般公共预算(财政)?拨款收入/],
  },
  {
    label: { zh: "政府性基金预算财政拨款收入", en: "government-fund appropriation income" }, flow: "income", unique: true,
    exact: [/^政府性基金预算(财政)?拨款收入$/, /^政府性基金预算收入$/],
    contains: [/政府性基金预算(财政)?拨款收入/],
  },
  {
    label: { zh: "国有资本经营预算财政拨款收入", en: "state-capital appropriation income" }, flow: "income", unique: true,
    exact: [/^国有资本经营预算(财政)?拨款收入$/],
    contains: [/国有资本经营预算(财政)?拨款收入/],
  },
  { label: { zh: "上级补助收入", en: "grants from above" }, flow: "income", unique: true, exact: [/^上级补助收入$/] },
  { label: { zh: "事业收入", en: "operating revenue (public service)" }, flow: "income", unique: true, exact: [/^事业收入$/] },
  { label: { zh: "经营收入", en: "business income" }, flow: "income", unique: true, exact: [/^经营收入$/] },
  { label: { zh: "附属单位上缴收入", en: "remittances from affiliates" }, flow: "income", unique: true, exact: [/^附属单位上缴收入$/] },
  { label: { zh: "其他收入", en: "other income" }, flow: "income", unique: true, exact: [/^其他收入$/] },
  {
    label: { zh: "总支出", en: "total expenditure" }, flow: "expenditure", unique: true,
    exact: [/^(总支出|本年支出|本年支出合计|支出合计|本年度支出合计|决算总支出|部门总支出|部门决算总支出)$/],
    contains: [/本年支出合计/, /决算总支出/, /^总支出/],
    partitions: [NATURE, ECONOMIC, ["财政拨款支出", "其他支出"]],
  },
  {
    label: { zh: "财政拨款支出", en: "appropriation expenditure" }, flow: "expenditure", unique: true,
    exact: [/^(财政拨款支出|财政拨款总支出|财政拨款支出合计)$/],
    contains: [/财政拨款(总)?支出/],
    partitions: [
      ["基本支出", "项目支出"],
      ["一般公共预算财政拨款支出", "政府性基金预算财政拨款支出", "国有资本经营预算财政拨款支出"],
    ],
  },
  {
    label: { zh: "一般公共预算财政拨款支出", en: "general-budget appropriation expenditure" }, flow: "expenditure", unique: true,
    exact: [/^一般公共预算(财政拨款)?支出$/],
    contains: [/一般公共预算(财政拨款)?支出/],
    partitions: [FUNCTIONS],
  },
  {
    label: { zh: "政府性基金预算财政拨款支出", en: "government-fund appropriation expenditure" }, flow: "expenditure", unique: true,
    exact: [/^政府性基金预算(财政拨款)?支出$/],
    contains: [/政府性基金预算(财政拨款)?支出/],
  },
  {
    label: { zh: "国有资本经营预算财政拨款支出", en: "state-capital appropriation expenditure" }, flow: "expenditure", unique: true,
    exact: [/^国有资本经营预算(财政拨款)?支出$/],
  },
  {
    label: { zh: "基本支出", en: "basic expenditure" }, flow: "expenditure",
    exact: [/^基本支出(合计)?$/], contains: [/基本支出/],
    partitions: [["人员经费", "公用经费"]],
  },
  { label: { zh: "项目支出", en: "project expenditure" }, flow: "expenditure", exact: [/^项目支出(合计)?$/], contains: [/项目支出/] },
  { label: { zh: "上缴上级支出", en: "remittances upward" }, flow: "expenditure", exact: [/^上缴上级支出$/] },
  { label: { zh: "经营支出", en: "business expenditure" }, flow: "expenditure", exact: [/^经营支出$/] },
  { label: { zh: "对附属单位补助支出", en: "grants to affiliates" }, flow: "expenditure", exact: [/^对附属单位补助支出$/] },
  { label: { zh: "人员经费", en: "personnel costs" }, flow: "expenditure", exact: [/^人员经费$/] },
  { label: { zh: "公用经费", en: "office costs" }, flow: "expenditure", exact: [/^公用经费$/] },
  { label: { zh: "工资福利支出", en: "wages and benefits" }, flow: "expenditure", exact: [/^工资福利支出$/], contains: [/工资福利支出/] },
  { label: { zh: "商品和服务支出", en: "goods and services" }, flow: "expenditure", exact: [/^商品和服务支出$/], contains: [/商品和服务支出/] },
  {
    label: { zh: "对个人和家庭的补助", en: "transfers to individuals and households" }, flow: "expenditure",
    exact: [/^对个人和家庭的?补助(支出)?$/], contains: [/对个人和家庭的?补助/],
  },
  { label: { zh: "资本性支出", en: "capital expenditure" }, flow: "expenditure", exact: [/^资本性支出$/], contains: [/资本性支出/] },
  { label: { zh: "债务利息及费用支出", en: "interest" }, flow: "expenditure", exact: [/^债务利息及费用支出$/] },
  { label: { zh: "对企业补助", en: "grants to enterprises" }, flow: "expenditure", exact: [/^对企业补助(支出)?$/] },
  { label: { zh: "其他支出", en: "other expenditure" }, flow: "expenditure", exact: [/^其他支出$/] },
  ...FUNCTIONS.map((k): LabelDef => ({ label: { zh: k, en: k }, flow: "expenditure", exact: [new RegExp(`^${k}$`)] })),
  { label: { zh: "年初预算", en: "initial budget" }, flow: "budget", unique: true, exact: [/^(年初预算|年初预算数|年初财政预算|财政预算|预算数|部门预算)$/] },
  { label: { zh: "调整预算", en: "adjusted budget" }, flow: "budget", unique: true, exact: [/^(调整预算|调整预算数|调整后预算|调整后预算数|全年调整预算)$/] },
  {
    label: { zh: "结转结余", en: "carry-over and balance" }, flow: "balance", unique: true,
    exact: [/^(年末)?结转和?结余(资金)?$/], contains: [/年末结转和?结余/],
  },
  {
    label: { zh: "三公经费", en: "the three public expenses" }, flow: "expenditure", unique: true,
    exact: [/^"?三公"?经费(支出)?(总额|合计)?$/],
    partitions: [["因公出国(境)费", "公务用车购置及运行维护费", "公务接待费"]],
  },
  { label: { zh: "因公出国(境)费", en: "official travel abroad" }, flow: "expenditure", exact: [/^因公出国\(境\)(经)?费(用)?$/] },
  {
    label: { zh: "公务用车购置及运行维护费", en: "official vehicles" }, flow: "expenditure",
    exact: [/^公务用车购置及运行(维护)?费$/],
    partitions: [["公务用车购置费", "公务用车运行维护费"]],
  },
  { label: { zh: "公务用车购置费", en: "vehicle purchase" }, flow: "expenditure", exact: [/^公务用车购置费$/] },
  { label: { zh: "公务用车运行维护费", en: "vehicle running" }, flow: "expenditure", exact: [/^公务用车运行(维护)?费$/] },
  { label: { zh: "公务接待费", en: "official hospitality" }, flow: "expenditure", exact: [/^公务接待费$/] },
  {
    label: { zh: "总分", en: "total score" }, flow: "score", unique: true,
    exact: [/^(总分|总得分|合计得分|得分合计|自评得分|自评总分|评价得分|自评分数|项目自评分数|部门整体绩效自评得分|年度评价得分)$/],
  },
  { label: { zh: "基金收入", en: "fund income" }, flow: "fund", unique: true, exact: [/^(医保)?基金收入$/], contains: [/基金收入/], partitions: [SCHEMES] },
  { label: { zh: "基金支出", en: "fund expenditure" }, flow: "fund", unique: true, exact: [/^(医保)?基金支出$/], contains: [/基金支出/], partitions: [SCHEMES] },
  { label: { zh: "当期结余", en: "balance of the year" }, flow: "fund", unique: true, exact: [/^(当期结余|本年结余|当年结余|年度结余)$/], contains: [/当期结余/] },
  { label: { zh: "参保人数", en: "insured persons" }, flow: "insured", exact: [/^(基本医疗保险)?参保人数$/], contains: [/参保人数/], partitions: [SCHEMES] },
  { label: { zh: "职工医保", en: "employee scheme" }, flow: "insured", exact: [/^(职工医保|职工基本医疗保险|职工医疗保险)$/] },
  { label: { zh: "居民医保", en: "residents' scheme" }, flow: "insured", exact: [/^(居民医保|城乡居民基本医疗保险|城乡居民医保)$/] },
];

/** total = plus − minus (a balance written beside its income and expenditure). */
export interface Relation {
  total: string;
  plus: string;
  minus: string;
}

export const RELATIONS: Relation[] = [
  { total: "当期结余", plus: "基金收入", minus: "基金支出" },
];

const BY_KEY = new Map(LABELS.map((l) => [l.label.zh, l]));

export function labelDef(key: string | null | undefined): LabelDef | undefined {
  return key ? BY_KEY.get(key) : undefined;
}

/** Flows whose parts may belong to any total of the flow ("其他…" buckets, unknown labels). */
const SCHEME_KEYS = new Set(SCHEMES);

/** Words written before a label that do not change what it is. */
const PREFIX_RE = /^(本单位|本部门|我局|本局|我部门|部门|单位|全局|市医保局|局|本年度|年度|本年|当年|全年|其中|合计)/;

export interface LabelMatch {
  key: string;
  /** the cleaned label is exactly one of the label's spellings */
  clean: boolean;
}

/** Find the label a cleaned label text names: an exact spelling first, else the longest specific phrase. */
export function matchLabel(label: string): LabelMatch | null {
  const text = label.replace(/[“”"'‘’《》]/g, "");
  if (text === "") return null;
  let stripped = text;
  for (let i = 0; i < 4; i++) {
    for (const def of LABELS) if (def.exact.some((re) => re.test(stripped))) return { key: def.label.zh, clean: true };
    const next = stripped.replace(PREFIX_RE, "");
    if (next === stripped || next === "") break;
    stripped = next;
  }
  let best: { key: string; len: number } | null = null;
  for (const def of LABELS) {
    for (const re of def.contains ?? []) {
      const m = re.exec(text);
      if (m && (!best || m[0].length > best.len)) best = { key: def.label.zh, len: m[0].length };
    }
  }
  return best ? { key: best.key, clean: false } : null;
}

/**
 * Which partition of `total` holds `part` (directly, or through a member of the partition
 * whose own parts are listed instead). Returns the partition index, or null.
 */
export function partitionOf(total: string, part: string): number | null {
  const def = BY_KEY.get(total);
  if (!def?.partitions) return null;
  for (let i = 0; i < def.partitions.length; i++) {
    if (contains(def.partitions[i], part, 0)) return i;
  }
  return null;
}

function contains(members: string[], part: string, depth: number): boolean {
  if (members.includes(part)) return true;
  if (depth > 3) return false;
  for (const m of members) {
    const d = BY_KEY.get(m);
    if (d?.partitions?.some((p) => contains(p, part, depth + 1))) return true;
  }
  return false;
}

/** Is `part` a hierarchy descendant of `total`? */
export function isDescendant(total: string, part: string): boolean {
  return total !== part && partitionOf(total, part) !== null;
}

/** May a part with this label (or an unknown label) be counted in a total of `flow`? */
export function sameFlow(totalKey: string | null, partKey: string | null): boolean {
  const t = labelDef(totalKey);
  const p = labelDef(partKey);
  if (!t || !p) return true;
  if (SCHEME_KEYS.has(p.label.zh)) return true;
  return t.flow === p.flow;
}

/** The total a label belongs to when it is written on its own (first parent in the table). */
export function defaultParent(key: string): string | null {
  for (const def of LABELS) {
    if (!def.partitions) continue;
    if (def.partitions.some((p) => p.includes(key))) return def.label.zh;
  }
  return null;
}

/** A new item of the statement under this cleaned label, its key the label it names (matchLabel). */
export function labelledItem(id: number, label: string, init: Omit<Item, "id" | "label" | "key" | "clean" | "values" | "directions" | "parent">): Item {
  const match = matchLabel(label);
  return newItem(id, { label, key: match?.key ?? null, clean: match?.clean ?? false, ...init });
}
