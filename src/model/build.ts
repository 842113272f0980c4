/**
 * Raw tabs → one model (SPEC §3). Every tab is read with its mapping (the user's, or the one
 * detection gives); unreadable rows and cells are kept out and listed as DataIssues.
 * Linear in the number of rows: ids go through a hash index, stages through Maps, dates through
 * the cached core helpers.
 */
import { isValidTimeZone, MS_PER_DAY } from "../core/calendar";
import {
  cellText,
  isBlank,
  isDate,
  isMarked,
  nameKey,
  parseDate,
  parseDurationSeconds,
  parseNumber,
  wallFromFields,
} from "../core/values";
import { detectTab, isOwnSheetName, isSettingsTab, type TabDetection } from "./detect";
import { directionOf, headerKey, isWonStageName, ladderRank, statusOf, yesNo } from "./headers";
import {
  cleanMapping,
  emptyMapping,
  type TabMapping,
  tabMappingFromDetection,
  type WorkbookMapping,
} from "./mapping";
import type {
  Call,
  DataIssue,
  DataIssueReason,
  Deal,
  Grade,
  Model,
  PlanEntry,
  RawTab,
  TimeEntry,
} from "./types";

export interface BuildOptions {
  /** The spreadsheet's time zone ("UTC" offline). */
  timeZone: string;
  /** The stored / corrected mapping; tabs it does not name are detected. */
  mapping?: WorkbookMapping | null;
}

export interface BuildResult {
  model: Model;
  /** The mapping used: the given one plus detections for the tabs it did not name, and the stages. */
  mapping: WorkbookMapping;
  detections: TabDetection[];
}

interface Layout {
  tab: RawTab;
  m: TabMapping;
  headers: string[];
}

class Issues {
  list: DataIssue[] = [];
  add(
    l: Layout,
    r: number,
    c: number,
    reason: DataIssueReason,
    value: unknown,
    detail?: string,
  ): void {
    const issue: DataIssue = {
      tab: l.tab.name,
      row: r + 1,
      column: c >= 0 ? c + 1 : 0,
      header: c >= 0 ? (l.headers[c] ?? "") : "",
      value: value === undefined ? "" : cellText(value).slice(0, 200),
      reason,
    };
    if (detail) issue.detail = detail;
    this.list.push(issue);
  }
}

function col(l: Layout, key: string): number {
  const c = l.m.columns[key];
  return typeof c === "number" && c >= 0 ? c : -1;
}

