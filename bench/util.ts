/** Small helpers shared by the bench runner and its workers. */
import { performance } from "node:perf_hooks";

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function now(): number {
  return performance.now();
}

/** Runs `f` `runs` times; returns the durations (ms) and the last result. */
export function timeRuns<T>(runs: number, f: () => T): { ms: number[]; last: T } {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    last = f();
    ms.push(now() - t0);
  }
  return { ms, last: last as T };
}

export async function timeRunsAsync<T>(
  runs: number,
  f: () => Promise<T>,
): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    last = await f();
    ms.push(now() - t0);
  }
  return { ms, last: last as T };
}

/** Imports a project module, or returns the reason it is not usable yet. */
export async function tryImport<T>(spec: string): Promise<{ mod: T } | { missing: string }> {
  try {
    return { mod: (await import(spec)) as T };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const msg = String(err?.message ?? e).split("\n")[0];
    if (err?.code === "ERR_MODULE_NOT_FOUND" || /Cannot find module/.test(msg)) {
      return {
        missing: `module not present yet (${msg.replace(/^.*Cannot find module '?([^' ]+)'?.*$/, "$1")})`,
      };
    }
    return { missing: `module failed to load: ${msg}` };
  }
}

export function errText(e: unknown): string {
  return String((e as Error)?.message ?? e)
    .split("\n")[0]
    .slice(0, 160);
}

/** Peak RSS of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function heapMiB(): number {
  return process.memoryUsage().heapUsed / 1048576;
}

/** Workers print exactly one line starting with this, followed by JSON. */
export const RESULT_TAG = "@@BENCH@@";

export function emit(result: unknown): void {
  process.stdout.write(`${RESULT_TAG}${JSON.stringify(result)}\n`);
}

/**
 * Samples the process's RSS every `everyMs` from a worker thread (it keeps running while the
 * main thread is busy), so a phase's own peak can be read apart from what came before it.
 */
export class RssSampler {
  private shared = new Float64Array(new SharedArrayBuffer(16));
  private worker: import("node:worker_threads").Worker | null = null;

  async start(everyMs = 5): Promise<void> {
    const { Worker } = await import("node:worker_threads");
    this.shared[0] = process.memoryUsage.rss();
    this.shared[1] = 0;
    const code = `
      const { workerData } = require("node:worker_threads");
      const a = new Float64Array(workerData.buf);
      const tick = () => { const r = process.memoryUsage.rss(); if (r > a[0]) a[0] = r; if (a[1] === 0) setTimeout(tick, ${everyMs}); };
      tick();`;
    this.worker = new Worker(code, { eval: true, workerData: { buf: this.shared.buffer } });
    this.worker.unref();
  }

  /** Peak RSS (MiB) since start or the last reset. */
  peakMiB(): number {
    return Math.max(this.shared[0], process.memoryUsage.rss()) / 1048576;
  }

  reset(): void {
    this.shared[0] = process.memoryUsage.rss();
  }

  async stop(): Promise<void> {
    this.shared[1] = 1;
    await this.worker?.terminate();
  }
}

/**
 * When VORONKA_BENCH_PROFILE names a file, profiles `f` alone (not the data generation) with
 * the inspector's CPU profiler and writes the .cpuprofile there.
 */
export async function profiled<T>(f: () => Promise<T> | T): Promise<T> {
  const file = process.env.VORONKA_BENCH_PROFILE;
  if (!file) return f();
  const { Session } = await import("node:inspector");
  const { writeFileSync } = await import("node:fs");
  const s = new Session();
  s.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      s.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: 200 });
  await post("Profiler.start");
  try {
    return await f();
  } finally {
    const res = (await post("Profiler.stop")) as { profile: unknown };
    writeFileSync(file, JSON.stringify(res.profile));
    s.disconnect();
  }
}

/** A command-line flag: `--name=value` → "value", `--name` → "", absent → undefined. */
export function flagOf(argv: readonly string[], name: string): string | undefined {
  const hit = argv.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  if (hit === undefined) return undefined;
  const i = hit.indexOf("=");
  return i < 0 ? "" : hit.slice(i + 1);
}
