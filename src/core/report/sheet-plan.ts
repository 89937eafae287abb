/**
 * The 自评报告 sheet the add-in writes (docs/report.md): the report as a WritePlan on a new sheet,
 * executed by src/excel like any plan (recorded, replaced on a re-run, removed by "clear results").
 * One paragraph per row in column A (the adapter wraps it); under each paragraph its figures, one
 * row each, as numbers in B with their source cell in C; headings and placeholders coloured.
 */
import { quoteSheet } from "../basics/address";
import type { PlanCell, WritePlan } from "../basics/write-plan";
import { HEADER_FILL } from "../basics/tuning";
import { Figure, Report, Section, paragraphText } from "./model";
import { FIGURE_LABELS, SHEET_WORDS } from "./phrases";

/** Column widths in characters: about ninety, the width of an A4 page in portrait. */
export const REPORT_SHEET_WIDTHS = [64, 14, 14];

/** A figure row's label is indented under its paragraph by an ideographic space. */
const FIGURE_INDENT = "\u3000";

const COLOURS = {
  heading: { fill: "#D9E1F2", font: "#1F3864" },
  placeholder: { fill: "#FFF2CC", font: "#7F6000" },
  note: { fill: "#FCE4D6", font: "#833C0B" },
  figure: { fill: "#F2F2F2", font: "#595959" },
};

function label(f: Figure, names: string[]): string {
  const idx = /^rows\[(\d+)\]/.exec(f.ref);
  const name = idx ? names[Number(idx[1])] ?? "" : "";
  const found = FIGURE_LABELS.find(([re]) => re.test(f.ref));
  const item = /^statement\.(.+)$/.exec(f.ref)?.[1] ?? "";
  const base = (found ? found[1] : f.ref).replace("{name}", name).replace("{item}", item);
  return f.percent ? SHEET_WORDS.percentLabel(base) : base;
}

function source(f: Figure, sheet: string): string {
  if (f.cell !== null) return f.origin === "peer" || f.cell.includes("!") ? f.cell : `${quoteSheet(sheet)}!${f.cell}`;
  if (f.from && f.from.length) return SHEET_WORDS.computedFrom(f.from);
  return SHEET_WORDS.computed;
}

/** A figure as the number a cell should hold: a rate as its percentage, as the label says. */
const cellNumber = (f: Figure): number => (f.percent ? Math.round(f.value * 100 * 10 ** f.decimals) / 10 ** f.decimals : f.value);

export function reportWritePlan(report: Report): WritePlan {
  const sheet = SHEET_WORDS.sheet;
  const tableNames = report.sections.flatMap(function names(s: Section): string[] {
    return [...(s.table?.rows.map((r) => r.name) ?? []), ...s.sections.flatMap(names)];
  });
  const cells: PlanCell[][] = [[...SHEET_WORDS.header]];
  const marks: Record<keyof typeof COLOURS, number[]> = { heading: [], placeholder: [], note: [], figure: [] };
  const push = (row: PlanCell[], mark?: keyof typeof COLOURS) => {
    cells.push(row);
    if (mark) marks[mark].push(cells.length);
  };
  push([report.title, null, null], "heading");
  const walk = (s: Section) => {
    push([s.heading, null, null], "heading");
    for (const p of s.paragraphs) {
      const hasPlaceholder = p.segments.some((x) => x.kind === "placeholder");
      push([paragraphText(p), null, null], hasPlaceholder ? "placeholder" : p.style === "note" ? "note" : undefined);
      for (const seg of p.segments) if (seg.kind === "figure") push([`${FIGURE_INDENT}${label(seg.figure, tableNames)}`, cellNumber(seg.figure), source(seg.figure, report.sheet)], "figure");
    }
    for (const r of s.table?.rows ?? []) {
      push([SHEET_WORDS.tableRow(r.name, r.verdict), r.score ? cellNumber(r.score) : r.scoreText, r.score ? source(r.score, report.sheet) : null]);
    }
    s.sections.forEach(walk);
  };
  report.sections.forEach(walk);
  const fills = (Object.keys(COLOURS) as (keyof typeof COLOURS)[])
    .filter((k) => marks[k].length > 0)
    .map((k) => ({ status: `report_${k}`, ...COLOURS[k], ranges: marks[k].map((r) => (k === "figure" ? `A${r}:C${r}` : `A${r}`)) }));
  return {
    sheet,
    mode: "new_sheet",
    sourceSheet: sheet,
    startRow: 1,
    startCol: 1,
    cells,
    numberFormats: ["@", "General", "@"],
    columnWidths: [...REPORT_SHEET_WIDTHS],
    fills,
    headerFill: { ...HEADER_FILL },
    notes: [],
    owned: `${quoteSheet(sheet)}!A1:C${cells.length}`,
    messages: [],
  };
}
