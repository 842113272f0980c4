/**
 * The DuckDB engine (Node only; never bundled for Apps Script): clean UTF-8 files of the raw
 * tables → DuckDB's own CSV reader → the emitted SQL → the aggregate views read back as
 * `Aggregates`. `@duckdb/node-api` is an optional dependency, loaded on demand.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Aggregates } from "../aggregates/types";
import { META_VIEW, VIEWS } from "../aggregates/views";
import type { BuildResult } from "../model/build/index";
import type { TabMapping } from "../model/mapping";
import type { RawTab } from "../model/types";
import type { CsvHead } from "./direct";
import { emitStatements } from "./emit";
import { type CleanTable, cleanSource, cleanTable } from "./normalise";
import { pipelinesCounted } from "./pipelineCounts";
import { readViews } from "./readViews";
import { headersOf, type SqlKind, type SqlSource, sqlSourceOf } from "./source";

type DuckApi = typeof import("@duckdb/node-api");

/** The DuckDB package, or null when it is not installed. */
export async function loadDuckdb(): Promise<DuckApi | null> {
  try {
    return await import("@duckdb/node-api");
  } catch {
    return null;
  }
}

/**
 * DuckDB's memory limit: past it, it spills to the temporary folder. Its process grows well past
 * the limit (≈ 1.9 GiB peak with 1 GB on the 10M-row bench, ≈ 1.4 GiB with 768 MB, no slower),
 * and the command's goal is 2 GiB in all.
 */
export const DUCKDB_MEMORY = "768MB";

export const TABLES: Record<SqlKind, string> = {
  deals: "raw_deals",
  stageLog: "raw_stage_log",
  calls: "raw_calls",
};

