/**
 * The CLI's catalog: the notes and reasons the commands report about files, in Simplified Chinese
 * with an English translation (one Bilingual text, src/core/text.ts; ARCHITECTURE.md, "Messages and
 * languages"). The engine's messages come from core's catalogs; each command's usage text stays with
 * its command.
 */
import type { Bilingual } from "../core/text";

/** Notes about the --out file and the sheets written into it. */
export const CLI_NOTES = {
  outputAsXlsm: (fixed: string): Bilingual => ({ zh: `工作簿含宏，输出写为 ${fixed}（宏保留）`, en: `the workbook has macros: the output is written as ${fixed} (macros kept)` }),
  outputAsXlsx: (fixed: string): Bilingual => ({ zh: `输出为 .xlsx 格式，写为 ${fixed}`, en: `the output is an .xlsx workbook: written as ${fixed}` }),
  /** an .xls / .et input was read through LibreOffice */
  legacyInput: {
    zh: "旧版 .xls / WPS .et 文件经 LibreOffice 转换后核对；结果写入新的 .xlsx，原文件未改动",
    en: "the old .xls / WPS .et file was read through LibreOffice; results go into a new .xlsx, the original is untouched",
  } as Bilingual,
  /** the same, as a note on each sheet of the review */
  legacyReviewed: {
    zh: "旧版 .xls / WPS .et 文件，经 LibreOffice 转换后核对（原文件未改动）；建议另存为 .xlsx 后提交",
    en: "an old .xls / WPS .et file, checked after conversion by LibreOffice (the original is untouched); saving it as .xlsx is advised",
  } as Bilingual,
  resultsSheetRenamed: (sheet: string, name: string): Bilingual => ({
    zh: `工作表“${sheet}”不是本工具创建的，结果写入“${name}”`,
    en: `sheet "${sheet}" is not one this tool made; results go to "${name}"`,
  }),
  comparisonSheetRenamed: (sheet: string, name: string): Bilingual => ({
    zh: `工作表“${sheet}”不是本工具创建的，对比表写入“${name}”`,
    en: `sheet "${sheet}" is not one this tool made; the comparison goes to "${name}"`,
  }),
  /** why a comparison sheet got a styled header instead of an Excel table */
  tableRangeNotHeader: { zh: "表格范围与表头不符，改为带格式的表头", en: "the table's range does not start at the header: a styled header is written instead" } as Bilingual,
  tableHeaderInvalid: {
    zh: "表头有空白或重复，Excel 表格不接受，改为带格式的表头",
    en: "the header has blank or repeated names, which an Excel table does not accept: a styled header is written instead",
  } as Bilingual,
  tableNameTaken: (name: string): Bilingual => ({
    zh: `工作簿中已有名为 ${name} 的表格或名称，改为带格式的表头`,
    en: `the workbook already has a table or name ${name}: a styled header is written instead`,
  }),
};

/** Why the review read nothing from a file (docs/review.md, 未能读取). */
export const CLI_UNREADABLE = {
  emptyFile: { zh: "空文件（0 字节）", en: "an empty file (0 bytes)" } as Bilingual,
  cannotOpen: (m: string): Bilingual => ({ zh: `无法打开文件：${m}`, en: `cannot open the file: ${m}` }),
  encrypted: {
    zh: "工作簿设有打开密码（已加密），无法读取；请去掉密码后再提交",
    en: "the workbook is password-protected (encrypted) and cannot be read; remove the password and submit it again",
  } as Bilingual,
  notAWorkbook: (ext: string): Bilingual => ({
    zh: `不是 Excel 工作簿（扩展名为 ${ext || "无"}，内容不是 .xlsx 或 .xls 格式）`,
    en: `not an Excel workbook (named ${ext || "without an extension"}, but the content is neither .xlsx nor .xls)`,
  }),
  damaged: (m: string): Bilingual => ({ zh: `文件已损坏或无法读取：${m}`, en: `the file is damaged or cannot be read: ${m}` }),
  failedWhileReading: (m: string): Bilingual => ({ zh: `读取时出错：${m}`, en: `failed while reading: ${m}` }),
  missing: { zh: "找不到文件或文件夹", en: "no such file or folder" } as Bilingual,
};
