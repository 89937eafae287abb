import { FluentProvider, Link, Text, makeStaticStyles, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { Locale } from "../taskpane/i18n";
import { TaskPaneRoot } from "../taskpane/Root";
import { GridView } from "./GridView";
import type { PreviewWorkbook } from "./preview-workbook";
import { previewStrings } from "./strings";

/** The width Excel gives a task pane by default, about. */
const PANE_WIDTH = 360;

const usePageStyles = makeStaticStyles({ "html, body": { margin: 0, padding: 0 } });

const useStyles = makeStyles({
  app: { display: "flex", flexDirection: "column", height: "100vh" },
  banner: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bannerText: { flexGrow: 1 },
  body: { display: "flex", flexGrow: 1, minHeight: 0 },
  sheet: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  pane: { width: `${PANE_WIDTH}px`, flexShrink: 0, overflowY: "auto", borderLeft: `1px solid ${tokens.colorNeutralStroke1}` },
});

export interface PreviewAppProps {
  book: PreviewWorkbook;
  /** as Office would give it: "zh-CN", "en-US" */
  displayLanguage: string;
  locale: Locale;
}

export function PreviewApp({ book, displayLanguage, locale }: PreviewAppProps) {
  usePageStyles();
  const styles = useStyles();
  const t = previewStrings(locale);
  const other = locale === "en-US" ? { lang: "zh-CN", label: "中文" } : { lang: "en-US", label: "English" };
  return (
    <FluentProvider theme={webLightTheme} lang={locale} className={styles.app}>
      <header className={styles.banner}>
        <Text size={200} className={styles.bannerText}>
          {t.banner}
        </Text>
        <Link href={`?lang=${other.lang}`} lang={other.lang === "zh-CN" ? "zh-CN" : "en"}>
          {other.label}
        </Link>
      </header>
      <div className={styles.body}>
        <div className={styles.sheet} role="region" aria-label={t.workbook} data-testid="workbook">
          <GridView book={book} strings={t} />
        </div>
        {/* not a landmark: the pane's own <main> stays top-level, as in Excel */}
        <div className={styles.pane} id="task-pane" data-testid="task-pane">
          <TaskPaneRoot state={{ kind: "excel", displayLanguage }} services={book.services} />
        </div>
      </div>
    </FluentProvider>
  );
}
