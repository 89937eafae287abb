/**
 * The problems of a check, as the task pane lists them and the CLI prints them: errors first, then
 * warnings, then the table's notes (docs/rules.md, "Severity"); a row's notes are not problems
 * (collectNotes lists them). Each names the cell it concerns (a row message without one names the
 * row's indicator name cell).
 */
import { qualifyCell } from "../basics/address";
import type { Message, Severity } from "../basics/messages";
import { sortBySeverity } from "../basics/severity";
import type { ValidateResult } from "./results";
import type { Bilingual } from "../basics/text";

export interface Problem {
  key: string;
  severity: Severity;
  /** the row of the indicator; null for a table-level message */
  row: number | null;
  /** the cell as the engine names it ("E4"), null for table-level messages without one */
  cell: string | null;
  /** the cell qualified with the checked sheet, for selecting it from any sheet */
  address: string | null;
  /** the indicator's name, for row problems */
  name: string;
  text: Bilingual;
}

export interface ProblemList {
  /** the first `max` problems */
  listed: Problem[];
  total: number;
}

function gather(result: ValidateResult, keep: (m: Message, row: boolean) => boolean): Problem[] {
  const all: Problem[] = [];
  result.summary.messages.forEach((m, i) => {
    if (!keep(m, false)) return;
    all.push({ key: `s${i}`, severity: m.severity, row: null, cell: m.cell ?? null, address: m.cell ? qualifyCell(result.sheet, m.cell) : null, name: "", text: m.text });
  });
  const nameColumn = result.columns.name;
  for (const r of result.rows) {
    r.messages.forEach((m, i) => {
      if (!keep(m, true)) return;
      const cell = m.cell ?? (nameColumn ? `${nameColumn}${r.row}` : null);
      all.push({ key: `r${r.row}.${i}`, severity: m.severity, row: r.row, cell, address: cell ? qualifyCell(result.sheet, cell) : null, name: r.name, text: m.text });
    });
  }
  return sortBySeverity(all);
}

export function collectProblems(result: ValidateResult, max = Number.POSITIVE_INFINITY): ProblemList {
  const all = gather(result, (m, row) => !row || m.severity !== "info");
  return { listed: all.slice(0, max), total: all.length };
}

/**
 * The notes of the rows: every assumption the engine made (a unit taken from the target, an
 * operator assumed, a fraction read as a percent) and over-achievement, for the text report.
 */
export function collectNotes(result: ValidateResult): Problem[] {
  return gather(result, (m, row) => row && m.severity === "info");
}
