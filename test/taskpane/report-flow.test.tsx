/** @jest-environment jsdom */
/**
 * 生成自评报告 in the pane (docs/report.md): offered after a check, it writes the 自评报告 sheet and
 * says what it wrote; the .docx is offered only where the host can save a file, and what it saves
 * is a Word document.
 */
import "./setup";
import { screen, within } from "@testing-library/react";
import { strFromU8, unzipSync } from "fflate";
import { createSheetAdapter } from "../../src/excel/sheet-adapter";
import { createMemoryExcel } from "../../src/memory-excel";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { projectForm } from "../fixtures/standard-forms";
import { renderPane } from "./helpers";
import { TextDecoder, TextEncoder } from "util";

// jsdom has no TextEncoder; browsers and Excel's web views do (the docx package needs it)
Object.assign(globalThis, { TextEncoder, TextDecoder });

function book() {
  const xl = createMemoryExcel({ sheets: [{ name: "项目甲", values: projectForm().values, numberFormats: projectForm().numberFormats }] });
  return { xl, adapter: createSheetAdapter({ run: xl.run, isSetSupported: xl.requirements.isSetSupported }) };
}

describe("生成自评报告", () => {
  test("after a check: the sheet written and named, the .docx saved through the host", async () => {
    const { xl, adapter } = book();
    const saved: { name: string; bytes: Uint8Array; mime: string }[] = [];
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore(), saveFile: (name, bytes, mime) => saved.push({ name, bytes, mime }) });
    expect(screen.queryByTestId("report-section")).toBeNull();
    await user.click(screen.getByRole("button", { name: "核对指标" }));
    const section = await screen.findByTestId("report-section");
    await user.click(within(section).getByRole("button", { name: "生成自评报告" }));
    const done = await screen.findByTestId("report-done");
    expect(done.textContent).toMatch(/^已写入工作表“自评报告”：\d+ 段，待补充 6 处。$/);
    expect(xl.workbook.activeSheet()).toBe("自评报告");
    expect(screen.queryByTestId("report-provisional")).toBeNull();

    await user.click(screen.getByTestId("report-docx"));
    await screen.findByTestId("report-saved", {}, { timeout: 20000 });
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe("2023年度城乡医疗救助补助资金（城乡医疗救助部分）项目支出绩效自评报告（草稿）.docx");
    expect(saved[0].mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const text = strFromU8(unzipSync(saved[0].bytes)["word/document.xml"]).replace(/<[^>]+>/g, "");
    expect(text).toContain("绩效自评得分为97.96分，自评等级为“优”");
  });

  test("no download where the host cannot save a file; clearing the results takes the notice away", async () => {
    const { xl, adapter } = book();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
    await user.click(screen.getByRole("button", { name: "核对指标" }));
    await user.click(await screen.findByRole("button", { name: "生成自评报告" }));
    await screen.findByTestId("report-done");
    expect(screen.queryByTestId("report-docx")).toBeNull();
    await user.click(screen.getByRole("button", { name: "清除结果" }));
    await screen.findByText("已删除工作表“自评报告”", { exact: false });
    expect(screen.queryByTestId("report-done")).toBeNull();
    expect(xl.workbook.hasSheet("自评报告")).toBe(false);
  });
});
