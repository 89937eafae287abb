/**
 * J3: audit a financial statement. Grid in; findings, the checks that agreed, the
 * computed ratios and the write plans out — or, when the sheet holds no statement or nothing
 * to check, an outcome that says so and what was looked for (docs/statement-audit.md).
 */
import { parseA1 } from "../basics/address";
import { Grid, cellText } from "../basics/grid";
import { OWN_HEADER_PREFIX, findTable } from "../forms/table-finder";
import type { Bilingual } from "../basics/text";
import { WritePlan } from "../basics/write-plan";
import { runChecks } from "./checks";
import { AuditResult, Finding } from "./finding";
import { setParents } from "./grouping";
import { AUDIT_NOTICES } from "./messages";
import { Statement } from "./model";
import { NotAStatement, recognise } from "./recognise";
import { findingsListPlan, tablePlans } from "./plan";
import { tableItems } from "./table-items";
import { describeTable, findTables } from "./table-reader";
import { readText } from "./text-reader";

export type AuditOutcome =
  | { ok: true; result: AuditResult; plans: WritePlan[]; statement: Statement }
  | {
      ok: false;
      /** no-statement: nothing 收支 on the sheet; nothing-to-check: 收支 figures but no relation among them */
      kind: NotAStatement;
      /** what was found and what was looked for */
      reason: Bilingual;
    };

function noStatement(figures: number, indicatorTable: boolean): AuditOutcome {
  return { ok: false, kind: "no-statement", reason: AUDIT_NOTICES.notAStatement({ figures, indicatorTable }) };
}

export function auditGrid(grid: Grid): AuditOutcome {
  const firstRow = grid.firstRow ?? 1;
  const firstCol = grid.firstCol ?? 1;
  const tables = findTables(grid);
  const fromTables = tableItems(tables, 0);
  // the cells of a table are not sentences, nor is anything the add-in wrote beside it (核对·…)
  const skip = (r: number, c: number) =>
    cellText(grid.values[r]?.[c]).startsWith(OWN_HEADER_PREFIX) ||
    tables.some((t) => r >= t.headerIndex && r <= t.lastIndex && c >= t.labelColumn && (c <= t.lastColumn || t.ownColumn !== null));
  const fromText = readText(grid, skip, fromTables.items.length);
  const textUseful = fromText.groups.length > 0 || fromText.items.some((i) => i.key || Object.keys(i.values).length > 1);
  if (tables.length === 0 && !textUseful) return noStatement(0, findTable(grid).ok);
  const statement: Statement = {
    items: [...fromTables.items, ...fromText.items],
    groups: [...fromTables.groups, ...fromText.groups],
  };
  setParents(statement.items, statement.groups.filter((g) => g.kind === "sum"));
  const checks = runChecks(grid.sheet, statement);
  const seen = recognise(grid, statement, checks);
  if (!seen.statement) {
    if (seen.kind === "no-statement") return noStatement(seen.figures, seen.indicatorTable);
    return { ok: false, kind: "nothing-to-check", reason: AUDIT_NOTICES.nothingToCheck({ figures: seen.figures }) };
  }
  const findings = sortByCell(checks.findings);
  const plans: WritePlan[] = [];
  const table = tablePlans({ grid, tables, items: statement.items, findings, corrections: checks.corrections });
  for (const item of table.plans) plans.push(item);
  const tableRows = new Set(tables.flatMap((t) => t.rows.map((r) => r.row)));
  const outside = findings.filter((f) => !tableRows.has(parseA1(f.cell)?.row ?? 0));
  if (outside.length) plans.push(findingsListPlan(grid.sheet, findings));
  const messages = plans.flatMap((p) => p.messages).map((m) => ({ code: m.code, text: m.text }));
  const result: AuditResult = {
    sheet: grid.sheet,
    tables: tables.map((t) => describeTable(t, firstRow, firstCol)),
    textCells: fromText.cells,
    figureCount: statement.items.reduce((n, i) => n + Object.keys(i.values).length, 0),
    findings,
    passed: checks.passed,
    ratios: table.ratios,
    messages,
  };
  return { ok: true, result, plans, statement };
}

function sortByCell(list: Finding[]): Finding[] {
  const pos = (f: Finding) => parseA1(f.cell) ?? { row: 0, col: 0 };
  return [...list].sort((a, b) => pos(a).row - pos(b).row || pos(a).col - pos(b).col);
}
