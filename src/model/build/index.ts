/**
 * Raw tabs → one model (SPEC §3). Every tab is read with its mapping (the user's, or the one
 * detection gives); unreadable rows and cells are kept out and listed as DataIssues.
 * Linear in the number of rows: ids go through a hash index, stages through Maps, dates through
 * the cached core helpers.
 */
import { isValidTimeZone } from "../../core/calendar";
import { detectTab, isOwnSheetName, isSettingsTab, type TabDetection } from "../detect";
import {
  cleanMapping,
  emptyMapping,
  type TabMapping,
  tabMappingFromDetection,
  type WorkbookMapping,
} from "../mapping";
import { readBookedBy, readTeam, withUserRoles } from "../team";
import type { Call, CallDay, Grade, Model, PlanEntry, RawTab, TimeEntry } from "../types";
import { readCalls, readChecklist, readTimeLog } from "./activity";
import { readCallDays } from "./callDays";
import { type DealStore, readDealsTab } from "./deals";
import { col, Issues, type Layout, layoutOf } from "./layout";
import { findLeadLink, type LeadLink, leadsLayout, linkedStages, readLinked } from "./leadLink";
import { choosePipeline, logWithoutDeals } from "./pipelineChoice";
import { readPlan } from "./plan";
import { mergeStageLog, type ParsedLog, parseStageLog } from "./stageLog";
import {
  dealsTabStages,
  mergeStageLists,
  type StageOrderSource,
  stageSources,
  stageTable,
} from "./stages";

export { parsePeriod } from "./plan";
export type { StageOrderSource } from "./stages";

export interface BuildOptions {
  /** The spreadsheet's time zone ("UTC" offline). */
  timeZone: string;
  /** The stored / corrected mapping; tabs it does not name are detected. */
  mapping?: WorkbookMapping | null;
  /**
   * The caller gives the rows up: each tab the model reads keeps only its rows up to the header
   * once read (a stage log right after its parse, the other tabs at the end), so the raw rows can
   * be collected while the deals are made. A 1M-row log's rows are ~2/3 of the build's peak
   * memory. Only for callers that read no data rows after the build.
   */
  releaseRows?: boolean;
  /**
   * Called once the stage logs' rows are dropped (with releaseRows): a full GC there (Node's
   * `gc` under --expose-gc) frees them before the deals are made. V8 alone would collect them
   * only after the model has grown the heap past its next limit, so the peak would not move.
   */
  collect?: () => void;
  /** The pipeline to report (matched like names); absent: the one with the most deals. */
  pipeline?: string | null;
}

export interface BuildResult {
  model: Model;
  /** The mapping used: the given one plus detections for the tabs it did not name, and the stages. */
  mapping: WorkbookMapping;
  detections: TabDetection[];
  /** Where the funnel's stages came from, for --explain and the sidebar. */
  stageSource: StageSource;
  /** A leads tab and a deals tab read as one deal per lead (leadLink.ts). */
  leadLink?: LeadLinkInfo;
}

export interface LeadLinkInfo {
  leads: string;
  /** null: Zoho's leads module alone, read by the same rule (nothing won). */
  deals: string | null;
  /** 0-based columns: the key both tabs share, and the leads tab's conversion flag (-1: none). */
  leadKey: number;
  dealKey: number;
  flag: number;
}

export interface StageSource {
  /** "aggregates": the `voronka_stages` view of aggregates tabs (set by the report pipelines). */
  from: "settings" | "stageLog" | "stageColumns" | "stageColumn" | "aggregates" | "none";
  /** The tab and the column(s) that give the stages. */
  tab?: string;
  columns?: string[];
  order: StageOrderSource;
}

