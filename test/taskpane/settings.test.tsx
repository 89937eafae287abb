/** @jest-environment jsdom */
import "./setup";
import { screen, waitFor, within } from "@testing-library/react";
import { SETTINGS_KEY, createMemorySettingsStore, createOfficeSettingsStore, loadSettings } from "../../src/taskpane/settings/settings-store";
import { SCORED_INDICATORS, memoryBook } from "./fixture";
import { renderPane, text } from "./helpers";

async function openSettings(user: Awaited<ReturnType<typeof renderPane>>["user"]) {
  await user.click(screen.getByRole("button", { name: "设置" }));
  return screen.findByTestId("settings");
}

describe("settings", () => {
  test("changing the preset changes the grade, and the settings are saved and read back", async () => {
    const { adapter } = memoryBook(SCORED_INDICATORS);
    const store = createMemorySettingsStore();
    const first = await renderPane({ adapter, settingsStore: store });
    await first.user.click(first.check);
    await screen.findByTestId("summary");
    expect(text("grade")).toBe("良");

    await openSettings(first.user);
    await first.user.selectOptions(screen.getByRole("combobox", { name: "评分方案" }), "grade-80");
    expect(store.saved).toMatchObject({ presetId: "grade-80" });
    expect(screen.getByTestId("settings-stale")).toBeTruthy();

    await first.user.click(first.check);
    await waitFor(() => expect(text("grade")).toBe("优"));
    expect(text("total-score")).toBe("89.95");
    expect(text("preset-used")).toContain("等级线80/70/60");
    expect(screen.queryByTestId("settings-stale")).toBeNull();
    first.unmount();

    // the same workbook opened again: the preset is remembered
    const again = await renderPane({ adapter, settingsStore: store });
    await openSettings(again.user);
    expect((screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement).value).toBe("grade-80");
    await again.user.click(again.check);
    await waitFor(() => expect(text("grade")).toBe("优"));
  });

  test("category points and grade lines edit the preset; the run uses them", async () => {
    const { adapter } = memoryBook(SCORED_INDICATORS);
    const store = createMemorySettingsStore();
    const { user, check } = await renderPane({ adapter, settingsStore: store });
    await openSettings(user);

    // 优 from 89.5: the table's 89.95 becomes 优
    const excellent = screen.getByRole("textbox", { name: "优" });
    await user.clear(excellent);
    await user.type(excellent, "89.5{Enter}");
    expect(store.saved).toMatchObject({ preset: { grades: [{ grade: "优", min: 89.5 }, { grade: "良", min: 80 }, { grade: "中", min: 60 }, { grade: "差", min: 0 }] } });

    // the output points 50 → 40: the points no longer add up per category
    const output = screen.getByRole("textbox", { name: "产出指标" });
    await user.clear(output);
    await user.type(output, "40");
    await user.tab();
    await user.click(check);
    await screen.findByTestId("summary");
    expect(text("grade")).toBe("优");
    expect(text("problems")).toContain("“产出指标”分值合计50，评分方案为40");
  });

  test("the lowest grade's line is fixed (差: below the line above it), not a field; the preset's whole name is in the hint", async () => {
    const store = createMemorySettingsStore();
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: store });
    const settings = await openSettings(user);
    expect(screen.queryByRole("textbox", { name: "差" })).toBeNull();
    expect(["优", "良", "中"].map((g) => (within(settings).getByRole("textbox", { name: g }) as HTMLInputElement).value)).toEqual(["90", "80", "60"]);
    expect(text("grade-lowest")).toBe("差低于 60 分");
    // the dropdown cuts a long name at 320 px: the hint says it whole
    expect(settings.textContent).toContain("财政部2020年通行做法（预算执行10/产出50/效益30/满意度10），满分 100 分");

    // the bound follows the line above it
    const fair = screen.getByRole("textbox", { name: "中" });
    await user.clear(fair);
    await user.type(fair, "65{Enter}");
    expect(text("grade-lowest")).toBe("差低于 65 分");
    expect(store.saved).toMatchObject({ preset: { grades: [{ grade: "优", min: 90 }, { grade: "良", min: 80 }, { grade: "中", min: 65 }, { grade: "差", min: 0 }] } });
  });

  test("a value the schema refuses is shown as an error and not saved; a good one is", async () => {
    const store = createMemorySettingsStore();
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: store });
    await openSettings(user);
    const tolerance = screen.getByRole("textbox", { name: "“约/左右”允许偏差（%）" });

    await user.clear(tolerance);
    await user.type(tolerance, "150");
    await user.tab();
    expect(screen.getByText("请输入 0–100 之间的数")).toBeTruthy();
    expect(store.saved).toBeUndefined();

    await user.clear(tolerance);
    await user.type(tolerance, "１０");
    await user.tab();
    expect(screen.queryByText("请输入 0–100 之间的数")).toBeNull();
    expect(store.saved).toMatchObject({ approxTolerance: 0.1 });

    await user.selectOptions(screen.getByRole("combobox", { name: "无比较符号的目标（如“100%”）" }), "eq");
    await user.click(screen.getByRole("checkbox", { name: "得分低于分值时要求填写偏差原因" }));
    expect(store.saved).toMatchObject({ implicitOperator: "eq", reasonRequired: false, approxTolerance: 0.1 });

    await user.click(screen.getByRole("button", { name: "恢复默认设置" }));
    expect(store.saved).toMatchObject({ presetId: "default", implicitOperator: "ge", reasonRequired: true, approxTolerance: 0.05 });
  });

  test.each([
    ["a preset that does not exist", { presetId: "no-such-preset" }],
    ["a tolerance out of range", { approxTolerance: 7 }],
    ["not an object", "grade-80"],
  ])("stored settings with %s give the defaults and a notice", async (_, stored) => {
    const { adapter } = memoryBook();
    const { user } = await renderPane({ adapter, settingsStore: createMemorySettingsStore(stored) });
    expect(text("settings-notice")).toContain("此工作簿中保存的设置无效，已改用默认设置。");
    await openSettings(user);
    expect((screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement).value).toBe("default");
  });

  test("a failed save is reported, and the pane keeps working with the new settings", async () => {
    const { adapter } = memoryBook(SCORED_INDICATORS);
    const store = { read: () => undefined, write: () => Promise.reject(new Error("the workbook is read-only")) };
    const { user, check } = await renderPane({ adapter, settingsStore: store });
    await openSettings(user);
    await user.selectOptions(screen.getByRole("combobox", { name: "评分方案" }), "grade-80");
    expect(await screen.findByText("设置未能保存到工作簿：the workbook is read-only")).toBeTruthy();
    await user.click(check);
    await waitFor(() => expect(text("grade")).toBe("优"));
  });
});

