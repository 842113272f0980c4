/** What a model holds at a glance: its reps, sources, date bounds and each rep's latest role. */
import { isoDate } from "../core/calendar";
import type { Model, Role, TeamMember } from "./types";

export interface ModelSummary {
  reps: string[];
  sources: string[];
  /** Earliest and latest date in the data, ISO `yyyy-mm-dd`. */
  dateBounds: { from: string | null; to: string | null };
}

/** Reps, sources and the date bounds of a model, in one pass over its rows. */
export function modelSummary(model: Model): ModelSummary {
  const reps = new Map<string, string>();
  const sources = new Map<string, string>();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const see = (ms: number | null | undefined) => {
    if (typeof ms !== "number" || !Number.isFinite(ms)) return;
    if (ms < lo) lo = ms;
    if (ms > hi) hi = ms;
  };
  const name = (map: Map<string, string>, v: string) => {
    const key = v.trim().toLowerCase();
    if (key && !map.has(key)) map.set(key, v.trim());
  };
  for (const d of model.deals) {
    name(reps, d.rep);
    name(sources, d.source);
    see(d.created);
    see(d.closed);
    for (const s of d.stageDates) see(s);
  }
  for (const c of model.calls) {
    name(reps, c.rep);
    name(sources, c.source);
    see(c.at);
  }
  for (const c of model.callDays ?? []) {
    name(reps, c.rep);
    name(sources, c.source);
    see(c.date);
  }
  for (const t of model.timeEntries) {
    name(reps, t.rep);
    see(t.date);
  }
  for (const g of model.grades) name(reps, g.rep);
  const sorted = (m: Map<string, string>) => [...m.values()].sort((a, b) => a.localeCompare(b));
  return {
    reps: sorted(reps),
    sources: sorted(sources),
    dateBounds: {
      from: Number.isFinite(lo) ? isoDate(lo) : null,
      to: Number.isFinite(hi) ? isoDate(hi) : null,
    },
  };
}

/** One role per rep: the one that holds last (the team is ordered by since within a rep). */
export function latestRoles(team: readonly TeamMember[]): { rep: string; role: Role }[] {
  const by = new Map<string, { rep: string; role: Role; since: number }>();
  for (const m of team) {
    const k = m.rep.trim().toLowerCase();
    const since = m.since ?? Number.NEGATIVE_INFINITY;
    const old = by.get(k);
    if (!old || since >= old.since)
      by.set(k, { rep: old?.rep ?? m.rep.trim(), role: m.role, since });
  }
  return [...by.values()].map(({ rep, role }) => ({ rep, role }));
}
