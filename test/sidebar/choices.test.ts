import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carry, keepOrder, pick } from "../../sidebar/choices";

describe("the user's choices over a fresh state", () => {
  it("keepOrder: the fresh stages, the user's order for those kept, new ones after", () => {
    expect(keepOrder(["B", "A", "C"], ["A", "B", "C", "D"])).toEqual(["B", "A", "C", "D"]);
    expect(keepOrder(["B", "X", "A"], ["A", "B"])).toEqual(["B", "A"]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 3 })),
        fc.uniqueArray(fc.string({ maxLength: 3 })),
        (user, fresh) => {
          const out = keepOrder(user, fresh);
          // Exactly the fresh stages…
          expect([...out].sort()).toEqual([...fresh].sort());
          // …with those the user ordered in the user's order, first.
          const kept = user.filter((s) => fresh.includes(s));
          expect(out.slice(0, kept.length)).toEqual(kept);
        },
      ),
    );
  });

  it("pick: the saved names that still exist, else all", () => {
    expect([...pick(["a", "b", "c"], ["b", "z"])]).toEqual(["b"]);
    expect([...pick(["a", "b"], ["z"])]).toEqual(["a", "b"]);
    expect([...pick(["a", "b"], undefined)]).toEqual(["a", "b"]);
  });

  it("carry: keeps the choice and takes in names that just appeared", () => {
    expect([...carry(["a", "b"], new Set(["a"]), ["a", "b", "c"])]).toEqual(["a", "c"]);
  });
});
