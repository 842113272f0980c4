/**
 * Reading aggregates tabs: the in-memory engine's aggregates of real data, written out as a user's
 * export would hold them (test/support/aggregateTabs.ts), read back equal; random rows in every
 * cell style Sheets may give read back equal; unreadable rows named, never guessed.
 */
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { aggregatesOfBuild, tabsToAggregates } from "../../src/aggregates/fromTabs";
import { aggregate } from "../../src/aggregates/memory";
import type { Aggregates } from "../../src/aggregates/types";
import { VIEWS } from "../../src/aggregates/views";
import { buildModel, detectTab } from "../../src/model/index";
import type { RawTab } from "../../src/model/types";
import { aggregatesToTabs, sortedAggregates } from "../support/aggregateTabs";

const DEMO = new URL("../../examples/demo-workbook.xlsx", import.meta.url);
const MAVEN = new URL("../../../shared/datasets/maven-crm/sales_pipeline.csv", import.meta.url);

async function demoAggregates(): Promise<Aggregates> {
  const { model } = buildModel(await readXlsx(readFileSync(DEMO)), { timeZone: "UTC" });
  return aggregate(model);
}

function mavenAggregates(): Aggregates {
  const values = Papa.parse<string[]>(readFileSync(MAVEN, "utf8"), { skipEmptyLines: true }).data;
  return aggregate(buildModel([{ name: "sales_pipeline", values }], { timeZone: "UTC" }).model);
}

describe("tabsToAggregates: a round trip of real aggregates", () => {
  it("the demo workbook's aggregates, as Sheets and as text, read back equal", async () => {
    const agg = await demoAggregates();
    expect(agg.deals.length).toBeGreaterThan(0);
    expect(agg.repDays.length).toBeGreaterThan(0);
    for (const style of ["sheets", "text"] as const) {
      const back = tabsToAggregates(aggregatesToTabs(agg, style));
      expect(back.issues).toEqual([]);
      expect(back.views).toHaveLength(VIEWS.length + 1);
      expect(sortedAggregates(back.agg as Aggregates)).toEqual(sortedAggregates(agg));
    }
  });

  it.runIf(existsSync(MAVEN))("the Maven export's aggregates read back equal", () => {
    const agg = mavenAggregates();
    expect(agg.sales.length).toBeGreaterThan(0);
    const back = tabsToAggregates(aggregatesToTabs(agg, "text"));
    expect(back.issues).toEqual([]);
    expect(sortedAggregates(back.agg as Aggregates)).toEqual(sortedAggregates(agg));
  });

  it("a small deals tab (ID, Rep, Status) stays deals: the graded-deals view's columns are its own", () => {
    const deals: RawTab = {
      name: "Deals",
      values: [
        ["ID", "Rep", "Status"],
        ["D1", "Ann", "Won"],
        ["D2", "Bob", "Lost"],
      ],
    };
    expect(detectTab(deals)?.kind).toBe("deals");
    const graded: RawTab = {
      name: "bquxjob_1_results",
      values: [
        ["graded_id", "deal_rep", "deal_status"],
        ["D1", "Ann", "won"],
      ],
    };
    expect(detectTab(graded)?.view).toBe("voronka_agg_graded_deals");
  });

  it("every view tab is detected as aggregates, never as deals or calls", async () => {
    const tabs = aggregatesToTabs(await demoAggregates());
    for (const t of tabs) {
      const d = detectTab(t);
      expect(d?.kind, t.name).toBe("aggregates");
      expect(d?.view).toMatch(/^voronka_/);
    }
    // And the model reads nothing from them.
    const { model } = buildModel(tabs, { timeZone: "UTC" });
    expect(model.deals).toEqual([]);
    expect(model.calls).toEqual([]);
    expect(model.callDays).toBeUndefined();
    expect(model.issues).toEqual([]);
  });
});

const stageTab = (name = "voronka_stages"): RawTab => ({
  name,
  values: [
    ["position", "stage", "dated", "same_source_next"],
    [1, "Won", "FALSE", "false"],
    ["0", "Lead", true, "FALSE"],
  ],
});

