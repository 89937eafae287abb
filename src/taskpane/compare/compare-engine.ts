/**
 * What the 生成对比表 job needs of the engine. Imported dynamically (its own chunk), because the
 * comparison engine carries the bundled seed reports: the pane's first script stays small.
 */
export { buildComparisonSheet, departmentHeader, missingRows, ownDepartmentFromGrid, seedDepartments, templateChoices } from "../../core/compare";
export type { CompareDepartment, OwnDepartmentResult, SheetMessage, SheetPlan, TemplateId } from "../../core/compare";
export { FIGURE_CATALOG } from "../../core/seeds/seed-schema";