function rowBlank(row: unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

const looksLikeDate = /\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/;

/** parseDate with a fast path for this realm's Dates in UTC (the 1M-row case). */
function dateOf(v: unknown, opts: { timeZone: string }): number | null {
  if (v instanceof Date && opts.timeZone === "UTC") {
    const t = v.getTime();
    return Number.isNaN(t) ? null : t;
  }
  return parseDate(v, opts);
}

// ---------------------------------------------------------------------------------------------
// Stages

interface StageTable {
  names: string[];
  index: Map<string, number>;
  /** Index of the last stage when it is the sale (won statuses reach it), else -1. */
  won: number;
}

function stageTable(names: string[]): StageTable {
  const index = new Map<string, number>();
  const out: string[] = [];
  for (const n of names) {
    const k = nameKey(n);
    if (k === "" || index.has(k)) continue;
    index.set(k, out.length);
    out.push(n.trim());
  }
  const last = out.length - 1;
  return { names: out, index, won: last >= 0 && isWonStageName(out[last]) ? last : -1 };
}

function lookupStage(t: StageTable, v: unknown): number {
  const k = nameKey(v);
  const i = t.index.get(k);
  if (i !== undefined) return i;
  if (t.won >= 0 && statusOf(v) === "won") return t.won;
  return -1;
}

/** Merges ordered stage lists: names missing from the result go right after their predecessor. */
function mergeStageLists(lists: string[][]): string[] {
  const out: string[] = [];
  const keys: string[] = [];
  for (const list of lists) {
    let prev = -1;
    for (const name of list) {
      const k = nameKey(name);
      if (k === "") continue;
      let at = keys.indexOf(k);
      if (at < 0 && statusOf(name) === "won" && out.length && isWonStageName(out[out.length - 1]))
        at = out.length - 1;
      if (at >= 0) {
        prev = at;
        continue;
      }
      const pos = prev + 1;
      out.splice(pos, 0, name.trim());
      keys.splice(pos, 0, k);
      prev = pos;
    }
  }
  return out;
}

/** Stage names of a deals tab with stage columns, in order. */
function columnStages(m: TabMapping): string[] {
  const out: string[] = [];
  if (m.entryStage) out.push(m.entryStage);
  for (const s of m.stageColumns ?? []) out.push(s.stage);
  if (m.wonStage) out.push(m.wonStage);
  return out;
}

/** Current-stage values of a deals tab without stage columns, ordered by the usual ladder. */
function currentStageValues(l: Layout): string[] {
  const c = col(l, "stage");
  if (c < 0) return [];
  const seen = new Map<string, { name: string; first: number; rank: number }>();
  let wonName = "";
  const values = l.tab.values;
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const v = row[c];
    if (isBlank(v)) continue;
    const st = statusOf(v);
    if (st === "lost") continue;
    if (st === "won") {
      if (!wonName) wonName = cellText(v);
      continue;
    }
    const k = nameKey(v);
    if (!seen.has(k)) seen.set(k, { name: cellText(v), first: seen.size, rank: ladderRank(v) });
  }
  const list = [...seen.values()].sort(
    (a, b) => (a.rank < 0 ? 99 : a.rank) - (b.rank < 0 ? 99 : b.rank) || a.first - b.first,
  );
  const names = list.map((x) => x.name);
  if (wonName && !(names.length && isWonStageName(names[names.length - 1]))) names.push(wonName);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Stage log, pass 1 (parse) — kept for pass 2 so 1M rows are parsed once

interface ParsedLog {
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

/**
 * One string per distinct text, for columns with few values (reps, sources): a deal then points
 * at a shared string instead of its own row's cell, so the report's passes over the deals read a
 * few strings that stay in cache rather than one scattered string per deal. Past `limit`
 * distinct values (a column that is not what it seems) texts are kept as they are.
 */
class SharedTexts {
  private byText = new Map<string, string>();
  constructor(private readonly limit = 10_000) {}
  of(text: string): string {
    const shared = this.byText.get(text);
    if (shared !== undefined) return shared;
    if (this.byText.size < this.limit) this.byText.set(text, text);
    return text;
  }
}

/**
 * Deal id → index in order of first appearance. A Map<string, number> does the same, but at 1M
 * rows and ~450k ids its lookups were most of the parse (each one misses the cache through
 * bucket, chain entry and key string). Open addressing over one Int32Array of (hash, index + 1)
 * pairs costs a miss less, and other ids are told apart by hash without reading their strings.
 */
class IdIndex {
  readonly ids: string[] = [];
  private mask = 1023;
  private slots = new Int32Array(2 * 1024);

  /** The index of `id`; a new id gets the next one (`ids.length` before the call). */
  indexOf(id: string): number {
    const h = hashText(id);
    const slots = this.slots;
    let s = h & this.mask;
    for (;;) {
      const e = slots[2 * s + 1];
      if (e === 0) break;
      if (slots[2 * s] === h && this.ids[e - 1] === id) return e - 1;
      s = (s + 1) & this.mask;
    }
    const index = this.ids.length;
    this.ids.push(id);
    slots[2 * s] = h;
    slots[2 * s + 1] = index + 1;
    // At most half full; growing 4× at a time keeps the discarded tables small.
    if (2 * this.ids.length > this.mask) this.grow(4 * (this.mask + 1));
    return index;
  }

  private grow(size: number): void {
    const old = this.slots;
    const mask = size - 1;
    const slots = new Int32Array(2 * size);
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue;
      let s = old[o] & mask;
      while (slots[2 * s + 1] !== 0) s = (s + 1) & mask;
      slots[2 * s] = old[o];
      slots[2 * s + 1] = old[o + 1];
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** 32-bit FNV-1a over the UTF-16 code units, with a final mix so the low bits spread. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** Bits per deal while a stage log is parsed: the first rep or source is still to be found. */
const REP_BLANK = 1;
const SOURCE_BLANK = 2;

function parseStageLog(l: Layout, tz: string, issues: Issues): ParsedLog {
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
    if (isBlank(sv)) {
      issues.add(l, r, cStage, "missingRequired", sv);
      continue;
    }
    const dv = row[cDate];
    const d = dateOf(dv, opts);
    if (d === null) {
      issues.add(l, r, cDate, isBlank(dv) ? "missingRequired" : "badDate", dv);
      continue;
    }
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
    if (blank[di] !== 0) {
      if (blank[di] & REP_BLANK) {
        rep[di] = texts.of(cellText(row[cRep]));
        if (rep[di] !== "") blank[di] &= ~REP_BLANK;
      }
      if (blank[di] & SOURCE_BLANK) {
        source[di] = texts.of(cellText(row[cSource]));
        if (source[di] !== "") blank[di] &= ~SOURCE_BLANK;
      }
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
  // Infer the order: mean time since the deal's first entry, per stage; won statuses last.
  const first = infinities(ids.length);
  for (let i = 0; i < total; i++) {
    const di = deal[i];
    if (di >= 0 && date[i] < first[di]) first[di] = date[i];
  }
  const sum = new Float64Array(stageNames.length);
  const cnt = new Float64Array(stageNames.length);
  for (let i = 0; i < total; i++) {
    const di = deal[i];
    if (di < 0) continue;
    sum[stage[i]] += (date[i] - first[di]) / MS_PER_DAY;
    cnt[stage[i]]++;
  }
  const order = stageNames
    .map((name, i) => ({
      name,
      i,
      mean: cnt[i] ? sum[i] / cnt[i] : 0,
      won: statusOf(name) === "won" || isWonStageName(name) ? 1 : 0,
    }))
    .filter((x) => !lostStage.has(x.i))
    .sort((a, b) => a.won - b.won || a.mean - b.mean || a.i - b.i)
    .map((x) => x.name);
  return { l, firstRow, ids, deal, stage, date, stageNames, order, lostStage, rep, source, amount };
}

// ---------------------------------------------------------------------------------------------
// Deals

interface DealStore {
  deals: Deal[];
  byId: Map<string, Deal>;
}

function noStageDates(n: number): (number | null)[] {
  const stageDates: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) stageDates[i] = null;
  return stageDates;
}

function newDeal(
  id: string,
  stageDates: (number | null)[],
  originTab: string,
  originRow: number,
): Deal {
  return {
    id,
    rep: "",
    source: "",
    client: "",
    created: null,
    reached: -1,
    stageDates,
    status: "open",
    closed: null,
    amount: null,
    margin: null,
    targeted: null,
    originTab,
    originRow,
  };
}

function readDealsTab(
  l: Layout,
  st: StageTable,
  tz: string,
  store: DealStore,
  issues: Issues,
): void {
  const values = l.tab.values;
  const n = st.names.length;
  const cId = col(l, "id");
  const cCreated = col(l, "created");
  const cRep = col(l, "rep");
  const cSource = col(l, "source");
  const cClient = col(l, "client");
  const cStage = col(l, "stage");
  const cClosed = col(l, "closed");
  const cAmount = col(l, "amount");
  const cCost = col(l, "cost");
  const cMargin = col(l, "margin");
  const cTargeted = col(l, "targeted");
  const stageCols = (l.m.stageColumns ?? []).map((s) => ({
    c: s.column,
    k: lookupStage(st, s.stage),
  }));
  const hasColumns = stageCols.length > 0 || !!l.m.entryStage;
  const entry = l.m.entryStage ? lookupStage(st, l.m.entryStage) : -1;
  const wonIdx = l.m.wonStage ? lookupStage(st, l.m.wonStage) : st.won;
  const lastIsWon = st.won >= 0;
  const seen = new Set<string>();
  const dateOpts = { timeZone: tz };
  const num = (row: unknown[], r: number, c: number): number | null => {
    if (c < 0) return null;
    const v = row[c];
    if (isBlank(v)) return null;
    const x = parseNumber(v);
    if (x === null) issues.add(l, r, c, "badNumber", v);
    return x;
  };
  const dt = (row: unknown[], r: number, c: number): number | null => {
    if (c < 0) return null;
    const v = row[c];
    if (isBlank(v)) return null;
    const x = parseDate(v, dateOpts);
    if (x === null) issues.add(l, r, c, "badDate", v);
    return x;
  };
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const idv = cId >= 0 ? row[cId] : undefined;
    const id = cellText(idv);
    if (id === "") {
      issues.add(l, r, cId, "missingId", idv);
      continue;
    }
    if (seen.has(id) || store.byId.has(id)) {
      issues.add(l, r, cId, "duplicate", idv);
      continue;
    }
    seen.add(id);
    const d = newDeal(id, noStageDates(n), l.tab.name, r + 1);
    if (cRep >= 0) d.rep = cellText(row[cRep]);
    if (cSource >= 0) d.source = cellText(row[cSource]);
    if (cClient >= 0) d.client = cellText(row[cClient]);
    d.created = dt(row, r, cCreated);
    if (entry >= 0) {
      d.reached = entry;
      d.stageDates[entry] = d.created;
    }
    for (const s of stageCols) {
      const v = row[s.c];
      if (!isMarked(v)) continue;
      if (s.k < 0) continue;
      let when: number | null = null;
      if (isDate(v) || (typeof v === "string" && looksLikeDate.test(v))) {
        when = parseDate(v, dateOpts);
        if (when === null) {
          issues.add(l, r, s.c, "badDate", v);
          continue;
        }
      } else if (yesNo(v) === false) continue;
      if (s.c === cClosed) d.closed = when;
      if (s.k > d.reached) d.reached = s.k;
      d.stageDates[s.k] = when;
    }
    if (cClosed >= 0 && d.closed === null && !stageCols.some((s) => s.c === cClosed))
      d.closed = dt(row, r, cClosed);
    // Status or current stage.
    let status: "won" | "lost" | null = null;
    if (cStage >= 0) {
      const v = row[cStage];
      if (!isBlank(v)) {
        status = statusOf(v);
        if (status === null) {
          const k = lookupStage(st, v);
          if (k >= 0) {
            if (k > d.reached) d.reached = k;
          } else if (!hasColumns) {
            issues.add(l, r, cStage, "unknownStage", v);
          }
        }
      }
    }
    // Dates in order (a close date before the created date is its own reason).
    let prev = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      const x = d.stageDates[k];
      if (x === null) continue;
      if (x < prev) {
        const sc = stageCols.find((s) => s.k === k);
        const c = sc ? sc.c : -1;
        const why =
          c >= 0 && c === cClosed && d.created !== null && x < d.created
            ? "closeBeforeCreate"
            : "stageOutOfOrder";
        issues.add(l, r, c, why, sc ? row[sc.c] : "", st.names[k]);
        d.stageDates[k] = null;
        if (d.closed === x) d.closed = null;
        continue;
      }
      prev = x;
    }
    if (d.created !== null && d.closed !== null && d.closed < d.created) {
      issues.add(l, r, cClosed, "closeBeforeCreate", cClosed >= 0 ? row[cClosed] : "");
      d.closed = null;
    }
    if (status === "won") {
      d.status = "won";
      if (wonIdx >= 0) {
        d.reached = Math.max(d.reached, wonIdx);
        if (d.stageDates[wonIdx] === null) d.stageDates[wonIdx] = d.closed;
      }
    } else if (status === "lost") {
      d.status = "lost";
      if (d.reached < 0 && n > 0 && !hasColumns) d.reached = 0;
    } else if (lastIsWon && d.reached === st.won) {
      d.status = "won";
    }
    if (d.reached < 0 && n > 0 && !hasColumns && cStage < 0) d.reached = 0;
    if (d.status === "won" && d.closed === null && d.reached >= 0)
      d.closed = d.stageDates[d.reached];
    d.amount = num(row, r, cAmount);
    const cost = num(row, r, cCost);
    if (cMargin >= 0) {
      const mv = row[cMargin];
      const m = num(row, r, cMargin);
      if (m !== null)
        d.margin =
          typeof mv === "string" && mv.trim().endsWith("%")
            ? d.amount !== null
              ? d.amount * m
              : null
            : m;
    } else if (cost !== null && d.amount !== null) d.margin = d.amount - cost;
    if (cTargeted >= 0) {
      const v = row[cTargeted];
      if (!isBlank(v)) {
        const t = yesNo(v);
        if (t === null) {
          const s = nameKey(v);
          if (/^(?:не|not|non|ні)/.test(s)) d.targeted = false;
          else if (/^(?:цел|target|ціл)/.test(s)) d.targeted = true;
          else issues.add(l, r, cTargeted, "other", v, "yes/no");
        } else d.targeted = t;
      }
    }
    store.deals.push(d);
    store.byId.set(id, d);
  }
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

function mergeStageLog(
  p: ParsedLog,
  st: StageTable,
  store: DealStore,
  issues: Issues,
  strictStages: boolean,
  /** More tabs will look deals up by id after this one. */
  indexNeeded: boolean,
): void {
  const l = p.l;
  const values = l.tab.values;
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
  for (let i = 0; i < p.deal.length; i++) {
    const di = p.deal[i];
    if (di < 0) continue;
    const s = p.stage[i];
    const when = p.date[i];
    if (isLost[s] && lost) {
      if (Number.isNaN(lost.last[di]) || when > lost.last[di]) lost.last[di] = when;
      if (when < lost.first[di]) lost.first[di] = when;
    }
    const k = local[s];
    if (k < 0 && !isLost[s]) {
      const r = p.firstRow + i;
      if (strictStages || n > 0) issues.add(l, r, cStage, "unknownStage", values[r][cStage]);
      continue;
    }
    if (counted[di] === 0) {
      counted[di] = 1;
      joins.push(i);
    }
    if (k >= 0 && when < earliest[di * n + k]) earliest[di * n + k] = when;
  }
  // Deals with counted rows (one whose rows are all "lost" too).
  for (const i of joins) {
    const di = p.deal[i];
    const at = di * n;
    const id = p.ids[di];
    let d = fresh ? undefined : store.byId.get(id);
    const fromLog = d === undefined;
    if (d === undefined) {
      const stageDates: (number | null)[] = new Array(n);
      let reached = -1;
      let created = lost ? lost.first[di] : Number.POSITIVE_INFINITY;
      let createdStage = -1;
      for (let k = 0; k < n; k++) {
        const x = earliest[at + k];
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
      d.created = createdStage >= 0 ? stageDates[createdStage] : created;
      // A deal whose rows are all "lost" still entered the funnel: it counts at the top stage,
      // as every row of a deals table does (the new-leads count includes it too).
      d.reached = reached < 0 && n > 0 ? 0 : reached;
      store.deals.push(d);
      if (!fresh || indexNeeded) store.byId.set(id, d);
    } else {
      for (let k = 0; k < n; k++) {
        const x = earliest[at + k];
        if (x === Number.POSITIVE_INFINITY) continue;
        const prev = d.stageDates[k];
        if (prev === null || x < prev) d.stageDates[k] = x;
        if (k > d.reached) d.reached = k;
      }
    }
    completeFromLog(d, p, di, st, fromLog, lost ? lost.last[di] : Number.NaN);
  }
  // Ids with no counted row (all their stages unknown) only complete deals already in the model.
  if (fresh) return;
  for (let di = 0; di < nIds; di++) {
    if (counted[di] === 1) continue;
    const d = store.byId.get(p.ids[di]);
    if (d) completeFromLog(d, p, di, st, false, Number.NaN);
  }
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
  if (d.rep === "") d.rep = p.rep[di];
  if (d.source === "") d.source = p.source[di];
  if (d.amount === null && !Number.isNaN(p.amount[di])) d.amount = p.amount[di];
  if (!fromLog && d.status !== "open") return;
  if (st.won >= 0 && d.reached === st.won) {
    d.status = "won";
    d.closed = d.stageDates[st.won] ?? d.closed;
  } else if (!Number.isNaN(lostAt)) {
    d.status = "lost";
    d.closed = lostAt;
  }
}

// ---------------------------------------------------------------------------------------------
// Calls, time log, plan, checklist

function readCalls(l: Layout, tz: string, out: Call[], issues: Issues): void {
  const values = l.tab.values;
  const cDate = col(l, "date");
  const cRep = col(l, "rep");
  const cDur = col(l, "duration");
  const cDir = col(l, "direction");
  const cRes = col(l, "result");
  const cDeal = col(l, "dealId");
  const cSrc = col(l, "source");
  const opts = { timeZone: tz };
  const directions = new Map<unknown, "in" | "out" | null>();
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const dv = row[cDate];
    const at = dateOf(dv, opts);
    if (at === null) {
      if (!rowBlank(row)) issues.add(l, r, cDate, isBlank(dv) ? "missingRequired" : "badDate", dv);
      continue;
    }
    const rv = row[cRep];
    const rep = typeof rv === "string" ? rv.trim() : cellText(rv);
    if (rep === "") {
      issues.add(l, r, cRep, "missingRequired", rv);
      continue;
    }
    let durationSec: number | null = null;
    if (cDur >= 0) {
      const v = row[cDur];
      if (typeof v === "number" && v >= 0 && Number.isFinite(v)) durationSec = v;
      else if (!isBlank(v)) {
        const s = parseDurationSeconds(v, tz);
        if (s === null) issues.add(l, r, cDur, "badDuration", v);
        else if (s < 0) issues.add(l, r, cDur, "negativeDuration", v);
        else durationSec = s;
      }
    }
    let direction: "in" | "out" | null = null;
    if (cDir >= 0) {
      const v = row[cDir];
      const known = directions.get(v);
      if (known !== undefined) direction = known;
      else {
        direction = directionOf(v);
        if (directions.size < 1000) directions.set(v, direction);
      }
    }
    out.push({
      at,
      rep,
      durationSec,
      direction,
      result: cRes >= 0 ? cellText(row[cRes]) : "",
      dealId: cDeal >= 0 ? cellText(row[cDeal]) : "",
      source: cSrc >= 0 ? cellText(row[cSrc]) : "",
    });
  }
}

const HOURS_MINUTES = /^(\d+):(\d{2})$/;

function readTimeLog(l: Layout, tz: string, out: TimeEntry[], issues: Issues): void {
  const values = l.tab.values;
  const cRep = col(l, "rep");
  const cDate = col(l, "date");
  const cCat = col(l, "category");
  const cMin = col(l, "minutes");
  const cHours = col(l, "hours");
  const cDur = col(l, "duration");
  const cTime = cMin >= 0 ? cMin : cHours >= 0 ? cHours : cDur;
  const opts = { timeZone: tz };
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const rep = cellText(row[cRep]);
    if (rep === "") {
      issues.add(l, r, cRep, "missingRequired", row[cRep]);
      continue;
    }
    const dv = row[cDate];
    const date = parseDate(dv, opts);
    if (date === null) {
      issues.add(l, r, cDate, isBlank(dv) ? "missingRequired" : "badDate", dv);
      continue;
    }
    const category = cellText(row[cCat]);
    if (category === "") {
      issues.add(l, r, cCat, "missingRequired", row[cCat]);
      continue;
    }
    if (cTime < 0) continue;
    const v = row[cTime];
    let minutes: number | null = null;
    if (typeof v === "string" && HOURS_MINUTES.test(v.trim())) {
      const m = HOURS_MINUTES.exec(v.trim())!;
      minutes = +m[2] < 60 ? +m[1] * 60 + +m[2] : null;
    } else if (isDate(v)) {
      const s = parseDurationSeconds(v, tz);
      minutes = s === null ? null : s / 60;
    } else {
      const x = parseNumber(v);
      minutes = x === null ? null : cTime === cHours ? x * 60 : x;
    }
    if (minutes === null) {
      issues.add(l, r, cTime, isBlank(v) ? "missingRequired" : "badDuration", v);
      continue;
    }
    if (minutes < 0) {
      issues.add(l, r, cTime, "negativeDuration", v);
      continue;
    }
    out.push({ rep, date, category, minutes });
  }
}

const MONTHS: Record<string, number> = {};
(
  [
    ["jan", "январ", "янв", "січ"],
    ["feb", "феврал", "фев", "лют"],
    ["mar", "март", "мар", "берез"],
    ["apr", "апрел", "апр", "квіт"],
    ["may", "май", "мая", "трав"],
    ["jun", "июн", "черв"],
    ["jul", "июл", "лип"],
    ["aug", "август", "авг", "серп"],
    ["sep", "сентябр", "сен", "верес"],
    ["oct", "октябр", "окт", "жовт"],
    ["nov", "ноябр", "ноя", "листоп"],
    ["dec", "декабр", "дек", "груд"],
  ] as string[][]
).forEach((words, i) => {
  for (const w of words) MONTHS[w] = i + 1;
});

function monthOfWord(w: string): number | null {
  const k = w.toLowerCase().replace(/ё/g, "е");
  let best: number | null = null;
  let len = 0;
  for (const [p, m] of Object.entries(MONTHS)) {
    if (k.startsWith(p) && p.length > len) {
      best = m;
      len = p.length;
    }
  }
  return best;
}

function monthRange(y: number, m: number): [number, number] | null {
  const s = wallFromFields(y, m, 1);
  if (s === null) return null;
  return [s, m === 12 ? Date.UTC(y + 1, 0, 1) : Date.UTC(y, m, 1)];
}

/** A plan period: a month, ISO week, quarter, year, a date range, or a date (its month). */
export function parsePeriod(v: unknown, tz: string): { start: number; end: number } | null {
  if (isDate(v)) {
    const d = parseDate(v, { timeZone: tz });
    if (d === null) return null;
    const x = new Date(d);
    const r = monthRange(x.getUTCFullYear(), x.getUTCMonth() + 1);
    return r && { start: r[0], end: r[1] };
  }
  if (typeof v === "number" && Number.isInteger(v) && v >= 1900 && v <= 2200)
    return { start: Date.UTC(v, 0, 1), end: Date.UTC(v + 1, 0, 1) };
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})$/.exec(s) ?? null;
  if (m) {
    const r = monthRange(+m[1], +m[2]);
    return r && { start: r[0], end: r[1] };
  }
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) {
    const r = monthRange(+m[2], +m[1]);
    return r && { start: r[0], end: r[1] };
  }
  m = /^(\d{4})-?W(\d{1,2})$/i.exec(s);
  if (m) {
    const y = +m[1];
    const w = +m[2];
    if (w < 1 || w > 53) return null;
    const jan4 = Date.UTC(y, 0, 4) / MS_PER_DAY;
    const monday = jan4 - ((new Date(jan4 * MS_PER_DAY).getUTCDay() + 6) % 7);
    const start = (monday + (w - 1) * 7) * MS_PER_DAY;
    return { start, end: start + 7 * MS_PER_DAY };
  }
  m = /^(\d{4})[- ]?Q([1-4])$/i.exec(s) ?? /^Q([1-4])[- ]?(\d{4})$/i.exec(s);
  if (m) {
    const y = /^\d{4}$/.test(m[1]) ? +m[1] : +m[2];
    const q = /^\d{4}$/.test(m[1]) ? +m[2] : +m[1];
    return { start: Date.UTC(y, (q - 1) * 3, 1), end: Date.UTC(y, q * 3, 1) };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return { start: Date.UTC(+m[1], 0, 1), end: Date.UTC(+m[1] + 1, 0, 1) };
  const range = s.split(/\s*(?:–|—|\.\.|\s-\s|(?<=\d)-(?=\d{1,2}[./]))\s*/);
  if (range.length === 2) {
    const a = parseDate(range[0], { timeZone: tz });
    const b = parseDate(range[1], { timeZone: tz });
    if (a !== null && b !== null && b >= a) return { start: a, end: b + MS_PER_DAY };
  }
  const single = parseDate(s, { timeZone: tz });
  if (single !== null) {
    const x = new Date(single);
    const r = monthRange(x.getUTCFullYear(), x.getUTCMonth() + 1);
    return r && { start: r[0], end: r[1] };
  }
  m = /^([\p{L}]+)\.?\s+(\d{4})$/u.exec(s);
  if (m) {
    const mo = monthOfWord(m[1]);
    if (mo !== null) {
      const r = monthRange(+m[2], mo);
      return r && { start: r[0], end: r[1] };
    }
  }
  return null;
}

