/** Funnel sheet: per stage count, step and overall conversion (reached semantics); per period, rep, source. */
import { addAt, at } from "../core/indexed";
import { ratio } from "../core/stats";
import { addCounts, topN } from "./breakdown";
import type { Names } from "./buckets";
import { type Context, reachedCounts, round } from "./context";
import { t } from "./i18n";
import type { Block, CellValue, ColumnFormat, Highlight, SheetPlan } from "./types";

/** Histograms of `reached` (+1) per group: one pass over the filtered deals. */
export interface FunnelAgg {
  all: Int32Array;
  /** Deals without any date: in no period. */
  undated: Int32Array;
  byPeriod: Map<number, Int32Array>;
  byRep: Map<number, Int32Array>;
  bySource: Map<number, Int32Array>;
}

function bump(
  map: Map<number, Int32Array>,
  key: number,
  slot: number,
  width: number,
  by: number,
): void {
  let h = map.get(key);
  if (!h) {
    h = new Int32Array(width);
    map.set(key, h);
  }
  addAt(h, slot, by);
}

export function aggregateFunnel(ctx: Context): FunnelAgg {
  const width = ctx.nStages + 1;
  const agg: FunnelAgg = {
    all: new Int32Array(width),
    undated: new Int32Array(width),
    byPeriod: new Map(),
    byRep: new Map(),
    bySource: new Map(),
  };
  const { periods, reps, sources } = ctx;
  for (const r of ctx.rows.deals) {
    const slot = r.reached < 0 ? 0 : r.reached >= ctx.nStages ? ctx.nStages : r.reached + 1;
    addAt(agg.all, slot, r.deals);
    if (r.day !== null) bump(agg.byPeriod, periods.of(r.day), slot, width, r.deals);
    else addAt(agg.undated, slot, r.deals);
    bump(agg.byRep, reps.of(r.rep), slot, width, r.deals);
    bump(agg.bySource, sources.of(r.source), slot, width, r.deals);
  }
  return agg;
}

/** Stage counts with step and overall conversions. */
export function funnelRows(
  stages: string[],
  hist: ArrayLike<number>,
): { counts: number[]; step: (number | null)[]; overall: (number | null)[] } {
  const counts = reachedCounts(hist, stages.length);
  const step = counts.map((c, k) => {
    const above = counts[k - 1];
    return above === undefined ? null : round(ratio(c, above));
  });
  const [first = 0] = counts;
  const overall = counts.map((c) => round(ratio(c, first)));
  return { counts, step, overall };
}

/** Deals in a histogram of `reached` (every slot, "none reached" included). */
function dealsIn(hist: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < hist.length; i++) n += hist[i] ?? 0;
  return n;
}

interface GroupRow {
  label: string;
  hist: ArrayLike<number>;
}

/**
 * A breakdown block: the named groups (top N, the rest as "Other"), the group without a name,
 * then the total. Every column adds up to the funnel.
 */
function groupBlock(
  ctx: Context,
  id: string,
  title: string,
  firstHeader: string,
  groups: GroupRow[],
  unnamed: GroupRow | null,
  total: ArrayLike<number>,
  limit: number,
): Block {
  const { stages } = ctx.model;
  const lang = ctx.opt.lang;
  const header = [firstHeader, ...stages, t(lang, "overallConv")];
  const formats: ColumnFormat[] = ["text", ...stages.map((): ColumnFormat => "integer"), "percent"];
  const rows: CellValue[][] = [];
  const highlights: Highlight[] = [];
  const line = (label: string, hist: ArrayLike<number>) => {
    const counts = reachedCounts(hist, stages.length);
    const [first = 0] = counts;
    const last = counts[counts.length - 1] ?? 0;
    rows.push([label, ...counts, round(ratio(last, first))]);
  };
  const { shown, other } = topN(
    groups.map((g) => ({ label: g.label, value: g.hist, weight: dealsIn(g.hist) })),
    limit,
    (into: ArrayLike<number> | null, x) => addCounts(into as Int32Array | null, x),
  );
  for (const g of shown) line(g.label, g.value);
  if (other) line(t(lang, "otherGroups", { n: other.count }), other.value);
  if (unnamed) line(unnamed.label, unnamed.hist);
  line(t(lang, "total"), total);
  highlights.push({ row: rows.length - 1, col: -1, style: "total" });
  return { id, title, header, rows, formats, highlights };
}

