/**
 * From a checked form to the drafted 自评报告 (docs/report.md): validate's result and the grid it
 * read in, the report model out. Pure and deterministic. Every figure is taken from the result
 * and carries its cell; what the form does not give is a placeholder, never prose of our own.
 */
import { appendAll } from "../basics/arrays";
import { cellText, Grid, isBlank } from "../basics/grid";
import { decimalsOf, formatFixed, roundHalfUp } from "../basics/decimal";
import { STATUS_LABELS, RowResult, ValidateResult } from "../indicators/results";
import { collectProblems } from "../indicators/problems";
import { CORE_TEXT } from "../basics/messages";
import { citeReport, reportTitle } from "../seeds/seed-reports";
import type { Seed } from "../seeds/seed-schema";
import type { AuditResult } from "../audit/finding";
import type { Statement } from "../audit/model";
import { decToNumber } from "../basics/decimal";
import { quoteSheet } from "../basics/address";
import { Figure, IndicatorTable, Paragraph, Placeholder, Report, ReportSchema, Section, Segment, TableRow, allSections } from "./model";
import { HEADINGS, KindWording, PAREN_NUMERALS, PATTERNS, STATEMENT_ITEMS, chineseNumber, wordingFor } from "./phrases";

/** The statement audit of a sheet of the same workbook, for the budget paragraph's 收支 figures. */
export interface StatementInput {
  result: AuditResult;
  statement: Statement;
}

export interface ReportInput {
  /** the grid validate read (the stated reasons and the title are read from it) */
  grid: Grid;
  result: ValidateResult;
  /** bundled peers to compare the score with (seeds), in the order given */
  peers?: readonly Seed[];
  /** the 收支 statement checked on another sheet (src/core/audit), when the officer names one */
  statement?: StatementInput;
}

type Slot = Segment | Segment[] | string;

const text = (t: string): Segment => ({ kind: "text", text: t });
const quote = (t: string, cell: string | null): Segment => ({ kind: "quote", text: t, cell });
const meta = (t: string): Segment => ({ kind: "meta", text: t });

/** A pattern with its `{slot}`s filled; a string slot is fixed text. */
export function fill(pattern: string, slots: Record<string, Slot> = {}): Segment[] {
  const out: Segment[] = [];
  const re = /\{(\w+)\}/g;
  let at = 0;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    if (m.index > at) out.push(text(pattern.slice(at, m.index)));
    const slot = slots[m[1]];
    if (slot === undefined) throw new Error(`pattern slot {${m[1]}} not given`);
    if (typeof slot === "string") out.push(text(slot));
    else if (Array.isArray(slot)) appendAll(out, slot);
    else out.push(slot);
    at = re.lastIndex;
  }
  if (at < pattern.length) out.push(text(pattern.slice(at)));
  return out;
}

interface FigureOptions {
  ref: string;
  cell: string | null;
  from?: string[];
  origin?: Figure["origin"];
  unit?: string | null;
  /** fixed decimals; default: as written, at most 2 */
  decimals?: number;
  percent?: boolean;
  /** thousands separators (amounts) */
  group?: boolean;
}

export function makeFigure(value: number, o: FigureOptions): Figure {
  const percent = o.percent ?? false;
  const shown = percent ? value * 100 : value;
  const decimals = o.decimals ?? Math.min(decimalsOf(roundHalfUp(shown, 2)), 2);
  return {
    value,
    text: formatFixed(shown, decimals, o.group ?? false) + (percent ? "%" : ""),
    decimals,
    percent,
    unit: o.unit ?? null,
    cell: o.cell,
    ...(o.from && o.from.length ? { from: o.from } : {}),
    origin: o.origin ?? "computed",
    ref: o.ref,
  };
}

const figure = (value: number, o: FigureOptions): Segment => ({ kind: "figure", figure: makeFigure(value, o) });

/** Placeholders are numbered as they are made; the list at the end is drawn from them. */
class Drafter {
  placeholders: Placeholder[] = [];
  section = "";
  ask(prompt: string): Segment {
    const id = this.placeholders.length + 1;
    this.placeholders.push({ id, prompt, section: this.section });
    return { kind: "placeholder", id, prompt };
  }
}

