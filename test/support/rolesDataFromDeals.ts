/**
 * The Roles sheet's numbers counted deal by deal and call by call over the model, by SPEC §7 and
 * the rules the views document (aggregates/types.ts): a booking to its SDR on the booking day, a
 * hunter's or farmer's event by the owner's role on the event's day, each row filtered by its own
 * day (the diagnosis's bookings by their week part, the owner's role on the part's first day),
 * SDR rows by who booked (else the owner), hunters' and farmers' by the owner; the held-but-lost
 * bookings listed at most HELD_LOST_LIMIT per SDR, the latest held first. The tests hold the
 * planner's route (src/report/rolesFromViews.ts, from the aggregates' rows) to this one, cell for
 * cell.
 */
import { HELD_LOST_LIMIT } from "../../src/aggregates/types";
import { MS_PER_DAY, workdaysBetween } from "../../src/core/calendar";
import { cohortWindow } from "../../src/core/metrics/cohort";
import { repeatWins } from "../../src/core/metrics/repeat";
import {
  addBooking,
  type Booking,
  bookingsOf,
  dealDayOf,
  RoleBook,
  type RoleName,
  saleDayOf,
  sdrOf,
} from "../../src/core/metrics/roles";
import { weekPartStart } from "../../src/core/metrics/spread";
import { nameKey } from "../../src/core/values";
import { meetingStagesOf } from "../../src/model/team";
import type { Call, Deal, Model } from "../../src/model/types";
import { Names } from "../../src/report/buckets";
import { type Context, inRange, passes, type ResolvedOptions } from "../../src/report/context";
import {
  emptySdr,
  Grid,
  type HeldLost,
  latestHeldFirst,
  type RolesData,
  type SdrCounts,
  SourceTable,
  sourceGroup,
} from "../../src/report/rolesData";
import { emptyFarmer, emptyHunter } from "../../src/report/rolesFromViews";

/** The calls under the filters (a call without a source takes its deal's). */
function filterCalls(model: Model, opt: ResolvedOptions, dealById: Context["dealById"]): Call[] {
  const dated = opt.fromDay !== null || opt.toDay !== null;
  const calls: Call[] = [];
  for (const c of model.calls) {
    if (!passes(opt.reps, c.rep)) continue;
    if (opt.sources !== null) {
      let src = c.source;
      if (!src && c.dealId) src = dealById(c.dealId)?.source ?? "";
      if (src && !opt.sources.has(nameKey(src))) continue;
    }
    if (dated && !inRange(opt, Math.floor(c.at / MS_PER_DAY))) continue;
    calls.push(c);
  }
  return calls;
}

function day(ms: number | null): number {
  return ms === null ? Number.NaN : Math.floor(ms / MS_PER_DAY);
}

