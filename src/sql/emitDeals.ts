/**
 * SQL that compacts the raw tables into `voronka_deals`, one row per deal, by the rules of the
 * model build (src/model/build/deals.ts and stageLog.ts): a deals table's row (first row of an
 * id wins), its stage columns, current stage and status; a stage log's earliest entry per stage;
 * the log completing the deals the table has and adding the ones it has not.
 */
import { at } from "../core/indexed";
import { type Dialect, spacesTrimmed } from "./dialect";
import { logKept, pipelineWhere } from "./emitPipeline";
import type { DealsSource, KeyedStage, SqlSource, StageLogSource } from "./source";

/** Internal column of stage k's date. */
export const stageCol = (k: number) => `s${k}`;

export interface Emit {
  q: Dialect;
  src: SqlSource;
  n: number;
  /** Name of one of our tables or views, qualified like the raw tables. */
  out: (name: string) => string;
}

const range = (n: number) => Array.from({ length: n }, (_, k) => k);

export function inList(x: string, keys: readonly string[], e: Emit): string {
  return keys.length === 0 ? "FALSE" : `${x} IN (${keys.map((k) => e.q.str(k)).join(", ")})`;
}

function caseStage(x: string, values: readonly KeyedStage[], e: Emit): string {
  if (values.length === 0) return "-1";
  const byStage = new Map<number, string[]>();
  for (const v of values) byStage.set(v.stage, [...(byStage.get(v.stage) ?? []), v.key]);
  const whens = [...byStage].map(([k, keys]) => `WHEN ${inList(x, keys, e)} THEN ${k}`);
  return `CASE ${whens.join(" ")} ELSE -1 END`;
}

/** A raw column of the table, or NULL when the field has none. */
function raw(e: Emit, column: string | undefined): string {
  return column === undefined ? "NULL" : e.q.ident(column);
}

export function textOf(e: Emit, column: string | undefined): string {
  return `TRIM(COALESCE(${e.q.text(raw(e, column))}, ''))`;
}

export function keyOf(e: Emit, column: string | undefined): string {
  return `LOWER(${spacesTrimmed(e.q, `COALESCE(${e.q.text(raw(e, column))}, '')`)})`;
}

/** A person's name without the HTML tags some CRMs wrap it in. */
export function personOf(e: Emit, column: string | undefined): string {
  const t = textOf(e, column);
  return `CASE WHEN STRPOS(${t}, '<') > 0 THEN ${spacesTrimmed(e.q, e.q.replaceAll(t, "<[^>]*>", ""))} ELSE ${t} END`;
}

const least2 = (a: string, b: string) =>
  `CASE WHEN ${a} IS NULL THEN ${b} WHEN ${b} IS NULL OR ${a} <= ${b} THEN ${a} ELSE ${b} END`;

const greatestOf = (xs: string[]) => (xs.length === 1 ? xs[0] : `GREATEST(${xs.join(", ")})`);

/** A raw expression carried through to `deals_final` under its name (a linked table's key). */
interface Extra {
  name: string;
  expr: string;
}

