/**
 * The zip container of a workbook package, read and written with Node's native zlib: a part the
 * CLI does not change is copied as its compressed bytes, untouched (docs/write-back.md).
 *
 * Reading is bounded and checked (docs/write-back.md, "The zip layer"):
 * - a part's declared size above `ZIP_LIMITS.partBytes`, or the package's declared sizes together
 *   above `ZIP_LIMITS.packageBytes`, is refused before anything is inflated;
 * - a part is inflated with a hard stop at its declared size, so a part that lies about its size
 *   is refused when it passes it, and the declared sizes bound what the package can inflate to;
 * - every part's CRC-32 is checked when it is inflated, and before a part is copied into an
 *   output unread, so a damaged part is never passed on;
 * - two entries of one name (also differing only in case: part names are compared without case)
 *   make the package refused, naming the entry: Excel asks to repair such a file, LibreOffice
 *   takes the last one, so a reader taking either could be shown what the other does not show;
 * - zip64 records are read; encrypted entries and other compression methods are refused.
 */
import * as zlib from "zlib";
import { ZIP_ERRORS } from "./messages";
import { UsageError } from "./usage-error";

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
  /** its CRC and size were checked against the inflated bytes (or the entry was made here) */
  verified?: boolean;
}

/** A package the zip layer refuses: damaged, over a limit, or in a form it does not take. */
export class ZipError extends UsageError {}

function envMiB(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? Math.floor(v * 1024 * 1024) : fallback;
}

/**
 * Limits on what a package may inflate to. Defaults: 256 MiB per part (a 200,000-row sheet is
 * about 60 MiB), 1 GiB for the package; `JIXIAO_MAX_PART_MB` / `JIXIAO_MAX_PACKAGE_MB` change them.
 */
export const ZIP_LIMITS = {
  partBytes: envMiB("JIXIAO_MAX_PART_MB", 256 * 1024 * 1024),
  packageBytes: envMiB("JIXIAO_MAX_PACKAGE_MB", 1024 * 1024 * 1024),
  /** entries in one package (a zip without zip64 holds at most 65,535) */
  entries: 1_000_000,
};

function damaged(detail: string): ZipError {
  return new ZipError(ZIP_ERRORS.damaged(detail));
}

/** The 64-bit value at `at` (zip64 fields), as a number (exact below 2^53). */
function u64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 0x100000000;
}

/** Zip64 extended information (extra field 0x0001): the fields that are 0xFFFFFFFF, in order. */
function zip64Fields(buf: Buffer, from: number, to: number, want: { size: boolean; compressed: boolean; offset: boolean }): { size?: number; compressed?: number; offset?: number } {
  let p = from;
  while (p + 4 <= to) {
    const id = buf.readUInt16LE(p);
    const len = buf.readUInt16LE(p + 2);
    if (id === 0x0001) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let q = p + 4;
      const end = Math.min(to, q + len);
      if (want.size && q + 8 <= end) {
        out.size = u64(buf, q);
        q += 8;
      }
      if (want.compressed && q + 8 <= end) {
        out.compressed = u64(buf, q);
        q += 8;
      }
      if (want.offset && q + 8 <= end) out.offset = u64(buf, q);
      return out;
    }
    p += 4 + len;
  }
  return {};
}

