/**
 * The add-on's build from aggregates tabs (SPEC §8: views a SQL engine computed, brought into the
 * spreadsheet as ordinary tabs) writes the same report sheets, cell by cell, as the build from
 * the raw tabs those aggregates summarise. Through the real pipeline in the typed fake.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildReport } from "../../src/adapters/sheets/build";
import { aggregate } from "../../src/aggregates/memory";
import { VIEWS } from "../../src/aggregates/views";
import { buildModel } from "../../src/model/index";
import type { ReportOptions } from "../../src/report/options";
import { sidebarState } from "../../src/server/sidebar";
import { aggregateWithDuckdb } from "../../src/sql/duckdb";
import { createFakeServices, type FakeServices } from "../fakes/spreadsheet";
import { aggregatesToTabs } from "../support/aggregateTabs";
import { callsTab, dealsTab } from "./helpers";

const OPTIONS: ReportOptions = { lang: "en", period: "month", today: "2026-05-15" };
let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  uninstall = () => {};
});

function setup(sheets: Record<string, unknown[][]>): FakeServices {
  uninstall();
  const fake = createFakeServices({ sheets, timeZone: "Etc/UTC", locale: "en_US" });
  uninstall = fake.install();
  return fake;
}

/** The report sheets as a user sees them: names and cells. */
function reportSheets(f: FakeServices, raw: number) {
  return f.spreadsheet.sheets.slice(raw).map((s) => ({ name: s.name, values: s.snapshot() }));
}

describe("building from aggregates tabs in the spreadsheet", () => {
  const raw = { Deals: dealsTab(1200), Calls: callsTab(300) };

  it("writes the report the raw tabs give, cell by cell", () => {
    const fromRaw = setup(raw);
    expect(buildReport(fromRaw.ss, { options: OPTIONS }).issues).toBe(0);
    const expected = reportSheets(fromRaw, 2);
    expect(expected.map((s) => s.name)).toEqual(["Funnel", "KPI", "Changes"]);

    const tabs = Object.entries(raw).map(([name, values]) => ({ name, values }));
    const agg = aggregate(buildModel(tabs, { timeZone: "Etc/UTC" }).model);
    const viewTabs = aggregatesToTabs(agg, "sheets");
    const fromAgg = setup(Object.fromEntries(viewTabs.map((t) => [t.name, t.values])));
    const res = buildReport(fromAgg.ss, { options: OPTIONS });
    expect(res.issues).toBe(0);
    expect(reportSheets(fromAgg, viewTabs.length)).toEqual(expected);
  });

  it("the views the SQL engine computes (DuckDB running the emitted SQL), as tabs, give it too", async () => {
    const fromRaw = setup(raw);
    buildReport(fromRaw.ss, { options: OPTIONS });
    const expected = reportSheets(fromRaw, 2);
    // The route of the README's BigQuery steps, with DuckDB standing in for BigQuery.
    const tabs = Object.entries(raw).map(([name, values]) => ({ name, values }));
    const built = buildModel(tabs, { timeZone: "Etc/UTC" });
    const viewTabs = aggregatesToTabs(await aggregateWithDuckdb(tabs, built, 60), "sheets");
    const fromSql = setup(Object.fromEntries(viewTabs.map((t) => [t.name, t.values])));
    expect(buildReport(fromSql.ss, { options: OPTIONS }).issues).toBe(0);
    expect(reportSheets(fromSql, viewTabs.length)).toEqual(expected);
  });

  it("with the checklist tab beside the views: the Quality sheet, won against lost too", async () => {
    // Some deals lost; a checklist grading deals by id, one in another case, one naming none.
    const deals = dealsTab(300).map((r, i) =>
      i > 0 && i % 7 === 0 ? [...r.slice(0, 4), "Lost", ""] : r,
    );
    const checklist = [
      ["Deal ID", "Rep", "Greeting", "Next step agreed"],
      ...deals
        .slice(1, 61)
        .map((r, i) => [
          i === 5 ? String(r[0]).toLowerCase() : r[0],
          "",
          i % 3 ? "yes" : "no",
          i % 2 ? "yes" : "no",
        ]),
      ["D-none", "Vera", "yes", "yes"],
    ];
    const withChecklist = { Deals: deals, "Call checklist": checklist };
    const fromRaw = setup(withChecklist);
    buildReport(fromRaw.ss, { options: OPTIONS });
    const expected = reportSheets(fromRaw, 2);
    const quality = expected.find((s) => s.name === "Quality");
    expect(JSON.stringify(quality?.values)).toContain("Checklist score in won and lost deals");
    // The views as DuckDB computes them (the checklist's ids given to it), beside the checklist.
    const tabs = Object.entries(withChecklist).map(([name, values]) => ({ name, values }));
    const built = buildModel(tabs, { timeZone: "Etc/UTC" });
    const viewTabs = aggregatesToTabs(await aggregateWithDuckdb(tabs, built, 60), "sheets");
    expect(viewTabs.map((t) => t.values[0]?.[0])).toContain("graded_id");
    const fromSql = setup({
      ...Object.fromEntries(viewTabs.map((t) => [t.name, t.values])),
      "Call checklist": checklist,
    });
    buildReport(fromSql.ss, { options: OPTIONS });
    const got = reportSheets(fromSql, viewTabs.length + 1);
    expect(got.find((s) => s.name === "Quality")).toEqual(quality);
  });

  it("the sidebar lists the tabs as aggregates, with the view's stages, reps and dates", () => {
    const tabs = Object.entries(raw).map(([name, values]) => ({ name, values }));
    const { model } = buildModel(tabs, { timeZone: "Etc/UTC" });
    const viewTabs = aggregatesToTabs(aggregate(model), "sheets");
    setup(Object.fromEntries(viewTabs.map((t) => [t.name, t.values])));
    const state = sidebarState();
    expect(state.tabs.map((t) => t.kind)).toEqual(viewTabs.map(() => "aggregates"));
    // Every view and the meta view; no checklist here, so no graded deals.
    expect(state.tabs).toHaveLength(VIEWS.filter((v) => !v.optional).length + 1);
    expect(state.stages).toEqual(model.stages);
    expect(state.stageSource).toContain("voronka_stages");
    expect(state.reps).toEqual(["Anna", "Boris", "Vera"]);
    expect(state.sources).toEqual(["Google", "Yandex"]);
    expect(state.dateBounds.from).toBe("2026-01-01");
  });
});

describe("voronka_rep_days alone, beside raw deals", () => {
  it("is a calls summary: the report equals the one from the calls themselves", () => {
    const raw = { Deals: dealsTab(1200), Calls: callsTab(300) };
    const fromCalls = setup(raw);
    buildReport(fromCalls.ss, { options: OPTIONS });
    const expected = reportSheets(fromCalls, 2);

    const tabs = Object.entries(raw).map(([name, values]) => ({ name, values }));
    const agg = aggregate(buildModel(tabs, { timeZone: "Etc/UTC" }).model);
    const repDays = aggregatesToTabs(agg, "sheets").find((t) =>
      t.values[0]?.includes("timed_calls"),
    );
    expect(repDays?.values.length).toBeGreaterThan(1);
    const fromRepDays = setup({ Deals: raw.Deals, "Calls per day": repDays?.values ?? [] });
    const res = buildReport(fromRepDays.ss, { options: OPTIONS });
    expect(res.issues).toBe(0);
    expect(reportSheets(fromRepDays, 2)).toEqual(expected);
    expect(expected.find((s) => s.name === "KPI")?.values.flat()).toContain("Calls");
  });
});
