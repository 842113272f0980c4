/**
 * Changes under any date range, edges in the middle of a week included (cohort rows are kept per
 * week part): down the funnel a cohort never reaches a stage more often than the one above, and
 * no step conversion passes 100%.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dealDate } from "../../src/core/metrics/dealDates";
import { planReport } from "../../src/report/plan";
import { generateModel } from "./fixtures";

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("Changes under a date range", () => {
  const model = generateModel({ deals: 1500, seed: 11, months: 6 });
  const days = model.deals.flatMap((d) => {
    const at = dealDate(d);
    return at === null ? [] : [Math.floor(at / 86_400_000)];
  });
  const first = Math.min(...days);
  const last = Math.max(...days);

  it("never reaches more than the cohort holds, whatever the range", () => {
    let judged = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: first, max: last }),
        fc.integer({ min: 0, max: last - first }),
        fc.constantFrom("week" as const, "month" as const),
        (from, length, period) => {
          const plan = planReport(model, {
            lang: "en",
            period,
            from: iso(from),
            to: iso(from + length),
          });
          const b = plan.sheets
            .find((s) => s.key === "changes")
            ?.blocks.find((x) => x.id === "changes.byStage");
          if (!b) return;
          judged++;
          for (const col of [1, 2]) {
            const reached = b.rows.map((r) => r[col] as number);
            for (const n of reached) expect(n).toBeLessThanOrEqual(reached[0] as number);
          }
          for (const r of b.rows)
            for (const c of [3, 4])
              if (typeof r[c] === "number") expect(r[c]).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 40 },
    );
    expect(judged).toBeGreaterThan(0);
  });
});
