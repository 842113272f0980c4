/**
 * A leads table linked to a deals table (SPEC §3, model/build/leadLink.ts): one deal per lead,
 * the lead statuses, Converted, then the deals' pipeline. The Zoho figures are computed here from
 * the CSV files with plain CSV reading (test/support/plainCsv.ts), never through our readers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/adapters/xlsx/read";
import { buildModel } from "../../src/model/index";
import type { Model, RawTab } from "../../src/model/types";
import { DATASETS } from "../support/datasets";
import {
  countsFromIndexes,
  expectSoundFunnel,
  revenueByCurrency,
  roundValues,
  sortedSet,
  stageCounts,
  statusCounts,
} from "../support/modelFigures";
import { readCsv } from "../support/plainCsv";

const ROOT = DATASETS;
const ZOHO = `${ROOT}/realworld/zoho-crm`;

async function modelOf(files: string[]): Promise<Model> {
  const tabs: RawTab[] = [];
  for (const f of files) tabs.push(...(await readInput(f)));
  return buildModel(tabs, { timeZone: "UTC" }).model;
}

const money = (s: string) => Number(s.replace(/[$,\s]/g, "")) || 0;

describe("Zoho Leads.csv + Potentials.csv: one deal per lead", () => {
  const leads = readCsv(`${ZOHO}/Leads.csv`);
  const potentials = readCsv(`${ZOHO}/Potentials.csv`);
  const dealOf = new Map<string, Record<string, string>>();
  for (const p of potentials) if (!dealOf.has(p.LEADID)) dealOf.set(p.LEADID, p);
  const leadStages = [
    "Not Contacted",
    "Attempted to Contact",
    "Contact in Future",
    "Contacted",
    "Pre Qualified",
  ];
  const dealStages = [
    "Prospect",
    "Qualification",
    "Needs Analysis",
    "Initial Offer",
    "Proposal/Price Quote",
    "Negotiation/Review",
    "Closed Won",
  ];
  const order = [...leadStages, "Converted lead", ...dealStages];
  const conv = leadStages.length;
  const files = ["Leads.csv", "Potentials.csv", "Calls.csv"].map((f) => `${ZOHO}/${f}`);

  it("funnel: leads at the top, Converted, the potentials' stages, real wins and revenue", async () => {
    const model = await modelOf(files);
    expectSoundFunnel(model);
    expect(model.stages).toEqual(order);
    expect(model.deals.length).toBe(leads.length);
    // Per lead, the stage it reached as the files say: its potential's stage (a lost one stops
    // at Converted), else its own status (a lost or junk lead counts at the top only), lifted to
    // Converted when its CONVERTED flag says Yes.
    const lostLead = (s: string) => s === "Lost Lead" || s === "Junk Lead";
    const idx = leads.map((l) => {
      const p = dealOf.get(l.LEADID);
      if (p) return p.Stage === "Closed Lost" ? conv : Math.max(conv, order.indexOf(p.Stage));
      const own = lostLead(l["Lead Status"]) ? 0 : order.indexOf(l["Lead Status"]);
      return l.CONVERTED === "Yes" ? Math.max(conv, own) : own;
    });
    expect(stageCounts(model)).toEqual(countsFromIndexes(idx, order.length));
    const counts = stageCounts(model);
    expect(counts[0]).toBe(3900);
    expect(counts[conv]).toBe(
      leads.filter((l) => dealOf.has(l.LEADID) || l.CONVERTED === "Yes").length,
    );
    const won = potentials.filter((p) => p.Stage === "Closed Won");
    const lost =
      potentials.filter((p) => p.Stage === "Closed Lost").length +
      leads.filter((l) => !dealOf.has(l.LEADID) && lostLead(l["Lead Status"])).length;
    expect(statusCounts(model)).toEqual({
      won: won.length,
      lost,
      open: leads.length - won.length - lost,
    });
    expect(won.length).toBe(1425);
    expect(revenueByCurrency(model)).toEqual(
      roundValues({ USD: won.reduce((s, p) => s + money(p.Amount), 0) }),
    );
    // The deal's owner sells.
    expect(sortedSet(model.deals.filter((d) => d.status === "won").map((d) => d.rep))).toEqual(
      sortedSet(won.map((p) => p["Potential Owner"])),
    );
    // No row of either table is left out for sharing an id.
    expect(model.issues.filter((i) => i.reason === "duplicate")).toEqual([]);
  });

  it("the files in any order give the same model", async () => {
    const a = await modelOf(files);
    const b = await modelOf([...files].reverse());
    expect(b.stages).toEqual(a.stages);
    expect(b.deals).toEqual(a.deals);
    expect(b.issues).toEqual(a.issues);
  });
});

// --- Hand-made tables: the merge rules ---------------------------------------------------------

const LEAD_HEAD = [
  "Lead ID",
  "Lead Owner",
  "Lead Source",
  "Lead Status",
  "Created Time",
  "Converted",
];
const DEAL_HEAD = [
  "Deal Name",
  "Deal Owner",
  "Stage",
  "Amount",
  "Closing Date",
  "Created Time",
  "Lead ID",
];

function tabs(leadRows: unknown[][], dealRows: unknown[][]): RawTab[] {
  return [
    { name: "Leads", values: [LEAD_HEAD, ...leadRows] },
    { name: "Deals", values: [DEAL_HEAD, ...dealRows] },
  ];
}

describe("leads + deals merge rules", () => {
  const leadRows = [
    ["L1", "Ann", "Web", "Contacted", "2024-01-02", "Yes"], // deal won
    ["L2", "Ann", "Web", "Attempted to Contact", "2024-01-03", "No"], // no deal, open
    ["L3", "Bob", "Ads", "Lost Lead", "2024-01-04", "No"], // no deal, lost
    ["L4", "Bob", "Ads", "Contacted", "2024-01-05", "Yes"], // flag yes, no deal in the export
    ["L5", "Bob", "Ads", "Junk Lead", "2024-01-06", "Yes"], // lost lead whose deal is open
    ["L6", "Ann", "Web", "Not Contacted", "2024-01-07", "No"], // deal lost
    ["L7", "Ann", "Web", "Converted", "2024-01-08", "No"], // a won word as a status, no deal
  ];
  const dealRows = [
    ["D1", "Carl", "Closed Won", "1000", "2024-02-01", "2024-01-10", "L1"],
    ["D5", "Dina", "Qualification", "500", "2024-03-01", "2024-01-11", "L5"],
    ["D6", "Carl", "Closed Lost", "700", "2024-02-05", "2024-01-12", "L6"],
    ["D9", "Dina", "Prospect", "300", "2024-03-02", "2024-01-13", "L9"], // no such lead
  ];

  it("one deal per lead, then deals without a lead; a conversion flag is never a sale", () => {
    const { model } = buildModel(tabs(leadRows, dealRows), { timeZone: "UTC" });
    expect(model.stages).toEqual([
      "Not Contacted",
      "Attempted to Contact",
      "Contacted",
      "Converted lead",
      "Prospect",
      "Qualification",
      "Closed Won",
    ]);
    const by = new Map(model.deals.map((d) => [d.id, d]));
    expect([...by.keys()]).toEqual(["L1", "L2", "L3", "L4", "L5", "L6", "L7", "D9"]);
    const view = (id: string) => {
      const d = by.get(id);
      return d && [model.stages[d.reached], d.status, d.rep, d.source, d.amount];
    };
    expect(view("L1")).toEqual(["Closed Won", "won", "Carl", "Web", 1000]);
    expect(view("L2")).toEqual(["Attempted to Contact", "open", "Ann", "Web", null]);
    expect(view("L3")).toEqual(["Not Contacted", "lost", "Bob", "Ads", null]);
    expect(view("L4")).toEqual(["Converted lead", "open", "Bob", "Ads", null]);
    expect(view("L5")).toEqual(["Qualification", "open", "Dina", "Ads", 500]);
    expect(view("L6")).toEqual(["Converted lead", "lost", "Carl", "Web", 700]);
    expect(view("L7")).toEqual(["Converted lead", "open", "Ann", "Web", null]);
    expect(view("D9")).toEqual(["Prospect", "open", "Dina", "", 300]);
    expect(by.get("L1")?.created).toBe(Date.UTC(2024, 0, 2));
    expect(by.get("L1")?.closed).toBe(Date.UTC(2024, 1, 1));
    expect(model.issues).toEqual([]);
  });

  it("the leads table alone: its flag reaches Converted lead, never a sale", () => {
    const leads: RawTab = { name: "Leads", values: [LEAD_HEAD, ...leadRows] };
    const alone = buildModel([leads], { timeZone: "UTC" });
    expect(alone.leadLink?.deals).toBeNull();
    expect(alone.model.stages[alone.model.stages.length - 1]).toBe("Converted lead");
    // Flagged, or the status a won word (L7's "Converted"): the conversion, as when linked.
    const flagged = leadRows.filter((r) => r[5] === "Yes" || r[3] === "Converted").map((r) => r[0]);
    const reached = alone.model.deals.filter((d) => d.reached === alone.model.stages.length - 1);
    expect(reached.map((d) => d.id)).toEqual(flagged);
    expect(statusCounts(alone.model).won).toBe(0);
    // A flag that is not a conversion (a "Won" column), or no lead id: the flag is the sale.
    for (const [c, header] of [
      [5, "Won"],
      [0, "Prospect ID"],
    ] as const) {
      const head = [...LEAD_HEAD];
      head[c] = header;
      const other = buildModel([{ name: "Leads", values: [head, ...leadRows] }], {
        timeZone: "UTC",
      });
      expect(other.leadLink).toBeUndefined();
      expect(other.model.stages).not.toContain("Converted lead");
      expect(statusCounts(other.model).won).toBeGreaterThan(0);
    }
  });

  it("whatever the rows, tab order and row contents: the same model either way, sound counts", () => {
    const statuses = [
      "Not Contacted",
      "Attempted to Contact",
      "Contacted",
      "Lost Lead",
      "Junk Lead",
    ];
    const stages = ["Prospect", "Qualification", "Closed Won", "Closed Lost"];
    const lead = fc.record({
      status: fc.constantFrom(...statuses),
      flag: fc.constantFrom("Yes", "No", ""),
    });
    const deal = fc.record({
      lead: fc.integer({ min: 0, max: 8 }),
      stage: fc.constantFrom(...stages),
    });
    let linkedRuns = 0;
    fc.assert(
      fc.property(
        fc.array(lead, { minLength: 1, maxLength: 8 }),
        fc.uniqueArray(deal, { minLength: 1, maxLength: 8, selector: (d) => d.lead }),
        (ls, ds) => {
          const lr = ls.map((l, i) => [`L${i}`, "Ann", "Web", l.status, "2024-01-02", l.flag]);
          const dr = ds.map((d, i) => [
            `D${i}`,
            "Bob",
            d.stage,
            "10",
            "2024-02-01",
            "2024-01-05",
            `L${d.lead}`,
          ]);
          const t = tabs(lr, dr);
          const built = buildModel(t, { timeZone: "UTC" });
          const a = built.model;
          // Linked when most deals name a lead of the table (else two unrelated tables; the
          // leads table then reads as Zoho's leads alone, which ends at Converted lead too).
          // Won only where a deal is Closed Won; never from the conversion flag, linked or not.
          expect(statusCounts(a).won).toBe(ds.filter((d) => d.stage === "Closed Won").length);
          if (!built.leadLink?.deals) return;
          linkedRuns++;
          const b = buildModel([...t].reverse(), { timeZone: "UTC" }).model;
          expect(b.deals).toEqual(a.deals);
          expectSoundFunnel(a);
          // Every lead is one deal; a deal whose lead is absent stands alone under its own id.
          // (One deal per lead here: a deals tab whose lead ids repeat reads as a stage log.)
          const leadIds = new Set(lr.map((r) => r[0]));
          const firstOf = new Map<string, number>();
          ds.forEach((d, i) => {
            if (!firstOf.has(`L${d.lead}`)) firstOf.set(`L${d.lead}`, i);
          });
          const alone = ds.filter(
            (d, i) => !leadIds.has(`L${d.lead}`) || firstOf.get(`L${d.lead}`) !== i,
          );
          expect(a.deals.length).toBe(ls.length + alone.length);
          for (const d of a.deals)
            if (d.status === "won") expect(a.stages[d.reached]).toBe("Closed Won");
          // A lead flagged Yes, or with a deal, reached Converted.
          const conv = a.stages.indexOf("Converted lead");
          ls.forEach((l, i) => {
            const d = a.deals.find((x) => x.id === `L${i}`);
            if (l.flag === "Yes" || firstOf.has(`L${i}`))
              expect(d?.reached).toBeGreaterThanOrEqual(conv);
          });
        },
      ),
      { numRuns: 60 },
    );
    expect(linkedRuns).toBeGreaterThan(20);
  });
});
