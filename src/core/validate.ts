/**
 * J1: check an indicator table. Grid in; results and the write plan out.
 */
import { columnLetter } from "./address";
import { roundHalfUp, sumExact } from "./decimal";
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
  const problems = r.messages.filter((m) => m.severity !== "info");
  const explain = (problems.length ? problems : r.messages).map((m) => (m.cell ? `${m.cell}: ${m.text}` : m.text)).join("；");
  return {
    row: r.row,
    values: [STATUS_LABELS[r.status].zh, r.completion === null ? null : roundHalfUp(r.completion, 6), r.score, explain || null],
    status: r.status,
    note: problems.length ? problems.map((m) => (m.cell ? `${m.cell}: ${m.text}` : m.text)).join("\n") : null,
  };
}

function categoryOf(r: RowResult, preset: Preset): string | null {
  const l1 = normalizeText(r.level1);
  const name = normalizeText(r.name);
  for (const c of preset.categories) if (c.match.some((w) => l1.includes(w))) return c.id;
  for (const c of preset.categories) if (c.id === "budget" && c.match.some((w) => name.includes(w))) return c.id;
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
  for (const r of rows) counts[r.status]++;
  // category of each row, computed once
  const cats = new Map<RowResult, string | null>();
  const catCache = new Map<string, string | null>();
  for (const r of rows) {
    const key = `${r.level1}\u0000${r.name}`;
    let c = catCache.get(key);
    if (c === undefined) {
      c = categoryOf(r, preset);
      catCache.set(key, c);
    }
    cats.set(r, c);
  }
  const messages: Message[] = [];
  const hasPoints = columns.points !== undefined && rows.some((r) => r.points !== null);
  let pointsTotal: number | null = null;
  let rawScore: number | null = null;
  let totalScore: number | null = null;
  let statedTotal: number | null = null;
  let grade: string | null = null;
  let gradeEn: string | null = null;
  if (hasPoints) {
    pointsTotal = sumExact(rows.map((r) => r.points ?? 0));
    const naRows = rows.filter((r) => r.status === "not_applicable" && r.points !== null);
    const naPoints = sumExact(naRows.map((r) => r.points ?? 0));
    rawScore = sumExact(rows.filter((r) => r.status !== "not_applicable").map((r) => r.score ?? 0));
    if (Math.abs(pointsTotal - preset.total) > 1e-9) {
      const byCat = preset.categories.map((c) => `${c.label}${sumExact(rows.filter((r) => cats.get(r) === c.id).map((r) => r.points ?? 0))}`);
      messages.push(msg("points_total", { sum: pointsTotal, total: preset.total, detail: byCat.join("+") }));
    }
    for (const c of preset.categories) {
      const inCat = rows.filter((r) => cats.get(r) === c.id);
      if (inCat.length === 0) continue;
      const sum = sumExact(inCat.map((r) => r.points ?? 0));
      if (Math.abs(sum - c.points) > 1e-9) messages.push(msg("category_total", { category: c.label, sum, expected: c.points }));
    }
    const applicable = pointsTotal - naPoints;
    totalScore = naPoints > 0 && applicable > 0 ? roundHalfUp((rawScore * preset.total) / applicable, 2) : roundHalfUp(rawScore, 2);
    if (naRows.length > 0) messages.push(msg("rescaled", { n: naRows.length, points: naPoints }));
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
      const lost = rows.filter((r) => r.points !== null && (r.statedScore ?? r.computedScore ?? r.points) < r.points && r.status !== "not_applicable").length;
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
