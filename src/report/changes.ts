/**
 * Changes sheet (SPEC §4): two periods compared on cohort conversions. A cohort is the deals
 * created in a period (created date, else the first stage date); a stage counts when the deal
 * reached it within W days of creation, W being the 80th percentile of the days won deals took
 * to sell (or the user's value). The two latest periods whose cohorts are all at least W days
 * old on the data's last date are compared, so young deals are not judged. The first stage from
 * the top whose conversion fell by more than the threshold is named, with the checks of seed 002.
 */

import { addAt, addEach, at } from "../core/indexed";
import {
  type CohortCounts,
  cohortMature,
  cohortStepConversions,
  cohortWindow,
} from "../core/metrics/cohort";
import { ratio } from "../core/stats";
import { topN } from "./breakdown";
import { planChecks } from "./checks";
import { type Context, round } from "./context";
import { t } from "./i18n";
import { dayLabel, numberText } from "./periodLabel";
import type { Block, CellValue, Highlight, SheetPlan } from "./types";

function pct(x: number): number {
  return Math.round(x * 1000) / 10;
}

/** Change in percentage points, as points (0.05 → 5). */
export function points(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : round((b - a) * 100, 6);
}

const SRC_SPAN = 65536;

/** Flow counts: entries into each stage per period (its stage date, else the deal's date). */
export function stageEntries(ctx: Context): Map<number, Float64Array> {
  const n = ctx.nStages;
  const byPeriod = new Map<number, Float64Array>();
  for (const r of ctx.rows.stageEntries) {
    if (r.day === null || r.stage >= n) continue;
    const p = ctx.periods.of(r.day);
    let a = byPeriod.get(p);
    if (!a) {
      a = new Float64Array(n);
      byPeriod.set(p, a);
    }
    addAt(a, r.stage, r.entries);
  }
  return byPeriod;
}

export interface Cohorts {
  /** The window in days; null: no dated stage (reached so far throughout). */
  window: number | null;
  /** Whether the window came from the data (not the user). */
  windowFromData: boolean;
  /** Per stage: does any deal carry a date for it. */
  dated: boolean[];
  byPeriod: Map<number, CohortCounts>;
  /** (period * 65536 + source) → counts. */
  bySource: Map<number, CohortCounts>;
  /** Deals with no date at all: in no cohort. */
  undated: number;
}

/**
 * The cohort window W: the user's, else the 80th percentile of won deals' days from the cohort
 * day to the sale; null when no stage after the first carries dates (reached so far throughout).
 */
export function cohortWindowOf(ctx: Context): { window: number | null; fromData: boolean } {
  const anyDated = ctx.agg.stages.some((s, k) => s.dated && k > 0);
  if (!anyDated) return { window: null, fromData: ctx.opt.cohortWindowDays === null };
  const spans: number[] = [];
  for (const r of ctx.rows.spans) for (let i = 0; i < r.deals; i++) spans.push(r.days);
  return {
    window: ctx.opt.cohortWindowDays ?? cohortWindow(spans),
    fromData: ctx.opt.cohortWindowDays === null,
  };
}

/** Cohort counts per period (and per period and source), from the cohort rows. */
export function cohorts(ctx: Context): Cohorts {
  const n = ctx.nStages;
  const dated = ctx.agg.stages.map((s) => s.dated);
  const { window, fromData } = cohortWindowOf(ctx);
  const byPeriod = new Map<number, CohortCounts>();
  const bySource = new Map<number, CohortCounts>();
  const get = (m: Map<number, CohortCounts>, key: number) => {
    let c = m.get(key);
    if (!c) {
      c = { size: 0, reached: new Array<number>(n).fill(0) };
      m.set(key, c);
    }
    return c;
  };
  let undated = 0;
  for (const r of ctx.cohortDeals) {
    if (r.day === null) {
      undated += r.deals;
      continue;
    }
    const p = ctx.periods.of(r.day);
    get(byPeriod, p).size += r.deals;
    get(bySource, p * SRC_SPAN + ctx.sources.of(r.source)).size += r.deals;
  }
  for (const r of ctx.rows.cohorts) {
    if (r.stage >= n) continue;
    const within = window === null || (r.withinDays !== null && r.withinDays <= window);
    if (!within) continue;
    const p = ctx.periods.of(r.day);
    addAt(get(byPeriod, p).reached, r.stage, r.deals);
    addAt(get(bySource, p * SRC_SPAN + ctx.sources.of(r.source)).reached, r.stage, r.deals);
  }
  return { window, windowFromData: fromData, dated, byPeriod, bySource, undated };
}

