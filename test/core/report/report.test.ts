/**
 * The drafted 自评报告 (docs/report.md) from every seed-like fixture: each figure is the checked
 * figure it cites and sits in the cell it names; placeholders where the form is silent; honest
 * totals; no run of twenty characters of our wording copied from a seed report.
 */
import * as fs from "fs";
import * as path from "path";
import guangdong from "../../fixtures/guangdong-2023-indicators.json";
import jiangmen from "../../fixtures/jiangmen-2023-indicators.json";
import reportTables from "../../fixtures/report-tables.json";
import huizhouTable from "../../fixtures/statements/huizhou-2022-table.json";
import { auditGrid } from "../../../src/core/audit/audit";
import { departmentForm, projectForm } from "../../fixtures/standard-forms";
import { CellValue, Grid, cellText } from "../../../src/core/basics/grid";
import { parseA1 } from "../../../src/core/basics/address";
import { roundHalfUp } from "../../../src/core/basics/decimal";
import { validateGrid } from "../../../src/core/indicators/validate";
import { ValidateResult } from "../../../src/core/indicators/results";
import { REPORTS } from "../../../src/core/seeds/seed-reports";
import { seedById } from "../../../src/core/seeds/seed-data";
import { Figure, PATTERNS, Report, ReportSchema, allFigures, allSections, buildReport, paragraphText, reportParagraphs, wordingFor } from "../../../src/core/report";

interface Case {
  id: string;
  grid: Grid;
}

function seedTable(rows: { name: string; target: string; actual: string }[]): CellValue[][] {
  return [["序号", "三级指标", "年度指标值", "实际完成值"], ...rows.map((r, i) => [i + 1, r.name, r.target, r.actual])];
}

const CASES: Case[] = [
  { id: "project form", grid: { sheet: "项目自评表", values: projectForm().values, numberFormats: projectForm().numberFormats } },
  { id: "department form", grid: { sheet: "部门自评表", values: departmentForm().values, numberFormats: departmentForm().numberFormats } },
  { id: "guangdong-2023 indicators", grid: { sheet: "指标", values: seedTable(guangdong.rows) } },
  { id: "jiangmen-2023 indicators", grid: { sheet: "指标", values: seedTable(jiangmen.rows) } },
  ...reportTables.tables.map((t) => ({ id: t.id, grid: { sheet: "绩效指标", values: t.values as CellValue[][] } })),
];

function checked(grid: Grid): ValidateResult {
  const out = validateGrid(grid);
  if (!out.ok) throw new Error(out.reason.en);
  return out.result;
}

function draft(c: Case, peers: string[] = []): { result: ValidateResult; report: Report } {
  const result = checked(c.grid);
  const report = buildReport({ grid: c.grid, result, peers: peers.map((id) => seedById(id)!) });
  return { result, report };
}

/** The value a figure's ref names in the validate result (or a seed's). */
function resolve(ref: string, r: ValidateResult): unknown {
  const peer = /^peers\.([a-z]+-\d{4})\.(.+)$/.exec(ref);
  if (peer) {
    const seed = seedById(peer[1])!;
    return peer[2] === "year" ? seed.year : seed.figures[peer[2] as "self_eval_score"]?.value;
  }
  const root: Record<string, unknown> = { summary: r.summary, rows: r.rows, budget: r.summary.budget, form: r.form };
  let at: unknown = root;
  for (const key of ref.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "")) at = (at as Record<string, unknown>)[key];
  return at;
}

function cellValue(grid: Grid, a1: string): CellValue | undefined {
  const p = parseA1(a1);
  if (!p) return undefined;
  return grid.values[p.row - (grid.firstRow ?? 1)]?.[p.col - (grid.firstCol ?? 1)];
}

const shown = (f: Figure) => Number(f.text.replace(/[,%]/g, ""));