/** Canonical metric of a plan row, or its own text. */
export function canonicalMetric(v: unknown): string {
  const k = nameKey(v);
  const t = k.replace(/[^\p{L}\p{N}]+/gu, "");
  if (/^(?:calls60|longcalls|calls60s|звонки60|дзвінки60|звонкиот60|дзвінкивід60)/.test(t))
    return "longCalls";
  if (/^(?:call|звон|дзвін)/.test(t)) return "calls";
  if (/^(?:meeting|встреч|зустріч)/.test(t)) return "meetings";
  if (/^(?:sale|deal|won|продаж|сделк|оплат|угод)/.test(t)) return "sales";
  if (/^(?:revenue|amount|sum|выручк|сумм|оборот|виручк|сума)/.test(t)) return "revenue";
  if (/^(?:lead|лид|лід|заявк)/.test(t)) return "leads";
  return cellText(v);
}

function readPlan(l: Layout, tz: string, out: PlanEntry[], issues: Issues): void {
  const values = l.tab.values;
  const cPeriod = col(l, "period");
  const cMetric = col(l, "metric");
  const cTarget = col(l, "target");
  const cRep = col(l, "rep");
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const pv = row[cPeriod];
    const period = parsePeriod(pv, tz);
    if (!period) {
      issues.add(l, r, cPeriod, isBlank(pv) ? "missingRequired" : "badDate", pv);
      continue;
    }
    const mv = row[cMetric];
    if (isBlank(mv)) {
      issues.add(l, r, cMetric, "missingRequired", mv);
      continue;
    }
    const tv = row[cTarget];
    const target = parseNumber(tv);
    if (target === null) {
      issues.add(l, r, cTarget, isBlank(tv) ? "missingRequired" : "badNumber", tv);
      continue;
    }
    out.push({
      start: period.start,
      end: period.end,
      label: isDate(pv) ? new Date(period.start).toISOString().slice(0, 7) : cellText(pv),
      metric: canonicalMetric(mv),
      target,
      rep: cRep >= 0 ? cellText(row[cRep]) : "",
    });
  }
}

