/**
 * The Roles sheet's diagnosis (SPEC §7, seed 002): per SDR and for the team, the latest period
 * that has ended within the data and whose bookings are all at least W days old, against the
 * one before; which of the seed's three situations applies, with its numbers and what to check.
 * What bookings led to is counted within W days of each booking, so both periods are judged
 * alike (the view `voronka_agg_booking_reach` keeps, per week part, the fewest days each outcome
 * took); the held-but-lost bookings to listen to are the held ones by the data's last day, the
 * latest held HELD_LOST_LIMIT per SDR, with how many in all. A share or a rate "fell" when it fell by more than the threshold and a one-sided test
 * says chance alone would rarely give such a fall (z ≥ 2.33, about 1%).
 */

import { HELD_LOST_LIMIT } from "../aggregates/types";
import { at } from "../core/indexed";
import { cohortMature } from "../core/metrics/cohort";
import { type RoleNorms, rateFallZ, shareFallZ } from "../core/metrics/roles";
import { ratio } from "../core/stats";
import { nameKey } from "../core/values";
import type { Context } from "./context";
import {
  emptySdr,
  type HeldLost,
  latestHeldFirst,
  type RolesData,
  type SdrCounts,
} from "./rolesData";

export type Situation = "fewBooked" | "bookedNotHeld" | "heldNotPaid";

/** The smallest relative fall the diagnosis names (the report's threshold, at least this). */
export const MIN_ROLE_DROP = 0.2;
/** One-sided z a fall must reach (≈ 1% by chance). */
export const FALL_Z = 2.33;

export interface PersonDiagnosis {
  /** SDR name; "" for the team. */
  who: string;
  situations: Situation[];
  prev: SdrCounts;
  last: SdrCounts;
  /** Held-but-lost bookings of the last period (to listen to): the latest held few of all. */
  lost: HeldLost;
}

export interface DiagnosisResult {
  window: number;
  last: number;
  prev: number;
  /** The first period after `last`, too recent to judge; -1 when none. */
  newer: number;
  people: PersonDiagnosis[];
}

export function fell(rel: number | null, z: number, thr: number): boolean {
  return rel !== null && rel < -thr - 1e-12 && z >= FALL_Z;
}

export function relChange(a: number | null, b: number | null): number | null {
  return a === null || b === null || a === 0 ? null : (b - a) / a;
}

/** Which periods are compared, with W; null when two such periods do not exist. */
export function comparedPeriods(
  ctx: Context,
  data: RolesData,
): { window: number; last: number; prev: number; newer: number } | null {
  if (ctx.maxDay === null) return null;
  const window = ctx.opt.cohortWindowDays ?? data.window ?? 0;
  const maxDay = ctx.maxDay;
  const order = ctx.periods.order();
  let li = -1;
  for (let i = order.length - 1; i >= 0; i--) {
    if (cohortMature(ctx.periods.endOf(at(order, i)), window, maxDay)) {
      li = i;
      break;
    }
  }
  if (li < 0) return null;
  const last = at(order, li);
  const prev = ctx.periods.of(ctx.periods.startOf(last) - 1);
  if (ctx.minDay === null || ctx.periods.endOf(prev) - 1 < ctx.minDay) return null;
  return { window, last, prev, newer: order[li + 1] ?? -1 };
}

/** The diagnosis for every SDR with bookings or calls in the two periods, then the team. */
export function diagnose(ctx: Context, data: RolesData, norms: RoleNorms): DiagnosisResult | null {
  const periods = comparedPeriods(ctx, data);
  if (!periods) return null;
  const { window, last, prev } = periods;
  const thr = Math.max(ctx.opt.dropThreshold, MIN_ROLE_DROP);
  const named = data.sdrs.filter((s) => s !== "");
  const counts = new Map<string, [SdrCounts, SdrCounts]>();
  const team: [SdrCounts, SdrCounts] = [emptySdr(), emptySdr()];
  const slots = [prev, last];
  for (const s of named) {
    const pair: [SdrCounts, SdrCounts] = [emptySdr(), emptySdr()];
    slots.forEach((p, i) => {
      const g = data.sdr.get(p, s);
      if (!g) return;
      const own = at(pair, i);
      const all = at(team, i);
      for (const k of ["calls", "longCalls", "talkSec", "timed", "leads", "targeted"] as const) {
        own[k] = g[k];
        all[k] += g[k];
      }
      own.nonTargeted = g.nonTargeted;
      all.nonTargeted += g.nonTargeted;
    });
    counts.set(nameKey(s), pair);
  }
  // What the bookings of each period led to within W days: per SDR, and all for the team.
  slots.forEach((p, i) => {
    for (const [k, g] of data.withinWindow(p, window)) {
      const own = k === "" ? undefined : counts.get(k);
      for (const x of own ? [at(team, i), at(own, i)] : [at(team, i)])
        for (const f of [
          "booked",
          "confirmed",
          "held",
          "heldWon",
          "bookedGraded",
          "bookedTargeted",
        ] as const)
          x[f] += g[f];
    }
  });
  const lostBy = data.heldLost(last);
  const lostAll: HeldLost = { rows: [], total: 0 };
  for (const e of lostBy.values()) {
    lostAll.rows.push(...e.rows);
    lostAll.total += e.total;
  }
  lostAll.rows = lostAll.rows.sort(latestHeldFirst).slice(0, HELD_LOST_LIMIT);
  const wdPrev = data.workdays(prev);
  const wdLast = data.workdays(last);
  const people: PersonDiagnosis[] = [];
  const judge = (who: string, pair: [SdrCounts, SdrCounts], heads: number, lost: HeldLost) => {
    const [a, b] = pair;
    if (a.booked + b.booked + a.calls + b.calls === 0) return;
    const situations: Situation[] = [];
    const perDay = (x: number, wd: number) => (wd * heads === 0 ? null : x / (wd * heads));
    const bookedLast = perDay(b.booked, wdLast);
    const bookedPrev = perDay(a.booked, wdPrev);
    const rateFell = fell(
      relChange(bookedPrev, bookedLast),
      rateFallZ(a.booked, wdPrev * heads, b.booked, wdLast * heads),
      thr,
    );
    if ((bookedLast !== null && bookedLast < norms.bookedMin) || rateFell)
      situations.push("fewBooked");
    const share = (x: number, n: number, y: number, m: number) =>
      fell(relChange(ratio(x, n), ratio(y, m)), shareFallZ(x, n, y, m), thr);
    if (data.stages.held >= 0 && share(a.held, a.booked, b.held, b.booked))
      situations.push("bookedNotHeld");
    if (data.stages.held >= 0 && share(a.heldWon, a.held, b.heldWon, b.held))
      situations.push("heldNotPaid");
    people.push({ who, situations, prev: a, last: b, lost });
  };
  for (const s of named) {
    const pair = counts.get(nameKey(s)) as [SdrCounts, SdrCounts];
    judge(s, pair, 1, lostBy.get(nameKey(s)) ?? { rows: [], total: 0 });
  }
  const heads = Math.max(
    1,
    named.filter((s) => {
      const pair = counts.get(nameKey(s)) as [SdrCounts, SdrCounts];
      return pair[1].booked + pair[1].calls > 0;
    }).length,
  );
  judge("", team, heads, lostAll);
  return { ...periods, people };
}
