/**
 * How durations spread, kept small whatever the number of events (SPEC §8): medians and p90 come
 * from counts per duration bucket and per week part, not from every duration. Both engines
 * bucket with these rules (the SQL emitter writes the same ladder), so they agree to the row.
 *
 * Durations are whole hours (rounded). Buckets of whole hours, each starting at a multiple of
 * its width: every hour below 16 hours, then 2, 4, 8 and 16 hours wide up to 8 days, whole days
 * up to 360 days, 30 days beyond. Each keeps its count, shortest, longest and the sum of its
 * hours (integers: every engine adds them exactly, in any order). A quantile takes a bucket's
 * shortest and longest as they are and spreads the others evenly around their mean (the total
 * less those two) within the two, in whole hours (`bucketValue`): buckets of up to 3 durations
 * are exact, so are dates without times (whole days) up to 360 days, and a figure is never off by
 * more than the bucket's width (a day at most below 360 days).
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

/**
 * One bucket: its first whole hour, how many durations fell in it, the shortest, the longest
 * and their sum; null when not known (a view tab exported before the column existed).
 */
export interface SpreadBucket {
  fromHours: number;
  count: number;
  minHours: number;
  maxHours: number;
  totalHours: number | null;
}

/** Merged bucket rows; `totalHours` NaN when some row did not carry it. */
interface Merged {
  fromHours: number;
  count: number;
  minHours: number;
  maxHours: number;
  totalHours: number;
}

/**
 * The `j`-th (0-based) of a bucket's `count` durations, in order. With the total: the shortest,
 * the longest, and between them the c − 2 others spread evenly around their mean (the total less
 * those two, clamped to [min, max] as a hand-edited tab may disagree with itself) over the widest
 * span centred on it that [min, max] holds, the way an even spread from min to max places them
 * (a mean at the midpoint gives exactly that spread), each read as the nearest whole hour: the
 * durations are whole hours, and a quantile of whole hours is one or halfway between two. Without
 * the total (NaN, a tab exported before it): the even spread from min to max, as it is.
 */
export function bucketValue(
  count: number,
  min: number,
  max: number,
  total: number,
  j: number,
): number {
  if (count === 1 || j <= 0) return min;
  if (j >= count - 1) return max;
  if (!Number.isFinite(total)) return min + ((max - min) * j) / (count - 1);
  const k = count - 2;
  const mean = Math.min(max, Math.max(min, (total - min - max) / k));
  const half = Math.min(mean - min, max - mean);
  return Math.round(mean - half + (2 * half * j) / (k + 1));
}

/**
 * Bucket rows (of several days, reps, sources) merged per bucket, and their quantiles: the
 * report adds rows as it reads them, without copying each.
 */
export class Spread {
  private byBucket = new Map<number, Merged>();
  private n = 0;

  /** One bucket row; `totalHours` null (unknown) makes the bucket fall back to min–max. */
  add(
    fromHours: number,
    count: number,
    minHours: number,
    maxHours: number,
    totalHours: number | null,
  ): void {
    if (!(count > 0)) return;
    this.n += count;
    const total = totalHours ?? Number.NaN;
    const b = this.byBucket.get(fromHours);
    if (b === undefined)
      this.byBucket.set(fromHours, { fromHours, count, minHours, maxHours, totalHours: total });
    else {
      b.count += count;
      b.totalHours += total;
      if (minHours < b.minHours) b.minHours = minHours;
      if (maxHours > b.maxHours) b.maxHours = maxHours;
    }
  }

  /**
   * The `q`-quantile (0…1) in hours, by the rule of stats.ts `quantileSorted` (linear between
   * closest ranks) over the durations a bucket stands for (`bucketValue`). Null when there are
   * none.
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
        if (rank < before + b.count)
          return bucketValue(b.count, b.minHours, b.maxHours, b.totalHours, rank - before);
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
  for (const b of buckets) s.add(b.fromHours, b.count, b.minHours, b.maxHours, b.totalHours);
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
