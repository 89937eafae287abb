// Where the task pane is running, decided once at start-up from Office.onReady.

export type OutsideReason = "browser" | "other-host" | "no-office-js";

export type HostState =
  | { kind: "loading" }
  | { kind: "excel"; displayLanguage?: string }
  | { kind: "outside"; reason: OutsideReason };

/** How long to wait for office.js to define `Office` before deciding it failed to load. */
export const OFFICE_JS_WAIT_MS = 1500;
const POLL_MS = 100;

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

function fromOnReady(office: typeof Office): Promise<HostState> {
  return office.onReady().then(
    (info): HostState => {
      if (info.host === office.HostType.Excel) return { kind: "excel", displayLanguage: displayLanguage(office) };
      return { kind: "outside", reason: info.host ? "other-host" : "browser" };
    },
    (): HostState => ({ kind: "outside", reason: "browser" }),
  );
}

/**
 * Resolves with the host once known. office.js is loaded by a blocking script tag, so `Office` is
 * normally defined already; if not, poll briefly in case it arrives late, then give up.
 */
export function detectHost(waitMs: number = OFFICE_JS_WAIT_MS): Promise<HostState> {
  const office = officeGlobal();
  if (office) return fromOnReady(office);
  return new Promise((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const late = officeGlobal();
      if (late) {
        clearInterval(timer);
        resolve(fromOnReady(late));
      } else if (Date.now() - started >= waitMs) {
        clearInterval(timer);
        resolve({ kind: "outside", reason: "no-office-js" });
      }
    }, POLL_MS);
  });
}
