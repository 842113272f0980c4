/** A stage log: parsed once (pass 1), then merged into the deals (pass 2). */
import { MS_PER_DAY } from "../../core/calendar";
import { precedenceOrder } from "../../core/metrics/stageOrder";
import { cellText, isBlank, nameKey, parseNumber } from "../../core/values";
import { isWonStageName, statusOf } from "../headers";
import { knownPipelineOf } from "../pipelines";
import type { Deal } from "../types";
import { type DealStore, newDeal } from "./deals";
import { IdIndex, SharedTexts } from "./ids";
import { col, dateOf, type Issues, type Layout, rowBlank } from "./layout";
import { lookupStage, type StageTable } from "./stages";

// Stage log, pass 1 (parse) — kept for pass 2 so 1M rows are parsed once

export interface ParsedLog {
  l: Layout;
  /** Row of index 0 in `deal`, `stage` and `date` (one index per row after the header). */
  firstRow: number;
  ids: string[];
  /** Per row: local deal index, -1 for a row kept out (an issue or blank). */
  deal: Int32Array;
  /** Per row: local stage index. */
  stage: Int32Array;
  date: Float64Array;
  stageNames: string[];
  /** Stage names in the inferred order (the "lost" ones left out). */
  order: string[];
  lostStage: Set<number>;
  /** Per deal: first rep and source, last amount (NaN: none). */
  rep: string[];
  source: string[];
  amount: number[];
}

/** Deals whose entries vote on the stage order (the first ones in the log). */
const ORDER_SAMPLE_DEALS = 20_000;

const REP_BLANK = 1;
const SOURCE_BLANK = 2;

export function parseStageLog(l: Layout, tz: string, issues: Issues): ParsedLog {
  const values = l.tab.values;
  const cId = col(l, "id");
  const cStage = col(l, "stage");
  const cDate = col(l, "date");
  const firstRow = l.m.headerRow + 1;
  const total = Math.max(0, values.length - firstRow);
  const deal = new Int32Array(total).fill(-1);
  const stage = new Int32Array(total);
  const date = new Float64Array(total);
  const idIndex = new IdIndex();
  const ids = idIndex.ids;
  const stageIndex = new Map<string, number>();
  const stageNames: string[] = [];
  const lostStage = new Set<number>();
  const opts = { timeZone: tz };
  let lastId = "";
  let lastDi = -1;
  const cRep = col(l, "rep");
  const cSource = col(l, "source");
  const cAmount = col(l, "amount");
  const rep: string[] = [];
  const source: string[] = [];
  const amount: number[] = [];
  // Per deal (ids ≤ rows): REP_BLANK | SOURCE_BLANK, so most rows read one byte instead of the
  // deal's rep and source.
  const blank = new Uint8Array(total);
  const texts = new SharedTexts();
  for (let r = firstRow; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const idv = row[cId];
    const id = typeof idv === "string" ? idv.trim() : cellText(idv);
    if (id === "") {
      if (!rowBlank(row)) issues.add(l, r, cId, "missingId", idv);
      continue;
    }
    const sv = row[cStage];
    if (issues.missing(l, r, cStage, sv)) continue;
    const dv = row[cDate];
    const d = issues.required(l, r, cDate, dv, dateOf(dv, opts), "badDate");
    if (d === null) continue;
    const sk = typeof sv === "string" ? sv : cellText(sv);
    let si = stageIndex.get(sk);
    if (si === undefined) {
      const key = nameKey(sk);
      si = stageIndex.get(`\u0000${key}`);
      if (si === undefined) {
        si = stageNames.length;
        stageNames.push(cellText(sk));
        stageIndex.set(`\u0000${key}`, si);
        if (statusOf(sk) === "lost") lostStage.add(si);
      }
      stageIndex.set(sk, si);
    }
    const known = ids.length;
    const di = id === lastId ? lastDi : idIndex.indexOf(id);
    if (di === known) {
      rep.push("");
      source.push("");
      amount.push(Number.NaN);
      blank[di] = (cRep >= 0 ? REP_BLANK : 0) | (cSource >= 0 ? SOURCE_BLANK : 0);
    }
    lastId = id;
    lastDi = di;
    let b = blank[di] ?? 0;
    if (b !== 0) {
      if (b & REP_BLANK) {
        const text = texts.of(cellText(row[cRep]));
        rep[di] = text;
        if (text !== "") b &= ~REP_BLANK;
      }
      if (b & SOURCE_BLANK) {
        const text = texts.of(cellText(row[cSource]));
        source[di] = text;
        if (text !== "") b &= ~SOURCE_BLANK;
      }
      blank[di] = b;
    }
    if (cAmount >= 0) {
      const v = row[cAmount];
      if (v !== "" && !isBlank(v)) {
        const a = parseNumber(v);
        if (a === null) issues.add(l, r, cAmount, "badNumber", v);
        else amount[di] = a;
      }
    }
    const i = r - firstRow;
    deal[i] = di;
    stage[i] = si;
    date[i] = d;
  }
  // Infer the order: a known CRM pipeline that names every stage orders them; else precedence
  // votes of the deals (which stage each entered first), over a sample of deals, which is plenty
  // for an order and keeps 1M-row logs fast; won statuses last.
  const first = infinities(ids.length);
  // Typed-array reads past the end (never, i < total) would be undefined: -1 keeps the row out.
  for (let i = 0; i < total; i++) {
    const di = deal[i] ?? -1;
    const t = date[i] ?? 0;
    if (di >= 0 && t < (first[di] ?? t)) first[di] = t;
  }
  const sum = new Float64Array(stageNames.length);
  const cnt = new Float64Array(stageNames.length);
  const sampled = new Map<number, Map<number, number>>();
  for (let i = 0; i < total; i++) {
    const di = deal[i] ?? -1;
    if (di < 0) continue;
    const s = stage[i] ?? 0;
    const t = date[i] ?? 0;
    sum[s] = (sum[s] ?? 0) + (t - (first[di] ?? t)) / MS_PER_DAY;
    cnt[s] = (cnt[s] ?? 0) + 1;
    if (di >= ORDER_SAMPLE_DEALS || lostStage.has(s)) continue;
    let entries = sampled.get(di);
    if (!entries) {
      entries = new Map();
      sampled.set(di, entries);
    }
    const at = entries.get(s);
    if (at === undefined || t < at) entries.set(s, t);
  }
  const mean = Array.from(stageNames, (_, i) => {
    const c = cnt[i] ?? 0;
    return c > 0 ? (sum[i] ?? 0) / c : 0;
  });
  const rank = new Int32Array(stageNames.length);
  precedenceOrder(stageNames.length, sampled.values(), mean).forEach((s, r) => {
    rank[s] = r;
  });
  const open = stageNames.filter((n, i) => !lostStage.has(i) && statusOf(n) !== "won");
  const pipeline = knownPipelineOf(open);
  const known = pipeline && open.every((n) => pipeline.position(n) !== null) ? pipeline : null;
  const order = stageNames
    .map((name, i) => ({
      name,
      i,
      at: known?.position(name) ?? null,
      won: statusOf(name) === "won" || isWonStageName(name) ? 1 : 0,
    }))
    .filter((x) => !lostStage.has(x.i))
    .sort(
      (a, b) =>
        a.won - b.won ||
        (a.at !== null && b.at !== null ? a.at - b.at : (rank[a.i] ?? 0) - (rank[b.i] ?? 0)) ||
        a.i - b.i,
    )
    .map((x) => x.name);
  return { l, firstRow, ids, deal, stage, date, stageNames, order, lostStage, rep, source, amount };
}

