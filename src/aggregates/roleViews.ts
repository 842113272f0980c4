/**
 * The in-memory engine's Roles views (types.ts `RoleLeadRow` … `HeldLostRow`): one pass over the
 * deals by the rules of core/metrics/roles.ts, each view grouped by its columns, so that their
 * rows grow with days, people and sources, not with deals.
 */
import { MS_PER_DAY } from "../core/calendar";
import { dealDate } from "../core/metrics/dealDates";
import { repeatWins } from "../core/metrics/repeat";
import { saleDayOf } from "../core/metrics/roles";
import { WeekParts } from "../core/metrics/spread";
import { nameKey } from "../core/values";
import { meetingStagesOf } from "../model/team";
import type { Deal, Model } from "../model/types";
import {
  type Aggregates,
  type BookingReachRow,
  type BookingRow,
  HELD_LOST_LIMIT,
  type HeldLostRow,
  MAX_REACH_DAYS,
  type RepeatClientRow,
  type RoleEventRow,
  type RoleLeadRow,
} from "./types";

export type RoleViews = Pick<
  Aggregates,
  "roleLeads" | "bookings" | "bookingReach" | "roleEvents" | "repeatClients" | "heldLost"
>;

function dayOf(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.floor(ms / MS_PER_DAY);
}

/** Rows grouped by a key of their columns, made on first use. */
class Grouped<R> {
  readonly rows = new Map<string, R>();
  at(key: unknown[], make: () => R): R {
    const k = key.join("\u0001");
    let r = this.rows.get(k);
    if (r === undefined) {
      r = make();
      this.rows.set(k, r);
    }
    return r;
  }
}

/** Days from the booking to an event as a window needs them: null undated, never below 0. */
const after = (booking: number, event: number | null) =>
  event === null ? null : Math.max(0, event - booking);
/** The smallest W at which all (max) or one (min) of the events count; null counts at any W. */
const allOf = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : Math.max(a, b);
const oneOf = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.min(a, b);

/** The report's and the view's order of held-but-lost bookings: the latest held first. */
export function latestHeldFirst(
  a: Omit<HeldLostRow, "day" | "sdr" | "byOwner">,
  b: Omit<HeldLostRow, "day" | "sdr" | "byOwner">,
): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const grade = (t: boolean | null) => (t === null ? 0 : t ? 2 : 1);
  return (
    (a.heldDay === null ? 1 : 0) - (b.heldDay === null ? 1 : 0) ||
    (b.heldDay ?? 0) - (a.heldDay ?? 0) ||
    b.bookedDay - a.bookedDay ||
    text(a.id, b.id) ||
    text(a.source, b.source) ||
    text(a.rep, b.rep) ||
    grade(a.targeted) - grade(b.targeted)
  );
}

