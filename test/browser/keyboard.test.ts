/**
 * The whole flow by keyboard alone, on the BUILT sidebar: focus stays where the user is after
 * every action (a kind stepped with the arrow keys, a ticked rep, a moved stage, Build, Columns,
 * the help and back), and every stop of the Tab order shows a focus ring.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../server/dist";
import { focused, tabTo } from "./a11y";
import { launch } from "./bridge";
import { callsWithOddRep, mavenPipeline, NOTES } from "./fixtures";
import { close, makeWorld, openSidebar, ready, shot } from "./world";

let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const stageNames = (page: Page) =>
  page.locator("[data-testid=stage] .stage-name").allTextContents();

describe("keyboard only", () => {
  it("keeps focus where the user is through the whole flow", async () => {
    const world = makeWorld({
      Pipeline: mavenPipeline(240),
      Calls: callsWithOddRep(),
      Notes: NOTES,
    });
    const o = await openSidebar(browser, world);
    const { page } = o;
    try {
      await ready(page);
      const isNotesKind = (f: Awaited<ReturnType<typeof focused>>) =>
        f.testid === "kind" && f.label === "Notes";

      // A kind stepped with the arrow keys on the closed select: each step is applied, and
      // focus stays on the select, which stays enabled, so the next arrow goes on stepping.
      await tabTo(page, isNotesKind);
      const notesKind = page
        .locator("[data-testid=tab]", { hasText: "Notes" })
        .locator("select.kind");
      expect(await notesKind.inputValue()).toBe("");
      await page.keyboard.press("ArrowDown");
      await ready(page);
      expect(await notesKind.inputValue()).toBe("calls");
      expect(isNotesKind(await focused(page))).toBe(true);
      expect(await notesKind.isEnabled()).toBe(true);
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      await ready(page);
      expect(await notesKind.inputValue()).toBe("");
      expect(isNotesKind(await focused(page))).toBe(true);
      // The settings remember the last value only (the burst was sent once it settled).
      expect(
        await page
          .locator("[data-testid=tab]", { hasText: "Notes" })
          .locator("[data-testid=missing]")
          .count(),
      ).toBe(0);

      // Calls → kind "calls" by keyboard, then its columns: the toggle keeps focus.
      await page.keyboard.down("Shift");
      await tabTo(page, (f) => f.testid === "kind" && f.label === "Calls");
      await page.keyboard.up("Shift");
      const callsTab = page
        .locator("[data-testid=tab]")
        .filter({ has: page.locator(".tab-name", { hasText: /^Calls$/ }) });
      // Home = the first option ("not used"), one step down = Calls.
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowDown");
      await ready(page);
      expect(await callsTab.locator("select.kind").inputValue()).toBe("calls");
      expect((await focused(page)).label).toBe("Calls");
      await tabTo(page, (f) => f.testid === "columns-toggle");
      await page.keyboard.press("Enter");
      expect((await focused(page)).testid).toBe("columns-toggle");
      expect(await page.locator("[data-testid=columns-toggle][aria-expanded=true]").count()).toBe(
        1,
      );
      // The rep column chosen by keyboard: focus stays on that select.
      await tabTo(page, (f) => f.testid === "column" && f.field === "rep");
      // "— none —", "Date", "Who called": two steps down from the top.
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await ready(page);
      expect(await page.locator(":focus").inputValue()).toBe("1");
      expect((await focused(page)).field).toBe("rep");
      await expect.poll(() => callsTab.locator("[data-testid=missing]").count()).toBe(0);
      await shot(page, "kbd-01-mapped", false);

      // A stage moved down twice goes down two places; focus follows it; the move is said.
      const before = await stageNames(page);
      expect(before.length).toBeGreaterThanOrEqual(3);
      const first = before[0]!;
      await tabTo(page, (f) => f.focus === `down:${first}`);
      expect((await focused(page)).label).toContain(first);
      await page.keyboard.press("Enter");
      expect((await focused(page)).focus).toBe(`down:${first}`);
      await page.keyboard.press("Enter");
      expect(await stageNames(page)).toEqual([before[1], before[2], first, ...before.slice(3)]);
      expect((await focused(page)).focus).toBe(`down:${first}`);
      expect(await page.locator("[role=status]").textContent()).toBe(
        `“${first}” is now stage 3 of ${before.length}.`,
      );
      // Up to the top: the up arrow goes dim there, so focus moves to the same stage's down arrow.
      await page.keyboard.press("Shift+Tab");
      expect((await focused(page)).focus).toBe(`up:${first}`);
      await page.keyboard.press("Enter");
      await page.keyboard.press("Enter");
      expect(await stageNames(page)).toEqual(before);
      expect((await focused(page)).focus).toBe(`down:${first}`);

      // The period by arrow keys inside its labelled group.
      await tabTo(page, (f) => f.testid.startsWith("period-"));
      const periodBefore = (await focused(page)).testid;
      await page.keyboard.press(periodBefore === "period-month" ? "ArrowLeft" : "ArrowRight");
      const periodNow = (await focused(page)).testid;
      expect(periodNow).not.toBe(periodBefore);
      expect(await page.locator(`[data-testid=${periodNow}]`).isChecked()).toBe(true);
      const ring = await page.evaluate(
        () => getComputedStyle(document.activeElement!.closest("label")!).outlineStyle,
      );
      expect(ring).not.toBe("none");

      // Dates typed in the language's order.
      await tabTo(page, (f) => f.testid === "from");
      await page.keyboard.type("2017-01-01");
      await page.keyboard.press("Tab");
      expect((await focused(page)).testid).toBe("to");

      // Ticking a rep: focus stays on its box; Tab goes on to the next rep.
      await tabTo(page, (f) => f.tag === "input" && f.label.trim() === "Anna");
      await page.keyboard.press("Space");
      expect((await focused(page)).label.trim()).toBe("Anna");
      expect(await page.locator(":focus").isChecked()).toBe(false);
      expect(await page.locator("[data-testid=reps] .check.all input").isChecked()).toBe(false);
      await page.keyboard.press("Tab");
      const next = (await focused(page)).label.trim();
      expect(next).not.toBe("Anna");
      expect(next).not.toBe("");
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Space");

      // Build by keyboard: focus stays on Build while it runs and after.
      await tabTo(page, (f) => f.testid === "build");
      o.rpc.delayMs = 60;
      await page.keyboard.press("Enter");
      await page.locator("[data-testid=progress]").waitFor();
      expect((await focused(page)).testid).toBe("build");
      await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
      expect((await focused(page)).testid).toBe("build");
      // The first result is the next stop; Enter opens it.
      await page.keyboard.press("Tab");
      expect((await focused(page)).testid).toBe("sheet-link");
      const firstSheet = (await page.locator(":focus").textContent()) ?? "";
      await page.keyboard.press("Enter");
      await expect.poll(() => world.services.spreadsheet.active?.name).toBe(firstSheet);
      await shot(page, "kbd-02-built", false);

      // The help and back: focus lands on the search, then back on the help button.
      await tabTo(page, (f) => f.testid === "help");
      await page.keyboard.press("Enter");
      expect((await focused(page)).focus).toBe("help-search");
      await page.keyboard.type("FUN");
      expect((await focused(page)).focus).toBe("help-search");
      await page.keyboard.press("Shift+Tab");
      expect((await focused(page)).testid).toBe("back");
      await page.keyboard.press("Enter");
      expect((await focused(page)).testid).toBe("help");
      expect(o.pageErrors).toEqual([]);
    } finally {
      await close(o);
    }
  });

  it("every stop of the Tab order shows a focus ring, and focus never falls to the page", async () => {
    const world = makeWorld({ Pipeline: mavenPipeline(120), Notes: NOTES }, { locale: "ru_RU" });
    const o = await openSidebar(browser, world);
    const { page } = o;
    try {
      await ready(page);
      await page.locator("[data-testid=columns-toggle]").first().click();
      await page.locator("body").click({ position: { x: 1, y: 1 } });
      const seen = new Set<string>();
      for (let i = 0; i < 120; i++) {
        await page.keyboard.press("Tab");
        const stop = await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          if (e === document.body) return null;
          // The hidden period radio shows its ring on its label.
          const shown = e.matches(".seg input") ? (e.closest("label") as HTMLElement) : e;
          const style = getComputedStyle(shown);
          const key = `${e.tagName}:${e.dataset.testid ?? ""}:${e.dataset.focus ?? ""}:${e.getAttribute("aria-label") ?? ""}:${e.closest("label")?.textContent ?? ""}`;
          return {
            key,
            ring: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
          };
        });
        if (stop === null) break; // past the last control (Chromium leaves the page)
        expect(stop.ring, `focus ring on ${stop.key}`).toBe(true);
        if (seen.has(stop.key)) break;
        seen.add(stop.key);
      }
      expect(seen.size).toBeGreaterThan(10);
    } finally {
      await close(o);
    }
  });
});
