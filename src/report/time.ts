/**
 * Time sheet (seed 001): hours per activity category per rep, the selling and non-selling
 * shares, and a warning when the "misc" category grows from one period to the next.
 */
import { MS_PER_DAY } from "../core/calendar";
import { addAt } from "../core/indexed";
import { ratio } from "../core/stats";
import { nameKey } from "../core/values";
import { Names } from "./buckets";
import { type Context, inRange, passes, round } from "./context";
import { t } from "./i18n";
import { numberText } from "./periodLabel";
import type { Block, CellValue, Highlight, SheetPlan } from "./types";

/** Categories that sell: calls, meetings with prospects or clients, sales meetings, client service, drive time. */
const SELLING =
  /call|phone|inquiry|prospect|client|customer|sales meeting|demo|drive|звон|дзвін|клиент|клієнт|встреч|зустр|продаж|переговор|выезд|виїзд/i;
const NON_SELLING =
  /internal|non-sales|training|document|crm|report|research|admin|misc|внутр|обуч|навч|документ|отч[её]т|звіт|исслед|дослід|прочее|разное|інше|різне/i;
const MISC = /^(misc|miscellaneous|other|прочее|разное|другое|інше|різне|решта)$/i;

export function isSelling(category: string): boolean {
  return SELLING.test(category) && !NON_SELLING.test(category.replace(/sales meeting/i, ""));
}

export function isMisc(category: string): boolean {
  return MISC.test(nameKey(category).replace(/[.\s]+$/, ""));
}

export function planTime(ctx: Context): SheetPlan | null {
  const lang = ctx.opt.lang;
  const cats = new Names();
  const reps = new Names();
  const minutes = new Map<number, Float64Array>(); // rep → per category (grown as needed)
  const byPeriod = new Map<number, [number, number]>(); // period → [misc minutes, all minutes]
  const dated = ctx.opt.fromDay !== null || ctx.opt.toDay !== null;
  let any = false;
  const entries = ctx.model.timeEntries;
  for (const e of entries) {
    if (!passes(ctx.opt.reps, e.rep)) continue;
    const day = Math.floor(e.date / MS_PER_DAY);
    if (dated && !inRange(ctx.opt, day)) continue;
    any = true;
    const c = cats.of(e.category);
    const r = reps.of(e.rep);
    let m = minutes.get(r);
    if (!m || m.length <= c) {
      const grown = new Float64Array(Math.max(16, c * 2 + 1));
      if (m) grown.set(m);
      m = grown;
      minutes.set(r, m);
    }
    addAt(m, c, e.minutes);
    const p = ctx.periods.of(day);
    let pm = byPeriod.get(p);
    if (!pm) {
      pm = [0, 0];
      byPeriod.set(p, pm);
    }
    if (isMisc(e.category)) pm[0] += e.minutes;
    pm[1] += e.minutes;
  }
  if (!any) return null;

  const catOrder = cats.order();
  const selling = cats.names.map((c) => isSelling(c));
  const header = [
    t(lang, "rep"),
    ...catOrder.map((c) => cats.nameOf(c)),
    t(lang, "totalHours"),
    t(lang, "sellingShare"),
    t(lang, "nonSellingShare"),
  ];
  const team = new Float64Array(cats.size);
  const line = (label: string, m: ArrayLike<number>): CellValue[] => {
    let total = 0;
    let sell = 0;
    for (let c = 0; c < cats.size; c++) {
      const v = m[c] ?? 0;
      total += v;
      if (selling[c]) sell += v;
    }
    return [
      label,
      ...catOrder.map((c) => round((m[c] ?? 0) / 60, 4)),
      round(total / 60, 4),
      round(ratio(sell, total)),
      round(ratio(total - sell, total)),
    ];
  };
  const rows: CellValue[][] = [];
  for (const r of reps.order()) {
    const m = minutes.get(r) as Float64Array;
    // A rep's list stops at the last category it has minutes in.
    for (let c = 0; c < cats.size; c++) addAt(team, c, m[c] ?? 0);
    rows.push(line(reps.nameOf(r) || t(lang, "noRep"), m));
  }
  rows.push(line(t(lang, "team"), team));
  const blocks: Block[] = [
    {
      id: "time.byRep",
      title: t(lang, "time.byRep"),
      header,
      rows,
      formats: ["text", ...catOrder.map(() => "hours" as const), "hours", "percent", "percent"],
      highlights: [{ row: rows.length - 1, col: -1, style: "total" }],
    },
  ];

  const miscIdx = catOrder.find((c) => isMisc(cats.nameOf(c)));
  if (miscIdx !== undefined) {
    const misc = cats.nameOf(miscIdx);
    const prow: CellValue[][] = [];
    const highlights: Highlight[] = [];
    let prevShare: number | null = null;
    let note: string | undefined;
    for (const p of ctx.periods.order()) {
      const pm = byPeriod.get(p);
      if (!pm) continue;
      const share = ratio(pm[0], pm[1]);
      prow.push([ctx.periods.label(p), round(pm[0] / 60, 4), round(share)]);
      const grew = prevShare !== null && share !== null && share > prevShare + 1e-9;
      if (grew) highlights.push({ row: prow.length - 1, col: 2, style: "warn" });
      note =
        grew && share !== null && prevShare !== null
          ? t(lang, "time.miscGrows", {
              misc,
              prev: `${numberText(lang, prevShare * 100)}%`,
              last: `${numberText(lang, share * 100)}%`,
            })
          : undefined;
      prevShare = share;
    }
    blocks.push({
      id: "time.misc",
      title: t(lang, "time.misc", { misc }),
      note,
      header: [t(lang, "period"), t(lang, "miscHours"), t(lang, "miscShare")],
      rows: prow,
      formats: ["text", "hours", "percent"],
      highlights,
    });
  }
  return { key: "time", name: "", blocks };
}
