/** The Plan tab: per month and rep, targets at the team's expected pace. */
import { DAY, isWorkdayUTC, monthKeyUTC } from "./rng";
import type { Words } from "./words";

export function planRows(
  w: Words,
  reps: string[],
  monthStarts: number[],
  /** Calls a day per rep as a share of 80–100. */
  scales: number[],
  revenueScale: number,
): unknown[][] {
  const rows: unknown[][] = [w.headers.plan.map((h) => h[1])];
  for (let i = 0; i < monthStarts.length - 1; i++) {
    const period = monthKeyUTC(monthStarts[i]);
    let workdays = 0;
    for (let d = monthStarts[i]; d < monthStarts[i + 1]; d += DAY) if (isWorkdayUTC(d)) workdays++;
    // Targets at the team's expected pace, so fact lands near 100% of plan: about 4.5% of calls
    // end in a sale, and a deal's amount averages (300 + 4700 / 4) × 10 × revenueScale.
    // The first month starts with an empty pipeline: fewer sales close in it.
    const ramp = i === 0 ? 0.6 : 1;
    reps.forEach((rep, j) => {
      const calls = Math.round(90 * scales[j]) * workdays;
      const targets = [calls, Math.round(calls * 0.15), Math.round(calls * 0.045 * ramp)];
      targets.push(targets[2] * 1500 * 10 * revenueScale);
      targets.forEach((t, k) => {
        rows.push([period, w.metrics[k], t, rep]);
      });
    });
  }
  return rows;
}
