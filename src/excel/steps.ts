/**
 * Writing steps: operations queued into syncs packed under the request budget, the optional
 * formatting last in a sync of its own, and the small conversions the steps share.
 */
import { columnLetter } from "../core/basics/address";
import { PlanCell } from "../core/basics/write-plan";
import { excelCode, SheetAdapterError } from "./errors";
import { AdapterMessage, EXCEL_ERRORS, EXCEL_MESSAGES } from "./messages";
import { Caps, Session } from "./session";

/** What one queued operation costs in the request besides its data: office.js sends each
 *  action with its object path (about 250 bytes of JSON); estimates round up. */
export const STEP_OVERHEAD = 300;

/** Points from the plan's widths, which are in characters as the CLI (exceljs) takes them. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Whole columns: "F:F", "F:I". */
export function columnsRange(c1: number, c2: number): string {
  return `${columnLetter(c1)}:${columnLetter(c2)}`;
}

/** A row's number formats with General for its formulas where the plan says Text ("@"): Excel would keep them as text. */
export function formulaFormats(cells: readonly PlanCell[], formats: string[]): string[] {
  if (!cells.some((c, i) => c !== null && typeof c === "object" && formats[i] === "@")) return formats;
  return formats.map((f, i) => (f === "@" && cells[i] !== null && typeof cells[i] === "object" ? "General" : f));
}


export interface Step {
  bytes: number;
  queue: () => void;
  /**
   * Formatting the results do without (frozen panes, notes, column widths, the chart): queued in
   * a final sync of its own, whose failure is reported and tolerated, never undoing the results
   * written before it (docs/excel-platform.md)
   */
  optional?: boolean;
}

export interface StepsDone {
  syncs: number;
  bytes: number;
  /** what made the final, optional sync fail; the other steps were all written */
  optionalError?: unknown;
}

/** The message for an optional sync that failed: the results stand, some formatting is missing. */
export function optionalFailedMessage(e: unknown): AdapterMessage {
  return EXCEL_MESSAGES.optionalFormattingFailed(excelCode(e) ?? "error");
}

/** Fails before anything is written when the run must add or delete a sheet and the workbook's structure is protected. */
export function checkStructure(structureProtected: boolean, what: { adds?: boolean; deletes?: boolean }): void {
  if (!structureProtected || (!what.adds && !what.deletes)) return;
  throw new SheetAdapterError("workbook_protected", EXCEL_ERRORS.workbookProtected);
}

/**
 * Queue the steps in order, syncing whenever the next one would push the batch over the budget;
 * the optional ones last, in syncs of their own whose failure is returned, not thrown.
 */
export async function runSteps(s: Session, steps: Step[], budget: number, caps: Caps): Promise<StepsDone> {
  const done = await runBatches(s, steps.filter((st) => !st.optional), budget, caps);
  const optional = steps.filter((st) => st.optional);
  if (optional.length === 0) return done;
  const before = s.syncs;
  try {
    const more = await runBatches(s, optional, budget, caps);
    return { syncs: done.syncs + more.syncs, bytes: done.bytes + more.bytes };
  } catch (e) {
    return { ...done, syncs: done.syncs + (s.syncs - before), optionalError: e };
  }
}

async function runBatches(s: Session, steps: Step[], budget: number, caps: Caps): Promise<{ syncs: number; bytes: number }> {
  let batch = 0;
  let queued = 0;
  let syncs = 0;
  let total = 0;
  const begin = () => {
    // calculation waits until the batch is written; it lasts one sync, so once per batch
    if (caps.suspend) s.ctx.application.suspendApiCalculationUntilNextSync();
    batch = STEP_OVERHEAD;
    queued = 0;
  };
  begin();
  for (const step of steps) {
    if (queued > 0 && batch + step.bytes > budget) {
      await s.sync();
      syncs++;
      begin();
    }
    step.queue();
    batch += step.bytes;
    total += step.bytes;
    queued++;
  }
  if (queued > 0) {
    await s.sync();
    syncs++;
  }
  return { syncs, bytes: total };
}

/** The bytes runSteps would have in its open batch after these steps (to size what comes next). */
export function batchFill(steps: Step[], budget: number): number {
  let batch = STEP_OVERHEAD;
  let queued = 0;
  for (const step of steps) {
    if (queued > 0 && batch + step.bytes > budget) {
      batch = STEP_OVERHEAD;
      queued = 0;
    }
    batch += step.bytes;
    queued++;
  }
  return batch;
}
