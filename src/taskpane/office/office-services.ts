// Real Excel: the office.js adapter and the workbook's own settings. Loaded with the pane's chunk.
import { createOfficeSheetAdapter } from "../../excel";
import type { PaneServices } from "./services";
import { createOfficeSettingsStore } from "../settings/settings-store";

export function createOfficeServices(): PaneServices {
  return { adapter: createOfficeSheetAdapter(), settingsStore: createOfficeSettingsStore() };
}
