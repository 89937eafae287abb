/**
 * Points written inside a level's or a block's name (docs/form-families.md): `投入（15分）`,
 * `预算配置\n(15分)`, `相关性(5 分)`, `（特性指标70分）`, `年度绩效目标1（40分）`,
 * `预算执行情况（万元）（20分）`, `得分（20分*执行率）`. Pure; never throws.
 */
import { cellText, CellValue } from "../basics/grid";
import { normalizeText } from "../basics/normalize-text";

export interface NamedPoints {
  /** the name without its points and without spaces or line breaks (投  入 → 投入) */
  name: string;
  /** the points stated in the name, or null */
  points: number | null;
}

// (15分) (15 分) (特性指标70分) (满分20分) (权重10分) — a number followed by 分, the last in the bracket
const POINTS_IN_BRACKET_RE = /[(（]([^()（）]*?)(\d+(?:\.\d+)?)分([^()（）]*)[)）]/g;
// 产出指标50分: a name, then its points
const TRAILING_POINTS_RE = /^(.*[^\d.得扣计减加各每])(\d+(?:\.\d+)?)分$/;
// (10) alone: a bare whole number up to 100 in the last bracket of a level name
const BARE_POINTS_RE = /[(（](\d{1,3})[)）]$/;

/**
 * The points a name states, and the name without them. `(20分*执行率)` is a points-times-rate
 * header: its points are the 20. A bracket holding a unit (万元) or a percentage is not points.
 */
export function pointsInName(raw: CellValue, options: { bare?: boolean } = {}): NamedPoints {
  const text = normalizeText(cellText(raw));
  if (text === "") return { name: "", points: null };
  let points: number | null = null;
  let name = text;
  for (const m of text.matchAll(POINTS_IN_BRACKET_RE)) {
    const before = m[1];
    const after = m[3];
    // 完成率(≥95%得5分) is a scoring rule, not the level's points
    if (/[≥≤<>=%得扣]/.test(before) || /^[，,;；]/.test(after)) continue;
    points = Number(m[2]);
    name = name.replace(m[0], "");
  }
  if (points === null) {
    // 产出指标50分: points after the name, not a rule (得5分, 扣1分)
    const m = TRAILING_POINTS_RE.exec(text);
    if (m) return { name: m[1], points: Number(m[2]) };
  }
  if (points === null && options.bare) {
    const m = BARE_POINTS_RE.exec(text);
    if (m && Number(m[1]) > 0 && Number(m[1]) <= 100) {
      points = Number(m[1]);
      name = text.slice(0, m.index);
    }
  }
  return { name: name.trim(), points };
}

/** A name with its points (投入（15分）) rebuilt from parts, for messages. */
export function withPoints(name: string, points: number | null): string {
  return points === null ? name : `${name}（${points}分）`;
}
