/** The roles model's counting rules (src/core/metrics/roles.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBooking,
  bookingsOf,
  emptyOutcome,
  RoleBook,
  type RoleDeal,
  rateFallZ,
  sdrOf,
  shareFallZ,
} from "../../src/core/metrics/roles";

const DAY = 86_400_000;
const STAGES = { booked: 1, confirmed: 2, held: 3, proposal: -1 };

function deal(over: Partial<RoleDeal>): RoleDeal {
  return {
    id: "D",
    rep: "",
    source: "",
    client: "",
    created: null,
    reached: 0,
    stageDates: [null, null, null, null, null],
    status: "open",
    closed: null,
    amount: null,
    targeted: null,
    ...over,
  };
}

describe("roles over time", () => {
  it("the role with the latest since on or before the day; the earliest before any", () => {
    const book = new RoleBook([
      { rep: "Ann", role: "sdr", since: null },
      { rep: "ann ", role: "hunter", since: 100 * DAY },
    ]);
    expect(book.roleOf("ANN", 50)).toBe("sdr");
    expect(book.roleOf("Ann", 100)).toBe("hunter");
    expect(book.roleOf("Ann")).toBe("hunter");
    expect(book.roleOf("Bob", 100)).toBeNull();
    expect(book.reps("sdr")).toEqual(["Ann"]);
  });

  it("a blank booked-by falls back to the owner only when the owner is an SDR", () => {
    const book = new RoleBook([
      { rep: "Sam", role: "sdr", since: null },
      { rep: "Hal", role: "hunter", since: null },
    ]);
    expect(sdrOf(deal({ rep: "Hal", bookedBy: "Sam" }), book, 0)).toBe("Sam");
    expect(sdrOf(deal({ rep: "Sam" }), book, 0)).toBe("Sam");
    expect(sdrOf(deal({ rep: "Hal" }), book, 0)).toBe("");
    expect(sdrOf(deal({ rep: "Nobody" }), book, 0)).toBe("");
  });
});

describe("bookings and what they led to", () => {
  it("a booking dates by its booked day, else its held day; counts within a window", () => {
    const d = deal({
      reached: 4,
      status: "won",
      stageDates: [null, null, 12 * DAY, 14 * DAY, 30 * DAY],
      closed: 30 * DAY,
      amount: 500,
    });
    const [b] = bookingsOf([d], STAGES, new RoleBook());
    expect(b?.day).toBe(14);
    const all = emptyOutcome();
    addBooking(all, b!);
    expect(all).toEqual({ booked: 1, confirmed: 1, held: 1, heldWon: 1, sales: 1, revenue: 500 });
    const w = emptyOutcome();
    addBooking(w, b!, 10);
    expect(w).toEqual({ booked: 1, confirmed: 1, held: 1, heldWon: 0, sales: 0, revenue: 0 });
  });

  it("never more confirmed than booked, held than confirmed, held-won than held", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            reached: fc.integer({ min: -1, max: 4 }),
            won: fc.boolean(),
            days: fc.array(fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }), {
              minLength: 5,
              maxLength: 5,
            }),
            window: fc.integer({ min: 0, max: 30 }),
          }),
        ),
        (xs) => {
          const o = emptyOutcome();
          const deals = xs.map((x) =>
            deal({
              reached: x.reached,
              status: x.won ? "won" : "lost",
              stageDates: x.days.map((v) => (v === null ? null : v * DAY)),
            }),
          );
          const bookings = bookingsOf(deals, STAGES, new RoleBook());
          bookings.forEach((b, i) => {
            addBooking(o, b, xs[i]?.window);
          });
          expect(o.confirmed).toBeLessThanOrEqual(o.booked);
          expect(o.held).toBeLessThanOrEqual(o.confirmed);
          expect(o.heldWon).toBeLessThanOrEqual(o.held);
        },
      ),
    );
  });
});

describe("falls", () => {
  it("a fall is measured in standard errors, and a rise is no fall", () => {
    expect(shareFallZ(80, 100, 40, 100)).toBeGreaterThan(5);
    expect(shareFallZ(8, 10, 6, 10)).toBeLessThan(1.5);
    expect(shareFallZ(40, 100, 80, 100)).toBe(0);
    expect(rateFallZ(90, 20, 30, 20)).toBeGreaterThan(5);
    expect(rateFallZ(30, 20, 90, 20)).toBe(0);
  });
});
