// What the Excel part of the pane talks to: injected, so tests pass a memory workbook or a fake.
import type { SheetAdapter } from "../../excel";
import type { SettingsStore } from "../settings/settings-store";

export interface PaneServices {
  adapter: SheetAdapter;
  settingsStore: SettingsStore;
}
