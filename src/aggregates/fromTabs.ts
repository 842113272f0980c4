/**
 * Aggregates tabs → `Aggregates` (SPEC §3 "aggregates", §8): the views `voronka sql` emits, brought
 * into the spreadsheet by the user (BigQuery's "save results to Sheets", a scheduled export, a
 * Connected Sheets extract). Each tab is recognised by its header row (viewTabs.ts). Cells come
 * as Sheets gives them: days as dates, ISO text or serial numbers; booleans as TRUE/FALSE or
 * text; numbers as numbers or text. A row with a cell that cannot be read is left out and named
 * in the data check; `voronka_stages` is required, the other views may be missing (empty lists).
 */
import { MS_PER_DAY } from "../core/calendar";
import { cellText, isBlank, parseDate, parseNumber } from "../core/values";
import type { StageSource } from "../model/build/index";
import type { DataIssue, DataIssueReason, RawTab, TabKind } from "../model/types";
import { DEFAULT_LONG_CALL_SECONDS } from "./memory";
import { noRoleViews } from "./roleViews";
import type { Aggregates, RepDayRow, StageInfo } from "./types";
import { META_VIEW, VIEWS, type ViewColumn, viewOf } from "./views";
import { type ViewOfTab, viewOfTab } from "./viewTabs";

export interface AggregatesFromTabs {
  /** The tab `voronka_stages` was read from, when read. */
  stagesTab?: string;
  /** Null when no tab holds a view, or when `voronka_stages` is missing. */
  agg: Aggregates | null;
  issues: DataIssue[];
  /** The tabs read, with the view each holds. */
  views: { tab: string; view: string }[];
  /** Set when the tabs hold only `voronka_rep_days` (and meta): its rows, to add to the calls. */
  repDays?: RepDayRow[];
}

const REP_DAYS_VIEW = viewOf("repDays").view;

/** What a cell of a column of `type` holds; `undefined` when it cannot be read. */
type Cell = number | string | boolean | null | undefined;

const TRUE_WORDS = new Set(["true", "yes", "1"]);
const FALSE_WORDS = new Set(["false", "no", "0"]);

function readCell(v: unknown, col: ViewColumn, timeZone: string): Cell {
  if (typeof v === "string" && v.trim().toLowerCase() === "null") v = "";
  if (isBlank(v)) {
    if (col.type === "text") return "";
    return col.nullable ? null : undefined;
  }
  switch (col.type) {
    case "text":
      return cellText(v);
    case "day": {
      // Dates shown in the spreadsheet's zone, ISO text (BigQuery DATE), or a serial day.
      const wall = parseDate(v, { timeZone, serialNumbers: true });
      return wall === null ? undefined : Math.floor(wall / MS_PER_DAY);
    }
    case "bool": {
      if (typeof v === "boolean") return v;
      const k =
        typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().toLowerCase() : "";
      return TRUE_WORDS.has(k) ? true : FALSE_WORDS.has(k) ? false : undefined;
    }
    case "int": {
      const n = parseNumber(v);
      return n !== null && Number.isInteger(n) ? n : undefined;
    }
    case "number":
      return parseNumber(v) ?? undefined;
  }
}

function reasonFor(col: ViewColumn, v: unknown): DataIssueReason {
  if (isBlank(v)) return "missingRequired";
  return col.type === "day" ? "badDate" : col.type === "text" ? "other" : "badNumber";
}

/** The rows of one view tab as objects keyed by the row type's fields; bad rows become issues. */
function readRows(
  tab: RawTab,
  v: ViewOfTab,
  timeZone: string,
  issues: DataIssue[],
): Record<string, Cell>[] {
  const rows: Record<string, Cell>[] = [];
  for (let r = v.headerRow + 1; r < tab.values.length; r++) {
    const raw = tab.values[r];
    if (!Array.isArray(raw) || raw.every((x) => isBlank(x))) continue;
    const row: Record<string, Cell> = {};
    let ok = true;
    for (const col of v.columns) {
      const c = v.indexes[col.column];
      // An optional column the tab was exported without: not known (views.ts).
      if (c === undefined) {
        row[col.field] = null;
        continue;
      }
      const cell = readCell(raw[c], col, timeZone);
      if (cell === undefined) {
        issues.push({
          tab: tab.name,
          row: r + 1,
          column: c + 1,
          header: v.headers[c] ?? col.column,
          value: cellText(raw[c]).slice(0, 200),
          reason: reasonFor(col, raw[c]),
          detail: `${v.view}.${col.column}: ${col.type}`,
        });
        ok = false;
        break;
      }
      row[col.field] = cell;
    }
    if (ok) rows.push(row);
  }
  return rows;
}

