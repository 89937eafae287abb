/**
 * The zip container of a workbook package, read and written with Node's native zlib: a part the
 * CLI does not change is copied as its compressed bytes, untouched (docs/write-back.md). Packages
 * this reader does not take (zip64, encrypted entries) go through fflate instead.
 */
import * as zlib from "zlib";
import { unzipSync } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  /** the entry's compressed bytes as stored */
  raw: Buffer;
}

class Unsupported extends Error {}

function entriesNative(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Unsupported("no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new Unsupported("zip64");
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Unsupported("bad central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const time = buf.readUInt16LE(p + 12);
    const date = buf.readUInt16LE(p + 14);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nlen);
    p += 46 + nlen + xlen + clen;
    if (flags & 1) throw new Unsupported("encrypted entry");
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new Unsupported("zip64 entry");
    if (method !== 0 && method !== 8) throw new Unsupported(`compression method ${method}`);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Unsupported("bad local header");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (name.endsWith("/")) continue;
    out.push({ name, method, crc, compressedSize, size, time, date, raw: buf.subarray(start, start + compressedSize) });
  }
  return out;
}

let CRC_TABLE: Int32Array | null = null;
function crc32(data: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (typeof native === "function") return native(data) >>> 0;
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A new entry: deflated (level 1, fast) unless it is already-compressed media. */
export function makeEntry(name: string, data: Uint8Array): ZipEntry {
  const store = /\.(png|jpe?g|gif)$/i.test(name);
  const raw = store ? Buffer.from(data) : zlib.deflateRawSync(data, { level: 1 });
  return { name, method: store ? 0 : 8, crc: crc32(data), compressedSize: raw.length, size: data.length, time: 0, date: 33, raw };
}

/** The entries of a zip file, in the order of its central directory. */
export function readZip(buf: Buffer): ZipEntry[] {
  try {
    return entriesNative(buf);
  } catch (e) {
    if (!(e instanceof Unsupported) && !(e instanceof RangeError)) throw e;
    const files = unzipSync(new Uint8Array(buf.buffer, buf.byteOffset, buf.length));
    return Object.keys(files)
      .filter((n) => !n.endsWith("/"))
      .map((n) => makeEntry(n, files[n]));
  }
}

export function entryData(e: ZipEntry): Buffer {
  return e.method === 0 ? e.raw : zlib.inflateRawSync(e.raw);
}

/**
 * The fields the local header and the central directory record share, in the same order from
 * `at`: flags (UTF-8 names), method, time, date, CRC-32, compressed size, size, name length.
 */
function writeEntryFields(b: Buffer, at: number, e: ZipEntry, nameLength: number): void {
  b.writeUInt16LE(0x0800, at);
  b.writeUInt16LE(e.method, at + 2);
  b.writeUInt16LE(e.time, at + 4);
  b.writeUInt16LE(e.date, at + 6);
  b.writeUInt32LE(e.crc, at + 8);
  b.writeUInt32LE(e.compressedSize, at + 12);
  b.writeUInt32LE(e.size, at + 16);
  b.writeUInt16LE(nameLength, at + 20);
}

export function writeZip(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    writeEntryFields(h, 6, e, name.length);
    h.writeUInt16LE(0, 28);
    chunks.push(h, name, e.raw);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    writeEntryFields(c, 8, e, name.length);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.raw.length;
  }
  const cdSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
