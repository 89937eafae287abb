/**
 * Execute a core WritePlan on a workbook package (the CLI's adapter). Only our cells, their
 * formats, notes and column widths are written; every other part of the workbook is kept
 * (docs/write-back.md).
 */
import { parseA1, quoteSheet, splitSheet } from "../core/basics/address";
import { cellText } from "../core/basics/grid";
import { freeSheetName } from "../core/basics/sheet-names";
import type { Bilingual } from "../core/basics/text";
import { WritePlan } from "../core/basics/write-plan";
import { CLI_NOTES } from "./messages";
import { OpenedWorkbook, prepareOutput, saveWorkbook } from "./workbook-file";
import { SheetEntry, XlsxWorkbook } from "./xlsx-workbook";

export interface PlanWriteReport {
  /** the sheet written: the plan's, or "核对结果 (2)" when a sheet of the user's has that name */
  sheet: string;
  /** set when the plan's sheet belonged to the user */
  renamed: Bilingual | null;
}

function rect(range: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const [a, b] = range.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return p && q ? { r1: p.row, c1: p.col, r2: q.row, c2: q.col } : null;
}

/** A sheet of that name is one a run of this tool made: its header row is the plan's header. */
function isOurSheet(wb: XlsxWorkbook, entry: SheetEntry, plan: WritePlan): boolean {
  if (entry.kind !== "worksheet" || !entry.path) return false;
  const header = plan.cells[0] ?? [];
  const line = wb.grid(entry).values[plan.startRow - 1] ?? [];
  return header.length > 0 && header.every((h, j) => typeof h !== "string" || cellText(line[plan.startCol - 1 + j]) === h);
}

export function applyPlan(wb: XlsxWorkbook, plan: WritePlan, claimed: Set<string> = new Set()): PlanWriteReport {
  let entry: SheetEntry | undefined;
  let renamed: PlanWriteReport["renamed"] = null;
  let sheetName = plan.sheet;
  if (plan.mode === "new_sheet") {
    const taken = (name: string) => {
      if (claimed.has(name.toLowerCase())) return true;
      const e = wb.sheet(name);
      return e !== undefined && !isOurSheet(wb, e, plan);
    };
    sheetName = freeSheetName(plan.sheet, taken);
    claimed.add(sheetName.toLowerCase());
    if (sheetName !== plan.sheet) {
      renamed = CLI_NOTES.resultsSheetRenamed(plan.sheet, sheetName);
    }
    entry = wb.sheet(sheetName);
    if (entry) wb.resetSheet(entry);
    else entry = wb.addSheet(sheetName);
  } else {
    entry = wb.sheet(plan.sheet);
  }
  if (!entry) throw new Error(`sheet "${plan.sheet}" not found`);
  const ed = wb.edit(entry);
  // a re-run replaces our own block only
  const own = splitSheet(plan.owned).range;
  const r = rect(own);
  if (plan.mode === "beside" && r) ed.clear(r.r1, r.c1, r.r2, r.c2);
  plan.cells.forEach((line, i) => {
    line.forEach((v, j) => {
      const row = plan.startRow + i;
      const col = plan.startCol + j;
      // strings are written as text cells: never read as formulas
      ed.setValue(row, col, v !== null && typeof v === "object" ? { formula: v.formula } : v);
      if (i === 0) ed.setStyle(row, col, { bold: true, fontColor: plan.headerFill.font, fill: plan.headerFill.fill });
      else ed.setStyle(row, col, { numFmt: plan.numberFormats[j] });
    });
  });
  plan.columnWidths.forEach((w, j) => ed.setWidth(plan.startCol + j, w));
  for (const f of plan.fills) {
    for (const range of f.ranges) {
      const q = rect(range);
      if (!q) continue;
      for (let row = q.r1; row <= q.r2; row++) for (let col = q.c1; col <= q.c2; col++) ed.setStyle(row, col, { fill: f.fill, fontColor: f.font });
    }
  }
  for (const n of plan.notes) {
    const p = parseA1(n.cell);
    if (p) ed.setNote(p.row, p.col, n.text);
  }
  return { sheet: sheetName, renamed };
}

/** Where a plan went: its sheet, mode and owned range (on the renamed sheet when it was moved). */
export interface PlacedPlan {
  sheet: string;
  mode: WritePlan["mode"];
  owned: string;
}

/** Where a plan goes when nothing is written: where it says. */
export function placedAsPlanned(plan: WritePlan): PlacedPlan {
  return { sheet: plan.sheet, mode: plan.mode, owned: plan.owned };
}

/**
 * The --out copy of `file` with the plans written into it (docs/write-back.md): the file's real
 * path, the notes the report owes the user (the extension, an old format, a renamed sheet) and
 * where each plan went. `fullCalc`: formulas without cached values, computed when Excel opens it.
 */
export function writePlansOut(opened: OpenedWorkbook, file: string, out: string, plans: WritePlan[], fullCalc = false): { path: string; notes: Bilingual[]; placed: PlacedPlan[] } {
  const target = prepareOutput(out, file, opened);
  const notes = [...target.notes];
  const claimed = new Set<string>();
  const placed = plans.map((plan): PlacedPlan => {
    const r = applyPlan(opened.wb, plan, claimed);
    if (r.renamed) notes.push(r.renamed);
    return { sheet: r.sheet, mode: plan.mode, owned: r.sheet === plan.sheet ? plan.owned : `${quoteSheet(r.sheet)}!${splitSheet(plan.owned).range}` };
  });
  if (fullCalc) opened.wb.setFullCalcOnLoad();
  saveWorkbook(opened.wb, target.path);
  return { path: target.path, notes, placed };
}
