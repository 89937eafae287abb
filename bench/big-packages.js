"use strict";
// Large packages for `npm run bench`, written straight as zip entries (exceljs would take minutes):
// an indicator table of N rows, and a small table in a package of N parts.
const { Buffer } = require("buffer");
const { makeEntry, writeZip } = require("../lib/cli/zip");

const CT_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

const TARGETS = [
  ["≥200万人", "234.42万人"],
  [">=95%", "98.22%"],
  ["≤10%", "12%"],
  ["不少于3次", "两次"],
  ["90%-100%", "96.5%"],
  ["有效提升", "达成年度指标"],
];

function esc(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function sheet(rows) {
  const col = (j) => String.fromCharCode(65 + j);
  const body = [];
  rows.forEach((line, i) => {
    let cells = "";
    line.forEach((v, j) => {
      if (v === "" || v === null) return;
      cells += typeof v === "number" ? `<c r="${col(j)}${i + 1}"><v>${v}</v></c>` : `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
    });
    body.push(`<row r="${i + 1}">${cells}</row>`);
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join("")}</sheetData></worksheet>`;
}

function table(n) {
  const rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]];
  for (let i = 0; i < n; i++) {
    const [t, a] = TARGETS[i % TARGETS.length];
    rows.push([i % 50 === 0 ? "产出指标" : "", i % 10 === 0 ? "数量指标" : "", `指标${i + 1}`, t, a, 1, 1]);
  }
  return rows;
}

function pack(rows, extra) {
  const entries = [
    makeEntry("[Content_Types].xml", Buffer.from(CT_HEAD)),
    makeEntry("_rels/.rels", Buffer.from(ROOT_RELS)),
    makeEntry("xl/workbook.xml", Buffer.from(WORKBOOK)),
    makeEntry("xl/_rels/workbook.xml.rels", Buffer.from(WORKBOOK_RELS)),
    makeEntry("xl/worksheets/sheet1.xml", Buffer.from(sheet(rows))),
  ];
  for (const e of extra) entries.push(e);
  return writeZip(entries);
}

/** A workbook whose one sheet holds an indicator table of `n` rows. */
exports.rowsWorkbook = (n) => pack(table(n), []);

/** A 20-row indicator table in a package of `n` parts (custom XML items nothing refers to). */
exports.partsWorkbook = (n) => {
  const extra = [];
  for (let i = 1; extra.length + 5 < n; i++) extra.push(makeEntry(`customXml/item${i}.xml`, Buffer.from(`<item n="${i}"/>`)));
  return pack(table(20), extra);
};
