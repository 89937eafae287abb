/**
 * What every `jixiao` command shares: usage errors (exit 2), opening a workbook file and
 * writing an --out file (docs/write-back.md).
 *
 * - .xlsx / .xlsm (from Excel, WPS, LibreOffice, openpyxl/pandas, exceljs): opened as a package;
 *   the output is the same package with our parts changed, everything else copied.
 * - old .xls and WPS .et (binary compound files): converted to .xlsx through LibreOffice when it
 *   is installed, for checking only: results go into a new .xlsx, the original is never touched.
 */
import * as fs from "fs";
import * as path from "path";
import { cellText } from "../core/basics/grid";
import type { Bilingual } from "../core/basics/text";
import { OWN_HEADER_PREFIX } from "../core/forms/table-finder";
import { convertLegacy } from "./legacy-convert";
import { CLI_ERRORS, CLI_NOTES, fileSystemError } from "./messages";
import { PackageError } from "./ooxml-package";
import { UsageError } from "./usage-error";
import { assertPackageSound } from "./xlsx-check";
import { XlsxWorkbook } from "./xlsx-workbook";
import { ZIP_LIMITS, ZipError, readZip } from "./zip";

export { UsageError };

export interface OpenedWorkbook {
  wb: XlsxWorkbook;
  /** "legacy": an .xls / .et converted through LibreOffice */
  source: "ooxml" | "legacy";
}

/** A failed file operation (EACCES, ENOSPC, …) as a clean usage error naming the file; anything else as it was. */
export function fileError(e: unknown, file: string): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return new UsageError(fileSystemError(code, file));
  return e;
}

/** O_NONBLOCK where the platform has it: opening a FIFO for reading must not wait for a writer. */
const OPEN_READ = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file, refused before reading when it is not one (a FIFO, a device, a
 * socket: opened without blocking, checked on the open descriptor) or larger than a package may be.
 */
export function readRegularFile(file: string, maxBytes: number = ZIP_LIMITS.packageBytes): Buffer {
  let fd: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new UsageError(CLI_ERRORS.aFolder(file));
    if (!st.isFile()) throw new UsageError(CLI_ERRORS.notRegular(file));
    fd = fs.openSync(file, OPEN_READ);
  } catch (e) {
    throw fileError(e, file);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new UsageError(CLI_ERRORS.notRegular(file));
    if (st.size > maxBytes) throw new UsageError(CLI_ERRORS.fileTooLarge(file, st.size, maxBytes));
    const out = Buffer.alloc(st.size);
    let at = 0;
    while (at < out.length) {
      const n = fs.readSync(fd, out, at, out.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === out.length ? out : out.subarray(0, at);
  } catch (e) {
    throw fileError(e, file);
  } finally {
    fs.closeSync(fd);
  }
}

/** Open a workbook after checking it exists and what kind of file it is; `role` names it in messages. */
export async function openWorkbook(file: string, role: "input" | "output" = "input"): Promise<OpenedWorkbook> {
  if (!fs.existsSync(file)) throw new UsageError(CLI_ERRORS.noSuchFile(file));
  const h = readRegularFile(file);
  let bytes: Uint8Array;
  let source: OpenedWorkbook["source"] = "ooxml";
  if (h[0] === 0x50 && h[1] === 0x4b) {
    bytes = h;
  } else if (h[0] === 0xd0 && h[1] === 0xcf && h[2] === 0x11 && h[3] === 0xe0 && role === "input") {
    // an old .xls, a WPS .et, or an encrypted .xlsx (also a compound file)
    bytes = convertLegacy(file);
    source = "legacy";
  } else {
    throw new UsageError(CLI_ERRORS.notXlsx(file, role === "output"));
  }
  try {
    return { wb: XlsxWorkbook.fromBytes(bytes), source };
  } catch (e) {
    const detail = e instanceof PackageError || e instanceof ZipError ? e.message : String((e as Error).message ?? e);
    throw new UsageError(CLI_ERRORS.cannotRead(file, detail));
  }
}

/**
 * Where the output really goes: a workbook with macros is written as .xlsm, any other as .xlsx
 * (Excel refuses a file whose extension does not match its content). Other extensions are kept.
 */
export function outputPath(out: string, wb: XlsxWorkbook): { path: string; note: Bilingual | null } {
  const ext = path.extname(out).toLowerCase();
  const want = wb.macroEnabled ? ".xlsm" : ".xlsx";
  if (![".xlsx", ".xlsm", ".xls", ".et", ".xlsb"].includes(ext) || ext === want) return { path: out, note: null };
  const fixed = out.slice(0, out.length - ext.length) + want;
  return {
    path: fixed,
    note: wb.macroEnabled ? CLI_NOTES.outputAsXlsm(fixed) : CLI_NOTES.outputAsXlsx(fixed),
  };
}

/**
 * The --out file of a run over `file` and the notes the report owes the user about it (the
 * extension it was given, an old format read through LibreOffice); refuses the input itself.
 */
export function prepareOutput(out: string, file: string, opened: OpenedWorkbook): { path: string; notes: Bilingual[] } {
  const target = outputPath(out, opened.wb);
  checkNotInput(target.path, file);
  checkOutReplaceable(target.path);
  const notes: Bilingual[] = [];
  if (target.note) notes.push(target.note);
  if (opened.source === "legacy") notes.push(CLI_NOTES.legacyInput);
  return { path: target.path, notes };
}

/** The file operations a save uses; tests put a failing write in their place (a full disk). */
export const saveOps = {
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number): number => fs.writeSync(fd, data, offset, length),
};

