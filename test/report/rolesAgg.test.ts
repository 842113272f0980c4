/**
 * The Roles sheet from the aggregates' rows (src/report/rolesData.ts) equals, cell for cell, the
 * Roles sheet counted deal by deal and call by call over the model, as it was before the
 * aggregates carried it (test/support/rolesDataFromDeals.ts): on the demo workbook, generated
 * role workbooks and generated workbooks with a team, under filters and periods.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/adapters/xlsx/read";
import { aggregate } from "../../src/aggregates/memory";
import { generateWorkbook } from "../../src/generate/index";
import { generateRolesWorkbook } from "../../src/generate/roles";
import { buildModel } from "../../src/model/index";
import type { Model, RawTab } from "../../src/model/types";
import { buildContext } from "../../src/report/context";
import type { ReportOptions } from "../../src/report/options";
import { planRoles } from "../../src/report/roles";
import { rolesDataFromDeals } from "../support/rolesDataFromDeals";

const DEMO = new URL("../../examples/demo-workbook.xlsx", import.meta.url);

function bothRoutes(model: Model, options: ReportOptions) {
  const agg = aggregate(model, options.longCallSeconds ?? 60);
  const fromRows = planRoles(buildContext(model, agg, options), options.roleNorms);
  const ctx = buildContext(model, agg, options);
  const fromDeals = planRoles(ctx, options.roleNorms, rolesDataFromDeals(ctx));
  return { fromRows, fromDeals };
}

const modelOf = (tabs: RawTab[]) => buildModel(tabs, { timeZone: "UTC" }).model;

const OPTIONS: ReportOptions[] = [
  { lang: "en", period: "month", today: "2026-06-01" },
  { lang: "ru", period: "week", today: "2026-06-01", longCallSeconds: 90 },
  { lang: "en", period: "month", from: "2026-02-01", to: "2026-04-30" },
  { lang: "en", period: "month", cohortWindowDays: 3 },
];

describe("Roles sheet: from the aggregates = deal by deal", () => {
  it("on the demo workbook, under periods, dates and a window", async () => {
    const model = modelOf(await readXlsx(readFileSync(DEMO)));
    for (const options of OPTIONS) {
      const { fromRows, fromDeals } = bothRoutes(model, options);
      expect(fromDeals).not.toBeNull();
      expect(fromRows).toEqual(fromDeals);
    }
    // One rep's and one source's deals only.
    const rep = model.deals.find((d) => d.bookedBy)?.rep ?? "";
    const source = model.deals[0]?.source ?? "";
    for (const filter of [{ reps: [rep] }, { sources: [source] }]) {
      const { fromRows, fromDeals } = bothRoutes(model, { lang: "en", period: "month", ...filter });
      expect(fromRows).toEqual(fromDeals);
    }
  });

  it("on generated role workbooks (SDRs, hunters, farmers, booked by)", () => {
    for (const lang of ["en", "ru"] as const)
      for (const seed of [1, 2, 3]) {
        const model = modelOf(generateRolesWorkbook({ seed, lang }).tabs);
        const { fromRows, fromDeals } = bothRoutes(model, { lang, period: "month" });
        expect(fromDeals).not.toBeNull();
        expect(fromRows).toEqual(fromDeals);
      }
  });

  it("with roles that change mid-week: each event by the owner's role on its day", () => {
    const { tabs } = generateRolesWorkbook({ seed: 4, lang: "en" });
    const team = tabs.find((t) => t.name === "Team")?.values as unknown[][];
    const [, sdr, hunter] = team.map((r) => r[0]);
    // An SDR turns hunter and a hunter turns farmer, each on a Wednesday in the data.
    team.push([sdr, "Hunter", new Date(Date.UTC(2026, 1, 11))]);
    team.push([hunter, "Farmer", new Date(Date.UTC(2026, 2, 18))]);
    const model = modelOf(tabs);
    expect(model.team?.length).toBe(team.length - 1);
    for (const period of ["week", "month"] as const)
      for (const filter of [{}, { from: "2026-02-04", to: "2026-03-20" }]) {
        const { fromRows, fromDeals } = bothRoutes(model, { lang: "en", period, ...filter });
        expect(fromRows).toEqual(fromDeals);
      }
  });

  it("on random generated workbooks with a team", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom("en" as const, "ru" as const),
        fc.constantFrom("week" as const, "month" as const),
        (seed, lang, period) => {
          const wb = generateWorkbook({ seed, lang, team: true, months: 3, scale: 0.2 });
          const { fromRows, fromDeals } = bothRoutes(modelOf(wb.tabs), { lang, period });
          expect(fromRows).toEqual(fromDeals);
        },
      ),
      { numRuns: 6 },
    );
  });
});
