/** Figures read off a built model, for comparing with a count taken straight from the file. */
import { expect } from "vitest";
import type { Model } from "../../src/model/types";

/** Deals that reached each stage (a deal counts at its stage and every one above it). */
export function stageCounts(model: Model): number[] {
  return model.stages.map((_, i) => model.deals.filter((d) => d.reached >= i).length);
}

/** Counts per stage from each deal's stage index, the way the file says (index -1: none). */
export function countsFromIndexes(indexes: number[], stages: number): number[] {
  return Array.from({ length: stages }, (_, i) => indexes.filter((x) => x >= i).length);
}

export function statusCounts(model: Model): { won: number; lost: number; open: number } {
  const out = { won: 0, lost: 0, open: 0 };
  for (const d of model.deals) out[d.status]++;
  return out;
}

/** Won amounts per currency ("" when the export names none), rounded to cents. */
export function revenueByCurrency(model: Model): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of model.deals)
    if (d.status === "won" && d.amount !== null) {
      const c = d.currency ?? "";
      out[c] = (out[c] ?? 0) + d.amount;
    }
  return roundValues(out);
}

export function roundValues(o: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (v !== 0) out[k] = Math.round(v * 100) / 100;
  return out;
}

/** Per rep: calls, calls of 60 s or more, minutes on the line (rounded to 0.01). */
export function callFigures(model: Model): Record<string, [number, number, number]> {
  const out: Record<string, [number, number, number]> = {};
  for (const c of model.calls) {
    out[c.rep] ??= [0, 0, 0];
    const f = out[c.rep];
    f[0]++;
    if ((c.durationSec ?? 0) >= 60) f[1]++;
    f[2] += (c.durationSec ?? 0) / 60;
  }
  for (const f of Object.values(out)) f[2] = Math.round(f[2] * 100) / 100;
  return out;
}

/** What every funnel must be: first stage = deals, counts never rising, no row lost to a date. */
export function expectSoundFunnel(model: Model): void {
  const counts = stageCounts(model);
  if (model.deals.length) expect(counts[0]).toBe(model.deals.length);
  for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]);
  const dateRejects = model.issues.filter(
    (i) =>
      i.reason === "badDate" || (i.reason === "missingRequired" && /date|дата/i.test(i.header)),
  );
  expect(dateRejects).toEqual([]);
}

export function sortedSet(values: Iterable<string>): string[] {
  return [...new Set(values)].filter((v) => v !== "").sort();
}
