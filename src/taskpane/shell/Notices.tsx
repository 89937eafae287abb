import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { ClearReport } from "../../excel";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { NoticeBar } from "./NoticeBar";
import type { Hint, Notice } from "./use-pane";

const useStyles = makeStyles({
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface NoticesProps {
  notice: Notice | null;
  hint: Hint | null;
  onDismiss(): void;
  onSelect(address: string): void;
}

/** What the last action came to: written, nothing found, cleared, or the adapter's error. */
export function Notices({ notice, hint, onDismiss, onSelect }: NoticesProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  let main = null;
  if (notice?.kind === "error") {
    main = (
      <NoticeBar intent="error" testId="notice-error" title={t.errorTitle} onDismiss={onDismiss}>
        {pick(notice.error)}
      </NoticeBar>
    );
  } else if (notice?.kind === "noTable") {
    main = (
      <NoticeBar intent="warning" testId="notice-no-table" title={t.noTableTitle}>
        {pick(notice.reason)} {t.noTableHint}
      </NoticeBar>
    );
  } else if (notice?.kind === "checked") {
    const { write } = notice;
    main = (
      <NoticeBar intent="success" testId="notice-checked" title={t.checkedTitle} onDismiss={onDismiss}>
        {fmt(t.checkedBody, { rows: notice.rows, range: write.owned })}{" "}
        <Link as="button" onClick={() => onSelect(write.owned)}>
          {t.showResults}
        </Link>
        {write.messages.length > 0 && (
          <ul className={styles.lines}>
            {write.messages.map((m) => (
              <li key={m.code}>{pick(m.text)}</li>
            ))}
          </ul>
        )}
      </NoticeBar>
    );
  } else if (notice?.kind === "cleared") {
    main = (
      <NoticeBar intent="info" testId="notice-cleared" title={t.clearedTitle} onDismiss={onDismiss}>
        <ClearLines report={notice.report} shownRemoved={notice.shownRemoved ? t.clearedShownCheck : null} className={styles.lines} />
      </NoticeBar>
    );
  }
  return (
    <>
      {hint && (
        <NoticeBar intent="info">{hint.kind === "sheetChanged" ? fmt(t.sheetChanged, { sheet: hint.sheet }) : t.overrideOutside}</NoticeBar>
      )}
      {main}
    </>
  );
}

/** What clearing removed from the sheets, then what it removed from the pane. */
export function ClearLines({ report, shownRemoved = null, className }: { report: ClearReport; shownRemoved?: string | null; className: string }) {
  const { t } = useLocale();
  const lines = [
    ...report.cleared.map((c) => (c.deletedSheet ? fmt(t.clearedSheet, { sheet: c.sheet }) : fmt(t.clearedRange, { range: c.owned }))),
    ...report.skipped.map((s) => fmt(s.reason === "gone" ? t.skippedGone : t.skippedChanged, { range: s.owned })),
  ];
  if (lines.length === 0) lines.push(t.clearedNothing);
  if (shownRemoved) lines.push(shownRemoved);
  return (
    <ul className={className}>
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}
