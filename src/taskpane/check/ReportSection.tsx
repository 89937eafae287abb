import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { quoteSheet } from "../../core/basics/address";
import { reportParagraphs } from "../../core/report/build";
import type { RunReportOptions } from "../../excel";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { NoticeBar } from "../shell/NoticeBar";
import type { ReportModel } from "./use-report";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  link: { justifyContent: "flex-start", minWidth: 0, overflowWrap: "anywhere", textAlign: "start" },
});

export interface ReportSectionProps {
  model: ReportModel;
  /** what the report's check runs with: the checked sheet and the settings of the check shown */
  options: RunReportOptions;
  disabled: boolean;
  /** the settings changed since the check shown */
  stale: boolean;
}

/** 生成自评报告: after a check, the button, what was written, and the .docx where the host can save one. */
export function ReportSection({ model, options, disabled, stale }: ReportSectionProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const d = model.drafted;
  return (
    <section className={styles.root} aria-label={t.reportTitle} data-testid="report-section">
      <Button disabled={disabled || stale} onClick={() => model.start(options)} data-testid="report-make">
        {t.reportMake}
      </Button>
      {!d && !model.error && (
        <Text size={200} className={styles.meta}>
          {stale ? t.reportStale : t.reportHint}
        </Text>
      )}
      {model.error && (
        <NoticeBar intent="error" onDismiss={model.dismiss}>
          {pick(model.error)}
        </NoticeBar>
      )}
      {d && (
        <>
          <Text data-testid="report-done">
            {fmt(t.reportDone, { sheet: d.write.sheet, paragraphs: String(reportParagraphs(d.report).length), pending: String(d.report.placeholders.length) })}
          </Text>
          {!d.report.final && (
            <Text size={200} className={styles.meta} data-testid="report-provisional">
              {t.reportProvisional}
            </Text>
          )}
          <div className={styles.row}>
            <Button size="small" appearance="subtle" className={styles.link} disabled={disabled} onClick={() => model.select(`${quoteSheet(d.write.sheet)}!A1`)}>
              {fmt(t.reportOpen, { sheet: d.write.sheet })}
            </Button>
            {model.download && (
              <Button size="small" disabled={disabled} onClick={() => model.download?.()} data-testid="report-docx">
                {t.reportDownload}
              </Button>
            )}
          </div>
          {model.saved && (
            <Text size={200} className={styles.meta} data-testid="report-saved">
              {fmt(t.reportDownloaded, { file: model.saved })}
            </Text>
          )}
        </>
      )}
    </section>
  );
}