const body = (segments: Segment[]): Paragraph => ({ style: "body", segments });
const note = (segments: Segment[]): Paragraph => ({ style: "note", segments });

/** The unit of the budget block's amounts, from its header or a 单位 line above the table. */
function moneyUnit(grid: Grid, headerRow: number): string | null {
  const firstRow = grid.firstRow ?? 1;
  const re = /(?:[（(]\s*|单位\s*[:：]\s*)(亿元|万元|千元|元)/;
  for (let r = 0; r < Math.min(grid.values.length, headerRow - firstRow); r++) {
    for (const v of grid.values[r]) {
      const m = re.exec(cellText(v));
      if (m) return m[1];
    }
  }
  return null;
}

/** The cell holding the form's year (its title or a （2023年度） line), or null. */
function yearCell(grid: Grid, year: number, headerRow: number): string | null {
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  for (let r = 0; r < Math.min(grid.values.length, headerRow - firstRow); r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) if (cellText(row[c]).includes(String(year))) return `${letter(firstCol + c)}${firstRow + r}`;
  }
  return null;
}

function letter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The text of a cell of the checked sheet, by column letter and sheet row. */
function cellAt(grid: Grid, column: string | undefined, row: number): string {
  if (column === undefined) return "";
  const r = row - (grid.firstRow ?? 1);
  const c = columnNumber(column) - (grid.firstCol ?? 1);
  const v = grid.values[r]?.[c];
  return v === undefined || isBlank(v) ? "" : cellText(v).trim();
}

/** A cell as Excel shows it: a number in a % format as its percentage (0.9999 in 0.00% is 99.99%). */
function shownText(grid: Grid, column: string | undefined, row: number, written: string): string {
  if (column === undefined) return written.trim();
  const r = row - (grid.firstRow ?? 1);
  const c = columnNumber(column) - (grid.firstCol ?? 1);
  const v = grid.values[r]?.[c];
  const format = grid.numberFormats?.[r]?.[c] ?? "";
  if (typeof v === "number" && format && format.includes("%")) {
    const m = /0\.(0+)%/.exec(format);
    return `${formatFixed(v * 100, m ? m[1].length : 0)}%`;
  }
  return written.trim();
}

interface Ctx {
  grid: Grid;
  result: ValidateResult;
  words: KindWording;
  d: Drafter;
  money: string | null;
  statement?: StatementInput;
}

const cellOf = (ctx: Ctx, role: string, row: number): string | null => (ctx.result.columns[role] ? `${ctx.result.columns[role]}${row}` : null);

function rangeOf(ctx: Ctx, role: string): string | null {
  const col = ctx.result.columns[role];
  const rows = ctx.result.rows;
  if (!col || rows.length === 0) return null;
  return `${col}${rows[0].row}:${col}${rows[rows.length - 1].row}`;
}

function rowScoreFigure(ctx: Ctx, r: RowResult, i: number): Segment | null {
  if (r.score === null || r.status === "invalid") return null;
  const scoreCell = cellOf(ctx, "score", r.row);
  // a score the check computed names the cells it came from; any other is the form's, read from its cell
  if (r.computedScore !== null && r.score === r.computedScore) {
    const from = [cellOf(ctx, "target", r.row), cellOf(ctx, "actual", r.row), cellOf(ctx, "points", r.row)].filter((c): c is string => c !== null);
    return figure(r.score, { ref: `rows[${i}].score`, cell: null, from, origin: "computed" });
  }
  return figure(r.score, { ref: `rows[${i}].score`, cell: scoreCell, origin: "stated" });
}

// ── part one ────────────────────────────────────────────────────────────────

