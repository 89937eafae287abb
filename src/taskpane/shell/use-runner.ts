/**
 * One adapter call at a time across the pane's jobs: while one works, every button that would
 * start another is disabled and a spinner names what is happening.
 */
import { useCallback, useRef, useState } from "react";
import type { Bilingual } from "../../core/basics/text";
import { fmt, stringsFor } from "../i18n/i18n";

export type Busy = "check" | "clear" | "read" | "sheets" | "readSheet" | "compare" | "audit" | "reviewAll" | "report" | "docx";

/** The zh/en text of whatever an adapter call threw: SheetAdapterError carries both. */
export function errorText(e: unknown): Bilingual {
  const b = (e as { text?: { zh?: unknown; en?: unknown } } | null)?.text;
  if (b && typeof b === "object" && typeof b.zh === "string" && typeof b.en === "string") return { zh: b.zh, en: b.en };
  const message = e instanceof Error ? e.message : String(e);
  return { zh: fmt(stringsFor("zh-CN").errUnexpected, { message }), en: fmt(stringsFor("en-US").errUnexpected, { message }) };
}

export interface Runner {
  busy: Busy | null;
  /** Run `work` unless another job is running; what it throws goes to `onError` as zh/en text. */
  run(kind: Busy, work: () => Promise<void>, onError: (error: Bilingual, thrown: unknown) => void): Promise<void>;
}

export function useRunner(): Runner {
  const [busy, setBusy] = useState<Busy | null>(null);
  // a click that lands before the buttons re-render disabled is still refused
  const running = useRef(false);
  const run = useCallback<Runner["run"]>(async (kind, work, onError) => {
    if (running.current) return;
    running.current = true;
    setBusy(kind);
    try {
      await work();
    } catch (e) {
      onError(errorText(e), e);
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return { busy, run };
}

/**
 * Select a cell in the workbook (a problem's or a finding's); it runs beside the jobs, not as one,
 * and what it throws becomes an error notice.
 */
export function useSelectCell(adapter: { selectCell(address: string): Promise<void> }, onError: (notice: { kind: "error"; error: Bilingual }) => void) {
  return useCallback(
    async (address: string) => {
      try {
        await adapter.selectCell(address);
      } catch (e) {
        onError({ kind: "error", error: errorText(e) });
      }
    },
    [adapter, onError],
  );
}
