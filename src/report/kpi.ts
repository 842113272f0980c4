/**
 * KPI sheet: per rep and period the activity and result metrics of SPEC §4, team totals that are
 * the sums of the reps, and plan against fact with the run-rate forecast of the current period.
 *
 * One pass over deals and calls accumulates per (day, rep); periods and plan ranges roll up from
 * those day groups.
 */
import { MS_PER_DAY, workdaysBetween } from "../core/calendar";
import { ratio } from "../core/stats";
import { nameKey } from "../core/values";
import type { Deal } from "../model/types";
import { type Context, dealDate, inRange, round } from "./context";
import { type LabelKey, t } from "./i18n";
import { dayLabel, rangeLabel } from "./periodLabel";
import type { Block, CellValue, ColumnFormat, Highlight, SheetPlan } from "./types";

// Metric slots in a group's Float64Array.
const CALLS = 0;
const LONG = 1;
const TALK_SEC = 2;
const LEADS = 3;
const TARGETED = 4;
const NON_TARGETED = 5;
const SALES = 6;
const REVENUE = 7;
const AMOUNT_N = 8;
const MARGIN = 9;
const MARGIN_BASE = 10;
const REPEAT_REV = 11;
const CYCLE_SUM = 12;
const CYCLE_N = 13;
const STAGE0 = 14;

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

const REP_SPAN = 65536;
/** Day bucket of deals without any date: counted in the per-rep totals, in no period. */
const UNDATED = -100_000_000;

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
  const won: { d: Deal; at: number; i: number }[] = [];
  deals.forEach((d, i) => {
    if (d.status === "won" && d.client)
      won.push({ d, at: saleDate(d) ?? Number.POSITIVE_INFINITY, i });
  });
  won.sort((a, b) => a.at - b.at || a.i - b.i);
  const seen = new Set<string>();
  const out = new Set<Deal>();
  for (const w of won) {
    const k = nameKey(w.d.client);
    if (seen.has(k)) out.add(w.d);
    else seen.add(k);
  }
  return out;
}

/** Slot of currency `i`'s revenue (its amount count follows it). */
function currencySlot(n: number, i: number): number {
  return STAGE0 + n + 2 * i;
}

