/**
 * One file of a review (docs/review.md): opened read-only, every visible worksheet checked by
 * core's review rules. Whatever goes wrong becomes a reason, never an exception: one bad file
 * never stops the batch. Runs in a worker thread or in the main thread alike.
 */
import * as fs from "fs";
import * as path from "path";
import { Settings } from "../core/indicators/presets";
import { ReviewProblem, ReviewRow, ReviewSkip, reviewWorkbook } from "../core/review";
import type { Bilingual } from "../core/basics/text";
import { CLI_NOTES, CLI_UNREADABLE } from "./messages";
import { UsageError, openWorkbook, readRegularFile } from "./workbook-file";

export interface FileJob {
  /** the path to open */
  path: string;
  /** how the file is named in the output (relative to the folder given, with / separators) */
  display: string;
  settings: Partial<Settings>;
}

export interface FileOutcome {
  rows: ReviewRow[];
  problems: ReviewProblem[];
  skip: ReviewSkip | null;
  /** the file was an .xls / .et read through LibreOffice */
  legacy: boolean;
}


const ENCRYPTED_MARK = Buffer.from("EncryptedPackage", "utf16le");

function unreadable(file: string, reason: Bilingual): FileOutcome {
  return { rows: [], problems: [], skip: { file, kind: "unreadable", reason }, legacy: false };
}

/** Split a "中文 / English" message of the file layer into its two halves. */
function halves(message: string): Bilingual {
  const i = message.indexOf(" / ");
  return i < 0 ? { zh: message, en: message } : { zh: message.slice(0, i), en: message.slice(i + 3) };
}

export async function reviewFile(job: FileJob): Promise<FileOutcome> {
  const file = job.display;
  let bytes: Buffer;
  try {
    const st = fs.statSync(job.path);
    if (!st.isFile()) return unreadable(file, CLI_UNREADABLE.notRegular);
    if (st.size === 0) return unreadable(file, CLI_UNREADABLE.emptyFile);
    // refuses a pipe or device without blocking, and a file larger than a package may be
    bytes = readRegularFile(job.path);
  } catch (e) {
    if (e instanceof UsageError) return unreadable(file, halves(e.message.split(job.path).join(file)));
    return unreadable(file, CLI_UNREADABLE.cannotOpen((e as Error).message));
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCompound = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isCompound && bytes.includes(ENCRYPTED_MARK)) {
    return unreadable(file, CLI_UNREADABLE.encrypted);
  }
  if (!isZip && !isCompound) {
    const ext = path.extname(job.path).toLowerCase();
    return unreadable(file, CLI_UNREADABLE.notAWorkbook(ext));
  }
  try {
    const { wb, source } = await openWorkbook(job.path);
    const grids = wb.visibleWorksheets().map((ws) => wb.grid(ws));
    // a sheet the user hid (not "veryHidden": that is a template's or an add-in's machinery)
    const hidden = wb.sheets.filter((ws) => ws.kind === "worksheet" && ws.path !== "" && ws.state === "hidden").map((ws) => wb.grid(ws));
    const r = reviewWorkbook(file, grids, job.settings, hidden);
    const legacy = source === "legacy";
    // an old .xls / .et was read through LibreOffice: said once per sheet, among its notes
    if (legacy) for (const row of r.rows) {
      r.problems.push({ file, sheet: row.sheet, cell: null, check: "legacy_converted", severity: "info", message: CLI_NOTES.legacyReviewed });
      row.problems.info++;
    }
    return { ...r, legacy };
  } catch (e) {
    if (e instanceof UsageError) {
      return unreadable(file, halves(e.message.split(job.path).join(file)));
    }
    const m = (e as Error).message ?? String(e);
    return unreadable(file, CLI_UNREADABLE.damaged(m));
  }
}
