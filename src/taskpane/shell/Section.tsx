/**
 * The pieces every panel lays out alike (docs/task-pane.md): the run buttons with the busy
 * spinner and the hint under them, a titled section, a list of figures (term and value), and the counts as chips.
 */
import { Spinner, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { CSSProperties, ReactNode } from "react";
import { useLocale } from "../i18n/locale";
import { busyLabel } from "./busy";
import type { Busy } from "./use-runner";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  figures: { display: "grid", gridTemplateColumns: "fit-content(50%) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  // a term is as wide as it is written, up to half the pane; a longer one wraps
  term: { color: tokens.colorNeutralForeground3, minWidth: 0 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, minWidth: 0, overflowWrap: "anywhere" },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyleType: "none" },
  count: {
    display: "inline-flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "baseline",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
  },
});

/** A panel's buttons in one wrapping row, the spinner after them while a job works. */
export function RunBar({ busy, children }: { busy: Busy | null; children: ReactNode }) {
  const { t } = useLocale();
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      {children}
      {busy !== null && <Spinner size="tiny" label={busyLabel(t, busy)} />}
    </div>
  );
}

/** What a panel's first button does, shown until there is something to show. */
export function PanelHint({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <Text size={200} className={styles.hint}>
      {children}
    </Text>
  );
}

export interface SectionProps {
  /** the heading's id, which labels the section */
  id: string;
  title: ReactNode;
  testId?: string;
  /** replaces the default column layout */
  className?: string;
  children: ReactNode;
}

/** A section under an h2 heading that names it. */
export function Section({ id, title, testId, className, children }: SectionProps) {
  const styles = useStyles();
  return (
    <section className={className ?? styles.section} aria-labelledby={id} data-testid={testId}>
      <Subtitle2 as="h2" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

/** Terms and their values in two columns; the values wrap within the pane. */
export function FigureList({ className, children }: { className?: string; children: ReactNode }) {
  const styles = useStyles();
  return <dl className={mergeClasses(styles.figures, className)}>{children}</dl>;
}

export interface FigureItemProps {
  term: ReactNode;
  testId?: string;
  /** added to the value's style */
  className?: string;
  /** replaces the value's style */
  valueClassName?: string;
  /** replaces the term's style */
  termClassName?: string;
  /** the whole value, where it is shown cut short */
  title?: string;
  children: ReactNode;
}

/** One term and its value in a FigureList. */
export function FigureItem({ term, testId, className, valueClassName, termClassName, title, children }: FigureItemProps) {
  const styles = useStyles();
  return (
    <>
      <dt className={termClassName ?? styles.term}>{term}</dt>
      <dd className={valueClassName ?? mergeClasses(styles.value, className)} data-testid={testId} title={title}>
        {children}
      </dd>
    </>
  );
}

/** Counts as chips in a wrapping row. */
export function CountList({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <ul className={styles.counts} aria-label={label}>
      {children}
    </ul>
  );
}

export interface CountChipProps {
  name: ReactNode;
  count: number;
  testId: string;
  className?: string;
  style?: CSSProperties;
}

export function CountChip({ name, count, testId, className, style }: CountChipProps) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.count, className)} style={style} data-testid={testId}>
      <span>{name}</span>
      <strong>{count}</strong>
    </li>
  );
}
