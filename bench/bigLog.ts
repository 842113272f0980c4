/**
 * `npm run bench:sql` — the 10M-row stage log of issue 15 (too slow for every `npm run bench`):
 *
 *   npm run bench:sql                    10M rows (≈2.6M deals), CSV written to a temp dir
 *   npm run bench:sql -- --rows=1M       another size (k and M suffixes)
 *   npm run bench:sql -- --keep          keep the CSV (its path is printed) …
 *   npm run bench:sql -- --file=log.csv  … and measure one already there
 *   npm run bench:sql -- --no-build      run the dist-cli/voronka.mjs already there
 *   npm run bench:sql -- --cli=path.mjs  run another build of the command (e.g. a branch's)
 *   npm run bench:sql -- --json=out.json every figure as JSON too
 *
 * Measures, each in its own process under /usr/bin/time -v (wall time, max RSS):
 *   1. the baseline the ratio goal is judged against (bench/sameSql.ts): DuckDB's own read_csv
 *      of the file + OUR emitted SQL, every aggregate view materialised, with the engine's
 *      DuckDB settings; it also gives each view's row count;
 *   2. for context only: read_csv with DuckDB's own type detection + the simple figure queries
 *      of bench/duck.ts (funnel counts by month and rep, median days per transition);
 *   3. `voronka report <file> --engine duckdb` (the built command): spawn to exit.
 * Goals: report ≤ 120 s, peak RSS ≤ 2 GiB, ours ≤ 1.3× baseline 1 (read + query).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeStageLogCsv } from "./bigLogData";
import { parseSize, STAGES, sizeLabel } from "./data";
import { figureQueries, figuresFromRows, stagesTableSql } from "./duck";
import type { Figures } from "./figures";
import { type Phase, type Timed, timed, timedPhases } from "./measure";
import { type SameSqlBaseline, sameSqlBaseline } from "./sameSql";
import { errText, flagOf, now, RESULT_TAG } from "./util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => flagOf(argv, name);

const GOAL_SECONDS = 120;
const GOAL_RSS_MIB = 2048;
const GOAL_RATIO = 1.3;

const BASELINE = "DuckDB read_csv + our SQL (baseline)";
const CONTEXT = "context: read_csv + figure queries";
const OURS = "voronka report --engine duckdb";

// ---------------------------------------------------------------------------------------------
// Child: DuckDB's baseline (`bigLog.ts --duck-child <file>`)

interface DuckBaseline {
  readMs: number;
  queryMs: number;
  rows: number;
  deals: number;
  threads: string;
  figures: Figures;
}

async function duckChild(file: string): Promise<DuckBaseline> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  const one = async (sql: string) => (await con.runAndReadAll(sql)).getRowsJS()[0]?.[0];
  const threads = String(await one("SELECT current_setting('threads')"));
  const stages = [...STAGES];
  const t0 = now();
  // DuckDB's own reader, its own type detection; the columns renamed as bench/duck.ts queries them.
  await con.run(
    `CREATE TABLE log AS SELECT "Deal ID" AS id, "Stage" AS stage, "Date" AS ts, "Rep" AS rep,
       "Source" AS source, "Amount" AS amount FROM read_csv('${file.replace(/'/g, "''")}', header = true)`,
  );
  const readMs = now() - t0;
  const q0 = now();
  await con.run(stagesTableSql(stages));
  const { funnelSql, velocitySql } = figureQueries(stages);
  const funnel = (await con.runAndReadAll(funnelSql)).getRowsJS() as unknown[][];
  const velocity = (await con.runAndReadAll(velocitySql)).getRowsJS() as unknown[][];
  const queryMs = now() - q0;
  const rows = Number(await one("SELECT count(*) FROM log"));
  const deals = Number(await one("SELECT count(DISTINCT id) FROM log"));
  con.closeSync();
  instance.closeSync();
  return {
    readMs,
    queryMs,
    rows,
    deals,
    threads,
    figures: figuresFromRows(stages, funnel, velocity),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

function mib(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? "n/a" : `${Math.round(x)} MiB`;
}

function sec(ms: number | null | undefined): string {
  return ms === null || ms === undefined || Number.isNaN(ms)
    ? "n/a"
    : `${(ms / 1000).toFixed(1)} s`;
}

function table(header: string[], rows: string[][]): string {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i] ?? 0)).join(" | ")} |`;
  return [line(header), `|${w.map((x) => "-".repeat(x + 2)).join("|")}|`, ...rows.map(line)].join(
    "\n",
  );
}

/** Whether this build of the command knows `--engine` (issue 15's SQL engine). */
function engineAvailable(cli: string): boolean {
  const r = spawnSync(process.execPath, [cli, "report", "--help"], { encoding: "utf8" });
  return /--engine\b/.test(`${r.stdout}${r.stderr}`);
}

