/**
 * The list of problems or findings under its heading (docs/task-pane.md): "没有问题" when there
 * are none, the rows (finding-row-styles.ts), and a note when only the first are listed.
 */
import { Text } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { useFindingRowStyles } from "./finding-row-styles";
import { Section } from "./Section";

export interface FindingSectionProps {
  id: string;
  testId: string;
  total: number;
  listed: number;
  /** what the pane says when there are none */
  none: string;
  /** what it says when only `listed` of `total` are shown */
  truncated: string;
  children: ReactNode;
}

export function FindingSection({ id, testId, total, listed, none, truncated, children }: FindingSectionProps) {
  const { t } = useLocale();
  const styles = useFindingRowStyles();
  return (
    <Section id={id} title={fmt(t.problemsTitle, { n: total })} testId={testId}>
      {total === 0 && <Text>{none}</Text>}
      <ul className={styles.list}>{children}</ul>
      {listed < total && (
        <Text size={200} className={styles.note}>
          {truncated}
        </Text>
      )}
    </Section>
  );
}