/** Raw tabs → model, with the mapping used and what detection found. */
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
  const read: { tab: RawTab; d: TabDetection | null; m: TabMapping; given: boolean }[] = [];
  for (const tab of Array.isArray(tabs) ? tabs : []) {
    if (!tab || typeof tab.name !== "string" || !Array.isArray(tab.values)) continue;
    if (isOwnSheetName(tab.name) || isSettingsTab(tab)) continue;
    if (tab.notes) issues.list.push(...tab.notes);
    const d = detectTab(tab);
    const gm = givenByName.get(tab.name);
    const m = gm ?? (d ? tabMappingFromDetection(d) : null);
    if (m) read.push({ tab, d, m, given: !!gm });
    else if (d) detections.push(d);
  }
  // One funnel is one pipeline: the other pipelines' rows go, then detection looks again at what
  // is left (the won stage, the stage columns of the pipeline reported).
  const pipes = choosePipeline(
    read.filter((x) => x.m.kind === "deals"),
    opts?.pipeline,
    !!opts?.releaseRows,
  );
  issues.list.push(...pipes.issues);
  for (const x of read) {
    const kept =
      x.m.kind === "stageLog"
        ? logWithoutDeals(x.tab, x.m, pipes.leftOutIds, !!opts?.releaseRows, issues.list)
        : pipes.filtered.get(x.tab);
    if (kept) {
      x.tab = kept;
      const again = x.given ? null : detectTab(kept);
      if (again?.kind === "deals") {
        x.d = again;
        x.m = tabMappingFromDetection(again);
      }
    }
    if (x.d) detections.push(x.d);
    outTabs.push(x.m);
    const l = layoutOf(x.tab, x.m, issues);
    if (l) layouts.push(l);
  }
  const byKind = (k: string) => layouts.filter((l) => l.m.kind === k);
  const dealsTabs = byKind("deals");
  // A leads table linked to a deals table makes one deal per lead (leadLink.ts).
  const link = findLeadLink(dealsTabs);
  const unlinked = dealsTabs.filter((l) => l !== link?.leads && l !== link?.deals);
  const logs = byKind("stageLog").map((l) => parseStageLog(l, tz, issues));
  if (opts?.releaseRows && logs.length > 0) {
    for (const p of logs) releaseRows(p.l);
    opts.collect?.();
  }

  // Stages.
  let stageNames: string[];
  const strict = given.stages.length > 0;
  const tabStages = new Map(unlinked.map((l) => [l, dealsTabStages(l)]));
  if (link) tabStages.set(link.leads, linkedOrder(link));
  const ordered = link ? [link.leads, ...unlinked] : unlinked;
  const colTabs = ordered.filter((l) => tabStages.get(l)?.order.from === "columns");
  const colLists = colTabs.map((l) => tabStages.get(l)?.names ?? []);
  const valueTabs = ordered.filter((l) => tabStages.get(l)?.order.from !== "columns");
  if (strict) {
    stageNames = mergeStageLists([given.stages, ...colLists]);
  } else {
    const lists = [
      ...colLists,
      ...logs.map((p) => p.order),
      ...valueTabs.map((l) => tabStages.get(l)?.names ?? []),
    ];
    stageNames = mergeStageLists(lists);
  }
  const stageSource = sourceOfStages(strict, logs, colTabs, valueTabs, tabStages);
  const st = stageTable(stageNames);

  const store: DealStore = { deals: [], byId: new Map() };
  if (link) readLinked(link, st, tz, store, issues);
  for (const l of unlinked) readDealsTab(l, st, tz, store, issues);
  logs.forEach((p, i) => {
    mergeStageLog(p, st, store, issues, strict, i < logs.length - 1);
  });
  const calls: Call[] = [];
  for (const l of byKind("calls")) readCalls(l, tz, calls, issues);
  const callDays: CallDay[] = [];
  for (const l of byKind("callsSummary")) readCallDays(l, tz, callDays, issues);
  const timeEntries: TimeEntry[] = [];
  for (const l of byKind("timeLog")) readTimeLog(l, tz, timeEntries, issues);
  const plans: PlanEntry[] = [];
  for (const l of byKind("plan")) readPlan(l, tz, plans, issues);
  const grades: Grade[] = [];
  const criteria: string[] = [];
  const criteriaIndex = new Map<string, number>();
  for (const l of byKind("checklist")) readChecklist(l, criteria, criteriaIndex, grades, issues);
  for (const g of grades) while (g.scores.length < criteria.length) g.scores.push(null);

  // Roles (SPEC §7): team tabs, Role columns, "booked by".
  const mapped = (ls: Layout[]) =>
    ls.map((l) => ({ tab: l.tab, headerRow: l.m.headerRow, columns: l.m.columns }));
  readBookedBy(mapped(dealsTabs), store.deals);
  const roles = readTeam(mapped(byKind("team")), mapped([...dealsTabs, ...byKind("calls")]), tz);
  issues.list.push(...roles.issues);
  const team = withUserRoles(given.roles, roles.team);

  // Aggregates tabs are read after the build (aggregates/fromTabs.ts): their rows stay.
  if (opts?.releaseRows) for (const l of layouts) if (l.m.kind !== "aggregates") releaseRows(l);

  // Given mapping entries for tabs that are not there now are kept (a copy may lack a tab).
  for (const t of given.tabs) if (!outTabs.includes(t)) outTabs.push(t);
  return {
    model: {
      stages: st.names,
      deals: store.deals,
      calls,
      ...(callDays.length > 0 ? { callDays } : {}),
      timeEntries,
      plans,
      grades,
      criteria,
      issues: issues.list,
      timeZone: tz,
      stageSources: stageSources(
        dealsTabs.map((l) => (l === link?.leads ? leadsLayout(link) : l)),
        logs.length > 0,
        st,
      ),
      ...(team.length > 0 ? { team } : {}),
      ...(pipes.choice ? { pipelines: pipes.choice } : {}),
    },
    mapping: {
      version: given.version || 1,
      stages: st.names,
      tabs: outTabs,
      ...(given.roles?.length ? { roles: given.roles } : {}),
    },
    detections,
    stageSource,
    ...(link
      ? {
          leadLink: {
            leads: link.leads.tab.name,
            deals: link.deals?.tab.name ?? null,
            leadKey: link.leadKey,
            dealKey: link.dealKey,
            flag: link.flag,
          },
        }
      : {}),
  };
}

