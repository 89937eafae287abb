/**
 * The words forms are written in, held once as data (docs/form-families.md, "Vocabulary"):
 * operator words and their negations, look-alike operator characters, direction words, total-row
 * words, reference-year words and the header words of every column role. Every pattern that
 * reads them is generated from these lists (`wordsPattern`), so a word added here is known to the
 * target parser, the name splitter, the relative-target reader, the operator column and the table
 * finder at once. Words only: no rule lives here.
 */

/** A comparison an operator word states. */
export type OperatorName = "ge" | "le" | "eq" | "gt" | "lt" | "approx";

/**
 * Operator words written before a figure, by the comparison they state. Negations (不得低于,
 * 不低于, 不应超过 …) are words of their own: a pattern built from these lists takes the longest
 * word first, so 不得高于 is never read as 不得 + 高于.
 */
export const OPERATOR_WORDS: Readonly<Record<OperatorName, readonly string[]>> = {
  ge: [
    "大于或等于", "大于等于", "高于或等于", "多于或等于", "不低于", "不少于", "不小于", "不得低于", "不得少于", "不得小于",
    "不应低于", "不应少于", "不能低于", "不能少于", "至少", "达到",
  ],
  le: [
    "小于或等于", "小于等于", "低于或等于", "少于或等于", "不高于", "不超过", "不多于", "不大于", "不得超过", "不得高于",
    "不得多于", "不得大于", "不应超过", "不应高于", "不能超过", "不能高于", "至多", "控制在",
  ],
  eq: ["等于", "为"],
  gt: ["大于", "高于", "超过", "多于"],
  lt: ["小于", "低于", "少于"],
  approx: ["大约", "约为", "约"],
};

/** Operator words that need a figure right after them to be an operator (达到95%, 为0件; not 为民服务). */
export const WEAK_OPERATOR_WORDS: readonly string[] = ["达到", "为"];

/** Operator symbols (after look-alikes are folded), by comparison. */
export const OPERATOR_SYMBOLS: Readonly<Record<OperatorName, readonly string[]>> = {
  ge: ["≥=", ">=", "=>", "≥"],
  le: ["<=", "=<", "≤"],
  eq: ["==", "="],
  gt: [">"],
  lt: ["<"],
  approx: ["≈", "~"],
};

/** Words after a figure: 95%以上, 3天以内, 70%左右. */
export const SUFFIX_WORDS: Readonly<Partial<Record<OperatorName, readonly string[]>>> = {
  ge: ["及以上", "以上", "(含)以上", "或以上"],
  le: ["及以下", "以下", "以内", "之内", "或以下"],
  approx: ["左右", "上下"],
};

/**
 * Characters offices type for an operator that are not the operator: ≧ ≦ (and ⩾ ⩽) for ≥ ≤, the
 * box-drawing ═ and the small ﹦ / full-width ＝ for =. Folded by normalizeText.
 */
export const LOOKALIKE_OPERATORS: Readonly<Record<string, string>> = {
  "\u2264": "≤",
  "\u2266": "≤", // ≦
  "\u2A7D": "≤", // ⩽
  "\u2265": "≥",
  "\u2267": "≥", // ≧
  "\u2A7E": "≥", // ⩾
  "\u2550": "=", // ═
  "\uFE66": "=", // ﹦
  "\uFF1D": "=", // ＝
};

/** The symbol each comparison is shown with. */
export const OPERATOR_SYMBOL_OF: Readonly<Record<OperatorName, string>> = { ge: "≥", le: "≤", eq: "=", gt: ">", lt: "<", approx: "≈" };

/**
 * Direction words of a 指标方向 / 指标性质 column: 正向 means at least, 反向 at most, 定性 a
 * qualitative row; 定量 says only that the row is a figure.
 */
export const DIRECTION_WORDS: Readonly<Record<string, string>> = { 正向: "≥", 反向: "≤", 定性: "定性", 定量: "" };
/** What may follow a direction word: 正向指标, 反向型. */
export const DIRECTION_SUFFIXES: readonly string[] = ["指标", "型"];

/** Labels of a table's total row (合计, 总分（100分）…), matched whole. */
export const TOTAL_ROW_WORDS: readonly string[] = [
  "合计", "总计", "小计", "总分", "总得分", "合计得分", "得分合计", "总计得分", "自评总分", "自评得分", "自评总得分", "综合得分", "评价总分",
  "total", "subtotal",
];
/** Labels that carry the stated total in the next cell: `自评得分 | 97.95`. */
export const TOTAL_BESIDE_WORDS: readonly string[] = ["自评得分", "自评总分", "总得分", "总分", "综合得分", "评价总分", "合计得分"];

