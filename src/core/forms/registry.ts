/**
 * The index of form families (docs/form-families.md): the one place that lists them. Adding a
 * family is a module under src/core/forms/ and one line here; the form kinds, their labels and
 * names (form.kind in --json, the review's kind column, the CLI's and the pane's labels) are
 * derived from the families listed.
 */
import { z } from "zod";
import { CORE_TEXT } from "../basics/messages";
import type { Grid } from "../basics/grid";
import type { Bilingual } from "../basics/text";
import { MAX_HEADER_ROWS } from "../basics/tuning";
import type { FormFamily, FormKindInfo, FormRead, ReadContext, Recognition, RecogniseOptions, Refusal } from "./family";
import { goalBlockFamily } from "./goal-blocks";
import { dataItemsFamily } from "./data-items";
import { nationalFamily } from "./national";
import { plainFamily } from "./plain";
import { scoringFamily } from "./scoring";

/** Every family, most specific first: on equal confidence the earlier one wins. */
export const FAMILIES = [dataItemsFamily, goalBlockFamily, scoringFamily, nationalFamily, plainFamily] as const satisfies readonly FormFamily[];

type KindIds<F> = F extends { kinds: readonly (infer K)[] } ? (K extends { id: infer I } ? I : never) : never;
/** A form kind: one a listed family declares. */
export type FormKind = KindIds<(typeof FAMILIES)[number]>;

/** Every kind, in the families' order. */
export const FORM_KINDS: readonly (FormKindInfo & { id: FormKind; family: string })[] = FAMILIES.flatMap((f) =>
  f.kinds.map((k) => ({ ...k, id: k.id as FormKind, family: f.id })),
);
export const FORM_KIND_IDS = FORM_KINDS.map((k) => k.id) as [FormKind, ...FormKind[]];
export const FormKindSchema = z.enum(FORM_KIND_IDS);

export const FORM_KIND_LABELS = Object.fromEntries(FORM_KINDS.map((k) => [k.id, k.label])) as Record<FormKind, Bilingual>;

/** The kind's declaration (label, CLI name, whether its total is always shown). */
export function formKind(id: FormKind): FormKindInfo {
  const k = FORM_KINDS.find((x) => x.id === id);
  if (!k) throw new Error(`unknown form kind ${id}`);
  return k;
}

export const FormSchema = z.object({
  kind: FormKindSchema,
  title: z.string().nullable(),
  project: z.string().nullable(),
  department: z.string().nullable(),
  /** 实施单位 */
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  /** 单位名称 / 填报单位: the unit that filled in the form, when written */
  reportingUnit: z.string().nullable().optional(),
});
export type FormInfo = z.infer<typeof FormSchema>;

/** A family's reading with its kind checked against the registry. */
export type FormReading = Omit<FormRead, "form"> & { form: FormInfo };

/** Each family that recognises the grid, most confident first (ties: index order). */
export function recognise(grid: Grid, options: RecogniseOptions = {}): Array<{ family: FormFamily; recognition: Recognition }> {
  const out: Array<{ family: FormFamily; recognition: Recognition; order: number }> = [];
  FAMILIES.forEach((family: FormFamily, order) => {
    const recognition = family.recognise(grid, options);
    if (recognition && recognition.confidence > 0) out.push({ family, recognition, order });
  });
  out.sort((a, b) => b.recognition.confidence - a.recognition.confidence || a.order - b.order);
  return out.map(({ family, recognition }) => ({ family, recognition }));
}

/** Read the grid with the most confident family. */
export function readForm(grid: Grid, options: RecogniseOptions, context: ReadContext): { ok: true; read: FormReading } | Refusal {
  const [best] = recognise(grid, options);
  if (!best) return { ok: false, reason: CORE_TEXT.noIndicatorHeader({ rows: MAX_HEADER_ROWS }) };
  const read = best.family.read(grid, best.recognition, context);
  if ("ok" in read) return read;
  const kind = best.family.kinds.find((k) => k.id === read.form.kind);
  if (!kind) throw new Error(`family ${best.family.id} read kind ${read.form.kind}, which it does not declare`);
  return { ok: true, read: { ...read, form: { ...read.form, kind: kind.id as FormKind } } };
}
