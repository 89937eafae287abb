import { Button, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { quoteSheet } from "../../core/basics/address";
import type { Settings } from "../../core/indicators/presets";
import { KIND_LABELS } from "../../core/review";
import type { ReviewAllSheet } from "../../excel";
import type { ReviewRow } from "../../core/review";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { useLongText } from "../shell/LongText";
import { NoticeBar } from "../shell/NoticeBar";
import type { ReviewAllModel } from "./use-review-all";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { justifyContent: "flex-start", minWidth: 0, overflowWrap: "anywhere", textAlign: "start" },
  hiddenName: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalS },
  open: { alignSelf: "flex-start", textAlign: "start", overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

export interface ReviewAllSectionProps {
  model: ReviewAllModel;
  settings: Partial<Settings>;
  disabled: boolean;
}

/**
 * 核对全部工作表: the button, then every sheet in tab order with what was done with it — checked as
 * which kind, with its total and grade, or why not (core's reason: the add-in's own, empty, notes,
 * neither table nor statement, hidden) — each visible one linked to it (docs/task-pane.md).
 */
export function ReviewAllSection({ model, settings, disabled }: ReviewAllSectionProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const r = model.result;
  const rowOf = new Map((r?.rows ?? []).map((row) => [row.sheet, row]));
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
            <Link as="button" className={styles.open} disabled={disabled} data-testid="review-all-open" onClick={() => model.select(`${quoteSheet(r.summarySheet as string)}!A1`)}>
              {fmt(t.reviewAllOpen, { sheet: r.summarySheet })}
            </Link>
          )}
          <ul className={styles.list} data-testid="review-all-sheets" aria-label={t.reviewAllSheetsLabel}>
            {r.sheets.map((s) => (
              <SheetItem key={s.sheet} sheet={s} row={rowOf.get(s.sheet)} disabled={disabled} onSelect={model.select} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SheetItem({ sheet, row, disabled, onSelect }: { sheet: ReviewAllSheet; row: ReviewRow | undefined; disabled: boolean; onSelect(address: string): void }) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const { shown, toggle } = useLongText(sheet.reason ? fmt(t.reviewAllSkipped, { reason: pick(sheet.reason) }) : "");
  let meta: string;
  if (row) {
    // a total over unchecked rows is never shown as if final (docs/standard-forms.md)
    const total0 = row.computedTotal === null ? "—" : row.computedTotal.toFixed(2);
    const total = row.final === false ? fmt(t.reviewAllProvisional, { total: total0 }) : total0;
    const grade = row.computedGrade ?? (row.final === false ? t.reviewAllPending : "—");
    meta = fmt(t.reviewAllRow, { kind: pick(KIND_LABELS[row.kind]), total, grade, problems: String(row.problems.error + row.problems.warning) });
  } else meta = shown;
  return (
    <li className={styles.item} data-testid={`review-all-sheet-${sheet.outcome}`}>
      {sheet.outcome === "hidden" ? (
        <Text size={200} className={styles.hiddenName}>
          {sheet.sheet}
        </Text>
      ) : (
        <Button size="small" appearance="transparent" className={styles.name} disabled={disabled} onClick={() => onSelect(`${quoteSheet(sheet.sheet)}!A1`)}>
          {sheet.sheet}
        </Button>
      )}
      <Text size={200} className={styles.meta}>
        {meta}
        {!row && toggle}
      </Text>
    </li>
  );
}
