import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import { App } from "./App";
import type { HostState } from "../office/host";
import { currentLocale } from "../i18n/i18n";
import { LocaleContext, localeValue } from "../i18n/locale";
import type { PaneServices } from "../office/services";

export interface TaskPaneRootProps {
  state: HostState;
  services?: PaneServices | null;
}

/** The theme and the language (Office's display language once known) around the app. */
export function TaskPaneRoot({ state, services }: TaskPaneRootProps) {
  const locale = currentLocale(state.kind === "excel" ? state.displayLanguage : undefined);
  const value = useMemo(() => localeValue(locale), [locale]);
  return (
    <FluentProvider theme={webLightTheme} lang={locale} style={{ minHeight: "100vh" }}>
      <LocaleContext.Provider value={value}>
        <App state={state} services={services} />
      </LocaleContext.Provider>
    </FluentProvider>
  );
}
