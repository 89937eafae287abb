import { Button, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { HostState } from "./host";
import type { Strings } from "./i18n";
import { OutsideExcel } from "./OutsideExcel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  headings: { display: "flex", flexDirection: "column" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  state: HostState;
  strings: Strings;
}

export function App({ state, strings }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={32} height={32} alt="" />
        <div className={styles.headings}>
          <Title3 as="h1">{strings.title}</Title3>
          <Text size={200}>{strings.subtitle}</Text>
        </div>
      </header>
      {state.kind === "loading" && <Spinner size="small" label={strings.connecting} />}
      {state.kind === "outside" && <OutsideExcel reason={state.reason} strings={strings} />}
      {state.kind === "excel" && (
        <section>
          <div className={styles.actions}>
            <Button appearance="primary" disabled>
              {strings.checkIndicators}
            </Button>
            <Button disabled>{strings.clearResults}</Button>
          </div>
          <Text as="p" size={200} className={styles.note}>
            {strings.comingSoon}
          </Text>
        </section>
      )}
    </main>
  );
}
