/**
 * The Excel adapter (docs/rules.md §2, §7–§9, §10): reads the table as a Grid in one batch, checks or
 * audits it with the engine, and executes the engine's WritePlans in as few syncs as the payload
 * allows, remembering what it wrote (written-record.ts) so a re-run or "clear results" removes
 * exactly that; makes comparison sheets from SheetPlans (comparison-sheet.ts). The task pane
 * talks to the SheetAdapter interface only.
 */
import { auditGrid } from "../core/audit/audit";
import { templateChoices } from "../core/compare/templates";
import { validateGrid } from "../core/indicators/validate";
import { sameName, splitSheet } from "./a1";
import { AuditRun, ClearReport, GridSource, SheetAdapter, SheetAdapterOptions, ValidateRun } from "./adapter-types";
import { writeComparisonSheet } from "./comparison-sheet";
import { protectedSheetError, toAdapterError } from "./errors";
import { ExecuteInput, auditKey, execute } from "./execute-plan";
import { SYNC_BUDGET } from "./payload";
import { EXCEL_REASONS } from "./messages";
import { ReadState, readSelection, readState } from "./read-sheet";
import { Evidence, RecordState, kindOf, loadHeaders, queueRecord, readRecord, removalSteps, verdict } from "./record-store";
import { reviewAllSheets } from "./review-all";
import { writeReportSheet } from "./report-sheet";
import { capsOf, lc, readSheets, Session } from "./session";
import { checkStructure, runSteps, STEP_OVERHEAD } from "./steps";
import { EMPTY_RECORD, WrittenOutput } from "./written-record";

function floorIsSupported(name: string, minVersion: string): boolean {
  const [a, b] = minVersion.split(".").map(Number);
  return name === "ExcelApi" && (a < 1 || (a === 1 && (b ?? 0) <= 7));
}

/** The comparison templates' sheet names, lower case: their first rows are read with the record. */
const COMPARISON_SHEETS = templateChoices().map((t) => lc(t.sheetName));
const comparisonSheet = (key: string) => COMPARISON_SHEETS.some((name) => key.startsWith(name));