function readChecklist(
  l: Layout,
  criteria: string[],
  criteriaIndex: Map<string, number>,
  out: Grade[],
  issues: Issues,
): void {
  const values = l.tab.values;
  const cId = col(l, "id");
  const cRep = col(l, "rep");
  const crit = (l.m.criteria ?? []).map((c) => {
    const k = nameKey(c.name);
    let i = criteriaIndex.get(k);
    if (i === undefined) {
      i = criteria.length;
      criteria.push(c.name.trim());
      criteriaIndex.set(k, i);
    }
    return { c: c.column, i, scale: 1 };
  });
  // Scale per column: 0/1 and yes/no as they are; larger scores over 5, 10 or 100.
  for (const x of crit) {
    let max = 0;
    for (let r = l.m.headerRow + 1; r < values.length; r++) {
      const row = values[r];
      if (!Array.isArray(row)) continue;
      const n = typeof row[x.c] === "boolean" ? null : parseNumber(row[x.c]);
      if (n !== null && n > max) max = n;
    }
    x.scale = max <= 1 ? 1 : max <= 5 ? 5 : max <= 10 ? 10 : 100;
  }
  for (let r = l.m.headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row) || rowBlank(row)) continue;
    const id = cellText(row[cId]);
    if (id === "") {
      issues.add(l, r, cId, "missingId", row[cId]);
      continue;
    }
    const scores: (number | null)[] = new Array(criteria.length).fill(null);
    for (const x of crit) {
      const v = row[x.c];
      if (isBlank(v)) continue;
      const yn = typeof v === "boolean" || typeof v === "string" ? yesNo(v) : null;
      let s: number | null = yn === null ? null : yn ? 1 : 0;
      if (s === null) {
        const n = parseNumber(v);
        if (n !== null && n >= 0 && n <= x.scale) s = n / x.scale;
      }
      if (s === null) issues.add(l, r, x.c, "badNumber", v, "yes/no or a score");
      else scores[x.i] = s;
    }
    out.push({ id, rep: cRep >= 0 ? cellText(row[cRep]) : "", scores });
  }
}

