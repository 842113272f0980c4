/**
 * The Roles sheet's diagnosis (SPEC §7, seed 002): per SDR and for the team, the latest period
 * that has ended within the data and whose bookings are all at least W days old, against the
 * one before; which of the seed's three situations applies, with its numbers and what to check.
 * What bookings led to is counted within W days of each booking, so both periods are judged
 * alike. A share or a rate "fell" when it fell by more than the threshold and a one-sided test
 * says chance alone would rarely give such a fall (z ≥ 2.33, about 1%).
 */

import { at } from "../core/indexed";
import { cohortMature } from "../core/metrics/cohort";
import {
  addBooking,
  type Booking,
  type RoleNorms,
  rateFallZ,
  shareFallZ,
} from "../core/metrics/roles";
import { ratio } from "../core/stats";
import { nameKey } from "../core/values";
import type { Context } from "./context";
import { emptySdr, type RolesData, type SdrCounts } from "./rolesData";

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
  /** Held-but-lost bookings of the last period (to listen to). */
  lost: Booking[];
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
  for (const b of data.bookings) if (!Number.isNaN(b.day)) ctx.periods.of(b.day);
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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byBookingDay(a: Booking, b: Booking): number {
  return (
    a.day - b.day ||
    (Number.isNaN(a.heldDay) ? 1 : 0) - (Number.isNaN(b.heldDay) ? 1 : 0) ||
    (a.heldDay || 0) - (b.heldDay || 0) ||
    byText(a.deal.id, b.deal.id) ||
    byText(a.sdr, b.sdr)
  );
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
  const lostBy = new Map<string, Booking[]>();
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
  const lostAll: Booking[] = [];
  for (const b of data.bookings) {
    if (Number.isNaN(b.day)) continue;
    const p = ctx.periods.of(b.day);
    if (p !== last && p !== prev) continue;
    const i = p === last ? 1 : 0;
    const targets = [team[i]];
    const own = b.sdr === "" ? undefined : counts.get(nameKey(b.sdr));
    if (own) targets.push(own[i]);
    for (const x of targets) {
      addBooking(x, b, window);
      if (b.deal.targeted !== null) {
        x.bookedGraded += b.deals;
        if (b.deal.targeted) x.bookedTargeted += b.deals;
      }
    }
    const heldInWindow = b.held && (Number.isNaN(b.heldDay) || b.heldDay - b.day <= window);
    if (i === 1 && heldInWindow && b.deal.status === "lost") {
      lostAll.push(b);
      const k = nameKey(b.sdr);
      lostBy.set(k, [...(lostBy.get(k) ?? []), b]);
    }
  }
  // Listed by booking day, then held day and id: the same list whatever order the rows came in.
  for (const list of [lostAll, ...lostBy.values()]) list.sort(byBookingDay);
  const wdPrev = data.workdays(prev);
  const wdLast = data.workdays(last);
  const people: PersonDiagnosis[] = [];
  const judge = (who: string, pair: [SdrCounts, SdrCounts], heads: number, lost: Booking[]) => {
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
    judge(s, pair, 1, lostBy.get(nameKey(s)) ?? []);
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
