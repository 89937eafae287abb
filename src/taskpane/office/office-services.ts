// Real Excel: the office.js adapter and the workbook's own settings. Loaded with the pane's chunk.
import { createOfficeSheetAdapter } from "../../excel";
import type { PaneServices } from "./services";
import { createOfficeSettingsStore } from "../settings/settings-store";
import { browserDownload } from "./download";

/** Excel on the web runs the pane in the browser, where a download saves a file; the desktop hosts' web views may not. */
function inBrowserHost(): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.OfficeOnline;
  } catch {
    return false;
  }
}

export function createOfficeServices(): PaneServices {
  return { adapter: createOfficeSheetAdapter(), settingsStore: createOfficeSettingsStore(), ...(inBrowserHost() ? { saveFile: browserDownload } : {}) };
}
