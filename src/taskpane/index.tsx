import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { detectHost, type HostState } from "./host";
import { currentLocale, stringsFor } from "./i18n";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

function render(state: HostState): void {
  const locale = currentLocale(state.kind === "excel" ? state.displayLanguage : undefined);
  root.render(
    <FluentProvider theme={webLightTheme} lang={locale} style={{ minHeight: "100vh" }}>
      <App state={state} strings={stringsFor(locale)} />
    </FluentProvider>,
  );
}

render({ kind: "loading" });
void detectHost().then(render);