/** Labels of a budget block's total row (年度资金总额, 资金合计 …), matched anywhere in the label. */
export const BUDGET_TOTAL_WORDS: readonly string[] = ["资金总额", "资金合计", "总额", "合计", "总计", "小计"];
/** Labels of a budget block's breakdown rows (其中：当年财政拨款 …), matched at the start. */
export const BUDGET_PART_WORDS: readonly string[] = ["其中", "当年财政拨款", "本年财政拨款", "财政拨款", "上年结转", "其他资金", "基本支出", "项目支出"];

/** The year a relative target refers to: 上年, 去年, 上年同期 …. */
export const REFERENCE_YEAR_WORDS: readonly string[] = ["上年", "去年", "上一年", "上年度", "上年同期"];

/** A column role of an indicator table (docs/rules.md §6). */
export type HeaderRole =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "operator"
  | "direction"
  | "unit"
  | "points"
  | "score"
  | "reason"
  | "prior"
  | "criteria";

/** Header words of one role: anywhere in the header, the whole header, or its start. */
export interface HeaderWords {
  contains?: readonly string[];
  exact?: readonly string[];
  prefix?: readonly string[];
}

/**
 * Header words per role, tried in this order (most specific first); matched on the header text
 * normalised, lower-cased, with bracketed parts such as （A） or （50分） removed.
 */
export const HEADER_WORDS: ReadonlyArray<readonly [HeaderRole, HeaderWords]> = [
  // prior-year figures (for targets relative to last year, docs/standard-forms.md)
  ["prior", { contains: ["上年实际", "上年完成", "上年值", "上年数", "上年同期", "上年度", "基期值"], exact: ["上年"] }],
  ["reason", { contains: ["偏差原因", "未完成原因", "原因分析", "改进措施", "扣分原因", "扣分理由", "扣分说明", "deviation"], exact: ["原因"], prefix: ["reason"] }],
  ["criteria", { contains: ["评分标准", "评价标准", "评分规则", "评分方法", "计分方法", "考核标准", "评分办法"], prefix: ["criteria"] }],
  ["score", { contains: ["得分", "自评分", "selfscore"], exact: ["评分"], prefix: ["score"] }],
  ["points", { contains: ["分值", "权重"], exact: ["满分", "标准分", "point", "points"], prefix: ["weight", "maxscore"] }],
  ["actual", { contains: ["实际完成", "完成值", "实际值", "完成情况", "实际数", "完成数", "实际达到"], prefix: ["actual"] }],
  ["direction", { contains: ["指标方向"], exact: ["方向", "指标类型", "指标属性"], prefix: ["direction"] }],
  ["operator", { contains: ["指标性质", "计算符号"], exact: ["符号", "运算符"], prefix: ["operator"] }],
  ["unit", { contains: ["度量单位", "计量单位"], exact: ["单位"], prefix: ["unit"] }],
  ["target", { contains: ["指标值", "目标值", "调整后指标"], exact: ["目标", "年度目标", "计划", "计划数", "计划值", "年度计划", "目标任务", "考核目标"], prefix: ["target"] }],
  ["level1", { contains: ["一级指标"], exact: ["level1", "一级"] }],
  ["level2", { contains: ["二级指标"], exact: ["level2", "二级"] }],
  ["name", { contains: ["三级指标", "指标名称", "绩效指标", "考核内容", "考核指标", "评价内容", "考核项目"], exact: ["指标", "指标内容", "level3"], prefix: ["indicator"] }],
];

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One regex alternation of the words, longest first (so 不得高于 wins over 高于), escaped. */
export function wordsPattern(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join("|");
}

/** Every operator word of the given comparisons (default: all). */
export function operatorWords(ops: readonly OperatorName[] = ["ge", "le", "eq", "gt", "lt", "approx"]): string[] {
  return ops.flatMap((o) => OPERATOR_WORDS[o]);
}

/** Every operator symbol of the given comparisons (default: all). */
export function operatorSymbols(ops: readonly OperatorName[] = ["ge", "le", "eq", "gt", "lt", "approx"]): string[] {
  return ops.flatMap((o) => OPERATOR_SYMBOLS[o]);
}

