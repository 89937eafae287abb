// What the Excel part of the pane talks to: injected, so tests pass a memory workbook or a fake.
import type { SheetAdapter } from "../../excel";
import type { SettingsStore } from "../settings/settings-store";

export interface PaneServices {
  adapter: SheetAdapter;
  settingsStore: SettingsStore;
  /**
   * Save a file the pane made (the report's .docx) where the host lets a pane save one: a download
   * in a browser (Excel on the web, the preview). Absent where it cannot: the pane then offers none.
   */
  saveFile?: (name: string, bytes: Uint8Array, mimeType: string) => void;
}
