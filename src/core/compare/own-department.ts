/**
 * The user's own department from a label/value sheet (docs/rules.md §8: it joins the comparison from a
 * sheet in the open workbook). Each row: a label (总支出, 基本支出, 参保人数, 自评得分, …), its
 * value, optionally a unit cell after it. The unit may sit in the label (总支出（万元）), in a unit
 * cell, in the value (26,336.80万元) or in the number format; numbers are read by quantity.ts and
 * converted to the catalog's unit through unit-table.ts, exactly.
 */
import { a1 } from "../basics/address";
import { Dec, decToNumber, shiftDec } from "../basics/decimal";
import { CellValue, Grid, cellText, isBlank } from "../basics/grid";
import { normalizeText, displayText } from "../basics/normalize-text";
import { Quantity, formatQuantity, parseQuantity } from "../basics/quantity";
import { CanonicalUnit, FIGURE_CATALOG, FIGURE_IDS, FigureId, UNITS_AS_WRITTEN } from "../seeds/seed-schema";
import { UnitInfo, comparableKey, lookupUnit } from "../basics/unit-table";
import { CompareDepartment, CompareFigure, OWN_DEPARTMENT_ID, shortDepartmentName } from "./department";
import { titleLineUnit } from "../audit/units";
import type { Bilingual } from "../basics/text";
import { OWN_TEXT } from "./messages";
import { SheetMessage } from "./sheet-plan";
import { TEMPLATES, TEMPLATE_IDS, templateFigures } from "./templates";
import { consistentReadings } from "./consistent-reading";
import type { Seed } from "../seeds/seed-schema";

/**
 * Column words of a statement laid out as a table (项目 | 本年数 | 上年数 | 增长率 | 占比): a figure's
 * row carries its share, growth and prior-year figure in those columns (docs/rules.md §8).
 */
const COLUMN_FIGURES: Array<[RegExp, "_share" | "_growth" | "_prior_year"]> = [
  [/^(占比|比重|所占比例|占比[(]%[)])$/, "_share"],
  [/^(增长率|增幅|同比增长|比上年增长)$/, "_growth"],
  [/^(上年数|上年|上年金额|上年决算数)$/, "_prior_year"],
];

/** A header word of a statement table: a value cell holding one is a header, not a value that cannot be read. */
const HEADER_WORD = /^(项目|本年数?|上年数?|金额|年初预算数?|调整预算数?|调整后预算数?|全年预算数?|决算数?|执行数|预算数|增长率|占比|比重|单位|备注|合计)$/;

/** Other ways a label/value sheet names a figure (the catalog labels and template row labels are known already). */
const EXTRA_LABELS: Partial<Record<FigureId, readonly string[]>> = {
  total_expenditure: ["本年支出合计", "支出合计", "支出总计", "部门总支出", "年度总支出"],
  total_income: ["本年收入合计", "收入合计", "收入总计", "部门总收入", "年度总收入"],
  fiscal_appropriation_income: ["财政拨款"],
  fund_income: ["医保基金收入", "医疗保险基金收入", "基本医保基金收入"],
  fund_expenditure: ["医保基金支出", "医疗保险基金支出", "基本医保基金支出"],
  fund_balance_current: ["基金当期结余", "医保基金当期结余"],
  fund_balance_rate: ["当期结余率", "基金结余率", "基金当期结余率"],
  institutions_inspected: ["检查定点医药机构", "检查定点医药机构数量", "检查机构"],
  institutions_handled: ["处理违法违规机构", "处理机构"],
  funds_recovered: ["追回医保基金", "追回资金", "追回拒付医保基金"],
  insured_persons: ["基本医保参保人数", "参加基本医疗保险人数"],
  insurance_coverage_rate: ["基本医保参保率"],
  inpatient_reimbursement_ratio: ["住院费用报销比例", "政策范围内住院费用报销比例", "居民医保住院报销比例"],
  inpatient_reimbursement_ratio_employee: ["职工医保住院报销比例"],
  self_eval_score: ["自评总分", "自评分数", "总得分"],
  self_eval_grade: ["自评等级", "评价等级", "自评结果"],
  score_output: ["产出指标得分"],
  score_benefit: ["效益指标得分"],
  score_satisfaction: ["满意度指标得分"],
};

