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
import type { Bilingual } from "../core/basics/text";
import { convertLegacy } from "./legacy-convert";
import { CLI_ERRORS, CLI_NOTES } from "./messages";
import { PackageError } from "./ooxml-package";
import { UsageError } from "./usage-error";
import { XlsxWorkbook } from "./xlsx-workbook";

export { UsageError };

export interface OpenedWorkbook {
  wb: XlsxWorkbook;
  /** "legacy": an .xls / .et converted through LibreOffice */
  source: "ooxml" | "legacy";
}

function head(file: string): Buffer {
  const b = Buffer.alloc(8);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, b, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  return b;
}

/** Open a workbook after checking it exists and what kind of file it is; `role` names it in messages. */
export async function openWorkbook(file: string, role: "input" | "output" = "input"): Promise<OpenedWorkbook> {
  if (!fs.existsSync(file)) throw new UsageError(CLI_ERRORS.noSuchFile(file));
  if (fs.statSync(file).isDirectory()) throw new UsageError(CLI_ERRORS.aFolder(file));
  const h = head(file);
  let bytes: Uint8Array;
  let source: OpenedWorkbook["source"] = "ooxml";
  if (h[0] === 0x50 && h[1] === 0x4b) {
    bytes = fs.readFileSync(file);
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
    const detail = e instanceof PackageError ? e.message : String((e as Error).message ?? e);
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
  const notes: Bilingual[] = [];
  if (target.note) notes.push(target.note);
  if (opened.source === "legacy") notes.push(CLI_NOTES.legacyInput);
  return { path: target.path, notes };
}

/** Write an --out file: the package with our changes, every other part as it was. */
export function saveWorkbook(wb: XlsxWorkbook, file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, wb.toBytes());
}

/** Refuse an --out that is the input file itself. */
export function checkNotInput(out: string, file: string): void {
  if (path.resolve(out) === path.resolve(file)) throw new UsageError(CLI_ERRORS.outIsInput);
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
