/**
 * The bundled seed files (seeds/*.json): valid by the schema, complete for the comparison
 * templates (present or explicitly missing), normalised exactly, and true to the reports' text.
 */
import fs from "fs";
import path from "path";
import { SEEDS, seedById } from "../../src/core/seeds/seed-data";
import { REPORTS, citeReport, locateSection, reportById, reportTitle } from "../../src/core/seeds/seed-reports";
import {
  DEPARTMENT_IDS,
  FIGURE_CATALOG,
  FIGURE_IDS,
  Figure,
  FigureId,
  Seed,
  SeedSchema,
  TEMPLATE_IDS,
  UNITS_AS_WRITTEN,
  catalogEntry,
  requiredFigureIds,
  templateFigureIds,
} from "../../src/core/seeds/seed-schema";

const SEED_DIR = path.join(__dirname, "../../seeds");
const FIXTURE_DIR = path.join(__dirname, "../fixtures");
/** The reports as plain text, in the repository beside the seed files (seeds/reports/). */
const REPORT_DIR = path.join(SEED_DIR, "reports");

function reportText(id: string): string {
  const report = reportById(id);
  if (!report) throw new Error(`no report ${id} in seeds/reports/index.json`);
  return fs.readFileSync(path.join(REPORT_DIR, report.file), "utf8");
}

/** Without the PDF's line breaks and spaces. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

function readSeedFile(id: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(SEED_DIR, `${id}.json`), "utf8"));
}

const FROM_DISK: Seed[] = DEPARTMENT_IDS.map((id) => SeedSchema.parse(readSeedFile(id)));

function figures(seed: Seed): [FigureId, Figure][] {
  return Object.entries(seed.figures) as [FigureId, Figure][];
}

interface WrittenValue {
  where: string;
  valueAsWritten: string;
  unitAsWritten: string;
  value: number;
  /** −1 where the direction word says decrease */
  sign: 1 | -1;
}

/** Every numeric value a seed carries: the figure's own and its alternatives'. */
function writtenValues(seed: Seed): WrittenValue[] {
  const out: WrittenValue[] = [];
  for (const [id, f] of figures(seed)) {
    if (f.value === undefined || f.valueAsWritten === undefined || f.unitAsWritten === undefined) continue;
    const sign = f.direction === "decrease" ? -1 : 1;
    out.push({ where: `${seed.id}.${id}`, valueAsWritten: f.valueAsWritten, unitAsWritten: f.unitAsWritten, value: f.value, sign });
    for (const [i, a] of (f.alternatives ?? []).entries()) {
      out.push({ where: `${seed.id}.${id}.alternatives[${i}]`, valueAsWritten: a.valueAsWritten, unitAsWritten: a.unitAsWritten, value: a.value, sign: 1 });
    }
  }
  return out;
}

/** An exact decimal: mantissa × 10^-scale. */
interface Exact {
  m: bigint;
  scale: number;
}

function exact(text: string): Exact {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text.replace(/[,，]/g, ""));
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, int, frac = "", exp = "0"] = match;
  const m = BigInt(`${sign}${int}${frac}`);
  return { m, scale: frac.length - Number(exp) };
}

function sameExact(a: Exact, b: Exact): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.m * 10n ** BigInt(scale - a.scale) === b.m * 10n ** BigInt(scale - b.scale);
}

function show(e: Exact): string {
  return `${e.m}e${-e.scale}`;
}

describe("seed files", () => {
  test("there is one file per department id, named by it", () => {
    const files = fs.readdirSync(SEED_DIR).filter((f) => f.endsWith(".json")).sort();
    expect(files).toEqual([...DEPARTMENT_IDS].map((id) => `${id}.json`).sort());
  });

  test.each(DEPARTMENT_IDS.map((id) => [id]))("%s.json passes the schema and carries its own id", (id) => {
    const result = SeedSchema.safeParse(readSeedFile(id));
    if (!result.success) throw new Error(result.error.message);
    expect(result.data.id).toBe(id);
    expect(result.data.source).toBe(id);
  });

  test("seed-data loads the same five seeds, in department order, and finds them by id", () => {
    expect(SEEDS.map((s) => s.id)).toEqual([...DEPARTMENT_IDS]);
    expect(SEEDS).toEqual(FROM_DISK);
    expect(seedById("huizhou-2022")?.department).toBe("惠州市医疗保障局");
    expect(seedById("nowhere-2023")).toBeUndefined();
  });

  test("the source documents are the five reports, one each", () => {
    expect(new Set(FROM_DISK.map((s) => s.source)).size).toBe(5);
  });
});

