import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { type ReactElement, useState } from "react";
import { fmt } from "../i18n/i18n";
import { useLocale } from "../i18n/locale";

/** Characters shown of a long message before 全文 (a 2,000-character cell quoted whole would fill screens). */
export const LONG_TEXT_LIMIT = 160;

const useStyles = makeStyles({
  toggle: { minWidth: 0, height: "auto", padding: `0 ${tokens.spacingHorizontalXS}`, verticalAlign: "baseline" },
});

/** The first LONG_TEXT_LIMIT characters of `text`, then …; null when it is short enough to show whole. */
export function shorten(text: string, limit = LONG_TEXT_LIMIT): string | null {
  const chars = Array.from(text);
  return chars.length <= limit ? null : `${chars.slice(0, limit - 1).join("")}…`;
}

/** A long text cut short, whole on request: the text, and beside it the button that shows it all. */
export function useLongText(text: string): { shown: string; toggle: ReactElement | null } {
  const { t } = useLocale();
  const styles = useStyles();
  const [whole, setWhole] = useState(false);
  const short = shorten(text);
  if (short === null) return { shown: text, toggle: null };
  return {
    shown: whole ? text : short,
    toggle: (
      <Button
        size="small"
        appearance="transparent"
        className={styles.toggle}
        aria-expanded={whole}
        onClick={() => setWhole((w) => !w)}
        title={whole ? undefined : fmt(t.showAllChars, { n: Array.from(text).length })}
      >
        {whole ? t.showLess : t.showAll}
      </Button>
    ),
  };
}
