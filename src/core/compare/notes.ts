/**
 * Cell-note texts of a comparison sheet: where a figure comes from (document and section),
 * what the report wrote, second values it gives, and why a cell shows —. In Chinese only, as a
 * reviewer would put them in a report (docs/rules.md §8): the seeds' English notes for
 * maintainers stay in the data.
 */
import { FIGURE_CATALOG, FigureId } from "../seeds/seed-schema";
import { CompareDepartment, CompareFigure, departmentHeader } from "./department";
import { readingNote } from "./consistent-reading";
import { MissingReason } from "./values";

const QUALIFIER_TEXT = {
  at_least: "报告所写为下限（不低于/以上）",
  more_than: "报告所写为“超过/多于”该数",
  at_most: "报告所写为上限（不超过/以内）",
  approximately: "报告所写为约数（左右）",
} as const;

/** 江门 2023 · 《江门市医疗保障局2023年度部门整体支出绩效自评报告》 一（四） */
export function sourceLine(dept: CompareDepartment, section: string): string {
  return `${departmentHeader(dept)} · ${dept.document} ${section}`;
}

export function figureNote(dept: CompareDepartment, figure: CompareFigure): string {
  const lines = [sourceLine(dept, figure.source.section)];
  if (figure.reading) lines.push(`${readingNote(figure.reading)}。`);
  else if (figure.asWritten) lines.push(`${dept.own ? "表中所填" : "报告原文"}：${figure.asWritten}`);
  if (figure.unitFrom) lines.push(`单位按${figure.unitFrom}`);
  if (figure.qualifier) lines.push(QUALIFIER_TEXT[figure.qualifier]);
  if (figure.year !== null && figure.year !== dept.year) lines.push(`数据年度：${figure.year}`);
  if (figure.alternatives?.length) {
    lines.push(figure.conflict ? "报告前后数值不一致，本表取第一个：" : "报告另有数值（在所写精度内一致），本表取第一个：");
    lines.push(`· ${figure.asWritten ?? String(figure.value)}（${figure.source.section}）`);
    for (const a of figure.alternatives) lines.push(`· ${a.asWritten}（${a.section}）`);
  }
  return lines.join("\n");
}

export function labelOf(figure: FigureId): string {
  return FIGURE_CATALOG[figure].label.zh;
}

export function missingNote(dept: CompareDepartment, reason: MissingReason, rowLabels: ReadonlyMap<string, string>): string {
  const who = departmentHeader(dept);
  switch (reason.kind) {
    case "not_given": {
      const listed = dept.missing.includes(reason.figure);
      const where = dept.own ? `${dept.document}中未填写` : listed ? `报告未给出（${dept.document}）` : `未收录（${dept.document}）`;
      return `${who}：“${labelOf(reason.figure)}”${where}，显示为“—”，不按0计。`;
    }
    case "not_numeric":
      return `${who}：“${labelOf(reason.figure)}”不是数值，显示为“—”。`;
    case "operands":
      return `${who}：写入时无法计算，缺少${reason.rows.map((k) => `“${rowLabels.get(k) ?? k}”`).join("、")}；公式在补填后自动计算。`;
    case "zero_denominator":
      return `${who}：写入时无法计算，“${rowLabels.get(reason.row) ?? reason.row}”为0。`;
  }
}
