/**
 * The SQL of SPEC §8 for one dialect: `voronka_deals` (one row per deal, a timestamp column per
 * stage named after it), `voronka_rep_days` and the aggregate views of src/aggregates/views.ts,
 * by the definitions of the in-memory engine (src/aggregates/memory.ts), row for row.
 */

import { META_VIEW, viewOf } from "../aggregates/views";
import { at } from "../core/indexed";
import { MAX_SPREAD_HOURS } from "../core/metrics/spread";
import type { ChecklistSource } from "./checklist";
import { type DialectName, dialectOf, nameKeySql } from "./dialect";
import { dealsQuery, type Emit, keyOf, personOf, stageCol, textOf } from "./emitDeals";
import { roleViews } from "./emitRoles";
import { hoursBucketSql } from "./ladders";
import type { SqlSource } from "./source";

export const DEALS_TABLE = "voronka_deals";

const FIXED_COLUMNS = [
  "id",
  "created",
  "rep",
  "booked_by",
  "source",
  "client",
  "targeted",
  "amount",
  "currency",
  "margin",
  "status",
  "closed",
  "reached",
  "origin",
  "origin_order",
];

/**
 * voronka_deals' column per stage: the stage's name, made unique against the other columns, with
 * the characters BigQuery's column names do not take ("/", ".", brackets…) as "_".
 */
