/**
 * The two national self-evaluation forms around an indicator table (docs/standard-forms.md):
 * the title and year, the info block (项目名称 / 主管部门 / 实施单位) and the form kind, and a
 * stated 自评等级. Pure; never throws.
 */
import { a1 } from "../basics/address";
import { CellValue, Grid, cellText, isBlank } from "../basics/grid";
import { normalizeText } from "../basics/normalize-text";
import { Preset, gradeName } from "../indicators/presets";

/** The kinds this reader tells apart; the registry (registry.ts) declares every family's kinds. */
export type StandardKind = "project" | "department" | "plain";

/** The info block as read; the form schema (form.kind and these fields) is the registry's. */
export interface FormInfo {
  kind: StandardKind;
  title: string | null;
  project: string | null;
  department: string | null;
  /** 实施单位 */
  unit: string | null;
  year: number | null;
  /** 单位名称 / 填报单位: the unit that filled in the form (set only when written) */
  reportingUnit?: string | null;
}

const TITLE_RE = /(绩效自评表|自评表|绩效评价表|绩效自评|自评情况表)/;
const PROJECT_TITLE_RE = /项目(支出)?绩效/;
const DEPARTMENT_TITLE_RE = /部门(整体)?(支出)?绩效|整体支出/;
const YEAR_RE = /((?:19|20)\d{2})年|(?:年度|年份)[:：]((?:19|20)\d{2})/;

type InfoField = "project" | "department" | "unit" | "reportingUnit";
/** Labels of the info block, matched at the start of a normalised cell; the value follows a colon or sits in the next filled cell. */
const INFO_LABELS: Array<[InfoField, RegExp]> = [
  ["project", /^项目名称/],
  ["unit", /^(项目)?(实施单位|执行单位)/],
  // 单位名称 / 填报单位 name the unit that filled in the form, not the 主管部门
  ["reportingUnit", /^(单位名称|填报单位)/],
  ["department", /^(主管部门|主管单位|部门名称|部门\(单位\)名称|部门\(单位\)|部门单位名称|预算部门|预算单位|部门)/],
];
const LABEL_TAIL_RE = /^[:：]/;
const LABEL_SUFFIX_RE = /^(及代码|\(代码\)|代码|名称)?(\(盖章\)|\(公章\))?/;

function labelOf(text: string): { field: InfoField; rest: string } | null {
  if (text.length > 40 || TITLE_RE.test(text)) return null;
  for (const [field, re] of INFO_LABELS) {
    const m = re.exec(text);
    if (!m) continue;
    // 主管部门及代码, 实施单位（盖章）: words that may follow a label
    const after = text.slice(m[0].length).replace(LABEL_SUFFIX_RE, "");
    const rest = after.replace(LABEL_TAIL_RE, "");
    // 部门整体… or 项目名称的说明: a label is short, or followed by a colon
    if (rest !== "" && !/^[:：]/.test(after)) return null;
    return { field, rest };
  }
  return null;
}

function nextFilled(line: CellValue[], from: number): number {
  for (let c = from + 1; c < line.length; c++) if (!isBlank(line[c])) return c;
  return -1;
}

