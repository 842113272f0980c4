/**
 * How durations spread, kept small whatever the number of events (SPEC §8): medians and p90 come
 * from counts per duration bucket and per week part, not from every duration. Both engines
 * bucket with these rules (the SQL emitter writes the same ladder), so they agree to the row.
 *
 * Buckets of whole hours, each starting at a multiple of its width: every hour below 16 hours,
 * then 2, 4, 8 and 16 hours wide up to 8 days, whole days up to 360 days, 30 days beyond. Each
 * keeps its count, shortest and longest; a quantile spreads a bucket's durations evenly between
 * those two. Dates without times (whole days) are therefore exact up to 360 days, and a figure
 * is never off by more than the bucket's width (a day at most below 360 days).
 */
import { MS_PER_DAY, weekStartDay } from "../calendar";
import { DayCache } from "../dayCache";
import { at } from "../indexed";

/** From which hours each bucket width applies (the SQL emitter's CASE ladder). */
const LADDER: readonly { from: number; width: number }[] = [
  { from: 0, width: 1 },
  { from: 16, width: 2 },
  { from: 32, width: 4 },
  { from: 64, width: 8 },
  { from: 128, width: 16 },
  { from: 192, width: 24 },
  { from: 360 * 24, width: 30 * 24 },
];

/** Longest duration a spread keeps (≈ 119 years; a typo'd year, not a sale): longer ones count as it. */
export const MAX_SPREAD_HOURS = 2 ** 20 - 1;

/** The bucket widths and the hours from which each applies, shortest first. */
export function bucketWidthLadder(): { from: number; width: number }[] {
  return LADDER.map((x) => ({ ...x }));
}

/** The width in hours of the bucket that holds `hours` (a whole number ≥ 0). */
export function bucketWidth(hours: number): number {
  let w = 1;
  for (const step of LADDER) if (hours >= step.from) w = step.width;
  return w;
}

/** The first whole hour of the bucket that holds `hours` (rounded, clamped to 0…MAX_SPREAD_HOURS). */
export function hoursBucket(hours: number): number {
  const h = Math.max(0, Math.min(MAX_SPREAD_HOURS, Math.round(hours)));
  const w = bucketWidth(h);
  return Math.floor(h / w) * w;
}

/** One bucket: its first whole hour, how many durations fell in it, the shortest and longest. */
export interface SpreadBucket {
  fromHours: number;
  count: number;
  minHours: number;
  maxHours: number;
}

/**
 * Bucket rows (of several days, reps, sources) merged per bucket, and their quantiles: the
 * report adds rows as it reads them, without copying each.
 */
export class Spread {
  private byBucket = new Map<number, SpreadBucket>();
  private n = 0;

  add(fromHours: number, count: number, minHours: number, maxHours: number): void {
    if (!(count > 0)) return;
    this.n += count;
    const b = this.byBucket.get(fromHours);
    if (b === undefined) this.byBucket.set(fromHours, { fromHours, count, minHours, maxHours });
    else {
      b.count += count;
      if (minHours < b.minHours) b.minHours = minHours;
      if (maxHours > b.maxHours) b.maxHours = maxHours;
    }
  }

  /**
   * The `q`-quantile (0…1) in hours, by the rule of stats.ts `quantileSorted` (linear between
   * closest ranks) over the durations a bucket stands for: its c durations spread evenly from
   * its shortest to its longest (one: the shortest). A bucket holding one distinct value (dates
   * without times: whole days) is exact. Null when there are none.
   */
  quantile(q: number): number | null {
    const n = this.n;
    if (n === 0) return null;
    const sorted = [...this.byBucket.values()].sort((a, b) => a.fromHours - b.fromHours);
    const h = (n - 1) * Math.min(1, Math.max(0, q));
    const lo = Math.floor(h);
    const valueAt = (rank: number): number => {
      let before = 0;
      for (const b of sorted) {
        if (rank < before + b.count) {
          const j = rank - before;
          return b.count === 1
            ? b.minHours
            : b.minHours + ((b.maxHours - b.minHours) * j) / (b.count - 1);
        }
        before += b.count;
      }
      return at(sorted, sorted.length - 1).maxHours;
    };
    const low = valueAt(lo);
    return lo + 1 >= n ? low : low + (h - lo) * (valueAt(lo + 1) - low);
  }
}

/** `Spread.quantile` of bucket rows that need not be sorted or merged. */
export function spreadQuantile(buckets: readonly SpreadBucket[], q: number): number | null {
  const s = new Spread();
  for (const b of buckets) s.add(b.fromHours, b.count, b.minHours, b.maxHours);
  return s.quantile(q);
}

/**
 * The first day of a day's week part: the ISO week (Monday first) cut at month ends, so that
 * every week and every month is a whole number of parts. Rows that carry a spread are keyed by
 * it; a date filter takes a part when its first day is in the range.
 */
export function weekPartStart(day: number): number {
  const monthStart = Math.floor(
    Date.UTC(
      new Date(day * MS_PER_DAY).getUTCFullYear(),
      new Date(day * MS_PER_DAY).getUTCMonth(),
      1,
    ) / MS_PER_DAY,
  );
  return Math.max(weekStartDay(day), monthStart);
}

/** weekPartStart per day, cached (one Date per distinct day, not per event or row). */
export class WeekParts {
  // day − its part's first day (0…6): DayCache keeps non-negative values.
  private cache = new DayCache();

  of(day: number): number {
    let back = this.cache.get(day);
    if (back === undefined) {
      back = day - weekPartStart(day);
      this.cache.set(day, back);
    }
    return day - back;
  }
}
