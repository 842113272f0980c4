/**
 * A raw tab → clean rows for SQL: one column per field (named after the field), dates as ISO
 * timestamps, numbers plain, durations in seconds, read by the same value rules as the model build
 * (core/values, model/build). Row-local, so it streams; the cross-row rules (first row of an id,
 * earliest entry per stage, the log completing the deals) are the SQL's. Pure: the DuckDB runner
 * writes these rows to a UTF-8 file.
 */
import {
  cellText,
  currencyOfAmount,
  isBlank,
  isDate,
  parseDate,
  parseDurationSeconds,
  parseNumber,
  withTimeOfDay,
} from "../core/values";
import { dateOf, looksLikeDate } from "../model/build/layout";
import { isLinkHeader } from "../model/build/leadLink";
import { yesNo } from "../model/cellWords";
import type { TabMapping } from "../model/mapping";
import { isNotYetWord } from "../model/pipelines";
import type { RawTab } from "../model/types";
import {
  CALL_FIELDS,
  type CallsSource,
  DEAL_FIELDS,
  type DealsSource,
  headersOf,
  LOG_FIELDS,
  type SqlKind,
  type SqlSource,
  type StageLogSource,
} from "./source";

const UTC = { timeZone: "UTC" };

/** Wall-clock ms → "yyyy-mm-dd hh:mm:ss.mmm". */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 23);
}

const dateText = (v: unknown): string => {
  if (isBlank(v)) return "";
  const ms = dateOf(v, UTC);
  return ms === null ? "" : isoOf(ms);
};
const numberText = (v: unknown): string => {
  if (isBlank(v)) return "";
  const x = parseNumber(v);
  return x === null ? "" : String(x);
};

/** A stage-entry cell: its date, the mark as written, or "" when the build would not count it. */
function stageCellText(v: unknown): string {
  if (isBlank(v) || v === false) return "";
  if (isDate(v) || typeof v === "string") {
    const ms = parseDate(v, UTC);
    if (ms !== null) return isoOf(ms);
    if (isDate(v) || looksLikeDate.test(v as string)) return "";
    if (yesNo(v) === false || isNotYetWord(v)) return "";
    return cellText(v);
  }
  return yesNo(v) === false ? "" : cellText(v);
}

export interface CleanTable {
  kind: SqlKind;
  header: string[];
  rows: Iterable<string[]>;
}

function* dataRows(tab: RawTab, m: TabMapping): Iterable<unknown[]> {
  for (let r = m.headerRow + 1; r < tab.values.length; r++) {
    const row = tab.values[r];
    if (Array.isArray(row)) yield row;
  }
}

const at = (row: unknown[], c: number | undefined): unknown =>
  c === undefined || c < 0 ? "" : row[c];

function cleanDeals(tab: RawTab, m: TabMapping): CleanTable {
  const c = m.columns;
  const stageCols = m.stageColumns ?? [];
  const fields = DEAL_FIELDS.filter((f) => c[f] !== undefined || f === "currency");
  const names = headersOf(tab, m);
  // Columns that may link a leads table to a deals table, as they are (leadLink.ts).
  const links = names.flatMap((h, i) => (isLinkHeader(h) ? [i] : []));
  const header = [
    ...fields,
    ...stageCols.map((s) => cleanStageColumn(names[s.column] ?? "")),
    ...links.map((i) => cleanLinkColumn(names[i] ?? "")),
  ];
  function* rows() {
    for (const row of dataRows(tab, m)) {
      const out = fields.map((f) => {
        const v = at(row, c[f]);
        switch (f) {
          case "created":
            return dateText(v);
          case "closed": {
            if (stageCols.some((s) => s.column === c.closed)) return stageCellText(v);
            return isNotYetWord(v) ? "" : dateText(v);
          }
          case "amount":
          case "cost":
            return numberText(v);
          case "margin": {
            const x = isBlank(v) ? null : parseNumber(v);
            if (x === null) return "";
            if (typeof v === "string" && v.trim().endsWith("%")) {
              const a = isBlank(at(row, c.amount)) ? null : parseNumber(at(row, c.amount));
              return a === null ? "" : String(a * x);
            }
            return String(x);
          }
          case "currency":
            return c.currency !== undefined ? cellText(v) : currencyOfAmount(at(row, c.amount));
          default:
            return cellText(v);
        }
      });
      for (const s of stageCols) out.push(stageCellText(row[s.column]));
      for (const i of links) out.push(cellText(row[i]));
      yield out;
    }
  }
  return { kind: "deals", header, rows: rows() };
}

