/**
 * One file of a review (docs/review.md): opened read-only, every visible worksheet checked by
 * core's review rules. Whatever goes wrong becomes a reason, never an exception: one bad file
 * never stops the batch. Runs in a worker thread or in the main thread alike.
 */
import * as fs from "fs";
import * as path from "path";
import { Settings } from "../core/presets";
import { ReviewProblem, ReviewRow, ReviewSkip, reviewWorkbook } from "../core/review";
import { UsageError, openWorkbook } from "./workbook-file";

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

const LEGACY_READ = {
  text: "旧版 .xls / WPS .et 文件，经 LibreOffice 转换后核对（原文件未改动）；建议另存为 .xlsx 后提交",
  en: "an old .xls / WPS .et file, checked after conversion by LibreOffice (the original is untouched); saving it as .xlsx is advised",
};

const ENCRYPTED_MARK = Buffer.from("EncryptedPackage", "utf16le");

function unreadable(file: string, reason: string, en: string): FileOutcome {
  return { rows: [], problems: [], skip: { file, kind: "unreadable", reason, en }, legacy: false };
}

/** Split a "中文 / English" message of the file layer into its two halves. */
function halves(message: string): { zh: string; en: string } {
  const i = message.indexOf(" / ");
  return i < 0 ? { zh: message, en: message } : { zh: message.slice(0, i), en: message.slice(i + 3) };
}

export async function reviewFile(job: FileJob): Promise<FileOutcome> {
  const file = job.display;
  let bytes: Buffer;
  try {
    const st = fs.statSync(job.path);
    if (st.size === 0) return unreadable(file, "空文件（0 字节）", "an empty file (0 bytes)");
    bytes = fs.readFileSync(job.path);
  } catch (e) {
    return unreadable(file, `无法打开文件：${(e as Error).message}`, `cannot open the file: ${(e as Error).message}`);
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCompound = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isCompound && bytes.includes(ENCRYPTED_MARK)) {
    return unreadable(file, "工作簿设有打开密码（已加密），无法读取；请去掉密码后再提交", "the workbook is password-protected (encrypted) and cannot be read; remove the password and submit it again");
  }
  if (!isZip && !isCompound) {
    const ext = path.extname(job.path).toLowerCase();
    return unreadable(
      file,
      `不是 Excel 工作簿（扩展名为 ${ext || "无"}，内容不是 .xlsx 或 .xls 格式）`,
      `not an Excel workbook (named ${ext || "without an extension"}, but the content is neither .xlsx nor .xls)`,
    );
  }
  try {
    const { wb, source } = await openWorkbook(job.path);
    const grids = wb.visibleWorksheets().map((ws) => wb.grid(ws));
    const r = reviewWorkbook(file, grids, job.settings);
    const legacy = source === "legacy";
    // an old .xls / .et was read through LibreOffice: said once per sheet, among its notes
    if (legacy) for (const row of r.rows) {
      r.problems.push({ file, sheet: row.sheet, cell: null, check: "legacy_converted", severity: "info", message: LEGACY_READ.text, en: LEGACY_READ.en });
      row.problems.info++;
    }
    return { ...r, legacy };
  } catch (e) {
    if (e instanceof UsageError) {
      const h = halves(e.message.split(job.path).join(file));
      return unreadable(file, h.zh, h.en);
    }
    const m = (e as Error).message ?? String(e);
    return unreadable(file, `文件已损坏或无法读取：${m}`, `the file is damaged or cannot be read: ${m}`);
  }
}