/** The roles data, or null when the workbook has no roles and no "booked by". */
export function rolesDataFromDeals(ctx: Context): RolesData | null {
  const team = ctx.model.team ?? [];
  const all = ctx.model.deals;
  if (team.length === 0 && !all.some((d) => (d.bookedBy ?? "").trim() !== "")) return null;
  const opt = ctx.opt;
  const roles = new RoleBook(team);
  const stages = meetingStagesOf(ctx.model.stages);
  const periodOf = (d: number) => (Number.isNaN(d) ? -2 : ctx.periods.of(d));
  const dated = opt.fromDay !== null || opt.toDay !== null;
  const dayOk = (d: number) => (Number.isNaN(d) ? !dated : !dated || inRange(opt, d));
  const bookedBy = (d: Deal) => (d.bookedBy ?? "").trim();
  /** Who a deal's SDR rows are filtered by: "booked by", else the owner. */
  const sdrOk = (d: Deal) =>
    passes(opt.reps, bookedBy(d) || d.rep) && passes(opt.sources, d.source);
  const ownerOk = (d: Deal) => passes(opt.reps, d.rep) && passes(opt.sources, d.source);

  const people = new Names();
  const roleAt = (name: string, d: number): RoleName | null => roles.roleOf(name, d);
  const sdrNames = new Map<string, string>();
  const name = (who: string) => {
    if (who !== "" && !sdrNames.has(nameKey(who))) sdrNames.set(nameKey(who), who);
  };
  for (const r of roles.reps("sdr")) name(r);

  const leads = all.filter((d) => sdrOk(d) && dayOk(dealDayOf(d)));
  // Bookings over all the deals (whether the data dates meetings is the whole data's), then each
  // by its own day.
  const every = bookingsOf(all, stages, roles);
  const bookings = every.filter((b) => sdrOk(b.deal as Deal) && dayOk(b.day));
  for (const d of leads) if (bookedBy(d) !== "") name(bookedBy(d));
  for (const b of bookings) if (bookedBy(b.deal as Deal) !== "") name(bookedBy(b.deal as Deal));

  const sdr = new Grid(people, emptySdr);
  const both = (p: number, who: string, f: (c: SdrCounts) => void) => {
    if (p !== -2) f(sdr.at(p, who));
    f(sdr.at(-1, who));
  };
  let hasCalls = false;
  let hasTalk = false;
  for (const c of filterCalls(ctx.model, opt, ctx.dealById)) {
    const d = day(c.at);
    if (!sdrNames.has(nameKey(c.rep))) continue;
    const role = roleAt(c.rep, d);
    if (role === "hunter" || role === "farmer") continue;
    hasCalls = true;
    both(periodOf(d), c.rep, (x) => {
      x.calls++;
      if (c.durationSec !== null) {
        x.timed++;
        x.talkSec += c.durationSec;
        if (c.durationSec >= opt.longCallSeconds) x.longCalls++;
      }
    });
    if (c.durationSec !== null) hasTalk = true;
  }
  let hasTargeted = false;
  for (const d of leads) {
    const own = dealDayOf(d);
    const who = sdrOf(d, roles, own);
    if (who === "") continue;
    if (d.targeted !== null) hasTargeted = true;
    both(periodOf(own), who, (x) => {
      x.leads++;
      if (d.targeted === true) x.targeted++;
      if (d.targeted === false) x.nonTargeted++;
    });
  }
  let hasAmount = false;
  let noSdr = false;
  const sources = new SourceTable();
  for (const b of bookings) {
    if (b.sdr === "") noSdr = true;
    else name(b.sdr);
    if (b.amounts > 0) hasAmount = true;
    const add = (x: SdrCounts) => {
      addBooking(x, b);
      if (b.deal.targeted !== null) {
        x.bookedGraded++;
        if (b.deal.targeted) x.bookedTargeted++;
      }
    };
    const p = periodOf(b.day);
    both(p, b.sdr, add);
    add(sources.at("all", b.deal.source));
    if (p !== -2) {
      add(sources.at(sourceGroup(p, b.sdr), b.deal.source));
      add(sources.at(sourceGroup(p, null), b.deal.source));
    }
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sdrs = [...sdrNames.values()].sort(byName);
  if (noSdr) sdrs.push("");

  // The diagnosis: dated bookings by their week part, the owner's role on its first day.
  const judged: { b: Booking; who: string }[] = [];
  for (const b of every) {
    if (Number.isNaN(b.day)) continue;
    const part = weekPartStart(b.day);
    if (!sdrOk(b.deal as Deal) || !dayOk(part)) continue;
    judged.push({ b, who: sdrOf(b.deal as Deal, roles, part) });
  }
  const withinWindow = (p: number, window: number) => {
    const out = new Map<string, SdrCounts>();
    for (const { b, who } of judged) {
      if (ctx.periods.of(b.day) !== p) continue;
      const x = out.get(nameKey(who)) ?? emptySdr();
      out.set(nameKey(who), x);
      addBooking(x, b, window);
      if (b.deal.targeted !== null) {
        x.bookedGraded++;
        if (b.deal.targeted) x.bookedTargeted++;
      }
    }
    return out;
  };
  const heldLost = (p: number) => {
    const out = new Map<string, HeldLost>();
    for (const { b, who } of judged) {
      if (ctx.periods.of(b.day) !== p || !b.held || b.deal.status !== "lost") continue;
      const e = out.get(nameKey(who)) ?? { rows: [], total: 0 };
      out.set(nameKey(who), e);
      e.total++;
      e.rows.push({
        sdr: who,
        id: b.deal.id,
        source: b.deal.source,
        targeted: b.deal.targeted,
        bookedDay: b.day,
        heldDay: Number.isNaN(b.heldDay) ? null : b.heldDay,
        rep: b.deal.rep,
      });
    }
    for (const e of out.values()) e.rows = e.rows.sort(latestHeldFirst).slice(0, HELD_LOST_LIMIT);
    return out;
  };

  // Hunters and farmers: each event of a deal they own by its own day and their role on it.
  const hunter = new Grid(people, emptyHunter);
  const farmer = new Grid(people, emptyFarmer);
  const revenue = new Map<number, number>();
  const repeat = repeatWins(all, saleDayOf);
  const event = (d: Deal, at: number, f: (p: number, role: RoleName | null) => void) => {
    if (!ownerOk(d) || !dayOk(at)) return;
    const p = periodOf(at);
    const role = d.rep === "" ? null : roleAt(d.rep, at);
    for (const q of p === -2 ? [-1] : [p, -1]) f(q, role);
  };
  for (const d of all) {
    const own = dealDayOf(d);
    const won = d.status === "won";
    if (stages.held >= 0 && d.reached >= stages.held) {
      const hd = day(d.stageDates[stages.held] ?? null);
      event(d, Number.isNaN(hd) ? own : hd, (p, role) => {
        if (role !== "hunter") return;
        hunter.at(p, d.rep).held++;
        if (won) hunter.at(p, d.rep).heldWon++;
      });
    }
    if (stages.proposal >= 0 && d.reached >= stages.proposal) {
      const pd = day(d.stageDates[stages.proposal] ?? null);
      event(d, Number.isNaN(pd) ? own : pd, (p, role) => {
        if (role === "hunter") hunter.at(p, d.rep).proposals++;
      });
    }
    if (!won) continue;
    const sale = saleDayOf(d);
    event(d, Number.isNaN(sale) ? own : sale, (p, role) => {
      if (d.amount !== null) revenue.set(p, (revenue.get(p) ?? 0) + d.amount);
      if (role === "hunter") {
        const x = hunter.at(p, d.rep);
        x.sales++;
        if (d.amount !== null) {
          x.revenue += d.amount;
          x.amounts++;
        }
      } else if (role === "farmer") {
        const x = farmer.at(p, d.rep);
        if (repeat.has(d)) {
          x.repeatSales++;
          x.clients.add(nameKey(d.client));
          if (d.amount !== null) {
            x.repeatRevenue += d.amount;
            x.repeatAmounts++;
          }
        } else {
          x.newSales++;
          if (d.amount !== null) {
            x.newRevenue += d.amount;
            x.newAmounts++;
          }
        }
      }
    });
  }

  // W as the Changes sheet takes it: won deals' own day → known sale, by the own day's part.
  const anyDated = all.some((d) => d.stageDates.some((x, k) => k > 0 && x !== null));
  const spans: number[] = [];
  for (const d of all) {
    const own = dealDayOf(d);
    const sale = saleDayOf(d);
    if (d.status !== "won" || Number.isNaN(own) || Number.isNaN(sale) || !ownerOk(d)) continue;
    if (dayOk(weekPartStart(own))) spans.push(sale - own);
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
    window: anyDated ? cohortWindow(spans) : null,
    roles,
    stages,
    hasBookings: bookings.length > 0,
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
