/**
 * Crafted zip packages for the file-safety tests: entries written exactly as given (CRC, declared
 * size and compressed bytes need not agree), so damaged and hostile packages can be made.
 */
import * as zlib from "zlib";

export interface RawEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  /** the bytes as stored */
  raw: Buffer;
  crc: number;
  /** the declared (uncompressed) size */
  size: number;
}

export function crc32(data: Uint8Array): number {
  return (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32(data) >>> 0;
}

/** An honest deflated entry. */
export function entry(name: string, text: string | Buffer): RawEntry {
  const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return { name, method: 8, raw: zlib.deflateRawSync(data), crc: crc32(data), size: data.length };
}

/**
 * A raw deflate stream of `mib` MiB of spaces made without inflating anything that big: one
 * non-final block of 1 MiB (sync-flushed, so it ends on a byte) repeated, then an empty final block.
 */
export function bombStream(mib: number, prefix = ""): Buffer {
  const head = zlib.deflateRawSync(Buffer.from(prefix, "utf8"), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [head];
  for (let i = 0; i < mib; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00]));
  return Buffer.concat(parts);
}

export function writeRawZip(entries: RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(0x0800, at);
      b.writeUInt16LE(e.method, at + 2);
      b.writeUInt16LE(0, at + 4);
      b.writeUInt16LE(33, at + 6);
      b.writeUInt32LE(e.crc >>> 0, at + 8);
      b.writeUInt32LE(e.raw.length, at + 12);
      b.writeUInt32LE(e.size, at + 16);
      b.writeUInt16LE(name.length, at + 20);
    };
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    fields(h, 6);
    chunks.push(h, name, e.raw);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    fields(c, 8);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

const CT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const workbookRels = (extra: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${extra}</Relationships>`;

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A worksheet of inline strings and numbers, rows from 1. */
export function sheetXml(rows: Array<Array<string | number>>): string {
  const col = (j: number) => String.fromCharCode(65 + j);
  const body: string[] = [];
  rows.forEach((line, i) => {
    const cells = line.map((v, j) => (typeof v === "number" ? `<c r="${col(j)}${i + 1}"><v>${v}</v></c>` : `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`));
    body.push(`<row r="${i + 1}">${cells.join("")}</row>`);
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join("")}</sheetData></worksheet>`;
}

/** The indicator table every crafted workbook holds (one row met, one not). */
export const TABLE: Array<Array<string | number>> = [
  ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
  ["产出指标", "参保人数", "≥200万人", "234.42万人", 50, 50],
  ["效益指标", "满意度", "≥90%", "85%", 50, 50],
];

/**
 * The entries of a minimal workbook holding `rows` on one sheet; `sheet` replaces the sheet's
 * entry (a bomb, a bad CRC), `extraRels` adds relationships to the workbook.
 */
export function workbookEntries(options: { rows?: Array<Array<string | number>>; sheet?: RawEntry; extraRels?: string; extra?: RawEntry[] } = {}): RawEntry[] {
  return [
    entry("[Content_Types].xml", CT),
    entry("_rels/.rels", ROOT_RELS),
    entry("xl/workbook.xml", WORKBOOK),
    entry("xl/_rels/workbook.xml.rels", workbookRels(options.extraRels ?? "")),
    options.sheet ?? entry("xl/worksheets/sheet1.xml", sheetXml(options.rows ?? TABLE)),
    ...(options.extra ?? []),
  ];
}
