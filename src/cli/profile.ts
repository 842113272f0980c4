/**
 * VORONKA_PROFILE=1: each step of a report prints its milliseconds (and the heap and RSS after
 * it) on stderr, to find where a run's time goes. Off, a step costs one check.
 */
import { inGuardedChild, sendErr } from "./guard";

const on = () => process.env.VORONKA_PROFILE === "1";
let last = 0;

/** Marks the end of a step named `label`: the time since the previous mark. */
export function profileStep(label: string): void {
  if (!on()) return;
  const t = performance.now();
  const mib = (n: number) => Math.round(n / 2 ** 20);
  const m = process.memoryUsage();
  const line = `profile: ${label} ${Math.round(t - last)} ms (at ${Math.round(t)} ms, heap ${mib(m.heapUsed)} MiB, rss ${mib(m.rss)} MiB)`;
  last = t;
  if (inGuardedChild()) sendErr(line);
  else process.stderr.write(`${line}\n`);
}
