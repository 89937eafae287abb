import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Checkbox, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { DEFAULT_SETTINGS, PRESETS, type Settings, categoryName, gradeName, presetName, resolvePreset } from "../../core/indicators/presets";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { NumberField } from "./NumberField";
import { parseSettings } from "./settings-store";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  group: {
    display: "grid",
    // two short fields a row at 320 px, more when the pane is wider; a field never wider than its cell
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 96px), 1fr))",
    minWidth: 0,
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    border: "none",
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
  lowest: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  lowestBound: { color: tokens.colorNeutralForeground3, paddingBlock: tokens.spacingVerticalSNudge },
});

/** Percent shown for a fraction, without float noise (0.07 → 7). */
const percent = (fraction: number) => Number((fraction * 100).toPrecision(12));

export interface SettingsPanelProps {
  settings: Settings;
  onChange(settings: Settings): void;
  disabled: boolean;
}

/**
 * Preset, grade lines, category points, the 约/左右 tolerance, how a bare target reads and
 * whether a reason is required. Every change is parsed with SettingsSchema before it is kept.
 */
export function SettingsPanel({ settings, onChange, disabled }: SettingsPanelProps) {
  const { t, pick } = useLocale();
  const styles = useStyles();
  const preset = useMemo(() => resolvePreset(settings), [settings]);

  /** Keep a candidate when it parses; false tells the field to show its message. */
  const apply = (candidate: unknown): boolean => {
    const parsed = parseSettings(candidate);
    if (!parsed) return false;
    onChange(parsed);
    return true;
  };
  const editPreset = (edit: Partial<Settings["preset"]>) => apply({ ...settings, preset: { ...settings.preset, ...edit } });

  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader as="h2">{t.settingsTitle}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.panel} data-testid="settings">
            <Text size={200} className={styles.note}>
              {t.settingsIntro}
            </Text>
            {/* the dropdown cuts a long name with … at Excel's width: the hint shows it whole */}
            <Field label={t.settingsPreset} hint={fmt(t.settingsPresetTotal, { name: pick(presetName(preset)), total: preset.total })}>
              <Select value={settings.presetId} disabled={disabled} onChange={(_, d) => apply({ ...settings, presetId: d.value, preset: undefined })}>
                {PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {pick(presetName(p))}
                  </option>
                ))}
              </Select>
            </Field>
            <fieldset className={styles.group}>
              <legend className={styles.legend}>{t.settingsGrades}</legend>
              {preset.grades.map((g, i) =>
                // the lowest grade has no line of its own: it is what lies below the one above it
                i === preset.grades.length - 1 && i > 0 ? (
                  <div key={`${preset.id}-${g.grade}`} className={styles.lowest} data-testid="grade-lowest">
                    <Text>{pick(gradeName(g))}</Text>
                    <Text className={styles.lowestBound}>{fmt(t.settingsGradeLowest, { min: preset.grades[i - 1].min })}</Text>
                  </div>
                ) : (
                  <NumberField
                    key={`${preset.id}-${g.grade}`}
                    label={pick(gradeName(g))}
                    value={g.min}
                    invalid={t.errPercent}
                    disabled={disabled}
                    onCommit={(min) => editPreset({ grades: preset.grades.map((x, j) => (j === i ? { ...x, min } : x)) })}
                  />
                ),
              )}
            </fieldset>
            <fieldset className={styles.group}>
              <legend className={styles.legend}>{t.settingsWeights}</legend>
              {preset.categories.map((c, i) => (
                <NumberField
                  key={`${preset.id}-${c.id}`}
                  label={pick(categoryName(c))}
                  value={c.points}
                  invalid={t.errNonNegative}
                  disabled={disabled}
                  onCommit={(points) => editPreset({ categories: preset.categories.map((x, j) => (j === i ? { ...x, points } : x)) })}
                />
              ))}
            </fieldset>
            <NumberField
              label={t.settingsTolerance}
              value={percent(settings.approxTolerance)}
              invalid={t.errPercent}
              disabled={disabled}
              onCommit={(p) => apply({ ...settings, approxTolerance: p / 100 })}
            />
            <Field label={t.settingsImplicit}>
              <Select value={settings.implicitOperator} disabled={disabled} onChange={(_, d) => apply({ ...settings, implicitOperator: d.value })}>
                <option value="ge">{t.implicitGe}</option>
                <option value="eq">{t.implicitEq}</option>
              </Select>
            </Field>
            <Checkbox
              checked={settings.reasonRequired}
              disabled={disabled}
              label={t.settingsReason}
              onChange={(_, d) => apply({ ...settings, reasonRequired: d.checked === true })}
            />
            <div>
              <Button size="small" disabled={disabled} onClick={() => onChange(DEFAULT_SETTINGS)}>
                {t.settingsReset}
              </Button>
            </div>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
