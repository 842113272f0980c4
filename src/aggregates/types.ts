/**
 * The aggregates contract (ARCHITECTURE.md, SPEC §8): everything the Funnel, KPI, Velocity and
 * Changes sheets need, grouped by day, rep and source, so that the report can be planned from
 * rows whose number grows with days × reps × sources, not with deals or events: durations and
 * cohort reach are kept as counts per bucket and per week part (core/metrics/spread.ts), never
 * one row per distinct value. Two engines
 * produce it: the in-memory one (`memory.ts`, from a Model) and SQL (`src/sql/`, DuckDB or
 * BigQuery views of the same names). The rows do not depend on report options: filters by rep,
 * source and date, and week/month buckets, are applied by the report to these rows.
 *
 * Days are whole day numbers (wall-clock ms ÷ MS_PER_DAY, floored; SQL: DATE); null: no date.
 * Reps and sources are as the data wrote them ("" when absent); the report matches them by
 * name key. Stages are positions in `stages` (0 = the top of the funnel).
 */

/** Per stage: its name, whether any deal carries a date for it, and whether its dates come from
 * the same source column as the next stage's (then k → k+1 is one event, not a transition). */
export interface StageInfo {
  position: number;
  stage: string;
  dated: boolean;
  sameSourceNext: boolean;
}

/** Deals by their date (created, else first stage date, else closed): the Funnel and new leads. */
export interface DealRow {
  day: number | null;
  rep: string;
  source: string;
  /** Furthest stage reached, -1: none. */
  reached: number;
  targeted: boolean | null;
  deals: number;
}

/** Entries into a stage by the day of the entry (the stage's date, else the deal's date). */
export interface StageEntryRow {
  day: number | null;
  rep: string;
  source: string;
  stage: number;
  entries: number;
}

/** Won deals by the day of the sale (closed, else the last stage date, else the deal's date). */
export interface SaleRow {
  day: number | null;
  rep: string;
  source: string;
  /** ISO code, "" when unknown. */
  currency: string;
  sales: number;
  /** Sum of the known amounts, and how many were known. */
  revenue: number;
  amounts: number;
  /** Some amount has a fractional part (kopecks). */
  cents: boolean;
  /** Sum of margins in money, and of the amounts that carried one (margin % = margin / base). */
  margin: number;
  marginBase: number;
  margins: number;
  /** Revenue from clients who had an earlier won deal (over all deals, unfiltered). */
  repeatRevenue: number;
}

/**
 * Won deals with a created date and a known sale date, by the day of the sale: the sales cycle's
 * count and total (each deal's cycle in whole hours, rounded). Averages divide the two.
 */
export interface CycleRow {
  day: number;
  rep: string;
  source: string;
  deals: number;
  totalHours: number;
}

/**
 * The same deals by their cycle's bucket (core/metrics/spread.ts; hours above MAX_SPREAD_HOURS
 * count as MAX_SPREAD_HOURS), for the median and p90. `day`
 * is the first day of the sale day's week part (`weekPartStart`): the spreads are kept per week
 * part, so that they stay small whatever the number of deals.
 */
export interface CycleSpreadRow {
  day: number;
  rep: string;
  source: string;
  /** The bucket's first whole hour (`hoursBucket`). */
  fromHours: number;
  deals: number;
  /** The shortest and longest cycle in the bucket, whole hours. */
  minHours: number;
  maxHours: number;
}

/**
 * Won deals with a cohort day and a known sale day on or after it, by the whole days from one to
 * the other, for the cohort window W. `day` is the first day of the cohort day's week part.
 */
export interface SpanRow {
  day: number;
  rep: string;
  source: string;
  days: number;
  deals: number;
}

/**
 * Cohort reach (SPEC §4): deals whose cohort day lies in the week part starting `day` that
 * reached `stage`. `withinDays` is the smallest window W (days, ≥ 0) within which the deal counts
 * as reaching the stage (core/metrics/cohort.ts `reachWindows`); null: reached, but no date at or
 * after the stage, so it counts only as "reached so far".
 */
