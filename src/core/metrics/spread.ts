/**
 * How durations spread, kept small whatever the number of events (SPEC §8): medians and p90 come
 * from counts per duration bucket and per week part, not from every duration. Both engines
 * bucket with these rules (the SQL emitter writes the same ladder), so they agree to the row.
 *
 * Buckets of whole hours: exact below 16 hours, then 8 per doubling (16–17, 18–19 … 32–35 …),
 * so a bucket is at most 1/8 of its values wide. A quantile is read by spreading each bucket's
 * count evenly over its whole hours: typically within 1–2 % of the exact figure, and never
 * outside the bucket the exact figure falls in.
 */
import { MS_PER_DAY, weekStartDay } from "../calendar";
import { at } from "../indexed";

/** Below this many hours every whole hour is its own bucket. */
export const EXACT_HOURS = 16;
/** Buckets per doubling above EXACT_HOURS. */
export const BUCKETS_PER_DOUBLING = 8;

/** Largest value a bucket is computed for (2^30 hours ≈ 122,000 years): larger ones clamp. */
const MAX_HOURS = 2 ** 30;

/** The width in hours of the bucket that holds `hours` (a whole number ≥ 0). */
export function bucketWidth(hours: number): number {
  if (hours < EXACT_HOURS) return 1;
  const top = 31 - Math.clz32(Math.min(hours, MAX_HOURS));
  return 2 ** (top - Math.log2(BUCKETS_PER_DOUBLING));
}

/** The first whole hour of the bucket that holds `hours` (rounded, clamped at 0). */
export function hoursBucket(hours: number): number {
  const h = Math.max(0, Math.min(MAX_HOURS, Math.round(hours)));
  const w = bucketWidth(h);
  return Math.floor(h / w) * w;
}

/**
 * Powers of two that are bucket widths, smallest first, with the hours from which each applies:
 * what the SQL emitter turns into its CASE ladder.
 */
export function bucketWidthLadder(): { from: number; width: number }[] {
  const out: { from: number; width: number }[] = [];
  for (let from = EXACT_HOURS; from < MAX_HOURS; from *= 2)
    out.push({ from, width: bucketWidth(from) });
  return out;
}

/** One bucket: its first whole hour and how many durations fell in it. */
export interface SpreadBucket {
  fromHours: number;
  count: number;
}

/**
 * The `q`-quantile (0…1) in hours of durations given as bucket counts, by the rule of
 * stats.ts `quantileSorted` (linear between closest ranks) over the durations a bucket of
 * width w and count c stands for: its j-th (0-based) is `from + (w − 1) · (j + ½) / c`.
 * Null when there are none. `buckets` need not be sorted or merged.
 */
export function spreadQuantile(buckets: readonly SpreadBucket[], q: number): number | null {
  const merged = new Map<number, number>();
  let n = 0;
  for (const b of buckets) {
    if (!(b.count > 0)) continue;
    merged.set(b.fromHours, (merged.get(b.fromHours) ?? 0) + b.count);
    n += b.count;
  }
  if (n === 0) return null;
  const sorted = [...merged].sort((a, b) => a[0] - b[0]);
  const h = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const valueAt = (rank: number): number => {
    let before = 0;
    for (const [from, count] of sorted) {
      if (rank < before + count) {
        const w = bucketWidth(from);
        return from + ((w - 1) * (rank - before + 0.5)) / count;
      }
      before += count;
    }
    return at(sorted, sorted.length - 1)[0];
  };
  const low = valueAt(lo);
  return lo + 1 >= n ? low : low + (h - lo) * (valueAt(lo + 1) - low);
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
