/**
 * The SQL of the Roles rows view (aggregates/types.ts `RoleDealRow`), by the definitions of the
 * in-memory engine (aggregates/roleDeals.ts), row for row: the deals the Roles sheet reads,
 * grouped by their days, people, source and outcome.
 */
import { viewOf } from "../aggregates/views";
import { meetingStagesOf } from "../model/team";
import { type Emit, stageCol } from "./emitDeals";

/**
 * `facts`: the WITH clause of one row per deal (emit.ts: own_day, known_at = the known sale
 * date, reached clamped to the last stage, s0… the stage dates, id, client, booked_by).
 */
export function roleDealsView(e: Emit, facts: string): string {
  const { q, src } = e;
  const T = q.types;
  const stages = meetingStagesOf(src.stages.map((s) => s.name));
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  const noDay = "CAST(NULL AS DATE)";
  const dayAt = (k: number) => (k >= 0 ? q.day(stageCol(k)) : noDay);
  const reaches = (k: number) => (k >= 0 ? `reached >= ${k}` : "FALSE");
  const datedAt = [stages.booked, stages.confirmed, stages.held]
    .filter((k) => k >= 0)
    .map((k) => `${stageCol(k)} IS NOT NULL`);
  const after = (to: string) =>
    `CASE WHEN booking_day IS NULL OR ${to} IS NULL THEN CAST(NULL AS ${T.int}) ELSE ${q.daysBetween("booking_day", to)} END`;
  const clientKey = `REPLACE(LOWER(TRIM(${q.squeeze("client")})), 'ё', 'е')`;
  const wonWithClient = "status = 'won' AND client <> ''";
  // Repeat wins in the Roles sheet's order (roles.ts saleDayOf): by the sale's day, unknown last.
  const order = `CASE WHEN known_at IS NULL THEN 1 ELSE 0 END, ${q.day("known_at")}, origin, origin_order`;
  const repeat = `CASE WHEN ${wonWithClient} AND ROW_NUMBER() OVER (PARTITION BY CASE WHEN ${wonWithClient} THEN ${clientKey} END ORDER BY ${order}) > 1 THEN TRUE ELSE FALSE END`;
  const columns =
    "own_day, booking_day, rep, source, booked_by, targeted, booking, meeting_dated, confirmed, held, proposal, won, lost, repeat_win, client, id, confirmed_after, held_after, sale_after, held_day, proposal_day, sale_day";
  const body =
    `${facts},\nb AS (\n  SELECT own_day, COALESCE(${dayAt(stages.booked)}, ${dayAt(stages.held)}) AS booking_day, rep, source, booked_by, targeted,\n` +
    `    ${reaches(first)} AS booking, ${datedAt.length > 0 ? `(${datedAt.join(" OR ")})` : "FALSE"} AS meeting_dated,\n` +
    `    ${reaches(stages.confirmed)} AS confirmed, ${reaches(stages.held)} AS held, ${reaches(stages.proposal)} AS proposal,\n` +
    `    status = 'won' AS won, status = 'lost' AS lost, ${repeat} AS repeat_win, client, id,\n` +
    `    ${dayAt(stages.confirmed)} AS confirmed_day, ${dayAt(stages.held)} AS held_day, ${dayAt(stages.proposal)} AS proposal_day,\n` +
    `    CASE WHEN status = 'won' THEN ${q.day("known_at")} END AS sale_day, amount\n  FROM f\n),\n` +
    `g AS (\n  SELECT own_day, booking_day, rep, source, booked_by, targeted, booking, meeting_dated, confirmed, held, proposal, won, lost,\n` +
    `    repeat_win, CASE WHEN repeat_win THEN client ELSE '' END AS client, CASE WHEN booking AND held AND lost THEN id ELSE '' END AS id,\n` +
    `    ${after("confirmed_day")} AS confirmed_after, ${after("held_day")} AS held_after, ${after("sale_day")} AS sale_after,\n` +
    `    held_day, proposal_day, sale_day, amount\n` +
    `  FROM b WHERE booking OR held OR proposal OR won OR booked_by <> ''\n)\n` +
    `SELECT ${columns.replace("booking_day", "booking_day AS day")},\n` +
    `  COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS revenue, COUNT(amount) AS amounts\n` +
    `FROM g GROUP BY ${columns}`;
  return `${q.createView} ${e.out(viewOf("roleDeals").view)} AS\n${body}`;
}
