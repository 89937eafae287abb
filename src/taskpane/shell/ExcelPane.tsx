import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { AuditPanel } from "../audit/AuditPanel";
import { CheckPanel } from "../check/CheckPanel";
import { ComparePanel } from "../compare/ComparePanel";
import { useLocale } from "../i18n/locale";
import type { PaneServices } from "../office/services";
import { useAudit } from "../audit/use-audit";
import { useCompare } from "../compare/use-compare";
import { usePane } from "./use-pane";
import { useReviewAll } from "../audit/use-review-all";
import { useReport } from "../check/use-report";
import { useRunner } from "./use-runner";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // one row at Excel's narrowest pane (320 px): no negative margin past the pane's edge, tabs that
  // shrink to their label rather than wrap (docs/task-pane.md)
  tabs: { flexWrap: "nowrap", minWidth: 0, "& > button": { minWidth: 0, flexShrink: 1, paddingInline: tokens.spacingHorizontalS } },
});

export type Job = "check" | "compare" | "audit";
const JOBS: readonly Job[] = ["check", "compare", "audit"];
const PANEL_ID = "jx-job-panel";
const tabId = (job: Job) => `jx-tab-${job}`;

export interface ExcelPaneProps {
  services: PaneServices;
}

/**
 * The pane inside Excel: three jobs, one tab each. Each job's state lives here, so switching
 * tabs keeps what was shown; one adapter call runs at a time across all of them.
 */
export function ExcelPane({ services }: ExcelPaneProps) {
  const { t } = useLocale();
  const styles = useStyles();
  const runner = useRunner();
  const pane = usePane(services, runner);
  const compare = useCompare(services, runner);
  const audit = useAudit(services, runner);
  const reviewAll = useReviewAll(services, runner);
  const report = useReport(services, runner);
  const [job, setJob] = useState<Job>("check");
  const label: Record<Job, string> = { check: t.tabCheck, compare: t.tabCompare, audit: t.tabAudit };

  // 清除结果 removes everything the add-in wrote: the other job's results are gone as well
  const { forget: forgetCheck } = pane;
  const { forget: forgetAudit } = audit;
  const { forget: forgetReviewAll } = reviewAll;
  const { forget: forgetReport } = report;
  useEffect(() => {
    if (audit.notice?.kind === "cleared") {
      forgetCheck();
      forgetReviewAll();
      forgetReport();
    }
  }, [audit.notice, forgetCheck, forgetReviewAll, forgetReport]);
  useEffect(() => {
    if (pane.notice?.kind === "cleared") {
      forgetAudit();
      forgetReviewAll();
      forgetReport();
    }
  }, [pane.notice, forgetAudit, forgetReviewAll, forgetReport]);

  // a new check (or its results gone) makes the drafted report's notice stale
  useEffect(() => {
    forgetReport();
  }, [pane.view, forgetReport]);

  const { open } = compare;
  useEffect(() => {
    if (job === "compare") open();
  }, [job, open]);

  return (
    <section className={styles.root}>
      <TabList
        className={styles.tabs}
        aria-label={t.jobsLabel}
        selectedValue={job}
        selectTabOnFocus
        onTabSelect={(_, data) => setJob(data.value as Job)}
      >
        {JOBS.map((j) => (
          <Tab key={j} id={tabId(j)} value={j} aria-controls={PANEL_ID}>
            {label[j]}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(job)} data-testid={`job-${job}`}>
        {job === "check" && <CheckPanel pane={pane} reviewAll={reviewAll} report={report} />}
        {job === "compare" && <ComparePanel model={compare} />}
        {job === "audit" && <AuditPanel model={audit} />}
      </div>
    </section>
  );
}

export default ExcelPane;
