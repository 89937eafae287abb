import { Link, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/messages";
import type { ReactElement } from "react";
import { fmt } from "../i18n/i18n";
import { useLongText } from "../shell/LongText";
import { useLocale } from "../i18n/locale";
import type { ProblemList as Problems } from "./problems";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  // badge, cell and indicator name on one line (the name cut with …, whole in its tooltip and to
  // screen readers), the message below at the pane's full width
  item: {
    display: "grid",
    gridTemplateColumns: "max-content max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "baseline",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
  },
  message: { gridColumn: "1 / -1", minWidth: 0 },
  nameLine: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", minWidth: 0 },
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
  name: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  entry: { minWidth: 0 },
  note: { color: tokens.colorNeutralForeground3 },
});

type Problem = Problems["listed"][number];

/** One problem: a link to its cell when it has one; a long message cut short with 全文 beside it. */
function ProblemItem({ problem: p, badge, message, disabled, onSelect }: { problem: Problem; badge: ReactElement; message: string; disabled: boolean; onSelect(address: string): void }) {
  const { t } = useLocale();
  const styles = useStyles();
  const { shown, toggle } = useLongText(message);
  const body = (
    <>
      {badge} <span className={styles.cell}>{p.cell ?? t.tableLevel}</span>{" "}
      <span className={mergeClasses(styles.name, styles.nameLine)} title={p.name || undefined}>
        {p.name}
      </span>{" "}
      <span className={styles.message}>{shown}</span>
    </>
  );
  return (
    <li className={styles.entry}>
      {p.address ? (
        <Link as="button" className={styles.item} disabled={disabled} onClick={() => onSelect(p.address!)}>
          {body}
        </Link>
      ) : (
        <Text className={styles.item}>{body}</Text>
      )}
      {toggle}
    </li>
  );
}

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
        {problems.listed.map((p) => (
          <ProblemItem key={p.key} problem={p} badge={badge(p.severity)} disabled={disabled} onSelect={onSelect} message={pick(p)} />
        ))}
      </ul>
      {problems.listed.length < problems.total && (
        <Text size={200} className={styles.note}>
          {fmt(t.problemsTruncated, { shown: problems.listed.length, total: problems.total })}
        </Text>
      )}
    </section>
  );
}