// ---------------------------------------------------------------------------------------------
// Layouts

const REQUIRED: Record<string, string[]> = {
  calls: ["date", "rep"],
  deals: ["id"],
  stageLog: ["id", "stage", "date"],
  timeLog: ["rep", "date", "category"],
  plan: ["period", "metric", "target"],
  checklist: ["id"],
};

/** The mapping with columns that moved found again by their header text. */
function relocate(m: TabMapping, headers: string[]): TabMapping {
  if (!m.headers) return m;
  let out: TabMapping | null = null;
  const keys = headers.map((h) => headerKey(h));
  for (const [field, h] of Object.entries(m.headers)) {
    const c = m.columns[field];
    if (!h || h.column !== c) continue;
    const want = headerKey(h.text);
    if (want === "" || keys[c] === want) continue;
    const found = keys.indexOf(want);
    if (found < 0 || keys.indexOf(want, found + 1) >= 0) continue;
    out ??= { ...m, columns: { ...m.columns } };
    out.columns[field] = found;
  }
  return out ?? m;
}

function layoutOf(tab: RawTab, given: TabMapping, issues: Issues): Layout | null {
  const values = tab.values;
  const hr = values[given.headerRow];
  const headers = Array.isArray(hr) ? hr.map((v) => cellText(v)) : [];
  const m = relocate(given, headers);
  const l: Layout = { tab, m, headers };
  if (!m.kind) return null;
  const missing = REQUIRED[m.kind].filter((k) => col(l, k) < 0);
  if (
    m.kind === "timeLog" &&
    col(l, "minutes") < 0 &&
    col(l, "hours") < 0 &&
    col(l, "duration") < 0
  )
    missing.push("minutes");
  if (missing.length) {
    issues.add(l, m.headerRow, -1, "noHeader", "", missing.join(", "));
    return null;
  }
  return l;
}

