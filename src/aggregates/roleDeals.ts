/**
 * The in-memory engine's Roles rows (types.ts `RoleDealRow`): one pass over the deals, by the
 * rules of core/metrics/roles.ts, grouped by every column but the counters.
 */
import { MS_PER_DAY } from "../core/calendar";
import { dealDate } from "../core/metrics/dealDates";
import { repeatWins } from "../core/metrics/repeat";
import { saleDayOf } from "../core/metrics/roles";
import { meetingStagesOf } from "../model/team";
import type { Model } from "../model/types";
import type { RoleDealRow } from "./types";

function dayOf(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.floor(ms / MS_PER_DAY);
}

const after = (from: number | null, to: number | null) =>
  from === null || to === null ? null : to - from;

export function roleDealRows(model: Model): RoleDealRow[] {
  const stages = meetingStagesOf(model.stages);
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  const n = model.stages.length;
  const repeat = repeatWins(model.deals, saleDayOf);
  const reaches = (reached: number, k: number) => k >= 0 && reached >= k;
  const at = (dates: readonly (number | null)[], k: number) => (k >= 0 ? dayOf(dates[k]) : null);
  const groups = new Map<string, RoleDealRow>();
  for (const d of model.deals) {
    const reached = Math.min(d.reached, n - 1);
    const booking = reaches(reached, first);
    const held = reaches(reached, stages.held);
    const proposal = reaches(reached, stages.proposal);
    const won = d.status === "won";
    const bookedBy = (d.bookedBy ?? "").trim();
    if (!booking && !held && !proposal && !won && bookedBy === "") continue;
    const booked = at(d.stageDates, stages.booked);
    const confirmedDay = at(d.stageDates, stages.confirmed);
    const heldDay = at(d.stageDates, stages.held);
    const day = booked ?? heldDay;
    const sale = won ? saleDayOf(d) : Number.NaN;
    const saleDay = Number.isNaN(sale) ? null : sale;
    const lost = d.status === "lost";
    const repeatWin = repeat.has(d);
    const row: RoleDealRow = {
      ownDay: dayOf(dealDate(d)),
      day,
      rep: d.rep,
      source: d.source,
      bookedBy,
      targeted: d.targeted,
      booking,
      meetingDated: booked !== null || confirmedDay !== null || heldDay !== null,
      confirmed: reaches(reached, stages.confirmed),
      held,
      proposal,
      won,
      lost,
      repeatWin,
      client: repeatWin ? d.client.trim() : "",
      id: booking && held && lost ? d.id : "",
      confirmedAfter: after(day, confirmedDay),
      heldAfter: after(day, heldDay),
      saleAfter: after(day, saleDay),
      heldDay,
      proposalDay: at(d.stageDates, stages.proposal),
      saleDay,
      deals: 0,
      revenue: 0,
      amounts: 0,
    };
    const key = Object.values(row).join("\u0001");
    const g = groups.get(key) ?? row;
    groups.set(key, g);
    g.deals++;
    if (d.amount !== null) {
      g.revenue += d.amount;
      g.amounts++;
    }
  }
  return [...groups.values()];
}
