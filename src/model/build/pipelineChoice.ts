/**
 * One funnel is one pipeline. A deals tab's pipeline is read from a pipeline column (HubSpot
 * "Pipeline", Pipedrive "Deal - Pipeline", amoCRM "Воронка", Bitrix24 "Направление"), else from
 * Bitrix24's stage codes: `C6:PREPARATION` is pipeline C6, a stage without a prefix the default
 * pipeline (C0). The report is for the pipeline asked for, else the one with the most deals; the
 * rows of the others become blank rows (row numbers stay) and are listed in the data check.
 */
import { cellText, isBlank, nameKey } from "../../core/values";
import type { TabMapping } from "../mapping";
import type { DataIssue, PipelineChoice, PipelineSource, RawTab } from "../types";
import { rowBlank } from "./layout";

/** Bitrix24's default pipeline: stage codes without a `C<n>:` prefix (CATEGORY_ID 0). */
export const BITRIX_DEFAULT_PIPELINE = "C0";

/** A Bitrix24 stage code of a pipeline other than the default ("C6:WON", "C2:3"). */
const BITRIX_CODE = /^\s*C\d+:[A-Z0-9_]+\s*$/;
const BITRIX_PREFIX = /^\s*c(\d+):/i;

/** The Bitrix24 pipeline a stage value belongs to: "C6" for "C6:NEW", C0 without a prefix. */
export function bitrixPipelineOf(stage: unknown): string {
  const m = BITRIX_PREFIX.exec(cellText(stage));
  return m ? `C${m[1]}` : BITRIX_DEFAULT_PIPELINE;
}

export interface PipelineTab {
  tab: RawTab;
  m: TabMapping;
}

/** Where a deals tab's pipelines are read, or null when it has none. */
export function pipelineSourceOf(t: PipelineTab): PipelineSource | null {
  const { tab, m } = t;
  const headerRow = tab.values[m.headerRow] ?? [];
  const header = (c: number) => cellText(headerRow[c]);
  const cPipeline = m.columns.pipeline;
  if (typeof cPipeline === "number" && cPipeline >= 0)
    return { tab: tab.name, from: "column", column: cPipeline, header: header(cPipeline) };
  const cStage = m.columns.stage;
  if (typeof cStage !== "number" || cStage < 0) return null;
  for (let r = m.headerRow + 1; r < tab.values.length; r++) {
    const v = tab.values[r]?.[cStage];
    if (typeof v === "string" && BITRIX_CODE.test(v))
      return { tab: tab.name, from: "stagePrefix", column: cStage, header: header(cStage) };
  }
  return null;
}

/** A row's pipeline by its source; "" when the row names none (a blank pipeline cell). */
export function rowPipeline(row: readonly unknown[], s: PipelineSource): string {
  const v = row[s.column];
  if (s.from === "stagePrefix") return bitrixPipelineOf(v);
  return isBlank(v) ? "" : cellText(v);
}

/** The name the user asked for as a pipeline's key ("6" is Bitrix24's C6). */
function askedKey(asked: string, sources: PipelineSource[]): string {
  const k = nameKey(asked);
  return /^\d+$/.test(k) && sources.some((s) => s.from === "stagePrefix") ? `c${k}` : k;
}

export interface PipelineOutcome {
  choice: PipelineChoice | null;
  /** Per deals tab that loses rows, the tab with those rows blank. */
  filtered: Map<RawTab, RawTab>;
  issues: DataIssue[];
  /** Ids of the deals left out (none of their rows kept) → their pipeline: a stage log's go too. */
  leftOutIds: Map<string, string>;
}

/**
 * The pipelines of the deals tabs, the one the report is for (`asked`, else the most deals; the
 * first seen on a tie) and the tabs without the others' rows. A blank pipeline cell names no
 * pipeline: its row stays. Nothing changes with one pipeline (unless a name was asked for, to be
 * checked). `inPlace`: blank the rows in the given tab (the caller gave its rows up).
 */
