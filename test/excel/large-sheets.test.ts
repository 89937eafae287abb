import { createMemoryExcel } from "../../src/memory-excel";
import { PAYLOAD_LIMIT } from "../../src/excel/payload";
import type { ValidateRun } from "../../src/excel/adapter-types";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { indicatorTable } from "./indicator-grid";

function setup(rows: number, layout: "blocks" | "mixed" = "blocks") {
  const xl = createMemoryExcel({ sheets: [{ name: "Sheet1", values: indicatorTable(rows, layout) }] });
  const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
  return { xl, adapter };
}

function ok(run: ValidateRun): Extract<ValidateRun, { ok: true }> {
  if (!run.ok) throw new Error(`validation failed: ${run.reason.en}`);
  return run;
}

/** Operations that colour cells: range fills and fonts, conditional formats and their parts. */
function formatOps(ops: Record<string, number>): number {
  return Object.entries(ops)
    .filter(([k]) => k.startsWith("format.fill") || k.startsWith("format.font.color") || k === "conditionalFormats.add")
    .reduce((n, [, v]) => n + v, 0);
}

/** Operations of the final optional sync (docs/excel-platform.md): notes and column widths only. */
const OPTIONAL_OPS = new Set(["notes.add", "format.columnWidth"]);

/** The syncs that carry the run (at most 3), the optional formatting sync after them not counted (docs/excel-platform.md). */
function carrying(xl: ReturnType<typeof setup>["xl"], syncs: number): number {
  const last = xl.stats.log[xl.stats.log.length - 1];
  const optionalOnly = last !== undefined && Object.keys(last.ops).every((k) => OPTIONAL_OPS.has(k) || k.startsWith("application."));
  return optionalOnly ? syncs - 1 : syncs;
}

const GREEN = { fill: "#C6EFCE", fontColor: "#006100" };
const RED = { fill: "#FFC7CE", fontColor: "#9C0006" };

test("10,000 indicator rows: at most 3 syncs carry the run, first run and re-run, then one for notes and widths", async () => {
  const { xl, adapter } = setup(10_000);
  const first = ok(await adapter.runValidate());
  expect(carrying(xl, first.syncs)).toBeLessThanOrEqual(3);
  expect(first.syncs - carrying(xl, first.syncs)).toBe(1);
  expect(xl.stats.syncs).toBe(first.syncs);
  xl.stats.reset();
  const again = ok(await adapter.runValidate());
  expect(carrying(xl, again.syncs)).toBeLessThanOrEqual(3);
  expect(xl.stats.log.every((s) => s.requestBytes <= PAYLOAD_LIMIT && s.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
  expect(xl.workbook.sheet("Sheet1").values("F10001:F10001")).toEqual([["无法核对"]]);
});

test("10,000 rows with statuses mixed row by row: one conditional format per status, ≤ 3 syncs carry the run", async () => {
  const { xl, adapter } = setup(10_000, "mixed");
  const run = ok(await adapter.runValidate());
  expect(carrying(xl, run.syncs)).toBeLessThanOrEqual(3);
  expect(run.write).toMatchObject({ fillMethod: "conditionalFormats", fillOperations: 5 });
  expect(xl.stats.ops["conditionalFormats.add"]).toBe(5);
  // the header row's fill and font are the only range formats
  expect(xl.stats.ops["format.fill.color"]).toBe(1);
  expect(xl.stats.ops["format.font.color"]).toBe(1);
  expect(formatOps(xl.stats.ops)).toBe(5 + 2);
  const s = xl.workbook.sheet("Sheet1");
  expect(s.values("F9997:F9998")).toEqual([["达标"], ["未达标"]]);
  expect(s.displayed("F9997")).toEqual(GREEN);
  expect(s.displayed("F9998")).toEqual(RED);
  xl.stats.reset();
  const again = ok(await adapter.runValidate());
  expect(carrying(xl, again.syncs)).toBeLessThanOrEqual(3);
  expect(xl.stats.ops["conditionalFormats.add"]).toBe(5);
  expect(xl.workbook.getConditionalFormats("Sheet1")).toHaveLength(5);
});

test("100,000 rows mixed row by row: reads and writes are chunked, no sync exceeds 5 MB, 5 conditional formats", async () => {
  const { xl, adapter } = setup(100_000, "mixed");
  const input = xl.workbook.sheet("Sheet1").values("A99990:E100001");
  const run = ok(await adapter.runValidate());
  // one response would be over the limit: the read falls back to row chunks
  expect(xl.stats.log.some((s) => s.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  const writes = xl.stats.log.filter((s) => s.ops["range.values"]);
  expect(writes.length).toBeGreaterThan(1);
  expect(run.write.writeSyncs).toBeGreaterThanOrEqual(writes.length);
  // about payload / 4 MB write syncs
  expect(run.write.writeSyncs).toBeLessThanOrEqual(Math.ceil(run.write.requestBytes / 4_000_000) + 1);
  for (const s of xl.stats.log) {
    expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    if (!s.error) expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  }
  const sheet = xl.workbook.sheet("Sheet1");
  expect(sheet.values("A99990:E100001")).toEqual(input);
  expect(sheet.values("F100001:F100001")).toEqual([["无法核对"]]);
  expect(sheet.displayed("F100001")).toEqual({ fill: "#FFEB9C", fontColor: "#9C5700" });
  expect(sheet.displayed("F99997")).toEqual(GREEN);
  expect(sheet.displayed("F99998")).toEqual(RED);
  // colouring does not grow with the rows: one conditional format per status
  expect(run.write).toMatchObject({ fillMethod: "conditionalFormats", fillOperations: 5 });
  expect(xl.stats.ops["conditionalFormats.add"]).toBe(5);
  expect(formatOps(xl.stats.ops)).toBe(5 + 2);
  expect(xl.workbook.getConditionalFormats("Sheet1").map((cf) => cf.range)).toEqual(Array(5).fill("F2:F100001"));
});
