/**
 * Changes sheet: the last complete period against the one before, per stage conversion. A
 * period's count of a stage is the deals that entered it in the period (its stage date, else the
 * deal's own date; reached semantics), as a sales head counts booked, confirmed and held meetings
 * per month; conversion is a stage's count over the count of the stage above. The first stage from the top whose conversion fell
 * by more than the threshold is named, with the checks of seed 002: calls, minutes on the line,
 * new leads, lead quality, confirmations (the step before), source.
 */
import { MS_PER_DAY } from "../core/calendar";
import { ratio } from "../core/stats";
import { type Context, inRange, round } from "./context";
import { t } from "./i18n";
import type { Block, CellValue, Highlight, SheetPlan } from "./types";

function pct(x: number): number {
  return Math.round(x * 1000) / 10;
}

const SRC_SPAN = 65536;

export interface StageEntries {
  /** Period → entries per stage. */
  byPeriod: Map<number, Float64Array>;
  /** (period * 65536 + source) → entries per stage. */
  bySource: Map<number, Float64Array>;
}

/** Entries into each stage per period (and per source): one pass over the deals. */
export function stageEntries(ctx: Context): StageEntries {
  const n = ctx.nStages;
  const byPeriod = new Map<number, Float64Array>();
  const bySource = new Map<number, Float64Array>();
  const get = (m: Map<number, Float64Array>, key: number) => {
    let a = m.get(key);
    if (!a) {
      a = new Float64Array(n);
      m.set(key, a);
    }
    return a;
  };
  const dated = ctx.opt.fromDay !== null || ctx.opt.toDay !== null;
  for (let i = 0; i < ctx.deals.length; i++) {
    const d = ctx.deals[i];
    const own = ctx.dealDay[i];
    const last = Math.min(d.reached, n - 1);
    const src = ctx.dealSource[i];
    for (let k = 0; k <= last; k++) {
      const at = d.stageDates[k];
      const day = at === null ? own : Math.floor(at / MS_PER_DAY);
      if (Number.isNaN(day) || (dated && !inRange(ctx.opt, day))) continue;
      const p = ctx.periods.of(day);
      get(byPeriod, p)[k]++;
      get(bySource, p * SRC_SPAN + src)[k]++;
    }
  }
  return { byPeriod, bySource };
}