describe.each(CASES)("report from $id", (c) => {
  const { result, report } = draft(c, ["guangdong-2023", "jiangmen-2023"]);

  test("the model is what its schema says", () => {
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  test("every figure equals the checked figure it cites, as printed", () => {
    const figures = allFigures(report);
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect({ ref: f.ref, value: resolve(f.ref, result) }).toEqual({ ref: f.ref, value: f.value });
      expect({ ref: f.ref, shown: shown(f) }).toEqual({ ref: f.ref, shown: roundHalfUp(f.percent ? f.value * 100 : f.value, f.decimals) });
    }
  });

  test("a figure read from a cell is the number in that cell", () => {
    for (const f of allFigures(report)) {
      if (f.origin !== "stated" || f.cell === null || !parseA1(f.cell)) continue;
      const v = cellValue(c.grid, f.cell);
      if (typeof v === "string" && Number.isNaN(Number(v.replace(/[,%，]/g, "")))) {
        // a figure inside a text cell (the year in （2023年度）)
        expect({ cell: f.cell, text: v }).toEqual({ cell: f.cell, text: expect.stringContaining(f.text) });
        continue;
      }
      const n = typeof v === "number" ? v : Number(cellText(v ?? "").replace(/[,%，]/g, ""));
      expect({ cell: f.cell, n }).toEqual({ cell: f.cell, n: f.percent && typeof v !== "number" ? f.value * 100 : f.value });
    }
  });

  test("no digit outside a figure, a quote from the form or the report's own count", () => {
    for (const { paragraph } of reportParagraphs(report)) {
      for (const s of paragraph.segments) if (s.kind === "text") expect(s.text).not.toMatch(/[0-9０-９]/);
    }
  });

  test("placeholders where the form says nothing, counted at the end", () => {
    const words = wordingFor(result.form.kind);
    const prompts = report.placeholders.map((p) => p.prompt);
    expect(prompts).toEqual(expect.arrayContaining([words.overviewPrompt, words.workPrompt, words.goalPrompt, PATTERNS.problemsPrompt, PATTERNS.otherPrompt, PATTERNS.rectificationPrompt]));
    const all = reportParagraphs(report).map(({ paragraph }) => paragraphText(paragraph)).join("\n");
    for (const p of report.placeholders) expect(all).toContain(`【请填写：${p.prompt}】`);
    expect(all.match(/【请填写：/g)?.length).toBe(report.placeholders.length);
    expect(all).toContain(`本草稿尚有${report.placeholders.length}处待补充`);
  });

  test("the verdict table has every row, 待定 for a row that could not be checked", () => {
    const table = allSections(report.sections).find((s) => s.table)?.table;
    expect(table?.rows.map((r) => r.row)).toEqual(result.rows.map((r) => r.row));
    result.rows.forEach((r, i) => {
      if (r.status === "invalid") expect(table?.rows[i].scoreText).toBe("待定");
    });
  });

  test("honest: never 优 unless the grade is final", () => {
    const conclusion = allSections(report.sections).find((s) => s.heading === "（一）自评结论");
    const text = conclusion?.paragraphs.map(paragraphText).join("") ?? "";
    if (!result.summary.final) {
      expect(report.grade).toBe("待定");
      // the form's own grade may be quoted ("表中填写的自评等级为“优”"), never stated as ours
      expect(text.replace(/表中填写的自评等级为“.”/g, "")).not.toMatch(/等级为“[优良中差]”/);
      expect(text).toContain("自评等级待定");
    }
    if (result.summary.grade !== null) expect(text).toContain(`自评等级为“${result.summary.grade}”`);
  });
});

describe("what the report says about a provisional table", () => {
  const c = CASES.find((x) => x.id === "provisional")!;
  const { result, report } = draft(c);
  const all = reportParagraphs(report).map(({ paragraph }) => paragraphText(paragraph)).join("\n");

  test("the range and the undetermined rows, the unchecked rows by name, the stated grade questioned", () => {
    expect(result.summary.final).toBe(false);
    const [lo, hi] = result.summary.range!;
    expect(all).toContain(`总分应在${lo}分至${hi}分之间`);
    expect(all).toContain(`另有${result.summary.undetermined.rows}项指标`);
    for (const r of result.rows.filter((x) => x.status === "invalid")) expect(all).toContain(`“${r.name}”`);
    expect(all).toContain("表中填写的自评等级为“优”，但总分尚未确定");
  });

  test("a row short of its target without a reason asks for one", () => {
    expect(report.placeholders.map((p) => p.prompt)).toContain("“住院救助比例”的偏差原因");
  });
});

describe("the stated reasons", () => {
  const { report } = draft(CASES.find((x) => x.id === "reasons")!);
  const all = reportParagraphs(report).map(({ paragraph }) => paragraphText(paragraph)).join("\n");
  test("a reason written on the form is quoted with its cell; a missing one is a placeholder", () => {
    expect(all).toContain("“异地就医备案办结时限”未达到年度指标，表中说明：系统升级期间人工审核，办理时间延长；已增配审核人员。");
    const quoted = reportParagraphs(report).flatMap(({ paragraph }) => paragraph.segments).find((s) => s.kind === "quote" && s.text.startsWith("系统升级"));
    expect(quoted).toMatchObject({ cell: "H3" });
    expect(report.placeholders.map((p) => p.prompt)).toContain("“门诊慢特病待遇享受人数”的偏差原因");
    expect(all).not.toContain(PATTERNS.improvementsPrompt);
  });
});

describe("wording by form family", () => {
  test.each([
    ["project form", "项目支出绩效自评报告", "本项目"],
    ["department form", "部门整体支出绩效自评报告", "本部门"],
    ["reasons", "绩效自评报告", "本表"],
  ])("%s speaks of its own subject", (id, suffix, subject) => {
    const { report } = draft(CASES.find((x) => x.id === id)!);
    expect(report.title).toContain(suffix);
    expect(reportParagraphs(report).map(({ paragraph }) => paragraphText(paragraph)).join("")).toContain(subject);
  });

  test("a family without words of its own gets the neutral default", () => {
    expect(wordingFor("scoring_sheet")).toEqual(wordingFor("plain"));
  });
});

describe("our own words", () => {
  const root = path.join(__dirname, "../../../seeds/reports");
  const squeeze = (s: string) => s.replace(/[\s*#]/g, "");
  const runs = new Set<string>();
  for (const r of REPORTS) {
    const t = squeeze(fs.readFileSync(path.join(root, r.file), "utf8"));
    for (let i = 0; i + 20 <= t.length; i++) runs.add(t.slice(i, i + 20));
  }

  test("the seed reports are there to compare with", () => {
    expect(REPORTS.length).toBe(5);
    expect(runs.size).toBeGreaterThan(10000);
  });

  test.each(CASES)("no twenty-character run of a seed report in what we wrote for $id", (c) => {
    const { report } = draft(c, ["guangdong-2023", "huizhou-2022"]);
    // what the report says in its own words: headings, the patterns' words, the placeholders (a quote from the form breaks the run)
    const ours: string[] = [report.title];
    for (const s of allSections(report.sections)) {
      ours.push(s.heading);
      for (const p of s.paragraphs) ours.push(p.segments.map((seg) => (seg.kind === "quote" ? "\u0000" : paragraphText({ style: "body", segments: [seg] }))).join(""));
    }
    const copied: string[] = [];
    for (const piece of ours.map(squeeze)) for (let i = 0; i + 20 <= piece.length; i++) if (runs.has(piece.slice(i, i + 20))) copied.push(piece.slice(i, i + 20));
    expect(copied).toEqual([]);
  });
});

describe("the statement on another sheet", () => {
  // the Huizhou 2022 收支 table beside the Huizhou department form
  const statementGrid: Grid = { sheet: huizhouTable.sheet, values: huizhouTable.values as CellValue[][] };
  const audited = auditGrid(statementGrid);
  if (!audited.ok) throw new Error(audited.reason.en);
  const c = CASES.find((x) => x.id === "department form")!;
  const result = checked(c.grid);
  const report = buildReport({ grid: c.grid, result, statement: { result: audited.result, statement: audited.statement } });
  const figures = allFigures(report).filter((f) => f.ref.startsWith("statement."));

  test("its main figures, each the number in its cell on that sheet", () => {
    expect(figures.map((f) => f.ref)).toEqual(expect.arrayContaining(["statement.总收入", "statement.总支出"]));
    for (const f of figures) {
      const [, cell] = /!([A-Z]+\d+)$/.exec(f.cell ?? "") ?? [];
      expect(cell).toBeDefined();
      expect({ ref: f.ref, cell: f.cell, value: cellValue(statementGrid, cell) }).toEqual({ ref: f.ref, cell: f.cell, value: f.value });
      expect(shown(f)).toBe(roundHalfUp(f.value, f.decimals));
    }
    const text = reportParagraphs(report).map(({ paragraph }) => paragraphText(paragraph)).join("\n");
    expect(text).toContain("本年支出合计3,803.38万元");
  });

  test("what the audit found is listed with its cells, or that the figures agree", () => {
    const text = reportParagraphs(report).map(({ paragraph }) => paragraphText(paragraph)).join("\n");
    if (audited.result.findings.length) {
      expect(text).toContain(`收支数字核对发现${audited.result.findings.length}处需核实`);
      for (const f of audited.result.findings) expect(text).toContain(f.message.zh);
    } else {
      expect(text).toContain(`经核对${audited.result.passed.length}项，均相符`);
    }
  });
});
