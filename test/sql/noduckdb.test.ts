/** Without @duckdb/node-api (mocked away): `--engine duckdb` says how to add it; the switch stays in memory. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../support/runCli";

vi.mock("../../src/sql/duckdb", async (original) => ({
  ...(await original<typeof import("../../src/sql/duckdb")>()),
  loadDuckdb: async () => null,
}));

const MAVEN = resolve(__dirname, "../../../shared/datasets/maven-crm/sales_pipeline.csv");
const dir = mkdtempSync(join(tmpdir(), "voronka-noduck-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("without DuckDB installed", () => {
  it("--engine duckdb fails with one sentence saying how to add it", async () => {
    const r = await runCli(["report", MAVEN, "--engine", "duckdb", "--lang", "en"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "voronka: --engine duckdb needs DuckDB, which is not installed: add it with npm install @duckdb/node-api",
    );
  });

  it("above the threshold the report stays in memory and says so", async () => {
    const before = process.env.VORONKA_ENGINE_ROWS;
    process.env.VORONKA_ENGINE_ROWS = "1000";
    try {
      const r = await runCli(["report", MAVEN, "--out", "r.xlsx", "--lang", "ru"], dir);
      expect(r.code).toBe(0);
      // Thousands as Russian writes them (a no-break space).
      expect(r.err).toMatch(
        /^8\s800 строк сделок, истории этапов и звонков \(больше 1\s000\): считаю в памяти, DuckDB не установлен \(npm install @duckdb\/node-api\)$/m,
      );
    } finally {
      if (before === undefined) delete process.env.VORONKA_ENGINE_ROWS;
      else process.env.VORONKA_ENGINE_ROWS = before;
    }
  });
});
