/**
 * The 生成对比表 job: template and departments chosen in the pane, the own department read from a
 * sheet, the plan built by the engine and written by the adapter. No rule lives here: what counts
 * as a figure, a unit or a missing value is the engine's (src/core/compare).
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { quoteSheet } from "../../core/basics/address";
import type { CompareDepartment, OwnDepartmentResult, SheetMessage, SheetPlan, TemplateId } from "./compare-engine";
import type { SheetAdapter } from "../../excel";
import type { PaneServices } from "../office/services";
import type { Bilingual } from "../../core/basics/text";
import type { Runner } from "../shell/use-runner";
import { errorText } from "../shell/use-runner";

export type CompareEngine = typeof import("./compare-engine");

/** Loaded once per page, on first use of the job: the seed reports come with it. */
let enginePromise: Promise<CompareEngine> | null = null;
function loadEngine(): Promise<CompareEngine> {
  if (!enginePromise) {
    enginePromise = import(/* webpackChunkName: "compare" */ "./compare-engine");
    // a failed load may be retried (the network came back)
    enginePromise.catch(() => (enginePromise = null));
  }
  return enginePromise;
}

/** What the adapter says it made of a plan. */
export type SheetPlanReport = Awaited<ReturnType<SheetAdapter["writeSheetPlan"]>>;

export interface OwnRead {
  sheet: string;
  result: OwnDepartmentResult;
  /** the catalog's name of each figure read, zh and en */
  labels: Record<string, Bilingual>;
}

export interface CompareView {
  plan: SheetPlan;
  report: SheetPlanReport;
  /** per department column: the template's figure rows it does not give (shown as —) */
  missing: { header: string; own: boolean; rows: Bilingual[] }[];
  /** the engine's and the adapter's notes, other than what `missing` and the own sheet's reading already say */
  messages: { key: string; text: Bilingual }[];
}

export type EngineState = "idle" | "loading" | "ready" | "failed";

function notable(plan: SheetPlan, report: SheetPlanReport): CompareView["messages"] {
  const engine = plan.messages
    .filter((m: SheetMessage) => m.code !== "compare_missing" && !m.code.startsWith("own_"))
    .map((m, i) => ({ key: `p${i}`, text: m.text }));
  const adapter = report.messages.map((m, i) => ({ key: `r${i}`, text: m.text }));
  return [...engine, ...adapter];
}

export function useCompare({ adapter }: PaneServices, runner: Runner) {
  const { busy, run } = runner;
  const [engine, setEngine] = useState<CompareEngine | null>(null);
  const [engineState, setEngineState] = useState<EngineState>("idle");
  const [templateId, setTemplateId] = useState<TemplateId>("expenditure");
  /** seed ids unticked: every bundled department is in by default */
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [sheets, setSheets] = useState<string[] | null>(null);
  const [ownSheet, setOwnSheet] = useState("");
  const [own, setOwn] = useState<OwnRead | null>(null);
  const [ownIncluded, setOwnIncluded] = useState(true);
  const [view, setView] = useState<CompareView | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const opened = useRef(false);

  const seeds = useMemo<CompareDepartment[]>(() => (engine ? engine.seedDepartments() : []), [engine]);
  const templates = useMemo(() => (engine ? engine.templateChoices() : []), [engine]);
  const onError = useCallback((e: Bilingual) => setError(e), []);

  const ensureEngine = useCallback(async (): Promise<CompareEngine> => {
    setEngineState((s) => (s === "ready" ? s : "loading"));
    try {
      const loaded = await loadEngine();
      setEngine(loaded);
      setEngineState("ready");
      return loaded;
    } catch (e) {
      setEngineState("failed");
      throw e;
    }
  }, []);

  const listSheets = useCallback(
    () =>
      run(
        "sheets",
        async () => {
          setError(null);
          setSheets(await adapter.listSheets());
        },
        onError,
      ),
    [adapter, onError, run],
  );

  /** The job's tab was opened: load the engine (once) and the sheet list (sheets may have come and gone). */
  const open = useCallback(() => {
    if (!opened.current) {
      opened.current = true;
      ensureEngine().catch(() => undefined);
    }
    void listSheets();
  }, [ensureEngine, listSheets]);

  const retryEngine = useCallback(() => {
    ensureEngine().catch(() => undefined);
  }, [ensureEngine]);

  const readOwn = useCallback(
    async (name: string): Promise<OwnRead> => {
      const [grid, eng] = await Promise.all([adapter.readSheet(name), ensureEngine()]);
      const result = eng.ownDepartmentFromGrid(grid);
      const labels: OwnRead["labels"] = {};
      for (const r of result.read) labels[r.figure] = eng.FIGURE_CATALOG[r.figure].label;
      const read: OwnRead = { sheet: name, result, labels };
      setOwn(read);
      return read;
    },
    [adapter, ensureEngine],
  );

  const chooseOwnSheet = useCallback(
    (name: string) => {
      setOwnSheet(name);
      setError(null);
      if (name === "") {
        setOwn(null);
        return Promise.resolve();
      }
      return run(
        "readSheet",
        async () => {
          setOwn(null);
          await readOwn(name);
          setOwnIncluded(true);
        },
        onError,
      );
    },
    [onError, readOwn, run],
  );

  const toggleDepartment = useCallback((id: string, on: boolean) => {
    setExcluded((prev) => {
      const next = new Set(prev);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const chosenSeeds = useMemo(() => seeds.filter((d) => !excluded.has(d.id)), [seeds, excluded]);
  const ownDepartment = own?.result.department ?? null;
  const chosenCount = chosenSeeds.length + (ownDepartment && ownIncluded ? 1 : 0);

  const build = useCallback(
    () =>
      run(
        "compare",
        async () => {
          setError(null);
          const eng = await ensureEngine();
          // the own sheet as it is now, not as it was when picked
          let ownNow = ownIncluded && ownSheet !== "" && own ? (await readOwn(ownSheet)).result : null;
          if (ownNow && !ownNow.department) ownNow = null;
          const departments = [...(ownNow?.department ? [ownNow.department] : []), ...chosenSeeds];
          if (departments.length === 0) return;
          const plan = eng.buildComparisonSheet(templateId, departments, { messages: ownNow?.messages ?? [] });
          const report = await adapter.writeSheetPlan(plan);
          const missing = departments.map((d, i) => ({
            header: plan.columns[i]?.header ?? eng.departmentHeader(d),
            own: d.own,
            rows: eng.missingRows(templateId, d).map((r) => r.label),
          }));
          setView({ plan, report, missing, messages: notable(plan, report) });
        },
        (e) => {
          setView(null);
          onError(e);
        },
      ),
    [adapter, chosenSeeds, ensureEngine, onError, own, ownIncluded, ownSheet, readOwn, run, templateId],
  );

  const select = useCallback(
    async (address: string) => {
      try {
        await adapter.selectCell(address);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [adapter],
  );

  const showSheet = useCallback((sheet: string) => select(`${quoteSheet(sheet)}!A1`), [select]);

  return {
    busy,
    engine,
    engineState,
    templates,
    templateId,
    setTemplateId,
    seeds,
    excluded,
    toggleDepartment,
    sheets,
    ownSheet,
    own,
    ownDepartment,
    ownIncluded,
    setOwnIncluded,
    chosenCount,
    view,
    error,
    open,
    retryEngine,
    listSheets,
    chooseOwnSheet,
    build,
    select,
    showSheet,
    dismissError: () => setError(null),
  };
}

export type CompareModel = ReturnType<typeof useCompare>;
