import { Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ROLES } from "../../core/table-finder";
import { useLocale } from "../i18n/locale";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  roles: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
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
    <section className={styles.root} aria-labelledby="jx-table" data-testid="detected-table">
      <Subtitle2 as="h2" id="jx-table">
        {t.tableTitle}
      </Subtitle2>
      <dl className={styles.roles}>
        <dt className={styles.term}>{t.summarySheet}</dt>
        <dd className={styles.value}>{sheet}</dd>
        <dt className={styles.term}>{t.headerRow}</dt>
        <dd className={styles.value} data-testid="header-row">
          {headerRow}
        </dd>
        {ROLES.map((role) => (
          <div key={role} style={{ display: "contents" }}>
            <dt className={styles.term}>{t[`role_${role}`]}</dt>
            <dd className={columns[role] ? styles.value : styles.missing} data-testid={`column-${role}`}>
              {columns[role] ?? t.roleNotFound}
            </dd>
          </div>
        ))}
      </dl>
      {overridden && <Text size={200}>{t.overridesActive}</Text>}
      <Button size="small" onClick={onChange} disabled={disabled}>
        {t.changeColumns}
      </Button>
    </section>
  );
}
