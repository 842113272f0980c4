/**
 * The report's size budget, the bounded stash and the per-step time budget, on a deals tab with
 * unique reps and sources (the worst case for per-rep and per-source blocks), scaled down from
 * the 1M-deal case so the test stays fast.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_CELLS,
  reportCells,
  SPREADSHEET_CELL_LIMIT,
} from "../../src/adapters/sheets/budget";
import {
  type BuildControls,
  buildReport,
  runBuildStep,
  startBuild,
} from "../../src/adapters/sheets/build";
import { prepareReport } from "../../src/adapters/sheets/pipeline";
import { MAX_STASH_CHUNKS } from "../../src/adapters/sheets/stash";
import type { ReportOptions } from "../../src/report/options";
import {
  CACHE_MAX_ITEMS,
  CELL_MS,
  createFakeServices,
  type FakeServices,
} from "../fakes/spreadsheet";

let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  uninstall = () => {};
});

const STAGES = ["Lead", "Meeting", "Proposal", "Paid"];

/** `n` deals over Jan–Jun 2026, each with its own rep and source. */
function uniqueDeals(n: number): unknown[][] {
  const out: unknown[][] = [["Deal ID", "Rep", "Source", "Created", "Stage", "Amount"]];
  for (let i = 0; i < n; i++) {
    const stage = STAGES[i % 4]!;
    out.push([
      `D${i}`,
      `Rep ${i}`,
      `Source ${i}`,
      new Date(Date.UTC(2026, i % 6, 1 + (i % 28))),
      stage,
      stage === "Paid" ? 1000 + i : "",
    ]);
  }
  return out;
}

function world(n: number): FakeServices {
  uninstall();
  const f = createFakeServices({ sheets: { Deals: uniqueDeals(n) } });
  uninstall = f.install();
  return f;
}

const OPTIONS: ReportOptions = { lang: "en", period: "month" };

/** Cells of every sheet's grid, as Sheets counts them. */
function gridCells(f: FakeServices): number {
  return f.spreadsheet.sheets.reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
}

describe("report size budget", () => {
  it("counts the cells the report will take exactly, before the first write", () => {
    const f = world(1000);
    const planned = reportCells(prepareReport(f.ss, { options: OPTIONS }).plan);
    const before = gridCells(f);
    buildReport(f.ss, { options: OPTIONS });
    expect(gridCells(f) - before).toBe(planned);
  });

  it("a report over budget is refused up front with a sentence that says what to narrow", () => {
    const f = world(1000);
    const planned = reportCells(prepareReport(f.ss, { options: OPTIONS }).plan);
    const before = f.spreadsheet.snapshot();
    f.r.clear();
    const c: BuildControls = { maxCells: planned - 1 };
    expect(() => buildReport(f.ss, { options: OPTIONS }, c)).toThrow(
      /more than the .* it may use in this spreadsheet; nothing was changed\. Narrow it: pick fewer reps or sources, a shorter period/,
    );
    expect(f.r.writes).toBe(0);
    expect(f.spreadsheet.snapshot()).toEqual(before);
    // In the user's language, through the step-wise build too.
    const ru = { options: { ...OPTIONS, lang: "ru" as const } };
    const { buildId } = startBuild(f.ss, ru, c);
    expect(() => runBuildStep(f.ss, buildId, 0, c)).toThrow(/Сузьте отчёт/);
    expect(f.spreadsheet.snapshot()).toEqual(before);
  });

  it("never past what the spreadsheet has left under 10 million, the old report included", () => {
    const f = world(1000);
    buildReport(f.ss, { options: OPTIONS });
    const planned = reportCells(prepareReport(f.ss, { options: OPTIONS }).plan);
    // The user's other sheets fill the spreadsheet to just under the limit, old report included.
    const used = gridCells(f);
    const filler = f.spreadsheet.insertSheet("Big");
    filler.maxRows = Math.ceil((SPREADSHEET_CELL_LIMIT - used - planned + 1) / 26);
    expect(() => buildReport(f.ss, { options: OPTIONS })).toThrow(
      /this spreadsheet has room for only [\d,]+ more of Google's 10 million; nothing was changed\. Narrow it/,
    );
    filler.maxRows -= Math.ceil(1000 / 26) + 1;
    expect(buildReport(f.ss, { options: OPTIONS }).sheets.length).toBeGreaterThan(0);
    expect(gridCells(f)).toBeLessThanOrEqual(SPREADSHEET_CELL_LIMIT);
  });
});

