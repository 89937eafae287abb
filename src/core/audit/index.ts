/** Statement audit (docs/rules.md §7, J3): the public surface. */
export { auditGrid } from "./audit";
export type { AuditOutcome } from "./audit";
export type { NotAStatement } from "./recognise";
export {
  AuditResultSchema,
  CHECKS,
  CheckSchema,
  FindingSchema,
  PassedSchema,
  RatioSchema,
} from "./finding";
export type { AuditResult, Check, Finding, Passed, Ratio, RatioKind } from "./finding";
export { LABELS, RELATIONS, matchLabel, partitionOf } from "./labels";
export { AUDIT_COLUMNS, findingsSheetName } from "./plan";