/** CTEs of the deals table, ending in `deals_final`. */
function dealsCtes(e: Emit, d: DealsSource, extras: Extra[] = []): string[] {
  const more = extras.map((x) => `, ${x.name}`).join("");
  const { q, n } = e;
  const c = d.columns;
  const has = (f: keyof typeof c) => c[f] !== undefined;
  const order = q.rowOrder("0");
  const scs = d.stageColumns;
  const rawSelect = [
    `${order} AS ord`,
    `${textOf(e, c.id)} AS id`,
    `${q.timestamp(raw(e, c.created))} AS created`,
    `${personOf(e, c.rep)} AS rep`,
    `${textOf(e, c.source)} AS source`,
    `${textOf(e, c.client)} AS client`,
    `${textOf(e, c.bookedBy)} AS booked_by`,
    `${keyOf(e, c.stage)} AS stage_key`,
    `${keyOf(e, c.status)} AS status_key`,
    `${keyOf(e, c.won)} AS won_key`,
    `${keyOf(e, c.closedFlag)} AS closed_flag_key`,
    `${keyOf(e, c.closed)} AS closed_key`,
    `${q.timestamp(raw(e, c.closed))} AS closed_at`,
    `${q.number(raw(e, c.amount))} AS amount`,
    `NULLIF(UPPER(${textOf(e, c.currency)}), '') AS currency`,
    `${q.number(raw(e, c.cost))} AS cost`,
    `${q.number(raw(e, c.margin))} AS margin_raw`,
    `${keyOf(e, c.targeted)} AS targeted_key`,
    ...scs.flatMap((s, i) => [
      `${keyOf(e, s.column)} AS c${i}_key`,
      `${q.timestamp(raw(e, s.column))} AS c${i}_at`,
    ]),
    ...extras.map((x) => `${x.expr} AS ${x.name}`),
  ];
  const marked = (i: number) =>
    `(c${i}_key <> '' AND NOT ${inList(`c${i}_key`, at(scs, i).skip, e)})`;
  // Per stage, its contributions in the order the build applies them (the last one wins).
  const contributions = range(n).map((k) => {
    const out: { marked: string; at: string }[] = [];
    if (d.entryStage === k) out.push({ marked: "TRUE", at: "created" });
    scs.forEach((s, i) => {
      if (s.stage === k) out.push({ marked: marked(i), at: `c${i}_at` });
    });
    return out;
  });
  const stageDate = (k: number) => {
    const cs = at(contributions, k);
    if (cs.length === 0) return "CAST(NULL AS TIMESTAMP)";
    return `CASE ${[...cs]
      .reverse()
      .map((x) => `WHEN ${x.marked} THEN ${x.at}`)
      .join(" ")} END`;
  };
  const hit = range(n)
    .filter((k) => at(contributions, k).length > 0)
    .map(
      (k) =>
        `CASE WHEN ${at(contributions, k)
          .map((x) => x.marked)
          .join(" OR ")} THEN ${k} ELSE -1 END`,
    );
  const hasOutcome = has("status") || has("won") || has("stage") || has("closedFlag");
  const outcome = hasOutcome
    ? `CASE WHEN ${inList("status_key", d.statusWon, e)} THEN 'won'` +
      ` WHEN ${inList("status_key", d.statusLost, e)} THEN 'lost'` +
      ` WHEN ${inList("won_key", d.wonYes, e)} THEN 'won'` +
      ` WHEN ${inList("stage_key", d.stageWon, e)} THEN 'won'` +
      ` WHEN ${inList("stage_key", d.stageLost, e)} THEN 'lost'` +
      ` WHEN ${inList("closed_flag_key", d.closedYes, e)} THEN 'lost' ELSE 'open' END`
    : "CAST(NULL AS VARCHAR)".replace("VARCHAR", q.types.text);
  const closeIdx = scs.findIndex((s) => s.column === c.closed);
  const closedCol = has("closed")
    ? closeIdx >= 0
      ? `CASE WHEN ${marked(closeIdx)} THEN c${closeIdx}_at END`
      : `CASE WHEN ${hasOutcome ? "outcome IN ('won', 'lost') AND " : ""}NOT ${inList("closed_key", d.notYet, e)} THEN closed_at END`
    : "CAST(NULL AS TIMESTAMP)";
  const margin = has("margin")
    ? "margin_raw"
    : has("cost")
      ? "CASE WHEN cost IS NOT NULL AND amount IS NOT NULL THEN amount - cost END"
      : "CAST(NULL AS DOUBLE)";
  const num = (s: string) => s.replace("DOUBLE", q.types.number);
  const tsNull = "CAST(NULL AS TIMESTAMP)";
  const ctes: string[] = [];
  const where = pipelineWhere(e, d);
  ctes.push(
    `deals_raw AS (\n  SELECT ${rawSelect.join(",\n    ")}\n  FROM ${q.table(d.table)}${where}\n)`,
  );
  ctes.push(
    "deals_first AS (\n  SELECT * FROM (\n    SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ord) AS copy\n" +
      "    FROM deals_raw WHERE id <> ''\n  ) AS t WHERE copy = 1\n)",
  );
  ctes.push(
    `deals_read AS (\n  SELECT ord, id, created, rep, source, client, booked_by, amount, currency${more},\n` +
      `    ${num(margin)} AS margin,\n` +
      `    CASE WHEN ${inList("targeted_key", d.targetedYes, e)} THEN TRUE WHEN ${inList("targeted_key", d.targetedNo, e)} THEN FALSE END AS targeted,\n` +
      `    outcome,\n` +
      `    ${greatestOf(["-1", ...hit, caseStage("stage_key", d.stageValues, e)])} AS reached,\n` +
      `    ${closedCol} AS closed,\n` +
      range(n)
        .map((k) => `    ${stageDate(k)} AS r${k}`)
        .join(",\n") +
      `\n  FROM (SELECT *, ${outcome} AS outcome FROM deals_first) AS t\n)`,
  );
  // Stage dates out of order are dropped (each against the latest kept before it).
  let prev = "deals_read";
  range(n).forEach((k) => {
    const kept = k === 0 ? "r0" : `CASE WHEN r${k} < m${k - 1} THEN NULL ELSE r${k} END`;
    const max = k === 0 ? "r0" : `COALESCE(${kept}, m${k - 1})`;
    ctes.push(`ordered${k} AS (SELECT *, ${kept} AS k${k}, ${max} AS m${k} FROM ${prev})`);
    prev = `ordered${k}`;
  });
  const dropped = range(n).map((k) => `(r${k} IS NOT NULL AND k${k} IS NULL AND closed = r${k})`);
  const closed2 = dropped.length
    ? `CASE WHEN ${dropped.join(" OR ")} THEN NULL ELSE closed END`
    : "closed";
  ctes.push(
    `deals_dated AS (\n  SELECT *, CASE WHEN created IS NOT NULL AND closed2 < created THEN CASE WHEN closed2 >= ${q.dayStart("created")} THEN created END ELSE closed2 END AS closed3\n` +
      `  FROM (SELECT *, ${closed2} AS closed2 FROM ${prev}) AS t\n)`,
  );
  const W = d.wonStage;
  const SW = e.src.wonStage;
  const lostCut = W >= 0 ? `outcome = 'lost' AND reached >= ${W}` : "FALSE";
  const status =
    `CASE WHEN outcome = 'won' THEN 'won' WHEN outcome = 'lost' THEN 'lost'` +
    (SW >= 0 ? ` WHEN reached = ${SW} THEN 'won'` : "") +
    " ELSE 'open' END";
  const reached2 =
    W >= 0
      ? `CASE WHEN outcome = 'won' THEN GREATEST(reached, ${W}) WHEN ${lostCut} THEN ${W - 1} ELSE reached END`
      : "reached";
  const finalDate = (k: number) => {
    if (W < 0 || k < W) return `k${k}`;
    if (k === W)
      return `CASE WHEN outcome = 'won' THEN COALESCE(k${k}, closed3) WHEN ${lostCut} THEN NULL ELSE k${k} END`;
    return `CASE WHEN ${lostCut} THEN NULL ELSE k${k} END`;
  };
  ctes.push(
    `deals_status AS (\n  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted${more},\n` +
      `    ${status} AS status, ${n > 0 ? `GREATEST(${reached2}, 0)` : reached2} AS reached, closed3 AS closed,\n` +
      range(n)
        .map((k) => `    ${finalDate(k)} AS ${stageCol(k)}`)
        .join(",\n") +
      `\n  FROM deals_dated\n)`,
  );
  const atReached = n
    ? `CASE reached ${range(n)
        .map((k) => `WHEN ${k} THEN ${stageCol(k)}`)
        .join(" ")} END`
    : tsNull;
  ctes.push(
    `deals_final AS (\n  SELECT ord, id, created, rep, source, client, booked_by, amount, currency, margin, targeted, status, reached${more},\n` +
      `    CASE WHEN status = 'won' AND closed IS NULL THEN ${atReached} ELSE closed END AS closed${range(
        n,
      )
        .map((k) => `, ${stageCol(k)}`)
        .join("")}\n  FROM deals_status\n)`,
  );
  return ctes;
}

