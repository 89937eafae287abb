/**
 * Schema of the bundled seed data (docs/rules.md §2 seeds/, §7, §8): the figures of five public
 * self-evaluation reports, one file per department-year, each figure as written and
 * normalised, with its source section. Parsed at load (seed-data.ts) and in tests.
 *
 * FIGURE_CATALOG is the one list of figure ids: the same id means the same concept in every
 * department, in the canonical unit given here, so the comparison templates can rely on it.
 */
import { z } from "zod";
import { reportById } from "./seed-reports";
import type { Bilingual } from "../basics/text";

export const DEPARTMENT_IDS = ["guangdong-2023", "guangzhou-2022", "huizhou-2022", "jiangmen-2023", "shenzhen-2023"] as const;
export const DepartmentIdSchema = z.enum(DEPARTMENT_IDS);
export type DepartmentId = z.infer<typeof DepartmentIdSchema>;

/** docs/rules.md §8 comparison templates. */
export const TEMPLATE_IDS = ["expenditure", "income", "fund", "supervision", "coverage", "scores"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** Canonical units of the catalog. "text" marks a figure whose value is a word (a grade). */
export const CANONICAL_UNITS = ["万元", "人", "人次", "%", "分", "家", "个", "项", "件", "种", "个月", "页", "元/人", "万元/家", "text"] as const;
export const CanonicalUnitSchema = z.enum(CANONICAL_UNITS);
export type CanonicalUnit = z.infer<typeof CanonicalUnitSchema>;

/**
 * Units as the reports write them → canonical unit and the power of ten that converts:
 * value = valueAsWritten × 10^exp10 (亿元 → 万元 is ×10^4, 元 → 万元 is ×10^-4).
 */
export const UNITS_AS_WRITTEN: Readonly<Record<string, { unit: CanonicalUnit; exp10: number }>> = {
  元: { unit: "万元", exp10: -4 },
  万元: { unit: "万元", exp10: 0 },
  亿元: { unit: "万元", exp10: 4 },
  人: { unit: "人", exp10: 0 },
  名: { unit: "人", exp10: 0 },
  万人: { unit: "人", exp10: 4 },
  亿人: { unit: "人", exp10: 8 },
  人次: { unit: "人次", exp10: 0 },
  万人次: { unit: "人次", exp10: 4 },
  "%": { unit: "%", exp10: 0 },
  分: { unit: "分", exp10: 0 },
  家: { unit: "家", exp10: 0 },
  // Huizhou counts inspections in 家次 (visits); kept under 家 with a note on the figure.
  家次: { unit: "家", exp10: 0 },
  个: { unit: "个", exp10: 0 },
  项: { unit: "项", exp10: 0 },
  件: { unit: "件", exp10: 0 },
  宗: { unit: "件", exp10: 0 },
  单: { unit: "件", exp10: 0 },
  例: { unit: "件", exp10: 0 },
  种: { unit: "种", exp10: 0 },
  个月: { unit: "个月", exp10: 0 },
  页: { unit: "页", exp10: 0 },
  万页: { unit: "页", exp10: 4 },
  // per-person amounts written "每人…元"
  "元/人": { unit: "元/人", exp10: 0 },
};

/** How a figure follows from others; the audit and the templates' live formulas use it. */
export const RelationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("share"), part: z.string(), whole: z.string() }),
  z.object({ kind: z.literal("growth"), current: z.string(), prior: z.string().optional(), change: z.string().optional() }),
  z.object({ kind: z.literal("change"), current: z.string(), prior: z.string().optional() }),
  z.object({ kind: z.literal("sum"), parts: z.array(z.string()).min(2) }),
  z.object({ kind: z.literal("difference"), minuend: z.string(), subtrahend: z.string() }),
  z.object({ kind: z.literal("ratio"), numerator: z.string(), denominator: z.string() }),
]);
export type Relation = z.infer<typeof RelationSchema>;

export interface CatalogEntry {
  /** the label for sheets in Chinese, with a short English gloss */
  readonly label: Bilingual;
  readonly unit: CanonicalUnit;
  /** docs/rules.md §8 templates that show this figure: every seed gives it or lists it in `missing` */
  readonly templates?: readonly TemplateId[];
  /** a docs/rules.md §7 statement label the audit looks for: every seed gives it or lists it in `missing` */
  readonly audit?: true;
  readonly relation?: Relation;
}

const share = (part: string, whole: string): Relation => ({ kind: "share", part, whole });
const growth = (current: string, prior?: string, change?: string): Relation => ({ kind: "growth", current, prior, change });
const change = (current: string, prior?: string): Relation => ({ kind: "change", current, prior });

