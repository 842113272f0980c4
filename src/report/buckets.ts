/**
 * Buckets the report groups rows by: periods (week or month) of day numbers, and names (reps,
 * sources) matched by name key. Both cache per input, so grouping costs one lookup per row.
 */
import { isoWeekKey, MS_PER_DAY, monthKey, weekStartDay } from "../core/calendar";
import { DayCache } from "../core/dayCache";
import type { Lang } from "../core/i18n";
import { at } from "../core/indexed";
import type { Period } from "../core/period";
import { nameKey } from "../core/values";
import { periodLabel } from "./periodLabel";

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