export function planFunnel(ctx: Context, agg: FunnelAgg): SheetPlan | null {
  const { stages } = ctx.model;
  const lang = ctx.opt.lang;
  if (stages.length === 0 || ctx.dealCount === 0) return null;
  const { counts, step, overall } = funnelRows(stages, agg.all);
  // The weakest step: the lowest step conversion below the first stage.
  let weakest = -1;
  let weakestStep = Number.POSITIVE_INFINITY;
  step.forEach((s, k) => {
    if (k > 0 && s !== null && s < weakestStep) {
      weakest = k;
      weakestStep = s;
    }
  });
  const byStage: Block = {
    id: "funnel.byStage",
    title: t(lang, "funnel.byStage"),
    note:
      weakest > 0
        ? t(lang, "funnel.byStage.note", {
            stage: `${at(stages, weakest - 1)} → ${at(stages, weakest)}`,
          })
        : undefined,
    header: [t(lang, "stage"), t(lang, "count"), t(lang, "stepConv"), t(lang, "overallConv")],
    rows: stages.map((s, k) => [s, at(counts, k), at(step, k), at(overall, k)]),
    formats: ["text", "integer", "percent", "percent"],
    highlights: weakest > 0 ? [{ row: weakest, col: 2, style: "bad" }] : [],
    chart: { type: "bar", title: t(lang, "funnel.chart"), categoryCol: 0, seriesCols: [1] },
  };
  const blocks: Block[] = [byStage];

  const periodOrder = ctx.periods.order().filter((p) => agg.byPeriod.has(p));
  if (periodOrder.length > 0) {
    const byPeriod = groupBlock(
      ctx,
      "funnel.byPeriod",
      t(lang, "funnel.byPeriod"),
      t(lang, "period"),
      periodOrder.map((p) => ({
        label: ctx.periods.label(p),
        hist: agg.byPeriod.get(p) as Int32Array,
      })),
      agg.undated.some((x) => x > 0) ? { label: t(lang, "noDate"), hist: agg.undated } : null,
      agg.all,
      Number.POSITIVE_INFINITY,
    );
    byPeriod.note = t(lang, "funnel.byPeriod.note");
    blocks.push(byPeriod);
  }
  const named = (order: number[], names: Names, map: Map<number, Int32Array>) =>
    order
      .filter((i) => names.nameOf(i) !== "" && map.has(i))
      .map((i) => ({ label: names.nameOf(i), hist: map.get(i) as Int32Array }));
  const blank = (order: number[], names: Names, map: Map<number, Int32Array>, label: string) => {
    const i = order.find((x) => names.nameOf(x) === "" && map.has(x));
    return i === undefined ? null : { label, hist: map.get(i) as Int32Array };
  };
  const group = (
    key: "byRep" | "bySource",
    column: "rep" | "source",
    none: "noRep" | "noSource",
    order: number[],
    names: Names,
    map: Map<number, Int32Array>,
  ) =>
    groupBlock(
      ctx,
      `funnel.${key}`,
      t(lang, `funnel.${key}`),
      t(lang, column),
      named(order, names, map),
      blank(order, names, map, t(lang, none)),
      agg.all,
      ctx.opt.topN,
    );
  const repOrder = ctx.reps.order().filter((r) => agg.byRep.has(r));
  if (repOrder.length > 1 || (repOrder.length === 1 && ctx.reps.nameOf(at(repOrder, 0)) !== "")) {
    blocks.push(group("byRep", "rep", "noRep", repOrder, ctx.reps, agg.byRep));
  }
  if (ctx.hasSource) {
    const srcOrder = ctx.sources.order().filter((s) => agg.bySource.has(s));
    blocks.push(group("bySource", "source", "noSource", srcOrder, ctx.sources, agg.bySource));
  }
  return { key: "funnel", name: "", blocks };
}