const NAME_LABELS = new Set(["单位名称", "部门名称", "部门", "填报单位", "预算单位", "单位全称", "部门全称", "评价单位"]);
/** A value cell that says "not given". */
const NOT_GIVEN = /^(?:—+|-+|－|\/|无|暂无|未提供|未统计|不适用|N\/A)$/i;
const YEAR_LABELS = new Set(["年度", "年份", "评价年度", "所属年度", "预算年度", "绩效年度"]);

/** Fold a label for matching: no spaces, ASCII brackets and colons, no leading numbering or 其中. */
function foldLabel(raw: string): string {
  return normalizeText(raw)
    .replace(/^(?:\d+[.、)]|[(]?[一二三四五六七八九十]+[)、.]|[(]\d+[)]|其中[:]?)+/, "")
    .replace(/[:]+$/, "");
}

/** The department naming itself before the figure: 本单位总支出, 我局参保人数. */
const SELF_PREFIX = /^(?:本单位|本部门|本局|本级|我单位|我部门|我局)(?:的)?/;

/** A label cell that only says the next cell is the sheet's unit: 单位 | 万元. */
const UNIT_LABEL = /^(?:金额)?单位[:]?$/;

const LABEL_INDEX: ReadonlyMap<string, FigureId> = (() => {
  const m = new Map<string, FigureId>();
  const add = (label: string, id: FigureId) => {
    const k = foldLabel(label).replace(/[()]/g, "");
    if (!m.has(k)) m.set(k, id);
  };
  // template row labels first: they are the short names users type (总支出, 结余率, 等级)
  for (const t of TEMPLATE_IDS) {
    for (const r of TEMPLATES[t].rows) {
      if (r.kind === "figure" && !r.stated) add(r.label.zh, r.figure);
      if (r.kind === "formula" && r.figure) add(r.label.zh, r.figure);
    }
  }
  for (const [id, labels] of Object.entries(EXTRA_LABELS) as [FigureId, string[]][]) for (const l of labels) add(l, id);
  for (const id of FIGURE_IDS) add(FIGURE_CATALOG[id].label.zh, id);
  return m;
})();

/** Is this text a unit the unit table or the seed units know (万元, 万人, %, 家次)? */
function unitInfo(text: string): UnitInfo | null {
  const t = normalizeText(text).replace(/^单位[:]?/, "");
  if (t === "") return null;
  const u = lookupUnit(t);
  if (u && u.family !== "other") return u;
  return Object.hasOwn(UNITS_AS_WRITTEN, t) ? lookupUnit(t) : null;
}

/** Split 总支出（万元） / 总支出(单位：万元) into label and unit. */
function splitLabel(raw: string): { key: string; unit: UnitInfo | null } {
  let label = foldLabel(raw);
  let unit: UnitInfo | null = null;
  const m = /\(([^()]*)\)$/.exec(label);
  if (m) {
    const u = unitInfo(m[1]);
    if (u) {
      unit = u;
      label = label.slice(0, m.index);
    }
  }
  return { key: label.replace(/[()]/g, ""), unit };
}

/** The canonical unit as a unit-table entry (万元/家 is money per 家). */
function canonicalInfo(unit: CanonicalUnit): UnitInfo | null {
  return unit === "text" ? null : lookupUnit(unit);
}

/** q in the catalog unit, exactly; null when the unit belongs to another family. */
function toCanonical(q: Quantity, unit: UnitInfo, target: CanonicalUnit): Dec | null {
  const seedUnit = Object.hasOwn(UNITS_AS_WRITTEN, unit.text) ? UNITS_AS_WRITTEN[unit.text] : undefined;
  if (seedUnit && seedUnit.unit === target) return shiftDec(q.dec, seedUnit.exp10);
  const to = canonicalInfo(target);
  if (!to || comparableKey(unit) !== comparableKey(to) || unit.pow10 === null || to.pow10 === null) return null;
  return shiftDec(q.dec, unit.pow10 - to.pow10);
}

