/**
 * The Roles sheet's numbers as they were counted before the aggregates carried them: deal by
 * deal and call by call over the model (`ctx.filtered()`). The tests hold the planner's route
 * (src/report/rolesData.ts, from the aggregates' rows) to this one, cell for cell.
 */
import { MS_PER_DAY, workdaysBetween } from "../../src/core/calendar";
import { dealDate } from "../../src/core/metrics/dealDates";
import {
  addBooking,
  bookingsOf,
  cohortWindowDays,
  dealDayOf,
  RoleBook,
  type RoleName,
  saleDayOf,
  sdrOf,
} from "../../src/core/metrics/roles";
import { nameKey } from "../../src/core/values";
import { meetingStagesOf } from "../../src/model/team";
import type { Call, Deal, Model } from "../../src/model/types";
import { Names } from "../../src/report/buckets";
import { type Context, inRange, passes, type ResolvedOptions } from "../../src/report/context";
import {
  emptySdr,
  type FarmerCounts,
  Grid,
  type HunterCounts,
  type RolesData,
  repeatSales,
  type SdrCounts,
} from "../../src/report/rolesData";

/** The model's deals and calls under the same filters (deals by their own date). */
function filterModel(
  model: Model,
  opt: ResolvedOptions,
  dealById: Context["dealById"],
): { deals: Deal[]; calls: Call[] } {
  const dated = opt.fromDay !== null || opt.toDay !== null;
  const deals: Deal[] = [];
  for (const d of model.deals) {
    if (!passes(opt.reps, d.rep) || !passes(opt.sources, d.source)) continue;
    const at = dealDate(d);
    const day = at === null ? Number.NaN : Math.floor(at / MS_PER_DAY);
    if (dated && (at === null || !inRange(opt, day))) continue;
    deals.push(d);
  }
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
  return { deals, calls };
}

function day(ms: number | null): number {
  return ms === null ? Number.NaN : Math.floor(ms / MS_PER_DAY);
}

/** The roles data, or null when the workbook has no roles and no "booked by". */
export function rolesDataFromDeals(ctx: Context): RolesData | null {
  const team = ctx.model.team ?? [];
  const anyBookedBy = ctx.model.deals.some((d) => (d.bookedBy ?? "") !== "");
  if (team.length === 0 && !anyBookedBy) return null;
  const roles = new RoleBook(team);
  const stages = meetingStagesOf(ctx.model.stages);
  const { deals, calls } = filterModel(ctx.model, ctx.opt, ctx.dealById);
  const bookings = bookingsOf(deals, stages, roles);
  const periodOf = (d: number) => (Number.isNaN(d) ? -2 : ctx.periods.of(d));

  const sdrNames = new Map<string, string>();
  for (const r of roles.reps("sdr")) sdrNames.set(nameKey(r), r);
  for (const d of deals) {
    const by = (d.bookedBy ?? "").trim();
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
  let hasTargeted = false;
  let hasAmount = false;
  for (const c of calls) {
    const d = day(c.at);
    if (!isSdr(c.rep)) continue;
    const role = roleAt(c.rep, d);
    if (role === "hunter" || role === "farmer") continue;
    hasCalls = true;
    both(periodOf(d), c.rep, (x) => {
      x.calls++;
      if (c.durationSec !== null) {
        x.timed++;
        x.talkSec += c.durationSec;
        if (c.durationSec >= ctx.opt.longCallSeconds) x.longCalls++;
      }
    });
    if (c.durationSec !== null) hasTalk = true;
  }
  for (const d of deals) {
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
  const repeat = repeatSales(ctx.model.deals);
  const hunters = new Map<string, string>();
  const farmers = new Map<string, string>();
  for (const r of roles.reps("hunter")) hunters.set(nameKey(r), r);
  for (const r of roles.reps("farmer")) farmers.set(nameKey(r), r);
  for (const d of deals) {
    const own = dealDayOf(d);
    const saleDay = d.status === "won" ? saleDayOf(d) : Number.NaN;
    const sold = Number.isNaN(saleDay) ? own : saleDay;
    if (d.status === "won" && d.amount !== null) {
      for (const p of [periodOf(sold), -1])
        if (p !== -2) revenue.set(p, (revenue.get(p) ?? 0) + d.amount);
    }
    const role = d.rep === "" ? null : roleAt(d.rep, sold);
    if (role === "hunter") {
      const heldIdx = stages.held;
      const add = (p: number, f: (x: HunterCounts) => void) => {
        if (p !== -2) f(hunter.at(p, d.rep));
        f(hunter.at(-1, d.rep));
      };
      if (heldIdx >= 0 && d.reached >= heldIdx) {
        const hd = day(d.stageDates[heldIdx] ?? null);
        add(periodOf(Number.isNaN(hd) ? own : hd), (x) => {
          x.held++;
          if (d.status === "won") x.heldWon++;
        });
      }
      if (stages.proposal >= 0 && d.reached >= stages.proposal) {
        const pd = day(d.stageDates[stages.proposal] ?? null);
        add(periodOf(Number.isNaN(pd) ? own : pd), (x) => {
          x.proposals++;
        });
      }
      if (d.status === "won")
        add(periodOf(sold), (x) => {
          x.sales++;
          if (d.amount !== null) {
            x.revenue += d.amount;
            x.amounts++;
          }
        });
    } else if (role === "farmer" && d.status === "won") {
      const isRepeat = repeat.has(d);
      for (const p of [periodOf(sold), -1]) {
        if (p === -2) continue;
        const x = farmer.at(p, d.rep);
        if (isRepeat) {
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
    window: cohortWindowDays(deals),
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
