/**
 * Where the settings are remembered: the workbook's own settings (Office.context.document.settings)
 * in Excel, a plain object in tests. What is read is parsed with SettingsSchema; stored settings
 * that fail it give the defaults and a notice, never a broken pane.
 */
import { DEFAULT_SETTINGS, type Settings, SettingsSchema, resolvePreset } from "../../core/indicators/presets";

/** The key under which the settings live in the workbook. */
export const SETTINGS_KEY = "jixiao.settings";

export interface SettingsStore {
  /** The stored value as it was saved; undefined when nothing is stored. */
  read(): unknown;
  /** Store and persist the settings; rejects with the reason when they could not be saved. */
  write(settings: Settings): Promise<void>;
}

export interface LoadedSettings {
  settings: Settings;
  /** something was stored but it is not valid settings (or could not be read) */
  invalid: boolean;
}

/** Settings the engine accepts: the schema, and a preset that exists with valid edits. */
export function parseSettings(raw: unknown): Settings | null {
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) return null;
  try {
    resolvePreset(parsed.data);
  } catch {
    return null;
  }
  return parsed.data;
}

export function loadSettings(store: SettingsStore): LoadedSettings {
  let raw: unknown;
  try {
    raw = store.read();
  } catch {
    return { settings: DEFAULT_SETTINGS, invalid: true };
  }
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, invalid: false };
  const settings = parseSettings(raw);
  return settings ? { settings, invalid: false } : { settings: DEFAULT_SETTINGS, invalid: true };
}

/** The part of Office.Settings the store uses. */
export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } | null }) => void): void;
}

function documentSettings(): OfficeSettingsLike | null {
  try {
    return typeof Office === "undefined" ? null : (Office.context?.document?.settings ?? null);
  } catch {
    return null;
  }
}

function failedStatus(): unknown {
  try {
    return typeof Office === "undefined" ? "failed" : Office.AsyncResultStatus.Failed;
  } catch {
    return "failed";
  }
}

/** The workbook's settings, remembered with the workbook. Every Office call is guarded. */
export function createOfficeSettingsStore(settings: () => OfficeSettingsLike | null = documentSettings): SettingsStore {
  return {
    read() {
      const s = settings();
      return s ? (s.get(SETTINGS_KEY) ?? undefined) : undefined;
    },
    write(value) {
      return new Promise<void>((resolve, reject) => {
        const s = settings();
        if (!s) {
          reject(new Error("Office.context.document.settings is not available"));
          return;
        }
        try {
          s.set(SETTINGS_KEY, value);
          s.saveAsync((result) => {
            if (result.status === failedStatus() || result.error) reject(new Error(result.error?.message ?? "saveAsync failed"));
            else resolve();
          });
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    },
  };
}

/** Settings kept in memory, as JSON, the way the workbook keeps them. */
export function createMemorySettingsStore(initial?: unknown): SettingsStore & { saved: unknown } {
  const store = {
    saved: initial === undefined ? undefined : (JSON.parse(JSON.stringify(initial)) as unknown),
    read() {
      return store.saved;
    },
    write(value: Settings) {
      store.saved = JSON.parse(JSON.stringify(value)) as unknown;
      return Promise.resolve();
    },
  };
  return store;
}
