import { Button, Link, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { CHECKS, type Check, type Finding } from "../../core/audit/finding";
import { CHECK_NAMES } from "../../core/audit/messages";
import { fmt } from "../i18n/i18n";
import { useFindingRowStyles } from "../shell/finding-row-styles";
import { FindingSection } from "../shell/FindingSection";
import { useLongText } from "../shell/LongText";
import { useLocale } from "../i18n/locale";
import { NoticeBar } from "../shell/NoticeBar";
import { ClearLines } from "../shell/Notices";
import { CountChip, CountList, FigureItem, FigureList, PanelHint, RunBar, Section } from "../shell/Section";
import { SeverityBadge } from "../shell/SeverityBadge";
import { type AuditModel, type AuditView, findingAddress } from "./use-audit";

/** Findings rendered; the rest are on the sheet. */
export const MAX_FINDINGS_LISTED = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  countNone: { backgroundColor: tokens.colorNeutralBackground3 },
  countHit: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground2 },
  lines: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  kind: { color: tokens.colorNeutralForeground2 },
});

export interface AuditPanelProps {
  model: AuditModel;
}

/** 核对收支表: audit the active sheet, the counts, the findings (each selects its cell), clear. */
export function AuditPanel({ model }: AuditPanelProps) {
  const { t, pick } = useLocale();
  const styles = { ...useFindingRowStyles(), ...useStyles() };
  const { busy, view, notice } = model;
  const working = busy !== null;

  return (
    <div className={styles.root}>
      <RunBar busy={busy}>
        <Button appearance="primary" disabled={working} onClick={() => void model.audit()}>
          {t.auditRun}
        </Button>
        <Button disabled={working} onClick={() => void model.clear()}>
          {t.clearResults}
        </Button>
      </RunBar>
      {!view && !notice && (
        <PanelHint>{t.auditHint}</PanelHint>
      )}
      {notice?.kind === "error" && (
        <NoticeBar intent="error" testId="audit-error" title={t.errorTitle} onDismiss={model.dismissNotice}>
          {pick(notice.error)}
        </NoticeBar>
      )}
      {notice?.kind === "noStatement" && (
        <NoticeBar
          intent="warning"
          testId="audit-no-statement"
          title={notice.why === "no-statement" ? t.auditNotStatementTitle : notice.why === "nothing-to-check" ? t.auditNothingToCheckTitle : t.noStatementTitle}
          onDismiss={model.dismissNotice}
        >
          {notice.sheet ? fmt(t.noStatementOn, { sheet: notice.sheet, reason: pick(notice.reason) }) : pick(notice.reason)}
        </NoticeBar>
      )}
      {notice?.kind === "cleared" && (
        <NoticeBar intent="info" testId="audit-cleared" title={t.clearedTitle} onDismiss={model.dismissNotice}>
          <ClearLines report={notice.report} shownRemoved={notice.shownRemoved ? t.clearedShownAudit : null} className={styles.lines} />
        </NoticeBar>
      )}
      {view && <AuditSummary view={view} disabled={working} onSelect={model.select} />}
      {view && <FindingList findings={view.result.findings} disabled={working} onSelect={model.select} />}
    </div>
  );
}

function AuditSummary({ view, disabled, onSelect }: { view: AuditView; disabled: boolean; onSelect(address: string): void }) {
  const { t, pick } = useLocale();
  const styles = { ...useFindingRowStyles(), ...useStyles() };
  const { result } = view;
  const byCheck = useMemo(() => {
    const counts = Object.fromEntries(CHECKS.map((c) => [c, 0])) as Record<Check, number>;
    for (const f of result.findings) counts[f.check]++;
    return counts;
  }, [result.findings]);
  const counts: [string, string, number][] = [
    [t.auditTables, "audit-tables", result.tables.length],
    [t.auditTextCells, "audit-text-cells", result.textCells.length],
    [t.auditFigures, "audit-figures", result.figureCount],
    [t.auditPassed, "audit-passed", result.passed.length],
    [t.auditFindingCount, "audit-finding-count", result.findings.length],
  ];
  // the engine's notes, then the adapter's (hidden or filtered rows, notes unsupported…)
  const notes = [...result.messages, ...view.writes.flatMap((w) => w.messages)];
  return (
    <Section id="jx-audit-summary" title={t.auditSummaryTitle} testId="audit-summary">
      <FigureList>
        <FigureItem term={t.summarySheet}>{result.sheet}</FigureItem>
        {counts.map(([term, testId, n]) => (
          <FigureItem key={testId} term={term} testId={testId}>
            {n}
          </FigureItem>
        ))}
      </FigureList>
      <CountList label={t.auditByCheck}>
        {CHECKS.map((c) => (
          <CountChip key={c} name={pick(CHECK_NAMES[c].name)} count={byCheck[c]} testId={`audit-check-${c}`} className={byCheck[c] > 0 ? styles.countHit : styles.countNone} />
        ))}
      </CountList>
      {view.writes.length > 0 && (
        <ul className={styles.lines}>
          {view.writes.map((w) => (
            <li key={w.owned}>
              <Link as="button" disabled={disabled} onClick={() => onSelect(w.owned)}>
                {fmt(t.auditWritten, { range: w.owned })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className={styles.lines} aria-label={t.auditNotesTitle}>
          {notes.map((m, i) => (
            <li key={i}>{pick(m.text)}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** One finding, a link to its cell; a long message cut short with 全文 beside it. */
function FindingItem({ finding: f, message, disabled, onSelect }: { finding: Finding; message: string; disabled: boolean; onSelect(address: string): void }) {
  const { pick } = useLocale();
  const styles = { ...useFindingRowStyles(), ...useStyles() };
  const { shown, toggle } = useLongText(message);
  return (
    <li>
      <Link as="button" className={styles.item} disabled={disabled} onClick={() => onSelect(findingAddress(f))}>
        <SeverityBadge severity={f.severity} /> <span className={styles.cell}>{f.cell}</span> <span className={styles.kind}>{pick(CHECK_NAMES[f.check].name)}</span>{" "}
        <span className={styles.message}>{shown}</span>
      </Link>
      {toggle}
    </li>
  );
}

function FindingList({ findings, disabled, onSelect }: { findings: Finding[]; disabled: boolean; onSelect(address: string): void }) {
  const { t, pick } = useLocale();
  const listed = findings.slice(0, MAX_FINDINGS_LISTED);
  return (
    <FindingSection
      id="jx-findings"
      testId="audit-findings"
      total={findings.length}
      listed={listed.length}
      none={t.auditNoFindings}
      truncated={fmt(t.auditFindingsTruncated, { shown: listed.length, total: findings.length })}
    >
      {listed.map((f, i) => (
        <FindingItem key={`${f.cell}.${f.check}.${i}`} finding={f} message={pick(f.message)} disabled={disabled} onSelect={onSelect} />
      ))}
    </FindingSection>
  );
}
