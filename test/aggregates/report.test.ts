/**
 * The report from aggregates tabs equals the report from the raw tabs, cell by cell: the demo
 * workbook and the Maven export are aggregated by the in-memory engine, the aggregates written
 * out as a user's BigQuery export would hold them (one tab per view, headers = column names;
 * test/support/aggregateTabs.ts), and the workbook of those tabs plus the small tabs (plan, time
 * log, checklist, team, settings) goes through the whole offline command.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv, readXlsx } from "../../src/adapters/xlsx/read";
import { aggregate } from "../../src/aggregates/memory";
import type { ReportCommand } from "../../src/cli/report";
import { runReport } from "../../src/cli/report";
import { buildModel, detectTab, isSettingsTab } from "../../src/model/index";
import type { RawTab } from "../../src/model/types";
import type { ReportPlan } from "../../src/report/types";
import { aggregatesToTabs } from "../support/aggregateTabs";

const DEMO = new URL("../../examples/demo-workbook.xlsx", import.meta.url).pathname;
const MAVEN = new URL("../../../shared/datasets/maven-crm/sales_pipeline.csv", import.meta.url)
  .pathname;
const dir = mkdtempSync(join(tmpdir(), "voronka-agg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The tabs the report reads beside the aggregates: everything but deals, stage logs and calls. */
const SMALL = new Set(["timeLog", "plan", "checklist", "team"]);

async function writeWorkbook(path: string, tabs: RawTab[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const t of tabs) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    for (const row of t.values) ws.addRow(row.map((v) => (v === "" ? null : v)));
  }
  await wb.xlsx.writeFile(path);
}

async function report(files: string[], name: string, lines?: string[]): Promise<ReportPlan> {
  const cmd: ReportCommand = {
    kind: "report",
    files,
    out: join(dir, `${name}-report.xlsx`),
    defaultOut: false,
    lang: "en",
    period: "month",
    force: true,
    quiet: true,
    ...(lines ? { explain: true } : {}),
  };
  const io = { out: (l: string) => lines?.push(l), err: () => {}, cwd: dir };
  return (await runReport(cmd, io)).plan;
}

/**
 * Sheets by key, without their display names (the same keys give the same names), leaving out
 * whole sheets (by key) and single blocks (by id).
 */
function sheets(plan: ReportPlan, leaveOut: string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    plan.sheets
      .filter((s) => !leaveOut.includes(s.key))
      .map((s) => [s.key, s.blocks.filter((b) => !leaveOut.includes(b.id))]),
  );
}

