import { describe, expect, it } from "vitest";
import { isoWeekKey, MS_PER_DAY, monthKey } from "../../src/core/calendar";
import { DayCache } from "../../src/core/dayCache";
import { rng } from "../../src/generate/index";
import { Periods } from "../../src/report/buckets";

describe("DayCache", () => {
  it("keeps what was set, for days in any order, near and far", () => {
    const cache = new DayCache();
    const want = new Map<number, number>();
    const r = rng(7);
    const days = [
      20_000, 19_999, 20_600, 19_000, 25_000, 5_000, -3, 0, 200_000, -200_000, 20_000.5, 1e15,
    ];
    for (let i = 0; i < 3000; i++) days.push(18_000 + Math.floor(r() * 6000));
    days.forEach((day, i) => {
      if (cache.get(day) !== undefined) return;
      cache.set(day, i);
      want.set(day, i);
    });
    for (const [day, v] of want) expect(cache.get(day)).toBe(v);
    expect(cache.get(30_000)).toBeUndefined();
    expect(cache.get(Number.NaN)).toBeUndefined();
    expect(cache.get(20_000.25)).toBeUndefined();
  });
});

describe("Periods", () => {
  it.each(["month", "week"] as const)("%s: one index per period, in order of first use", (kind) => {
    const periods = new Periods(kind);
    const key = (day: number) => (kind === "month" ? monthKey : isoWeekKey)(day * MS_PER_DAY);
    const r = rng(11);
    const firstIndex = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const day = 19_000 + Math.floor(r() * 2000) + (i % 500 === 0 ? 40_000 : 0);
      const p = periods.of(day);
      const k = key(day);
      if (!firstIndex.has(k)) firstIndex.set(k, firstIndex.size);
      expect(p).toBe(firstIndex.get(k));
      expect(periods.keys[p]).toBe(k);
      expect(periods.start[p]).toBeLessThanOrEqual(day);
      expect(periods.end[p]).toBeGreaterThan(day);
    }
    expect(periods.keys).toEqual([...firstIndex.keys()]);
  });

  it("labels periods in words of the report's language, never ISO codes", () => {
    const day = Date.UTC(2026, 2, 16) / MS_PER_DAY; // Monday of ISO week 12
    const en = new Periods("month", "en");
    expect(en.label(en.of(day))).toBe("Mar 2026");
    const ru = new Periods("month", "ru");
    expect(ru.label(ru.of(day))).toBe("мар 2026");
    const uk = new Periods("week", "uk");
    expect(uk.label(uk.of(day))).toBe("тиж. 12, 2026");
    const ruw = new Periods("week", "ru");
    // ISO week 52 of 2017 holds 31 Dec 2017; week 1 of 2026 starts on 29 Dec 2025.
    expect(ruw.label(ruw.of(Date.UTC(2017, 11, 31) / MS_PER_DAY))).toBe("нед. 52, 2017");
    expect(ruw.label(ruw.of(Date.UTC(2025, 11, 29) / MS_PER_DAY))).toBe("нед. 1, 2026");
  });
});
