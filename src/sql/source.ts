/**
 * What the SQL engine needs to know about the raw tables (SPEC §8), derived from our own
 * detection and model build on sample files: per kind the table and which column holds which
 * field, the funnel's stages in order, and how each raw value of a stage, status or flag column
 * reads (classified here by the same functions the model build uses, so SQL only compares keys).
 * Pure: no Node, no Apps Script.
 */
import { cellText, isBlank, isDate, isMarked, nameKey, parseDate } from "../core/values";
import type { BuildResult } from "../model/build/index";
import { looksLikeDate } from "../model/build/layout";
import { CONVERTED_STAGE, withoutWon } from "../model/build/leadLink";
import { lookupStage, stageTable } from "../model/build/stages";
import { yesNo } from "../model/cellWords";
import { rowOutcome } from "../model/dealColumns";
import { headerKey, statusOf } from "../model/headers";
import type { TabMapping } from "../model/mapping";
import { isNotYetWord } from "../model/pipelines";
import type { RawTab } from "../model/types";
import { type ChecklistSource, checklistsOf } from "./checklist";

export type SqlKind = "deals" | "stageLog" | "calls";

export const DEAL_FIELDS = [
  "id",
  "created",
  "rep",
  "source",
  "client",
  "stage",
  "status",
  "won",
  "closedFlag",
  "closed",
  "amount",
  "currency",
  "cost",
  "margin",
  "targeted",
  "bookedBy",
  "pipeline",
] as const;
export const LOG_FIELDS = ["id", "stage", "date", "rep", "source", "amount"] as const;
export const CALL_FIELDS = ["date", "rep", "duration", "dealId", "source"] as const;

export type DealField = (typeof DEAL_FIELDS)[number];
export type LogField = (typeof LOG_FIELDS)[number];
export type CallField = (typeof CALL_FIELDS)[number];

/** A raw value's key as SQL computes it (keyOf): spaces squeezed and trimmed, lower case. */
export function valueKey(v: unknown): string {
  return cellText(v).replace(/\s+/g, " ").toLowerCase();
}

export interface KeyedStage {
  key: string;
  stage: number;
}

export interface DealsSource {
  table: string;
  /** Field → column name in the table. */
  columns: Partial<Record<DealField, string>>;
  /** Stage-entry date or checkbox columns, in the tab's order. */
  stageColumns: { column: string; stage: number; skip: string[] }[];
  /** The stage every row reached, dated by `created`; -1: none. */
  entryStage: number;
  /** The stage a won status stands for; -1: none. */
  wonStage: number;
  /** Current-stage values that name a stage (not outcomes). */
  stageValues: KeyedStage[];
  /** Keys of each status-bearing column that mean won or lost (rowOutcome's reading). */
  statusWon: string[];
  statusLost: string[];
  wonYes: string[];
  stageWon: string[];
  stageLost: string[];
  closedYes: string[];
  /** Close-date values that say "not closed yet". */
  notYet: string[];
  /** Targeted-column values that mean yes / no. */
  targetedYes: string[];
  targetedNo: string[];
  /**
   * One funnel is one pipeline (model/build/pipelineChoice.ts): the rows kept, by the pipeline
   * column's keys (blank included), or by Bitrix24's stage prefix ("c6"; "c0": no prefix).
   * Absent: every row.
   */
  pipeline?: { by: "column"; keep: string[] } | { by: "stagePrefix"; code: string };
}

export interface StageLogSource {
  table: string;
  columns: Partial<Record<LogField, string>>;
  stageValues: KeyedStage[];
  /** Values that mark the deal lost (not stages). */
  lostValues: string[];
}

export interface CallsSource {
  table: string;
  columns: Partial<Record<CallField, string>>;
}

