/**
 * Detecting the kind of a raw tab from its header row (SPEC §3). Looks at the first rows for the
 * header (a title above the table is fine), matches header cells against the synonyms of every
 * kind, and uses a sample of the data below only to tell date/checkbox columns and repeated ids.
 */

import { InternalError } from "../core/indexed";
import {
  DATE_LIKE,
  entryStageName,
  idRepeats,
  isIdHeader,
  looksLikeNames,
  type Profile,
  profileColumn,
  stageNameFromHeader,
} from "./columnProfile";
import { dealColumns, type PassedOver } from "./dealColumns";
import { type FieldDef, headerKey, isWonStageName, KIND_FIELDS, KIND_TAB_WORDS } from "./headers";
import { isOwnSheetName, isSettingsTab } from "./ownSheets";
import {
  HEADER_SCAN_ROWS,
  type Hit,
  headerCells,
  hitsFor,
  mayBeHeaderRow,
  SYNONYM_KINDS,
} from "./synonyms";

export { TAB_KINDS } from "./synonyms";

import { type ViewOfTab, viewOfTab } from "../aggregates/viewTabs";
import { neverStageReason } from "./pipelines";
import { referenceKindOf } from "./reference";
import type { RawTab, TabKind } from "./types";

export { entryStageName, stageNameFromHeader } from "./columnProfile";
export {
  isOwnSheetName,
  isSettingsTab,
  SETTINGS_MARKER,
  SETTINGS_SHEET_NAMES,
} from "./ownSheets";

export interface FoundColumn {
  /** 0-based column index. */
  index: number;
  /** The header cell as written. */
  header: string;
}

export interface TabDetection {
  tab: string;
  kind: TabKind;
  /** 0..1: how sure the headers make us. */
  confidence: number;
  /** 0-based index of the header row in `RawTab.values`. */
  headerRow: number;
  /** Field key → column. */
  columns: Record<string, FoundColumn>;
  /** Deals: stage-date or checkbox columns, in column order, with the stage each stands for. */
  stageColumns: (FoundColumn & { stage: string })[];
  /** Checklist: one column per criterion. */
  criteria: (FoundColumn & { name: string })[];
  /** Deals with stage columns: the stage every row has reached (named from the created or id column). */
  entryStage?: string;
  /** Deals with stage columns: a final stage for won statuses when no column is the sale. */
  wonStage?: string;
  /** Data rows below the header (blank rows included). */
  rows: number;
  /** Columns that could have been a field or a stage and were not, with the reason. */
  passedOver?: PassedOver[];
  /** Calls without a rep column: counted for the whole team. */
  teamOnly?: boolean;
  /** Aggregates: the view the tab holds (its columns are keyed by the view's column names). */
  view?: string;
}

// ---------------------------------------------------------------------------------------------
// Scoring one header row

/** A detection of one header row, with its score against the other kinds and rows. */
interface Candidate extends Omit<TabDetection, "tab" | "headerRow" | "rows"> {
  score: number;
}

function tabNameBonus(name: string, kind: TabKind): number {
  const k = headerKey(name);
  if (k === "") return 0;
  for (const w of KIND_TAB_WORDS[kind]) if (k.includes(headerKey(w))) return 1;
  return 0;
}