export interface OwnDepartmentOptions {
  /** used when the sheet has no 单位名称 row */
  name?: string;
  /** used when the sheet has no 年度 row */
  year?: number;
  /** where the figures come from, for the notes; default 工作表“<sheet>” */
  document?: string;
}

export interface OwnDepartmentResult {
  /** null when the sheet holds no known label with a value */
  department: CompareDepartment | null;
  /** the figure each cell was read into */
  read: { figure: FigureId; cell: string }[];
  messages: SheetMessage[];
}

function message(code: string, severity: SheetMessage["severity"], text: Bilingual, cell?: string): SheetMessage {
  return cell ? { code, severity, text, cell } : { code, severity, text };
}

function yearOf(v: CellValue): number | null {
  if (typeof v === "number" && Number.isInteger(v) && v >= 2000 && v <= 2100) return v;
  const m = /(20\d\d)/.exec(normalizeText(cellText(v)));
  return m ? parseInt(m[1], 10) : null;
}

/** Read the own department from a two-column label/value sheet. Never throws: a bad cell becomes a message. */
export function ownDepartmentFromGrid(grid: Grid, options: OwnDepartmentOptions = {}): OwnDepartmentResult {
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const document = options.document ?? `工作表“${grid.sheet}”`;
  const figures: Partial<Record<FigureId, CompareFigure>> = {};
  const missingNotes: Partial<Record<FigureId, string>> = {};
  const read: OwnDepartmentResult["read"] = [];
  const messages: SheetMessage[] = [];
  let name = options.name ?? null;
  let year = options.year ?? null;
  let sheetUnit: { unit: UnitInfo; from: string } | null = null;
  /** each figure's number and unit as written, for finding a part written in the wrong unit */
  const written: Partial<Record<FigureId, { valueAsWritten: string; unitAsWritten: string }>> = {};
  /** the columns of share / growth / prior year under the latest header row */
  let extraColumns: Array<[number, "_share" | "_growth" | "_prior_year"]> = [];

  grid.values.forEach((line, r) => {
    const formats = grid.numberFormats?.[r];
    const headerHits: Array<[number, "_share" | "_growth" | "_prior_year"]> = [];
    line.forEach((v, k) => {
      if (typeof v !== "string") return;
      const t = foldLabel(v);
      for (const [re, suffix] of COLUMN_FIGURES) if (re.test(t)) headerHits.push([k, suffix]);
    });
    if (headerHits.length) extraColumns = headerHits;
    let c = 0;
    while (c < line.length) {
      const labelCell = line[c];
      if (typeof labelCell !== "string" || isBlank(labelCell)) {
        c++;
        continue;
      }
      // a title line (单位：万元) states the unit of the rows from there on
      const stated = titleLineUnit(labelCell);
      if (stated && !LABEL_INDEX.has(splitLabel(labelCell).key)) {
        sheetUnit = { unit: stated, from: `${a1(firstRow + r, firstCol + c)}“${displayText(labelCell)}”` };
        c++;
        continue;
      }
      if (UNIT_LABEL.test(normalizeText(labelCell)) && typeof line[c + 1] === "string") {
        const u = unitInfo(line[c + 1] as string);
        if (u) {
          sheetUnit = { unit: u, from: `${a1(firstRow + r, firstCol + c)}“${displayText(labelCell)}：${displayText(line[c + 1] as string)}”` };
          c += 2;
          continue;
        }
      }
      const { key, unit: labelUnit } = splitLabel(labelCell);
      const figure = LABEL_INDEX.get(key) ?? LABEL_INDEX.get(key.replace(SELF_PREFIX, ""));
      const isName = NAME_LABELS.has(key);
      const isYear = YEAR_LABELS.has(key);
      if (!figure && !isName && !isYear) {
        c++;
        continue;
      }
      let vc = c + 1;
      while (vc < line.length && isBlank(line[vc])) vc++;
      if (vc >= line.length) {
        c++;
        continue;
      }
      const value = line[vc];
      const cell = a1(firstRow + r, firstCol + vc);
      // 项目 | 年初预算 | 调整预算: a header row, not a figure whose value cannot be read
      if (typeof value === "string" && HEADER_WORD.test(foldLabel(value).replace(/[()（）%万元]/g, ""))) {
        c = vc + 1;
        continue;
      }
      if (isName) {
        if (options.name === undefined && name === null) name = displayText(cellText(value));
        c = vc + 1;
        continue;
      }
      if (isYear) {
        const y = yearOf(value);
        if (options.year === undefined && year === null && y !== null) year = y;
        c = vc + 1;
        continue;
      }
      const id = figure as FigureId;
      // a unit cell right after the value
      let uc = vc + 1;
      while (uc < line.length && isBlank(line[uc])) uc++;
      const unitCell = uc < line.length && typeof line[uc] === "string" ? unitInfo(line[uc] as string) : null;
      const next = unitCell ? uc + 1 : vc + 1;
      if (typeof value === "string" && NOT_GIVEN.test(normalizeText(value))) {
        // written as not given: missing, with where it says so
        if (!figures[id] && !missingNotes[id]) missingNotes[id] = `${cell}写作“${value.trim()}”`;
        c = next;
        continue;
      }
      const parsed = readFigure(id, value, formats?.[vc] ?? null, labelUnit ?? unitCell, cell, document, sheetUnit);
      c = next;
      if ("error" in parsed) {
        messages.push(message("own_unreadable", "warning", OWN_TEXT.unreadable({ cell, label: FIGURE_CATALOG[id].label, error: parsed.error }), cell));
        if (!figures[id] && !missingNotes[id]) missingNotes[id] = `${cell}${parsed.error.zh}`;
        continue;
      }
      const f = parsed.figure;
      if (parsed.written && !written[id]) written[id] = parsed.written;
      // the same row's share, growth and prior-year columns (E6 占比 99.94%)
      for (const [k, suffix] of extraColumns) {
        const extraId = `${id}${suffix}` as FigureId;
        if (k <= vc || !Object.hasOwn(FIGURE_CATALOG, extraId) || figures[extraId] || isBlank(line[k])) continue;
        const extraCell = a1(firstRow + r, firstCol + k);
        const extra = readFigure(extraId, line[k], formats?.[k] ?? null, null, extraCell, document, sheetUnit);
        if ("figure" in extra) {
          figures[extraId] = extra.figure;
          delete missingNotes[extraId];
          read.push({ figure: extraId, cell: extraCell });
        }
      }
      if (parsed.assumed) messages.push(message("own_unit_assumed", "info", OWN_TEXT.unitAssumed({ cell, label: FIGURE_CATALOG[id].label, assumed: parsed.assumed }), cell));
      const earlier = figures[id];
      if (!earlier) {
        figures[id] = f;
        delete missingNotes[id];
        read.push({ figure: id, cell });
      } else if (earlier.value !== f.value || earlier.text !== f.text) {
        earlier.alternatives = [...(earlier.alternatives ?? []), { asWritten: f.asWritten ?? String(f.value ?? f.text), value: f.value ?? NaN, section: cell }].filter((a) => Number.isFinite(a.value));
        earlier.conflict = true;
        messages.push(message("own_conflict", "warning", OWN_TEXT.conflict({ label: FIGURE_CATALOG[id].label, earlier: earlier.source.section, cell }), cell));
      }
    }
  });

  if (read.length === 0) {
    messages.push(message("own_nothing_found", "error", OWN_TEXT.nothingFound(grid.sheet)));
    return { department: null, read, messages };
  }
  // one reading of units with the audit and the seeds: a part the sheet's own sum proves written in the wrong unit
  // (2.23元 where 3,795.60 + 2.23 = 3,797.83 万元) is read in its siblings' unit, with a note (docs/rules.md §8)
  const asSeed: Record<string, unknown> = {};
  for (const [id, w] of Object.entries(written) as [FigureId, { valueAsWritten: string; unitAsWritten: string }][]) {
    const f = figures[id];
    if (f && f.value !== undefined) asSeed[id] = { ...w, value: f.value, unit: f.unit };
  }
  for (const reading of consistentReadings(asSeed as Seed["figures"])) {
    const f = figures[reading.figure];
    if (f) Object.assign(f, { value: reading.value, reading: { asWritten: reading.asWritten, unitRead: reading.unitRead, isTotal: reading.isTotal } });
  }
  const wanted = new Set<FigureId>(TEMPLATE_IDS.flatMap((t) => templateFigures(TEMPLATES[t])));
  const missing = [...wanted].filter((id) => figures[id] === undefined);
  const fullName = name ?? "本单位";
  return {
    department: {
      id: OWN_DEPARTMENT_ID,
      name: fullName,
      shortName: name ? `${shortDepartmentName(name)}（本单位）` : "本单位",
      year,
      own: true,
      document,
      figures,
      missing,
      missingNotes,
    },
    read,
    messages,
  };
}

