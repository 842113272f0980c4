/**
 * `voronka report`'s filters and options change the figures as the flags say. Expected figures
 * come from the Maven CRM export by an independent route (a plain split of the CSV lines: the
 * file has no quoted fields), or from the report planned with the same option set directly.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { settingsToRows } from "../../src/adapters/sheets/settings";
import { parseCsv } from "../../src/adapters/xlsx/read";
import { aggregate } from "../../src/aggregates/memory";
import { parseCli } from "../../src/cli/args";
import { main } from "../../src/cli/main";
import { type Io, runReport } from "../../src/cli/report";
import { buildModel, MAPPING_VERSION, SETTINGS_SHEET_NAMES } from "../../src/model/index";
import { planReport } from "../../src/report/plan";
import type { Block, ReportPlan } from "../../src/report/types";
import { aggregatesToTabs } from "../support/aggregateTabs";

const CSV = "/work/shared/datasets/maven-crm/sales_pipeline.csv";
const present = existsSync(CSV);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface Row {
  agent: string;
  stage: string;
  engage: string;
  close: string;
}

function independent(): Row[] {
  return readFileSync(CSV, "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const c = line.split(",");
      return { agent: c[1]!, stage: c[4]!, engage: c[5]!, close: c[6]! };
    });
}

const dir = mkdtempSync(join(tmpdir(), "voronka-options-"));

async function report(
  flags: string[],
  input = CSV,
): Promise<{ plan: ReportPlan; err: string[]; model: unknown }> {
  const err: string[] = [];
  const io: Io = { out: () => {}, err: (l) => err.push(l), cwd: dir };
  const cmd = parseCli(["report", input, "--out", join(dir, "r.xlsx"), "-f", ...flags], {});
  if (cmd.kind !== "report") throw new Error("not a report command");
  const r = await runReport(cmd, io);
  return { plan: r.plan, err, model: r.model };
}

function block(p: ReportPlan, id: string): Block {
  const b = p.sheets.flatMap((s) => s.blocks).find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}

function sheet(p: ReportPlan, key: string) {
  return p.sheets.find((s) => s.key === key)?.blocks;
}

describe.skipIf(!present)("voronka report: the filters and options as flags", () => {
  const rows = present ? independent() : [];

  it("--window 0 makes every period old enough: the two latest months are compared", async () => {
    const { plan } = await report(["--window", "0"]);
    const { plan: usual } = await report([]);
    // The data's last month, read from the CSV: the latest engage or close date.
    const last = rows
      .flatMap((r) => [r.engage, r.close])
      .filter(Boolean)
      .sort()
      .pop()!;
    const [y, m] = last.split("-").map(Number) as [number, number];
    const prev = m === 1 ? `Dec ${y - 1}` : `${MONTHS[m - 2]} ${y}`;
    expect(block(plan, "changes.byStage").title).toBe(
      `Cohorts compared: ${MONTHS[m - 1]} ${y} against ${prev}`,
    );
    // With the window from the data, the latest months are too young to compare.
    expect(block(usual, "changes.byStage").title).not.toBe(block(plan, "changes.byStage").title);
    // The very sheet the report plans with that option set.
    const values = Papa.parse<string[]>(readFileSync(CSV, "utf8"), { skipEmptyLines: true }).data;
    const { model } = buildModel([{ name: "sales_pipeline", values }], { timeZone: "UTC" });
    const direct = planReport(model, { lang: "en", period: "month", cohortWindowDays: 0 });
    expect(sheet(plan, "changes")).toEqual(sheet(direct, "changes"));
  });

  it("--rep (any case) and --from/--to filter the deals", async () => {
    const { plan } = await report([
      "--rep",
      "darcel SCHLECHT",
      "--from",
      "2017-03-01",
      "--to",
      "2017-03-31",
    ]);
    // Deals are dated by their first date (engage_date here).
    const mine = rows.filter(
      (r) => r.agent === "Darcel Schlecht" && r.engage >= "2017-03-01" && r.engage <= "2017-03-31",
    );
    const byStage = block(plan, "funnel.byStage").rows;
    expect(byStage[0]?.[1]).toBe(mine.length);
    expect(byStage[byStage.length - 1]?.[1]).toBe(mine.filter((r) => r.stage === "Won").length);
    expect(block(plan, "funnel.byRep").rows.map((r) => r[0])).toEqual(["Darcel Schlecht", "Total"]);
  });

  it("--top, --velocity-goal and --drop-threshold show in the sheets", async () => {
    const { plan } = await report([
      "--top",
      "3",
      "--velocity-goal",
      "35",
      "--drop-threshold",
      "50",
    ]);
    const agents = new Set(rows.map((r) => r.agent)).size;
    const byRep = block(plan, "funnel.byRep").rows.map((r) => r[0]);
    expect(byRep.slice(3)).toEqual([`Other (${agents - 3})`, "Total"]);
    expect(block(plan, "velocity.trend").title).toBe(
      "Monthly trend: average days, goal 35% less than the month before",
    );
    const changes = JSON.stringify(sheet(plan, "changes"));
    expect(changes).toMatch(/(threshold 50%|more than 50%)/);
    expect(changes).not.toMatch(/threshold 10%|more than 10%/);
  });

  it("a --rep that names nobody is said on stderr", async () => {
    const { err } = await report(["--rep", "Nobody Here"]);
    expect(err.join("\n")).toContain('--rep "Nobody Here": nothing of that name in the data (');
  });
});

/** A calls CSV whose durations are known: 30 + (i·37 mod 400) seconds. */
function callsCsv(): { path: string; durations: number[] } {
  const durations: number[] = [];
  const lines = ["Date,Rep,Duration"];
  for (let i = 0; i < 120; i++) {
    const d = 30 + ((i * 37) % 400);
    durations.push(d);
    lines.push(
      `2026-01-${String(1 + (i % 28)).padStart(2, "0")} 10:00,${["Ann", "Bob"][i % 2]},${d}`,
    );
  }
  const path = join(dir, "calls.csv");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return { path, durations };
}

