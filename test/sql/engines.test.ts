/**
 * The two engines meet at the same aggregates (SPEC §8): the emitted DuckDB SQL, run by DuckDB
 * over the clean files of the raw tabs, gives row for row what the in-memory engine gives on the
 * model, on the Maven export, the demo workbook and random generated workbooks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/adapters/xlsx/read";
import { aggregate } from "../../src/aggregates/memory";
import type { Aggregates } from "../../src/aggregates/types";
import { type GenLang, generateWorkbook } from "../../src/generate";
import { generateRolesWorkbook } from "../../src/generate/roles";
import { buildModel } from "../../src/model";
import type { RawTab } from "../../src/model/types";
import { planReport, planReportFrom } from "../../src/report/plan";
import { aggregateWithDuckdb } from "../../src/sql/duckdb";
import { withStageLog } from "../support/pipelineTabs";
import { parseCsv } from "../support/plainCsv";
import { expectSameAggregates } from "./compare";

const ROOT = join(__dirname, "..", "..");
const MAVEN = join(ROOT, "..", "shared", "datasets", "maven-crm");

async function readAll(paths: string[]): Promise<RawTab[]> {
  const tabs: RawTab[] = [];
  for (const p of paths) tabs.push(...(await readInput(p, p, { rows: 0 })));
  return tabs;
}

/** The aggregates with every list sorted by its rows' contents. */
function inOrder(a: Aggregates): Aggregates {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(a))
    if (Array.isArray(v) && k !== "stages")
      out[k] = [...v].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  return out as unknown as Aggregates;
}

/** Every number to 10 significant digits. */
function rounded(x: unknown): unknown {
  return JSON.parse(
    JSON.stringify(x, (_, v) =>
      typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(10)) : v,
    ),
  );
}

async function bothEngines(tabs: RawTab[], longCallSeconds = 60, pipeline: string | null = null) {
  const built = buildModel(tabs, { timeZone: "UTC", pipeline });
  return {
    built,
    memory: aggregate(built.model, longCallSeconds),
    sql: await aggregateWithDuckdb(tabs, built, longCallSeconds),
  };
}

