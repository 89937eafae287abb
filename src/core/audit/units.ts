/**
 * Where a statement writes its units (docs/statement-audit.md, "Units"): a unit column
 * (单位 / 计量单位 / 金额单位), a header (本年数（万元）), a title line anywhere above the table
 * (单位：万元, 金额单位：亿元, also inside a longer cell such as 编制单位：XX局 单位：万元), or the
 * cell text itself (2.23元). The unit table itself lives in ../unit-table.ts; this only reads
 * the ways statements write units.
 */
import { normalizeText } from "../basics/normalize-text";
import { UnitInfo, lookupUnit } from "../basics/unit-table";

/** Headers of a column that holds each row's unit. */
const UNIT_COLUMN_RE = /^(计量|金额|货币|数量)?单位$/;

/** A bare magnitude word in a statement's unit slot means money: 万 → 万元. */
const BARE_MAGNITUDE = new Map([["千", "千元"], ["万", "万元"], ["百万", "百万元"], ["千万", "千万元"], ["亿", "亿元"]]);

/** Does this header cell name a unit column? */
export function isUnitColumnHeader(raw: string): boolean {
  const t = normalizeText(raw).replace(/[(（][^)）]*[)）]/g, "").replace(/[:：]$/, "");
  return UNIT_COLUMN_RE.test(t);
}

/**
 * A unit as a statement writes it on its own (a unit-column cell, the inside of a header's
 * brackets): 万元, 万, 亿元, 元, 千元, 人民币万元, 万人. Null for anything that is not a unit a figure
 * can carry (blank, "—", prose, %, durations).
 */
export function statementUnit(raw: string): UnitInfo | null {
  let t = normalizeText(raw).replace(/^(单位|金额单位|计量单位)[:：]?/, "").replace(/^人民币/, "");
  t = t.replace(/^[(（]|[)）]$/g, "");
  if (t === "" || t.length > 6) return null;
  t = BARE_MAGNITUDE.get(t) ?? t;
  const u = lookupUnit(t);
  if (!u || u.family === "other" || u.family === "ratio" || u.family === "duration") return null;
  return u;
}

const NO_UNIT_RE = /^(-|—|－|–|\/|\*|无|不适用|n\/a)?$/i;

/**
 * A unit-column cell: any unit the unit table knows (万元, 万, 人, %, 天…), or the text itself
 * for a unit it does not know (that row then compares with nothing of another unit). Null
 * when the cell says nothing (blank, "—").
 */
export function unitColumnCell(raw: string): UnitInfo | null {
  let t = normalizeText(raw).replace(/^人民币/, "").replace(/^[(（]|[)）]$/g, "");
  if (NO_UNIT_RE.test(t) || t.length > 8 || /\d/.test(t)) return null;
  t = BARE_MAGNITUDE.get(t) ?? t;
  return lookupUnit(t === "百分比" ? "%" : t);
}

/** Longest first, so 万元 wins over 万 and 万人次 over 万人. */
const TITLE_UNITS = ["百万元", "千万元", "万人次", "亿元", "万元", "千元", "万人", "人次", "元", "人", "万", "亿"];

/** Words that make "…单位" the name of an organisation, not a unit (编制单位：XX局). */
const ORG_BEFORE = ["编制", "填报", "申报", "报送", "实施", "主管", "预算", "责任", "填表", "建设", "项目", "使用", "管理"];

/**
 * The unit a title line states: 单位：万元, 金额单位：亿元, （单位：万元）, or 编制单位：XX局 单位：万元 in
 * one cell. 单位 after an organisation word (编制单位, 填报单位) names the office, not the unit.
 */
export function titleLineUnit(raw: string): UnitInfo | null {
  const t = normalizeText(raw);
  let from = 0;
  for (;;) {
    const at = t.indexOf("单位", from);
    if (at < 0) return null;
    from = at + 2;
    const before = t.slice(Math.max(0, at - 2), at);
    if (ORG_BEFORE.includes(before)) continue;
    let rest = t.slice(at + 2);
    const colon = /^[:：]/.test(rest);
    rest = rest.replace(/^[:：]/, "").replace(/^为/, "").replace(/^人民币/, "");
    // "单位万元" without a colon only when the unit ends the cell (not 单位名称…)
    const hit = TITLE_UNITS.find((u) => rest.startsWith(u));
    if (!hit) continue;
    if (!colon && rest.length !== hit.length && !/^[)）,，;；、\s]/.test(rest.slice(hit.length))) continue;
    // a bare 万 / 亿 is money only when no other word follows it (单位：万人 is persons)
    if ((hit === "万" || hit === "亿") && /^[\u4e00-\u9fa5]/.test(rest.slice(hit.length))) continue;
    const u = statementUnit(hit);
    if (u) return u;
  }
}