describe("tabsToAggregates: what it accepts and refuses", () => {
  it("needs voronka_stages: without it no aggregates, and an issue names the view", () => {
    const deals: RawTab = {
      name: "x",
      values: [
        ["day", "rep", "source", "reached", "targeted", "deals"],
        ["2024-03-05", "Ann", "", 0, "", 3],
      ],
    };
    const r = tabsToAggregates([deals]);
    expect(r.agg).toBeNull();
    expect(r.issues).toEqual([
      expect.objectContaining({ tab: "voronka_stages", reason: "missingRequired" }),
    ]);
    const ok = tabsToAggregates([deals, stageTab("Query 2")]);
    expect(ok.issues).toEqual([]);
    expect(ok.agg?.stages.map((s) => s.stage)).toEqual(["Lead", "Won"]);
    expect(ok.agg?.deals).toEqual([
      {
        day: Date.UTC(2024, 2, 5) / 86_400_000,
        rep: "Ann",
        source: "",
        reached: 0,
        targeted: null,
        deals: 3,
      },
    ]);
    // Missing optional views are empty lists; no meta: 60 s and no clients.
    expect(ok.agg?.sales).toEqual([]);
    expect(ok.agg?.longCallSeconds).toBe(60);
    expect(ok.agg?.hasClient).toBe(false);
  });

  it("stages numbered with a gap are refused", () => {
    const t = stageTab();
    t.values[1] = [2, "Won", false, false];
    const r = tabsToAggregates([t]);
    expect(r.agg).toBeNull();
    expect(r.issues[0]).toMatchObject({ reason: "other", tab: "voronka_stages" });
  });

  it("rows with an unreadable cell are left out and named with their cell", () => {
    const sales: RawTab = {
      name: "Sales",
      values: [
        ["Report of sales"],
        [
          "day",
          "rep",
          "source",
          "currency",
          "sales",
          "revenue",
          "amounts",
          "cents",
          "margin",
          "margin_base",
          "margins",
          "repeat_revenue",
        ],
        ["2024-03-05", "Ann", "Web", "USD", 2, "1 200,50", 2, "TRUE", 0, 0, 0, 0],
        ["5 March", "Ann", "Web", "USD", 2, 10, 2, "TRUE", 0, 0, 0, 0],
        ["2024-03-06", "Ann", "Web", "USD", 1.5, 10, 2, "TRUE", 0, 0, 0, 0],
        ["2024-03-07", "Ann", "Web", "USD", 1, 10, 1, "maybe", 0, 0, 0, 0],
        ["2024-03-08", "Ann", "Web", "USD", 1, "", 1, "FALSE", 0, 0, 0, 0],
        ["", "", "", "", "", "", "", "", "", "", "", ""],
      ],
    };
    const r = tabsToAggregates([stageTab(), sales]);
    expect(r.agg?.sales).toHaveLength(1);
    expect(r.agg?.sales[0]).toMatchObject({ revenue: 1200.5, cents: true, sales: 2 });
    expect(r.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [4, 1, "badDate"],
      [5, 5, "badNumber"],
      [6, 8, "badNumber"],
      [7, 6, "missingRequired"],
    ]);
    expect(r.issues[0]).toMatchObject({ tab: "Sales", header: "day", value: "5 March" });
  });

  it("a header with an extra column is a view only in a tab named after it", () => {
    const values = [
      ["position", "stage", "dated", "same_source_next", "note"],
      [0, "Lead", true, false, "x"],
    ];
    expect(tabsToAggregates([{ name: "Stages", values }]).views).toEqual([]);
    expect(tabsToAggregates([{ name: "voronka_stages (1)", values }]).views).toEqual([
      { tab: "voronka_stages (1)", view: "voronka_stages" },
    ]);
  });

  it("days as Sheets dates in the spreadsheet's zone, ISO text and serial numbers agree", () => {
    const at = (v: unknown) =>
      tabsToAggregates(
        [
          stageTab(),
          {
            name: "r",
            values: [
              ["Day", "Rep", "Source", "Calls", "Long Calls", "Talk Seconds", "Timed Calls"],
              [v, "Ann", "", 3, 1, "95.5", 2],
            ],
          },
        ],
        "Europe/Kyiv",
      ).agg?.repDays[0]?.day;
    const day = Date.UTC(2024, 2, 5) / 86_400_000;
    // Midnight in Kyiv is 22:00 UTC the evening before.
    expect(at(new Date(Date.UTC(2024, 2, 4, 22)))).toBe(day);
    expect(at("2024-03-05")).toBe(day);
    expect(at(45356)).toBe(day);
  });
});

