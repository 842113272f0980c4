/**
 * A leads table linked to a deals table (model/build/leadLink.ts): DuckDB's voronka_deals makes
 * one deal per lead as the model does, whichever way the tables link (the deal carries the
 * lead's id in its id column or in a column of its own; the lead carries the deal's id), and
 * gives the same aggregates as the in-memory engine.
 */
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregates/memory";
import { buildModel } from "../../src/model";
import type { RawTab } from "../../src/model/types";
import { aggregateWithDuckdb } from "../../src/sql/duckdb";
import { expectSameAggregates } from "./compare";

const LEADS = [
  ["L1", "Ann", "Web", "Contacted", "2024-01-02", "Yes"], // deal won
  ["L2", "Ann", "Web", "Attempted to Contact", "2024-01-03", "No"], // no deal, open
  ["L3", "Bob", "Ads", "Lost Lead", "2024-01-04", "No"], // no deal, lost
  ["L4", "Bob", "Ads", "Contacted", "2024-01-05", "Yes"], // flag yes, no deal
  ["L5", "Bob", "Ads", "Junk Lead", "2024-01-06", "Yes"], // lost lead, open deal
  ["L6", "Ann", "Web", "Not Contacted", "2024-01-07", "No"], // deal lost
  ["L7", "Ann", "Web", "Contacted", "2024-01-08", "Yes"], // deal won
  ["L8", "Ann", "Web", "Converted", "2024-01-09", "No"], // a won word as a status, no deal
];
/** Deal id, lead id, owner, stage, amount, close date, created. */
const DEALS = [
  ["D1", "L1", "Carl", "Closed Won", "1000", "2024-02-01", "2024-01-10"],
  ["D5", "L5", "Dina", "Qualification", "500", "2024-03-01", "2024-01-11"],
  ["D6", "L6", "Carl", "Closed Lost", "700", "2024-02-05", "2024-01-12"],
  ["D7", "L7", "Dina", "Closed Won", "300", "2024-02-07", "2024-01-13"],
  ["D9", "L9", "Dina", "Prospect", "300", "2024-03-02", "2024-01-14"], // no such lead
];

const leadHead = [
  "Lead ID",
  "Lead Owner",
  "Lead Source",
  "Lead Status",
  "Created Time",
  "Converted",
];
const dealRow = (d: string[]) => [d[2], d[3], d[4], d[5], d[6]];
const dealHead = ["Deal Owner", "Stage", "Amount", "Closing Date", "Created Time"];

const LAYOUTS: Record<string, RawTab[]> = {
  // Zoho: the deals table's only id is the lead's (Potentials' LEADID).
  "the deal's id column is the lead's id": [
    { name: "Leads", values: [leadHead, ...LEADS] },
    {
      name: "Potentials",
      values: [["Lead ID", ...dealHead], ...DEALS.map((d) => [d[1], ...dealRow(d)])],
    },
  ],
  // Bitrix24: the deal has its own ID and a LEAD_ID.
  "the deal has its own id and a lead id column": [
    { name: "Leads", values: [leadHead, ...LEADS] },
    {
      name: "Deals",
      values: [
        ["Deal ID", "LEAD_ID", ...dealHead],
        ...DEALS.map((d) => [d[0], d[1], ...dealRow(d)]),
      ],
    },
  ],
  // Salesforce: the lead carries ConvertedOpportunityId.
  "the lead carries the deal's id": [
    {
      name: "Lead",
      values: [
        [...leadHead, "ConvertedOpportunityId"],
        ...LEADS.map((l) => [...l, DEALS.find((d) => d[1] === l[0])?.[0] ?? ""]),
      ],
    },
    {
      name: "Opportunity",
      values: [["Deal ID", ...dealHead], ...DEALS.map((d) => [d[0], ...dealRow(d)])],
    },
  ],
};

describe("linked leads + deals: DuckDB = in-memory engine", () => {
  for (const [name, tabs] of Object.entries(LAYOUTS))
    it(name, async () => {
      const built = buildModel(tabs, { timeZone: "UTC" });
      expect(built.leadLink).toBeDefined();
      const won = built.model.deals.filter((d) => d.status === "won").map((d) => d.id);
      expect(won.sort()).toEqual(["L1", "L7"]);
      expect(built.model.deals.length).toBe(LEADS.length + 1);
      const memory = aggregate(built.model, 60);
      const sql = await aggregateWithDuckdb(tabs, built, 60);
      expectSameAggregates(memory, sql);
      // Reversed tabs: the same aggregates.
      const back = buildModel([...tabs].reverse(), { timeZone: "UTC" });
      expect(back.model.deals).toEqual(built.model.deals);
      expectSameAggregates(memory, await aggregateWithDuckdb([...tabs].reverse(), back, 60));
    });
});
