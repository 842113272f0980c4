/**
 * The one-call and step-wise builds in the fake spreadsheet, through the real pipeline
 * (readRawTabs → buildModel → planReport → staging → swap).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import {
  type BuildControls,
  buildReport,
  runBuildStep,
  startBuild,
} from "../../src/adapters/sheets/build";
import { findOurSheets, REPORT_META_KEY } from "../../src/adapters/sheets/staging";
import type { ReportOptions } from "../../src/report/options";
import { createFakeServices, type FakeServices } from "../fakes/spreadsheet";
import { callsTab, dealsTab } from "./helpers";

const OPTIONS: ReportOptions = { lang: "en", period: "month" };
const controls: BuildControls = {};

let fake: FakeServices;
let uninstall: () => void = () => {};

function setup(sheets: Record<string, unknown[][]>): FakeServices {
  uninstall();
  fake = createFakeServices({ sheets, timeZone: "Etc/UTC", locale: "en_US" });
  uninstall = fake.install();
  return fake;
}

afterEach(() => {
  uninstall();
  uninstall = () => {};
});

/** Everything a user sees: sheet names in order, cells, hidden flags, formats and charts. */
function visible(f: FakeServices) {
  return f.spreadsheet.sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden,
    values: s.snapshot(),
    formats: [...s.formats].sort(),
    charts: s.charts.map((c) => c.spec),
    // Build and sheet ids differ from build to build.
    meta: s.meta.map((m) => `${m.key}=${m.value?.replace(/"build":"[a-z0-9]+"|"sheet":\d+/g, "")}`),
  }));
}

function build(f: FakeServices, options: ReportOptions = OPTIONS, c: BuildControls = controls) {
  return buildReport(f.ss, { options }, c);
}

