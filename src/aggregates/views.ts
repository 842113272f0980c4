/**
 * The aggregates as named views (SQL) and tabs (Sheets): one table per `Aggregates` list, with
 * its columns in order. The SQL emitter writes these names, the Sheets reader recognises a tab
 * by them, and the tests compare the two engines column by column.
 */
import type { Aggregates } from "./types";

export type AggregateTable = Exclude<keyof Aggregates, "longCallSeconds" | "hasClient">;

export type ColumnType = "day" | "text" | "int" | "number" | "bool";

export interface ViewColumn {
  /** Field of the row type. */
  field: string;
  /** Column name in SQL and in a tab's header row. */
  column: string;
  type: ColumnType;
  /** Null allowed. */
  nullable?: boolean;
}

export interface ViewDef {
  table: AggregateTable;
  view: string;
  columns: ViewColumn[];
}

const c = (field: string, column: string, type: ColumnType, nullable = false): ViewColumn => ({
  field,
  column,
  type,
  nullable,
});
const DAY = c("day", "day", "day");
const DAY_OR_NULL = c("day", "day", "day", true);
const REP = c("rep", "rep", "text");
const SOURCE = c("source", "source", "text");

export const VIEWS: readonly ViewDef[] = [
  {
    table: "stages",
    view: "voronka_stages",
    columns: [
      c("position", "position", "int"),
      c("stage", "stage", "text"),
      c("dated", "dated", "bool"),
      c("sameSourceNext", "same_source_next", "bool"),
    ],
  },
  {
    table: "deals",
    view: "voronka_agg_deals",
    columns: [
      DAY_OR_NULL,
      REP,
      SOURCE,
      c("reached", "reached", "int"),
      c("targeted", "targeted", "bool", true),
      c("deals", "deals", "int"),
    ],
  },
  {
    table: "stageEntries",
    view: "voronka_agg_stage_entries",
    columns: [DAY_OR_NULL, REP, SOURCE, c("stage", "stage", "int"), c("entries", "entries", "int")],
  },
  {
    table: "sales",
    view: "voronka_agg_sales",
    columns: [
      DAY_OR_NULL,
      REP,
      SOURCE,
      c("currency", "currency", "text"),
      c("sales", "sales", "int"),
      c("revenue", "revenue", "number"),
      c("amounts", "amounts", "int"),
      c("cents", "cents", "bool"),
      c("margin", "margin", "number"),
      c("marginBase", "margin_base", "number"),
      c("margins", "margins", "int"),
      c("repeatRevenue", "repeat_revenue", "number"),
    ],
  },
  {
    table: "cycles",
    view: "voronka_agg_cycles",
    columns: [DAY, REP, SOURCE, c("hours", "hours", "int"), c("deals", "deals", "int")],
  },
  {
    table: "spans",
    view: "voronka_agg_spans",
    columns: [DAY, REP, SOURCE, c("days", "days", "int"), c("deals", "deals", "int")],
  },
  {
    table: "cohorts",
    view: "voronka_agg_cohorts",
    columns: [
      DAY,
      REP,
      SOURCE,
      c("stage", "stage", "int"),
      c("withinDays", "within_days", "int", true),
      c("deals", "deals", "int"),
    ],
  },
  {
    table: "transitions",
    view: "voronka_agg_transitions",
    columns: [
      DAY,
      REP,
      SOURCE,
      c("step", "step", "int"),
      c("hours", "hours", "int"),
      c("transitions", "transitions", "int"),
    ],
  },
  {
    table: "repDays",
    view: "voronka_rep_days",
    columns: [
      DAY,
      REP,
      SOURCE,
      c("calls", "calls", "int"),
      c("longCalls", "long_calls", "int"),
      c("talkSeconds", "talk_seconds", "number"),
      c("timedCalls", "timed_calls", "int"),
    ],
  },
];

/** The one-row view of settings the aggregates were counted with. */
export const META_VIEW = {
  view: "voronka_agg_meta",
  columns: [c("longCallSeconds", "long_call_seconds", "int"), c("hasClient", "has_client", "bool")],
} as const;

export function viewOf(table: AggregateTable): ViewDef {
  const v = VIEWS.find((x) => x.table === table);
  if (!v) throw new Error(`no view for ${table}`);
  return v;
}
