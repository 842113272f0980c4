/**
 * KPI aggregation: one pass over deals and calls accumulating metric slots per (day, rep); the
 * KPI tables, the forecast and plan against fact roll up from these day groups.
 */

import { MS_PER_DAY } from "../core/calendar";
import { repeatWins } from "../core/metrics/repeat";
import type { Deal } from "../model/types";
import { type Context, dealDate, inRange } from "./context";

// Metric slots in a group's Float64Array.
export const CALLS = 0;
export const LONG = 1;
export const TALK_SEC = 2;
export const LEADS = 3;
export const TARGETED = 4;
export const NON_TARGETED = 5;
export const SALES = 6;
export const REVENUE = 7;
export const AMOUNT_N = 8;
export const MARGIN = 9;
export const MARGIN_BASE = 10;
export const REPEAT_REV = 11;
export const CYCLE_SUM = 12;
export const CYCLE_N = 13;
export const STAGE0 = 14;

export interface KpiAgg {
  width: number;
  /** Currencies of won deals' amounts, when more than one: revenue is kept per currency. */
  currencies: string[];
  /** (day * 65536 + rep) → metrics. */
  daily: Map<number, Float64Array>;
  flags: {
    calls: boolean;
    duration: boolean;
    deals: boolean;
    targeted: boolean;
    amount: boolean;
    /** Some amount has kopecks (a fractional part). */
    cents: boolean;
    margin: boolean;
    client: boolean;
    cycle: boolean;
  };
}

export const REP_SPAN = 65536;
/** Day bucket of deals without any date: counted in the per-rep totals, in no period. */
export const UNDATED = -100_000_000;

/** The day a deal was won (closed, else the last stage's date, else its own date). */
export function saleDate(d: Deal): number | null {
  if (d.closed !== null) return d.closed;
  for (let k = d.stageDates.length - 1; k >= 0; k--) {
    const x = d.stageDates[k];
    if (x !== null) return x;
  }
  return dealDate(d);
}

/** When a won deal closed, only if known (closed, or a dated stage after the first). */
export function knownSaleDate(d: Deal): number | null {
  if (d.closed !== null) return d.closed;
  for (let k = d.stageDates.length - 1; k > 0; k--) {
    const x = d.stageDates[k];
    if (x !== null) return x;
  }
  return null;
}

/** Won deals whose client had an earlier won deal (over all deals of the model). */
export function repeatDeals(deals: readonly Deal[]): Set<Deal> {
  return repeatWins(deals, saleDate);
}

/** Slot of currency `i`'s revenue (its amount count follows it). */
export function currencySlot(n: number, i: number): number {
  return STAGE0 + n + 2 * i;
}

export function aggregateKpi(ctx: Context): KpiAgg {
  const n = ctx.nStages;
  const curSet = new Set<string>();
  for (const d of ctx.deals)
    if (d.status === "won" && d.amount !== null) curSet.add(d.currency ?? "");
  const currencies = curSet.size > 1 ? [...curSet].sort() : [];
  const curIndex = new Map(currencies.map((c, i) => [c, i]));
  const width = STAGE0 + n + 2 * currencies.length;
  const daily = new Map<number, Float64Array>();
  const group = (day: number, rep: number): Float64Array => {
    const key = day * REP_SPAN + rep;
    let g = daily.get(key);
    if (!g) {
      g = new Float64Array(width);
      daily.set(key, g);
    }
    return g;
  };
  const flags: KpiAgg["flags"] = {
    calls: ctx.calls.length > 0,
    duration: false,
    deals: ctx.deals.length > 0,
    targeted: false,
    amount: false,
    cents: false,
    margin: false,
    client: false,
    cycle: false,
  };
  const { opt } = ctx;
  const repeat = repeatDeals(ctx.model.deals);
  const threshold = opt.longCallSeconds;

  for (const c of ctx.calls) {
    const g = group(Math.floor(c.at / MS_PER_DAY), ctx.reps.of(c.rep));
    g[CALLS]++;
    if (c.durationSec !== null) {
      flags.duration = true;
      g[TALK_SEC] += c.durationSec;
      if (c.durationSec >= threshold) g[LONG]++;
    }
  }

  const { deals, dealDay, dealRep } = ctx;
  for (let i = 0; i < deals.length; i++) {
    const d = deals[i];
    const rep = dealRep[i];
    const day = Number.isNaN(dealDay[i]) ? UNDATED : dealDay[i];
    const g = group(day, rep);
    g[LEADS]++;
    if (d.targeted !== null) {
      flags.targeted = true;
      g[d.targeted ? TARGETED : NON_TARGETED]++;
    }
    if (d.client) flags.client = true;
    const last = Math.min(d.reached, n - 1);
    for (let k = 0; k <= last; k++) {
      const at = d.stageDates[k];
      const sday = at === null ? day : Math.floor(at / MS_PER_DAY);
      if (sday !== day && !inRange(opt, sday)) continue;
      (sday === day ? g : group(sday, rep))[STAGE0 + k]++;
    }
    if (d.status === "won") {
      const at = saleDate(d);
      const wday = at === null ? day : Math.floor(at / MS_PER_DAY);
      if (wday !== day && !inRange(opt, wday)) continue;
      const w = wday === day ? g : group(wday, rep);
      w[SALES]++;
      if (d.amount !== null) {
        flags.amount = true;
        w[REVENUE] += d.amount;
        w[AMOUNT_N]++;
        if (!Number.isInteger(d.amount)) flags.cents = true;
        const ci = curIndex.get(d.currency ?? "");
        if (ci !== undefined) {
          w[currencySlot(n, ci)] += d.amount;
          w[currencySlot(n, ci) + 1]++;
        }
        if (d.margin !== null) {
          flags.margin = true;
          w[MARGIN] += d.margin;
          w[MARGIN_BASE] += d.amount;
        }
        if (repeat.has(d)) w[REPEAT_REV] += d.amount;
      }
      const known = knownSaleDate(d);
      if (d.created !== null && known !== null && known >= d.created) {
        flags.cycle = true;
        w[CYCLE_SUM] += (known - d.created) / MS_PER_DAY;
        w[CYCLE_N]++;
      }
    }
  }
  return { width, currencies, daily, flags };
}

export function addInto(target: Float64Array, src: Float64Array): void {
  for (let i = 0; i < src.length; i++) target[i] += src[i];
}
