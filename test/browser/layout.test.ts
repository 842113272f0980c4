/**
 * The sidebar's layout on the BUILT page: Build and its results stay in view while the page
 * scrolls, long lists flow in the page with a filter, and what the server adds is shown as text.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../server/dist";
import { launch } from "./bridge";
import { HOSTILE, mavenPipeline, NOTES } from "./fixtures";
import { close, makeWorld, openSidebar, ready, shot } from "./world";

let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe("layout and what the server adds", () => {
  it("keeps Build, its progress and its results in view; the reps list filters without its own scroll", async () => {
    const world = makeWorld({ Pipeline: mavenPipeline(240), Notes: NOTES });
    const o = await openSidebar(browser, world);
    const { page } = o;
    try {
      await ready(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height, "a page taller than the panel").toBeGreaterThan(760 * 1.5);
      const inView = async (selector: string) => {
        const box = await page.locator(selector).boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 760;
      };
      expect(await inView("[data-testid=build]")).toBe(true);

      // The reps: many, in the page's flow (no scroll box of their own), narrowed by a filter.
      const reps = page.locator("[data-testid=reps]");
      const all = await reps.locator(".check-list .check").count();
      expect(all).toBeGreaterThanOrEqual(9);
      const [scroll, client] = await reps.evaluate((e) => [e.scrollHeight, e.clientHeight]);
      expect(scroll).toBeLessThanOrEqual(client);
      const names = await reps.locator(".check-list .check span").allTextContents();
      const probe = names[names.length - 1]!.slice(0, 4);
      await page.locator("[data-testid=reps-filter]").fill(probe);
      const shown = await reps.locator(".check-list .check span").allTextContents();
      expect(shown).toEqual(names.filter((n) => n.toLowerCase().includes(probe.toLowerCase())));
      await page.locator("[data-testid=reps-filter]").fill("");

      // A tick changes only that box: the scroll position and the focus stay.
      const box = reps.locator(".check-list .check input").nth(3);
      await box.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(scrolled).toBeGreaterThan(0);
      await box.click();
      expect(await box.isChecked()).toBe(false);
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
      expect(await box.evaluate((e) => e === document.activeElement)).toBe(true);
      await box.click();

      // Typing in the filter keeps the caret where it is.
      const filter = page.locator("[data-testid=reps-filter]");
      await filter.fill("an");
      await filter.press("ArrowLeft");
      await filter.press("e");
      expect(await filter.inputValue()).toBe("aen");
      expect(await filter.evaluate((e) => (e as HTMLInputElement).selectionStart)).toBe(2);
      await filter.fill("");

      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
      o.rpc.delayMs = 80;
      await page.locator("[data-testid=build]").click();
      await page.locator("[data-testid=progress]").waitFor();
      expect(await inView("[data-testid=progress]")).toBe(true);
      await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
      expect(await inView("[data-testid=result]")).toBe(true);
      expect(await inView("[data-testid=build]")).toBe(true);
      await shot(page, "layout-01-built-mid-scroll", false);
    } finally {
      await close(o);
    }
  });

  it("shows where the stages come from when the server says, as text", async () => {
    const world = makeWorld({ Pipeline: mavenPipeline(60) });
    const o = await openSidebar(browser, world);
    try {
      await ready(o.page);
      // The server always says where the stages come from (issue 11).
      expect(await o.page.locator("[data-testid=stage-source]").textContent()).toBe(
        'The stages come from the date or checkbox columns of "Pipeline" ("engage_date", "close_date"), in column order.',
      );
    } finally {
      await close(o);
    }
    const sentence = `Stages from the "deal_stage" column ${HOSTILE.img}`;
    const original = world.ctx.sidebarState as (...a: unknown[]) => Record<string, unknown>;
    world.ctx.sidebarState = (...a: unknown[]) => ({ ...original(...a), stageSource: sentence });
    const again = await openSidebar(browser, world);
    try {
      await ready(again.page);
      expect(await again.page.locator("[data-testid=stage-source]").textContent()).toBe(sentence);
      expect(await again.page.locator("img").count()).toBe(0);
    } finally {
      await close(again);
    }
  });
});
