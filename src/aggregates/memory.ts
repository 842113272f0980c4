/**
 * The in-memory engine: Model → Aggregates in one pass over the deals and one over the calls.
 * Rows are grouped by (rep, source) pair and day with numeric keys, so a million deals cost no
 * string work beyond one map lookup per deal.
 */
import { MS_PER_DAY } from "../core/calendar";
import { addAt, at, InternalError } from "../core/indexed";
import { reachWindows } from "../core/metrics/cohort";
import { dealDate, knownSaleDate, saleDate } from "../core/metrics/dealDates";
import { repeatWins } from "../core/metrics/repeat";
import { nameKey } from "../core/values";
import type { Deal, Model } from "../model/types";
import type {
  Aggregates,
  CohortRow,
  DealRow,
  RepDayRow,
  SaleRow,
  StageEntryRow,
  StageInfo,
  TransitionRow,
} from "./types";

const MS_PER_HOUR = 3_600_000;
/** Day numbers are shifted by this into [1, 2^18) for keys; 0 is "no date". */
const DAY_SHIFT = 1 << 17;
const DAY_SPAN = 1 << 18;
/** Pairs of dates at least this many, all equal to the millisecond: one source column. */
const SAME_SOURCE_MIN = 20;

export const DEFAULT_LONG_CALL_SECONDS = 60;

function dayOf(ms: number | null): number | null {
  return ms === null ? null : Math.floor(ms / MS_PER_DAY);
}

/** (rep, source) pairs numbered in order of appearance, by exact spelling. */
class Pairs {
  private list: { rep: string; source: string }[] = [];
  private byRep = new Map<string, Map<string, number>>();

  of(rep: string, source: string): number {
    let inner = this.byRep.get(rep);
    if (!inner) {
      inner = new Map();
      this.byRep.set(rep, inner);
    }
    let g = inner.get(source);
    if (g === undefined) {
      g = this.list.length;
      this.list.push({ rep, source });
      inner.set(source, g);
    }
    return g;
  }

  /** The day (null: none), rep and source a group key stands for. */
  group(key: number): { day: number | null; rep: string; source: string } {
    const { rep, source } = at(this.list, keyPair(key));
    return { day: keyDay(key), rep, source };
  }

  /** The same, for keys made with a day. */
  datedGroup(key: number): { day: number; rep: string; source: string } {
    const { day, ...pair } = this.group(key);
    if (day === null) throw new InternalError("a dated row's key has no day");
    return { day, ...pair };
  }
}

/** Key of a pair and a day (null → no date). */
function groupKey(pair: number, day: number | null): number {
  return pair * DAY_SPAN + (day === null ? 0 : day + DAY_SHIFT);
}

function keyDay(key: number): number | null {
  const d = key % DAY_SPAN;
  return d === 0 ? null : d - DAY_SHIFT;
}

function keyPair(key: number): number {
  return Math.floor(key / DAY_SPAN);
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}

