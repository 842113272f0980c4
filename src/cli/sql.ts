/**
 * `voronka sql <sample files…> --dialect duckdb|bigquery [--table KIND=NAME…]`: our detection
 * and model build on the sample files give the tables' columns and the funnel's stages; the
 * emitter writes the SQL of SPEC §8 for that dialect to stdout.
 */
import { resolve } from "node:path";
import { InputError, readInput } from "../adapters/xlsx/read";
import { DEFAULT_LONG_CALL_SECONDS } from "../aggregates/memory";
import { buildModel } from "../model/index";
import type { PipelineChoice, RawTab } from "../model/types";
import { emitSql } from "../sql/emit";
import { SqlSourceError, sqlSourceOf } from "../sql/source";
import type { Command } from "./args";
import { checkAskedPipeline } from "./pipelines";
import type { Io } from "./report";

export type SqlCommand = Extract<Command, { kind: "sql" }>;

const KIND_NAMES = { deals: "deals", stageLog: "stage_log", calls: "calls" } as const;

/** The comment the SQL starts with: where it came from, and how to run it. */
function preamble(cmd: SqlCommand, stages: string[], pipelines?: PipelineChoice): string[] {
  const lines = [
    `-- Voronka: raw tables → voronka_deals, voronka_rep_days and the voronka_agg_* views (${cmd.dialect}).`,
    `-- Columns as detected in: ${cmd.files.join(", ")}.`,
    `-- Funnel stages: ${stages.join(" → ") || "none"}.`,
  ];
  if (pipelines && pipelines.pipelines.length > 1) {
    // Names are user text: one line each, whatever they hold.
    const one = (t: string) => t.replace(/[\r\n\u2028\u2029]+/g, " ");
    const others = pipelines.pipelines.filter((p) => p.name !== pipelines.chosen);
    lines.push(
      `-- Pipeline: ${one(pipelines.chosen)}; the deals of ${others.map((p) => one(p.name)).join(", ")} are left out (--pipeline NAME for another).`,
    );
  }
  if (cmd.dialect === "bigquery")
    lines.push(
      "-- Run as one script; unqualified names are in the default dataset: start with",
      "--   SET @@dataset_id = 'your_dataset';",
    );
  return lines;
}

export async function runSql(cmd: SqlCommand, io: Io): Promise<void> {
  const tabs: RawTab[] = [];
  const budget = { rows: 0 };
  for (const f of cmd.files) {
    for (const t of await readInput(resolve(io.cwd, f), f, budget)) {
      let name = t.name;
      for (let n = 2; tabs.some((o) => o.name === name); n++) name = `${t.name} (${n})`;
      tabs.push({ ...t, name });
    }
  }
  const built = buildModel(tabs, { timeZone: "UTC", pipeline: cmd.pipeline ?? null });
  checkAskedPipeline(cmd.pipeline, built.model.pipelines);
  let src: ReturnType<typeof sqlSourceOf>;
  try {
    src = sqlSourceOf(tabs, built, cmd.tables);
  } catch (e) {
    if (!(e instanceof SqlSourceError)) throw e;
    if (e.why === "several" && e.kind)
      throw new InputError("sqlSeveral", { kind: KIND_NAMES[e.kind] });
    throw new InputError("sqlNothing");
  }
  const sql = emitSql(src, cmd.dialect, {
    longCallSeconds: cmd.longCallSeconds ?? DEFAULT_LONG_CALL_SECONDS,
  });
  for (const line of [
    ...preamble(cmd, built.model.stages, built.model.pipelines),
    "",
    ...sql.trimEnd().split("\n"),
  ])
    io.out(line);
}