/** Raw tabs → model, with the mapping used and what detection found. */
/**
 * Per stage, the column its dates come from ("Deals!7"), so the report can tell that two stages
 * dated by one column (Maven's Closed and Won, both close_date) are not a transition. A stage fed
 * by a stage log or by several tabs gets null (distinct sources, or not known).
 */
function stageSources(dealsTabs: Layout[], hasLog: boolean, st: StageTable): (string | null)[] {
  const out: (string | null | undefined)[] = st.names.map(() => undefined);
  const put = (k: number, src: string) => {
    if (k < 0) return;
    out[k] = out[k] === undefined || out[k] === src ? src : null;
  };
  for (const l of dealsTabs) {
    const tab = l.tab.name;
    const cols = new Set<number>();
    for (const s of l.m.stageColumns ?? []) {
      put(lookupStage(st, s.stage), `${tab}!${s.column}`);
      cols.add(lookupStage(st, s.stage));
    }
    const cCreated = col(l, "created");
    if (l.m.entryStage && cCreated >= 0) put(lookupStage(st, l.m.entryStage), `${tab}!${cCreated}`);
    const cClosed = col(l, "closed");
    const won = l.m.wonStage ? lookupStage(st, l.m.wonStage) : st.won;
    if (won >= 0 && !cols.has(won) && cClosed >= 0) put(won, `${tab}!${cClosed}`);
  }
  return out.map((x) => (x === undefined || hasLog ? null : x));
}

