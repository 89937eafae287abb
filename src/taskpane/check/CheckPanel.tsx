import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { ColumnPicker } from "./ColumnPicker";
import { DetectedTable } from "./DetectedTable";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { NoticeBar } from "../shell/NoticeBar";
import { Notices } from "../shell/Notices";
import { PanelHint, RunBar } from "../shell/Section";
import { ProblemList } from "./ProblemList";
import { ReviewAllSection } from "../audit/ReviewAllSection";
import { collectProblems } from "./problems";
import { SettingsPanel } from "../settings/SettingsPanel";
import { SummaryView } from "./SummaryView";
import type { PaneModel } from "../shell/use-pane";
import type { ReviewAllModel } from "../audit/use-review-all";
import { ReportSection } from "./ReportSection";
import type { ReportModel } from "./use-report";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

export interface CheckPanelProps {
  pane: PaneModel;
  /** 核对全部工作表, when the pane offers it */
  reviewAll?: ReviewAllModel;
  /** 生成自评报告, offered after a check */
  report?: ReportModel;
}

/** 核对指标: check, clear, results, problems, table layout and settings. */
export function CheckPanel({ pane, reviewAll, report }: CheckPanelProps) {
  const { t } = useLocale();
  const styles = useStyles();
  const { busy, view, picker, settings } = pane;
  const problems = useMemo(() => (view ? collectProblems(view.result) : null), [view]);
  const stale = view !== null && JSON.stringify(view.settings) !== JSON.stringify(settings);
  const working = busy !== null;

  return (
    <div className={styles.root}>
      <RunBar busy={busy}>
        <Button appearance="primary" disabled={working} onClick={() => pane.check()}>
          {t.checkIndicators}
        </Button>
        <Button disabled={working} onClick={() => pane.clear()}>
          {t.clearResults}
        </Button>
      </RunBar>
      {!view && !pane.notice && (
        <PanelHint>{t.checkHint}</PanelHint>
      )}
      {pane.settingsNotice && (
        <NoticeBar intent="warning" testId="settings-notice" onDismiss={pane.dismissSettingsNotice}>
          {pane.settingsNotice.kind === "invalidStored" ? t.settingsInvalidStored : fmt(t.settingsSaveFailed, { reason: pane.settingsNotice.reason })}
        </NoticeBar>
      )}
      <Notices notice={pane.notice} hint={pane.hint} onDismiss={pane.dismissNotice} onSelect={pane.select} />
      {picker && (
        <ColumnPicker
          key={`${picker.info.sheet}:${picker.initial.headerRow}:${JSON.stringify(picker.initial.columns)}`}
          info={picker.info}
          initial={picker.initial}
          overridden={pane.override !== null}
          disabled={working}
          onApply={(o) => pane.check(o)}
          onCancel={pane.closePicker}
          onReset={pane.resetOverride}
        />
      )}
      {view && <SummaryView result={view.result} unwritten={view.unwritten} stale={stale} />}
      {view && report && !view.unwritten && (
        <ReportSection model={report} options={{ sheet: view.result.sheet, settings: view.settings }} disabled={working} stale={stale} />
      )}
      {view && problems && <ProblemList problems={problems} disabled={working} onSelect={pane.select} />}
      {view && !picker && (
        <DetectedTable
          sheet={view.result.sheet}
          headerRow={view.result.headerRow}
          columns={view.result.columns}
          overridden={pane.override !== null}
          disabled={working}
          onChange={pane.openPicker}
        />
      )}
      {reviewAll && <ReviewAllSection model={reviewAll} settings={settings} disabled={working} />}
      <SettingsPanel settings={settings} onChange={pane.changeSettings} disabled={working} />
    </div>
  );
}
