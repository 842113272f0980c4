/**
 * The deals a checklist names (voronka_agg_graded_deals) and the Quality sheet's won against lost
 * from it: ids found as the model finds a deal (exactly, else by name key: case, spaces, ё),
 * duplicates once, ids naming no deal left out; the same rows from DuckDB as in memory, and the
 * same Quality sheet from the views alone (no deals in memory) as from the whole model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAggregatesTabs } from "../../src/adapters/planFromTabs";
import { tabsToAggregates } from "../../src/aggregates/fromTabs";
import { aggregate } from "../../src/aggregates/memory";
import type { Aggregates } from "../../src/aggregates/types";
import { buildModel } from "../../src/model";
import type { Model, RawTab } from "../../src/model/types";
import { planReport, planReportFrom } from "../../src/report/plan";
import type { SheetPlan } from "../../src/report/types";
import { aggregateWithDuckdb } from "../../src/sql/duckdb";
import { aggregatesToTabs } from "../support/aggregateTabs";
import { expectSameAggregates } from "./compare";

const DEALS: RawTab = {
  name: "Deals",
  values: [
    ["Deal ID", "Owner", "Stage", "Created"],
    ["A-1", "Ann", "Won", "2024-01-02"],
    ["B 3", "Bob", "Lost", "2024-01-03"],
    ["Ёлка-1", "Cid", "Won", "2024-01-04"],
    [10, "Dan", "Lost", "2024-01-05"],
    ["C-5", "Eve", "Negotiation", "2024-01-06"],
    // Two ids differing in case only: each is found exactly.
    ["K-7", "Ann", "Won", "2024-01-07"],
    ["k-7", "Bob", "Lost", "2024-01-08"],
    // Two ids of one name key: by key, the first row wins.
    ["M  1", "Cid", "Won", "2024-01-09"],
    ["m 1", "Dan", "Lost", "2024-01-10"],
  ],
};

const CHECKLIST: RawTab = {
  name: "Call checklist",
  values: [
    ["Deal ID", "Rep", "Greeting", "Needs identified"],
    ["A-1", "", "yes", "no"],
    ["A-1", "Zed", "no", "yes"], // graded twice; its own rep
    ["a-1", "", "yes", "yes"], // by key: A-1
    ["b   3", "", "no", "no"], // by key: B 3
    ["елка-1", "", "yes", "no"], // by key (ё = е): Ёлка-1
    [10, "", "yes", "yes"], // a number: "10"
    ["X-9", "", "yes", "no"], // no such deal
    ["C-5", "", "no", "yes"], // open
    ["k-7", "", "yes", "yes"],
    ["K-7", "", "no", "no"],
    ["M 1", "", "yes", "no"], // by key: the first of "M  1" and "m 1"
  ],
};

/** The rows by the rules above, written out by hand. */
const EXPECTED_ROWS = [
  { gradedId: "A-1", dealRep: "Ann", dealStatus: "won" },
  { gradedId: "a-1", dealRep: "Ann", dealStatus: "won" },
  { gradedId: "b   3", dealRep: "Bob", dealStatus: "lost" },
  { gradedId: "елка-1", dealRep: "Cid", dealStatus: "won" },
  { gradedId: "10", dealRep: "Dan", dealStatus: "lost" },
  { gradedId: "C-5", dealRep: "Eve", dealStatus: "open" },
  { gradedId: "k-7", dealRep: "Bob", dealStatus: "lost" },
  { gradedId: "K-7", dealRep: "Ann", dealStatus: "won" },
  { gradedId: "M 1", dealRep: "Cid", dealStatus: "won" },
];

const OPTIONS = { lang: "en" as const, period: "month" as const, today: "2024-03-01" };

const byId = (rows: readonly { gradedId: string }[] = []) =>
  [...rows].sort((a, b) => (a.gradedId < b.gradedId ? -1 : a.gradedId > b.gradedId ? 1 : 0));

function quality(agg: Aggregates, model: Model): SheetPlan | undefined {
  return planReportFrom(agg, model, OPTIONS).sheets.find((s) => s.key === "quality");
}