const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function writeCsv(path: string, t: CleanTable): Promise<void> {
  const out = createWriteStream(path, { encoding: "utf8" });
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write(`${t.header.map(csvField).join(",")}\n`);
  let batch = "";
  for (const row of t.rows) {
    batch += `${row.map(csvField).join(",")}\n`;
    if (batch.length > 1 << 16) {
      await write(batch);
      batch = "";
    }
  }
  if (batch) await write(batch);
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

const sqlPath = (p: string) => `'${p.replace(/'/g, "''")}'`;

/** Runs the emitted SQL over the tables already loaded, and reads the views back. */
export async function runAggregates(
  con: import("@duckdb/node-api").DuckDBConnection,
  src: SqlSource,
  longCallSeconds: number,
  step: (label: string) => void = () => {},
): Promise<Aggregates> {
  for (const s of emitStatements(src, "duckdb", { longCallSeconds })) await con.run(s);
  step("duckdb: emitted statements");
  const read = await readViews(con, [...VIEWS, META_VIEW], step);
  const out: Record<string, unknown> = {};
  for (const v of VIEWS) out[v.table] = read.get(v.view) ?? [];
  const meta = read.get(META_VIEW.view)?.[0] ?? {};
  return {
    ...(out as unknown as Omit<Aggregates, "longCallSeconds" | "hasClient">),
    stages: ((out.stages as Aggregates["stages"]) ?? []).sort((a, b) => a.position - b.position),
    longCallSeconds: Number(meta.longCallSeconds ?? longCallSeconds),
    hasClient: meta.hasClient === true,
  };
}

export type DuckConnection = import("@duckdb/node-api").DuckDBConnection;

/** Fields whose values the source classifies (stage, status and flag words), per kind. */
const WORD_FIELDS: Record<string, string[]> = {
  deals: ["stage", "status", "won", "closedFlag", "closed", "targeted", "pipeline"],
  stageLog: ["stage"],
};

/**
 * The head of a file DuckDB read whole, with one more row per distinct value of each word
 * column in the whole file: the source classifies every value, not only the head's.
 */
async function withAllWords(
  con: DuckConnection,
  table: string,
  tab: RawTab,
  m: TabMapping,
): Promise<RawTab> {
  const columns = [
    ...(WORD_FIELDS[m.kind ?? ""] ?? []).map((f) => m.columns[f]),
    ...(m.kind === "deals" ? (m.stageColumns ?? []).map((s) => s.column) : []),
  ].filter((c): c is number => c !== undefined);
  const headers = headersOf(tab, m);
  const extra: unknown[][] = [];
  for (const c of new Set(columns)) {
    const name = `"${(headers[c] ?? "").replace(/"/g, '""')}"`;
    const r = await con.runAndReadAll(
      `SELECT DISTINCT ${name} FROM ${table} WHERE ${name} IS NOT NULL LIMIT 100000`,
    );
    for (const [v] of r.getRows()) {
      const row: unknown[] = new Array(headers.length).fill("");
      row[c] = String(v);
      extra.push(row);
    }
  }
  return { ...tab, values: [...tab.values, ...extra] };
}

/**
 * A DuckDB with the engine's settings: a database file in `dir` and its spill folder there, so
 * that DuckDB can work past its memory limit (the bench's baseline opens the same).
 */
export async function openDuckdb(dir: string): Promise<import("@duckdb/node-api").DuckDBInstance> {
  const duck = await loadDuckdb();
  if (!duck) throw new Error("@duckdb/node-api is not installed");
  return duck.DuckDBInstance.create(join(dir, "voronka.duckdb"), {
    memory_limit: process.env.VORONKA_DUCKDB_MEMORY ?? DUCKDB_MEMORY,
    temp_directory: join(dir, "spill"),
  });
}

/**
 * Opens a DuckDB (openDuckdb, in a temporary folder) and loads the deals, stage log and calls
 * tabs `built` maps: a tab in `direct` (a UTF-8 CSV whose values DuckDB reads as we do) straight
 * from its file by DuckDB's reader, any other through a clean UTF-8 file of its rows
 * (normalise.ts). Runs `fn` with the connection and the source the tables follow, then closes it
 * all. `built` is the model build on these tabs (or on a sample of them): the mapping and the
 * stages.
 */
export async function withCleanTables<T>(
  tabs: readonly RawTab[],
  built: BuildResult,
  fn: (con: DuckConnection, src: SqlSource) => Promise<T>,
  direct: ReadonlyMap<string, CsvHead> = new Map(),
  step: (label: string) => void = () => {},
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "voronka-duckdb-"));
  const instance = await openDuckdb(dir);
  const con = await instance.connect();
  step("duckdb: open");
  try {
    const seen = [...tabs];
    const directTables = new Set<string>();
    let dealsTables = 0;
    for (const m of built.mapping.tabs) {
      const i = seen.findIndex((t) => t.name === m.name);
      const tab = seen[i];
      if (!tab || (m.kind !== "deals" && m.kind !== "stageLog" && m.kind !== "calls")) continue;
      // More deals tables are named as sqlSourceOf names them: raw_deals_2, raw_deals_3…
      const table =
        m.kind === "deals" && dealsTables++ > 0 ? `${TABLES.deals}_${dealsTables}` : TABLES[m.kind];
      const head = direct.get(tab.name);
      if (head) {
        const header = headersOf(tab, m);
        await con.run(
          `CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${readCsv(head.path, header, head.delimiter)}`,
        );
        step(`duckdb: read_csv ${table}`);
        seen[i] = await withAllWords(con, table, tab, m);
        step(`duckdb: word values ${table}`);
        // The head estimated the file's rows; DuckDB has counted them.
        const count = await con.runAndReadAll(`SELECT COUNT(*) FROM ${table}`);
        head.rows = Number(count.getRows()[0]?.[0] ?? head.rows);
        step(`duckdb: count ${table}`);
        directTables.add(table);
        continue;
      }
      const t = cleanTable(tab, m);
      if (!t) continue;
      const path = join(dir, `${table}.csv`);
      await writeCsv(path, t);
      await con.run(`CREATE OR REPLACE TABLE ${table} AS SELECT * FROM ${readCsv(path, t.header)}`);
    }
    const raw = sqlSourceOf(seen, built, TABLES);
    const clean = cleanSource(raw);
    const pick = <T extends { table: string }>(r: T | null, c: T | null): T | null =>
      r && directTables.has(r.table) ? r : c;
    const src: SqlSource = {
      ...clean,
      deals: pick(raw.deals, clean.deals),
      moreDeals: raw.moreDeals.map((r, i) => pick(r, clean.moreDeals[i] ?? null) ?? r),
      stageLog: pick(raw.stageLog, clean.stageLog),
      calls: pick(raw.calls, clean.calls),
    };
    step("duckdb: source");
    return await fn(con, src);
  } finally {
    // The database is deleted next: writing its tables out on close (a checkpoint) is wasted.
    await con.run("PRAGMA disable_checkpoint_on_shutdown").catch(() => {});
    con.closeSync();
    instance.closeSync();
    await rm(dir, { recursive: true, force: true });
    step("duckdb: close");
  }
}

/**
 * DuckDB's reader of a UTF-8 CSV whose columns are all read as text, by these names; rows short
 * of cells padded and long ones cut, as our reader does (with quoted line breaks DuckDB does
 * that only when it reads the file in one thread).
 */
export function readCsv(path: string, header: readonly string[], delimiter = ","): string {
  const columns = header.map((h) => `${sqlPath(h)}: 'VARCHAR'`).join(", ");
  return `read_csv(${sqlPath(path)}, header = true, delim = ${sqlPath(delimiter)}, quote = '"', escape = '"', auto_detect = false, null_padding = true, parallel = false, strict_mode = false, columns = {${columns}})`;
}

/**
 * Model build's tabs → Aggregates through DuckDB (see withCleanTables). A model built on a
 * sample gets its pipelines' deals counted over every row (`built.model.pipelines` replaced).
 */
export function aggregateWithDuckdb(
  tabs: readonly RawTab[],
  built: BuildResult,
  longCallSeconds: number,
  direct?: ReadonlyMap<string, CsvHead>,
  step?: (label: string) => void,
): Promise<Aggregates> {
  return withCleanTables(
    tabs,
    built,
    async (con, src) => {
      // The model may be a sample's: the pipelines' deals as counted over every row.
      const p = built.model.pipelines;
      if (p) built.model.pipelines = await pipelinesCounted(con, src, p);
      return runAggregates(con, src, longCallSeconds, step);
    },
    direct,
    step,
  );
}
