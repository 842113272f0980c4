/**
 * Quality sheet (seed 004): average checklist score per rep and criterion, and per criterion in
 * won against lost deals. A grade's deal (its status, and its rep when the checklist names none)
 * comes from the graded-deals aggregate, so views alone give the whole sheet.
 */
import { gradedDealLookup } from "../aggregates/graded";
import { addAt, addEach, at } from "../core/indexed";
import { ratio } from "../core/stats";
import { Names } from "./buckets";
import { type Context, passes, round } from "./context";
import { t } from "./i18n";
import type { Block, CellValue, Highlight, SheetPlan } from "./types";

/** Score sums as [sum, count] per criterion c at 2c, 2c + 1: adds one score. */
function addScore(acc: Float64Array, c: number, score: number): void {
  addAt(acc, 2 * c, score);
  addAt(acc, 2 * c + 1);
}

/** The mean score of criterion c, or null when none was graded. */
function meanScore(acc: Float64Array, c: number): number | null {
  return ratio(at(acc, 2 * c), at(acc, 2 * c + 1));
}

export function planQuality(ctx: Context): SheetPlan | null {
  const lang = ctx.opt.lang;
  const all = ctx.model.criteria;
  if (all.length === 0 || ctx.model.grades.length === 0) return null;
  // The N most graded criteria keep their columns; the rest are averaged as one "Other".
  const graded0 = all.map(() => 0);
  for (const g of ctx.model.grades) {
    g.scores.forEach((v, c) => {
      if (v !== null && v !== undefined) addAt(graded0, c);
    });
  }
  const top = all
    .map((_, c) => c)
    .sort((a, b) => at(graded0, b) - at(graded0, a) || a - b)
    .slice(0, ctx.opt.topN)
    .sort((a, b) => a - b);
  const rest = all.length - top.length;
  const criteria = top.map((c) => at(all, c));
  if (rest > 0) criteria.push(t(lang, "otherGroups", { n: rest }));
  const slot = all.map(() => criteria.length - 1);
  top.forEach((c, i) => {
    slot[c] = i;
  });
  const nc = criteria.length;
  const reps = new Names();
  // Per rep: [sum, count] per criterion, then overall.
  const sums = new Map<number, Float64Array>();
  const outcome: [won: Float64Array, lost: Float64Array] = [
    new Float64Array(2 * nc),
    new Float64Array(2 * nc),
  ];
  const graded = new Map<number, number>();
  let anyOutcome = false;
  // Views computed without the checklist (SQL given no checklist table) know no graded deal.
  const rowsOfGraded = ctx.agg.gradedDeals;
  const dealOf = rowsOfGraded ? gradedDealLookup(rowsOfGraded) : () => undefined;
  for (const g of ctx.model.grades) {
    const deal = g.id ? dealOf(g.id) : undefined;
    const rep = g.rep || deal?.dealRep || "";
    if (!passes(ctx.opt.reps, rep)) continue;
    const r = reps.of(rep);
    let s = sums.get(r);
    if (!s) {
      s = new Float64Array(2 * (nc + 1));
      sums.set(r, s);
    }
    graded.set(r, (graded.get(r) ?? 0) + 1);
    const status = deal?.dealStatus;
    const o = status === "won" ? outcome[0] : status === "lost" ? outcome[1] : null;
    if (o) anyOutcome = true;
    g.scores.forEach((v, raw) => {
      if (v === null || v === undefined) return;
      const c = at(slot, raw);
      addScore(s, c, v);
      addScore(s, nc, v);
      if (o) addScore(o, c, v);
    });
  }
  if (sums.size === 0) return null;
  const team = new Float64Array(2 * (nc + 1));
  const rows: CellValue[][] = [];
  const line = (label: string, s: Float64Array, n: number): CellValue[] => [
    label,
    n,
    ...criteria.map((_, c) => round(meanScore(s, c))),
    round(meanScore(s, nc)),
  ];
  let total = 0;
  for (const r of reps.order()) {
    const s = sums.get(r) as Float64Array;
    addEach(team, s);
    const n = graded.get(r) ?? 0;
    total += n;
    rows.push(line(reps.nameOf(r) || t(lang, "noRep"), s, n));
  }
  rows.push(line(t(lang, "team"), team, total));
  const blocks: Block[] = [
    {
      id: "quality.byRep",
      title: t(lang, "quality.byRep"),
      header: [t(lang, "rep"), t(lang, "graded"), ...criteria, t(lang, "overallScore")],
      rows,
      formats: ["text", "integer", ...criteria.map(() => "percent" as const), "percent"],
      highlights: [{ row: rows.length - 1, col: -1, style: "total" }],
      ...(rowsOfGraded ? {} : { note: t(lang, "quality.wonLostNeedsChecklist") }),
    },
  ];
  if (anyOutcome) {
    const [won, lost] = outcome;
    const wrows: CellValue[][] = [];
    let worst = -1;
    let worstGap = 0;
    criteria.forEach((name, c) => {
      const w = meanScore(won, c);
      const l = meanScore(lost, c);
      const diff = w !== null && l !== null ? w - l : null;
      if (diff !== null && diff > worstGap) {
        worstGap = diff;
        worst = c;
      }
      wrows.push([name, round(w), round(l), diff === null ? null : round(diff * 100, 6)]);
    });
    const highlights: Highlight[] = worst >= 0 ? [{ row: worst, col: -1, style: "warn" }] : [];
    blocks.push({
      id: "quality.wonLost",
      title: t(lang, "quality.wonLost"),
      header: [t(lang, "criterion"), t(lang, "won"), t(lang, "lost"), t(lang, "difference")],
      rows: wrows,
      formats: ["text", "percent", "percent", "points"],
      highlights,
      signCols: [3],
    });
  }
  return { key: "quality", name: "", blocks };
}
