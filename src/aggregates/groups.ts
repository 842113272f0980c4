/**
 * The in-memory engine's groups: (rep, source) pairs and (pair, day) groups numbered densely, and
 * the accumulated counters turned into the contract's rows.
 */
import { DayCache } from "../core/dayCache";
import { InternalError } from "../core/indexed";
import { hoursBucket } from "../core/metrics/spread";
import type { Histogram } from "./histogram";
import type {
  CohortRow,
  CycleRow,
  CycleSpreadRow,
  DealRow,
  SaleRow,
  SpanRow,
  StageEntryRow,
  TransitionRow,
  TransitionSpreadRow,
} from "./types";

/** The counters at `key`, made (zeroed, `width` long) on first use. */
export function slots(m: Map<number, Float64Array>, key: number, width: number): Float64Array {
  let v = m.get(key);
  if (v === undefined) {
    v = new Float64Array(width);
    m.set(key, v);
  }
  return v;
}

/** Stages per funnel a (group, stage) key has room for. */
export const STAGE_SPAN = 1 << 8;

/** A sale row's sums before its group and currency are attached. */
export type SaleAcc = Omit<SaleRow, "day" | "rep" | "source" | "currency">;

/** (rep, source) pairs numbered in order of appearance, by exact spelling. */
export class Pairs {
  reps: string[] = [];
  sources: string[] = [];
  private byRep = new Map<string, Map<string, number>>();

  of(rep: string, source: string): number {
    let inner = this.byRep.get(rep);
    if (!inner) {
      inner = new Map();
      this.byRep.set(rep, inner);
    }
    let g = inner.get(source);
    if (g === undefined) {
      g = this.reps.length;
      this.reps.push(rep);
      this.sources.push(source);
      inner.set(source, g);
    }
    return g;
  }
}

/**
 * Groups of (pair, day) numbered densely, so every map below is keyed by small integers (V8
 * hashes those fast; keys past 2^30 would be heap numbers): a DayCache per pair.
 */
export class Groups {
  pair: number[] = [];
  day: (number | null)[] = [];
  private byPair: DayCache[] = [];
  private undated: number[] = [];

  constructor(readonly pairs: Pairs) {}

  of(pair: number, day: number | null): number {
    if (day === null) {
      let g = this.undated[pair];
      if (g === undefined) {
        g = this.add(pair, null);
        this.undated[pair] = g;
      }
      return g;
    }
    let cache = this.byPair[pair];
    if (cache === undefined) {
      cache = new DayCache();
      this.byPair[pair] = cache;
    }
    let g = cache.get(day);
    if (g === undefined) {
      g = this.add(pair, day);
      cache.set(day, g);
    }
    return g;
  }

  private add(pair: number, day: number | null): number {
    this.pair.push(pair);
    this.day.push(day);
    return this.pair.length - 1;
  }

  // These run for every output row: plain reads at each site (fast), checked by `known`.

  /** The group's day; null: no date. */
  dayOf(g: number): number | null {
    return known(this.day[g], g);
  }

  /** The day of a group made with one (histogram keys). */
  datedDay(g: number): number {
    const day = this.dayOf(g);
    if (day === null) throw new InternalError(`group ${g} has no day`);
    return day;
  }

  rep(g: number): string {
    return known(this.pairs.reps[known(this.pair[g], g)], g);
  }

  source(g: number): string {
    return known(this.pairs.sources[known(this.pair[g], g)], g);
  }
}

/** A group's entry, which numbering made; an InternalError for a group never made. */
function known<T>(v: T | undefined, g: number): T {
  if (v === undefined) throw new InternalError(`no group ${g}`);
  return v;
}

export function dealRows(m: Map<number, Float64Array>, groups: Groups): DealRow[] {
  const rows: DealRow[] = [];
  for (const [key, counts] of m) {
    // One slot per (reached + 1) × targeted code (see memory.ts).
    counts.forEach((deals, slot) => {
      if (deals === 0) return;
      const tg = slot % 3;
      rows.push({
        day: groups.dayOf(key),
        rep: groups.rep(key),
        source: groups.source(key),
        reached: Math.floor(slot / 3) - 1,
        targeted: tg === 0 ? null : tg === 1,
        deals,
      });
    });
  }
  return rows;
}

