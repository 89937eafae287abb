/** The problems the pane lists: table-level messages, then each row's errors and warnings. */
import { qualifyCell } from "../core/address";
import type { Severity } from "../core/messages";
import type { ValidateResult } from "../core/results";

/** Rows of problems rendered; the rest stay in the sheet's 核对·说明 column. */
export const MAX_LISTED = 200;

export interface Problem {
  key: string;
  severity: Severity;
  /** the cell as the engine names it ("E4"), null for table-level messages without one */
  cell: string | null;
  /** what selectCell gets: the cell qualified with the checked sheet, so it works from any sheet */
  address: string | null;
  /** the indicator's name, for row problems */
  name: string;
  zh: string;
  en: string;
}

export interface ProblemList {
  listed: Problem[];
  total: number;
}

export function collectProblems(result: ValidateResult, max = MAX_LISTED): ProblemList {
  const listed: Problem[] = [];
  let total = 0;
  const push = (p: Problem) => {
    total++;
    if (listed.length < max) listed.push(p);
  };
  result.summary.messages.forEach((m, i) => {
    push({ key: `s${i}`, severity: m.severity, cell: m.cell ?? null, address: m.cell ? qualifyCell(result.sheet, m.cell) : null, name: "", zh: m.text, en: m.en });
  });
  const nameColumn = result.columns.name;
  for (const r of result.rows) {
    r.messages.forEach((m, i) => {
      if (m.severity === "info") return;
      const cell = m.cell ?? (nameColumn ? `${nameColumn}${r.row}` : null);
      push({ key: `r${r.row}.${i}`, severity: m.severity, cell, address: cell ? qualifyCell(result.sheet, cell) : null, name: r.name, zh: m.text, en: m.en });
    });
  }
  return { listed, total };
}