export function roleViews(model: Model): RoleViews {
  const stages = meetingStagesOf(model.stages);
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  const steps = [stages.booked, stages.confirmed, stages.held].filter((k) => k >= 0);
  const n = model.stages.length;
  const meetingDated = (d: Deal) => steps.some((k) => (d.stageDates[k] ?? null) !== null);
  // Where the data dates meetings, a deal that only passed the meeting is no booking.
  const dated = model.deals.some(meetingDated);
  const repeat = repeatWins(model.deals, saleDayOf);
  const parts = new WeekParts();
  const reaches = (reached: number, k: number) => k >= 0 && reached >= k;
  const at = (d: Deal, k: number) => (k >= 0 ? dayOf(d.stageDates[k]) : null);

  const leads = new Grouped<RoleLeadRow>();
  const bookings = new Grouped<BookingRow>();
  const reach = new Grouped<BookingReachRow>();
  const events = new Grouped<RoleEventRow>();
  const clients = new Grouped<RepeatClientRow>();
  const lost = new Map<string, HeldLostRow[]>();

  for (const d of model.deals) {
    const own = dayOf(dealDate(d));
    const bookedBy = (d.bookedBy ?? "").trim();
    const sdr = bookedBy !== "" ? bookedBy : d.rep;
    const byOwner = bookedBy === "";
    const { source, targeted } = d;
    if (sdr !== "")
      leads.at([own, sdr, byOwner, source, targeted], () => ({
        day: own,
        sdr,
        byOwner,
        source,
        targeted,
        deals: 0,
      })).deals++;

    const reached = Math.min(d.reached, n - 1);
    const won = d.status === "won";
    const sale = won ? saleDayOf(d) : Number.NaN;
    const saleDay = Number.isNaN(sale) ? null : sale;
    const heldDay = at(d, stages.held);
    const held = reaches(reached, stages.held);
    const amount = d.amount;
    const event = (day: number | null, name: string, money: boolean) => {
      const e = events.at([day, d.rep, source, name], () => ({
        day,
        rep: d.rep,
        source,
        event: name,
        deals: 0,
        revenue: 0,
        amounts: 0,
      }));
      e.deals++;
      if (money && amount !== null) {
        e.revenue += amount;
        e.amounts++;
      }
    };
    if (held) {
      event(heldDay ?? own, "held", false);
      if (won) event(heldDay ?? own, "held_won", false);
    }
    if (reaches(reached, stages.proposal)) event(at(d, stages.proposal) ?? own, "proposal", false);
    if (won) {
      const sold = saleDay ?? own;
      event(sold, "sale", true);
      if (repeat.has(d)) {
        event(sold, "repeat_sale", true);
        const client = nameKey(d.client);
        clients.at([sold, d.rep, source, client], () => ({
          day: sold,
          rep: d.rep,
          source,
          client,
        }));
      }
    }

    if (!reaches(reached, first) || (dated && !meetingDated(d) && bookedBy === "")) continue;
    const day = at(d, stages.booked) ?? heldDay;
    const confirmed = reaches(reached, stages.confirmed);
    const b = bookings.at([day, sdr, byOwner, source, targeted], () => ({
      day,
      sdr,
      byOwner,
      source,
      targeted,
      booked: 0,
      confirmed: 0,
      held: 0,
      heldWon: 0,
      sales: 0,
      revenue: 0,
      amounts: 0,
    }));
    b.booked++;
    if (confirmed) b.confirmed++;
    if (held) b.held++;
    if (held && won) b.heldWon++;
    if (won) b.sales++;
    if (won && amount !== null) b.revenue += amount;
    if (amount !== null) b.amounts++;
    if (day === null) continue;

    const part = parts.of(day);
    const count = (outcome: string, withinDays: number | null) => {
      if (withinDays !== null && withinDays > MAX_REACH_DAYS) return;
      reach.at([part, sdr, byOwner, source, outcome, withinDays], () => ({
        day: part,
        sdr,
        byOwner,
        source,
        outcome,
        withinDays,
        deals: 0,
      })).deals++;
    };
    count("booked", null);
    if (targeted !== null) count(targeted ? "targeted" : "untargeted", null);
    const heldAfter = held ? after(day, heldDay) : null;
    if (confirmed) {
      const confirmedAfter = after(day, at(d, stages.confirmed));
      // A held meeting was confirmed (addBooking): either one within W counts.
      count("confirmed", held ? oneOf(heldAfter, confirmedAfter) : confirmedAfter);
    }
    if (held) count("held", heldAfter);
    if (held && won) count("held_won", allOf(heldAfter, after(day, saleDay)));
    if (held && d.status === "lost") {
      count("held_lost", null);
      const key = `${part}\u0001${sdr}\u0001${byOwner}`;
      let list = lost.get(key);
      if (!list) {
        list = [];
        lost.set(key, list);
      }
      list.push({
        day: part,
        sdr,
        byOwner,
        id: d.id,
        source,
        targeted,
        bookedDay: day,
        heldDay,
        rep: d.rep,
      });
    }
  }
  const heldLost: HeldLostRow[] = [];
  for (const list of lost.values())
    heldLost.push(...list.sort(latestHeldFirst).slice(0, HELD_LOST_LIMIT));
  return {
    roleLeads: [...leads.rows.values()],
    bookings: [...bookings.rows.values()],
    bookingReach: [...reach.rows.values()],
    roleEvents: [...events.rows.values()],
    repeatClients: [...clients.rows.values()],
    heldLost,
  };
}
