/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import { createMemorySettingsStore } from "../../src/taskpane/settings-store";
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
    expect(text("form-kind")).toBe("Department expenditure self-evaluation (部门整体支出绩效自评表) · 2022");
    expect(text("budget-line")).toBe("rate 99.81%, score 9.98 / 10");
    // 97.95 − 15 = 82.95, up to 97.95
    expect(text("total-score")).toBe("82.95 (provisional)");
    expect(text("total-range")).toBe("82.95 – 97.95");
    expect(text("undetermined")).toBe("1 rows, 15 points");
    expect(text("grade")).toBe("pending");
    expect(text("provisional-note")).toContain("grade is withheld");
  });
});
