/**
 * A stage-change log of any size written streaming as UTF-8 CSV (`Deal ID,Stage,Date,Rep,Source,
 * Amount`), in date order as a log grows: deals start day by day over 2025, each deal's later rows
 * wait in a heap until their time comes. Memory: the deals still open (a few hundred thousand
 * rows), never the file. Same stages, reps and sources as bench/data.ts; deals go further
 * (≈3.9 rows a deal, so 10M rows ≈ 2.6M deals).
 */
import { createWriteStream } from "node:fs";
import { rng } from "../src/generate/index";
import { REPS, STAGE_LOG_HEADER, STAGES } from "./data";

/** Probability of going on from stage k to k + 1. */
const GO_ON = [0.92, 0.88, 0.82, 0.75];
const SKIP = 0.03;
const SOURCES = ["Website", "Referral", "Cold call", "Ads", "Exhibition"];
const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);
const SPAN_DAYS = 365;
/** Expected rows per deal with GO_ON (1 + 0.92 + 0.92·0.88 + …). */
const ROWS_PER_DEAL = GO_ON.reduce(
  (s, _, k) => s + GO_ON.slice(0, k + 1).reduce((a, b) => a * b, 1),
  1,
);

/** A min-heap of (time, line): the rows waiting for their time. */
class Pending {
  private t: number[] = [];
  private line: string[] = [];
  get size(): number {
    return this.t.length;
  }
  peek(): number {
    return this.t[0] ?? Number.POSITIVE_INFINITY;
  }
  push(t: number, line: string): void {
    const ts = this.t;
    const ls = this.line;
    let i = ts.length;
    ts.push(t);
    ls.push(line);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if ((ts[p] ?? 0) <= t) break;
      ts[i] = ts[p] ?? 0;
      ls[i] = ls[p] ?? "";
      i = p;
    }
    ts[i] = t;
    ls[i] = line;
  }
  pop(): string {
    const ts = this.t;
    const ls = this.line;
    const top = ls[0] ?? "";
    const t = ts.pop() ?? 0;
    const line = ls.pop() ?? "";
    const n = ts.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (ts[r] ?? 0) < (ts[l] ?? 0) ? r : l;
      if ((ts[c] ?? 0) >= t) break;
      ts[i] = ts[c] ?? 0;
      ls[i] = ls[c] ?? "";
      i = c;
    }
    ts[i] = t;
    ls[i] = line;
    return top;
  }
}

const stamp = (t: number) => new Date(t).toISOString().slice(0, 19).replace("T", " ");

/** Writes `rows` data rows (plus the header) to `path`; resolves to the rows and deals written. */
export async function writeStageLogCsv(
  path: string,
  rows: number,
  seed = 42,
): Promise<{ rows: number; deals: number }> {
  const r = rng(seed);
  const out = createWriteStream(path, { encoding: "utf8" });
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise((ok) => out.once("drain", ok));
  };
  await write(`${STAGE_LOG_HEADER.join(",")}\n`);
  // 2 % more deals than the rows need on average (skipped stages), the last rows cut at `rows`.
  const deals = Math.max(1, Math.ceil((1.02 * rows) / ROWS_PER_DEAL));
  const pending = new Pending();
  let written = 0;
  let made = 0;
  let buf = "";
  const flushUntil = async (t: number) => {
    while (pending.size > 0 && pending.peek() < t && written < rows) {
      buf += pending.pop();
      written++;
      if (buf.length > 1 << 16) {
        await write(buf);
        buf = "";
      }
    }
  };
  for (let day = 0; day < SPAN_DAYS && written < rows; day++) {
    const dayStart = START + day * DAY;
    const today =
      Math.round(((day + 1) * deals) / SPAN_DAYS) - Math.round((day * deals) / SPAN_DAYS);
    for (let i = 0; i < today; i++) {
      made++;
      const id = `D-${String(made).padStart(7, "0")}`;
      const rep = REPS[Math.floor(r() * REPS.length)] ?? "";
      const source = SOURCES[Math.floor(r() * SOURCES.length)] ?? "";
      const amount = Math.round(500 + r() * 20_000);
      let reached = 0;
      while (reached < STAGES.length - 1 && r() < (GO_ON[reached] ?? 0)) reached++;
      // Minutes within a working day: 9:00–18:00.
      let at = dayStart + (540 + Math.floor(r() * 540)) * 60_000 + Math.floor(r() * 60_000);
      for (let k = 0; k <= reached; k++) {
        if (k > 0) at += Math.floor((0.2 + r() * r() * 20) * DAY);
        if (k > 0 && k < reached && r() < SKIP) continue;
        pending.push(
          at,
          `${id},${STAGES[k]},${stamp(at)},${rep},${source},${k === reached ? amount : ""}\n`,
        );
      }
    }
    await flushUntil(dayStart + DAY);
  }
  await flushUntil(Number.POSITIVE_INFINITY);
  await write(buf);
  await new Promise((ok) => out.end(ok));
  return { rows: written, deals: made };
}
