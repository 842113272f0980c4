/**
 * `npm run bench` — Voronka's performance benchmark (issue 7). Not part of the test suite.
 *
 *   npm run bench                       sizes 10k,100k,1M; full run (2–4 min)
 *   npm run bench -- --quick            sizes 10k,100k; fewer runs (~1 min)
 *   npm run bench -- --sizes=100k,1M    chosen sizes
 *   npm run bench -- --no-build         measure the dist/Code.js and dist-cli/voronka.mjs already there
 *   npm run bench -- --json=out.json    also write every figure as JSON
 *   npm run bench -- --order=grouped    stage log with each deal's rows together (default: date order)
 *   npm run bench -- --gen=bench        stage log from bench/data.ts instead of src/generate
 *   npm run bench -- --no-duck --no-calls   skip DuckDB / the workloads with a call log
 *   npm run bench -- --runs=5 --fn-rows=50k  runs per size / rows for the custom functions
 *   npm run bench -- --team-size=1M     the team workload's stage-log rows (default 1M; not with
 *                                       --quick unless given); --no-team skips it
 *   npm run bench -- --profile=1M       CPU profile of model + plan at that size (top self time)
 *       [--profile-task=pipeline|services|functions] [--with-calls] [--with-team]
 *
 * Each measurement runs in its own child process (bench/worker.ts) so its peak RSS is its own.
 * Modules that have not landed yet are shown as "n/a". See BENCHMARKS.md for what each
 * figure means and the goals.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BundleResult } from "./bundle";
import { runCliStart } from "./cli";
import { parseSize, STAGES, sizeLabel } from "./data";
import type { DuckResult } from "./duck";
import { diffFigures } from "./figures";
import type { FnResult } from "./functions";
import type { PipelineResult } from "./pipeline";
import { profileWorker } from "./profile";
import type { ServicesResult } from "./services";
import { flagOf, RESULT_TAG } from "./util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------------------------------------
// Flags

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => flagOf(argv, name);
if (flag("help") !== undefined) {
  console.log(
    readFileSync(fileURLToPath(import.meta.url), "utf8")
      .split("*/")[0]
      .replace(/^\/\*\*\n/, "")
      .replace(/^ \* ?/gm, ""),
  );
  process.exit(0);
}
const quick = flag("quick") !== undefined;
const sizes = (flag("sizes") ?? (quick ? "10k,100k" : "10k,100k,1M"))
  .split(",")
  .filter(Boolean)
  .map(parseSize);
const runsFor = (n: number): number => {
  const forced = flag("runs");
  if (forced) return Math.max(1, Number(forced));
  if (n >= 1_000_000) return quick ? 1 : 3;
  if (n >= 100_000) return quick ? 3 : 5;
  return quick ? 3 : 7;
};
const fnRows = parseSize(flag("fn-rows") ?? "100k");
const noBuild = flag("no-build") !== undefined;
const noDuck = flag("no-duck") !== undefined;
const noCalls = flag("no-calls") !== undefined;
const jsonOut = flag("json");
/** Stage-log rows of the workload with a team (the Roles views), null: skipped. */
const teamSize =
  flag("no-team") !== undefined
    ? null
    : flag("team-size")
      ? parseSize(flag("team-size") as string)
      : quick
        ? null
        : 1_000_000;
/** Stage log from src/generate (default, when present) or from bench/data.ts (`--gen=bench`). */
const genChoice = flag("gen") === "bench" ? "bench" : "project";
/** Stage-log rows in date order, as a log grows (default), or each deal's rows together (`--order=grouped`). */
const order = flag("order") === "grouped" ? "grouped" : "date";

// ---------------------------------------------------------------------------------------------
// Child processes

function worker<T>(task: string, args: Record<string, unknown>): T | { error: string } {
  const r = spawnSync(
    process.execPath,
    [
      "--expose-gc",
      "--import",
      "tsx",
      join(root, "bench/worker.ts"),
      task,
      JSON.stringify({ gen: genChoice, order, ...args }),
    ],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith(RESULT_TAG));
  if (!line) {
    const why = (r.stderr || r.stdout || `exit ${r.status} ${r.signal ?? ""}`)
      .trim()
      .split("\n")
      .slice(-3)
      .join(" | ");
    return { error: why.slice(0, 300) };
  }
  return JSON.parse(line.slice(RESULT_TAG.length)) as T | { error: string };
}

