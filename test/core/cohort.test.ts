import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CohortDeal,
  cohortCounts,
  cohortMature,
  cohortStepConversions,
  cohortWindow,
  reachedWithin,
} from "../../src/core/metrics/cohort";

describe("cohortWindow", () => {
  it("is the 80th percentile of won deals' days, rounded up", () => {
    // 1..10: h = 9 × 0.8 = 7.2 → 8 + 0.2 × 1 = 8.2 → 9 days.
    expect(cohortWindow([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(cohortWindow([5, 5, 5])).toBe(5);
    expect(cohortWindow([0])).toBe(0);
  });
  it("ignores negative and non-finite spans; none left: null", () => {
    expect(cohortWindow([-3, Number.NaN, 4])).toBe(4);
    expect(cohortWindow([])).toBeNull();
    expect(cohortWindow([-1])).toBeNull();
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