/**
 * CTEs of the deals tables, ending in `deals_final`. Several tables are read in turn: each its
 * own chain (names suffixed _1, _2…), a linked leads + deals pair made one deal per lead first
 * (linkedCtes), then the first row of an id over all of them wins.
 */
function allDealsCtes(e: Emit, tables: DealsSource[]): string[] {
  const link = e.src.leadLink;
  if (tables.length === 1 && !link) return dealsCtes(e, at(tables, 0));
  const suffixed = (sql: string, t: number) =>
    sql.replace(/\b(deals_(?:raw|first|read|dated|status|final)|ordered\d+)\b/g, `$1_${t + 1}`);
  const cols = [
    "id, created, rep, source, client, booked_by, amount, currency, margin, targeted, status, reached, closed",
    ...range(e.n).map(stageCol),
  ].join(", ");
  const extrasOf = (t: number): Extra[] => {
    if (!link) return [];
    const flag = { name: "flag_key", expr: keyOf(e, link.flag) };
    if (t === link.leads)
      return link.deals < 0 ? [flag] : [{ name: "link_key", expr: textOf(e, link.leadKey) }, flag];
    return t === link.deals ? [{ name: "link_key", expr: textOf(e, link.dealKey) }] : [];
  };
  const units: string[] = [];
  if (link) units.push(`SELECT ord, ${cols} FROM linked_deals`);
  tables.forEach((_, t) => {
    if (link && (t === link.leads || t === link.deals)) return;
    units.push(`SELECT ord + ${t + 1} * 1000000000000 AS ord, ${cols} FROM deals_final_${t + 1}`);
  });
  return [
    ...tables.flatMap((d, t) => dealsCtes(e, d, extrasOf(t)).map((c) => suffixed(c, t))),
    ...(link ? linkedCtes(e, link.leads + 1, link.deals >= 0 ? link.deals + 1 : null) : []),
    `deals_final AS (\n  SELECT ord, ${cols} FROM (\n    SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ord) AS copy FROM (\n    ${units.join("\n    UNION ALL ")}\n    ) AS u\n  ) AS t WHERE copy = 1\n)`,
  ];
}

