/**
 * The demo's team (SPEC §7): a team tab with roles, on the Deals tab who booked each meeting, and
 * in the stage log when it was booked and confirmed (the bare "Meeting" stage is the meeting held).
 *
 * The first half of the reps are SDRs, the rest hunters. Each rep still calls and takes leads as
 * before; a meeting is booked on the call that took the lead, by that rep. Some bookings never
 * happen (no-shows). An SDR's bookings name the SDR (a few leave it blank); a hunter's own are
 * blank, so they count for the team without an SDR. Its randomness is a stream of its own: the
 * other tabs are what the same seed makes with the same call volumes.
 */
import { inLang } from "../core/i18n";
import { at } from "../core/indexed";
import type { RawTab } from "../model/types";
import type { GenDeal } from "./deals";
import { rng } from "./rng";
import { TEAM_WORDS } from "./teamWords";
import type { GenLang } from "./words";

export interface TeamOut {
  team: RawTab;
  sdrs: string[];
  hunters: string[];
}

/** How many more calls an SDR makes than a hunter (the generator's `team` option). */
export const SDR_CALLS = 2.2;

/** The first half of the reps (at least one) are SDRs. */
export function sdrCount(reps: number): number {
  return Math.max(1, Math.floor(reps / 2));
}

/** Share of leads that did not get to a meeting but had one booked (a no-show). */
const NO_SHOW = 0.2;

/**
 * Adds "booked by" to the Deals tab and the booked / confirmed entries to the stage log (both in
 * place), marks a no-show's call as "meeting set", and returns the team tab.
 */
export function addTeam(
  seed: number,
  lang: GenLang,
  reps: string[],
  deals: GenDeal[],
  dealRows: unknown[][],
  logRows: unknown[][],
  callRows: unknown[][],
  meetingSet: string,
  sources: string[],
): TeamOut {
  const w = inLang(TEAM_WORDS, lang);
  const r = rng(seed ^ 0x7ea3);
  const nSdr = sdrCount(reps.length);
  const sdrs = reps.slice(0, nSdr);
  const hunters = reps.slice(nSdr);
  const team: unknown[][] = [[w.rep, w.role]];
  for (const s of sdrs) team.push([s, w.sdr]);
  for (const h of hunters) team.push([h, w.hunter]);

  const callAt = new Map<string, unknown[]>();
  for (const row of callRows) {
    const id = row[5];
    if (typeof id === "string" && id !== "" && row[0] instanceof Date)
      callAt.set(`${id}@${row[0].getTime()}`, row);
  }
  // dealRows: the header, then one row per deal in the same order.
  at(dealRows, 0).push(w.bookedBy);
  const log: unknown[][] = [];
  deals.forEach((d, i) => {
    const row = at(dealRows, i + 1);
    const held = d.dates[1] ?? null;
    const noShow = held === null && d.targeted && r() < NO_SHOW;
    if (held === null && !noShow) {
      row.push("");
      return;
    }
    if (noShow) {
      const call = callAt.get(`${d.id}@${d.created}`);
      if (call) call[4] = meetingSet;
    }
    // Confirmed the day before the meeting (or halfway, when it is sooner); half the no-shows
    // were confirmed and still did not come.
    const confirmedAt =
      held !== null
        ? Math.max(d.created + 120_000, Math.min(held - 86_400_000, (d.created + held) / 2))
        : r() < 0.5
          ? d.created + 86_400_000
          : null;
    // An SDR's booking names the SDR (a few leave it blank: it still counts for the SDR who owns
    // the deal); a hunter who books a meeting for himself leaves it blank.
    const isSdr = d.rep < nSdr;
    const rep = at(reps, d.rep);
    row.push(isSdr && r() >= 0.05 ? rep : "");
    // Booked at the end of the call that took the lead.
    const entry = (stage: string, time: number) =>
      log.push([d.id, stage, new Date(time), rep, at(sources, d.source), ""]);
    entry(w.booked, d.created + 60_000);
    if (confirmedAt !== null) entry(w.confirmed, Math.round(confirmedAt / 60_000) * 60_000);
  });
  const header = logRows.shift() as unknown[];
  // One by one: spreading a big log into push() overflows the stack (scale ≥ 3).
  for (const row of log) logRows.push(row);
  logRows.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
  logRows.unshift(header);
  return { team: { name: w.tab, values: team }, sdrs, hunters };
}
