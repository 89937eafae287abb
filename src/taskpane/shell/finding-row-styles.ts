/**
 * The one layout of a problem or finding in the pane (docs/task-pane.md): badge, cell and a short
 * label on one line, the message below at the pane's full width, so nothing runs past 320 px.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useFindingRowStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "grid",
    // the cell (a sheet-qualified address can be long) takes at most 40 % and wraps beyond
    gridTemplateColumns: "max-content fit-content(40%) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "baseline",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
  },
  message: { gridColumn: "1 / -1", minWidth: 0 },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});
