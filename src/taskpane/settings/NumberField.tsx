import { Field, Input } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useLocale } from "../i18n/locale";

/** A number as typed: full-width digits and points accepted (Chinese input methods), blank is no number. */
export function parseNumber(text: string): number | null {
  const ascii = text.replace(/[０-９．－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).trim();
  if (ascii === "") return null;
  const n = Number(ascii);
  return Number.isFinite(n) ? n : null;
}

export interface NumberFieldProps {
  label: string;
  value: number;
  /** the message shown when `onCommit` refuses the number */
  invalid: string;
  /** apply the number; false when it is not acceptable */
  onCommit(n: number): boolean;
  disabled?: boolean;
}

/** A number committed on blur or Enter, so typing "8" on the way to "85" saves nothing. */
export function NumberField({ label, value, invalid, onCommit, disabled }: NumberFieldProps) {
  const { t } = useLocale();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(String(value));
    setError(null);
  }, [value]);
  const commit = () => {
    const n = parseNumber(draft);
    if (n === null) setError(t.errNumber);
    else if (n === value) setError(null);
    else setError(onCommit(n) ? null : invalid);
  };
  return (
    <Field label={label} validationMessage={error ?? undefined} validationState={error ? "error" : "none"}>
      <Input
        value={draft}
        inputMode="decimal"
        disabled={disabled}
        onChange={(_, d) => setDraft(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}
