#!/usr/bin/env node
"use strict";
// Builds samples/statement-sample.xlsx: a 收支 statement laid out as finance staff keep it
// (title, 单位：万元, indented sub-items, shares as 0.00%), with the figures of the Huizhou 2022
// report (seeds 002) and the inconsistencies that report really has, plus a sheet of sentences
// with the Guangzhou 2022 figures. `jixiao audit samples/statement-sample.xlsx --out checked.xlsx`.
const path = require("path");
const ExcelJS = require("exceljs");

// label, this year, last year, growth (text as written), share (fraction) — null where the report gives none
const INCOME = [
  ["本年收入合计", 3797.83, 2854.75, "33.04%", null],
  ["　财政拨款收入", 3795.6, 2851.75, "33.10%", 0.9994],
  ["　其他收入", "2.23元", null, null, "0.1%"], // 元 where 万元 was meant; 0.06% written to one decimal
];
const EXPENDITURE = [
  ["本年支出合计", 3803.37, 2850.01, "33.45%", null],
  ["　基本支出", 1203.34, null, null, 0.3164],
  ["　项目支出", 2600.03, null, null, 0.3836], // 2,600.03 ÷ 3,803.37 is 68.36%
  ["　工资福利支出", 922.78, null, null, 0.2426],
  ["　商品和服务支出", 1326.76, null, null, 0.3488],
  ["　对个人和家庭的补助", 1259.28, null, null, 0.3311],
  ["　资本性支出", 294.55, null, null, 0.0774],
];
const BUDGET = [
  // label, 年初预算, 调整预算, 决算数
  ["财政拨款支出", 3553.21, 3812.67, 3798.82],
];
const SCORES = [
  ["预算编制", 23],
  ["预算执行", 41.7],
  ["预算使用效益", 35],
  ["总分", 99.7],
];
const SENTENCES = [
  "收入方面，本局2022年部门本年收入合计为625,604.22万元，具体为：一般公共预算财政拨款收入578,490.88万元，占比92.46%；政府性基金预算拨款收入2,780万元，占比0.45%；其他收入44,333.34万元，占比7.09%。",
  "支出方面，部门本年支出合计为625,604.22万元，具体为：基本支出20,321.23万元，占比3.25%；项目支出605,282.99亿元，占比96.75%。",
  "经自评，部门整体绩效自评得分为98.35分。",
];

async function main() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("收支情况");
  ws.getCell("A1").value = "惠州市医疗保障局2022年度收入支出情况（示例）";
  ws.getCell("A1").font = { bold: true, size: 13 };
  ws.getCell("A2").value = "单位：万元";
  let r = 4;
  const header = (cells) => {
    ws.getRow(r).values = cells;
    ws.getRow(r).font = { bold: true };
    r++;
  };
  header(["项目", "本年数", "上年数", "增长率", "占比"]);
  for (const line of [...INCOME, ...EXPENDITURE]) {
    const row = ws.getRow(r++);
    row.values = line.map((v) => (v === null ? null : v));
    row.getCell(2).numFmt = "#,##0.00";
    row.getCell(3).numFmt = "#,##0.00";
    row.getCell(5).numFmt = "0.00%";
  }
  r += 2;
  ws.getCell(`A${r++}`).value = "预算执行情况（单位：万元）";
  header(["项目", "年初预算", "调整预算", "决算数"]);
  for (const line of BUDGET) {
    const row = ws.getRow(r++);
    row.values = line;
    for (const c of [2, 3, 4]) row.getCell(c).numFmt = "#,##0.00";
  }
  r += 2;
  ws.getCell(`A${r++}`).value = "部门整体支出绩效评价得分";
  header(["评价内容", "得分"]);
  for (const line of SCORES) ws.getRow(r++).values = line;
  ws.columns.forEach((col, i) => (col.width = [22, 12, 12, 10, 10][i] ?? 10));

  const text = wb.addWorksheet("报告摘录");
  text.getCell("A1").value = "广州市医疗保障局2022年度部门整体收支情况（示例，文字）";
  SENTENCES.forEach((s, i) => {
    const cell = text.getCell(`A${i + 2}`);
    cell.value = s;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  text.getColumn(1).width = 90;

  const out = path.join(__dirname, "..", "samples", "statement-sample.xlsx");
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
