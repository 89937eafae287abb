/** @jest-environment jsdom */
import "./setup";
import { render, screen } from "@testing-library/react";
import type { OutsideReason } from "../../src/taskpane/office/host";
import { TaskPaneRoot } from "../../src/taskpane/shell/Root";

describe("outside Excel", () => {
  test.each<[OutsideReason, string]>([
    ["browser", "此页面是 Excel 加载项的任务窗格"],
    ["other-host", "此加载项只适用于 Excel。"],
    ["no-office-js", "未能加载 Office 脚本（office.js）"],
  ])("%s: the plain message, and no Excel controls", (reason, body) => {
    Object.defineProperty(window.navigator, "language", { value: "zh-CN", configurable: true });
    render(<TaskPaneRoot state={{ kind: "outside", reason }} />);
    const section = screen.getByTestId("outside-excel");
    expect(section.textContent).toContain("请在 Excel 中打开");
    expect(section.textContent).toContain(body);
    expect(screen.queryByRole("button", { name: "核对指标" })).toBeNull();
  });

  test("a browser in English gets the English message", () => {
    Object.defineProperty(window.navigator, "language", { value: "en-GB", configurable: true });
    render(<TaskPaneRoot state={{ kind: "outside", reason: "browser" }} />);
    expect(screen.getByTestId("outside-excel").textContent).toContain("Open this in Excel");
  });

  test("the Excel pane that failed to load says so instead of staying blank", () => {
    render(<TaskPaneRoot state={{ kind: "excel", displayLanguage: "zh-CN" }} services={null} />);
    expect(screen.getByText("任务窗格未能加载，请检查网络连接后重新打开加载项。")).toBeTruthy();
  });
});