export interface SqlSource {
  /** Funnel stages top to bottom, with whether k → k+1 is one source column (no transition). */
  stages: { name: string; sameSourceNext: boolean }[];
  /** Position of the sale when the last stage is it (won statuses reach it), else -1. */
  wonStage: number;
  /** The first deals table, and the others in the order the model reads them. */
  deals: DealsSource | null;
  moreDeals: DealsSource[];
  stageLog: StageLogSource | null;
  calls: CallsSource | null;
  /** A leads table and a deals table read as one deal per lead (model/build/leadLink.ts). */
  leadLink?: LeadLinkSource;
  /** Checklists with a deal id column: with one, `voronka_agg_graded_deals` is emitted. */
  checklists?: ChecklistSource[];
}

export interface LeadLinkSource {
  /** Positions in [deals, ...moreDeals]; deals -1: a leads table alone (Zoho's leads module). */
  leads: number;
  deals: number;
  /** The key both tables hold (the lead's id, or the deal's id). */
  leadKey: string;
  dealKey: string;
  /** The leads table's conversion flag and its values that say yes. */
  flag?: string;
  flagYes: string[];
  /** The Converted step's position. */
  converted: number;
}

/** Table names per kind; the deals (checklist) tables after the first, in order, in `moreDeals`
 * (`moreChecklists`). */
export type SqlTables = Partial<Record<SqlKind | "checklist", string>> & {
  moreDeals?: string[];
  moreChecklists?: string[];
};

export class SqlSourceError extends Error {
  constructor(
    readonly why: "several" | "nothing",
    readonly kind?: SqlKind,
  ) {
    super(why === "several" ? `more than one ${kind} table` : "no deals, stage log or calls table");
  }
}