/** The comparison a word or symbol states, or null. */
export function operatorOf(word: string): OperatorName | null {
  for (const o of Object.keys(OPERATOR_WORDS) as OperatorName[]) {
    if (OPERATOR_WORDS[o].includes(word) || OPERATOR_SYMBOLS[o].includes(word)) return o;
  }
  return null;
}

/** The regex of one role's header words. */
export function headerPattern(words: HeaderWords): RegExp {
  const parts: string[] = [];
  if (words.contains?.length) parts.push(`(?:${wordsPattern(words.contains)})`);
  if (words.exact?.length) parts.push(`^(?:${wordsPattern(words.exact)})$`);
  if (words.prefix?.length) parts.push(`^(?:${wordsPattern(words.prefix)})`);
  return new RegExp(parts.join("|"));
}

/**
 * Header words a scoring sheet (评分表) adds to HEADER_WORDS, per role, and the words of its
 * description columns (指标说明, 评价要点 …), which are read as neither criteria nor names.
 */
export const SCORING_HEADER_EXTRA: Readonly<Record<"reason" | "criteria" | "score" | "points" | "note", HeaderWords>> = {
  reason: { contains: ["失分原因", "扣分情况", "其他说明"], exact: ["备注"] },
  criteria: { contains: ["评分细则", "评分依据", "评分要点"] },
  score: { exact: ["评价分", "考评分"] },
  points: { exact: ["权数", "分数", "配分", "标准分值", "指标分值"] },
  note: { contains: ["指标说明", "指标解释", "指标内涵", "评价要点", "具体指标", "指标释义"] },
};

/** Both lists of header words of a role, as one. */
export function mergeHeaderWords(a: HeaderWords, b: HeaderWords | undefined): HeaderWords {
  return {
    contains: [...(a.contains ?? []), ...(b?.contains ?? [])],
    exact: [...(a.exact ?? []), ...(b?.exact ?? [])],
    prefix: [...(a.prefix ?? []), ...(b?.prefix ?? [])],
  };
}

/**
 * Header words of the evaluation forms with collected data items (docs/form-families.md): the two
 * item columns, their merged title, the level-1 weight and the written value. Matched like
 * HEADER_WORDS (normalised, lower case, bracketed parts removed); the shared roles (levels, name,
 * unit, target, points, score, reason) keep their own words but the family reads 分值 by position.
 */
export type DataItemWord = "item1" | "item2" | "items" | "weight" | "level1" | "level2" | "name" | "points" | "unit" | "target" | "value" | "score" | "reason";

export const DATA_ITEM_HEADER_WORDS: ReadonlyArray<readonly [DataItemWord, HeaderWords]> = [
  ["item1", { exact: ["分子", "分子项", "分子数据项", "数据1"], prefix: ["数据项1", "数据项一"] }],
  ["item2", { exact: ["分母", "分母项", "分母数据项", "数据2"], prefix: ["数据项2", "数据项二"] }],
  ["items", { exact: ["采集数据项", "采集数据", "数据采集项", "数据项", "采集项"] }],
  ["level1", { exact: ["一级指标", "一级"] }],
  ["level2", { exact: ["二级指标", "二级"] }],
  ["name", { exact: ["三级指标", "指标名称", "指标"] }],
  ["weight", { exact: ["权重", "权数"] }],
  ["points", { exact: ["分值", "指标分值", "标准分值", "满分", "标准分"] }],
  ["unit", { exact: ["计量单位", "度量单位", "单位"] }],
  ["target", { exact: ["目标值", "年度目标值", "目标", "标准值", "评价标准值"] }],
  ["value", { exact: ["指标值", "指标实际值", "实际值", "实际完成值", "完成值", "计算结果"] }],
  ["score", { exact: ["得分", "自评得分", "评价得分", "自评分"] }],
  ["reason", { contains: ["扣分原因", "偏差原因", "原因分析", "备注"] }],
];

/**
 * Marks an office writes in a cell to say "nothing here" (a target or a data item that does not
 * apply): `/`, `—`, `无`, `不适用` … Compared after trimming, lower case. The target parser reads
 * them as no target; the data-item family as no item (docs/form-families.md).
 */
export const NOT_APPLICABLE_MARKS: ReadonlySet<string> = new Set(["", "-", "--", "---", "—", "——", "―", "*", "/", "\\", "无", "不适用", "n/a", "na", "null", "/年", "空"]);