export const FIGURE_CATALOG = {
  // ── income (收入), by source ──────────────────────────────────────────────
  // 财政拨款收入 + 其他收入: only used when both are given, to find a part written in the wrong unit (2.23元 of 3,797.83 万元)
  total_income: { label: { zh: "总收入", en: "total income" }, unit: "万元", audit: true, templates: ["income"], relation: { kind: "sum", parts: ["fiscal_appropriation_income", "other_income"] } },
  total_income_prior_year: { label: { zh: "上年总收入", en: "total income, prior year" }, unit: "万元", audit: true },
  total_income_growth: { label: { zh: "总收入增长率", en: "total income growth" }, unit: "%", relation: growth("total_income", "total_income_prior_year") },
  fiscal_appropriation_income: {
    label: { zh: "财政拨款收入", en: "fiscal appropriation income" }, unit: "万元", audit: true, templates: ["income"],
    relation: { kind: "sum", parts: ["general_budget_appropriation_income", "gov_fund_appropriation_income", "state_capital_appropriation_income"] },
  },
  fiscal_appropriation_income_share: { label: { zh: "财政拨款收入占比", en: "fiscal appropriation share of income" }, unit: "%", templates: ["income"], relation: share("fiscal_appropriation_income", "total_income") },
  fiscal_appropriation_income_prior_year: { label: { zh: "上年财政拨款收入", en: "fiscal appropriation income, prior year" }, unit: "万元" },
  fiscal_appropriation_income_growth: { label: { zh: "财政拨款收入增长率", en: "fiscal appropriation income growth" }, unit: "%", relation: growth("fiscal_appropriation_income", "fiscal_appropriation_income_prior_year") },
  general_budget_appropriation_income: { label: { zh: "一般公共预算财政拨款收入", en: "general public budget appropriation income" }, unit: "万元", audit: true },
  general_budget_appropriation_income_share: { label: { zh: "一般公共预算财政拨款收入占比", en: "general budget appropriation share of income" }, unit: "%", relation: share("general_budget_appropriation_income", "total_income") },
  general_budget_appropriation_income_change: { label: { zh: "一般公共预算财政拨款收入比上年增减", en: "general budget appropriation income change on prior year" }, unit: "万元", relation: change("general_budget_appropriation_income") },
  general_budget_appropriation_income_growth: { label: { zh: "一般公共预算财政拨款收入增长率", en: "general budget appropriation income growth" }, unit: "%", relation: growth("general_budget_appropriation_income", undefined, "general_budget_appropriation_income_change") },
  gov_fund_appropriation_income: { label: { zh: "政府性基金预算财政拨款收入", en: "government fund budget appropriation income" }, unit: "万元", audit: true },
  gov_fund_appropriation_income_share: { label: { zh: "政府性基金预算财政拨款收入占比", en: "government fund appropriation share of income" }, unit: "%", relation: share("gov_fund_appropriation_income", "total_income") },
  gov_fund_appropriation_income_change: { label: { zh: "政府性基金预算财政拨款收入比上年增减", en: "government fund appropriation income change on prior year" }, unit: "万元", relation: change("gov_fund_appropriation_income") },
  gov_fund_appropriation_income_growth: { label: { zh: "政府性基金预算财政拨款收入增长率", en: "government fund appropriation income growth" }, unit: "%", relation: growth("gov_fund_appropriation_income", undefined, "gov_fund_appropriation_income_change") },
  state_capital_appropriation_income: { label: { zh: "国有资本经营预算财政拨款收入", en: "state capital budget appropriation income" }, unit: "万元" },
  superior_subsidy_income: { label: { zh: "上级补助收入", en: "subsidy income from superior" }, unit: "万元" },
  business_income: { label: { zh: "事业收入", en: "public-service income" }, unit: "万元" },
  operating_income: { label: { zh: "经营收入", en: "operating income" }, unit: "万元" },
  affiliated_unit_income: { label: { zh: "附属单位上缴收入", en: "income remitted by affiliated units" }, unit: "万元" },
  other_income: { label: { zh: "其他收入", en: "other income" }, unit: "万元", audit: true, templates: ["income"] },
  other_income_share: { label: { zh: "其他收入占比", en: "other income share" }, unit: "%", templates: ["income"], relation: share("other_income", "total_income") },
  other_income_change: { label: { zh: "其他收入比上年增减", en: "other income change on prior year" }, unit: "万元", relation: change("other_income") },
  other_income_growth: { label: { zh: "其他收入增长率", en: "other income growth" }, unit: "%", relation: growth("other_income", undefined, "other_income_change") },
  subordinate_unit_fiscal_income: { label: { zh: "下属单位财政拨款收入（纳入汇总）", en: "subordinate unit's fiscal income consolidated" }, unit: "万元" },

  // ── expenditure (支出): by nature, by source, by function, by economic class ─────────
  total_expenditure: { label: { zh: "总支出", en: "total expenditure" }, unit: "万元", audit: true, templates: ["expenditure"], relation: { kind: "sum", parts: ["basic_expenditure", "project_expenditure"] } },
  total_expenditure_prior_year: { label: { zh: "上年总支出", en: "total expenditure, prior year" }, unit: "万元", audit: true },
  total_expenditure_growth: { label: { zh: "总支出增长率", en: "total expenditure growth" }, unit: "%", relation: growth("total_expenditure", "total_expenditure_prior_year") },
  basic_expenditure: { label: { zh: "基本支出", en: "basic expenditure" }, unit: "万元", audit: true, templates: ["expenditure"] },
  basic_expenditure_share: { label: { zh: "基本支出占比", en: "basic expenditure share" }, unit: "%", templates: ["expenditure"], relation: share("basic_expenditure", "total_expenditure") },
  basic_expenditure_change: { label: { zh: "基本支出比上年增减", en: "basic expenditure change on prior year" }, unit: "万元", relation: change("basic_expenditure") },
  basic_expenditure_growth: { label: { zh: "基本支出增长率", en: "basic expenditure growth" }, unit: "%", relation: growth("basic_expenditure", undefined, "basic_expenditure_change") },
  project_expenditure: { label: { zh: "项目支出", en: "project expenditure" }, unit: "万元", audit: true, templates: ["expenditure"] },
  project_expenditure_share: { label: { zh: "项目支出占比", en: "project expenditure share" }, unit: "%", templates: ["expenditure"], relation: share("project_expenditure", "total_expenditure") },
  project_expenditure_change: { label: { zh: "项目支出比上年增减", en: "project expenditure change on prior year" }, unit: "万元", relation: change("project_expenditure") },
  project_expenditure_growth: { label: { zh: "项目支出增长率", en: "project expenditure growth" }, unit: "%", relation: growth("project_expenditure", undefined, "project_expenditure_change") },
  livelihood_subsidy_expenditure: { label: { zh: "民生补助资金（项目支出中）", en: "livelihood subsidies within project expenditure" }, unit: "万元" },
  fiscal_appropriation_expenditure: {
    label: { zh: "财政拨款支出", en: "fiscal appropriation expenditure" }, unit: "万元",
    relation: { kind: "sum", parts: ["fiscal_basic_expenditure", "fiscal_project_expenditure"] },
  },
  fiscal_appropriation_expenditure_share: { label: { zh: "财政拨款支出占比", en: "fiscal appropriation share of expenditure" }, unit: "%", relation: share("fiscal_appropriation_expenditure", "total_expenditure") },
  fiscal_appropriation_expenditure_prior_year: { label: { zh: "上年财政拨款支出", en: "fiscal appropriation expenditure, prior year" }, unit: "万元" },
  fiscal_appropriation_expenditure_growth: { label: { zh: "财政拨款支出增长率", en: "fiscal appropriation expenditure growth" }, unit: "%", relation: growth("fiscal_appropriation_expenditure", "fiscal_appropriation_expenditure_prior_year") },
  fiscal_basic_expenditure: { label: { zh: "财政拨款基本支出", en: "basic expenditure from fiscal appropriation" }, unit: "万元" },
  fiscal_basic_expenditure_share: { label: { zh: "财政拨款基本支出占比", en: "its share of fiscal appropriation expenditure" }, unit: "%", relation: share("fiscal_basic_expenditure", "fiscal_appropriation_expenditure") },
  fiscal_project_expenditure: { label: { zh: "财政拨款项目支出", en: "project expenditure from fiscal appropriation" }, unit: "万元" },
  fiscal_project_expenditure_share: { label: { zh: "财政拨款项目支出占比", en: "its share of fiscal appropriation expenditure" }, unit: "%", relation: share("fiscal_project_expenditure", "fiscal_appropriation_expenditure") },
  other_expenditure: { label: { zh: "其他支出", en: "other expenditure (by source)" }, unit: "万元" },
  other_expenditure_share: { label: { zh: "其他支出占比", en: "other expenditure share" }, unit: "%", relation: share("other_expenditure", "total_expenditure") },
  general_budget_expenditure: {
    label: { zh: "一般公共预算支出", en: "general public budget expenditure" }, unit: "万元",
    relation: { kind: "sum", parts: ["social_security_employment_expenditure", "health_expenditure", "housing_security_expenditure"] },
  },
  gov_fund_expenditure: { label: { zh: "政府性基金预算支出", en: "government fund budget expenditure" }, unit: "万元" },
  social_security_employment_expenditure: { label: { zh: "社会保障和就业支出", en: "social security and employment (function)" }, unit: "万元" },
  health_expenditure: { label: { zh: "卫生健康支出", en: "health (function)" }, unit: "万元" },
  housing_security_expenditure: { label: { zh: "住房保障支出", en: "housing security (function)" }, unit: "万元" },
  wage_welfare_expenditure: { label: { zh: "工资福利支出", en: "wages and welfare" }, unit: "万元", audit: true },
  wage_welfare_expenditure_share: { label: { zh: "工资福利支出占比", en: "wages and welfare share" }, unit: "%", relation: share("wage_welfare_expenditure", "total_expenditure") },
  goods_services_expenditure: { label: { zh: "商品和服务支出", en: "goods and services" }, unit: "万元", audit: true },
  goods_services_expenditure_share: { label: { zh: "商品和服务支出占比", en: "goods and services share" }, unit: "%", relation: share("goods_services_expenditure", "total_expenditure") },
  household_subsidy_expenditure: { label: { zh: "对个人和家庭的补助", en: "subsidies to individuals and households" }, unit: "万元", audit: true },
  household_subsidy_expenditure_share: { label: { zh: "对个人和家庭的补助占比", en: "household subsidies share" }, unit: "%", relation: share("household_subsidy_expenditure", "total_expenditure") },
  capital_expenditure: { label: { zh: "资本性支出", en: "capital expenditure" }, unit: "万元", audit: true },
  capital_expenditure_share: { label: { zh: "资本性支出占比", en: "capital expenditure share" }, unit: "%", relation: share("capital_expenditure", "total_expenditure") },
  payment_to_superior_expenditure: { label: { zh: "上缴上级支出", en: "payments to superior" }, unit: "万元" },
  operating_expenditure: { label: { zh: "经营支出", en: "operating expenditure" }, unit: "万元" },
  subsidy_to_affiliated_expenditure: { label: { zh: "对附属单位补助支出", en: "subsidies to affiliated units" }, unit: "万元" },
  subordinate_unit_fiscal_expenditure: { label: { zh: "下属单位财政拨款支出（纳入汇总）", en: "subordinate unit's fiscal expenditure consolidated" }, unit: "万元" },

  // ── budget, carry-over, procurement ─────────────────────────────────────
  budget_initial: { label: { zh: "年初预算", en: "initial budget" }, unit: "万元", audit: true },
  budget_initial_prior_year: { label: { zh: "上年年初预算", en: "initial budget, prior year" }, unit: "万元" },
  budget_initial_change: { label: { zh: "年初预算比上年增减", en: "initial budget change on prior year" }, unit: "万元", relation: change("budget_initial", "budget_initial_prior_year") },
  budget_adjusted: { label: { zh: "调整预算", en: "adjusted budget" }, unit: "万元", audit: true },
  budget_adjustment: { label: { zh: "调整预算比年初预算增减", en: "adjusted minus initial budget" }, unit: "万元", relation: { kind: "difference", minuend: "budget_adjusted", subtrahend: "budget_initial" } },
  budget_execution_rate: { label: { zh: "预算执行率", en: "budget execution rate" }, unit: "%" },
  budget_execution_rate_key_projects: { label: { zh: "重点任务项目预算执行率", en: "budget execution rate of key projects" }, unit: "%" },
  subordinate_unit_budget: { label: { zh: "下属单位预算收入（纳入汇总）", en: "subordinate unit's budget consolidated" }, unit: "万元" },
  fiscal_carryover_opening: { label: { zh: "年初财政结转", en: "fiscal carry-over at start of year" }, unit: "万元" },
  fiscal_carryover_closing: { label: { zh: "当年财政结转", en: "fiscal carry-over at end of year" }, unit: "万元" },
  carryover_balance_year_end: { label: { zh: "年末结转和结余", en: "carry-over and balance at year end" }, unit: "万元", audit: true },
  procurement_total: { label: { zh: "政府采购金额", en: "government procurement" }, unit: "万元", relation: { kind: "sum", parts: ["procurement_goods", "procurement_works", "procurement_services"] } },
  procurement_goods: { label: { zh: "政府采购货物支出", en: "procurement of goods" }, unit: "万元" },
  procurement_works: { label: { zh: "政府采购工程支出", en: "procurement of works" }, unit: "万元" },
  procurement_services: { label: { zh: "政府采购服务支出", en: "procurement of services" }, unit: "万元" },
  procurement_reserved: { label: { zh: "预留政府采购金额", en: "procurement budget reserved" }, unit: "万元" },
  procurement_reserved_sme: { label: { zh: "面向中小企业预留采购金额", en: "procurement reserved for SMEs" }, unit: "万元" },
  evaluated_projects_general_budget_expenditure: { label: { zh: "重点评价项目一般公共预算支出", en: "general-budget spending of separately evaluated projects" }, unit: "万元" },

  // ── 三公经费 and other controlled costs ──────────────────────────────────────────
  three_public_expenditure: { label: { zh: "“三公”经费", en: "three public expenses (travel abroad, vehicles, reception)" }, unit: "万元", audit: true },
  three_public_expenditure_change: { label: { zh: "“三公”经费比上年增减", en: "three public expenses change on prior year" }, unit: "万元", relation: change("three_public_expenditure") },
  meeting_expenditure: { label: { zh: "会议费", en: "meeting expenses" }, unit: "万元" },
  meeting_expenditure_change: { label: { zh: "会议费比上年增减", en: "meeting expenses change on prior year" }, unit: "万元", relation: change("meeting_expenditure") },
  training_expenditure: { label: { zh: "培训费", en: "training expenses" }, unit: "万元" },
  training_expenditure_change: { label: { zh: "培训费比上年增减", en: "training expenses change on prior year" }, unit: "万元", relation: change("training_expenditure") },

  // ── assets and liabilities ──────────────────────────────────────────────
  total_assets: { label: { zh: "资产总额", en: "total assets" }, unit: "万元" },
  total_assets_prior_year: { label: { zh: "上年末资产总额", en: "total assets, prior year end" }, unit: "万元" },
  total_assets_change: { label: { zh: "资产总额比上年增减", en: "total assets change" }, unit: "万元", relation: change("total_assets", "total_assets_prior_year") },
  total_assets_growth: { label: { zh: "资产总额增长率", en: "total assets growth" }, unit: "%", relation: growth("total_assets", "total_assets_prior_year", "total_assets_change") },
  subordinate_unit_assets: { label: { zh: "下属单位资产总额（纳入汇总）", en: "subordinate unit's assets consolidated" }, unit: "万元" },
  total_liabilities: {
    label: { zh: "负债总额", en: "total liabilities" }, unit: "万元",
    relation: { kind: "sum", parts: ["other_taxes_payable", "accounts_payable", "payroll_payable"] },
  },
  total_liabilities_prior_year: { label: { zh: "上年末负债总额", en: "total liabilities, prior year end" }, unit: "万元" },
  total_liabilities_change: { label: { zh: "负债总额比上年增减", en: "total liabilities change" }, unit: "万元", relation: change("total_liabilities", "total_liabilities_prior_year") },
  total_liabilities_growth: { label: { zh: "负债总额增长率", en: "total liabilities growth" }, unit: "%", relation: growth("total_liabilities", "total_liabilities_prior_year", "total_liabilities_change") },
  other_taxes_payable: { label: { zh: "其他应交税费", en: "other taxes payable" }, unit: "万元" },
  accounts_payable: { label: { zh: "应付账款", en: "accounts payable" }, unit: "万元" },
  payroll_payable: { label: { zh: "应付职工薪酬", en: "payroll payable" }, unit: "万元" },

  // ── medical insurance fund (基金运行) ──────────────────────────────────────
  fund_income: { label: { zh: "基本医疗保险基金收入", en: "basic medical insurance fund income" }, unit: "万元", templates: ["fund"], relation: { kind: "sum", parts: ["fund_income_employee", "fund_income_resident"] } },
  fund_expenditure: { label: { zh: "基本医疗保险基金支出", en: "basic medical insurance fund expenditure" }, unit: "万元", templates: ["fund"], relation: { kind: "sum", parts: ["fund_expenditure_employee", "fund_expenditure_resident"] } },
  fund_balance_current: { label: { zh: "基本医疗保险基金当期结余", en: "fund balance of the year" }, unit: "万元", templates: ["fund"], relation: { kind: "difference", minuend: "fund_income", subtrahend: "fund_expenditure" } },
  fund_balance_rate: { label: { zh: "基本医疗保险基金当期结余率", en: "fund balance rate of the year" }, unit: "%", templates: ["fund"], relation: share("fund_balance_current", "fund_income") },
  fund_income_employee: { label: { zh: "职工医保基金收入", en: "employee insurance fund income" }, unit: "万元" },
  fund_expenditure_employee: { label: { zh: "职工医保基金支出", en: "employee insurance fund expenditure" }, unit: "万元" },
  fund_income_resident: { label: { zh: "居民医保基金收入", en: "resident insurance fund income" }, unit: "万元", templates: ["fund"] },
  fund_expenditure_resident: { label: { zh: "居民医保基金支出", en: "resident insurance fund expenditure" }, unit: "万元", templates: ["fund"] },
  fund_balance_current_resident: { label: { zh: "居民医保基金当期结余", en: "resident fund balance of the year" }, unit: "万元", templates: ["fund"], relation: { kind: "difference", minuend: "fund_income_resident", subtrahend: "fund_expenditure_resident" } },
  fund_balance_rate_resident: { label: { zh: "居民医保基金当期结余率", en: "resident fund balance rate" }, unit: "%", templates: ["fund"], relation: share("fund_balance_current_resident", "fund_income_resident") },
  fund_balance_cumulative: { label: { zh: "医保基金累计结余", en: "accumulated fund balance" }, unit: "万元" },
  fund_balance_cumulative_change: { label: { zh: "医保基金累计结余比上年增减", en: "accumulated fund balance change on prior year" }, unit: "万元", relation: change("fund_balance_cumulative") },
  fund_months_payable: { label: { zh: "基金滚存结余可支付月数", en: "months of payments covered by the accumulated balance" }, unit: "个月" },

  // ── fund supervision (基金监管) ───────────────────────────────────────────
  institutions_inspected: { label: { zh: "检查定点医药机构数", en: "designated institutions inspected" }, unit: "家", templates: ["supervision"] },
  institutions_handled: { label: { zh: "处理违法违规机构数", en: "institutions sanctioned" }, unit: "家", templates: ["supervision"] },
  handling_rate: { label: { zh: "处理率", en: "share of inspected institutions sanctioned" }, unit: "%", templates: ["supervision"], relation: share("institutions_handled", "institutions_inspected") },
  funds_recovered: { label: { zh: "追回（拒付）医保基金", en: "fund money recovered or refused" }, unit: "万元", templates: ["supervision"] },
  funds_recovered_per_institution: {
    label: { zh: "每家检查机构追回额", en: "recovered per inspected institution" }, unit: "万元/家", templates: ["supervision"],
    relation: { kind: "ratio", numerator: "funds_recovered", denominator: "institutions_inspected" },
  },
  funds_recovered_personal_account: { label: { zh: "追回多发医保个账基金", en: "personal-account money recovered" }, unit: "万元" },
  funds_recovered_cumulative: { label: { zh: "累计追回医保基金", en: "fund money recovered, cumulative" }, unit: "万元" },
  supervision_coverage_rate: { label: { zh: "定点医药机构监督检查覆盖率", en: "inspection coverage of designated institutions" }, unit: "%" },
  administrative_penalty_cases: { label: { zh: "行政处罚案件数", en: "administrative penalty cases" }, unit: "件" },
  agreements_suspended: { label: { zh: "暂停医保协议机构数", en: "service agreements suspended" }, unit: "家" },
  agreements_terminated: { label: { zh: "解除医保协议机构数", en: "service agreements terminated" }, unit: "家" },
  cases_to_police: { label: { zh: "移交公安机关案件数", en: "cases handed to police" }, unit: "件" },
  cases_exposed: { label: { zh: "曝光案件数", en: "cases publicised" }, unit: "件" },

  // ── enrolment and benefits (参保与待遇) ─────────────────────────────────────
  insured_persons: { label: { zh: "基本医疗保险参保人数", en: "persons insured (basic medical insurance)" }, unit: "人", templates: ["coverage"], relation: { kind: "sum", parts: ["insured_persons_employee", "insured_persons_resident"] } },
  insured_persons_employee: { label: { zh: "职工医保参保人数", en: "insured under employee insurance" }, unit: "人" },
  insured_persons_resident: { label: { zh: "居民医保参保人数", en: "insured under resident insurance" }, unit: "人" },
  insurance_coverage_rate: { label: { zh: "基本医疗保险参保率", en: "insurance coverage rate" }, unit: "%", templates: ["coverage"] },
  inpatient_reimbursement_ratio: { label: { zh: "居民医保政策范围内住院费用报销比例", en: "inpatient reimbursement ratio within policy scope, residents" }, unit: "%", templates: ["coverage"] },
  inpatient_reimbursement_ratio_employee: { label: { zh: "职工医保政策范围内住院费用报销比例", en: "inpatient reimbursement ratio within policy scope, employees" }, unit: "%", templates: ["coverage"] },
  critical_illness_inpatient_ratio: { label: { zh: "大病保险住院支付比例", en: "critical illness insurance inpatient payment ratio" }, unit: "%" },
  inpatient_direct_settlement_rate: { label: { zh: "住院费用省内直接结算率", en: "in-province direct settlement rate of inpatient costs" }, unit: "%" },
  assisted_enrolment_persons: { label: { zh: "资助参保人数", en: "persons whose contribution was paid by medical assistance" }, unit: "人" },
  assisted_enrolment_expenditure: { label: { zh: "医疗救助基金资助参保支出", en: "assistance fund spent on paying contributions" }, unit: "万元" },
  medical_assistance_person_times: { label: { zh: "医疗救助人次（门诊及住院）", en: "medical assistance person-times" }, unit: "人次" },
  medical_assistance_expenditure: { label: { zh: "医疗救助基金支出", en: "medical assistance fund spending" }, unit: "万元" },
  medical_assistance_total_person_times: { label: { zh: "医疗救助总人次（含资助参保）", en: "medical assistance incl. paid contributions" }, unit: "人次" },
  medical_assistance_total_change: { label: { zh: "医疗救助总人次比上年增减", en: "change on prior year" }, unit: "人次", relation: change("medical_assistance_total_person_times") },
  inpatient_assistance_person_times: { label: { zh: "住院救助人次", en: "inpatient assistance person-times" }, unit: "人次" },
  resident_subsidy_per_person: { label: { zh: "居民医保人均财政补助", en: "fiscal subsidy per insured resident" }, unit: "元/人" },
  resident_subsidy_per_student: { label: { zh: "在校学生居民医保人均财政补助", en: "fiscal subsidy per insured student" }, unit: "元/人" },
  drug_platform_procurement_share: { label: { zh: "药品通过平台（线上）采购金额占比", en: "share of drug purchases through the platform" }, unit: "%" },
  good_review_rate: { label: { zh: "好评率（满意率）", en: "share of positive service reviews" }, unit: "%" },

  // ── transfer-payment funds (Guangdong, province excl. Shenzhen) ─────────────────────
  transfer_resident_insurance_subsidy: { label: { zh: "城乡居民基本医疗保险补助资金", en: "resident insurance subsidy funds" }, unit: "万元" },
  transfer_medical_assistance_budget: { label: { zh: "城乡医疗救助补助资金预算", en: "medical assistance subsidy budget" }, unit: "万元" },
  transfer_service_capacity: { label: { zh: "医疗服务与保障能力提升补助资金", en: "service capacity subsidy funds" }, unit: "万元" },

  // ── self-evaluation (自评结果) ───────────────────────────────────────────
  self_eval_score: { label: { zh: "自评得分", en: "self-evaluation score" }, unit: "分", templates: ["scores"] },
  self_eval_grade: { label: { zh: "自评等级", en: "self-evaluation grade" }, unit: "text", templates: ["scores"] },
  score_budget_execution: { label: { zh: "预算执行得分", en: "budget execution sub-score" }, unit: "分", templates: ["scores"] },
  score_output: { label: { zh: "产出得分", en: "output sub-score" }, unit: "分", templates: ["scores"] },
  score_benefit: { label: { zh: "效益得分", en: "benefit sub-score" }, unit: "分", templates: ["scores"] },
  score_satisfaction: { label: { zh: "满意度得分", en: "satisfaction sub-score" }, unit: "分", templates: ["scores"] },
  score_performance_effectiveness: { label: { zh: "履职效能得分", en: "performance of duties sub-score" }, unit: "分", templates: ["scores"] },
  score_management_efficiency: { label: { zh: "管理效率得分", en: "management efficiency sub-score" }, unit: "分", templates: ["scores"] },
  score_budget_preparation: { label: { zh: "预算编制得分", en: "budget preparation sub-score" }, unit: "分", templates: ["scores"] },
  score_budget_use_benefit: { label: { zh: "预算使用效益得分", en: "budget use benefit sub-score" }, unit: "分", templates: ["scores"] },
  other_eval_score_resident_subsidy: { label: { zh: "城乡居民基本医疗保险补助经费项目自评得分", en: "project self-evaluation: resident insurance subsidy" }, unit: "分" },
  other_eval_score_employee_fund: { label: { zh: "城镇职工基本医疗保险基金项目自评得分", en: "project self-evaluation: employee insurance fund" }, unit: "分" },
  work_tasks_count: { label: { zh: "部门整体支出主要工作任务数", en: "main work tasks set" }, unit: "项" },
  key_indicators_count: { label: { zh: "关键绩效目标数", en: "key performance targets set" }, unit: "个" },
} as const satisfies Record<string, CatalogEntry>;