describe("buildReport", () => {
  beforeEach(() => {
    setup({ Deals: dealsTab(1200), Calls: callsTab(300) });
  });

  it("writes the report sheets, marked as ours, and never the raw tabs", () => {
    const raw = fake.spreadsheet.snapshot();
    const res = build(fake);
    expect(res.sheets.map((s) => s.name)).toEqual(["Funnel", "KPI", "Changes"]);
    expect(res.issues).toBe(0);
    expect(fake.spreadsheet.snapshot().slice(0, 2)).toEqual(raw);
    const ours = findOurSheets(fake.ss);
    expect(ours.map((o) => [o.sheet.getName(), o.info.key, o.info.state])).toEqual([
      ["Funnel", "funnel", "live"],
      ["KPI", "kpi", "live"],
      ["Changes", "changes", "live"],
    ]);
    for (const s of res.sheets) {
      const sh = fake.spreadsheet.getSheetById(s.sheetId);
      expect(sh?.hidden).toBe(false);
      expect(sh?.meta.map((m) => m.key)).toEqual([REPORT_META_KEY]);
    }
    // No write ever touched a raw tab.
    const funnel = fake.spreadsheet.getSheetByName("Funnel");
    expect(funnel?.snapshot()[2].slice(0, 4)).toEqual([
      "Stage",
      "Count",
      "Step conversion",
      "Overall conversion",
    ]);
    expect(funnel?.charts).toHaveLength(1);
    expect(funnel?.charts[0].spec.type).toBe("BAR");
    expect(fake.lock.holder).toBeNull();
  });

  it("rebuilding is idempotent and leaves no staging sheets", () => {
    build(fake);
    const first = visible(fake);
    build(fake);
    const second = visible(fake);
    build(fake);
    expect(visible(fake)).toEqual(second);
    expect(second).toEqual(first);
    expect(fake.spreadsheet.sheets.some((s) => s.name.startsWith("~"))).toBe(false);
    expect(fake.spreadsheet.sheets).toHaveLength(5);
  });

  it("never touches a user's sheet with a report's name: ours gets a suffix", () => {
    fake.spreadsheet.addSheet("Funnel", [["my own notes", 42]]);
    fake.spreadsheet.addSheet("kpi", [["mine too"]]);
    const before = fake.spreadsheet.snapshot();
    const res = build(fake);
    expect(res.sheets.map((s) => s.name)).toEqual(["Funnel (Voronka)", "KPI (Voronka)", "Changes"]);
    build(fake);
    const after = fake.spreadsheet.snapshot();
    expect(after.slice(0, 4)).toEqual(before);
    expect(after.map((s) => s.name)).toEqual([
      "Deals",
      "Calls",
      "Funnel",
      "kpi",
      "Funnel (Voronka)",
      "KPI (Voronka)",
      "Changes",
    ]);
    // The user's sheets got no metadata, no formats.
    expect(fake.spreadsheet.getSheetByName("Funnel")?.meta).toEqual([]);
    expect(fake.spreadsheet.getSheetByName("Funnel")?.formats.size).toBe(0);
  });

  it("a user's duplicate of a report sheet is the user's: kept on rebuild", () => {
    build(fake);
    const funnel = fake.spreadsheet.getSheetByName("Funnel");
    if (!funnel) throw new Error("no Funnel");
    // What "Duplicate" in Sheets makes: same cells, same developer metadata, a new id.
    const copy = fake.spreadsheet.addSheet("Copy of Funnel", funnel.snapshot());
    copy.addDeveloperMetadata(REPORT_META_KEY, funnel.meta[0].value ?? "");
    copy.getRange("A1").setValue("my edits");
    const mine = copy.snapshot();
    const res = build(fake);
    expect(res.sheets.map((s) => s.name)).toEqual(["Funnel", "KPI", "Changes"]);
    expect(fake.spreadsheet.getSheetByName("Copy of Funnel")?.snapshot()).toEqual(mine);
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual([
      "Deals",
      "Calls",
      "Copy of Funnel",
      "Funnel",
      "KPI",
      "Changes",
    ]);
  });

  it("a failure injected at each write in turn leaves the previous report intact", () => {
    // The smallest data with the same report shape: the same sheets, blocks and charts, so the
    // same writes (checked against the 1,200-row rebuild) at a tenth of the cells.
    const writesOf = (deals: number, calls: number) => {
      setup({ Deals: dealsTab(deals), Calls: callsTab(calls) });
      build(fake);
      fake.r.clear();
      build(fake);
      return fake.r.log.filter((e) => e.write).map((e) => e.method);
    };
    const full = writesOf(1200, 300);
    expect(writesOf(240, 60)).toEqual(full);
    // Clean rebuild: how many writes and what it leaves.
    const writes = fake.r.writes;
    const clean = visible(fake);
    expect(writes).toBeGreaterThan(20);
    let failures = 0;
    for (let n = 1; n <= writes; n++) {
      // Each round starts from a clean report: the previous round's last build left one.
      const before = clean;
      fake.r.failAtWrite(n);
      let threw = false;
      try {
        build(fake);
      } catch (e) {
        threw = true;
        expect(String(e)).toContain("Injected failure");
      }
      if (threw) {
        failures++;
        expect(visible(fake), `failure at write ${n}`).toEqual(before);
      } else {
        // Past the commit point the build completes (deletions are retried).
        expect(visible(fake), `failure at write ${n}`).toEqual(clean);
      }
      expect(fake.lock.holder).toBeNull();
      // And the next build works.
      build(fake);
      expect(visible(fake)).toEqual(clean);
    }
    expect(failures).toBeGreaterThan(writes - 5);
  });

  it("the service-call count is the same for 1,000 and 100,000 rows", () => {
    const counts = (rows: number) => {
      setup({ Deals: dealsTab(rows), Calls: callsTab(rows / 10) });
      build(fake);
      fake.r.clear();
      build(fake);
      return fake.r.counts();
    };
    const small = counts(1_000);
    const large = counts(100_000);
    expect(large).toEqual(small);
    expect(small["Range.setValues"]).toBeLessThan(20);
  });

  it("refuses to run while another build holds the document lock", () => {
    const before = visible(fake);
    fake.lock.heldElsewhere = true;
    expect(() => build(fake)).toThrow(/Another report build is running/);
    expect(() => build(fake, { lang: "ru", period: "month" })).toThrow(/уже строится отчёт/);
    expect(visible(fake)).toEqual(before);
    expect(fake.r.writes).toBe(0);
  });

  it("stops early with a message when the time budget runs out, changing nothing", () => {
    build(fake);
    const before = visible(fake);
    let clock = 0;
    const res = build(fake, OPTIONS, {
      ...controls,
      now: () => {
        clock += 60_000;
        return clock;
      },
      budgetMs: 150_000,
    });
    expect(res.sheets).toEqual([]);
    expect(res.message).toMatch(/too large/);
    expect(visible(fake)).toEqual(before);
  });

  it("lists the data check and counts issues", () => {
    setup({ Deals: dealsTab(1200, { badDates: 3 }) });
    const res = build(fake, { lang: "uk", period: "week" });
    expect(res.issues).toBe(3);
    expect(res.sheets.map((s) => s.name)).toContain("Перевірка даних");
  });
});

