/**
 * Reps, sources and date bounds of aggregates read from tabs, for the sidebar's filters when the
 * report is planned from them (the model then holds no deals or calls to list them from).
 */
import { isoDate, MS_PER_DAY } from "../core/calendar";
import type { ModelSummary } from "../model/summary";
import type { Aggregates } from "./types";
import { VIEWS } from "./views";

/** `base` with the reps, sources and days of `agg` added (names compared case-insensitively). */
export function withAggregatesSummary(base: ModelSummary, agg: Aggregates): ModelSummary {
  const reps = new Map(base.reps.map((r) => [r.toLowerCase(), r]));
  const sources = new Map(base.sources.map((s) => [s.toLowerCase(), s]));
  let lo = base.dateBounds.from ? Date.parse(base.dateBounds.from) / MS_PER_DAY : Infinity;
  let hi = base.dateBounds.to ? Date.parse(base.dateBounds.to) / MS_PER_DAY : -Infinity;
  const name = (map: Map<string, string>, v: string | undefined) => {
    if (typeof v !== "string") return;
    const key = v.trim().toLowerCase();
    if (key && !map.has(key)) map.set(key, v.trim());
  };
  for (const v of VIEWS) {
    // Graded deals name no day or source, and their reps are the deals'.
    if (v.table === "stages" || v.table === "gradedDeals") continue;
    // The Roles views name SDRs (who booked, else the owner) beside or instead of reps.
    for (const row of agg[v.table] as {
      day: number | null;
      rep?: string;
      sdr?: string;
      source: string;
    }[]) {
      name(reps, row.rep);
      name(reps, row.sdr);
      name(sources, row.source);
      if (row.day !== null) {
        if (row.day < lo) lo = row.day;
        if (row.day > hi) hi = row.day;
      }
    }
  }
  const sorted = (m: Map<string, string>) => [...m.values()].sort((a, b) => a.localeCompare(b));
  return {
    reps: sorted(reps),
    sources: sorted(sources),
    dateBounds: {
      from: Number.isFinite(lo) ? isoDate(lo * MS_PER_DAY) : null,
      to: Number.isFinite(hi) ? isoDate(hi * MS_PER_DAY) : null,
    },
  };
}
