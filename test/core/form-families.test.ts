/** The form-family registry (docs/form-families.md): kinds derived from the families, the most confident family reads. */
import { FAMILIES, FORM_KINDS, FORM_KIND_IDS, FORM_KIND_LABELS, FormKindSchema, readForm, recognise } from "../../src/core/forms/registry";
import { resolvePreset, SettingsSchema } from "../../src/core/indicators/presets";
import { KIND_LABELS, REVIEW_KINDS } from "../../src/core/review";
import { departmentForm, projectForm } from "../fixtures/standard-forms";
import { SCORED_HEADER, grid, scoredRow } from "./helpers";

const preset = resolvePreset(SettingsSchema.parse({}));

const plainTable = grid([SCORED_HEADER, scoredRow("产出指标", "完成数", "≥10个", "12个", 100, 100)]);

describe("the registry", () => {
  test("every family declares kinds with a label and a CLI name; ids are unique", () => {
    const ids = FAMILIES.flatMap((f) => f.kinds.map((k) => k.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(FORM_KIND_IDS).toEqual(ids);
    for (const k of FORM_KINDS) expect([k.label.zh.length > 0, k.label.en.length > 0, /^[a-z][a-z-]*$/.test(k.cli)]).toEqual([true, true, true]);
  });

  test("the review's kinds and labels are the registry's, plus the statement", () => {
    expect([...REVIEW_KINDS]).toEqual([...FORM_KIND_IDS, "statement"]);
    for (const id of FORM_KIND_IDS) expect(KIND_LABELS[id]).toEqual(FORM_KIND_LABELS[id]);
    expect(FormKindSchema.safeParse("statement").success).toBe(false);
  });

  test.each([
    ["the project form", () => grid(projectForm().values, { numberFormats: projectForm().numberFormats }), ["national", "plain"], "project"],
    ["the department form", () => grid(departmentForm().values, { numberFormats: departmentForm().numberFormats }), ["national", "plain"], "department"],
    ["a plain table", () => plainTable, ["plain"], "plain"],
  ] as const)("%s: families that recognise it, most confident first, and the kind read", (_, make, families, kind) => {
    const g = make();
    expect(recognise(g).map((r) => r.family.id)).toEqual(families);
    const read = readForm(g, {}, { preset });
    expect(read.ok && read.read.form.kind).toBe(kind);
    expect(read.ok && read.read.family).toBe(families[0]);
  });

  test("no family recognises a grid without an indicator header: the usual reason", () => {
    const read = readForm(grid([["收入", 1], ["支出", 2]]), {}, { preset });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason.zh).toMatch(/表头/);
  });

  test("a header with no rows under it: the family refuses with its reason", () => {
    const read = readForm(grid([SCORED_HEADER]), {}, { preset });
    expect(read.ok).toBe(false);
  });
});
