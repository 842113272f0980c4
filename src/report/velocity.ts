/**
 * Velocity sheet: days between consecutive stages (average, median, p90, count) and the monthly
 * trend of the funnel time against the goal of cutting it by a share a month (seed 000).
 */
import { MS_PER_DAY, monthKey } from "../core/calendar";
import { quantileSorted, ratio } from "../core/stats";
import { type Context, DayCache, round } from "./context";
import { t } from "./i18n";
import { knownSaleDate } from "./kpi";
import { numberText, periodLabel } from "./periodLabel";
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

/** Pairs of dates at least this many, all equal to the millisecond: one source column. */
const SAME_SOURCE_MIN = 20;

/**
 * Per step k → k+1, whether both stages take their date from one source column (Maven's Closed
 * and Won, both close_date): one event, not a transition. The model says so when it knows the
 * columns; without that, a step whose two dates are equal to the millisecond in every one of at
 * least 20 deals is taken as one column (different columns that agree on every deal are not a
 * funnel anyone measures).
 */
export function sameSourceSteps(ctx: Context, nT: number): boolean[] {
  const sources = ctx.model.stageSources;
  if (sources)
    return Array.from({ length: nT }, (_, k) => !!sources[k] && sources[k] === sources[k + 1]);
  const pairs = new Array<number>(nT).fill(0);
  const differ = new Array<boolean>(nT).fill(false);
  for (const d of ctx.deals) {
    for (let k = 0; k < nT; k++) {
      const a = d.stageDates[k];
      const b = d.stageDates[k + 1];
      if (a === null || b === null || a === undefined || b === undefined) continue;
      pairs[k]++;
      if (a !== b) differ[k] = true;
    }
  }
  return pairs.map((n, k) => n >= SAME_SOURCE_MIN && !differ[k]);
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

  const sameSource = sameSourceSteps(ctx, nT);
  for (const d of ctx.deals) {
    const dates = d.stageDates;
    const last = Math.min(d.reached, stages.length - 1);
    for (let k = 0; k < last; k++) {
      if (sameSource[k]) continue;
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

  if (months.length > 0 && total > 0) blocks.push(trendBlock(ctx, months, sums, counts, bufs));
  return { key: "velocity", name: "", blocks };
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
  bufs: Buf[],
): Block {
  const stages = ctx.model.stages;
  const lang = ctx.opt.lang;
  const nT = bufs.length;
  const used = Array.from({ length: nT }, (_, k) => bufs[k].n > 0);
  const share = ctx.opt.velocityGoal;
  const lastDay = ctx.maxDay ?? Number.POSITIVE_INFINITY;
  const index = new Map(months.map((m, i) => [m, i]));
  const sorted = [...months].sort();
  const trows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  // Every calendar month from the first to the last, gaps included (a gap breaks the goal chain).
  const [y0, m0] = sorted[0].split("-").map(Number);
  const [y1, m1] = sorted[sorted.length - 1].split("-").map(Number);
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
    for (let k = 0; k < nT; k++) {
      if (!used[k]) continue;
      const a = s === undefined ? null : ratio(sums[s][k], counts[s][k]);
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
