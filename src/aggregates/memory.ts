/**
 * The in-memory engine: Model → Aggregates in one pass over the deals and one over the calls.
 * Rows are grouped by (rep, source) pair and day with numeric keys, so a million deals cost no
 * string work beyond one map lookup per deal.
 */
import { MS_PER_DAY } from "../core/calendar";
import { addAt, at } from "../core/indexed";
import { reachWindows } from "../core/metrics/cohort";
import { dealDate, knownSaleDate, saleDate } from "../core/metrics/dealDates";
import { repeatWins } from "../core/metrics/repeat";
import { MAX_SPREAD_HOURS, WeekParts } from "../core/metrics/spread";
import { dealLookup } from "../model/dealLookup";
import type { CallDay, Deal, Model } from "../model/types";
import { gradedDealRows } from "./graded";
import {
  cohortRows,
  cycleRows,
  cycleSpreadRows,
  dealRows,
  entryRows,
  Groups,
  Pairs,
  type SaleAcc,
  STAGE_SPAN,
  saleRows,
  slots,
  spanRows,
  transitionRows,
  transitionSpreadRows,
} from "./groups";
import { Histogram } from "./histogram";
import { noRoleViews, roleViews } from "./roleViews";
import type { Aggregates, RepDayRow, StageInfo } from "./types";

const MS_PER_HOUR = 3_600_000;
/** Pairs of dates at least this many, all equal to the millisecond: one source column. */
const SAME_SOURCE_MIN = 20;

export const DEFAULT_LONG_CALL_SECONDS = 60;

function dayOf(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / MS_PER_DAY);
}

/** A duration in whole hours as a spread keeps it (clamped at MAX_SPREAD_HOURS). */
function spreadHours(hours: number): number {
  return Math.min(hours, MAX_SPREAD_HOURS);
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}

/**
 * One more in counter `i` of the group's `width` counters (i < width: a missing one would be a
 * bug, and counting it as 0 keeps this per-deal read free of a generic helper's slow lookup).
 */
function countIn(m: Map<number, Float64Array>, key: number, width: number, i: number): void {
  const v = slots(m, key, width);
  v[i] = (v[i] ?? 0) + 1;
}

/** Per step k → k+1, whether both stages take their date from one source column. */
function sameSourceSteps(model: Model): boolean[] {
  const n = model.stages.length;
  const nT = Math.max(0, n - 1);
  const sources = model.stageSources;
  if (sources)
    return Array.from(
      { length: n },
      (_, k) => k < nT && !!sources[k] && sources[k] === sources[k + 1],
    );
  const pairs = new Array<number>(nT).fill(0);
  const differ = new Array<boolean>(nT).fill(false);
  for (const d of model.deals) {
    for (let k = 0; k < nT; k++) {
      const a = d.stageDates[k];
      const b = d.stageDates[k + 1];
      if (a === null || b === null || a === undefined || b === undefined) continue;
      addAt(pairs, k);
      if (a !== b) differ[k] = true;
    }
  }
  return Array.from(
    { length: n },
    (_, k) => k < nT && at(pairs, k) >= SAME_SOURCE_MIN && !differ[k],
  );
}

/**
 * `roles: false` leaves the Roles views empty: for a report whose model has no team and no
 * "booked by" (the Roles sheet is not built then), where nothing reads them.
 */
