import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { quoteSheet } from "../../core/basics/address";
import type { Settings } from "../../core/indicators/presets";
import { KIND_LABELS } from "../../core/review";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { NoticeBar } from "../shell/NoticeBar";
import type { ReviewAllModel } from "./use-review-all";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { justifyContent: "flex-start", minWidth: 0, overflowWrap: "anywhere", textAlign: "start" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface ReviewAllSectionProps {
  model: ReviewAllModel;
  settings: Partial<Settings>;
  disabled: boolean;
}

/** 核对全部工作表: the button, then each checked sheet with its total and grade, linked to it. */
export function ReviewAllSection({ model, settings, disabled }: ReviewAllSectionProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const r = model.result;
  const hidden = r ? r.sheets.filter((x) => x.outcome === "hidden").map((x) => x.sheet) : [];
  return (
    <section className={styles.root} aria-label={t.reviewAll} data-testid="review-all">
      <Button disabled={disabled} onClick={() => model.start(settings)}>
        {t.reviewAll}
      </Button>
      {!r && !model.error && (
        <Text size={200} className={styles.meta}>
          {t.reviewAllHint}
        </Text>
      )}
      {model.error && (
        <NoticeBar intent="error">{pick(model.error)}</NoticeBar>
      )}
      {r && (
        <>
          <Text data-testid="review-all-summary">
            {r.summarySheet ? fmt(t.reviewAllDone, { count: String(r.rows.length), sheet: r.summarySheet }) : t.reviewAllNone}
          </Text>
          {r.summarySheet && (
            <Button size="small" appearance="subtle" className={styles.name} disabled={disabled} onClick={() => model.select(`${quoteSheet(r.summarySheet as string)}!A1`)}>
              {fmt(t.reviewAllOpen, { sheet: r.summarySheet })}
            </Button>
          )}
          <ul className={styles.list} data-testid="review-all-sheets">
            {r.rows.map((row) => {
              // a total over unchecked rows is never shown as if final (docs/standard-forms.md)
              const shown = row.computedTotal === null ? "—" : row.computedTotal.toFixed(2);
              const total = row.final === false ? fmt(t.reviewAllProvisional, { total: shown }) : shown;
              const grade = row.computedGrade ?? (row.final === false ? t.reviewAllPending : "—");
              const problems = row.problems.error + row.problems.warning;
              return (
                <li key={row.sheet} className={styles.item}>
                  <Button size="small" appearance="transparent" className={styles.name} disabled={disabled} onClick={() => model.select(`${quoteSheet(row.sheet)}!A1`)}>
                    {row.sheet}
                  </Button>
                  <Text size={200} className={styles.meta}>
                    {fmt(t.reviewAllRow, { kind: pick(KIND_LABELS[row.kind]), total, grade, problems: String(problems) })}
                  </Text>
                </li>
              );
            })}
          </ul>
          {hidden.length > 0 && (
            <Text size={200} className={styles.meta} data-testid="review-all-hidden">
              {fmt(t.reviewAllHidden, { sheets: hidden.join(pick({ zh: "、", en: ", " })) })}
            </Text>
          )}
        </>
      )}
    </section>
  );
}
