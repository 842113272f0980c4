/**
 * The built command's start time: `node dist-cli/voronka.mjs --help` from spawn to exit, median
 * of `samples`, next to a bare `node -e 0` measured in turn with it (what Node itself costs on
 * this machine, under the same load).
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { median, now } from "./util";

export interface CliStartResult {
  bytes: number | null;
  /** `voronka --help`, spawn to exit (median, min). */
  helpMedianMs: number | null;
  helpMinMs: number | null;
  /** `voronka --version` (median). */
  versionMedianMs: number | null;
  /** `node -e 0` (median). */
  nodeMedianMs: number | null;
  samples: number;
  note?: string;
}

function timed(args: string[]): number {
  const t0 = now();
  const r = spawnSync(process.execPath, args, { stdio: "ignore" });
  const ms = now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}`);
  return ms;
}

export function runCliStart(root: string, samples: number): CliStartResult {
  const file = join(root, "dist-cli", "voronka.mjs");
  const empty: CliStartResult = {
    bytes: null,
    helpMedianMs: null,
    helpMinMs: null,
    versionMedianMs: null,
    nodeMedianMs: null,
    samples: 0,
  };
  if (!existsSync(file)) return { ...empty, note: "n/a — dist-cli/voronka.mjs not built" };
  const help: number[] = [];
  const version: number[] = [];
  const bare: number[] = [];
  try {
    timed([file, "--help"]); // warm the file cache
    for (let i = 0; i < samples; i++) {
      bare.push(timed(["-e", "0"]));
      help.push(timed([file, "--help"]));
      version.push(timed([file, "--version"]));
    }
  } catch (e) {
    return { ...empty, note: `n/a — ${(e as Error).message}` };
  }
  return {
    bytes: statSync(file).size,
    helpMedianMs: median(help),
    helpMinMs: Math.min(...help),
    versionMedianMs: median(version),
    nodeMedianMs: median(bare),
    samples,
  };
}