export function buildModel(tabs: RawTab[], opts: BuildOptions): BuildResult {
  const tz =
    opts && typeof opts.timeZone === "string" && isValidTimeZone(opts.timeZone)
      ? opts.timeZone
      : "UTC";
  const given = cleanMapping(opts?.mapping) ?? emptyMapping();
  const givenByName = new Map(given.tabs.map((t) => [t.name, t]));
  const issues = new Issues();
  const detections: TabDetection[] = [];
  const outTabs: TabMapping[] = [];
  const layouts: Layout[] = [];
  for (const tab of Array.isArray(tabs) ? tabs : []) {
    if (!tab || typeof tab.name !== "string" || !Array.isArray(tab.values)) continue;
    if (isOwnSheetName(tab.name) || isSettingsTab(tab)) continue;
    if (tab.notes) issues.list.push(...tab.notes);
    const d = detectTab(tab);
    if (d) detections.push(d);
    const gm = givenByName.get(tab.name);
    const m = gm ?? (d ? tabMappingFromDetection(d) : null);
    if (!m) continue;
    outTabs.push(m);
    const l = layoutOf(tab, m, issues);
    if (l) layouts.push(l);
  }
  const byKind = (k: string) => layouts.filter((l) => l.m.kind === k);
  const dealsTabs = byKind("deals");
  const logs = byKind("stageLog").map((l) => parseStageLog(l, tz, issues));

  // Stages.
  let stageNames: string[];
  const strict = given.stages.length > 0;
  const colLists = dealsTabs
    .filter((l) => columnStages(l.m).length > 0)
    .map((l) => columnStages(l.m));
  if (strict) {
    stageNames = mergeStageLists([given.stages, ...colLists]);
  } else {
    const lists = [
      ...colLists,
      ...logs.map((p) => p.order),
      ...dealsTabs.filter((l) => columnStages(l.m).length === 0).map(currentStageValues),
    ];
    stageNames = mergeStageLists(lists);
  }
  const st = stageTable(stageNames);

  const store: DealStore = { deals: [], byId: new Map() };
  for (const l of dealsTabs) readDealsTab(l, st, tz, store, issues);
  logs.forEach((p, i) => {
    mergeStageLog(p, st, store, issues, strict, i < logs.length - 1);
  });
  const calls: Call[] = [];
  for (const l of byKind("calls")) readCalls(l, tz, calls, issues);
  const timeEntries: TimeEntry[] = [];
  for (const l of byKind("timeLog")) readTimeLog(l, tz, timeEntries, issues);
  const plans: PlanEntry[] = [];
  for (const l of byKind("plan")) readPlan(l, tz, plans, issues);
  const grades: Grade[] = [];
  const criteria: string[] = [];
  const criteriaIndex = new Map<string, number>();
  for (const l of byKind("checklist")) readChecklist(l, criteria, criteriaIndex, grades, issues);
  for (const g of grades) while (g.scores.length < criteria.length) g.scores.push(null);

  // Given mapping entries for tabs that are not there now are kept (a copy may lack a tab).
  for (const t of given.tabs) if (!outTabs.includes(t)) outTabs.push(t);
  return {
    model: {
      stages: st.names,
      deals: store.deals,
      calls,
      timeEntries,
      plans,
      grades,
      criteria,
      issues: issues.list,
      timeZone: tz,
      stageSources: stageSources(dealsTabs, logs.length > 0, st),
    },
    mapping: { version: given.version || 1, stages: st.names, tabs: outTabs },
    detections,
  };
}
