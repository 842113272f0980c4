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
  /**
   * Added after tabs were first exported: a tab without it still reads as the view (the field
   * null, what the report then falls back from).
   */
  optional?: boolean;
}

export interface ViewDef {
  table: AggregateTable;
  view: string;
  columns: ViewColumn[];
  /** May be absent (its list then stays undefined): the graded deals, without a checklist. */
  optional?: boolean;
}

/** "marginBase" → "margin_base". */
function snake(field: string): string {
  return field.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

/**
 * Columns from a compact list: `field:type`, `?` for nullable, `+` for optional (nullable too);
 * `day`, `rep` and `source` need no type. Column names are the fields in snake case.
 */
function cols(spec: string): ViewColumn[] {
  const known: Record<string, ColumnType> = { day: "day", rep: "text", source: "text" };
  return spec.split(/\s+/).map((item) => {
    const m = /^(\w+)(?::(\w+))?([?+])?$/.exec(item);
    const field = m?.[1] ?? "";
    const type = (m?.[2] ?? known[field]) as ColumnType | undefined;
    if (!m || !type) throw new Error(`bad column spec ${item}`);
    const column = { field, column: snake(field), type, nullable: m[3] !== undefined };
    return m[3] === "+" ? { ...column, optional: true } : column;
  });
}

export const VIEWS: readonly ViewDef[] = [
  {
    table: "stages",
    view: "voronka_stages",
    columns: cols("position:int stage:text dated:bool sameSourceNext:bool"),
  },
  {
    table: "deals",
    view: "voronka_agg_deals",
    columns: cols("day? rep source reached:int targeted:bool? deals:int"),
  },
  {
    table: "stageEntries",
    view: "voronka_agg_stage_entries",
    columns: cols("day? rep source stage:int entries:int"),
  },
  {
    table: "sales",
    view: "voronka_agg_sales",
    columns: cols(
      "day? rep source currency:text sales:int revenue:number amounts:int cents:bool " +
        "margin:number marginBase:number margins:int repeatRevenue:number",
    ),
  },
  {
    table: "cycles",
    view: "voronka_agg_cycles",
    columns: cols("day rep source deals:int totalHours:int"),
  },
  {
    table: "cycleSpread",
    view: "voronka_agg_cycle_spread",
    columns: cols(
      "day rep source fromHours:int deals:int minHours:int maxHours:int totalHours:int+",
    ),
  },
  {
    table: "spans",
    view: "voronka_agg_spans",
    columns: cols("day rep source days:int deals:int"),
  },
  {
    table: "cohorts",
    view: "voronka_agg_cohorts",
    columns: cols("day rep source stage:int withinDays:int? deals:int"),
  },
  {
    table: "transitions",
    view: "voronka_agg_transitions",
    columns: cols("day rep source step:int transitions:int totalHours:int"),
  },
  {
    table: "transitionSpread",
    view: "voronka_agg_transition_spread",
    columns: cols(
      "day rep source step:int fromHours:int transitions:int minHours:int maxHours:int " +
        "totalHours:int+",
    ),
  },
  {
    table: "repDays",
    view: "voronka_rep_days",
    columns: cols("day rep source calls:int longCalls:int talkSeconds:number timedCalls:int"),
  },
  {
    table: "roleLeads",
    view: "voronka_agg_role_leads",
    columns: cols("day? sdr:text byOwner:bool source targeted:bool? deals:int"),
  },
  {
    table: "bookings",
    view: "voronka_agg_bookings",
    columns: cols(
      "day? sdr:text byOwner:bool source targeted:bool? booked:int confirmed:int held:int " +
        "heldWon:int sales:int revenue:number amounts:int",
    ),
  },
  {
    table: "bookingReach",
    view: "voronka_agg_booking_reach",
    columns: cols("day sdr:text byOwner:bool source outcome:text withinDays:int? deals:int"),
  },
  {
    table: "roleEvents",
    view: "voronka_agg_role_events",
    columns: cols("day? rep source event:text deals:int revenue:number amounts:int"),
  },
  {
    table: "repeatClients",
    view: "voronka_agg_repeat_clients",
    columns: cols("day? rep source client:text"),
  },
  {
    table: "heldLost",
    view: "voronka_agg_held_lost",
    columns: cols(
      "day sdr:text byOwner:bool id:text source targeted:bool? bookedDay:day heldDay:day? rep",
    ),
  },
  {
    // Column names no raw deals tab would have ("id, rep, status" would take one over).
    table: "gradedDeals",
    view: "voronka_agg_graded_deals",
    columns: cols("gradedId:text dealRep:text dealStatus:text"),
    optional: true,
  },
];

/** The one-row view of settings the aggregates were counted with. */
export const META_VIEW = {
  view: "voronka_agg_meta",
  columns: cols("longCallSeconds:int hasClient:bool"),
} as const;

export function viewOf(table: AggregateTable): ViewDef {
  const v = VIEWS.find((x) => x.table === table);
  if (!v) throw new Error(`no view for ${table}`);
  return v;
}