export function planChanges(ctx: Context): SheetPlan | null {
  const stages = ctx.model.stages;
  const lang = ctx.opt.lang;
  const lastDay = ctx.maxDay;
  if (stages.length < 2 || lastDay === null) return null;
  const co = cohorts(ctx);
  const withCohort = ctx.periods.order().filter((p) => (co.byPeriod.get(p)?.size ?? 0) > 0);
  const mature = withCohort.filter((p) => cohortMature(ctx.periods.endOf(p), co.window, lastDay));
  if (mature.length < 2) return null;
  const last = at(mature, mature.length - 1);
  const prev = at(mature, mature.length - 2);
  const cp = co.byPeriod.get(prev) as CohortCounts;
  const cl = co.byPeriod.get(last) as CohortCounts;
  const sp = cohortStepConversions(cp);
  const sl = cohortStepConversions(cl);
  const threshold = ctx.opt.dropThreshold;
  const soFar = t(lang, "reachedSoFar");

  const rows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  let flagged = -1;
  let flaggedRel = 0;
  for (const [k, stage] of stages.entries()) {
    const before = at(sp, k);
    const after = at(sl, k);
    const abs = points(before, after);
    const rel = before !== null && after !== null && before > 0 ? (after - before) / before : null;
    const label = k > 0 && co.window !== null && !co.dated[k] ? `${stage} (${soFar})` : stage;
    rows.push([
      label,
      at(cp.reached, k),
      at(cl.reached, k),
      round(before),
      round(after),
      abs,
      round(rel),
    ]);
    if (flagged < 0 && rel !== null && rel < -threshold - 1e-12) {
      flagged = k;
      flaggedRel = rel;
      highlights.push({ row: k, col: -1, style: "bad" });
    }
  }
  const prevLabel = ctx.periods.label(prev);
  const lastLabel = ctx.periods.label(last);
  const younger = withCohort.filter((p) => ctx.periods.startOf(p) > ctx.periods.startOf(last));
  const notes: string[] = [];
  notes.push(
    co.window === null
      ? t(lang, "changes.cohortSoFar")
      : t(lang, co.windowFromData ? "changes.cohortWindow" : "changes.cohortWindowSet", {
          w: co.window,
        }),
  );
  if (younger.length > 0) {
    notes.push(
      t(lang, "changes.younger", {
        periods:
          younger.length === 1
            ? ctx.periods.label(at(younger, 0))
            : `${ctx.periods.label(at(younger, 0))} – ${ctx.periods.label(at(younger, younger.length - 1))}`,
        date: dayLabel(lang, lastDay),
        w: co.window ?? 0,
      }),
    );
  }
  if (co.undated > 0) notes.push(t(lang, "changes.undated", { n: co.undated }));
  notes.push(
    flagged >= 0
      ? t(lang, "changes.drop", {
          stage: at(stages, flagged),
          pct: numberText(lang, pct(-flaggedRel)),
          thr: numberText(lang, pct(threshold)),
        })
      : t(lang, "changes.noDrop", { thr: numberText(lang, pct(threshold)) }),
  );
  const blocks: Block[] = [
    {
      id: "changes.byStage",
      title: t(lang, "changes.byStage", { last: lastLabel, prev: prevLabel }),
      note: notes.join(" "),
      header: [
        t(lang, "stage"),
        t(lang, "cohortReached", { period: prevLabel }),
        t(lang, "cohortReached", { period: lastLabel }),
        `${t(lang, "stepConv")}, ${prevLabel}`,
        `${t(lang, "stepConv")}, ${lastLabel}`,
        t(lang, "absChange"),
        t(lang, "relChange"),
      ],
      rows,
      formats: ["text", "integer", "integer", "percent", "percent", "points", "percent"],
      highlights,
      signCols: [5, 6],
    },
  ];

  // Flow: entries into each stage per period, from the earlier compared period on. Counts only.
  const entries = stageEntries(ctx);
  const flowPeriods = ctx.periods
    .order()
    .filter((p) => entries.has(p) && ctx.periods.startOf(p) >= ctx.periods.startOf(prev));
  if (flowPeriods.length > 0) {
    blocks.push({
      id: "changes.entries",
      title: t(lang, "changes.entries"),
      note: t(lang, "changes.entries.note"),
      header: [t(lang, "period"), ...stages],
      rows: flowPeriods.map((p) => [
        ctx.periods.label(p),
        ...Array.from(entries.get(p) as Float64Array),
      ]),
      formats: ["text", ...stages.map(() => "integer" as const)],
    });
  }

  const act = activityBlock(ctx, prev, last);
  if (act) blocks.push(act);

  if (flagged >= 0 && ctx.hasSource) {
    const src = sourcesBlock(ctx, co, prev, last, flagged);
    if (src) blocks.push(src);
  }
  if (flagged >= 0) blocks.push(planChecks(ctx, flagged));
  return { key: "changes", name: "", blocks };
}

interface Activity {
  calls: number;
  long: number;
  sec: number;
  timed: number;
  leads: number;
  targeted: number;
  graded: number;
}

