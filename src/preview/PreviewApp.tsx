import { FluentProvider, Link, Text, makeStaticStyles, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { type KeyboardEvent, type PointerEvent, useState } from "react";
import type { Locale } from "../taskpane/i18n/i18n";
import { TaskPaneRoot } from "../taskpane/shell/Root";
import { GridView } from "./GridView";
import { DEFAULT_PANE_WIDTH, MAX_PANE_WIDTH, MIN_PANE_WIDTH, clampPaneWidth } from "./pane-width";
import type { PreviewWorkbook } from "./preview-workbook";
import { previewStrings } from "./strings";

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
  pane: { flexShrink: 0, overflowY: "auto", overflowX: "hidden", boxSizing: "border-box" },
  divider: {
    flexShrink: 0,
    width: "6px",
    cursor: "col-resize",
    backgroundColor: tokens.colorNeutralBackground3,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    touchAction: "none",
    ":hover": { backgroundColor: tokens.colorNeutralStroke2 },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
});

export interface PreviewAppProps {
  book: PreviewWorkbook;
  /** as Office would give it: "zh-CN", "en-US" */
  displayLanguage: string;
  locale: Locale;
  /** the task pane's width in px; the divider changes it */
  paneWidth?: number;
}

export function PreviewApp({ book, displayLanguage, locale, paneWidth = DEFAULT_PANE_WIDTH }: PreviewAppProps) {
  usePageStyles();
  const styles = useStyles();
  const t = previewStrings(locale);
  const [width, setWidth] = useState(() => clampPaneWidth(paneWidth));
  // dragging the divider left widens the pane, as in Excel
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const startX = e.clientX;
    const startWidth = width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => setWidth(clampPaneWidth(startWidth + startX - ev.clientX));
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      target.removeEventListener("pointercancel", up);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
    target.addEventListener("pointercancel", up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 40 : 10;
    if (e.key === "ArrowLeft") setWidth((w) => clampPaneWidth(w + step));
    else if (e.key === "ArrowRight") setWidth((w) => clampPaneWidth(w - step));
    else if (e.key === "Home") setWidth(MAX_PANE_WIDTH);
    else if (e.key === "End") setWidth(MIN_PANE_WIDTH);
    else return;
    e.preventDefault();
  };
  const other = locale === "en-US" ? { lang: "zh-CN", label: "中文" } : { lang: "en-US", label: "English" };
  return (
    <FluentProvider theme={webLightTheme} lang={locale} className={styles.app}>
      <header className={styles.banner}>
        <Text size={200} className={styles.bannerText}>
          {t.banner}
        </Text>
        <Link href={`?lang=${other.lang}&paneWidth=${width}`} lang={other.lang === "zh-CN" ? "zh-CN" : "en"}>
          {other.label}
        </Link>
      </header>
      <div className={styles.body}>
        <div className={styles.sheet} role="region" aria-label={t.workbook} data-testid="workbook">
          <GridView book={book} strings={t} />
        </div>
        <div
          className={styles.divider}
          role="separator"
          aria-orientation="vertical"
          aria-label={t.paneDivider}
          aria-controls="task-pane"
          aria-valuenow={width}
          aria-valuemin={MIN_PANE_WIDTH}
          aria-valuemax={MAX_PANE_WIDTH}
          tabIndex={0}
          data-testid="pane-divider"
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
        />
        {/* not a landmark: the pane's own <main> stays top-level, as in Excel */}
        <div className={styles.pane} id="task-pane" data-testid="task-pane" style={{ width: `${width}px` }}>
          <TaskPaneRoot state={{ kind: "excel", displayLanguage }} services={book.services} />
        </div>
      </div>
    </FluentProvider>
  );
}
