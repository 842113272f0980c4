/**
 * A big stage log beside a small calls summary (a telephony dashboard's rep-days): DuckDB counts
 * the log, the summary's calls join its rep-days as the in-memory engine joins them, so both
 * engines write the same sheets, calls included.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateWorkbook } from "../../src/generate";
import { runCli } from "../support/runCli";
import { xlsxSheets as sheets } from "../support/xlsxSheets";

const dir = mkdtempSync(join(tmpdir(), "voronka-engine-summaries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cell = (v: unknown) => {
  const s =
    v instanceof Date ? v.toISOString().replace("T", " ").replace("Z", "") : String(v ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

describe("--engine duckdb with a calls summary", () => {
  it("gives the sheets the in-memory engine gives, the summary's calls counted", async () => {
    const w = generateWorkbook({ seed: 7, lang: "en", scale: 0.05, months: 3 });
    const log = w.tabs.find((t) => t.name === w.expected.kinds.stageLog);
    const logPath = join(dir, "log.csv");
    writeFileSync(logPath, (log?.values ?? []).map((r) => r.map(cell).join(",")).join("\n"));
    const reps = [...new Set((log?.values ?? []).slice(1).map((r) => String(r[3] ?? "")))];
    expect(reps.length).toBeGreaterThan(1);
    // Two weeks of a dashboard's rep-days for the log's reps.
    const summary = [["Day", "Operator", "Total calls", "Calls ≥ 60 s", "Talk time, min"]];
    for (let d = 1; d <= 14; d++)
      for (const [i, rep] of reps.entries())
        summary.push([
          `2026-02-${String(d).padStart(2, "0")}`,
          rep,
          String(10 + i + d),
          String(4 + i),
          String(30 + d),
        ]);
    const summaryPath = join(dir, "dashboard.csv");
    writeFileSync(summaryPath, summary.map((r) => r.map(cell).join(",")).join("\n"));

    const run = async (engine: string) => {
      const out = join(dir, `${engine}.xlsx`);
      const r = await runCli(
        [
          "report",
          logPath,
          summaryPath,
          "--engine",
          engine,
          "--out",
          out,
          "--force",
          "--lang",
          "en",
        ],
        dir,
      );
      expect(r.code, r.err).toBe(0);
      return sheets(out);
    };
    const memory = await run("memory");
    const duck = await run("duckdb");
    const kpi = memory.KPI ?? [];
    expect(kpi.flat().map(String)).toContain("Calls");
    expect(duck).toEqual(memory);
  });
});