const isErr = (x: unknown): x is { error: string } =>
  typeof x === "object" &&
  x !== null &&
  "error" in x &&
  typeof (x as { error: unknown }).error === "string";

function progress(msg: string): void {
  process.stderr.write(`… ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// Formatting

const ms = (x: number | null | undefined, digits = 0): string =>
  x === null || x === undefined || Number.isNaN(x)
    ? "n/a"
    : x < 10 && digits === 0
      ? x.toFixed(1)
      : x.toFixed(digits);
const mib = (x: number | null | undefined): string => (x ? `${Math.round(x)} MiB` : "n/a");
const rate = (rows: number, t: number | null | undefined): string => {
  if (!t) return "n/a";
  const r = (rows / t) * 1000;
  return r >= 1e6 ? `${(r / 1e6).toFixed(2)}M` : `${Math.round(r / 1e3)}k`;
};

function table(header: string[], rows: string[][]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(" | ")} |`;
  return [
    line(header),
    `|${w.map((n, i) => (i === 0 ? ":" : "") + "-".repeat(n + 1) + (i === 0 ? "" : ":")).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Run

interface Goal {
  goal: string;
  figure: string;
  pass: boolean | null;
}

async function main(): Promise<void> {
  const prof = flag("profile");
  if (prof !== undefined) {
    const n = parseSize(prof || "1M");
    const task = flag("profile-task") ?? "pipeline";
    const args =
      task === "pipeline"
        ? {
            size: n,
            runs: Number(flag("runs") ?? 1),
            calls: flag("with-calls") !== undefined,
            team: flag("with-team") !== undefined,
          }
        : task === "functions"
          ? { rows: n, runs: Number(flag("runs") ?? 3) }
          : { rows: n };
    profileWorker(root, task, args);
    return;
  }
  const started = new Date();
  const loadBefore = loadavg()[0];
  const out: string[] = [];
  const say = (s = "") => {
    out.push(s);
    console.log(s);
  };
  const cpu = (() => {
    try {
      return (
        /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpus()[0]?.model
      );
    } catch {
      return cpus()[0]?.model;
    }
  })();
  const all: Record<string, unknown> = {};
  const goals: Goal[] = [];

  // ---- bundle
  let buildNote = "";
  if (!noBuild) {
    progress("npm run build");
    const b = spawnSync("npm", ["run", "-s", "build"], { cwd: root, encoding: "utf8" });
    buildNote =
      b.status === 0
        ? "built now"
        : `build failed (${(b.stderr || b.stdout).trim().split("\n").slice(-1)[0]}); measuring the dist/ already there`;
  } else buildNote = "--no-build: dist/ as found";

  // ---- pipeline + DuckDB per size
  const pipeRows: string[][] = [];
  const duckRows: string[][] = [];
  const pipeResults: Record<string, unknown> = {};
  let generatorUsed = "?";
  let goal1M: {
    cpu: number | null;
    total: number | null;
    rss: number | null;
    ratio: number | null;
    planQuery: number | null;
    same: boolean | null;
  } | null = null;
  const row = (
    what: string,
    rows: number,
    r: (PipelineResult & { genMs: number }) | { error: string },
  ) => {
    if (isErr(r)) return [what, "", "", `n/a — ${r.error}`, "", "", "", "", "", "", "", "", ""];
    const na = r.missing ? `n/a — ${r.missing}` : "";
    return [
      what,
      String(r.modelMs.length),
      r.deals ? String(r.deals) : "",
      r.modelMedianMs === null ? na || "n/a" : ms(r.modelMedianMs),
      r.planMedianMs === null ? (na && r.modelMedianMs !== null ? na : "n/a") : ms(r.planMedianMs),
      ms(r.totalMedianMs),
      ms(r.cpuMedianMs),
      rate(rows, r.totalMedianMs ?? r.modelMedianMs),
      mib(r.peakRssMiB || null),
      mib(r.peakRssAllRunsMiB || null),
      mib(r.peakHeapMiB || null),
      mib(r.rssDataMiB),
      mib(r.processMaxRssMiB || null),
    ];
  };
  for (const n of sizes) {
    const runs = runsFor(n);
    const label = sizeLabel(n);
    progress(`pipeline ${label} stage-log rows (${runs} runs)`);
    const p = worker<PipelineResult & { genMs: number }>("pipeline", {
      size: n,
      runs,
      calls: false,
    });
    let pc: (PipelineResult & { genMs: number }) | { error: string } | null = null;
    if (!noCalls) {
      progress(`pipeline ${label} stage-log + ${label} call rows (${runs} runs)`);
      pc = worker<PipelineResult & { genMs: number }>("pipeline", { size: n, runs, calls: true });
    }
    if (!isErr(p) && (p as { generator?: string }).generator)
      generatorUsed = (p as { generator?: string }).generator as string;
    pipeRows.push(row(`${label} log`, n, p));
    if (pc) pipeRows.push(row(`${label} log + ${label} calls`, 2 * n, pc));
    pipeResults[label] = { logOnly: p, withCalls: pc };

    // DuckDB on the same stage log
    let ratioE2E: number | null = null;
    let ratioPlanQuery: number | null = null;
    let same: boolean | null = null;
    if (!noDuck) {
      const stages = !isErr(p) && p.stages.length ? p.stages : [...STAGES];
      progress(`DuckDB ${label} (${runs} runs)`);
      const d = worker<DuckResult & { peakRssMiB: number }>("duck", { size: n, runs, stages });
      if (isErr(d)) {
        duckRows.push([label, `n/a — ${d.error}`, "", "", "", "", "", "", "", ""]);
      } else {
        const ours = !isErr(p) ? p.totalMedianMs : null;
        const duckE2E = d.loadMs + d.queryMedianMs;
        ratioE2E = ours !== null ? ours / duckE2E : null;
        const ratioQ = ours !== null ? ours / d.queryMedianMs : null;
        const plan = !isErr(p) ? p.planMedianMs : null;
        const ratioPQ = plan !== null ? plan / d.queryMedianMs : null;
        ratioPlanQuery = ratioPQ;
        let check = "n/a";
        if (!isErr(p) && p.figures) {
          const diffs = diffFigures(p.figures, d.figures);
          same = diffs.length === 0;
          check = same ? "✓" : `✗ ${diffs.length} diff(s): ${diffs.slice(0, 2).join("; ")}`;
        }
        duckRows.push([
          label,
          ms(d.loadMs),
          ms(d.queryMedianMs),
          ms(duckE2E),
          ms(ours),
          ratioE2E === null ? "n/a" : `${ratioE2E.toFixed(2)}×`,
          ratioQ === null ? "n/a" : `${ratioQ.toFixed(2)}×`,
          ratioPQ === null ? "n/a" : `${ratioPQ.toFixed(2)}×`,
          mib(d.peakRssMiB),
          check,
        ]);
        pipeResults[`${label}.duck`] = d;
      }
    }
    if (n === 1_000_000) {
      goal1M = {
        total: !isErr(p) ? p.totalMedianMs : null,
        cpu: !isErr(p) ? p.cpuMedianMs : null,
        rss: !isErr(p) ? p.peakRssMiB || null : null,
        ratio: ratioE2E,
        planQuery: ratioPlanQuery,
        same,
      };
    }
  }
  // ---- the same with a team: the Roles views and sheet (bench/teamData.ts)
  let goalTeam: { total: number | null; cpu: number | null; rss: number | null } | null = null;
  let teamNote = "";
  if (teamSize !== null) {
    const runs = runsFor(teamSize);
    const label = sizeLabel(teamSize);
    progress(`pipeline ${label} stage-log rows with a team (${runs} runs)`);
    const t = worker<
      PipelineResult & { genMs: number; rawRows: number; logRows: number; generator: string }
    >("pipeline", { size: teamSize, runs, calls: false, team: true });
    // Without a Roles sheet, or with no deal naming who booked it (the Deals tab not read), the
    // workload measures nothing new: say so instead of a figure.
    const why =
      isErr(t) || t.missing
        ? null
        : !t.sheets.includes("roles")
          ? `no Roles sheet planned (sheets: ${t.sheets})`
          : t.bookedBy === 0
            ? "no deal has a booked by: the Deals tab was not read"
            : null;
    const shown = why ? { error: why } : t;
    pipeRows.push(row(`${label} log + team (Roles)`, isErr(t) ? teamSize : t.rawRows, shown));
    if (!isErr(shown)) {
      goalTeam = {
        total: shown.totalMedianMs,
        cpu: shown.cpuMedianMs,
        rss: shown.peakRssMiB || null,
      };
      teamNote = `; team workload: ${shown.generator}, seed 42, ${shown.logRows} stage-log rows, ${shown.rawRows} rows in all (deals, stage log, team)`;
    }
    pipeResults[`${label}.team`] = t;
  }
  all.pipeline = pipeResults;

  // ---- custom functions
  progress(`custom functions on ${sizeLabel(fnRows)} rows`);
  const fn = worker<FnResult[]>("functions", { rows: fnRows, runs: quick ? 3 : 7 });
  all.functions = fn;

  // ---- service calls
  progress("service calls per build at 1k and 100k rows");
  const s1 = worker<ServicesResult>("services", { rows: 1000 });
  const s2 = worker<ServicesResult>("services", { rows: 1000, times: 100 });
  const s3 = worker<ServicesResult>("services", { rows: 100_000 });
  all.services = [s1, s2, s3];

  // ---- bundle
  progress("bundle cold load");
  const bu = worker<BundleResult>("bundle", { samples: quick ? 7 : 15 });
  all.bundle = bu;

  // ---- the command's start (spawns processes itself: no worker)
  progress("voronka --help start time");
  const cs = runCliStart(root, quick ? 11 : 31);
  all.cliStart = cs;

  // ---- print
  say(`Voronka bench — ${started.toISOString().slice(0, 16).replace("T", " ")} UTC`);
  say(
    `load average (1 min) before: ${loadBefore.toFixed(2)}, after: ${loadavg()[0].toFixed(2)} — on 2 cores, anything above ~0.5 means other work shared the CPUs and times are inflated`,
  );
  say(
    `machine: ${cpus().length} cores · ${cpu} · ${(totalmem() / 2 ** 30).toFixed(1)} GiB · node ${process.version} · ${quick ? "--quick" : "full run"}`,
  );
  say(
    `data: stage log from ${generatorUsed} (seed 42), rows ${order === "date" ? "in date order (deals interleaved, as a log grows)" : "grouped by deal"}; calls from bench/data.ts (seed 42)${teamNote}; time zone UTC`,
  );
  say();
  say(
    "Model + report plan (seeded data; median of runs; rows/s over all raw rows; peak RSS = sampled while model + plan ran in the first run, raw rows included and handed over to the model, which drops them once read; all runs = the largest over the runs)",
  );
  say(
    table(
      [
        "data",
        "runs",
        "deals",
        "buildModel ms",
        "planReport ms",
        "total ms",
        "CPU ms",
        "rows/s",
        "peak RSS",
        "peak RSS all runs",
        "peak heap",
        "RSS raw rows only",
        "max RSS incl. load",
      ],
      pipeRows,
    ),
  );
  if (!noDuck) {
    say();
    say(
      "DuckDB on the same stage log (load = JS rows → data chunks → appender; query = funnel by month & rep + median days per transition; our plan = planReport alone, on the model already built, as the query runs on the table already loaded)",
    );
    say(
      table(
        [
          "log rows",
          "DuckDB load ms",
          "DuckDB query ms",
          "DuckDB load+query",
          "ours model+plan",
          "ours ÷ DuckDB (load+query)",
          "ours ÷ DuckDB query",
          "our plan ÷ DuckDB query",
          "DuckDB RSS",
          "same figures",
        ],
        duckRows,
      ),
    );
  }
  say();
  say(
    `Custom functions (${sizeLabel(fnRows)}-row ranges as Sheets passes them; median of ${quick ? 3 : 7} calls, first call shown)`,
  );
  const fnRows_: string[][] = isErr(fn)
    ? [["all", "", `n/a — ${fn.error}`, "", ""]]
    : fn.map((f) => [f.name, f.shape, ms(f.medianMs, 1), ms(f.firstMs, 1), f.note ?? ""]);
  say(table(["function", "arguments", "median ms", "first ms", "result / note"], fnRows_));
  say();
  say(
    "Spreadsheet service calls per full build (recording fake; stage log + calls of N rows each; 1k×100 = the 1k rows repeated with new deal ids, so the report has the same shape)",
  );
  const svcRow = (s: ServicesResult | { error: string }): string[] =>
    isErr(s)
      ? ["?", `n/a — ${s.error}`, "", "", ""]
      : [
          s.times > 1 ? `${sizeLabel(s.rows / s.times)}×${s.times}` : sizeLabel(s.rows),
          s.calls === null ? "n/a" : String(s.calls),
          s.writes === null ? "n/a" : String(s.writes),
          ms(s.ms),
          s.note ?? s.sheets.join(", "),
        ];
  say(
    table(
      ["rows", "service calls", "writes", "build ms (fake)", "sheets / note"],
      [svcRow(s1), svcRow(s2), svcRow(s3)],
    ),
  );
  for (const [x, y, what] of [
    [s1, s2, "1k→1k×100"],
    [s1, s3, "1k→100k (other data: other blocks)"],
  ] as const) {
    if (isErr(x) || isErr(y) || x.calls === null || y.calls === null || x.calls === y.calls)
      continue;
    const keys = new Set([...Object.keys(x.byMethod), ...Object.keys(y.byMethod)]);
    const diff = [...keys]
      .filter((k) => x.byMethod[k] !== y.byMethod[k])
      .map((k) => `${k} ${x.byMethod[k] ?? 0}→${y.byMethod[k] ?? 0}`);
    say(`  differing methods (${what}): ${diff.join(", ")}`);
  }
  say();
  const b = isErr(bu) ? null : bu;
  say(`Server bundle (${buildNote})`);
  say(
    table(
      [
        "dist/Code.js",
        "size",
        "cold load (median)",
        "first load",
        "load + CONVERSION(1000,150)",
        "call result",
      ],
      [
        b
          ? [
              b.mtime ? `built ${b.mtime.slice(11, 19)}Z` : "—",
              b.bytes === null ? (b.note ?? "n/a") : `${(b.bytes / 1024).toFixed(1)} KiB`,
              ms(b.loadMedianMs, 1),
              ms(b.loadFirstMs, 1),
              ms(b.loadCallMedianMs, 1),
              b.note ?? b.callResult ?? "",
            ]
          : ["n/a", isErr(bu) ? bu.error : "", "", "", "", ""],
      ],
    ),
  );

  say();
  say(
    `The voronka command (dist-cli/voronka.mjs, ${buildNote}; spawn to exit, median of ${cs.samples}, taken in turn with a bare node)`,
  );
  say(
    table(
      [
        "dist-cli/voronka.mjs",
        "voronka --help",
        "fastest --help",
        "voronka --version",
        "node -e 0",
      ],
      [
        cs.bytes === null
          ? [cs.note ?? "n/a", "", "", "", ""]
          : [
              `${(cs.bytes / 1024).toFixed(1)} KiB`,
              `${ms(cs.helpMedianMs, 1)} ms`,
              `${ms(cs.helpMinMs, 1)} ms`,
              `${ms(cs.versionMedianMs, 1)} ms`,
              `${ms(cs.nodeMedianMs, 1)} ms`,
            ],
      ],
    ),
  );

  // ---- goals
  const g1 = goal1M;
  const no1M = sizes.includes(1_000_000) ? "n/a" : "n/a (no 1M size in this run)";
  goals.push({
    goal: "1M stage-log rows → full report plan ≤ 2 s",
    figure: g1?.total
      ? `${(g1.total / 1000).toFixed(2)} s wall (CPU ${((g1.cpu ?? 0) / 1000).toFixed(2)} s)`
      : no1M,
    pass: g1?.total ? g1.total <= 2000 : null,
  });
  goals.push({
    goal: "1M stage-log rows → peak memory ≤ 600 MiB (issue 15; was ≤ 1.5 GB)",
    figure: g1?.rss ? `${Math.round(g1.rss)} MiB RSS` : no1M,
    pass: g1?.rss ? g1.rss <= 600 : null,
  });
  goals.push({
    goal: "1M stage-log rows → ≤ 1.5× DuckDB (load + query), same figures",
    figure: g1?.ratio
      ? `${g1.ratio.toFixed(2)}× ${g1.same === null ? "" : g1.same ? "✓" : "✗ figures differ"}${g1.planQuery === null ? "" : ` (plan ÷ query: ${g1.planQuery.toFixed(2)}×)`}`
      : no1M,
    pass: g1?.ratio ? g1.ratio <= 1.5 && g1.same !== false : null,
  });
  const noTeam = teamSize === null ? "n/a (no team workload in this run)" : "n/a";
  const gt = goalTeam;
  const teamLabel = sizeLabel(teamSize ?? 1_000_000);
  goals.push({
    goal: `${teamLabel} stage-log rows with a team (Roles sheet) → full report plan ≤ 2 s`,
    figure: gt?.total
      ? `${(gt.total / 1000).toFixed(2)} s wall (CPU ${((gt.cpu ?? 0) / 1000).toFixed(2)} s)`
      : noTeam,
    pass: gt?.total ? gt.total <= 2000 : null,
  });
  goals.push({
    goal: `${teamLabel} stage-log rows with a team (Roles sheet) → peak memory ≤ 600 MiB`,
    figure: gt?.rss ? `${Math.round(gt.rss)} MiB RSS` : noTeam,
    pass: gt?.rss ? gt.rss <= 600 : null,
  });
  const fnOk = !isErr(fn) ? fn.filter((f) => f.medianMs !== null) : [];
  const slowest = fnOk.reduce<FnResult | null>(
    (m, f) => (m === null || (f.medianMs ?? 0) > (m.medianMs ?? 0) ? f : m),
    null,
  );
  const fnMissing = !isErr(fn) ? fn.length - fnOk.length : 0;
  goals.push({
    goal: `each custom function over ${sizeLabel(fnRows)} rows ≤ 100 ms`,
    figure: slowest
      ? `slowest ${slowest.name} ${ms(slowest.medianMs, 1)} ms${fnMissing ? ` (${fnMissing} form(s) n/a)` : ""}`
      : "n/a",
    pass: slowest ? (slowest.medianMs ?? 0) <= 100 && fnMissing === 0 : null,
  });
  const c1 = !isErr(s1) ? s1.calls : null;
  const c2 = !isErr(s2) ? s2.calls : null;
  goals.push({
    goal: "service calls per build identical at 1k and 100k rows (1k vs 1k×100)",
    figure: c1 !== null && c2 !== null ? `${c1} vs ${c2}` : "n/a",
    pass: c1 !== null && c2 !== null ? c1 === c2 : null,
  });
  // Restated from 150 KiB (1 Dec 2026): what the size costs is the cold load of every
  // custom-function call, which has its own goal below; 300 KiB keeps that load well under it.
  goals.push({
    goal: "server bundle ≤ 300 KiB",
    figure: b?.bytes ? `${(b.bytes / 1024).toFixed(1)} KiB` : "n/a",
    pass: b?.bytes ? b.bytes <= 300 * 1024 : null,
  });
  goals.push({
    goal: "cold load ≤ 30 ms",
    figure: b?.loadMedianMs
      ? `${ms(b.loadMedianMs, 1)} ms (with a call: ${ms(b.loadCallMedianMs, 1)} ms)`
      : "n/a",
    pass: b?.loadMedianMs ? b.loadMedianMs <= 30 : null,
  });
  goals.push({
    goal: "voronka --help starts in ≤ 150 ms (median)",
    figure: cs.helpMedianMs
      ? `${ms(cs.helpMedianMs, 1)} ms (bare node ${ms(cs.nodeMedianMs, 1)} ms)`
      : (cs.note ?? "n/a"),
    pass: cs.helpMedianMs ? cs.helpMedianMs <= 150 : null,
  });
  say();
  say("Goals (2-core machine)");
  say(
    table(
      ["goal", "now", "status"],
      goals.map((g) => [g.goal, g.figure, g.pass === null ? "n/a" : g.pass ? "PASS" : "MISS"]),
    ),
  );
  all.goals = goals;
  if (jsonOut) {
    writeFileSync(
      jsonOut,
      JSON.stringify(
        { started, cpu, node: process.version, quick, sizes, ...all, text: out.join("\n") },
        null,
        2,
      ),
    );
    progress(`wrote ${jsonOut}`);
  }
}

await main();