export interface CohortRow {
  day: number;
  rep: string;
  source: string;
  stage: number;
  withinDays: number | null;
  deals: number;
}

/**
 * Transitions from stage `step` to `step + 1` by the day the later stage was entered: how many,
 * and their total in whole hours (each rounded). Averages and the monthly trend divide the two.
 */
export interface TransitionRow {
  day: number;
  rep: string;
  source: string;
  step: number;
  transitions: number;
  totalHours: number;
}

/** The same transitions by duration bucket, per week part of the later stage's day (medians). */
export interface TransitionSpreadRow {
  day: number;
  rep: string;
  source: string;
  step: number;
  /** The bucket's first whole hour (`hoursBucket`). */
  fromHours: number;
  transitions: number;
  /** The shortest and longest transition in the bucket, whole hours. */
  minHours: number;
  maxHours: number;
}

/** Calls of a rep's day (also what a telephony dashboard's "calls summary" tab gives). */
export interface RepDayRow {
  day: number;
  rep: string;
  /** The call's source, else its deal's source; "" when neither. */
  source: string;
  calls: number;
  /** Calls of at least `longCallSeconds`. */
  longCalls: number;
  talkSeconds: number;
  /** Calls with a known duration. */
  timedCalls: number;
}

/**
 * What the Roles sheet reads of the deals (SPEC §7, core/metrics/roles.ts): every deal that
 * reached the first meeting step (booked, else held; model/team.ts `meetingStagesOf` on the
 * stages), the held step or the proposal, was won, or names who booked it; grouped by its days,
 * people, source and outcome. "Booked by" and the owner stay apart, so the report applies the role
 * book (which lives in the workbook) to them. The `…After` columns are whole days from the
 * booking day to the event, null when either is undated, for the "within W days" rules.
 */
export interface RoleDealRow {
  /** The deal's own day (created, else first stage date, else closed): its date filter, leads. */
  ownDay: number | null;
  /** The booked step's day, else the held step's; null: neither is dated. */
  day: number | null;
  /** The deal's owner. */
  rep: string;
  source: string;
  /** "Booked by" as the data wrote it, trimmed; "" when absent. */
  bookedBy: string;
  targeted: boolean | null;
  /** Reached the first meeting step (`bookingsOf` then keeps it unless `meetingDated` rules). */
  booking: boolean;
  /** Some meeting step (booked, confirmed, held) of the deal is dated. */
  meetingDated: boolean;
  confirmed: boolean;
  held: boolean;
  proposal: boolean;
  won: boolean;
  lost: boolean;
  /** A won deal of a client who had won before (by `saleDayOf`, as the Roles sheet orders). */
  repeatWin: boolean;
  /** The client's name key for a repeat win (farmers' clients), else "". */
  client: string;
  /** The deal's id for a held and lost booking (the diagnosis lists them), else "". */
  id: string;
  confirmedAfter: number | null;
  heldAfter: number | null;
  /** Days from the booking to the sale (won deals; `saleDayOf`). */
  saleAfter: number | null;
  /** The held step's, the proposal's and the sale's (won deals, `saleDayOf`) days. */
  heldDay: number | null;
  proposalDay: number | null;
  saleDay: number | null;
  deals: number;
  /** Sum of the known amounts, and how many were known. */
  revenue: number;
  amounts: number;
}

export interface Aggregates {
  stages: StageInfo[];
  /** The threshold `RepDayRow.longCalls` was counted with. */
  longCallSeconds: number;
  /** Some deal names a client (repeat revenue is meaningful). */
  hasClient: boolean;
  deals: DealRow[];
  stageEntries: StageEntryRow[];
  sales: SaleRow[];
  cycles: CycleRow[];
  cycleSpread: CycleSpreadRow[];
  spans: SpanRow[];
  cohorts: CohortRow[];
  transitions: TransitionRow[];
  transitionSpread: TransitionSpreadRow[];
  repDays: RepDayRow[];
  roleDeals: RoleDealRow[];
}
