/**
 * The sidebar in headless Chromium, against the BUILT add-on: dist/sidebar.html as the bundle
 * serves it, google.script.run bridged to dist/Code.js in a node:vm over the fake spreadsheet.
 * Screenshots of every step go to test-artifacts/browser/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../src/functions/registry";
import { KIND_FIELDS } from "../../src/model/index";
import { templatePlan } from "../../src/template/plan";
import { ensureBuilt } from "../server/dist";
import { launch } from "./bridge";
import { callsWithOddRep, HOSTILE, mavenPipeline, NOTES, stageLog } from "./fixtures";
import {
  close,
  expectNoHorizontalScroll,
  makeWorld,
  openSidebar,
  ready,
  shot,
  type World,
} from "./world";

let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

async function step(page: Page, name: string): Promise<void> {
  await expectNoHorizontalScroll(page);
  await shot(page, name);
}

/** Report sheets in the fake, by name: visible sheets the raw tabs did not have. */
function newSheets(world: World, before: string[]): string[] {
  return world.services.spreadsheet.sheets
    .filter((s) => !before.includes(s.name) && !s.isSheetHidden())
    .map((s) => s.name);
}

describe("sidebar flow (English)", () => {
  it("opens, detects, takes a corrected mapping, reorders, builds and opens a report sheet", async () => {
    const world = makeWorld({
      Pipeline: mavenPipeline(240),
      Calls: callsWithOddRep(),
      Notes: NOTES,
    });
    const before = world.services.spreadsheet.sheets.map((s) => s.name);
    const o = await openSidebar(browser, world);
    const { page, rpc } = o;
    try {
      await ready(page);
      expect(await page.locator("h1").textContent()).toBe("Voronka");
      const tabNames = await texts(page, "[data-testid=tab] .tab-name");
      expect(tabNames).toEqual(expect.arrayContaining(["Pipeline", "Calls", "Notes"]));
      await step(page, "flow-01-open");

      // Detection: the pipeline is deals; the notes are not used; the calls tab is not
      // recognised as calls, since its rep column is called "Who called".
      const tabByName = (name: string) =>
        page.locator("[data-testid=tab]", {
          has: page.locator(".tab-name", { hasText: new RegExp(`^${name}$`) }),
        });
      const kindOf = (name: string) => tabByName(name).locator("select.kind").inputValue();
      expect(await kindOf("Pipeline")).toBe("deals");
      expect(await kindOf("Notes")).toBe("");
      expect(await kindOf("Calls")).not.toBe("calls");

      // Correct the kind: the known columns are found, the rep is named as missing.
      const calls = tabByName("Calls");
      await calls.locator("select.kind").selectOption("calls");
      await ready(page);
      expect(await kindOf("Calls")).toBe("calls");
      const missingText = await calls.locator("[data-testid=missing]").textContent();
      expect(missingText).toContain("Rep");
      // The note is read with its dropdown.
      const describedBy = await calls.locator("select.kind").getAttribute("aria-describedby");
      expect(await calls.locator("[data-testid=missing]").getAttribute("id")).toBe(describedBy);
      await calls.locator("[data-testid=columns-toggle]").click();
      expect(await calls.locator('select[data-field="date"]').inputValue()).toBe("0");
      await step(page, "flow-02-kind-corrected");

      // Correct the mapping: "Who called" is the rep.
      expect(KIND_FIELDS.calls.find((f) => f.key === "rep")?.required).toBe(true);
      await calls.locator('select[data-field="rep"]').selectOption({ label: "Who called" });
      await ready(page);
      await expect.poll(() => calls.locator("[data-testid=missing]").count()).toBe(0);
      expect(await calls.locator('select[data-field="rep"]').inputValue()).toBe("1");
      // The reps the calls brought in are listed and chosen, like the rest.
      await expect
        .poll(() => texts(page, "[data-testid=reps] .check:not(.all) span"))
        .toEqual(expect.arrayContaining(["Anna", "Boris", "Chen"]));
      expect(await page.locator("[data-testid=reps] .check.all input").isChecked()).toBe(true);
      await step(page, "flow-03-mapping-corrected");
      // The correction is remembered at once, in the visible settings tab.
      const settingsRows = () =>
        (world.services.spreadsheet.getSheetByName("Voronka settings")?.snapshot() ?? []).map((r) =>
          r.join("|"),
        );
      await expect.poll(settingsRows).toEqual(expect.arrayContaining(["column|Calls|rep|2"]));

      // Stages: listed top to bottom; move the second one up and back.
      const stages = await texts(page, "[data-testid=stage] .stage-name");
      expect(stages.length).toBeGreaterThanOrEqual(2);
      await page.locator("[data-testid=stage]").nth(1).locator("[data-testid=up]").click();
      expect(await texts(page, "[data-testid=stage] .stage-name")).toEqual([
        stages[1],
        stages[0],
        ...stages.slice(2),
      ]);
      await page.locator("[data-testid=stage]").nth(0).locator("[data-testid=down]").click();
      expect(await texts(page, "[data-testid=stage] .stage-name")).toEqual(stages);

      // Options: weekly, reps listed from the data.
      await page.locator("label.seg", { hasText: "Week" }).click();
      const reps = await texts(page, "[data-testid=reps] .check:not(.all) span");
      expect(reps).toEqual(expect.arrayContaining(["Anna", "Boris"]));
      await step(page, "flow-04-options");

      // Build: a double click starts one build; progress shows each step; then the links.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { __progress: string[] }).__progress = seen;
        new MutationObserver(() => {
          const label = document.querySelector("[data-testid=progress-label]")?.textContent ?? "";
          if (label && seen[seen.length - 1] !== label) seen.push(label);
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      rpc.delayMs = 150;
      await page.locator("[data-testid=build]").dblclick();
      await expect
        .poll(() => page.locator("[data-testid=progress-label]").textContent())
        .toMatch(/^Step 2 of \d+/);
      await step(page, "flow-05-building");
      await shot(page, "flow-05-building-viewport", false);
      await page.locator("[data-testid=build]").click({ force: true });
      await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
      await step(page, "flow-06-built");
      expect(rpc.calls.filter((c) => c.name === "startBuild")).toHaveLength(1);
      const stepsRun = rpc.calls.filter((c) => c.name === "buildStep");
      expect(stepsRun.length).toBeGreaterThan(1);
      expect(stepsRun.map((c) => c.args[1])).toEqual(stepsRun.map((_, i) => i));
      const progress = await page.evaluate(
        () => (window as unknown as { __progress: string[] }).__progress,
      );
      const numbered = progress.filter((p) => p.startsWith("Step "));
      expect(numbered.map((p) => p.split(" · ")[0])).toEqual(
        stepsRun.map((_, i) => `Step ${i + 1} of ${stepsRun.length}`),
      );
      expect(rpc.calls.filter((c) => !c.ok)).toEqual([]);

      // The report sheets are in the spreadsheet, and the links name them.
      const links = await texts(page, "[data-testid=sheet-link]");
      expect(links.length).toBeGreaterThan(0);
      const added = newSheets(world, before);
      expect(added).toEqual(expect.arrayContaining(links));
      const keys = await page
        .locator("[data-testid=sheet-link]")
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.sheetKey));
      expect(keys).toContain("funnel");
      // The raw tabs were not written.
      expect(world.services.spreadsheet.getSheetByName("Notes")!.snapshot()).toEqual(NOTES);

      // A link opens its sheet.
      const last = links[links.length - 1]!;
      await page.locator("[data-testid=sheet-link]", { hasText: last }).click();
      await expect.poll(() => world.services.spreadsheet.active?.name).toBe(last);

      // Nothing the bridge carried was a Date or other non-JSON value.
      expect(rpc.violations).toEqual([]);
      expect(o.pageErrors).toEqual([]);

      // Reopening shows the remembered choices (weekly) and the corrected mapping.
      await page.reload();
      await ready(page);
      expect(await page.locator("[data-testid=period-week]").isChecked()).toBe(true);
      expect(await kindOf("Calls")).toBe("calls");
      expect(await tabByName("Calls").locator("[data-testid=missing]").count()).toBe(0);
      // …and they are in the visible settings tab.
      const settings = world.services.spreadsheet.getSheetByName("Voronka settings");
      expect(settings, "settings tab").toBeTruthy();
      const rows = settings!.snapshot().map((r) => r.join("|"));
      expect(rows).toContain("tab|Calls|calls|1");
      expect(rows).toContain("column|Calls|rep|2");
      await step(page, "flow-07-reopened");
    } finally {
      await close(o);
    }
  });
});

