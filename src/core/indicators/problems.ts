/**
 * The problems of a check, as the task pane lists them and the CLI prints them: the table-level
 * messages, then each row's errors and warnings (info is not a problem), each with the cell it
 * concerns (a row message without one names the row's indicator name cell).
 */
import { qualifyCell } from "../basics/address";
import type { Severity } from "../basics/messages";
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

export function collectProblems(result: ValidateResult, max = Number.POSITIVE_INFINITY): ProblemList {
  const listed: Problem[] = [];
  let total = 0;
  const push = (p: Problem) => {
    total++;
    if (listed.length < max) listed.push(p);
  };
  result.summary.messages.forEach((m, i) => {
    push({ key: `s${i}`, severity: m.severity, row: null, cell: m.cell ?? null, address: m.cell ? qualifyCell(result.sheet, m.cell) : null, name: "", text: m.text });
  });
  const nameColumn = result.columns.name;
  for (const r of result.rows) {
    r.messages.forEach((m, i) => {
      if (m.severity === "info") return;
      const cell = m.cell ?? (nameColumn ? `${nameColumn}${r.row}` : null);
      push({ key: `r${r.row}.${i}`, severity: m.severity, row: r.row, cell, address: cell ? qualifyCell(result.sheet, cell) : null, name: r.name, text: m.text });
    });
  }
  return { listed, total };
}
