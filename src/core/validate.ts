/**
 * J1: check an indicator table. Grid in; results and the write plan out.
 */
import { columnLetter } from "./address";
import { ExactSum, roundHalfUp } from "./decimal";
import { evaluateRow } from "./evaluate";
import { Grid, isBlank } from "./grid";
import { extractRows, describeColumns } from "./indicator-rows";
import { Message, msg } from "./messages";
import { normalizeText } from "./normalize-text";
import { Preset, Settings, SettingsSchema, gradeFor, resolvePreset } from "./presets";
import { parseQuantity } from "./quantity";
import { RowResult, STATUSES, STATUS_LABELS, Status, Summary, ValidateResult } from "./results";
import { ColumnMap, findTable } from "./table-finder";
import { PlanColumn, PlanRowInput, WritePlan, buildPlan } from "./write-plan";

export const RESULT_COLUMNS: PlanColumn[] = [
  { header: "核对·状态", numberFormat: "@", width: 12 },
  { header: "核对·完成率", numberFormat: "0.00%", width: 12 },
  { header: "核对·得分", numberFormat: "0.00", width: 10 },
  { header: "核对·说明", numberFormat: "@", width: 48 },
];

export interface ValidateOptions {
  settings?: Partial<Settings>;
  /** force the header row (0-based grid index) or columns when detection is wrong */
  headerIndex?: number;
  columns?: ColumnMap;
}

export type ValidateOutcome =
  | { ok: true; result: ValidateResult; plan: WritePlan }
  | { ok: false; reason: string; reasonEn: string };

export function validateGrid(grid: Grid, options: ValidateOptions = {}): ValidateOutcome {
  const settings = SettingsSchema.parse(options.settings ?? {});
  const preset = resolvePreset(settings);
  const found = findTable(grid, { headerIndex: options.headerIndex, columns: options.columns });
  if (!found.ok) return found;
  const layout = found.layout;
  const extracted = extractRows(grid, layout);
  if (extracted.rows.length === 0) {
    return { ok: false, reason: "找到了表头，但表头下没有指标行", reasonEn: "found the header but no indicator rows below it" };
  }
  const rows: RowResult[] = new Array(extracted.rows.length);
  for (let i = 0; i < extracted.rows.length; i++) rows[i] = evaluateRow(extracted.rows[i], settings, preset);
  const summary = summarize(rows, extracted, layout.columns, preset, settings);
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const result: ValidateResult = {
    sheet: grid.sheet,
    headerRow: firstRow + layout.headerIndex,
    columns: describeColumns(layout.columns, firstCol, columnLetter),
    rows,
    summary,
  };
  const plan = buildPlan({
    grid,
    headerIndex: layout.headerIndex,
    lastColumn: layout.lastColumn,
    ownColumn: layout.ownColumn,
    lastRow: extracted.lastRow,
    columns: RESULT_COLUMNS,
    rows: rows.map(planRow),
  });
  for (const m of plan.messages) summary.messages.push({ code: m.code, severity: "info", text: m.text, en: m.en });
  return { ok: true, result, plan };
}

/** One row of result cells: status label, completion, score, explanation. */
export function planRow(r: RowResult): PlanRowInput {
  let explain = "";
  let note = "";
  let infos = "";
  for (const m of r.messages) {
    const line = m.cell ? `${m.cell}: ${m.text}` : m.text;
    if (m.severity === "info") infos = infos ? `${infos}；${line}` : line;
    else {
      explain = explain ? `${explain}；${line}` : line;
      note = note ? `${note}\n${line}` : line;
    }
  }
  return {
    row: r.row,
    values: [STATUS_LABELS[r.status].zh, r.completion === null ? null : roundHalfUp(r.completion, 6), r.score, explain || infos || null],
    status: r.status,
    note: note || null,
  };
}

const BUDGET_NAME_RE = /预算/;

function categoryOf(level1: string, name: string, preset: Preset): string | null {
  const l1 = normalizeText(level1);
  for (const c of preset.categories) if (c.match.some((w) => l1.includes(w))) return c.id;
  const n = normalizeText(name);
  for (const c of preset.categories) if (c.id === "budget" && c.match.some((w) => n.includes(w))) return c.id;
  return null;
}

