/**
 * The deals per pipeline counted by DuckDB over every row: a model built on a sample of a big
 * table (cli/engine.ts) chose the pipeline, and the SQL kept its rows; the summary line and the
 * data check then give the whole file's counts, not the sample's.
 */
import { cellText, nameKey } from "../core/values";
import { bitrixPipelineOf } from "../model/build/pipelineChoice";
import type { PipelineChoice } from "../model/types";
import { dialectOf } from "./dialect";
import type { DuckConnection } from "./duckdb";
import type { SqlSource } from "./source";

export async function pipelinesCounted(
  con: DuckConnection,
  src: SqlSource,
  choice: PipelineChoice,
): Promise<PipelineChoice> {
  const q = dialectOf("duckdb");
  const counts = new Map<string, { name: string; deals: number }>();
  let read = false;
  for (const d of [src.deals, ...src.moreDeals]) {
    const p = d?.pipeline;
    if (!d || !p) continue;
    const column = p.by === "column" ? d.columns.pipeline : d.columns.stage;
    if (column === undefined) continue;
    read = true;
    const r = await con.runAndReadAll(
      `SELECT TRIM(COALESCE(CAST(${q.ident(column)} AS VARCHAR), '')) AS v, COUNT(*) AS n FROM ${q.table(d.table)} GROUP BY 1`,
    );
    for (const [v, n] of r.getRows()) {
      const name = p.by === "column" ? cellText(v) : bitrixPipelineOf(v);
      const k = nameKey(name);
      if (k === "") continue;
      const e = counts.get(k) ?? { name, deals: 0 };
      e.deals += Number(n);
      counts.set(k, e);
    }
  }
  if (!read) return choice;
  // The sample's spelling of each name, where it had one.
  for (const x of choice.pipelines) {
    const e = counts.get(nameKey(x.name));
    if (e) e.name = x.name;
  }
  const pipelines = [...counts.values()].sort((a, b) => b.deals - a.deals);
  const chosen = nameKey(choice.chosen);
  const leftOut = pipelines.reduce((s, x) => s + (nameKey(x.name) === chosen ? 0 : x.deals), 0);
  return { ...choice, pipelines, leftOut };
}
