/**
 * Seeded benchmark data: a stage-change log and a call log of exactly `rows` rows each, as Sheets'
 * `getValues()` returns them (numbers, strings, `Date`s, "" for blanks). The same seed always gives
 * the same rows, so our pipeline and DuckDB see identical data in different processes.
 */
import { rng } from "../src/generate/index";
import type { RawTab } from "../src/model/types";

export const STAGES = ["Lead", "Qualified", "Meeting", "Proposal", "Won"] as const;
/** Probability of going on from stage k to k + 1. */
const GO_ON = [0.6, 0.55, 0.5, 0.45];
/** A stage in the middle of a deal's path is missing from the log this often (reached, no date). */
const SKIP = 0.03;
export const REPS = [
  "Anna Petrova",
  "Boris Ivanov",
  "Chen Li",
  "Daria Koval",
  "Emil Novak",
  "Fatima Aziz",
  "Grigory Lebedev",
  "Hanna Shevchenko",
  "Ivan Sokolov",
  "Julia Morozova",
  "Kirill Volkov",
  "Lena Bondar",
];
const SOURCES = ["Website", "Referral", "Cold call", "Ads", "Exhibition"];
const DAY = 86_400_000;
/** Deals start over one year (2025), all in UTC wall-clock time. */
const START = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 365;

export const STAGE_LOG_HEADER = ["Deal ID", "Stage", "Date", "Rep", "Source", "Amount"];
export const CALLS_HEADER = ["Date", "Rep", "Duration", "Direction", "Result", "Deal ID"];

export interface BenchData {
  stageLog: RawTab;
  calls: RawTab;
  deals: number;
  /** Who made the stage log: the model area's `generateStageLog` or this file. */
  generator: string;
}

/** The model area's row-count-driven generator (src/generate), when it is there. */
export type StageLogGen = (rows: number, seed?: number, lang?: "en" | "ru") => RawTab;

export async function projectStageLogGen(): Promise<StageLogGen | null> {
  try {
    const m = (await import("../src/generate/index")) as { generateStageLog?: StageLogGen };
    return typeof m.generateStageLog === "function" ? m.generateStageLog : null;
  } catch {
    return null;
  }
}

/**
 * `rows` data rows per tab (plus the header row). The stage log comes from `gen` when given
 * (src/generate's generateStageLog), else from this file; the calls always from this file,
 * referring to the log's deal ids.
 */
export function makeData(
  rows: number,
  seed = 42,
  withCalls = true,
  gen?: StageLogGen | null,
  chronological = true,
): BenchData {
  const r = rng(seed);
  const log: unknown[][] = [];
  const dealStarts: number[] = [];
  let deal = 0;
  if (gen) {
    const tab = gen(rows, seed, "en");
    if (chronological) {
      // A log grows by appending: rows in date order, deals interleaved (generateStageLog
      // writes each deal's rows together, which is kinder to caches and "same id as the
      // previous row" shortcuts than real logs are).
      const [header, ...body] = tab.values;
      body.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
      tab.values = [header, ...fresh(body)];
    }
    // Deal ids and their first date, for the calls.
    const first = new Map<string, number>();
    for (let i = 1; i < tab.values.length; i++) {
      const row = tab.values[i];
      const id = String(row[0]);
      if (!first.has(id)) first.set(id, (row[2] as Date).getTime());
    }
    const ids = [...first.keys()];
    const calls = withCalls
      ? makeCalls(
          rows,
          r,
          ids,
          ids.map((id) => first.get(id) as number),
        )
      : [[...CALLS_HEADER]];
    return {
      stageLog: tab,
      calls: { name: "Calls", values: calls },
      deals: ids.length,
      generator: "src/generate generateStageLog",
    };
  }
  while (log.length < rows) {
    deal++;
    const id = `D-${String(deal).padStart(7, "0")}`;
    const rep = REPS[Math.floor(r() * REPS.length)];
    const source = SOURCES[Math.floor(r() * SOURCES.length)];
    const amount = Math.round(500 + r() * 20_000);
    let reached = 0;
    while (reached < STAGES.length - 1 && r() < GO_ON[reached]) reached++;
    // Minutes within a working day: 9:00–18:00.
    let at = START + Math.floor(r() * SPAN_DAYS) * DAY + (540 + Math.floor(r() * 540)) * 60_000;
    dealStarts.push(at);
    for (let k = 0; k <= reached && log.length < rows; k++) {
      if (k > 0) at += Math.floor((0.2 + r() * r() * 20) * DAY);
      if (k > 0 && k < reached && r() < SKIP) continue;
      log.push([id, STAGES[k], new Date(at), rep, source, k === reached ? amount : ""]);
    }
  }
  // Real logs are chronological.
  log.sort((a, b) => (a[2] as Date).getTime() - (b[2] as Date).getTime());
  const sorted = fresh(log);
  log.length = 0;
  log.push([...STAGE_LOG_HEADER]);
  for (const row of sorted) log.push(row);

  const ids = Array.from({ length: deal }, (_, i) => `D-${String(i + 1).padStart(7, "0")}`);
  const calls = withCalls ? makeCalls(rows, r, ids, dealStarts) : [[...CALLS_HEADER]];
  return {
    stageLog: { name: "Stage log", values: log },
    calls: { name: "Calls", values: calls },
    deals: deal,
    generator: "bench/data.ts",
  };
}

function makeCalls(
  rows: number,
  r: () => number,
  ids: string[],
  dealStarts: number[],
): unknown[][] {
  const calls: unknown[][] = [[...CALLS_HEADER]];
  {
    for (let i = 0; i < rows; i++) {
      const d = Math.floor(r() * ids.length);
      const at = dealStarts[d] + Math.floor(r() * 30 * DAY);
      const answered = r() < 0.7;
      calls.push([
        new Date(at),
        REPS[Math.floor(r() * REPS.length)],
        answered ? Math.floor(r() * r() * 900) : 0,
        r() < 0.8 ? "out" : "in",
        answered ? "answered" : "no answer",
        ids[d],
      ]);
    }
    const body = fresh(
      calls.slice(1).sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime()),
    );
    calls.length = 1;
    for (const row of body) calls.push(row);
  }
  return calls;
}

/**
 * Rows allocated again in their final order, cell by cell (new Dates, new id strings), as
 * `getValues()` allocates them: after a sort the old row objects lie in memory in the old order,
 * and walking them in the new order costs cache misses that a real sheet's rows do not
 * (measured: 2–10× on a 1M-row pass).
 */
export function fresh(rows: unknown[][]): unknown[][] {
  const out: unknown[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const copy = new Array<unknown>(row.length);
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      copy[c] =
        v instanceof Date
          ? new Date(v.getTime())
          : typeof v === "string" && v.length > 0 && v.length < 13
            ? // a new flat string (V8 makes longer concatenations lazy cons strings: keep those)
              `${v[0]}${v.slice(1)}`
            : v;
    }
    out[i] = copy;
  }
  return out;
}

export function tabsOf(data: BenchData): RawTab[] {
  return data.calls.values.length > 1 ? [data.stageLog, data.calls] : [data.stageLog];
}

/** "10k" → 10000, "1M" → 1000000. */
export function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`Bad size: ${s}`);
  const mult = m[2] === "" ? 1 : m[2].toLowerCase() === "k" ? 1e3 : 1e6;
  return Math.round(Number(m[1]) * mult);
}

export function sizeLabel(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}