function bump(m: Map<number, number>, k: number, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
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

interface SaleAcc {
  sales: number;
  revenue: number;
  amounts: number;
  cents: boolean;
  margin: number;
  marginBase: number;
  margins: number;
  repeatRevenue: number;
}

export function aggregate(
  model: Model,
  longCallSeconds: number = DEFAULT_LONG_CALL_SECONDS,
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

  const pairs = new Pairs();
  const repeat = repeatWins(model.deals, saleDate);
  // (group key) → per (reached + 1) × targeted code (0 null, 1 yes, 2 no) counts.
  const deals = new Map<number, Float64Array>();
  const entries = new Map<number, Float64Array>();
  const sales = new Map<number, Map<string, SaleAcc>>();
  const cycles = new Map<number, Map<number, number>>();
  const spans = new Map<number, Map<number, number>>();
  // (group key) → per stage: withinDays (−1 for null) → count.
  const cohorts = new Map<number, Map<number, number>[]>();
  const transitions = new Map<number, Map<number, number>[]>();
  const nT = Math.max(0, n - 1);
  let hasClient = false;
  const stageDays: (number | null)[] = new Array(n).fill(null);
  const windows = new Float64Array(n);

  for (const d of model.deals) {
    const pair = pairs.of(d.rep, d.source);
    if (d.client) hasClient = true;
    const own = dayOf(dealDate(d));
    const key = groupKey(pair, own);
    const reached = Math.min(d.reached, n - 1);
    const tg = d.targeted === null ? 0 : d.targeted ? 1 : 2;
    addAt(
      getOr(deals, key, () => new Float64Array((n + 1) * 3)),
      (reached + 1) * 3 + tg,
    );

    for (let k = reached; k >= 0; k--) {
      const entered = d.stageDates[k] ?? null;
      const day = entered === null ? own : dayOf(entered);
      addAt(
        getOr(entries, groupKey(pair, day), () => new Float64Array(n)),
        k,
      );
    }
    if (own !== null && reached >= 0) {
      for (let k = 0; k < n; k++) stageDays[k] = dayOf(d.stageDates[k] ?? null);
      reachWindows({ start: own, reached, stageDays }, n, dated, windows);
      const cohort = getOr(cohorts, key, () => stageMaps(n));
      for (let k = 0; k <= reached; k++) {
        const within = at(windows, k);
        bump(at(cohort, k), within === Infinity ? -1 : within);
      }
    }
    for (let k = 0; k < Math.min(reached, nT); k++) {
      if (same[k]) continue;
      const a = d.stageDates[k] ?? null;
      const b = d.stageDates[k + 1] ?? null;
      if (a === null || b === null || b < a) continue;
      const t = getOr(transitions, groupKey(pair, dayOf(b)), () => stageMaps(nT));
      bump(at(t, k), Math.round((b - a) / MS_PER_HOUR));
    }

    if (d.status === "won") addSale(d, pair, own, repeat.has(d), sales, cycles, spans);
  }

  const repDays = aggregateCalls(model, pairs, longCallSeconds);
  return {
    stages,
    longCallSeconds,
    hasClient,
    deals: dealRows(deals, pairs),
    stageEntries: entryRows(entries, pairs),
    sales: saleRows(sales, pairs),
    cycles: countRows(cycles, pairs, "hours"),
    spans: countRows(spans, pairs, "days"),
    cohorts: cohortRows(cohorts, pairs),
    transitions: transitionRows(transitions, pairs),
    repDays,
  };
}

function stageMaps(n: number): Map<number, number>[] {
  return Array.from({ length: n }, () => new Map<number, number>());
}

function addSale(
  d: Deal,
  pair: number,
  own: number | null,
  isRepeat: boolean,
  sales: Map<number, Map<string, SaleAcc>>,
  cycles: Map<number, Map<number, number>>,
  spans: Map<number, Map<number, number>>,
): void {
  const sday = dayOf(saleDate(d));
  const byCurrency = getOr(sales, groupKey(pair, sday), () => new Map<string, SaleAcc>());
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
  if (d.created !== null && known >= d.created)
    bump(
      getOr(cycles, groupKey(pair, kday), () => new Map()),
      Math.round((known - d.created) / MS_PER_HOUR),
    );
  if (own !== null)
    bump(
      getOr(spans, groupKey(pair, own), () => new Map()),
      kday - own,
    );
}

function aggregateCalls(model: Model, pairs: Pairs, longCallSeconds: number): RepDayRow[] {
  if (model.calls.length === 0) return [];
  let sourceById: Map<string, string> | null = null;
  const dealSource = (id: string): string => {
    if (!sourceById) {
      sourceById = new Map();
      for (const d of model.deals) {
        if (d.id && !sourceById.has(d.id)) sourceById.set(d.id, d.source);
        const k = nameKey(d.id);
        if (k && !sourceById.has(`\u0000${k}`)) sourceById.set(`\u0000${k}`, d.source);
      }
    }
    return sourceById.get(id) ?? sourceById.get(`\u0000${nameKey(id)}`) ?? "";
  };
  const acc = new Map<number, Omit<RepDayRow, "day" | "rep" | "source">>();
  for (const c of model.calls) {
    const source = c.source || (c.dealId ? dealSource(c.dealId) : "");
    const g = getOr(acc, groupKey(pairs.of(c.rep, source), dayOf(c.at)), () => ({
      calls: 0,
      longCalls: 0,
      talkSeconds: 0,
      timedCalls: 0,
    }));
    g.calls++;
    if (c.durationSec !== null) {
      g.timedCalls++;
      g.talkSeconds += c.durationSec;
      if (c.durationSec >= longCallSeconds) g.longCalls++;
    }
  }
  const rows: RepDayRow[] = [];
  for (const [key, g] of acc) rows.push({ ...pairs.datedGroup(key), ...g });
  return rows;
}

function dealRows(m: Map<number, Float64Array>, pairs: Pairs): DealRow[] {
  const rows: DealRow[] = [];
  for (const [key, counts] of m) {
    const group = pairs.group(key);
    counts.forEach((deals, slot) => {
      if (deals === 0) return;
      const tg = slot % 3;
      rows.push({
        ...group,
        reached: Math.floor(slot / 3) - 1,
        targeted: tg === 0 ? null : tg === 1,
        deals,
      });
    });
  }
  return rows;
}

function entryRows(m: Map<number, Float64Array>, pairs: Pairs): StageEntryRow[] {
  const rows: StageEntryRow[] = [];
  for (const [key, counts] of m) {
    const group = pairs.group(key);
    counts.forEach((entries, stage) => {
      if (entries > 0) rows.push({ ...group, stage, entries });
    });
  }
  return rows;
}

function saleRows(m: Map<number, Map<string, SaleAcc>>, pairs: Pairs): SaleRow[] {
  const rows: SaleRow[] = [];
  for (const [key, byCurrency] of m) {
    const group = pairs.group(key);
    for (const [currency, a] of byCurrency) rows.push({ ...group, currency, ...a });
  }
  return rows;
}

function countRows<F extends "hours" | "days">(
  m: Map<number, Map<number, number>>,
  pairs: Pairs,
  field: F,
): ({ day: number; rep: string; source: string; deals: number } & Record<F, number>)[] {
  const rows: ({ day: number; rep: string; source: string; deals: number } & Record<F, number>)[] =
    [];
  for (const [key, counts] of m) {
    const group = pairs.datedGroup(key);
    for (const [value, deals] of counts)
      rows.push({ ...group, [field]: value, deals } as {
        day: number;
        rep: string;
        source: string;
        deals: number;
      } & Record<F, number>);
  }
  return rows;
}

function cohortRows(m: Map<number, Map<number, number>[]>, pairs: Pairs): CohortRow[] {
  const rows: CohortRow[] = [];
  for (const [key, perStage] of m) {
    const group = pairs.datedGroup(key);
    perStage.forEach((counts, stage) => {
      for (const [within, deals] of counts)
        rows.push({ ...group, stage, withinDays: within < 0 ? null : within, deals });
    });
  }
  return rows;
}

function transitionRows(m: Map<number, Map<number, number>[]>, pairs: Pairs): TransitionRow[] {
  const rows: TransitionRow[] = [];
  for (const [key, perStep] of m) {
    const group = pairs.datedGroup(key);
    perStep.forEach((counts, step) => {
      for (const [hours, transitions] of counts) rows.push({ ...group, step, hours, transitions });
    });
  }
  return rows;
}
