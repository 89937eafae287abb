import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { ClearReport } from "../../excel";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
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
  const dismiss = (
    <MessageBarActions>
      <Button size="small" appearance="transparent" onClick={onDismiss}>
        {t.dismiss}
      </Button>
    </MessageBarActions>
  );
  let main = null;
  if (notice?.kind === "error") {
    main = (
      <MessageBar intent="error" layout="multiline" data-testid="notice-error">
        <MessageBarBody>
          <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
          {pick(notice.error)}
        </MessageBarBody>
        {dismiss}
      </MessageBar>
    );
  } else if (notice?.kind === "noTable") {
    main = (
      <MessageBar intent="warning" layout="multiline" data-testid="notice-no-table">
        <MessageBarBody>
          <MessageBarTitle>{t.noTableTitle}</MessageBarTitle>
          {pick(notice.reason)} {t.noTableHint}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (notice?.kind === "checked") {
    const { write } = notice;
    main = (
      <MessageBar intent="success" layout="multiline" data-testid="notice-checked">
        <MessageBarBody>
          <MessageBarTitle>{t.checkedTitle}</MessageBarTitle>
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
        </MessageBarBody>
        {dismiss}
      </MessageBar>
    );
  } else if (notice?.kind === "cleared") {
    main = (
      <MessageBar intent="info" layout="multiline" data-testid="notice-cleared">
        <MessageBarBody>
          <MessageBarTitle>{t.clearedTitle}</MessageBarTitle>
          <ClearLines report={notice.report} shownRemoved={notice.shownRemoved ? t.clearedShownCheck : null} className={styles.lines} />
        </MessageBarBody>
        {dismiss}
      </MessageBar>
    );
  }
  return (
    <>
      {hint && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{hint.kind === "sheetChanged" ? fmt(t.sheetChanged, { sheet: hint.sheet }) : t.overrideOutside}</MessageBarBody>
        </MessageBar>
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
