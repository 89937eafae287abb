/**
 * The report's fixed words (docs/report.md): the sentence patterns, the headings and the prompts of
 * the placeholders, in one catalog. Patterns are written in the register of filed self-evaluation
 * reports, in our own words; a slot `{name}` takes a figure, a quote or a placeholder. No pattern
 * holds a digit: every number in a report is a figure with its cell.
 *
 * The wording by form family is data: `wordingFor(kind)` gives the neutral default, and a family
 * adds its own words in `KIND_WORDING` only (a family added later needs nothing else here).
 */
import { Status } from "../indicators/results";

/** The words a report uses for what it reports on. */
export interface KindWording {
  /** what the report is about, in a sentence: 本项目 / 本部门 / 本表 */
  subject: string;
  /** the spending reported on: 项目支出 / 部门整体支出 / 预算支出 */
  spending: string;
  /** the report's title after the year and the name: 项目支出绩效自评报告 */
  titleSuffix: string;
  /** 一（一）: its heading and the placeholder asking for the overview */
  overviewHeading: string;
  overviewPrompt: string;
  /** 一（二） */
  workHeading: string;
  workPrompt: string;
  /** 一（三） */
  goalHeading: string;
  goalPrompt: string;
  /** 一（四) */
  budgetHeading: string;
  budgetPrompt: string;
}

/** The neutral words: a plain table, or a family that has not added its own. */
export const DEFAULT_WORDING: KindWording = {
  subject: "本表",
  spending: "预算支出",
  titleSuffix: "绩效自评报告",
  overviewHeading: "基本情况",
  overviewPrompt: "被评价对象的职能或主要内容、资金来源与用途",
  workHeading: "年度主要工作",
  workPrompt: "本年度完成的主要工作与重点任务（按条目概述）",
  goalHeading: "绩效目标设定情况",
  goalPrompt: "年度总体绩效目标的文字表述",
  budgetHeading: "预算安排与执行情况",
  budgetPrompt: "年度预算数、执行数与执行率（表中未列预算执行情况）",
};

/** Each family's own words over the default. */
const PROJECT_WORDING: Partial<KindWording> = {
  subject: "本项目",
  spending: "项目支出",
  titleSuffix: "项目支出绩效自评报告",
  overviewHeading: "项目基本情况",
  overviewPrompt: "项目立项依据、实施内容、资金来源与使用范围",
  workHeading: "项目年度实施情况",
  workPrompt: "项目本年度的实施进度与完成的主要工作",
  goalHeading: "项目绩效目标",
  goalPrompt: "项目年度总体目标（预期目标）的文字表述",
  budgetHeading: "项目资金安排与执行情况",
};

export const KIND_WORDING: Record<string, Partial<KindWording>> = {
  project: PROJECT_WORDING,
  department: {
    subject: "本部门",
    spending: "部门整体支出",
    titleSuffix: "部门整体支出绩效自评报告",
    overviewHeading: "部门职能与机构概况",
    overviewPrompt: "部门主要职能、内设机构与人员编制情况",
    workHeading: "年度总体工作和重点任务",
    workPrompt: "本年度部门总体工作与重点任务的完成情况（按条目概述）",
    goalHeading: "部门整体支出绩效目标",
    goalPrompt: "部门整体支出年度绩效目标的文字表述",
    budgetHeading: "部门整体收支与预算执行情况",
    budgetPrompt: "部门本年收入、支出的构成与预算执行情况",
  },
  // a project form split into numbered goals is still a project's self-evaluation (docs/form-families.md)
  goal_blocks: {
    ...PROJECT_WORDING,
    goalHeading: "项目分项绩效目标",
    goalPrompt: "各项年度绩效目标（目标1、目标2……）的文字表述",
  },
  // a scoring sheet is an evaluation against written criteria: its report is a 评价 of the scores given
  scoring: {
    subject: "本次评价",
    titleSuffix: "绩效评价自评报告",
    goalHeading: "评价指标体系",
    goalPrompt: "评价对象、评价指标体系与评分标准的概述",
  },
};

export function wordingFor(kind: string): KindWording {
  return { ...DEFAULT_WORDING, ...(Object.hasOwn(KIND_WORDING, kind) ? KIND_WORDING[kind] : {}) };
}

/** The statement's items a report names, in this order (their audit label keys). */
export const STATEMENT_ITEMS = ["总收入", "财政拨款收入", "其他收入", "总支出", "基本支出", "项目支出"] as const;

/** Headings of the report's four parts and their sections. */
export const HEADINGS = {
  basics: "一、基本情况",
  evaluation: "二、绩效自评情况",
  conclusion: "（一）自评结论",
  indicators: "（二）绩效指标完成情况",
  deviations: "（三）偏差情况及原因",
  findings: "（四）核对中发现的问题",
  improvements: "（五）存在问题及改进措施",
  peers: "（六）与同类部门的比较",
  other: "三、其他自评情况",
  rectification: "四、上年度自评问题整改情况",
  table: "附：绩效指标核对表",
  pending: "待补充事项",
  otherIndicators: "其他指标",
} as const;

