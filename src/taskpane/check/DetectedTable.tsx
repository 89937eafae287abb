import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ROLES } from "../../core/forms/table-finder";
import { useLocale } from "../i18n/locale";
import { FigureItem, FigureList, Section } from "../shell/Section";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace },
  missing: { margin: 0, color: tokens.colorNeutralForeground4 },
});

export interface DetectedTableProps {
  sheet: string;
  headerRow: number;
  /** column letter per role, as the engine reports it */
  columns: Record<string, string>;
  overridden: boolean;
  disabled: boolean;
  onChange(): void;
}

/** The header row and the column of each role that the check used. */
export function DetectedTable({ sheet, headerRow, columns, overridden, disabled, onChange }: DetectedTableProps) {
  const { t } = useLocale();
  const styles = useStyles();
  return (
    <Section id="jx-table" title={t.tableTitle} testId="detected-table" className={styles.root}>
      <FigureList>
        <FigureItem term={t.summarySheet} valueClassName={styles.value}>
          {sheet}
        </FigureItem>
        <FigureItem term={t.headerRow} testId="header-row" valueClassName={styles.value}>
          {headerRow}
        </FigureItem>
        {ROLES.map((role) => (
          <FigureItem key={role} term={t[`role_${role}`]} testId={`column-${role}`} valueClassName={columns[role] ? styles.value : styles.missing}>
            {columns[role] ?? t.roleNotFound}
          </FigureItem>
        ))}
      </FigureList>
      {overridden && <Text size={200}>{t.overridesActive}</Text>}
      <Button size="small" onClick={onChange} disabled={disabled}>
        {t.changeColumns}
      </Button>
    </Section>
  );
}
