/**
 * KPI aggregation: the aggregate rows folded into metric slots per (day, rep); the
 * KPI tables, the forecast and plan against fact roll up from these day groups.
 */

import { addAt, addEach } from "../core/indexed";
import type { Context } from "./context";

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
/** Sum of whole hours (exact in any order); days = ÷ 24. */
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

/** Slot of currency `i`'s revenue (its amount count follows it). */
export function currencySlot(n: number, i: number): number {
  return STAGE0 + n + 2 * i;
}

export function aggregateKpi(ctx: Context): KpiAgg {
  const n = ctx.nStages;
  const { rows } = ctx;
  const curSet = new Set<string>();
  for (const r of rows.sales) if (r.amounts > 0) curSet.add(r.currency);
  const currencies = curSet.size > 1 ? [...curSet].sort() : [];
  const curIndex = new Map(currencies.map((c, i) => [c, i]));
  const width = STAGE0 + n + 2 * currencies.length;
  const daily = new Map<number, Float64Array>();
  const group = (day: number | null, rep: string): Float64Array => {
    const key = (day ?? UNDATED) * REP_SPAN + ctx.reps.of(rep);
    let g = daily.get(key);
    if (!g) {
      g = new Float64Array(width);
      daily.set(key, g);
    }
    return g;
  };
  const flags: KpiAgg["flags"] = {
    calls: ctx.hasCalls,
    duration: false,
    deals: ctx.dealCount > 0,
    targeted: false,
    amount: false,
    cents: false,
    margin: false,
    client: ctx.agg.hasClient,
    cycle: rows.cycles.length > 0,
  };

  for (const r of rows.repDays) {
    const g = group(r.day, r.rep);
    addAt(g, CALLS, r.calls);
    if (r.timedCalls > 0) {
      flags.duration = true;
      addAt(g, TALK_SEC, r.talkSeconds);
      addAt(g, LONG, r.longCalls);
    }
  }
  for (const r of rows.deals) {
    const g = group(r.day, r.rep);
    addAt(g, LEADS, r.deals);
    if (r.targeted !== null) {
      flags.targeted = true;
      addAt(g, r.targeted ? TARGETED : NON_TARGETED, r.deals);
    }
  }
  for (const r of rows.stageEntries) addAt(group(r.day, r.rep), STAGE0 + r.stage, r.entries);
  for (const r of rows.sales) {
    const w = group(r.day, r.rep);
    addAt(w, SALES, r.sales);
    if (r.amounts === 0) continue;
    flags.amount = true;
    addAt(w, REVENUE, r.revenue);
    addAt(w, AMOUNT_N, r.amounts);
    if (r.cents) flags.cents = true;
    const ci = curIndex.get(r.currency);
    if (ci !== undefined) {
      addAt(w, currencySlot(n, ci), r.revenue);
      addAt(w, currencySlot(n, ci) + 1, r.amounts);
    }
    if (r.margins > 0) {
      flags.margin = true;
      addAt(w, MARGIN, r.margin);
      addAt(w, MARGIN_BASE, r.marginBase);
    }
    addAt(w, REPEAT_REV, r.repeatRevenue);
  }
  for (const r of rows.cycles) {
    const w = group(r.day, r.rep);
    addAt(w, CYCLE_SUM, r.totalHours);
    addAt(w, CYCLE_N, r.deals);
  }
  return { width, currencies, daily, flags };
}

export function addInto(target: Float64Array, src: Float64Array): void {
  addEach(target, src);
}
