/**
 * The comparison sheets' catalog (docs/rules.md §8): the messages of a built sheet and of reading
 * the user's own department, in Simplified Chinese with an English translation (one Bilingual text,
 * src/core/basics/text.ts). Figure names are Bilingual: a catalog figure's `label` (FIGURE_CATALOG) or a template row's.
 */
import type { Bilingual } from "../basics/text";

export const COMPARE_TEXT = {
  statedDiffers: (p: { header: string; label: Bilingual; computed: string; stated: string; section: string }): Bilingual => ({
    zh: `${p.header}：“${p.label.zh}”计算为${p.computed}，报告所列为${p.stated}（${p.section}）`,
    en: `${p.header}: ${p.label.en} computes to ${p.computed}; the report states ${p.stated} (${p.section})`,
  }),
  /** `reading`: the Chinese note on the consistent reading (consistent-reading.ts) */
  magnitudeRead: (p: { header: string; label: Bilingual; reading: string; asWritten: string; unitRead: string }): Bilingual => ({
    zh: `${p.header}：“${p.label.zh}”${p.reading}`,
    en: `${p.header}: the report writes ${p.label.en} as ${p.asWritten}, which its own total disproves; read in ${p.unitRead}`,
  }),
  conflict: (p: { header: string; label: Bilingual; used: string; section: string; alts: string }): Bilingual => ({
    zh: `${p.header}：“${p.label.zh}”报告前后不一致，取${p.used}（${p.section}），另有${p.alts}`,
    en: `${p.header}: the report gives ${p.label.en} twice with different values; ${p.used} (${p.section}) is used, also ${p.alts}`,
  }),
  missing: (p: { header: string; n: number; mark: string }): Bilingual => ({
    zh: `${p.header}：${p.n}项未给出，显示为“${p.mark}”（见批注）`,
    en: `${p.header}: ${p.n} ${p.n === 1 ? "figure" : "figures"} not given, shown as ${p.mark} (see the notes)`,
  }),
  chartDropped: (dropped: string[]): Bilingual => ({
    zh: `图表不含${dropped.join("、")}：图表各项均未给出`,
    en: `the chart leaves out ${dropped.join(", ")}: none of its figures are given`,
  }),
  noChart: { zh: "没有可绘制图表的数据", en: "no figures to chart" } as Bilingual,
};

/** Reading the user's own department from a sheet (docs/rules.md §8). */
export const OWN_TEXT = {
  unreadable: (p: { cell: string; label: Bilingual; error: Bilingual }): Bilingual => ({
    zh: `${p.cell}：“${p.label.zh}”${p.error.zh}`,
    en: `${p.cell}: ${p.label.en}: ${p.error.en}`,
  }),
  unitAssumed: (p: { cell: string; label: Bilingual; assumed: string }): Bilingual => ({
    zh: `${p.cell}：“${p.label.zh}”未写单位，按${p.assumed}理解`,
    en: `${p.cell}: ${p.label.en} has no unit; read as ${p.assumed}`,
  }),
  conflict: (p: { label: Bilingual; earlier: string; cell: string }): Bilingual => ({
    zh: `“${p.label.zh}”填了两个不同的值（${p.earlier}、${p.cell}），取第一个`,
    en: `${p.label.en} is given twice with different values (${p.earlier}, ${p.cell}); the first is used`,
  }),
  nothingFound: (sheet: string): Bilingual => ({
    zh: `工作表“${sheet}”中没有找到可识别的项目（如 总支出、基本支出、参保人数、自评得分）`,
    en: `no known label (such as 总支出, 基本支出, 参保人数, 自评得分) with a value found on sheet "${sheet}"`,
  }),
  /** why a cell's figure was not read */
  empty: { zh: "为空", en: "is empty" } as Bilingual,
  notANumber: (asWritten: string): Bilingual => ({ zh: `无法识别数值“${asWritten}”`, en: `cannot read a number in "${asWritten}"` }),
  wrongFamily: (unit: string, family: string): Bilingual => ({ zh: `单位${unit}与${family}不是同一类`, en: `unit ${unit} is not of the family of ${family}` }),
};