export function choosePipeline(
  tabs: PipelineTab[],
  asked: string | null | undefined,
  inPlace = false,
): PipelineOutcome {
  const none: PipelineOutcome = {
    choice: null,
    filtered: new Map(),
    issues: [],
    leftOutIds: new Map(),
  };
  const read: { t: PipelineTab; s: PipelineSource; keys: string[] }[] = [];
  const names = new Map<string, { name: string; deals: number }>();
  for (const t of tabs) {
    const s = pipelineSourceOf(t);
    if (!s) continue;
    const keys: string[] = [];
    const values = t.tab.values;
    for (let r = t.m.headerRow + 1; r < values.length; r++) {
      const row = values[r];
      if (!Array.isArray(row) || rowBlank(row)) continue;
      const name = rowPipeline(row, s);
      const k = nameKey(name);
      keys[r] = k;
      if (k === "") continue;
      const e = names.get(k);
      if (e) e.deals++;
      else names.set(k, { name, deals: 1 });
    }
    read.push({ t, s, keys });
  }
  const wanted = typeof asked === "string" && asked.trim() !== "" ? asked.trim() : null;
  if (names.size < 2 && wanted === null) return none;
  const sources = read.map((x) => x.s);
  const pipelines = [...names.values()].sort((a, b) => b.deals - a.deals);
  const hit = wanted === null ? undefined : names.get(askedKey(wanted, sources));
  const chosen = hit ?? pipelines[0];
  const choice: PipelineChoice = {
    chosen: chosen?.name ?? "",
    asked: wanted,
    unknown: wanted !== null && hit === undefined,
    pipelines,
    leftOut: 0,
    sources,
  };
  if (!chosen) return { ...none, choice };
  const keep = nameKey(chosen.name);
  const filtered = new Map<RawTab, RawTab>();
  const issues: DataIssue[] = [];
  const leftOutIds = new Map<string, string>();
  const keptIds = new Set<string>();
  for (const { t, s, keys } of read) {
    const values = inPlace ? t.tab.values : t.tab.values.slice();
    const cId = typeof t.m.columns.id === "number" ? t.m.columns.id : -1;
    let changed = false;
    keys.forEach((k, r) => {
      const row = values[r] as unknown[];
      const id = cId >= 0 ? cellText(row[cId]) : "";
      if (k === "" || k === keep) {
        if (id !== "") keptIds.add(id);
        return;
      }
      if (id !== "") leftOutIds.set(id, names.get(k)?.name ?? "");
      issues.push({
        tab: t.tab.name,
        row: r + 1,
        column: s.column + 1,
        header: s.header,
        value: cellText(row[s.column]).slice(0, 200),
        reason: "otherPipeline",
        detail: names.get(k)?.name ?? "",
      });
      values[r] = [];
      choice.leftOut++;
      changed = true;
    });
    if (changed) filtered.set(t.tab, inPlace ? t.tab : { ...t.tab, values });
  }
  for (const id of keptIds) leftOutIds.delete(id);
  return { choice, filtered, issues, leftOutIds };
}

/**
 * A stage log without the rows of deals left out (their pipeline named in the data check);
 * null when it has none. `inPlace`: blank them in the given tab.
 */
export function logWithoutDeals(
  tab: RawTab,
  m: TabMapping,
  leftOut: ReadonlyMap<string, string>,
  inPlace: boolean,
  issues: DataIssue[],
): RawTab | null {
  const cId = m.columns.id;
  if (leftOut.size === 0 || typeof cId !== "number" || cId < 0) return null;
  const header = cellText(tab.values[m.headerRow]?.[cId]);
  let values: unknown[][] | null = null;
  for (let r = m.headerRow + 1; r < tab.values.length; r++) {
    const row = tab.values[r];
    if (!Array.isArray(row)) continue;
    const id = cellText(row[cId]);
    const pipeline = leftOut.get(id);
    if (pipeline === undefined) continue;
    values ??= inPlace ? tab.values : tab.values.slice();
    values[r] = [];
    issues.push({
      tab: tab.name,
      row: r + 1,
      column: cId + 1,
      header,
      value: id.slice(0, 200),
      reason: "otherPipeline",
      detail: pipeline,
    });
  }
  return values === null ? null : inPlace ? tab : { ...tab, values };
}