describe("step-wise build with unique reps and sources", () => {
  it("the scaled-down 1M-deal case: top-N rows keep it within budget", () => {
    const f = world(20_000);
    expect(reportCells(prepareReport(f.ss, { options: OPTIONS }).plan)).toBeLessThanOrEqual(
      DEFAULT_MAX_CELLS,
    );
    expect(buildReport(f.ss, { options: OPTIONS }).sheets.length).toBeGreaterThan(0);
  });

  it("the scaled-down 1M-deal case without top-N: over the default budget, refused before any write", () => {
    // 20,000 unique reps and sources need more than 2 million cells when every one is a row.
    const f = world(20_000);
    f.r.clear();
    const uncapped: ReportOptions = { ...OPTIONS, topN: Number.MAX_SAFE_INTEGER };
    const { buildId } = startBuild(f.ss, { options: uncapped });
    let message = "";
    try {
      runBuildStep(f.ss, buildId, 0);
    } catch (e) {
      message = String((e as Error).message);
    }
    expect(message).toMatch(/would take [\d,]+ cells.*Narrow it/);
    const need = Number(/would take ([\d,]+) cells/.exec(message)?.[1]?.replace(/,/g, ""));
    expect(need).toBeGreaterThan(DEFAULT_MAX_CELLS);
    // Nothing but the build's own bookkeeping was written: no sheet, no cell.
    expect(f.r.log.filter((e) => e.write && !e.method.startsWith("Properties")).length).toBe(0);
    expect(f.cache.store.size).toBe(0);
  });

  it("stash within the cache's limits, each step within its time budget on the fake clock", () => {
    const f = world(4000);
    const budgetMs = 270_000;
    const c: BuildControls = { now: () => f.r.clock, budgetMs };
    const { buildId, steps } = startBuild(f.ss, { options: OPTIONS }, c);
    const times: number[] = [];
    let done = false;
    for (let i = 0; i < steps.length; i++) {
      const t0 = f.r.clock;
      done = runBuildStep(f.ss, buildId, i, c).done;
      times.push(f.r.clock - t0);
    }
    expect(done).toBe(true);
    for (const t of times) expect(t).toBeLessThanOrEqual(budgetMs);
    expect(f.cache.peakItems).toBeLessThanOrEqual(MAX_STASH_CHUNKS);
    expect(f.cache.peakItems).toBeLessThan(CACHE_MAX_ITEMS);
    expect(f.cache.peakValueChars).toBeLessThanOrEqual(100 * 1024);
    // The largest possible report's write fits a step: the budget bounds the cells per step.
    expect(DEFAULT_MAX_CELLS * CELL_MS * 2).toBeLessThanOrEqual(budgetMs);
  });

  it("a step past its time budget ends the build with a sentence, changing nothing", () => {
    const f = world(1000);
    let slow = 0;
    const c: BuildControls = { now: () => f.r.clock + slow, budgetMs: 60_000 };
    const { buildId } = startBuild(f.ss, { options: OPTIONS }, c);
    runBuildStep(f.ss, buildId, 0, c);
    const before = f.spreadsheet.snapshot();
    const orig = f.r.rec.bind(f.r);
    // Reading the stash takes the step past its budget.
    f.r.rec = (m, w, cells) => {
      if (m === "Cache.getAll") slow += 61_000;
      orig(m, w, cells);
    };
    expect(() => runBuildStep(f.ss, buildId, 1, c)).toThrow(/too large to write in the time/);
    expect(f.spreadsheet.snapshot()).toEqual(before);
  });
});

describe("stash packing", () => {
  it("round-trips any text, emoji and lone surrogates included, as ASCII chunks", async () => {
    const { pack, unpack } = await import("../../src/adapters/sheets/stash");
    const fc = (await import("fast-check")).default;
    world(1);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.integer(), (text, n) => {
        const value = { text: text + "😀".repeat(n & 7), n };
        const chunks = pack(value);
        for (const c of chunks) expect(/^[A-Za-z0-9+/=]*$/.test(c)).toBe(true);
        expect(unpack(chunks)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 100 },
    );
  });
});
