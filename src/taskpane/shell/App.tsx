import { MessageBar, MessageBarBody, Spinner, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { Component, type ReactNode, Suspense, lazy } from "react";
import type { HostState } from "../office/host";
import { useLocale } from "../i18n/locale";
import { OutsideExcel } from "./OutsideExcel";
import type { PaneServices } from "../office/services";

// The Excel part (engine, adapter, zod, the pane's forms) is its own chunk: the first script
// stays small and the message outside Excel shows without it.
const ExcelPane = lazy(() => import(/* webpackChunkName: "excel" */ "./ExcelPane"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    // Excel's narrowest pane is about 320 px: a narrower margin, and every text wraps at the pane's
    // width in any font (docs/task-pane.md): `anywhere` (inherited by every element) may break a run
    // of digits, quotes or Chinese without a break opportunity, and counts as such in min-content
    // sizes, so a flex or grid item never keeps a long unbreakable line wider than the pane
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    overflowWrap: "anywhere",
    // fields take the width they are given, never their longest option's: a dropdown stays whole
    // with its arrow inside the pane, its chosen text cut with … when longer
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Select": { width: "100%", minWidth: 0, maxWidth: "100%" },
    "& .fui-Select__select": { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
    "& .fui-Input": { width: "100%", minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
    "& .fui-Input__input": { width: "100%", minWidth: 0 },
    // a focused link (a problem, a finding, 选中结果区域) gets the buttons' focus ring, not only an underline
    "& .fui-Link:focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
      borderRadius: tokens.borderRadiusMedium,
    },
    "& .fui-Link[data-fui-focus-visible]": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: tokens.strokeWidthThin,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  headings: { display: "flex", flexDirection: "column", minWidth: 0 },
});

export interface AppProps {
  state: HostState;
  /** what the Excel pane talks to; undefined while it loads, null when it failed to load */
  services?: PaneServices | null;
}

export function App({ state, services }: AppProps) {
  const styles = useStyles();
  const { t } = useLocale();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img src="assets/icon-32.png" width={32} height={32} alt="" />
        <div className={styles.headings}>
          <Title3 as="h1">{t.title}</Title3>
          <Text size={200}>{t.subtitle}</Text>
        </div>
      </header>
      {state.kind === "loading" && <Spinner size="small" label={t.connecting} />}
      {state.kind === "outside" && <OutsideExcel reason={state.reason} strings={t} />}
      {state.kind === "excel" && services === undefined && <Spinner size="small" label={t.loadingPane} />}
      {state.kind === "excel" && services === null && <LoadFailed />}
      {state.kind === "excel" && services && (
        <LoadBoundary fallback={<LoadFailed />}>
          <Suspense fallback={<Spinner size="small" label={t.loadingPane} />}>
            <ExcelPane services={services} />
          </Suspense>
        </LoadBoundary>
      )}
    </main>
  );
}

function LoadFailed() {
  const { t } = useLocale();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>{t.loadFailed}</MessageBarBody>
    </MessageBar>
  );
}

/** A chunk that fails to load (or a render that throws) shows a message instead of a blank pane. */
class LoadBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
