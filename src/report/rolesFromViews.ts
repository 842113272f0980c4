/**
 * The Roles sheet's numbers (rolesData.ts) from the aggregates' rows: rep-days (the SDRs'
 * calls), leads, bookings, the bookings' reach, hunters' and farmers' events, repeat clients and
 * the held-but-lost bookings. The role book (the workbook's team) is applied here: a booking by
 * an owner who is no SDR on its day counts for the team without an SDR; a hunter's or farmer's
 * event counts by the owner's role on the event's day.
 */
import { HELD_LOST_LIMIT } from "../aggregates/types";
import { workdaysBetween } from "../core/calendar";
import { RoleBook, type RoleName } from "../core/metrics/roles";
import { nameKey } from "../core/values";
import { meetingStagesOf } from "../model/team";
import { Names } from "./buckets";
import { cohortWindowOf } from "./changes";
import type { Context } from "./context";
import {
  emptySdr,
  type FarmerCounts,
  Grid,
  type HeldLost,
  type HunterCounts,
  latestHeldFirst,
  type RolesData,
  type SdrCounts,
  SourceTable,
  sourceGroup,
} from "./rolesData";

const NO_DAY = Number.NaN;
const dayOr = (d: number | null) => (d === null ? NO_DAY : d);

/** The roles data, or null when the workbook has no roles and no "booked by". */
export function rolesData(ctx: Context): RolesData | null {
  const team = ctx.model.team ?? [];
  const anyBookedBy = ctx.agg.roleLeads.some((r) => !r.byOwner);
  if (team.length === 0 && !anyBookedBy) return null;
  const roles = new RoleBook(team);
  const stages = meetingStagesOf(ctx.agg.stages.map((s) => s.stage));
  const rows = ctx.rows;
  const periodOf = (d: number) => (Number.isNaN(d) ? -2 : ctx.periods.of(d));

  const people = new Names();
  // Per person index the role when it never changes (null: none, undefined: varies).
  const fixedRole: (RoleName | null | undefined)[] = [];
  const roleAt = (name: string, day: number): RoleName | null => {
    const i = people.of(name);
    if (!(i in fixedRole)) fixedRole[i] = roles.isFixed(name) ? roles.roleOf(name) : undefined;
    const fixed = fixedRole[i];
    return fixed === undefined ? roles.roleOf(name, day) : fixed;
  };
  /** "Booked by", else the owner when an SDR on `day`, else "" (SPEC §7). */
  const sdrOf = (sdr: string, byOwner: boolean, day: number) =>
    !byOwner ? sdr : sdr !== "" && roleAt(sdr, day) === "sdr" ? sdr.trim() : "";

  const sdrNames = new Map<string, string>();
  for (const r of roles.reps("sdr")) sdrNames.set(nameKey(r), r);
  const name = (who: string) => {
    if (who !== "" && !sdrNames.has(nameKey(who))) sdrNames.set(nameKey(who), who);
  };
  for (const r of rows.roleLeads) if (!r.byOwner) name(r.sdr);
  for (const r of rows.bookings) if (!r.byOwner) name(r.sdr);

  const sdr = new Grid(people, emptySdr);
  const both = (p: number, who: string, f: (c: SdrCounts) => void) => {
    if (p !== -2) f(sdr.at(p, who));
    f(sdr.at(-1, who));
  };
  let hasCalls = false;
  let hasTalk = false;
  const isSdr = new Map<string, boolean>();
  for (const c of rows.repDays) {
    let known = isSdr.get(c.rep);
    if (known === undefined) {
      known = sdrNames.has(nameKey(c.rep));
      isSdr.set(c.rep, known);
    }
    if (!known) continue;
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
  let hasTargeted = false;
  for (const r of rows.roleLeads) {
    const day = dayOr(r.day);
    const who = sdrOf(r.sdr, r.byOwner, day);
    if (who === "") continue;
    if (r.targeted !== null) hasTargeted = true;
    both(periodOf(day), who, (x) => {
      x.leads += r.deals;
      if (r.targeted === true) x.targeted += r.deals;
      if (r.targeted === false) x.nonTargeted += r.deals;
    });
  }
  let hasAmount = false;
  let noSdr = false;
  const sources = new SourceTable();
  for (const r of rows.bookings) {
    const day = dayOr(r.day);
    const who = sdrOf(r.sdr, r.byOwner, day);
    if (who === "") noSdr = true;
    else name(who);
    if (r.amounts > 0) hasAmount = true;
    const p = periodOf(day);
    const add = (x: SdrCounts) => {
      x.booked += r.booked;
      x.confirmed += r.confirmed;
      x.held += r.held;
      x.heldWon += r.heldWon;
      x.sales += r.sales;
      x.revenue += r.revenue;
      if (r.targeted !== null) {
        x.bookedGraded += r.booked;
        if (r.targeted) x.bookedTargeted += r.booked;
      }
    };
    both(p, who, add);
    add(sources.at("all", r.source));
    if (p !== -2) {
      add(sources.at(sourceGroup(p, who), r.source));
      add(sources.at(sourceGroup(p, null), r.source));
    }
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sdrs = [...sdrNames.values()].sort(byName);
  if (noSdr) sdrs.push("");

  const withinWindow = (p: number, window: number) => {
    const out = new Map<string, SdrCounts>();
    for (const r of rows.bookingReach) {
      if (ctx.periods.of(r.day) !== p) continue;
      const k = nameKey(sdrOf(r.sdr, r.byOwner, r.day));
      let x = out.get(k);
      if (!x) {
        x = emptySdr();
        out.set(k, x);
      }
      const n = r.deals;
      if (r.outcome === "booked") x.booked += n;
      else if (r.outcome === "targeted" || r.outcome === "untargeted") {
        x.bookedGraded += n;
        if (r.outcome === "targeted") x.bookedTargeted += n;
      } else if (r.withinDays === null || r.withinDays <= window) {
        if (r.outcome === "confirmed") x.confirmed += n;
        else if (r.outcome === "held") x.held += n;
        else if (r.outcome === "held_won") x.heldWon += n;
      }
    }
    return out;
  };
  const heldLost = (p: number) => {
    const out = new Map<string, HeldLost>();
    const of = (k: string) => {
      let e = out.get(k);
      if (!e) {
        e = { rows: [], total: 0 };
        out.set(k, e);
      }
      return e;
    };
    for (const r of rows.bookingReach)
      if (r.outcome === "held_lost" && ctx.periods.of(r.day) === p)
        of(nameKey(sdrOf(r.sdr, r.byOwner, r.day))).total += r.deals;
    for (const r of rows.heldLost) {
      if (ctx.periods.of(r.day) !== p) continue;
      const who = sdrOf(r.sdr, r.byOwner, r.day);
      of(nameKey(who)).rows.push({ ...r, sdr: who });
    }
    for (const e of out.values()) e.rows = e.rows.sort(latestHeldFirst).slice(0, HELD_LOST_LIMIT);
    return out;
  };

  const { hunter, farmer, revenue } = huntersAndFarmers(ctx, people, roleAt, periodOf);
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
    window: cohortWindowOf(ctx).window,
    roles,
    stages,
    hasBookings: rows.bookings.length > 0,
    sdrs,
    hunters: roles.reps("hunter").sort(byName),
    farmers: roles.reps("farmer").sort(byName),
    sdr,
    hunter,
    farmer,
    revenue,
    sources,
    withinWindow,
    heldLost,
    workdays,
    hasCalls,
    hasTalk,
    hasTargeted,
    hasAmount,
  };
}

export function emptyHunter(): HunterCounts {
  return { held: 0, heldWon: 0, proposals: 0, sales: 0, revenue: 0, amounts: 0 };
}

export function emptyFarmer(): FarmerCounts {
  return {
    clients: new Set(),
    repeatSales: 0,
    repeatRevenue: 0,
    repeatAmounts: 0,
    newSales: 0,
    newRevenue: 0,
    newAmounts: 0,
  };
}

/** Hunters' and farmers' events, each by the owner's role on its own day. */
function huntersAndFarmers(
  ctx: Context,
  people: Names,
  roleAt: (name: string, day: number) => RoleName | null,
  periodOf: (day: number) => number,
) {
  const hunter = new Grid(people, emptyHunter);
  const farmer = new Grid(people, emptyFarmer);
  const revenue = new Map<number, number>();
  for (const r of ctx.rows.roleEvents) {
    const day = dayOr(r.day);
    const p = periodOf(day);
    const slots = p === -2 ? [-1] : [p, -1];
    if (r.event === "sale")
      for (const q of slots) revenue.set(q, (revenue.get(q) ?? 0) + r.revenue);
    const role = r.rep === "" ? null : roleAt(r.rep, day);
    if (role === "hunter")
      for (const q of slots) {
        const x = hunter.at(q, r.rep);
        if (r.event === "held") x.held += r.deals;
        else if (r.event === "held_won") x.heldWon += r.deals;
        else if (r.event === "proposal") x.proposals += r.deals;
        else if (r.event === "sale") {
          x.sales += r.deals;
          x.revenue += r.revenue;
          x.amounts += r.amounts;
        }
      }
    else if (role === "farmer" && (r.event === "sale" || r.event === "repeat_sale"))
      for (const q of slots) {
        const x = farmer.at(q, r.rep);
        // A repeat sale is a sale too: new = sales − repeat sales.
        const sign = r.event === "sale" ? 1 : -1;
        x.newSales += sign * r.deals;
        x.newRevenue += sign * r.revenue;
        x.newAmounts += sign * r.amounts;
        if (sign < 0) {
          x.repeatSales += r.deals;
          x.repeatRevenue += r.revenue;
          x.repeatAmounts += r.amounts;
        }
      }
  }
  for (const r of ctx.rows.repeatClients) {
    const day = dayOr(r.day);
    if (r.rep === "" || roleAt(r.rep, day) !== "farmer") continue;
    const p = periodOf(day);
    for (const q of p === -2 ? [-1] : [p, -1]) farmer.at(q, r.rep).clients.add(r.client);
  }
  return { hunter, farmer, revenue };
}
