/**
 * The statement audit's catalog (docs/statement-audit.md): every message in Simplified Chinese with an
 * English translation, each showing the arithmetic so a reviewer can redo it by hand, and the names of
 * the checks.
 */
import type { Bilingual } from "../basics/text";
import type { Check } from "./finding";

/**
 * Each check's name as the task pane lists findings by check, and the shorter word the findings
 * list's 核对·检查 column writes (three of them differ in Chinese: 加总/合计, 增长率/增长, 重复数值/前后不一).
 */
export const CHECK_NAMES: Record<Check, { name: Bilingual; listed: string }> = {
  sum: { name: { zh: "加总", en: "Sums" }, listed: "合计" },
  share: { name: { zh: "占比", en: "Shares" }, listed: "占比" },
  growth: { name: { zh: "增长率", en: "Growth rates" }, listed: "增长" },
  direction: { name: { zh: "增减方向", en: "Increase/decrease" }, listed: "增减方向" },
  magnitude: { name: { zh: "数量级", en: "Orders of magnitude" }, listed: "数量级" },
  duplicate: { name: { zh: "重复数值", en: "Figures given twice" }, listed: "前后不一" },
  score: { name: { zh: "得分", en: "Scores" }, listed: "得分" },
};

export const AUDIT_TEXT = {
  sum(p: { total: string; terms: string; computed: string; stated: string; diff: string; note?: Bilingual }): Bilingual {
    return {
      zh: `各项之和与“${p.total}”不符：${p.terms} = ${p.computed}，填报为 ${p.stated}（相差 ${p.diff}）${p.note ? "；" + p.note.zh : ""}`,
      en: `the parts do not add up to "${p.total}": ${p.terms} = ${p.computed}, stated ${p.stated} (off by ${p.diff})${p.note ? "; " + p.note.en : ""}`,
    };
  },
  score(p: { total: string; terms: string; computed: string; stated: string; diff: string }): Bilingual {
    return {
      zh: `分项得分之和与“${p.total}”不符：${p.terms} = ${p.computed}，填报为 ${p.stated}（相差 ${p.diff}）`,
      en: `the sub-scores do not add up to "${p.total}": ${p.terms} = ${p.computed}, stated ${p.stated} (off by ${p.diff})`,
    };
  },
  difference(p: { total: string; terms: string; computed: string; stated: string; diff: string }): Bilingual {
    return {
      zh: `“${p.total}”与收支之差不符：${p.terms} = ${p.computed}，填报为 ${p.stated}（相差 ${p.diff}）`,
      en: `"${p.total}" is not income minus expenditure: ${p.terms} = ${p.computed}, stated ${p.stated} (off by ${p.diff})`,
    };
  },
  explained(p: { label: string; value: string }): Bilingual {
    return {
      zh: `差额恰等于“${p.label}”${p.value}，合计可能含此项`,
      en: `the difference equals "${p.label}" ${p.value}: the total probably includes it`,
    };
  },
  partsExceed(p: { total: string; terms: string; computed: string; stated: string }): Bilingual {
    return {
      zh: `“${p.total}”下所列各项之和大于总数：${p.terms} = ${p.computed}，总数为 ${p.stated}`,
      en: `the parts listed under "${p.total}" add up to more than the total: ${p.terms} = ${p.computed}, total ${p.stated}`,
    };
  },
  unitSlip(p: { label: string; written: string; meant: string; total: string; terms: string; computed: string; unitCell?: string | null }): Bilingual {
    const zhFrom = p.unitCell ? `（单位见 ${p.unitCell}）` : "";
    const enFrom = p.unitCell ? ` (unit in ${p.unitCell})` : "";
    return {
      zh: `“${p.label}”写作 ${p.written}${zhFrom}，数量级不对：按 ${p.meant} 计，${p.terms} = ${p.computed}，与“${p.total}”相符`,
      en: `"${p.label}" is written ${p.written}${enFrom}, off by orders of magnitude: read as ${p.meant}, ${p.terms} = ${p.computed}, which agrees with "${p.total}"`,
    };
  },
  partOverTotal(p: { label: string; part: string; total: string; totalValue: string }): Bilingual {
    return {
      zh: `“${p.label}”${p.part} 大于其所属总数“${p.total}”${p.totalValue}`,
      en: `"${p.label}" ${p.part} is larger than its total "${p.total}" ${p.totalValue}`,
    };
  },
  siblings(p: { label: string; written: string; unit: string; others: string }): Bilingual {
    return {
      zh: `“${p.label}”写作 ${p.written}，同组其他各项均以${p.unit}计（${p.others}），单位可能有误`,
      en: `"${p.label}" is written ${p.written} while the other parts are in ${p.unit} (${p.others}): the unit is probably wrong`,
    };
  },
  share(p: { label: string; part: string; total: string; totalLabel: string; computed: string; stated: string }): Bilingual {
    return {
      zh: `“${p.label}”占比应为 ${p.part} ÷ ${p.total}（${p.totalLabel}）= ${p.computed}，填报为 ${p.stated}`,
      en: `the share of "${p.label}" is ${p.part} ÷ ${p.total} (${p.totalLabel}) = ${p.computed}, stated ${p.stated}`,
    };
  },
  shareSum(p: { total: string; terms: string; computed: string }): Bilingual {
    return {
      zh: `“${p.total}”各项占比之和为 ${p.terms} = ${p.computed}，不等于100%`,
      en: `the shares under "${p.total}" add up to ${p.terms} = ${p.computed}, not 100%`,
    };
  },
  rate(p: { label: string; part: string; base: string; baseLabel: string; computed: string; stated: string }): Bilingual {
    return {
      zh: `“${p.label}”执行率应为 ${p.part} ÷ ${p.base}（${p.baseLabel}）= ${p.computed}，填报为 ${p.stated}`,
      en: `the execution rate of "${p.label}" is ${p.part} ÷ ${p.base} (${p.baseLabel}) = ${p.computed}, stated ${p.stated}`,
    };
  },
  growth(p: { label: string; cur: string; prior: string; computed: string; stated: string; derived: boolean }): Bilingual {
    return {
      zh: `“${p.label}”增长率应为 (${p.cur} − ${p.prior}) ÷ ${p.prior} = ${p.computed}，填报为 ${p.stated}${p.derived ? "（上年数由本年数减增减额得出）" : ""}`,
      en: `the growth of "${p.label}" is (${p.cur} − ${p.prior}) ÷ ${p.prior} = ${p.computed}, stated ${p.stated}${p.derived ? " (last year = this year − the change)" : ""}`,
    };
  },
  change(p: { label: string; cur: string; prior: string; computed: string; stated: string }): Bilingual {
    return {
      zh: `“${p.label}”增减额应为 ${p.cur} − ${p.prior} = ${p.computed}，填报为 ${p.stated}`,
      en: `the change of "${p.label}" is ${p.cur} − ${p.prior} = ${p.computed}, stated ${p.stated}`,
    };
  },
  direction(p: { label: string; cur: string; prior: string; computed: string; word: string }): Bilingual {
    const up = p.computed.startsWith("-") ? "减少" : "增加";
    return {
      zh: `“${p.label}”增减方向不符：${p.cur} − ${p.prior} = ${p.computed}，应为“${up}”，文中写作“${p.word}”`,
      en: `"${p.label}" goes the other way: ${p.cur} − ${p.prior} = ${p.computed}, so it ${up === "增加" ? "rose" : "fell"}, but the text says "${p.word}"`,
    };
  },
  duplicate(p: { label: string; firstLabel: string; first: string; firstCell: string; second: string }): Bilingual {
    const same = p.label === p.firstLabel;
    return {
      zh: same
        ? `“${p.label}”前后不一致：${p.firstCell} 为 ${p.first}，此处为 ${p.second}`
        : `“${p.label}”与 ${p.firstCell} 的“${p.firstLabel}”是同一项，前后不一致：${p.firstCell} 为 ${p.first}，此处为 ${p.second}`,
      en: same
        ? `"${p.label}" is written with two values: ${p.first} in ${p.firstCell}, ${p.second} here`
        : `"${p.label}" is the same item as "${p.firstLabel}" in ${p.firstCell} but differs: ${p.first} there, ${p.second} here`,
    };
  },
};