describe("hostile names", () => {
  it("shows sheet names, headers and stage names literally and runs none of them", async () => {
    const stages = [HOSTILE.img, HOSTILE.script, HOSTILE.quotes, HOSTILE.rtl, HOSTILE.emoji];
    const reps = [HOSTILE.svg, HOSTILE.entity];
    const sources = [HOSTILE.long];
    const log = stageLog(stages, reps, sources);
    // Hostile headers on a second copy of the log (the detector may not know them).
    const oddHeaders = log.map((r, i) =>
      i === 0 ? [HOSTILE.img, HOSTILE.script, HOSTILE.quotes, HOSTILE.emoji, HOSTILE.long] : r,
    );
    const world = makeWorld({
      [HOSTILE.img]: log,
      [HOSTILE.script.slice(0, 90)]: oddHeaders,
      [HOSTILE.quotes]: NOTES,
      [HOSTILE.rtl]: NOTES,
      [HOSTILE.emoji]: NOTES,
      [HOSTILE.long]: NOTES,
    });
    const o = await openSidebar(browser, world);
    const { page } = o;
    try {
      await ready(page);
      const names = await texts(page, "[data-testid=tab] .tab-name");
      for (const n of [
        HOSTILE.img,
        HOSTILE.script.slice(0, 90),
        HOSTILE.quotes,
        HOSTILE.rtl,
        HOSTILE.emoji,
        HOSTILE.long,
      ]) {
        expect(names).toContain(n);
      }
      // Headers show literally as column choices.
      const odd = page.locator("[data-testid=tab]").nth(1);
      if ((await odd.locator("select.kind").inputValue()) === "") {
        await odd.locator("select.kind").selectOption("stageLog");
        await ready(page);
      }
      await page
        .locator("[data-testid=tab]")
        .nth(1)
        .locator("[data-testid=columns-toggle]")
        .click();
      const options = await page
        .locator("[data-testid=tab]")
        .nth(1)
        .locator("select[data-testid=column]")
        .first()
        .locator("option")
        .allTextContents();
      for (const h of [HOSTILE.img, HOSTILE.script, HOSTILE.quotes, HOSTILE.emoji, HOSTILE.long]) {
        expect(options).toContain(h);
      }
      // Stage names show literally.
      const shownStages = await texts(page, "[data-testid=stage] .stage-name");
      for (const s of stages) expect(shownStages).toContain(s);
      const shownReps = await texts(page, "[data-testid=reps] .check:not(.all) span");
      for (const r of reps) expect(shownReps).toContain(r);
      await step(page, "hostile-01-open");

      await page.locator("[data-testid=build]").click();
      await page.locator("[data-testid=result], .msg.error").first().waitFor({ timeout: 60_000 });
      await step(page, "hostile-02-built");

      // No markup from the data became an element, no handler ran, no dialog opened.
      const dom = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
        imgs: document.querySelectorAll("img, svg, iframe, object, embed").length,
        scripts: document.querySelectorAll("script").length,
      }));
      expect(dom).toEqual({ pwned: null, imgs: 0, scripts: 1 });
      expect(o.dialogs).toEqual([]);
      expect(o.pageErrors).toEqual([]);
      expect(o.rpc.violations).toEqual([]);
    } finally {
      await close(o);
    }
  });
});