export function entryRows(m: Map<number, Float64Array>, groups: Groups): StageEntryRow[] {
  const rows: StageEntryRow[] = [];
  for (const [key, counts] of m) {
    counts.forEach((entries, stage) => {
      if (entries > 0)
        rows.push({
          day: groups.dayOf(key),
          rep: groups.rep(key),
          source: groups.source(key),
          stage,
          entries,
        });
    });
  }
  return rows;
}

export function saleRows(m: Map<number, Map<string, SaleAcc>>, groups: Groups): SaleRow[] {
  const rows: SaleRow[] = [];
  for (const [key, byCurrency] of m) {
    for (const [currency, a] of byCurrency)
      rows.push({
        day: groups.dayOf(key),
        rep: groups.rep(key),
        source: groups.source(key),
        currency,
        ...a,
      });
  }
  return rows;
}

/** Cycle totals, per group: [deals, total hours]. */
export function cycleRows(m: Map<number, Float64Array>, groups: Groups): CycleRow[] {
  const rows: CycleRow[] = [];
  for (const [g, [deals = 0, totalHours = 0]] of m)
    rows.push({
      day: groups.datedDay(g),
      rep: groups.rep(g),
      source: groups.source(g),
      deals,
      totalHours,
    });
  return rows;
}

/** Transition totals, per group: [count, total hours] per step. */
export function transitionRows(m: Map<number, Float64Array>, groups: Groups): TransitionRow[] {
  const rows: TransitionRow[] = [];
  for (const [g, totals] of m) {
    for (let step = 0; 2 * step < totals.length; step++) {
      const transitions = totals[2 * step] ?? 0;
      if (transitions > 0)
        rows.push({
          day: groups.datedDay(g),
          rep: groups.rep(g),
          source: groups.source(g),
          step,
          transitions,
          totalHours: totals[2 * step + 1] ?? 0,
        });
    }
  }
  return rows;
}

export function spanRows(h: Histogram, groups: Groups): SpanRow[] {
  const rows: SpanRow[] = [];
  h.forEach((g, days, deals) => {
    rows.push({
      day: groups.datedDay(g),
      rep: groups.rep(g),
      source: groups.source(g),
      days,
      deals,
    });
  });
  return rows;
}

export function cohortRows(h: Histogram, groups: Groups): CohortRow[] {
  const rows: CohortRow[] = [];
  h.forEach((slot, within, deals) => {
    const g = Math.floor(slot / STAGE_SPAN);
    rows.push({
      day: groups.datedDay(g),
      rep: groups.rep(g),
      source: groups.source(g),
      stage: slot % STAGE_SPAN,
      withinDays: within < 0 ? null : within,
      deals,
    });
  });
  return rows;
}

/**
 * Durations counted per key (in order of key, then hours: Histogram.forEach) gathered into
 * buckets (hoursBucket) with their count, shortest, longest and sum.
 */
function buckets(
  h: Histogram,
  out: (
    key: number,
    fromHours: number,
    count: number,
    min: number,
    max: number,
    total: number,
  ) => void,
): void {
  let key = -1;
  let from = -1;
  let count = 0;
  let min = 0;
  let max = 0;
  let total = 0;
  const flush = () => {
    if (count > 0) out(key, from, count, min, max, total);
  };
  h.forEach((k, hours, n) => {
    const b = hoursBucket(hours);
    if (k !== key || b !== from) {
      flush();
      key = k;
      from = b;
      count = 0;
      total = 0;
      min = hours;
    }
    count += n;
    total += hours * n;
    max = hours;
  });
  flush();
}

export function cycleSpreadRows(h: Histogram, groups: Groups): CycleSpreadRow[] {
  const rows: CycleSpreadRow[] = [];
  buckets(h, (g, fromHours, deals, minHours, maxHours, totalHours) => {
    rows.push({
      day: groups.datedDay(g),
      rep: groups.rep(g),
      source: groups.source(g),
      fromHours,
      deals,
      minHours,
      maxHours,
      totalHours,
    });
  });
  return rows;
}

export function transitionSpreadRows(h: Histogram, groups: Groups): TransitionSpreadRow[] {
  const rows: TransitionSpreadRow[] = [];
  buckets(h, (slot, fromHours, transitions, minHours, maxHours, totalHours) => {
    const g = Math.floor(slot / STAGE_SPAN);
    rows.push({
      day: groups.datedDay(g),
      rep: groups.rep(g),
      source: groups.source(g),
      step: slot % STAGE_SPAN,
      fromHours,
      transitions,
      minHours,
      maxHours,
      totalHours,
    });
  });
  return rows;
}