function candidateFor(
  kind: TabKind,
  headers: string[],
  hits: Hit[][],
  values: unknown[][],
  headerRow: number,
  tabName: string,
  profiles: Map<number, Profile>,
): Candidate | null {
  const fields = KIND_FIELDS[kind];
  const profile = (c: number): Profile => {
    let p = profiles.get(c);
    if (!p) {
      p = profileColumn(values, headerRow, c);
      profiles.set(c, p);
    }
    return p;
  };
  const repeats = (c: number) => idRepeats(values, headerRow, c);
  const header = (c: number): string => headers[c] ?? "";
  /** A column the requirements below have made sure of. */
  const required = (key: string): FoundColumn => {
    const found = columns[key];
    if (!found) throw new InternalError(`detect: ${kind} has no ${key} column after its checks`);
    return found;
  };
  // Greedy: best (score) pairs of field and column first.
  const pairs: { field: FieldDef; col: number; score: number }[] = [];
  hits.forEach((hs, c) => {
    for (const h of hs) if (h.kind === kind) pairs.push({ field: h.field, col: c, score: h.score });
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Record<string, FoundColumn> = {};
  const used = new Set<number>();
  let score = 0;
  const groupsFilled = new Set<string>();
  for (const p of pairs) {
    if (columns[p.field.key] || used.has(p.col)) continue;
    // A system or forecast date ("Expected close date", "Дата начала") is not the deal's date.
    if (kind === "deals" && p.field.key in OUTCOME_REASONS) {
      const why = neverStageReason(header(p.col));
      if (why && !OUTCOME_REASONS[p.field.key]?.includes(why)) continue;
    }
    // With two id columns, a stage log's deal is the one that repeats (OpportunityId, not the
    // row's own Id); a deals table's is the one that does not (LEADID, not a repeated name).
    if (p.field.key === "id" && (kind === "stageLog" || kind === "deals")) {
      const wantRepeat = kind === "stageLog";
      if (repeats(p.col) !== wantRepeat) {
        const other = pairs.find(
          (q) =>
            q.field.key === "id" &&
            q.col !== p.col &&
            !used.has(q.col) &&
            repeats(q.col) === wantRepeat &&
            (wantRepeat || isIdHeader(header(q.col))),
        );
        if (other) continue;
      }
    }
    if (p.field.group && groupsFilled.has(p.field.group)) continue;
    columns[p.field.key] = { index: p.col, header: header(p.col) };
    used.add(p.col);
    if (p.field.group) groupsFilled.add(p.field.group);
    // A pipeline column never decides the kind ("Направление" is also a call's direction).
    if (p.field.key !== "pipeline") score += p.score * (p.field.required ? 2 : 1);
  }
  // Deals without an id column use the client as the id.
  let idIsClient = false;
  if (kind === "deals" && !columns.id && columns.client) {
    columns.id = columns.client;
    delete columns.client;
    idIsClient = true;
  }
  // Calls without a rep column are the team's calls, when duration and direction or result say
  // they are calls.
  let teamOnly = false;
  if (kind === "calls" && !columns.rep && columns.date && columns.duration) {
    if (!columns.direction && !columns.result) return null;
    // A column of a few names under a header we do not know ("Who called") is probably the rep:
    // then the user maps it, rather than the calls going to the whole team.
    const used = new Set(Object.values(columns).map((c) => c.index));
    for (let c = 0; c < headers.length; c++)
      if (!used.has(c) && header(c) !== "" && looksLikeNames(profile(c))) return null;
    teamOnly = true;
  }
  // A stage log never has a call's duration or direction.
  if (kind === "stageLog" && headers.some((h, c) => isCallColumn(h, hits[c] ?? []))) return null;
  // Requirements.
  const groups = new Map<string, boolean>();
  for (const f of fields) {
    if (!f.required || (teamOnly && f.key === "rep")) continue;
    if (f.group) {
      groups.set(f.group, (groups.get(f.group) ?? false) || !!columns[f.key]);
    } else if (!columns[f.key]) return null;
  }
  for (const ok of groups.values()) if (!ok) return null;
  // A calls summary counts calls: its calls column holds numbers.
  if (kind === "callsSummary") {
    const p = profile(required("calls").index);
    if (p.filled > 0 && p.numbers < 0.8 * p.filled) return null;
  }
  // A stage log's stages look like a pipeline: a few values, each repeated.
  if (kind === "stageLog") {
    const sp = profile(required("stage").index);
    if (sp.filled >= 20 && sp.distinct.size > Math.max(30, 0.5 * sp.filled)) return null;
  }

  let stageColumns: (FoundColumn & { stage: string })[] = [];
  const criteria: (FoundColumn & { name: string })[] = [];
  let entryStage: string | undefined;
  let wonStage: string | undefined;
  let passedOver: PassedOver[] | undefined;
  if (kind === "deals") {
    const dc = dealColumns(headers, columns, used, values, headerRow, stageNameFromHeader);
    if (!dc) return null;
    stageColumns = dc.stageColumns;
    passedOver = dc.passedOver;
    score += Math.min(stageColumns.length, 3) * 0.5;
    const cyr = /[\u0400-\u04ff]/.test(headers.join(""));
    // The entry stage: every row is a deal; named from the created column, else the id.
    if (stageColumns.length > 0 || (!columns.stage && dc.wonStage)) {
      entryStage = columns.created
        ? stageNameFromHeader(columns.created.header)
        : entryStageName(idIsClient ? null : required("id").header, cyr);
    }
    const last = stageColumns[stageColumns.length - 1]?.stage ?? "";
    if (dc.wonStage && !isWonStageName(last)) wonStage = dc.wonStage;
  }
  if (kind === "checklist") {
    headers.forEach((h, c) => {
      if (used.has(c) || h === "" || DATE_LIKE.test(h)) return;
      const p = profile(c);
      if (p.filled > 0 && p.bools + p.numbers < 0.6 * p.filled) return;
      criteria.push({ index: c, header: h, name: h.trim() });
    });
    const withData = criteria.filter((c) => profile(c.index).filled > 0).length;
    if (criteria.length < 2 || (withData < 2 && !tabNameBonus(tabName, kind))) return null;
    score += Math.min(criteria.length, 4) * 0.3;
  }
  if (kind === "deals" && columns.stage) {
    // A repeating deal id next to the row's own id: a stage log, however many fields it has.
    const idIndex = required("id").index;
    const logId = hits.some(
      (hs, c) =>
        c !== idIndex &&
        isIdHeader(header(c)) &&
        hs.some((h) => h.kind === "deals" && h.field.key === "id") &&
        repeats(c),
    );
    if (logId && !repeats(idIndex)) score -= 5;
  }
  if (kind === "stageLog" || kind === "deals") {
    const idIndex = required("id").index;
    const idp = profile(idIndex);
    const repeated = repeats(idIndex);
    // One row per id is a deals table (a stage log repeats ids, one row per stage entered).
    if (kind === "stageLog") score += repeated ? 1 : idp.filled >= 2 ? -3 : 0;
    else score += repeated ? -1 : 0.5;
  }
  if (kind === "calls" && !columns.duration && !columns.direction) score -= 1;
  score += tabNameBonus(tabName, kind) * 1.5;

  let maxScore = 0;
  const seen = new Set<string>();
  for (const f of fields) {
    if (f.group) {
      if (seen.has(f.group)) continue;
      seen.add(f.group);
    }
    maxScore += f.required ? 2 : 1;
  }
  let found = 0;
  for (const key of Object.keys(columns)) {
    const f = fields.find((x) => x.key === key);
    if (f) found += f.required ? 2 : 1;
  }
  const confidence = Math.max(0.1, Math.min(1, found / maxScore + (kind === "deals" ? 0.1 : 0)));
  return {
    kind,
    score,
    confidence: Math.round(confidence * 100) / 100,
    columns,
    stageColumns,
    criteria,
    entryStage,
    wonStage,
    ...(passedOver?.length ? { passedOver } : {}),
    ...(teamOnly ? { teamOnly } : {}),
  };
}

/** Deal fields a never-stage header may still be, by the reason it is never a stage. */
const OUTCOME_REASONS: Record<string, string[]> = {
  created: [],
  closed: ["wontime", "losttime"],
  closedFlag: ["isclosed", "dealclosed", "сделказакрыта", "угодазакрита"],
  won: ["iswon"],
};

/** A header that names a call's duration or direction (a stage log never has one). */
function isCallColumn(header: string, hits: Hit[]): boolean {
  if (/^(?:type|тип|kind)$/.test(headerKey(header))) return false;
  return hits.some(
    (h) => h.kind === "calls" && (h.field.key === "duration" || h.field.key === "direction"),
  );
}

/** Detects one tab; null when it is not a raw data tab. */
export function detectTab(tab: RawTab): TabDetection | null {
  try {
    return detectTabUnsafe(tab);
  } catch {
    return null;
  }
}

function detectTabUnsafe(tab: RawTab): TabDetection | null {
  if (!tab || !Array.isArray(tab.values)) return null;
  const name = typeof tab.name === "string" ? tab.name : "";
  if (isOwnSheetName(name) || isSettingsTab(tab)) return null;
  // Accounts, products and teams are reference tables, never activity data.
  const view = viewOfTab(tab);
  if (view) return aggregatesDetection(name, view, tab.values.length);
  if (referenceKindOf(tab)) return null;
  const values = tab.values;
  let best: (Candidate & { headerRow: number }) | null = null;
  const scan = Math.min(values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const headers = headerCells(row);
    if (!mayBeHeaderRow(row)) continue;
    const hits = headers.map((h) => hitsFor(h));
    const profiles = new Map<number, Profile>();
    for (const kind of SYNONYM_KINDS) {
      const c = candidateFor(kind, headers, hits, values, r, name, profiles);
      if (c && (!best || c.score > best.score + 1e-9)) best = { ...c, headerRow: r };
    }
  }
  if (!best) return null;
  return {
    tab: name,
    kind: best.kind,
    confidence: best.confidence,
    headerRow: best.headerRow,
    columns: best.columns,
    stageColumns: best.stageColumns,
    criteria: best.criteria,
    ...(best.entryStage ? { entryStage: best.entryStage } : {}),
    ...(best.wonStage ? { wonStage: best.wonStage } : {}),
    ...(best.passedOver ? { passedOver: best.passedOver } : {}),
    ...(best.teamOnly ? { teamOnly: true } : {}),
    rows: Math.max(0, values.length - best.headerRow - 1),
  };
}

/**
 * A tab holding an aggregate view (`voronka sql`'s output brought into the spreadsheet). Its
 * columns are the view's own, read by src/aggregates/fromTabs.ts, so none are mapped here.
 */
function aggregatesDetection(tab: string, v: ViewOfTab, length: number): TabDetection {
  return {
    tab,
    kind: "aggregates",
    confidence: 1,
    headerRow: v.headerRow,
    columns: {},
    stageColumns: [],
    criteria: [],
    rows: Math.max(0, length - v.headerRow - 1),
    view: v.view,
  };
}

/** Detects every raw data tab; tabs that are not raw data are left out. */
export function detectTabs(tabs: RawTab[]): TabDetection[] {
  const out: TabDetection[] = [];
  if (!Array.isArray(tabs)) return out;
  for (const t of tabs) {
    const d = detectTab(t);
    if (d) out.push(d);
  }
  return out;
}