describe("Russian, template, errors, help", () => {
  it("a tracker creates the template from the sidebar and builds the report in Russian", async () => {
    const mine = [["мои", "заметки"]];
    const world = makeWorld({ Лист1: mine }, { locale: "ru_RU", timeZone: "Europe/Moscow" });
    const o = await openSidebar(browser, world);
    const { page } = o;
    try {
      await ready(page);
      expect(await page.locator("h1").textContent()).toBe("Воронка");
      expect(await page.locator("[data-testid=build]").textContent()).toBe("Построить отчёт");
      // Nothing recognised: Build is off, and the empty state offers the template.
      expect(await page.locator("[data-testid=build]").isDisabled()).toBe(true);
      expect(await page.locator("[data-testid=empty]").textContent()).toContain("шаблон");
      await step(page, "ru-01-empty");

      await page.locator("[data-testid=template-empty]").focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.locator("[role=status]").textContent())
        .toContain("Шаблон добавлен");
      await ready(page);
      // The button went away with the empty state: focus is on the first new tab's kind.
      expect(
        await page.evaluate(() => (document.activeElement as HTMLElement).dataset.testid),
      ).toBe("kind");
      await step(page, "ru-02-template");
      const kinds = await page
        .locator("[data-testid=tab] select.kind")
        .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
      for (const k of ["calls", "deals", "stageLog", "timeLog", "plan", "checklist"]) {
        expect(kinds).toContain(k);
      }
      // The existing sheet was left as it was.
      expect(world.services.spreadsheet.getSheetByName("Лист1")!.snapshot()).toEqual(mine);

      await page.locator("[data-testid=build]").click();
      await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
      await step(page, "ru-03-built");
      const links = await texts(page, "[data-testid=sheet-link]");
      expect(links).toContain("Воронка");
      expect(o.rpc.violations).toEqual([]);
      expect(o.pageErrors).toEqual([]);
    } finally {
      await close(o);
    }
  });

  it("a failed build is one sentence in the user's language, never a stack trace", async () => {
    const log = stageLog(["Лід", "Зустріч", "Оплата"], ["Оксана"], ["Сайт"]);
    const world = makeWorld({ Етапи: log }, { locale: "uk_UA" });
    const o = await openSidebar(browser, world);
    const { page } = o;
    try {
      await ready(page);
      // The spreadsheet service fails on the build's third write (as Sheets may).
      world.services.r.failAtWrite(3);
      await page.locator("[data-testid=build]").click();
      const error = page.locator("[role=alert]");
      await page.locator(".msg.error").waitFor({ timeout: 60_000 });
      const text = (await error.textContent()) ?? "";
      await step(page, "uk-01-error");
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toMatch(/\bat\s|\.(?:js|ts):\d|Error:|Exception|undefined/);
      expect(text).toMatch(/[а-яіїєґ]/i);
      expect(await page.locator("[data-testid=build]").isEnabled()).toBe(true);

      // Switching the language re-renders everything in it, and is remembered.
      await page.locator("[data-testid=lang]").selectOption("en");
      await expect
        .poll(() => page.locator("[data-testid=build]").textContent())
        .toBe("Build report");
      await ready(page);
      await page.reload();
      await ready(page);
      expect(await page.locator("[data-testid=build]").textContent()).toBe("Build report");
      await step(page, "uk-02-switched-to-en");
    } finally {
      await close(o);
    }
  });

  it("the formula help lists every function of the registry", async () => {
    const world = makeWorld({ Notes: NOTES });
    const o = await openSidebar(browser, world, "help");
    const { page } = o;
    try {
      await page.locator("[data-testid=help-loaded]").waitFor({ state: "attached" });
      const names = await texts(page, "[data-testid=fn] .fn-name");
      expect(names).toEqual(FUNCTIONS.map((f) => f.name));
      await step(page, "help-01");
      await page.setViewportSize({ width: 520, height: 560 });
      await shot(page, "help-02-dialog-size", false);
      if (names.length > 1) {
        await page.locator("input.search").fill(names[1]!.slice(0, 6));
        expect((await texts(page, "[data-testid=fn] .fn-name")).length).toBeGreaterThan(0);
      }
      expect(o.pageErrors).toEqual([]);
    } finally {
      await close(o);
    }
  });
});

