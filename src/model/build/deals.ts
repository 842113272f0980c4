/** A deals tab → Deals: stages reached (stage columns, current stage), status, amounts. */
import {
  cellText,
  currencyOfAmount,
  isBlank,
  isDate,
  isMarked,
  nameKey,
  parseDate,
  parseNumber,
} from "../../core/values";
import { yesNo } from "../cellWords";
import { rowOutcome } from "../dealColumns";
import { statusOf } from "../headers";
import { isNotYetWord } from "../pipelines";
import type { Deal } from "../types";
import { col, dateOf, type Issues, type Layout, looksLikeDate, rowBlank } from "./layout";
import { lookupStage, type StageTable } from "./stages";

export interface DealStore {
  deals: Deal[];
  byId: Map<string, Deal>;
}

export function noStageDates(n: number): (number | null)[] {
  const stageDates: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) stageDates[i] = null;
  return stageDates;
}

export function newDeal(
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

export function readDealsTab(
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
  const cCurrency = col(l, "currency");
  const opt = (c: number) => (c >= 0 ? c : undefined);
  const outcomeCols = {
    stage: opt(cStage),
    status: opt(col(l, "status")),
    won: opt(col(l, "won")),
    closedFlag: opt(col(l, "closedFlag")),
  };
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
    const x = dateOf(v, dateOpts);
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
    if (cRep >= 0) d.rep = personName(row[cRep]);
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
      if (isDate(v) || typeof v === "string") {
        when = parseDate(v, dateOpts);
        if (when === null && (isDate(v) || looksLikeDate.test(v as string))) {
          issues.add(l, r, s.c, "badDate", v);
          continue;
        }
        if (when === null && (yesNo(v) === false || isNotYetWord(v))) continue;
      } else if (yesNo(v) === false) continue;
      if (s.c === cClosed) d.closed = when;
      if (s.k > d.reached) d.reached = s.k;
      d.stageDates[s.k] = when;
    }
    // Status decides won and lost: status column, won flag, the stage's own outcome, closed flag.
    const outcome = rowOutcome(row, outcomeCols);
    const status = outcome === "won" || outcome === "lost" ? outcome : null;
    // The close date of a deal that closed; for open deals it is the expected close date.
    const closeIsStage = stageCols.some((s) => s.c === cClosed);
    if (cClosed >= 0 && d.closed === null && !closeIsStage && (status !== null || outcome === null))
      if (!isNotYetWord(row[cClosed])) d.closed = dt(row, r, cClosed);
    // The current stage: the deal reached it and every stage before it.
    if (cStage >= 0) {
      const v = row[cStage];
      if (!isBlank(v) && statusOf(v) === null) {
        const k = lookupStage(st, v);
        if (k >= 0) {
          if (k > d.reached) d.reached = k;
        } else if (!hasColumns && status !== "lost") {
          issues.add(l, r, cStage, "unknownStage", v);
        }
      }
    }
    // Dates in order (a close date before the created date is its own reason).
    let prev = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < n; k++) {
      const x = d.stageDates[k] ?? null;
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
      // A close date without its time on the day the deal was created is that day, not before.
      if (d.closed >= d.created - (d.created % 86_400_000)) d.closed = d.created;
      else {
        issues.add(l, r, cClosed, "closeBeforeCreate", cClosed >= 0 ? row[cClosed] : "");
        d.closed = null;
      }
    }
    if (status === "won") {
      d.status = "won";
      if (wonIdx >= 0) {
        d.reached = Math.max(d.reached, wonIdx);
        if (d.stageDates[wonIdx] === null) d.stageDates[wonIdx] = d.closed;
      }
    } else if (status === "lost") {
      // A lost deal keeps the stages it reached, short of the sale.
      d.status = "lost";
      if (wonIdx >= 0 && d.reached >= wonIdx) {
        for (let k = wonIdx; k < n; k++) d.stageDates[k] = null;
        d.reached = wonIdx - 1;
      }
    } else if (lastIsWon && d.reached === st.won) {
      d.status = "won";
    }
    // Every row of a deals table entered the funnel.
    if (d.reached < 0 && n > 0) d.reached = 0;
    if (d.status === "won" && d.closed === null && d.reached >= 0)
      d.closed = d.stageDates[d.reached] ?? null;
    d.amount = num(row, r, cAmount);
    const currency =
      cCurrency >= 0 ? cellText(row[cCurrency]).toUpperCase() : currencyOfAmount(row[cAmount]);
    if (currency) d.currency = currency;
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

/** A person's name as exported: trimmed, without the HTML tags some CRMs wrap it in. */
export function personName(v: unknown): string {
  const t = cellText(v);
  return t.includes("<")
    ? t
        .replace(/<[^>]*>/g, "")
        .replace(/\s+/g, " ")
        .trim()
    : t;
}