export function aggregate(
  model: Model,
  longCallSeconds: number = DEFAULT_LONG_CALL_SECONDS,
  { roles = true }: { roles?: boolean } = {},
): Aggregates {
  const n = model.stages.length;
  const dated = new Array<boolean>(n).fill(false);
  for (const d of model.deals)
    for (let k = 0; k < n; k++)
      if (d.stageDates[k] !== null && d.stageDates[k] !== undefined) dated[k] = true;
  const same = sameSourceSteps(model);
  const stages: StageInfo[] = model.stages.map((stage, position) => ({
    position,
    stage,
    dated: at(dated, position),
    sameSourceNext: at(same, position),
  }));

  const groups = new Groups(new Pairs());
  const repeat = repeatWins(model.deals, saleDate);
  // (group key) → per (reached + 1) × targeted code (0 null, 1 yes, 2 no) counts.
  const deals = new Map<number, Float64Array>();
  const entries = new Map<number, Float64Array>();
  const sales = new Map<number, Map<string, SaleAcc>>();
  // Totals per (pair, day) group: transitions (count, hours per step) and cycles (deals, hours).
  const transitionTotals = new Map<number, Float64Array>();
  const cycleTotals = new Map<number, Float64Array>();
  // Per (pair, week part) group: (group × STAGE_SPAN + step) → hours (transitions), group →
  // hours (cycles) or days to the sale (spans), (group × STAGE_SPAN + stage) → withinDays, −1 for
  // "so far" (cohorts).
  const transitionSpread = new Histogram();
  const cycleSpread = new Histogram();
  const spans = new Histogram();
  const cohorts = new Histogram();
  const parts = new WeekParts();
  const spread: Spread = { groups, parts, cycleTotals, cycleSpread, spans };
  const nT = Math.max(0, n - 1);
  let hasClient = false;
  const stageDays: (number | null)[] = new Array(n).fill(null);
  const windows = new Float64Array(n);

  for (const d of model.deals) {
    const pair = groups.pairs.of(d.rep, d.source);
    if (d.client) hasClient = true;
    const own = dayOf(dealDate(d));
    const key = groups.of(pair, own);
    const reached = Math.min(d.reached, n - 1);
    const tg = d.targeted === null ? 0 : d.targeted ? 1 : 2;
    countIn(deals, key, (n + 1) * 3, (reached + 1) * 3 + tg);

    for (let k = reached; k >= 0; k--) {
      const entered = d.stageDates[k] ?? null;
      countIn(entries, groups.of(pair, entered === null ? own : dayOf(entered)), n, k);
    }
    if (own !== null && reached >= 0) {
      for (let k = 0; k < n; k++) stageDays[k] = dayOf(d.stageDates[k] ?? null);
      reachWindows({ start: own, reached, stageDays }, n, dated, windows);
      const part = groups.of(pair, parts.of(own));
      for (let k = 0; k <= reached; k++) {
        const within = at(windows, k);
        cohorts.add(part * STAGE_SPAN + k, within === Infinity ? -1 : within);
      }
    }
    for (let k = 0; k < Math.min(reached, nT); k++) {
      if (same[k]) continue;
      const a = d.stageDates[k] ?? null;
      const b = d.stageDates[k + 1] ?? null;
      if (a === null || b === null || b < a) continue;
      const hours = Math.round((b - a) / MS_PER_HOUR);
      const bday = dayOf(b) as number;
      const totals = slots(transitionTotals, groups.of(pair, bday), 2 * nT);
      totals[2 * k] = (totals[2 * k] ?? 0) + 1;
      totals[2 * k + 1] = (totals[2 * k + 1] ?? 0) + hours;
      transitionSpread.add(groups.of(pair, parts.of(bday)) * STAGE_SPAN + k, spreadHours(hours));
    }

    if (d.status === "won") addSale(d, pair, own, repeat.has(d), sales, spread);
  }

  const repDays = aggregateCalls(model, groups, longCallSeconds);
  const gradedDeals = gradedDealRows(model);
  return {
    stages,
    longCallSeconds,
    hasClient,
    deals: dealRows(deals, groups),
    stageEntries: entryRows(entries, groups),
    sales: saleRows(sales, groups),
    cycles: cycleRows(cycleTotals, groups),
    cycleSpread: cycleSpreadRows(cycleSpread, groups),
    spans: spanRows(spans, groups),
    cohorts: cohortRows(cohorts, groups),
    transitions: transitionRows(transitionTotals, groups),
    transitionSpread: transitionSpreadRows(transitionSpread, groups),
    repDays,
    ...(roles ? roleViews(model) : noRoleViews()),
    ...(gradedDeals ? { gradedDeals } : {}),
  };
}

/** What a won deal adds to besides its sale row. */
interface Spread {
  groups: Groups;
  parts: WeekParts;
  cycleTotals: Map<number, Float64Array>;
  cycleSpread: Histogram;
  spans: Histogram;
}

