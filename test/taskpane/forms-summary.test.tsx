/** @jest-environment jsdom */
import "./setup";
import { screen, within } from "@testing-library/react";
import * as fs from "fs";
import * as path from "path";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { departmentForm, projectForm } from "../fixtures/standard-forms";
import { memoryBook } from "./fixture";
import { renderPane, text } from "./helpers";

describe("the summary of a national form", () => {
  test("project form: kind, project, department, budget line, final total and stated grade", async () => {
    const { adapter } = memoryBook(projectForm().values);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    await screen.findByTestId("summary");
    expect(text("form-kind")).toBe("项目支出绩效自评表 · 2023");
    expect(text("form-project")).toBe("城乡医疗救助补助资金（城乡医疗救助部分）");
    expect(text("form-department")).toBe("广东省医疗保障局");
    expect(text("budget-line")).toBe("执行率 99.6%，得分 9.96 / 10");
    expect(text("total-score")).toBe("97.96");
    expect(text("grade")).toBe("优");
    expect(text("stated-grade")).toBe("优");
    expect(screen.queryByTestId("provisional-note")).toBeNull();
  });

  test("department form with unchecked rows, in English: provisional total, range, grade pending", async () => {
    const values = departmentForm().values.map((row) => [...row]);
    values[10][5] = "见附件"; // 参保人数 (15 points) can no longer be checked
    const { adapter } = memoryBook(values);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() }, "en-US");
    await user.click(check);
    await screen.findByTestId("summary");
    expect(text("form-kind")).toBe("Department expenditure self-evaluation form · 2022");
    expect(text("budget-line")).toBe("Rate 99.81%, score 9.98 / 10");
    // 97.95 − 15 = 82.95, up to 97.95
    expect(text("total-score")).toBe("82.95 (provisional)");
    expect(text("total-range")).toBe("82.95 – 97.95");
    expect(text("undetermined")).toBe("1 row, 15 points");
    expect(text("grade")).toBe("Pending");
    expect(text("provisional-note")).toContain("grade is withheld");
  });
});

/** A pasted table of five indicators worth 10 points each: 50 points, not the preset's 100. */
const FIFTY_POINTS = [
  ["一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
  ["产出指标", "参保人数", "≥200万人", "170万人", 10, null, "受疫情影响"],
  ["产出指标", "定点机构检查数", "≥100家", "120家", 10, null, ""],
  ["效益指标", "基金结余率", "≤10%", "8%", 10, null, ""],
  ["效益指标", "群众满意度", "≥90%", "95%", 10, null, ""],
  ["满意度指标", "服务对象满意度", "≥90%", "92%", 10, null, ""],
];

describe("what the summary says is what happened", () => {
  test.each([
    ["zh-CN", "48.5 / 50", "不评等级", "本表分值合计 50 分，不是评分方案的满分 100 分"],
    ["en-US", "48.5 / 50", "Not graded", "The table's points add up to 50, not the preset's 100"],
  ])("a 50-point table in %s: the score against the points present, no grade, the warning beside it", async (language, total, grade, note) => {
    const { adapter } = memoryBook(FIFTY_POINTS);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() }, language);
    await user.click(check);
    await screen.findByTestId("summary");
    expect(text("total-score")).toBe(total);
    expect(text("grade")).toContain(grade);
    expect(text("partial-note")).toContain(note);
    expect(text("grade")).not.toMatch(/^(差|Poor)/);
  });

  test("a table of error cells: provisional total, grade withheld, never 100 / 优", async () => {
    const values = FIFTY_POINTS.map((row, i) => (i === 0 ? row : [row[0], row[1], row[2], "#N/A", 20, 20, ""]));
    const { adapter } = memoryBook(values);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    await screen.findByTestId("summary");
    expect(text("total-score")).toBe("0（暂定）");
    expect(text("grade")).toBe("待定");
    expect(text("provisional-note")).toContain("等级待定");
  });

  test("clear results: the summary and the problem list go too, and the notice says so", async () => {
    const { adapter } = memoryBook(FIFTY_POINTS);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    await screen.findByTestId("summary");
    expect(screen.queryByTestId("problems")).not.toBeNull();
    await user.click(screen.getByRole("button", { name: "清除结果" }));
    const cleared = await screen.findByTestId("notice-cleared");
    expect(screen.queryByTestId("summary")).toBeNull();
    expect(screen.queryByTestId("problems")).toBeNull();
    expect(cleared.textContent).toMatch(/已清除 .+![A-Z]+\d+:[A-Z]+\d+|已清除 [A-Z]+\d+:[A-Z]+\d+/);
    expect(cleared.textContent).toContain("任务窗格中的核对汇总和问题列表已一并清除");
  });
});

describe("long texts in the problem list", () => {
  test("a 2,000-character cell: its message is cut short, 全文 shows it whole and 收起 cuts it again", async () => {
    const long = "说明".repeat(1000);
    const values = FIFTY_POINTS.map((row, i) => (i === 1 ? [row[0], row[1], row[2], long, row[4], row[5], row[6]] : row));
    const { adapter } = memoryBook(values);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    const problems = await screen.findByTestId("problems");
    const item = within(problems).getByRole("button", { name: /说明说明/ });
    expect(Array.from(item.textContent ?? "").length).toBeLessThan(220);
    const more = within(problems).getByRole("button", { name: "全文" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    await user.click(more);
    expect(item.textContent).toContain(long);
    await user.click(within(problems).getByRole("button", { name: "收起" }));
    expect(item.textContent).not.toContain(long);
  });
});

describe("what a form family read beyond its rows (docs/form-families.md)", () => {
  test("a published form with points in its level names and 单位名称: each level, and the reporting unit", async () => {
    const rows = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/real-forms/national/anhui-chizhou-2022-weituo.json"), "utf8")).rows;
    const values = rows.map((row: unknown[]) => [...row]);
    values[3] = ["单位名称", "棠溪镇人民政府"]; // the info row read as the reporting unit
    values[14][6] = 6; // 产出指标(50分) now adds up to 48, and scores 48
    values[14][7] = 6;
    const { adapter } = memoryBook(values);
    const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(check);
    await screen.findByTestId("summary");
    expect(text("form-reporting-unit")).toBe("棠溪镇人民政府");
    expect(screen.queryByTestId("form-department")).toBeNull();
    expect(screen.getByText("产出指标（B13）")).toBeTruthy();
    expect(screen.getAllByTestId("level-points").map((n) => n.textContent)).toEqual([
      "标明 50 分，下级分值合计 48，得分 48",
      "标明 30 分，下级分值合计 30，得分 30",
    ]);
  });
});
