/** The funnel's stage list: lookup by name, merging ordered lists, a deals tab's stages. */
import { cellText, isBlank, parseNumber } from "../../core/values";
import { rowOutcome } from "../dealColumns";
import { isWonStageName, ladderRank, STAGE_LADDER, statusOf } from "../headers";
import type { TabMapping } from "../mapping";
import { bitrixStageName, knownPipelineOf, stageKey } from "../pipelines";
import { col, type Layout } from "./layout";

export interface StageTable {
  names: string[];
  index: Map<string, number>;
  /** Index of the last stage when it is the sale (won statuses reach it), else -1. */
  won: number;
}

export function stageTable(names: string[]): StageTable {
  const index = new Map<string, number>();
  const out: string[] = [];
  for (const n of names) {
    const k = stageKey(n);
    if (k === "" || index.has(k)) continue;
    index.set(k, out.length);
    out.push(n.trim());
  }
  const last = out.length - 1;
  return { names: out, index, won: last >= 0 && isWonStageName(out[last]) ? last : -1 };
}

export function lookupStage(t: StageTable, v: unknown): number {
  const k = stageKey(v);
  const i = t.index.get(k);
  if (i !== undefined) return i;
  if (t.won >= 0 && statusOf(v) === "won") return t.won;
  return -1;
}

/** Merges ordered stage lists: names missing from the result go right after their predecessor. */
export function mergeStageLists(lists: string[][]): string[] {
  const out: string[] = [];
  const keys: string[] = [];
  for (const list of lists) {
    let prev = -1;
    for (const name of list) {
      const k = stageKey(name);
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
export function columnStages(m: TabMapping): string[] {
  const out: string[] = [];
  if (m.entryStage) out.push(m.entryStage);
  for (const s of m.stageColumns ?? []) out.push(s.stage);
  if (m.wonStage) out.push(m.wonStage);
  return out;
}

/** Where a pipeline's order came from (for --explain and the sidebar). */
export type StageOrderSource =
  | { from: "settings" }
  | { from: "columns" }
  | { from: "sortOrder"; header: string }
  | { from: "log" }
  | { from: "pipeline"; crm: string }
  | { from: "ladder" }
  /** Most stage names are not sales words we know: the order is a guess the user should check. */
  | { from: "appearance" };

/** The stages a deals tab gives, in order, and where that order came from. */
export function dealsTabStages(l: Layout): { names: string[]; order: StageOrderSource } {
  const m = l.m;
  if (m.stageColumns?.length || (m.entryStage && col(l, "stage") < 0))
    return { names: columnStages(m), order: { from: "columns" } };
  return currentStageValues(l);
}

/**
 * Current-stage values of a deals tab without stage columns, in the order the export gives
 * (a sort-order column), else a known CRM pipeline, else the usual ladder; outcomes last.
 * A value only closed, lost deals hold (Bitrix24's closed stages) is not a pipeline stage.
 */
export function currentStageValues(l: Layout): { names: string[]; order: StageOrderSource } {
  const c = col(l, "stage");
  if (c < 0) return { names: [], order: { from: "ladder" } };
  const cOrder = col(l, "stageOrder");
  const cClosedFlag = col(l, "closedFlag");
  const outcomeCols = {
    stage: c,
    status: col(l, "status") >= 0 ? col(l, "status") : undefined,
    won: col(l, "won") >= 0 ? col(l, "won") : undefined,
    closedFlag: cClosedFlag >= 0 ? cClosedFlag : undefined,
  };
  interface Seen {
    name: string;
    first: number;
    rank: number;
    order: number;
    notClosed: number;
  }
  const seen = new Map<string, Seen>();
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
      if (!wonName) wonName = bitrixStageName(cellText(v)) ?? cellText(v);
      continue;
    }
    const k = stageKey(v);
    let e = seen.get(k);
    if (!e) {
      const name = bitrixStageName(cellText(v)) ?? cellText(v);
      e = { name, first: seen.size, rank: ladderRank(name), order: Infinity, notClosed: 0 };
      seen.set(k, e);
    }
    if (cClosedFlag < 0 || rowOutcome(row, outcomeCols) !== "lost") e.notClosed++;
    if (cOrder >= 0) {
      const n = parseNumber(row[cOrder]);
      if (n !== null && n < e.order) e.order = n;
    }
  }
  let list = [...seen.values()];
  if (cClosedFlag >= 0) list = list.filter((e) => e.notClosed > 0);
  let order: StageOrderSource;
  if (cOrder >= 0 && list.every((e) => Number.isFinite(e.order))) {
    order = { from: "sortOrder", header: l.headers[cOrder] ?? "" };
    list.sort((a, b) => a.order - b.order || a.first - b.first);
  } else {
    const known = knownPipelineOf(list.map((e) => e.name));
    const ladder = (e: Seen) => (e.rank < 0 ? 2 : e.rank / (STAGE_LADDER.length - 1));
    const pos = (e: Seen) => known?.position(e.name) ?? ladder(e);
    const unknown = list.filter((e) => e.rank < 0).length;
    order = known
      ? { from: "pipeline", crm: known.crm }
      : unknown * 2 > list.length
        ? { from: "appearance" }
        : { from: "ladder" };
    list.sort(
      (a, b) => pos(a) - pos(b) || customCode(a.name) - customCode(b.name) || a.first - b.first,
    );
  }
  const names = list.map((x) => x.name);
  const won = wonName || l.m.wonStage || "";
  if (won && !(names.length && isWonStageName(names[names.length - 1]))) names.push(won);
  return { names, order };
}

/**
 * A Bitrix24 custom stage's number ("C6:4" → 4; Bitrix24 numbers a pipeline's stages as they are
 * added, after its standard ones), else 0.
 */
function customCode(name: string): number {
  const m = /^C\d+:(\d+)$/.exec(name.trim());
  return m ? Number(m[1]) : 0;
}

/**
 * Per stage, the column its dates come from ("Deals!7"), so the report can tell that two stages
 * dated by one column (Maven's Closed and Won, both close_date) are not a transition. A stage fed
 * by a stage log or by several tabs gets null (distinct sources, or not known).
 */
export function stageSources(
  dealsTabs: Layout[],
  hasLog: boolean,
  st: StageTable,
): (string | null)[] {
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
