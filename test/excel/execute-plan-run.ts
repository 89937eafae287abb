/**
 * A hand-made WritePlan executed the way the add-in's runs execute the engine's plans
 * (src/excel/sheet-adapter.ts → execute-plan.ts): one Excel.run, the plan's sheet read in one
 * sync, the written record read, then `execute`; errors as the adapter reports them.
 */
import type { WritePlan } from "../../src/core/basics/write-plan";
import type { WriteReport } from "../../src/excel/adapter-types";
import { toAdapterError } from "../../src/excel/errors";
import type { IsSetSupported } from "../../src/excel/excel-api";
import { execute } from "../../src/excel/execute-plan";
import { SYNC_BUDGET } from "../../src/excel/payload";
import { readState } from "../../src/excel/read-sheet";
import { kindOf, readRecord } from "../../src/excel/record-store";
import { Session, capsOf } from "../../src/excel/session";
import { sameName } from "../../src/excel/a1";
import type { MemoryExcel } from "../../src/memory-excel";

export function executePlan(xl: MemoryExcel, plan: WritePlan, isSetSupported: IsSetSupported = xl.requirements.isSetSupported): Promise<WriteReport & { syncs: number }> {
  const key = plan.mode === "beside" ? plan.startRow : 0;
  return xl
    .run(async (ctx) => {
      const s = new Session(ctx, isSetSupported("ExcelApi", "1.7"));
      const read = await readState(s, "used", { sheetName: plan.sourceSheet });
      const rec = await readRecord(s, read);
      const done = await execute(s, {
        kind: "results",
        jobs: [{ plan, key }],
        replaces: (o) => kindOf(o) === "results" && sameName(o.sourceSheet, plan.sourceSheet) && o.sourceHeaderRow === key,
        read,
        rec,
        grid: read.grid,
        gridIsUsedRange: true,
        caps: capsOf(isSetSupported),
        budget: SYNC_BUDGET,
      });
      return { ...done.reports[0], syncs: s.syncs };
    })
    .catch((e: unknown) => {
      throw toAdapterError(e, { writing: true });
    });
}