/**
 * One deal per lead (model/build/leadLink.ts): the first lead of a key takes the first deal of
 * it; the lead gives id, created, source, client and its statuses, the deal the rest (its rep
 * first) and at least Converted; a lead without a deal reaches Converted when its flag says
 * yes; a deal no lead took stands alone unless its id is a lead's. No deals table (`deals`
 * null, Zoho's leads alone): every lead is a lead without a deal.
 */
function linkedCtes(e: Emit, leads: number, deals: number | null): string[] {
  const link = e.src.leadLink;
  if (!link) return [];
  const C = link.converted;
  const L = `deals_final_${leads}`;
  const withD = (x: string, y: string) =>
    deals === null ? y : `CASE WHEN d.id IS NOT NULL THEN ${x} ELSE ${y} END`;
  const leadFirst = (c: string) =>
    deals === null
      ? `l.${c} AS ${c}`
      : `CASE WHEN l.${c} <> '' OR d.id IS NULL THEN l.${c} ELSE d.${c} END AS ${c}`;
  const flagged = inList("l.flag_key", link.flagYes, e);
  const merged = [
    "l.ord AS ord, l.id, l.created",
    `${withD("CASE WHEN d.rep <> '' THEN d.rep ELSE l.rep END", "l.rep")} AS rep`,
    leadFirst("source"),
    leadFirst("client"),
    "l.booked_by",
    ...["amount", "currency", "margin"].map((c) => `${withD(`d.${c}`, `l.${c}`)} AS ${c}`),
    // A lead's own won word (status "Converted") is the conversion, not a sale.
    `${withD("d.status", "CASE WHEN l.status = 'won' THEN 'open' ELSE l.status END")} AS status`,
    `${withD("d.closed", "CASE WHEN l.status = 'won' THEN NULL ELSE l.closed END")} AS closed`,
    deals === null ? "l.targeted AS targeted" : "COALESCE(l.targeted, d.targeted) AS targeted",
    `${withD(`GREATEST(d.reached, ${C})`, `CASE WHEN l.status = 'won' THEN ${C} WHEN ${flagged} THEN GREATEST(l.reached, ${C}) ELSE l.reached END`)} AS reached`,
    ...range(e.n).map((k) => {
      const s = stageCol(k);
      const lead = `CASE WHEN l.status = 'won' THEN NULL ELSE l.${s} END`;
      return k < C ? `l.${s} AS ${s}` : `${withD(`d.${s}`, lead)} AS ${s}`;
    }),
  ];
  if (deals === null)
    return [`linked_deals AS (\n  SELECT ${merged.join(",\n    ")}\n  FROM ${L} AS l\n)`];
  const D = `deals_final_${deals}`;
  const lone = [
    "ord + 500000000000 AS ord, id, created, rep, source, client, booked_by, amount, currency, margin, status, closed, targeted",
    `GREATEST(reached, ${C}) AS reached`,
    ...range(e.n).map(stageCol),
  ];
  return [
    `linked_leads AS (\n  SELECT *, ROW_NUMBER() OVER (PARTITION BY link_key ORDER BY ord) AS lead_rank FROM ${L}\n)`,
    `linked_pick AS (\n  SELECT * FROM (\n    SELECT *, ROW_NUMBER() OVER (PARTITION BY link_key ORDER BY ord) AS pick FROM ${D} WHERE link_key <> ''\n  ) AS t WHERE pick = 1\n)`,
    `linked_taken AS (\n  SELECT d.id FROM linked_pick AS d JOIN linked_leads AS l ON l.link_key = d.link_key AND l.lead_rank = 1\n)`,
    `linked_deals AS (\n  SELECT ${merged.join(",\n    ")}\n  FROM linked_leads AS l LEFT JOIN linked_pick AS d ON l.link_key <> '' AND l.lead_rank = 1 AND d.link_key = l.link_key\n` +
      `  UNION ALL\n  SELECT ${lone.join(", ")}\n  FROM ${D} AS x\n` +
      `  WHERE NOT EXISTS (SELECT 1 FROM linked_taken AS t WHERE t.id = x.id) AND NOT EXISTS (SELECT 1 FROM ${L} AS y WHERE y.id = x.id)\n)`,
  ];
}