export function aggregateKpi(ctx: Context): KpiAgg {
  const n = ctx.nStages;
  const curSet = new Set<string>();
  for (const d of ctx.deals) if (d.status === "won" && d.amount !== null) curSet.add(d.currency ?? "");
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

interface Column {
  header: string;
  format: ColumnFormat;
  value: (m: Float64Array) => number | null;
  /** A stage's count: dropped first when another column holds the same numbers. */
  stage?: boolean;
}

function columns(ctx: Context, agg: KpiAgg): Column[] {
  const lang = ctx.opt.lang;
  const f = agg.flags;
  const cols: Column[] = [];
  const add = (header: string, format: ColumnFormat, value: Column["value"], stage = false) =>
    cols.push({ header, format, value, stage });
  if (f.calls) {
    add(t(lang, "calls"), "integer", (m) => m[CALLS]);
    if (f.duration) {
      add(t(lang, "longCalls", { sec: ctx.opt.longCallSeconds }), "integer", (m) => m[LONG]);
      add(t(lang, "minutes"), "integer", (m) => Math.round(m[TALK_SEC] / 60));
    }
  }
  if (f.deals) {
    add(t(lang, "leads"), "integer", (m) => m[LEADS]);
    if (f.targeted) {
      add(t(lang, "targeted"), "integer", (m) => m[TARGETED]);
      add(t(lang, "nonTargeted"), "integer", (m) => m[NON_TARGETED]);
    }
    ctx.model.stages.forEach((s, k) => {
      add(s, "integer", (m) => m[STAGE0 + k], true);
    });
    add(t(lang, "sales"), "integer", (m) => m[SALES]);
    const money: ColumnFormat = f.cents ? "moneyCents" : "money";
    const multi = agg.currencies.length > 0;
    if (f.amount && !multi) {
      add(t(lang, "revenue"), money, (m) => round(m[REVENUE]));
      add(t(lang, "avgCheck"), money, (m) => round(ratio(m[REVENUE], m[AMOUNT_N])));
    }
    // Amounts in several currencies are never added together: revenue per currency.
    agg.currencies.forEach((cur, i) => {
      const slot = currencySlot(ctx.nStages, i);
      const name = cur || "?";
      add(`${t(lang, "revenue")}, ${name}`, money, (m) => round(m[slot]));
      add(`${t(lang, "avgCheck")}, ${name}`, money, (m) => round(ratio(m[slot], m[slot + 1])));
    });
    if (f.margin && !multi)
      add(t(lang, "marginPct"), "percent", (m) => round(ratio(m[MARGIN], m[MARGIN_BASE])));
    if (f.client && f.amount && !multi) {
      add(t(lang, "repeatShare"), "percent", (m) => round(ratio(m[REPEAT_REV], m[REVENUE])));
    }
    if (f.cycle) add(t(lang, "cycle"), "days", (m) => round(ratio(m[CYCLE_SUM], m[CYCLE_N]), 4));
  }
  return cols;
}

/**
 * Columns without repeats (SPEC §4: never two columns that always hold the same numbers): when
 * two columns agree on every group, a stage's count gives way to the named metric ("New leads"
 * over the first stage, "Sales" over "Won"), else the later column goes. Sums of groups agree
 * when the groups do, so the team rows need no check of their own.
 */
export function distinctColumns(cols: Column[], groups: Float64Array[]): Column[] {
  const values = cols.map((c) => groups.map((g) => c.value(g)));
  const same = (a: number, b: number) => values[a].every((v, i) => v === values[b][i]);
  const dropped = new Set<number>();
  for (let a = 0; a < cols.length; a++) {
    for (let b = a + 1; b < cols.length; b++) {
      if (dropped.has(a) || dropped.has(b) || !same(a, b)) continue;
      dropped.add(cols[a].stage && !cols[b].stage ? a : b);
    }
  }
  return cols.filter((_, i) => !dropped.has(i));
}

function addInto(target: Float64Array, src: Float64Array): void {
  for (let i = 0; i < src.length; i++) target[i] += src[i];
}

export function planKpi(ctx: Context): SheetPlan | null {
  if (ctx.calls.length === 0 && ctx.deals.length === 0 && ctx.model.plans.length === 0) return null;
  const lang = ctx.opt.lang;
  const agg = aggregateKpi(ctx);
  const blocks: Block[] = [];

  // Roll the day groups up to (period, rep) and rep totals.
  const byPeriod = new Map<number, Map<number, Float64Array>>();
  const byRep = new Map<number, Float64Array>();
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (const [key, m] of agg.daily) {
    const day = Math.floor(key / REP_SPAN);
    const rep = key - day * REP_SPAN;
    let rm = byRep.get(rep);
    if (!rm) {
      rm = new Float64Array(agg.width);
      byRep.set(rep, rm);
    }
    addInto(rm, m);
    if (day === UNDATED) continue;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
    const p = ctx.periods.of(day);
    let reps = byPeriod.get(p);
    if (!reps) {
      reps = new Map();
      byPeriod.set(p, reps);
    }
    let pm = reps.get(rep);
    if (!pm) {
      pm = new Float64Array(agg.width);
      reps.set(rep, pm);
    }
    addInto(pm, m);
  }
  const repName = (r: number) => ctx.reps.names[r] || t(lang, "noRep");
  const repOrder = ctx.reps.order().filter((r) => byRep.has(r));
  const groups: Float64Array[] = [...byRep.values()];
  for (const reps of byPeriod.values()) groups.push(...reps.values());
  const cols = distinctColumns(columns(ctx, agg), groups);

  if (cols.length > 0 && byRep.size > 0) {
    const header = [t(lang, "rep"), ...cols.map((c) => c.header)];
    const formats: ColumnFormat[] = ["text", ...cols.map((c) => c.format)];
    const line = (label: string, m: Float64Array): CellValue[] => [
      label,
      ...cols.map((c) => c.value(m)),
    ];
    const team = new Float64Array(agg.width);
    const rows: CellValue[][] = [];
    for (const r of repOrder) {
      const m = byRep.get(r) as Float64Array;
      addInto(team, m);
      rows.push(line(repName(r), m));
    }
    rows.push(line(t(lang, "team"), team));
    const from = ctx.opt.fromDay ?? minDay;
    const to = ctx.opt.toDay !== null ? ctx.opt.toDay - 1 : maxDay;
    blocks.push({
      id: "kpi.byRep",
      title: t(lang, "kpi.byRep", { from: dayText(lang, from), to: dayText(lang, to) }),
      header,
      rows,
      formats,
      highlights: [{ row: rows.length - 1, col: -1, style: "total" }],
    });

    const prows: CellValue[][] = [];
    const highlights: Highlight[] = [];
    const multi = repOrder.length > 1;
    for (const p of ctx.periods.order()) {
      const reps = byPeriod.get(p);
      if (!reps) continue;
      const ptotal = new Float64Array(agg.width);
      for (const r of repOrder) {
        const m = reps.get(r);
        if (!m) continue;
        addInto(ptotal, m);
        if (multi) prows.push([ctx.periods.label(p), ...line(repName(r), m)]);
      }
      prows.push([ctx.periods.label(p), ...line(t(lang, "team"), ptotal)]);
      if (multi) highlights.push({ row: prows.length - 1, col: -1, style: "total" });
    }
    blocks.push({
      id: "kpi.byPeriod",
      title: t(lang, "kpi.byPeriod"),
      header: [t(lang, "period"), ...header],
      rows: prows,
      formats: ["text", ...formats],
      highlights,
    });
  }

  const current = currentForecast(ctx, agg, byPeriod, repOrder, repName);
  if (current) blocks.push(current);
  const planBlock = planVsFact(ctx, agg);
  if (planBlock) blocks.push(planBlock);
  if (blocks.length === 0) return null;
  return { key: "kpi", name: "", blocks };
}

/**
 * The period a forecast is for: the one holding today (the option), if the data reaches into it
 * and it is not over. No today, or data that ended before the period: no forecast.
 */
function currentPeriod(ctx: Context): number | null {
  const today = ctx.opt.todayDay;
  if (today === null || ctx.maxDay === null) return null;
  const p = ctx.periods.of(today);
  if (ctx.maxDay < ctx.periods.start[p] || today >= ctx.periods.end[p] - 1) return null;
  return p;
}

/** Run-rate forecast of the current period: fact so far ÷ working days elapsed × all. */
function currentForecast(
  ctx: Context,
  agg: KpiAgg,
  byPeriod: Map<number, Map<number, Float64Array>>,
  repOrder: number[],
  repName: (r: number) => string,
): Block | null {
  const p = currentPeriod(ctx);
  if (p === null) return null;
  const today = ctx.opt.todayDay as number;
  const reps = byPeriod.get(p);
  if (!reps) return null;
  const start = ctx.periods.start[p];
  const end = ctx.periods.end[p];
  const lang = ctx.opt.lang;
  const total = workdaysBetween(start, end) || end - start;
  const elapsed = workdaysBetween(start, today + 1) || today + 1 - start;
  const scale = total / elapsed;
  const money: ColumnFormat = agg.flags.cents ? "moneyCents" : "money";
  const metrics: { label: string; slot: number; format: ColumnFormat }[] = [];
  if (agg.flags.calls) metrics.push({ label: t(lang, "calls"), slot: CALLS, format: "integer" });
  if (agg.flags.deals) {
    metrics.push({ label: t(lang, "leads"), slot: LEADS, format: "integer" });
    metrics.push({ label: t(lang, "sales"), slot: SALES, format: "integer" });
    if (agg.flags.amount && agg.currencies.length === 0) {
      metrics.push({ label: t(lang, "revenue"), slot: REVENUE, format: money });
    }
  }
  if (metrics.length === 0) return null;
  const header = [t(lang, "rep")];
  const formats: ColumnFormat[] = ["text"];
  for (const m of metrics) {
    header.push(t(lang, "factOf", { metric: m.label }), t(lang, "forecastOf", { metric: m.label }));
    formats.push(m.format, m.format);
  }
  // Counts are forecast in whole units (no "2.75 calls").
  const whole = (m: (typeof metrics)[number], x: number) =>
    m.format === "integer" ? Math.round(x) : round(x, 2);
  const rows: CellValue[][] = [];
  const team = new Float64Array(agg.width);
  const line = (label: string, v: Float64Array): CellValue[] => [
    label,
    ...metrics.flatMap((m) => [round(v[m.slot]), whole(m, v[m.slot] * scale)]),
  ];
  for (const r of repOrder) {
    const v = reps.get(r);
    if (!v) continue;
    addInto(team, v);
    rows.push(line(repName(r), v));
  }
  rows.push(line(t(lang, "team"), team));
  const period = ctx.periods.label(p);
  return {
    id: "kpi.forecast",
    title: t(lang, "kpi.forecast", { period }),
    note: t(lang, "kpi.plan.note", { period, elapsed, total }),
    header,
    rows,
    formats,
    highlights: [{ row: rows.length - 1, col: -1, style: "total" }],
  };
}

function dayText(lang: Context["opt"]["lang"], day: number): string {
  return Number.isFinite(day) ? dayLabel(lang, day) : "";
}

const MEETING = /meet|встреч|зустр/i;

/** Which metric slot (and scale) a plan row's metric reads. */
function metricSlot(
  ctx: Context,
  metric: string,
): { slot: number; scale: number; label: string } | null {
  const lang = ctx.opt.lang;
  const known: Record<string, [number, number, LabelKey]> = {
    calls: [CALLS, 1, "metric.calls"],
    longcalls: [LONG, 1, "metric.longCalls"],
    minutes: [TALK_SEC, 1 / 60, "metric.minutes"],
    leads: [LEADS, 1, "metric.leads"],
    sales: [SALES, 1, "metric.sales"],
    revenue: [REVENUE, 1, "metric.revenue"],
  };
  const k = nameKey(metric).replace(/[\s_-]/g, "");
  if (known[k]) {
    const [slot, scale, label] = known[k];
    return { slot, scale, label: t(lang, label) };
  }
  const stages = ctx.model.stages;
  const idx = stages.findIndex((s) => nameKey(s) === nameKey(metric));
  if (idx >= 0) return { slot: STAGE0 + idx, scale: 1, label: stages[idx] };
  if (k === "meetings") {
    const m = stages.findIndex((s) => MEETING.test(s));
    if (m >= 0) return { slot: STAGE0 + m, scale: 1, label: t(lang, "metric.meetings") };
  }
  return null;
}

function planVsFact(ctx: Context, agg: KpiAgg): Block | null {
  const lang = ctx.opt.lang;
  const plans = ctx.model.plans.filter(
    (p) => p.rep === "" || ctx.opt.reps === null || ctx.opt.reps.has(nameKey(p.rep)),
  );
  if (plans.length === 0) return null;
  const today = ctx.opt.todayDay;
  const dataEnd = ctx.maxDay ?? Number.NEGATIVE_INFINITY;
  // Day groups by day, for range sums.
  const days = new Map<number, { rep: number; m: Float64Array }[]>();
  for (const [key, m] of agg.daily) {
    const day = Math.floor(key / REP_SPAN);
    let list = days.get(day);
    if (!list) {
      list = [];
      days.set(day, list);
    }
    list.push({ rep: key - day * REP_SPAN, m });
  }
  const repIndex = new Map<string, number>();
  ctx.reps.names.forEach((n, i) => {
    repIndex.set(nameKey(n), i);
  });
  const rows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  let note: string | undefined;
  const sorted = [...plans].sort(
    (a, b) => a.start - b.start || (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0),
  );
  for (const p of sorted) {
    const ms = metricSlot(ctx, p.metric);
    const start = Math.floor(p.start / MS_PER_DAY);
    const end = Math.max(start + 1, Math.floor(p.end / MS_PER_DAY));
    const rep = p.rep === "" ? -1 : (repIndex.get(nameKey(p.rep)) ?? -2);
    let fact: number | null = null;
    if (ms) {
      fact = 0;
      if (rep !== -2) {
        for (let d = start; d < end; d++) {
          const list = days.get(d);
          if (!list) continue;
          for (const x of list) if (rep === -1 || x.rep === rep) fact += x.m[ms.slot];
        }
      }
      fact = round(fact * ms.scale, 6);
    }
    const total = workdaysBetween(start, end) || end - start;
    // Elapsed working days: all of a period the data covers, up to the data's end otherwise.
    const through = Math.min(end - 1, dataEnd);
    let elapsed: number | null =
      through >= start ? workdaysBetween(start, through + 1) || through + 1 - start : null;
    let forecast: number | null = null;
    // A forecast only for the period holding today, and only when the data reaches into it.
    const current = today !== null && today >= start && today < end - 1 && dataEnd >= start;
    if (current && fact !== null && today !== null) {
      elapsed = workdaysBetween(start, today + 1) || today + 1 - start;
      forecast = round((fact / elapsed) * total, 4);
      note = t(lang, "kpi.plan.note", { period: rangeLabel(lang, start, end, p.label), elapsed, total });
    }
    const pct = fact === null ? null : round(ratio(fact, p.target));
    const label = rangeLabel(lang, start, end, p.label);
    rows.push([
      label,
      p.rep || t(lang, "team"),
      ms ? ms.label : p.metric,
      p.target,
      fact,
      pct,
      forecast,
      fact !== null && elapsed ? round(fact / elapsed, 4) : null,
      round(ratio(p.target, total), 4),
    ]);
    const row = rows.length - 1;
    if (forecast !== null) {
      highlights.push({ row, col: 6, style: forecast >= p.target ? "good" : "warn" });
    } else if (pct !== null && dataEnd >= end - 1) {
      highlights.push({ row, col: 5, style: pct >= 1 ? "good" : "bad" });
    }
  }
  return {
    id: "kpi.plan",
    title: t(lang, "kpi.plan"),
    note,
    header: [
      t(lang, "period"),
      t(lang, "rep"),
      t(lang, "metric"),
      t(lang, "plan"),
      t(lang, "fact"),
      t(lang, "pctPlan"),
      t(lang, "forecast"),
      t(lang, "dailyFact"),
      t(lang, "dailyPlan"),
    ],
    rows,
    formats: ["text", "text", "text", "integer", "integer", "percent", "integer", "decimal", "decimal"],
    highlights,
  };
}