export type FigureId = keyof typeof FIGURE_CATALOG;
export const FIGURE_IDS = Object.keys(FIGURE_CATALOG) as [FigureId, ...FigureId[]];
export const FigureIdSchema = z.enum(FIGURE_IDS);

export function catalogEntry(id: FigureId): CatalogEntry {
  return FIGURE_CATALOG[id];
}

/** Ids shown by one docs/rules.md §8 template, or by any of them. */
export function templateFigureIds(template?: TemplateId): FigureId[] {
  return FIGURE_IDS.filter((id) => {
    const templates = catalogEntry(id).templates;
    return templates !== undefined && (template === undefined || templates.includes(template));
  });
}

/** Ids every seed must either give or list in `missing`: the template rows and the §7 statement labels. */
export function requiredFigureIds(): FigureId[] {
  return FIGURE_IDS.filter((id) => catalogEntry(id).templates !== undefined || catalogEntry(id).audit === true);
}

/** "11,041", "26，336.8", "0", "-9.4": ASCII digits with optional (full-width) thousands commas. */
const WRITTEN_NUMBER = /^\d{1,3}(?:[,，]\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** Bounds written beside a figure: 不低于/以上 (at_least), 超过/多 (more_than), 不超过 (at_most), 左右/约 (approximately). */
export const QualifierSchema = z.enum(["at_least", "more_than", "at_most", "approximately"]);

const SectionSchema = z.string().min(1);

/** A report of seeds/reports/index.json, by id (jiangmen-2023: seeds/reports/jiangmen-2023.txt). */
export const ReportIdSchema = z.string().refine((id) => reportById(id) !== undefined, { message: "not a report of seeds/reports/index.json" });

export const SourceSchema = z.object({
  /** the report's id in seeds/reports/index.json, e.g. jiangmen-2023 */
  document: ReportIdSchema,
  /** the report's own numbering, e.g. 二（二）1（8） */
  section: SectionSchema,
});

/** A second value the report gives for the same figure, kept as written. */
export const AlternativeSchema = z.object({
  label: z.string().min(1),
  valueAsWritten: z.string().regex(WRITTEN_NUMBER),
  unitAsWritten: z.string().min(1),
  value: z.number().finite(),
  qualifier: QualifierSchema.optional(),
  section: SectionSchema,
  note: z.string().optional(),
});
export type Alternative = z.infer<typeof AlternativeSchema>;

export const FigureSchema = z
  .object({
    /** the report's own label, short */
    label: z.string().min(1),
    /** digits exactly as written (thousands separators kept), without sign or direction word */
    valueAsWritten: z.string().regex(WRITTEN_NUMBER).optional(),
    unitAsWritten: z.string().min(1).optional(),
    /** normalised to `unit`; negative when the direction word says decrease */
    value: z.number().finite().optional(),
    /** a word value (grade 优) instead of a number */
    text: z.string().min(1).optional(),
    unit: CanonicalUnitSchema,
    /** the year the figure is for */
    year: z.number().int().min(2000).max(2100),
    qualifier: QualifierSchema.optional(),
    /** for changes and growth rates: the direction word the report uses */
    direction: z.enum(["increase", "decrease"]).optional(),
    directionAsWritten: z.string().min(1).optional(),
    source: SourceSchema,
    alternatives: z.array(AlternativeSchema).min(1).optional(),
    /** set whenever alternatives are given: true when they disagree beyond the precision written */
    conflict: z.boolean().optional(),
    /** our own short English words */
    note: z.string().optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const numeric = f.value !== undefined || f.valueAsWritten !== undefined || f.unitAsWritten !== undefined;
    if (numeric && (f.value === undefined || f.valueAsWritten === undefined || f.unitAsWritten === undefined)) {
      ctx.addIssue({ code: "custom", message: "a numeric figure needs value, valueAsWritten and unitAsWritten" });
    }
    if (numeric === (f.text !== undefined)) ctx.addIssue({ code: "custom", message: "give either a number or text, not both or neither" });
    if (f.text !== undefined && f.unit !== "text") ctx.addIssue({ code: "custom", message: "a text figure has unit \"text\"" });
    if (f.unitAsWritten !== undefined) {
      const known = UNITS_AS_WRITTEN[f.unitAsWritten];
      if (!known) ctx.addIssue({ code: "custom", message: `unknown unit as written: ${f.unitAsWritten}` });
      else if (known.unit !== f.unit) ctx.addIssue({ code: "custom", message: `${f.unitAsWritten} normalises to ${known.unit}, not ${f.unit}` });
    }
    for (const alt of f.alternatives ?? []) {
      const known = UNITS_AS_WRITTEN[alt.unitAsWritten];
      if (!known || known.unit !== f.unit) ctx.addIssue({ code: "custom", message: `alternative unit ${alt.unitAsWritten} does not normalise to ${f.unit}` });
    }
    if ((f.alternatives !== undefined) !== (f.conflict !== undefined)) {
      ctx.addIssue({ code: "custom", message: "conflict is set exactly when alternatives are given" });
    }
    if ((f.direction !== undefined) !== (f.directionAsWritten !== undefined)) {
      ctx.addIssue({ code: "custom", message: "direction and directionAsWritten go together" });
    }
    if (f.direction === "decrease" && f.value !== undefined && f.value > 0) ctx.addIssue({ code: "custom", message: "a decrease is stored as a negative value" });
  });
export type Figure = z.infer<typeof FigureSchema>;

export const IndicatorSchema = z
  .object({
    /** the report's numbering of the indicator, when it has one */
    no: z.number().int().positive().optional(),
    name: z.string().min(1),
    /** as written; null when the report gives no target */
    target: z.string().min(1).nullable(),
    /** as written; null when the report gives no result */
    actual: z.string().min(1).nullable(),
    section: SectionSchema,
  })
  .strict();
export type Indicator = z.infer<typeof IndicatorSchema>;

export const SeedSchema = z
  .object({
    id: DepartmentIdSchema,
    department: z.string().min(1),
    departmentEn: z.string().min(1),
    level: z.enum(["province", "city"]),
    year: z.number().int().min(2000).max(2100),
    /** the report the figures come from: its id in seeds/reports/index.json */
    source: ReportIdSchema,
    figures: z.partialRecord(FigureIdSchema, FigureSchema),
    /** catalog ids the report does not give: shown as —, never 0 */
    missing: z.array(FigureIdSchema),
    /** why a missing figure is missing, where there is more to say */
    missingNotes: z.partialRecord(FigureIdSchema, z.string().min(1)).optional(),
    indicators: z.array(IndicatorSchema),
    /** our own short English remarks on the report as a whole */
    notes: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((seed, ctx) => {
    if (!seed.id.endsWith(`-${seed.year}`)) ctx.addIssue({ code: "custom", path: ["year"], message: `year ${seed.year} does not match id ${seed.id}` });
    for (const [id, figure] of Object.entries(seed.figures) as [FigureId, Figure][]) {
      const entry: CatalogEntry = FIGURE_CATALOG[id];
      if (figure.unit !== entry.unit) ctx.addIssue({ code: "custom", path: ["figures", id, "unit"], message: `catalog unit of ${id} is ${entry.unit}` });
      if (figure.source.document !== seed.source) ctx.addIssue({ code: "custom", path: ["figures", id, "source"], message: `source document is ${seed.source}` });
    }
    const seen = new Set<FigureId>();
    for (const id of seed.missing) {
      if (seen.has(id)) ctx.addIssue({ code: "custom", path: ["missing"], message: `${id} listed twice` });
      seen.add(id);
      if (seed.figures[id] !== undefined) ctx.addIssue({ code: "custom", path: ["missing"], message: `${id} is both given and missing` });
    }
    for (const id of Object.keys(seed.missingNotes ?? {}) as FigureId[]) {
      if (!seen.has(id)) ctx.addIssue({ code: "custom", path: ["missingNotes", id], message: `${id} has a note but is not listed as missing` });
    }
  });
export type Seed = z.infer<typeof SeedSchema>;