/** CTEs of the stage log, ending in `log_deals`: per deal its earliest date per stage. */
function logCtes(e: Emit, l: StageLogSource): string[] {
  const { q, n } = e;
  const c = l.columns;
  const at = q.timestamp(raw(e, c.date));
  const sel = [
    `${q.rowOrder(q.orderOf(at))} AS ord`,
    `${textOf(e, c.id)} AS id`,
    `${keyOf(e, c.stage)} AS stage_key`,
    `${at} AS entered_at`,
    `${textOf(e, c.rep)} AS rep`,
    `${textOf(e, c.source)} AS source`,
    `${q.number(raw(e, c.amount))} AS amount`,
  ];
  const agg = [
    "id",
    ...range(n).map((k) => `MIN(CASE WHEN pos = ${k} THEN entered_at END) AS e${k}`),
    "MAX(CASE WHEN lost THEN entered_at END) AS lost_last",
    "MIN(CASE WHEN lost THEN entered_at END) AS lost_first",
    "MAX(CASE WHEN pos >= 0 OR lost THEN 1 ELSE 0 END) AS counted",
    "MIN(CASE WHEN pos >= 0 OR lost THEN ord END) AS first_ord",
    `COALESCE(${q.firstBy("rep", "ord", "rep <> ''")}, '') AS rep`,
    `COALESCE(${q.firstBy("source", "ord", "source <> ''")}, '') AS source`,
    `${q.firstBy("amount", "ord", "amount IS NOT NULL", true)} AS amount`,
  ];
  return [
    `log_raw AS (\n  SELECT ${sel.join(",\n    ")}\n  FROM ${q.table(l.table)}\n)`,
    `log_rows AS (\n  SELECT *, ${caseStage("stage_key", l.stageValues, e)} AS pos, ${inList("stage_key", l.lostValues, e)} AS lost\n` +
      `  FROM log_raw WHERE id <> '' AND stage_key <> '' AND entered_at IS NOT NULL${logKept(e)}\n)`,
    `log_deals AS (\n  SELECT ${agg.join(",\n    ")}\n  FROM log_rows GROUP BY id\n)`,
  ];
}

