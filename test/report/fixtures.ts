/** Hand-made and generated `Model`s for the report tests (no model layer needed). */
import { rng } from "../../src/generate/index";
import type { Call, Deal, Grade, Model, PlanEntry, TimeEntry } from "../../src/model/types";

export const DAY = 86_400_000;

export function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function emptyModel(over: Partial<Model> = {}): Model {
  return {
    stages: [],
    deals: [],
    calls: [],
    timeEntries: [],
    plans: [],
    grades: [],
    criteria: [],
    issues: [],
    timeZone: "UTC",
    ...over,
  };
}

export function deal(over: Partial<Deal> & { id: string }): Deal {
  return {
    rep: "",
    source: "",
    client: "",
    created: null,
    reached: -1,
    stageDates: [],
    status: "open",
    closed: null,
    amount: null,
    margin: null,
    targeted: null,
    originTab: "Deals",
    originRow: 2,
    ...over,
  };
}

export interface GenOptions {
  deals: number;
  seed?: number;
  /** Months starting 2026-01. */
  months?: number;
  reps?: string[];
  sources?: string[];
  stages?: string[];
  /** Pass probability from stage k-1 to k (index k). */
  pass?: number[];
  /**
   * Plant: in the month before the last (the latest whose cohorts are old enough to judge),
   * multiply the pass probability into this stage by `dropFactor`.
   */
  dropStage?: number;
  dropFactor?: number;
  callsPerDeal?: number;
  withTime?: boolean;
  withPlans?: boolean;
  withGrades?: boolean;
}

export const STAGES = ["Lead", "Meeting booked", "Meeting confirmed", "Meeting held", "Paid"];

export function generateModel(o: GenOptions): Model {
  const r = rng(o.seed ?? 7);
  const months = o.months ?? 4;
  const reps = o.reps ?? ["Anna", "Boris", "Vera"];
  const sources = o.sources ?? ["Google", "Yandex"];
  const stages = o.stages ?? STAGES;
  const pass = o.pass ?? [1, 0.6, 0.75, 0.8, 0.5];
  const start = day("2026-01-01");
  const monthStart = (m: number) => Date.UTC(2026, m, 1);
  const deals: Deal[] = [];
  const calls: Call[] = [];
  for (let i = 0; i < o.deals; i++) {
    const m = Math.floor((i * months) / o.deals);
    const span = (monthStart(m + 1) - monthStart(m)) / DAY;
    const created = monthStart(m) + Math.floor(r() * span) * DAY;
    const rep = reps[Math.floor(r() * reps.length)];
    const source = sources[Math.floor(r() * sources.length)];
    const dates: (number | null)[] = [created];
    let reached = 0;
    let at = created;
    for (let k = 1; k < stages.length; k++) {
      let p = pass[k];
      if (o.dropStage === k && m === months - 2) p *= o.dropFactor ?? 0.5;
      if (r() >= p) break;
      at += (1 + Math.floor(r() * 4)) * DAY;
      // The export is taken at the end of the last month: later steps have not happened yet.
      if (at >= monthStart(months)) break;
      dates.push(at);
      reached = k;
    }
    while (dates.length < stages.length) dates.push(null);
    const won = reached === stages.length - 1;
    const amount = won ? 1000 + Math.floor(r() * 9000) : null;
    deals.push({
      id: `D${i + 1}`,
      rep,
      source,
      client: `Client ${Math.floor(r() * (o.deals / 2 + 1))}`,
      created,
      reached,
      stageDates: dates,
      status: won ? "won" : r() < 0.7 ? "lost" : "open",
      closed: won ? at : null,
      amount,
      margin: amount === null ? null : Math.round(amount * 0.3),
      targeted: r() < 0.7,
      originTab: "Deals",
      originRow: i + 2,
    });
    const nc = o.callsPerDeal ?? 2;
    for (let c = 0; c < nc; c++) {
      calls.push({
        at: created + Math.floor(r() * 8) * 3_600_000,
        rep,
        durationSec: Math.floor(r() * 300),
        direction: "out",
        result: "",
        dealId: `D${i + 1}`,
        source: "",
      });
    }
  }
  const timeEntries: TimeEntry[] = [];
  if (o.withTime) {
    const cats = ["Outgoing call", "Meeting with client", "Documentation", "Misc"];
    for (let m = 0; m < months; m++) {
      for (const rep of reps) {
        for (const [ci, c] of cats.entries()) {
          timeEntries.push({
            rep,
            date: monthStart(m) + 2 * DAY,
            category: c,
            minutes: c === "Misc" ? 60 * (m + 1) : 600 - 60 * ci,
          });
        }
      }
    }
  }
  const plans: PlanEntry[] = [];
  if (o.withPlans) {
    for (let m = 0; m < months; m++) {
      plans.push({
        start: monthStart(m),
        end: monthStart(m + 1),
        label: `2026-${String(m + 1).padStart(2, "0")}`,
        metric: "sales",
        metricText: "sales",
        target: Math.max(1, Math.round(o.deals / months / 10)),
        rep: "",
      });
      plans.push({
        start: monthStart(m),
        end: monthStart(m + 1),
        label: `2026-${String(m + 1).padStart(2, "0")}`,
        metric: "calls",
        metricText: "calls",
        target: 100,
        rep: reps[0],
      });
    }
  }
  const grades: Grade[] = [];
  const criteria = o.withGrades ? ["Greeting", "Needs", "Next step"] : [];
  if (o.withGrades) {
    for (let i = 0; i < Math.min(o.deals, 200); i++) {
      const d = deals[i];
      grades.push({
        id: d.id,
        rep: d.rep,
        scores: criteria.map((_, c) => (d.status === "won" ? 0.9 : 0.5) - c * 0.1),
      });
    }
  }
  void start;
  return {
    stages,
    deals,
    calls,
    timeEntries,
    plans,
    grades,
    criteria,
    issues: [],
    timeZone: "UTC",
  };
}

/** A stage-log raw tab (one row per deal per stage entered) of a generated model. */
export function stageLogTab(m: Model): unknown[][] {
  const out: unknown[][] = [["Deal ID", "Stage", "Date", "Rep", "Source", "Amount"]];
  for (const d of m.deals) {
    for (let k = 0; k <= d.reached; k++) {
      const at = d.stageDates[k];
      out.push([
        d.id,
        m.stages[k],
        at === null ? "" : new Date(at),
        d.rep,
        d.source,
        k === m.stages.length - 1 && d.amount !== null ? d.amount : "",
      ]);
    }
  }
  return out;
}
