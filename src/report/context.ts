/**
 * Shared aggregation for the sheet planners: options with defaults, filters, period buckets
 * (cached per day, so no per-row string formatting), rep and source indexes, and one pass over
 * the deals that every planner reads.
 */

import {
  dayNumber,
  isoDate,
  isoWeekKey,
  MS_PER_DAY,
  monthKey,
  weekStartDay,
} from "../core/calendar";
import { isLang, type Lang } from "../core/i18n";
import type { Period } from "../core/period";
import { nameKey } from "../core/values";
import type { Call, Deal, Model } from "../model/types";
import { DEFAULT_OPTIONS, type ReportOptions } from "./options";
import { periodLabel } from "./periodLabel";

export interface ResolvedOptions {
  lang: Lang;
  period: Period;
  reps: Set<string> | null;
  sources: Set<string> | null;
  fromDay: number | null;
  /** Exclusive. */
  toDay: number | null;
  longCallSeconds: number;
  velocityGoal: number;
  dropThreshold: number;
  todayDay: number | null;
  /** Cohort window W in days, when the user set one. */
  cohortWindowDays: number | null;
  topN: number;
}

function isoToDay(iso: string | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

function keySet(xs: string[] | undefined): Set<string> | null {
  if (!xs || xs.length === 0) return null;
  return new Set(xs.map((x) => nameKey(x)));
}

export function resolveOptions(o: ReportOptions): ResolvedOptions {
  const to = isoToDay(o.to);
  const num = (v: number | undefined, d: number) =>
    typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : d;
  return {
    lang: isLang(o.lang) ? o.lang : "en",
    period: o.period === "week" ? "week" : "month",
    reps: keySet(o.reps),
    sources: keySet(o.sources),
    fromDay: isoToDay(o.from),
    toDay: to === null ? null : to + 1,
    longCallSeconds: num(o.longCallSeconds, DEFAULT_OPTIONS.longCallSeconds),
    velocityGoal: num(o.velocityGoal, DEFAULT_OPTIONS.velocityGoal),
    dropThreshold: num(o.dropThreshold, DEFAULT_OPTIONS.dropThreshold),
    todayDay: isoToDay(o.today),
    cohortWindowDays:
      typeof o.cohortWindowDays === "number" &&
      Number.isFinite(o.cohortWindowDays) &&
      o.cohortWindowDays >= 0
        ? Math.round(o.cohortWindowDays)
        : null,
    topN:
      typeof o.topN === "number" && Number.isFinite(o.topN) && o.topN >= 1
        ? Math.floor(o.topN)
        : DEFAULT_OPTIONS.topN,
  };
}

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
    const at = day - this.firstDay;
    if (at >= 0 && at < this.dense.length) {
      const v = this.dense[at];
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
      (a, b) => this.start[a] - this.start[b],
    );
  }

  indexOfKey(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** Display label in the report's language: "мар 2026", "Wk 9, 2026". */
  label(i: number): string {
    return periodLabel(this.lang, this.kind, this.start[i]);
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

  /** Indexes in display order (by name, the blank name last). */
  order(): number[] {
    return Array.from({ length: this.names.length }, (_, i) => i).sort((a, b) => {
      const x = this.names[a];
      const y = this.names[b];
      if (x === "" || y === "") return x === "" ? (y === "" ? 0 : 1) : -1;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
}

/** A deal's date for cohorts and filters: created, else its first stage date, else closed. */
export function dealDate(d: Deal): number | null {
  if (d.created !== null) return d.created;
  for (const x of d.stageDates) if (x !== null) return x;
  return d.closed;
}

export interface Context {
  model: Model;
  opt: ResolvedOptions;
  nStages: number;
  /** Deals passing the filters. */
  deals: Deal[];
  /** Per filtered deal: day of `dealDate`, or NaN. */
  dealDay: Float64Array;
  calls: Call[];
  periods: Periods;
  reps: Names;
  sources: Names;
  /** Per filtered deal: rep and source index. */
  dealRep: Int32Array;
  dealSource: Int32Array;
  /** Latest day seen in any (filtered) data. */
  maxDay: number | null;
  minDay: number | null;
  /** "Today" for current and complete periods: the option, else the latest day in the data. */
  todayDay: number | null;
  hasSource: boolean;
  /** Deal by id (exact, else by name key), over all model deals; maps built on first use. */
  dealById: (id: string) => Deal | undefined;
}

/** Lazy id lookup: no per-deal string work unless someone asks. */
function dealLookup(deals: readonly Deal[]): (id: string) => Deal | undefined {
  let exact: Map<string, Deal> | null = null;
  let keyed: Map<string, Deal> | null = null;
  return (id: string) => {
    if (!exact) {
      exact = new Map();
      for (const d of deals) if (d.id && !exact.has(d.id)) exact.set(d.id, d);
    }
    const hit = exact.get(id);
    if (hit) return hit;
    if (!keyed) {
      keyed = new Map();
      for (const d of deals) {
        const k = nameKey(d.id);
        if (k && !keyed.has(k)) keyed.set(k, d);
      }
    }
    return keyed.get(nameKey(id));
  };
}

export function inRange(opt: ResolvedOptions, day: number): boolean {
  if (opt.fromDay !== null && day < opt.fromDay) return false;
  if (opt.toDay !== null && day >= opt.toDay) return false;
  return true;
}

export function passes(set: Set<string> | null, name: string): boolean {
  return set === null || set.has(nameKey(name));
}

export function buildContext(model: Model, options: ReportOptions): Context {
  const opt = resolveOptions(options);
  const periods = new Periods(opt.period, opt.lang);
  const reps = new Names();
  const sources = new Names();
  const dealById = dealLookup(model.deals);

  const dateFiltered = opt.fromDay !== null || opt.toDay !== null;
  const deals: Deal[] = [];
  const days: number[] = [];
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  let hasSource = false;
  for (const d of model.deals) {
    if (!passes(opt.reps, d.rep) || !passes(opt.sources, d.source)) continue;
    const at = dealDate(d);
    const day = at === null ? Number.NaN : Math.floor(at / MS_PER_DAY);
    if (dateFiltered && (at === null || !inRange(opt, day))) continue;
    deals.push(d);
    days.push(day);
    if (at !== null) {
      if (day < minDay) minDay = day;
      if (day > maxDay) maxDay = day;
      // The data's last date counts every date a deal carries (stages, close).
      let last = d.closed ?? Number.NEGATIVE_INFINITY;
      for (const x of d.stageDates) if (x !== null && x > last) last = x;
      if (last !== Number.NEGATIVE_INFINITY) {
        const ld = Math.floor(last / MS_PER_DAY);
        if (ld > maxDay && (opt.toDay === null || ld < opt.toDay)) maxDay = ld;
      }
    }
    if (d.source) hasSource = true;
  }
  const dealDay = Float64Array.from(days);
  const dealRep = new Int32Array(deals.length);
  const dealSource = new Int32Array(deals.length);
  for (let i = 0; i < deals.length; i++) {
    dealRep[i] = reps.of(deals[i].rep);
    dealSource[i] = sources.of(deals[i].source);
  }

  const calls: Call[] = [];
  for (const c of model.calls) {
    if (!passes(opt.reps, c.rep)) continue;
    if (opt.sources !== null) {
      let src = c.source;
      if (!src && c.dealId) src = dealById(c.dealId)?.source ?? "";
      if (src && !opt.sources.has(nameKey(src))) continue;
    }
    const day = Math.floor(c.at / MS_PER_DAY);
    if (dateFiltered && !inRange(opt, day)) continue;
    calls.push(c);
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  for (const e of model.timeEntries) {
    const day = dayNumber(e.date);
    if (dateFiltered && !inRange(opt, day)) continue;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const hasData = Number.isFinite(maxDay);
  return {
    model,
    opt,
    nStages: model.stages.length,
    deals,
    dealDay,
    calls,
    periods,
    reps,
    sources,
    dealRep,
    dealSource,
    maxDay: hasData ? maxDay : null,
    minDay: hasData ? minDay : null,
    todayDay: opt.todayDay ?? (hasData ? maxDay : null),
    hasSource,
    dealById,
  };
}

/** "yyyy-mm-dd" of a day number. */
export function dayIso(day: number): string {
  return isoDate(day * MS_PER_DAY);
}

/** Day number of a wall-clock value, or NaN for null. */
export function toDay(ms: number | null): number {
  return ms === null ? Number.NaN : Math.floor(ms / MS_PER_DAY);
}

/** Rounds away float noise for display (values stay numbers). */
export function round(x: number | null, digits = 10): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Counts of deals that reached each stage (reached semantics) from a histogram of `reached`. */
export function reachedCounts(hist: ArrayLike<number>, nStages: number): number[] {
  // hist[k + 1] = deals whose furthest stage is k (hist[0]: none reached).
  const out = new Array<number>(nStages).fill(0);
  let acc = 0;
  for (let k = nStages - 1; k >= 0; k--) {
    acc += hist[k + 1];
    out[k] = acc;
  }
  return out;
}
