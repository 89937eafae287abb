#!/usr/bin/env node
"use strict";
// Builds samples/indicators-sample.xlsx: an indicator table laid out as finance staff paste it
// (title block, merged level cells, 分值/得分/偏差原因), with figures from the Jiangmen 2023
// report (test/fixtures/jiangmen-2023-indicators.json) and the messy forms of real pastes.
const path = require("path");
const ExcelJS = require("exceljs");

// the table itself is shared with the browser preview (src/preview/sample-indicators.ts)
const SAMPLE = require("../samples/indicators-sample.json");
// in the workbook a pasted reason that looks like a formula, to show it stays text
const ROWS = SAMPLE.rows.map((r, i) => (i === 11 ? [...r.slice(0, 7), '=HYPERLINK("说明见附件")'] : r));

async function main() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("绩效自评表");
  ws.getCell("A1").value = SAMPLE.title;
  ws.mergeCells("A1:H1");
  ws.getCell("A2").value = SAMPLE.subtitle;
  const header = SAMPLE.header;
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  ROWS.forEach((r, i) => {
    const row = ws.getRow(5 + i);
    row.values = r.map((v) => (v === "" ? null : v));
    if (typeof r[4] === "number") row.getCell(5).numFmt = "0.00%";
  });
  const last = 4 + ROWS.length;
  ws.getRow(last + 1).values = SAMPLE.total.map((v) => (v === "" ? null : v));
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
