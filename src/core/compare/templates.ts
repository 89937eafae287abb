/**
 * The six comparison templates of docs/rules.md §8, as data. A figure row shows one catalog figure
 * (FIGURE_CATALOG id, canonical unit); a formula row is a live Excel formula over other rows
 * of the same department column. Where a report also states a derived figure itself (a share,
 * a balance), that stated figure follows as its own row, so computed and stated sit side by side.
 */
import { CanonicalUnit, FIGURE_CATALOG, FigureId, TEMPLATE_IDS, TemplateId } from "../seeds/seed-schema";
import type { Bilingual } from "../basics/text";

export { TEMPLATE_IDS };
export type { TemplateId };

export interface FigureRow {
  readonly kind: "figure";
  /** unique within the template */
  readonly key: string;
  readonly figure: FigureId;
  /** short row label without unit, e.g. 总支出 / total expenditure */
  readonly label: Bilingual;
  /** the report's own value of a derived figure (a stated share); follows its formula row */
  readonly stated?: true;
}

/**
 * share / ratio: of[0] / of[1] (a share shows as %); difference: of[0] − of[1];
 * sum: every row from of[0] to of[1] inclusive (contiguous), numbers only.
 */
export interface FormulaRow {
  readonly kind: "formula";
  readonly key: string;
  readonly op: "share" | "ratio" | "difference" | "sum";
  readonly of: readonly [string, string];
  readonly label: Bilingual;
  readonly unit: CanonicalUnit;
  /** the catalog figure this row computes, when the catalog has one (its stated value is the next row) */
  readonly figure?: FigureId;
}

export type TemplateRow = FigureRow | FormulaRow;

export interface ComparisonTemplate {
  readonly id: TemplateId;
  /** 支出结构 / Expenditure structure */
  readonly title: Bilingual;
  /** the new worksheet's name: 支出结构对比 */
  readonly sheetName: string;
  /** written in A2 in Chinese */
  readonly description: Bilingual;
  readonly rows: readonly TemplateRow[];
  /** rows the chart plots (contiguous, one unit), series by department */
  readonly chart: { readonly rows: readonly string[]; readonly title: Bilingual };
}

const fig = (key: string, figure: FigureId, zh: string, en: string): FigureRow => ({ kind: "figure", key, figure, label: { zh, en } });
const stated = (key: string, figure: FigureId, zh: string, en: string): FigureRow => ({ kind: "figure", key, figure, label: { zh: `${zh}·报告所列`, en: `${en}, as stated` }, stated: true });
const formula = (key: string, op: FormulaRow["op"], of: [string, string], zh: string, en: string, unit: CanonicalUnit, figure?: FigureId): FormulaRow =>
  figure === undefined ? { kind: "formula", key, op, of, label: { zh, en }, unit } : { kind: "formula", key, op, of, label: { zh, en }, unit, figure };
/** A derived figure the reports also state: its live formula row, then the stated value (`<key>_stated`). */
const derived = (key: string, op: FormulaRow["op"], of: [string, string], zh: string, en: string, unit: CanonicalUnit, figure: FigureId): [FormulaRow, FigureRow] => [
  formula(key, op, of, zh, en, unit, figure),
  stated(`${key}_stated`, figure, zh, en),
];

const COMMON_ZH = "数据取自各部门绩效自评报告（来源见批注），单位已统一；“—”表示报告未给出（见批注），不按0计；公式行为实时公式。";
const COMMON_EN = "Figures from each department's self-evaluation report (source in the cell notes), units normalised; — means not given (see the note), never 0; formula rows are live formulas.";