function findEnd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/** The entries of a zip file, in the order of its central directory; throws ZipError. */
export function readZip(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw damaged("too short for a zip file");
  const eocd = findEnd(buf);
  if (eocd < 0) throw damaged("no end of central directory");
  let count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  // zip64: the locator sits just before the end record and points at the zip64 end record
  if ((count === 0xffff || p === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = u64(buf, eocd - 12);
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) throw damaged("bad zip64 end record");
    count = u64(buf, z + 32);
    p = u64(buf, z + 48);
  }
  if (count > ZIP_LIMITS.entries) throw new ZipError(ZIP_ERRORS.tooManyEntries(count, ZIP_LIMITS.entries));
  const out: ZipEntry[] = [];
  const names = new Map<string, string>();
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw damaged("bad central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const time = buf.readUInt16LE(p + 12);
    const date = buf.readUInt16LE(p + 14);
    const crc = buf.readUInt32LE(p + 16);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    let local = buf.readUInt32LE(p + 42);
    if (p + 46 + nlen + xlen > buf.length) throw damaged("bad central directory");
    const name = buf.toString("utf8", p + 46, p + 46 + nlen);
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) {
      const z = zip64Fields(buf, p + 46 + nlen, p + 46 + nlen + xlen, { size: size === 0xffffffff, compressed: compressedSize === 0xffffffff, offset: local === 0xffffffff });
      size = z.size ?? size;
      compressedSize = z.compressed ?? compressedSize;
      local = z.offset ?? local;
    }
    p += 46 + nlen + xlen + clen;
    if (name.endsWith("/")) continue;
    const lower = name.toLowerCase();
    const earlier = names.get(lower);
    if (earlier !== undefined) throw new ZipError(ZIP_ERRORS.duplicateEntry(name, earlier));
    names.set(lower, name);
    if (flags & 1) throw new ZipError(ZIP_ERRORS.encryptedEntry(name));
    if (method !== 0 && method !== 8) throw new ZipError(ZIP_ERRORS.unsupportedMethod(name, method));
    if (size > ZIP_LIMITS.partBytes) throw new ZipError(ZIP_ERRORS.partTooLarge(name, size, ZIP_LIMITS.partBytes));
    total += size;
    if (total > ZIP_LIMITS.packageBytes) throw new ZipError(ZIP_ERRORS.packageTooLarge(name, ZIP_LIMITS.packageBytes));
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw damaged(`bad local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressedSize > buf.length) throw damaged(`${name} runs past the end of the file`);
    if (method === 0 && compressedSize !== size) throw damaged(`${name}: stored with two different sizes`);
    out.push({ name, method, crc, compressedSize, size, time, date, raw: buf.subarray(start, start + compressedSize) });
  }
  return out;
}

let CRC_TABLE: Int32Array | null = null;
export function crc32(data: Uint8Array): number {
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
  return { name, method: store ? 0 : 8, crc: crc32(data), compressedSize: raw.length, size: data.length, time: 0, date: 33, raw, verified: true };
}

/**
 * An entry's bytes, inflated with a hard stop at its declared size (and the part limit), its
 * size and CRC-32 checked; throws ZipError naming the entry.
 */
export function entryData(e: ZipEntry): Buffer {
  if (e.size > ZIP_LIMITS.partBytes) throw new ZipError(ZIP_ERRORS.partTooLarge(e.name, e.size, ZIP_LIMITS.partBytes));
  let data: Buffer;
  if (e.method === 0) data = e.raw;
  else {
    try {
      // one byte more than declared: inflating past the declared size is caught as a lie, not cut off
      data = zlib.inflateRawSync(e.raw, { maxOutputLength: e.size + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new ZipError(ZIP_ERRORS.inflatesBeyond(e.name, e.size));
      throw damaged(`${e.name}: ${(err as Error).message}`);
    }
  }
  if (data.length !== e.size) {
    if (data.length > e.size) throw new ZipError(ZIP_ERRORS.inflatesBeyond(e.name, e.size));
    throw damaged(`${e.name}: ${data.length} bytes where ${e.size} are declared`);
  }
  if (crc32(data) !== e.crc >>> 0) throw new ZipError(ZIP_ERRORS.badCrc(e.name));
  e.verified = true;
  return data;
}

/** Check an entry read from a file that nobody inflated yet (before it is copied into an output). */
export function verifyEntry(e: ZipEntry): void {
  if (!e.verified) entryData(e);
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
  b.writeUInt32LE(e.crc >>> 0, at + 8);
  b.writeUInt32LE(e.compressedSize, at + 12);
  b.writeUInt32LE(e.size, at + 16);
  b.writeUInt16LE(nameLength, at + 20);
}

/**
 * The zip file of the entries. Every entry read from a file is checked (CRC, size) before it is
 * copied, so a damaged part is refused rather than passed on. Zip64 end records are written when
 * there are more than 65,534 entries or the central directory starts past 4 GiB.
 */
export function writeZip(entries: ZipEntry[]): Buffer {
  for (const e of entries) verifyEntry(e);
  const names = entries.map((e) => Buffer.from(e.name, "utf8"));
  let offset = 0;
  for (let i = 0; i < entries.length; i++) offset += 30 + names[i].length + entries[i].raw.length;
  const cdStart = offset;
  let cdSize = 0;
  for (const n of names) cdSize += 46 + n.length;
  const zip64 = entries.length >= 0xffff || cdStart >= 0xffffffff || cdSize >= 0xffffffff;
  if (offset >= 0xffffffff) throw new ZipError(ZIP_ERRORS.outputTooLarge);
  const out = Buffer.alloc(cdStart + cdSize + (zip64 ? 56 + 20 : 0) + 22);
  let at = 0;
  const offsets: number[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    offsets[i] = at;
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4);
    writeEntryFields(out, at + 6, e, names[i].length);
    out.writeUInt16LE(0, at + 28);
    names[i].copy(out, at + 30);
    e.raw.copy(out, at + 30 + names[i].length);
    at += 30 + names[i].length + e.raw.length;
  }
  for (let i = 0; i < entries.length; i++) {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(20, at + 6);
    writeEntryFields(out, at + 8, entries[i], names[i].length);
    out.writeUInt32LE(offsets[i], at + 42);
    names[i].copy(out, at + 46);
    at += 46 + names[i].length;
  }
  if (zip64) {
    const z = at;
    out.writeUInt32LE(0x06064b50, at);
    out.writeUInt32LE(44, at + 4); // size of the rest of this record (low half; high half 0)
    out.writeUInt16LE(45, at + 12);
    out.writeUInt16LE(45, at + 14);
    out.writeUInt32LE(entries.length, at + 24);
    out.writeUInt32LE(entries.length, at + 32);
    out.writeUInt32LE(cdSize, at + 40);
    out.writeUInt32LE(cdStart % 0x100000000, at + 48);
    out.writeUInt32LE(Math.floor(cdStart / 0x100000000), at + 52);
    at += 56;
    out.writeUInt32LE(0x07064b50, at);
    out.writeUInt32LE(z, at + 8);
    out.writeUInt32LE(1, at + 16);
    at += 20;
  }
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(zip64 ? 0xffff : entries.length, at + 8);
  out.writeUInt16LE(zip64 ? 0xffff : entries.length, at + 10);
  out.writeUInt32LE(zip64 ? 0xffffffff : cdSize, at + 12);
  out.writeUInt32LE(zip64 ? 0xffffffff : cdStart, at + 16);
  return out;
}
