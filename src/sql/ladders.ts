/**
 * The duration buckets of the aggregates contract written as an SQL CASE ladder, generated from
 * the TypeScript that defines them (core/metrics/spread.ts) so both engines agree to the row:
 * integer comparisons and MOD only (no floating LOG), the same in DuckDB and BigQuery.
 */
import { bucketWidthLadder, hoursBucket, MAX_SPREAD_HOURS } from "../core/metrics/spread";

/**
 * `hoursBucket` of `h`, a whole number of hours ≥ 0 (an integer column): `h` rounded down to a
 * multiple of its bucket's width; past MAX_SPREAD_HOURS, the bucket of MAX_SPREAD_HOURS.
 */
export function hoursBucketSql(h: string): string {
  const ladder = bucketWidthLadder();
  const steps = ladder.map((s, i) => {
    const below = ladder[i + 1]?.from ?? MAX_SPREAD_HOURS + 1;
    return `WHEN ${h} < ${below} THEN ${s.width === 1 ? h : `${h} - MOD(${h}, ${s.width})`}`;
  });
  return `CASE ${steps.join("\n    ")}\n    ELSE ${hoursBucket(MAX_SPREAD_HOURS)} END`;
}
