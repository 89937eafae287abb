import type { Strings } from "../i18n/i18n";
import type { Busy } from "./use-runner";

/** What the spinner says while a job works. */
export function busyLabel(t: Strings, busy: Busy): string {
  switch (busy) {
    case "check":
      return t.checking;
    case "clear":
      return t.clearing;
    case "read":
      return t.reading;
    case "sheets":
      return t.busyListing;
    case "readSheet":
      return t.busyReadingSheet;
    case "compare":
      return t.busyBuilding;
    case "audit":
      return t.busyAuditing;
    case "reviewAll":
      return t.busyReviewingAll;
    case "report":
      return t.busyReport;
    case "docx":
      return t.busyDocx;
  }
}