describe("DuckDB engine = in-memory engine", () => {
  it("on the Maven export (with its reference tables)", async () => {
    const files = ["sales_pipeline", "accounts", "products", "sales_teams"].map((f) =>
      join(MAVEN, `${f}.csv`),
    );
    const { memory, sql } = await bothEngines(await readAll(files));
    expectSameAggregates(memory, sql);
    // Independently of our readers: every opportunity is a deal, and the Won ones are the sales.
    const rows = parseCsv(readFileSync(files[0], "utf8"))
      .slice(1)
      .filter((r) => r.length > 1);
    const stage = parseCsv(readFileSync(files[0], "utf8"))[0].indexOf("deal_stage");
    const total = (xs: { deals?: number; sales?: number }[], f: "deals" | "sales") =>
      xs.reduce((s, x) => s + (x[f] ?? 0), 0);
    expect(total(sql.deals, "deals")).toBe(rows.length);
    expect(total(sql.sales, "sales")).toBe(rows.filter((r) => r[stage] === "Won").length);
  });

  it("on the demo workbook (deals tab, stage log and calls together)", async () => {
    const { built, memory, sql } = await bothEngines(
      await readAll([join(ROOT, "examples", "demo-workbook.xlsx")]),
      90,
    );
    expectSameAggregates(memory, sql);
    // And the same report, every sheet (the memory one counted with the same threshold).
    const options = {
      lang: "en" as const,
      period: "month" as const,
      today: "2026-06-01",
      longCallSeconds: 90,
    };
    // Each engine's rows in its own order: the planners sum whole hours (exact), so a mean on
    // a rounding edge (April's 7.40625 days) rounds the same way whatever the order.
    expect(rounded(planReportFrom(sql, built.model, options))).toEqual(
      rounded(planReportFrom(memory, built.model, options)),
    );
    // Row order never changes a figure, to the last digit.
    expect(planReportFrom(inOrder(memory), built.model, options)).toEqual(
      planReportFrom(memory, built.model, options),
    );
    expect(rounded(planReport(built.model, options))).toEqual(
      rounded(planReportFrom(memory, built.model, options)),
    );
    expect(sql.repDays.length).toBeGreaterThan(0);
    expect(sql.transitions.length).toBeGreaterThan(0);
    // The demo's checklist: its graded deals come from the view, so the Quality sheet (won
    // against lost too) is the same with no deal in memory.
    expect(sql.gradedDeals?.length).toBeGreaterThan(0);
    const quality = (p: ReturnType<typeof planReport>) => p.sheets.find((s) => s.key === "quality");
    const fromViews = quality(
      planReportFrom(sql, { ...built.model, deals: [], calls: [] }, options),
    );
    expect(fromViews?.blocks.map((b) => b.id)).toEqual(["quality.byRep", "quality.wonLost"]);
    expect(rounded(fromViews)).toEqual(rounded(quality(planReport(built.model, options))));
    // The demo books, holds and loses meetings: the Roles views are not empty.
    for (const list of ["roleLeads", "bookings", "bookingReach", "roleEvents", "heldLost"] as const)
      expect({ list, rows: sql[list].length > 0 }).toEqual({ list, rows: true });
  });

  it("on generated role workbooks (SDRs, hunters, farmers, booked by)", async () => {
    for (const [seed, lang] of [
      [1, "en"],
      [2, "ru"],
    ] as const) {
      const { memory, sql } = await bothEngines(generateRolesWorkbook({ seed, lang }).tabs);
      expectSameAggregates(memory, sql);
      for (const list of [
        "roleLeads",
        "bookings",
        "bookingReach",
        "roleEvents",
        "repeatClients",
        "heldLost",
      ] as const)
        expect({ list, rows: sql[list].length > 0 }).toEqual({ list, rows: true });
    }
  });

  // The real exports of datasets/realworld: Bitrix24 codes, HubSpot's two snapshots (two deals
  // tables, the first row of an id winning), Salesforce's StageName with its OpportunityHistory
  // log, Zoho's leads and potentials with calls, a lead table, a call centre's workbook.
  for (const name of [
    "bitrix24-rest-dump",
    "hubspot-deals",
    "zoho-crm",
    "kaggle-x-education-leads",
    "pwc-call-center",
    "salesforce-devorg-sample",
    "salesforce-winkel",
  ])
    it(`on datasets/realworld/${name}`, async () => {
      const folder = join(ROOT, "..", "shared", "datasets", "realworld", name);
      const files = readdirSync(folder)
        .filter((f) => /\.(csv|xlsx)$/i.test(f))
        .map((f) => join(folder, f));
      const { built, memory, sql } = await bothEngines(await readAll(files));
      expect(built.model.deals.length + built.model.calls.length).toBeGreaterThan(0);
      expectSameAggregates(memory, sql);
    });

  it("on Zoho's Leads.csv alone: the conversion reaches Converted lead, no sale", async () => {
    const file = join(ROOT, "..", "shared", "datasets", "realworld", "zoho-crm", "Leads.csv");
    const { built, memory, sql } = await bothEngines(await readAll([file]));
    expectSameAggregates(memory, sql);
    // Plain reading of the CONVERTED column; a lead's conversion is never a sale.
    const [header = [], ...rows] = parseCsv(readFileSync(file, "utf8"));
    const flag = header.indexOf("CONVERTED");
    const converted = rows.filter((r) => r[flag] === "Yes").length;
    expect(converted).toBeGreaterThan(0);
    const last = built.model.stages.length - 1;
    expect(built.model.stages[last]).toBe("Converted lead");
    const reachedLast = sql.deals.filter((r) => r.reached === last);
    expect(reachedLast.reduce((n, r) => n + r.deals, 0)).toBe(converted);
    expect(sql.sales).toEqual([]);
    expect(sql.cycles).toEqual([]);
  });

  it("on the Bitrix24 dump, each pipeline: the same deals left out", async () => {
    const file = join(
      ROOT,
      "..",
      "shared",
      "datasets",
      "realworld",
      "bitrix24-rest-dump",
      "deals.csv",
    );
    const tabs = await readAll([file]);
    // Plain reading: a STAGE_ID's "C<n>:" prefix is its pipeline (none: the default, C0).
    const stages = parseCsv(readFileSync(file, "utf8"))
      .slice(1)
      .filter((r) => r.length > 1)
      .map((r) => r[1] ?? "");
    for (const pipeline of ["C2", "C6"]) {
      const built = buildModel(tabs, { timeZone: "UTC", pipeline });
      const memory = aggregate(built.model, 60);
      const sql = await aggregateWithDuckdb(tabs, built, 60);
      expectSameAggregates(memory, sql);
      const deals = sql.deals.reduce((n, r) => n + r.deals, 0);
      expect(deals).toBe(stages.filter((s) => s.startsWith(`${pipeline}:`)).length);
    }
  });

  it("with a Pipeline column and a stage log: the log's rows of the other pipeline go too", async () => {
    const { tabs, salesIds } = withStageLog();
    for (const pipeline of [null, "partners"]) {
      const { built, memory, sql } = await bothEngines(tabs, 60, pipeline);
      expect(built.stageSource.from).toBe("stageLog");
      expectSameAggregates(memory, sql);
      const deals = sql.deals.reduce((n, r) => n + r.deals, 0);
      expect(deals).toBe(pipeline ? 36 - salesIds.size : salesIds.size);
    }
  });

  it("on random generated workbooks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom<GenLang>("en", "ru"),
        fc.boolean(),
        async (seed, lang, team) => {
          const w = generateWorkbook({ seed, lang, scale: 0.05, months: 2, team });
          const { memory, sql } = await bothEngines(w.tabs);
          // Generated workbooks carry a call checklist: its graded deals are compared too.
          expect(memory.gradedDeals?.length).toBeGreaterThan(0);
          expectSameAggregates(memory, sql);
        },
      ),
      { numRuns: 4 },
    );
  });
});
