import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MS_PER_DAY, weekday } from "../../src/core/calendar";
import {
  bucketValue,
  bucketWidth,
  bucketWidthLadder,
  hoursBucket,
  MAX_SPREAD_HOURS,
  type SpreadBucket,
  spreadQuantile,
  weekPartStart,
} from "../../src/core/metrics/spread";
import { quantile } from "../../src/core/stats";

/** Durations → bucket rows, as an engine keeps them (`withTotal` false: a tab exported before total_hours). */
function bucketsOf(hours: readonly number[], withTotal = true): SpreadBucket[] {
  const m = new Map<number, SpreadBucket & { totalHours: number }>();
  for (const h of hours) {
    const from = hoursBucket(h);
    const b = m.get(from) ?? { fromHours: from, count: 0, minHours: h, maxHours: h, totalHours: 0 };
    b.count++;
    b.minHours = Math.min(b.minHours, h);
    b.maxHours = Math.max(b.maxHours, h);
    b.totalHours += h;
    m.set(from, b);
  }
  return [...m.values()].map((b) => (withTotal ? b : { ...b, totalHours: null }));
}

const hoursArb = fc.integer({ min: 0, max: 20_000 });

describe("hoursBucket", () => {
  it("holds the value; exact below 16 hours, then at most an eighth of its values wide and a day", () => {
    fc.assert(
      fc.property(hoursArb, (h) => {
        const from = hoursBucket(h);
        const w = bucketWidth(from);
        expect(from).toBeLessThanOrEqual(h);
        expect(h).toBeLessThan(from + w);
        expect(hoursBucket(from)).toBe(from);
        if (h < 16) expect(from).toBe(h);
        else if (h < 360 * 24) {
          expect(w).toBeLessThanOrEqual(from / 8);
          expect(w).toBeLessThanOrEqual(24);
        } else expect(w).toBe(30 * 24);
      }),
    );
  });
  it("follows its ladder: 2, 4, 8, 16 hours up to 8 days, whole days to 360 days, then 30", () => {
    const starts = (from: number, to: number) => {
      const out = new Set<number>();
      for (let h = from; h < to; h++) out.add(hoursBucket(h));
      return [...out];
    };
    expect(starts(64, 128)).toEqual([64, 72, 80, 88, 96, 104, 112, 120]);
    expect(starts(128, 240)).toEqual([128, 144, 160, 176, 192, 216]);
    expect(hoursBucket(45 * 24 + 23)).toBe(45 * 24);
    expect(hoursBucket(400 * 24)).toBe(390 * 24);
    const ladder = bucketWidthLadder();
    for (const [i, { from, width }] of ladder.entries()) {
      expect(from % width).toBe(0);
      expect(bucketWidth(from)).toBe(width);
      const next = ladder[i + 1];
      if (next) expect(bucketWidth(next.from - 1)).toBe(width);
    }
    expect(hoursBucket(MAX_SPREAD_HOURS + 1000)).toBe(hoursBucket(MAX_SPREAD_HOURS));
  });
});

