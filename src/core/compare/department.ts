/**
 * A department column of a comparison sheet: a bundled seed or the user's own department read
 * from a label/value sheet, in one shape. Figures carry their canonical catalog unit and source.
 */
import { z } from "zod";
import { DEPARTMENT_IDS, SEEDS, seedById } from "../seeds/seed-data";
import { reportTitle } from "../seeds/seed-reports";
import { CanonicalUnitSchema, FigureId, FigureIdSchema, QualifierSchema, Seed } from "../seeds/seed-schema";
import { consistentReadings } from "./consistent-reading";

export const CompareFigureSchema = z
  .object({
    /** in the catalog's canonical unit (percent figures as percent numbers: 98.42) */
    value: z.number().finite().optional(),
    /** a word value (grade 优) */
    text: z.string().min(1).optional(),
    unit: CanonicalUnitSchema,
    year: z.number().int().nullable(),
    /** the figure as the source writes it, unit included: 26，336.8万元 */
    asWritten: z.string().optional(),
    source: z.object({ document: z.string().min(1), section: z.string().min(1) }),
    qualifier: QualifierSchema.optional(),
    /** other values the source gives for the same figure */
    alternatives: z.array(z.object({ asWritten: z.string(), value: z.number().finite(), section: z.string().min(1), note: z.string().optional() })).optional(),
    /** true when the alternatives disagree beyond the precision written */
    conflict: z.boolean().optional(),
    /** read in its siblings' unit because the report's own sum proves the written unit wrong */
    reading: z.object({ asWritten: z.string().min(1), unitRead: z.string().min(1), isTotal: z.boolean() }).optional(),
    /** where its unit was read when not beside it: A2“单位：万元” (an own department's title line) */
    unitFrom: z.string().min(1).optional(),
    /** maintainers' words on the figure (the seed's, in English): kept in the data, not put on the sheet */
    note: z.string().optional(),
  })
  .refine((f) => (f.value === undefined) !== (f.text === undefined), { message: "a figure has a number or a text" });
export type CompareFigure = z.infer<typeof CompareFigureSchema>;

export const CompareDepartmentSchema = z.object({
  /** a seed id, or "own" for the user's department */
  id: z.string().min(1),
  /** full name: 江门市医疗保障局 */
  name: z.string().min(1),
  /** for column headers: 江门 */
  shortName: z.string().min(1),
  year: z.number().int().nullable(),
  level: z.enum(["province", "city"]).optional(),
  own: z.boolean(),
  /** where the figures come from: the report's title 《…》, or 工作表“本单位” */
  document: z.string().min(1),
  figures: z.partialRecord(FigureIdSchema, CompareFigureSchema),
  /** figures the source does not give: — with a note, never 0 */
  missing: z.array(FigureIdSchema),
  missingNotes: z.partialRecord(FigureIdSchema, z.string().min(1)),
});
export type CompareDepartment = z.infer<typeof CompareDepartmentSchema>;

export const OWN_DEPARTMENT_ID = "own";

/** 广东省医疗保障局 → 广东, 江门市医疗保障局 → 江门. */
export function shortDepartmentName(name: string): string {
  const short = name.replace(/(?:省|市|区|县)?医疗保障局$/, "");
  return short === "" ? name : short;
}

/** Column header: short name and year, 江门 2023. */
export function departmentHeader(d: Pick<CompareDepartment, "shortName" | "year">): string {
  return d.year === null ? d.shortName : `${d.shortName} ${d.year}`;
}

export function departmentFromSeed(seed: Seed): CompareDepartment {
  const figures: Partial<Record<FigureId, CompareFigure>> = {};
  for (const [id, f] of Object.entries(seed.figures) as [FigureId, NonNullable<Seed["figures"][FigureId]>][]) {
    const asWritten = f.valueAsWritten !== undefined ? `${f.valueAsWritten}${f.unitAsWritten ?? ""}` : f.text;
    const cf: CompareFigure = { unit: f.unit, year: f.year, source: { document: reportTitle(f.source.document), section: f.source.section } };
    if (f.value !== undefined) cf.value = f.value;
    if (f.text !== undefined) cf.text = f.text;
    if (asWritten !== undefined) cf.asWritten = asWritten;
    if (f.qualifier) cf.qualifier = f.qualifier;
    if (f.alternatives) {
      cf.alternatives = f.alternatives.map((a) => ({
        asWritten: `${a.valueAsWritten}${a.unitAsWritten}`,
        value: a.value,
        section: a.section,
        ...(a.note ? { note: a.note } : {}),
      }));
      cf.conflict = f.conflict ?? false;
    }
    if (f.note) cf.note = f.note;
    figures[id] = cf;
  }
  for (const r of consistentReadings(seed.figures)) {
    const cf = figures[r.figure];
    if (cf) Object.assign(cf, { value: r.value, reading: { asWritten: r.asWritten, unitRead: r.unitRead, isTotal: r.isTotal } });
  }
  return {
    id: seed.id,
    name: seed.department,
    shortName: shortDepartmentName(seed.department),
    year: seed.year,
    level: seed.level,
    own: false,
    document: reportTitle(seed.source),
    figures,
    missing: [...seed.missing],
    missingNotes: { ...(seed.missingNotes ?? {}) },
  };
}

/** The bundled departments, in docs/rules.md §8 order. */
export function seedDepartments(): CompareDepartment[] {
  return SEEDS.map(departmentFromSeed);
}

/** Seed ids → departments, in the order given (duplicates dropped); ids that are not seeds come back in `unknown`. */
export function departmentsByIds(ids: readonly string[]): { departments: CompareDepartment[]; unknown: string[] } {
  const departments: CompareDepartment[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const raw of ids) {
    const id = raw.trim();
    if (id === "" || seen.has(id)) continue;
    seen.add(id);
    const seed = seedById(id);
    if (seed) departments.push(departmentFromSeed(seed));
    else unknown.push(id);
  }
  return { departments, unknown };
}

export { DEPARTMENT_IDS };
