import "./office/platform";
import { createRoot } from "react-dom/client";
import { detectHost, type HostState } from "./office/host";
import { currentLocale } from "./i18n/i18n";
import { TaskPaneRoot } from "./shell/Root";
import type { PaneServices } from "./office/services";

declare global {
  interface Window {
    /** set by engine-check.js when this engine cannot run the pane; it shows what to do instead */
    JIXIAO_UNSUPPORTED_ENGINE?: string;
  }
}

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html has no #container element");
const root = createRoot(container);

// Fetched while Office starts, so the pane is ready as soon as Excel is; unused outside Excel.
const officeServices = import(/* webpackChunkName: "excel" */ "./office/office-services");
officeServices.catch(() => undefined);

function render(state: HostState, services?: PaneServices | null): void {
  document.documentElement.lang = currentLocale(state.kind === "excel" ? state.displayLanguage : undefined);
  root.render(<TaskPaneRoot state={state} services={services} />);
}

if (window.JIXIAO_UNSUPPORTED_ENGINE === undefined) start();

function start(): void {
  render({ kind: "loading" });
  void detectHost().then(async (state) => {
    render(state);
    if (state.kind !== "excel") return;
    let services: PaneServices | null;
    try {
      services = (await officeServices).createOfficeServices();
    } catch {
      services = null;
    }
    render(state, services);
  });
}