async function main(): Promise<void> {
  if (argv[0] === "--same-sql-child") {
    try {
      const r = await sameSqlBaseline(argv[1] ?? "");
      process.stdout.write(`${RESULT_TAG}${JSON.stringify(r)}\n`);
    } catch (e) {
      process.stdout.write(`${RESULT_TAG}${JSON.stringify({ error: errText(e) })}\n`);
    }
    return;
  }
  if (argv[0] === "--duck-child") {
    const file = argv[1] ?? "";
    try {
      process.stdout.write(`${RESULT_TAG}${JSON.stringify(await duckChild(file))}\n`);
    } catch (e) {
      process.stdout.write(`${RESULT_TAG}${JSON.stringify({ error: errText(e) })}\n`);
    }
    return;
  }
  const rows = parseSize(flag("rows") ?? "10M");
  const given = flag("file");
  const keep = flag("keep") !== undefined || !!given;
  const load0 = loadavg()[0] ?? 0;
  const out: Record<string, unknown> = { rows, date: new Date().toISOString() };
  console.log(
    `Voronka big-log bench — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  );
  console.log(`load average (1 min) before: ${load0.toFixed(2)}`);

  // 1. The file: written streaming, never whole in memory.
  const dir = given ? dirname(given) : mkdtempSync(join(tmpdir(), "voronka-biglog-"));
  const file = given ?? join(dir, `stage-log-${sizeLabel(rows)}.csv`);
  try {
    if (!given || !existsSync(file)) {
      process.stderr.write(`… writing ${sizeLabel(rows)} rows to ${file}\n`);
      const t0 = now();
      const made = await writeStageLogCsv(file, rows, 42);
      out.generated = { ...made, ms: now() - t0 };
      console.log(
        `data: ${made.rows.toLocaleString("en")} rows, ${made.deals.toLocaleString("en")} deals, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB CSV (seed 42, date order), written in ${sec(now() - t0)}`,
      );
    } else console.log(`data: ${file} (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`);

    // 2. The baselines: DuckDB's read_csv + our SQL (the goal's), + the figure queries (context).
    const child = <T>(mode: string): { t: Timed; r: T | { error: string } } => {
      const t = timed(
        [process.execPath, "--import", "tsx", join(root, "bench/bigLog.ts"), mode, file],
        root,
      );
      const line = t.stdout.split("\n").find((l) => l.startsWith(RESULT_TAG));
      const r = line
        ? (JSON.parse(line.slice(RESULT_TAG.length)) as T | { error: string })
        : { error: t.stderr.trim().split("\n").slice(-2).join(" | ") || `exit ${t.status}` };
      return { t, r };
    };
    process.stderr.write("… DuckDB read_csv + our emitted SQL\n");
    const { t: s, r: same } = child<SameSqlBaseline>("--same-sql-child");
    out.sameSql = { ...same, wallMs: s.wallMs, maxRssMiB: s.maxRssMiB };
    process.stderr.write("… DuckDB read_csv + the figure queries\n");
    const { t: d, r: duck } = child<DuckBaseline>("--duck-child");
    out.duck = { ...duck, wallMs: d.wallMs, maxRssMiB: d.maxRssMiB };

    // 3. Our command with the SQL engine.
    const cli = flag("cli") || join(root, "dist-cli/voronka.mjs");
    if (flag("no-build") === undefined && !flag("cli")) {
      process.stderr.write("… building dist-cli/voronka.mjs\n");
      spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/build-cli.ts")], {
        cwd: root,
        stdio: "ignore",
      });
    }
    let ours: (Timed & { phases: Phase[] }) | null = null;
    let oursWhy = "";
    if (!existsSync(cli)) oursWhy = `${cli} not built`;
    else if (!engineAvailable(cli))
      oursWhy = "engine not available (voronka report has no --engine yet)";
    else {
      process.stderr.write("… voronka report --engine duckdb\n");
      const report = join(dir, "report.xlsx");
      ours = await timedPhases(
        [process.execPath, cli, "report", file, "--engine", "duckdb", "--out", report],
        root,
      );
      if (ours.status !== 0)
        oursWhy = `failed (exit ${ours.status}): ${ours.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 200)}`;
      rmSync(report, { force: true });
    }
    out.ours = ours
      ? { wallMs: ours.wallMs, maxRssMiB: ours.maxRssMiB, status: ours.status, phases: ours.phases }
      : null;
    out.oursWhy = oursWhy;

    // 4. The tables.
    const ok = (x: typeof duck): x is DuckBaseline => !("error" in x);
    const okSame = (x: typeof same): x is SameSqlBaseline => !("error" in x);
    const baseMs = okSame(same) ? same.readMs + same.queryMs : null;
    console.log();
    console.log(
      `DuckDB's own runs (threads = ${okSame(same) ? same.threads : "?"}), and the command. The goal's baseline is the first: read_csv + OUR emitted SQL, every view materialised, with the engine's settings (memory limit ${okSame(same) ? same.memoryLimit : "?"}, spill folder). The second (DuckDB's own type detection + simple figure queries) is context only.`,
    );
    const row = (
      run: string,
      t: Timed | null,
      r: { readMs: number; queryMs: number } | null,
      note: string,
    ) => [
      run,
      r ? String(Math.round(r.readMs)) : "",
      r ? String(Math.round(r.queryMs)) : "",
      r ? sec(r.readMs + r.queryMs) : "",
      t ? sec(t.wallMs) : "",
      t ? sec(t.cpuMs) : "",
      t ? mib(t.maxRssMiB) : "",
      note,
    ];
    const hasOurs = ours !== null && !oursWhy;
    console.log(
      table(
        ["run", "read ms", "query ms", "read + query", "spawn to exit", "CPU", "peak RSS", "note"],
        [
          okSame(same)
            ? row(BASELINE, s, same, `${same.rows.toLocaleString("en")} rows`)
            : row(BASELINE, s, null, `n/a — ${same.error}`),
          ok(duck)
            ? row(
                CONTEXT,
                d,
                duck,
                `${duck.rows.toLocaleString("en")} rows, ${duck.deals.toLocaleString("en")} deals`,
              )
            : row(CONTEXT, d, null, `n/a — ${duck.error}`),
          row(OURS, hasOurs ? ours : null, null, hasOurs ? "" : `n/a — ${oursWhy}`),
        ],
      ),
    );
    if (okSame(same)) {
      console.log();
      console.log(
        "Rows of each view (materialised by the baseline): they grow with days × reps × sources, not with events",
      );
      console.log(
        table(
          ["view", "rows"],
          Object.entries(same.viewRows).map(([v, n]) => [v, n.toLocaleString("en")]),
        ),
      );
    }
    if (ours && ours.phases.length > 1) {
      console.log();
      console.log(
        "The command's phases (its stderr lines; RSS = the largest process's, the most seen since the line before)",
      );
      console.log(
        table(
          ["at", "line", "RSS up to it"],
          ours.phases.map((p) => [`${p.at.toFixed(1)} s`, p.line, mib(p.rssMiB)]),
        ),
      );
    }
    const has = ours !== null && !oursWhy;
    const ratio = has && baseMs ? (ours as Timed).wallMs / baseMs : null;
    // A file given is labelled by the rows DuckDB counted in it, not by --rows.
    const size = sizeLabel(okSame(same) ? same.rows : rows);
    const goals = [
      [
        `${size}-row stage log → report ≤ ${GOAL_SECONDS} s`,
        has ? sec((ours as Timed).wallMs) : "n/a",
        has ? ((ours as Timed).wallMs <= GOAL_SECONDS * 1000 ? "PASS" : "MISS") : "n/a",
      ],
      [
        `${size}-row stage log → peak RSS ≤ 2 GiB`,
        has ? mib((ours as Timed).maxRssMiB) : "n/a",
        has ? ((ours as Timed).maxRssMiB <= GOAL_RSS_MIB ? "PASS" : "MISS") : "n/a",
      ],
      [
        `ours ≤ ${GOAL_RATIO}× DuckDB's read_csv + our SQL`,
        ratio === null
          ? "n/a"
          : `${ratio.toFixed(2)}× (${sec((ours as Timed).wallMs)} vs ${sec(baseMs)})`,
        ratio === null ? "n/a" : ratio <= GOAL_RATIO ? "PASS" : "MISS",
      ],
    ];
    console.log();
    console.log("Goals (issue 15; 2-core machine)");
    console.log(table(["goal", "now", "status"], goals));
    // Context only: CPU time swings too (DuckDB's waiting threads spin), but other way than wall.
    const cpuRatio = has ? (ours as Timed).cpuMs / s.cpuMs : null;
    if (cpuRatio !== null && Number.isFinite(cpuRatio))
      console.log(
        `context: CPU time spawn to exit (user + system, DuckDB's threads included), ours ${sec((ours as Timed).cpuMs)} vs the baseline's process ${sec(s.cpuMs)} = ${cpuRatio.toFixed(2)}×`,
      );
    out.goals = goals;
    const load1 = loadavg()[0] ?? 0;
    console.log(`load average (1 min) after: ${load1.toFixed(2)}`);
    const json = flag("json");
    if (json) writeFileSync(json, JSON.stringify(out, null, 2));
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept: ${file}`);
  }
}

main().catch((e) => {
  console.error(errText(e));
  process.exitCode = 1;
});
