/**
 * The engine's own value of every template row for one department: the number written in a
 * figure cell, and the exact result of each formula row (decimal.ts), with the reason when a
 * cell shows —. The sheet's live formulas must agree with these (tests evaluate both).
 */
import { Dec, addDec, decToNumber, numberToDec, shiftDec, subDec } from "../basics/decimal";
import { FigureId } from "../seeds/seed-schema";
import { CompareDepartment, CompareFigure } from "./department";
import { ComparisonTemplate, FormulaRow, TemplateId, TemplateRow, templateById } from "./templates";

/** Why a cell shows —. */
export type MissingReason =
  | { kind: "not_given"; figure: FigureId; note?: string }
  | { kind: "not_numeric"; figure: FigureId }
  | { kind: "operands"; rows: string[] }
  | { kind: "zero_denominator"; row: string };

export type RowValue =
  | { kind: "number"; value: number; dec: Dec }
  | { kind: "text"; text: string }
  | { kind: "missing"; reason: MissingReason };

/** What a figure cell holds: percent figures as fractions (98.42 → 0.9842, shown 98.42% by the 0.00% format). */
export function figureCellNumber(f: CompareFigure): Dec | null {
  if (f.value === undefined) return null;
  const d = numberToDec(f.value);
  return f.unit === "%" ? shiftDec(d, -2) : d;
}

function rowByKey(template: ComparisonTemplate): Map<string, TemplateRow> {
  return new Map(template.rows.map((r) => [r.key, r]));
}

/** Rows a sum covers: from of[0] to of[1] inclusive, in template order. */
export function sumRange(template: ComparisonTemplate, row: FormulaRow): TemplateRow[] {
  const keys = template.rows.map((r) => r.key);
  const a = keys.indexOf(row.of[0]);
  const b = keys.indexOf(row.of[1]);
  return a < 0 || b < a ? [] : template.rows.slice(a, b + 1);
}

export function computeRowValues(templateOrId: ComparisonTemplate | TemplateId, dept: CompareDepartment): Map<string, RowValue> {
  const template = typeof templateOrId === "string" ? templateById(templateOrId) : templateOrId;
  if (!template) throw new Error(`unknown template ${String(templateOrId)}`);
  const rows = rowByKey(template);
  const out = new Map<string, RowValue>();
  const missing = new Set(dept.missing);
  const visit = (key: string): RowValue => {
    const done = out.get(key);
    if (done) return done;
    const row = rows.get(key);
    if (!row) throw new Error(`template ${template.id}: no row ${key}`);
    let v: RowValue;
    if (row.kind === "figure") {
      const f = dept.figures[row.figure];
      if (!f) {
        const note = dept.missingNotes[row.figure];
        v = { kind: "missing", reason: { kind: "not_given", figure: row.figure, ...(note && missing.has(row.figure) ? { note } : {}) } };
      } else if (f.text !== undefined) {
        v = { kind: "text", text: f.text };
      } else {
        const d = figureCellNumber(f);
        v = d ? { kind: "number", value: decToNumber(d), dec: d } : { kind: "missing", reason: { kind: "not_numeric", figure: row.figure } };
      }
    } else {
      v = evaluateFormulaRow(template, row, visit);
    }
    out.set(key, v);
    return v;
  };
  for (const r of template.rows) visit(r.key);
  return out;
}

function evaluateFormulaRow(template: ComparisonTemplate, row: FormulaRow, visit: (key: string) => RowValue): RowValue {
  if (row.op === "sum") {
    let acc: Dec | null = null;
    for (const r of sumRange(template, row)) {
      const v = visit(r.key);
      if (v.kind === "number") acc = acc ? addDec(acc, v.dec) : v.dec;
    }
    if (!acc) return { kind: "missing", reason: { kind: "operands", rows: sumRange(template, row).map((r) => r.key) } };
    return { kind: "number", value: decToNumber(acc), dec: acc };
  }
  const [ka, kb] = row.of;
  const a = visit(ka);
  const b = visit(kb);
  const absent = [ka, kb].filter((_, i) => [a, b][i].kind !== "number");
  if (a.kind !== "number" || b.kind !== "number") return { kind: "missing", reason: { kind: "operands", rows: absent } };
  if (row.op === "difference") {
    const d = subDec(a.dec, b.dec);
    return { kind: "number", value: decToNumber(d), dec: d };
  }
  if (b.dec.m === 0) return { kind: "missing", reason: { kind: "zero_denominator", row: kb } };
  // both operands are exact decimals; one correctly rounded division
  const q = decToNumber(a.dec) / decToNumber(b.dec);
  return { kind: "number", value: q, dec: numberToDec(q) };
}

/** The engine's result of each formula row (null where the sheet shows —), keyed by row key. */
export function computeRatios(templateOrId: ComparisonTemplate | TemplateId, dept: CompareDepartment): Record<string, number | null> {
  const template = typeof templateOrId === "string" ? templateById(templateOrId) : templateOrId;
  if (!template) throw new Error(`unknown template ${String(templateOrId)}`);
  const values = computeRowValues(template, dept);
  const out: Record<string, number | null> = {};
  for (const r of template.rows) {
    if (r.kind !== "formula") continue;
    const v = values.get(r.key);
    out[r.key] = v && v.kind === "number" ? v.value : null;
  }
  return out;
}

/** Figure rows a department does not give (shown as —), in template order. */
export function missingRows(templateOrId: ComparisonTemplate | TemplateId, dept: CompareDepartment): TemplateRow[] {
  const template = typeof templateOrId === "string" ? templateById(templateOrId) : templateOrId;
  if (!template) throw new Error(`unknown template ${String(templateOrId)}`);
  const values = computeRowValues(template, dept);
  return template.rows.filter((r) => r.kind === "figure" && values.get(r.key)?.kind === "missing");
}
