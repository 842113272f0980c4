/** The funnel's stage list: lookup by name, merging ordered lists, a deals tab's stages. */
import { cellText, isBlank, nameKey } from "../../core/values";
import { isWonStageName, ladderRank, statusOf } from "../headers";
import type { TabMapping } from "../mapping";
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
    const k = nameKey(n);
    if (k === "" || index.has(k)) continue;
    index.set(k, out.length);
    out.push(n.trim());
  }
  const last = out.length - 1;
  return { names: out, index, won: last >= 0 && isWonStageName(out[last]) ? last : -1 };
}

export function lookupStage(t: StageTable, v: unknown): number {
  const k = nameKey(v);
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
export function columnStages(m: TabMapping): string[] {
  const out: string[] = [];
  if (m.entryStage) out.push(m.entryStage);
  for (const s of m.stageColumns ?? []) out.push(s.stage);
  if (m.wonStage) out.push(m.wonStage);
  return out;
}

/** Current-stage values of a deals tab without stage columns, ordered by the usual ladder. */
export function currentStageValues(l: Layout): string[] {
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
