/**
 * The aggregate views read back from DuckDB as rows (Node only). Each view is materialised once
 * into a temporary table with its numbers as DOUBLE; every text column is then read as one ENUM
 * of all the texts the views hold (reps, sources, currencies, stages), so a chunk carries small
 * codes into one dictionary instead of a string to decode per cell. Values come straight from
 * the chunks' vectors, column by column, each text interned: no converter or closure per cell.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ViewColumn } from "../aggregates/views";

const TEXT_TYPE = "voronka_text";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A column as the temporary table keeps it: days as day numbers, numbers as DOUBLE. */
function kept(c: ViewColumn): string {
  const x = ident(c.column);
  if (c.type === "day") return `CAST(date_diff('day', DATE '1970-01-01', ${x}) AS DOUBLE) AS ${x}`;
  if (c.type === "int" || c.type === "number") return `CAST(${x} AS DOUBLE) AS ${x}`;
  return x;
}

/**
 * Rows of each of `views` (by view name; an absent view gives none), with the fields of its
 * columns; a text column that is not nullable reads NULL as "".
 */
export async function readViews(
  con: DuckDBConnection,
  views: readonly { view: string; columns: readonly ViewColumn[] }[],
  step: (label: string) => void = () => {},
): Promise<Map<string, Record<string, unknown>[]>> {
  const existing = new Set(
    (await con.runAndReadAll("SELECT table_name FROM information_schema.tables"))
      .getRows()
      .map((r) => String(r[0])),
  );
  const present = views.filter((v) => existing.has(v.view));
  const tempOf = (i: number) => `voronka_read_${i}`;
  for (const [i, v] of present.entries())
    await con.run(
      `CREATE OR REPLACE TEMP TABLE ${tempOf(i)} AS SELECT ${v.columns.map(kept).join(", ")} FROM ${ident(v.view)}`,
    );
  step("readViews: temp tables");
  const textsOf = present.flatMap((v, i) =>
    v.columns
      .filter((c) => c.type === "text")
      .map((c) => `SELECT ${ident(c.column)} AS t FROM ${tempOf(i)}`),
  );
  await con.run(`DROP TYPE IF EXISTS ${TEXT_TYPE}`);
  const anyText =
    textsOf.length > 0 &&
    Number(
      (
        await con.runAndReadAll(
          `SELECT COUNT(*) FROM (${textsOf.join(" UNION ALL ")}) WHERE t IS NOT NULL`,
        )
      ).getRows()[0]?.[0] ?? 0,
    ) > 0;
  if (anyText)
    await con.run(
      `CREATE TYPE ${TEXT_TYPE} AS ENUM (SELECT DISTINCT t FROM (${textsOf.join(" UNION ALL ")}) WHERE t IS NOT NULL)`,
    );
  step("readViews: text enum");
  const texts = new Map<string, string>();
  const intern = (s: string): string => {
    const known = texts.get(s);
    if (known !== undefined) return known;
    texts.set(s, s);
    return s;
  };
  const out = new Map<string, Record<string, unknown>[]>();
  for (const [i, v] of present.entries()) {
    const sel = v.columns.map((c) => {
      const x = ident(c.column);
      return c.type === "text" && anyText ? `CAST(${x} AS ${TEXT_TYPE}) AS ${x}` : x;
    });
    const result = await con.run(`SELECT ${sel.join(", ")} FROM ${tempOf(i)}`);
    // Each row a copy of one object with every field already there: its final shape at once,
    // not one property (and a new hidden class) added per column.
    const blank: Record<string, unknown> = {};
    for (const c of v.columns) blank[c.field] = null;
    const rows: Record<string, unknown>[] = new Array(result.rowCount);
    for (let r = 0; r < rows.length; r++) rows[r] = {};
    let at = 0;
    for (let k = 0; k < result.chunkCount; k++) {
      const chunk = result.getChunk(k);
      const n = chunk.rowCount;
      for (const [j, c] of v.columns.entries()) {
        const vector = chunk.getColumnVector(j);
        const field = c.field;
        if (c.type === "text") {
          const none = c.nullable ? null : "";
          for (let r = 0; r < n; r++) {
            const s = vector.getItem(r);
            (rows[at + r] as Record<string, unknown>)[field] =
              typeof s === "string" ? intern(s) : none;
          }
        } else
          for (let r = 0; r < n; r++)
            (rows[at + r] as Record<string, unknown>)[field] = vector.getItem(r) ?? null;
      }
      at += n;
    }
    out.set(v.view, rows);
    step(`readViews: ${v.view} (${rows.length} rows)`);
    await con.run(`DROP TABLE ${tempOf(i)}`);
  }
  if (anyText) await con.run(`DROP TYPE ${TEXT_TYPE}`);
  return out;
}
