import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { CHECKS, type Check, type Finding } from "../../core/audit/finding";
import { CHECK_NAMES } from "../../core/audit/messages";
import { busyLabel } from "../shell/busy";
import { fmt } from "../i18n/i18n";
import { useFindingRowStyles } from "../shell/finding-row-styles";
import { useLongText } from "../shell/LongText";
import { useLocale } from "../i18n/locale";
import { ClearLines } from "../shell/Notices";
import { SeverityBadge } from "../shell/SeverityBadge";
import { type AuditModel, type AuditView, findingAddress } from "./use-audit";

/** Findings rendered; the rest are on the sheet. */
export const MAX_FINDINGS_LISTED = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  figures: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: "none" },
  count: {
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "baseline",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
  },
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
  const dismiss = (
    <MessageBarActions>
      <Button size="small" appearance="transparent" onClick={model.dismissNotice}>
        {t.dismiss}
      </Button>
    </MessageBarActions>
  );

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={working} onClick={() => void model.audit()}>
          {t.auditRun}
        </Button>
        <Button disabled={working} onClick={() => void model.clear()}>
          {t.clearResults}
        </Button>
        {busy !== null && <Spinner size="tiny" label={busyLabel(t, busy)} />}
      </div>
      {!view && !notice && (
        <Text size={200} className={styles.hint}>
          {t.auditHint}
        </Text>
      )}
      {notice?.kind === "error" && (
        <MessageBar intent="error" layout="multiline" data-testid="audit-error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {pick(notice.error)}
          </MessageBarBody>
          {dismiss}
        </MessageBar>
      )}
      {notice?.kind === "noStatement" && (
        <MessageBar intent="warning" layout="multiline" data-testid="audit-no-statement">
          <MessageBarBody>
            <MessageBarTitle>{notice.why === "no-statement" ? t.auditNotStatementTitle : notice.why === "nothing-to-check" ? t.auditNothingToCheckTitle : t.noStatementTitle}</MessageBarTitle>
            {notice.sheet ? fmt(t.noStatementOn, { sheet: notice.sheet, reason: pick(notice.reason) }) : pick(notice.reason)}
          </MessageBarBody>
          {dismiss}
        </MessageBar>
      )}
      {notice?.kind === "cleared" && (
        <MessageBar intent="info" layout="multiline" data-testid="audit-cleared">
          <MessageBarBody>
            <MessageBarTitle>{t.clearedTitle}</MessageBarTitle>
            <ClearLines report={notice.report} shownRemoved={notice.shownRemoved ? t.clearedShownAudit : null} className={styles.lines} />
          </MessageBarBody>
          {dismiss}
        </MessageBar>
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
  // the engine's notes, then the adapter's (hidden or filtered rows, notes unsupported…)
  const notes = [...result.messages, ...view.writes.flatMap((w) => w.messages)];
  return (
    <section className={styles.section} aria-labelledby="jx-audit-summary" data-testid="audit-summary">
      <Subtitle2 as="h2" id="jx-audit-summary">
        {t.auditSummaryTitle}
      </Subtitle2>
      <dl className={styles.figures}>
        <dt className={styles.term}>{t.summarySheet}</dt>
        <dd className={styles.value}>{result.sheet}</dd>
        <dt className={styles.term}>{t.auditTables}</dt>
        <dd className={styles.value} data-testid="audit-tables">
          {result.tables.length}
        </dd>
        <dt className={styles.term}>{t.auditTextCells}</dt>
        <dd className={styles.value} data-testid="audit-text-cells">
          {result.textCells.length}
        </dd>
        <dt className={styles.term}>{t.auditFigures}</dt>
        <dd className={styles.value} data-testid="audit-figures">
          {result.figureCount}
        </dd>
        <dt className={styles.term}>{t.auditPassed}</dt>
        <dd className={styles.value} data-testid="audit-passed">
          {result.passed.length}
        </dd>
        <dt className={styles.term}>{t.auditFindingCount}</dt>
        <dd className={styles.value} data-testid="audit-finding-count">
          {result.findings.length}
        </dd>
      </dl>
      <ul className={styles.counts} aria-label={t.auditByCheck}>
        {CHECKS.map((c) => (
          <li key={c} className={byCheck[c] > 0 ? `${styles.count} ${styles.countHit}` : styles.count} data-testid={`audit-check-${c}`}>
            <span>{pick(CHECK_NAMES[c].name)}</span>
            <strong>{byCheck[c]}</strong>
          </li>
        ))}
      </ul>
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
    </section>
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
  const styles = { ...useFindingRowStyles(), ...useStyles() };
  const listed = findings.slice(0, MAX_FINDINGS_LISTED);
  return (
    <section className={styles.section} aria-labelledby="jx-findings" data-testid="audit-findings">
      <Subtitle2 as="h2" id="jx-findings">
        {fmt(t.problemsTitle, { n: findings.length })}
      </Subtitle2>
      {findings.length === 0 && <Text>{t.auditNoFindings}</Text>}
      <ul className={styles.list}>
        {listed.map((f, i) => (
          <FindingItem key={`${f.cell}.${f.check}.${i}`} finding={f} message={pick(f.message)} disabled={disabled} onSelect={onSelect} />
        ))}
      </ul>
      {listed.length < findings.length && (
        <Text size={200} className={styles.note}>
          {fmt(t.auditFindingsTruncated, { shown: listed.length, total: findings.length })}
        </Text>
      )}
    </section>
  );
}
