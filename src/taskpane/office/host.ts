// Where the task pane is running, decided once at start-up from Office.onReady.

/** "ready-timeout": office.js loaded but Office.onReady never answered (its host unreachable: an
 *  on-premises Office Online Server, a frame the network blocks) */
export type OutsideReason = "browser" | "other-host" | "no-office-js" | "ready-timeout";

export type HostState =
  | { kind: "loading" }
  | { kind: "excel"; displayLanguage?: string }
  | { kind: "outside"; reason: OutsideReason };

/** How long to wait for office.js to define `Office` before deciding it failed to load. */
export const OFFICE_JS_WAIT_MS = 1500;
const POLL_MS = 100;
/** How long Office.onReady may take before the pane stops waiting and says so (docs/excel-platform.md). */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

declare global {
  interface Window {
    /** a shorter onReady timeout, set by the browser tests before the page loads */
    JIXIAO_OFFICE_READY_TIMEOUT_MS?: number;
  }
}

/** The onReady timeout: the default, or the one a test set on the page. */
export function readyTimeoutMs(): number {
  const set = typeof window === "undefined" ? undefined : window.JIXIAO_OFFICE_READY_TIMEOUT_MS;
  return typeof set === "number" && set > 0 ? set : OFFICE_READY_TIMEOUT_MS;
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" || typeof Office.onReady !== "function" ? undefined : Office;
}

function displayLanguage(office: typeof Office): string | undefined {
  try {
    return office.context?.displayLanguage || undefined;
  } catch {
    return undefined;
  }
}

function fromOnReady(office: typeof Office, timeoutMs: number): Promise<HostState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<HostState>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "outside", reason: "ready-timeout" }), timeoutMs);
  });
  const ready = office.onReady().then(
    (info): HostState => {
      if (info.host === office.HostType.Excel) return { kind: "excel", displayLanguage: displayLanguage(office) };
      return { kind: "outside", reason: info.host ? "other-host" : "browser" };
    },
    (): HostState => ({ kind: "outside", reason: "browser" }),
  );
  return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves with the host once known. office.js is loaded by a blocking script tag, so `Office` is
 * normally defined already; if not, poll briefly in case it arrives late, then give up. When
 * Office.onReady has not answered after `readyMs` the pane stops waiting and says why.
 */
export function detectHost(waitMs: number = OFFICE_JS_WAIT_MS, readyMs: number = readyTimeoutMs()): Promise<HostState> {
  const office = officeGlobal();
  if (office) return fromOnReady(office, readyMs);
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const late = officeGlobal();
      if (late) {
        clearInterval(timer);
        resolve(fromOnReady(late, readyMs));
      } else if (Date.now() - started >= waitMs) {
        clearInterval(timer);
        resolve({ kind: "outside", reason: "no-office-js" });
      }
    }, POLL_MS);
  });
}
