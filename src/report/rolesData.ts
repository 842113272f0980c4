/**
 * The Roles sheet's numbers (SPEC §7): one pass over the aggregates' rows (Roles rows, deal
 * rows, rep-days) into per (period, person) counters for SDRs, hunters and farmers. The planner (roles.ts) only lays
 * them out; the diagnosis (rolesDiagnosis.ts) reads the same bookings.
 */

import type { RoleDealRow } from "../aggregates/types";
import { workdaysBetween } from "../core/calendar";
import { cohortWindow } from "../core/metrics/cohort";
import { repeatWins } from "../core/metrics/repeat";
import {
  addBooking,
  type Booking,
  type BookingOutcome,
  emptyOutcome,
  type MeetingStages,
  RoleBook,
  type RoleName,
  saleDayOf,
  sdrOf,
} from "../core/metrics/roles";
import { nameKey } from "../core/values";
import { meetingStagesOf } from "../model/team";
import type { Deal } from "../model/types";
import { Names } from "./buckets";
import type { Context } from "./context";

/** Person slots per period in a Grid key (far more than any team). */
const PERSON_SPAN = 1 << 20;

/**
 * Per (period, person) counters; period -1 = the whole range. People are matched by name key
 * through one shared Names index (a Map lookup on the raw text per row, no string work).
 */
export class Grid<T> {
  private cells = new Map<number, T>();
  constructor(
    private readonly people: Names,
    private readonly make: () => T,
  ) {}
  private key(period: number, who: string): number {
    return (period + 2) * PERSON_SPAN + this.people.of(who);
  }
  at(period: number, who: string): T {
    const k = this.key(period, who);
    let c = this.cells.get(k);
    if (!c) {
      c = this.make();
      this.cells.set(k, c);
    }
    return c;
  }
  get(period: number, who: string): T | undefined {
    return this.cells.get(this.key(period, who));
  }
}

export interface SdrCounts extends BookingOutcome {
  calls: number;
  longCalls: number;
  talkSec: number;
  timed: number;
  leads: number;
  targeted: number;
  nonTargeted: number;
  /** Booked meetings with a targeted mark, and of those the targeted ones. */
  bookedGraded: number;
  bookedTargeted: number;
}

export function emptySdr(): SdrCounts {
  return {
    ...emptyOutcome(),
    calls: 0,
    longCalls: 0,
    talkSec: 0,
    timed: 0,
    leads: 0,
    targeted: 0,
    nonTargeted: 0,
    bookedGraded: 0,
    bookedTargeted: 0,
  };
}

export interface HunterCounts {
  held: number;
  /** Won among the meetings held in the period (by the data's last day). */
  heldWon: number;
  proposals: number;
  sales: number;
  revenue: number;
  amounts: number;
}

export interface FarmerCounts {
  clients: Set<string>;
  repeatSales: number;
  repeatRevenue: number;
  repeatAmounts: number;
  newSales: number;
  newRevenue: number;
  newAmounts: number;
}

export interface RolesData {
  /** The cohort window W from the data (won deals' own day → sale, SPEC §4); null: none. */
  window: number | null;
  roles: RoleBook;
  stages: MeetingStages;
  bookings: Booking[];
  /** SDRs (by role or named in "booked by"), by name; "" last when some booking has none. */
  sdrs: string[];
  hunters: string[];
  farmers: string[];
  sdr: Grid<SdrCounts>;
  hunter: Grid<HunterCounts>;
  farmer: Grid<FarmerCounts>;
  /** All the team's revenue per period (-1: whole range), for the farmers' share. */
  revenue: Map<number, number>;
  /** Working days per period within the data. */
  workdays: (p: number) => number;
  hasCalls: boolean;
  hasTalk: boolean;
  hasTargeted: boolean;
  hasAmount: boolean;
}

const NO_DAY = Number.NaN;
const dayOr = (d: number | null) => (d === null ? NO_DAY : d);

/** Won deals whose client had an earlier won deal (over all the model's deals). */
export function repeatSales(deals: readonly Deal[]): Set<Deal> {
  return repeatWins(deals, saleDayOf);
}

/**
 * The bookings among the Roles rows (core/metrics/roles.ts `bookingsOf`, row by row): where the
 * data dates meetings, a deal that only passed the meeting is no booking unless it names who
 * booked it.
 */
