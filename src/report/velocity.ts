/**
 * Velocity sheet: days between consecutive stages (average, median, p90, count) and the monthly
 * trend of the funnel time against the goal of cutting it by a share a month (seed 000).
 */
import { MS_PER_DAY, monthKey } from "../core/calendar";
import { DayCache } from "../core/dayCache";
import { addAt, at } from "../core/indexed";
import { Spread } from "../core/metrics/spread";
import { ratio } from "../core/stats";
import { type Context, round } from "./context";
import { t } from "./i18n";
import { numberText, periodLabel } from "./periodLabel";
import type { Block, CellValue, Highlight, SheetPlan } from "./types";

/** Durations of one transition (or the sales cycle): exact count and total, and the spread. */
class Durations {
  count = 0;
  totalHours = 0;
  readonly spread = new Spread();
}

interface Stat {
  count: number;
  avg: number | null;
  median: number | null;
  p90: number | null;
}

/** Days: the average from the exact total, the median and p90 from the buckets. */
function stat(d: Durations): Stat {
  const days = (hours: number | null) => (hours === null ? null : hours / 24);
  return {
    count: d.count,
    avg: round(days(ratio(d.totalHours, d.count)), 4),
    median: round(days(d.spread.quantile(0.5)), 4),
    p90: round(days(d.spread.quantile(0.9)), 4),
  };
}

export function planVelocity(ctx: Context): SheetPlan | null {
  const stages = ctx.model.stages;
  const lang = ctx.opt.lang;
  const nT = Math.max(0, stages.length - 1);
  const bufs = Array.from({ length: nT }, () => new Durations());
  const cycle = new Durations();
  // Month trend: per month key, per transition the sum of whole hours (integers: exact in any
  // row order) and the count.
  const monthIdx = new DayCache(); // day → month slot
  const months: string[] = [];
  const monthSlot = new Map<string, number>();
  const sums: Float64Array[] = [];
  const counts: Float64Array[] = [];
  const slotOf = (day: number): number => {
    let s = monthIdx.get(day);
    if (s !== undefined) return s;
    const key = monthKey(day * MS_PER_DAY);
    s = monthSlot.get(key);
    if (s === undefined) {
      s = months.length;
      months.push(key);
      monthSlot.set(key, s);
      sums.push(new Float64Array(nT));
      counts.push(new Float64Array(nT));
    }
    monthIdx.set(day, s);
    return s;
  };

  // Transitions sharing a source column never reach the rows (aggregates/memory.ts).
  for (const r of ctx.rows.transitions) {
    if (r.step >= nT) continue;
    const d = at(bufs, r.step);
    d.count += r.transitions;
    d.totalHours += r.totalHours;
    const s = slotOf(r.day);
    addAt(at(sums, s), r.step, r.totalHours);
    addAt(at(counts, s), r.step, r.transitions);
  }
  for (const r of ctx.rows.transitionSpread)
    if (r.step < nT)
      at(bufs, r.step).spread.add(r.fromHours, r.transitions, r.minHours, r.maxHours, r.totalHours);
  for (const r of ctx.rows.cycles) {
    cycle.count += r.deals;
    cycle.totalHours += r.totalHours;
  }
  for (const r of ctx.rows.cycleSpread)
    cycle.spread.add(r.fromHours, r.deals, r.minHours, r.maxHours, r.totalHours);
  const total = bufs.reduce((s, b) => s + b.count, 0);
  if (total === 0 && cycle.count === 0) return null;

  const rows: CellValue[][] = [];
  for (const [k, b] of bufs.entries()) {
    if (b.count === 0) continue;
    const s = stat(b);
    rows.push([`${at(stages, k)} → ${at(stages, k + 1)}`, s.count, s.avg, s.median, s.p90]);
  }
  if (cycle.count > 0) {
    const s = stat(cycle);
    rows.push([t(lang, "createdToWon"), s.count, s.avg, s.median, s.p90]);
  }
  const blocks: Block[] = [
    {
      id: "velocity.byTransition",
      title: t(lang, "velocity.byTransition"),
      note: t(lang, "velocity.byTransition.note"),
      header: [
        t(lang, "transition"),
        t(lang, "count"),
        t(lang, "average"),
        t(lang, "median"),
        t(lang, "p90"),
      ],
      rows,
      formats: ["text", "integer", "days", "days", "days"],
      chart: {
        type: "bar",
        title: t(lang, "velocity.byTransition"),
        categoryCol: 0,
        seriesCols: [2],
      },
    },
  ];

  if (months.length > 0 && total > 0) blocks.push(trendBlock(ctx, months, sums, counts, bufs));
  return { key: "velocity", name: "", blocks };
}