describe("tabsToAggregates: spread tabs exported before total_hours", () => {
  /** The tabs with the total_hours column of the two spread views cut out, as an old export. */
  function withoutSpreadTotals(tabs: RawTab[]): RawTab[] {
    return tabs.map((t) => {
      const header = t.values[0] as unknown[];
      const i = header.indexOf("total_hours");
      if (i < 0 || !header.includes("min_hours")) return t;
      return { ...t, values: t.values.map((r) => r.filter((_, j) => j !== i)) };
    });
  }

  it("still read as the spread views, their totals not known (null); a blank cell too", async () => {
    const agg = await demoAggregates();
    expect(agg.transitionSpread.length).toBeGreaterThan(0);
    expect(agg.cycleSpread.length).toBeGreaterThan(0);
    for (const style of ["sheets", "text"] as const) {
      const old = withoutSpreadTotals(aggregatesToTabs(agg, style));
      const back = tabsToAggregates(old);
      expect(back.issues).toEqual([]);
      expect(back.views.map((v) => v.view).sort()).toEqual(
        tabsToAggregates(aggregatesToTabs(agg, style))
          .views.map((v) => v.view)
          .sort(),
      );
      const unknown = <R extends { totalHours: number | null }>(rows: R[]): R[] =>
        rows.map((r) => ({ ...r, totalHours: null }));
      expect(sortedAggregates(back.agg as Aggregates)).toEqual(
        sortedAggregates({
          ...agg,
          cycleSpread: unknown(agg.cycleSpread),
          transitionSpread: unknown(agg.transitionSpread),
        }),
      );
    }
    // The current export keeps the totals; a blank total cell reads as not known.
    const tabs = aggregatesToTabs(agg, "text");
    const spread = tabs.find(
      (t) =>
        (t.values[0] as unknown[]).includes("step") &&
        (t.values[0] as unknown[]).includes("min_hours"),
    ) as RawTab;
    const col = (spread.values[0] as unknown[]).indexOf("total_hours");
    (spread.values[1] as unknown[])[col] = "";
    const back = tabsToAggregates(tabs).agg as Aggregates;
    expect(back.transitionSpread.filter((r) => r.totalHours === null)).toHaveLength(1);
    expect(back.transitionSpread.filter((r) => r.totalHours !== null)).toHaveLength(
      agg.transitionSpread.length - 1,
    );
  });
});

describe("aggregatesOfBuild: the tabs a build reads as aggregates", () => {
  it("reads only those; one chosen as aggregates that holds no view is named", () => {
    const notes: RawTab = {
      name: "Notes",
      values: [
        ["a", "b"],
        [1, 2],
      ],
    };
    const tabs = [stageTab(), notes];
    const none = aggregatesOfBuild(tabs, { tabs: [{ name: "voronka_stages", kind: null }] }, "UTC");
    expect(none).toEqual({ agg: null, issues: [], views: [] });
    const r = aggregatesOfBuild(
      tabs,
      {
        tabs: [
          { name: "voronka_stages", kind: "aggregates" },
          { name: "Notes", kind: "aggregates" },
        ],
      },
      "UTC",
    );
    expect(r.agg?.stages).toHaveLength(2);
    expect(r.stagesTab).toBe("voronka_stages");
    expect(r.issues).toEqual([
      expect.objectContaining({
        tab: "Notes",
        reason: "noHeader",
        detail: expect.stringContaining("voronka_agg_deals"),
      }),
    ]);
  });
});

