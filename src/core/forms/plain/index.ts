/**
 * A plain indicator table (docs/rules.md §6): an indicator header anywhere in the first rows, no
 * national form around it. The fallback every other family outranks.
 */
import type { FormFamily, Recognition } from "../family";
import { readSingleTable } from "../single-table";
import { readFormInfo } from "../standard-form";
import { findTableOnce } from "../table-finder";

export const PLAIN_KINDS = [
  { id: "plain", label: { zh: "绩效指标表", en: "Indicator table" }, cli: "plain", showsTotal: false, named: false },
] as const;

/** Any indicator header will do, so any more specific family wins. */
const CONFIDENCE = 0.5;

export const plainFamily = {
  id: "plain",
  kinds: PLAIN_KINDS,
  recognise(grid, options): Recognition | null {
    const found = findTableOnce(grid, options);
    return found.ok ? { confidence: CONFIDENCE, layout: found.layout } : null;
  },
  read(grid, recognition, context) {
    const info = { ...readFormInfo(grid, recognition.layout.headerIndex, false), kind: "plain" as const };
    return readSingleTable(grid, recognition.layout, { family: "plain", form: info, budget: null, preset: context.preset });
  },
} satisfies FormFamily;
