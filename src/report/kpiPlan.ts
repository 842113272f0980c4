/**
 * KPI against time: the run-rate forecast of the period holding today, and plan against fact
 * per plan row, with the fact per working day and the daily plan.
 */
import { MS_PER_DAY } from "../core/calendar";
import { at } from "../core/indexed";
import { runRate, workingDays } from "../core/metrics/pace";
import type { PlanMetric } from "../core/metrics/planMetric";
import { ratio } from "../core/stats";
import { nameKey } from "../core/values";
import type { PlanEntry } from "../model/types";
import { type Context, round } from "./context";
import { t } from "./i18n";
import {
  addInto,
  CALLS,
  type KpiAgg,
  LEADS,
  LONG,
  REP_SPAN,
  REVENUE,
  SALES,
  STAGE0,
  TALK_SEC,
} from "./kpiAgg";
import { rangeLabel } from "./periodLabel";
import type { Block, CellValue, ColumnFormat, Highlight } from "./types";

/**
 * The period a forecast is for: the one holding today (the option), if the data reaches into it
 * and it is not over. No today, or data that ended before the period: no forecast.
 */
function currentPeriod(ctx: Context): number | null {
  const today = ctx.opt.todayDay;
  if (today === null || ctx.maxDay === null) return null;
  const p = ctx.periods.of(today);
  if (ctx.maxDay < ctx.periods.startOf(p) || today >= ctx.periods.endOf(p) - 1) return null;
  return p;
}

/** Run-rate forecast of the current period: fact so far ÷ working days elapsed × all. */
export function currentForecast(
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
  const start = ctx.periods.startOf(p);
  const end = ctx.periods.endOf(p);
  const lang = ctx.opt.lang;
  const total = workingDays(start, end);
  const elapsed = workingDays(start, today + 1);
  const scale = runRate(1, elapsed, total) ?? 0;
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
    ...metrics.flatMap((m) => {
      const fact = at(v, m.slot);
      return [round(fact), whole(m, fact * scale)];
    }),
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

const MEETING = /meet|встреч|зустр/i;

/** The slot (and scale) each plan metric reads; meetings read the meeting stage. */
const METRIC_SLOTS: Record<Exclude<PlanMetric, "meetings">, [number, number]> = {
  calls: [CALLS, 1],
  longCalls: [LONG, 1],
  minutes: [TALK_SEC, 1 / 60],
  leads: [LEADS, 1],
  sales: [SALES, 1],
  revenue: [REVENUE, 1],
};

/** Which metric slot (and scale) a plan row reads: its metric, else a stage of that name. */
function metricSlot(
  ctx: Context,
  plan: PlanEntry,
): { slot: number; scale: number; label: string } | null {
  const lang = ctx.opt.lang;
  const metric = plan.metric;
  if (metric !== null && metric !== "meetings") {
    const [slot, scale] = METRIC_SLOTS[metric];
    return { slot, scale, label: t(lang, `metric.${metric}`) };
  }
  const stages = ctx.model.stages;
  const idx = stages.findIndex((s) => nameKey(s) === nameKey(plan.metricText));
  if (idx >= 0) return { slot: STAGE0 + idx, scale: 1, label: at(stages, idx) };
  if (metric === "meetings") {
    const m = stages.findIndex((s) => MEETING.test(s));
    if (m >= 0) return { slot: STAGE0 + m, scale: 1, label: t(lang, "metric.meetings") };
  }
  return null;
}

export function planVsFact(ctx: Context, agg: KpiAgg): Block | null {
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
    const ms = metricSlot(ctx, p);
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
          for (const x of list) if (rep === -1 || x.rep === rep) fact += at(x.m, ms.slot);
        }
      }
      fact = round(fact * ms.scale, 6);
    }
    const total = workingDays(start, end);
    // Elapsed working days: all of a period the data covers, up to the data's end otherwise.
    const through = Math.min(end - 1, dataEnd);
    let elapsed: number | null = through >= start ? workingDays(start, through + 1) : null;
    let forecast: number | null = null;
    // A forecast only for the period holding today, and only when the data reaches into it.
    const current = today !== null && today >= start && today < end - 1 && dataEnd >= start;
    if (current && fact !== null && today !== null) {
      elapsed = workingDays(start, today + 1);
      const rate = runRate(fact, elapsed, total);
      forecast = rate === null ? null : round(rate, 4);
      note = t(lang, "kpi.plan.note", {
        period: rangeLabel(lang, start, end, p.label),
        elapsed,
        total,
      });
    }
    const pct = fact === null ? null : round(ratio(fact, p.target));
    const label = rangeLabel(lang, start, end, p.label);
    rows.push([
      label,
      p.rep || t(lang, "team"),
      ms ? ms.label : p.metricText,
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
    formats: [
      "text",
      "text",
      "text",
      "integer",
      "integer",
      "percent",
      "integer",
      "decimal",
      "decimal",
    ],
    highlights,
  };
}
