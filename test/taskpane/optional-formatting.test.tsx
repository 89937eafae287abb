/** @jest-environment jsdom */
import "./setup";
import { screen } from "@testing-library/react";
import { createMemorySettingsStore } from "../../src/taskpane/settings/settings-store";
import { SHEET, memoryBook } from "./fixture";
import { renderPane, text } from "./helpers";

// docs/excel-platform.md: optional formatting fails in a final sync of its own; the pane says so
test("a note Excel refuses: the results are written and the pane says some formatting is missing", async () => {
  const { xl, adapter } = memoryBook();
  xl.workbook.injectFault({ kind: "notes.add", code: "GeneralException" });
  const { user, check } = await renderPane({ adapter, settingsStore: createMemorySettingsStore() });
  await user.click(check);
  await screen.findByTestId("summary");
  expect(xl.workbook.sheet(SHEET).values("I1:I2")).toEqual([["核对·状态"], ["达标"]]);
  expect(text("notice-checked")).toContain("结果已全部写入");
  expect(text("notice-checked")).toContain("GeneralException");
});
