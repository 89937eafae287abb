/**
 * @jest-environment jsdom
 */
/** Start-up: Office.onReady that never answers ends in a message, not an endless spinner. */
import { OFFICE_READY_TIMEOUT_MS, detectHost, readyTimeoutMs } from "../../src/taskpane/office/host";

type OfficeStub = { HostType: { Excel: string }; onReady: () => Promise<{ host: string | null }>; context?: unknown };

function withOffice(office: OfficeStub | undefined): void {
  (globalThis as { Office?: unknown }).Office = office;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete window.JIXIAO_OFFICE_READY_TIMEOUT_MS;
});

test.each([
  ["Excel answers", () => Promise.resolve({ host: "Excel" }), { kind: "excel" }],
  ["a plain browser (no host)", () => Promise.resolve({ host: null }), { kind: "outside", reason: "browser" }],
  ["another Office host", () => Promise.resolve({ host: "Word" }), { kind: "outside", reason: "other-host" }],
  ["onReady never answers", () => new Promise<{ host: string | null }>(() => undefined), { kind: "outside", reason: "ready-timeout" }],
])("%s", async (_name, onReady, expected) => {
  withOffice({ HostType: { Excel: "Excel" }, onReady });
  await expect(detectHost(50, 20)).resolves.toMatchObject(expected);
});

test("the timeout is about 10 s unless the page sets a shorter one", () => {
  expect(OFFICE_READY_TIMEOUT_MS).toBe(10_000);
  expect(readyTimeoutMs()).toBe(10_000);
  window.JIXIAO_OFFICE_READY_TIMEOUT_MS = 300;
  expect(readyTimeoutMs()).toBe(300);
});
