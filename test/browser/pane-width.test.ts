/**
 * The task pane at the width Excel gives it (docs/task-pane.md): the preview opened with
 * ?paneWidth=320 and 360, in Chinese and English. After each action (check, column picker open,
 * settings open, compare, audit, clear, review all) nothing in the pane overflows sideways, every
 * text can wrap whatever the font (or is cut with …), and every button and field lies wholly
 * inside it; a screenshot of each end state goes to test-results/.
 */
import type { Locator, Page } from "playwright-core";
import { type PageWatch, expectText, screenshot, useBrowserEnv, watchPage } from "./support/browser";

const browser = useBrowserEnv();

const WIDTHS = [320, 360] as const;

/** The pane's accessible names, by language (src/taskpane/i18n/i18n.ts). */
const NAMES = {
  "zh-CN": {
    check: "核对指标",
    clear: "清除结果",
    change: "更改表头和列",
    settings: "设置",
    tabCompare: "生成对比表",
    build: "生成对比表",
    tabAudit: "核对收支表",
    audit: "核对收支表",
    tabCheck: "核对指标",
    built: "已生成对比表",
    noStatement: "这不是收支表",
    cleared: "已清除结果",
    reviewAll: "核对全部工作表",
  },
  "en-US": {
    check: "Check indicators",
    clear: "Clear results",
    change: "Change header and columns",
    settings: "Settings",
    tabCompare: "Compare",
    build: "Build comparison sheet",
    tabAudit: "Statement",
    audit: "Check statement",
    tabCheck: "Indicators",
    built: "Comparison sheet built",
    noStatement: "No statement here",
    cleared: "Results cleared",
    reviewAll: "Check all sheets",
  },
} as const;
type Lang = keyof typeof NAMES;

interface Layout {
  /** elements wider inside than they show: "div.fui-X 412>300" */
  overflowing: string[];
  /**
   * elements whose own text could not wrap in another font: a text that may break only at spaces
   * and CJK break opportunities (not overflow-wrap: anywhere) or does not wrap at all, unless it is
   * cut with … (whatever the font, these fit: docs/task-pane.md)
   */
  unbreakable: string[];
  /** buttons and fields not wholly inside the pane */
  outside: string[];
  paneWidth: number;
}

