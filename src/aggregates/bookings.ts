/**
 * The in-memory engine's meeting bookings (types.ts `BookingRow`): one pass over the deals, by
 * the rules of core/metrics/roles.ts `bookingsOf`, grouped by every column but the counters.
 */
import { MS_PER_DAY } from "../core/calendar";
import { dealDate } from "../core/metrics/dealDates";
import { saleDayOf } from "../core/metrics/roles";
import { meetingStagesOf } from "../model/team";
import type { Model } from "../model/types";
import type { BookingRow } from "./types";

function dayOf(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.floor(ms / MS_PER_DAY);
}

const after = (from: number | null, to: number | null) =>
  from === null || to === null ? null : to - from;

export function bookingRows(model: Model): BookingRow[] {
  const stages = meetingStagesOf(model.stages);
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  if (first < 0) return [];
  const n = model.stages.length;
  const at = (dates: readonly (number | null)[], k: number) => (k >= 0 ? dayOf(dates[k]) : null);
  const groups = new Map<string, BookingRow>();
  for (const d of model.deals) {
    const reached = Math.min(d.reached, n - 1);
    if (reached < first) continue;
    const booked = at(d.stageDates, stages.booked);
    const confirmedDay = at(d.stageDates, stages.confirmed);
    const heldDay = at(d.stageDates, stages.held);
    const day = booked ?? heldDay;
    const won = d.status === "won";
    const sale = won ? saleDayOf(d) : Number.NaN;
    const row: BookingRow = {
      ownDay: dayOf(dealDate(d)),
      day,
      rep: d.rep,
      source: d.source,
      bookedBy: (d.bookedBy ?? "").trim(),
      targeted: d.targeted,
      meetingDated: booked !== null || confirmedDay !== null || heldDay !== null,
      confirmed: stages.confirmed >= 0 && reached >= stages.confirmed,
      held: stages.held >= 0 && reached >= stages.held,
      won,
      lost: d.status === "lost",
      confirmedAfter: after(day, confirmedDay),
      heldAfter: after(day, heldDay),
      saleAfter: after(day, Number.isNaN(sale) ? null : sale),
      bookings: 0,
      revenue: 0,
      amounts: 0,
    };
    const key = JSON.stringify(Object.values(row));
    const g = groups.get(key) ?? row;
    groups.set(key, g);
    g.bookings++;
    if (d.amount !== null) {
      g.revenue += d.amount;
      g.amounts++;
    }
  }
  return [...groups.values()];
}
