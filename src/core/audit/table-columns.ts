/**
 * What a label/value table's header cells and columns hold (docs/statement-audit.md, "What is
 * read"): the role a header word gives its column (本年 · 上年 · 预算 · 调整预算 · 占比 · 增长),
 * its unit or percent, ratios written as fractions, "比上年增减" as a rate or an amount, and
 * whether a column holds each row's unit.
 */
import { CellValue, Grid, cellText, isBlank } from "../basics/grid";
import { normalizeText } from "../basics/normalize-text";
import { isPercentFormat, parseQuantity } from "../basics/quantity";
import { OWN_HEADER_PREFIX } from "../forms/table-finder";
import { UnitInfo, lookupUnit } from "../basics/unit-table";
import { ValueRole } from "./model";
import { TableColumn } from "./table-types";
import { statementUnit, unitColumnCell } from "./units";

export type HeaderRole = ValueRole | "label" | "ambiguous_change";

export interface HeaderCell {
  role: HeaderRole;
  unit: UnitInfo | null;
  /** the header says the column is in percent points ("占比(%)") */
  percent: boolean;
  year: number | null;
  score: boolean;
}

const LABEL_RE = /^(项目|科目|项目名称|科目名称|名称|收支项目|类别|内容|分项|指标|指标名称|三级指标|评价指标|评价内容|预算科目|功能分类科目|经济分类科目)$/;
const RULES: Array<[HeaderRole, RegExp]> = [
  ["rate", /^(预算)?(执行率|完成率|支出进度|执行进度|预算执行率)$/],
  ["adjusted", /^(调整预算|调整预算数|调整后预算|调整后预算数|调整后年度预算)$/],
  ["budget", /^(预算|预算数|年初预算|年初预算数|全年预算|全年预算数|预算金额|年初预算金额)$/],
  ["prior", /^(上年|上年数|上年度|上年决算|上年决算数|上年同期|上年同期数|上期|上期数|上年金额|上年实际|上年实际数)$/],
  ["share", /^(占比|比重|结构|构成|占比例|占总额比例|占总支出比重|占总收入比重|比例|所占比重|占比情况)$/],
  ["growth", /^(增长|增长率|增减率|增减幅度|增幅|同比增长|同比增减|变动率|增减变动率|同比增长率|比上年增长)$/],
  ["change", /^(增减额|增减金额|增加额|变动额|增减数|比上年增减额|增减变动额)$/],
  ["ambiguous_change", /^(比上年增减|增减|增减变动|比上年增减变动|增减情况)$/],
  ["current", /^(本年|本年数|本年度|本年金额|本年决算|本年决算数|本年实际|本年实际数|决算|决算数|决算金额|金额|本期|本期数|本期金额|实际数|执行数|本年发生额|本年累计|得分|自评得分|评分|数额|合计金额)$/],
];

const UNIT_IN_BRACKETS = /[(（[【]([^)）\]】]*)[)）\]】]/g;

/** What a header cell says about its column. */
export function headerRole(v: CellValue): HeaderCell | null {
  const raw = cellText(v);
  if (raw === "" || raw.startsWith(OWN_HEADER_PREFIX)) return null;
  const t = normalizeText(raw);
  if (t.length > 24) return null;
  let unit: UnitInfo | null = null;
  let percent = false;
  for (const m of t.matchAll(UNIT_IN_BRACKETS)) {
    const inner = m[1].replace(/^单位[:：]?/, "");
    if (/^(%|百分比)$/.test(inner)) percent = true;
    else {
      const u = statementUnit(inner);
      if (u) unit = u;
    }
  }
  let core = t.replace(UNIT_IN_BRACKETS, "").replace(/[:：]$/, "");
  if (/%$/.test(core)) {
    percent = true;
    core = core.replace(/%$/, "");
  }
  const unitSuffix = /^(.*?)(万元|亿元|千元)$/.exec(core);
  if (unitSuffix && unitSuffix[1] !== "") {
    unit = lookupUnit(unitSuffix[2]);
    core = unitSuffix[1];
  }
  if (LABEL_RE.test(core)) return { role: "label", unit: null, percent: false, year: null, score: false };
  const year = /^(20\d\d|19\d\d)年(度)?(决算|实际|预算)?(数|金额)?$/.exec(core);
  if (year) {
    if (year[3] === "预算") return null;
    return { role: "current", unit, percent, year: parseInt(year[1], 10), score: false };
  }
  for (const [role, re] of RULES) {
    if (re.test(core)) {
      const score = /^(得分|自评得分|评分)$/.test(core);
      return { role, unit: score ? lookupUnit("分") : unit, percent, year: null, score };
    }
  }
  return null;
}

/** Most of the column's written cells are units the unit table knows. */
export function holdsUnits(rows: CellValue[][], c: number, from: number, to: number): boolean {
  let written = 0;
  let units = 0;
  for (let r = from; r < to; r++) {
    const v = rows[r]?.[c];
    if (isBlank(v)) continue;
    written++;
    const u = unitColumnCell(cellText(v));
    if (u && u.family !== "other") units++;
  }
  return units > 0 && units * 2 >= written;
}

export const RATIO_ROLES: ValueRole[] = ["share", "growth", "rate"];

export function column(grid: Grid, index: number, role: ValueRole, h: HeaderCell, from: number, to: number): TableColumn {
  let fraction = false;
  if (RATIO_ROLES.includes(role) && !h.percent) {
    // plain numbers all within ±1 (and at least one written): fractions
    let plain = 0;
    let small = 0;
    for (let r = from + 1; r <= to; r++) {
      const v = grid.values[r]?.[index];
      const fmt = grid.numberFormats?.[r]?.[index];
      if (typeof v === "number" && !isPercentFormat(fmt)) {
        plain++;
        if (Math.abs(v) <= 1) small++;
      }
    }
    fraction = plain > 0 && small === plain;
  }
  return { index, role, unit: h.unit, percent: h.percent, fraction };
}

/** "比上年增减": a rate when written in %, else an amount when it equals 本年 − 上年 on most rows. */
export function resolveAmbiguous(grid: Grid, index: number, h: HeaderCell, from: number, to: number, picked: Map<ValueRole, { index: number }>): TableColumn {
  if (h.percent) return column(grid, index, "growth", h, from, to);
  let pct = 0;
  let amounts = 0;
  let total = 0;
  const cur = picked.get("current")?.index;
  const prior = picked.get("prior")?.index;
  for (let r = from + 1; r <= to; r++) {
    const v = grid.values[r]?.[index];
    if (isBlank(v)) continue;
    total++;
    const fmt = grid.numberFormats?.[r]?.[index];
    if ((typeof v === "string" && /[%％]/.test(v)) || (typeof v === "number" && isPercentFormat(fmt))) pct++;
    else if (cur !== undefined && prior !== undefined) {
      const q = parseQuantity(v, fmt);
      const c = parseQuantity(grid.values[r]?.[cur], grid.numberFormats?.[r]?.[cur]);
      const p = parseQuantity(grid.values[r]?.[prior], grid.numberFormats?.[r]?.[prior]);
      if (q.ok && c.ok && p.ok && Math.abs(q.q.value - (c.q.value - p.q.value)) <= 0.01 * Math.max(1, Math.abs(q.q.value))) amounts++;
    }
  }
  if (pct > 0 || (cur !== undefined && prior !== undefined && amounts * 2 <= total)) return column(grid, index, "growth", h, from, to);
  return { index, role: "change", unit: h.unit, percent: false, fraction: false };
}
