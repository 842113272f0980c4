/**
 * The bucket rules of the aggregates contract written as SQL CASE ladders, generated from the
 * TypeScript that defines them (core/metrics/spread.ts, cohort.ts) so both engines agree to the
 * row: integer arithmetic and comparisons only (no floating LOG), the same in DuckDB and BigQuery.
 */

import { at } from "../core/indexed";
import { COHORT_WINDOWS } from "../core/metrics/cohort";
import {
  bucketWidthLadder,
  EXACT_HOURS,
  hoursBucket,
  MAX_SPREAD_HOURS,
} from "../core/metrics/spread";

/**
 * `hoursBucket` of `h`, a whole number of hours ≥ 0 (an integer column): exact below
 * EXACT_HOURS, then `h` rounded down to its bucket's width; past MAX_SPREAD_HOURS, its bucket.
 */
export function hoursBucketSql(h: string): string {
  const ladder = bucketWidthLadder();
  const steps = ladder.map(
    (s, i) =>
      `WHEN ${h} < ${ladder[i + 1]?.from ?? MAX_SPREAD_HOURS + 1} THEN ${h} - MOD(${h}, ${s.width})`,
  );
  return `CASE WHEN ${h} < ${EXACT_HOURS} THEN ${h}\n    ${steps.join("\n    ")}\n    ELSE ${hoursBucket(MAX_SPREAD_HOURS)} END`;
}

/** `windowAtLeast` of `d`, whole days (an integer; negative counts as 0). */
export function windowAtLeastSql(d: string, intType: string): string {
  const last = at(COHORT_WINDOWS, COHORT_WINDOWS.length - 1);
  const steps = COHORT_WINDOWS.map((w) => `WHEN ${d} <= ${w} THEN ${w}`);
  return `CASE ${steps.join(" ")}\n    ELSE CAST(CEIL(${d} / ${last}.0) AS ${intType}) * ${last} END`;
}
