/**
 * The drafted 自评报告 as a .docx (docs/report.md), drawn from core's report model with the `docx`
 * package: headings, paragraphs (placeholders highlighted, figures as printed), the indicator
 * table with verdicts and scores, and the list of what is left to write. No rule here: the words
 * and figures are the model's. Shared by the CLI (`jixiao report --out`) and the task pane (a
 * download, loaded on demand so the pane's first bundle stays small).
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Paragraph as ReportParagraph, Report, Section } from "../core/report/model";
import { segmentText } from "../core/report/model";

const FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "仿宋", cs: "Times New Roman" };
const HEADING_FONT = { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "黑体", cs: "Times New Roman" };

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function runs(p: ReportParagraph): TextRun[] {
  return p.segments.map((s) =>
    s.kind === "placeholder"
      ? new TextRun({ text: segmentText(s), highlight: "yellow", bold: true })
      : new TextRun({ text: segmentText(s) }),
  );
}

function paragraph(p: ReportParagraph): Paragraph {
  return new Paragraph({ children: runs(p), indent: { firstLine: 640 }, spacing: { line: 420 } });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 21 })] })] });
}

function table(section: Section): (Paragraph | Table)[] {
  const t = section.table;
  if (!t) return [];
  const header = new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h, true)) });
  const rows = t.rows.map(
    (r) => new TableRow({ children: [r.level1, r.name, r.target, r.actual, r.verdict, r.points ? r.points.text : "—", r.scoreText].map((x) => cell(x)) }),
  );
  return [
    new Paragraph({ children: [new TextRun({ text: t.caption, size: 21 })], alignment: AlignmentType.CENTER }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
  ];
}

function section(s: Section): (Paragraph | Table)[] {
  return [
    new Paragraph({ heading: LEVELS[s.level], children: [new TextRun({ text: s.heading })] }),
    ...s.paragraphs.map(paragraph),
    ...table(s),
    ...s.sections.flatMap(section),
  ];
}

export function reportDocument(report: Report): Document {
  return new Document({
    creator: "Jixiao 绩效核对",
    title: report.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 28 } },
        heading1: { run: { font: HEADING_FONT, size: 32, bold: false, color: "000000" } },
        heading2: { run: { font: { ...HEADING_FONT, eastAsia: "楷体" }, size: 30, bold: true, color: "000000" } },
        heading3: { run: { font: FONT, size: 28, bold: true, color: "000000" } },
        title: { run: { font: { ...HEADING_FONT, eastAsia: "方正小标宋简体" }, size: 40, color: "000000" } },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: report.title })] }),
          ...report.sections.flatMap(section),
        ],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function reportDocx(report: Report): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(report)));
}