describe("voronka_agg_graded_deals", () => {
  const tabs = [DEALS, CHECKLIST];
  const { model } = buildModel(tabs, { timeZone: "UTC" });

  it("in memory: one row per graded id that names a deal, found as the model finds it", () => {
    expect(byId(aggregate(model).gradedDeals)).toEqual(byId(EXPECTED_ROWS));
  });

  it("through DuckDB: the same rows, and the same Quality sheet with no deal in memory", async () => {
    const memory = aggregate(model);
    const sql = await aggregateWithDuckdb(tabs, buildModel(tabs, { timeZone: "UTC" }), 60);
    expectSameAggregates(memory, sql);
    expect(byId(sql.gradedDeals)).toEqual(byId(EXPECTED_ROWS));
    const fromViews = quality(sql, { ...model, deals: [], calls: [] });
    expect(fromViews).toEqual(planReport(model, OPTIONS).sheets.find((s) => s.key === "quality"));
    // Won: A-1 twice, a-1, елка-1, K-7, M 1 → greeting 4 of 6; lost: b 3, 10, k-7 → 2 of 3.
    const wonLost = fromViews?.blocks.find((b) => b.id === "quality.wonLost");
    const greeting = wonLost?.rows.find((r) => r[0] === "Greeting");
    expect(greeting?.[1]).toBeCloseTo(4 / 6, 9);
    expect(greeting?.[2]).toBeCloseTo(2 / 3, 9);
    // The second A-1 grade names its own rep; the others the deal's (X-9: none).
    const byRep = fromViews?.blocks.find((b) => b.id === "quality.byRep");
    const graded = Object.fromEntries((byRep?.rows ?? []).map((r) => [r[0], r[1]]));
    expect(graded).toEqual({
      Ann: 3,
      Zed: 1,
      Bob: 2,
      Cid: 2,
      Dan: 1,
      Eve: 1,
      "(no rep)": 1,
      Team: 11,
    });
  });

  it("read back from view tabs: the same Quality sheet; without the view, a note says why", () => {
    const agg = aggregate(model);
    const noDeals = { ...model, deals: [], calls: [] };
    for (const style of ["sheets", "text"] as const) {
      const back = tabsToAggregates(aggregatesToTabs(agg, style)).agg as Aggregates;
      expect(byId(back.gradedDeals)).toEqual(byId(EXPECTED_ROWS));
      expect(quality(back, noDeals)).toEqual(quality(agg, model));
    }
    const { gradedDeals: _, ...without } = agg;
    const sheet = quality(without, noDeals);
    expect(sheet?.blocks.map((b) => b.id)).toEqual(["quality.byRep"]);
    expect(sheet?.blocks[0]?.note).toContain("--table checklist=");
    // With the view, no such note.
    expect(quality(agg, noDeals)?.blocks[0]?.note).toBeUndefined();
  });

  it("views without the graded deals beside the deals tab: the deals give them", () => {
    const { gradedDeals: _, ...without } = aggregate(model);
    const views = aggregatesToTabs(without, "text");
    const both = [...views, DEALS, CHECKLIST];
    const read = readAggregatesTabs(both, buildModel(both, { timeZone: "UTC" }), "UTC");
    expect(byId(read.agg?.gradedDeals)).toEqual(byId(EXPECTED_ROWS));
    // Views alone (no deals tab) know none: the Quality sheet's note says why.
    const alone = [...views, CHECKLIST];
    const readAlone = readAggregatesTabs(alone, buildModel(alone, { timeZone: "UTC" }), "UTC");
    expect(readAlone.agg?.gradedDeals).toBeUndefined();
  });

  it("random ids in other cases and spacing, repeated or naming no deal: DuckDB = memory", async () => {
    const base = ["Q-1", "q-2", "Ёж 3", "R  4", "77"];
    const variant = fc.tuple(
      fc.nat(base.length),
      fc.constantFrom("same", "upper", "lower", "spaced"),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(variant, { minLength: 1, maxLength: 12 }), async (picks) => {
        const deals: RawTab = {
          name: "Deals",
          values: [
            ["Deal ID", "Owner", "Stage", "Created"],
            ...base.map((id, i) => [id, `Rep ${i}`, i % 2 ? "Won" : "Lost", "2024-01-02"]),
          ],
        };
        const spell = (id: string, how: string) =>
          how === "upper"
            ? id.toUpperCase()
            : how === "lower"
              ? id.toLowerCase()
              : how === "spaced"
                ? id.replace(/ /g, "   ").replace("-", " -")
                : id;
        const checklist: RawTab = {
          name: "Call checklist",
          values: [
            ["Deal ID", "Rep", "Greeting", "Needs identified"],
            ...picks.map(([i, how], n) => [
              i < base.length ? spell(base[i] as string, how) : `none-${n}`,
              "",
              n % 2 ? "yes" : "no",
              "yes",
            ]),
          ],
        };
        const t = [deals, checklist];
        const built = buildModel(t, { timeZone: "UTC" });
        expectSameAggregates(aggregate(built.model), await aggregateWithDuckdb(t, built, 60));
      }),
      { numRuns: 6 },
    );
  });
});
