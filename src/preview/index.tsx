/**
 * preview.html: the real task pane beside an in-memory workbook, for a browser without Excel
 * (npm start on Linux, the browser tests). No office.js: the pane gets its services from here.
 */
import "../taskpane/office/platform";
import { createRoot } from "react-dom/client";
import { currentLocale } from "../taskpane/i18n/i18n";
import { PreviewApp } from "./PreviewApp";
import { paneWidthFrom } from "./pane-width";
import { createPreviewWorkbook } from "./preview-workbook";
import { indicatorSample } from "./sample-indicators";
import { previewStrings } from "./strings";

const container = document.getElementById("preview");
if (!container) throw new Error("preview.html has no #preview element");

// ?lang=en-US or ?lang=zh-CN, as Office's display language; else the browser's
const displayLanguage = new URLSearchParams(location.search).get("lang") || navigator.language || "zh-CN";
const locale = currentLocale(displayLanguage);
document.documentElement.lang = locale;
document.title = previewStrings(locale).pageTitle;

const book = createPreviewWorkbook();
book.addSample(indicatorSample());
createRoot(container).render(<PreviewApp book={book} displayLanguage={displayLanguage} locale={locale} paneWidth={paneWidthFrom(location.search)} />);

// The statement is built from seed data, fetched as a chunk of its own: in no other bundle.
void import(/* webpackChunkName: "preview-statement" */ "./sample-statement").then((m) => book.addSample(m.seedStatement()));