describe("tabsToAggregates: property", () => {
  const text = fc.string({ maxLength: 8 }).map((s) => s.trim().replace(/^null$/i, "x"));
  const day = fc.integer({ min: 10_000, max: 30_000 });
  const count = fc.integer({ min: 0, max: 100_000 });
  const money = fc
    .double({ min: -1e9, max: 1e9, noNaN: true })
    .map((x) => Math.round(x * 100) / 100 + 0); // -0 is written "0"
  const rowsOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.array(fc.record(fields), { maxLength: 6 });

  it("any rows, laid out as Sheets or as text, read back equal", () => {
    fc.assert(
      fc.property(
        fc.record({
          stages: fc.array(
            fc.record({ stage: text, dated: fc.boolean(), sameSourceNext: fc.boolean() }),
            {
              minLength: 1,
              maxLength: 5,
            },
          ),
          longCallSeconds: fc.integer({ min: 1, max: 600 }),
          hasClient: fc.boolean(),
          deals: rowsOf({
            day: fc.option(day),
            rep: text,
            source: text,
            reached: fc.integer({ min: -1, max: 4 }),
            targeted: fc.option(fc.boolean()),
            deals: count,
          }),
          stageEntries: rowsOf({
            day: fc.option(day),
            rep: text,
            source: text,
            stage: count,
            entries: count,
          }),
          sales: rowsOf({
            day: fc.option(day),
            rep: text,
            source: text,
            currency: text,
            sales: count,
            revenue: money,
            amounts: count,
            cents: fc.boolean(),
            margin: money,
            marginBase: money,
            margins: count,
            repeatRevenue: money,
          }),
          cycles: rowsOf({ day, rep: text, source: text, deals: count, totalHours: count }),
          cycleSpread: rowsOf({
            day,
            rep: text,
            source: text,
            fromHours: count,
            deals: count,
            minHours: count,
            maxHours: count,
            totalHours: fc.option(count),
          }),
          spans: rowsOf({ day, rep: text, source: text, days: count, deals: count }),
          cohorts: rowsOf({
            day,
            rep: text,
            source: text,
            stage: count,
            withinDays: fc.option(count),
            deals: count,
          }),
          transitions: rowsOf({
            day,
            rep: text,
            source: text,
            step: count,
            transitions: count,
            totalHours: count,
          }),
          transitionSpread: rowsOf({
            day,
            rep: text,
            source: text,
            step: count,
            fromHours: count,
            transitions: count,
            minHours: count,
            maxHours: count,
            totalHours: fc.option(count),
          }),
          repDays: rowsOf({
            day,
            rep: text,
            source: text,
            calls: count,
            longCalls: count,
            talkSeconds: money,
            timedCalls: count,
          }),
          roleLeads: rowsOf({
            day: fc.option(day),
            sdr: text,
            byOwner: fc.boolean(),
            source: text,
            targeted: fc.option(fc.boolean()),
            deals: count,
          }),
          bookings: rowsOf({
            day: fc.option(day),
            sdr: text,
            byOwner: fc.boolean(),
            source: text,
            targeted: fc.option(fc.boolean()),
            booked: count,
            confirmed: count,
            held: count,
            heldWon: count,
            sales: count,
            revenue: money,
            amounts: count,
          }),
          bookingReach: rowsOf({
            day,
            sdr: text,
            byOwner: fc.boolean(),
            source: text,
            outcome: fc.constantFrom("booked", "targeted", "confirmed", "held", "held_won"),
            withinDays: fc.option(fc.integer({ min: 0, max: 3650 })),
            deals: count,
          }),
          roleEvents: rowsOf({
            day: fc.option(day),
            rep: text,
            source: text,
            event: fc.constantFrom("held", "held_won", "proposal", "sale", "repeat_sale"),
            deals: count,
            revenue: money,
            amounts: count,
          }),
          repeatClients: rowsOf({ day: fc.option(day), rep: text, source: text, client: text }),
          heldLost: rowsOf({
            day,
            sdr: text,
            byOwner: fc.boolean(),
            id: text,
            source: text,
            targeted: fc.option(fc.boolean()),
            bookedDay: day,
            heldDay: fc.option(day),
            rep: text,
          }),
        }),
        fc.constantFrom("sheets" as const, "text" as const),
        (raw, style) => {
          const agg = {
            ...raw,
            stages: raw.stages.map((s, position) => ({ position, ...s })),
          } as unknown as Aggregates;
          const back = tabsToAggregates(aggregatesToTabs(agg, style));
          expect(back.issues).toEqual([]);
          expect(sortedAggregates(back.agg as Aggregates)).toEqual(sortedAggregates(agg));
        },
      ),
      { numRuns: 60 },
    );
  });
});
