/**
 * 生成自评报告 (docs/report.md): the checked sheet read again, checked by the engine, the report
 * drafted by core and its WritePlan executed onto a new sheet 自评报告 like any results sheet
 * (recorded, replaced on a re-run, removed by "clear results"); then column A wrapped and the
 * sheet activated. The words and figures are core's; this file only reads and writes.
 *
 * Syncs: one read (the sheet with the record's parts), the record's XML when the add-in has
 * written before, the write, and one for the optional formatting (wrap, activate).
 */
import { validateGrid } from "../core/indicators/validate";
import { buildReport, reportWritePlan, SHEET_WORDS } from "../core/report";
import type { Seed } from "../core/seeds/seed-schema";
import { sameName } from "./a1";
import type { ReportRun, RunReportOptions } from "./adapter-types";
import { execute } from "./execute-plan";
import { EXCEL_REASONS } from "./messages";
import { readSelection } from "./read-sheet";
import { kindOf, readRecord } from "./record-store";
import { Caps, Session } from "./session";
import { STEP_OVERHEAD, Step, optionalFailedMessage, runSteps } from "./steps";

export async function writeReportSheet(s: Session, options: RunReportOptions, args: { caps: Caps; budget: number; hidden: { autoFilter: boolean } }): Promise<ReportRun> {
  const { source = "used", sheet, peers = [], ...validateOptions } = options;
  const read = await readSelection(s, source, { hidden: args.hidden, ...(sheet !== undefined ? { sheetName: sheet } : {}) });
  if (!read) return { ok: false, reason: EXCEL_REASONS.multiAreaSelection, sheet: "", syncs: s.syncs };
  if (sameName(read.grid.sheet, SHEET_WORDS.sheet)) return { ok: false, reason: EXCEL_REASONS.ownOutputSheet(read.grid.sheet), sheet: read.grid.sheet, syncs: s.syncs };
  const outcome = validateGrid(read.grid, validateOptions);
  if (!outcome.ok) return { ok: false, reason: outcome.reason, sheet: read.grid.sheet, syncs: s.syncs };
  // the seed data loads only when peers are asked for: the pane's chunks stay small
  const seeds: Seed[] = [];
  if (peers.length) {
    const { seedById } = await import("../core/seeds/seed-data");
    for (const id of peers) {
      const seed = seedById(id);
      if (seed) seeds.push(seed);
    }
  }
  const report = buildReport({ grid: read.grid, result: outcome.result, peers: seeds });
  const plan = reportWritePlan(report);
  const rec = await readRecord(s, read, (key) => key.startsWith(SHEET_WORDS.sheet.toLowerCase()));
  const done = await execute(s, {
    kind: "results",
    jobs: [{ plan, key: 0 }],
    replaces: (o) => kindOf(o) === "results" && sameName(o.sourceSheet, SHEET_WORDS.sheet),
    read: { sheets: read.sheets, widths: new Map(), structureProtected: read.structureProtected },
    rec,
    caps: args.caps,
    budget: args.budget,
  });
  const write = done.reports[0];
  const target = write.sheet;
  const rows = done.plans[0].cells.length;
  // wrapped paragraphs, then the sheet shown with its title selected: optional, the text stands without
  const ws = () => s.ctx.workbook.worksheets.getItem(target);
  const steps: Step[] = [
    { bytes: STEP_OVERHEAD, optional: true, queue: () => (ws().getRange(`A1:A${rows}`).format.wrapText = true) },
    {
      bytes: STEP_OVERHEAD * 2,
      optional: true,
      queue: () => {
        ws().activate();
        ws().getRange("A2").select();
      },
    },
  ];
  const messages = [...write.messages];
  const formatted = await runSteps(s, steps, args.budget, args.caps);
  if (formatted.optionalError !== undefined) messages.push(optionalFailedMessage(formatted.optionalError));
  return { ok: true, report, plan: done.plans[0], write: { ...write, messages }, syncs: s.syncs };
}
