/**
 * The 核对收支表 job: the adapter reads the active sheet, the engine audits it, the adapter writes
 * the findings; the pane keeps and shows what came back. No audit rule lives here.
 */
import { useCallback, useState } from "react";
import { qualifyCell } from "../../core/basics/address";
import type { AuditResult, Finding } from "../../core/audit/finding";
import type { NotAStatement } from "../../core/audit/recognise";
import type { ClearReport, WriteReport } from "../../excel";
import type { PaneServices } from "../office/services";
import type { Bilingual } from "../../core/basics/text";
import { type Runner, useSelectCell } from "../shell/use-runner";

export interface AuditView {
  result: AuditResult;
  writes: WriteReport[];
}

export type AuditNotice =
  /** why: no statement on the sheet, nothing to check on it, or (absent) the add-in's own sheet */
  | { kind: "noStatement"; why?: NotAStatement; reason: Bilingual; sheet: string }
  /** shownRemoved: the last audit's summary and findings were on screen and are gone with it */
  | { kind: "cleared"; report: ClearReport; shownRemoved: boolean }
  | { kind: "error"; error: Bilingual };

/** What selectCell gets for a finding: its cell on its sheet, so it works from any sheet. */
export function findingAddress(f: Pick<Finding, "sheet" | "cell">): string {
  return qualifyCell(f.sheet, f.cell);
}

export function useAudit({ adapter }: PaneServices, runner: Runner) {
  const { busy, run } = runner;
  const [view, setView] = useState<AuditView | null>(null);
  const [notice, setNotice] = useState<AuditNotice | null>(null);
  const onError = useCallback((error: Bilingual) => setNotice({ kind: "error", error }), []);

  const audit = useCallback(
    () =>
      run(
        "audit",
        async () => {
          setNotice(null);
          const outcome = await adapter.runAudit();
          if (outcome.ok) {
            setView({ result: outcome.result, writes: outcome.writes });
            return;
          }
          setView(null);
          // never the all-clear: the engine's reason, and the previous result is gone
          setNotice({ kind: "noStatement", why: outcome.kind, reason: outcome.reason, sheet: outcome.sheet });
        },
        onError,
      ),
    [adapter, onError, run],
  );

  const clear = useCallback(
    () =>
      run(
        "clear",
        async () => {
          setNotice(null);
          const report = await adapter.clearResults();
          const shownRemoved = view !== null;
          setView(null);
          setNotice({ kind: "cleared", report, shownRemoved });
        },
        onError,
      ),
    [adapter, onError, run, view],
  );

  const select = useSelectCell(adapter, setNotice);

  /** Another job cleared the add-in's results: this one's are gone from the sheet too. */
  const forget = useCallback(() => setView(null), []);

  return { busy, view, notice, audit, clear, select, forget, dismissNotice: () => setNotice(null) };
}

export type AuditModel = ReturnType<typeof useAudit>;