describe("startBuild / runBuildStep", () => {
  beforeEach(() => {
    setup({ Deals: dealsTab(1200, { badDates: 2 }), Calls: callsTab(300) });
  });

  function runAll(buildId: string, steps: number, c: BuildControls = controls) {
    let last: ReturnType<typeof runBuildStep> = { done: false };
    for (let i = 0; i < steps; i++) {
      last = runBuildStep(fake.ss, buildId, i, c);
      expect(last.done).toBe(i === steps - 1);
    }
    return last;
  }

  it("builds the same report as the one-call build, one step per call", () => {
    build(fake);
    const oneCall = visible(fake);
    const { buildId, steps } = startBuild(fake.ss, { options: OPTIONS }, controls);
    expect(steps).toHaveLength(10);
    expect(steps[0]).toBe("Reading the tabs and computing the report");
    expect(steps[1]).toBe("Writing “Funnel”");
    const res = runAll(buildId, steps.length);
    expect(res.result?.sheets.map((s) => s.name)).toEqual([
      "Funnel",
      "KPI",
      "Changes",
      "Data check",
    ]);
    expect(res.result?.issues).toBe(2);
    expect(visible(fake)).toEqual(oneCall);
    // The stash is gone and the build is over.
    expect(fake.cache.store.size).toBe(0);
    expect(() => runBuildStep(fake.ss, buildId, 0, controls)).toThrow(/newer report build/);
  });

  it("stashes the plan compressed, in ASCII chunks under 100 KB, one part per step", () => {
    setup({ Deals: dealsTab(1200, { badDates: 900 }) });
    const { buildId } = startBuild(fake.ss, { options: OPTIONS }, controls);
    runBuildStep(fake.ss, buildId, 0, controls);
    const values = [...fake.cache.store.values()];
    expect(values.length).toBeGreaterThan(1);
    for (const v of values) {
      // ASCII only: no chunk can split a surrogate pair, and characters are bytes.
      expect(/^[\x20-\x7e]*$/.test(v)).toBe(true);
      expect(v.length).toBeLessThan(100 * 1024);
    }
    // Each write step reads the stash once.
    fake.r.clear();
    runBuildStep(fake.ss, buildId, 1, controls);
    expect(fake.r.counts()["Cache.getAll"]).toBe(1);
    expect(fake.r.counts()["Cache.get"] ?? 0).toBe(0);
  });

  it("a second build makes the first one's remaining steps refuse", () => {
    const a = startBuild(fake.ss, { options: OPTIONS }, controls);
    runBuildStep(fake.ss, a.buildId, 0, controls);
    runBuildStep(fake.ss, a.buildId, 1, controls);
    const b = startBuild(fake.ss, { options: { lang: "ru", period: "month" } }, controls);
    expect(b.steps[1]).toBe("Запись «Воронка»");
    expect(() => runBuildStep(fake.ss, a.buildId, 2, controls)).toThrow(/newer report build/);
    const res = runAll(b.buildId, b.steps.length);
    expect(res.result?.sheets.map((s) => s.name)).toEqual([
      "Воронка",
      "KPI",
      "Изменения",
      "Проверка данных",
    ]);
    // The first build's staging sheet was cleaned up.
    expect(fake.spreadsheet.sheets.filter((s) => s.name.startsWith("~"))).toEqual([]);
  });

  it("a failing step removes its staging sheets and keeps the previous report", () => {
    build(fake);
    const before = visible(fake);
    const { buildId, steps } = startBuild(fake.ss, { options: OPTIONS }, controls);
    runBuildStep(fake.ss, buildId, 0, controls);
    runBuildStep(fake.ss, buildId, 1, controls);
    fake.r.failAtWrite(3);
    expect(() => runBuildStep(fake.ss, buildId, 2, controls)).toThrow(/Injected/);
    expect(visible(fake)).toEqual(before);
    expect(() => runBuildStep(fake.ss, buildId, 3, controls)).toThrow(/newer report build/);
    expect(steps).toHaveLength(10);
  });
});
