/**
 * One funnel is one pipeline, end to end on the real Bitrix24 REST dump (three pipelines: the
 * default one's stages as names, C2 and C6 as codes) and on a table with a Pipeline column: the
 * summary line, --pipeline, the error for a name no pipeline has, and both engines alike.
 * Expected figures come from a plain reading of the CSV (the file has no quoted commas in the
 * columns read here: ID and STAGE_ID come first).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { settingsToRows } from "../../src/adapters/sheets/settings";
import { MAPPING_VERSION, SETTINGS_SHEET_NAMES } from "../../src/model/index";
import { cleanSettings, keepStored } from "../../src/shared/settings";
import { DATASETS } from "../support/datasets";
import { runCli } from "../support/runCli";
import { xlsxSheets as sheets } from "../support/xlsxSheets";

const BITRIX = `${DATASETS}/realworld/bitrix24-rest-dump/deals.csv`;
const dir = mkdtempSync(join(tmpdir(), "voronka-pipelines-"));
const withoutPath = (out: string) => out.replace(/^Report: .*$/m, "");

/** STAGE_ID of every row, by splitting the lines (ID and STAGE_ID hold no commas). */
function stageIds(): string[] {
  return readFileSync(BITRIX, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",")[1] ?? "");
}

const pipelineOf = (stage: string) => /^(C\d+):/.exec(stage)?.[1] ?? "C0";
const fmt = (n: number) => n.toLocaleString("en-US");

/** The count of the funnel's first stage in the summary table the command prints. */
function firstStageCount(out: string): number {
  const lines = out.split("\n");
  const rule = lines.findIndex((l) => l.startsWith("───"));
  const cells = (lines[rule + 1] ?? "").trim().split(/\s{2,}/);
  return Number((cells[1] ?? "").replace(/,/g, ""));
}

/** Runs the command with DuckDB reading the CSV itself (a small head: the rest is DuckDB's). */
async function withDirectDuckdb<T>(fn: () => Promise<T>): Promise<T> {
  const before = process.env.VORONKA_HEAD_BYTES;
  process.env.VORONKA_HEAD_BYTES = "4000";
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.VORONKA_HEAD_BYTES;
    else process.env.VORONKA_HEAD_BYTES = before;
  }
}

