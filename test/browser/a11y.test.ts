/**
 * The sidebar for screen-reader users and at 200% zoom, on the BUILT dist/sidebar.html:
 * axe-core (WCAG 2.1 A/AA) in every state and language, one status region and one alert and
 * nothing else live, the bundle's size, and words that wrap whole at 300 px and at 200%.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/i18n";
import { ensureBuilt, readDist } from "../server/dist";
import { axeViolations, brokenWords, liveRegions, weakBorders } from "./a11y";
import { launch } from "./bridge";
import { callsWithOddRep, mavenPipeline, NOTES, stageLog } from "./fixtures";
import { close, expectNoHorizontalScroll, makeWorld, openSidebar, ready, shot } from "./world";

let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const LOCALE: Record<Lang, string> = { en: "en_US", ru: "ru_RU", uk: "uk_UA" };

/** Stage names in each language, long enough to wrap at 200%. */
const STAGES: Record<Lang, string[]> = {
  en: ["New lead", "Qualification", "Proposal sent", "Negotiation", "Won"],
  ru: ["Новый лид", "Квалификация", "Коммерческое предложение", "Переговоры", "Успешно"],
  uk: ["Новий лід", "Кваліфікація", "Комерційна пропозиція", "Перемовини", "Успішно"],
};

async function expectAxeClean(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe in state "${state}"`).toEqual([]);
}

describe("axe-core: no WCAG 2.1 A/AA violation in any state", () => {
  for (const lang of ["en", "ru", "uk"] as const) {
    it(`every state, ${lang}`, async () => {
      const world = makeWorld(
        {
          Pipeline: stageLog(STAGES[lang], ["Anna Karenina", "Boris"], ["Web", "Referral"]),
          Calls: callsWithOddRep(),
          Notes: NOTES,
        },
        { locale: LOCALE[lang] },
      );
      const o = await openSidebar(browser, world);
      const { page } = o;
      try {
        await ready(page);
        await expectAxeClean(page, "initial");
        expect(await weakBorders(page), "control borders below 3:1").toEqual([]);

        await page.locator("[data-testid=columns-toggle]").first().click();
        await page.locator("[data-testid=columns]").first().waitFor();
        await expectAxeClean(page, "columns open");
        expect(await weakBorders(page), "control borders below 3:1, columns open").toEqual([]);

        // A date that cannot be read is marked and explained.
        await page.locator("[data-testid=from]").fill("31.02.2026x");
        await page.locator("[data-testid=from]").press("Tab");
        await expect
          .poll(() => page.locator("[data-testid=from]").getAttribute("aria-invalid"))
          .toBe("true");
        await expectAxeClean(page, "invalid date");
        await page.locator("[data-testid=from]").fill("");
        await page.locator("[data-testid=from]").press("Tab");

        o.rpc.delayMs = 200;
        await page.locator("[data-testid=build]").click();
        await page.locator("[data-testid=progress]").waitFor();
        await expectAxeClean(page, "building");
        await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
        o.rpc.delayMs = 20;
        await expectAxeClean(page, "built");
        await shot(page, `a11y-${lang}-built-viewport`, false);

        world.services.r.failAtWrite(2);
        await page.locator("[data-testid=build]").click();
        await page.locator(".msg.error").waitFor({ timeout: 60_000 });
        await expectAxeClean(page, "error");
        await shot(page, `a11y-${lang}-error-viewport`, false);

        await page.locator("[data-testid=help]").click();
        await page.locator("[data-testid=help-loaded]").waitFor({ state: "attached" });
        await expectAxeClean(page, "formula help");
        expect(o.pageErrors).toEqual([]);
      } finally {
        await close(o);
      }
    });
  }

  it("the empty state and the help dialog", async () => {
    const world = makeWorld({ Лист1: NOTES }, { locale: "ru_RU" });
    const o = await openSidebar(browser, world);
    try {
      await ready(o.page);
      expect(await o.page.locator("[data-testid=build]").isDisabled()).toBe(true);
      await expectAxeClean(o.page, "empty");
      // The probe does see problems: the old look (grey #80868b text, an unlabelled select).
      await o.page.evaluate(() => {
        const p = document.createElement("p");
        p.textContent = "Notes";
        p.style.color = "#aab0b6";
        const sel = document.createElement("select");
        sel.append(new Option("x"));
        document.querySelector("main")!.append(p, sel);
      });
      const seen = (await axeViolations(o.page)).map((v) => v.split(":")[0]);
      expect(seen).toEqual(expect.arrayContaining(["color-contrast", "select-name"]));
    } finally {
      await close(o);
    }
    const help = await openSidebar(browser, world, "help");
    try {
      await help.page.locator("[data-testid=help-loaded]").waitFor({ state: "attached" });
      await expectAxeClean(help.page, "help dialog");
    } finally {
      await close(help);
    }
  });
});

describe("live regions", () => {
  it("a build announces its progress through the one status region only", async () => {
    const world = makeWorld({ Pipeline: mavenPipeline(120), Notes: NOTES });
    const o = await openSidebar(browser, world);
    const { page, rpc } = o;
    try {
      await ready(page);
      // One status, one alert, nothing else live (the page itself is not a live region).
      expect((await liveRegions(page)).sort()).toEqual(["alert#error", "status#status"]);

      // Record every text change inside any live region, and the progress bar's values.
      await page.evaluate(() => {
        const w = window as unknown as { __live: string[]; __bar: string[] };
        w.__live = [];
        w.__bar = [];
        const liveOf = (n: Node | null) =>
          (n instanceof Element ? n : n?.parentElement)?.closest(
            "[aria-live], [role=status], [role=alert], [role=log]",
          ) as HTMLElement | null;
        const last = new Map<Element, string>();
        for (const e of document.querySelectorAll("[role=status], [role=alert]")) {
          last.set(e, e.textContent ?? "");
        }
        new MutationObserver((records) => {
          for (const r of records) {
            const live = liveOf(r.target);
            // A region whose text changed: what a screen reader would say.
            if (live && last.get(live) !== live.textContent) {
              last.set(live, live.textContent ?? "");
              w.__live.push(`${live.getAttribute("role")}:${live.textContent}`);
            }
            const bar = document.querySelector("[role=progressbar]");
            if (bar) {
              const v = `${bar.getAttribute("aria-valuenow")}/${bar.getAttribute("aria-valuemax")} ${bar.getAttribute("aria-valuetext")}`;
              if (w.__bar[w.__bar.length - 1] !== v) w.__bar.push(v);
            }
          }
        }).observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
      });
      rpc.delayMs = 100;
      await page.locator("[data-testid=build]").click();
      await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
      const { live, bar } = await page.evaluate(() => {
        const w = window as unknown as { __live: string[]; __bar: string[] };
        return { live: w.__live, bar: w.__bar };
      });
      const steps = rpc.calls.filter((c) => c.name === "buildStep").length;
      expect(steps).toBeGreaterThan(1);
      // Only the status region spoke: each step once, in order, then the result.
      expect(live.filter((l) => !l.startsWith("status:"))).toEqual([]);
      const said = live.map((l) => l.slice("status:".length)).filter((l) => l.startsWith("Step "));
      expect(said.map((l) => l.split(" · ")[0])).toEqual(
        Array.from({ length: steps }, (_, i) => `Step ${i + 1} of ${steps}`),
      );
      expect(live[live.length - 1]).toMatch(/^status:The report is ready\./);
      // A real progress bar: value and text for every step.
      const valued = bar.filter((b) => !b.startsWith("0/0"));
      expect(valued.map((b) => b.split(" ")[0])).toEqual(
        Array.from({ length: steps }, (_, i) => `${i}/${steps}`),
      );
      expect(valued[0]).toContain("Step 1 of");
    } finally {
      await close(o);
    }
  });
});

describe("the built page", () => {
  it("is one self-contained file of at most 80 KiB", () => {
    const html = readDist("sidebar.html");
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(80 * 1024);
    expect(html).not.toMatch(/<link\b|<script[^>]*\bsrc=|@import|url\(\s*["']?(?:https?:)?\/\//i);
  });

  for (const lang of ["en", "ru", "uk"] as const) {
    it(`wraps words whole at 300 px and at 200% zoom, ${lang}`, async () => {
      for (const zoom of [1, 2] as const) {
        const world = makeWorld(
          {
            "Sales pipeline": stageLog(STAGES[lang], ["Anna Karenina", "Boris"], ["Web"]),
            Calls: callsWithOddRep(),
          },
          { locale: LOCALE[lang] },
        );
        const o = await openSidebar(browser, world, "sidebar", { zoom });
        const { page } = o;
        try {
          await ready(page);
          await page.locator("[data-testid=columns-toggle]").first().click();
          const tag = zoom === 2 ? "zoom200" : "300px";
          await shot(page, `${tag}-${lang}-sidebar`);
          await expectNoHorizontalScroll(page);
          expect(await brokenWords(page), `words broken at zoom ${zoom}`).toEqual([]);
          // Stage names whole, never cut to "Qua…".
          const cut = await page
            .locator("[data-testid=stage] .stage-name")
            .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
          expect(cut).toBe(0);
          await page.locator("[data-testid=build]").click();
          await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
          expect(await brokenWords(page), `words broken at zoom ${zoom}, built`).toEqual([]);
          await shot(page, `${tag}-${lang}-built-viewport`, false);
        } finally {
          await close(o);
        }
      }
    });
  }
});