export function stageColumnNames(stages: readonly { name: string }[]): string[] {
  const taken = new Set(FIXED_COLUMNS);
  return stages.map((s) => {
    const base = s.name.trim().replace(/[^\p{L}\p{M}\p{N}_\- &%=+:'<>#|]/gu, "_") || "stage";
    let name = base;
    // BigQuery's flexible column names allow letters, digits, spaces and a few signs, no brackets.
    for (let i = 1; taken.has(name.toLowerCase()); i++)
      name = `${base} stage${i > 1 ? ` ${i}` : ""}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

const range = (n: number) => Array.from({ length: n }, (_, k) => k);
const greatest = (xs: string[]) => (xs.length === 1 ? xs[0] : `GREATEST(${xs.join(", ")})`);

function dealsTable(e: Emit): string {
  const { q, n } = e;
  const names = stageColumnNames(e.src.stages);
  const cols = [
    ...FIXED_COLUMNS.slice(0, 13),
    "src AS origin",
    "ord AS origin_order",
    ...range(n).map((k) => `${stageCol(k)} AS ${q.ident(at(names, k))}`),
  ];
  const { ctes, select } = dealsQuery(e);
  const withs = [...ctes, `merged AS (\n${select}\n)`];
  return `${q.createTable} ${e.out(DEALS_TABLE)} AS\nWITH ${withs.join(",\n")}\nSELECT ${cols.join(", ")}\nFROM merged`;
}

/** Per deal: its day, sale and known sale dates, stage dates as s0…, by dealDates.ts. */
function facts(e: Emit): string {
  const { q, n } = e;
  const names = stageColumnNames(e.src.stages);
  const s = range(n).map((k) => q.ident(at(names, k)));
  const own = `COALESCE(created${s.map((x) => `, ${x}`).join("")}, closed)`;
  const sale = `COALESCE(closed${[...s]
    .reverse()
    .map((x) => `, ${x}`)
    .join("")}, ${own})`;
  const known = `COALESCE(closed${[...s]
    .slice(1)
    .reverse()
    .map((x) => `, ${x}`)
    .join("")})`;
  return (
    `SELECT origin, origin_order, id, rep, booked_by, source, client, targeted, amount, currency, margin, status, created,\n` +
    `    ${n > 0 ? `LEAST(reached, ${n - 1})` : "reached"} AS reached,\n` +
    `    ${q.day(own)} AS own_day, ${sale} AS sale_at, ${n > 1 ? known : "closed"} AS known_at` +
    range(n)
      .map((k) => `, ${s[k]} AS ${stageCol(k)}`)
      .join("") +
    `\n  FROM ${e.out(DEALS_TABLE)}`
  );
}

function positions(n: number): string {
  return range(n)
    .map((k) => `SELECT ${k} AS k`)
    .join(" UNION ALL ");
}

function caseOf(k: string, n: number, at: (k: number) => string): string {
  return `CASE ${k} ${range(n)
    .map((i) => `WHEN ${i} THEN ${at(i)}`)
    .join(" ")} END`;
}

function view(e: Emit, table: Parameters<typeof viewOf>[0], body: string): string {
  return `${e.q.createView} ${e.out(viewOf(table).view)} AS\n${body}`;
}

function aggregateViews(e: Emit, longCallSeconds: number): string[] {
  const { q, n, src } = e;
  const T = q.types;
  const F = `WITH f AS (\n  ${facts(e)}\n)`;
  const K = n > 0 ? `, p AS (${positions(n)})` : "";
  const dayOfStage = (k: number) => q.day(stageCol(k));
  const out: string[] = [];
  const datedOf = (k: number) =>
    `(SELECT COUNT(${q.ident(at(stageColumnNames(src.stages), k))}) FROM ${e.out(DEALS_TABLE)}) > 0`;
  out.push(
    view(
      e,
      "stages",
      n === 0
        ? `SELECT CAST(0 AS ${T.int}) AS position, '' AS stage, FALSE AS dated, FALSE AS same_source_next LIMIT 0`
        : src.stages
            .map(
              (s, k) =>
                `SELECT ${k} AS position, ${q.str(s.name)} AS stage, ${datedOf(k)} AS dated, ${s.sameSourceNext ? "TRUE" : "FALSE"} AS same_source_next`,
            )
            .join("\nUNION ALL "),
    ),
  );
  out.push(
    view(
      e,
      "deals",
      `${F}\nSELECT own_day AS day, rep, source, reached, targeted, COUNT(*) AS deals\nFROM f GROUP BY own_day, rep, source, reached, targeted`,
    ),
  );
  if (n > 0) {
    const entryDay = `COALESCE(${caseOf("p.k", n, dayOfStage)}, f.own_day)`;
    out.push(
      view(
        e,
        "stageEntries",
        `${F}${K}\nSELECT ${entryDay} AS day, f.rep, f.source, p.k AS stage, COUNT(*) AS entries\n` +
          `FROM f JOIN p ON p.k <= f.reached\nGROUP BY ${entryDay}, f.rep, f.source, p.k`,
      ),
    );
  }
  // Sales: won deals by the day of the sale; repeat = a client's later wins (name key).
  const clientKey = nameKeySql(q, "client");
  const hasAmount = "amount IS NOT NULL";
  const hasMargin = "amount IS NOT NULL AND margin IS NOT NULL";
  out.push(
    view(
      e,
      "sales",
      `${F},\nw AS (\n  SELECT f.*, CASE WHEN client <> '' AND ROW_NUMBER() OVER (PARTITION BY CASE WHEN client <> '' THEN ${clientKey} END ORDER BY CASE WHEN sale_at IS NULL THEN 1 ELSE 0 END, sale_at, origin, origin_order) > 1 THEN TRUE ELSE FALSE END AS repeat_win\n  FROM f WHERE status = 'won'\n)\n` +
        `SELECT ${q.day("sale_at")} AS day, rep, source, CASE WHEN amount IS NULL THEN '' ELSE COALESCE(currency, '') END AS currency,\n` +
        `  COUNT(*) AS sales, COALESCE(SUM(amount), 0) AS revenue, COUNT(amount) AS amounts,\n` +
        `  COALESCE(${q.boolOr("amount <> FLOOR(amount)")}, FALSE) AS cents,\n` +
        `  COALESCE(SUM(CASE WHEN ${hasMargin} THEN margin END), 0) AS margin,\n` +
        `  COALESCE(SUM(CASE WHEN ${hasMargin} THEN amount END), 0) AS margin_base,\n` +
        `  SUM(CASE WHEN ${hasMargin} THEN 1 ELSE 0 END) AS margins,\n` +
        `  COALESCE(SUM(CASE WHEN repeat_win AND ${hasAmount} THEN amount END), 0) AS repeat_revenue\n` +
        `FROM w GROUP BY ${q.day("sale_at")}, rep, source, CASE WHEN amount IS NULL THEN '' ELSE COALESCE(currency, '') END`,
    ),
  );
  const hours = (a: string, b: string) =>
    `CAST(ROUND(${q.msBetween(a, b)} / 3600000.0) AS ${T.int})`;
  // Spreads count hours past MAX_SPREAD_HOURS (a typo'd year) as that many; totals do not.
  const spreadHours = `LEAST(hours, ${MAX_SPREAD_HOURS})`;
  const bucket = hoursBucketSql("spread_hours");
  // Durations: count and total per day, and counts per bucket per week part (spread.ts).
  const cycled =
    `${F},\nc AS (\n  SELECT ${q.day("known_at")} AS sale_day, rep, source, ${hours("created", "known_at")} AS hours\n` +
    `  FROM f WHERE status = 'won' AND known_at IS NOT NULL AND created IS NOT NULL AND known_at >= created\n)`;
  out.push(
    view(
      e,
      "cycles",
      `${cycled}\nSELECT sale_day AS day, rep, source, COUNT(*) AS deals, SUM(hours) AS total_hours\n` +
        `FROM c GROUP BY sale_day, rep, source`,
    ),
  );
  out.push(
    view(
      e,
      "cycleSpread",
      `${cycled},\nclamped AS (SELECT sale_day, rep, source, ${spreadHours} AS spread_hours FROM c),\n` +
        `bucketed AS (\n  SELECT ${q.weekPart("sale_day")} AS part, rep, source, spread_hours,\n    ${bucket} AS from_hours\n  FROM clamped\n)\n` +
        `SELECT part AS day, rep, source, from_hours, COUNT(*) AS deals, MIN(spread_hours) AS min_hours, MAX(spread_hours) AS max_hours, SUM(spread_hours) AS total_hours\n` +
        `FROM bucketed GROUP BY part, rep, source, from_hours`,
    ),
  );
  // Spans: won deals sold on or after their cohort day, by the whole days from one to the other.
  const spanDays = q.daysBetween("own_day", q.day("known_at"));
  out.push(
    view(
      e,
      "spans",
      `${F},\ns AS (\n  SELECT ${q.weekPart("own_day")} AS part, rep, source, ${spanDays} AS days\n` +
        `  FROM f WHERE status = 'won' AND known_at IS NOT NULL AND own_day IS NOT NULL AND ${q.day("known_at")} >= own_day\n)\n` +
        `SELECT part AS day, rep, source, days, COUNT(*) AS deals\nFROM s GROUP BY part, rep, source, days`,
    ),
  );
  if (n > 0) {
    // withinDays (memory.ts, reachWindows): 0 when some stage from k to the deal's furthest has
    // no dates in the whole data; else days from the cohort day to the earliest stage date from
    // k on (stages past the furthest carry none); NULL when there is none.
    const names = stageColumnNames(src.stages);
    const undated = range(n)
      .map((k) => `CASE WHEN COUNT(${q.ident(at(names, k))}) > 0 THEN 0 ELSE 1 END AS u${k}`)
      .join(", ");
    const earliest = caseOf("p.k", n, (k) => q.minOf(range(n - k).map((j) => dayOfStage(k + j))));
    const anyUndated = greatest(
      range(n).map((j) => `CASE WHEN ${j} >= p.k AND ${j} <= f.reached THEN dz.u${j} ELSE 0 END`),
    );
    out.push(
      view(
        e,
        "cohorts",
        `${F}${K},\ndz AS (SELECT ${undated} FROM ${e.out(DEALS_TABLE)}),\n` +
          `r AS (\n  SELECT f.own_day, f.rep, f.source, p.k, ${earliest} AS earliest, ${anyUndated} AS any_undated\n` +
          `  FROM f JOIN p ON p.k <= f.reached CROSS JOIN dz WHERE f.own_day IS NOT NULL\n),\n` +
          `c AS (\n  SELECT ${q.weekPart("own_day")} AS part, rep, source, k, CASE WHEN any_undated = 1 THEN 0 WHEN earliest IS NULL THEN NULL ELSE GREATEST(0, ${q.daysBetween("own_day", "earliest")}) END AS within_days FROM r\n)\n` +
          `SELECT part AS day, rep, source, k AS stage, within_days, COUNT(*) AS deals\nFROM c GROUP BY part, rep, source, k, within_days`,
      ),
    );
  }
  const steps = range(Math.max(0, n - 1)).filter((k) => !at(src.stages, k).sameSourceNext);
  if (steps.length > 0) {
    const a = caseOf("p.k", n - 1, (k) => stageCol(k));
    const b = caseOf("p.k", n - 1, (k) => stageCol(k + 1));
    const moved =
      `${F},\np AS (${steps.map((k) => `SELECT ${k} AS k`).join(" UNION ALL ")}),\n` +
      `t AS (\n  SELECT f.rep, f.source, p.k, ${a} AS a, ${b} AS b FROM f JOIN p ON p.k < f.reached\n),\n` +
      `h AS (\n  SELECT ${q.day("b")} AS moved_day, rep, source, k, ${hours("a", "b")} AS hours\n` +
      `  FROM t WHERE a IS NOT NULL AND b IS NOT NULL AND b >= a\n)`;
    out.push(
      view(
        e,
        "transitions",
        `${moved}\nSELECT moved_day AS day, rep, source, k AS step, COUNT(*) AS transitions, SUM(hours) AS total_hours\n` +
          `FROM h GROUP BY moved_day, rep, source, k`,
      ),
    );
    out.push(
      view(
        e,
        "transitionSpread",
        `${moved},\nclamped AS (SELECT moved_day, rep, source, k, ${spreadHours} AS spread_hours FROM h),\n` +
          `bucketed AS (\n  SELECT ${q.weekPart("moved_day")} AS part, rep, source, k, spread_hours,\n    ${bucket} AS from_hours\n  FROM clamped\n)\n` +
          `SELECT part AS day, rep, source, k AS step, from_hours, COUNT(*) AS transitions, MIN(spread_hours) AS min_hours, MAX(spread_hours) AS max_hours, SUM(spread_hours) AS total_hours\n` +
          `FROM bucketed GROUP BY part, rep, source, k, from_hours`,
      ),
    );
  }
  out.push(...roleViews(e, F, stageColumnNames(src.stages), e.out(DEALS_TABLE)));
  const meta = META_VIEW;
  out.push(
    `${q.createView} ${e.out(meta.view)} AS\nSELECT ${longCallSeconds} AS ${at(meta.columns, 0).column}, ` +
      `COALESCE((SELECT ${q.boolOr("client <> ''")} FROM ${e.out(DEALS_TABLE)}), FALSE) AS ${at(meta.columns, 1).column}`,
  );
  return out;
}

/** Calls per rep and day (source: the call's, else its deal's by id, else by the id's name key). */
function repDays(e: Emit, longCallSeconds: number): string {
  const { q, src } = e;
  const T = q.types;
  const name = e.out(viewOf("repDays").view);
  const c = src.calls;
  if (!c)
    return `${q.createTable} ${name} AS\nSELECT CAST(NULL AS DATE) AS day, '' AS rep, '' AS source, CAST(0 AS ${T.int}) AS calls, CAST(0 AS ${T.int}) AS long_calls, CAST(0 AS ${T.number}) AS talk_seconds, CAST(0 AS ${T.int}) AS timed_calls LIMIT 0`;
  const cols = c.columns;
  const raw = (col: string | undefined) => (col === undefined ? "NULL" : q.ident(col));
  const dur = q.number(raw(cols.duration));
  const dealKey = nameKeySql(q, "id");
  const callKey = nameKeySql(q, "deal_id");
  return (
    `${q.createTable} ${name} AS\nWITH calls_raw AS (\n  SELECT ${q.timestamp(raw(cols.date))} AS called_at, ${personOf(e, cols.rep)} AS rep,\n` +
    `    CASE WHEN ${dur} >= 0 THEN ${dur} END AS duration, ${textOf(e, cols.dealId)} AS deal_id, ${textOf(e, cols.source)} AS source\n` +
    `  FROM ${q.table(c.table)}\n),\n` +
    `by_key AS (\n  SELECT k, source FROM (\n    SELECT ${dealKey} AS k, source, ROW_NUMBER() OVER (PARTITION BY ${dealKey} ORDER BY origin, origin_order) AS copy\n    FROM ${e.out(DEALS_TABLE)} WHERE id <> ''\n  ) AS t WHERE copy = 1\n),\n` +
    `sourced AS (\n  SELECT r.called_at, r.rep, r.duration,\n    CASE WHEN r.source <> '' THEN r.source WHEN r.deal_id = '' THEN '' ELSE COALESCE(d.source, k.source, '') END AS source\n` +
    // Equalities alone in the ON clauses: a condition on the calls' side only would make DuckDB
    // join by nested loops (46,000 calls × 15,000 deals: minutes). No deal's id or key is ''.
    `  FROM calls_raw AS r\n  LEFT JOIN ${e.out(DEALS_TABLE)} AS d ON d.id = r.deal_id\n  LEFT JOIN by_key AS k ON k.k = ${callKey.replace(/deal_id/g, "r.deal_id")}\n` +
    `  WHERE r.called_at IS NOT NULL${cols.rep !== undefined ? " AND r.rep <> ''" : ""}\n)\n` +
    `SELECT ${q.day("called_at")} AS day, rep, source, COUNT(*) AS calls,\n` +
    `  SUM(CASE WHEN duration >= ${longCallSeconds} THEN 1 ELSE 0 END) AS long_calls,\n` +
    `  COALESCE(SUM(duration), 0) AS talk_seconds, COUNT(duration) AS timed_calls\n` +
    `FROM sourced GROUP BY ${q.day("called_at")}, rep, source`
  );
}

/**
 * The deals the checklists name (aggregates/graded.ts): each distinct graded id, trimmed, with the
 * deal it names: the deal of that id, else the first (by origin) of its name key, as calls find
 * theirs. Ids naming no deal give no row.
 */
function gradedDeals(e: Emit, checklists: readonly ChecklistSource[]): string {
  const { q } = e;
  const key = (x: string) => nameKeySql(q, x);
  const ids = checklists
    .map((c) => `SELECT ${textOf(e, c.columns.id)} AS graded_id FROM ${q.table(c.table)}`)
    .join("\n    UNION ALL ");
  const fromDeal = (col: string) => `CASE WHEN d.id IS NOT NULL THEN d.${col} ELSE k.${col} END`;
  return (
    `${q.createView} ${e.out(viewOf("gradedDeals").view)} AS\n` +
    `WITH graded AS (\n  SELECT DISTINCT graded_id FROM (\n    ${ids}\n  ) AS g WHERE graded_id <> ''\n),\n` +
    `by_key AS (\n  SELECT k, rep, status FROM (\n    SELECT ${key("id")} AS k, rep, status, ROW_NUMBER() OVER (PARTITION BY ${key("id")} ORDER BY origin, origin_order) AS copy\n` +
    `    FROM ${e.out(DEALS_TABLE)} WHERE id <> ''\n  ) AS t WHERE copy = 1\n)\n` +
    `SELECT g.graded_id, ${fromDeal("rep")} AS deal_rep, ${fromDeal("status")} AS deal_status\n` +
    `FROM graded AS g\n  LEFT JOIN ${e.out(DEALS_TABLE)} AS d ON d.id = g.graded_id\n` +
    `  LEFT JOIN by_key AS k ON k.k = ${key("g.graded_id")}\n` +
    `WHERE d.id IS NOT NULL OR k.k IS NOT NULL`
  );
}

export interface EmitOptions {
  longCallSeconds: number;
}

/** The statements, in order, each without its trailing semicolon. */
export function emitStatements(src: SqlSource, dialect: DialectName, opts: EmitOptions): string[] {
  const q = dialectOf(dialect);
  // Our tables and views go beside the raw ones (BigQuery views need dataset-qualified names).
  const raw = [src.deals, src.stageLog, src.calls].find((t) => t?.table.includes("."))?.table;
  const prefix = raw ? raw.slice(0, raw.lastIndexOf(".") + 1) : "";
  const e: Emit = { q, src, n: src.stages.length, out: (name) => q.table(prefix + name) };
  // The graded-deals view reads the checklist itself: BigQuery views need qualified names, so
  // an unqualified checklist is taken to sit beside the other tables.
  const checklists = (src.checklists ?? []).map((c) =>
    c.table.includes(".") ? c : { ...c, table: prefix + c.table },
  );
  return [
    dealsTable(e),
    repDays(e, opts.longCallSeconds),
    ...aggregateViews(e, opts.longCallSeconds),
    ...(checklists.length > 0 ? [gradedDeals(e, checklists)] : []),
  ];
}

export function emitSql(src: SqlSource, dialect: DialectName, opts: EmitOptions): string {
  return `${emitStatements(src, dialect, opts).join(";\n\n")};\n`;
}

export { keyOf };
