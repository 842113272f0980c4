/**
 * KPI sheet: per rep and period the activity and result metrics of SPEC §4, team totals that are
 * the sums of the reps, and plan against fact with the run-rate forecast of the current period.
 *
 * One pass over deals and calls accumulates per (day, rep); periods and plan ranges roll up from
 * those day groups.
 */
import { at } from "../core/indexed";
import { ratio } from "../core/stats";
import { type Context, round } from "./context";
import { t } from "./i18n";
import {
  AMOUNT_N,
  addInto,
  aggregateKpi,
  CALLS,
  CYCLE_N,
  CYCLE_SUM,
  currencySlot,
  type KpiAgg,
  LEADS,
  LONG,
  MARGIN,
  MARGIN_BASE,
  NON_TARGETED,
  REP_SPAN,
  REPEAT_REV,
  REVENUE,
  SALES,
  STAGE0,
  TALK_SEC,
  TARGETED,
  UNDATED,
} from "./kpiAgg";
import { currentForecast, planVsFact } from "./kpiPlan";
import { dayLabel } from "./periodLabel";
import type { Block, CellValue, ColumnFormat, Highlight, SheetPlan } from "./types";

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
    add(t(lang, "calls"), "integer", (m) => at(m, CALLS));
    if (f.duration) {
      add(t(lang, "longCalls", { sec: ctx.opt.longCallSeconds }), "integer", (m) => at(m, LONG));
      add(t(lang, "minutes"), "integer", (m) => Math.round(at(m, TALK_SEC) / 60));
    }
  }
  if (f.deals) {
    add(t(lang, "leads"), "integer", (m) => at(m, LEADS));
    if (f.targeted) {
      add(t(lang, "targeted"), "integer", (m) => at(m, TARGETED));
      add(t(lang, "nonTargeted"), "integer", (m) => at(m, NON_TARGETED));
    }
    ctx.model.stages.forEach((s, k) => {
      add(s, "integer", (m) => at(m, STAGE0 + k), true);
    });
    add(t(lang, "sales"), "integer", (m) => at(m, SALES));
    const money: ColumnFormat = f.cents ? "moneyCents" : "money";
    const multi = agg.currencies.length > 0;
    if (f.amount && !multi) {
      add(t(lang, "revenue"), money, (m) => round(at(m, REVENUE)));
      add(t(lang, "avgCheck"), money, (m) => round(ratio(at(m, REVENUE), at(m, AMOUNT_N))));
    }
    // Amounts in several currencies are never added together: revenue per currency.
    agg.currencies.forEach((cur, i) => {
      const slot = currencySlot(ctx.nStages, i);
      const name = cur || "?";
      add(`${t(lang, "revenue")}, ${name}`, money, (m) => round(at(m, slot)));
      add(`${t(lang, "avgCheck")}, ${name}`, money, (m) =>
        round(ratio(at(m, slot), at(m, slot + 1))),
      );
    });
    if (f.margin && !multi)
      add(t(lang, "marginPct"), "percent", (m) => round(ratio(at(m, MARGIN), at(m, MARGIN_BASE))));
    if (f.client && f.amount && !multi) {
      add(t(lang, "repeatShare"), "percent", (m) =>
        round(ratio(at(m, REPEAT_REV), at(m, REVENUE))),
      );
    }
    if (f.cycle)
      add(t(lang, "cycle"), "days", (m) => round(ratio(at(m, CYCLE_SUM) / 24, at(m, CYCLE_N)), 4));
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
  const same = (a: number, b: number) => {
    const other = at(values, b);
    return at(values, a).every((v, i) => v === other[i]);
  };
  const dropped = new Set<number>();
  for (let a = 0; a < cols.length; a++) {
    for (let b = a + 1; b < cols.length; b++) {
      if (dropped.has(a) || dropped.has(b) || !same(a, b)) continue;
      dropped.add(at(cols, a).stage && !at(cols, b).stage ? a : b);
    }
  }
  return cols.filter((_, i) => !dropped.has(i));
}

/** The rep slot of the reps past the top N. */
const OTHER = REP_SPAN - 1;

export function planKpi(ctx: Context): SheetPlan | null {
  if (!ctx.hasCalls && ctx.dealCount === 0 && ctx.model.plans.length === 0) return null;
  const lang = ctx.opt.lang;
  const agg = aggregateKpi(ctx);
  const blocks: Block[] = [];

  // The top N reps by new leads and calls keep their rows; the rest share one "Other" row.
  const weight = new Map<number, number>();
  for (const [key, m] of agg.daily) {
    const rep = key - Math.floor(key / REP_SPAN) * REP_SPAN;
    weight.set(rep, (weight.get(rep) ?? 0) + at(m, LEADS) + at(m, CALLS));
  }
  const named = ctx.reps.order().filter((r) => weight.has(r) && ctx.reps.nameOf(r) !== "");
  const kept = new Set(
    [...named]
      .sort((a, b) => (weight.get(b) ?? 0) - (weight.get(a) ?? 0) || a - b)
      .slice(0, ctx.opt.topN),
  );
  const others = named.length - kept.size;
  const slotOf = (rep: number) => (ctx.reps.nameOf(rep) === "" || kept.has(rep) ? rep : OTHER);

  // Roll the day groups up to (period, rep) and rep totals.
  const byPeriod = new Map<number, Map<number, Float64Array>>();
  const byRep = new Map<number, Float64Array>();
  let minDay = Number.POSITIVE_INFINITY;
  let maxDay = Number.NEGATIVE_INFINITY;
  for (const [key, m] of agg.daily) {
    const day = Math.floor(key / REP_SPAN);
    const rep = slotOf(key - day * REP_SPAN);
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
  const repName = (r: number) =>
    r === OTHER ? t(lang, "otherGroups", { n: others }) : ctx.reps.nameOf(r) || t(lang, "noRep");
  const repOrder = ctx.reps.order().filter((r) => byRep.has(r));
  // "Other" goes after the named reps, before the row without a rep.
  if (byRep.has(OTHER)) {
    const blank = repOrder.findIndex((r) => ctx.reps.nameOf(r) === "");
    repOrder.splice(blank < 0 ? repOrder.length : blank, 0, OTHER);
  }
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

function dayText(lang: Context["opt"]["lang"], day: number): string {
  return Number.isFinite(day) ? dayLabel(lang, day) : "";
}
