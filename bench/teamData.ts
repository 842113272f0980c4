/**
 * The team workload: a stage log of about `rows` rows whose model has a team, so planReport
 * computes the Roles views and plans the Roles sheet (the plain 1M log has no team and skips
 * them). Made by src/generate's own workbook with `team: true` (team.ts: SDRs and hunters, deals
 * with "booked by", meeting booked / confirmed / held stages, lost deals, clients with repeat
 * wins), scaled up; the calls, time log, plan and checklist tabs are left out so the log's rows
 * are what grows, as in the plain workload, and the Deals tab keeps what the log does not say.
 */
import { generateWorkbook } from "../src/generate/index";
import { TEAM_WORDS } from "../src/generate/teamWords";
import { wordsFor } from "../src/generate/words";
import type { RawTab } from "../src/model/types";

/** Stage-log rows the generator makes per unit of `scale` with 8 reps over 12 months (seed 42). */
const LOG_ROWS_PER_SCALE = 343_000;
const REPS = 8;
const MONTHS = 12;

export interface TeamData {
  tabs: RawTab[];
  deals: number;
  logRows: number;
  generator: string;
}

export function makeTeamData(rows: number, seed = 42): TeamData {
  const wb = generateWorkbook({
    seed,
    lang: "en",
    reps: REPS,
    months: MONTHS,
    team: true,
    scale: rows / LOG_ROWS_PER_SCALE,
  });
  const kinds = wb.expected.kinds;
  const byName = (name: string): RawTab => {
    const tab = wb.tabs.find((t) => t.name === name);
    if (!tab) throw new Error(`the generated workbook has no ${name} tab`);
    return tab;
  };
  const team = byName(TEAM_WORDS.tab.en);
  // team.ts makes SDRs and hunters; the last hunter becomes a farmer, so the farmers' views
  // (repeat clients, repeat sales) have someone to count for.
  const last = team.values[team.values.length - 1];
  if (last) last[1] = TEAM_WORDS.farmer.en;
  return {
    tabs: [withoutStageDates(byName(kinds.deals)), byName(kinds.stageLog), team],
    deals: wb.expected.deals,
    logRows: wb.expected.rows.stageLog,
    generator: `src/generate generateWorkbook (team, ${REPS} reps, ${MONTHS} months)`,
  };
}

/**
 * The Deals tab without its stage-date columns (Meeting, Proposal, Payment date): the stage log
 * already dates every stage, as a CRM's deals table beside its stage history does not repeat it.
 * Every sheet of the plan is the same with or without them (checked at 100k rows); with them the
 * raw rows alone weigh ~80 MiB more at 1M (673 against 584–600 MiB RSS) and the model reads each
 * date twice.
 */
function withoutStageDates(tab: RawTab): RawTab {
  const dateHeaders = new Set(
    wordsFor("en")
      .headers.deals.filter(([key]) => key.startsWith("@"))
      .map(([, header]) => header),
  );
  const header = tab.values[0] ?? [];
  const keep = header.flatMap((h, i) => (dateHeaders.has(String(h)) ? [] : [i]));
  if (keep.length !== header.length - dateHeaders.size)
    throw new Error("the generated Deals tab's stage-date columns were not found");
  return { name: tab.name, values: tab.values.map((row) => keep.map((i) => row[i])) };
}
