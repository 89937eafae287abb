/**
 * The CLI's catalog: the notes and reasons the commands report about files, in Simplified Chinese
 * with an English translation (one Bilingual text, src/core/basics/text.ts; ARCHITECTURE.md, "Messages and
 * languages"). The engine's messages come from core's catalogs; each command's usage text stays with
 * its command.
 */
import { KIND_LABELS } from "../core/review";
import type { FormKind } from "../core/forms/registry";
import { type Bilingual, bothLangs } from "../core/basics/text";
import { SEVERITY_LABELS } from "../core/basics/messages";

/** The name of the user's own department's source, as the comparison sheet's notes cite it. */
export const ownSource = (file: string, sheet: string) => `${file} 工作表“${sheet}”`;

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
  notRegular: { zh: "不是普通文件（管道、设备或套接字），未打开", en: "not a regular file (a pipe, device or socket); not opened" } as Bilingual,
  danglingLink: { zh: "符号链接指向的文件或文件夹不存在", en: "a symbolic link whose target does not exist" } as Bilingual,
  linkLoop: { zh: "符号链接形成循环，未跟随", en: "a symbolic link loop; not followed" } as Bilingual,
  folderSeen: { zh: "链接指向已读过的文件夹（循环或重复），未重复读取", en: "a link to a folder already read (a loop or a second path); not read again" } as Bilingual,
  folderUnreadable: (m: string): Bilingual => ({ zh: `无法读取文件夹：${m}`, en: `cannot read the folder: ${m}` }),
  outOfMemory: {
    zh: "读取此文件所需内存超过上限，已跳过（文件可能是恶意构造的）",
    en: "reading this file needed more memory than allowed; skipped (the file may be crafted)",
  } as Bilingual,
};

type N = number | null;
const fixed2 = (n: number) => n.toFixed(2);