describe("voronka report --long-call", () => {
  it("counts long calls from the seconds given and names them so", async () => {
    const { path, durations } = callsCsv();
    for (const seconds of [90, 300]) {
      const { plan } = await report(["--long-call", String(seconds)], path);
      const kpi = block(plan, "kpi.byRep");
      const col = kpi.header.indexOf(`Calls ≥ ${seconds} s`);
      expect(col, JSON.stringify(kpi.header)).toBeGreaterThan(0);
      const team = kpi.rows.find((r) => r[0] === "Team");
      expect(team?.[col]).toBe(durations.filter((d) => d >= seconds).length);
    }
  });
});

async function workbookWithSettings(options: Record<string, number>): Promise<string> {
  const { path } = callsCsv();
  const wb = new ExcelJS.Workbook();
  const values = Papa.parse<string[]>(readFileSync(path, "utf8"), { skipEmptyLines: true }).data;
  wb.addWorksheet("Calls").addRows(
    values.map((r, i) => (i === 0 ? r : [r[0], r[1], Number(r[2])])),
  );
  const rows = settingsToRows({
    mapping: { version: MAPPING_VERSION, stages: [], tabs: [] },
    sidebar: { options },
  });
  wb.addWorksheet(SETTINGS_SHEET_NAMES.en).addRows(rows);
  const out = join(dir, "with-options.xlsx");
  await wb.xlsx.writeFile(out);
  return out;
}

describe("voronka report and the settings tab's options", () => {
  it("takes the options the settings tab keeps; a flag wins over them", async () => {
    const input = await workbookWithSettings({ longCallSeconds: 300, topN: 1 });
    const { plan, err } = await report([], input);
    const kpi = block(plan, "kpi.byRep");
    expect(kpi.header).toContain("Calls ≥ 300 s");
    expect(kpi.rows.map((r) => r[0])).toEqual(["Ann", "Other (1)", "Team"]);
    expect(err.join("\n")).toContain(
      "options from the settings tab: --long-call 300, --top 1 (a flag overrides them)",
    );
    const flagged = await report(["--long-call", "90"], input);
    expect(block(flagged.plan, "kpi.byRep").header).toContain("Calls ≥ 90 s");
    expect(flagged.err.join("\n")).toContain("options from the settings tab: --top 1 (");
  });
});