describe("the reports in the repository (seeds/reports/)", () => {
  test("the index names every text there, and each seed's report is one of them, by the seed's id", () => {
    const texts = fs.readdirSync(REPORT_DIR).filter((f) => f.endsWith(".txt")).sort();
    expect(REPORTS.map((r) => r.file).sort()).toEqual(texts);
    expect(FROM_DISK.map((s) => s.source)).toEqual(FROM_DISK.map((s) => s.id));
    for (const seed of FROM_DISK) expect(reportById(seed.source)).toMatchObject({ id: seed.id, file: `${seed.id}.txt` });
  });

  test.each(REPORTS.map((r) => [r.id, r] as const))("%s: issuer and year are the seed's, the printed title opens the text", (id, report) => {
    const seed = seedById(id);
    expect({ issuer: report.issuer, year: report.year }).toEqual({ issuer: seed?.department, year: seed?.year });
    const head = squeeze(reportText(id).slice(0, 400));
    if (report.printedTitle === null) {
      // no title printed: the text opens with its first section, and the index says why the title is given
      expect(head).toMatch(/^一、/);
      expect(report.titleNote).toBeDefined();
    } else expect(head).toContain(squeeze(report.printedTitle));
    // the title a citation uses names the issuer and the year
    expect(report.title).toContain(report.issuer);
    expect(report.title).toContain(`${report.year}年度`);
    expect(squeeze(reportText(id))).toContain(report.issuer);
  });

  test("a citation names the report's title and the section, never a file name", () => {
    expect(citeReport("jiangmen-2023", "一（四）")).toBe("《江门市医疗保障局2023年度部门整体支出绩效自评报告》 一（四）");
    expect(reportTitle("工作表“本单位”")).toBe("工作表“本单位”");
  });
});

/** Every place a seed names a section of its report: figures, their alternatives, indicators. */
function sectionsOf(seed: Seed): { where: string; section: string; written: string | null }[] {
  const out: { where: string; section: string; written: string | null }[] = [];
  for (const [id, f] of figures(seed)) {
    out.push({ where: `${seed.id}.${id}`, section: f.source.section, written: f.valueAsWritten ?? f.text ?? null });
    for (const [i, a] of (f.alternatives ?? []).entries()) out.push({ where: `${seed.id}.${id}.alternatives[${i}]`, section: a.section, written: a.valueAsWritten });
  }
  for (const ind of seed.indicators) out.push({ where: `${seed.id} indicator ${ind.no ?? ind.name}`, section: ind.section, written: null });
  return out;
}

describe.each(FROM_DISK.map((seed) => [seed.id, seed] as const))("%s: every source resolves to its report and a section in it", (_id, seed) => {
  test("each section number is found in the report text", () => {
    const text = reportText(seed.source);
    const unresolved = sectionsOf(seed).filter((s) => locateSection(text, s.section) === null);
    expect(unresolved.map((s) => `${s.where} ${s.section}`)).toEqual([]);
  });

  test("each figure's value as written stands inside its section", () => {
    const text = reportText(seed.source);
    const outside = sectionsOf(seed).filter((s) => {
      if (s.written === null) return false;
      const span = locateSection(text, s.section);
      return span !== null && !squeeze(text.slice(span.start, span.end)).includes(squeeze(s.written));
    });
    expect(outside.map((s) => `${s.where} ${s.section} ${s.written}`)).toEqual([]);
  });
});