/** The lines of `jixiao validate`'s report. */
export const VALIDATE_REPORT = {
  sheet: (p: { sheet: string; headerRow: number; columns: string }): Bilingual => ({
    zh: `工作表“${p.sheet}”，表头第${p.headerRow}行，列：${p.columns}`,
    en: `Sheet "${p.sheet}", header row ${p.headerRow}, columns ${p.columns}`,
  }),
  /** the form kinds are core's (KIND_LABELS), as the pane and the review show them */
  formKind: KIND_LABELS as Record<FormKind, Bilingual>,
  /** the form's info block: each part that is filled, after the form's kind */
  formInfo: (kind: Bilingual, p: { year: N; project: string | null; department: string | null; unit: string | null; reportingUnit?: string | null }): Bilingual => {
    const reporter = p.reportingUnit ?? null;
    const zh = [p.year !== null ? `${p.year}年度` : null, p.project !== null ? `项目：${p.project}` : null, p.department !== null ? `主管部门：${p.department}` : null, p.unit !== null ? `实施单位：${p.unit}` : null, reporter !== null ? `填报单位：${reporter}` : null];
    const en = [p.year !== null ? `year ${p.year}` : null, p.project !== null ? `project ${p.project}` : null, p.department !== null ? `department ${p.department}` : null, p.unit !== null ? `unit ${p.unit}` : null, reporter !== null ? `reporting unit ${reporter}` : null];
    const filled = (parts: (string | null)[]) => parts.filter((x): x is string => x !== null);
    const zhParts = filled(zh);
    const enParts = filled(en);
    return {
      zh: `${kind.zh}${zhParts.length ? "，" + zhParts.join("，") : ""}`,
      en: `${kind.en}${enParts.length ? ": " + enParts.join(", ") : ""}`,
    };
  },
  /** the columns found, each by its role in words (never the engine's role keys) */
  columns: (cols: Array<[Bilingual, string]>): Bilingual => ({
    zh: cols.map(([r, c]) => `${r.zh} ${c}`).join("，"),
    en: cols.map(([r, c]) => `${r.en} ${c}`).join(", "),
  }),
  roles: {
    level1: { zh: "一级指标", en: "level 1" },
    level2: { zh: "二级指标", en: "level 2" },
    name: { zh: "三级指标", en: "indicator" },
    target: { zh: "年度指标值", en: "target" },
    actual: { zh: "实际完成值", en: "actual" },
    operator: { zh: "比较符号", en: "operator" },
    direction: { zh: "指标方向", en: "direction" },
    unit: { zh: "计量单位", en: "unit" },
    points: { zh: "分值", en: "points" },
    score: { zh: "得分", en: "score" },
    reason: { zh: "偏差原因", en: "reason" },
    prior: { zh: "上年值", en: "prior year" },
  } as Record<string, Bilingual>,
  rows: (n: number): Bilingual => ({ zh: `指标 ${n}`, en: `Rows ${n}` }),
  notScored: { zh: "未计分", en: "not scored" } as Bilingual,
  budget: (p: { executed: N; budget: N; initialBudget: N; rate: string; score: string }): Bilingual => ({
    zh: `预算执行：全年执行数 ${p.executed ?? "—"}，全年预算数 ${p.budget ?? "—"}${p.initialBudget !== null ? `（年初预算数 ${p.initialBudget}）` : ""}，执行率 ${p.rate}，得分 ${p.score}`,
    en: `Budget execution: executed ${p.executed ?? "—"} of budget ${p.budget ?? p.initialBudget ?? "—"}, rate ${p.rate}, score ${p.score}`,
  }),
  totalNotGraded: (p: { total: number; outOf: N | undefined; points: N; preset: string }): Bilingual => ({
    zh: `总分 ${fixed2(p.total)} / ${p.outOf}（分值合计 ${p.points}，不是评分方案的满分，不评等级），评分方案 ${p.preset}`,
    en: `Total score ${fixed2(p.total)} / ${p.outOf} (not graded: the points add up to ${p.points}, not the preset's total), preset ${p.preset}`,
  }),
  totalGraded: (p: { total: number; grade: Bilingual | null; points: N; preset: string }): Bilingual => ({
    zh: `总分 ${fixed2(p.total)}（${p.grade?.zh}），分值合计 ${p.points}，评分方案 ${p.preset}`,
    en: `Total score ${fixed2(p.total)} (${p.grade?.en}), points ${p.points}, preset ${p.preset}`,
  }),
  totalProvisional: (p: { total: number; rows: number; unchecked: number; lo: number; hi: number; points: N; preset: string }): Bilingual => ({
    zh: `总分 ${fixed2(p.total)}（暂定：${p.rows}行、${p.unchecked}分未能核对，可能范围 ${fixed2(p.lo)}–${fixed2(p.hi)}），等级待定，分值合计 ${p.points}，评分方案 ${p.preset}`,
    en: `Total score ${fixed2(p.total)} (provisional; ${p.rows} rows, ${p.unchecked} points not checked; between ${fixed2(p.lo)} and ${fixed2(p.hi)}), grade pending, points ${p.points}, preset ${p.preset}`,
  }),
  statedGrade: (grade: string): Bilingual => ({ zh: `填报自评等级 ${grade}`, en: `Stated grade ${grade}` }),
  /** a level that states its points (产出指标（50分）), docs/form-families.md */
  level: (p: { name: string; cell: string; points: number; childPoints: N; score: N }): Bilingual => ({
    zh: `  ${p.name}（${p.cell}）：标明${p.points}分，下级分值合计${p.childPoints ?? "—"}，得分${p.score ?? "—"}`,
    en: `  ${p.name} (${p.cell}): states ${p.points} points, its rows add up to ${p.childPoints ?? "—"}, score ${p.score ?? "—"}`,
  }),
  levels: { zh: "指标层级分值：", en: "Levels with stated points:" } as Bilingual,
  block: (p: { title: string; cell: string | null; points: N; score: N; rows: number }): Bilingual => ({
    zh: `  ${p.title}${p.cell ? `（${p.cell}）` : ""}：得分${p.score ?? "—"} / ${p.points ?? "—"}，${p.rows}项指标`,
    en: `  ${p.title}${p.cell ? ` (${p.cell})` : ""}: score ${p.score ?? "—"} / ${p.points ?? "—"}, ${p.rows} indicators`,
  }),
  blocks: { zh: "分块计分：", en: "Blocks:" } as Bilingual,
  weighted: (p: { total: N; parts: string }): Bilingual => ({
    zh: `加权总分 ${p.total === null ? "—" : fixed2(p.total)}（${p.parts}）`,
    en: `Weighted total ${p.total === null ? "—" : fixed2(p.total)} (${p.parts})`,
  }),
  wholeTable: { zh: "全表", en: "table" } as Bilingual,
  problems: (p: { n: number; errors: number; warnings: number }): Bilingual => ({
    zh: `问题（${p.n}；错误 ${p.errors}，警告 ${p.warnings}）：`,
    en: `Problems (${p.n}; ${p.errors} errors, ${p.warnings} warnings):`,
  }),
  /** the rows' notes: assumptions made (a unit taken from the target, an operator assumed) and over-achievement */
  notes: (n: number): Bilingual => ({ zh: `说明（${n}，含按目标单位或默认符号理解的假设）：`, en: `Notes (${n}, including the assumptions made: units taken from the target, operators assumed):` }),
  noProblems: { zh: "未发现问题。", en: "No problems found." } as Bilingual,
  written: (out: string, newSheet: string | null): Bilingual => ({
    zh: `结果已写入 ${out}${newSheet ? `（工作表“${newSheet}”）` : ""}`,
    en: `Results written to ${out}${newSheet ? ` (sheet ${newSheet})` : ""}`,
  }),
};