/** The linked pair's stages, ordered as the leads tab's statuses are. */
function linkedOrder(link: LeadLink): { names: string[]; order: StageOrderSource } {
  return { names: linkedStages(link), order: dealsTabStages(link.leads).order };
}

/** Drops a tab's rows after the header (see BuildOptions.releaseRows). */
function releaseRows(l: Layout): void {
  const keep = l.m.headerRow + 1;
  if (l.tab.values.length > keep) l.tab.values.length = keep;
}

/** Where the funnel's stages came from: the settings, a stage log, stage columns or a stage column. */
function sourceOfStages(
  strict: boolean,
  logs: ParsedLog[],
  colTabs: Layout[],
  valueTabs: Layout[],
  tabStages: Map<Layout, { names: string[]; order: StageOrderSource }>,
): StageSource {
  if (strict) return { from: "settings", order: { from: "settings" } };
  const firstLog = logs[0];
  if (firstLog) {
    const l = firstLog.l;
    return {
      from: "stageLog",
      tab: l.tab.name,
      columns: [l.headers[col(l, "stage")] ?? ""],
      order: { from: "log" },
    };
  }
  const withColumns = colTabs.find((l) => (l.m.stageColumns ?? []).length > 0) ?? colTabs[0];
  if (withColumns) {
    const headers = (withColumns.m.stageColumns ?? []).map(
      (s) => withColumns.headers[s.column] ?? "",
    );
    // No stage column, but an outcome column (X-Education's Converted): that one.
    if (headers.length === 0)
      for (const f of ["won", "status", "closedFlag"] as const) {
        const c = col(withColumns, f);
        if (c >= 0) {
          headers.push(withColumns.headers[c] ?? "");
          break;
        }
      }
    return {
      from: "stageColumns",
      tab: withColumns.tab.name,
      columns: headers,
      order: { from: "columns" },
    };
  }
  const withStage = valueTabs.find((l) => col(l, "stage") >= 0);
  if (withStage) {
    const order = tabStages.get(withStage)?.order ?? { from: "ladder" };
    return {
      from: "stageColumn",
      tab: withStage.tab.name,
      columns: [withStage.headers[col(withStage, "stage")] ?? ""],
      order,
    };
  }
  return { from: "none", order: { from: "ladder" } };
}