export const AUDIT_NOTICES = {
  noStatement: {
    zh: "这不是收支表：未找到收支项目。查找的是：标签列（如“本年收入合计”“基本支出”“项目支出”）加“本年/本年数/决算数/金额”等数值列（单位写在表头“（万元）”、“单位”列或表上方“单位：万元”），或文字中带单位的数字（如“基本支出 4,211.64 万元，占 2.59%”）",
    en: "No statement here: no income or expenditure items found. Looked for a label column (本年收入合计, 基本支出, 项目支出…) with value columns headed 本年 / 本年数 / 决算数 / 金额 (units in a header （万元）, a 单位 column or a title line 单位：万元), or sentences with figures and units (基本支出 4,211.64 万元，占 2.59%)",
  },
  /** what was read when none of it is 收支: how many figures, and whether it is an indicator table */
  notLedger(p: { figures: number; indicatorTable: boolean }): Bilingual {
    // an indicator table's figures are scores and targets: naming the table is enough
    if (p.indicatorTable) {
      return {
        zh: "这是绩效指标表（有“年度指标值/实际完成值”列），请用“核对指标”（jixiao validate）核对",
        en: "this is an indicator table (年度指标值 / 实际完成值 columns): check it with 核对指标 / Check indicators (jixiao validate)",
      };
    }
    if (p.figures === 0) return { zh: "", en: "" };
    return {
      zh: `读到 ${p.figures} 个数字，但没有金额单位（元/万元/亿元）、没有已知的收支项目，也没有可核对的合计`,
      en: `${p.figures} figure(s) read, but no money unit (元 / 万元 / 亿元), no known income or expenditure item and no total to check`,
    };
  },
  /** the no-statement notice with what was read put after its first sentence */
  notAStatement(p: { figures: number; indicatorTable: boolean }): Bilingual {
    const base = AUDIT_NOTICES.noStatement;
    const what = AUDIT_NOTICES.notLedger(p);
    // "这不是收支表：未找到收支项目。" + what was read + what was looked for
    const [zhHead, zhTail] = splitFirst(base.zh, "。");
    const [enHead, enTail] = splitFirst(base.en, ". ");
    return {
      zh: what.zh ? `${zhHead}。${what.zh}。${zhTail}` : base.zh,
      en: what.en ? `${enHead}. ${capitalise(what.en)}. ${enTail}` : base.en,
    };
  },
  nothingToCheck(p: { figures: number }): Bilingual {
    return {
      zh: `没有可核对的内容：读到 ${p.figures} 个收支数字，但没有合计与分项、占比、增长率或执行率可以核对（需要合计行如“本年支出合计”及其分项，或“占比/增长率/执行率”列）`,
      en: `Nothing to check: ${p.figures} income or expenditure figure(s) read, but no total with its parts, share, growth or execution rate to check them against (a total row such as 本年支出合计 with its parts, or a 占比 / 增长率 / 执行率 column)`,
    };
  },
};

function splitFirst(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + sep.length)];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
