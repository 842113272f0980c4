/**
 * One "world" for a browser test: the fake spreadsheet with its services, the UI fakes, the
 * built bundle loaded over them, and a page showing the sidebar the bundle serves.
 */
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { createFakeServices, type FakeServices } from "../fakes/spreadsheet";
import { callTop, type GasContext, loadCode, ROOT } from "../server/dist";
import { fakeHtmlService, fakeUi, type UiLog } from "../server/gas-ui";
import { type Bridge, bridge, serve } from "./bridge";

export const ARTIFACTS = join(ROOT, "test-artifacts/browser");

export interface World {
  services: FakeServices;
  ctx: GasContext;
  ui: UiLog;
}

export function makeWorld(
  sheets: Record<string, unknown[][]>,
  opts: { locale?: string; timeZone?: string } = {},
): World {
  const services = createFakeServices({
    sheets,
    timeZone: opts.timeZone ?? "Europe/Kyiv",
    locale: opts.locale ?? "en_US",
  });
  const { ui, log } = fakeUi();
  (services.globals.SpreadsheetApp as Record<string, unknown>).getUi = () => ui;
  const ctx = loadCode({ ...services.globals, HtmlService: fakeHtmlService() });
  return { services, ctx, ui: log };
}

export interface Opened {
  page: Page;
  rpc: Bridge;
  server: Server;
  pageErrors: string[];
  dialogs: string[];
}

/** Runs the menu's "Open sidebar" in the bundle and loads the HTML it shows, 300 px wide. */
export async function openSidebar(
  browser: Browser,
  world: World,
  view: "sidebar" | "help" = "sidebar",
  opts: { zoom?: 1 | 2 } = {},
): Promise<Opened> {
  callTop(world.ctx, view === "help" ? "showFormulaHelp" : "showSidebar");
  const list = view === "help" ? world.ui.dialogs : world.ui.sidebars;
  const shown = list[list.length - 1];
  expect(shown, "the bundle showed the HTML").toBeTruthy();
  const html = shown!.html;
  const { url, server } = await serve(() => html);
  // 200% zoom: half the CSS pixels, each drawn twice as large.
  const page = await browser.newPage(
    opts.zoom === 2
      ? { viewport: { width: 150, height: 380 }, deviceScaleFactor: 2 }
      : { viewport: { width: 300, height: 760 } },
  );
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Nothing but the local page may load: no network, no external files.
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(url)) return route.continue();
    return route.abort();
  });
  const rpc = await bridge(page, () => world.ctx);
  await page.goto(url);
  return { page, rpc, server, pageErrors, dialogs };
}

export async function close(o: Opened): Promise<void> {
  await o.page.close();
  await new Promise<void>((ok) => o.server.close(() => ok()));
}

/**
 * Saves a screenshot under test-artifacts/browser/: the whole page (the sticky action area put
 * back in its place, or a full-page capture would paint it over the middle), or the viewport.
 */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  if (!fullPage) {
    await page.screenshot({ path });
    return;
  }
  const style = await page.addStyleTag({
    content: ".actions{position:static!important;box-shadow:none!important}",
  });
  await page.screenshot({ path, fullPage });
  await style.evaluate((e) => (e as Element).remove());
}

/** No horizontal scroll at the sidebar's 300 px. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const [scroll, client] = await page.evaluate(() => {
    const el = document.scrollingElement as HTMLElement;
    return [el.scrollWidth, el.clientWidth];
  });
  expect(scroll, "horizontal scroll at 300 px").toBeLessThanOrEqual(client);
}

/** Waits until the sidebar has loaded its state (or shown an error) and is not busy. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const area = document.querySelector<HTMLElement>("[data-testid=actions]");
    if (area?.dataset.state !== "idle") return false;
    return (
      document.querySelector("[data-testid=tabs]") !== null ||
      document.querySelector(".msg.error") !== null
    );
  });
}
