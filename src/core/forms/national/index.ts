/**
 * The two national self-evaluation forms (docs/standard-forms.md): 项目支出绩效自评表 and
 * 部门整体支出绩效自评表. Recognised by their title, info block (项目名称 / 主管部门 / 实施单位) or
 * budget-execution block above an indicator table.
 */
import type { FormFamily, Recognition } from "../family";
import { readSingleTable } from "../single-table";
import { BudgetRead, readBudgetBlock } from "../budget-block";
import { FormInfo, readFormInfo } from "../standard-form";
import { findTableOnce } from "../table-finder";

export const NATIONAL_KINDS = [
  { id: "project", label: { zh: "项目支出绩效自评表", en: "Project expenditure self-evaluation form" }, cli: "project", showsTotal: true, named: true },
  { id: "department", label: { zh: "部门整体支出绩效自评表", en: "Department expenditure self-evaluation form" }, cli: "department", showsTotal: true, named: true },
] as const;

interface NationalDetail {
  budget: BudgetRead | null;
  info: FormInfo;
}

/** Sure when the grid names itself a national form; the plain family takes what this one leaves. */
const CONFIDENCE = 0.9;

export const nationalFamily = {
  id: "national",
  kinds: NATIONAL_KINDS,
  recognise(grid, options): Recognition | null {
    const found = findTableOnce(grid, options);
    if (!found.ok) return null;
    const above = Array.from({ length: found.layout.headerIndex }, (_, i) => i);
    const budget = readBudgetBlock(grid, above);
    const info = readFormInfo(grid, found.layout.headerIndex, budget !== null);
    if (info.kind === "plain") return null;
    const detail: NationalDetail = { budget, info };
    return { confidence: CONFIDENCE, layout: found.layout, detail };
  },
  read(grid, recognition, context) {
    const { budget, info } = recognition.detail as NationalDetail;
    return readSingleTable(grid, recognition.layout, { family: "national", form: info, budget, preset: context.preset });
  },
} satisfies FormFamily;
