/**
 * The preview's workbook: the memory workbook (office.js semantics) behind the real task pane's
 * services, and a change signal for the grid view. Every batch the adapter runs, and every edit
 * made in the grid, ends with `changed()`, so the grid re-reads the workbook after each sync.
 */
import { rangeA1 } from "../core/basics/address";
import { createSheetAdapter } from "../excel";
import { type MemoryExcel, createMemoryExcel } from "../memory-excel";
import type { PaneServices } from "../taskpane/office/services";
import { browserDownload } from "../taskpane/office/download";
import { createMemorySettingsStore } from "../taskpane/settings/settings-store";
import type { SampleSheet } from "./sample-indicators";
import { rectangular } from "./tsv";

export interface PreviewWorkbook {
  readonly xl: MemoryExcel;
  /** what the task pane talks to: the adapter on this workbook, settings kept in memory */
  readonly services: PaneServices;
  subscribe(listener: () => void): () => void;
  /** a number that changes whenever the workbook may have */
  version(): number;
  changed(): void;
  addSample(sample: SampleSheet): void;
  /**
   * Text entered at a cell (or pasted from it down and right), read as Excel reads typed input:
   * "12%" is 0.12, "'007" is text, "=…" a formula. Rejects as Excel would (a protected sheet).
   */
  enter(sheet: string, row: number, col: number, rows: string[][]): Promise<void>;
}

export function createPreviewWorkbook(): PreviewWorkbook {
  const xl = createMemoryExcel();
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = () => {
    version++;
    for (const l of [...listeners]) l();
  };
  // Excel.run for the adapter: the grid hears of every batch, failed ones too (what synced stays)
  const run: MemoryExcel["run"] = (batch) => xl.run(batch).finally(changed);
  const adapter = createSheetAdapter({ run, isSetSupported: xl.requirements.isSetSupported });

  return {
    xl,
    // the preview is a browser page: the report's .docx is saved as a download
    services: { adapter, settingsStore: createMemorySettingsStore(), saveFile: browserDownload },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    changed,
    addSample(sample) {
      const sheet = xl.workbook.addSheet({ name: sample.name, values: sample.values, numberFormats: sample.numberFormats });
      for (const m of sample.merges) sheet.merge(m);
      for (const [column, points] of Object.entries(sample.widths)) sheet.setColumnWidth(column, points);
      if (sample.headerFill) sheet.setFill(sample.headerFill.range, sample.headerFill.color);
      changed();
    },
    async enter(sheet, row, col, rows) {
      const values = rectangular(rows);
      const address = rangeA1(row, col, row + values.length - 1, col + values[0].length - 1);
      await run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).getRange(address).values = values;
      });
    },
  };
}
