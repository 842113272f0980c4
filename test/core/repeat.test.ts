import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repeatWins } from "../../src/core/metrics/repeat";

type D = { status: "won" | "lost" | "open"; client: string; at: number | null };

describe("repeatWins", () => {
  it("marks every win of a client after their first, unknown dates last", () => {
    const deals: D[] = [
      { status: "won", client: "Acme", at: 20 },
      { status: "won", client: "acme", at: 10 },
      { status: "lost", client: "Acme", at: 5 },
      { status: "won", client: "Beta", at: null },
      { status: "won", client: "Beta", at: 30 },
      { status: "won", client: "", at: 1 },
      { status: "won", client: "", at: 2 },
    ];
    const out = repeatWins(deals, (d) => d.at);
    expect(deals.map((d) => out.has(d))).toEqual([true, false, false, true, false, false, false]);
  });

  it("agrees with a pairwise check on random deals", () => {
    const deal = fc.record({
      status: fc.constantFrom("won", "lost", "open") as fc.Arbitrary<D["status"]>,
      client: fc.constantFrom("", "a", "A", "b"),
      at: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 12 }), (deals) => {
        const out = repeatWins(deals, (d) => d.at);
        const key = (d: D) => (d.at === null ? Number.POSITIVE_INFINITY : d.at);
        deals.forEach((d, i) => {
          // Independent route: a win is a repeat when an earlier win (by date, then place) shares its client.
          const earlier = deals.some(
            (e, j) =>
              j !== i &&
              e.status === "won" &&
              d.status === "won" &&
              d.client !== "" &&
              e.client.toLowerCase() === d.client.toLowerCase() &&
              (key(e) < key(d) || (key(e) === key(d) && j < i)),
          );
          expect(out.has(d)).toBe(earlier);
        });
      }),
    );
  });
});