describe("the report from aggregates tabs", () => {
  it("the demo workbook: every sheet the aggregates make equals the one from the raw tabs", async () => {
    const tabs = await readXlsx(readFileSync(DEMO));
    const { model } = buildModel(tabs, { timeZone: "UTC" });
    const small = tabs.filter((t) => isSettingsTab(t) || SMALL.has(detectTab(t)?.kind ?? ""));
    expect(small.length).toBeGreaterThanOrEqual(4);
    const path = join(dir, "demo-aggregates.xlsx");
    await writeWorkbook(path, [...aggregatesToTabs(aggregate(model), "sheets"), ...small]);

    const fromRaw = await report([DEMO], "raw");
    const explained: string[] = [];
    const fromAgg = await report([path], "agg", explained);
    // --explain names each view and where the stages come from.
    const text = explained.join("\n");
    expect(text).toContain('"bquxjob_1000_results": aggregates (voronka_stages)');
    expect(text).toContain('"bquxjob_1001_results": aggregates (voronka_agg_deals)');
    expect(text).toContain(
      'The stages come from the view "voronka_stages" in "bquxjob_1000_results", in the order of its positions.',
    );
    expect(text).toContain(model.stages.map((s) => `"${s}"`).join(" → "));
    // What needs single rows cannot come from aggregates: the data check lists the raw rows left
    // out. Everything else must be equal: the Roles sheet (its views: leads, bookings, reach,
    // events…) and Quality's won against lost (voronka_agg_graded_deals) too.
    const leaveOut = ["dataCheck"];
    const blockIds = (p: ReportPlan) => p.sheets.flatMap((s) => s.blocks.map((b) => b.id));
    expect(fromRaw.sheets.map((s) => s.key)).toContain("roles");
    expect(fromAgg.sheets.map((s) => s.key)).toContain("roles");
    expect(blockIds(fromRaw)).toContain("quality.wonLost");
    expect(blockIds(fromAgg)).toContain("quality.wonLost");
    expect(Object.keys(sheets(fromAgg, leaveOut))).toEqual(Object.keys(sheets(fromRaw, leaveOut)));
    expect(Object.keys(sheets(fromRaw, leaveOut))).toEqual(
      expect.arrayContaining(["funnel", "kpi", "velocity", "changes", "time", "quality", "roles"]),
    );
    expect(sheets(fromAgg, leaveOut)).toEqual(sheets(fromRaw, leaveOut));
  });

  it("views without voronka_agg_graded_deals (SQL without the checklist): Quality says why won against lost is missing", async () => {
    const tabs = await readXlsx(readFileSync(DEMO));
    const { model } = buildModel(tabs, { timeZone: "UTC" });
    const small = tabs.filter((t) => isSettingsTab(t) || SMALL.has(detectTab(t)?.kind ?? ""));
    const { gradedDeals, ...withoutGraded } = aggregate(model);
    expect(gradedDeals?.length).toBeGreaterThan(0);
    const path = join(dir, "demo-no-graded.xlsx");
    await writeWorkbook(path, [...aggregatesToTabs(withoutGraded, "sheets"), ...small]);
    const quality = (await report([path], "no-graded")).sheets.find((s) => s.key === "quality");
    expect(quality?.blocks.map((b) => b.id)).toEqual(["quality.byRep"]);
    expect(quality?.blocks[0]?.note).toContain("--table checklist=NAME");
    // The scores per rep are there all the same: the demo's checklist names its reps.
    const withGraded = (await report([DEMO], "raw-quality")).sheets.find(
      (s) => s.key === "quality",
    );
    expect(quality?.blocks[0]?.rows).toEqual(withGraded?.blocks[0]?.rows);
  });

  it("views without calls beside the workbook's calls tab: the calls come from the tab", async () => {
    const tabs = await readXlsx(readFileSync(DEMO));
    const { model } = buildModel(tabs, { timeZone: "UTC" });
    expect(model.calls.length).toBeGreaterThan(0);
    const kinds = new Set([...SMALL, "calls"]);
    const kept = tabs.filter((t) => isSettingsTab(t) || kinds.has(detectTab(t)?.kind ?? ""));
    // A warehouse that holds the CRM but not the telephony: voronka_rep_days is empty.
    const views = aggregatesToTabs(aggregate({ ...model, calls: [], callDays: [] }), "sheets");
    const path = join(dir, "demo-views-and-calls.xlsx");
    await writeWorkbook(path, [...views, ...kept]);
    const fromRaw = await report([DEMO], "raw-calls");
    const fromAgg = await report([path], "agg-calls");
    const kpi = (p: ReportPlan) => p.sheets.find((s) => s.key === "kpi");
    const callsCol = (p: ReportPlan) => {
      const b = kpi(p)?.blocks[0];
      const c = b?.header.indexOf("Calls") ?? -1;
      return b?.rows.map((r) => [r[0], r[c]]);
    };
    expect(callsCol(fromRaw)?.length).toBeGreaterThan(0);
    expect(callsCol(fromAgg)).toEqual(callsCol(fromRaw));
    // Without the calls tab the same views give no calls at all.
    const bare = join(dir, "demo-views-only.xlsx");
    await writeWorkbook(bare, [...views, ...kept.filter((t) => detectTab(t)?.kind !== "calls")]);
    const noCalls = await report([bare], "agg-no-calls");
    expect(kpi(noCalls)?.blocks[0]?.header).not.toContain("Calls");
  });

  it.runIf(existsSync(MAVEN))(
    "the Maven export, views as CSV files: the whole report equals the raw one",
    async () => {
      const tab = await parseCsv(readFileSync(MAVEN, "utf8"), "sales_pipeline");
      const { model } = buildModel([tab], { timeZone: "UTC" });
      // As BigQuery's "Save results → CSV" gives them: one file per view, named after it.
      const files = aggregatesToTabs(aggregate(model), "text").map((t) => {
        const path = join(dir, `${t.name}.csv`);
        writeFileSync(path, Papa.unparse(t.values as unknown[][]));
        return path;
      });
      const fromRaw = await report([MAVEN], "maven-raw");
      const fromAgg = await report(files, "maven-agg");
      expect(sheets(fromAgg, ["dataCheck"])).toEqual(sheets(fromRaw, ["dataCheck"]));
      expect(fromAgg.sheets.map((s) => s.key)).toContain("funnel");
    },
  );

  it("aggregates tabs without voronka_stages: the command says which view is missing", async () => {
    const { model } = buildModel(await readXlsx(readFileSync(DEMO)), { timeZone: "UTC" });
    const tabs = aggregatesToTabs(aggregate(model), "sheets").slice(1);
    const path = join(dir, "no-stages.xlsx");
    await writeWorkbook(path, tabs);
    await expect(report([path], "no-stages")).rejects.toThrow(/voronka_stages/);
  });
});