function emptyAggregates(): Aggregates {
  return {
    stages: [],
    longCallSeconds: DEFAULT_LONG_CALL_SECONDS,
    hasClient: false,
    deals: [],
    stageEntries: [],
    sales: [],
    cycles: [],
    cycleSpread: [],
    spans: [],
    cohorts: [],
    transitions: [],
    transitionSpread: [],
    repDays: [],
    ...noRoleViews(),
  };
}

/**
 * Every aggregates tab among `tabs` (others are ignored) read into one `Aggregates`; a view in
 * two tabs (a long view split by hand) adds up both. `timeZone`: the zone Sheets dates are in.
 */
export function tabsToAggregates(tabs: readonly RawTab[], timeZone = "UTC"): AggregatesFromTabs {
  const issues: DataIssue[] = [];
  const views: { tab: string; view: string }[] = [];
  const agg = emptyAggregates();
  let stagesTab: string | null = null;
  let meta = false;
  for (const tab of tabs) {
    const v = viewOfTab(tab);
    if (!v) continue;
    views.push({ tab: tab.name, view: v.view });
    const rows = readRows(tab, v, timeZone, issues);
    if (v.table === "meta") {
      const first = rows[0];
      if (first && !meta) {
        meta = true;
        agg.longCallSeconds = first.longCallSeconds as number;
        agg.hasClient = first.hasClient as boolean;
      }
      continue;
    }
    if (v.table === "stages") stagesTab ??= tab.name;
    if (v.table === "gradedDeals") agg.gradedDeals ??= [];
    (agg[v.table] as unknown as Record<string, Cell>[]).push(...rows);
  }
  if (views.length === 0) return { agg: null, issues, views };
  // Only rep-days (calls per rep and day, SPEC §3's calls summary as the SQL engine exports it):
  // calls for a report planned from the model, no funnel of their own.
  if (views.every((v) => v.view === REP_DAYS_VIEW || v.view === META_VIEW.view))
    return { agg: null, issues, views, repDays: agg.repDays };
  const stageIssue = checkStages(agg.stages, stagesTab);
  if (stageIssue) return { agg: null, issues: [...issues, stageIssue], views };
  agg.stages.sort((a, b) => a.position - b.position);
  return { agg, issues, views, ...(stagesTab !== null ? { stagesTab } : {}) };
}

/** The stages view must be there and number its stages 0, 1, 2… with no gap or repeat. */
function checkStages(stages: StageInfo[], tab: string | null): DataIssue | null {
  const view = viewOf("stages").view;
  const positions = stages.map((s) => s.position).sort((a, b) => a - b);
  const numbered = positions.every((p, i) => p === i);
  if (tab !== null && stages.length > 0 && numbered) return null;
  return {
    tab: tab ?? view,
    row: 0,
    column: 0,
    header: "",
    value: "",
    reason: tab === null || stages.length === 0 ? "missingRequired" : "other",
    detail:
      tab === null
        ? `${view} (${viewOf("stages")
            .columns.map((c) => c.column)
            .join(", ")})`
        : `${view}: position 0, 1, 2…`,
  };
}

/**
 * The aggregates of the tabs a build reads as "aggregates" (detected, or so chosen in the
 * sidebar); a tab chosen so that holds no view is named in the data check. `agg` null: plan the
 * report from the model as usual.
 */
export function aggregatesOfBuild(
  tabs: readonly RawTab[],
  mapping: { tabs: readonly { name: string; kind: TabKind | null }[] },
  timeZone: string,
): AggregatesFromTabs {
  const chosen = new Set(mapping.tabs.filter((t) => t.kind === "aggregates").map((t) => t.name));
  if (chosen.size === 0) return { agg: null, issues: [], views: [] };
  const read = tabsToAggregates(
    tabs.filter((t) => chosen.has(t.name)),
    timeZone,
  );
  const found = new Set(read.views.map((v) => v.tab));
  const names = [...VIEWS.map((v) => v.view), META_VIEW.view].join(", ");
  for (const name of chosen)
    if (!found.has(name) && tabs.some((t) => t.name === name))
      read.issues.push({
        tab: name,
        row: 0,
        column: 0,
        header: "",
        value: "",
        reason: "noHeader",
        detail: names,
      });
  return read;
}

/** Where the stages come from when the report is planned from aggregates tabs. */
export function aggregatesStageSource(stagesTab: string): StageSource {
  return {
    from: "aggregates",
    tab: stagesTab,
    columns: [viewOf("stages").view],
    order: { from: "columns" },
  };
}
