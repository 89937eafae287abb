/**
 * The Excel pane's state and actions. Every action calls the adapter and keeps what it returns;
 * no rule about indicators lives here.
 */
import { useCallback, useState } from "react";
import type { ClearReport, RunValidateOptions, WriteReport } from "../../excel";
import type { Settings } from "../../core/indicators/presets";
import type { ValidateResult } from "../../core/indicators/results";
import type { PaneServices } from "../office/services";
import { loadSettings } from "../settings/settings-store";
import type { Grid } from "../../core/basics/grid";
import { type GridInfo, type TableOverride, gridInfo, overrideFromResult, pickerStart, sameSheet, toValidateOptions } from "../check/table-override";
import type { Bilingual } from "../../core/basics/text";
import { type Busy, type Runner, errorText, useRunner, useSelectCell } from "./use-runner";

export { errorText };
export type { Busy };

/** The last check whose results are shown. */
export interface RunView {
  result: ValidateResult;
  /** checking worked but writing the results failed */
  unwritten: boolean;
  /** the settings it ran with, to tell when they have changed since */
  settings: Settings;
}

export type Notice =
  | { kind: "checked"; rows: number; write: WriteReport }
  | { kind: "noTable"; reason: Bilingual; sheet: string }
  /** shownRemoved: the summary and problem list of the last check were on screen and are gone with it */
  | { kind: "cleared"; report: ClearReport; shownRemoved: boolean }
  | { kind: "error"; error: Bilingual };

export type Hint = { kind: "sheetChanged"; sheet: string } | { kind: "overrideOutside" };

export interface PickerState {
  info: GridInfo;
  initial: TableOverride;
}

export type SettingsNotice = { kind: "invalidStored" } | { kind: "saveFailed"; reason: string };

function partialResult(e: unknown): ValidateResult | undefined {
  return (e as { detail?: { result?: ValidateResult } } | null)?.detail?.result;
}

/**
 * The 核对指标 job. `runner` is shared with the pane's other jobs so only one adapter call runs at
 * a time; without one (a pane with this job alone) it has its own.
 */
export function usePane({ adapter, settingsStore }: PaneServices, shared?: Runner) {
  const own = useRunner();
  const { busy, run } = shared ?? own;
  const [loaded] = useState(() => loadSettings(settingsStore));
  const [settings, setSettingsState] = useState<Settings>(loaded.settings);
  const [settingsNotice, setSettingsNotice] = useState<SettingsNotice | null>(loaded.invalid ? { kind: "invalidStored" } : null);
  const [view, setView] = useState<RunView | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [hint, setHint] = useState<Hint | null>(null);
  const [override, setOverride] = useState<TableOverride | null>(null);
  const [picker, setPicker] = useState<PickerState | null>(null);

  const guarded = useCallback((kind: Busy, work: () => Promise<void>) => run(kind, work, (error) => setNotice({ kind: "error", error })), [run]);

  const check = useCallback(
    (requested: TableOverride | null = override) =>
      guarded("check", async () => {
        setNotice(null);
        setHint(null);
        const options: RunValidateOptions = { settings };
        let info: GridInfo | null = null;
        let grid: Grid | null = null;
        let used = requested;
        if (used) {
          // the user's rows and letters become grid indexes against the grid as it is now
          grid = await adapter.readGrid();
          info = gridInfo(grid);
          const indexes = sameSheet(info.sheet, used.sheet) ? toValidateOptions(used, info) : null;
          if (indexes) Object.assign(options, indexes);
          else {
            setHint(sameSheet(info.sheet, used.sheet) ? { kind: "overrideOutside" } : { kind: "sheetChanged", sheet: info.sheet });
            used = null;
          }
        }
        setOverride(used);
        let run;
        try {
          run = await adapter.runValidate(options);
        } catch (e) {
          const result = partialResult(e);
          setView(result ? { result, unwritten: true, settings } : null);
          throw e;
        }
        if (run.ok) {
          setView({ result: run.result, unwritten: false, settings });
          setNotice({ kind: "checked", rows: run.result.summary.rowCount, write: run.write });
          setPicker(null);
          return;
        }
        setView(null);
        setNotice({ kind: "noTable", reason: run.reason, sheet: run.sheet });
        // let the user say where the table is, starting at core's best guess of the header row (not the title)
        if (!grid || !info || !sameSheet(info.sheet, run.sheet)) {
          grid = await adapter.readGrid();
          info = gridInfo(grid);
        }
        setPicker({ info, initial: used ?? pickerStart(grid, info) });
      }),
    [adapter, guarded, override, settings],
  );

  const openPicker = useCallback(
    () =>
      guarded("read", async () => {
        const grid = await adapter.readGrid();
        const info = gridInfo(grid);
        let initial: TableOverride = pickerStart(grid, info);
        if (override && sameSheet(override.sheet, info.sheet)) initial = override;
        else if (view && sameSheet(view.result.sheet, info.sheet)) initial = overrideFromResult(info.sheet, view.result.headerRow, view.result.columns);
        setPicker({ info, initial });
      }),
    [adapter, guarded, override, view],
  );

  const closePicker = useCallback(() => setPicker(null), []);

  const resetOverride = useCallback(() => {
    setOverride(null);
    setPicker(null);
  }, []);

  const clear = useCallback(
    () =>
      guarded("clear", async () => {
        setNotice(null);
        setHint(null);
        const report = await adapter.clearResults();
        // the results on the sheet are gone: so is what the pane showed of them
        const shownRemoved = view !== null;
        setView(null);
        setPicker(null);
        setNotice({ kind: "cleared", report, shownRemoved });
      }),
    [adapter, guarded, view],
  );

  /** Another job cleared the add-in's results: this one's are gone from the sheet too. */
  const forget = useCallback(() => setView(null), []);

  const select = useSelectCell(adapter, setNotice);

  const changeSettings = useCallback(
    (next: Settings) => {
      setSettingsState(next);
      setSettingsNotice(null);
      settingsStore.write(next).then(
        () => undefined,
        (e: unknown) => setSettingsNotice({ kind: "saveFailed", reason: e instanceof Error ? e.message : String(e) }),
      );
    },
    [settingsStore],
  );

  return {
    busy,
    view,
    notice,
    hint,
    override,
    picker,
    settings,
    settingsNotice,
    check,
    openPicker,
    closePicker,
    resetOverride,
    clear,
    select,
    forget,
    changeSettings,
    dismissNotice: () => setNotice(null),
    dismissSettingsNotice: () => setSettingsNotice(null),
  };
}

export type PaneModel = ReturnType<typeof usePane>;
