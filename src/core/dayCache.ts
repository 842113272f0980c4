/** A map from day numbers to small non-negative integers, dense where the days are. */

/** Widest window of days `DayCache` keeps in its typed array (≈ 180 years, 256 KiB). */
const MAX_DENSE_DAYS = 1 << 16;

/**
 * Day number → a non-negative integer (a period or month slot), for lookups per deal and stage
 * date: a typed array over a window of days, widened as days come, instead of a Map lookup per
 * call. Days that would make the window too wide, and non-integer ones, go to a Map.
 */
export class DayCache {
  private firstDay = 0;
  /** Value + 1 per day from `firstDay`; 0: not cached. */
  private dense = new Int32Array(0);
  private far = new Map<number, number>();

  get(day: number): number | undefined {
    const slot = day - this.firstDay;
    if (slot >= 0 && slot < this.dense.length) {
      // undefined for a non-integer day: those are kept in `far`.
      const v = this.dense[slot];
      if (v !== undefined && v > 0) return v - 1;
    }
    return this.far.size === 0 ? undefined : this.far.get(day);
  }

  set(day: number, value: number): void {
    if (Number.isInteger(day) && this.cover(day)) this.dense[day - this.firstDay] = value + 1;
    else this.far.set(day, value);
  }

  /** Widens the window to hold `day` (at least doubling it), unless it would get too wide. */
  private cover(day: number): boolean {
    const len = this.dense.length;
    if (len === 0) {
      this.firstDay = day - 256;
      this.dense = new Int32Array(512);
      return true;
    }
    const end = this.firstDay + len;
    if (day >= this.firstDay && day < end) return true;
    let lo = Math.min(day, this.firstDay);
    let hi = Math.max(day + 1, end);
    if (hi - lo > MAX_DENSE_DAYS) return false;
    if (day < this.firstDay) lo = Math.max(Math.min(lo, this.firstDay - len), hi - MAX_DENSE_DAYS);
    else hi = Math.min(Math.max(hi, end + len), lo + MAX_DENSE_DAYS);
    const dense = new Int32Array(hi - lo);
    dense.set(this.dense, this.firstDay - lo);
    this.firstDay = lo;
    this.dense = dense;
    return true;
  }
}