/**
 * `size` times +∞ as a plain array of doubles: V8 keeps it unboxed and contiguous like a
 * Float64Array, but on the heap, where it does not count towards the typed-array memory that
 * forces full GCs (see mergeStageLog). Past 16M entries a Float64Array: `new Array(n)` gets very
 * slow in V8 beyond 32M.
 */
function infinities(size: number): number[] | Float64Array {
  return size <= 1 << 24
    ? new Array<number>(size).fill(Number.POSITIVE_INFINITY)
    : new Float64Array(size).fill(Number.POSITIVE_INFINITY);
}

/** Dates of a log's "lost" rows per deal: the last (when it was lost) and the first. */
interface LostRows {
  last: Float64Array;
  first: Float64Array;
}

export function mergeStageLog(
  p: ParsedLog,
  st: StageTable,
  store: DealStore,
  issues: Issues,
  strictStages: boolean,
  /** More tabs will look deals up by id after this one. */
  indexNeeded: boolean,
): void {
  const l = p.l;
  const n = st.names.length;
  const nIds = p.ids.length;
  const cStage = col(l, "stage");
  const local = Int32Array.from(p.stageNames.map((s) => lookupStage(st, s)));
  const isLost = new Uint8Array(p.stageNames.length);
  for (const s of p.lostStage) isLost[s] = 1;
  const fresh = store.byId.size === 0;
  // Typed arrays live outside the JS heap, and V8 starts a full GC (≈ 0.3 s with 1M raw rows
  // alive) once they have grown by 64 MB since the last one: only what this log needs is
  // allocated, and the largest array below lives on the heap.
  const lost: LostRows | null =
    p.lostStage.size > 0
      ? {
          last: new Float64Array(nIds).fill(Number.NaN),
          first: new Float64Array(nIds).fill(Number.POSITIVE_INFINITY),
        }
      : null;
  // The row loop only gathers the earliest date per deal and stage (+∞: none; dates are finite),
  // n slots per deal: a write into one contiguous array instead of into scattered Deal objects.
  // The Deals are made afterwards, in one pass.
  const earliest = infinities(nIds * n);
  // Whether a deal has a counted row yet; the rows that make deals join the model (each deal's
  // first counted row), in order.
  const counted = new Uint8Array(nIds);
  const joins: number[] = [];
  // Typed-array reads below are in bounds (i < rows, di < ids, s < stage names); the `??`
  // defaults only satisfy the types: -1 keeps a row out, NaN and +∞ mean "no date".
  for (let i = 0; i < p.deal.length; i++) {
    const di = p.deal[i] ?? -1;
    if (di < 0) continue;
    const s = p.stage[i] ?? 0;
    const when = p.date[i] ?? Number.NaN;
    const lostStage = isLost[s] === 1;
    if (lostStage && lost) {
      const last = lost.last[di] ?? Number.NaN;
      if (Number.isNaN(last) || when > last) lost.last[di] = when;
      if (when < (lost.first[di] ?? Number.POSITIVE_INFINITY)) lost.first[di] = when;
    }
    const k = local[s] ?? -1;
    if (k < 0 && !lostStage) {
      const r = p.firstRow + i;
      // The cell; once the raw rows are gone (BuildOptions.releaseRows), the stage's first spelling.
      const cell = l.tab.values[r]?.[cStage] ?? p.stageNames[s];
      if (strictStages || n > 0) issues.add(l, r, cStage, "unknownStage", cell);
      continue;
    }
    if (counted[di] === 0) {
      counted[di] = 1;
      joins.push(i);
    }
    if (k >= 0 && when < (earliest[di * n + k] ?? Number.POSITIVE_INFINITY))
      earliest[di * n + k] = when;
  }
  // Deals with counted rows (one whose rows are all "lost" too).
  for (const i of joins) {
    const di = p.deal[i] ?? -1;
    const id = p.ids[di];
    // A joined row has its deal (the loop above skipped the others).
    if (id === undefined) continue;
    const at = di * n;
    let d = fresh ? undefined : store.byId.get(id);
    const fromLog = d === undefined;
    if (d === undefined) {
      const stageDates: (number | null)[] = new Array(n);
      let reached = -1;
      let created = (lost ? lost.first[di] : undefined) ?? Number.POSITIVE_INFINITY;
      let createdStage = -1;
      for (let k = 0; k < n; k++) {
        const x = earliest[at + k] ?? Number.POSITIVE_INFINITY;
        if (x === Number.POSITIVE_INFINITY) stageDates[k] = null;
        else {
          stageDates[k] = x;
          reached = k;
          if (x < created) {
            created = x;
            createdStage = k;
          }
        }
      }
      d = newDeal(id, stageDates, l.tab.name, p.firstRow + i + 1);
      // The same number read back from stageDates: V8 shares its heap box (one allocation less).
      d.created = (createdStage >= 0 ? stageDates[createdStage] : null) ?? created;
      // A deal whose rows are all "lost" still entered the funnel: it counts at the top stage,
      // as every row of a deals table does (the new-leads count includes it too).
      d.reached = reached < 0 && n > 0 ? 0 : reached;
      store.deals.push(d);
      if (!fresh || indexNeeded) store.byId.set(id, d);
    } else {
      for (let k = 0; k < n; k++) {
        const x = earliest[at + k] ?? Number.POSITIVE_INFINITY;
        if (x === Number.POSITIVE_INFINITY) continue;
        const prev = d.stageDates[k] ?? null;
        if (prev === null || x < prev) d.stageDates[k] = x;
        if (k > d.reached) d.reached = k;
      }
    }
    completeFromLog(d, p, di, st, fromLog, (lost ? lost.last[di] : undefined) ?? Number.NaN);
  }
  // Ids with no counted row (all their stages unknown) only complete deals already in the model.
  if (fresh) return;
  p.ids.forEach((id, di) => {
    if (counted[di] === 1) return;
    const d = store.byId.get(id);
    if (d) completeFromLog(d, p, di, st, false, Number.NaN);
  });
}

/** The log's rep, source and amount where the deal has none; won or lost from the log. */
function completeFromLog(
  d: Deal,
  p: ParsedLog,
  di: number,
  st: StageTable,
  fromLog: boolean,
  lostAt: number,
): void {
  if (d.rep === "") d.rep = p.rep[di] ?? "";
  if (d.source === "") d.source = p.source[di] ?? "";
  const amount = p.amount[di] ?? Number.NaN;
  if (d.amount === null && !Number.isNaN(amount)) d.amount = amount;
  if (!fromLog && d.status !== "open") return;
  if (st.won >= 0 && d.reached === st.won) {
    d.status = "won";
    d.closed = d.stageDates[st.won] ?? d.closed;
  } else if (!Number.isNaN(lostAt)) {
    d.status = "lost";
    d.closed = lostAt;
  }
}