/** Header texts of a tab, made unique (SQL column names). */
export function headersOf(tab: RawTab, m: TabMapping): string[] {
  const row = tab.values[m.headerRow] ?? [];
  const out: string[] = [];
  const seen = new Set<string>();
  row.forEach((v, i) => {
    let h = cellText(v) || `column${i + 1}`;
    // Column names must be unique in a table (case-insensitive in both dialects).
    for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${cellText(v) || `column${i + 1}`}_${n}`;
    seen.add(h.toLowerCase());
    out[i] = h;
  });
  return out;
}

function fieldColumns<F extends string>(
  fields: readonly F[],
  m: TabMapping,
  headers: string[],
): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const f of fields) {
    const c = m.columns[f];
    if (typeof c === "number" && c >= 0 && headers[c] !== undefined) out[f] = headers[c];
  }
  return out;
}

/** Distinct non-blank values of a column (first spelling of each key). */
function distinct(tab: RawTab, m: TabMapping, c: number | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (c === undefined || c < 0) return out;
  for (let r = m.headerRow + 1; r < tab.values.length; r++) {
    const v = tab.values[r]?.[c];
    if (isBlank(v)) continue;
    const k = valueKey(v);
    if (!out.has(k)) out.set(k, v);
  }
  return out;
}

/** A stage-entry cell the model build counts: marked, and a date, or a mark that is not "no". */
function stageCellCounts(v: unknown): boolean {
  if (!isMarked(v)) return false;
  if (isDate(v) || typeof v === "string") {
    if (parseDate(v, { timeZone: "UTC" }) !== null) return true;
    if (isDate(v) || looksLikeDate.test(v as string)) return false;
    return !(yesNo(v) === false || isNotYetWord(v));
  }
  return yesNo(v) !== false;
}

/** Words a checkbox column says "no" with, beyond the sample's: SQL skips them too. */
const NO_WORDS = ["no", "n", "false", "нет", "н", "ні", "ложь", "хибність", "0", "-", "—", "–"];

function unmarkedKeys(values: Map<string, unknown>): string[] {
  const keys = new Set(keysWhere(values, (v) => !stageCellCounts(v)));
  for (const w of NO_WORDS) if (!stageCellCounts(w)) keys.add(valueKey(w));
  return [...keys];
}

/** One deals table's source: its columns and how its stage, status and flag values read. */
function dealsSourceOf(
  d: { m: TabMapping; tab: RawTab; headers: string[] },
  built: BuildResult,
  table: string,
  st: ReturnType<typeof stageTable>,
  stageValuesOf: (values: Map<string, unknown>, skip: (v: unknown) => boolean) => KeyedStage[],
): DealsSource {
  const { m, tab, headers } = d;
  const col = (f: string) => m.columns[f];
  const stageVals = distinct(tab, m, col("stage"));
  const statusVals = distinct(tab, m, col("status"));
  const wonVals = distinct(tab, m, col("won"));
  const closedFlagVals = distinct(tab, m, col("closedFlag"));
  const outcome = (field: "status" | "won" | "stage" | "closedFlag", v: unknown) => {
    const row: unknown[] = [];
    row[0] = v;
    return rowOutcome(row, { [field]: 0 });
  };
  const targetedVals = distinct(tab, m, col("targeted"));
  const pipeline = pipelineOf(d, built);
  const targeted = (v: unknown): boolean | null => {
    const t = yesNo(v);
    if (t !== null) return t;
    const s = headerKey(v);
    if (/^(?:не|not|non|ні)/.test(s)) return false;
    if (/^(?:цел|target|ціл)/.test(s)) return true;
    return null;
  };
  return {
    table,
    columns: fieldColumns(DEAL_FIELDS, m, headers),
    stageColumns: (m.stageColumns ?? [])
      .map((s) => ({
        column: headers[s.column] ?? "",
        stage: lookupStage(st, s.stage),
        skip: unmarkedKeys(distinct(tab, m, s.column)),
      }))
      .filter((s) => s.column !== "" && s.stage >= 0),
    entryStage: m.entryStage ? lookupStage(st, m.entryStage) : -1,
    wonStage: m.wonStage ? lookupStage(st, m.wonStage) : st.won,
    stageValues: stageValuesOf(stageVals, (v) => statusOf(v) !== null),
    statusWon: keysWhere(statusVals, (v) => outcome("status", v) === "won"),
    statusLost: keysWhere(statusVals, (v) => outcome("status", v) === "lost"),
    wonYes: keysWhere(wonVals, (v) => outcome("won", v) === "won"),
    stageWon: keysWhere(stageVals, (v) => statusOf(v) === "won"),
    stageLost: keysWhere(stageVals, (v) => statusOf(v) === "lost"),
    closedYes: keysWhere(closedFlagVals, (v) => outcome("closedFlag", v) === "lost"),
    notYet: keysWhere(distinct(tab, m, col("closed")), isNotYetWord),
    targetedYes: keysWhere(targetedVals, (v) => targeted(v) === true),
    targetedNo: keysWhere(targetedVals, (v) => targeted(v) === false),
    ...(pipeline ? { pipeline } : {}),
  };
}

/** The rows of a deals table the model kept: those of the pipeline reported. */
function pipelineOf(
  d: { m: TabMapping; tab: RawTab },
  built: BuildResult,
): DealsSource["pipeline"] | null {
  const p = built.model.pipelines;
  const s = p?.sources.find((x) => x.tab === d.m.name);
  if (!p || !s) return null;
  if (s.from === "stagePrefix") return { by: "stagePrefix", code: nameKey(p.chosen) };
  const chosen = nameKey(p.chosen);
  const keep = keysWhere(distinct(d.tab, d.m, s.column), (v) => nameKey(v) === chosen);
  return { by: "column", keep: ["", ...keep] };
}

const keysWhere = (values: Map<string, unknown>, ok: (v: unknown) => boolean): string[] =>
  [...values].filter(([, v]) => ok(v)).map(([k]) => k);

/**
 * The SQL description of the tables behind a model build. `tables` names the table of each kind
 * (default: the kind's name; more deals tables get _2, _3…). Throws SqlSourceError for two stage
 * logs or two calls tables, or none at all.
 */
export function sqlSourceOf(
  tabs: readonly RawTab[],
  built: BuildResult,
  tables: SqlTables = {},
): SqlSource {
  const { model, mapping } = built;
  const st = stageTable(model.stages);
  const sources = model.stageSources ?? [];
  const stages = model.stages.map((name, k) => ({
    name,
    sameSourceNext: k < model.stages.length - 1 && !!sources[k] && sources[k] === sources[k + 1],
  }));
  const tabOf = (m: TabMapping) => tabs.find((t) => t.name === m.name);
  const of = (kind: "deals" | "stageLog" | "calls") => {
    const ms = mapping.tabs.filter((m) => m.kind === kind && tabOf(m));
    if (ms.length > 1) throw new SqlSourceError("several", kind);
    const m = ms[0];
    const tab = m ? tabOf(m) : undefined;
    return m && tab ? { m, tab, headers: headersOf(tab, m) } : null;
  };
  // Several deals tables are read in turn, the first row of an id winning (model/build/deals.ts);
  // a linked leads table's won column is its conversion flag, read apart (leadLink.ts).
  const link = built.leadLink;
  const dealTabs = mapping.tabs
    .filter((m) => m.kind === "deals" && tabOf(m))
    .map((m) => {
      const tab = tabOf(m) as RawTab;
      return { m: link?.leads === m.name ? withoutWon(m) : m, tab, headers: headersOf(tab, m) };
    });
  const l = of("stageLog");
  const c = of("calls");
  if (dealTabs.length === 0 && !l && !c) throw new SqlSourceError("nothing");
  const stageValuesOf = (values: Map<string, unknown>, skip: (v: unknown) => boolean) => {
    const out: KeyedStage[] = [];
    for (const [key, v] of values) {
      if (skip(v)) continue;
      const k = lookupStage(st, v);
      if (k >= 0) out.push({ key, stage: k });
    }
    return out;
  };

  const base = tables.deals ?? "deals";
  const dealsList = dealTabs.map((d, i) =>
    dealsSourceOf(
      d,
      built,
      i === 0 ? base : (tables.moreDeals?.[i - 1] ?? `${base}_${i + 1}`),
      st,
      stageValuesOf,
    ),
  );

  let stageLog: StageLogSource | null = null;
  if (l) {
    const { m, tab, headers } = l;
    const vals = distinct(tab, m, m.columns.stage);
    // The log groups its values by name key, spelled as first seen: lost-ness goes by that one.
    stageLog = {
      table: tables.stageLog ?? "stage_log",
      columns: fieldColumns(LOG_FIELDS, m, headers),
      stageValues: stageValuesOf(vals, (v) => statusOf(v) === "lost"),
      lostValues: keysWhere(vals, (v) => statusOf(v) === "lost"),
    };
  }

  const calls: CallsSource | null = c
    ? {
        table: tables.calls ?? "calls",
        columns: fieldColumns(CALL_FIELDS, c.m, c.headers),
      }
    : null;
  const li = link ? dealTabs.findIndex((d) => d.m.name === link.leads) : -1;
  const di = link ? dealTabs.findIndex((d) => d.m.name === link.deals) : -1;
  const leadTab = dealTabs[li];
  const dealTab = dealTabs[di];
  // A leads table alone (Zoho's, link.deals null) has no key: its flag alone is read.
  const leadLink: LeadLinkSource | undefined =
    link && leadTab && (dealTab || link.deals === null)
      ? {
          leads: li,
          deals: di,
          leadKey: leadTab.headers[link.leadKey] ?? "",
          dealKey: dealTab?.headers[link.dealKey] ?? "",
          ...(link.flag >= 0 ? { flag: leadTab.headers[link.flag] ?? "" } : {}),
          flagYes: keysWhere(distinct(leadTab.tab, leadTab.m, link.flag), (v) => yesNo(v) === true),
          converted: lookupStage(st, CONVERTED_STAGE),
        }
      : undefined;
  const checklists = checklistsOf(
    mapping.tabs
      .filter((m) => m.kind === "checklist")
      .map((m) => {
        const tab = tabs.find((t) => t.name === m.name);
        const c = m.columns.id;
        return tab && typeof c === "number" && c >= 0 ? headersOf(tab, m)[c] : undefined;
      }),
    tables,
  );
  return {
    stages,
    wonStage: st.won,
    deals: dealsList[0] ?? null,
    moreDeals: dealsList.slice(1),
    stageLog,
    calls,
    ...(leadLink ? { leadLink } : {}),
    ...(checklists.length > 0 ? { checklists } : {}),
  };
}
