/**
 * The sidebar's server functions, called as google.script.run calls them: on the BUILT bundle,
 * with JSON strings in; every result must be plain JSON (no Date) and every failure one sentence.
 */
import { describe, expect, it } from "vitest";
import type {
  BuildRequest,
  BuildStart,
  BuildStepResult,
  SidebarState,
  TemplateResult,
} from "../../src/shared/wire";
import { templatePlan } from "../../src/template/plan";
import { createFakeServices } from "../fakes/spreadsheet";
import { callTop, type GasContext, loadCode } from "./dist";
import { fakeHtmlService, fakeUi } from "./gas-ui";
import { wireProblems } from "./wire";

function world(sheets: Record<string, unknown[][]>, locale = "en_US") {
  const services = createFakeServices({ sheets, locale, timeZone: "Europe/Kyiv" });
  const { ui, log } = fakeUi();
  (services.globals.SpreadsheetApp as Record<string, unknown>).getUi = () => ui;
  const ctx = loadCode({ ...services.globals, HtmlService: fakeHtmlService() });
  return { services, ctx, ui: log };
}

/** Calls like google.script.run: JSON in, and the result must survive JSON unchanged. */
function rpc<T>(ctx: GasContext, name: string, ...args: unknown[]): T {
  const value = callTop(ctx, name, ...JSON.parse(JSON.stringify(args)));
  expect(wireProblems(value, name)).toEqual([]);
  expect(JSON.parse(JSON.stringify(value ?? null))).toEqual(value ?? null);
  return value as T;
}

function failure(ctx: GasContext, name: string, ...args: unknown[]): string {
  try {
    callTop(ctx, name, ...args);
  } catch (e) {
    return String((e as Error).message);
  }
  throw new Error(`${name} did not fail`);
}

/** Deals with Date objects in the cells, as Sheets returns them. */
function dealsTab(): unknown[][] {
  const rows: unknown[][] = [["Deal ID", "Created", "Rep", "Source", "Stage", "Amount"]];
  const stages = ["Lead", "Meeting", "Proposal", "Won", "Lost"];
  for (let i = 0; i < 30; i++) {
    rows.push([
      `D${i}`,
      new Date(Date.UTC(2026, 0, 3 + i, 9)),
      i % 2 ? "Anna" : "Boris",
      i % 3 ? "Website" : "Referral",
      stages[i % stages.length],
      1000 + i * 10,
    ]);
  }
  return rows;
}