/** The SELECT of voronka_deals' internal form (stage dates as s0…), from the CTEs above. */
function mergedSelect(e: Emit): string {
  const { q, n, src } = e;
  const S = range(n);
  const SW = src.wonStage;
  if (src.deals && !src.stageLog)
    return `SELECT 0 AS src, ord, id, created, rep, booked_by, source, client, targeted, amount, currency, margin, status, closed, reached${S.map((k) => `, ${stageCol(k)}`).join("")} FROM deals_final`;
  const T = q.types;
  const nul = (t: string) => `CAST(NULL AS ${t})`;
  const logReached = `GREATEST(-1${S.map((k) => `, CASE WHEN g.e${k} IS NOT NULL THEN ${k} ELSE -1 END`).join("")})`;
  if (!src.deals) {
    const first = q.minOf(["g.lost_first", ...S.map((k) => `g.e${k}`)]);
    const reached = n > 0 ? `GREATEST(${logReached}, 0)` : logReached;
    return (
      `SELECT 1 AS src, g.first_ord AS ord, g.id, ${first} AS created, g.rep, '' AS booked_by, g.source, '' AS client, ${nul(T.bool)} AS targeted, g.amount, ${nul(T.text)} AS currency, ${nul(T.number)} AS margin,\n` +
      `  CASE ${SW >= 0 ? `WHEN ${reached} = ${SW} THEN 'won' ` : ""}WHEN g.lost_last IS NOT NULL THEN 'lost' ELSE 'open' END AS status,\n` +
      `  CASE ${SW >= 0 ? `WHEN ${reached} = ${SW} THEN g.e${SW} ` : ""}WHEN g.lost_last IS NOT NULL THEN g.lost_last END AS closed,\n` +
      `  ${reached} AS reached${S.map((k) => `, g.e${k} AS ${stageCol(k)}`).join("")}\n` +
      "FROM log_deals AS g WHERE g.counted = 1"
    );
  }
  // Both: the log completes the table's deals and adds its own.
  const inD = "d.id IS NOT NULL";
  const first = q.minOf(["g.lost_first", ...S.map((k) => `g.e${k}`)]);
  const reachedLogOnly = n > 0 ? `GREATEST(${logReached}, 0)` : logReached;
  const reached = `CASE WHEN ${inD} THEN GREATEST(d.reached, ${logReached}) ELSE ${reachedLogOnly} END`;
  const dates = S.map((k) => `${least2(`d.${stageCol(k)}`, `g.e${k}`)} AS ${stageCol(k)}`);
  const inner =
    `SELECT CASE WHEN ${inD} THEN 0 ELSE 1 END AS src, COALESCE(d.ord, g.first_ord) AS ord, COALESCE(d.id, g.id) AS id,\n` +
    `  CASE WHEN ${inD} THEN d.created ELSE ${first} END AS created,\n` +
    `  CASE WHEN COALESCE(d.rep, '') <> '' THEN d.rep ELSE COALESCE(g.rep, '') END AS rep,\n` +
    `  COALESCE(d.booked_by, '') AS booked_by,\n` +
    `  CASE WHEN COALESCE(d.source, '') <> '' THEN d.source ELSE COALESCE(g.source, '') END AS source,\n` +
    `  COALESCE(d.client, '') AS client, d.targeted, COALESCE(d.amount, g.amount) AS amount, d.currency, d.margin,\n` +
    `  d.status AS d_status, d.closed AS d_closed, g.id AS g_id, g.lost_last,\n` +
    `  ${reached} AS reached,\n  ${dates.join(",\n  ")}\n` +
    "FROM deals_final AS d FULL OUTER JOIN log_deals AS g ON d.id = g.id\n" +
    `WHERE ${inD} OR g.counted = 1`;
  const keep = "d_status IS NOT NULL AND (d_status <> 'open' OR g_id IS NULL)";
  const won = SW >= 0 ? `WHEN reached = ${SW} THEN ` : null;
  return (
    `SELECT src, ord, id, created, rep, booked_by, source, client, targeted, amount, currency, margin,\n` +
    `  CASE WHEN ${keep} THEN d_status ${won ? `${won}'won' ` : ""}WHEN lost_last IS NOT NULL THEN 'lost' ELSE 'open' END AS status,\n` +
    `  CASE WHEN ${keep} THEN d_closed ${won ? `${won}COALESCE(${stageCol(SW)}, d_closed) ` : ""}WHEN lost_last IS NOT NULL THEN lost_last ELSE d_closed END AS closed,\n` +
    `  reached${S.map((k) => `, ${stageCol(k)}`).join("")}\nFROM (\n${inner}\n) AS t`
  );
}

/** CTEs and the SELECT of one row per deal, stage dates as s0, s1, … (no deals: no rows). */
export function dealsQuery(e: Emit): { ctes: string[]; select: string } {
  const { src, q, n } = e;
  const T = q.types;
  if (!src.deals && !src.stageLog) {
    const nul = (t: string) => `CAST(NULL AS ${t})`;
    const select =
      `SELECT 0 AS src, 0 AS ord, ${nul(T.text)} AS id, ${nul(T.timestamp)} AS created, '' AS rep, '' AS booked_by, '' AS source, '' AS client, ${nul(T.bool)} AS targeted, ${nul(T.number)} AS amount, ${nul(T.text)} AS currency, ${nul(T.number)} AS margin, 'open' AS status, ${nul(T.timestamp)} AS closed, 0 AS reached` +
      range(n)
        .map((k) => `, ${nul(T.timestamp)} AS ${stageCol(k)}`)
        .join("") +
      " LIMIT 0";
    return { ctes: [], select };
  }
  const ctes = [
    ...(src.deals ? allDealsCtes(e, [src.deals, ...src.moreDeals]) : []),
    ...(src.stageLog ? logCtes(e, src.stageLog) : []),
  ];
  return { ctes, select: mergedSelect(e) };
}