function basics(ctx: Ctx): Section {
  const { result, words, d } = ctx;
  const f = result.form;
  const sections: Section[] = [];
  d.section = `${PAREN_NUMERALS[0]}${words.overviewHeading}`;
  const overview: Paragraph[] = [];
  const source = f.kind === "plain" || !f.title ? fill(PATTERNS.sourcePlain, { sheet: quote(result.sheet, null) }) : fill(PATTERNS.source, { sheet: quote(result.sheet, null), form: quote(`《${f.title}》`, null) });
  overview.push(body(source));
  const info: Segment[] = [];
  if (f.project) appendAll(info, fill(PATTERNS.project, { project: quote(f.project, null) }));
  if (f.department) appendAll(info, fill(PATTERNS.department, { department: quote(f.department, null) }));
  if (f.unit) appendAll(info, fill(PATTERNS.unit, { unit: quote(f.unit, null) }));
  if (f.reportingUnit) appendAll(info, fill(PATTERNS.reportingUnit, { unit: quote(f.reportingUnit, null) }));
  if (info.length) overview.push(body(info));
  overview.push(body([d.ask(words.overviewPrompt)]));
  sections.push({ level: 2, heading: `${PAREN_NUMERALS[0]}${words.overviewHeading}`, paragraphs: overview, sections: [] });

  d.section = `${PAREN_NUMERALS[1]}${words.workHeading}`;
  sections.push({ level: 2, heading: `${PAREN_NUMERALS[1]}${words.workHeading}`, paragraphs: [body([d.ask(words.workPrompt)])], sections: [] });

  d.section = `${PAREN_NUMERALS[2]}${words.goalHeading}`;
  const s = result.summary;
  const goal: Paragraph[] = [body([d.ask(words.goalPrompt)])];
  const n = figure(s.rowCount, { ref: "summary.rowCount", cell: rangeOf(ctx, "name"), decimals: 0 });
  goal.push(
    body(
      s.pointsTotal !== null
        ? fill(PATTERNS.goalCount, { subject: words.subject, n, points: figure(s.pointsTotal, { ref: "summary.pointsTotal", cell: rangeOf(ctx, "points"), from: s.budget?.cells.points ? [s.budget.cells.points] : undefined }) })
        : fill(PATTERNS.goalCountNoPoints, { subject: words.subject, n }),
    ),
  );
  const count = (k: keyof typeof s.counts) => figure(s.counts[k], { ref: `summary.counts.${k}`, cell: rangeOf(ctx, "actual"), decimals: 0 });
  goal.push(body(fill(PATTERNS.goalStatus, { met: count("met"), notMet: count("not_met"), qualitative: count("qualitative"), na: count("not_applicable"), invalid: count("invalid") })));
  sections.push({ level: 2, heading: `${PAREN_NUMERALS[2]}${words.goalHeading}`, paragraphs: goal, sections: [] });

  d.section = `${PAREN_NUMERALS[3]}${words.budgetHeading}`;
  sections.push({ level: 2, heading: `${PAREN_NUMERALS[3]}${words.budgetHeading}`, paragraphs: budgetParagraphs(ctx), sections: [] });
  return { level: 1, heading: HEADINGS.basics, paragraphs: [], sections };
}

/** The statement's main figures, each from its cell on the statement's sheet, and what its audit found. */
function statementParagraphs(st: StatementInput): Paragraph[] {
  const items: Segment[] = [];
  for (const key of STATEMENT_ITEMS) {
    const item = st.statement.items.find((i) => i.key === key && i.values.current);
    const f = item?.values.current;
    if (!item || !f || !f.numeric) continue;
    if (items.length) items.push(text("，"));
    const value = figure(decToNumber(f.dec), { ref: `statement.${key}`, cell: `${quoteSheet(st.result.sheet)}!${f.cell}`, origin: "stated", decimals: f.decimals, group: true, unit: f.unit?.text ?? null });
    appendAll(items, fill(PATTERNS.statementItem, { label: quote(item.label, item.cell), value }));
  }
  const out: Paragraph[] = [];
  if (items.length) out.push(body([...fill(PATTERNS.statementIntro, { sheet: quote(st.result.sheet, null) }), ...items, text("。")]));
  const findings = st.result.findings;
  if (findings.length) {
    out.push(note(fill(PATTERNS.statementFindings, { n: meta(String(findings.length)) })));
    for (const f of [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))) {
      out.push(note(fill(PATTERNS.statementFinding, { cell: quote(`${quoteSheet(f.sheet)}!${f.cell}`, f.cell), text: quote(f.message.zh, f.cell) })));
    }
  } else if (st.result.passed.length) {
    out.push(body(fill(PATTERNS.statementAgrees, { n: meta(String(st.result.passed.length)) })));
  }
  return out;
}

