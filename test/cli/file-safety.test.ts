/**
 * The file layer never writes a broken file, never loses the input or an earlier output, and
 * ends every hostile package in a clean message (docs/write-back.md, "Never a broken file, never
 * a lost input" and "The zip layer"; docs/review.md, "Hostile files"). Crafted cases, each a row.
 * Spawned runs use the built CLI (`npm run build:cli`): review's worker threads live in lib/.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { saveOps } from "../../src/cli/workbook-file";
import { ZIP_LIMITS } from "../../src/cli/zip";
import { checkPackage } from "../../src/cli/xlsx-check";
import { capture } from "./capture";
import { RawEntry, TABLE, bombStream, crc32, entry, sheetXml, workbookEntries, writeRawZip } from "./crafted-zip";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "jixiao.js");
const IS_ROOT = typeof process.getuid === "function" && process.getuid() === 0;
const CAN_LINK = process.platform !== "win32";

let dir: string;
let n = 0;
/** A fresh folder for one case. */
function fresh(): string {
  const d = path.join(dir, `case-${++n}`);
  fs.mkdirSync(d);
  return d;
}
function good(file: string): string {
  fs.writeFileSync(file, writeRawZip(workbookEntries()));
  return file;
}
async function run(...argv: string[]) {
  const c = capture();
  const code = await main(argv, c.io);
  return { code, out: c.out.join("\n"), err: c.err.join("\n") };
}
function cli(args: string[], options: { timeout?: number; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: options.timeout ?? 60000, env: { ...process.env, ...options.env } });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}
const bytes = (f: string) => fs.readFileSync(f);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-safety-"));
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) throw new Error("run `npm run build:cli` first: the spawned cases use lib/");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("--out is never the input, however it is reached", () => {
  const cases: Array<[string, (d: string, input: string) => { input: string; out: string }]> = [
    ["a symbolic link to the input", (d, input) => {
      fs.symlinkSync(input, path.join(d, "link.xlsx"));
      return { input, out: path.join(d, "link.xlsx") };
    }],
    ["a hard link to the input", (d, input) => {
      fs.linkSync(input, path.join(d, "hard.xlsx"));
      return { input, out: path.join(d, "hard.xlsx") };
    }],
    ["the input through a symlinked folder", (d, input) => {
      fs.symlinkSync(d, path.join(dir, `via-${n}`));
      return { input, out: path.join(dir, `via-${n}`, path.basename(input)) };
    }],
    ["the input named through ./ and ..", (d, input) => ({ input, out: path.join(d, "..", path.basename(d), ".", path.basename(input)) })],
  ];
  test.each(cases)("%s: exit 2, the input unchanged", async (_name, make) => {
    if (!CAN_LINK) return;
    const d = fresh();
    const input = good(path.join(d, "in.xlsx"));
    const before = bytes(input);
    const { out } = make(d, input);
    for (const command of ["validate", "audit"]) {
      const r = await run(command, input, "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--out/);
      expect(r.out).not.toMatch(/结果已写入/);
      expect(bytes(input).equals(before)).toBe(true);
    }
  });

  const probe = path.join(os.tmpdir(), `jixiao-Case-Probe-${process.pid}`);
  fs.writeFileSync(probe, "");
  const caseInsensitive = fs.existsSync(probe.toLowerCase()) && probe !== probe.toLowerCase();
  fs.rmSync(probe, { force: true });
  (caseInsensitive ? test : test.skip)(
    `the input's path in other letter case${caseInsensitive ? "" : " (skipped: this file system tells case apart, so no such path names the input)"}`,
    async () => {
      const d = fresh();
      const input = good(path.join(d, "in.xlsx"));
      const before = bytes(input);
      const r = await run("validate", input, "--out", path.join(d, "IN.xlsx"));
      expect(r.code).toBe(2);
      expect(bytes(input).equals(before)).toBe(true);
    },
  );
});

describe("an existing --out", () => {
  test("an unrelated workbook at --out is refused, unchanged; a file this tool wrote is replaced", async () => {
    const d = fresh();
    const input = good(path.join(d, "in.xlsx"));
    const theirs = good(path.join(d, "theirs.xlsx"));
    const before = bytes(theirs);
    const r = await run("validate", input, "--out", theirs);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a file this tool wrote/);
    expect(bytes(theirs).equals(before)).toBe(true);
    const ours = path.join(d, "ours.xlsx");
    expect((await run("validate", input, "--out", ours)).code).toBe(0);
    const second = await run("validate", input, "--out", ours);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/结果已写入/);
    expect(checkPackage(bytes(ours))).toEqual([]);
  });

  test("a text file or a folder at --out is refused", async () => {
    const d = fresh();
    const input = good(path.join(d, "in.xlsx"));
    fs.writeFileSync(path.join(d, "notes.xlsx"), "my notes");
    fs.mkdirSync(path.join(d, "folder.xlsx"));
    expect((await run("validate", input, "--out", path.join(d, "notes.xlsx"))).code).toBe(2);
    expect(fs.readFileSync(path.join(d, "notes.xlsx"), "utf8")).toBe("my notes");
    expect((await run("validate", input, "--out", path.join(d, "folder.xlsx"))).code).toBe(2);
  });
});

