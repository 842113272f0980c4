import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COHORT_WINDOWS,
  type CohortDeal,
  cohortCounts,
  cohortMature,
  cohortStepConversions,
  cohortWindow,
  cohortWindowOfCounts,
  reachedWithin,
  windowAtLeast,
} from "../../src/core/metrics/cohort";

describe("cohortWindow", () => {
  it("is the shortest window of the ladder within which 80% of won deals were sold", () => {
    // 1..10: 8 of 10 deals need 8 days; the ladder's next window is 10.
    expect(cohortWindow([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(10);
    // 1..5: 4 of 5 within 4 days (a window of the ladder itself).
    expect(cohortWindow([1, 2, 3, 4, 5])).toBe(4);
    expect(cohortWindow([5, 5, 5])).toBe(5);
    expect(cohortWindow([0])).toBe(0);
    expect(cohortWindow([400, 400])).toBe(730);
  });
  it("ignores negative and non-finite spans; none left: null", () => {
    expect(cohortWindow([-3, Number.NaN, 4])).toBe(4);
    expect(cohortWindow([])).toBeNull();
    expect(cohortWindow([-1])).toBeNull();
  });
  it("counts by window give the same W as the spans one by one", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1 }), (spans) => {
        const counts = new Map<number, number>();
        for (const d of spans) counts.set(d, (counts.get(d) ?? 0) + 1);
        const w = cohortWindowOfCounts([...counts].map(([days, deals]) => ({ days, deals })));
        expect(w).toBe(cohortWindow(spans));
        // At least 80% within W, and fewer within the window below it.
        const within = (x: number) => spans.filter((d) => d <= x).length;
        expect(within(w as number)).toBeGreaterThanOrEqual(0.8 * spans.length - 1e-9);
        const below = [...COHORT_WINDOWS].reverse().find((x) => x < (w as number));
        if (below !== undefined && (w as number) <= 365)
          expect(within(below)).toBeLessThan(0.8 * spans.length);
      }),
    );
  });
});

describe("windowAtLeast", () => {
  it("rounds up to the ladder, then to whole years", () => {
    expect([0, 1, 7, 8, 10, 11, 31, 364, 365, 366, 800].map(windowAtLeast)).toEqual([
      0, 1, 7, 10, 10, 14, 45, 365, 365, 730, 1095,
    ]);
    expect(windowAtLeast(-5)).toBe(0);
    expect(windowAtLeast(2.5)).toBe(3);
  });
  it("is the smallest window at least as long, and a window is its own", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), (d) => {
        const w = windowAtLeast(d);
        expect(w).toBeGreaterThanOrEqual(d);
        expect(windowAtLeast(w)).toBe(w);
        if (d > 0) expect(windowAtLeast(d - 1)).toBeLessThanOrEqual(w);
      }),
    );
  });
});

describe("reachedWithin", () => {
  const dated = [true, true, true];
  it("counts a stage reached within W days of the cohort day", () => {
    const d: CohortDeal = { start: 100, reached: 2, stageDays: [100, 105, 140] };
    expect([...reachedWithin(d, 3, dated, 30)]).toEqual([1, 1, 0]);
    expect([...reachedWithin(d, 3, dated, 40)]).toEqual([1, 1, 1]);
  });
  it("a later stage within the window means the earlier ones were passed within it", () => {
    // Stage 1 has no date but stage 2 is within the window: stage 1 counts too.
    const d: CohortDeal = { start: 100, reached: 2, stageDays: [100, null, 110] };
    expect([...reachedWithin(d, 3, dated, 30)]).toEqual([1, 1, 1]);
  });
  it("stages without dates anywhere count as reached so far; no window: reached so far", () => {
    const d: CohortDeal = { start: 100, reached: 2, stageDays: [100, 500, null] };
    expect([...reachedWithin(d, 3, [true, true, false], 30)]).toEqual([1, 1, 1]);
    expect([...reachedWithin(d, 3, dated, null)]).toEqual([1, 1, 1]);
  });
  it("a deal in no cohort or that reached nothing counts nowhere", () => {
    expect([
      ...reachedWithin({ start: null, reached: 2, stageDays: [1, 2, 3] }, 3, dated, 9),
    ]).toEqual([0, 0, 0]);
    expect([...reachedWithin({ start: 1, reached: -1, stageDays: [] }, 3, dated, 9)]).toEqual([
      0, 0, 0,
    ]);
  });
});

describe("cohortCounts and step conversions", () => {
  it("counts a cohort by hand", () => {
    const deals: CohortDeal[] = [
      { start: 0, reached: 2, stageDays: [0, 3, 8] },
      { start: 1, reached: 2, stageDays: [1, 4, 40] }, // won too late for W = 10
      { start: 2, reached: 1, stageDays: [2, 5, null] },
      { start: 3, reached: 0, stageDays: [3, null, null] },
      { start: null, reached: 2, stageDays: [null, null, null] }, // no date: in no cohort
    ];
    const c = cohortCounts(deals, 3, [true, true, true], 10);
    expect(c).toEqual({ size: 4, reached: [4, 3, 1] });
    expect(cohortStepConversions(c)).toEqual([null, 3 / 4, 1 / 3]);
    expect(cohortStepConversions({ size: 0, reached: [0, 0] })).toEqual([null, null]);
  });

  it("property: never above 100%, never growing down the funnel", () => {
    const day = fc.option(fc.integer({ min: 0, max: 400 }), { nil: null });
    const dealArb = fc.record({
      start: day,
      reached: fc.integer({ min: -1, max: 4 }),
      stageDays: fc.array(day, { minLength: 5, maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(dealArb, { maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        (deals, dated, w) => {
          const c = cohortCounts(deals, 5, dated, w);
          for (let k = 0; k < 5; k++) {
            expect(c.reached[k]).toBeLessThanOrEqual(c.size);
            if (k > 0) expect(c.reached[k]).toBeLessThanOrEqual(c.reached[k - 1]);
          }
          for (const s of cohortStepConversions(c))
            if (s !== null) expect(s).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("cohortMature", () => {
  it("a period is judged when its last day is W days before the data's last date", () => {
    // Period days 0..29 (end 30), W = 10: its youngest deal is 10 days old on day 39.
    expect(cohortMature(30, 10, 39)).toBe(true);
    expect(cohortMature(30, 10, 38)).toBe(false);
    expect(cohortMature(30, null, 29)).toBe(true);
  });
});
