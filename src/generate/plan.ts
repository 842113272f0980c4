/** The Plan tab: per month and rep, targets at the team's expected pace. */
import { at } from "../core/indexed";
import { DAY, isWorkdayUTC, monthKeyUTC } from "./rng";
import { GEN_PLAN_METRICS, type GenPlanMetric, type Words } from "./words";

export function planRows(
  w: Words,
  reps: string[],
  monthStarts: number[],
  /** Calls a day per rep as a share of 80–100. */
  scales: number[],
  revenueScale: number,
): unknown[][] {
  const rows: unknown[][] = [w.headers.plan.map((h) => h[1])];
  // Each month runs from its start to the next one's (the last entry is the data's end).
  for (let i = 0; i < monthStarts.length - 1; i++) {
    const from = at(monthStarts, i);
    const to = at(monthStarts, i + 1);
    const period = monthKeyUTC(from);
    let workdays = 0;
    for (let d = from; d < to; d += DAY) if (isWorkdayUTC(d)) workdays++;
    // Targets at the team's expected pace, so fact lands near 100% of plan: about 4.5% of calls
    // end in a sale, and a deal's amount averages (300 + 4700 / 4) × 10 × revenueScale.
    // The first month starts with an empty pipeline: fewer sales close in it.
    const ramp = i === 0 ? 0.6 : 1;
    reps.forEach((rep, j) => {
      const calls = Math.round(90 * at(scales, j)) * workdays;
      const sales = Math.round(calls * 0.045 * ramp);
      const targets: Record<GenPlanMetric, number> = {
        calls,
        meetings: Math.round(calls * 0.15),
        sales,
        revenue: sales * 1500 * 10 * revenueScale,
      };
      for (const metric of GEN_PLAN_METRICS) {
        rows.push([period, w.metrics[metric], targets[metric], rep]);
      }
    });
  }
  return rows;
}
