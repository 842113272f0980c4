/**
 * The one internal model every raw tab turns into (SPEC §3). Dates are wall-clock ms in the
 * spreadsheet's time zone (see core/calendar.ts); unknown values are null, never guessed.
 */
import type { PlanMetric } from "../core/metrics/planMetric";
import type { RoleDeal } from "../core/metrics/roles";

/** A raw tab as the Sheets adapter (`getValues`) or the offline reader gives it. */
export interface RawTab {
  name: string;
  /** Rows of cells: numbers, strings, booleans, `Date`s, "" for blanks. */
  values: unknown[][];
  /** What the reader changed while reading (e.g. a cell cut to Excel's limit), for the data check. */
  notes?: DataIssue[];
}

export type TabKind =
  | "calls"
  | "deals"
  | "stageLog"
  | "timeLog"
  | "plan"
  | "checklist"
  | "team"
  | "callsSummary"
  | "aggregates";

/** A role of the SDR → hunter → farmer model (SPEC §7). */
export type Role = "sdr" | "hunter" | "farmer";

/** A person's role, from a team tab (since: from that day on) or a Role column (since null). */
export interface TeamMember {
  rep: string;
  role: Role;
  since: number | null;
}

export type DealStatus = "won" | "lost" | "open";

/** A deal: the fields the role rules read (core/metrics/roles.ts) and what the report adds. */
export interface Deal extends RoleDeal {
  status: DealStatus;
  /** ISO code of the amount's currency, when the export names one (a column or a sign). */
  currency?: string;
  /** Margin in money (amount − cost) when a cost or margin column exists. */
  margin: number | null;
  /** Name of the raw tab the deal came from, for the data check. */
  originTab: string;
  /** 1-based row in that tab (plain fields, not an object: one object less per deal). */
  originRow: number;
}

export interface Call {
  /** Date and time of the call. */
  at: number;
  rep: string;
  /** Duration in seconds, null when the tab has no duration. */
  durationSec: number | null;
  direction: "in" | "out" | null;
  result: string;
  dealId: string;
  source: string;
}

/** A rep's day from a "calls summary" tab (a telephony dashboard's export): counts, not calls. */
export interface CallDay {
  /** Wall ms of the day (midnight). */
  date: number;
  rep: string;
  source: string;
  calls: number;
  /** Calls of at least 60 s; 0 when the tab has no such column. */
  longCalls: number;
  /** Seconds on the line; null when the tab has no talk time column. */
  talkSeconds: number | null;
}

export interface TimeEntry {
  rep: string;
  date: number;
  category: string;
  minutes: number;
}

export type { PlanMetric } from "../core/metrics/planMetric";

export interface PlanEntry {
  /** First day (wall ms) of the period and the day after its last. */
  start: number;
  end: number;
  /** The period as the user wrote it, for display. */
  label: string;
  /** The metric the plan sets, or null for another (a stage name, say: see metricText). */
  metric: PlanMetric | null;
  /** The metric as the user wrote it. */
  metricText: string;
  target: number;
  /** "" for the whole team. */
  rep: string;
}

export interface Grade {
  id: string;
  rep: string;
  /** Per `Model.criteria` index: score as a fraction 0..1, null when not graded. */
  scores: (number | null)[];
}

export type DataIssueReason =
  | "badDate"
  | "badNumber"
  | "badDuration"
  | "negativeDuration"
  | "unknownStage"
  | "missingId"
  | "missingRequired"
  | "duplicate"
  | "closeBeforeCreate"
  | "stageOutOfOrder"
  | "unknownStatus"
  | "noHeader"
  | "cellTooLong"
  /** A deal of another pipeline than the report's (one funnel is one pipeline). */
  | "otherPipeline"
  | "other";

/** One row or cell kept out of the model, for the report's Data check. */
export interface DataIssue {
  tab: string;
  /** 1-based row and column in the raw tab (column 0 when the whole row). */
  row: number;
  column: number;
  header: string;
  value: string;
  reason: DataIssueReason;
  /** Extra detail, e.g. the expected format; plain text. */
  detail?: string;
}

/** Where a deals tab's pipelines are read: a pipeline column, or Bitrix24's `C<n>:` stage prefix. */
export interface PipelineSource {
  tab: string;
  from: "column" | "stagePrefix";
  /** 0-based column read (the pipeline column, or the stage column) and its header. */
  column: number;
  header: string;
}

/** One funnel is one pipeline: the pipeline the report is for, and the deals of the others. */
export interface PipelineChoice {
  /** Display name of the pipeline reported (first spelling seen). */
  chosen: string;
  /** The name the user asked for (`--pipeline`), as typed; null: the one with the most deals. */
  asked: string | null;
  /** The user asked for a name no pipeline has (the report then takes the one with the most deals). */
  unknown: boolean;
  /** Every pipeline with its deals (rows), most first. */
  pipelines: { name: string; deals: number }[];
  /** Rows of the other pipelines, left out of the report. */
  leftOut: number;
  sources: PipelineSource[];
}

export interface Model {
  /** Funnel stages top to bottom (display names as the user wrote them). */
  stages: string[];
  deals: Deal[];
  calls: Call[];
  /** Rep-days from calls summary tabs (absent: none); the aggregates add them to the calls. */
  callDays?: CallDay[];
  timeEntries: TimeEntry[];
  plans: PlanEntry[];
  grades: Grade[];
  criteria: string[];
  issues: DataIssue[];
  /** The time zone wall-clock values were taken in. */
  timeZone: string;
  /**
   * Per stage, the source column its dates are read from ("Deals!7": tab and column); null or absent
   * when not known. Two stages with the same source are not a transition (Maven: Closed and Won).
   */
  stageSources?: (string | null)[];
  /** The deals' pipelines when there are several (or one was asked for): the one reported, the rest left out. */
  pipelines?: PipelineChoice;
  /** Roles from a team tab or a Role column (SPEC §7); absent or empty: no roles. */
  team?: TeamMember[];
}
