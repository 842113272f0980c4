/**
 * The sidebar's Options group in headless Chromium, against the BUILT add-on, by keyboard alone:
 * closed at first, opened from its summary; a value typed reaches the build request, the
 * settings tab and the report; a value that cannot be read is said in the status region, marks
 * its box, keeps focus there and stops Build until fixed. axe-clean open and invalid.
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildRequest } from "../../src/shared/wire";
import { callTop, ensureBuilt } from "../server/dist";
import { axeViolations, brokenWords, focused, tabTo } from "./a11y";
import { launch } from "./bridge";
import { mavenPipeline, stageLog } from "./fixtures";
import {
  ARTIFACTS,
  close,
  expectNoHorizontalScroll,
  makeWorld,
  openSidebar,
  ready,
  shot,
} from "./world";

let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.locator("[data-testid=status]").textContent();
const isOption = (key: string) => (f: Awaited<ReturnType<typeof focused>>) =>
  f.focus === `option:${key}`;

describe("the Options group", () => {
  it("opens by keyboard, sends a typed value with Build and says what cannot be read", async () => {
    const world = makeWorld({ Pipeline: mavenPipeline(240) });
    const o = await openSidebar(browser, world);
    const { page, rpc } = o;
    try {
      await ready(page);
      const group = page.locator("[data-testid=report-options]");
      // Closed at first: the boxes are not in the Tab order.
      expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await tabTo(page, (f) => f.testid === "options-summary");
      await page.keyboard.press("Enter");
      expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect((await focused(page)).testid).toBe("options-summary");
      expect(await axeViolations(page), "axe, options open").toEqual([]);
      await expectNoHorizontalScroll(page);

      // Every box is a labelled number box with its range.
      const window = page.getByLabel("Cohort window, days");
      expect(await window.getAttribute("type")).toBe("number");
      expect(await window.getAttribute("min")).toBe("0");
      expect(await window.getAttribute("max")).toBe("3650");
      expect(await page.getByLabel("Velocity goal, % a month").getAttribute("max")).toBe("100");

      // The window typed, then the goal: a value that cannot be read is said and keeps focus.
      await tabTo(page, isOption("cohortWindowDays"));
      await page.keyboard.type("0");
      await tabTo(page, isOption("velocityGoalPercent"));
      await page.keyboard.type("150");
      await page.keyboard.press("Enter");
      const problem = "Velocity goal, % a month: type a percentage from 0 to 100.";
      await expect.poll(() => status(page)).toBe(problem);
      expect(isOption("velocityGoalPercent")(await focused(page))).toBe(true);
      const goal = page.locator("[data-option=velocityGoalPercent]");
      expect(await goal.getAttribute("aria-invalid")).toBe("true");
      expect(await axeViolations(page), "axe, invalid option").toEqual([]);
      await shot(page, "options-invalid", false);

      // Build while it cannot be read: nothing starts, the status says why.
      await tabTo(page, (f) => f.testid === "build");
      await page.keyboard.press("Enter");
      await expect.poll(() => status(page)).toBe(problem);
      expect(rpc.calls.filter((c) => c.name === "startBuild")).toEqual([]);
      expect((await focused(page)).testid).toBe("build");

      // Fixed (Shift+Tab back into the box): the mark and the sentence go.
      await page.keyboard.down("Shift");
      await tabTo(page, isOption("velocityGoalPercent"));
      await page.keyboard.up("Shift");
      await page.keyboard.press("Control+A");
      await page.keyboard.type("15");
      await page.keyboard.press("Enter");
      await expect.poll(() => goal.getAttribute("aria-invalid")).toBe(null);
      expect(await status(page)).toBe("");
      expect(isOption("velocityGoalPercent")(await focused(page))).toBe(true);
      // The Roles norms follow the long-call threshold typed here.
      await tabTo(page, isOption("longCallSeconds"));
      await page.keyboard.type("90");
      await page.keyboard.press("Enter");

      await shot(page, "options-open");
      copyFileSync(join(ARTIFACTS, "options-open.png"), "/tmp/voronka-options-open.png");

      await tabTo(page, (f) => f.testid === "build");
      await page.keyboard.press("Enter");
      await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
      expect((await focused(page)).testid).toBe("build");
      const start = rpc.calls.find((c) => c.name === "startBuild");
      const sent = JSON.parse(String(start?.args[0])) as BuildRequest;
      // Plain numbers, in the user's units.
      expect(sent.settings.options).toEqual({
        cohortWindowDays: 0,
        velocityGoalPercent: 15,
        longCallSeconds: 90,
      });
      expect(rpc.violations).toEqual([]);

      // The report uses them: Velocity's goal is 15%, Changes names the window set.
      const sheetText = (name: string) =>
        (world.services.spreadsheet.getSheetByName(name)?.snapshot() ?? []).flat().join("\n");
      expect(sheetText("Velocity")).toContain("goal 15% less than the month before");
      expect(sheetText("Changes")).toContain("within 0 days of creation (the window set");
      // …and the settings tab remembers them.
      const settings = world.services.spreadsheet.getSheetByName("Voronka settings")!.snapshot();
      const sidebarRow = settings.find((r) => r[0] === "sidebar");
      expect(JSON.parse(String(sidebarRow?.[1])).options).toEqual(sent.settings.options);
    } finally {
      await close(o);
    }
  });

  it("opens with the remembered options shown", async () => {
    const world = makeWorld({ Pipeline: mavenPipeline(120) });
    // The settings as the sidebar keeps them, written through the bundle's own entry point.
    callTop(
      world.ctx,
      "saveSettings",
      JSON.stringify({ lang: "en", options: { topN: 7, dropThresholdPercent: 12.5 } }),
    );
    const o = await openSidebar(browser, world);
    try {
      await ready(o.page);
      const group = o.page.locator("[data-testid=report-options]");
      // Open from the start when an option is set: the report does not use the usual values.
      expect(await group.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await o.page.getByLabel("Rows per breakdown").inputValue()).toBe("7");
      expect(await o.page.getByLabel("Drop threshold, %").inputValue()).toBe("12.5");
      expect(await o.page.getByLabel("Cohort window, days").inputValue()).toBe("");
    } finally {
      await close(o);
    }
  });

  for (const [lang, locale, label] of [
    ["ru", "ru_RU", "Порог падения, %"],
    ["uk", "uk_UA", "Поріг падіння, %"],
  ] as const) {
    it(`${lang}: open, an invalid value said in the language, words whole at 300 px and 200%`, async () => {
      for (const zoom of [1, 2] as const) {
        const world = makeWorld(
          { Pipeline: stageLog(["A", "B", "C"], ["Anna"], ["Web"]) },
          { locale },
        );
        const o = await openSidebar(browser, world, "sidebar", { zoom });
        const { page } = o;
        try {
          await ready(page);
          await page.locator("[data-testid=options-summary]").click();
          const box = page.getByLabel(label);
          await box.fill("120");
          await box.press("Enter");
          await expect.poll(async () => (await status(page))?.startsWith(`${label}: `)).toBe(true);
          expect(await status(page)).toContain("100");
          await expectNoHorizontalScroll(page);
          expect(await brokenWords(page), `words broken at zoom ${zoom}`).toEqual([]);
          expect(await axeViolations(page), `axe, ${lang}`).toEqual([]);
          await shot(page, `options-${lang}-zoom${zoom}`);
        } finally {
          await close(o);
        }
      }
    });
  }
});