/** "2026-03" → [2026, 3]. */
function yearMonth(key: string): [number, number] {
  const [y = "", m = ""] = key.split("-");
  return [Number(y), Number(m)];
}

/**
 * The monthly trend (SPEC §4): a transition belongs to the month its later stage was entered;
 * the month's funnel time is the sum of its transitions' average days; its goal is the month
 * before's funnel time × (1 − share). The first month and a month after one without data have no
 * goal; the month the data ends in, unless it ends on its last day, is shown but not judged.
 */
function trendBlock(
  ctx: Context,
  months: string[],
  sums: Float64Array[],
  counts: Float64Array[],
  bufs: Durations[],
): Block {
  const stages = ctx.model.stages;
  const lang = ctx.opt.lang;
  const nT = bufs.length;
  const used = bufs.map((b) => b.count > 0);
  const share = ctx.opt.velocityGoal;
  const lastDay = ctx.maxDay ?? Number.POSITIVE_INFINITY;
  const index = new Map(months.map((m, i) => [m, i]));
  const sorted = [...months].sort();
  const trows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  // Every calendar month from the first to the last, gaps included (a gap breaks the goal chain).
  const [y0, m0] = yearMonth(at(sorted, 0));
  const [y1, m1] = yearMonth(at(sorted, sorted.length - 1));
  let before: number | null = null;
  const count = (y1 - y0) * 12 + (m1 - m0) + 1;
  for (let i = 0; i < count; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const key = `${y}-${String(m).padStart(2, "0")}`;
    const s = index.get(key);
    const startDay = Date.UTC(y, m - 1, 1) / MS_PER_DAY;
    const endDay = Date.UTC(y, m, 1) / MS_PER_DAY;
    const label = periodLabel(lang, "month", startDay);
    const unfinished = lastDay < endDay - 1;
    const avgs: (number | null)[] = [];
    let funnel = 0;
    let any = false;
    const monthSums = s === undefined ? null : at(sums, s);
    const monthCounts = s === undefined ? null : at(counts, s);
    for (let k = 0; k < nT; k++) {
      if (!used[k]) continue;
      const a = monthSums && monthCounts ? ratio(at(monthSums, k) / 24, at(monthCounts, k)) : null;
      avgs.push(round(a, 4));
      if (a !== null) {
        funnel += a;
        any = true;
      }
    }
    const funnelDays = any ? round(funnel, 4) : null;
    const goal = before === null ? null : round(before * (1 - share), 4);
    let verdict = "";
    if (unfinished && funnelDays !== null) verdict = t(lang, "notFinished");
    else if (goal !== null && funnelDays !== null) {
      const ok = funnelDays <= goal + 1e-9;
      verdict = t(lang, ok ? "yes" : "no");
      highlights.push({ row: trows.length, col: 1 + avgs.length, style: ok ? "good" : "bad" });
    }
    if (s !== undefined || trows.length > 0)
      trows.push([label, ...avgs, funnelDays, goal, verdict]);
    before = funnelDays;
  }
  const tcols = stages
    .slice(0, nT)
    .flatMap((st, k) => (used[k] ? [`${st} → ${stages[k + 1]}`] : []));
  return {
    id: "velocity.trend",
    title: t(lang, "velocity.trend", { goal: numberText(lang, share * 100) }),
    note: t(lang, "velocity.trend.note"),
    header: [
      t(lang, "month"),
      ...tcols,
      t(lang, "funnelTime"),
      t(lang, "goal"),
      t(lang, "onTrack"),
    ],
    rows: trows,
    formats: ["text", ...tcols.map(() => "days" as const), "days", "days", "text"],
    highlights,
    chart: {
      type: "line",
      title: t(lang, "funnelTime"),
      categoryCol: 0,
      seriesCols: [1 + tcols.length, 2 + tcols.length],
    },
  };
}
