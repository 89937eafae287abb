import { Link, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { fmt } from "../i18n/i18n";
import { useFindingRowStyles } from "../shell/finding-row-styles";
import { FindingSection } from "../shell/FindingSection";
import { useLongText } from "../shell/LongText";
import { SeverityBadge } from "../shell/SeverityBadge";
import { useLocale } from "../i18n/locale";
import type { ProblemList as Problems } from "./problems";

const useStyles = makeStyles({
  // the indicator name cut with …, whole in its tooltip and to screen readers
  nameLine: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", minWidth: 0 },
  name: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  entry: { minWidth: 0 },
});

type Problem = Problems["listed"][number];

/** One problem: a link to its cell when it has one; a long message cut short with 全文 beside it. */
function ProblemItem({ problem: p, message, disabled, onSelect }: { problem: Problem; message: string; disabled: boolean; onSelect(address: string): void }) {
  const { t } = useLocale();
  const styles = { ...useFindingRowStyles(), ...useStyles() };
  const { shown, toggle } = useLongText(message);
  const body = (
    <>
      <SeverityBadge severity={p.severity} /> <span className={styles.cell}>{p.cell ?? t.tableLevel}</span>{" "}
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
  return (
    <FindingSection
      id="jx-problems"
      testId="problems"
      total={problems.total}
      listed={problems.listed.length}
      none={t.noProblems}
      truncated={fmt(t.problemsTruncated, { shown: problems.listed.length, total: problems.total })}
    >
      {problems.listed.map((p) => (
        <ProblemItem key={p.key} problem={p} disabled={disabled} onSelect={onSelect} message={pick(p.text)} />
      ))}
    </FindingSection>
  );
}
