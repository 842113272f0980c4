/**
 * The Roles views (src/aggregates/types.ts `RoleLeadRow` … `HeldLostRow`) against the rules of
 * SPEC §7 on hand-made deals whose expected rows are written out here; the SQL engine is held to
 * the same rows by test/sql/engines.test.ts.
 */
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregates/memory";
import { rolesNeeded } from "../../src/aggregates/roleViews";
import { generateWorkbook } from "../../src/generate";
import { buildModel } from "../../src/model";
import { meetingStagesOf } from "../../src/model/team";
import { planReport, planReportFrom } from "../../src/report/plan";
import { DAY, day, deal, emptyModel } from "../report/fixtures";

const d0 = (iso: string) => day(iso) / DAY;
const stages = ["Lead", "Meeting booked", "Meeting confirmed", "Meeting held", "Proposal", "Paid"];
/** Rows in one order whatever the order of their fields. */
const sorted = <R extends object>(rows: R[]) => {
  const key = (r: R) => JSON.stringify(Object.entries(r).sort());
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
};

describe("aggregate: Roles views", () => {
  it("reads the funnel's meeting steps and proposal", () => {
    expect(meetingStagesOf(stages)).toEqual({ booked: 1, confirmed: 2, held: 3, proposal: 4 });
  });

  const model = emptyModel({
    stages,
    deals: [
      // Booked by an SDR on Monday 2 March, confirmed on the 4th, held on the 5th, lost.
      deal({
        id: "L1",
        rep: "Hanna",
        source: "Ads",
        bookedBy: " Sam ",
        created: day("2026-03-01"),
        stageDates: [day("2026-03-01"), day("2026-03-02"), day("2026-03-04"), day("2026-03-05")],
        reached: 3,
        status: "lost",
        targeted: true,
      }),
      // Two alike bookings on one day by their owner, held 3 days later, won 10 days later.
      ...["W1", "W2"].map((id, i) =>
        deal({
          id,
          rep: "Hanna",
          source: "Web",
          client: `Client ${i}`,
          created: day("2026-03-03"),
          stageDates: [day("2026-03-03"), day("2026-03-03"), null, day("2026-03-06"), null, null],
          reached: 5,
          status: "won",
          closed: day("2026-03-13"),
          amount: i === 0 ? 100 : null,
        }),
      ),
      // A farmer's repeat win of client 0 (written otherwise): no meeting.
      deal({
        id: "R1",
        rep: "Fiona",
        client: " client 0",
        created: day("2026-04-01"),
        stageDates: [day("2026-04-01")],
        reached: 0,
        status: "won",
        closed: day("2026-04-02"),
        amount: 50,
      }),
      // Only names who booked it: a lead of the SDR's, not a booking.
      deal({ id: "B1", rep: "Olga", bookedBy: "Sam", created: day("2026-04-03"), reached: 0 }),
      deal({ id: "X1", rep: "Olga", created: day("2026-04-04"), reached: 0 }),
    ],
  });
  const agg = aggregate(model);
  const lead = { byOwner: true, source: "", targeted: null, deals: 1 };

  it("leads by the deal's own day, to who booked it, else to the owner", () => {
    expect(sorted(agg.roleLeads)).toEqual(
      sorted([
        {
          ...lead,
          day: d0("2026-03-01"),
          sdr: "Sam",
          byOwner: false,
          source: "Ads",
          targeted: true,
        },
        { ...lead, day: d0("2026-03-03"), sdr: "Hanna", source: "Web", deals: 2 },
        { ...lead, day: d0("2026-04-01"), sdr: "Fiona" },
        { ...lead, day: d0("2026-04-03"), sdr: "Sam", byOwner: false },
        { ...lead, day: d0("2026-04-04"), sdr: "Olga" },
      ]),
    );
  });

  it("bookings by the booked day, with what they led to by the data's last day", () => {
    expect(sorted(agg.bookings)).toEqual(
      sorted([
        {
          day: d0("2026-03-02"),
          sdr: "Sam",
          byOwner: false,
          source: "Ads",
          targeted: true,
          booked: 1,
          confirmed: 1,
          held: 1,
          heldWon: 0,
          sales: 0,
          revenue: 0,
          amounts: 0,
        },
        {
          day: d0("2026-03-03"),
          sdr: "Hanna",
          byOwner: true,
          source: "Web",
          targeted: null,
          booked: 2,
          confirmed: 2,
          held: 2,
          heldWon: 2,
          sales: 2,
          revenue: 100,
          amounts: 1,
        },
      ]),
    );
  });

  it("reach per week part: the smallest W each outcome counts within (null: any W)", () => {
    const part = d0("2026-03-02"); // Monday: both bookings' week part
    const sam = { day: part, sdr: "Sam", byOwner: false, source: "Ads" };
    const hanna = { day: part, sdr: "Hanna", byOwner: true, source: "Web" };
    expect(sorted(agg.bookingReach)).toEqual(
      sorted([
        { ...sam, outcome: "booked", withinDays: null, deals: 1 },
        { ...sam, outcome: "targeted", withinDays: null, deals: 1 },
        { ...sam, outcome: "held_lost", withinDays: null, deals: 1 },
        // Confirmed 2 days after booking (held after 3): within 2.
        { ...sam, outcome: "confirmed", withinDays: 2, deals: 1 },
        { ...sam, outcome: "held", withinDays: 3, deals: 1 },
        { ...hanna, outcome: "booked", withinDays: null, deals: 2 },
        // Confirmed without a date: it happened, when is unknown, so at any W.
        { ...hanna, outcome: "confirmed", withinDays: null, deals: 2 },
        { ...hanna, outcome: "held", withinDays: 3, deals: 2 },
        // Held within 3 and won within 10: both within 10.
        { ...hanna, outcome: "held_won", withinDays: 10, deals: 2 },
      ]),
    );
  });

  it("hunters' and farmers' events, each by its own day; repeat clients", () => {
    const ev = { rep: "Hanna", revenue: 0, amounts: 0 };
    expect(sorted(agg.roleEvents)).toEqual(
      sorted([
        { ...ev, day: d0("2026-03-05"), source: "Ads", event: "held", deals: 1 },
        { ...ev, day: d0("2026-03-06"), source: "Web", event: "held", deals: 2 },
        { ...ev, day: d0("2026-03-06"), source: "Web", event: "held_won", deals: 2 },
        // The proposal has no date: the deal's own day.
        { ...ev, day: d0("2026-03-03"), source: "Web", event: "proposal", deals: 2 },
        {
          ...ev,
          day: d0("2026-03-13"),
          source: "Web",
          event: "sale",
          deals: 2,
          revenue: 100,
          amounts: 1,
        },
        {
          day: d0("2026-04-02"),
          rep: "Fiona",
          source: "",
          event: "sale",
          deals: 1,
          revenue: 50,
          amounts: 1,
        },
        {
          day: d0("2026-04-02"),
          rep: "Fiona",
          source: "",
          event: "repeat_sale",
          deals: 1,
          revenue: 50,
          amounts: 1,
        },
      ]),
    );
    expect(agg.repeatClients).toEqual([
      { day: d0("2026-04-02"), rep: "Fiona", source: "", client: "client 0" },
    ]);
  });

  it("held-but-lost bookings: at most 10 per week part and SDR, the latest held first", () => {
    expect(agg.heldLost).toEqual([
      {
        day: d0("2026-03-02"),
        sdr: "Sam",
        byOwner: false,
        id: "L1",
        source: "Ads",
        targeted: true,
        bookedDay: d0("2026-03-02"),
        heldDay: d0("2026-03-05"),
        rep: "Hanna",
      },
    ]);
    // Twelve of Sam's in one week part, held on the 3rd … 14th: the ten held last are kept.
    const many = emptyModel({
      stages,
      deals: Array.from({ length: 12 }, (_, i) =>
        deal({
          id: `H${i}`,
          rep: "Hanna",
          bookedBy: "Sam",
          created: day("2026-03-02"),
          stageDates: [null, day("2026-03-02"), null, day("2026-03-02") + (i + 1) * DAY],
          reached: 3,
          status: "lost",
        }),
      ),
    });
    const kept = aggregate(many);
    expect(kept.heldLost.map((r) => r.id)).toEqual([
      "H11",
      "H10",
      "H9",
      "H8",
      "H7",
      "H6",
      "H5",
      "H4",
      "H3",
      "H2",
    ]);
    const lost = kept.bookingReach.filter((r) => r.outcome === "held_lost");
    expect(lost.map((r) => r.deals)).toEqual([12]);
  });

  it("are not counted for a report without a Roles sheet (no team, no booked by): same report", () => {
    for (const team of [false, true]) {
      const wb = generateWorkbook({ seed: 3, lang: "en", team, months: 2, scale: 0.05 });
      const m = buildModel(wb.tabs, { timeZone: "UTC" }).model;
      expect(rolesNeeded(m)).toBe(team);
      const options = { lang: "en" as const, period: "month" as const };
      const plan = planReport(m, options);
      expect(plan).toEqual(planReportFrom(aggregate(m), m, options));
      expect(plan.sheets.some((s) => s.key === "roles")).toBe(team);
    }
  });
});
