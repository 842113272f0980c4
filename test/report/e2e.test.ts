/**
 * End to end through the model layer: raw tabs → buildModel → planReport, and the one-call
 * build in the fake spreadsheet through the real pipeline (read → model → plan → write).
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/adapters/sheets/build";
import { generateWorkbook } from "../../src/generate/index";
import type { RawTab } from "../../src/model/types";
import { planReport } from "../../src/report/plan";
import type { Block, ReportPlan } from "../../src/report/types";
import { createFakeServices } from "../fakes/spreadsheet";
import { generateModel, STAGES, stageLogTab } from "./fixtures";

const MAVEN = "/work/shared/datasets/maven-crm/sales_pipeline.csv";

type BuildModel = typeof import("../../src/model/index").buildModel;
let buildModel: BuildModel;

beforeAll(async () => {
  ({ buildModel } = await import("../../src/model/index"));
});

let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  uninstall = () => {};
});

function mavenTab(): RawTab {
  const parsed = Papa.parse<string[]>(readFileSync(MAVEN, "utf8"), { skipEmptyLines: true });
  return { name: "sales_pipeline", values: parsed.data };
}

function block(plan: ReportPlan, id: string): Block {
  for (const s of plan.sheets) for (const b of s.blocks) if (b.id === id) return b;
  throw new Error(`no block ${id}`);
}

describe("Maven CRM export", () => {
  const tab = mavenTab();
  const rows = tab.values.slice(1);
  const engaged = rows.filter((r) => r[5] !== "").length;
  const closed = rows.filter((r) => r[6] !== "").length;
  const won = rows.filter((r) => r[4] === "Won");
  const revenue = won.reduce((s, r) => s + Number(r[7] || 0), 0);

  it("builds Funnel, KPI and Velocity whose totals agree with hand computation", () => {
    const { model } = buildModel([tab], { timeZone: "UTC" });
    const plan = planReport(model, { lang: "en", period: "month" });
    const keys = plan.sheets.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(["funnel", "kpi", "velocity"]));
    const f = block(plan, "funnel.byStage");
    const counts = f.rows.map((r) => r[1]);
    // all opportunities → engaged → closed → won
    expect(counts).toEqual([rows.length - model.issues.length, engaged, closed, won.length]);
    const kpi = block(plan, "kpi.byRep");
    const team = kpi.rows[kpi.rows.length - 1];
    expect(team[kpi.header.indexOf("Sales")]).toBe(won.length);
    // Undated opportunities (no engage date) count in the per-rep totals too.
    expect(team[kpi.header.indexOf("New leads")]).toBe(rows.length);
    expect(team[kpi.header.indexOf("Revenue")] as number).toBeCloseTo(revenue, 6);
    // Per-rep rows sum to the team row.
    const c = kpi.header.indexOf("Revenue");
    const sum = kpi.rows.slice(0, -1).reduce((s, r) => s + (r[c] as number), 0);
    expect(team[c] as number).toBeCloseTo(sum, 6);
    const v = block(plan, "velocity.byTransition");
    expect(v.rows.length).toBeGreaterThan(0);
    for (const r of v.rows) expect(r[2] as number).toBeGreaterThanOrEqual(0);
  });

  it("is built in one call in the spreadsheet, raw tab untouched", () => {
    const f = createFakeServices({ sheets: { sales_pipeline: tab.values }, timeZone: "Etc/UTC" });
    uninstall = f.install();
    const before = f.spreadsheet.snapshot();
    const res = buildReport(f.ss, { options: { lang: "ru", period: "month" } });
    expect(res.sheets.map((s) => s.key)).toEqual(
      expect.arrayContaining(["funnel", "kpi", "velocity"]),
    );
    expect(res.sheets[0].name).toBe("Воронка");
    expect(f.spreadsheet.snapshot()[0]).toEqual(before[0]);
    // Rebuild replaces ours only.
    const again = buildReport(f.ss, { options: { lang: "ru", period: "month" } });
    expect(again.sheets.map((s) => s.name)).toEqual(res.sheets.map((s) => s.name));
    expect(f.spreadsheet.sheets).toHaveLength(1 + res.sheets.length);
  });
});

describe("generated stage log with a planted drop", () => {
  for (const stage of [1, 2, 3, 4]) {
    it(`Changes names the stage whose conversion was cut (${STAGES[stage]})`, () => {
      const g = generateModel({ deals: 8000, seed: 10 + stage, dropStage: stage, dropFactor: 0.5 });
      const tab: RawTab = { name: "Stage log", values: stageLogTab(g) };
      const { model } = buildModel([tab], { timeZone: "UTC" });
      expect(model.stages).toEqual(STAGES);
      const plan = planReport(model, { lang: "en", period: "month" });
      const b = block(plan, "changes.byStage");
      expect(b.note).toContain(`Start with “${STAGES[stage]}”`);
      expect(b.highlights).toEqual([{ row: stage, col: -1, style: "bad" }]);
    });
  }

  it("and the one-call build in the spreadsheet writes it, in Ukrainian", () => {
    const g = generateModel({ deals: 4000, seed: 3, dropStage: 3, dropFactor: 0.4 });
    const f = createFakeServices({ sheets: { "Журнал етапів": stageLogTab(g) } });
    uninstall = f.install();
    const res = buildReport(f.ss, { options: { lang: "uk", period: "month" } });
    const changes = res.sheets.find((s) => s.key === "changes");
    expect(changes?.name).toBe("Зміни");
    const sheet = f.spreadsheet.getSheetById(changes?.sheetId ?? -1);
    expect(String(sheet?.snapshot()[1][0])).toContain("«Meeting held»");
  });
});

describe("the model layer's generated workbook (all six kinds)", () => {
  for (const seed of [1, 2, 4]) {
    for (const dropStage of [1, 2, 3]) {
      it(`seed ${seed}: Changes names the planted drop at stage ${dropStage}; totals agree`, () => {
        const wb = generateWorkbook({ seed, lang: seed === 2 ? "ru" : "en", dropStage });
        const { model } = buildModel(wb.tabs, { timeZone: "UTC", mapping: wb.mapping });
        const plan = planReport(model, { lang: "en", period: "month" });
        expect(plan.sheets.map((s) => s.key)).toEqual(
          expect.arrayContaining(["funnel", "kpi", "velocity", "changes", "time", "quality"]),
        );
        const changes = block(plan, "changes.byStage");
        expect(changes.title).toBe(
          `Cohorts compared: ${words(String(wb.expected.dropMonth))} against ${words(prevMonth(wb.expected.dropMonth))}`,
        );
        expect(changes.note).toContain(`Start with “${wb.expected.dropStage}”`);
        const kpi = block(plan, "kpi.byRep");
        const team = kpi.rows[kpi.rows.length - 1];
        expect(team[kpi.header.indexOf("Calls")]).toBe(wb.expected.calls);
        expect(team[kpi.header.indexOf("Sales")]).toBe(wb.expected.won);
        expect(team[kpi.header.indexOf("New leads")]).toBe(wb.expected.deals);
        for (const name of ["Calls", "Sales", "Revenue", "New leads"]) {
          const c = kpi.header.indexOf(name);
          const sum = kpi.rows.slice(0, -1).reduce((s, r) => s + (r[c] as number), 0);
          expect(team[c] as number, name).toBeCloseTo(sum, 6);
        }
        const funnel = block(plan, "funnel.byStage");
        expect(funnel.rows[0][1]).toBe(wb.expected.deals);
        expect(funnel.rows[funnel.rows.length - 1][1]).toBe(wb.expected.won);
      });
    }
  }
});

describe("the generated workbook in the spreadsheet", () => {
  it("is built in one call with every sheet the data allows; raw tabs untouched", () => {
    const wb = generateWorkbook({ seed: 9, lang: "ru", scale: 0.3 });
    const sheets: Record<string, unknown[][]> = {};
    for (const t of wb.tabs) sheets[t.name] = t.values;
    const f = createFakeServices({ sheets, timeZone: "Etc/UTC", locale: "ru_RU" });
    uninstall = f.install();
    const before = f.spreadsheet.snapshot();
    const res = buildReport(f.ss, { options: { lang: "ru", period: "week" }, mapping: wb.mapping });
    expect(res.sheets.map((s) => s.name)).toEqual([
      "Воронка",
      "KPI",
      "Скорость",
      "Изменения",
      "Время",
      "Качество",
    ]);
    expect(f.spreadsheet.snapshot().slice(0, wb.tabs.length)).toEqual(before);
    const funnel = f.spreadsheet.getSheetById(res.sheets[0].sheetId);
    expect(funnel?.charts[0].spec.type).toBe("BAR");
  });
});

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-03" → "Mar 2026", as the English report writes a month. */
function words(ym: string): string {
  const [y, m] = ym.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

function prevMonth(ym: string | null): string {
  const [y, m] = String(ym).split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
