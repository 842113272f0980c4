/**
 * Recognising a tab that holds one of the aggregate views (SPEC §3 "aggregates"): its header row
 * names every column of the view but the optional ones (any order, any case; "same_source_next"
 * = "Same source next"), and nothing else unless the tab is named after the view. The tab's name
 * does not matter otherwise: BigQuery's "save results to Sheets" names tabs after the query.
 */
import { headerKey } from "../model/headers";
import { HEADER_SCAN_ROWS, headerCells } from "../model/synonyms";
import type { RawTab } from "../model/types";
import { type AggregateTable, META_VIEW, VIEWS, type ViewColumn } from "./views";

export interface ViewOfTab {
  /** The list of `Aggregates` the tab fills, or "meta" for `voronka_agg_meta`. */
  table: AggregateTable | "meta";
  view: string;
  columns: readonly ViewColumn[];
  /** 0-based header row. */
  headerRow: number;
  /** View column name → 0-based column index in the tab (an optional column may be absent). */
  indexes: Record<string, number>;
  /** The header cells as written, for the data check. */
  headers: string[];
}

const CANDIDATES: {
  table: AggregateTable | "meta";
  view: string;
  columns: readonly ViewColumn[];
}[] = [
  ...VIEWS.map((v) => ({ table: v.table, view: v.view, columns: v.columns })),
  { table: "meta" as const, view: META_VIEW.view, columns: META_VIEW.columns },
];

/** The view whose columns a header row names, or null. */
function viewOfHeaders(
  headers: string[],
  tabKey: string,
): { c: (typeof CANDIDATES)[number]; indexes: Record<string, number> } | null {
  const keys = headers.map((h) => headerKey(h));
  const filled = keys.filter((k) => k !== "").length;
  let best: { c: (typeof CANDIDATES)[number]; indexes: Record<string, number> } | null = null;
  for (const c of CANDIDATES) {
    const indexes: Record<string, number> = {};
    let all = true;
    for (const col of c.columns) {
      const i = keys.indexOf(headerKey(col.column));
      if (i < 0) {
        if (col.optional) continue;
        all = false;
        break;
      }
      indexes[col.column] = i;
    }
    if (!all) continue;
    const named = tabKey !== "" && tabKey.includes(headerKey(c.view));
    if (filled > c.columns.length && !named) continue;
    if (
      !best ||
      c.columns.length > best.c.columns.length ||
      (c.columns.length === best.c.columns.length && named)
    )
      best = { c, indexes };
  }
  return best;
}

/** The aggregate view a tab holds, with its header row and columns; null when it holds none. */
export function viewOfTab(tab: RawTab): ViewOfTab | null {
  if (!tab || !Array.isArray(tab.values)) return null;
  const tabKey = headerKey(typeof tab.name === "string" ? tab.name : "");
  const scan = Math.min(tab.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < scan; r++) {
    const row = tab.values[r];
    if (!Array.isArray(row)) continue;
    const headers = headerCells(row);
    const found = viewOfHeaders(headers, tabKey);
    if (found)
      return {
        table: found.c.table,
        view: found.c.view,
        columns: found.c.columns,
        headerRow: r,
        indexes: found.indexes,
        headers,
      };
  }
  return null;
}
