import { Link, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../core/messages";
import { fmt } from "./i18n";
import { useLocale } from "./locale";
import type { ProblemList as Problems } from "./problems";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  item: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "baseline", textAlign: "start" },
  severity: {
    flexShrink: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  info: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  name: { color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface ProblemListProps {
  problems: Problems;
  disabled: boolean;
  onSelect(address: string): void;
}

/** Table-level findings, then each row's errors and warnings; a problem with a cell selects it. */
export function ProblemList({ problems, disabled, onSelect }: ProblemListProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const badge = (severity: Severity) => <span className={mergeClasses(styles.severity, styles[severity])}>{t[`severity_${severity}`]}</span>;
  return (
    <section className={styles.root} aria-labelledby="jx-problems" data-testid="problems">
      <Subtitle2 as="h2" id="jx-problems">
        {fmt(t.problemsTitle, { n: problems.total })}
      </Subtitle2>
      {problems.total === 0 && <Text>{t.noProblems}</Text>}
      <ul className={styles.list}>
        {problems.listed.map((p) => {
          const body = (
            <>
              {badge(p.severity)} <span className={styles.cell}>{p.cell ?? t.tableLevel}</span> {p.name && <span className={styles.name}>{p.name}</span>}{" "}
              <span>{pick(p)}</span>
            </>
          );
          return (
            <li key={p.key}>
              {p.address ? (
                <Link as="button" className={styles.item} disabled={disabled} onClick={() => onSelect(p.address!)}>
                  {body}
                </Link>
              ) : (
                <Text className={styles.item}>{body}</Text>
              )}
            </li>
          );
        })}
      </ul>
      {problems.listed.length < problems.total && (
        <Text size={200} className={styles.note}>
          {fmt(t.problemsTruncated, { shown: problems.listed.length, total: problems.total })}
        </Text>
      )}
    </section>
  );
}