/** The lines of `jixiao audit`'s report. */
export const AUDIT_REPORT = {
  sheet: (p: { sheet: string; tables: number; ranges: string; textCells: number; figures: number; passed: number }): Bilingual => ({
    zh: `工作表“${p.sheet}”：表格 ${p.tables} 个${p.ranges ? `（${p.ranges}）` : ""}，文字单元格 ${p.textCells} 个，数字 ${p.figures} 个，${p.passed} 项核对一致`,
    en: `Sheet "${p.sheet}": ${p.tables} table(s)${p.ranges ? ` (${p.ranges})` : ""}, ${p.textCells} cell(s) of text, ${p.figures} figures, ${p.passed} checks agreed`,
  }),
  noFindings: { zh: "  未发现不一致。", en: "  No inconsistencies found." } as Bilingual,
  /** the one severity model's words (docs/rules.md, "Severity") */
  severity: SEVERITY_LABELS as Record<"error" | "warning", Bilingual>,
  findings: (n: number): Bilingual => ({ zh: `发现问题：${n} 处`, en: `Findings: ${n}` }),
  notAudited: (sheets: string): Bilingual => ({
    zh: `未核对的工作表（不是收支表或没有可核对的内容）：${sheets}`,
    en: `Not audited (no statement, or nothing to check): ${sheets}`,
  }),
  written: (out: string): Bilingual => ({ zh: `结果已写入 ${out}`, en: `Results written to ${out}` }),
};

/** The lines of `jixiao compare`'s report. */
export const COMPARE_REPORT = {
  table: (p: { name: string; range: string }): Bilingual => ({ zh: `Excel 表格 ${p.name}，${p.range}`, en: `Excel table ${p.name}, ${p.range}` }),
  styledHeader: (range: string): Bilingual => ({ zh: `带格式表头，${range}`, en: `styled header, ${range}` }),
  written: (p: { sheet: string; replaced: boolean; out: string; table: Bilingual }): Bilingual => ({
    zh: `已${p.replaced ? "替换" : "写入"} ${p.out} 的工作表“${p.sheet}”（${p.table.zh}）`,
    en: `Sheet "${p.sheet}" ${p.replaced ? "replaced" : "written"} in ${p.out} (${p.table.en})`,
  }),
  departments: (headers: string[]): Bilingual => ({ zh: `部门：${headers.join("、")}`, en: `Departments: ${headers.join(", ")}` }),
  notGiven: { zh: "未给出（显示为“—”，附批注）：", en: "Not given (shown as —, with a note):" } as Bilingual,
  /** the rows a department does not give, by their names */
  missingRows: (names: Bilingual[]): Bilingual => ({ zh: names.map((n) => n.zh).join("、"), en: names.map((n) => n.en).join("; ") }),
  notes: { zh: "说明：", en: "Notes:" } as Bilingual,
  chart: (p: { title: Bilingual; series: number }): Bilingual => ({
    zh: `图表“${p.title.zh}”（簇状柱形图，${p.series}个系列）：命令行不写图表，在 Excel 中用加载项生成该工作表时绘制。`,
    en: `Chart "${p.title.en}" (clustered column, ${p.series} series): the CLI writes no charts; it is drawn when the sheet is made in Excel with the add-in.`,
  }),
};

