/**
 * What the add-in wrote, remembered in the workbook itself as a custom XML part in its own
 * namespace (ExcelApi 1.5): it is saved with the file, so "clear results" and re-runs work after
 * the workbook is closed and reopened, by any copy of the add-in.
 */
import { z } from "zod";

export const RECORD_NAMESPACE = "urn:jixiao:written-results:1";

export const WrittenOutputSchema = z.object({
  /**
   * what the output is: validate results (absent in records written before the other kinds, and
   * left out for them still), audit columns and lists, or a comparison sheet
   */
  kind: z.enum(["results", "audit", "comparison"]).optional(),
  /** the sheet the checked table is on, and its header row: one output per table */
  sourceSheet: z.string(),
  sourceHeaderRow: z.number().int().nonnegative(),
  /** the sheet written to */
  sheet: z.string(),
  mode: z.enum(["beside", "new_sheet"]),
  /** sheet-qualified A1 range of every cell written */
  owned: z.string(),
  /** the add-in created `sheet`: clearing deletes it */
  createdSheet: z.boolean(),
  /** the header row written, to recognise the block before clearing it */
  headers: z.array(z.string()),
  /** cells on `sheet` that carry a note the add-in added (ExcelApi 1.18) */
  notes: z.array(z.string()),
  /**
   * ranges on `sheet` (A1, "F2:F101") whose conditional formats the add-in added (ExcelApi 1.6):
   * the status column's data rows, which hold nothing of the user's. Absent in older records.
   */
  conditionalFormats: z.array(z.string()).default([]),
  /** widths (points) the columns had before the add-in set them */
  columnWidths: z.array(z.object({ column: z.number().int().positive(), points: z.number().nonnegative() })),
});
export type WrittenOutput = z.infer<typeof WrittenOutputSchema>;

export const WrittenRecordSchema = z.object({
  version: z.literal(1),
  outputs: z.array(WrittenOutputSchema),
});
export type WrittenRecord = z.infer<typeof WrittenRecordSchema>;

export const EMPTY_RECORD: WrittenRecord = { version: 1, outputs: [] };

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

export function recordToXml(record: WrittenRecord): string {
  return `<?xml version="1.0" encoding="UTF-8"?><jixiao xmlns="${RECORD_NAMESPACE}"><written>${escapeXml(JSON.stringify(record))}</written></jixiao>`;
}

/** The record in a part's XML; null when absent or not ours (parsed at the boundary, docs/rules.md §2). */
export function recordFromXml(xml: string): WrittenRecord | null {
  const m = /<written>([\s\S]*)<\/written>/.exec(xml);
  if (!m) return null;
  try {
    const parsed = WrittenRecordSchema.safeParse(JSON.parse(unescapeXml(m[1])));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
