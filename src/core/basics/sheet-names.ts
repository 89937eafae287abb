/**
 * Where a new results sheet goes when its name is taken (docs/write-back.md, "Sheet names"):
 * one rule for the add-in and the CLI. A sheet of the user's is never replaced or deleted:
 * the results go to "核对结果 (2)", "核对结果 (3)", … instead. Excel compares sheet names
 * without regard to case and allows at most 31 characters.
 */

/** Excel's limit on a sheet name. */
export const MAX_SHEET_NAME = 31;

/** "核对结果 (2)": a sheet name with a number, within Excel's 31 characters. */
export function numberedName(base: string, n: number): string {
  const suffix = ` (${n})`;
  return `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
}

/**
 * The first of `base`, `base (2)`, `base (3)`, … that `taken` does not claim. `taken` answers
 * for a name that a sheet of the user's (or another output of this run) already has; a sheet
 * this tool made earlier and now replaces is not taken.
 */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  let name = base;
  for (let n = 2; taken(name); n++) name = numberedName(base, n);
  return name;
}

/** Whether a name is one Excel accepts for a sheet: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_SHEET_NAME) return false;
  if (/[:\\/?*[\]]/.test(name)) return false;
  if (name.startsWith("'") || name.endsWith("'")) return false;
  return name.toLowerCase() !== "history";
}