function cleanLog(tab: RawTab, m: TabMapping): CleanTable {
  const c = m.columns;
  const fields = LOG_FIELDS.filter((f) => c[f] !== undefined);
  function* rows() {
    for (const row of dataRows(tab, m))
      yield fields.map((f) => {
        const v = at(row, c[f]);
        return f === "date" ? dateText(v) : f === "amount" ? numberText(v) : cellText(v);
      });
  }
  return { kind: "stageLog", header: [...fields], rows: rows() };
}

/** Durations below one in a column with no larger ones are Excel time serials (activity.ts). */
function dayFractions(tab: RawTab, m: TabMapping, c: number): boolean {
  let small = false;
  for (const row of dataRows(tab, m)) {
    const v = row[c];
    if (typeof v !== "number") continue;
    if (v >= 1) return false;
    if (v > 0) small = true;
  }
  return small;
}

function cleanCalls(tab: RawTab, m: TabMapping): CleanTable {
  const c = m.columns;
  const fields = CALL_FIELDS.filter((f) => c[f] !== undefined);
  const fractions = c.duration !== undefined && dayFractions(tab, m, c.duration);
  const cTime = c.time;
  function* rows() {
    for (const row of dataRows(tab, m)) {
      let when = dateOf(at(row, c.date), UTC);
      if (when !== null && cTime !== undefined)
        when = withTimeOfDay(when, row[cTime], UTC.timeZone);
      yield fields.map((f) => {
        const v = at(row, c[f]);
        if (f === "date") return when === null ? "" : isoOf(when);
        if (f === "duration") {
          if (typeof v === "number")
            return v >= 0 && Number.isFinite(v)
              ? String(fractions ? Math.round(v * 86_400) : v)
              : "";
          if (isBlank(v)) return "";
          const s = parseDurationSeconds(v, "UTC");
          return s === null || s < 0 ? "" : String(s);
        }
        return cellText(v);
      });
    }
  }
  return { kind: "calls", header: [...fields], rows: rows() };
}

/** A stage-entry column's name in a clean table (apart from the field names). */
export const cleanStageColumn = (header: string) => `stage: ${header}`;

/** A link column's name in a clean table. */
export const cleanLinkColumn = (header: string) => `link: ${header}`;

/** The clean table of a tab of one of the SQL kinds. */
export function cleanTable(tab: RawTab, m: TabMapping): CleanTable | null {
  if (m.kind === "deals") return cleanDeals(tab, m);
  if (m.kind === "stageLog") return cleanLog(tab, m);
  if (m.kind === "calls") return cleanCalls(tab, m);
  return null;
}

/** The source with its columns renamed to the clean tables' (field names). */
export function cleanSource(src: SqlSource): SqlSource {
  const same = <F extends string>(cols: Partial<Record<F, string>>): Partial<Record<F, string>> =>
    Object.fromEntries(Object.keys(cols).map((f) => [f, f])) as Partial<Record<F, string>>;
  const cleanDeals = (d: DealsSource): DealsSource => {
    const out: DealsSource = {
      ...d,
      columns: { ...same(d.columns), currency: "currency" },
      stageColumns: d.stageColumns.map((s) => ({ ...s, column: cleanStageColumn(s.column) })),
    };
    // A close-date column that is also a stage column is read through the latter.
    const closed = d.columns.closed;
    if (closed !== undefined && d.stageColumns.some((s) => s.column === closed))
      out.columns.closed = cleanStageColumn(closed);
    return out;
  };
  const stageLog: StageLogSource | null = src.stageLog && {
    ...src.stageLog,
    columns: same(src.stageLog.columns),
  };
  const calls: CallsSource | null = src.calls && { ...src.calls, columns: same(src.calls.columns) };
  // A link key is the id field, else its own column; the conversion flag is the won field.
  const tables = [src.deals, ...src.moreDeals];
  const keyIn = (d: DealsSource | null | undefined, name: string) =>
    d?.columns.id === name ? "id" : cleanLinkColumn(name);
  const link = src.leadLink;
  const leadLink = link && {
    ...link,
    leadKey: link.deals >= 0 ? keyIn(tables[link.leads], link.leadKey) : "",
    dealKey: link.deals >= 0 ? keyIn(tables[link.deals], link.dealKey) : "",
    ...(link.flag !== undefined ? { flag: "won" } : {}),
  };
  return {
    ...src,
    ...(leadLink ? { leadLink } : {}),
    deals: src.deals && cleanDeals(src.deals),
    moreDeals: src.moreDeals.map(cleanDeals),
    stageLog,
    calls,
  };
}
