/**
 * `voronka sql` and `voronka report --engine`: the SQL printed for sample files, and the report
 * computed through DuckDB (asked for, or chosen above a lowered threshold) giving the same
 * sheets, cell for cell, as the in-memory engine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateWorkbook } from "../../src/generate";
import { runCli } from "../support/runCli";
import { xlsxSheets as sheets } from "../support/xlsxSheets";

const ROOT = resolve(__dirname, "../..");
const MAVEN = resolve(ROOT, "../shared/datasets/maven-crm/sales_pipeline.csv");
const dir = mkdtempSync(join(tmpdir(), "voronka-sql-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Dates as ISO text to the second (DuckDB reads them as we do), or as dd.mm.yyyy hh:mm:ss (it does not). */
type DateStyle = "iso" | "dotted";

const dateText = (d: Date, style: DateStyle) => {
  const iso = d.toISOString();
  if (style === "iso") return iso.replace("T", " ").replace(/\.\d+Z$/, "");
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 19)}`;
};

const csvCell = (v: unknown, style: DateStyle = "iso") => {
  const s = v instanceof Date ? dateText(v, style) : String(v ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * A generated workbook's deals, stage log and calls as three small UTF-8 CSV files (and its call
 * checklist as a fourth, when asked).
 */
function smallCsvs(seed: number, style: DateStyle = "iso", checklist = false): string[] {
  const w = generateWorkbook({ seed, lang: "en", scale: 0.05, months: 3 });
  const kinds = ["deals", "stageLog", "calls", ...(checklist ? ["checklist"] : [])];
  return kinds.map((kind) => {
    const tab = w.tabs.find((t) => t.name === w.expected.kinds[kind as "deals"]);
    const path = join(dir, `${seed}-${style}-${kind}.csv`);
    const text = (tab?.values ?? []).map((r) => r.map((v) => csvCell(v, style)).join(","));
    writeFileSync(path, text.join("\n"));
    return path;
  });
}

const withoutPath = (out: string) => out.replace(/^Report: .*$/m, "");

describe("voronka sql", () => {
  it("prints the BigQuery SQL for a sample file: a comment, then the stored statements", async () => {
    const r = await runCli(
      [
        "sql",
        MAVEN,
        "--dialect",
        "bigquery",
        "--table",
        "deals=crm.sales_pipeline",
        "--lang",
        "en",
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^-- Voronka/);
    expect(r.out).toContain("-- Funnel stages: Opportunity → Engaged → Closed → Won.");
    const body = r.out.slice(r.out.indexOf("CREATE"));
    const stored = readFileSync(join(__dirname, "expected", "maven.bigquery.sql"), "utf8");
    expect(`${body}\n`).toBe(stored);
  });

  it("names several deals tables in the order of the sample files", async () => {
    const zoho = resolve(ROOT, "../shared/datasets/realworld/zoho-crm");
    const files = ["Leads.csv", "Potentials.csv"].map((f) => join(zoho, f));
    const r = await runCli(
      [
        "sql",
        ...files,
        "--dialect",
        "duckdb",
        "--table",
        "deals=crm.leads",
        "--table",
        "deals=crm.potentials",
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('FROM "crm"."leads"');
    expect(r.out).toContain('FROM "crm"."potentials"');
    expect(r.out).toContain('CREATE OR REPLACE TABLE "crm"."voronka_deals"');
  });

  it("a checklist among the samples: the view of the deals it grades, from the table named", async () => {
    const files = smallCsvs(21, "iso", true);
    const args = ["sql", ...files, "--dialect", "bigquery", "--table", "deals=crm.deals"];
    const named = await runCli([...args, "--table", "checklist=sheets.call_checklist"], dir);
    expect(named.code).toBe(0);
    expect(named.out).toContain("CREATE OR REPLACE VIEW `crm.voronka_agg_graded_deals` AS");
    expect(named.out).toContain("AS graded_id FROM `sheets.call_checklist`");
    // Unnamed, it sits beside the other tables (a BigQuery view needs a qualified name).
    const unnamed = await runCli(args, dir);
    expect(unnamed.out).toContain("AS graded_id FROM `crm.checklist`");
    // Without a checklist sample: no such view, and naming one is refused in one sentence.
    const without = await runCli(
      args.filter((a) => !a.endsWith("-checklist.csv")),
      dir,
    );
    expect(without.code).toBe(0);
    expect(without.out).not.toContain("voronka_agg_graded_deals");
    const refused = await runCli(
      [
        ...args.filter((a) => !a.endsWith("-checklist.csv")),
        "--table",
        "checklist=x.y",
        "--lang",
        "en",
      ],
      dir,
    );
    expect(refused.code).not.toBe(0);
    expect(refused.err).toBe(
      "voronka: --table checklist=x.y: give a sample of the checklist among the files (its deal id column is read from it)",
    );
  });

  it("refuses a wrong dialect or table kind in one sentence", async () => {
    const bad = await runCli(["sql", MAVEN, "--dialect", "postgres", "--lang", "en"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--dialect must be duckdb or bigquery, not "postgres"');
    const table = await runCli(
      ["sql", MAVEN, "--dialect", "duckdb", "--table", "leads=x", "--lang", "en"],
      dir,
    );
    expect(table.code).toBe(2);
    expect(table.err).toContain("--table takes KIND=NAME");
  });
});

describe("voronka report --engine", () => {
  it("duckdb on small CSV files: the same sheets, cell for cell, as in memory", async () => {
    const files = smallCsvs(5, "iso", true);
    const mem = await runCli(
      ["report", ...files, "--engine", "memory", "--out", "m.xlsx", "--lang", "en"],
      dir,
    );
    const duck = await runCli(
      ["report", ...files, "--engine", "duckdb", "--out", "d.xlsx", "--lang", "en"],
      dir,
    );
    expect(mem.code).toBe(0);
    expect(duck.code).toBe(0);
    expect(duck.err).toBe("");
    expect(withoutPath(duck.out)).toBe(withoutPath(mem.out));
    const a = await sheets(join(dir, "m.xlsx"));
    const b = await sheets(join(dir, "d.xlsx"));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(Object.keys(a)).toContain("Velocity");
    expect(JSON.stringify(a.Quality)).toContain("Checklist score in won and lost deals");
    expect(b).toEqual(a);
  });

  it("duckdb on the roles workbook: the same Roles sheet (and every other), cell for cell", async () => {
    const file = join(ROOT, "examples", "roles-workbook.xlsx");
    for (const engine of ["memory", "duckdb"])
      expect(
        (await runCli(["report", file, "--engine", engine, "--out", `r-${engine}.xlsx`], dir)).code,
      ).toBe(0);
    const a = await sheets(join(dir, "r-memory.xlsx"));
    const b = await sheets(join(dir, "r-duckdb.xlsx"));
    expect(Object.keys(a)).toContain("Roles");
    expect(b).toEqual(a);
  });

  it("switches to DuckDB by itself above the threshold, and says so in one line", async () => {
    const files = smallCsvs(8);
    const before = process.env.VORONKA_ENGINE_ROWS;
    process.env.VORONKA_ENGINE_ROWS = "100";
    try {
      const auto = await runCli(["report", ...files, "--out", "auto.xlsx", "--lang", "en"], dir);
      expect(auto.code).toBe(0);
      const lines = auto.err.split("\n").filter((l) => l.includes("DuckDB"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /rows of deals, stage log and calls \(over 100\): computing with DuckDB/,
      );
      const stay = await runCli(
        ["report", ...files, "--engine", "memory", "--out", "stay.xlsx", "--lang", "en"],
        dir,
      );
      expect(stay.err).not.toContain("DuckDB");
      expect(withoutPath(auto.out)).toBe(withoutPath(stay.out));
      expect(await sheets(join(dir, "auto.xlsx"))).toEqual(await sheets(join(dir, "stay.xlsx")));
    } finally {
      if (before === undefined) delete process.env.VORONKA_ENGINE_ROWS;
      else process.env.VORONKA_ENGINE_ROWS = before;
    }
  });

  for (const style of ["iso", "dotted"] as const)
    it(`files read to their head (${style} dates): ${style === "iso" ? "DuckDB reads them itself" : "read whole by our reader"}, same figures`, async () => {
      const files = smallCsvs(13, style, true);
      const before = process.env.VORONKA_HEAD_BYTES;
      process.env.VORONKA_HEAD_BYTES = "4000";
      try {
        const duck = await runCli(
          ["report", ...files, "--engine", "duckdb", "--out", `h-${style}.xlsx`, "--lang", "en"],
          dir,
        );
        const mem = await runCli(
          ["report", ...files, "--engine", "memory", "--out", `hm-${style}.xlsx`, "--lang", "en"],
          dir,
        );
        expect(duck.code).toBe(0);
        expect(withoutPath(duck.out)).toBe(withoutPath(mem.out));
        const a = await sheets(join(dir, `hm-${style}.xlsx`));
        const b = await sheets(join(dir, `h-${style}.xlsx`));
        // The data check lists what the sample showed; every other sheet is the same, Quality's
        // won against lost too, though the deals never came into memory.
        expect(JSON.stringify(b.Quality)).toContain("Checklist score in won and lost deals");
        for (const name of ["Funnel", "KPI", "Velocity", "Changes", "Quality"])
          expect(b[name]).toEqual(a[name]);
      } finally {
        if (before === undefined) delete process.env.VORONKA_HEAD_BYTES;
        else process.env.VORONKA_HEAD_BYTES = before;
      }
    });

  it("two stage logs: --engine duckdb refuses in one sentence, the switch stays in memory", async () => {
    const deals = [smallCsvs(31)[1], smallCsvs(32)[1]];
    const asked = await runCli(["report", ...deals, "--engine", "duckdb", "--lang", "en"], dir);
    expect(asked.code).toBe(1);
    expect(asked.err).toBe(
      "voronka: --engine duckdb takes one stage log and one calls table, and there are several of stage_log: leave --engine out, or give one",
    );
    const before = process.env.VORONKA_ENGINE_ROWS;
    process.env.VORONKA_ENGINE_ROWS = "10";
    try {
      const auto = await runCli(["report", ...deals, "--out", "two.xlsx", "--lang", "en"], dir);
      expect(auto.code).toBe(0);
      expect(auto.err).toMatch(
        /computing in memory, as DuckDB takes one stage log and one calls table and there are several of stage_log$/m,
      );
    } finally {
      if (before === undefined) delete process.env.VORONKA_ENGINE_ROWS;
      else process.env.VORONKA_ENGINE_ROWS = before;
    }
  });
});
