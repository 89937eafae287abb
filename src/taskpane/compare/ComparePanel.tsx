import {
  Button,
  Checkbox,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { NoticeBar } from "../shell/NoticeBar";
import { FigureItem, FigureList, PanelHint, RunBar, Section } from "../shell/Section";
import { SeverityBadge } from "../shell/SeverityBadge";
import type { CompareModel, CompareView, OwnRead } from "./use-compare";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  group: { display: "flex", flexDirection: "column", margin: 0, padding: 0, border: "none", minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sheetRow: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  sheetField: { flexGrow: 1, minWidth: "140px" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  plain: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
  line: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline" },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface ComparePanelProps {
  model: CompareModel;
}

/** 生成对比表: template, departments, the own department from a sheet, then build and report. */
export function ComparePanel({ model }: ComparePanelProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const { busy, engine } = model;
  const working = busy !== null;
  const template = model.templates.find((c) => c.id === model.templateId);

  return (
    <div className={styles.root}>
      <RunBar busy={busy}>
        <Button appearance="primary" disabled={working || !engine || model.chosenCount === 0} onClick={() => void model.build()}>
          {t.compareBuild}
        </Button>
      </RunBar>
      {!model.view && (
        <PanelHint>{t.compareHint}</PanelHint>
      )}
      {model.error && (
        <NoticeBar intent="error" testId="compare-error" title={t.errorTitle} onDismiss={model.dismissError}>
          {pick(model.error)}
        </NoticeBar>
      )}
      {model.view && <CompareReport view={model.view} onShow={model.showSheet} />}
      {model.engineState === "failed" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t.compareLoadFailed}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={model.retryEngine}>
              {t.retry}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!engine && model.engineState !== "failed" && <Spinner size="small" label={t.compareLoading} />}
      {engine && (
        <>
          <Field label={t.compareTemplate} hint={template ? fmt(t.compareTemplateSheet, { sheet: template.sheetName }) : undefined}>
            <RadioGroup value={model.templateId} disabled={working} onChange={(_, d) => model.setTemplateId(d.value as typeof model.templateId)}>
              {model.templates.map((c) => (
                <Radio key={c.id} value={c.id} label={pick(c.title)} />
              ))}
            </RadioGroup>
          </Field>
          <fieldset className={styles.group} data-testid="compare-departments">
            <legend className={styles.legend}>{t.compareDepartments}</legend>
            {model.ownDepartment && (
              <Checkbox
                checked={model.ownIncluded}
                disabled={working}
                label={engine.departmentHeader(model.ownDepartment)}
                onChange={(_, d) => model.setOwnIncluded(d.checked === true)}
              />
            )}
            {model.seeds.map((d) => (
              <Checkbox
                key={d.id}
                checked={!model.excluded.has(d.id)}
                disabled={working}
                label={engine.departmentHeader(d)}
                title={d.name}
                onChange={(_, data) => model.toggleDepartment(d.id, data.checked === true)}
              />
            ))}
            {model.chosenCount === 0 && (
              <Text size={200} className={styles.error}>
                {t.compareNoDepartment}
              </Text>
            )}
          </fieldset>
          <Section id="jx-own" title={t.ownTitle}>
            <div className={styles.sheetRow}>
              <Field className={styles.sheetField} label={t.ownSheet} hint={t.ownHint}>
                <Select value={model.ownSheet} disabled={working || model.sheets === null} onChange={(_, d) => void model.chooseOwnSheet(d.value)}>
                  <option value="">{t.ownNone}</option>
                  {(model.sheets ?? []).map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                  {model.ownSheet !== "" && !(model.sheets ?? []).includes(model.ownSheet) && <option value={model.ownSheet}>{model.ownSheet}</option>}
                </Select>
              </Field>
              <Button size="small" disabled={working} onClick={() => void model.listSheets()}>
                {t.ownRefresh}
              </Button>
            </div>
            {model.own && <OwnReading own={model.own} />}
          </Section>
        </>
      )}
    </div>
  );
}

function OwnReading({ own }: { own: OwnRead }) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const { department, read, messages } = own.result;
  return (
    <div className={styles.section} data-testid="own-read">
      <Text>{department ? fmt(t.ownRead, { sheet: own.sheet, n: read.length }) : fmt(t.ownReadNothing, { sheet: own.sheet })}</Text>
      {department && read.length > 0 && (
        <ul className={styles.list}>
          {read.map((r) => {
            const f = department.figures[r.figure];
            const value = f?.asWritten ?? (f?.value !== undefined ? `${f.value}${f.unit === "text" ? "" : f.unit}` : (f?.text ?? ""));
            return <li key={`${r.figure}@${r.cell}`}>{fmt(t.ownFigure, { label: own.labels[r.figure] ? pick(own.labels[r.figure]) : r.figure, cell: r.cell, value })}</li>;
          })}
        </ul>
      )}
      {messages.length > 0 && (
        <ul className={styles.plain}>
          {messages.map((m, i) => (
            <li key={i} className={styles.line}>
              <SeverityBadge severity={m.severity} />
              <span>{pick(m.text)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CompareReport({ view, onShow }: { view: CompareView; onShow(sheet: string): void }) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const { report } = view;
  const parts = [report.table ? t.compareTableMade : null, report.chart ? t.compareChartMade : null, report.notesWritten > 0 ? fmt(t.compareNotesMade, { n: report.notesWritten }) : null].filter(
    (p): p is string => p !== null,
  );
  return (
    <>
      <NoticeBar intent="success" testId="compare-report" title={t.compareDoneTitle}>
        {fmt(report.replaced ? t.compareDoneReplaced : t.compareDoneNew, { sheet: report.sheet })}{" "}
        {parts.length > 0 && <>{fmt(t.compareIncludes, { parts: parts.join(t.listSeparator) })} </>}
        <Link as="button" onClick={() => onShow(report.sheet)}>
          {t.compareShowSheet}
        </Link>
      </NoticeBar>
      <Section id="jx-missing" title={t.compareMissingTitle} testId="compare-missing">
        <FigureList>
          {view.missing.map((m) => (
            <FigureItem key={m.header} term={m.header} termClassName={styles.term} valueClassName={styles.value}>
              {m.rows.length === 0 ? t.compareMissingNone : m.rows.map((r) => fmt(t.compareMissingRow, { label: pick(r) })).join(t.listSeparator)}
            </FigureItem>
          ))}
        </FigureList>
      </Section>
      {view.messages.length > 0 && (
        <Section id="jx-compare-notes" title={t.compareNotesTitle} testId="compare-notes">
          <ul className={styles.list}>
            {view.messages.map((m) => (
              <li key={m.key}>{pick(m.text)}</li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