/** The words of `jixiao seeds`' listing. */
export const SEEDS_REPORT = {
  level: { province: { zh: "省级", en: "province" }, city: { zh: "市级", en: "city" } } as Record<"province" | "city", Bilingual>,
  source: { zh: "来源", en: "source" } as Bilingual,
  figures: { zh: "数据项", en: "figures" } as Bilingual,
  missing: { zh: "缺失", en: "missing" } as Bilingual,
  conflict: { zh: "前后不一致", en: "conflict" } as Bilingual,
  secondValue: { zh: "另有数值", en: "second value" } as Bilingual,
  asWritten: { zh: "原文", en: "as written" } as Bilingual,
  /** a figure the report's own sum proves wrong in magnitude, shown in its consistent reading */
  consistentReading: (note: string, r: { asWritten: string; unitRead: string; isTotal: boolean }): Bilingual => ({
    zh: note,
    en: `written "${r.asWritten}", which does not agree with the ${r.isTotal ? "sum of the parts" : "total"}: read in ${r.unitRead}`,
  }),
};

/** The summary line of `jixiao review` (both languages on one line). */
export const REVIEW_REPORT = {
  reviewed: (p: { files: number; tables: number; errors: number; warnings: number; notRead: number }): Bilingual => ({
    zh: `复核 ${p.files} 个文件：${p.tables} 张表，错误 ${p.errors}，警告 ${p.warnings}，未能读取 ${p.notRead}`,
    en: `reviewed ${p.files} files: ${p.tables} tables, ${p.errors} errors, ${p.warnings} warnings, ${p.notRead} not read`,
  }),
  written: (out: string): Bilingual => ({ zh: `汇总已写入 ${out}`, en: `summary written to ${out}` }),
};

/** The lines `jixiao report` prints (docs/report.md). */
export const REPORT_REPORT = {
  drafted: (p: { title: string; sheet: string }): Bilingual => ({ zh: `已起草《${p.title}》（工作表“${p.sheet}”）`, en: `Drafted "${p.title}" (sheet "${p.sheet}")` }),
  provisional: (p: { rows: number; lo: number; hi: number }): Bilingual => ({
    zh: `${p.rows}项指标未能核对：总分暂定，可能范围${p.lo}–${p.hi}，等级待定`,
    en: `${p.rows} ${p.rows === 1 ? "indicator" : "indicators"} could not be checked: the total is provisional (${p.lo}–${p.hi}), grade pending`,
  }),
  pending: (n: number): Bilingual => ({ zh: `待补充 ${n} 处（报告中以【请填写：……】标出）`, en: `${n} ${n === 1 ? "place" : "places"} left to write (marked 【请填写：……】 in the report)` }),
  written: (out: string): Bilingual => ({ zh: `报告已写入 ${out}`, en: `Report written to ${out}` }),
  noOut: { zh: "未给出 --out：只打印报告文字（加 --out 自评报告.docx 写出 Word 文件）", en: "No --out: the report's text only (add --out 自评报告.docx for a Word file)" } as Bilingual,
};

/** "中文 / English": the one-line form of the CLI's errors and usage messages (stderr has no --lang). */
const both = (zh: string, en: string) => bothLangs({ zh, en });

/** Sizes in messages: MiB with one decimal. */
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Why the zip layer refuses a package (src/cli/zip.ts; docs/write-back.md, "The zip layer"). */
export const ZIP_ERRORS = {
  damaged: (detail: string) => both("文件已损坏（zip 结构不完整）", `the file is damaged (not a complete zip package): ${detail}`),
  tooManyEntries: (n: number, cap: number) => both(`包内条目过多（${n} 个，上限 ${cap}）`, `too many entries in the package (${n}, at most ${cap})`),
  duplicateEntry: (name: string, earlier: string) =>
    both(
      `包内有两个同名条目“${name}”，各程序读取的不同，无法确定以哪个为准（Excel 会要求修复此文件）；请在 Excel 或 WPS 中重新保存`,
      `the package holds two entries for the part ${name}${earlier !== name ? ` (${earlier})` : ""}: programs differ on which one they read (Excel asks to repair such a file); save it again in Excel or WPS`,
    ),
  encryptedEntry: (name: string) => both(`条目“${name}”已加密，无法读取`, `the entry ${name} is encrypted`),
  unsupportedMethod: (name: string, method: number) => both(`条目“${name}”的压缩方式（${method}）不受支持`, `the entry ${name} uses compression method ${method}, which is not supported`),
  partTooLarge: (name: string, size: number, cap: number) =>
    both(`部件“${name}”解压后为 ${mib(size)}，超过上限 ${mib(cap)}`, `the part ${name} inflates to ${mib(size)}, over the limit of ${mib(cap)} (JIXIAO_MAX_PART_MB)`),
  packageTooLarge: (name: string, cap: number) =>
    both(`工作簿解压后超过上限 ${mib(cap)}（至部件“${name}”）`, `the package inflates to more than ${mib(cap)} (reached at part ${name}; JIXIAO_MAX_PACKAGE_MB)`),
  inflatesBeyond: (name: string, size: number) =>
    both(`部件“${name}”解压后超过其声明的大小（${size} 字节），文件已损坏或是恶意构造的`, `the part ${name} inflates past its declared size (${size} bytes): damaged or crafted`),
  badCrc: (name: string) => both(`部件“${name}”的 CRC-32 校验失败，文件已损坏`, `the part ${name} fails its CRC-32 check: the file is damaged`),
  outputTooLarge: both("输出文件超过 4 GiB", "the output would be larger than 4 GiB"),
};

