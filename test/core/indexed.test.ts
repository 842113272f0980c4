import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addAt, addEach, at, InternalError } from "../../src/core/indexed";
import { succeeds } from "../../src/core/succeeds";

describe("at", () => {
  it("returns the entry, null and 0 included", () => {
    expect(at([3, 0, 7], 1)).toBe(0);
    expect(at([null, 1], 0)).toBeNull();
    expect(at(Float64Array.of(1.5, 2.5), 1)).toBe(2.5);
  });

  it("throws an InternalError naming the position and the length for a missing entry", () => {
    expect(() => at([1, 2], 2)).toThrow(InternalError);
    expect(() => at([1, 2], -1)).toThrow("Internal error: no entry -1 in a list of 2");
    expect(() => at(new Int32Array(3), 1.5)).toThrow("no entry 1.5 in a list of 3");
  });
});

describe("addAt and addEach", () => {
  it("add into plain and typed arrays like += does, and refuse a position outside", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.integer({ min: -50, max: 50 }),
        (xs, pick, by) => {
          const i = pick % xs.length;
          const plain = [...xs];
          const typed = Int32Array.from(xs);
          addAt(plain, i, by);
          addAt(typed, i, by);
          const expected = [...xs];
          expected[i] = (expected[i] as number) + by;
          expect(plain).toEqual(expected);
          expect([...typed]).toEqual(expected);
          expect(() => addAt(plain, xs.length, by)).toThrow(InternalError);
        },
      ),
    );
  });

  it("addEach adds entry by entry and needs the target at least as long", () => {
    const into = [1, 2, 3];
    addEach(into, Float64Array.of(10, 20));
    expect(into).toEqual([11, 22, 3]);
    expect(() => addEach([1], [1, 2])).toThrow(InternalError);
  });
});

describe("succeeds", () => {
  it("is whether the call returns without throwing", () => {
    expect(succeeds(() => JSON.parse("{}"))).toBe(true);
    expect(succeeds(() => JSON.parse("{"))).toBe(false);
  });
});
