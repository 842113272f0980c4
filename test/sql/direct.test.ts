/**
 * UTF-8 CSV files DuckDB reads itself: their head gives the detection and the model build,
 * DuckDB's read_csv the rows, and the aggregates are those of the whole file read by our reader.
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
import { csvHead, readsTheSame } from "../../src/sql/direct";
import { aggregateWithDuckdb, readCsv } from "../../src/sql/duckdb";
import { expectSameAggregates } from "./compare";

const dir = mkdtempSync(join(tmpdir(), "voronka-direct-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const w = generateWorkbook({ seed: 21, lang: "ru", scale: 0.05, months: 3 });
function write(kind: "stageLog" | "calls" | "deals", date: (d: Date) => string): string {
  const tab = w.tabs.find((t) => t.name === w.expected.kinds[kind]);
  const cell = (v: unknown) => {
    const s = v instanceof Date ? date(v) : String(v ?? "");
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const path = join(dir, `${kind}-${date.name}.csv`);
  writeFileSync(path, (tab?.values ?? []).map((r) => r.map(cell).join(",")).join("\n"));
  return path;
}
const iso = (d: Date) =>
  d
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, "");
/** With milliseconds: our readers drop the fraction of a second, DuckDB would keep it. */
const isoMs = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "");
const dotted = (d: Date) => {
  const s = d.toISOString();
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)} ${s.slice(11, 19)}`;
};

describe("a CSV read to its head", () => {
  it("estimates its rows and tells whether DuckDB reads its values as we do", async () => {
    for (const [date, same] of [
      [iso, true],
      [isoMs, false],
      [dotted, false],
    ] as const) {
      const path = write("stageLog", date);
      const head = await csvHead(path, 4096);
      expect(head?.whole).toBe(false);
      const whole = (await readInput(path, path))[0];
      const rows = whole.values.length - 1;
      expect(Math.abs((head?.rows ?? 0) - rows) / rows).toBeLessThan(0.1);
      const built = buildModel(head ? [head.tab] : [], { timeZone: "UTC" });
      const m = built.mapping.tabs[0];
      expect(head && m ? readsTheSame(head.tab, m) : null).toBe(same);
    }
  });

  it("a stage log through DuckDB's own reader, calls (m:ss durations) through ours", async () => {
    const logPath = write("stageLog", iso);
    const callsPath = write("calls", iso);
    const head = await csvHead(logPath, 8192);
    const callsHead = await csvHead(callsPath, 8192);
    if (!head || !callsHead) throw new Error("no head");
    const calls = (await readInput(callsPath, callsPath))[0];
    const tabs = [head.tab, calls];
    const built = buildModel(tabs, { timeZone: "UTC" });
    const mapping = (name: string) => built.mapping.tabs.find((t) => t.name === name);
    const callsMapping = mapping(calls.name);
    expect(callsMapping && readsTheSame(callsHead.tab, callsMapping)).toBe(false);
    const sql = await aggregateWithDuckdb(tabs, built, 60, new Map([[head.tab.name, head]]));
    const whole = [(await readInput(logPath, logPath))[0], calls];
    expectSameAggregates(aggregate(buildModel(whole, { timeZone: "UTC" }).model, 60), sql);
    // DuckDB counted the rows the head only estimated.
    expect(head.rows).toBe(whole[0].values.length - 1);
  });

  it("a file with quoted line breaks, short and long rows, read by both as by our reader", async () => {
    const lines = ["Deal ID,Stage,Date,Rep,Source"];
    for (let i = 0; i < 400; i++) {
      const day = `2026-0${1 + (i % 6)}-1${i % 10} 10:00:00`;
      const source = i % 7 === 0 ? '"Web,\nform"' : "Ads";
      lines.push(`D${i},Lead,${day},Ann,${source}`);
      if (i % 3 === 0) lines.push(`D${i},Meeting,${day.replace("10:00", "15:00")},Ann`);
      if (i % 5 === 0) lines.push(`D${i},Won,${day.replace("10:00", "18:00")},Ann,Ads,extra`);
    }
    const path = join(dir, "ragged.csv");
    writeFileSync(path, lines.join("\n"));
    const head = await csvHead(path, 2048);
    if (!head) throw new Error("no head");
    const built = buildModel([head.tab], { timeZone: "UTC" });
    const sql = await aggregateWithDuckdb([head.tab], built, 60, new Map([[head.tab.name, head]]));
    const whole = await readInput(path, path);
    expectSameAggregates(aggregate(buildModel(whole, { timeZone: "UTC" }).model, 60), sql);
    expect(sql.deals.some((r) => r.source === "Web,\nform")).toBe(true);
  });

  it("DuckDB's reader pads short rows, cuts long ones and keeps quoted line breaks", async () => {
    const path = join(dir, "rag.csv");
    writeFileSync(path, 'a,b\n1,2\n3,4,5\n6\n"x\ny",7\n');
    const ours = (await readInput(path, path))[0].values.slice(1);
    const db = await DuckDBInstance.create(":memory:");
    const con = await db.connect();
    const rows = (await con.runAndReadAll(`SELECT * FROM ${readCsv(path, ["a", "b"])}`)).getRows();
    con.closeSync();
    db.closeSync();
    expect(rows.map((r) => r.map((v) => v ?? ""))).toEqual(
      ours.map((r) => [r[0] ?? "", r[1] ?? ""]),
    );
  });
});
