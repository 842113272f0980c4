/**
 * `npx tsx bench/budget.ts [deals]` — the report's size budget on a deals tab with unique reps and
 * sources (issue 13), in the typed Spreadsheet fake: the 1M-deal case (cells the report would
 * take, refused before any write, and how long model + plan + count take), then the step-wise
 * build of the largest such report under the budget: stash chunks and characters, and each
 * step's service time on the fake's clock. Not part of the test suite.
 */
import { DEFAULT_MAX_CELLS, reportCells } from "../src/adapters/sheets/budget";
import { runBuildStep, startBuild } from "../src/adapters/sheets/build";
import { prepareReport } from "../src/adapters/sheets/pipeline";
import { createFakeServices } from "../test/fakes/spreadsheet";

const STAGES = ["Lead", "Meeting", "Proposal", "Paid"];

function uniqueDeals(n: number): unknown[][] {
  const out: unknown[][] = [["Deal ID", "Rep", "Source", "Created", "Stage", "Amount"]];
  for (let i = 0; i < n; i++) {
    const stage = STAGES[i % 4] as string;
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

const options = { lang: "en" as const, period: "month" as const };
const big = Number(process.argv[2] ?? 1_000_000);

{
  const f = createFakeServices({ sheets: { Deals: uniqueDeals(big) } });
  // A real 1M-row tab has only its columns (1M × 26 would be past Sheets' 10M cells).
  (f.spreadsheet.sheets[0] as { maxCols: number }).maxCols = 6;
  const uninstall = f.install();
  const t0 = performance.now();
  const plan = prepareReport(f.ss, { options }).plan;
  const t1 = performance.now();
  const cells = reportCells(plan);
  const t2 = performance.now();
  const { buildId } = startBuild(f.ss, { options });
  let message = "";
  try {
    runBuildStep(f.ss, buildId, 0);
  } catch (e) {
    message = (e as Error).message;
  }
  const writes = f.r.log.filter((e) => e.write && !e.method.startsWith("Properties")).length;
  console.log(`${big.toLocaleString("en-US")} deals, unique reps and sources:`);
  console.log(`  model + plan ${(t1 - t0).toFixed(0)} ms, cell count ${(t2 - t1).toFixed(0)} ms`);
  console.log(
    `  report cells ${cells.toLocaleString("en-US")} (budget ${DEFAULT_MAX_CELLS.toLocaleString("en-US")})`,
  );
  console.log(`  step 0: ${message || "(not refused)"}`);
  console.log(`  sheet and cell writes: ${writes}; cache items: ${f.cache.store.size}`);
  uninstall();
}

{
  // The most unique reps and sources whose report fits the default budget.
  let lo = 1000;
  let hi = 20_000;
  while (hi - lo > 250) {
    const mid = Math.floor((lo + hi) / 2);
    const f = createFakeServices({ sheets: { Deals: uniqueDeals(mid) } });
    const un = f.install();
    const fits = reportCells(prepareReport(f.ss, { options }).plan) <= DEFAULT_MAX_CELLS;
    un();
    if (fits) lo = mid;
    else hi = mid;
  }
  const f = createFakeServices({ sheets: { Deals: uniqueDeals(lo) } });
  const un = f.install();
  const c = { now: () => f.r.clock };
  const { buildId, steps } = startBuild(f.ss, { options }, c);
  const times: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const t = f.r.clock;
    runBuildStep(f.ss, buildId, i, c);
    times.push(Math.round(f.r.clock - t));
  }
  const cells = f.spreadsheet.sheets.slice(1).reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  console.log(`${lo.toLocaleString("en-US")} deals (largest under the budget, ±250):`);
  console.log(`  report cells ${cells.toLocaleString("en-US")}`);
  console.log(
    `  stash: peak ${f.cache.peakItems} cache items, largest ${f.cache.peakValueChars} characters`,
  );
  console.log(`  step service time on the fake clock (ms): ${times.join(", ")}`);
  un();
}
