/**
 * Is what the audit read a statement? (docs/statement-audit.md, "No statement, nothing to
 * check"). An audit that found nothing to check must say so, never "no inconsistency". A sheet
 * holding an indicator table (年度指标值 / 实际完成值, the national forms with their budget block
 * included) is the indicator check's business, not a statement. Otherwise a sheet is a statement
 * when it holds 收支 content — a money figure (元 / 千元 / 万元 / 亿元, wherever the unit is
 * written), a 收支 label the audit knows carrying an amount, or a total and parts that could be
 * checked. A statement on which no check could run is "nothing to check".
 */
import { Grid } from "../basics/grid";
import { findTable } from "../forms/table-finder";
import { Finding, Passed } from "./finding";
import { Flow, labelDef } from "./labels";
import { Statement, ValueRole } from "./model";

export type NotAStatement = "no-statement" | "nothing-to-check";

export type Recognition =
  | { statement: true }
  | {
      statement: false;
      kind: NotAStatement;
      /** figures read (none of them 收支 amounts, for "no-statement") */
      figures: number;
      /** the sheet holds an indicator table (年度指标值 / 实际完成值): it should be validated, not audited */
      indicatorTable: boolean;
    };

const LEDGER_FLOWS: Flow[] = ["income", "expenditure", "balance", "budget", "fund"];
const AMOUNT_ROLES: ValueRole[] = ["current", "prior", "budget", "adjusted", "change"];

export function recognise(grid: Grid, st: Statement, checks: { findings: Finding[]; passed: Passed[] }): Recognition {
  const figures = st.items.reduce((n, i) => n + Object.keys(i.values).length, 0);
  let money = false;
  let ledger = false;
  for (const it of st.items) {
    const def = labelDef(it.key);
    const isLedger = !it.score && def !== undefined && LEDGER_FLOWS.includes(def.flow);
    for (const role of AMOUNT_ROLES) {
      const f = it.values[role];
      if (!f) continue;
      if (f.unit?.family === "money") money = true;
      if (isLedger && (!f.unit || f.unit.family === "money")) ledger = true;
    }
  }
  const ran = checks.findings.length + checks.passed.length;
  if (findTable(grid).ok) return { statement: false, kind: "no-statement", figures, indicatorTable: true };
  if (!money && !ledger && ran === 0) return { statement: false, kind: "no-statement", figures, indicatorTable: false };
  if (ran === 0) return { statement: false, kind: "nothing-to-check", figures, indicatorTable: false };
  return { statement: true };
}
