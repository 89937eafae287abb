/**
 * The zip layer's own contract (docs/write-back.md, "The zip layer"): what it writes it reads back,
 * zip64 past 65,534 entries included; sizes, CRCs and names are checked on read.
 */
import { ZIP_LIMITS, ZipEntry, ZipError, entryData, makeEntry, readZip, writeZip } from "../../src/cli/zip";
import { crc32, entry, writeRawZip } from "./crafted-zip";

test("a round trip keeps names, bytes and order", () => {
  const parts: Array<[string, string]> = [
    ["[Content_Types].xml", "<Types/>"],
    ["xl/worksheets/sheet1.xml", "<worksheet>数据</worksheet>"],
    ["xl/media/image1.png", "\u0089PNG fake"],
    ["xl/empty.xml", ""],
  ];
  const back = readZip(writeZip(parts.map(([n, t]) => makeEntry(n, Buffer.from(t, "utf8")))));
  expect(back.map((e) => e.name)).toEqual(parts.map(([n]) => n));
  expect(back.map((e) => entryData(e).toString("utf8"))).toEqual(parts.map(([, t]) => t));
});

test("70,000 entries are written with zip64 end records and read back", () => {
  // stored, not deflated: 70,000 zlib streams would take most of a minute
  const entries = Array.from({ length: 70000 }, (_, i): ZipEntry => {
    const data = Buffer.from(`<i n="${i}"/>`);
    return { name: `customXml/item${i}.xml`, method: 0, crc: crc32(data), compressedSize: data.length, size: data.length, time: 0, date: 33, raw: data };
  });
  const back = readZip(writeZip(entries));
  expect(back.length).toBe(70000);
  expect(entryData(back[69999]).toString()).toBe('<i n="69999"/>');
});

test.each<[string, () => Buffer, RegExp]>([
  ["a bad CRC", () => writeRawZip([{ ...entry("a.xml", "<a/>"), crc: 1 }]), /a\.xml fails its CRC-32 check/],
  ["a size declared short", () => writeRawZip([{ ...entry("a.xml", "<a>long enough</a>"), size: 3 }]), /a\.xml inflates past its declared size/],
  ["a size declared long", () => writeRawZip([{ ...entry("a.xml", "<a/>"), size: 400 }]), /a\.xml: 4 bytes where 400 are declared/],
])("%s is refused when the part is read, naming it", (_name, make, message) => {
  const [e] = readZip(make());
  expect(() => entryData(e)).toThrow(ZipError);
  expect(() => entryData(e)).toThrow(message);
});

test("a part never read is still checked before it is copied", () => {
  const [e] = readZip(writeRawZip([{ ...entry("docProps/app.xml", "<P/>"), crc: (crc32(Buffer.from("<P/>")) ^ 8) >>> 0 }]));
  expect(() => writeZip([e])).toThrow(/docProps\/app\.xml fails its CRC-32 check/);
});

test("declared sizes over the limits are refused before anything is inflated", () => {
  const saved = { ...ZIP_LIMITS };
  try {
    ZIP_LIMITS.partBytes = 10;
    expect(() => readZip(writeRawZip([entry("big.xml", "<a>0123456789</a>")]))).toThrow(/big\.xml inflates to .* over the limit/);
    ZIP_LIMITS.partBytes = saved.partBytes;
    ZIP_LIMITS.packageBytes = 20;
    expect(() => readZip(writeRawZip([entry("one.xml", "<a>012345</a>"), entry("two.xml", "<a>012345</a>")]))).toThrow(/more than .*reached at part two\.xml/);
  } finally {
    Object.assign(ZIP_LIMITS, saved);
  }
});

test("two entries of one name, or of names differing in case, are refused", () => {
  expect(() => readZip(writeRawZip([entry("a.xml", "<a/>"), entry("a.xml", "<b/>")]))).toThrow(/two entries for the part a\.xml/);
  expect(() => readZip(writeRawZip([entry("xl/A.xml", "<a/>"), entry("xl/a.xml", "<b/>")]))).toThrow(/two entries for the part xl\/a\.xml \(xl\/A\.xml\)/);
});