function summarize(
  rows: RowResult[],
  extracted: ReturnType<typeof extractRows>,
  columns: ColumnMap,
  preset: Preset,
  settings: Settings,
): Summary {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const messages: Message[] = [];
  const hasPoints = columns.points !== undefined && rows.some((r) => r.points !== null);
  let pointsTotal: number | null = null;
  let rawScore: number | null = null;
  let totalScore: number | null = null;
  let statedTotal: number | null = null;
  let grade: string | null = null;
  let gradeEn: string | null = null;
  // one pass: counts, exact sums, category sums (category looked up once per level-1 text)
  const points = new ExactSum();
  const naSum = new ExactSum();
  const scored = new ExactSum();
  const catSums = new Map<string, ExactSum>(preset.categories.map((c) => [c.id, new ExactSum()]));
  const catSeen = new Set<string>();
  const catCache = new Map<string, string | null>();
  let naCount = 0;
  let lost = 0;
  for (const r of rows) {
    counts[r.status]++;
    if (!hasPoints) continue;
    const p = r.points ?? 0;
    points.add(p);
    if (r.status === "not_applicable") {
      if (r.points !== null) {
        naSum.add(p);
        naCount++;
      }
    } else {
      scored.add(r.score ?? 0);
      if (r.points !== null && (r.statedScore ?? r.computedScore ?? r.points) < r.points) lost++;
    }
    let cat = catCache.get(r.level1);
    if (cat === undefined) {
      cat = categoryOf(r.level1, "", preset);
      catCache.set(r.level1, cat);
    }
    if (cat === null && BUDGET_NAME_RE.test(r.name)) cat = categoryOf("", r.name, preset);
    if (cat !== null) {
      catSums.get(cat)?.add(p);
      catSeen.add(cat);
    }
  }
  if (hasPoints) {
    pointsTotal = points.value();
    const naPoints = naSum.value();
    rawScore = scored.value();
    if (Math.abs(pointsTotal - preset.total) > 1e-9) {
      const byCat = preset.categories.map((c) => `${c.label}${catSums.get(c.id)?.value() ?? 0}`);
      messages.push(msg("points_total", { sum: pointsTotal, total: preset.total, detail: byCat.join("+") }));
    }
    for (const c of preset.categories) {
      if (!catSeen.has(c.id)) continue;
      const sum = catSums.get(c.id)?.value() ?? 0;
      if (Math.abs(sum - c.points) > 1e-9) messages.push(msg("category_total", { category: c.label, sum, expected: c.points }));
    }
    const applicable = pointsTotal - naPoints;
    totalScore = naPoints > 0 && applicable > 0 ? roundHalfUp((rawScore * preset.total) / applicable, 2) : roundHalfUp(rawScore, 2);
    if (naCount > 0) messages.push(msg("rescaled", { n: naCount, points: naPoints }));
    const g = gradeFor(totalScore, preset);
    grade = g.grade;
    gradeEn = g.gradeEn;
    const invalid = counts.invalid;
    if (invalid > 0) messages.push(msg("invalid_rows", { n: invalid }));
    for (const t of extracted.totalRows) {
      if (t.score && !isBlank(t.score.value)) {
        const q = parseQuantity(t.score.value, t.score.format);
        if (q.ok) {
          statedTotal = q.q.value;
          if (Math.abs(statedTotal - rawScore) > settings.scoreTolerance) {
            messages.push(msg("stated_total", { stated: statedTotal, computed: rawScore }, t.score.cell));
          }
        }
      }
    }
    if (columns.reason === undefined && settings.reasonRequired) {
      if (lost > 0) messages.push(msg("no_reason_column", { n: lost }));
    }
  }
  return {
    counts,
    rowCount: rows.length,
    pointsTotal,
    rawScore,
    totalScore,
    statedTotal,
    grade,
    gradeEn,
    presetId: preset.id,
    messages,
  };
}