describe("voronka report: one funnel is one pipeline", () => {
  const stages = stageIds();
  const count = (p: string) => stages.filter((s) => pipelineOf(s) === p).length;

  it("the Bitrix24 dump: the default pipeline (most deals), the others named on the summary line", async () => {
    const r = await runCli(["report", BITRIX, "--out", "b.xlsx", "--lang", "en"], dir);
    expect(r.code).toBe(0);
    const others = ["C6", "C2"].sort((a, b) => count(b) - count(a));
    expect(count("C0")).toBeGreaterThan(count("C6") + count("C2"));
    expect(r.out).toContain(
      `Pipeline "C0": ${fmt(count("C0"))} deals (the most); ${fmt(stages.length - count("C0"))} deals of other pipelines left out: ${others.map((p) => `"${p}" (${fmt(count(p))})`).join(", ")}. --pipeline NAME reports another.`,
    );
    expect(r.out).toContain(`→ ${fmt(count("C0"))} deals`);
    expect(firstStageCount(r.out)).toBe(count("C0"));
    // The Data check sheet says which pipeline and lists every deal left out.
    const check = (await sheets(join(dir, "b.xlsx")))["Data check"] ?? [];
    const text = JSON.stringify(check);
    expect(text).toContain(`The report is for the pipeline “C0” (${fmt(count("C0"))} deals)`);
    expect(check.filter((row) => row[6] === "C6")).toHaveLength(count("C6"));
  });

  it("--pipeline C6 (any case): its deals, its sale C6:WON; DuckDB gives the same", async () => {
    const mem = await runCli(
      ["report", BITRIX, "--pipeline", "c6", "--out", "c6.xlsx", "--lang", "en"],
      dir,
    );
    expect(mem.code).toBe(0);
    expect(firstStageCount(mem.out)).toBe(count("C6"));
    const wonRow = mem.out.split("\n").find((l) => l.startsWith("Сделка успешна")) ?? "";
    expect(Number(wonRow.trim().split(/\s{2,}/)[1])).toBe(
      stages.filter((s) => s === "C6:WON").length,
    );
    const duck = await withDirectDuckdb(() =>
      runCli(
        ["report", BITRIX, "--pipeline", "C6", "--engine", "duckdb", "--out", "c6d.xlsx"],
        dir,
      ),
    );
    expect(duck.code).toBe(0);
    expect(withoutPath(duck.out)).toBe(withoutPath(mem.out));
    const a = await sheets(join(dir, "c6.xlsx"));
    const b = await sheets(join(dir, "c6d.xlsx"));
    for (const name of ["Funnel", "KPI", "Velocity", "Changes", "Data check"])
      expect(b[name], name).toEqual(a[name]);
  });

  it("a --pipeline no pipeline has: one sentence naming the option and the pipelines", async () => {
    const r = await runCli(["report", BITRIX, "--pipeline", "Sales", "--lang", "en"], dir);
    expect(r.code).toBe(1);
    const list = ["C0", "C2", "C6"]
      .sort((a, b) => count(b) - count(a))
      .map((p) => `${p} (${count(p)})`)
      .join(", ");
    expect(r.err).toBe(
      `voronka: --pipeline Sales names none of the deals' pipelines; they are: ${list}`,
    );
    const none = await runCli(
      ["report", `${DATASETS}/maven-crm/sales_pipeline.csv`, "--pipeline", "x", "--lang", "en"],
      dir,
    );
    expect(none.code).toBe(1);
    expect(none.err).toMatch(
      /^voronka: --pipeline x: these deals have no pipeline .*leave --pipeline out$/,
    );
  });

  it("a Pipeline column: both engines leave out the same deals; voronka sql filters alike", async () => {
    const rows = [["Deal ID", "Created", "Deal Stage", "Pipeline", "Amount"]];
    for (let i = 0; i < 120; i++) {
      const partner = i % 3 === 0;
      const stage = partner
        ? ["Intro", "Pilot", "Closed won"][i % 9 === 0 ? 2 : i % 2]
        : ["Lead", "Demo", "Proposal", "Closed won", "Closed lost"][i % 5];
      const day = String((i % 27) + 1).padStart(2, "0");
      rows.push([
        `D${i}`,
        `2026-0${1 + (i % 3)}-${day} 10:00:00`,
        stage ?? "",
        partner ? "Partners" : "Sales Pipeline",
        String(100 + i),
      ]);
    }
    const file = join(dir, "pipes.csv");
    writeFileSync(file, `${rows.map((r) => r.join(",")).join("\n")}\n`);
    const sales = rows.slice(1).filter((r) => r[3] === "Sales Pipeline").length;
    const mem = await runCli(["report", file, "--out", "p.xlsx", "--lang", "en"], dir);
    expect(mem.code).toBe(0);
    expect(firstStageCount(mem.out)).toBe(sales);
    expect(mem.out).not.toMatch(/^(Intro|Pilot) /m);
    const duck = await withDirectDuckdb(() =>
      runCli(["report", file, "--engine", "duckdb", "--out", "pd.xlsx", "--lang", "en"], dir),
    );
    // The data check lists what the sample (the head) showed; the summary line counts every row.
    const shown = (out: string) => withoutPath(out).replace(/^.* rows or cells left out.*$/m, "");
    expect(shown(duck.out)).toBe(shown(mem.out));
    expect(duck.out).toContain(`Pipeline "Sales Pipeline": ${sales} deals (the most)`);
    const partners = await runCli(
      ["report", file, "--pipeline", "partners", "--out", "pp.xlsx", "--lang", "en"],
      dir,
    );
    expect(firstStageCount(partners.out)).toBe(rows.length - 1 - sales);
    const sql = await runCli(["sql", file, "--dialect", "bigquery", "--pipeline", "Partners"], dir);
    expect(sql.code).toBe(0);
    expect(sql.out).toContain("IN ('', 'partners')");
  });

  it("the settings tab's pipeline (set by hand), the flag winning over it", async () => {
    const wb = new ExcelJS.Workbook();
    const deals = [["Deal ID", "Stage", "Pipeline", "Amount"]];
    for (let i = 0; i < 30; i++)
      deals.push([`D${i}`, i % 4 === 0 ? "Won" : "Lead", i < 20 ? "Sales" : "Partners", "10"]);
    wb.addWorksheet("Deals").addRows(deals);
    const rows = settingsToRows({
      mapping: { version: MAPPING_VERSION, stages: [], tabs: [] },
      sidebar: { pipeline: "partners" },
    });
    wb.addWorksheet(SETTINGS_SHEET_NAMES.en).addRows(rows);
    const file = join(dir, "tab.xlsx");
    await wb.xlsx.writeFile(file);
    const fromTab = await runCli(["report", file, "--out", "t.xlsx", "--lang", "en"], dir);
    expect(firstStageCount(fromTab.out)).toBe(10);
    expect(fromTab.out).toContain('Pipeline "Partners": 10 deals (as asked)');
    const flag = await runCli(
      ["report", file, "--pipeline", "Sales", "--out", "f.xlsx", "--lang", "en"],
      dir,
    );
    expect(firstStageCount(flag.out)).toBe(20);
    // A name no pipeline has, from the tab: said on stderr and on the Data check; the most deals.
    const wrong = new ExcelJS.Workbook();
    wrong.addWorksheet("Deals").addRows(deals);
    wrong.addWorksheet(SETTINGS_SHEET_NAMES.en).addRows(
      settingsToRows({
        mapping: { version: MAPPING_VERSION, stages: [], tabs: [] },
        sidebar: { pipeline: "Nope" },
      }),
    );
    const wrongFile = join(dir, "wrong.xlsx");
    await wrong.xlsx.writeFile(wrongFile);
    const fallback = await runCli(["report", wrongFile, "--out", "w.xlsx", "--lang", "en"], dir);
    expect(fallback.code).toBe(0);
    expect(fallback.err).toContain(
      `the settings tab's pipeline Nope names none of the deals' pipelines (Sales, Partners): the report takes the one with the most deals`,
    );
    expect(firstStageCount(fallback.out)).toBe(20);
    const note = JSON.stringify((await sheets(join(dir, "w.xlsx")))["Data check"]);
    expect(note).toContain(
      "No pipeline is called “Nope”: the report takes the one with the most deals.",
    );
    // Kept by hand; the sidebar, which does not send it, keeps it when it saves its settings.
    expect(cleanSettings({ pipeline: " C6 " }).pipeline).toBe("C6");
    expect(cleanSettings({ pipeline: 6 }).pipeline).toBeUndefined();
    expect(keepStored({ period: "week" }, { pipeline: "C6" }).pipeline).toBe("C6");
  });
});