/** Calls, minutes and new leads in the two compared periods (flow), and the targeted share. */
function activityBlock(ctx: Context, prev: number, last: number): Block | null {
  const lang = ctx.opt.lang;
  const periods = [prev, last];
  const out = periods.map(
    (): Activity => ({ calls: 0, long: 0, sec: 0, timed: 0, leads: 0, targeted: 0, graded: 0 }),
  );
  for (const r of ctx.rows.repDays) {
    const s = periods.indexOf(ctx.periods.of(r.day));
    if (s < 0) continue;
    const a = at(out, s);
    a.calls += r.calls;
    a.timed += r.timedCalls;
    a.sec += r.talkSeconds;
    a.long += r.longCalls;
  }
  for (const r of ctx.rows.deals) {
    if (r.day === null) continue;
    const s = periods.indexOf(ctx.periods.of(r.day));
    if (s < 0) continue;
    const a = at(out, s);
    a.leads += r.deals;
    if (r.targeted !== null) {
      a.graded += r.deals;
      if (r.targeted) a.targeted += r.deals;
    }
  }
  const header = [t(lang, "period")];
  const formats: Block["formats"] = ["text"];
  const cols: ((a: Activity) => number | null)[] = [];
  const add = (h: string, f: Block["formats"][number], v: (a: Activity) => number | null) => {
    header.push(h);
    formats.push(f);
    cols.push(v);
  };
  if (ctx.hasCalls) {
    add(t(lang, "calls"), "integer", (a) => a.calls);
    if (out.some((a) => a.timed > 0)) {
      add(t(lang, "longCalls", { sec: ctx.opt.longCallSeconds }), "integer", (a) => a.long);
      add(t(lang, "minutes"), "integer", (a) => Math.round(a.sec / 60));
    }
  }
  add(t(lang, "leads"), "integer", (a) => a.leads);
  if (out.some((a) => a.graded > 0)) {
    add(t(lang, "targeted"), "integer", (a) => a.targeted);
    add(t(lang, "targetedShare"), "percent", (a) => round(ratio(a.targeted, a.graded)));
  }
  return {
    id: "changes.activity",
    title: t(lang, "changes.activity"),
    header,
    rows: periods.map((p, i) => [ctx.periods.label(p), ...cols.map((c) => c(at(out, i)))]),
    formats,
  };
}

/** Cohort step conversion into the flagged stage per source (top N, the rest as "Other"). */
function sourcesBlock(
  ctx: Context,
  co: Cohorts,
  prev: number,
  last: number,
  k: number,
): Block | null {
  const lang = ctx.opt.lang;
  const empty = (): CohortCounts => ({ size: 0, reached: new Array<number>(ctx.nStages).fill(0) });
  const merge = (into: CohortCounts | null, x: CohortCounts): CohortCounts => {
    const o = into ?? empty();
    o.size += x.size;
    addEach(o.reached, x.reached);
    return o;
  };
  const groups: { label: string; value: [CohortCounts, CohortCounts]; weight: number }[] = [];
  let blank: [CohortCounts, CohortCounts] | null = null;
  for (const s of ctx.sources.order()) {
    const a = co.bySource.get(prev * SRC_SPAN + s);
    const b = co.bySource.get(last * SRC_SPAN + s);
    if (!a && !b) continue;
    const pair: [CohortCounts, CohortCounts] = [a ?? empty(), b ?? empty()];
    if (ctx.sources.nameOf(s) === "") blank = pair;
    else
      groups.push({
        label: ctx.sources.nameOf(s),
        value: pair,
        weight: pair[0].size + pair[1].size,
      });
  }
  if (groups.length === 0 && !blank) return null;
  const { shown, other } = topN(groups, ctx.opt.topN, (into, x): [CohortCounts, CohortCounts] => [
    merge(into ? into[0] : null, x[0]),
    merge(into ? into[1] : null, x[1]),
  ]);
  const rows: CellValue[][] = [];
  const line = (label: string, [a, b]: [CohortCounts, CohortCounts]) => {
    // k ≥ 1: the flagged stage has one above it.
    const aboveA = at(a.reached, k - 1);
    const aboveB = at(b.reached, k - 1);
    const ca = ratio(at(a.reached, k), aboveA);
    const cb = ratio(at(b.reached, k), aboveB);
    rows.push([label, aboveA, round(ca), aboveB, round(cb), points(ca, cb)]);
  };
  for (const g of shown) line(g.label, g.value);
  if (other) line(t(lang, "otherGroups", { n: other.count }), other.value);
  if (blank) line(t(lang, "noSource"), blank);
  const total: [CohortCounts, CohortCounts] = [
    co.byPeriod.get(prev) as CohortCounts,
    co.byPeriod.get(last) as CohortCounts,
  ];
  line(t(lang, "total"), total);
  const stages = ctx.model.stages;
  const prevLabel = ctx.periods.label(prev);
  const lastLabel = ctx.periods.label(last);
  return {
    id: "changes.sources",
    title: t(lang, "changes.sources", { stage: at(stages, k) }),
    header: [
      t(lang, "source"),
      t(lang, "reachedStage", { stage: at(stages, k - 1), period: prevLabel }),
      `${t(lang, "stepConv")}, ${prevLabel}`,
      t(lang, "reachedStage", { stage: at(stages, k - 1), period: lastLabel }),
      `${t(lang, "stepConv")}, ${lastLabel}`,
      t(lang, "absChange"),
    ],
    rows,
    formats: ["text", "integer", "percent", "integer", "percent", "points"],
    highlights: [{ row: rows.length - 1, col: -1, style: "total" }],
    signCols: [5],
  };
}