describe("spreadQuantile", () => {
  it("is exact where each bucket holds one value (dates without times: whole days)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 359 }), { minLength: 1 }), (days) => {
        const hours = days.map((d) => d * 24);
        for (const q of [0, 0.5, 0.9, 1])
          expect(spreadQuantile(bucketsOf(hours), q)).toBeCloseTo(quantile(hours, q) as number, 9);
      }),
    );
  });
  it("is exact where no bucket holds more than 3 durations (shortest, longest, total less both)", () => {
    fc.assert(
      fc.property(
        fc.array(hoursArb, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raw, q) => {
          // At most 3 durations per bucket: the first 3 of each bucket in the random list.
          const seen = new Map<number, number>();
          const hours = raw.filter((h) => {
            const n = (seen.get(hoursBucket(h)) ?? 0) + 1;
            seen.set(hoursBucket(h), n);
            return n <= 3;
          });
          for (const p of [q, 0.5, 0.9])
            expect(spreadQuantile(bucketsOf(hours), p)).toBeCloseTo(
              quantile(hours, p) as number,
              9,
            );
        },
      ),
    );
  });
  for (const withTotal of [true, false])
    it(`is never off by more than the width of the buckets the exact figure lies between${withTotal ? "" : " (rows without total_hours)"}`, () => {
      fc.assert(
        fc.property(
          fc.array(hoursArb, { minLength: 1, maxLength: 300 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (hours, q) => {
            const sorted = [...hours].sort((a, b) => a - b);
            const h = (sorted.length - 1) * q;
            const lo = sorted[Math.floor(h)] as number;
            const hi = sorted[Math.ceil(h)] as number;
            const est = spreadQuantile(bucketsOf(hours, withTotal), q) as number;
            expect(est).toBeGreaterThanOrEqual(hoursBucket(lo) - 1e-9);
            expect(est).toBeLessThanOrEqual(hoursBucket(hi) + bucketWidth(hi) + 1e-9);
          },
        ),
      );
    });
  it("does not depend on how the rows are split or ordered (days, reps, sources)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(hoursArb, fc.integer({ min: 0, max: 6 })), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.boolean(),
        (tagged, reversed) => {
          const hours = tagged.map(([h]) => h);
          // Each duration in the row of its random tag (a day, a rep…), rows in any order.
          const rows = Array.from({ length: 7 }, (_, i) =>
            bucketsOf(tagged.filter(([, t]) => t === i).map(([h]) => h)),
          ).flat();
          if (reversed) rows.reverse();
          for (const q of [0, 0.1, 0.5, 0.9, 1])
            expect(spreadQuantile(rows, q)).toBe(spreadQuantile(bucketsOf(hours), q));
        },
      ),
    );
  });
  it("spreads a bucket's middle durations in whole hours within [min, max] around their mean, in order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.array(fc.integer({ min: 0, max: 23 }), { minLength: 1, maxLength: 60 }),
        (start, offsets) => {
          const hours = offsets.map((o) => start + o);
          const b = {
            count: hours.length,
            min: Math.min(...hours),
            max: Math.max(...hours),
            total: hours.reduce((x, y) => x + y, 0),
          };
          const values = Array.from({ length: b.count }, (_, j) =>
            bucketValue(b.count, b.min, b.max, b.total, j),
          );
          // Each the nearest whole hour to an even spread whose mean is the true one.
          const sum = values.reduce((x, y) => x + y, 0);
          expect(Math.abs(sum - b.total)).toBeLessThanOrEqual(Math.max(0, b.count - 2) / 2);
          for (const [j, v] of values.entries()) {
            expect(Number.isInteger(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(b.min);
            expect(v).toBeLessThanOrEqual(b.max);
            if (j > 0) expect(v).toBeGreaterThanOrEqual(values[j - 1] as number);
          }
        },
      ),
    );
  });
  it("with the total an even spread implies, is that even spread from min to max in whole hours", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 30 }),
        (count, min, width) => {
          const max = min + width;
          const total = (count * (min + max)) / 2;
          for (let j = 0; j < count; j++) {
            const even = bucketValue(count, min, max, Number.NaN, j);
            const got = bucketValue(count, min, max, total, j);
            expect(Math.abs(got - even)).toBeLessThanOrEqual(0.5 + 1e-9);
            expect(Number.isInteger(got)).toBe(true);
          }
        },
      ),
    );
  });
  it("uses the total: a day-wide bucket of 240, 241, 241, 241, 248 hours has median 241 (244 without)", () => {
    const hours = [248, 241, 240, 241, 241];
    expect(spreadQuantile(bucketsOf(hours), 0.5)).toBe(241);
    expect(spreadQuantile(bucketsOf(hours, false), 0.5)).toBe(244);
  });
  it("falls back to min–max for a bucket where some row has no total (a tab exported before it)", () => {
    const a = bucketsOf([240, 241, 241]);
    const b = bucketsOf([241, 248], false);
    expect(spreadQuantile([...a, ...b], 0.5)).toBe(244);
    expect(spreadQuantile([...a, ...bucketsOf([241, 248])], 0.5)).toBe(241);
    // A total that disagrees with min and max (a hand-edited tab) stays within them.
    const odd = { fromHours: 240, count: 4, minHours: 240, maxHours: 250, totalHours: 9999 };
    expect(spreadQuantile([odd], 0.5)).toBe(250);
  });
  it("gives null for no durations", () => {
    expect(spreadQuantile([], 0.5)).toBeNull();
    expect(
      spreadQuantile([{ fromHours: 8, count: 0, minHours: 8, maxHours: 8, totalHours: 0 }], 0.5),
    ).toBeNull();
  });
});

describe("weekPartStart", () => {
  const iso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const dayOf = (s: string) => Date.parse(s) / MS_PER_DAY;
  it("is the Monday of the week, or the 1st when the week began in the month before", () => {
    expect(iso(weekPartStart(dayOf("2026-03-04")))).toBe("2026-03-02");
    expect(iso(weekPartStart(dayOf("2026-04-03")))).toBe("2026-04-01");
    expect(iso(weekPartStart(dayOf("2026-03-31")))).toBe("2026-03-30");
    expect(iso(weekPartStart(dayOf("1969-12-31")))).toBe("1969-12-29");
  });
  it("parts tile the days: within a week and a month, starting on a Monday or a 1st", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30_000, max: 60_000 }), (day) => {
        const p = weekPartStart(day);
        expect(p).toBeLessThanOrEqual(day);
        expect(day - p).toBeLessThan(7);
        expect(iso(p).slice(0, 7)).toBe(iso(day).slice(0, 7));
        expect(weekday(p) === 1 || iso(p).endsWith("-01")).toBe(true);
        for (let d = p; d <= day; d++) expect(weekPartStart(d)).toBe(p);
      }),
    );
  });
});