function budgetParagraphs(ctx: Ctx): Paragraph[] {
  const { result, d, words, grid } = ctx;
  const b = result.summary.budget;
  const statement = ctx.statement ? statementParagraphs(ctx.statement) : [];
  if (!b) return statement.length ? statement : [body([d.ask(words.budgetPrompt)])];
  const out: Paragraph[] = [];
  const money = (v: number, ref: string, cell: string | null) => figure(v, { ref, cell, origin: "stated", unit: ctx.money, group: true });
  const year = result.form.year !== null ? figure(result.form.year, { ref: "form.year", cell: yearCell(grid, result.form.year, result.headerRow), decimals: 0, origin: "stated" }) : text("本");
  if (b.budget !== null && b.executed !== null && b.rate !== null) {
    const from = [b.cells.executed, b.cells.budget ?? b.cells.initialBudget].filter((c): c is string => c !== null);
    const slots: Record<string, Slot> = {
      year,
      budget: money(b.budget, "budget.budget", b.cells.budget ?? b.cells.initialBudget),
      executed: money(b.executed, "budget.executed", b.cells.executed),
      rate: figure(b.rate, { ref: "budget.rate", cell: null, from, percent: true, decimals: 2 }),
    };
    if (b.score !== null && b.points !== null) {
      slots.points = figure(b.points, { ref: "budget.points", cell: b.cells.points, origin: "stated" });
      slots.score = figure(b.score, { ref: "budget.score", cell: b.cells.score, from: [...from, ...(b.cells.points ? [b.cells.points] : [])] });
      out.push(body(fill(PATTERNS.budget, slots)));
    } else {
      out.push(body(fill(PATTERNS.budgetNoScore, slots)));
    }
    if (b.initialBudget !== null && b.initialBudget !== b.budget) out.push(body(fill(PATTERNS.budgetInitial, { initial: money(b.initialBudget, "budget.initialBudget", b.cells.initialBudget) })));
    if (b.statedRate !== null && Math.abs(roundHalfUp(b.statedRate * 100, 2) - roundHalfUp(b.rate * 100, 2)) >= 0.01) {
      out.push(note(fill(PATTERNS.budgetStatedRate, { stated: figure(b.statedRate, { ref: "budget.statedRate", cell: b.cells.rate, origin: "stated", percent: true, decimals: 2 }) })));
    }
    if (b.statedScore !== null && b.score !== null && Math.abs(b.statedScore - b.score) >= 0.005) {
      out.push(note(fill(PATTERNS.budgetStatedScore, { stated: figure(b.statedScore, { ref: "budget.statedScore", cell: b.cells.score, origin: "stated" }) })));
    }
  } else {
    out.push(note(fill(PATTERNS.budgetUnchecked)));
    out.push(body([d.ask(words.budgetPrompt)]));
  }
  return [...out, ...statement];
}

// ── part two ────────────────────────────────────────────────────────────────

function conclusion(ctx: Ctx): Paragraph[] {
  const { result, words } = ctx;
  const s = result.summary;
  const out: Paragraph[] = [];
  const scoreRange = rangeOf(ctx, "score");
  const total = (ref = "summary.totalScore") => figure(s.totalScore ?? 0, { ref, cell: null, from: scoreRange ? [scoreRange] : undefined });
  if (s.totalScore === null) {
    out.push(body(fill(PATTERNS.conclusionNoScore, { subject: words.subject })));
  } else if (!s.final) {
    const [lo, hi] = s.range ?? [s.totalScore, s.totalScore];
    out.push(
      note(
        fill(PATTERNS.conclusionProvisional, {
          total: total(),
          rows: figure(s.undetermined.rows, { ref: "summary.undetermined.rows", cell: null, decimals: 0 }),
          points: figure(s.undetermined.points, { ref: "summary.undetermined.points", cell: rangeOf(ctx, "points") }),
          lo: figure(lo, { ref: "summary.range[0]", cell: null }),
          hi: figure(hi, { ref: "summary.range[1]", cell: null }),
        }),
      ),
    );
  } else if (s.grade === null) {
    out.push(body(fill(PATTERNS.conclusionNotGraded, { subject: words.subject, total: total(), outOf: figure(s.outOf ?? s.pointsTotal ?? 0, { ref: "summary.outOf", cell: rangeOf(ctx, "points") }) })));
  } else {
    const para = fill(PATTERNS.conclusionGraded, { subject: words.subject, total: total(), grade: s.grade });
    const b = s.budget;
    if (b && b.score !== null) appendAll(para, fill(PATTERNS.conclusionSplit, { budget: figure(b.score, { ref: "budget.score", cell: b.cells.score }) }));
    out.push(body(para));
  }
  if (s.statedTotal !== null && s.totalScore !== null && Math.abs(s.statedTotal - s.totalScore) >= 0.005) {
    out.push(note(fill(PATTERNS.statedTotal, { stated: figure(s.statedTotal, { ref: "summary.statedTotal", cell: null, origin: "stated" }) })));
  }
  if (s.statedGrade !== null) {
    if (s.grade === null && s.totalScore !== null) out.push(note(fill(PATTERNS.statedGradePending, { stated: quote(s.statedGrade, null) })));
    else if (s.grade !== null && s.statedGrade !== s.grade) out.push(note(fill(PATTERNS.statedGradeDiffers, { stated: quote(s.statedGrade, null) })));
  }
  return out;
}

