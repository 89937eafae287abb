/**
 * The preview's first sheet: a 绩效自评表 laid out as finance staff paste it (title block, merged
 * level cells, 分值/得分/偏差原因, a 合计 row), with figures from the Jiangmen 2023 report
 * (test/fixtures/jiangmen-2023-indicators.json) and the messy forms real pastes have: full-width
 * digits, a ratio typed as a number formatted 0.00%, words for numbers, an error value.
 */
import type { CellValue } from "../core/grid";

export interface SampleSheet {
  name: string;
  values: CellValue[][];
  /** same shape as values where given; missing rows or cells are General */
  numberFormats: (string | null)[][];
  merges: string[];
  /** column letter → width in points */
  widths: Record<string, number>;
  /** header cells shaded as a user would */
  headerFill?: { range: string; color: string };
}

export const INDICATOR_SHEET = "绩效自评表";

const HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

// level1, level2, name, target, actual, points, score, reason
const ROWS: CellValue[][] = [
  ["预算执行", "", "预算执行率", "100%", 0.9561, 10, 9.56, "部分工程款按进度于次年支付"],
  ["产出指标", "数量指标", "城乡居民基本医疗保险参保人数", "≥200万人", "234.42万人", 8, 8, ""],
  ["", "", "医保运行分析项目数量", "≥1项", "2项", 6, 6, ""],
  ["", "", "按病种分值付费病种数", "≥4000个", "7700个左右", 6, 6, ""],
  ["", "", "政策研究分析项目", "≥4", "两项", 6, 3, "两项课题延至次年结题"],
  ["", "", "病历专项抽查服务次数", "4次/年", "16次", 6, 6, ""],
  ["", "质量指标", "装修改造总面积", "≥874.28㎡", "874.28 ㎡", 6, 6, ""],
  ["", "", "参保人政策范围内住院费用报销比例", "≥６５％", "不低于65%", 6, 6, ""],
  ["", "时效指标", "基金滚存结余可支配月数", "不低于3个月", "7个月", 6, 6, ""],
  ["效益指标", "社会效益", "困难群众医疗费用负担", "有效缓解", "达成年度指标", 10, 9, ""],
  ["", "", "法律纠纷发生数", "为0件", "0件", 10, 10, ""],
  ["", "可持续影响", "服务社会发展能力", "有所提升", "部分达成年度指标并具有一定效果", 10, 7, ""],
  ["满意度", "服务对象满意度", "城乡居民参保对象满意度", "≥80%", "#N/A", 10, 10, ""],
];

const HEADER_ROW = 4;

export function indicatorSample(): SampleSheet {
  const first = HEADER_ROW + 1;
  const values: CellValue[][] = [
    ["江门市医疗保障局2023年度部门整体支出绩效自评表（示例）"],
    ["单位：江门市医疗保障局        填报日期：2024年"],
    [],
    HEADER,
    ...ROWS,
    ["合计", "", "", "", "", 100, 92.56, ""],
  ];
  // a completion typed as a ratio in the 实际完成值 column, shown as a percentage
  const numberFormats = values.map((row, i) => row.map((v, j) => (i >= HEADER_ROW && j === 4 && typeof v === "number" ? "0.00%" : null)));
  // merged level cells, as in the report forms (rows are sheet rows)
  const merges = ["A1:H1", `A${first + 1}:A${first + 8}`, `B${first + 1}:B${first + 5}`, `B${first + 6}:B${first + 7}`, `A${first + 9}:A${first + 11}`, `B${first + 9}:B${first + 10}`];
  const chars = [8, 10, 24, 11, 18, 5, 5, 20];
  const widths = Object.fromEntries(chars.map((c, i) => [String.fromCharCode(65 + i), Math.round(c * 6.5)]));
  return { name: INDICATOR_SHEET, values, numberFormats, merges, widths, headerFill: { range: `A${HEADER_ROW}:H${HEADER_ROW}`, color: "#DDEBF7" } };
}
