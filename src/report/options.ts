import type { Lang } from "../core/i18n";
import type { RoleNorms } from "../core/metrics/roles";
import type { Period } from "../core/period";

/** What the user chooses in the sidebar or on the command line. */
export interface ReportOptions {
  lang: Lang;
  period: Period;
  /** Only these reps / sources (matched by name key); empty or absent = all. */
  reps?: string[];
  sources?: string[];
  /** ISO dates `yyyy-mm-dd`, inclusive; absent = open. */
  from?: string;
  to?: string;
  /** Calls of at least this many seconds count as "long" (default 60). */
  longCallSeconds?: number;
  /** Monthly goal for cutting stage time, as a fraction (default 0.2). */
  velocityGoal?: number;
  /** A stage's conversion falling by more than this (relative) is flagged (default 0.1). */
  dropThreshold?: number;
  /**
   * "Today" as an ISO date: a run-rate forecast is given only for the period that holds it (and
   * that the data reaches). Absent: no forecast.
   */
  today?: string;
  /**
   * The cohort window W in days for Changes (SPEC §4); absent: the 80th percentile of the days won
   * deals took from creation to the sale.
   */
  cohortWindowDays?: number;
  /** Rows per breakdown block (reps, sources, criteria) before the rest go to "Other" (default 50). */
  topN?: number;
  /** SDR norms per working day (Roles sheet); missing ones take seed 002's defaults. */
  roleNorms?: Partial<RoleNorms>;
}

export const DEFAULT_OPTIONS = {
  lang: "en",
  period: "month",
  longCallSeconds: 60,
  velocityGoal: 0.2,
  dropThreshold: 0.1,
  topN: 50,
} as const satisfies Partial<ReportOptions>;
