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
import { Groups, Pairs, slots } from "./groups";
import { Histogram } from "./histogram";
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

/** Person–source pairs and their days numbered densely (groups.ts), by who: "booked by" or owner. */
class People {
  readonly pairs = new Pairs();
  readonly groups = new Groups(this.pairs);
  of(who: string, source: string, day: number | null): number {
    return this.groups.of(this.pairs.of(who, source), day);
  }
}

const TARGETED = [null, true, false] as const;
const grade = (t: boolean | null) => (t === null ? 0 : t ? 1 : 2);
const OUTCOMES = [
  "booked",
  "targeted",
  "untargeted",
  "held_lost",
  "confirmed",
  "held",
  "held_won",
] as const;
const EVENTS = ["held", "held_won", "proposal", "sale", "repeat_sale"] as const;
const BOOKING_COUNTERS = 7; // booked, confirmed, held, heldWon, sales, revenue, amounts

/** Days from the booking to an event as a window needs them: null undated, never below 0. */
const after = (booking: number, event: number | null) =>
  event === null ? null : Math.max(0, event - booking);
/** The smallest W at which all (max) or one (min) of the events count; null counts at any W. */
const allOf = (a: number | null, b: number | null) =>
  a === null ? b : b === null ? a : Math.max(a, b);
const oneOf = (a: number | null, b: number | null) =>
  a === null || b === null ? null : Math.min(a, b);

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const targetedOrder = (t: boolean | null) => (t === null ? 0 : t ? 2 : 1);

/** The report's and the view's order of held-but-lost bookings: the latest held first. */
export function latestHeldFirst(
  a: Omit<HeldLostRow, "day" | "sdr" | "byOwner">,
  b: Omit<HeldLostRow, "day" | "sdr" | "byOwner">,
): number {
  return (
    (a.heldDay === null ? 1 : 0) - (b.heldDay === null ? 1 : 0) ||
    (b.heldDay ?? 0) - (a.heldDay ?? 0) ||
    b.bookedDay - a.bookedDay ||
    byText(a.id, b.id) ||
    byText(a.source, b.source) ||
    byText(a.rep, b.rep) ||
    targetedOrder(a.targeted) - targetedOrder(b.targeted)
  );
}

/** `row` into `list` (kept in order, at most HELD_LOST_LIMIT long) when it is among the first. */
function keepFirst(list: HeldLostRow[], row: HeldLostRow): void {
  const last = list[list.length - 1];
  if (list.length >= HELD_LOST_LIMIT && last && latestHeldFirst(row, last) >= 0) return;
  let i = list.length;
  while (i > 0 && latestHeldFirst(row, list[i - 1] as HeldLostRow) < 0) i--;
  list.splice(i, 0, row);
  if (list.length > HELD_LOST_LIMIT) list.pop();
}

/** One more (`x` more) in counter `i` of the counters at `key`. */
function addAt(m: Map<number, Float64Array>, key: number, width: number, i: number, x: number) {
  const v = slots(m, key, width);
  v[i] = (v[i] ?? 0) + x;
}

/** An event of a deal on `group`'s day: counted, and the sales' known amounts summed. */
function addEvent(
  events: Map<number, Float64Array>,
  group: number,
  e: number,
  amount: number | null,
): void {
  const v = slots(events, group, EVENTS.length * 3);
  v[e * 3] = (v[e * 3] ?? 0) + 1;
  if (e >= SALE && amount !== null) {
    v[e * 3 + 1] = (v[e * 3 + 1] ?? 0) + amount;
    v[e * 3 + 2] = (v[e * 3 + 2] ?? 0) + 1;
  }
}

/** The reach of a booking in `slot` (a group × OUTCOMES.length): W past MAX_REACH_DAYS left out. */
function addReach(h: Histogram, slot: number, o: number, withinDays: number | null): void {
  if (withinDays === null) h.add(slot + o, -1);
  else if (withinDays <= MAX_REACH_DAYS) h.add(slot + o, withinDays);
}

const SALE = 3;
const O_CONFIRMED = OUTCOMES.indexOf("confirmed");
const O_HELD = OUTCOMES.indexOf("held");
const O_HELD_WON = OUTCOMES.indexOf("held_won");
const O_HELD_LOST = OUTCOMES.indexOf("held_lost");

/** The Roles views with no rows. */
export function noRoleViews(): RoleViews {
  return {
    roleLeads: [],
    bookings: [],
    bookingReach: [],
    roleEvents: [],
    repeatClients: [],
    heldLost: [],
  };
}