export const TEMPLATES: Readonly<Record<TemplateId, ComparisonTemplate>> = {
  expenditure: {
    id: "expenditure",
    title: { zh: "支出结构", en: "Expenditure structure" },
    sheetName: "支出结构对比",
    description: { zh: `总支出、基本支出、项目支出及其占比。${COMMON_ZH}`, en: `Total, basic and project expenditure and their shares. ${COMMON_EN}` },
    rows: [
      fig("total", "total_expenditure", "总支出", "total expenditure"),
      fig("basic", "basic_expenditure", "基本支出", "basic expenditure"),
      fig("project", "project_expenditure", "项目支出", "project expenditure"),
      ...derived("basic_share", "share", ["basic", "total"], "基本支出占比", "basic expenditure share", "%", "basic_expenditure_share"),
      ...derived("project_share", "share", ["project", "total"], "项目支出占比", "project expenditure share", "%", "project_expenditure_share"),
    ],
    chart: { rows: ["basic", "project"], title: { zh: "基本支出与项目支出（万元）", en: "Basic and project expenditure (10k yuan)" } },
  },
  income: {
    id: "income",
    title: { zh: "收入结构", en: "Income structure" },
    sheetName: "收入结构对比",
    description: { zh: `总收入、财政拨款收入、其他收入及其占比。${COMMON_ZH}`, en: `Total income, fiscal appropriation income, other income and their shares. ${COMMON_EN}` },
    rows: [
      fig("total", "total_income", "总收入", "total income"),
      fig("fiscal", "fiscal_appropriation_income", "财政拨款收入", "fiscal appropriation income"),
      fig("other", "other_income", "其他收入", "other income"),
      ...derived("fiscal_share", "share", ["fiscal", "total"], "财政拨款收入占比", "fiscal appropriation share", "%", "fiscal_appropriation_income_share"),
      ...derived("other_share", "share", ["other", "total"], "其他收入占比", "other income share", "%", "other_income_share"),
    ],
    chart: { rows: ["fiscal", "other"], title: { zh: "财政拨款收入与其他收入（万元）", en: "Fiscal appropriation and other income (10k yuan)" } },
  },
  fund: {
    id: "fund",
    title: { zh: "基金运行", en: "Insurance fund" },
    sheetName: "基金运行对比",
    description: { zh: `基本医疗保险基金收入、支出、当期结余与结余率（全口径及居民医保）。${COMMON_ZH}`, en: `Basic medical insurance fund income, expenditure, balance of the year and balance rate (all schemes and residents). ${COMMON_EN}` },
    rows: [
      // the four amounts first: they are the chart's one contiguous block
      fig("income", "fund_income", "基金收入", "fund income"),
      fig("expenditure", "fund_expenditure", "基金支出", "fund expenditure"),
      fig("income_resident", "fund_income_resident", "居民医保基金收入", "resident fund income"),
      fig("expenditure_resident", "fund_expenditure_resident", "居民医保基金支出", "resident fund expenditure"),
      ...derived("balance", "difference", ["income", "expenditure"], "当期结余", "balance of the year", "万元", "fund_balance_current"),
      ...derived("balance_rate", "share", ["balance", "income"], "结余率", "balance rate", "%", "fund_balance_rate"),
      ...derived("balance_resident", "difference", ["income_resident", "expenditure_resident"], "居民医保当期结余", "resident balance of the year", "万元", "fund_balance_current_resident"),
      ...derived("balance_rate_resident", "share", ["balance_resident", "income_resident"], "居民医保结余率", "resident balance rate", "%", "fund_balance_rate_resident"),
    ],
    chart: { rows: ["income", "expenditure", "income_resident", "expenditure_resident"], title: { zh: "医保基金收入与支出（万元）", en: "Fund income and expenditure (10k yuan)" } },
  },
  supervision: {
    id: "supervision",
    title: { zh: "基金监管", en: "Fund supervision" },
    sheetName: "基金监管对比",
    description: { zh: `检查定点医药机构数、处理机构数、处理率、追回金额、每家检查机构追回额。${COMMON_ZH}`, en: `Institutions inspected and sanctioned, share sanctioned, money recovered, recovered per inspected institution. ${COMMON_EN}` },
    rows: [
      fig("inspected", "institutions_inspected", "检查机构数", "institutions inspected"),
      fig("handled", "institutions_handled", "处理机构数", "institutions sanctioned"),
      ...derived("handling_rate", "share", ["handled", "inspected"], "处理率", "share sanctioned", "%", "handling_rate"),
      fig("recovered", "funds_recovered", "追回金额", "money recovered"),
      ...derived("recovered_per_institution", "ratio", ["recovered", "inspected"], "每家检查机构追回额", "recovered per inspected institution", "万元/家", "funds_recovered_per_institution"),
    ],
    chart: { rows: ["inspected", "handled"], title: { zh: "检查与处理定点医药机构数（家）", en: "Institutions inspected and sanctioned" } },
  },
  coverage: {
    id: "coverage",
    title: { zh: "参保与待遇", en: "Enrolment and benefits" },
    sheetName: "参保与待遇对比",
    description: { zh: `基本医疗保险参保人数、参保率、政策范围内住院费用报销比例。${COMMON_ZH}`, en: `Persons insured, coverage rate, inpatient reimbursement ratio within policy scope. ${COMMON_EN}` },
    rows: [
      fig("insured", "insured_persons", "参保人数", "persons insured"),
      fig("coverage_rate", "insurance_coverage_rate", "参保率", "coverage rate"),
      fig("reimbursement_resident", "inpatient_reimbursement_ratio", "居民医保住院费用报销比例", "inpatient reimbursement ratio, residents"),
      fig("reimbursement_employee", "inpatient_reimbursement_ratio_employee", "职工医保住院费用报销比例", "inpatient reimbursement ratio, employees"),
    ],
    chart: { rows: ["coverage_rate", "reimbursement_resident", "reimbursement_employee"], title: { zh: "参保率与住院费用报销比例（%）", en: "Coverage rate and inpatient reimbursement ratios (%)" } },
  },
  scores: {
    id: "scores",
    title: { zh: "自评结果", en: "Self-evaluation results" },
    sheetName: "自评结果对比",
    description: { zh: `自评得分、等级与分项得分（各报告的分项口径不同，未列出的分项为“—”）。${COMMON_ZH}`, en: `Self-evaluation score, grade and sub-scores (the reports split the score differently; sub-scores a report does not use are —). ${COMMON_EN}` },
    rows: [
      fig("score", "self_eval_score", "自评得分", "self-evaluation score"),
      fig("grade", "self_eval_grade", "等级", "grade"),
      fig("budget_execution", "score_budget_execution", "预算执行得分", "budget execution"),
      fig("output", "score_output", "产出得分", "output"),
      fig("benefit", "score_benefit", "效益得分", "benefit"),
      fig("satisfaction", "score_satisfaction", "满意度得分", "satisfaction"),
      fig("performance_effectiveness", "score_performance_effectiveness", "履职效能得分", "performance of duties"),
      fig("management_efficiency", "score_management_efficiency", "管理效率得分", "management efficiency"),
      fig("budget_preparation", "score_budget_preparation", "预算编制得分", "budget preparation"),
      fig("budget_use_benefit", "score_budget_use_benefit", "预算使用效益得分", "budget use benefit"),
      formula("subscore_sum", "sum", ["budget_execution", "budget_use_benefit"], "分项得分合计", "sub-scores added up", "分"),
    ],
    chart: { rows: ["score"], title: { zh: "自评得分（分）", en: "Self-evaluation score" } },
  },
};

export function templateById(id: string): ComparisonTemplate | undefined {
  return Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id as TemplateId] : undefined;
}

/** For a picker: id, Chinese and English title, sheet name, in docs/rules.md §8 order. */
export function templateChoices(): { id: TemplateId; title: Bilingual; sheetName: string }[] {
  return TEMPLATE_IDS.map((id) => ({ id, title: TEMPLATES[id].title, sheetName: TEMPLATES[id].sheetName }));
}

/** Every catalog figure a template shows (figure rows, stated rows). */
export function templateFigures(template: ComparisonTemplate): FigureId[] {
  return template.rows.filter((r): r is FigureRow => r.kind === "figure").map((r) => r.figure);
}

/** The row's normalised unit, named in its label: 万元, %, 分; "text" for a word (等级). */
export function rowUnit(row: TemplateRow): CanonicalUnit {
  return row.kind === "figure" ? FIGURE_CATALOG[row.figure].unit : row.unit;
}
