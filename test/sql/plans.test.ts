/**
 * Joins by id in the emitted SQL (calls → their deal, graded ids → their deal) are hash joins:
 * with a condition on one side only in a LEFT JOIN's ON clause DuckDB joins by nested loops,
 * calls × deals comparisons (46,000 calls and 15,000 deals took 7 minutes). Checked on DuckDB's
 * plan, not on time.
 */
import { describe, expect, it } from "vitest";
import { viewOf } from "../../src/aggregates/views";
import { generateWorkbook } from "../../src/generate";
import { buildModel } from "../../src/model";
import { withCleanTables } from "../../src/sql/duckdb";
import { emitStatements } from "../../src/sql/emit";

describe("joins by id in the emitted SQL", () => {
  it("voronka_rep_days and voronka_agg_graded_deals join by hash, never by nested loops", async () => {
    const w = generateWorkbook({ seed: 3, lang: "en", scale: 0.05, months: 2 });
    const built = buildModel(w.tabs, { timeZone: "UTC" });
    const plans = await withCleanTables(w.tabs, built, async (con, src) => {
      const statements = emitStatements(src, "duckdb", { longCallSeconds: 60 });
      for (const s of statements) await con.run(s);
      const out: Record<string, string> = {};
      for (const name of [viewOf("repDays").view, viewOf("gradedDeals").view]) {
        const s = statements.find((x) => x.includes(`"${name}" AS\n`)) ?? "";
        const query = s.slice(s.indexOf(" AS\n") + 4);
        const rows = (await con.runAndReadAll(`EXPLAIN ${query}`)).getRows();
        out[name] = rows.map((r) => String(r[1])).join("\n");
      }
      return out;
    });
    for (const [name, plan] of Object.entries(plans)) {
      expect({ name, hash: plan.includes("HASH_JOIN") }).toEqual({ name, hash: true });
      expect({ name, nestedLoops: /NL_JOIN|NESTED_LOOP/.test(plan) }).toEqual({
        name,
        nestedLoops: false,
      });
    }
  });
});
