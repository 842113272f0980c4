/**
 * Each custom function on 100k-row ranges, called as Sheets calls it: ranges are 2D arrays of
 * cells (numbers, strings, `Date`s, "" blanks), single cells are plain values.
 */
import { rng } from "../src/generate/index";
import { makeData } from "./data";
import { errText, median, now, tryImport } from "./util";

export interface FnResult {
  name: string;
  /** What the arguments are. */
  shape: string;
  medianMs: number | null;
  firstMs: number | null;
  note?: string;
}

type Fn = (...args: unknown[]) => unknown;

const col = <T>(xs: T[]): T[][] => xs.map((x) => [x]);

/** Argument sets per function (a function may be measured in more than one form). */
function argSets(rows: number): { name: string; label: string; shape: string; args: unknown[] }[] {
  const r = rng(7);
  const DAY = 86_400_000;
  const base = Date.UTC(2025, 0, 1);
  const fromDates: unknown[] = [];
  const toDates: unknown[] = [];
  for (let i = 0; i < rows; i++) {
    const a = base + Math.floor(r() * 365 * DAY);
    fromDates.push(r() < 0.9 ? new Date(a) : "");
    toDates.push(r() < 0.4 ? new Date(a + Math.floor(r() * 30 * DAY)) : "");
  }
  const log = makeData(rows, 11, false).stageLog.values.slice(1);
  const ids = col(log.map((x) => x[0]));
  const stages = col(log.map((x) => x[1]));
  const dates = col(log.map((x) => x[2]));
  const order = col(["Lead", "Qualified", "Meeting", "Proposal", "Won"]);
  const durations: unknown[] = [];
  for (let i = 0; i < rows; i++) {
    const s = Math.floor(r() * 900);
    const kind = i % 3;
    durations.push(
      kind === 0
        ? s
        : kind === 1
          ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`
          : // A Sheets duration: a Date on 1899-12-30.
            new Date(Date.UTC(1899, 11, 30) + s * 1000),
    );
  }
  const rates = col(Array.from({ length: rows }, (_, i) => (i % 2 ? 1 : "100%")));
  const counts = col(Array.from({ length: rows }, () => Math.floor(r() * 1000)));
  const counts2 = col(Array.from({ length: rows }, () => Math.floor(r() * 500)));
  return [
    {
      name: "CONVERSION",
      label: "CONVERSION (marks)",
      shape: "2 × 100k dates/blanks",
      args: [col(fromDates), col(toDates)],
    },
    {
      name: "CONVERSION",
      label: "CONVERSION (counts)",
      shape: "2 × 100k numbers → spill",
      args: [counts, counts2],
    },
    {
      name: "STAGE_VELOCITY",
      label: "STAGE_VELOCITY (2 cols)",
      shape: "2 × 100k dates, median",
      args: [col(fromDates), col(toDates), "median"],
    },
    {
      name: "STAGE_VELOCITY",
      label: "STAGE_VELOCITY (log)",
      shape: "100k-row log, Lead→Won, median",
      args: [ids, stages, dates, "Lead", "Won", "median"],
    },
    {
      name: "STAGE_VELOCITY",
      label: "STAGE_VELOCITY (workdays)",
      shape: "2 × 100k dates, p90, workdays",
      args: [col(fromDates), col(toDates), "p90", "workdays"],
    },
    {
      name: "REQUIRED_CALLS",
      label: "REQUIRED_CALLS",
      shape: '100k rates (1, "100%")',
      args: [50, rates, 21],
    },
    {
      name: "FUNNEL",
      label: "FUNNEL (events)",
      shape: "100k stages, 5-stage order",
      args: [stages, order],
    },
    {
      name: "FUNNEL",
      label: "FUNNEL (ids)",
      shape: "100k stages + ids",
      args: [stages, order, ids],
    },
    {
      name: "SALES_VELOCITY",
      label: "SALES_VELOCITY",
      shape: "scalars",
      args: [120, 0.25, 5000, 30],
    },
    {
      name: "PLAN_PACE",
      label: "PLAN_PACE",
      shape: "scalars (actual, plan, dates)",
      args: [
        420_000,
        1_000_000,
        new Date(base),
        new Date(base + 30 * DAY),
        new Date(base + 12 * DAY),
      ],
    },
    {
      name: "TALK_TIME",
      label: "TALK_TIME",
      shape: "100k durations (s, m:ss, Sheets)",
      args: [col(durations), 60, "both"],
    },
    {
      name: "REVERSE_FUNNEL",
      label: "REVERSE_FUNNEL",
      shape: "target + 4 rates + 5 stages",
      args: [
        50,
        col([0.15, 0.5, 0.6, 1 / 3]),
        col(["Calls", "Meetings", "Proposals", "Invoices", "Sales"]),
        21,
      ],
    },
  ];
}

export async function runFunctions(rows: number, runs: number): Promise<FnResult[]> {
  const m = await tryImport<Record<string, unknown>>("../src/server/functions");
  const sets = argSets(rows);
  if ("missing" in m)
    return sets.map((s) => ({
      name: s.label,
      shape: s.shape,
      medianMs: null,
      firstMs: null,
      note: m.missing,
    }));
  // Custom functions may ask the spreadsheet for its time zone or locale.
  const fakes = await tryImport<{
    createFakeServices: (i: Record<string, unknown>) => { install(): () => void };
  }>("../test/fakes/spreadsheet");
  const uninstall =
    "mod" in fakes ? fakes.mod.createFakeServices({ timeZone: "Etc/UTC" }).install() : () => {};
  const out: FnResult[] = [];
  try {
    for (const s of sets) {
      const f = m.mod[s.name];
      if (typeof f !== "function") {
        out.push({
          name: s.label,
          shape: s.shape,
          medianMs: null,
          firstMs: null,
          note: "n/a — not exported yet",
        });
        continue;
      }
      const ms: number[] = [];
      let note: string | undefined;
      try {
        for (let i = 0; i < runs; i++) {
          const t0 = now();
          const res = (f as Fn)(...s.args);
          ms.push(now() - t0);
          if (i === 0) note = describe(res);
        }
        out.push({ name: s.label, shape: s.shape, medianMs: median(ms), firstMs: ms[0], note });
      } catch (e) {
        out.push({
          name: s.label,
          shape: s.shape,
          medianMs: null,
          firstMs: null,
          note: `error: ${errText(e)}`,
        });
      }
    }
  } finally {
    uninstall();
  }
  return out;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) {
    const rows = v.length;
    const cols = Array.isArray(v[0]) ? v[0].length : 1;
    return `→ ${rows}×${cols}`;
  }
  if (typeof v === "number") return `→ ${Math.round(v * 1e4) / 1e4}`;
  return `→ ${JSON.stringify(v)?.slice(0, 30)}`;
}