function bookingsOfRows(rows: readonly RoleDealRow[], roles: RoleBook): Booking[] {
  const dated = rows.some((r) => r.meetingDated);
  const out: Booking[] = [];
  for (const r of rows) {
    if (!r.booking || (dated && !r.meetingDated && r.bookedBy === "")) continue;
    const day = dayOr(r.day);
    const deal = {
      id: r.id,
      rep: r.rep,
      source: r.source,
      targeted: r.targeted,
      status: r.won ? ("won" as const) : r.lost ? ("lost" as const) : ("open" as const),
    };
    out.push({
      deal,
      deals: r.deals,
      revenue: r.won ? r.revenue : 0,
      amounts: r.amounts,
      sdr: sdrOf({ ...deal, bookedBy: r.bookedBy } as Parameters<typeof sdrOf>[0], roles, day),
      day,
      confirmed: r.confirmed,
      held: r.held,
      won: r.won,
      confirmedDay: r.confirmedAfter === null ? NO_DAY : day + r.confirmedAfter,
      heldDay: dayOr(r.heldDay),
      saleDay: dayOr(r.saleDay),
    });
  }
  return out;
}

/** The roles data, or null when the workbook has no roles and no "booked by". */
export function rolesData(ctx: Context): RolesData | null {
  const team = ctx.model.team ?? [];
  const anyBookedBy = ctx.agg.roleDeals.some((r) => r.bookedBy !== "");
  if (team.length === 0 && !anyBookedBy) return null;
  const roles = new RoleBook(team);
  const stages = meetingStagesOf(ctx.agg.stages.map((s) => s.stage));
  const rows = ctx.rows.roleDeals;
  const bookings = bookingsOfRows(rows, roles);
  const periodOf = (d: number) => (Number.isNaN(d) ? -2 : ctx.periods.of(d));

  const sdrNames = new Map<string, string>();
  for (const r of roles.reps("sdr")) sdrNames.set(nameKey(r), r);
  for (const r of rows) {
    const by = r.bookedBy;
    if (by !== "" && !sdrNames.has(nameKey(by))) sdrNames.set(nameKey(by), by);
  }
  let noSdr = false;
  for (const b of bookings) {
    if (b.sdr === "") noSdr = true;
    else if (!sdrNames.has(nameKey(b.sdr))) sdrNames.set(nameKey(b.sdr), b.sdr);
  }
  const people = new Names();
  // Per person index: an SDR? and the role when it never changes (null: none, undefined: varies).
  const sdrFlag: boolean[] = [];
  const fixedRole: (RoleName | null | undefined)[] = [];
  const personOf = (name: string): number => {
    const i = people.of(name);
    if (sdrFlag[i] === undefined) {
      sdrFlag[i] = sdrNames.has(nameKey(name));
      fixedRole[i] = roles.isFixed(name) ? roles.roleOf(name) : undefined;
    }
    return i;
  };
  const isSdr = (name: string) => sdrFlag[personOf(name)] as boolean;
  const roleAt = (name: string, day: number): RoleName | null => {
    const fixed = fixedRole[personOf(name)];
    return fixed === undefined ? roles.roleOf(name, day) : fixed;
  };
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sdrs = [...sdrNames.values()].sort(byName);
  if (noSdr) sdrs.push("");

  const sdr = new Grid(people, emptySdr);
  const both = (p: number, who: string, f: (c: SdrCounts) => void) => {
    if (p !== -2) f(sdr.at(p, who));
    f(sdr.at(-1, who));
  };
  let hasCalls = false;
  let hasTalk = false;
  for (const c of ctx.rows.repDays) {
    if (!isSdr(c.rep)) continue;
    const role = roleAt(c.rep, c.day);
    if (role === "hunter" || role === "farmer") continue;
    hasCalls = true;
    both(periodOf(c.day), c.rep, (x) => {
      x.calls += c.calls;
      x.timed += c.timedCalls;
      x.talkSec += c.talkSeconds;
      x.longCalls += c.longCalls;
    });
    if (c.timedCalls > 0) hasTalk = true;
  }
  // Leads: each deal to "booked by" when given, else to its owner when an SDR on its own day.
  // Deal rows hold every deal by owner; the Roles rows naming who booked take theirs away.
  const byOwner = new Map<
    string,
    { day: number; rep: string; targeted: boolean | null; n: number }
  >();
  const ownerKey = (day: number | null, rep: string, targeted: boolean | null) =>
    `${day}\u0001${targeted}\u0001${rep}`;
  for (const r of ctx.rows.deals) {
    const k = ownerKey(r.day, r.rep, r.targeted);
    const e = byOwner.get(k);
    if (e) e.n += r.deals;
    else byOwner.set(k, { day: dayOr(r.day), rep: r.rep, targeted: r.targeted, n: r.deals });
  }
  let gradedLeads = 0;
  const addLeads = (day: number, who: string, targeted: boolean | null, n: number) => {
    if (who === "" || n <= 0) return;
    if (targeted !== null) gradedLeads += n;
    both(periodOf(day), who, (x) => {
      x.leads += n;
      if (targeted === true) x.targeted += n;
      if (targeted === false) x.nonTargeted += n;
    });
  };
  for (const r of rows) {
    if (r.bookedBy === "") continue;
    const e = byOwner.get(ownerKey(r.ownDay, r.rep, r.targeted));
    if (e) e.n -= r.deals;
    addLeads(dayOr(r.ownDay), r.bookedBy, r.targeted, r.deals);
  }
  for (const e of byOwner.values()) {
    const owner = e.rep !== "" && roles.roleOf(e.rep, e.day) === "sdr" ? e.rep.trim() : "";
    addLeads(e.day, owner, e.targeted, e.n);
  }
  const hasTargeted = gradedLeads > 0;
  let hasAmount = false;
  for (const b of bookings) {
    if (b.amounts > 0) hasAmount = true;
    both(periodOf(b.day), b.sdr, (x) => {
      addBooking(x, b);
      if (b.deal.targeted !== null) {
        x.bookedGraded += b.deals;
        if (b.deal.targeted) x.bookedTargeted += b.deals;
      }
    });
  }

  // Hunters and farmers: deals they own, by the day of each event.
  const hunter = new Grid(
    people,
    (): HunterCounts => ({ held: 0, heldWon: 0, proposals: 0, sales: 0, revenue: 0, amounts: 0 }),
  );
  const farmer = new Grid(
    people,
    (): FarmerCounts => ({
      clients: new Set(),
      repeatSales: 0,
      repeatRevenue: 0,
      repeatAmounts: 0,
      newSales: 0,
      newRevenue: 0,
      newAmounts: 0,
    }),
  );
  const revenue = new Map<number, number>();
  const hunters = new Map<string, string>();
  const farmers = new Map<string, string>();
  for (const r of roles.reps("hunter")) hunters.set(nameKey(r), r);
  for (const r of roles.reps("farmer")) farmers.set(nameKey(r), r);
  const spans: number[] = [];
  for (const r of rows) {
    const own = dayOr(r.ownDay);
    const sold = r.won && r.saleDay !== null ? r.saleDay : own;
    if (r.won && r.ownDay !== null && r.saleDay !== null)
      for (let i = 0; i < r.deals; i++) spans.push(r.saleDay - r.ownDay);
    if (r.won && r.amounts > 0) {
      for (const p of [periodOf(sold), -1])
        if (p !== -2) revenue.set(p, (revenue.get(p) ?? 0) + r.revenue);
    }
    const role = r.rep === "" ? null : roleAt(r.rep, sold);
    if (role === "hunter") {
      const add = (p: number, f: (x: HunterCounts) => void) => {
        if (p !== -2) f(hunter.at(p, r.rep));
        f(hunter.at(-1, r.rep));
      };
      if (r.held)
        add(periodOf(r.heldDay ?? own), (x) => {
          x.held += r.deals;
          if (r.won) x.heldWon += r.deals;
        });
      if (r.proposal)
        add(periodOf(r.proposalDay ?? own), (x) => {
          x.proposals += r.deals;
        });
      if (r.won)
        add(periodOf(sold), (x) => {
          x.sales += r.deals;
          x.revenue += r.revenue;
          x.amounts += r.amounts;
        });
    } else if (role === "farmer" && r.won) {
      for (const p of [periodOf(sold), -1]) {
        if (p === -2) continue;
        const x = farmer.at(p, r.rep);
        if (r.repeatWin) {
          x.repeatSales += r.deals;
          x.clients.add(nameKey(r.client));
          x.repeatRevenue += r.revenue;
          x.repeatAmounts += r.amounts;
        } else {
          x.newSales += r.deals;
          x.newRevenue += r.revenue;
          x.newAmounts += r.amounts;
        }
      }
    }
  }

  const minDay = ctx.minDay ?? 0;
  const endDay = (ctx.maxDay ?? -1) + 1;
  const workdays = (p: number) =>
    p < 0
      ? workdaysBetween(minDay, endDay)
      : workdaysBetween(
          Math.max(ctx.periods.startOf(p), minDay),
          Math.min(ctx.periods.endOf(p), endDay),
        );
  return {
    window: cohortWindow(spans),
    roles,
    stages,
    bookings,
    sdrs,
    hunters: [...hunters.values()].sort(byName),
    farmers: [...farmers.values()].sort(byName),
    sdr,
    hunter,
    farmer,
    revenue,
    workdays,
    hasCalls,
    hasTalk,
    hasTargeted,
    hasAmount,
  };
}
