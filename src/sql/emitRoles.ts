/**
 * The SQL of the meeting bookings view (aggregates/types.ts `BookingRow`), by the definitions of
 * the in-memory engine (aggregates/bookings.ts), row for row: deals that reached the first
 * meeting step, grouped by day, people, source and outcome, with the whole days from the booking
 * to each later step.
 */
import { viewOf } from "../aggregates/views";
import { meetingStagesOf } from "../model/team";
import { type Emit, stageCol } from "./emitDeals";

/**
 * `facts`: the WITH clause of one row per deal (emit.ts: own_day, known_at = the known sale
 * date, reached clamped to the last stage, s0… the stage dates, booked_by).
 */
export function bookingsView(e: Emit, facts: string): string {
  const { q, src } = e;
  const T = q.types;
  const stages = meetingStagesOf(src.stages.map((s) => s.name));
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  const dayAt = (k: number) => (k >= 0 ? q.day(stageCol(k)) : "CAST(NULL AS DATE)");
  const reachedAt = (k: number) => (k >= 0 ? `reached >= ${k}` : "FALSE");
  const datedAt = [stages.booked, stages.confirmed, stages.held]
    .filter((k) => k >= 0)
    .map((k) => `${stageCol(k)} IS NOT NULL`);
  const after = (to: string) =>
    `CASE WHEN booking_day IS NULL OR ${to} IS NULL THEN CAST(NULL AS ${T.int}) ELSE ${q.daysBetween("booking_day", to)} END`;
  const grouped =
    "own_day, booking_day, rep, source, booked_by, targeted, meeting_dated, confirmed, held, won, lost, confirmed_after, held_after, sale_after";
  const body =
    `${facts},\nb AS (\n  SELECT own_day, COALESCE(${dayAt(stages.booked)}, ${dayAt(stages.held)}) AS booking_day, rep, source, booked_by, targeted,\n` +
    `    ${datedAt.length > 0 ? `(${datedAt.join(" OR ")})` : "FALSE"} AS meeting_dated, ${reachedAt(stages.confirmed)} AS confirmed, ${reachedAt(stages.held)} AS held,\n` +
    `    status = 'won' AS won, status = 'lost' AS lost, ${dayAt(stages.confirmed)} AS confirmed_day, ${dayAt(stages.held)} AS held_day,\n` +
    `    CASE WHEN status = 'won' THEN ${q.day("known_at")} END AS sale_day, amount\n` +
    `  FROM f WHERE ${first >= 0 ? `reached >= ${first}` : "FALSE"}\n),\n` +
    `g AS (\n  SELECT own_day, booking_day, rep, source, booked_by, targeted, meeting_dated, confirmed, held, won, lost,\n` +
    `    ${after("confirmed_day")} AS confirmed_after, ${after("held_day")} AS held_after, ${after("sale_day")} AS sale_after, amount\n  FROM b\n)\n` +
    `SELECT own_day, booking_day AS day, rep, source, booked_by, targeted, meeting_dated, confirmed, held, won, lost,\n` +
    `  confirmed_after, held_after, sale_after, COUNT(*) AS bookings, COALESCE(SUM(amount), 0) AS revenue, COUNT(amount) AS amounts\n` +
    `FROM g GROUP BY ${grouped}`;
  return `${q.createView} ${e.out(viewOf("bookings").view)} AS\n${body}`;
}