/** What a failed file operation says, by its error code (EACCES, ENOSPC, …). */
export function fileSystemError(code: string, file: string): string {
  const say: Record<string, [string, string]> = {
    EACCES: ["没有权限", "permission denied"],
    EPERM: ["没有权限", "operation not permitted"],
    EISDIR: ["这是一个文件夹，不是文件", "a folder, not a file"],
    ENOTDIR: ["路径中有一段不是文件夹", "a part of the path is not a folder"],
    ENOENT: ["找不到文件或文件夹", "no such file or folder"],
    ENOSPC: ["磁盘空间不足，未写入（原有文件保持不变）", "no space left on the disk; nothing was written (an earlier file there is unchanged)"],
    EDQUOT: ["磁盘配额已满，未写入（原有文件保持不变）", "disk quota exceeded; nothing was written (an earlier file there is unchanged)"],
    EROFS: ["文件系统只读", "read-only file system"],
    ELOOP: ["符号链接形成循环", "too many levels of symbolic links (a link loop)"],
    EMFILE: ["打开的文件过多", "too many open files"],
    EBUSY: ["文件正被占用", "the file is busy (open in another program?)"],
    ENAMETOOLONG: ["文件名过长", "file name too long"],
    EIO: ["读写错误", "input/output error"],
  };
  const [zh, en] = say[code] ?? ["文件操作失败", `file operation failed (${code})`];
  return both(`${zh}：${file}`, `${en}: ${file}`);
}

const valid = (list: string) => `${both("可用", "valid")}: ${list}`;