describe("roles", () => {
  it("the user sets roles in the sidebar, builds, gets the Roles sheet and the roles are kept", async () => {
    const plan = templatePlan("en", 20_500);
    const sheets = Object.fromEntries(
      plan.tabs.filter((t) => t.kind !== "team").map((t) => [t.name, [t.header, ...t.rows]]),
    );
    const world = makeWorld(sheets);
    const o = await openSidebar(browser, world);
    const { page } = o;
    try {
      await ready(page);
      const select = (rep: string) => page.locator(`[data-testid=roles] select[data-rep="${rep}"]`);
      // Closed until asked for: nobody has a role yet.
      expect(await page.locator("[data-testid=roles] select").count()).toBe(0);
      await page.locator("[data-testid=roles-toggle]").click();
      expect(await texts(page, "[data-testid=role] .role-rep")).toEqual(
        expect.arrayContaining(["Anna", "Boris", "Chen"]),
      );
      expect(await select("Anna").inputValue()).toBe("");
      await select("Anna").selectOption("sdr");
      await select("Boris").selectOption("hunter");
      // The norms: empty boxes show the seed's defaults; a typed one is used by the build.
      const norm = (key: string) => page.locator(`[data-testid=norms] input[data-norm="${key}"]`);
      expect(await norm("bookedMin").getAttribute("placeholder")).toBe("3");
      await norm("bookedMin").fill("4");
      await step(page, "roles-01-set");
      await page.locator("[data-testid=build]").click();
      await page.locator("[data-testid=result]").waitFor({ timeout: 60_000 });
      await step(page, "roles-02-built");
      expect(await texts(page, "[data-testid=sheet-link]")).toContain("Roles");
      const rolesSheet = JSON.stringify(
        world.services.spreadsheet.getSheetByName("Roles")!.snapshot(),
      );
      expect(rolesSheet).toContain("Booked a day (Norm 4–5)");
      const settings = world.services.spreadsheet.getSheetByName("Voronka settings")!.snapshot();
      expect(settings.filter((r) => r[0] === "role").map((r) => r.slice(0, 3))).toEqual([
        ["role", "Anna", "sdr"],
        ["role", "Boris", "hunter"],
      ]);
      expect(o.rpc.violations).toEqual([]);
      expect(o.pageErrors).toEqual([]);
    } finally {
      await close(o);
    }
    // Opened again, the sidebar shows the roles that were kept.
    const again = await openSidebar(browser, world);
    try {
      await ready(again.page);
      const role = (rep: string) =>
        again.page.locator(`[data-testid=roles] select[data-rep="${rep}"]`).inputValue();
      expect([await role("Anna"), await role("Boris"), await role("Chen")]).toEqual([
        "sdr",
        "hunter",
        "",
      ]);
      expect(
        await again.page.locator('[data-testid=norms] input[data-norm="bookedMin"]').inputValue(),
      ).toBe("4");
    } finally {
      await close(again);
    }
  });
});
