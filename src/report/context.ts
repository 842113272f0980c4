/**
 * What every sheet planner reads: the options with defaults, the aggregate rows that pass the
 * filters (rep, source, dates), period and name buckets, and the data's first and last day.
 * The model is kept for the small tables (time log, checklist, plans, team); no planner reads
 * its deals and calls through the filters (the Roles sheet reads the aggregates' rows too).
 */

import type { Aggregates, DealRow } from "../aggregates/types";
import { isoDate, MS_PER_DAY } from "../core/calendar";
import { isLang, type Lang } from "../core/i18n";
import { at } from "../core/indexed";
import { WeekParts } from "../core/metrics/spread";
import type { Period } from "../core/period";
import { nameKey } from "../core/values";
import { dealLookup } from "../model/dealLookup";
import type { Deal, Model } from "../model/types";
import { Names, Periods } from "./buckets";
import { DEFAULT_OPTIONS, type ReportOptions } from "./options";

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

/** The aggregate rows that pass the filters. */
export type Rows = Omit<Aggregates, "stages" | "longCallSeconds" | "hasClient">;

export interface Context {
  /** The small tables; `stages` are the aggregates' stages. */
  model: Model;
  agg: Aggregates;
  opt: ResolvedOptions;
  nStages: number;
  rows: Rows;
  /**
   * Deal rows passing the filters by their week part's first day, like the cohort rows they are
   * the sizes of (the same as `rows.deals` without a date filter).
   */
  cohortDeals: DealRow[];
  /** Deals passing the filters. */
  dealCount: number;
  hasCalls: boolean;
  periods: Periods;
  reps: Names;
  sources: Names;
  /** Latest day seen in any (filtered) data. */
  maxDay: number | null;
  minDay: number | null;
  /** "Today" for current and complete periods: the option, else the latest day in the data. */
  todayDay: number | null;
  hasSource: boolean;
  /** Deal by id (exact, else by name key), over all model deals; maps built on first use. */
  dealById: (id: string) => Deal | undefined;
}

export function inRange(opt: ResolvedOptions, day: number): boolean {
  if (opt.fromDay !== null && day < opt.fromDay) return false;
  if (opt.toDay !== null && day >= opt.toDay) return false;
  return true;
}

export function passes(set: Set<string> | null, name: string): boolean {
  return set === null || set.has(nameKey(name));
}

/**
 * Rows passing the filters: rep and source by name key, the day within the dates (a row
 * without a day passes only when no dates are set). Calls without a source pass a source filter.
 * Rows keyed by week part (spreads, spans, cohorts) pass by the part's first day.
 */
function filterRows(agg: Aggregates, opt: ResolvedOptions): Rows & { cohortDeals: DealRow[] } {
  const dated = opt.fromDay !== null || opt.toDay !== null;
  const memo = (set: Set<string> | null) => {
    const seen = new Map<string, boolean>();
    return (name: string): boolean => {
      let v = seen.get(name);
      if (v === undefined) {
        v = passes(set, name);
        seen.set(name, v);
      }
      return v;
    };
  };
  const repOk = memo(opt.reps);
  const sourceOk = memo(opt.sources);
  const ok = (
    r: { day: number | null; rep: string; source: string },
    blankSourcePasses = false,
  ) => {
    if (!repOk(r.rep)) return false;
    if (!(blankSourcePasses && r.source === "") && !sourceOk(r.source)) return false;
    if (!dated) return true;
    return r.day !== null && inRange(opt, r.day);
  };
  const all = opt.reps === null && opt.sources === null && !dated;
  const pick = <R extends { day: number | null; rep: string; source: string }>(rows: R[]) =>
    all ? rows : rows.filter((r) => ok(r));
  const bySdr = <R extends { day: number | null; sdr: string; source: string }>(rows: R[]) =>
    all ? rows : rows.filter((r) => ok({ day: r.day, rep: r.sdr, source: r.source }));
  const deals = pick(agg.deals);
  const parts = new WeekParts();
  return {
    deals,
    cohortDeals: dated
      ? agg.deals.filter((r) => r.day !== null && ok({ ...r, day: parts.of(r.day) }))
      : deals,
    stageEntries: pick(agg.stageEntries),
    sales: pick(agg.sales),
    cycles: pick(agg.cycles),
    cycleSpread: pick(agg.cycleSpread),
    spans: pick(agg.spans),
    cohorts: pick(agg.cohorts),
    transitions: pick(agg.transitions),
    transitionSpread: pick(agg.transitionSpread),
    repDays: all ? agg.repDays : agg.repDays.filter((r) => ok(r, true)),
    // Roles: SDR rows by who booked (else the owner), each by its own day (or week part).
    roleLeads: bySdr(agg.roleLeads),
    bookings: bySdr(agg.bookings),
    bookingReach: bySdr(agg.bookingReach),
    heldLost: bySdr(agg.heldLost),
    roleEvents: pick(agg.roleEvents),
    repeatClients: pick(agg.repeatClients),
  };
}

export function buildContext(model: Model, agg: Aggregates, options: ReportOptions): Context {
  // Long calls were counted by the engine: its threshold is the one the sheets name.
  const opt = { ...resolveOptions(options), longCallSeconds: agg.longCallSeconds };
  const { cohortDeals, ...rows } = filterRows(agg, opt);
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  const see = (day: number | null) => {
    if (day === null) return;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  };
  let dealCount = 0;
  let hasSource = false;
  for (const r of rows.deals) {
    see(r.day);
    dealCount += r.deals;
    if (r.source) hasSource = true;
  }
  for (const r of rows.stageEntries) see(r.day);
  for (const r of rows.sales) see(r.day);
  for (const r of rows.repDays) see(r.day);
  const dated = opt.fromDay !== null || opt.toDay !== null;
  for (const e of model.timeEntries) {
    const day = Math.floor(e.date / MS_PER_DAY);
    if (!dated || inRange(opt, day)) see(day);
  }
  const hasData = Number.isFinite(maxDay);
  const dealById = dealLookup(model.deals);
  return {
    model: { ...model, stages: agg.stages.map((s) => s.stage) },
    agg,
    opt,
    nStages: agg.stages.length,
    rows,
    cohortDeals,
    dealCount,
    hasCalls: rows.repDays.length > 0,
    periods: new Periods(opt.period, opt.lang),
    reps: new Names(),
    sources: new Names(),
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
    acc += at(hist, k + 1);
    out[k] = acc;
  }
  return out;
}