function indicatorParagraph(ctx: Ctx, r: RowResult, i: number, ordinal: number): Paragraph {
  const target = r.target.text.trim() ? quote(shownText(ctx.grid, ctx.result.columns.target, r.row, r.target.text), cellOf(ctx, "target", r.row)) : text(PATTERNS.notWritten);
  const actual = r.actual.text.trim() ? quote(shownText(ctx.grid, ctx.result.columns.actual, r.row, r.actual.text), cellOf(ctx, "actual", r.row)) : text(PATTERNS.notWritten);
  const verdict: Segment[] = [text(PATTERNS.verdict[r.status])];
  if (r.status === "invalid") {
    const why = r.messages.find((m) => m.severity !== "info") ?? r.messages[0];
    if (why) appendAll(verdict, fill(PATTERNS.invalidWhy, { why: quote(why.text.zh, why.cell ?? null) }));
  }
  const showCompletion = (r.status === "met" || r.status === "not_met") && r.completion !== null && (r.target.op === "ge" || r.target.op === "gt" || (r.target.op === "eq" && (r.target.value ?? 0) > 0));
  if (showCompletion && r.completion !== null) {
    const from = [cellOf(ctx, "actual", r.row), cellOf(ctx, "target", r.row)].filter((c): c is string => c !== null);
    appendAll(verdict, fill(PATTERNS.completion, { completion: figure(r.completion, { ref: `rows[${i}].completion`, cell: null, from, percent: true, decimals: 2 }) }));
  }
  if (r.overAchieved) verdict.push(text(PATTERNS.overAchieved));
  const segments = fill(PATTERNS.indicator, { ordinal: chineseNumber(ordinal), name: quote(r.name, cellOf(ctx, "name", r.row)), target, actual, verdict });
  const points = r.points !== null ? figure(r.points, { ref: `rows[${i}].points`, cell: cellOf(ctx, "points", r.row), origin: "stated" }) : null;
  const score = rowScoreFigure(ctx, r, i);
  if (r.status === "invalid" && points) appendAll(segments, fill(PATTERNS.indicatorScorePending, { points }));
  else if (score && points) appendAll(segments, fill(PATTERNS.indicatorScore, { score, points }));
  else if (score) appendAll(segments, fill(PATTERNS.indicatorScoreNoPoints, { score }));
  else segments.push(text(PATTERNS.indicatorEnd));
  return body(segments);
}

function indicatorSections(ctx: Ctx): Section[] {
  const groups = new Map<string, { r: RowResult; i: number }[]>();
  ctx.result.rows.forEach((r, i) => {
    const key = r.level1.trim() || HEADINGS.otherIndicators;
    const g = groups.get(key);
    if (g) g.push({ r, i });
    else groups.set(key, [{ r, i }]);
  });
  return [...groups].map(([heading, rows]) => ({
    level: 3 as const,
    heading,
    paragraphs: rows.map(({ r, i }, k) => indicatorParagraph(ctx, r, i, k + 1)),
    sections: [],
  }));
}