export function planChanges(ctx: Context): SheetPlan | null {
  const stages = ctx.model.stages;
  const lang = ctx.opt.lang;
  if (stages.length < 2 || ctx.todayDay === null) return null;
  const today = ctx.todayDay;
  const entries = stageEntries(ctx);
  const complete = ctx.periods
    .order()
    .filter((p) => entries.byPeriod.has(p) && ctx.periods.end[p] - 1 <= today);
  if (complete.length < 2) return null;
  const last = complete[complete.length - 1];
  const prev = complete[complete.length - 2];
  const cl = Array.from(entries.byPeriod.get(last) as Float64Array);
  const cp = Array.from(entries.byPeriod.get(prev) as Float64Array);
  const threshold = ctx.opt.dropThreshold;

  const rows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  let flagged = -1;
  let flaggedRel = 0;
  for (let k = 0; k < stages.length; k++) {
    const convP = k === 0 ? null : ratio(cp[k], cp[k - 1]);
    const convL = k === 0 ? null : ratio(cl[k], cl[k - 1]);
    const abs = convP !== null && convL !== null ? convL - convP : null;
    const rel = abs !== null && convP !== null && convP > 0 ? abs / convP : null;
    rows.push([stages[k], cp[k], cl[k], round(convP), round(convL), round(abs), round(rel)]);
    if (flagged < 0 && rel !== null && rel < -threshold - 1e-12) {
      flagged = k;
      flaggedRel = rel;
      highlights.push({ row: k, col: -1, style: "bad" });
    }
  }
  const prevLabel = ctx.periods.label(prev);
  const lastLabel = ctx.periods.label(last);
  const blocks: Block[] = [
    {
      id: "changes.byStage",
      title: t(lang, "changes.byStage", { last: lastLabel, prev: prevLabel }),
      note:
        flagged >= 0
          ? t(lang, "changes.drop", {
              stage: stages[flagged],
              pct: pct(-flaggedRel),
              thr: pct(threshold),
            })
          : t(lang, "changes.noDrop", { thr: pct(threshold) }),
      header: [
        t(lang, "stage"),
        `${t(lang, "count")}, ${prevLabel}`,
        `${t(lang, "count")}, ${lastLabel}`,
        `${t(lang, "stepConv")}, ${prevLabel}`,
        `${t(lang, "stepConv")}, ${lastLabel}`,
        t(lang, "absChange"),
        t(lang, "relChange"),
      ],
      rows,
      formats: ["text", "integer", "integer", "percent", "percent", "percent", "percent"],
      highlights,
      signCols: [5, 6],
    },
  ];

  // Activity behind it, in the same two periods.
  const act = activity(ctx, [prev, last]);
  const arows: CellValue[][] = [];
  const line = (label: string, a: number | null, b: number | null) => {
    const rel = a !== null && b !== null && a > 0 ? round((b - a) / a) : null;
    arows.push([label, a, b, rel]);
  };
  if (ctx.calls.length > 0) {
    line(t(lang, "calls"), act[0].calls, act[1].calls);
    if (act[0].timed + act[1].timed > 0) {
      line(t(lang, "longCalls", { sec: ctx.opt.longCallSeconds }), act[0].long, act[1].long);
      line(t(lang, "minutes"), round(act[0].sec / 60, 2), round(act[1].sec / 60, 2));
    }
  }
  line(t(lang, "leads"), act[0].leads, act[1].leads);
  if (act[0].graded + act[1].graded > 0) {
    line(t(lang, "targeted"), act[0].targeted, act[1].targeted);
    line(
      `${t(lang, "targetedShare")}, %`,
      round(ratio(act[0].targeted * 100, act[0].graded), 2),
      round(ratio(act[1].targeted * 100, act[1].graded), 2),
    );
  }
  blocks.push({
    id: "changes.activity",
    title: t(lang, "changes.activity"),
    header: [t(lang, "metric"), prevLabel, lastLabel, t(lang, "relChange")],
    rows: arows,
    formats: ["text", "decimal", "decimal", "percent"],
    signCols: [3],
  });

  if (flagged >= 0) {
    if (ctx.hasSource) {
      const srows = bySource(ctx, entries, prev, last, flagged);
      if (srows.length > 0) {
        blocks.push({
          id: "changes.sources",
          title: t(lang, "changes.sources", { stage: stages[flagged] }),
          header: [t(lang, "source"), prevLabel, lastLabel, t(lang, "absChange")],
          rows: srows,
          formats: ["text", "percent", "percent", "percent"],
          signCols: [3],
        });
      }
    }
    blocks.push({
      id: "changes.checks",
      title: t(lang, "changes.checks"),
      header: [t(lang, "check")],
      rows: [
        [t(lang, "check.calls")],
        [t(lang, "check.minutes")],
        [t(lang, "check.leads")],
        [t(lang, "check.quality")],
        [t(lang, "check.confirm", { stage: stages[flagged] })],
        [t(lang, "check.source")],
        [t(lang, "check.listen")],
      ],
      formats: ["text"],
    });
  }
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

function activity(ctx: Context, periods: number[]): Activity[] {
  const out = periods.map(
    (): Activity => ({ calls: 0, long: 0, sec: 0, timed: 0, leads: 0, targeted: 0, graded: 0 }),
  );
  const slot = (p: number) => periods.indexOf(p);
  for (const c of ctx.calls) {
    const s = slot(ctx.periods.of(Math.floor(c.at / MS_PER_DAY)));
    if (s < 0) continue;
    const a = out[s];
    a.calls++;
    if (c.durationSec !== null) {
      a.timed++;
      a.sec += c.durationSec;
      if (c.durationSec >= ctx.opt.longCallSeconds) a.long++;
    }
  }
  for (let i = 0; i < ctx.deals.length; i++) {
    const day = ctx.dealDay[i];
    if (Number.isNaN(day)) continue;
    const s = slot(ctx.periods.of(day));
    if (s < 0) continue;
    const a = out[s];
    a.leads++;
    const tg = ctx.deals[i].targeted;
    if (tg !== null) {
      a.graded++;
      if (tg) a.targeted++;
    }
  }
  return out;
}

function bySource(
  ctx: Context,
  entries: StageEntries,
  prev: number,
  last: number,
  k: number,
): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const s of ctx.sources.order()) {
    const a = entries.bySource.get(prev * SRC_SPAN + s);
    const b = entries.bySource.get(last * SRC_SPAN + s);
    if (!a && !b) continue;
    const ca = a ? ratio(a[k], a[k - 1]) : null;
    const cb = b ? ratio(b[k], b[k - 1]) : null;
    rows.push([
      ctx.sources.names[s] || t(ctx.opt.lang, "noSource"),
      round(ca),
      round(cb),
      ca !== null && cb !== null ? round(cb - ca) : null,
    ]);
  }
  return rows;
}
