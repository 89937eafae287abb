/**
 * The 核对全部工作表 job: one adapter call (runReviewAll) and what it returned. The rows, their
 * order and the summary sheet are decided in core (src/core/review); nothing here decides.
 */
import { useCallback, useState } from "react";
import type { ReviewAllRun } from "../../excel";
import type { Settings } from "../../core/indicators/presets";
import type { PaneServices } from "../office/services";
import type { Bilingual } from "../../core/basics/text";
import { type Runner, useRunner } from "../shell/use-runner";

export function useReviewAll({ adapter }: PaneServices, shared?: Runner) {
  const own = useRunner();
  const { busy, run } = shared ?? own;
  const [result, setResult] = useState<ReviewAllRun | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);

  const start = useCallback(
    (settings: Partial<Settings>) =>
      run(
        "reviewAll",
        async () => {
          setError(null);
          setResult(await adapter.runReviewAll({ settings }));
        },
        (e) => setError(e),
      ),
    [adapter, run],
  );
  const select = useCallback((address: string) => run("read", () => adapter.selectCell(address), (e) => setError(e)), [adapter, run]);

  /** The add-in's results were cleared: the summary sheet and what the list said of it are gone (no stale 打开“核对汇总”). */
  const forget = useCallback(() => {
    setResult(null);
    setError(null);
  }, []);

  return { busy, result, error, start, select, forget, dismiss: () => setError(null) };
}

export type ReviewAllModel = ReturnType<typeof useReviewAll>;