/** Whether the model's report has a Roles sheet (a team, or a deal naming who booked it). */
export function rolesNeeded(model: Model): boolean {
  return (model.team?.length ?? 0) > 0 || model.deals.some((d) => (d.bookedBy ?? "").trim() !== "");
}

export function roleViews(model: Model): RoleViews {
  const stages = meetingStagesOf(model.stages);
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  const steps = [stages.booked, stages.confirmed, stages.held].filter((k) => k >= 0);
  const n = model.stages.length;
  const meetingDated = (d: Deal) => {
    for (const k of steps) if ((d.stageDates[k] ?? null) !== null) return true;
    return false;
  };
  // Where the data dates meetings, a deal that only passed the meeting is no booking.
  const dated = model.deals.some(meetingDated);
  const repeat = repeatWins(model.deals, saleDayOf);
  const parts = new WeekParts();
  const reaches = (reached: number, k: number) => k >= 0 && reached >= k;
  const at = (d: Deal, k: number) => (k >= 0 ? dayOf(d.stageDates[k]) : null);

  // Per `byOwner` (0: "booked by", 1: the owner) the SDR side's groups; the owners' for events.
  const sdrSide = [new People(), new People()] as const;
  const owners = new People();
  const leads = [new Map<number, number>(), new Map<number, number>()] as const;
  const bookings = [new Map<number, Float64Array>(), new Map<number, Float64Array>()] as const;
  const reach = [new Histogram(), new Histogram()] as const;
  const events = new Map<number, Float64Array>();
  // Repeat clients per owner group (rep, source, day); held-but-lost bookings per SDR and part.
  const clients = new Map<number, Set<string>>();
  const sdrParts = [new People(), new People()] as const;
  const lost = new Map<number, HeldLostRow[]>();

  for (const d of model.deals) {
    const own = dayOf(dealDate(d));
    const bookedBy = d.bookedBy === undefined || d.bookedBy === "" ? "" : d.bookedBy.trim();
    const byOwner = bookedBy === "";
    const sdr = byOwner ? d.rep : bookedBy;
    const side = byOwner ? 1 : 0;
    const people = sdrSide[side];
    const source = d.source;
    const targeted = d.targeted;
    const tg = grade(targeted);
    if (sdr !== "") {
      const k = people.of(sdr, source, own) * 3 + tg;
      const m = leads[side];
      m.set(k, (m.get(k) ?? 0) + 1);
    }

    const reached = Math.min(d.reached, n - 1);
    const won = d.status === "won";
    const sale = won ? saleDayOf(d) : Number.NaN;
    const saleDay = Number.isNaN(sale) ? null : sale;
    const heldDay = at(d, stages.held);
    const held = reaches(reached, stages.held);
    const amount = d.amount;
    const pair = owners.pairs.of(d.rep, source);
    if (held) {
      const g = owners.groups.of(pair, heldDay ?? own);
      addEvent(events, g, 0, amount);
      if (won) addEvent(events, g, 1, amount);
    }
    if (reaches(reached, stages.proposal))
      addEvent(events, owners.groups.of(pair, at(d, stages.proposal) ?? own), 2, amount);
    if (won) {
      const sold = saleDay ?? own;
      const g = owners.groups.of(pair, sold);
      addEvent(events, g, SALE, amount);
      if (repeat.has(d)) {
        addEvent(events, g, SALE + 1, amount);
        let set = clients.get(g);
        if (!set) {
          set = new Set();
          clients.set(g, set);
        }
        set.add(nameKey(d.client));
      }
    }

    if (!reaches(reached, first) || (dated && bookedBy === "" && !meetingDated(d))) continue;
    const day = at(d, stages.booked) ?? heldDay;
    const confirmed = reaches(reached, stages.confirmed);
    const key = people.of(sdr, source, day) * 3 + tg;
    const m = bookings[side];
    addAt(m, key, BOOKING_COUNTERS, 0, 1);
    if (confirmed) addAt(m, key, BOOKING_COUNTERS, 1, 1);
    if (held) addAt(m, key, BOOKING_COUNTERS, 2, 1);
    if (held && won) addAt(m, key, BOOKING_COUNTERS, 3, 1);
    if (won) addAt(m, key, BOOKING_COUNTERS, 4, 1);
    if (won && amount !== null) addAt(m, key, BOOKING_COUNTERS, 5, amount);
    if (amount !== null) addAt(m, key, BOOKING_COUNTERS, 6, 1);
    if (day === null) continue;

    const part = parts.of(day);
    const slot = people.of(sdr, source, part) * OUTCOMES.length;
    const h = reach[side];
    addReach(h, slot, 0, null);
    if (targeted !== null) addReach(h, slot, targeted ? 1 : 2, null);
    const heldAfter = held ? after(day, heldDay) : null;
    if (confirmed) {
      const confirmedAfter = after(day, at(d, stages.confirmed));
      // A held meeting was confirmed (addBooking): either one within W counts.
      addReach(h, slot, O_CONFIRMED, held ? oneOf(heldAfter, confirmedAfter) : confirmedAfter);
    }
    if (held) addReach(h, slot, O_HELD, heldAfter);
    if (held && won) addReach(h, slot, O_HELD_WON, allOf(heldAfter, after(day, saleDay)));
    if (held && d.status === "lost") {
      addReach(h, slot, O_HELD_LOST, null);
      const key = sdrParts[side].of(sdr, "", part) * 2 + side;
      let list = lost.get(key);
      if (!list) {
        list = [];
        lost.set(key, list);
      }
      keepFirst(list, {
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
  for (const list of lost.values()) for (const r of list) heldLost.push(r);
  return {
    roleLeads: leadRows(sdrSide, leads),
    bookings: bookingRows(sdrSide, bookings),
    bookingReach: reachRows(sdrSide, reach),
    roleEvents: eventRows(owners, events),
    repeatClients: clientRows(owners, clients),
    heldLost,
  };
}

type Sides<T> = readonly [T, T];

function clientRows(owners: People, clients: Map<number, Set<string>>): RepeatClientRow[] {
  const rows: RepeatClientRow[] = [];
  const g = owners.groups;
  for (const [at, set] of clients)
    for (const client of set)
      rows.push({ day: g.dayOf(at), rep: g.rep(at), source: g.source(at), client });
  return rows;
}

function leadRows(people: Sides<People>, leads: Sides<Map<number, number>>): RoleLeadRow[] {
  const rows: RoleLeadRow[] = [];
  leads.forEach((m, side) => {
    const g = (people[side] as People).groups;
    for (const [k, deals] of m) {
      const at = Math.floor(k / 3);
      rows.push({
        day: g.dayOf(at),
        sdr: g.rep(at),
        byOwner: side === 1,
        source: g.source(at),
        targeted: TARGETED[k % 3] ?? null,
        deals,
      });
    }
  });
  return rows;
}

function bookingRows(
  people: Sides<People>,
  bookings: Sides<Map<number, Float64Array>>,
): BookingRow[] {
  const rows: BookingRow[] = [];
  bookings.forEach((m, side) => {
    const g = (people[side] as People).groups;
    for (const [k, v] of m) {
      const at = Math.floor(k / 3);
      const [booked, confirmed, held, heldWon, sales, revenue, amounts] = v;
      rows.push({
        day: g.dayOf(at),
        sdr: g.rep(at),
        byOwner: side === 1,
        source: g.source(at),
        targeted: TARGETED[k % 3] ?? null,
        booked: booked ?? 0,
        confirmed: confirmed ?? 0,
        held: held ?? 0,
        heldWon: heldWon ?? 0,
        sales: sales ?? 0,
        revenue: revenue ?? 0,
        amounts: amounts ?? 0,
      });
    }
  });
  return rows;
}

function reachRows(people: Sides<People>, reach: Sides<Histogram>): BookingReachRow[] {
  const rows: BookingReachRow[] = [];
  reach.forEach((h, side) => {
    const g = (people[side] as People).groups;
    h.forEach((slot, within, deals) => {
      const at = Math.floor(slot / OUTCOMES.length);
      rows.push({
        day: g.datedDay(at),
        sdr: g.rep(at),
        byOwner: side === 1,
        source: g.source(at),
        outcome: OUTCOMES[slot % OUTCOMES.length] ?? "",
        withinDays: within < 0 ? null : within,
        deals,
      });
    });
  });
  return rows;
}

function eventRows(owners: People, events: Map<number, Float64Array>): RoleEventRow[] {
  const rows: RoleEventRow[] = [];
  const g = owners.groups;
  for (const [at, v] of events)
    EVENTS.forEach((event, e) => {
      const deals = v[e * 3] ?? 0;
      if (deals > 0)
        rows.push({
          day: g.dayOf(at),
          rep: g.rep(at),
          source: g.source(at),
          event,
          deals,
          revenue: v[e * 3 + 1] ?? 0,
          amounts: v[e * 3 + 2] ?? 0,
        });
    });
  return rows;
}
