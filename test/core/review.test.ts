/**
 * The review's rules in core (docs/review.md): which sheets are the tool's own, the order of
 * problems and rows (the same whatever order the files finished in), and the summary's layout.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/core/basics/grid";
import {
  ReviewProblem,
  ReviewReport,
  ReviewRow,
  SUMMARY_COLUMNS,
  checkFamily,
  checkName,
  compareProblems,
  hyperlink,
  isOwnSheet,
  problemsLayout,
  reviewSheet,
  reviewWorkbook,
  sheetTarget,
  sortReport,
  summaryLayout,
  summaryWritePlan,
} from "../../src/core/review";
import { MESSAGE_CODES } from "../../src/core/basics/messages";
import { SCORED_HEADER } from "./helpers";

const TABLE: CellValue[][] = [SCORED_HEADER, ["产出指标", "数量指标", "培训人次", "≥100人次", "90人次", 10, 10, ""]];

describe("isOwnSheet", () => {
  test.each<[string, CellValue[][], boolean]>([
    ["核对·绩效自评表", [["项目"]], true],
    ["核对结果", [["核对·来源行"]], true],
    ["核对结果", [["我的结果"]], false],
    ["汇总", [["核对·复核汇总（3 张表 / tables）"]], true],
    ["问题清单", [["核对·问题清单（2 条 / findings）"]], true],
    ["未能读取", [["核对·未能读取（1 个文件 / files）"]], true],
    ["核对汇总", [["文件", "工作表", "表格类型"]], true],
    ["核对汇总", [["我的汇总"]], false],
    ["汇总", [["各单位汇总"]], false],
  ])("%s starting %j → %s", (sheet, values, own) => {
    expect(isOwnSheet({ sheet, values })).toBe(own);
  });

  test("a sheet of the tool's own gives no row even when it holds a table", () => {
    expect(reviewSheet("a.xlsx", 0, { sheet: "核对汇总", values: [["文件", "工作表"], ...TABLE] })).toBeNull();
    expect(reviewSheet("a.xlsx", 0, { sheet: "指标", values: TABLE })?.row.kind).toBe("plain");
  });
});

const problem = (over: Partial<ReviewProblem>): ReviewProblem => ({ file: "a.xlsx", sheet: "S", cell: null, check: "x", severity: "warning", message: { zh: "m", en: "m" }, ...over });

describe("the order of problems", () => {
  test("errors, then warnings, then notes; within one, by row then column; a whole-table problem last", () => {
    const list = [
      problem({ severity: "info", cell: "A1" }),
      problem({ severity: "warning", cell: null }),
      problem({ severity: "warning", cell: "B10" }),
      problem({ severity: "warning", cell: "AA2" }),
      problem({ severity: "error", cell: "C3" }),
      problem({ severity: "warning", cell: "B2" }),
    ];
    expect([...list].sort(compareProblems).map((p) => `${p.severity}:${p.cell}`)).toEqual(["error:C3", "warning:B2", "warning:AA2", "warning:B10", "warning:null", "info:A1"]);
  });

  test("the first problems of a row are its errors and warnings, with their cells", () => {
    const grid = { sheet: "指标", values: [SCORED_HEADER, ["产出指标", "数量指标", "甲", "≥100人次", "90人次", 10, 10, ""], ["产出指标", "数量指标", "乙", "≥100人次", "#N/A", 10, 10, ""]] };
    const r = reviewWorkbook("a.xlsx", [grid]);
    expect(r.rows).toHaveLength(1);
    // 甲's stated 10 overstates the computed 9 (an error, docs/rules.md "Severity"), before 乙's #N/A in reading order
    expect(r.problems.slice(0, 2)).toMatchObject([{ severity: "error", cell: "G2" }, { severity: "error", cell: "E3" }]);
    expect(r.rows[0].firstProblems.zh.startsWith("G2 ")).toBe(true);
    expect(r.rows[0].problems.error).toBe(r.problems.filter((p) => p.severity === "error").length);
  });

  test("a workbook with no table gives a reason instead of rows", () => {
    expect(reviewWorkbook("a.xlsx", [{ sheet: "S", values: [["说明文字"]] }]).skip).toMatchObject({ kind: "empty", reason: { en: "no indicator table or statement found" } });
    expect(reviewWorkbook("a.xlsx", []).skip).toMatchObject({ kind: "empty", reason: { en: "the workbook has no worksheets" } });
  });

  test("a hidden sheet is not reviewed, but one holding a table is said, after the file's sheets", () => {
    const table = (sheet: string) => ({ sheet, values: [SCORED_HEADER, ["产出指标", "数量指标", "甲", "≥100人次", "90人次", 10, 10, ""]] });
    const notes = { sheet: "旧说明", values: [["说明文字"]] };
    const r = reviewWorkbook("a.xlsx", [table("指标")], {}, [table("旧版"), notes]);
    expect(r.rows.map((x) => x.sheet)).toEqual(["指标"]);
    const hidden = r.problems.filter((p) => p.check === "hidden_sheet");
    expect(hidden).toEqual([{ file: "a.xlsx", sheet: "旧版", cell: null, check: "hidden_sheet", severity: "info", message: expect.objectContaining({ zh: "隐藏的工作表中有绩效指标表，未核对（取消隐藏后可核对）" }) }]);
    const report = sortReport({ rows: r.rows, problems: r.problems, skipped: [] });
    expect(report.problems[report.problems.length - 1].sheet).toBe("旧版");
    // only hidden tables: no row, and the reason says where the table is
    const only = reviewWorkbook("b.xlsx", [notes], {}, [table("旧版")]);
    expect(only.rows).toEqual([]);
    expect(only.skip?.reason.zh).toBe("没有找到指标表或收支报表；隐藏的工作表中有绩效指标表，未核对（取消隐藏后可核对）");
    expect(reviewWorkbook("c.xlsx", [], {}, [notes]).skip?.reason.en).toBe("no indicator table or statement found");
  });
});

describe("sortReport", () => {
  const base = (): ReviewReport => {
    const files = ["b.xlsx", "a/z.xlsx", "a.xlsx", "项目/1.xlsx", "部门/1.xlsx"];
    const report: ReviewReport = { rows: [], problems: [], skipped: [] };
    for (const file of files) {
      for (const [i, sheet] of ["乙", "甲"].entries()) {
        const r = reviewSheet(file, i, { sheet, values: TABLE });
        if (!r) throw new Error("no row");
        report.rows.push(r.row);
        report.problems.push(...r.problems);
      }
      report.skipped.push({ file: `x-${file}`, kind: "unreadable", reason: { zh: "r", en: "r" } });
    }
    return report;
  };

  test("rows by file (code points), then the sheet's place in its workbook", () => {
    const r = sortReport(base());
    expect(r.rows.map((x) => `${x.file}:${x.sheet}`)).toEqual([
      "a.xlsx:乙",
      "a.xlsx:甲",
      "a/z.xlsx:乙",
      "a/z.xlsx:甲",
      "b.xlsx:乙",
      "b.xlsx:甲",
      "部门/1.xlsx:乙",
      "部门/1.xlsx:甲",
      "项目/1.xlsx:乙",
      "项目/1.xlsx:甲",
    ]);
  });

  test("the same report whatever order the files came in", () => {
    const expected = JSON.stringify(sortReport(base()));
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const r = base();
        const shuffle = <T>(xs: T[]) => {
          let s = seed;
          for (let i = xs.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [xs[i], xs[j]] = [xs[j], xs[i]];
          }
        };
        shuffle(r.rows);
        shuffle(r.problems);
        shuffle(r.skipped);
        return JSON.stringify(sortReport(r)) === expected;
      }),
      { numRuns: 50 },
    );
  });
});

describe("the summary layout", () => {
  const rows = (): ReviewRow[] => [reviewSheet("a.xlsx", 0, { sheet: "O'Brien", values: TABLE })!.row, reviewSheet("b.xlsx", 0, { sheet: "指标", values: TABLE })!.row];
  const links = { file: (f: string) => `../in/${f}`, cell: (f: string, s: string, c: string) => `../in/${f}${sheetTarget(s, c)}` };

  test("title, header, a row per table with links, the foot adding up the count columns", () => {
    const l = summaryLayout(rows(), links);
    expect(l.cells[1]).toEqual(SUMMARY_COLUMNS.map((c) => c.header.zh));
    expect(l.cells.every((line) => line.length === SUMMARY_COLUMNS.length)).toBe(true);
    expect(l.cells[2][0]).toEqual({ formula: '=HYPERLINK("../in/a.xlsx","a.xlsx")', cached: "a.xlsx" });
    expect(l.cells[2][1]).toEqual({ formula: `=HYPERLINK("../in/a.xlsx#'O''Brien'!A1","O'Brien")`, cached: "O'Brien" });
    expect(l).toMatchObject({ headerRow: 2, firstDataRow: 3, lastDataRow: 4, footRow: 5, table: { range: "A2:X4" }, freezeRows: 2 });
    const foot = l.cells[4];
    SUMMARY_COLUMNS.forEach((c, j) => {
      if (c.total) expect(foot[j]).toMatchObject({ formula: expect.stringMatching(/^=SUBTOTAL\(109,[A-Z]+3:[A-Z]+4\)$/) });
      else if (j > 0) expect(foot[j]).toBeNull();
    });
    // a not-met count in its status colour
    expect(l.fills).toContainEqual({ row: 3, col: 10, fill: "#FFC7CE", font: "#9C0006" });
  });

  test("no links where the writer has none; the add-in's plan starts at its header", () => {
    const plain = summaryLayout(rows(), { file: () => null, cell: () => null });
    expect(plain.cells[2].slice(0, 2)).toEqual(["a.xlsx", "O'Brien"]);
    const plan = summaryWritePlan(rows(), { file: () => null, cell: (_f, s, c) => sheetTarget(s, c) });
    expect(plan).toMatchObject({ sheet: "核对汇总", mode: "new_sheet", startRow: 1, owned: "'核对汇总'!A1:X4" });
    expect(plan.cells[0]).toEqual(SUMMARY_COLUMNS.map((c) => c.header.zh));
    expect(plan.cells[3][7]).toEqual({ formula: "=SUBTOTAL(109,H2:H3)", cached: 2 });
    expect(plan.fills.flatMap((f) => f.ranges)).toContain("J2");
  });

  test("a quote in a link is doubled, never ends the string", () => {
    expect(hyperlink('a"b.xlsx', 'x"y')).toEqual({ formula: '=HYPERLINK("a""b.xlsx","x""y")', cached: 'x"y' });
  });
});

describe("the 核对项 column: a check in words (docs/review.md)", () => {
  test("every message code of the engine's catalog has a family, none falls to 其他", () => {
    const orphans = MESSAGE_CODES.filter((c) => checkFamily(c) === "other");
    expect(orphans).toEqual([]);
  });
  test.each([
    ["not_met", "目标完成"],
    ["deadline_missed", "目标完成"],
    ["score_differs", "指标得分"],
    ["reason_required", "指标得分"],
    ["category_total", "分值设置"],
    ["budget_rate_differs", "预算执行"],
    ["stated_total", "总分与等级"],
    ["stated_grade_differs", "总分与等级"],
    ["fraction_as_percent", "数值识别"],
    ["hidden_sheet", "文件与工作表"],
    ["sum", "报表合计"],
    ["duplicate", "报表前后不一"],
    ["something_new", "其他"],
  ])("%s → %s", (code, zh) => {
    expect(checkName(code).zh).toBe(zh);
  });
  test("the problems sheet writes the name, the code stays in the document", () => {
    const layout = problemsLayout([problem({ check: "score_differs", cell: "H9" })], { file: () => null, cell: () => null });
    const header = layout.cells[layout.headerRow - 1] as string[];
    expect(layout.cells[layout.firstDataRow - 1][header.indexOf("核对项")]).toBe("指标得分");
  });
});