/** Overflow of the pane and its descendants, and controls past its edges. */
function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const pane = document.getElementById("task-pane") as HTMLElement;
    const describe = (el: Element) => {
      const text = (el.textContent ?? "").trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${el.getAttribute("data-testid") ? `[${el.getAttribute("data-testid")}]` : ""}.${String(el.className).split(" ")[0]} “${text}”`;
    };
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return s.display !== "none" && s.visibility !== "hidden" && r.width > 0 && r.height > 0;
    };
    const overflowing: string[] = [];
    for (const el of [pane, ...Array.from(pane.querySelectorAll("*"))]) {
      if (!(el instanceof HTMLElement) || !visible(el)) continue;
      if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) overflowing.push(`${describe(el)} ${el.scrollWidth}>${el.clientWidth}`);
    }
    // every element holding text of its own wraps anywhere, or is cut with …; badges and tabs of a
    // few characters are exempt (they keep their line and fit by design)
    const unbreakable: string[] = [];
    const cut = (el: Element | null): boolean => {
      for (let e = el; e && e !== pane.parentElement; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.textOverflow === "ellipsis" && s.overflowX !== "visible") return true;
      }
      return false;
    };
    for (const el of [pane, ...Array.from(pane.querySelectorAll("*"))]) {
      if (!(el instanceof HTMLElement) || !visible(el) || el instanceof HTMLSelectElement || el instanceof HTMLOptionElement) continue;
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? "")
        .join("")
        .trim();
      if (Array.from(own).length <= 6) continue;
      const s = getComputedStyle(el);
      const wraps = (s.overflowWrap === "anywhere" || s.wordBreak === "break-all") && !/^(nowrap|pre)$/.test(s.whiteSpace) && s.textWrapMode !== "nowrap";
      if (!wraps && !cut(el)) unbreakable.push(`${describe(el)} overflow-wrap:${s.overflowWrap} white-space:${s.whiteSpace}`);
    }
    const box = pane.getBoundingClientRect();
    const left = box.left + pane.clientLeft;
    const right = left + pane.clientWidth;
    const outside: string[] = [];
    for (const el of Array.from(pane.querySelectorAll("button, input, select, textarea, [role=tab], [role=combobox], a[href]"))) {
      if (!visible(el)) continue;
      // Fluent draws a checkbox's or radio's input transparent over its indicator: the indicator is what shows
      if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio") && getComputedStyle(el).opacity === "0") continue;
      const r = el.getBoundingClientRect();
      if (r.left < left - 0.5 || r.right > right + 0.5) outside.push(`${describe(el)} ${Math.round(r.left - left)}…${Math.round(r.right - left)} of ${Math.round(right - left)}`);
    }
    return { overflowing, unbreakable, outside, paneWidth: box.width };
  });
}

/** `show`: what the screenshot should have in view (the pane scrolls on its own). */
async function expectFits(page: Page, width: number, shot: string, show?: Locator): Promise<void> {
  // a spinner is transient (a lazy chunk or the department list loading): measure the screen it gives way to
  await page.waitForFunction(() => !document.querySelector("#task-pane .fui-Spinner"), undefined, { timeout: 15_000 });
  const layout = await measure(page);
  await show?.evaluate((el) => el.scrollIntoView({ block: "start" }));
  await screenshot(page, shot);
  expect({ shot, ...layout }).toEqual({ shot, overflowing: [], unbreakable: [], outside: [], paneWidth: width });
}

/** Until the element's box stops changing (the accordion opens with a motion). */
async function settled(locator: Locator): Promise<void> {
  await locator.waitFor();
  await locator.evaluate(
    (el) =>
      new Promise<void>((resolve) => {
        let last = "";
        let same = 0;
        const tick = () => {
          const r = el.getBoundingClientRect();
          const now = `${r.width}x${r.height}`;
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 5) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

async function open(lang: Lang, width: number): Promise<{ page: Page; watch: PageWatch; pane: Locator; grid: Locator }> {
  const page = await browser.env.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const watch = watchPage(page);
  await page.goto(`${browser.env.baseUrl}/preview.html?lang=${lang}&paneWidth=${width}`);
  const pane = page.getByTestId("task-pane");
  await pane.getByRole("button", { name: NAMES[lang].check, exact: true }).waitFor();
  await page.getByRole("tab", { name: "收支情况" }).waitFor();
  return { page, watch, pane, grid: page.getByTestId("grid") };
}

describe("the task pane at Excel's width", () => {
  test.each(Object.keys(NAMES) as Lang[])("%s at 320 and 360 px: every screen fits, every control whole", async (lang) => {
    const n = NAMES[lang];
    for (const width of WIDTHS) {
      const { page, watch, pane, grid } = await open(lang, width);
      const at = `pane-${width}-${lang}`;
      await expectFits(page, width, `${at}-start.png`);

      // check, then the column picker and the settings open
      await pane.getByRole("button", { name: n.check, exact: true }).click();
      await pane.getByTestId("summary").waitFor();
      await expectFits(page, width, `${at}-check.png`, pane.getByTestId("summary"));
      if (width === WIDTHS[0]) {
        // a problem link focused from the keyboard shows a focus ring, as a button does
        const link = pane.getByTestId("problems").getByRole("button").first();
        await link.focus();
        await page.keyboard.press("Shift+Tab");
        await page.keyboard.press("Tab");
        const ring = await link.evaluate((el) => ({ focused: document.activeElement === el, style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
        expect(ring).toEqual({ focused: true, style: "solid", width: 2 });
      }
      await pane.getByRole("button", { name: n.change }).click();
      await pane.getByRole("button", { name: n.change }).waitFor({ state: "detached" });
      await expectFits(page, width, `${at}-picker.png`, pane.getByTestId("column-picker"));
      await pane.getByRole("button", { name: n.settings }).click();
      await settled(pane.getByTestId("settings"));
      await expectFits(page, width, `${at}-settings.png`, pane.getByTestId("settings"));

      // clear: the summary goes with the results, and the notice says so
      await pane.getByRole("button", { name: n.clear }).first().click();
      await pane.getByTestId("notice-cleared").waitFor();
      expect(await pane.getByTestId("summary").count()).toBe(0);
      expect(await pane.getByTestId("problems").count()).toBe(0);
      await expectFits(page, width, `${at}-clear.png`, pane.getByTestId("notice-cleared"));

      // compare: the expenditure sheet, Guangzhou's 项目支出 in its consistent reading
      await pane.getByRole("tab", { name: n.tabCompare }).click();
      await pane.getByRole("button", { name: n.build }).waitFor();
      await expectFits(page, width, `${at}-compare-form.png`);
      await pane.locator("input[type=radio][value=expenditure]").check();
      await pane.getByRole("button", { name: n.build }).click();
      await pane.getByText(n.built).waitFor();
      await expectFits(page, width, `${at}-compare.png`);
      // the new sheet is the active one
      await page.waitForFunction(() => (document.querySelector("[data-testid=grid]")?.getAttribute("data-sheet") ?? "").includes("支出结构"));
      expect(await grid.locator("td", { hasText: /^605,282\.99$/ }).count()).toBe(1);

      // audit on the comparison sheet just made: not a statement, and it says so
      await pane.getByRole("tab", { name: n.tabAudit }).click();
      await pane.getByRole("button", { name: n.audit, exact: true }).click();
      await expectText(pane.getByTestId("audit-no-statement"), new RegExp(n.noStatement + "|" + (lang === "zh-CN" ? "本加载项" : "add-in's own")));
      expect(await pane.textContent()).not.toMatch(/没有发现不一致|No inconsistencies found/);

      // audit on the statement
      await page.getByRole("tab", { name: "收支情况" }).click();
      await pane.getByRole("button", { name: n.audit, exact: true }).click();
      await pane.getByTestId("audit-summary").waitFor();
      await expectFits(page, width, `${at}-audit.png`);
      await pane.getByRole("button", { name: n.clear }).click();
      await pane.getByTestId("audit-cleared").waitFor();
      expect(await pane.getByTestId("audit-summary").count()).toBe(0);
      await expectFits(page, width, `${at}-audit-clear.png`);

      // 核对全部工作表: every sheet listed with what was done with it
      await pane.getByRole("tab", { name: n.tabCheck }).click();
      await pane.getByRole("button", { name: n.reviewAll }).click();
      await pane.getByTestId("review-all-sheets").waitFor();
      await expectFits(page, width, `${at}-review-all.png`, pane.getByTestId("review-all"));

      await page.close();
      expect(watch.errors).toEqual([]);
      expect(watch.foreign).toEqual([]);
    }
  }, 240_000);

  test("the divider drags the pane wider and narrower, and the arrow keys move it", async () => {
    const { page, watch, pane } = await open("zh-CN", 320);
    const divider = page.getByTestId("pane-divider");
    const box = await divider.boundingBox();
    if (!box) throw new Error("no divider");
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + 200, { steps: 5 });
    await page.mouse.up();
    expect(Math.round((await pane.boundingBox())?.width ?? 0)).toBe(470);
    await divider.focus();
    await page.keyboard.press("ArrowRight");
    expect(await divider.getAttribute("aria-valuenow")).toBe("460");
    await page.close();
    expect(watch.errors).toEqual([]);
  });
});
