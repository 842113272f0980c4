/**
 * Which engine computes the report's aggregates (SPEC §8): in memory, or DuckDB — asked for with
 * `--engine`, or chosen by itself above ENGINE_AUTO_ROWS rows of deals, stage log and calls (one
 * line says so). With DuckDB the model is built on a sample of those tabs (mapping, stages, the
 * small tables); every row goes to DuckDB through the clean files of src/sql/normalise.ts.
 */
import { InputError } from "../adapters/xlsx/errors";
import { readInput } from "../adapters/xlsx/read";
import type { Aggregates } from "../aggregates/types";
import type { Lang } from "../core/i18n";
import { detectTab } from "../model/detect";
import type { BuildResult } from "../model/index";
import { type TabMapping, tabMappingFromDetection } from "../model/mapping";
import type { RawTab } from "../model/types";
import { type CsvHead, csvHead, readsTheSame } from "../sql/direct";
import { ENGINE_AUTO_ROWS, type Engine } from "./args";
import { message } from "./messages";

/** Data rows of each big tab the model is built on when DuckDB computes the aggregates. */
export const SAMPLE_ROWS = 50_000;

const BIG_KINDS = new Set(["deals", "stageLog", "calls"]);

/** The auto-switch threshold; VORONKA_ENGINE_ROWS overrides it (tests lower it). */
export function autoRows(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.VORONKA_ENGINE_ROWS);
  return Number.isFinite(v) && v > 0 ? v : ENGINE_AUTO_ROWS;
}

export interface BigTab {
  /** Rows up to and with the header row. */
  head: number;
  /** Data rows below it (of the whole file, estimated, for a file read to its head). */
  rows: number;
  mapping: TabMapping;
}

/** The tabs detected as deals, stage logs and calls, by name. */
export function bigTabs(
  tabs: readonly RawTab[],
  heads: ReadonlyMap<string, { head: CsvHead }> = new Map(),
): Map<string, BigTab> {
  const out = new Map<string, BigTab>();
  for (const t of tabs) {
    const d = detectTab(t);
    if (!d || !BIG_KINDS.has(d.kind)) continue;
    const rows = heads.get(t.name)?.head.rows ?? d.rows;
    out.set(t.name, { head: d.headerRow + 1, rows, mapping: tabMappingFromDetection(d) });
  }
  return out;
}

/**
 * A file's tabs; a UTF-8 CSV too big to be read in one go (unless --engine memory) only to its
 * head, with `head` set: DuckDB may read the rest itself.
 */
export async function readHeadOrAll(
  path: string,
  shown: string,
  budget: { rows: number },
  asked: Engine | undefined,
): Promise<{ tabs: RawTab[]; head: CsvHead | null }> {
  if (asked !== "memory") {
    // VORONKA_HEAD_BYTES lowers the head's size (tests read small files through DuckDB whole).
    const head = await csvHead(path, Number(process.env.VORONKA_HEAD_BYTES) || undefined);
    if (head && !head.whole) return { tabs: [head.tab], head };
  }
  return { tabs: await readInput(path, shown, budget), head: null };
}

export { readsTheSame };

export async function duckdbInstalled(): Promise<boolean> {
  const { loadDuckdb } = await import("../sql/duckdb");
  return (await loadDuckdb()) !== null;
}

/** A stage log or calls kind with more than one tab (SQL takes one of each), or null. */
export function severalOfKind(big: ReadonlyMap<string, BigTab>): string | null {
  const seen = new Set<string>();
  for (const t of big.values()) {
    if (t.mapping.kind === "deals") continue;
    const kind = t.mapping.kind === "stageLog" ? "stage_log" : (t.mapping.kind ?? "");
    if (seen.has(kind)) return kind;
    seen.add(kind);
  }
  return null;
}

/** The engine to use; says so in one line when it chose DuckDB (or could not). */
export async function chooseEngine(
  asked: Engine | undefined,
  big: ReadonlyMap<string, BigTab>,
  lang: Lang,
  say: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Engine> {
  if (asked === "memory") return "memory";
  const several = severalOfKind(big);
  if (asked === "duckdb") {
    if (!(await duckdbInstalled())) throw new InputError("duckdbMissing");
    if (several) throw new InputError("duckdbSeveral", { kind: several });
    return "duckdb";
  }
  const rows = [...big.values()].reduce((s, t) => s + t.rows, 0);
  const limit = autoRows(env);
  if (rows <= limit) return "memory";
  if (several) {
    say(message(lang, "engineSeveral", { rows, limit, kind: several }));
    return "memory";
  }
  const installed = await duckdbInstalled();
  say(message(lang, installed ? "engineAuto" : "engineNoDuckdb", { rows, limit }));
  return installed ? "duckdb" : "memory";
}

/** The tabs with each big tab cut to its header and SAMPLE_ROWS data rows. */
export function sampleTabs(tabs: RawTab[], big: Map<string, BigTab>): RawTab[] {
  return tabs.map((t) => {
    const head = big.get(t.name)?.head;
    return head === undefined || t.values.length <= head + SAMPLE_ROWS
      ? t
      : { ...t, values: t.values.slice(0, head + SAMPLE_ROWS) };
  });
}

/** Aggregates of every row through DuckDB, with the mapping and stages of `built`. */
export async function duckdbAggregates(
  tabs: readonly RawTab[],
  built: BuildResult,
  longCallSeconds: number,
  direct: ReadonlyMap<string, CsvHead>,
  step?: (label: string) => void,
): Promise<Aggregates> {
  const { aggregateWithDuckdb } = await import("../sql/duckdb");
  return aggregateWithDuckdb(tabs, built, longCallSeconds, direct, step);
}