/** A row that lost points or missed its target, and the reason the form gives (or a placeholder). */
function deviations(ctx: Ctx): { paragraphs: Paragraph[]; reasonsGiven: number } {
  const { result, d } = ctx;
  const out: Paragraph[] = [];
  let reasonsGiven = 0;
  for (const r of result.rows) {
    if (r.status === "invalid" || r.status === "not_applicable") continue;
    const lost = r.points !== null && r.score !== null && r.score < r.points;
    if (r.status !== "not_met" && !lost) continue;
    const what = r.status === "not_met" ? PATTERNS.deviationNotMet : PATTERNS.deviationLost;
    const name = quote(r.name, cellOf(ctx, "name", r.row));
    const reason = cellAt(ctx.grid, result.columns.reason, r.row);
    if (reason) {
      reasonsGiven++;
      out.push(body([...fill(PATTERNS.deviationStated, { name, what, reason: quote(reason, cellOf(ctx, "reason", r.row)) }), text(/[。；;.!！]$/.test(reason) ? "" : "。")].filter((s) => s.kind !== "text" || s.text !== "")));
    } else {
      out.push(body([...fill(PATTERNS.deviationMissing, { name, what }), d.ask(PATTERNS.deviationReasonPrompt.replace("{name}", r.name))]));
    }
  }
  const unchecked = result.rows.filter((r) => r.status === "invalid");
  if (unchecked.length) {
    const names: Segment[] = [];
    unchecked.forEach((r, k) => {
      if (k > 0) names.push(text("、"));
      names.push(quote(`“${r.name}”`, cellOf(ctx, "name", r.row)));
    });
    out.push(note([text(PATTERNS.unchecked), ...names, text("。")]));
  }
  if (out.length === 0) out.push(body(fill(PATTERNS.deviationNone)));
  return { paragraphs: out, reasonsGiven };
}

function findings(ctx: Ctx): Paragraph[] {
  const { listed } = collectProblems(ctx.result);
  const order = { error: 0, warning: 1, info: 2 };
  const problems = [...listed].sort((a, b) => order[a.severity] - order[b.severity]);
  if (problems.length === 0) return [body(fill(PATTERNS.findingsNone))];
  const out: Paragraph[] = [body(fill(PATTERNS.findingsCount, { n: meta(String(problems.length)) }))];
  for (const p of problems) {
    out.push(note(fill(PATTERNS.finding, { cell: quote(p.cell ?? ctx.result.sheet, p.cell), text: quote(p.name ? `“${p.name}”${p.text.zh}` : p.text.zh, p.cell) })));
  }
  return out;
}

function peers(ctx: Ctx, seeds: readonly Seed[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const seed of seeds) {
    const f = seed.figures.self_eval_score;
    const year = figure(seed.year, { ref: `peers.${seed.id}.year`, cell: reportTitle(seed.source), origin: "peer", decimals: 0 });
    if (f && f.value !== undefined) {
      const source = citeReport(seed.source, f.source.section);
      out.push(body(fill(PATTERNS.peer, { department: quote(seed.department, null), year, score: figure(f.value, { ref: `peers.${seed.id}.self_eval_score`, cell: source, origin: "peer" }), source: quote(source, null) })));
    } else {
      out.push(body(fill(PATTERNS.peerNoScore, { department: quote(seed.department, null), year, source: quote(reportTitle(seed.source), null) })));
    }
  }
  const s = ctx.result.summary;
  if (s.totalScore !== null) {
    const total = figure(s.totalScore, { ref: "summary.totalScore", cell: null, from: rangeOf(ctx, "score") ? [rangeOf(ctx, "score") as string] : undefined });
    out.push(body(fill(s.final ? PATTERNS.peerOwn : PATTERNS.peerOwnProvisional, { subject: ctx.words.subject, total })));
  }
  return out;
}