/**
 * Write bytes to `file` atomically: into a new temporary file in the same folder, flushed, then
 * renamed over `file`. A failure at any point (a full disk, no permission) leaves no temporary
 * file and `file` as it was, an earlier good output included.
 */
export function writeFileAtomic(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw fileError(e, dir);
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, "wx");
    let at = 0;
    while (at < bytes.length) at += saveOps.writeSync(fd, bytes, at, bytes.length - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // closing after a failed write: the file goes anyway
      }
    }
    fs.rmSync(tmp, { force: true });
    throw fileError(e, file);
  }
}

/**
 * Write an --out file: the package with our changes, every other part as it was. The structural
 * check (`assertPackageSound`, src/cli/xlsx-check.ts) runs first on the parts as they are written,
 * and the zip written is read back: a package that fails is never written (exit 2), and an earlier
 * file at `file` stays as it was (docs/write-back.md).
 */
export function saveWorkbook(wb: XlsxWorkbook, file: string): void {
  const bytes = wb.toBytes();
  try {
    // the parts changed since reading, and the package's relationships, content types, VML, sheets
    assertPackageSound(wb.pkg);
  } catch (e) {
    if (e instanceof PackageError) throw new UsageError(CLI_ERRORS.checkFailed(file, [e.message]));
    throw e;
  }
  // the container as written: every part in it, readable
  if (readZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)).length !== wb.pkg.partNames().length) {
    throw new UsageError(CLI_ERRORS.checkFailed(file, ["the zip written does not hold every part"]));
  }
  writeFileAtomic(file, bytes);
}

/** Device and inode of a file (following links), or null when there is none. */
function identity(file: string): { dev: bigint; ino: bigint } | null {
  try {
    const st = fs.statSync(file, { bigint: true });
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}

/**
 * Two paths name one file on disk: the same device and inode, so symbolic and hard links, a
 * symlinked folder on the way and a path in other letter case (case-insensitive file systems) are
 * all caught. Where a file system reports no inode, the real paths are compared.
 */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const x = identity(a);
  const y = identity(b);
  if (!x || !y) return false;
  if (x.ino !== BigInt(0) || y.ino !== BigInt(0)) return x.dev === y.dev && x.ino === y.ino;
  try {
    return fs.realpathSync.native(a).toLowerCase() === fs.realpathSync.native(b).toLowerCase();
  } catch {
    return false;
  }
}

/** Refuse an --out that is the input file itself, by path or by identity. */
export function checkNotInput(out: string, file: string): void {
  if (path.resolve(out) === path.resolve(file)) throw new UsageError(CLI_ERRORS.outIsInput);
  if (sameFile(out, file)) throw new UsageError(CLI_ERRORS.outIsInputLink(out));
}

/**
 * A workbook this tool wrote: some worksheet holds a cell of ours (a header starting with 核对·,
 * a summary's title). Any error reading it means no.
 */
export function isJixiaoOutput(file: string): boolean {
  try {
    const wb = XlsxWorkbook.fromBytes(readRegularFile(file));
    for (const ws of wb.sheets) {
      if (ws.kind !== "worksheet" || !ws.path) continue;
      for (const line of wb.grid(ws).values) {
        if (!line) continue;
        for (const v of line) if (typeof v === "string" && cellText(v).startsWith(OWN_HEADER_PREFIX)) return true;
      }
    }
    return false;
  } catch {
    return false;
  }
}

/** Refuse an --out that exists and is not a workbook this tool wrote (it would be replaced). */
export function checkOutReplaceable(out: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(out);
  } catch {
    return;
  }
  if (st.isDirectory()) throw new UsageError(CLI_ERRORS.aFolder(out));
  if (!st.isFile()) throw new UsageError(CLI_ERRORS.notRegular(out));
  if (!isJixiaoOutput(out)) throw new UsageError(CLI_ERRORS.outNotOursWorkbook(out));
}

/** The one input file and the --out file of a command over a workbook. */
export function inputAndOut(positional: string[], flags: Record<string, string | true>, usage: string): { file: string; out: string | null } {
  if (positional.length !== 1) throw new UsageError(`${CLI_ERRORS.expectedOneFile}\n\n${usage}`);
  const file = positional[0];
  const out = typeof flags.out === "string" ? flags.out : null;
  if (out) checkNotInput(out, file);
  return { file, out };
}

/** A command that takes no file: refuse one. */
export function noPositional(positional: string[], usage: string): void {
  if (positional.length) throw new UsageError(`${CLI_ERRORS.unexpectedArgument(positional[0])}\n\n${usage}`);
}

/** The sheets a command looks at: the one --sheet names, else every visible worksheet; `file` names the workbook in the error. */
export function candidateSheets(wb: XlsxWorkbook, sheet: string | true | undefined, file?: string) {
  if (typeof sheet !== "string") return wb.visibleWorksheets();
  const ws = wb.sheet(sheet);
  if (!ws || ws.kind !== "worksheet") throw new UsageError(CLI_ERRORS.noSheet(sheet, file !== undefined ? ` in ${file}` : "", wb.sheets.map((w) => w.name).join(", ")));
  return [ws];
}

/** The reasons each sheet was passed over, one per line under a command's "not found" message. */
export function reasonLines(reasons: string[]): string {
  return `\n  ${reasons.join("\n  ") || "(no sheets)"}`;
}
