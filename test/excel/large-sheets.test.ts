import { createMemoryExcel } from "../../src/excel/memory-workbook";
import { PAYLOAD_LIMIT } from "../../src/excel/payload";
import { ValidateRun, createSheetAdapter } from "../../src/excel/sheet-adapter";
import { indicatorTable } from "./indicator-grid";

function setup(rows: number) {
  const xl = createMemoryExcel({ sheets: [{ name: "Sheet1", values: indicatorTable(rows, "blocks") }] });
  const adapter = createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported });
  return { xl, adapter };
}

function ok(run: ValidateRun): Extract<ValidateRun, { ok: true }> {
  if (!run.ok) throw new Error(`validation failed: ${run.reason}`);
  return run;
}

test("10,000 indicator rows: at most 3 syncs, first run and re-run", async () => {
  const { xl, adapter } = setup(10_000);
  const first = ok(await adapter.runValidate());
  expect(first.syncs).toBeLessThanOrEqual(3);
  expect(xl.stats.syncs).toBe(first.syncs);
  xl.stats.reset();
  const again = ok(await adapter.runValidate());
  expect(again.syncs).toBeLessThanOrEqual(3);
  expect(xl.stats.log.every((s) => s.requestBytes <= PAYLOAD_LIMIT && s.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
  expect(xl.workbook.sheet("Sheet1").values("F10001:F10001")).toEqual([["无法核对"]]);
});

test("100,000 rows: reads and writes are chunked and no sync exceeds 5 MB", async () => {
  const { xl, adapter } = setup(100_000);
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
  expect(sheet.cell("F100001").fill).toBe("#FFEB9C");
  expect(run.write.fillOperations).toBe(5);
});
