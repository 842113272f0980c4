/**
 * DuckDB computing the same figures on the same generated rows.
 * Load: the rows (already in memory, as for ours) → DuckDB data chunks of 2048 rows → appender
 * (the fastest of the loaders tried: per-value appends took 1.8×, a temp CSV + read_csv 2.5×). Query: funnel counts per month and per rep (distinct deals reaching each stage, a deal's
 * month being that of its first log row) and the median days of each consecutive stage
 * transition (first entry into each stage; pairs where the later stage is not earlier).
 */
import type { BenchData } from "./data";
import type { Figures } from "./figures";
import { median, now } from "./util";

export interface DuckResult {
  /** Median of the loads (one per run). */
  loadMs: number;
  queryMs: number[];
  queryMedianMs: number;
  figures: Figures;
  threads: string;
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export async function runDuck(
  data: BenchData,
  stages: string[],
  runs: number,
): Promise<DuckResult> {
  const {
    DuckDBInstance,
    DuckDBDataChunk,
    DuckDBTimestampMillisecondsValue,
    VARCHAR,
    DOUBLE,
    TIMESTAMP_MS,
  } = await import("@duckdb/node-api");
  {
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    const threads = String(
      (await con.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0],
    );

    // ---- load (timed, median of runs): JS rows → DuckDB data chunks → appender
    const rows = data.stageLog.values;
    const types = [VARCHAR, VARCHAR, TIMESTAMP_MS, VARCHAR, VARCHAR, DOUBLE];
    const CHUNK = 2048;
    const loads: number[] = [];
    for (let run = 0; run < runs; run++) {
      await con.run("DROP TABLE IF EXISTS log; DROP TABLE IF EXISTS stages");
      const t0 = now();
      await con.run(
        "CREATE TABLE log(id VARCHAR, stage VARCHAR, ts TIMESTAMP_MS, rep VARCHAR, source VARCHAR, amount DOUBLE)",
      );
      const appender = await con.createAppender("log");
      for (let i = 1; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK);
        const chunk = DuckDBDataChunk.create(types, part.length);
        chunk.setColumns([
          part.map((r) => String(r[0])),
          part.map((r) => String(r[1])),
          part.map((r) => new DuckDBTimestampMillisecondsValue(BigInt((r[2] as Date).getTime()))),
          part.map((r) => String(r[3])),
          part.map((r) => String(r[4])),
          part.map((r) => (r[5] === "" ? null : Number(r[5]))),
        ]);
        appender.appendDataChunk(chunk);
      }
      appender.closeSync();
      await con.run(stagesTableSql(stages));
      loads.push(now() - t0);
    }
    const loadMs = median(loads);

    // ---- query (timed, median of runs)
    const { funnelSql, velocitySql } = figureQueries(stages);
    const queryMs: number[] = [];
    let funnelRows: unknown[][] = [];
    let velRows: unknown[][] = [];
    for (let i = 0; i < runs; i++) {
      const q0 = now();
      funnelRows = (await con.runAndReadAll(funnelSql)).getRowsJS() as unknown[][];
      velRows = (await con.runAndReadAll(velocitySql)).getRowsJS() as unknown[][];
      queryMs.push(now() - q0);
    }
    const figures = figuresFromRows(stages, funnelRows, velRows);
    con.closeSync();
    instance.closeSync();
    return { loadMs, queryMs, queryMedianMs: median(queryMs), figures, threads };
  }
}

/**
 * The figure queries over a table `log(id, stage, ts, rep, …)` and `stages(key, k)` (stage name
 * trimmed and lower-cased → index): funnel counts per month and per rep, a deal's month that of
 * its first row; the median days of each consecutive transition (first entry into each stage),
 * each duration counted in whole hours as the aggregates contract counts it (src/aggregates).
 */
export function figureQueries(stages: string[]): { funnelSql: string; velocitySql: string } {
  const countCols = stages
    .map((_, k) => `count(*) FILTER (WHERE reached >= ${k}) AS c${k}`)
    .join(", ");
  const funnelSql = `
      WITH l AS (
        SELECT log.id, log.rep, log.ts, s.k FROM log JOIN stages s ON lower(trim(log.stage)) = s.key
      ), d AS (
        SELECT id, any_value(rep) AS rep, max(k) AS reached, min(ts) AS first_ts FROM l GROUP BY id
      )
      SELECT month, rep, GROUPING(month) AS gm, ${countCols}
      FROM (SELECT * , strftime(first_ts, '%b %Y') AS month FROM d)
      GROUP BY GROUPING SETS ((month), (rep))`;
  const velocitySql = `
      WITH p AS (
        SELECT log.id, s.k, min(log.ts) AS t
        FROM log JOIN stages s ON lower(trim(log.stage)) = s.key GROUP BY log.id, s.k
      )
      SELECT a.k, count(*) AS n,
             round(quantile_cont(round((epoch_ms(b.t) - epoch_ms(a.t)) / 3600000.0) / 24.0, 0.5), 4) AS med
      FROM p a JOIN p b ON a.id = b.id AND b.k = a.k + 1 AND b.t >= a.t
      GROUP BY a.k ORDER BY a.k`;
  return { funnelSql, velocitySql };
}

/** The SQL that makes `stages(key, k)` for figureQueries. */
export function stagesTableSql(stages: string[]): string {
  return `CREATE TABLE stages AS SELECT * FROM (VALUES ${stages
    .map((s, k) => `(${sqlString(s.trim().toLowerCase())}, ${k})`)
    .join(", ")}) t(key, k)`;
}

/** The figure queries' rows → Figures. */
export function figuresFromRows(
  stages: string[],
  funnelRows: unknown[][],
  velRows: unknown[][],
): Figures {
  const n = stages.length;
  const figures: Figures = { stages, byMonth: {}, byRep: {}, velocity: {} };
  for (const r of funnelRows) {
    const counts = r.slice(3, 3 + n).map(Number);
    // GROUPING(month) = 0: a month row; 1: a rep row.
    if (Number(r[2]) === 0) figures.byMonth[String(r[0])] = counts;
    else figures.byRep[String(r[1])] = counts;
  }
  for (const r of velRows) {
    const k = Number(r[0]);
    figures.velocity[`${stages[k]} → ${stages[k + 1]}`] = {
      count: Number(r[1]),
      median: r[2] === null ? null : Number(r[2]),
    };
  }
  return figures;
}