describe("the workbook settings store", () => {
  function officeSettings(saveError?: string) {
    const values = new Map<string, unknown>();
    const saved: unknown[] = [];
    return {
      values,
      saved,
      api: {
        get: (name: string) => values.get(name) ?? null,
        set: (name: string, value: unknown) => void values.set(name, value),
        saveAsync: (cb?: (r: { status: unknown; error?: { message: string } | null }) => void) => {
          if (saveError) cb?.({ status: "failed", error: { message: saveError } });
          else {
            saved.push(JSON.parse(JSON.stringify(Object.fromEntries(values))));
            cb?.({ status: "succeeded", error: null });
          }
        },
      },
    };
  }

  test("settings written are persisted under one key and read back through the schema", async () => {
    const doc = officeSettings();
    const store = createOfficeSettingsStore(() => doc.api);
    expect(loadSettings(store)).toMatchObject({ invalid: false, settings: { presetId: "default" } });
    await store.write({ ...loadSettings(store).settings, presetId: "hubei" });
    expect(doc.saved).toEqual([{ [SETTINGS_KEY]: expect.objectContaining({ presetId: "hubei" }) }]);
    expect(loadSettings(createOfficeSettingsStore(() => doc.api)).settings.presetId).toBe("hubei");
  });

  test("a failed saveAsync rejects with Office's message; no document settings at all rejects too", async () => {
    const settings = loadSettings(createMemorySettingsStore()).settings;
    await expect(createOfficeSettingsStore(() => officeSettings("quota exceeded").api).write(settings)).rejects.toThrow("quota exceeded");
    const absent = createOfficeSettingsStore(() => null);
    expect(absent.read()).toBeUndefined();
    await expect(absent.write(settings)).rejects.toThrow(/not available/);
    // outside Office entirely (no global Office): the default store reads nothing
    expect(createOfficeSettingsStore().read()).toBeUndefined();
  });
});
