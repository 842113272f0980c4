/**
 * The SQL of the Roles views (aggregates/types.ts `RoleLeadRow` … `HeldLostRow`), by the
 * definitions of the in-memory engine (aggregates/roleViews.ts), row for row: leads, bookings and
 * what they led to, the diagnosis's reach per week part, hunters' and farmers' events, repeat
 * clients and the held-but-lost bookings to listen to.
 */
import { HELD_LOST_LIMIT, MAX_REACH_DAYS } from "../aggregates/types";
import { type AggregateTable, viewOf } from "../aggregates/views";
import { at } from "../core/indexed";
import { meetingStagesOf } from "../model/team";
import { nameKeySql } from "./dialect";
import { type Emit, stageCol } from "./emitDeals";

/**
 * `facts`: the WITH clause of one row per deal (emit.ts: own_day, known_at = the known sale
 * date, reached clamped to the last stage, s0… the stage dates, id, client, booked_by);
 * `stageColumns`: voronka_deals' stage columns; `deals`: its name.
 */
export function roleViews(
  e: Emit,
  facts: string,
  stageColumns: readonly string[],
  deals: string,
): string[] {
  const { q, src } = e;
  const T = q.types;
  const stages = meetingStagesOf(src.stages.map((s) => s.name));
  const first = stages.booked >= 0 ? stages.booked : stages.held;
  const noDay = "CAST(NULL AS DATE)";
  const dayAt = (k: number) => (k >= 0 ? q.day(stageCol(k)) : noDay);
  const reaches = (k: number) => (k >= 0 ? `reached >= ${k}` : "FALSE");
  const steps = [stages.booked, stages.confirmed, stages.held].filter((k) => k >= 0);
  const meetingDated =
    steps.length > 0 ? `(${steps.map((k) => `${stageCol(k)} IS NOT NULL`).join(" OR ")})` : "FALSE";
  // Where the data dates meetings, a deal that only passed the meeting is no booking.
  const anyDated =
    steps.length > 0
      ? `(SELECT COUNT(*) FROM ${deals} WHERE ${steps.map((k) => `${q.ident(at(stageColumns, k))} IS NOT NULL`).join(" OR ")}) > 0`
      : "FALSE";
  const base =
    `b AS (\n  SELECT own_day, rep, source, targeted, id, status, amount,\n` +
    `    CASE WHEN booked_by <> '' THEN booked_by ELSE rep END AS sdr, booked_by = '' AS by_owner,\n` +
    `    ${reaches(first)} AND (NOT (${anyDated}) OR ${meetingDated} OR booked_by <> '') AS booking,\n` +
    `    COALESCE(${dayAt(stages.booked)}, ${dayAt(stages.held)}) AS booking_day, ${dayAt(stages.confirmed)} AS confirmed_day,\n` +
    `    ${dayAt(stages.held)} AS held_day, ${dayAt(stages.proposal)} AS proposal_day,\n` +
    `    CASE WHEN status = 'won' THEN ${q.day("known_at")} END AS sale_day,\n` +
    `    ${reaches(stages.confirmed)} AS is_confirmed, ${reaches(stages.held)} AS is_held, ${reaches(stages.proposal)} AS is_proposal,\n` +
    `    status = 'won' AS is_won\n  FROM f\n)`;
  const view = (table: AggregateTable, body: string) =>
    `${q.createView} ${e.out(viewOf(table).view)} AS\n${facts},\n${base}${body}`;
  const out: string[] = [];

  out.push(
    view(
      "roleLeads",
      `\nSELECT own_day AS day, sdr, by_owner, source, targeted, COUNT(*) AS deals\n` +
        `FROM b WHERE sdr <> '' GROUP BY own_day, sdr, by_owner, source, targeted`,
    ),
  );
  const count = (cond: string) => `SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
  out.push(
    view(
      "bookings",
      `\nSELECT booking_day AS day, sdr, by_owner, source, targeted, COUNT(*) AS booked,\n` +
        `  ${count("is_confirmed")} AS confirmed, ${count("is_held")} AS held, ${count("is_held AND is_won")} AS held_won,\n` +
        `  ${count("is_won")} AS sales, COALESCE(SUM(CASE WHEN is_won THEN amount END), 0) AS revenue, COUNT(amount) AS amounts\n` +
        `FROM b WHERE booking GROUP BY booking_day, sdr, by_owner, source, targeted`,
    ),
  );

  // Days from the booking to an event, as a window needs them: NULL undated, never below 0.
  const after = (d: string) =>
    `CASE WHEN ${d} IS NULL THEN CAST(NULL AS ${T.int}) ELSE GREATEST(0, ${q.daysBetween("booking_day", d)}) END`;
  const dated =
    `,\nk AS (\n  SELECT ${q.weekPart("booking_day")} AS part, sdr, by_owner, source, targeted, id, rep, status,\n` +
    `    is_confirmed, is_held, is_won, booking_day, held_day,\n` +
    `    ${after("confirmed_day")} AS confirmed_after, ${after("held_day")} AS held_after, ${after("sale_day")} AS sale_after\n` +
    `  FROM b WHERE booking AND booking_day IS NOT NULL\n)`;
  const cols = "part, sdr, by_owner, source";
  const outcome = (name: string, within: string, where: string) =>
    `  SELECT ${cols}, ${name} AS outcome, ${within} AS within_days FROM k${where ? ` WHERE ${where}` : ""}`;
  const none = `CAST(NULL AS ${T.int})`;
  const heldLost = "is_held AND status = 'lost'";
  out.push(
    view(
      "bookingReach",
      `${dated},\no AS (\n${[
        outcome("'booked'", none, ""),
        outcome(
          "CASE WHEN targeted THEN 'targeted' ELSE 'untargeted' END",
          none,
          "targeted IS NOT NULL",
        ),
        outcome("'held_lost'", none, heldLost),
        // A held meeting was confirmed (addBooking): either one within W counts.
        outcome(
          "'confirmed'",
          "CASE WHEN NOT is_held THEN confirmed_after WHEN held_after IS NULL OR confirmed_after IS NULL THEN NULL ELSE LEAST(held_after, confirmed_after) END",
          "is_confirmed",
        ),
        outcome("'held'", "held_after", "is_held"),
        outcome(
          "'held_won'",
          "CASE WHEN held_after IS NULL THEN sale_after WHEN sale_after IS NULL THEN held_after ELSE GREATEST(held_after, sale_after) END",
          "is_held AND is_won",
        ),
      ].join("\n  UNION ALL\n")}\n)\n` +
        `SELECT part AS day, sdr, by_owner, source, outcome, within_days, COUNT(*) AS deals\n` +
        `FROM o WHERE within_days IS NULL OR within_days <= ${MAX_REACH_DAYS}\n` +
        `GROUP BY part, sdr, by_owner, source, outcome, within_days`,
    ),
  );

  const clientKey = nameKeySql(q, "client");
  const wonWithClient = "status = 'won' AND client <> ''";
  // Repeat wins in the Roles sheet's order (roles.ts saleDayOf): by the sale's day, unknown last.
  const order = `CASE WHEN known_at IS NULL THEN 1 ELSE 0 END, ${q.day("known_at")}, origin, origin_order`;
  const events = [
    ["COALESCE(held_day, own_day)", "'held'", "is_held", false],
    ["COALESCE(held_day, own_day)", "'held_won'", "is_held AND is_won", false],
    ["COALESCE(proposal_day, own_day)", "'proposal'", "is_proposal", false],
    ["COALESCE(sale_day, own_day)", "'sale'", "is_won", true],
    ["COALESCE(sale_day, own_day)", "'repeat_sale'", "repeat_win", true],
  ] as const;
  const withRepeat =
    `,\nr AS (\n  SELECT *, is_won AND client_key <> '' AND ROW_NUMBER() OVER (PARTITION BY client_key ORDER BY ${order}) > 1 AS repeat_win\n` +
    `  FROM b2\n)`;
  out.push(
    viewWithClients(
      "roleEvents",
      `${withRepeat},\nev AS (\n${events
        .map(
          ([day, name, where, money]) =>
            `  SELECT ${day} AS day, rep, source, ${name} AS event, ${money ? "amount" : `CAST(NULL AS ${T.number})`} AS amount FROM r WHERE ${where}`,
        )
        .join("\n  UNION ALL\n")}\n)\n` +
        `SELECT day, rep, source, event, COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS revenue, COUNT(amount) AS amounts\n` +
        `FROM ev GROUP BY day, rep, source, event`,
    ),
  );
  out.push(
    viewWithClients(
      "repeatClients",
      `${withRepeat}\nSELECT COALESCE(sale_day, own_day) AS day, rep, source, client_key AS client\n` +
        `FROM r WHERE repeat_win GROUP BY COALESCE(sale_day, own_day), rep, source, client_key`,
    ),
  );

  const ranked =
    `,\nh AS (\n  SELECT part, sdr, by_owner, id, source, targeted, booking_day, held_day, rep,\n` +
    `    ROW_NUMBER() OVER (PARTITION BY part, sdr, by_owner ORDER BY held_day DESC NULLS LAST, booking_day DESC, id, source, rep,\n` +
    `      CASE WHEN targeted IS NULL THEN 0 WHEN targeted THEN 2 ELSE 1 END) AS place\n` +
    `  FROM k WHERE ${heldLost}\n)`;
  out.push(
    view(
      "heldLost",
      `${dated}${ranked}\nSELECT part AS day, sdr, by_owner, id, source, targeted, booking_day AS booked_day, held_day, rep\n` +
        `FROM h WHERE place <= ${HELD_LOST_LIMIT}`,
    ),
  );
  return out;

  /** A view over the deals with their client key and sale order kept (`b2`). */
  function viewWithClients(table: AggregateTable, body: string): string {
    const b2 = base
      .replace("b AS (", "b2 AS (")
      .replace(
        "status = 'won' AS is_won\n",
        `status = 'won' AS is_won, known_at, origin, origin_order,\n    CASE WHEN ${wonWithClient} THEN ${clientKey} ELSE '' END AS client_key\n`,
      );
    return `${q.createView} ${e.out(viewOf(table).view)} AS\n${facts},\n${b2}${body}`;
  }
}
