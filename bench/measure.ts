/** Child processes measured from outside: wall time, peak RSS (/usr/bin/time -v), and phases. */
import { spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { now } from "./util";

export interface Timed {
  /** Spawn to exit, ms. */
  wallMs: number;
  /** Largest RSS of the process (and the children it waited for), MiB. */
  maxRssMiB: number;
  /** CPU time (user + system) of the process and its children, ms: less swayed by other load. */
  cpuMs: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** User + system seconds from time -v's report, in ms. */
function cpuOf(report: string): number {
  const secs = (what: string) =>
    Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(report)?.[1] ?? Number.NaN);
  return (secs("User") + secs("System")) * 1000;
}

/** Runs a command under `/usr/bin/time -v`: wall time, peak RSS, CPU time. */
export function timed(cmd: string[], cwd: string): Timed {
  const t0 = now();
  const r = spawnSync("/usr/bin/time", ["-v", ...cmd], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = now() - t0;
  const err = r.stderr ?? "";
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1] ?? Number.NaN);
  // time's own report is the tail of stderr; the command's lines come before it.
  const own =
    err.split(
      /\n\s*(?:Command exited with non-zero status \d+\s*)?\n?\s*Command being timed:/,
    )[0] ?? "";
  return {
    wallMs,
    maxRssMiB: kb / 1024,
    cpuMs: cpuOf(err),
    status: r.status,
    stdout: r.stdout ?? "",
    stderr: own,
  };
}

/** RSS (MiB) of `root` and its descendants now, from /proc (Linux); one entry per process. */
function treeRssMiB(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(Number(name), ppid);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  for (const pid of parent.keys()) {
    let p: number | undefined = pid;
    while (p !== undefined && p > 1 && p !== root) p = parent.get(p);
    if (p !== root) continue;
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (kb) out.push(Number(kb) / 1024);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export interface Phase {
  /** Seconds since the start. */
  at: number;
  line: string;
  /** The largest process's RSS then, MiB. */
  rssMiB: number;
}

/**
 * As `timed`, and a timeline: each line the command writes on stderr (its progress lines) with
 * the time and the largest process's RSS then, and the largest RSS seen between lines (sampled
 * every 200 ms from /proc), so the time and memory can be put on the command's phases.
 */
export function timedPhases(cmd: string[], cwd: string): Promise<Timed & { phases: Phase[] }> {
  return new Promise((done) => {
    const t0 = now();
    const child = spawn("/usr/bin/time", ["-v", ...cmd], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const phases: Phase[] = [];
    let stdout = "";
    let stderr = "";
    let sinceLast = 0;
    const sample = () => {
      const rss = Math.max(0, ...treeRssMiB(child.pid ?? -1));
      if (rss > sinceLast) sinceLast = rss;
      return rss;
    };
    const timer = setInterval(sample, 200);
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    let partial = "";
    let timeReport = false;
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
      partial += d.toString("utf8");
      const lines = partial.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        // From its first line on, the rest is time's own report.
        if (/^\s*(Command being timed|Command exited)/.test(line)) timeReport = true;
        if (timeReport || !line.trim()) continue;
        const rss = sample();
        phases.push({
          at: (now() - t0) / 1000,
          line: line.trim().slice(0, 100),
          rssMiB: Math.max(rss, sinceLast),
        });
        sinceLast = 0;
      }
    });
    child.on("close", (status) => {
      clearInterval(timer);
      const wallMs = now() - t0;
      const kb = Number(
        /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? Number.NaN,
      );
      const own =
        stderr.split(
          /\n\s*(?:Command exited with non-zero status \d+\s*)?\n?\s*Command being timed:/,
        )[0] ?? "";
      phases.push({ at: wallMs / 1000, line: "(exit)", rssMiB: sinceLast });
      done({
        wallMs,
        maxRssMiB: kb / 1024,
        cpuMs: cpuOf(stderr),
        status,
        stdout,
        stderr: own,
        phases,
      });
    });
  });
}