function addSale(
  d: Deal,
  pair: number,
  own: number | null,
  isRepeat: boolean,
  sales: Map<number, Map<string, SaleAcc>>,
  { groups, parts, cycleTotals, cycleSpread, spans }: Spread,
): void {
  const sday = dayOf(saleDate(d));
  const byCurrency = getOr(sales, groups.of(pair, sday), () => new Map<string, SaleAcc>());
  const acc = getOr(byCurrency, d.amount === null ? "" : (d.currency ?? ""), () => ({
    sales: 0,
    revenue: 0,
    amounts: 0,
    cents: false,
    margin: 0,
    marginBase: 0,
    margins: 0,
    repeatRevenue: 0,
  }));
  acc.sales++;
  if (d.amount !== null) {
    acc.revenue += d.amount;
    acc.amounts++;
    if (!Number.isInteger(d.amount)) acc.cents = true;
    if (d.margin !== null) {
      acc.margin += d.margin;
      acc.marginBase += d.amount;
      acc.margins++;
    }
    if (isRepeat) acc.repeatRevenue += d.amount;
  }
  const known = knownSaleDate(d);
  if (known === null) return;
  const kday = dayOf(known) as number;
  if (d.created !== null && known >= d.created) {
    const hours = Math.round((known - d.created) / MS_PER_HOUR);
    const totals = slots(cycleTotals, groups.of(pair, kday), 2);
    totals[0] = (totals[0] ?? 0) + 1;
    totals[1] = (totals[1] ?? 0) + hours;
    cycleSpread.add(groups.of(pair, parts.of(kday)), spreadHours(hours));
  }
  if (own !== null && kday >= own) spans.add(groups.of(pair, parts.of(own)), kday - own);
}

/**
 * The rep-days of a model's calls and calls summaries alone: what a workbook's call tabs add to
 * aggregates brought in from elsewhere (a warehouse's views without calls).
 */
export function callRepDays(model: Model, longCallSeconds: number): RepDayRow[] {
  return aggregateCalls(model, new Groups(new Pairs()), longCallSeconds);
}

/** A call group's counters, in its slots. */
const CALLS = 0;
const LONG = 1;
const TALK = 2;
const TIMED = 3;

function aggregateCalls(model: Model, groups: Groups, longCallSeconds: number): RepDayRow[] {
  if (model.calls.length === 0 && !model.callDays?.length) return [];
  const dealById = dealLookup(model.deals);

  const acc = new Map<number, Float64Array>();
  for (const c of model.calls) {
    const source = c.source || (c.dealId ? (dealById(c.dealId)?.source ?? "") : "");
    const g = slots(acc, groups.of(groups.pairs.of(c.rep, source), dayOf(c.at)), 4);
    addAt(g, CALLS);
    if (c.durationSec !== null) {
      addAt(g, TIMED);
      addAt(g, TALK, c.durationSec);
      if (c.durationSec >= longCallSeconds) addAt(g, LONG);
    }
  }
  addCallDays(model.callDays ?? [], groups, acc);
  const rows: RepDayRow[] = [];
  for (const [key, g] of acc) {
    rows.push({
      day: groups.datedDay(key),
      rep: groups.rep(key),
      source: groups.source(key),
      calls: at(g, CALLS),
      longCalls: at(g, LONG),
      talkSeconds: at(g, TALK),
      timedCalls: at(g, TIMED),
    });
  }
  return rows;
}

/**
 * Calls summary rows (a telephony dashboard's rep-days) join the calls' rep-days: a day's talk
 * time, when the summary gives it, covers all of its calls. Its "≥ 60 s" column is taken as it
 * is, whatever `longCallSeconds` is.
 */
function addCallDays(
  days: readonly CallDay[],
  groups: Groups,
  acc: Map<number, Float64Array>,
): void {
  for (const c of days) {
    const g = slots(acc, groups.of(groups.pairs.of(c.rep, c.source), dayOf(c.date)), 4);
    const [calls = 0, long = 0, talk = 0, timed = 0] = g;
    const timedNow = c.talkSeconds === null ? 0 : c.calls;
    g.set([calls + c.calls, long + c.longCalls, talk + (c.talkSeconds ?? 0), timed + timedNow]);
  }
}