/** Usage errors and failures, each already in both languages (review-file.ts splits them at " / "). */
export const CLI_ERRORS = {
  unknownOption: (flag: string) => both("未知选项", `unknown option --${flag}`),
  unknownCommand: (name: string) => both("未知命令", `unknown command "${name}"`),
  unexpectedArgument: (arg: string) => both("多余的参数", `unexpected argument "${arg}"`),
  outRequired: both("需要 --out", "--out is required"),
  reviewInputs: both("需要文件或文件夹", "expected files or folders"),
  reviewOutOrJson: both("需要 --out 汇总工作簿（或 --json）", "--out is needed (or --json)"),
  internal: (detail: string) => both("内部错误", `internal error: ${detail}`),
  expectedOneFile: both("需要一个 .xlsx 文件", "expected one .xlsx file"),
  noSuchFile: (file: string) => both("找不到文件", `no such file: ${file}`),
  aFolder: (file: string) => both("这是一个文件夹，不是 .xlsx 文件", `a folder, not an .xlsx file: ${file}`),
  notXlsx: (file: string, output: boolean) =>
    both(`${output ? "输出文件" : ""}不是 .xlsx 文件（应为 Office Open XML 工作簿）`, `${output ? "the output is" : ""} not an .xlsx file (expected an Office Open XML workbook): ${file}`),
  cannotRead: (file: string, detail: string) => both("无法读取工作簿", `cannot read the workbook ${file}: ${detail}`),
  cannotReadSheet: (sheet: string, detail: string) => both(`无法读取工作表“${sheet}”`, `cannot read the sheet "${sheet}": ${detail}`),
  outIsInput: both("--out 不能是输入文件本身（输入文件不会被修改）", "--out must not be the input file (the input is never modified)"),
  outIsOwn: both("--out 不能是本单位数据文件（输入文件不会被修改）", "--out must not be the --own file (inputs are never modified)"),
  noSheet: (sheet: string, where: string, sheets: string) => both("找不到工作表", `no sheet "${sheet}"${where} (sheets: ${sheets})`),
  noConverter: both(
    "这是旧版 .xls 或 WPS .et 文件：需要 LibreOffice 转换，但未找到 LibreOffice（soffice）。请在 Excel 或 WPS 中另存为 .xlsx，或安装 LibreOffice 后重试",
    "an old .xls or WPS .et file: reading it needs LibreOffice, which was not found (soffice). Save it as .xlsx in Excel or WPS, or install LibreOffice and try again",
  ),
  conversionFailed: (file: string, why: string) => both("LibreOffice 无法转换该文件（可能已加密或损坏）", `LibreOffice could not convert the file (encrypted or damaged?): ${file}: ${why}`),
  unknownPreset: (id: string, ids: string) => both("未知评分方案", `unknown preset "${id}" (${ids})`),
  noIndicatorTable: (file: string) => both("没有找到指标表", `no indicator table found in ${file}`),
  noStatement: (file: string) => both("这不是收支表，没有可核对的收支项目", `no statement to check in ${file}`),
  templateRequired: (list: string) => both("需要 --template", `--template is required: ${list}`),
  unknownTemplate: (id: string, list: string) => `${both("未知模板", `unknown template "${id}"`)}; ${valid(list)}`,
  ownSheetNeedsOwn: both("--own-sheet 需要与 --own 一起使用", "--own-sheet needs --own"),
  deptsNeedList: both("--depts 需要部门列表", "--depts needs a list"),
  unknownDepartments: (names: string, ids: string) => `${both("未知部门", `unknown department ${names}`)}; ${valid(ids)}`,
  deptsEmpty: (ids: string) => `${both("--depts 为空", "--depts is empty")}; ${valid(ids)}`,
  noOwnFigures: (file: string) => both("本单位数据不可用", `no own-department figures in ${file}`),
  reviewOutNotXlsx: (out: string) => both("--out 应为 .xlsx 文件", `--out must be an .xlsx file: ${out}`),
  langValue: both("--lang 应为 zh 或 en", "--lang must be zh or en"),
  jobsRange: both("--jobs 应为 1–64 的整数", "--jobs must be a whole number from 1 to 64"),
  outIsInputLink: (out: string) =>
    both("--out 与输入文件是同一个文件（链接或大小写不同的路径），输入文件不会被修改", `--out is the input file itself (a link to it, or its path in other letter case): ${out}; the input is never modified`),
  outNotOursWorkbook: (out: string) =>
    both("--out 文件已存在且不是本工具写出的结果，不会覆盖；请换一个文件名或先移走它", `--out exists and is not a file this tool wrote; it is not overwritten (choose another name or move it): ${out}`),
  notRegular: (file: string) => both("不是普通文件（管道、设备或套接字），不会打开", `not a regular file (a pipe, device or socket); not opened: ${file}`),
  fileTooLarge: (file: string, size: number, cap: number) =>
    both(`文件过大（${mib(size)}，上限 ${mib(cap)}）`, `the file is too large (${mib(size)}, at most ${mib(cap)}): ${file}`),
  tooLargeToRead: (detail: string) => both("输入过大或结构异常，无法处理", `the input is too large or too deeply nested to process: ${detail}`),
  checkFailed: (file: string, problems: string[]) =>
    both("输出未通过结构检查，未写入（原有文件保持不变）", `the output failed the structural check and was not written (an earlier file there is unchanged): ${file}\n  ${problems.join("\n  ")}`),
  outNotOurs: (out: string) => both("--out 文件已存在且不是本工具写的汇总，不会覆盖", `--out exists and is not a summary this tool wrote; it is not overwritten: ${out}`),
  noSuchPath: (p: string) => both("找不到", `no such file or folder: ${p}`),
  notRead: both("未能读取", "not read"),
  noStatementOn: (sheet: string, why: string) => both("--statement 所指工作表没有可核对的收支表", `no statement to check on sheet "${sheet}": ${why}`),
  reportOutNotDocx: (out: string) => both("--out 应为 .docx 文件", `--out must be a .docx file: ${out}`),
  unknownPeers: (names: string, ids: string) => `${both("未知的对比部门", `unknown peer ${names}`)}; ${valid(ids)}`,
  nothingUsable: (files: number) => both("没有可核对的指标表或报表", `nothing usable: no indicator table or statement in ${files} file(s)`),
};