describe("the save is atomic", () => {
  const realWrite = saveOps.writeSync;
  afterEach(() => {
    saveOps.writeSync = realWrite;
  });

  test.each(["ENOSPC", "EIO"])("%s half way through the write: exit 2 with a clean message, the earlier output intact, no temporary file left", async (code) => {
    const d = fresh();
    const input = good(path.join(d, "in.xlsx"));
    const out = path.join(d, "out.xlsx");
    expect((await run("validate", input, "--out", out)).code).toBe(0);
    const earlier = bytes(out);
    saveOps.writeSync = (fd, data, offset, length) => {
      realWrite(fd, data, offset, Math.min(length, 1000));
      throw Object.assign(new Error(`${code}: simulated`), { code });
    };
    fs.writeFileSync(input, writeRawZip(workbookEntries({ rows: [...TABLE, ["满意度指标", "投诉率", "≤5%", "3%", 10, 10]] })));
    const r = await run("validate", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/internal error|内部错误|\n\s+at /);
    if (code === "ENOSPC") expect(r.err).toMatch(/磁盘空间不足.*no space left/);
    expect(r.out).not.toMatch(/结果已写入/);
    expect(bytes(out).equals(earlier)).toBe(true);
    expect(fs.readdirSync(d).sort()).toEqual(["in.xlsx", "out.xlsx"]);
  });

  test("a package that fails the structural check is never written: exit 2, never 结果已写入", async () => {
    const d = fresh();
    // a relationship to a part that is not there: the check finds it in the output
    const input = path.join(d, "in.xlsx");
    fs.writeFileSync(input, writeRawZip(workbookEntries({ extraRels: '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="missing.xml"/>' })));
    const out = path.join(d, "out.xlsx");
    const r = await run("validate", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/structural check/);
    expect(r.out).not.toMatch(/结果已写入/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a file-system error is a clean message: --out under a file (ENOTDIR)", async () => {
    const d = fresh();
    const input = good(path.join(d, "in.xlsx"));
    fs.writeFileSync(path.join(d, "plain"), "x");
    const r = await run("validate", input, "--out", path.join(d, "plain", "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
  });
});

describe("hostile and damaged packages end in a clean exit 2 naming the part", () => {
  const sheet = sheetXml(TABLE);
  const honest = entry("xl/worksheets/sheet1.xml", sheet);
  const cases: Array<[string, () => Buffer, RegExp]> = [
    ["a bad CRC on the sheet", () => writeRawZip(workbookEntries({ sheet: { ...honest, crc: (honest.crc ^ 1) >>> 0 } })), /xl\/worksheets\/sheet1\.xml.*CRC-32/],
    ["a 3 MB file whose sheet declares 3 GB", () => writeRawZip(workbookEntries({ sheet: { name: "xl/worksheets/sheet1.xml", method: 8, raw: bombStream(3000), crc: 0, size: 3000 * 1024 * 1024 } })), /xl\/worksheets\/sheet1\.xml.*over the limit/],
    ["a 3 MB file whose sheet declares 2 KB and inflates to 3 GB", () => writeRawZip(workbookEntries({ sheet: { name: "xl/worksheets/sheet1.xml", method: 8, raw: bombStream(3000, sheet), crc: 0, size: 2048 } })), /xl\/worksheets\/sheet1\.xml.*past its declared size/],
    ["parts that together declare more than the package limit", () => writeRawZip(workbookEntries({ extra: Array.from({ length: 5 }, (_, i): RawEntry => ({ name: `xl/media/big${i}.bin`, method: 8, raw: bombStream(1), crc: 0, size: 250 * 1024 * 1024 })) })), /more than 1024\.0 MiB/],
    ["two entries of one name", () => writeRawZip([...workbookEntries(), entry("xl/worksheets/sheet1.xml", sheetXml([["一级指标"]]))]), /two entries for the part xl\/worksheets\/sheet1\.xml/],
    ["two entries differing only in case", () => writeRawZip([...workbookEntries(), entry("XL/Worksheets/Sheet1.xml", sheet)]), /two entries/],
    ["a truncated file", () => writeRawZip(workbookEntries()).subarray(0, 300), /damaged|cannot read/],
  ];
  test.each(cases)("%s", (_name, make, message) => {
    const d = fresh();
    const input = path.join(d, "in.xlsx");
    fs.writeFileSync(input, make());
    const r = cli(["validate", input, "--out", path.join(d, "out.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
    expect(fs.existsSync(path.join(d, "out.xlsx"))).toBe(false);
  });

  test("a bad CRC on a part the check never reads (docProps) stops the --out copy", async () => {
    const d = fresh();
    const app = entry("docProps/app.xml", "<Properties/>");
    const input = path.join(d, "in.xlsx");
    fs.writeFileSync(input, writeRawZip(workbookEntries({ extra: [{ ...app, crc: (app.crc + 1) >>> 0 }] })));
    const r = await run("validate", input, "--out", path.join(d, "out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/docProps\/app\.xml.*CRC-32/);
    expect(fs.existsSync(path.join(d, "out.xlsx"))).toBe(false);
  });

  test("the limits apply as set (a lowered part limit refuses an ordinary sheet)", async () => {
    const d = fresh();
    const input = path.join(d, "in.xlsx");
    const rows = [TABLE[0], ...Array.from({ length: 2000 }, (_, i) => ["产出指标", `指标${i}`, "≥90%", "95%", 1, 1])];
    fs.writeFileSync(input, writeRawZip(workbookEntries({ rows })));
    const saved = ZIP_LIMITS.partBytes;
    ZIP_LIMITS.partBytes = 64 * 1024;
    try {
      const r = await run("validate", input);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/xl\/worksheets\/sheet1\.xml.*over the limit/);
    } finally {
      ZIP_LIMITS.partBytes = saved;
    }
    expect((await run("validate", input)).code).toBe(0);
  });

  (process.platform === "win32" ? test.skip : test)("a FIFO as input is refused at once, never waited on", () => {
    const d = fresh();
    const fifo = path.join(d, "pipe.xlsx");
    const made = spawnSync("mkfifo", [fifo]);
    if (made.status !== 0) return;
    const r = cli(["validate", fifo], { timeout: 20000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a regular file/);
  });
});

describe("100,000 problems", () => {
  test("validate lists 100,000 not-met rows without overflowing the stack", async () => {
    const d = fresh();
    const input = path.join(d, "in.xlsx");
    const rows: Array<Array<string | number>> = [TABLE[0]];
    for (let i = 0; i < 100000; i++) rows.push(["产出指标", `指标${i}`, "≥90%", "80%", 1, 1]);
    fs.writeFileSync(input, writeRawZip(workbookEntries({ rows })));
    const r = await run("validate", input);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n").length).toBeGreaterThan(100000);
  }, 180000);
});

describe("review: a hostile folder is rows of 未能读取, never the end of the batch", () => {
  (CAN_LINK ? test : test.skip)("links followed once; loops, self-links, dangling links, a pipe and a bomb listed; the good file reviewed once", () => {
    const d = fresh();
    const folder = path.join(d, "in");
    fs.mkdirSync(path.join(folder, "sub"), { recursive: true });
    good(path.join(folder, "a.xlsx"));
    good(path.join(folder, "sub", "b.xlsx"));
    fs.symlinkSync(".", path.join(folder, "loop"));
    fs.symlinkSync("..", path.join(folder, "sub", "up"));
    fs.symlinkSync("self1.xlsx", path.join(folder, "self2.xlsx"));
    fs.symlinkSync("self2.xlsx", path.join(folder, "self1.xlsx"));
    fs.symlinkSync("nowhere.xlsx", path.join(folder, "dangling.xlsx"));
    fs.symlinkSync("a.xlsx", path.join(folder, "again.xlsx"));
    spawnSync("mkfifo", [path.join(folder, "pipe.xlsx")]);
    fs.writeFileSync(path.join(folder, "bomb.xlsx"), writeRawZip(workbookEntries({ sheet: { name: "xl/worksheets/sheet1.xml", method: 8, raw: bombStream(3000, sheetXml(TABLE)), crc: 0, size: 2048 } })));
    const r = cli(["review", folder, "--json", "--jobs", "2"], { timeout: 120000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: number; rows: Array<{ file: string }>; skipped: Array<{ file: string; en: string }> };
    expect(json.rows.map((x) => x.file).sort()).toEqual(["a.xlsx", "sub/b.xlsx"]);
    const reasons = Object.fromEntries(json.skipped.map((s) => [s.file, s.en]));
    expect(reasons["loop"]).toMatch(/already read/);
    expect(reasons["sub/up"]).toMatch(/already read/);
    expect(reasons["self1.xlsx"]).toMatch(/loop/);
    expect(reasons["self2.xlsx"]).toMatch(/loop/);
    expect(reasons["dangling.xlsx"]).toMatch(/does not exist/);
    if (fs.existsSync(path.join(folder, "pipe.xlsx"))) expect(reasons["pipe.xlsx"]).toMatch(/not a regular file/);
    expect(reasons["bomb.xlsx"]).toMatch(/past its declared size/);
    expect(reasons["again.xlsx"]).toBeUndefined();
  }, 150000);

  test("an unreadable subfolder is listed, the rest reviewed (simulated: as root permissions do not bind)", async () => {
    const d = fresh();
    const folder = path.join(d, "in");
    fs.mkdirSync(path.join(folder, "locked"), { recursive: true });
    good(path.join(folder, "a.xlsx"));
    const { collectFiles } = await import("../../src/cli/review-command");
    const readdir = (p: string): string[] => {
      if (p.endsWith(`${path.sep}locked`)) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      return fs.readdirSync(p);
    };
    const found = collectFiles([folder], [], readdir);
    expect(found.jobs.map((j) => j.display)).toEqual(["a.xlsx"]);
    expect(found.passed).toEqual([{ display: "locked", reason: expect.objectContaining({ en: expect.stringMatching(/cannot read the folder: EACCES/) }) }]);
  });

  (IS_ROOT || process.platform === "win32" ? test.skip : test)(
    `an unreadable subfolder (chmod 000) through the CLI${IS_ROOT ? " (skipped: running as root, which reads any folder)" : ""}`,
    () => {
      const d = fresh();
      const folder = path.join(d, "in");
      fs.mkdirSync(path.join(folder, "locked"), { recursive: true });
      good(path.join(folder, "a.xlsx"));
      fs.chmodSync(path.join(folder, "locked"), 0o000);
      try {
        const r = cli(["review", folder, "--json"]);
        expect(r.code).toBe(0);
        const json = JSON.parse(r.out) as { skipped: Array<{ file: string; en: string }> };
        expect(json.skipped.find((s) => s.file === "locked")?.en).toMatch(/cannot read the folder/);
      } finally {
        fs.chmodSync(path.join(folder, "locked"), 0o755);
      }
    },
  );

  test("a worker that runs out of memory costs only its file: listed, the batch goes on", () => {
    const d = fresh();
    const folder = path.join(d, "in");
    fs.mkdirSync(folder);
    good(path.join(folder, "a.xlsx"));
    good(path.join(folder, "c.xlsx"));
    // 70 MiB of shared strings, read whole into a 48 MiB heap (the engine itself needs about 15)
    const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>满意度调查问卷结果汇总</t></si>".repeat(2_000_000)}</sst>`;
    const sst = entry("xl/sharedStrings.xml", strings);
    const rels = '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>';
    const ct = entry("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`);
    const entries = workbookEntries({ extraRels: rels, extra: [sst], rows: [["x"]] });
    entries[0] = ct;
    fs.writeFileSync(path.join(folder, "b-heavy.xlsx"), writeRawZip(entries));
    const r = cli(["review", folder, "--json", "--jobs", "1"], { env: { JIXIAO_REVIEW_WORKER_MB: "48" }, timeout: 120000 });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { rows: Array<{ file: string }>; skipped: Array<{ file: string; en: string }> };
    expect(json.rows.map((x) => x.file).sort()).toEqual(["a.xlsx", "c.xlsx"]);
    expect(json.skipped.find((s) => s.file === "b-heavy.xlsx")?.en).toMatch(/more memory than allowed/);
  }, 150000);
});

test("crafted packages agree with the crafted-zip helper (a sanity check of the helper itself)", () => {
  const data = Buffer.from("abc");
  expect(crc32(data)).toBe(0x352441c2);
});