describe("voronka report: a bad value is one sentence and exit code 2", () => {
  it("names the flag and the value, in the command's language", async () => {
    const cases: [string[], string][] = [
      [["--window", "abc"], '--window must be a whole number of days from 0 to 3,650, not "abc"'],
      [["--top", "2.5"], '--top must be a whole number of rows from 1 to 1,000, not "2.5"'],
      [["--velocity-goal", "150"], '--velocity-goal must be a percentage from 0 to 100, not "150"'],
      [
        ["--long-call=-5"],
        '--long-call must be a whole number of seconds from 1 to 3,600, not "-5"',
      ],
      [["--drop-threshold", ""], '--drop-threshold must be a percentage from 0 to 100, not ""'],
      [["--from", "2026-02-30"], '--from must be a date as yyyy-mm-dd, not "2026-02-30"'],
      [
        ["--from", "2026-03-01", "--to", "2026-01-31"],
        "--from 2026-03-01 is after --to 2026-01-31: the range is empty",
      ],
      [["--rep", " "], "--rep needs a name, not an empty one"],
      [
        ["--window", "x", "--lang", "ru"],
        "--window: нужно целое число дней от 0 до 3 650, а не «x»",
      ],
      [
        ["--top", "0", "--lang", "uk"],
        "--top: потрібно ціле число рядків від 1 до 1 000, а не «0»",
      ],
    ];
    for (const [flags, sentence] of cases) {
      const err: string[] = [];
      const io: Io = { out: () => {}, err: (l) => err.push(l), cwd: dir };
      const code = await main(["report", "x.csv", ...flags], io);
      expect(code, flags.join(" ")).toBe(2);
      // Russian and Ukrainian group thousands with a no-break space.
      expect(err[0]?.replace(/\u00a0/g, " ")).toBe(`voronka: ${sentence}`);
    }
  });

  it("the report's flags are refused by the other commands", () => {
    expect(() => parseCli(["template", "--window", "5"], {})).toThrow(
      "--window applies to report, not template",
    );
    expect(() =>
      parseCli(["sql", "a.csv", "--dialect", "duckdb", "--from", "2026-01-01"], {}),
    ).toThrow("--from applies to report, not sql");
    expect(
      parseCli(["sql", "a.csv", "--dialect", "duckdb", "--long-call", "90"], {}),
    ).toMatchObject({
      longCallSeconds: 90,
    });
  });
});

/** The views a SQL engine computes, one CSV file each (as BigQuery's "Save results" gives them). */
async function viewFiles(name: string, inputs: string[]): Promise<string[]> {
  const tabs = await Promise.all(
    inputs.map(async (f, i) => parseCsv(readFileSync(f, "utf8"), `t${i}`)),
  );
  const { model } = buildModel(tabs, { timeZone: "UTC" });
  return aggregatesToTabs(aggregate(model), "text").map((t) => {
    const path = join(dir, `${name}-${t.name}.csv`);
    writeFileSync(path, Papa.unparse(t.values as unknown[][]));
    return path;
  });
}

const teamLongCalls = (plan: ReportPlan, seconds: number) => {
  const kpi = block(plan, "kpi.byRep");
  const col = kpi.header.indexOf(`Calls ≥ ${seconds} s`);
  return col < 0 ? undefined : kpi.rows.find((r) => r[0] === "Team")?.[col];
};

describe.skipIf(!present)("voronka report --long-call beside aggregates tabs", () => {
  it("views without calls beside a calls file: the calls are counted with --long-call", async () => {
    const { path, durations } = callsCsv();
    const views = await viewFiles("deals-only", [CSV]);
    const { plan, err } = await report(["--long-call", "90", path, ...views.slice(1)], views[0]);
    expect(teamLongCalls(plan, 90)).toBe(durations.filter((d) => d >= 90).length);
    expect(err.join("\n")).not.toContain("long calls are counted from");
  });

  it("views that counted the calls keep their threshold, and the command says so", async () => {
    const { durations } = callsCsv();
    const views = await viewFiles("with-calls", [CSV, join(dir, "calls.csv")]);
    const { plan, err } = await report(["--long-call", "90", ...views.slice(1)], views[0]);
    expect(teamLongCalls(plan, 90)).toBeUndefined();
    expect(teamLongCalls(plan, 60)).toBe(durations.filter((d) => d >= 60).length);
    expect(err).toContain(
      "long calls are counted from 60 s, as the aggregates tabs counted them, not from 90 s (voronka sql --long-call 90 writes views that do)",
    );
  });
});