/** Sub-section numbers of part one: （一）…（四）. */
export const PAREN_NUMERALS = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"];

/**
 * The sentence patterns. `{slot}` takes a figure, a quote or a placeholder. English glosses in the
 * comments; the report itself is Chinese, the language it is filed in.
 */
export const PATTERNS = {
  /** drafted from sheet X, form title Y */
  source: "本报告根据“{sheet}”工作表中的{form}起草，所引数字均取自该表并经逐项核对，括注为其所在单元格。",
  sourcePlain: "本报告根据“{sheet}”工作表中的绩效指标表起草，所引数字均取自该表并经逐项核对，括注为其所在单元格。",
  /** the department and the implementing unit */
  department: "主管部门：{department}。",
  unit: "实施单位：{unit}。",
  reportingUnit: "填报单位：{unit}。",
  project: "项目名称：{project}。",
  /** indicator count and points */
  goalCount: "{subject}共设置绩效指标{n}项，分值合计{points}分。",
  goalCountNoPoints: "{subject}共设置绩效指标{n}项，表中未列分值。",
  goalStatus: "逐项核对结果：达到年度指标{met}项，未达到{notMet}项，定性评价{qualitative}项，不适用{na}项，未能核对{invalid}项。",
  /** the budget line */
  budget: "{year}年度资金总额全年预算数{budget}，全年执行数{executed}，预算执行率为{rate}，按分值{points}分计得{score}分。",
  budgetNoScore: "{year}年度资金总额全年预算数{budget}，全年执行数{executed}，预算执行率为{rate}。",
  budgetInitial: "年初预算数为{initial}。",
  budgetUnchecked: "表中的预算执行情况未能核算（预算数或执行数缺失），执行率与得分待核实。",
  budgetStatedRate: "表中填写的执行率为{stated}，与按执行数和预算数计算的结果不一致，请核实。",
  budgetStatedScore: "表中填写的预算执行得分为{stated}分，与按执行率计算的结果不一致，请核实。",
  /** the statement on another sheet (the audit's figures) */
  statementIntro: "“{sheet}”工作表所列收支情况：",
  statementItem: "{label}{value}",
  statementFindings: "收支数字核对发现{n}处需核实：",
  statementAgrees: "收支数字之间的勾稽关系经核对{n}项，均相符。",
  statementFinding: "{cell}：{text}",
  /** the conclusion */
  conclusionGraded: "经对照年度指标逐项核对，{subject}绩效自评得分为{total}分，自评等级为“{grade}”。",
  conclusionSplit: "其中预算执行得分{budget}分。",
  conclusionProvisional: "经对照年度指标逐项核对，已核对部分计得{total}分；另有{rows}项指标（分值共{points}分）未能核对，得分暂不确定，总分应在{lo}分至{hi}分之间，自评等级待定，须待上述指标核实后再行确定。",
  conclusionNotGraded: "经对照年度指标逐项核对，{subject}合计得分{total}分（按{outOf}分计）。各项分值合计与评分方案的总分不一致，故暂不评定等级。",
  conclusionNoScore: "表中未列分值或得分，{subject}仅作逐项核对，不计总分、不评等级。",
  statedTotal: "表中填写的总分为{stated}分，与逐项核对的结果不一致，请核实。",
  statedGradeDiffers: "表中填写的自评等级为“{stated}”，与按核对得分确定的等级不一致，请核实。",
  statedGradePending: "表中填写的自评等级为“{stated}”，但总分尚未确定，该等级有待核实。",
  /** one indicator */
  indicator: "{ordinal}是“{name}”：年度指标值为{target}，实际完成值为{actual}，{verdict}",
  indicatorScore: "，得分{score}分（分值{points}分）。",
  indicatorScoreNoPoints: "，得分{score}分。",
  indicatorScorePending: "，得分待定（分值{points}分）。",
  indicatorEnd: "。",
  notWritten: "（未填写）",
  verdict: {
    met: "达到年度指标",
    not_met: "未达到年度指标",
    qualitative: "属定性指标，按填报的完成档次计分",
    not_applicable: "未设定可核对的年度指标值，不参与计分",
    invalid: "未能核对",
  } as Record<Status, string>,
  completion: "，完成率为{completion}",
  overAchieved: "，明显超出年度指标，建议复核指标值设定是否偏低",
  invalidWhy: "（{why}）",
  /** deviations */
  deviationStated: "“{name}”{what}，表中说明：{reason}",
  deviationMissing: "“{name}”{what}，表中未说明原因。",
  deviationNotMet: "未达到年度指标",
  deviationLost: "未得满分",
  deviationNone: "各项指标均已达到年度指标且得满分，无需说明偏差原因。",
  deviationReasonPrompt: "“{name}”的偏差原因",
  unchecked: "下列指标未能核对，得分暂以待定计，请补充或更正后重新核对：",
  /** findings */
  findingsCount: "核对中发现需处理的问题{n}处（按严重程度排列）：",
  findingsNone: "逐项核对未发现需要处理的问题。",
  finding: "{cell}：{text}",
  /** improvements */
  improvementsFromForm: "各项偏差的改进措施见上文所引表中说明。",
  problemsPrompt: "绩效管理中存在的主要问题",
  improvementsPrompt: "针对上述问题的改进措施",
  /** peers */
  peer: "{department}{year}年度自评得分为{score}分（{source}）。",
  peerNoScore: "{department}{year}年度的自评报告未列出自评得分（{source}）。",
  peerOwn: "{subject}得分{total}分，以上得分仅供参照，各报告的评分口径不尽相同。",
  peerOwnProvisional: "{subject}暂定得分{total}分，以上得分仅供参照，各报告的评分口径不尽相同。",
  /** parts three and four */
  otherPrompt: "其他需要说明的自评情况（如转移支付、专项资金的自评）",
  rectificationPrompt: "上年度绩效自评或评价中发现问题的整改情况",
  /** the end */
  pendingCount: "本草稿尚有{n}处待补充：",
  pendingNone: "本草稿无待补充事项。",
  tableCaption: "绩效指标核对表（核对结论与得分由核对得出，待定者未能核对）",
  tableHeader: ["一级指标", "指标名称", "年度指标值", "实际完成值", "核对结论", "分值", "得分"],
  scorePending: "待定",
  draftMark: "（草稿）",
} as const;

