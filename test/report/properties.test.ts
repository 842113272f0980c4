/**
 * Properties of the whole plan on random models (SPEC §4): no conversion above 100%, every
 * breakdown adds up to the funnel, no two KPI columns hold the same numbers, points are never
 * formatted as percents.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Call, Deal, Model, PlanEntry } from "../../src/model/types";
import { t } from "../../src/report/i18n";
import { planReport } from "../../src/report/plan";
import { NUMBER_FORMATS } from "../../src/report/style";
import type { Block, ReportPlan } from "../../src/report/types";
import { day, emptyModel } from "./fixtures";

const DAY = 86_400_000;
const START = day("2026-01-05");

const dealArb = (nStages: number) =>
  fc
    .record({
      rep: fc.constantFrom("", "Anna", "Boris", "Vera", "Gleb"),
      source: fc.constantFrom("", "Ads", "Referral", "Site"),
      created: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      reached: fc.integer({ min: -1, max: nStages - 1 }),
      gaps: fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), {
        minLength: nStages,
        maxLength: nStages,
      }),
      status: fc.constantFrom("won", "lost", "open"),
      amount: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
      marginShare: fc.double({ min: 0, max: 1, noNaN: true }),
      targeted: fc.option(fc.boolean(), { nil: null }),
      currency: fc.constantFrom(undefined, undefined, "USD", "EUR"),
    })
    .map((x): Deal => {
      const base = x.created === null ? null : START + x.created * DAY;
      const stageDates: (number | null)[] = [];
      let at = base ?? START + 30 * DAY;
      for (let k = 0; k < nStages; k++) {
        const g = x.gaps[k];
        if (k > x.reached || g === null) stageDates.push(null);
        else {
          at += g * DAY;
          stageDates.push(k === 0 && base !== null ? base : at);
        }
      }
      const won = x.status === "won" && x.reached === nStages - 1;
      return {
        id: "",
        rep: x.rep,
        source: x.source,
        client: "",
        created: base,
        reached: x.reached,
        stageDates,
        status: won ? "won" : x.status === "won" ? "open" : (x.status as Deal["status"]),
        closed: won ? stageDates[nStages - 1] : null,
        amount: x.amount,
        margin: x.amount === null ? null : Math.round(x.amount * x.marginShare),
        targeted: x.targeted,
        originTab: "Deals",
        originRow: 2,
        ...(x.currency ? { currency: x.currency } : {}),
      };
    });

const modelArb = fc
  .integer({ min: 1, max: 5 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      deals: fc
        .array(dealArb(n), { maxLength: 80 })
        .map((ds) => ds.map((d, i) => ({ ...d, id: `D${i}` }))),
      calls: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 120 }),
          rep: fc.constantFrom("Anna", "Boris", ""),
          dur: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
        }),
        { maxLength: 40 },
      ),
      sameSource: fc.boolean(),
      plan: fc.boolean(),
    }),
  )
  .map(({ n, deals, calls, sameSource, plan }): Model => {
    const stages = ["Lead", "Meeting", "Proposal", "Invoice", "Paid"].slice(0, n);
    const cs: Call[] = calls.map((c) => ({
      at: START + c.day * DAY,
      rep: c.rep,
      durationSec: c.dur,
      direction: null,
      result: "",
      dealId: "",
      source: "",
    }));
    const plans: PlanEntry[] = plan
      ? [
          {
            start: day("2026-02-01"),
            end: day("2026-03-01"),
            label: "Feb",
            metric: "sales",
            metricText: "sales",
            target: 5,
            rep: "",
          },
          {
            start: day("2026-03-01"),
            end: day("2026-04-01"),
            label: "Mar",
            metric: "calls",
            metricText: "calls",
            target: 9,
            rep: "Anna",
          },
        ]
      : [];
    return emptyModel({
      stages,
      deals,
      calls: cs,
      plans,
      stageSources:
        sameSource && n >= 2 ? stages.map((_, k) => (k >= n - 2 ? "T!9" : `T!${k}`)) : undefined,
    });
  });

const optionsArb = fc.record({
  lang: fc.constantFrom("en", "ru", "uk") as fc.Arbitrary<"en" | "ru" | "uk">,
  period: fc.constantFrom("week", "month") as fc.Arbitrary<"week" | "month">,
  topN: fc.integer({ min: 1, max: 4 }),
  today: fc.constantFrom(undefined, "2026-03-10", "2026-06-01"),
  cohortWindowDays: fc.constantFrom(undefined, 0, 10),
});

function blocks(plan: ReportPlan): Block[] {
  return plan.sheets.flatMap((s) => s.blocks);
}

function find(plan: ReportPlan, id: string): Block | undefined {
  return blocks(plan).find((b) => b.id === id);
}

describe("the plan on random models", () => {
  it("no conversion or share anywhere exceeds 100%", () => {
    fc.assert(
      fc.property(modelArb, optionsArb, (m, o) => {
        const plan = planReport(m, o);
        const notShares = new Set([t(o.lang, "pctPlan"), t(o.lang, "relChange")]);
        for (const b of blocks(plan)) {
          b.formats.forEach((f, c) => {
            if (f !== "percent" || notShares.has(b.header[c])) return;
            for (const r of b.rows) {
              const v = r[c];
              if (typeof v === "number") {
                expect(v, `${b.id} ${b.header[c]}`).toBeLessThanOrEqual(1 + 1e-9);
                expect(v, `${b.id} ${b.header[c]}`).toBeGreaterThanOrEqual(0);
              }
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("every breakdown block adds up to the funnel, with a total row", () => {
    fc.assert(
      fc.property(modelArb, optionsArb, (m, o) => {
        const plan = planReport(m, o);
        const funnel = find(plan, "funnel.byStage");
        if (!funnel) return;
        const counts = funnel.rows.map((r) => r[1] as number);
        for (const id of ["funnel.byPeriod", "funnel.byRep", "funnel.bySource"]) {
          const b = find(plan, id);
          if (!b) continue;
          const total = b.rows[b.rows.length - 1];
          expect(total[0]).toBe(t(o.lang, "total"));
          // Named groups: at most N, then "Other", the unnamed row and the total.
          if (id !== "funnel.byPeriod") expect(b.rows.length).toBeLessThanOrEqual(o.topN + 3);
          for (let k = 0; k < counts.length; k++) {
            const sum = b.rows.slice(0, -1).reduce((s, r) => s + (r[k + 1] as number), 0);
            expect(sum, `${id} column ${k}`).toBe(counts[k]);
            expect(total[k + 1]).toBe(counts[k]);
          }
        }
        // KPI per rep: at most N named reps, then "Other", the row without a rep and the team,
        // whose new leads are all the deals.
        const kpi = find(plan, "kpi.byRep");
        if (kpi) {
          expect(kpi.rows.length).toBeLessThanOrEqual(o.topN + 3);
          const leads = kpi.header.indexOf(t(o.lang, "leads"));
          if (leads > 0) {
            const sum = kpi.rows.slice(0, -1).reduce((s, r) => s + (r[leads] as number), 0);
            expect(sum).toBe(kpi.rows[kpi.rows.length - 1][leads]);
            expect(sum).toBe(m.deals.length);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("no two KPI columns hold the same numbers", () => {
    fc.assert(
      fc.property(modelArb, optionsArb, (m, o) => {
        const plan = planReport(m, o);
        const byRep = find(plan, "kpi.byRep");
        const byPeriod = find(plan, "kpi.byPeriod");
        if (!byRep) return;
        const cols = byRep.header.slice(1).map((h, i) => {
          const values = byRep.rows.map((r) => r[i + 1]);
          if (byPeriod) {
            const c = byPeriod.header.indexOf(h);
            values.push(...byPeriod.rows.map((r) => r[c]));
          }
          return JSON.stringify(values);
        });
        expect(new Set(cols).size, byRep.header.join("|")).toBe(cols.length);
      }),
      { numRuns: 150 },
    );
  });

  it("points are never formatted as percents", () => {
    expect(NUMBER_FORMATS.points).not.toContain("%");
    fc.assert(
      fc.property(modelArb, optionsArb, (m, o) => {
        const plan = planReport(m, o);
        for (const b of blocks(plan)) {
          b.header.forEach((h, c) => {
            if (/p\.p\.|п\. п\.|в\. п\./.test(h))
              expect(b.formats[c], `${b.id} ${h}`).toBe("points");
            if (b.formats[c] === "points") {
              for (const r of b.rows) {
                const v = r[c];
                if (typeof v === "number") expect(Math.abs(v)).toBeLessThanOrEqual(100 + 1e-9);
              }
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
