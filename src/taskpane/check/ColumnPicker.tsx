import { Button, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { type FormEvent, useMemo, useState } from "react";
import { columnLetter } from "../../core/basics/address";
import { ROLES, type Role } from "../../core/forms/table-finder";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";
import { type ColumnChoices, type GridInfo, type TableOverride, gridColumns, headerText } from "./table-override";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // one column up to a pane of about 500 px, so each dropdown is whole with its arrow (docs/task-pane.md)
  roles: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 220px), 1fr))", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Select values: "" detect, "-" not used, else a column letter. */
const AUTO = "";
const NONE = "-";

function toSelect(choice: string | null | undefined): string {
  return choice === undefined ? AUTO : choice === null ? NONE : choice;
}

function fromSelect(value: string): string | null | undefined {
  return value === AUTO ? undefined : value === NONE ? null : value;
}

export interface ColumnPickerProps {
  info: GridInfo;
  initial: TableOverride;
  overridden: boolean;
  disabled: boolean;
  onApply(override: TableOverride): void;
  onCancel(): void;
  onReset(): void;
}

/** The header row (as a sheet row number) and a column letter per role, for when detection is wrong. */
export function ColumnPicker({ info, initial, overridden, disabled, onApply, onCancel, onReset }: ColumnPickerProps) {
  const { t } = useLocale();
  const styles = useStyles();
  const [rowText, setRowText] = useState(String(initial.headerRow));
  const [rowError, setRowError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<Role, string>>(() => Object.fromEntries(ROLES.map((r) => [r, toSelect(initial.columns[r])])) as Record<Role, string>);
  const letters = useMemo(() => gridColumns(info), [info]);
  const lastRow = info.firstRow + Math.max(info.rowCount, 1) - 1;
  const typedRow = Number(rowText.trim());
  const labelRow = Number.isInteger(typedRow) ? typedRow : initial.headerRow;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const row = Number(rowText.trim());
    if (!Number.isInteger(row) || row < info.firstRow || row > lastRow) {
      setRowError(fmt(t.pickerHeaderRowError, { min: info.firstRow, max: lastRow }));
      return;
    }
    setRowError(null);
    const columns: ColumnChoices = {};
    for (const role of ROLES) {
      const choice = fromSelect(choices[role]);
      if (choice !== undefined) columns[role] = choice;
    }
    onApply({ sheet: info.sheet, headerRow: row, columns });
  };

  return (
    <form className={styles.root} onSubmit={submit} aria-labelledby="jx-picker" data-testid="column-picker">
      <Subtitle2 as="h2" id="jx-picker">
        {t.pickerTitle}
      </Subtitle2>
      <Text size={200}>{fmt(t.pickerSheet, { sheet: info.sheet, row: info.firstRow, col: columnLetter(info.firstCol) })}</Text>
      <Field label={t.pickerHeaderRow} validationMessage={rowError ?? undefined} validationState={rowError ? "error" : "none"}>
        <Input value={rowText} inputMode="numeric" onChange={(_, d) => setRowText(d.value)} />
      </Field>
      <div className={styles.roles}>
        {ROLES.map((role) => (
          <Field key={role} label={t[`role_${role}`]}>
            <Select value={choices[role]} onChange={(_, d) => setChoices((c) => ({ ...c, [role]: d.value }))}>
              <option value={AUTO}>{t.pickerAuto}</option>
              <option value={NONE}>{t.pickerNone}</option>
              {letters.map((letter) => {
                const text = headerText(info, labelRow, letter);
                return (
                  <option key={letter} value={letter}>
                    {text ? `${letter} · ${text.length > 16 ? `${text.slice(0, 16)}…` : text}` : letter}
                  </option>
                );
              })}
            </Select>
          </Field>
        ))}
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={disabled}>
          {t.pickerApply}
        </Button>
        <Button onClick={onCancel} disabled={disabled}>
          {t.pickerCancel}
        </Button>
        {overridden && (
          <Button onClick={onReset} disabled={disabled}>
            {t.pickerReset}
          </Button>
        )}
      </div>
    </form>
  );
}
