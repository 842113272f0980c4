import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { precedenceOrder } from "../../src/core/metrics/stageOrder";

const deal = (...entries: [number, number][]) => new Map(entries);

describe("precedenceOrder: stage order from which stage each deal entered first", () => {
  it("follows the deals, not the mean time since a deal's first entry", () => {
    // Stages 0 = Signing, 1 = Lead, 2 = Negotiation. Many deals were already at Signing when the
    // log began (their only entry), which puts Signing's mean time at 0 — yet every deal that
    // entered two stages went Lead → Negotiation → Signing.
    const deals = [
      ...Array.from({ length: 50 }, () => deal([0, 0])),
      deal([1, 0], [2, 5], [0, 9]),
      deal([1, 0], [2, 3]),
      deal([2, 0], [0, 4]),
    ];
    expect(precedenceOrder(3, deals)).toEqual([1, 2, 0]);
  });

  it("a majority wins over a few deals that skipped back", () => {
    const deals = [...Array.from({ length: 9 }, () => deal([0, 1], [1, 2])), deal([1, 1], [0, 2])];
    expect(precedenceOrder(2, deals)).toEqual([0, 1]);
  });

  it("ties fall back to the mean entry time, then the index", () => {
    expect(precedenceOrder(3, [], [5, 1, 3])).toEqual([1, 2, 0]);
    expect(precedenceOrder(2, [])).toEqual([0, 1]);
  });

  it("recovers any hidden order from deals that enter a prefix of it in time order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }).chain((n) =>
          fc.tuple(
            fc.shuffledSubarray(
              Array.from({ length: n }, (_, i) => i),
              { minLength: n, maxLength: n },
            ),
            fc.array(fc.integer({ min: 1, max: n }), { minLength: 1, maxLength: 30 }),
          ),
        ),
        ([hidden, reached]) => {
          // Every deal enters hidden[0], hidden[1], … up to how far it got; one deal goes all the way.
          const deals = [...reached, hidden.length].map((k) =>
            deal(...hidden.slice(0, k).map((s, t) => [s, t] as [number, number])),
          );
          expect(precedenceOrder(hidden.length, deals)).toEqual(hidden);
        },
      ),
    );
  });
});