function evaluation(ctx: Ctx, seeds: readonly Seed[]): Section {
  const { d } = ctx;
  const sections: Section[] = [];
  d.section = HEADINGS.conclusion;
  sections.push({ level: 2, heading: HEADINGS.conclusion, paragraphs: conclusion(ctx), sections: [] });
  d.section = HEADINGS.indicators;
  sections.push({ level: 2, heading: HEADINGS.indicators, paragraphs: [], sections: indicatorSections(ctx) });
  d.section = HEADINGS.deviations;
  const dev = deviations(ctx);
  sections.push({ level: 2, heading: HEADINGS.deviations, paragraphs: dev.paragraphs, sections: [] });
  d.section = HEADINGS.findings;
  sections.push({ level: 2, heading: HEADINGS.findings, paragraphs: findings(ctx), sections: [] });
  d.section = HEADINGS.improvements;
  const improve: Paragraph[] = [body([d.ask(PATTERNS.problemsPrompt)])];
  if (dev.reasonsGiven > 0) improve.push(body(fill(PATTERNS.improvementsFromForm)));
  else improve.push(body([d.ask(PATTERNS.improvementsPrompt)]));
  sections.push({ level: 2, heading: HEADINGS.improvements, paragraphs: improve, sections: [] });
  if (seeds.length) {
    d.section = HEADINGS.peers;
    sections.push({ level: 2, heading: HEADINGS.peers, paragraphs: peers(ctx, seeds), sections: [] });
  }
  return { level: 1, heading: HEADINGS.evaluation, paragraphs: [], sections };
}

function indicatorTable(ctx: Ctx): IndicatorTable {
  const rows: TableRow[] = ctx.result.rows.map((r, i) => {
    const score = rowScoreFigure(ctx, r, i);
    const scoreSeg = score && score.kind === "figure" ? score.figure : null;
    return {
      row: r.row,
      level1: r.level1,
      name: r.name,
      target: shownText(ctx.grid, ctx.result.columns.target, r.row, r.target.text),
      actual: shownText(ctx.grid, ctx.result.columns.actual, r.row, r.actual.text),
      verdict: STATUS_LABELS[r.status].zh,
      points: r.points !== null ? makeFigure(r.points, { ref: `rows[${i}].points`, cell: cellOf(ctx, "points", r.row), origin: "stated" }) : null,
      score: scoreSeg,
      scoreText: r.status === "invalid" ? PATTERNS.scorePending : scoreSeg ? scoreSeg.text : "—",
    };
  });
  return { caption: PATTERNS.tableCaption, header: [...PATTERNS.tableHeader], rows };
}

/** The report drafted from a checked form. */
export function buildReport(input: ReportInput): Report {
  const { grid, result } = input;
  const words = wordingFor(result.form.kind);
  const d = new Drafter();
  const ctx: Ctx = { grid, result, words, d, money: moneyUnit(grid, result.headerRow), statement: input.statement };
  const sections: Section[] = [basics(ctx), evaluation(ctx, input.peers ?? [])];
  d.section = HEADINGS.other;
  sections.push({ level: 1, heading: HEADINGS.other, paragraphs: [body([d.ask(PATTERNS.otherPrompt)])], sections: [] });
  d.section = HEADINGS.rectification;
  sections.push({ level: 1, heading: HEADINGS.rectification, paragraphs: [body([d.ask(PATTERNS.rectificationPrompt)])], sections: [] });
  sections.push({ level: 1, heading: HEADINGS.table, paragraphs: [], table: indicatorTable(ctx), sections: [] });
  // the list of what is left to write, drawn from the placeholders made above
  const pending: Paragraph[] = d.placeholders.length
    ? [body(fill(PATTERNS.pendingCount, { n: meta(String(d.placeholders.length)) })), ...d.placeholders.map((p) => note([meta(`${p.id}. `), text(`${p.section}：`), quote(p.prompt, null)]))]
    : [body(fill(PATTERNS.pendingNone))];
  sections.push({ level: 1, heading: HEADINGS.pending, paragraphs: pending, sections: [] });
  const s = result.summary;
  const f = result.form;
  const name = f.project ?? f.department ?? f.unit ?? result.sheet;
  const title = `${f.year !== null ? `${f.year}年度` : ""}${name}${words.titleSuffix}${PATTERNS.draftMark}`;
  const grade = s.grade ?? (s.gradeText ? s.gradeText.zh : !s.final ? CORE_TEXT.gradePending.zh : "—");
  return ReportSchema.parse({ title, sheet: result.sheet, formKind: f.kind, year: f.year, final: s.final, grade, sections, placeholders: d.placeholders });
}

/** Every paragraph in reading order, with the heading of its section. */
export function reportParagraphs(report: Report): { heading: string; paragraph: Paragraph }[] {
  return allSections(report.sections).flatMap((s) => s.paragraphs.map((paragraph) => ({ heading: s.heading, paragraph })));
}