describe("RPC shapes", () => {
  it("sidebarState is plain JSON with ISO dates, and knows the tabs", () => {
    const w = world({ Deals: dealsTab(), Notes: [["a"]] });
    const s = rpc<SidebarState>(w.ctx, "sidebarState", "");
    expect(s.lang).toBe("en");
    expect(s.tabs.map((t) => t.name)).toEqual(["Deals", "Notes"]);
    expect(s.tabs[0]!.kind).toBe("deals");
    expect(s.tabs[1]!.kind).toBeNull();
    expect(s.reps).toEqual(["Anna", "Boris"]);
    expect(s.sources).toEqual(["Referral", "Website"]);
    // Where the stages come from, one plain sentence in the UI language (issue 11).
    expect(s.stageSource).toBe(
      'The stages come from the column "Stage" of "Deals", in the usual order of sales stages.',
    );
    expect(s.dateBounds.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.dateBounds.to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.dateBounds.from! <= s.dateBounds.to!).toBe(true);
    expect(s.kinds.map((k) => k.kind)).toEqual(
      expect.arrayContaining(["calls", "deals", "stageLog", "timeLog", "plan", "checklist"]),
    );
  });

  it("a build runs step by step and returns the new sheets", () => {
    const w = world({ Deals: dealsTab() });
    const state = rpc<SidebarState>(w.ctx, "sidebarState", "");
    const req: BuildRequest = {
      tabs: state.tabs.map((t) => ({ name: t.name, kind: t.kind, columns: t.columns })),
      stages: state.stages,
      settings: { lang: "en", period: "week" },
    };
    const start = rpc<BuildStart>(w.ctx, "startBuild", JSON.stringify(req));
    expect(typeof start.buildId).toBe("string");
    expect(start.steps.length).toBeGreaterThan(1);
    let last: BuildStepResult = { done: false };
    for (let i = 0; i < start.steps.length && !last.done; i++) {
      last = rpc<BuildStepResult>(w.ctx, "buildStep", start.buildId, i);
    }
    expect(last.done).toBe(true);
    const sheets = last.result!.sheets;
    expect(sheets.map((s) => s.key)).toContain("funnel");
    for (const s of sheets) {
      expect(w.services.spreadsheet.getSheetById(s.sheetId)?.name).toBe(s.name);
    }
    const opened = rpc<{ name: string }>(w.ctx, "openSheet", sheets[0]!.sheetId);
    expect(opened.name).toBe(sheets[0]!.name);
    expect(w.services.spreadsheet.active?.name).toBe(sheets[0]!.name);
    // The choices were remembered in the settings tab: a new state returns them.
    const again = rpc<SidebarState>(w.ctx, "sidebarState", "");
    expect(again.settings.period).toBe("week");
  });

  it("saveSettings keeps only well-formed settings", () => {
    const w = world({ Deals: dealsTab() });
    rpc(w.ctx, "saveSettings", JSON.stringify({ lang: "uk", period: "nope", from: "2026-01-01" }));
    const s = rpc<SidebarState>(w.ctx, "sidebarState", "");
    expect(s.lang).toBe("uk");
    expect(s.settings).toMatchObject({ lang: "uk", from: "2026-01-01" });
    expect(s.settings.period).toBeUndefined();
  });

  it("the Roles sheet's norms are kept in the settings tab and used by the build", () => {
    const plan = templatePlan("en", 20_500);
    const w = world(Object.fromEntries(plan.tabs.map((t) => [t.name, [t.header, ...t.rows]])));
    rpc(
      w.ctx,
      "saveSettings",
      JSON.stringify({ roleNorms: { bookedMin: 1, bookedMax: "2", heldMin: -1 } }),
    );
    const state = rpc<SidebarState>(w.ctx, "sidebarState", "");
    expect(state.settings.roleNorms).toEqual({ bookedMin: 1, bookedMax: 2 });
    // The sidebar sends its own settings without norms: the stored ones stay and are used.
    const req: BuildRequest = {
      tabs: state.tabs.map((t) => ({ name: t.name, kind: t.kind, columns: t.columns })),
      stages: state.stages,
      settings: { lang: "en", period: "month" },
    };
    const start = rpc<BuildStart>(w.ctx, "startBuild", JSON.stringify(req));
    let last: BuildStepResult = { done: false };
    for (let i = 0; i < start.steps.length && !last.done; i++)
      last = rpc<BuildStepResult>(w.ctx, "buildStep", start.buildId, i);
    expect(last.result!.sheets.map((s) => s.key)).toContain("roles");
    const roles = JSON.stringify(w.services.spreadsheet.getSheetByName("Roles")!.snapshot());
    expect(roles).toContain("Booked a day (Norm 1–2)");
    expect(roles).toContain("Held a day (Norm 3)");
    expect(rpc<SidebarState>(w.ctx, "sidebarState", "").settings.roleNorms).toEqual({
      bookedMin: 1,
      bookedMax: 2,
    });
  });

  it("roles set in the sidebar are kept in the settings tab and give the Roles sheet", () => {
    const plan = templatePlan("en", 20_500);
    const tabs = plan.tabs.filter((t) => t.kind !== "team");
    const w = world(Object.fromEntries(tabs.map((t) => [t.name, [t.header, ...t.rows]])));
    const state = rpc<SidebarState>(w.ctx, "sidebarState", "");
    expect(state.roles).toEqual([]);
    const req: BuildRequest = {
      tabs: state.tabs.map((t) => ({ name: t.name, kind: t.kind, columns: t.columns })),
      settings: { lang: "en", period: "month" },
      roles: [
        { rep: "Anna", role: "SDR" },
        { rep: "Boris", role: "хантер" },
        { rep: "Chen", role: "nobody" },
      ],
    };
    const start = rpc<BuildStart>(w.ctx, "startBuild", JSON.stringify(req));
    let last: BuildStepResult = { done: false };
    for (let i = 0; i < start.steps.length && !last.done; i++)
      last = rpc<BuildStepResult>(w.ctx, "buildStep", start.buildId, i);
    expect(last.result!.sheets.map((s) => s.key)).toContain("roles");
    const roles = JSON.stringify(w.services.spreadsheet.getSheetByName("Roles")!.snapshot());
    expect(roles).toContain("Hunters: meetings held");
    const settings = w.services.spreadsheet.getSheetByName("Voronka settings")!.snapshot();
    expect(settings.filter((r) => r[0] === "role").map((r) => r.slice(0, 3))).toEqual([
      ["role", "Anna", "sdr"],
      ["role", "Boris", "hunter"],
    ]);
    expect(rpc<SidebarState>(w.ctx, "sidebarState", "").roles).toEqual([
      { rep: "Anna", role: "sdr" },
      { rep: "Boris", role: "hunter" },
    ]);
  });

  it("createTemplate is plain JSON", () => {
    const w = world({ Sheet1: [[""]] });
    const t = rpc<TemplateResult>(w.ctx, "createTemplate");
    expect(t.sheets.length).toBeGreaterThan(6);
  });

  it("failures are one localized sentence", () => {
    const w = world({ Deals: dealsTab() }, "ru_RU");
    const bad = failure(w.ctx, "startBuild", "{not json");
    expect(bad).toMatch(/^[А-ЯЁ].*[.!]$/);
    expect(bad).not.toMatch(/\n|\bat\s|Error/);
    const gone = failure(w.ctx, "openSheet", 987654);
    expect(gone).toMatch(/лист/i);
    const stale = failure(w.ctx, "buildStep", "no-such-build", 1);
    expect(stale).not.toMatch(/\n|\bat\s|TypeError/);
  });

  it("a service failure mid-build is the build sentence, and the spreadsheet is as it was", () => {
    const w = world({ Deals: dealsTab() }, "uk_UA");
    const state = rpc<SidebarState>(w.ctx, "sidebarState", "");
    const req: BuildRequest = {
      tabs: state.tabs.map((t) => ({ name: t.name, kind: t.kind, columns: t.columns })),
      settings: {},
    };
    const start = rpc<BuildStart>(w.ctx, "startBuild", JSON.stringify(req));
    rpc(w.ctx, "buildStep", start.buildId, 0);
    const before = w.services.spreadsheet.snapshot();
    w.services.r.failAtWrite(2);
    const msg = failure(w.ctx, "buildStep", start.buildId, 1);
    expect(msg).toBe("Звіт не вдалося побудувати; таблиця лишилася без змін. Спробуйте ще раз.");
    expect(w.services.spreadsheet.snapshot()).toEqual(before);
  });

  it("a report too big for the spreadsheet is refused with what to narrow, not 'try again'", () => {
    const w = world({ Deals: dealsTab() }, "ru_RU");
    // The user's other sheets fill the spreadsheet to a few thousand cells under 10 million.
    w.services.spreadsheet.addSheet("Big").maxRows = Math.floor(9_990_000 / 26);
    const state = rpc<SidebarState>(w.ctx, "sidebarState", "");
    const req: BuildRequest = {
      tabs: state.tabs.map((t) => ({ name: t.name, kind: t.kind, columns: t.columns })),
      settings: {},
    };
    const start = rpc<BuildStart>(w.ctx, "startBuild", JSON.stringify(req));
    const before = w.services.spreadsheet.snapshot();
    const msg = failure(w.ctx, "buildStep", start.buildId, 0);
    expect(msg).toMatch(/^Отчёту нужно [\d\s\u00a0]+ ячеек, а в этой таблице осталось место лишь/);
    expect(msg).toContain("Сузьте отчёт");
    expect(msg).not.toMatch(/Попробуйте ещё раз/);
    expect(w.services.spreadsheet.snapshot()).toEqual(before);
  });

  it("showSidebar and showFormulaHelp serve the one HTML file in the user's language", () => {
    const w = world({ Deals: dealsTab() }, "uk_UA");
    callTop(w.ctx, "showSidebar");
    expect(w.ui.sidebars).toHaveLength(1);
    expect(w.ui.sidebars[0]!.html).toContain('<html lang="uk">');
    expect(w.ui.sidebars[0]!.html).toContain('data-view="sidebar"');
    expect(w.ui.sidebars[0]!.title).toBe("Воронка");
    callTop(w.ctx, "showFormulaHelp");
    expect(w.ui.dialogs).toHaveLength(1);
    expect(w.ui.dialogs[0]!.html).toContain('data-view="help"');
    expect(w.ui.dialogs[0]!.title).toBe("Воронка: довідка з формул");
  });

  it("the viewport is set through HtmlOutput.addMetaTag (HtmlService ignores <meta> in the file)", () => {
    const w = world({ Deals: dealsTab() }, "en_US");
    callTop(w.ctx, "showSidebar");
    callTop(w.ctx, "showFormulaHelp");
    const viewport = [{ name: "viewport", content: "width=device-width, initial-scale=1" }];
    for (const served of [w.ui.sidebars[0]!, w.ui.dialogs[0]!]) {
      expect(served.metaTags).toEqual(viewport);
      expect(served.html).not.toMatch(/<meta\b/i);
    }
  });
});
