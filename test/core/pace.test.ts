import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysIn, runRate, shareOfPlan, workingDays } from "../../src/core/metrics/pace";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Mon–Fri in [start, end) by asking Date for each day's weekday (an independent route). */
function bruteWorkdays(start: number, end: number): number {
  let n = 0;
  for (let d = start; d < end; d++) {
    const wd = new Date(d * 86_400_000).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

describe("daysIn", () => {
  it("counts calendar days and Mon–Fri of a half-open span", () => {
    // March 2026: 31 days, 22 of them Mon–Fri.
    expect(daysIn(day("2026-03-01"), day("2026-04-01"), "days")).toBe(31);
    expect(daysIn(day("2026-03-01"), day("2026-04-01"), "workdays")).toBe(22);
    expect(daysIn(day("2026-03-05"), day("2026-03-05"), "days")).toBe(0);
    expect(daysIn(day("2026-03-06"), day("2026-03-05"), "workdays")).toBe(0);
  });

  it("workdays agree with Date's weekdays on any span", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: -5, max: 400 }),
        (s, n) => {
          expect(daysIn(s, s + n, "workdays")).toBe(bruteWorkdays(s, s + n));
          expect(daysIn(s, s + n, "days")).toBe(Math.max(0, n));
        },
      ),
    );
  });
});

describe("workingDays", () => {
  it("is Mon–Fri, or every day of a weekend-only span", () => {
    expect(workingDays(day("2026-03-02"), day("2026-03-09"))).toBe(5);
    // 7–8 March 2026 is a Saturday and a Sunday.
    expect(workingDays(day("2026-03-07"), day("2026-03-09"))).toBe(2);
  });
});

describe("runRate", () => {
  it("scales the fact so far to the whole period", () => {
    expect(runRate(30, 10, 22)).toBe(66);
    expect(runRate(0, 5, 20)).toBe(0);
  });

  it("has no forecast before any day or for an empty period", () => {
    expect(runRate(5, 0, 20)).toBeNull();
    expect(runRate(5, 3, 0)).toBeNull();
  });

  it("a pace kept to the end forecasts the fact itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 400 }), (f, n) => {
        expect(runRate(f, n, n)).toBeCloseTo(f, 6);
      }),
    );
  });
});

describe("shareOfPlan", () => {
  it("divides by the plan; nothing without a forecast or a plan", () => {
    expect(shareOfPlan(66, 60)).toBeCloseTo(1.1, 12);
    expect(shareOfPlan(null, 60)).toBeNull();
    expect(shareOfPlan(66, null)).toBeNull();
    expect(shareOfPlan(66, 0)).toBeNull();
  });
});
