/**
 * The baseline issue 15 judges the command against: DuckDB's own `read_csv` of the file and OUR
 * emitted SQL (src/sql/emit.ts) with every aggregate view materialised, in a DuckDB opened with
 * the engine's settings (src/sql/duckdb.ts openDuckdb: memory limit, spill folder, threads).
 * The source (columns, stages) is detected on the file's head as the command does; that and
 * the model build on the sample are not timed. Run by bench/bigLog.ts in a child process.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_LONG_CALL_SECONDS } from "../src/aggregates/memory";
import { META_VIEW, VIEWS } from "../src/aggregates/views";
import { bigTabs, sampleTabs } from "../src/cli/engine";
import { mappingToBuild } from "../src/model/corrections";
import { buildModel } from "../src/model/index";
import { csvHead } from "../src/sql/direct";
import { openDuckdb, readCsv, TABLES } from "../src/sql/duckdb";
import { emitStatements } from "../src/sql/emit";
import { headersOf, sqlSourceOf } from "../src/sql/source";
import { now } from "./util";

export interface SameSqlBaseline {
  /** read_csv of the file into the raw table. */
  readMs: number;
  /** The emitted statements and every view materialised. */
  queryMs: number;
  rows: number;
  threads: string;
  memoryLimit: string;
  /** Of queryMs: the statements (voronka_deals is a table; the rest are views). */
  statementsMs: number;
  /** Rows of each view (materialised), by view name. */
  viewRows: Record<string, number>;
}

export async function sameSqlBaseline(file: string): Promise<SameSqlBaseline> {
  const head = await csvHead(file);
  if (!head) throw new Error(`${file}: not a UTF-8 CSV`);
  const tabs = [head.tab];
  const big = bigTabs(tabs, new Map([[head.tab.name, { head }]]));
  const m = big.get(head.tab.name)?.mapping;
  if (m?.kind !== "stageLog") throw new Error(`${file}: not detected as a stage log`);
  const sample = sampleTabs(tabs, big);
  const built = buildModel(sample, { timeZone: "UTC", mapping: mappingToBuild(sample, null) });
  const src = sqlSourceOf(tabs, built, TABLES);
  const dir = await mkdtemp(join(tmpdir(), "voronka-samesql-"));
  const instance = await openDuckdb(dir);
  const con = await instance.connect();
  try {
    const one = async (sql: string) => (await con.runAndReadAll(sql)).getRowsJS()[0]?.[0];
    const t0 = now();
    await con.run(
      `CREATE TABLE ${TABLES.stageLog} AS SELECT * FROM ${readCsv(file, headersOf(head.tab, m), head.delimiter)}`,
    );
    const readMs = now() - t0;
    const q0 = now();
    for (const s of emitStatements(src, "duckdb", { longCallSeconds: DEFAULT_LONG_CALL_SECONDS }))
      await con.run(s);
    const statementsMs = now() - q0;
    const viewRows: Record<string, number> = {};
    for (const v of [...VIEWS, META_VIEW]) {
      const exists = Number(
        await one(`SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '${v.view}'`),
      );
      if (!exists) continue;
      await con.run(`CREATE TABLE m_${v.view} AS SELECT * FROM ${v.view}`);
      viewRows[v.view] = Number(await one(`SELECT COUNT(*) FROM m_${v.view}`));
    }
    const queryMs = now() - q0;
    return {
      readMs,
      queryMs,
      statementsMs,
      rows: Number(await one(`SELECT COUNT(*) FROM ${TABLES.stageLog}`)),
      threads: String(await one("SELECT current_setting('threads')")),
      memoryLimit: String(await one("SELECT current_setting('memory_limit')")),
      viewRows,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}
