/**
 * Aggregates laid out as tabs, the way a user's export brings them into a spreadsheet: one tab
 * per view, the header row the view's column names. Written here by hand (not by the reader's
 * code) so the tests read back what an outside writer would give.
 * - "sheets": as BigQuery's "save results to Sheets" lands in Sheets (Dates, booleans, numbers;
 *   the tab named after the query, not the view);
 * - "text": as a CSV import leaves it (ISO dates, "true"/"FALSE", numbers as text).
 */
import type { Aggregates } from "../../src/aggregates/types";
import { META_VIEW, VIEWS } from "../../src/aggregates/views";
import type { RawTab } from "../../src/model/types";

const DAY = 86_400_000;

export type CellStyle = "sheets" | "text";

function cell(v: unknown, type: string, style: CellStyle, row: number): unknown {
  if (v === null || v === undefined) return "";
  if (type === "day") {
    const iso = new Date((v as number) * DAY).toISOString().slice(0, 10);
    return style === "sheets" ? new Date(`${iso}T00:00:00Z`) : iso;
  }
  if (type === "bool") {
    if (style === "sheets") return v;
    return row % 2 ? String(v) : String(v).toUpperCase();
  }
  if (type === "int" || type === "number") return style === "sheets" ? v : String(v);
  return v;
}

export function aggregatesToTabs(agg: Aggregates, style: CellStyle = "sheets"): RawTab[] {
  const tabs: RawTab[] = [];
  const name = (view: string, i: number) =>
    style === "sheets" ? `bquxjob_${1000 + i}_results` : view;
  VIEWS.forEach((v, i) => {
    const rows = agg[v.table] as unknown as Record<string, unknown>[] | undefined;
    // An optional view the engine did not make (graded deals without a checklist): no tab.
    if (!rows) return;
    tabs.push({
      name: name(v.view, i),
      values: [
        v.columns.map((c) => c.column),
        ...rows.map((r, n) => v.columns.map((c) => cell(r[c.field], c.type, style, n))),
      ],
    });
  });
  tabs.push({
    name: name(META_VIEW.view, VIEWS.length),
    values: [
      META_VIEW.columns.map((c) => c.column),
      META_VIEW.columns.map((c) =>
        cell((agg as unknown as Record<string, unknown>)[c.field], c.type, style, 0),
      ),
    ],
  });
  return tabs;
}

/** Each list sorted, so two engines' (or a round trip's) rows compare regardless of order. */
export function sortedAggregates(agg: Aggregates): Aggregates {
  const out = { ...agg } as unknown as Record<string, unknown>;
  for (const v of VIEWS) {
    const rows = agg[v.table] as unknown as Record<string, unknown>[] | undefined;
    if (!rows) continue;
    out[v.table] = rows
      .map((r) => ({ r, k: JSON.stringify(v.columns.map((c) => r[c.field])) }))
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
      .map((x) => x.r);
  }
  return out as unknown as Aggregates;
}
