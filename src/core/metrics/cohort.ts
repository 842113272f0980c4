/**
 * Cohort conversion (SPEC §4): the share of the deals created in a period that reached a stage
 * within W days of creation. Entries into two stages in one period are different deals; dividing
 * them gives rates above 100%. Counting within one cohort never does.
 *
 * All days are whole day numbers (wall-clock ms ÷ MS_PER_DAY, floored).
 */
import { addEach, at } from "../indexed";
import { quantileSorted } from "../stats";

/** The share of won deals' creation-to-sale days that sets the window (SPEC: 80th percentile). */
export const COHORT_WINDOW_QUANTILE = 0.8;

/** One deal as a cohort sees it. */
export interface CohortDeal {
  /** The cohort day: created, else the first stage date; null: in no cohort. */
  start: number | null;
  /** Furthest stage reached (-1: none). */
  reached: number;
  /** Per stage, the day it was entered (null: not known). */
  stageDays: readonly (number | null)[];
}

/**
 * The window W: the `q`-quantile of the days won deals took from creation to the sale, rounded
 * up to whole days; null when no won deal has both dates. Negative spans are ignored.
 */
export function cohortWindow(
  spans: readonly number[],
  q: number = COHORT_WINDOW_QUANTILE,
): number | null {
  const ok = spans.filter((x) => Number.isFinite(x) && x >= 0);
  if (ok.length === 0) return null;
  const v = quantileSorted(Float64Array.from(ok).sort(), q);
  return v === null ? null : Math.max(0, Math.ceil(v - 1e-9));
}

/** `reachWindows` value of a stage the deal did not reach (or a deal in no cohort). */
export const NOT_REACHED = -1;

/**
 * Per stage, the smallest window W (whole days, ≥ 0) within which `deal` counts as reaching it:
 * a dated stage counts when the earliest known date at it or after it is within W days of the
 * cohort day; a stage without dates in the whole export (`dated[k]` false) counts at any W.
 * `Infinity`: reached, but only "so far" (no date at or after it); NOT_REACHED: not reached.
 * Reached semantics: the values never fall down the funnel.
 */
export function reachWindows(
  deal: CohortDeal,
  nStages: number,
  dated: readonly boolean[],
  out: Float64Array = new Float64Array(nStages),
): Float64Array {
  out.fill(NOT_REACHED);
  if (deal.start === null || deal.reached < 0) return out;
  const last = Math.min(deal.reached, nStages - 1);
  let earliest = Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  for (let k = last; k >= 0; k--) {
    const day = deal.stageDays[k];
    if (day !== null && day !== undefined && day < earliest) earliest = day;
    const here = !dated[k] ? 0 : Math.max(0, earliest - deal.start);
    if (here < best) best = here;
    out[k] = best;
  }
  return out;
}

/**
 * Per stage, whether `deal` reached it within `window` days of its cohort day (see
 * `reachWindows`); `window` null: reached so far, for every stage.
 */
export function reachedWithin(
  deal: CohortDeal,
  nStages: number,
  dated: readonly boolean[],
  window: number | null,
  out: Uint8Array = new Uint8Array(nStages),
): Uint8Array {
  const w = reachWindows(deal, nStages, dated);
  for (let k = 0; k < nStages; k++) {
    const days = at(w, k);
    out[k] = days !== NOT_REACHED && (window === null || days <= window) ? 1 : 0;
  }
  return out;
}

/** Counts of a cohort: its size and, per stage, how many reached it within the window. */
export interface CohortCounts {
  size: number;
  reached: number[];
}

export function cohortCounts(
  deals: Iterable<CohortDeal>,
  nStages: number,
  dated: readonly boolean[],
  window: number | null,
): CohortCounts {
  const reached = new Array<number>(nStages).fill(0);
  const buf = new Uint8Array(nStages);
  let size = 0;
  for (const d of deals) {
    if (d.start === null) continue;
    size++;
    reachedWithin(d, nStages, dated, window, buf);
    addEach(reached, buf);
  }
  return { size, reached };
}

/** Step conversions of a cohort (stage k over stage k−1; null for the first stage or 0 above). */
export function cohortStepConversions(c: CohortCounts): (number | null)[] {
  return c.reached.map((n, k) => {
    const above = c.reached[k - 1];
    return above === undefined || above === 0 ? null : n / above;
  });
}

/**
 * Whether a cohort period is old enough to judge: every deal in it is at least `window` days
 * old on `lastDay` (the data's last date). `endDay` is exclusive.
 */
export function cohortMature(endDay: number, window: number | null, lastDay: number): boolean {
  return endDay - 1 + (window ?? 0) <= lastDay;
}
