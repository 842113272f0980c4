/**
 * Velocity sheet: days between consecutive stages (average, median, p90, count) and the monthly
 * trend of the funnel time against the goal of cutting it by a share a month (seed 000).
 */
import { MS_PER_DAY, monthKey } from "../core/calendar";
import { quantileSorted, ratio } from "../core/stats";
import { type Context, DayCache, round } from "./context";
import { t } from "./i18n";
import { knownSaleDate } from "./kpi";
import type { Block, CellValue, Highlight, SheetPlan } from "./types";

/** A growable Float64Array. */
class Buf {
  a = new Float64Array(64);
  n = 0;
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  /** The values sorted in place (the buffer is not pushed to afterwards): no copy. */
  sorted(): Float64Array {
    return this.a.subarray(0, this.n).sort();
  }
}

interface Stat {
  count: number;
  avg: number | null;
  median: number | null;
  p90: number | null;
}

function stat(b: Buf): Stat {
  const s = b.sorted();
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s[i];
  return {
    count: s.length,
    avg: round(ratio(sum, s.length), 4),
    median: round(quantileSorted(s, 0.5), 4),
    p90: round(quantileSorted(s, 0.9), 4),
  };
}

export function planVelocity(ctx: Context): SheetPlan | null {
  const stages = ctx.model.stages;
  const lang = ctx.opt.lang;
  const nT = Math.max(0, stages.length - 1);
  const bufs = Array.from({ length: nT }, () => new Buf());
  const cycle = new Buf();
  // Month trend: per month key, per transition sum and count.
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

  for (const d of ctx.deals) {
    const dates = d.stageDates;
    const last = Math.min(d.reached, stages.length - 1);
    for (let k = 0; k < last; k++) {
      const a = dates[k];
      const b = dates[k + 1];
      if (a === null || b === null || b < a) continue;
      const days = (b - a) / MS_PER_DAY;
      bufs[k].push(days);
      const s = slotOf(Math.floor(b / MS_PER_DAY));
      sums[s][k] += days;
      counts[s][k]++;
    }
    if (d.status === "won" && d.created !== null) {
      const at = knownSaleDate(d);
      if (at !== null && at >= d.created) cycle.push((at - d.created) / MS_PER_DAY);
    }
  }
  const total = bufs.reduce((s, b) => s + b.n, 0);
  if (total === 0 && cycle.n === 0) return null;

  const rows: CellValue[][] = [];
  for (let k = 0; k < nT; k++) {
    if (bufs[k].n === 0) continue;
    const s = stat(bufs[k]);
    rows.push([`${stages[k]} → ${stages[k + 1]}`, s.count, s.avg, s.median, s.p90]);
  }
  if (cycle.n > 0) {
    const s = stat(cycle);
    rows.push([t(lang, "createdToWon"), s.count, s.avg, s.median, s.p90]);
  }
  const blocks: Block[] = [
    {
      id: "velocity.byTransition",
      title: t(lang, "velocity.byTransition"),
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

  if (months.length > 0 && total > 0) {
    const order = months.map((_, i) => i).sort((a, b) => (months[a] < months[b] ? -1 : 1));
    const used = Array.from({ length: nT }, (_, k) => bufs[k].n > 0);
    const goal = ctx.opt.velocityGoal;
    const trows: CellValue[][] = [];
    const highlights: Highlight[] = [];
    let base: number | null = null;
    let step = 0;
    let firstMonth = "";
    for (const s of order) {
      const avgs: (number | null)[] = [];
      let funnel = 0;
      let any = false;
      for (let k = 0; k < nT; k++) {
        if (!used[k]) continue;
        const a = ratio(sums[s][k], counts[s][k]);
        avgs.push(round(a, 4));
        if (a !== null) {
          funnel += a;
          any = true;
        }
      }
      const funnelDays = any ? round(funnel, 4) : null;
      if (base === null && funnelDays !== null) {
        base = funnelDays;
        firstMonth = months[s];
      }
      // Months since the first month with data (calendar months, gaps included).
      if (base !== null) step = monthsBetween(firstMonth, months[s]);
      const target = base === null ? null : round(base * (1 - goal) ** step, 4);
      const ok = funnelDays !== null && target !== null ? funnelDays <= target + 1e-9 : null;
      trows.push([
        months[s],
        ...avgs,
        funnelDays,
        target,
        ok === null ? "" : t(lang, ok ? "yes" : "no"),
      ]);
      if (ok !== null && step > 0) {
        highlights.push({
          row: trows.length - 1,
          col: 1 + avgs.length,
          style: ok ? "good" : "bad",
        });
      }
    }
    const tcols = stages
      .slice(0, nT)
      .flatMap((s, k) => (used[k] ? [`${s} → ${stages[k + 1]}`] : []));
    blocks.push({
      id: "velocity.trend",
      title: t(lang, "velocity.trend", { goal: Math.round(goal * 1000) / 10 }),
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
    });
  }
  return { key: "velocity", name: "", blocks };
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number);
  const [yb, mb] = b.split("-").map(Number);
  return (yb - ya) * 12 + (mb - ma);
}
