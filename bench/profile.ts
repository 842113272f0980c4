/**
 * `npm run bench -- --profile=1M [--profile-task=pipeline|services|functions]`: runs one worker
 * under `node --cpu-prof` and prints the functions with the most self time (and the file kept).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export function topSelf(profile: CpuProfile, root: string, limit = 25): string[] {
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const us = self.get(n.id) ?? 0;
    total += us;
    const url = n.callFrame.url.replace(/^file:\/\//, "");
    const where = url ? `${relative(root, url)}:${n.callFrame.lineNumber + 1}` : "(native)";
    const key = `${n.callFrame.functionName || "(anonymous)"}  ${where}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  return [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(
      ([k, us]) =>
        `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
}

export function profileWorker(root: string, task: string, args: Record<string, unknown>): void {
  const dir = mkdtempSync(join(tmpdir(), "voronka-prof-"));
  // Only the measured section is profiled (the worker starts the inspector's profiler around
  // it), so the data generation does not crowd the list.
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(root, "bench/worker.ts"), task, JSON.stringify(args)],
    {
      cwd: root,
      env: { ...process.env, VORONKA_BENCH_PROFILE: join(dir, `${task}.cpuprofile`) },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) console.log(`worker exited ${r.status}`);
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  for (const f of files) {
    const prof = JSON.parse(readFileSync(join(dir, f), "utf8")) as CpuProfile;
    console.log(
      `\n${join(dir, f)} — ${((prof.endTime - prof.startTime) / 1e6).toFixed(2)} s; top self time:`,
    );
    for (const line of topSelf(prof, root)) console.log(line);
  }
}