describe("the figure catalog", () => {
  test("relations only name catalog ids", () => {
    const known = new Set<string>(FIGURE_IDS);
    for (const id of FIGURE_IDS) {
      const relation = catalogEntry(id).relation;
      if (!relation) continue;
      const named = Object.entries(relation)
        .filter(([key]) => key !== "kind")
        .flatMap(([, v]) => (Array.isArray(v) ? v : v === undefined ? [] : [v]));
      for (const name of named) expect({ id, name, known: known.has(name) }).toEqual({ id, name, known: true });
    }
  });

  test("every docs/rules.md §8 template has rows, each with a Chinese label", () => {
    for (const template of TEMPLATE_IDS) {
      const ids = templateFigureIds(template);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(catalogEntry(id).label.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("the rows docs/rules.md §8 names are in the catalog under their templates", () => {
    const rows: [string, FigureId[]][] = [
      ["expenditure", ["total_expenditure", "basic_expenditure", "project_expenditure", "basic_expenditure_share", "project_expenditure_share"]],
      ["income", ["total_income", "fiscal_appropriation_income", "other_income", "fiscal_appropriation_income_share", "other_income_share"]],
      ["fund", ["fund_income", "fund_expenditure", "fund_balance_current", "fund_balance_rate"]],
      ["supervision", ["institutions_inspected", "institutions_handled", "handling_rate", "funds_recovered", "funds_recovered_per_institution"]],
      ["coverage", ["insured_persons", "insurance_coverage_rate", "inpatient_reimbursement_ratio"]],
      ["scores", ["self_eval_score", "self_eval_grade", "score_budget_execution", "score_output", "score_benefit", "score_satisfaction"]],
    ];
    for (const [template, ids] of rows) {
      expect(templateFigureIds(template as (typeof TEMPLATE_IDS)[number])).toEqual(expect.arrayContaining(ids));
    }
  });

  test("money is in 万元, persons in 人, ratios in %, scores in 分", () => {
    expect(FIGURE_CATALOG.total_expenditure.unit).toBe("万元");
    expect(FIGURE_CATALOG.funds_recovered.unit).toBe("万元");
    expect(FIGURE_CATALOG.insured_persons.unit).toBe("人");
    expect(FIGURE_CATALOG.basic_expenditure_share.unit).toBe("%");
    expect(FIGURE_CATALOG.self_eval_score.unit).toBe("分");
    expect(FIGURE_CATALOG.self_eval_grade.unit).toBe("text");
  });
});

describe.each(FROM_DISK.map((seed) => [seed.id, seed] as const))("%s", (_id, seed) => {
  test("every template row and §7 statement label is given or listed missing, never both, never neither", () => {
    for (const id of requiredFigureIds()) {
      const given = seed.figures[id] !== undefined;
      const missing = seed.missing.includes(id);
      expect({ id, given, missing, once: given !== missing }).toEqual({ id, given, missing, once: true });
    }
  });

  test("no figure is 0 unless the report writes 0", () => {
    for (const v of writtenValues(seed)) {
      if (v.value === 0) expect({ where: v.where, written: v.valueAsWritten }).toEqual({ where: v.where, written: "0" });
    }
  });

  test("value = valueAsWritten × unit factor (× −1 for a decrease), exactly", () => {
    for (const v of writtenValues(seed)) {
      const factor = UNITS_AS_WRITTEN[v.unitAsWritten];
      expect({ where: v.where, unit: v.unitAsWritten, known: factor !== undefined }).toEqual({ where: v.where, unit: v.unitAsWritten, known: true });
      const written = exact(v.valueAsWritten);
      const expected: Exact = { m: written.m * BigInt(v.sign), scale: written.scale - factor.exp10 };
      const stored = exact(String(v.value));
      expect({ where: v.where, value: show(stored) }).toEqual({ where: v.where, value: sameExact(stored, expected) ? show(stored) : show(expected) });
    }
  });

  test("every figure's source is this seed's report, with a section", () => {
    for (const [id, f] of figures(seed)) {
      expect({ id, document: f.source.document }).toEqual({ id, document: seed.source });
      expect(f.source.section.length).toBeGreaterThan(0);
    }
  });

  test("prior-year figures are dated the year before", () => {
    for (const [id, f] of figures(seed)) expect({ id, year: f.year }).toEqual({ id, year: id.endsWith("_prior_year") ? seed.year - 1 : seed.year });
  });

  test("indicators carry a name, a section and at least a target or a result", () => {
    expect(seed.indicators.length).toBeGreaterThan(0);
    for (const ind of seed.indicators) expect(ind.target !== null || ind.actual !== null).toBe(true);
  });

  test("every value as written occurs in the report text", () => {
    const text = reportText(seed.source);
    for (const v of writtenValues(seed)) expect({ where: v.where, found: text.includes(v.valueAsWritten) }).toEqual({ where: v.where, found: true });
    for (const [id, f] of figures(seed)) if (f.text !== undefined) expect({ id, found: text.includes(f.text) }).toEqual({ id, found: true });
  });
});

/**
 * Spot checks against the report text: the keyword, then within a few characters the number and
 * unit exactly as written (line breaks and spaces of the PDF text removed), and the value stored.
 */
const SPOT_CHECKS: [string, FigureId, string, string, number][] = [
  // department, figure, keyword in the report, number+unit as written, normalised value
  ["guangdong-2023", "total_expenditure", "部门决算总支出", "162,368.05万元", 162368.05],
  ["guangdong-2023", "basic_expenditure_share", "占本年支出的", "2.59%", 2.59],
  ["guangdong-2023", "self_eval_score", "项目自评分数为", "90.91分", 90.91],
  ["guangdong-2023", "insured_persons", "参保人数为", "11,041万人", 110_410_000],
  ["guangdong-2023", "funds_recovered", "拒付及追回医保基金", "22亿元", 220_000],
  ["guangdong-2023", "institutions_inspected", "全省共检查", "49,947家", 49_947],
  ["guangdong-2023", "fund_income_resident", "居民医保基金收入为", "734.38亿元", 7_343_800],
  ["guangzhou-2022", "total_income", "本年收入合计", "625,604.22万元", 625604.22],
  ["guangzhou-2022", "general_budget_appropriation_income_share", "578,490.88万元，占", "92.46%", 92.46],
  ["guangzhou-2022", "project_expenditure", "项目支出", "605,282.99亿元", 6_052_829_900],
  ["guangzhou-2022", "self_eval_score", "自评得分", "98.35分", 98.35],
  ["guangzhou-2022", "institutions_handled", "处理违规", "615家", 615],
  ["huizhou-2022", "total_expenditure", "本单位总支出", "3803.38万元", 3803.38],
  ["huizhou-2022", "project_expenditure_share", "项目支出2600.03万元，占", "38.36%", 38.36],
  ["huizhou-2022", "other_income", "其他收入", "2.23元", 0.000223],
  ["huizhou-2022", "budget_adjusted", "调整预算数为", "3810.44万元", 3810.44],
  ["huizhou-2022", "score_budget_execution", "预算执行情况得分", "41.7分", 41.7],
  ["huizhou-2022", "insured_persons", "参保人数达", "490.1万人", 4_901_000],
  ["huizhou-2022", "training_expenditure_change", "比上年决算减少", "2.02万元", -2.02],
  ["jiangmen-2023", "total_income", "总收入", "26，336.8万元", 26336.8],
  ["jiangmen-2023", "other_income", "其他收入", "24，988.12万元", 24988.12],
  ["jiangmen-2023", "project_expenditure_growth", "下降", "9.4%", -9.4],
  ["jiangmen-2023", "fund_income", "全市医保基金收入", "93.33亿元", 933_300],
  ["jiangmen-2023", "institutions_handled", "处理违法违规机构", "449家", 449],
  ["jiangmen-2023", "insured_persons", "全市参加基本医疗保险人数", "404.54万人", 4_045_400],
  ["shenzhen-2023", "fiscal_appropriation_expenditure", "财政拨款总支出", "368,494.62万元", 368494.62],
  ["shenzhen-2023", "health_expenditure", "卫生健康支出", "359,125.1万元", 359125.1],
  ["shenzhen-2023", "insured_persons", "基本医保参保人", "1738.27万人", 17_382_700],
  ["shenzhen-2023", "insurance_coverage_rate", "参保率达", "98.42%", 98.42],
  ["shenzhen-2023", "fund_balance_cumulative", "累计结余", "2,563.61亿元", 25_636_100],
];

describe("spot checks against the reports", () => {
  test("at least five per department", () => {
    for (const id of DEPARTMENT_IDS) expect(SPOT_CHECKS.filter(([d]) => d === id).length).toBeGreaterThanOrEqual(5);
  });

  test.each(SPOT_CHECKS)("%s %s is stored as written", (dept, id, _keyword, written, value) => {
    const figure = seedById(dept)?.figures[id];
    expect(figure).toBeDefined();
    expect(`${figure?.valueAsWritten}${figure?.unitAsWritten}`).toBe(written);
    expect(figure?.value).toBe(value);
  });

  test.each(SPOT_CHECKS)("%s %s: keyword and number+unit stand together in the report", (dept, _id, keyword, written) => {
    const seed = seedById(dept);
    const text = squeeze(reportText(seed?.source ?? ""));
    const at = text.indexOf(keyword);
    expect(at).toBeGreaterThanOrEqual(0);
    let found = false;
    for (let from = at; from >= 0 && !found; from = text.indexOf(keyword, from + 1)) {
      const after = text.slice(from + keyword.length, from + keyword.length + 12);
      found = after.includes(written);
    }
    expect({ keyword, written, found }).toEqual({ keyword, written, found: true });
  });
});

describe("self-contradictions are kept as written, never fixed", () => {
  test("a stated share that disagrees with part / total is recorded as stated, with a note", () => {
    const hz = seedById("huizhou-2022");
    expect(hz.figures.project_expenditure_share?.value).toBe(38.36);
    expect(hz.figures.project_expenditure_share?.note).toMatch(/68\.36/);
    const gz = seedById("guangzhou-2022");
    expect(gz.figures.general_budget_appropriation_income_share?.value).toBe(92.46);
    expect(gz.figures.gov_fund_appropriation_income_share?.value).toBe(0.45);
  });

  test("a unit written wrong is normalised as written, with a note", () => {
    expect(seedById("guangzhou-2022").figures.project_expenditure).toMatchObject({ unitAsWritten: "亿元", value: 6_052_829_900 });
    expect(seedById("huizhou-2022").figures.other_income).toMatchObject({ unitAsWritten: "元", value: 0.000223 });
  });

  test("one label with two values keeps both and flags the conflict", () => {
    const hz = seedById("huizhou-2022");
    for (const [id, first, second] of [
      ["total_expenditure", 3803.38, 3803.37],
      ["budget_adjusted", 3810.44, 3812.67],
      ["fiscal_appropriation_income", 3795.6, 3810.44],
      ["fiscal_appropriation_expenditure", 3798.82, 3800.81],
    ] as const) {
      const f = hz.figures[id];
      expect({ id, value: f?.value, alternative: f?.alternatives?.[0].value, conflict: f?.conflict }).toEqual({ id, value: first, alternative: second, conflict: true });
    }
  });

  test("parts that do not add up to the stated total are kept", () => {
    const jm = seedById("jiangmen-2023").figures;
    const parts = [jm.general_budget_appropriation_income, jm.gov_fund_appropriation_income, jm.other_income].map((f) => exact(f?.valueAsWritten ?? "0"));
    const sum = parts.reduce((a, b) => ({ m: a.m + b.m, scale: 2 }), { m: 0n, scale: 2 });
    expect(show(sum)).toBe(show(exact("29823.27")));
    expect(jm.total_income?.value).toBe(26336.8);
  });
});

describe("indicators extracted by hand stay in step with the fixtures", () => {
  test.each([["jiangmen-2023"], ["guangdong-2023"]])("%s", (id) => {
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, `${id}-indicators.json`), "utf8")) as {
      rows: { no: number; name: string; target: string; actual: string; section: string }[];
    };
    const expected = fixture.rows.map((r) => ({ no: r.no, name: r.name, target: r.target || null, actual: r.actual || null, section: r.section }));
    expect(seedById(id)?.indicators).toEqual(expected);
  });
});
