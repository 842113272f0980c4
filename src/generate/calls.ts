/**
 * The working days: each rep's calls (a share of them take a new lead, the rest follow up an
 * open deal) and the day's time log. New leads are walked through the funnel as they come.
 */

import { at } from "../core/indexed";
import { type FunnelShape, type GenDeal, newDeal } from "./deals";
import { DAY, expDraw, isWorkdayUTC, pad, pick } from "./rng";
import { NEW_LEAD_SHARE } from "./shape";
import { type GenLang, TIME_CATEGORIES, type TimeCategory, type Words } from "./words";

export interface DaysOut {
  deals: GenDeal[];
  /** Calls and Time log rows, without their headers. */
  calls: unknown[][];
  timeLog: unknown[][];
}

export function simulateDays(
  r: () => number,
  w: Words,
  lang: GenLang,
  reps: string[],
  monthStarts: number[],
  /** Calls a day per rep as a share of 80–100. */
  scales: number[],
  shape: FunnelShape,
): DaysOut {
  const end = at(monthStarts, monthStarts.length - 1);
  const deals: GenDeal[] = [];
  const openByRep: number[][] = reps.map(() => []);
  const callRows: unknown[][] = [];
  const timeRows: unknown[][] = [];
  for (let day = at(monthStarts, 0); day < end; day += DAY) {
    if (!isWorkdayUTC(day)) continue;
    const monthIdx = monthStarts.filter((s) => s <= day).length - 1;
    for (const [rep, repName] of reps.entries()) {
      const n = Math.max(1, Math.round((80 + r() * 20) * at(scales, rep)));
      const times: number[] = [];
      for (let i = 0; i < n; i++) times.push(day + Math.floor((9 * 60 + r() * 9 * 60) * 60_000));
      times.sort((a, b) => a - b);
      let talkSec = 0;
      const open = at(openByRep, rep);
      for (const time of times) {
        const answered = r() < 0.65;
        const dur = answered ? Math.round(15 + expDraw(r, 1) * 150) : 0;
        talkSec += dur;
        let deal: GenDeal | null = null;
        let result = answered ? w.results[1] : w.results[0];
        if (answered && (r() < NEW_LEAD_SHARE || open.length === 0)) {
          deal = newDeal(r, w, shape, rep, time, deals.length);
          if (deal.dates.length > 1) result = w.results[2];
          deals.push(deal);
          if (deal.status === "open") open.push(deals.length - 1);
        } else if (open.length) {
          deal = at(deals, pick(r, open));
        }
        const inbound = r() < 0.12;
        callRows.push([
          new Date(time),
          repName,
          lang === "en" ? dur : `${Math.floor(dur / 60)}:${pad(dur % 60, 2)}`,
          w.direction[inbound ? 1 : 0],
          result,
          deal ? deal.id : "",
          deal ? at(w.sources, deal.source) : "",
        ]);
      }
      // Time log: the day's minutes per category; "misc" grows month by month.
      const callMin = Math.round(talkSec / 60 + n * 1.5);
      const misc = Math.round(20 + monthIdx * 12 + r() * 20);
      const split: Record<TimeCategory, number> = {
        calls: callMin,
        meetings: Math.round(60 + r() * 90),
        proposals: Math.round(20 + r() * 60),
        crm: Math.round(30 + r() * 30),
        training: r() < 0.2 ? 60 : 0,
        misc,
      };
      for (const category of TIME_CATEGORIES) {
        const min = split[category];
        if (min > 0) timeRows.push([new Date(day), repName, w.categories[category], min]);
      }
    }
    // Stale open deals get dropped from the follow-up pool.
    if (new Date(day).getUTCDate() === 1)
      for (const open of openByRep) if (open.length > 200) open.splice(0, open.length - 200);
  }
  return { deals, calls: callRows, timeLog: timeRows };
}
