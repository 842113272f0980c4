/**
 * Example data: seeded, realistic raw tabs of all six kinds (SPEC §3, issue 3), in Russian or
 * English headers, as Sheets' getValues() gives them (numbers, strings, booleans, `Date`s, "").
 *
 * A team of reps over months: 80–100 calls a day per rep at scale 1, about 15% of calls end in a
 * meeting, one meeting in three is paid, sources of different quality, spread-out stage times, and
 * one planted drop: in `dropMonth` the step into `dropStage` converts at half its usual rate.
 * Dates are UTC wall-clock (build the model with timeZone "UTC"). No Math.random: mulberry32.
 */

import { at } from "../core/indexed";
import type { WorkbookMapping } from "../model/mapping";
import type { RawTab } from "../model/types";
import { simulateDays } from "./calls";
import { dealTabs } from "./deals";
import { generatedMapping } from "./mapping";
import { planRows } from "./plan";
import { monthKeyUTC, monthStart, rng } from "./rng";
import { addTeam, SDR_CALLS, sdrCount } from "./team";
import { type GenKind, type GenLang, wordsFor } from "./words";

export { rng } from "./rng";
export { generateStageLog } from "./stageLog";
export type { GenLang } from "./words";

export interface GenerateOptions {
  seed: number;
  lang: GenLang;
  /** Sales reps (default 4). */
  reps?: number;
  /** Whole months of activity (default 4). */
  months?: number;
  /** Calls per rep and day as a share of 80–100 (default 1; 0.1 gives 8–10). */
  scale?: number;
  /** First month, "2026-01" or "2026-01-01" (default 2026-01). */
  start?: string;
  /**
   * 0-based month index (or "yyyy-mm") of the planted drop; -1: none. Default: the month before
   * the last, the latest whose deals are old enough for the Changes sheet's cohorts to judge.
   */
  dropMonth?: number | string;
  /** Stage index (1..3) whose step conversion drops; default 2 (meeting → proposal). */
  dropStage?: number;
  /**
   * Add a team tab (half the reps SDRs, half hunters) and the Deals tab's booked-by, booked and
   * confirmed columns (src/generate/team.ts); the other tabs stay as without it.
   */
  team?: boolean;
}

export interface GeneratedWorkbook {
  tabs: RawTab[];
  /** The mapping the tabs were made with (what detection should find). */
  mapping: WorkbookMapping;
  expected: {
    stages: string[];
    reps: string[];
    sources: string[];
    /** "yyyy-mm" of the drop, and the stage entered at half the usual rate (null: no drop). */
    dropMonth: string | null;
    dropStage: string | null;
    kinds: Record<GenKind, string>;
    rows: Record<GenKind, number>;
    deals: number;
    won: number;
    lost: number;
    calls: number;
    /** With `team`: who is an SDR and who a hunter. */
    sdrs?: string[];
    hunters?: string[];
  };
}

/** A seeded workbook of all six kinds. */
export function generateWorkbook(opts: GenerateOptions): GeneratedWorkbook {
  const w = wordsFor(opts.lang);
  const r = rng(opts.seed);
  const nReps = Math.max(1, Math.min(w.reps.length, Math.floor(opts.reps ?? 4)));
  const months = Math.max(1, Math.floor(opts.months ?? 4));
  const scale = Math.max(0.001, opts.scale ?? 1);
  const { y, m: m0 } = monthStart(opts.start);
  const reps = w.reps.slice(0, nReps);
  const monthStarts: number[] = [];
  for (let i = 0; i <= months; i++) monthStarts.push(Date.UTC(y, m0 + i, 1));
  let dropIdx = typeof opts.dropMonth === "number" ? opts.dropMonth : Math.max(0, months - 2);
  if (typeof opts.dropMonth === "string") {
    const dm = monthStart(opts.dropMonth);
    dropIdx = (dm.y - y) * 12 + (dm.m - m0);
  }
  const dropStage = Math.max(1, Math.min(3, Math.floor(opts.dropStage ?? 2)));
  const hasDrop = dropIdx >= 0 && dropIdx < months;
  const revenueScale = opts.lang === "en" ? 1 : 40;
  const shape = {
    idPrefix: opts.lang === "en" ? "D" : "С",
    revenueScale,
    end: at(monthStarts, months),
    drop: hasDrop
      ? { stage: dropStage, from: at(monthStarts, dropIdx), to: at(monthStarts, dropIdx + 1) }
      : null,
  };

  // With a team, SDRs (the first half) call more than hunters: enough to book the seed's 3–5
  // meetings a day at the demo's scale.
  const nSdr = sdrCount(reps.length);
  const scales = reps.map((_, i) => (opts.team && i < nSdr ? scale * SDR_CALLS : scale));
  const days = simulateDays(r, w, opts.lang, reps, monthStarts, scales, shape);
  const dt = dealTabs(r, w, reps, days.deals);
  const callRows = [w.headers.calls.map((h) => h[1]), ...days.calls];
  const timeRows = [w.headers.timeLog.map((h) => h[1]), ...days.timeLog];
  const plan = planRows(w, reps, monthStarts, scales, revenueScale);
  const team = opts.team
    ? addTeam(
        opts.seed,
        opts.lang,
        reps,
        days.deals,
        dt.deals,
        dt.stageLog,
        callRows,
        w.results[2],
        w.sources,
      )
    : null;

  const tabs: RawTab[] = [
    { name: w.tabs.calls, values: callRows },
    { name: w.tabs.deals, values: dt.deals },
    { name: w.tabs.stageLog, values: dt.stageLog },
    { name: w.tabs.timeLog, values: timeRows },
    { name: w.tabs.plan, values: plan },
    { name: w.tabs.checklist, values: dt.checklist },
  ];
  if (team) tabs.push(team.team);
  return {
    tabs,
    mapping: generatedMapping(w),
    expected: {
      stages: [...w.stages],
      reps,
      sources: [...w.sources],
      dropMonth: hasDrop ? monthKeyUTC(at(monthStarts, dropIdx)) : null,
      dropStage: hasDrop ? at(w.stages, dropStage) : null,
      kinds: { ...w.tabs },
      rows: {
        calls: callRows.length - 1,
        deals: dt.deals.length - 1,
        stageLog: dt.stageLog.length - 1,
        timeLog: timeRows.length - 1,
        plan: plan.length - 1,
        checklist: dt.checklist.length - 1,
      },
      deals: days.deals.length,
      won: dt.won,
      lost: dt.lost,
      calls: callRows.length - 1,
      ...(team ? { sdrs: team.sdrs, hunters: team.hunters } : {}),
    },
  };
}
