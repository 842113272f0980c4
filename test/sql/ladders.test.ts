/**
 * The bucket rules as the emitter writes them in SQL (ladders.ts, dialect weekPart), executed
 * by DuckDB over many values, against the TypeScript that defines them: hoursBucket and
 * weekPartStart (spread.ts). The in-memory engine buckets with the TypeScript,
 * so a value the two disagree on would make the engines' aggregates differ.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MS_PER_DAY } from "../../src/core/calendar";
import {
  bucketWidthLadder,
  hoursBucket,
  MAX_SPREAD_HOURS,
  weekPartStart,
} from "../../src/core/metrics/spread";
import { dialectOf } from "../../src/sql/dialect";
import { hoursBucketSql } from "../../src/sql/ladders";

let db: DuckDBInstance;
let con: Awaited<ReturnType<DuckDBInstance["connect"]>>;
beforeAll(async () => {
  db = await DuckDBInstance.create(":memory:");
  con = await db.connect();
});
afterAll(() => {
  con.closeSync();
  db.closeSync();
});

/** The SQL expression `expr` of column `x` over each value of `xs`, in order (dates as day numbers). */
async function sqlOver(xs: readonly number[], type: string, expr: string): Promise<number[]> {
  await con.run(`CREATE OR REPLACE TABLE v (i BIGINT, x ${type})`);
  const app = await con.createAppender("v");
  xs.forEach((x, i) => {
    app.appendBigInt(BigInt(i));
    if (type === "DATE") app.appendVarchar(new Date(x * MS_PER_DAY).toISOString().slice(0, 10));
    else app.appendBigInt(BigInt(x));
    app.endRow();
  });
  app.closeSync();
  const out = type === "DATE" ? `date_diff('day', DATE '1970-01-01', ${expr})` : expr;
  const r = await con.runAndReadAll(`SELECT CAST(${out} AS DOUBLE) FROM v ORDER BY i`);
  return r.getColumnsJS()[0]?.map(Number) ?? [];
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);

describe("bucket rules in SQL = in TypeScript", () => {
  it("hoursBucket over 0…20,000 hours, each step's edges, powers of two ± 1, up to past the top", async () => {
    const edges = bucketWidthLadder().flatMap((s) => [s.from - 1, s.from, s.from + 1]);
    const powers = range(4, 33).flatMap((p) => [2 ** p - 1, 2 ** p, 2 ** p + 1]);
    const sparse = range(0, 12_000).map((k) => 20_000 + k * 97);
    const top = [MAX_SPREAD_HOURS - 1, MAX_SPREAD_HOURS, MAX_SPREAD_HOURS + 1, 123_456_789];
    const xs = [
      ...range(0, 20_000),
      ...edges.filter((x) => x >= 0),
      ...powers,
      ...sparse,
      1e6,
      ...top,
    ];
    const sql = await sqlOver(xs, "BIGINT", hoursBucketSql("x"));
    const js = xs.map(hoursBucket);
    expect(sql).toEqual(js);
    // The rule can fail: buckets above 16 hours are coarser than the hours.
    expect(new Set(js).size).toBeLessThan(xs.length / 10);
  });

  it("weekPartStart over every day of 2024–2026", async () => {
    const from = Date.UTC(2024, 0, 1) / MS_PER_DAY;
    const xs = range(from, Date.UTC(2026, 11, 31) / MS_PER_DAY);
    const sql = await sqlOver(xs, "DATE", dialectOf("duckdb").weekPart("x"));
    expect(sql).toEqual(xs.map(weekPartStart));
    // Independently: a part starts on a Monday or on the 1st, and holds its own day within a week.
    for (const [i, d] of xs.entries()) {
      const start = new Date((sql[i] ?? 0) * MS_PER_DAY);
      expect(start.getUTCDay() === 1 || start.getUTCDate() === 1).toBe(true);
      expect(d - (sql[i] ?? 0)).toBeGreaterThanOrEqual(0);
      expect(d - (sql[i] ?? 0)).toBeLessThan(7);
    }
  });
});
