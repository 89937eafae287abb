/**
 * Scoring presets and settings (docs/rules.md §5). One typed object with its defaults written
 * down here; settings read from a workbook or CLI flags are parsed with these schemas.
 */
import { z } from "zod";
import type { Bilingual } from "../basics/text";

export const GradeBandSchema = z.object({ grade: z.string().min(1), gradeEn: z.string().min(1), min: z.number().min(0).max(100) });
export type GradeBand = z.infer<typeof GradeBandSchema>;

export const CategorySchema = z.object({
  id: z.string(),
  label: z.string(),
  labelEn: z.string(),
  points: z.number().nonnegative(),
  /** level-1 names that belong to this category (normalised text contains one of them) */
  match: z.array(z.string()).min(1),
});
export type Category = z.infer<typeof CategorySchema>;

export const PresetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  nameEn: z.string(),
  total: z.number().positive(),
  categories: z.array(CategorySchema),
  /** highest band first */
  grades: z.array(GradeBandSchema).min(1),
  budgetExecutionCap: z.boolean(),
  overAchievementThreshold: z.number().min(1),
});
export type Preset = z.infer<typeof PresetSchema>;

const DEFAULT_GRADES = [
  { grade: "优", gradeEn: "Excellent", min: 90 },
  { grade: "良", gradeEn: "Good", min: 80 },
  { grade: "中", gradeEn: "Fair", min: 60 },
  { grade: "差", gradeEn: "Poor", min: 0 },
];

/** Words that make a row or a level-1 name budget execution (预算执行率, 预算资金执行率, 资金执行情况). */
export const BUDGET_EXECUTION_WORDS = ["预算执行", "预算资金执行", "资金执行"];

/** Whether a name (already normalised) is budget execution: one rule for the row check and the default category. */
export function isBudgetExecution(normalisedName: string): boolean {
  return BUDGET_EXECUTION_WORDS.some((w) => normalisedName.includes(w));
}

const BUDGET = { id: "budget", label: "预算执行", labelEn: "Budget execution", match: BUDGET_EXECUTION_WORDS };
const OUTPUT = { id: "output", label: "产出指标", labelEn: "Output", match: ["产出"] };
const BENEFIT = { id: "benefit", label: "效益指标", labelEn: "Benefit", match: ["效益", "效果"] };
const SATISFACTION = { id: "satisfaction", label: "满意度指标", labelEn: "Satisfaction", match: ["满意度", "满意"] };

const MOF_2020: Preset = {
  id: "default",
  name: "财政部2020年通行做法（预算执行10/产出50/效益30/满意度10）",
  nameEn: "Ministry of Finance 2020 practice (10/50/30/10)",
  total: 100,
  categories: [
    { ...BUDGET, points: 10 },
    { ...OUTPUT, points: 50 },
    { ...BENEFIT, points: 30 },
    { ...SATISFACTION, points: 10 },
  ],
  grades: DEFAULT_GRADES,
  budgetExecutionCap: true,
  overAchievementThreshold: 1.2,
};

export const PRESETS: readonly Preset[] = [
  MOF_2020,
  {
    ...MOF_2020,
    id: "hubei",
    name: "湖北式（预算执行20/产出40/效益与满意度40）",
    nameEn: "Hubei style (20/40/40)",
    categories: [
      { ...BUDGET, points: 20 },
      { ...OUTPUT, points: 40 },
      { id: "benefit-satisfaction", label: "效益及满意度指标", labelEn: "Benefit and satisfaction", points: 40, match: ["效益", "效果", "满意"] },
    ],
  },
  {
    ...MOF_2020,
    id: "sichuan",
    name: "四川式（预算执行10/绩效指标90）",
    nameEn: "Sichuan style (10/90)",
    categories: [
      { ...BUDGET, points: 10 },
      { id: "performance", label: "绩效指标", labelEn: "Performance indicators", points: 90, match: ["产出", "效益", "效果", "满意", "绩效"] },
    ],
  },
  {
    // the alternative grade scale some systems use; points as the MoF practice
    ...MOF_2020,
    id: "grade-80",
    name: "等级线80/70/60（分值同财政部通行做法）",
    nameEn: "Grade lines 80/70/60 (points as the MoF practice)",
    grades: [
      { grade: "优", gradeEn: "Excellent", min: 80 },
      { grade: "良", gradeEn: "Good", min: 70 },
      { grade: "中", gradeEn: "Fair", min: 60 },
      { grade: "差", gradeEn: "Poor", min: 0 },
    ],
  },
];

export const PRESET_IDS = PRESETS.map((p) => p.id);

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export const SettingsSchema = z.object({
  presetId: z.string().default("default"),
  /** edits on top of the preset (weights, grade lines, caps) */
  preset: PresetSchema.partial().optional(),
  /** how a target without an operator is read (docs/rules.md §4) */
  implicitOperator: z.enum(["ge", "eq"]).default("ge"),
  /** relative tolerance of 约/左右 targets */
  approxTolerance: z.number().min(0).max(1).default(0.05),
  /** a reason is required where the score is below the points */
  reasonRequired: z.boolean().default(true),
  /** stated vs computed score: differences up to this are equal */
  scoreTolerance: z.number().min(0).default(0.01),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** The preset a run uses: the named preset with the settings' edits applied, validated. */
export function resolvePreset(settings: Settings): Preset {
  const base = findPreset(settings.presetId);
  if (!base) throw new Error(`unknown preset "${settings.presetId}" (known: ${PRESET_IDS.join(", ")})`);
  return PresetSchema.parse({ ...base, ...(settings.preset ?? {}) });
}

export function gradeFor(score: number, preset: Preset): GradeBand {
  const sorted = [...preset.grades].sort((a, b) => b.min - a.min);
  for (const g of sorted) if (score >= g.min) return g;
  return sorted[sorted.length - 1];
}

// Presets keep their names as flat fields (name + nameEn, grade + gradeEn, label + labelEn): edited grade lines and
// weights are saved in the workbook in that shape (settings-store). These are the Bilingual views.

/** A preset's name in both languages. */
export function presetName(p: Preset): Bilingual {
  return { zh: p.name, en: p.nameEn };
}

/** A grade band's name in both languages (优 / Excellent). */
export function gradeName(g: GradeBand): Bilingual {
  return { zh: g.grade, en: g.gradeEn };
}

/** A category's name in both languages (产出指标 / Output). */
export function categoryName(c: Category): Bilingual {
  return { zh: c.label, en: c.labelEn };
}
