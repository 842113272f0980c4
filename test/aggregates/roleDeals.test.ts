/**
 * The Roles rows (src/aggregates/types.ts `RoleDealRow`) against the rules of SPEC §7 on
 * hand-made deals whose expected rows are written out here; the SQL engine is held to the same
 * rows by test/sql/engines.test.ts.
 */
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregates/memory";
import type { RoleDealRow } from "../../src/aggregates/types";
import { meetingStagesOf } from "../../src/model/team";
import { DAY, day, deal, emptyModel } from "../report/fixtures";

const d0 = (iso: string) => day(iso) / DAY;
const stages = ["Lead", "Meeting booked", "Meeting confirmed", "Meeting held", "Proposal", "Paid"];

/** A row with every flag off, then the given fields. */
function row(over: Partial<RoleDealRow>): RoleDealRow {
  return {
    ownDay: null,
    day: null,
    rep: "",
    source: "",
    bookedBy: "",
    targeted: null,
    booking: false,
    meetingDated: false,
    confirmed: false,
    held: false,
    proposal: false,
    won: false,
    lost: false,
    repeatWin: false,
    client: "",
    id: "",
    confirmedAfter: null,
    heldAfter: null,
    saleAfter: null,
    heldDay: null,
    proposalDay: null,
    saleDay: null,
    deals: 1,
    revenue: 0,
    amounts: 0,
    ...over,
  };
}

const byId = (rows: RoleDealRow[]) =>
  [...rows].sort((a, b) => (a.ownDay ?? -1) - (b.ownDay ?? -1) || a.rep.localeCompare(b.rep));

describe("aggregate: Roles rows", () => {
  it("reads the funnel's meeting steps and proposal", () => {
    expect(meetingStagesOf(stages)).toEqual({ booked: 1, confirmed: 2, held: 3, proposal: 4 });
  });

  const model = emptyModel({
    stages,
    deals: [
      // Booked by an SDR on the 2nd, held on the 5th, lost: listed by its id; days from booking.
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
      // Two alike bookings on one day, both won 10 days later: one row of two deals.
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
      // A farmer's repeat win of client 0 (written otherwise): no meeting; its client kept, trimmed.
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
      // Only named who booked it: kept for the SDR's leads, not a booking.
      deal({ id: "B1", rep: "Olga", bookedBy: "Sam", created: day("2026-04-03"), reached: 0 }),
      // Open, never met, nobody booked it: not a Roles row.
      deal({ id: "X1", rep: "Olga", created: day("2026-04-04"), reached: 0 }),
    ],
  });
  const rows = byId(aggregate(model).roleDeals);

  it("one row per group of alike deals, with the days the within-W rules need", () => {
    expect(rows).toEqual([
      row({
        ownDay: d0("2026-03-01"),
        day: d0("2026-03-02"),
        rep: "Hanna",
        source: "Ads",
        bookedBy: "Sam",
        targeted: true,
        booking: true,
        meetingDated: true,
        confirmed: true,
        held: true,
        lost: true,
        id: "L1",
        confirmedAfter: 2,
        heldAfter: 3,
        heldDay: d0("2026-03-05"),
      }),
      row({
        ownDay: d0("2026-03-03"),
        day: d0("2026-03-03"),
        rep: "Hanna",
        source: "Web",
        booking: true,
        meetingDated: true,
        confirmed: true,
        held: true,
        proposal: true,
        won: true,
        heldAfter: 3,
        saleAfter: 10,
        heldDay: d0("2026-03-06"),
        saleDay: d0("2026-03-13"),
        deals: 2,
        revenue: 100,
        amounts: 1,
      }),
      row({
        ownDay: d0("2026-04-01"),
        rep: "Fiona",
        won: true,
        repeatWin: true,
        client: "client 0",
        saleDay: d0("2026-04-02"),
        revenue: 50,
        amounts: 1,
      }),
      row({ ownDay: d0("2026-04-03"), rep: "Olga", bookedBy: "Sam" }),
    ]);
  });

  it("keeps every booking and every won deal, whatever the grouping", () => {
    const total = (f: (r: RoleDealRow) => boolean) =>
      rows.filter(f).reduce((s, r) => s + r.deals, 0);
    const deals = model.deals;
    expect(total((r) => r.booking)).toBe(deals.filter((d) => d.reached >= 1).length);
    expect(total((r) => r.won)).toBe(deals.filter((d) => d.status === "won").length);
  });
});
