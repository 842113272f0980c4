/**
 * Buckets the report groups rows by: periods (week or month) of day numbers, and names (reps,
 * sources) matched by name key. Both cache per input, so grouping costs one lookup per row.
 */
import { isoWeekKey, MS_PER_DAY, monthKey, weekStartDay } from "../core/calendar";
import type { Lang } from "../core/i18n";
import { at } from "../core/indexed";
import type { Period } from "../core/period";
import { nameKey } from "../core/values";
import { periodLabel } from "./periodLabel";

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
      const v = at(this.dense, slot);
      if (v > 0) return v - 1;
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

/** Period buckets of day numbers, computed once per distinct day. */
export class Periods {
  /** In order of first appearance; `order()` sorts them. */
  keys: string[] = [];
  start: number[] = [];
  /** Exclusive end day. */
  end: number[] = [];
  private byKey = new Map<string, number>();
  private byDay = new DayCache();

  constructor(
    readonly kind: Period,
    readonly lang: Lang = "en",
  ) {}

  /** Index of the period containing `day` (stable). */
  of(day: number): number {
    let i = this.byDay.get(day);
    if (i !== undefined) return i;
    let key: string;
    let start: number;
    let end: number;
    const ms = day * MS_PER_DAY;
    if (this.kind === "month") {
      key = monthKey(ms);
      const d = new Date(ms);
      start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_PER_DAY;
      end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_PER_DAY;
    } else {
      key = isoWeekKey(ms);
      start = weekStartDay(day);
      end = start + 7;
    }
    i = this.byKey.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.start.push(start);
      this.end.push(end);
      this.byKey.set(key, i);
    }
    this.byDay.set(day, i);
    return i;
  }

  /** Period indexes in chronological order. */
  order(): number[] {
    return Array.from({ length: this.keys.length }, (_, i) => i).sort(
      (a, b) => this.startOf(a) - this.startOf(b),
    );
  }

  /** First day of period i. */
  startOf(i: number): number {
    return at(this.start, i);
  }

  /** Day after the last of period i. */
  endOf(i: number): number {
    return at(this.end, i);
  }

  indexOfKey(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** Display label in the report's language: "мар 2026", "Wk 9, 2026". */
  label(i: number): string {
    return periodLabel(this.lang, this.kind, this.startOf(i));
  }
}

/** Names matched by name key; the first spelling seen is shown. */
export class Names {
  names: string[] = [];
  private idx = new Map<string, number>();
  private raw = new Map<string, number>();

  of(name: string): number {
    let i = this.raw.get(name);
    if (i !== undefined) return i;
    const k = nameKey(name);
    i = this.idx.get(k);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name.trim());
      this.idx.set(k, i);
    }
    this.raw.set(name, i);
    return i;
  }

  get size(): number {
    return this.names.length;
  }

  /** The name shown for index i. */
  nameOf(i: number): string {
    return at(this.names, i);
  }

  /** Indexes in display order (by name, the blank name last). */
  order(): number[] {
    return Array.from({ length: this.names.length }, (_, i) => i).sort((a, b) => {
      const x = this.nameOf(a);
      const y = this.nameOf(b);
      if (x === "" || y === "") return x === "" ? (y === "" ? 0 : 1) : -1;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
}