export function createSheetAdapter(options: SheetAdapterOptions): SheetAdapter {
  const isSetSupported = options.isSetSupported ?? floorIsSupported;
  const budget = options.syncBudget ?? SYNC_BUDGET;
  const hidden = () => ({ autoFilter: isSetSupported("ExcelApi", "1.9") });
  const caps = () => capsOf(isSetSupported);
  const session = <T>(work: (s: Session) => Promise<T>, writing: boolean): Promise<T> =>
    options
      .run((ctx) => work(new Session(ctx, isSetSupported("ExcelApi", "1.7"))))
      .catch((e: unknown) => {
        throw toAdapterError(e, { writing });
      });

  /** Execute a job's plans over the sheet just read, replacing the earlier outputs `replaces` names. */
  const writeOver = (s: Session, read: ReadState, rec: RecordState, source: GridSource, job: Pick<ExecuteInput, "kind" | "jobs" | "replaces">) =>
    execute(s, { ...job, read, rec, grid: read.grid, gridIsUsedRange: source === "used", caps: caps(), budget });

  return {
    readGrid(source = "used") {
      return session(async (s) => (await readState(s, source)).grid, false);
    },

    runValidate(runOptions = {}) {
      const { source = "used", ...validateOptions } = runOptions;
      return session(async (s): Promise<ValidateRun> => {
        const read = await readSelection(s, source, { hidden: hidden() });
        if (!read) return { ok: false, reason: EXCEL_REASONS.multiAreaSelection, sheet: "", syncs: s.syncs };
        const outcome = validateGrid(read.grid, validateOptions);
        if (!outcome.ok) return { ok: false, reason: outcome.reason, sheet: read.grid.sheet, syncs: s.syncs };
        try {
          const rec = await readRecord(s, read);
          const plan = outcome.plan;
          const key = outcome.result.headerRow;
          const done = await writeOver(s, read, rec, source, {
            kind: "results",
            jobs: [{ plan, key }],
            replaces: (o) => kindOf(o) === "results" && sameName(o.sourceSheet, plan.sourceSheet) && o.sourceHeaderRow === key,
          });
          return { ok: true, result: outcome.result, plan: done.plans[0], write: done.reports[0], syncs: s.syncs };
        } catch (e) {
          throw toAdapterError(e, { writing: true, result: outcome.result });
        }
      }, true);
    },

    clearResults() {
      return session(async (s): Promise<ClearReport> => {
        const c = caps();
        const meta = readSheets(s);
        await s.sync();
        const { sheets, parts, structureProtected } = meta();
        const rec = await readRecord(s, { sheets, parts }, comparisonSheet);
        const ev: Evidence = { sheets, topRows: rec.topRows };
        await loadHeaders(s, rec.record.outputs, ev);
        const report: ClearReport = { cleared: [], skipped: [], syncs: 0 };
        const ours: WrittenOutput[] = [];
        for (const o of rec.record.outputs) {
          const v = verdict(o, ev);
          if (v === "ours") ours.push(o);
          else report.skipped.push({ sheet: o.sheet, owned: o.owned, reason: v === "gone" ? "gone" : "changed" });
        }
        for (const o of ours) if (!o.createdSheet && sheets.get(lc(o.sheet))?.protected) throw protectedSheetError(o.sheet);
        checkStructure(structureProtected, { deletes: ours.some((o) => o.createdSheet) });
        if (rec.parts.length > 0) {
          const steps = ours.flatMap((o) => removalSteps(s, o, c));
          steps.push({ bytes: STEP_OVERHEAD * 2, queue: () => queueRecord(s, rec.parts, EMPTY_RECORD) });
          await runSteps(s, steps, budget, c);
        }
        report.cleared = ours.map((o) => ({ sheet: o.sheet, owned: o.owned, deletedSheet: o.createdSheet }));
        report.syncs = s.syncs;
        return report;
      }, true);
    },

    selectCell(address) {
      return session(async (s) => {
        const { sheet, range } = splitSheet(address);
        const ws = sheet === null ? s.ctx.workbook.worksheets.getActiveWorksheet() : s.ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(range).select();
        await s.sync();
      }, false);
    },

    listSheets() {
      return session(async (s) => {
        const sheets = s.ctx.workbook.worksheets;
        sheets.load("items/name,items/visibility");
        await s.sync();
        return sheets.items.filter((w) => w.visibility === "Visible").map((w) => w.name);
      }, false);
    },

    readSheet(name) {
      return session(async (s) => (await readState(s, "used", { sheetName: name })).grid, false);
    },

    writeSheetPlan(plan) {
      return session((s) => writeComparisonSheet(s, plan, { caps: caps(), budget, alsoTop: comparisonSheet }), true);
    },

    writeReport(reportOptions = {}) {
      return session((s) => writeReportSheet(s, reportOptions, { caps: caps(), budget, hidden: hidden() }), true);
    },

    runReviewAll(reviewOptions = {}) {
      return session((s) => reviewAllSheets(s, { caps: caps(), budget, settings: reviewOptions.settings ?? {} }), true);
    },

    runAudit(auditOptions = {}) {
      const source = auditOptions.source ?? "used";
      return session(async (s): Promise<AuditRun> => {
        const read = await readSelection(s, source, { hidden: hidden() });
        if (!read) return { ok: false, reason: EXCEL_REASONS.multiAreaSelection, sheet: "", syncs: s.syncs };
        const sheet = read.grid.sheet;
        const rec = await readRecord(s, read);
        // a sheet the add-in made (核对结果, 核对·…, a comparison) holds no statement of the user's
        if (rec.record.outputs.some((o) => o.createdSheet && sameName(o.sheet, sheet))) {
          return { ok: false, reason: EXCEL_REASONS.ownOutputSheet(sheet), sheet, syncs: s.syncs };
        }
        const outcome = auditGrid(read.grid);
        // nothing to audit: say why, write nothing
        if (!outcome.ok) return { ok: false, kind: outcome.kind, reason: outcome.reason, sheet, syncs: s.syncs };
        const jobs = outcome.plans.map((plan) => ({ plan, key: auditKey(plan, outcome.result) }));
        const keys = new Set(jobs.map((j) => j.key));
        try {
          const done = await writeOver(s, read, rec, source, {
            kind: "audit",
            jobs,
            // the whole sheet read: every earlier audit output of it; a selection: those of its tables
            replaces: (o) => kindOf(o) === "audit" && sameName(o.sourceSheet, sheet) && (source === "used" || keys.has(o.sourceHeaderRow)),
          });
          return { ok: true, result: outcome.result, plans: done.plans, writes: done.reports, syncs: s.syncs };
        } catch (e) {
          throw toAdapterError(e, { writing: true, audit: outcome.result });
        }
      }, true);
    },
  };
}
