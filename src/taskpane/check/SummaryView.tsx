import { Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { findPreset, presetName } from "../../core/presets";
import { STATUSES, STATUS_LABELS, type ValidateResult } from "../../core/results";
import { STATUS_FILLS } from "../../core/write-plan";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: "none" },
  count: {
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "baseline",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
  figures: { display: "grid", gridTemplateColumns: "max-content minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, minWidth: 0, overflowWrap: "anywhere" },
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
    <section className={styles.root} aria-labelledby="jx-summary" data-testid="summary">
      <Subtitle2 as="h2" id="jx-summary">
        {t.summaryTitle}
      </Subtitle2>
      <ul className={styles.counts} aria-label={t.summaryCounts}>
        {STATUSES.map((status) => (
          <li
            key={status}
            className={styles.count}
            style={{ backgroundColor: STATUS_FILLS[status].fill, color: STATUS_FILLS[status].font }}
            data-testid={`count-${status}`}
          >
            <span>{pick(STATUS_LABELS[status])}</span>
            <strong>{s.counts[status] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <dl className={styles.figures}>
        {form && form.kind !== "plain" && (
          <>
            <dt className={styles.term}>{t.formKind}</dt>
            <dd className={styles.value} data-testid="form-kind">
              {form.kind === "project" ? t.formKind_project : t.formKind_department}
              {form.year !== null ? ` · ${form.year}` : ""}
            </dd>
          </>
        )}
        {form?.project && (
          <>
            <dt className={styles.term}>{t.formProject}</dt>
            <dd className={mergeClasses(styles.value, styles.clamp)} data-testid="form-project" title={form.project}>
              {form.project}
            </dd>
          </>
        )}
        {form?.department && (
          <>
            <dt className={styles.term}>{t.formDepartment}</dt>
            <dd className={mergeClasses(styles.value, styles.clamp)} data-testid="form-department" title={form.department}>
              {form.department}
            </dd>
          </>
        )}
        {form?.unit && (
          <>
            <dt className={styles.term}>{t.formUnit}</dt>
            <dd className={mergeClasses(styles.value, styles.clamp)} title={form.unit}>
              {form.unit}
            </dd>
          </>
        )}
        {budget && (
          <>
            <dt className={styles.term}>{t.budgetLine}</dt>
            <dd className={styles.value} data-testid="budget-line">
              {budget.score !== null && budget.points !== null
                ? fmt(t.budgetLineScored, { rate: pct(budget.rate), score: budget.score, points: budget.points })
                : fmt(t.budgetLineUnscored, { rate: pct(budget.rate) })}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t.totalScore}</dt>
        <dd className={styles.value} data-testid="total-score">
          {provisional && s.totalScore !== null
            ? fmt(t.totalProvisional, { score: s.totalScore })
            : partial && outOf !== null
              ? fmt(t.totalOutOf, { score: num(s.totalScore), outOf })
              : num(s.totalScore)}
        </dd>
        {provisional && s.range && (
          <>
            <dt className={styles.term}>{t.totalRange}</dt>
            <dd className={styles.value} data-testid="total-range">
              {`${s.range[0]} – ${s.range[1]}`}
            </dd>
            <dt className={styles.term}>{t.undetermined}</dt>
            <dd className={styles.value} data-testid="undetermined">
              {fmt(t.undeterminedText, { rows: s.undetermined?.rows ?? 0, points: s.undetermined?.points ?? 0 })}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t.grade}</dt>
        <dd className={styles.value} data-testid="grade">
          {provisional ? t.gradePending : partial ? t.gradeNotGraded : s.grade === null || s.gradeText === null ? "—" : pick(s.gradeText)}
          {partial && (
            <Text size={200} className={styles.warn} data-testid="partial-note" block>
              {fmt(t.partialPointsNote, { points: num(s.pointsTotal), total: preset?.total ?? "—" })}
            </Text>
          )}
        </dd>
        {s.statedGrade && (
          <>
            <dt className={styles.term}>{t.statedGrade}</dt>
            <dd className={styles.value} data-testid="stated-grade">
              {s.statedGrade}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t.pointsTotal}</dt>
        <dd className={styles.value} data-testid="points-total">
          {num(s.pointsTotal)}
        </dd>
        {s.statedTotal !== null && (
          <>
            <dt className={styles.term}>{t.statedTotal}</dt>
            <dd className={styles.value}>{num(s.statedTotal)}</dd>
          </>
        )}
        <dt className={styles.term}>{t.presetUsed}</dt>
        <dd className={styles.value} data-testid="preset-used">
          {preset ? pick(presetName(preset)) : s.presetId}
        </dd>
        <dt className={styles.term}>{t.summaryRows}</dt>
        <dd className={styles.value}>{s.rowCount}</dd>
        <dt className={styles.term}>{t.summarySheet}</dt>
        <dd className={styles.value}>{result.sheet}</dd>
      </dl>
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
    </section>
  );
}