type ReadResult = { figure: CompareFigure; assumed?: string; written?: { valueAsWritten: string; unitAsWritten: string } } | { error: Bilingual };

/** `sheetUnit`: the unit a title line states, for a figure with none of its own when it is of the figure's family. */
function readFigure(
  id: FigureId,
  value: CellValue,
  format: string | null,
  givenUnit: UnitInfo | null,
  cell: string,
  document: string,
  sheetUnit: { unit: UnitInfo; from: string } | null,
): ReadResult {
  const entry = FIGURE_CATALOG[id];
  const asWritten = typeof value === "number" ? String(value) : displayText(cellText(value));
  const base = { unit: entry.unit, year: null, asWritten, source: { document, section: cell } };
  if (entry.unit === "text") {
    const text = displayText(cellText(value));
    return text === "" ? { error: OWN_TEXT.empty } : { figure: { ...base, text } };
  }
  const q = parseQuantity(value, format);
  if (!q.ok) return { error: OWN_TEXT.notANumber(asWritten) };
  const own = q.q.unit ?? givenUnit;
  // the sheet's unit applies only where it fits: 单位：万元 says nothing of 参保人数 or a rate
  const fromSheet = own === null && sheetUnit !== null && toCanonical(q.q, sheetUnit.unit, entry.unit) !== null;
  const unit = own ?? (fromSheet && sheetUnit ? sheetUnit.unit : null);
  let dec: Dec | null;
  let assumed: string | undefined;
  if (unit) {
    dec = toCanonical(q.q, unit, entry.unit);
    if (!dec) return { error: OWN_TEXT.wrongFamily(unit.text, entry.unit) };
  } else if (entry.unit === "%" && Math.abs(q.q.value) <= 1 && !Number.isInteger(q.q.value)) {
    // 0.9842 with no % anywhere is a fraction
    dec = shiftDec(q.q.dec, 2);
    assumed = "小数（×100%）";
  } else {
    dec = q.q.dec;
    assumed = entry.unit;
  }
  const figure: CompareFigure = { ...base, value: decToNumber(dec) };
  if (fromSheet && sheetUnit) figure.unitFrom = sheetUnit.from;
  const digits = formatDec(q.q.dec);
  const out: ReadResult = { figure };
  if (assumed) out.assumed = assumed;
  if (unit) out.written = { valueAsWritten: digits, unitAsWritten: unit.text };
  return out;
}

/** A decimal as plain digits (3797.83, 2.23), for the as-written form of a figure. */
function formatDec(d: Dec): string {
  return formatQuantity({ value: decToNumber(d), dec: d, unit: null, decimals: Math.max(0, d.s) });
}
