import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { findPreset, presetName } from "../../core/indicators/presets";
import { STATUSES, STATUS_LABELS, type ValidateResult } from "../../core/indicators/results";
import { KIND_LABELS } from "../../core/review";
import { formKind } from "../../core/forms/registry";
import { STATUS_FILLS } from "../../core/basics/write-plan";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { CountChip, CountList, FigureItem, FigureList, Section } from "../shell/Section";

const useStyles = makeStyles({
  // a name taken from a cell: three lines at most, whole in its tooltip (docs/task-pane.md)
  clamp: { display: "-webkit-box", WebkitLineClamp: 3, WebkitBoxOrient: "vertical", overflow: "hidden" },
  note: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteRedForeground1 },
});

const num = (n: number | null) => (n === null ? "—" : String(n));
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 10000) / 100}%`);

export interface SummaryViewProps {
  result: ValidateResult;
  unwritten: boolean;
  stale: boolean;
}

/** Counts by status in the sheet's colours, then the total, grade, points and preset. */
export function SummaryView({ result, unwritten, stale }: SummaryViewProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const s = result.summary;
  const preset = findPreset(s.presetId);
  const form = result.form;
  const budget = s.budget ?? null;
  // honest totals: a total with unchecked rows is provisional and its grade withheld
  const provisional = s.final === false && s.totalScore !== null;
  // the core says when the points are not the preset's total: score against the points present, no grade
  const partial = !provisional && s.gradeWithheld === "points_total" && s.totalScore !== null;
  const outOf = s.outOf ?? null;
  return (
    <Section id="jx-summary" title={t.summaryTitle} testId="summary">
      <CountList label={t.summaryCounts}>
        {STATUSES.map((status) => (
          <CountChip
            key={status}
            name={pick(STATUS_LABELS[status])}
            count={s.counts[status] ?? 0}
            style={{ backgroundColor: STATUS_FILLS[status].fill, color: STATUS_FILLS[status].font }}
            testId={`count-${status}`}
          />
        ))}
      </CountList>
      <FigureList>
        {form && formKind(form.kind).named && (
          <FigureItem term={t.formKind} testId="form-kind">
            {pick(KIND_LABELS[form.kind])}
            {form.year !== null ? ` · ${form.year}` : ""}
          </FigureItem>
        )}
        {form?.project && (
          <FigureItem term={t.formProject} testId="form-project" className={styles.clamp} title={form.project}>
            {form.project}
          </FigureItem>
        )}
        {form?.department && (
          <FigureItem term={t.formDepartment} testId="form-department" className={styles.clamp} title={form.department}>
            {form.department}
          </FigureItem>
        )}
        {form?.unit && (
          <FigureItem term={t.formUnit} className={styles.clamp} title={form.unit}>
            {form.unit}
          </FigureItem>
        )}
        {form?.reportingUnit && (
          <FigureItem term={t.formReportingUnit} testId="form-reporting-unit" className={styles.clamp} title={form.reportingUnit}>
            {form.reportingUnit}
          </FigureItem>
        )}
        {budget && (
          <FigureItem term={t.budgetLine} testId="budget-line">
            {budget.score !== null && budget.points !== null
              ? fmt(t.budgetLineScored, { rate: pct(budget.rate), score: budget.score, points: budget.points })
              : fmt(t.budgetLineUnscored, { rate: pct(budget.rate) })}
          </FigureItem>
        )}
        {s.levels?.map((l) => (
          <FigureItem key={l.cell} term={fmt(t.levelTerm, { name: l.name, cell: l.cell })} testId="level-points">
            <span className={l.childPoints !== null && l.childPoints !== l.points ? styles.warn : undefined}>
              {fmt(t.levelLine, { points: l.points, childPoints: num(l.childPoints), score: num(l.score) })}
            </span>
          </FigureItem>
        ))}
        {s.blocks?.map((b, i) => (
          <FigureItem key={`block-${i}`} term={b.title ?? fmt(t.blockTerm, { n: i + 1 })} testId="block-points">
            {fmt(t.blockLine, { score: num(b.score), points: num(b.points), rows: b.rowCount })}
          </FigureItem>
        ))}
        {s.weighted && (
          <FigureItem term={t.weightedTotal} testId="weighted-total">
            {s.weighted.blocks.map((b) => fmt(t.weightedPart, { name: b.name, weight: b.weight, score: num(b.score), points: num(b.points) })).join("；")}
          </FigureItem>
        )}
        <FigureItem term={t.totalScore} testId="total-score">
          {provisional && s.totalScore !== null
            ? fmt(t.totalProvisional, { score: s.totalScore })
            : partial && outOf !== null
              ? fmt(t.totalOutOf, { score: num(s.totalScore), outOf })
              : num(s.totalScore)}
        </FigureItem>
        {provisional && s.range && (
          <>
            <FigureItem term={t.totalRange} testId="total-range">
              {`${s.range[0]} – ${s.range[1]}`}
            </FigureItem>
            <FigureItem term={t.undetermined} testId="undetermined">
              {fmt(t.undeterminedText, { rows: s.undetermined?.rows ?? 0, points: s.undetermined?.points ?? 0 })}
            </FigureItem>
          </>
        )}
        <FigureItem term={t.grade} testId="grade">
          {provisional ? t.gradePending : partial ? t.gradeNotGraded : s.grade === null || s.gradeText === null ? "—" : pick(s.gradeText)}
          {partial && (
            <Text size={200} className={styles.warn} data-testid="partial-note" block>
              {fmt(t.partialPointsNote, { points: num(s.pointsTotal), total: preset?.total ?? "—" })}
            </Text>
          )}
        </FigureItem>
        {s.statedGrade && (
          <FigureItem term={t.statedGrade} testId="stated-grade">
            {s.statedGrade}
          </FigureItem>
        )}
        <FigureItem term={t.pointsTotal} testId="points-total">
          {num(s.pointsTotal)}
        </FigureItem>
        {s.statedTotal !== null && (
          <FigureItem term={t.statedTotal}>{num(s.statedTotal)}</FigureItem>
        )}
        <FigureItem term={t.presetUsed} testId="preset-used">
          {preset ? pick(presetName(preset)) : s.presetId}
        </FigureItem>
        <FigureItem term={t.summaryRows}>{s.rowCount}</FigureItem>
        <FigureItem term={t.summarySheet}>{result.sheet}</FigureItem>
      </FigureList>
      {provisional && (
        <Text size={200} className={styles.warn} data-testid="provisional-note">
          {t.provisionalNote}
        </Text>
      )}
      {s.pointsTotal === null && (
        <Text size={200} className={styles.note}>
          {t.noPoints}
        </Text>
      )}
      {unwritten && (
        <Text size={200} className={styles.warn}>
          {t.notWritten}
        </Text>
      )}
      {stale && (
        <Text size={200} className={styles.note} data-testid="settings-stale">
          {t.settingsStale}
        </Text>
      )}
    </Section>
  );
}
