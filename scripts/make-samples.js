#!/usr/bin/env node
"use strict";
// Builds samples/indicators-sample.xlsx: an indicator table laid out as finance staff paste it
// (title block, merged level cells, 分值/得分/偏差原因), with figures from the Jiangmen 2023
// report (test/fixtures/jiangmen-2023-indicators.json) and the messy forms of real pastes.
const path = require("path");
const ExcelJS = require("exceljs");

const ROWS = [
  // level1, level2, name, target, actual, points, score, reason
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
  ["", "可持续影响", "服务社会发展能力", "有所提升", "部分达成年度指标并具有一定效果", 10, 7, "=HYPERLINK(\"说明见附件\")"],
  ["满意度", "服务对象满意度", "城乡居民参保对象满意度", "≥80%", "#N/A", 10, 10, ""],
];

async function main() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效自评表");
  ws.getCell("A1").value = "江门市医疗保障局2023年度部门整体支出绩效自评表（示例）";
  ws.mergeCells("A1:H1");
  ws.getCell("A2").value = "单位：江门市医疗保障局        填报日期：2024年";
  const header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  ROWS.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = r.map((v) => (v === "" ? null : v));
    if (typeof r[4] === "number") row.getCell(5).numFmt = "0.00%";
  });
  const last = 4 + ROWS.length;
  ws.getRow(last + 1).values = ["合计", null, null, null, null, 100, 92.56, null];
  // merged level cells, as in the report forms
  const merges = [[6, 13, 1], [6, 10, 2], [11, 12, 2], [14, 16, 1], [14, 15, 2]];
  for (const [a, b, c] of merges) ws.mergeCells(a, c, b, c);
  ws.columns.forEach((col, i) => (col.width = [10, 12, 30, 14, 24, 6, 6, 28][i] ?? 10));
  const out = path.join(__dirname, "..", "samples", "indicators-sample.xlsx");
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
