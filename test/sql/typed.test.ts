/**
 * The emitted DuckDB SQL over typed tables, as a warehouse holds them (DATE and TIMESTAMP
 * columns, numbers, the export's own headers in Cyrillic and with spaces), and the per-deal rows
 * of `voronka_deals` against the model's deals.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { readInput } from "../../src/adapters/xlsx/read";
import { aggregate } from "../../src/aggregates/memory";
import { generateWorkbook } from "../../src/generate";
import { buildModel } from "../../src/model";
import { runAggregates, withCleanTables } from "../../src/sql/duckdb";
import { DEALS_TABLE, stageColumnNames } from "../../src/sql/emit";
import { cleanTable } from "../../src/sql/normalise";
import { sqlSourceOf } from "../../src/sql/source";
import { expectSameAggregates } from "./compare";

const ROOT = join(__dirname, "..", "..");
const MAVEN = join(ROOT, "..", "shared", "datasets", "maven-crm", "sales_pipeline.csv");
const dir = mkdtempSync(join(tmpdir(), "voronka-typed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

describe("emitted SQL over typed tables", () => {
  it("Maven's sales_pipeline as DuckDB types it (DATE columns, numbers)", async () => {
    const tabs = await readInput(MAVEN, MAVEN, { rows: 0 });
    const built = buildModel(tabs, { timeZone: "UTC" });
    const src = sqlSourceOf(tabs, built, { deals: "sales_pipeline" });
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    await con.run(`CREATE TABLE sales_pipeline AS SELECT * FROM read_csv_auto(${q(MAVEN)})`);
    const types = (await con.runAndReadAll("DESCRIBE sales_pipeline")).getRows();
    expect(types.find((r) => r[0] === "engage_date")?.[1]).toBe("DATE");
    const sql = await runAggregates(con, src, 60);
    con.closeSync();
    db.closeSync();
    expectSameAggregates(aggregate(built.model, 60), sql);
  });

  it("a generated Russian workbook under its own headers, typed by DuckDB", async () => {
    const w = generateWorkbook({ seed: 11, lang: "ru", scale: 0.05, months: 2 });
    const built = buildModel(w.tabs, { timeZone: "UTC" });
    const src = sqlSourceOf(w.tabs, built, {
      deals: "Сделки",
      stageLog: "История этапов",
      calls: "Звонки",
      checklist: "Чек-лист звонков",
    });
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    // The checklist as it is (its ids, dates, checkboxes and scores), typed by DuckDB too.
    const checklist = w.tabs.find((t) => t.name === w.expected.kinds.checklist);
    const raw = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ""));
    const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const checklistPath = join(dir, "checklist.csv");
    writeFileSync(
      checklistPath,
      (checklist?.values ?? []).map((r) => r.map((v) => cell(raw(v))).join(",")).join("\n"),
    );
    await con.run(
      `CREATE TABLE "Чек-лист звонков" AS SELECT * FROM read_csv_auto(${q(checklistPath)}, header = true)`,
    );
    expect(src.checklists?.map((c) => c.table)).toEqual(["Чек-лист звонков"]);
    for (const m of built.mapping.tabs) {
      const tab = w.tabs.find((t) => t.name === m.name);
      const t = tab && cleanTable(tab, m);
      if (!t) continue;
      const own = t.kind === "deals" ? src.deals : t.kind === "stageLog" ? src.stageLog : src.calls;
      const cols = own?.columns as Record<string, string>;
      // The export's own header per clean column (stage columns: "stage: <header>").
      const header = t.header.map((h) => cols[h] ?? h.replace(/^stage: /, ""));
      const path = join(dir, `${t.kind}.csv`);
      const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;
      writeFileSync(path, [header, ...t.rows].map((r) => r.map(cell).join(",")).join("\n"));
      const table = own?.table ?? "";
      await con.run(
        `CREATE TABLE "${table}" AS SELECT * FROM read_csv_auto(${q(path)}, header = true)`,
      );
    }
    const sql = await runAggregates(con, src, 60);
    con.closeSync();
    db.closeSync();
    expectSameAggregates(aggregate(built.model, 60), sql);
    // Every graded deal is one of the generated deals: one row each, won and lost among them.
    const graded = new Set((checklist?.values ?? []).slice(1).map((r) => String(r[0])));
    expect(sql.gradedDeals?.length).toBe(graded.size);
    const statuses = new Set(sql.gradedDeals?.map((r) => r.dealStatus));
    expect(statuses.has("won") && statuses.has("lost")).toBe(true);
  });

  it("voronka_deals: one row per deal with the model's status, stage and dates", async () => {
    const tabs = await readInput(join(ROOT, "examples", "demo-workbook.xlsx"), "demo.xlsx", {
      rows: 0,
    });
    const built = buildModel(tabs, { timeZone: "UTC" });
    const names = stageColumnNames(built.model.stages.map((name) => ({ name })));
    const ms = (c: string) => `epoch_ms("${c}")`;
    const rows = await withCleanTables(tabs, built, async (con, src) => {
      await runAggregates(con, src, 60);
      const r = await con.runAndReadAll(
        `SELECT id, status, reached, rep, source, amount, ${ms("created")} AS created, ${ms("closed")} AS closed, ${names
          .map((n, k) => `${ms(n)} AS s${k}`)
          .join(", ")} FROM ${DEALS_TABLE}`,
      );
      return r.getRowObjectsJS();
    });
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    const got = new Map(rows.map((r) => [String(r.id), r]));
    expect(got.size).toBe(built.model.deals.length);
    for (const d of built.model.deals) {
      const r = got.get(d.id);
      expect({
        id: d.id,
        status: r?.status,
        reached: num(r?.reached),
        rep: r?.rep,
        source: r?.source,
        amount: num(r?.amount),
        created: num(r?.created),
        closed: num(r?.closed),
        stageDates: names.map((_, k) => num(r?.[`s${k}`])),
      }).toEqual({
        id: d.id,
        status: d.status,
        reached: d.reached,
        rep: d.rep,
        source: d.source,
        amount: d.amount,
        created: d.created,
        closed: d.closed,
        stageDates: d.stageDates,
      });
    }
  });
});
