/**
 * Quality sheet (seed 004): average checklist score per rep and criterion, and per criterion in
 * won against lost deals.
 */
import { ratio } from "../core/stats";
import { Names } from "./buckets";
import { type Context, passes, round } from "./context";
import { t } from "./i18n";
import type { Block, CellValue, Highlight, SheetPlan } from "./types";

export function planQuality(ctx: Context): SheetPlan | null {
  const lang = ctx.opt.lang;
  const all = ctx.model.criteria;
  if (all.length === 0 || ctx.model.grades.length === 0) return null;
  // The N most graded criteria keep their columns; the rest are averaged as one "Other".
  const graded0 = all.map(() => 0);
  for (const g of ctx.model.grades) {
    for (let c = 0; c < g.scores.length; c++) {
      const v = g.scores[c];
      if (v !== null && v !== undefined) graded0[c]++;
    }
  }
  const top = all
    .map((_, c) => c)
    .sort((a, b) => graded0[b] - graded0[a] || a - b)
    .slice(0, ctx.opt.topN)
    .sort((a, b) => a - b);
  const rest = all.length - top.length;
  const criteria = top.map((c) => all[c]);
  if (rest > 0) criteria.push(t(lang, "otherGroups", { n: rest }));
  const slot = all.map(() => criteria.length - 1);
  top.forEach((c, i) => {
    slot[c] = i;
  });
  const nc = criteria.length;
  const reps = new Names();
  // Per rep: [sum, count] per criterion, then overall.
  const sums = new Map<number, Float64Array>();
  const outcome = [new Float64Array(2 * nc), new Float64Array(2 * nc)]; // won, lost
  const graded = new Map<number, number>();
  let anyOutcome = false;
  for (const g of ctx.model.grades) {
    const deal = g.id ? ctx.dealById(g.id) : undefined;
    const rep = g.rep || deal?.rep || "";
    if (!passes(ctx.opt.reps, rep)) continue;
    const r = reps.of(rep);
    let s = sums.get(r);
    if (!s) {
      s = new Float64Array(2 * (nc + 1));
      sums.set(r, s);
    }
    graded.set(r, (graded.get(r) ?? 0) + 1);
    const o = deal?.status === "won" ? outcome[0] : deal?.status === "lost" ? outcome[1] : null;
    if (o) anyOutcome = true;
    for (let raw = 0; raw < g.scores.length; raw++) {
      const v = g.scores[raw];
      if (v === null || v === undefined) continue;
      const c = slot[raw];
      s[2 * c] += v;
      s[2 * c + 1]++;
      s[2 * nc] += v;
      s[2 * nc + 1]++;
      if (o) {
        o[2 * c] += v;
        o[2 * c + 1]++;
      }
    }
  }
  if (sums.size === 0) return null;
  const team = new Float64Array(2 * (nc + 1));
  const rows: CellValue[][] = [];
  const line = (label: string, s: Float64Array, n: number): CellValue[] => [
    label,
    n,
    ...criteria.map((_, c) => round(ratio(s[2 * c], s[2 * c + 1]))),
    round(ratio(s[2 * nc], s[2 * nc + 1])),
  ];
  let total = 0;
  for (const r of reps.order()) {
    const s = sums.get(r) as Float64Array;
    for (let i = 0; i < s.length; i++) team[i] += s[i];
    const n = graded.get(r) ?? 0;
    total += n;
    rows.push(line(reps.names[r] || t(lang, "noRep"), s, n));
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
    },
  ];
  if (anyOutcome) {
    const [won, lost] = outcome;
    const wrows: CellValue[][] = [];
    let worst = -1;
    let worstGap = 0;
    criteria.forEach((name, c) => {
      const w = ratio(won[2 * c], won[2 * c + 1]);
      const l = ratio(lost[2 * c], lost[2 * c + 1]);
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
