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
  /** The sum of the bucket's cycles, whole hours; null from a tab exported before it existed. */
  totalHours: number | null;
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
  /** The sum of the bucket's transitions, whole hours; null from a tab exported before it existed. */
  totalHours: number | null;
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
 * A deal a checklist names (the Quality sheet's won against lost): one row per distinct id as the
 * checklist writes it that names a deal, found as `dealLookup` finds it (exactly, else by name
 * key), with that deal's rep and status. Rows grow with what people grade by hand, not with deals.
 */
export interface GradedDealRow {
  gradedId: string;
  dealRep: string;
  dealStatus: "won" | "lost" | "open";
}

/*
 * The Roles sheet's views (SPEC §7, core/metrics/roles.ts; in memory: roleViews.ts). A booking is
 * a deal that reached the first meeting step (booked, else held); where some deal dates a meeting
 * step, a deal with no dated meeting step is a booking only when it names who booked it. `sdr` is
 * "booked by" when given, else the owner (`byOwner`): the report applies the role book (which
 * lives in the workbook) and counts a booking by an owner who is no SDR for the team without an
 * SDR. None of these grows with the number of deals but the repeat clients (one row per farmer,
 * client and day with a repeat win).
 */

/** New leads by the deal's own day, to "booked by", else to the owner. */
export interface RoleLeadRow {
  day: number | null;
  sdr: string;
  byOwner: boolean;
  source: string;
  targeted: boolean | null;
  deals: number;
}

/**
 * Bookings by the booking day (the booked step's, else the held step's; null: neither dated) and
 * what they led to by the data's last day: confirmed, held, won among the held, won.
 */
export interface BookingRow {
  day: number | null;
  sdr: string;
  byOwner: boolean;
  source: string;
  targeted: boolean | null;
  booked: number;
  confirmed: number;
  held: number;
  heldWon: number;
  sales: number;
  /** Known amounts of the won bookings; known amounts of all the bookings (how many). */
  revenue: number;
  amounts: number;
}

/**
 * The diagnosis's bookings (dated ones) per week part of the booking day: `outcome` booked,
 * targeted, untargeted, held_lost (counted by the data's last day: `withinDays` null), confirmed,
 * held, held_won with the smallest window W (whole days, ≥ 0) within which it counts
 * (core/metrics/roles.ts `addBooking`); null: at any W (the event is undated). Outcomes past
 * MAX_REACH_DAYS are left out: W is at most that.
 */
export interface BookingReachRow {
  day: number;
  sdr: string;
  byOwner: boolean;
  source: string;
  outcome: string;
  withinDays: number | null;
  deals: number;
}

/**
 * Hunters' and farmers' events by the owner and the event's own day: held (the held step's day,
 * else the deal's), held_won (won among them, same day), proposal, sale (the sale's day,
 * `saleDayOf`, else the deal's) and repeat_sale (a sale whose client had won before).
 */
export interface RoleEventRow {
  day: number | null;
  rep: string;
  source: string;
  event: string;
  deals: number;
  revenue: number;
  amounts: number;
}

/** A client's repeat win: one row per owner, source, client (name key) and sale day. */
export interface RepeatClientRow {
  day: number | null;
  rep: string;
  source: string;
  client: string;
}

/**
 * Held-but-lost bookings (held by the data's last day) to listen to, dated bookings only: at most
 * HELD_LOST_LIMIT per week part (`day`), `sdr` and `byOwner`, the latest held first.
 */
export interface HeldLostRow {
  day: number;
  sdr: string;
  byOwner: boolean;
  id: string;
  source: string;
  targeted: boolean | null;
  bookedDay: number;
  heldDay: number | null;
  rep: string;
}

/** The largest window W the booking reach rows answer for (the sidebar takes 0–3650). */
export const MAX_REACH_DAYS = 3650;
/** Held-but-lost bookings kept per week part and person (the report lists this many). */
export const HELD_LOST_LIMIT = 10;

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
  roleLeads: RoleLeadRow[];
  bookings: BookingRow[];
  bookingReach: BookingReachRow[];
  roleEvents: RoleEventRow[];
  repeatClients: RepeatClientRow[];
  heldLost: HeldLostRow[];
  /** Absent when computed without a checklist (SQL given no checklist table, a model with none). */
  gradedDeals?: GradedDealRow[];
}