/** Title, year, info block and kind, from the rows above the indicator header. */
export function readFormInfo(grid: Grid, headerIndex: number, budgetFound: boolean): FormInfo {
  const info: FormInfo = { kind: "plain", title: null, project: null, department: null, unit: null, year: null };
  const end = Math.min(headerIndex, grid.values.length);
  let firstLabelRow = end;
  for (let r = 0; r < end; r++) {
    const line = grid.values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v !== "string" || isBlank(v)) continue;
      const t = normalizeText(v);
      if (info.title === null && TITLE_RE.test(t) && t.length <= 60) {
        info.title = v.trim();
        continue;
      }
      const label = labelOf(t);
      if (!label) continue;
      if (r < firstLabelRow) firstLabelRow = r;
      let value = label.rest;
      if (value === "") {
        const at = nextFilled(line, c);
        if (at >= 0) {
          const candidate = normalizeText(cellText(line[at]));
          if (!labelOf(candidate)) value = cellText(line[at]).trim();
        }
      }
      if (value !== "" && (info[label.field] ?? null) === null) info[label.field] = value;
    }
  }
  // the year: the title first, then any 20xx年 in the rows above the info block (（2023年度）)
  const fromTitle = info.title ? YEAR_RE.exec(normalizeText(info.title)) : null;
  if (fromTitle) info.year = Number(fromTitle[1] ?? fromTitle[2]);
  else {
    for (let r = 0; r < Math.min(firstLabelRow, end) && info.year === null; r++) {
      for (const v of grid.values[r] ?? []) {
        const m = typeof v === "string" ? YEAR_RE.exec(normalizeText(v)) : null;
        if (m) {
          info.year = Number(m[1] ?? m[2]);
          break;
        }
      }
    }
  }
  const title = info.title ? normalizeText(info.title) : "";
  if (PROJECT_TITLE_RE.test(title)) info.kind = "project";
  else if (DEPARTMENT_TITLE_RE.test(title)) info.kind = "department";
  else if (info.project !== null) info.kind = "project";
  else if (info.unit !== null) info.kind = "project"; // 实施单位 belongs to the project form
  else if (info.department !== null || (info.reportingUnit ?? null) !== null) info.kind = "department";
  else if (budgetFound) info.kind = "project";
  return info;
}

export interface StatedGrade {
  /** the preset's grade the text names (优 for 优秀) */
  grade: string;
  text: string;
  cell: string;
}

const GRADE_LABEL_RE = /^(自评等级|评价等级|绩效等级|自评结果|评价结果|等级)[:：]?/;
const GRADE_WORDS: Record<string, string> = { 优秀: "优", 良好: "良", 中等: "中", 合格: "中", 一般: "中", 较差: "差", 不合格: "差" };

/** The preset grade a written grade names, or null. */
export function gradeNamed(text: string, preset: Preset): string | null {
  const t = normalizeText(text).replace(/^["“”'‘’]+|["“”'‘’。.]+$/g, "");
  if (t === "") return null;
  const word = GRADE_WORDS[t] ?? t;
  for (const g of preset.grades) if (word === g.grade || t.toLowerCase() === gradeName(g).en.toLowerCase()) return g.grade;
  // 优（97.96分）, 良好等级: the grade word first, then anything that is not another word
  const lead = /^(优秀|良好|中等|合格|一般|较差|不合格|优|良|中|差)(等级|等|级)?([(（,，;；\d]|$)/.exec(t);
  if (lead) {
    const w = GRADE_WORDS[lead[1]] ?? lead[1];
    for (const g of preset.grades) if (w === g.grade) return g.grade;
  }
  return null;
}

/**
 * A stated 自评等级: a label cell with the grade after a colon (`自评等级：优`) or in the next
 * filled cell. Looked for in the given rows only (around the title and below the table).
 */
export function findStatedGrade(grid: Grid, rowIndices: Iterable<number>, preset: Preset): StatedGrade | null {
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  for (const r of rowIndices) {
    const line = grid.values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const v = line[c];
      if (typeof v !== "string") continue;
      const t = normalizeText(v);
      // the label may follow other text in the same cell: 总分92.5分，自评等级：优
      const at = t.search(/(自评等级|评价等级|绩效等级)/);
      const from = at > 0 ? t.slice(at) : t;
      const m = GRADE_LABEL_RE.exec(from);
      if (!m) continue;
      const rest = from.slice(m[0].length).replace(/^为/, "");
      if (rest !== "") {
        const grade = gradeNamed(rest.split(/[,，;；(（]/)[0], preset);
        if (grade) return { grade, text: rest, cell: a1(firstRow + r, firstCol + c) };
        continue;
      }
      const next = nextFilled(line, c);
      const text = next >= 0 ? cellText(line[next]) : "";
      const grade = gradeNamed(text, preset);
      if (grade) return { grade, text: text.trim(), cell: a1(firstRow + r, firstCol + next) };
      // a heading over its value: 自评等级 above 优
      const below = cellText(grid.values[r + 1]?.[c]);
      const gradeBelow = gradeNamed(below, preset);
      if (gradeBelow) return { grade: gradeBelow, text: below.trim(), cell: a1(firstRow + r + 1, firstCol + c) };
    }
  }
  return null;
}