/** Chinese ordinal up to 99: 一, 十, 十一, 二十三. */
export function chineseNumber(n: number): string {
  const d = "零一二三四五六七八九";
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : d[tens]}十${ones === 0 ? "" : d[ones]}`;
}

/** What a figure is, by its ref (model.ts), for the 自评报告 sheet's figure rows; `{name}` is the indicator's name. */
export const FIGURE_LABELS: Array<[RegExp, string]> = [
  [/^rows\[\d+\]\.score$/, "“{name}”得分"],
  [/^rows\[\d+\]\.points$/, "“{name}”分值"],
  [/^rows\[\d+\]\.completion$/, "“{name}”完成率"],
  [/^summary\.totalScore$/, "总分"],
  [/^summary\.pointsTotal$/, "分值合计"],
  [/^summary\.rowCount$/, "指标项数"],
  [/^summary\.counts\.met$/, "达标项数"],
  [/^summary\.counts\.not_met$/, "未达标项数"],
  [/^summary\.counts\.qualitative$/, "定性指标项数"],
  [/^summary\.counts\.not_applicable$/, "不适用项数"],
  [/^summary\.counts\.invalid$/, "未能核对项数"],
  [/^summary\.undetermined\.rows$/, "未能核对的计分指标项数"],
  [/^summary\.undetermined\.points$/, "未能核对的分值"],
  [/^summary\.range\[0\]$/, "总分可能的下限"],
  [/^summary\.range\[1\]$/, "总分可能的上限"],
  [/^summary\.statedTotal$/, "表中填写的总分"],
  [/^summary\.outOf$/, "计分基数"],
  [/^budget\.budget$/, "全年预算数"],
  [/^budget\.initialBudget$/, "年初预算数"],
  [/^budget\.executed$/, "全年执行数"],
  [/^budget\.rate$/, "预算执行率"],
  [/^budget\.points$/, "预算执行分值"],
  [/^budget\.score$/, "预算执行得分"],
  [/^budget\.statedRate$/, "表中填写的执行率"],
  [/^budget\.statedScore$/, "表中填写的预算执行得分"],
  [/^form\.year$/, "年度"],
  [/^statement\./, "收支表：{item}"],
  [/^peers\.[^.]+\.self_eval_score$/, "同类部门自评得分"],
  [/^peers\.[^.]+\.year$/, "同类部门报告年度"],
];

/** The words of the add-in's 自评报告 sheet. */
export const SHEET_WORDS = {
  sheet: "自评报告",
  header: ["自评报告（草稿）", "数值", "来源"],
  computedFrom: (cells: string[]) => `由${cells.join("、")}计算`,
  computed: "核对计算",
  percentLabel: (label: string) => `${label}（%）`,
  sourceOf: (sheet: string) => `“${sheet}”工作表`,
  tableRow: (name: string, verdict: string) => `“${name}”：${verdict}`,
};
