/**
 * The in-memory engine against the contract's rules (src/aggregates/types.ts), on hand-made
 * deals whose expected rows are written out here, and on generated models whose totals are
 * counted straight from the deals.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Histogram } from "../../src/aggregates/histogram";
import { aggregate } from "../../src/aggregates/memory";
import type { Aggregates } from "../../src/aggregates/types";
import { DAY, day, deal, emptyModel, generateModel } from "../report/fixtures";

const H = 3_600_000;
const d0 = (iso: string) => day(iso) / DAY;
const sum = <R>(rows: R[], f: (r: R) => number) => rows.reduce((s, r) => s + f(r), 0);

describe("aggregate: deals, entries, sales", () => {
  const stages = ["Lead", "Meeting", "Paid"];
  const model = emptyModel({
    stages,
    deals: [
      // Created, met two days later at 10:00, paid (closed) on the 10th.
      deal({
        id: "1",
        rep: "Anna",
        source: "Google",
        client: "ACME",
        created: day("2026-03-01"),
        stageDates: [day("2026-03-01"), day("2026-03-03") + 10 * H, null],
        reached: 2,
        status: "won",
        closed: day("2026-03-10"),
        amount: 1000.5,
        currency: "RUB",
      }),
      // No created date: its date is the first stage's; lost after the meeting.
      deal({
        id: "2",
        rep: "Anna",
        source: "Google",
        stageDates: [day("2026-03-05"), day("2026-03-06"), null],
        reached: 1,
        status: "lost",
        targeted: true,
      }),
      // The same client wins again later: repeat revenue.
      deal({
        id: "3",
        rep: "Boris",
        source: "",
        client: "acme ",
        created: day("2026-04-01"),
        stageDates: [day("2026-04-01"), null, day("2026-04-02")],
        reached: 2,
        status: "won",
        amount: 200,
        currency: "RUB",
      }),
      // No date at all.
      deal({ id: "4", rep: "", reached: 0 }),
    ],
    calls: [
      {
        at: day("2026-03-02") + 9 * H,
        rep: "Anna",
        durationSec: 75,
        direction: "out",
        result: "",
        dealId: "2",
        source: "",
      },
      {
        at: day("2026-03-02") + 11 * H,
        rep: "Anna",
        durationSec: 30,
        direction: "out",
        result: "",
        dealId: "",
        source: "",
      },
      {
        at: day("2026-03-02") + 12 * H,
        rep: "Anna",
        durationSec: null,
        direction: null,
        result: "",
        dealId: "",
        source: "Ads",
      },
    ],
  });
  const agg = aggregate(model);

  it("stages carry whether they are dated", () => {
    expect(agg.stages.map((s) => [s.stage, s.dated, s.sameSourceNext])).toEqual([
      ["Lead", true, false],
      ["Meeting", true, false],
      ["Paid", true, false],
    ]);
  });

  it("counts each deal once, by its own date (created, else first stage date)", () => {
    const rows = [...agg.deals].sort((a, b) => (a.day ?? -1) - (b.day ?? -1));
    expect(rows).toEqual([
      { day: null, rep: "", source: "", reached: 0, targeted: null, deals: 1 },
      {
        day: d0("2026-03-01"),
        rep: "Anna",
        source: "Google",
        reached: 2,
        targeted: null,
        deals: 1,
      },
      {
        day: d0("2026-03-05"),
        rep: "Anna",
        source: "Google",
        reached: 1,
        targeted: true,
        deals: 1,
      },
      { day: d0("2026-04-01"), rep: "Boris", source: "", reached: 2, targeted: null, deals: 1 },
    ]);
  });

  it("enters each reached stage on its date, else on the deal's date", () => {
    const paidEntries = agg.stageEntries.filter((r) => r.stage === 2);
    // Deal 1 has no Paid date: the deal's date; deal 3's Paid date is Apr 2.
    expect(paidEntries.map((r) => r.day).sort()).toEqual([d0("2026-03-01"), d0("2026-04-02")]);
    expect(sum(agg.stageEntries, (r) => r.entries)).toBe(3 + 2 + 3 + 1);
  });

  it("sells on the closed date, else the last stage date; repeat revenue by client name key", () => {
    const byDay = new Map(agg.sales.map((r) => [r.day, r]));
    const first = byDay.get(d0("2026-03-10"));
    const second = byDay.get(d0("2026-04-02"));
    expect(first).toMatchObject({
      sales: 1,
      revenue: 1000.5,
      amounts: 1,
      cents: true,
      repeatRevenue: 0,
    });
    expect(second).toMatchObject({ sales: 1, revenue: 200, cents: false, repeatRevenue: 200 });
    expect(agg.hasClient).toBe(true);
  });

  it("cycles: count and total hours by the sale day; spread by bucket and week part", () => {
    expect(agg.cycles.map((r) => [r.day, r.deals, r.totalHours]).sort()).toEqual(
      [
        [d0("2026-03-10"), 1, 9 * 24],
        [d0("2026-04-02"), 1, 24],
      ].sort(),
    );
    // Tue Mar 10 is in the week part from Mon Mar 9; Thu Apr 2 in the one from Wed Apr 1 (the
    // week of Mon Mar 30 is cut at the month's end). 216 h (9 days) is its own whole-day bucket.
    expect(
      agg.cycleSpread
        .map((r) => [r.day, r.fromHours, r.deals, r.minHours, r.maxHours, r.totalHours])
        .sort(),
    ).toEqual(
      [
        [d0("2026-03-09"), 216, 1, 216, 216, 216],
        [d0("2026-04-01"), 24, 1, 24, 24, 24],
      ].sort(),
    );
  });

  it("spans: won deals by the days from the deal's date to the sale, per week part", () => {
    expect(agg.spans.map((r) => [r.day, r.days, r.deals]).sort()).toEqual(
      [
        [d0("2026-03-01"), 9, 1],
        [d0("2026-04-01"), 1, 1],
      ].sort(),
    );
  });

  it("transitions between consecutive dated stages, by the later stage's day, in hours", () => {
    expect(agg.transitions.map((r) => [r.step, r.day, r.transitions, r.totalHours]).sort()).toEqual(
      [
        [0, d0("2026-03-03"), 1, 58],
        [0, d0("2026-03-06"), 1, 24],
      ].sort(),
    );
    // Both in the week part from Mon Mar 2; 58 h in the bucket 56–59.
    expect(
      agg.transitionSpread.map((r) => [
        r.step,
        r.day,
        r.fromHours,
        r.transitions,
        r.minHours,
        r.totalHours,
      ]),
    ).toEqual([
      [0, d0("2026-03-02"), 24, 1, 24, 24],
      [0, d0("2026-03-02"), 56, 1, 58, 58],
    ]);
  });

  it("cohort windows: the smallest W within which each stage counts", () => {
    const of = (dayIso: string, stage: number) =>
      agg.cohorts.filter((r) => r.day === d0(dayIso) && r.stage === stage).map((r) => r.withinDays);
    // Deal 1: Lead day 0, Meeting day 2, Paid undated but reached → so far only.
    expect(of("2026-03-01", 0)).toEqual([0]);
    expect(of("2026-03-01", 1)).toEqual([2]);
    expect(of("2026-03-01", 2)).toEqual([null]);
    // Deal 3: Paid on day 1 also passes the undated Meeting within 1 day.
    expect(of("2026-04-01", 1)).toEqual([1]);
    // The undated deal is in no cohort.
    expect(agg.cohorts.some((r) => r.rep === "" && r.source === "")).toBe(false);
  });

  it("rep days: calls, long calls, talk time; a call's source from its deal", () => {
    const rows = agg.repDays
      .map((r) => ({ ...r }))
      .sort((a, b) => a.source.localeCompare(b.source));
    expect(rows).toEqual([
      {
        day: d0("2026-03-02"),
        rep: "Anna",
        source: "",
        calls: 1,
        longCalls: 0,
        talkSeconds: 30,
        timedCalls: 1,
      },
      {
        day: d0("2026-03-02"),
        rep: "Anna",
        source: "Ads",
        calls: 1,
        longCalls: 0,
        talkSeconds: 0,
        timedCalls: 0,
      },
      {
        day: d0("2026-03-02"),
        rep: "Anna",
        source: "Google",
        calls: 1,
        longCalls: 1,
        talkSeconds: 75,
        timedCalls: 1,
      },
    ]);
    expect(aggregate(model, 20).repDays.reduce((s, r) => s + r.longCalls, 0)).toBe(2);
  });

  it("no transition between two stages dated by one source column", () => {
    const same = aggregate({ ...model, stageSources: ["Deals!2", "Deals!3", "Deals!3"] });
    expect(same.stages.map((s) => s.sameSourceNext)).toEqual([false, true, false]);
    expect(same.transitions.every((r) => r.step !== 1)).toBe(true);
  });
});

describe("aggregate: totals equal counts over the deals (generated models)", () => {
  it("holds for every seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const m = generateModel({ deals: 150, seed, callsPerDeal: 2 });
        const agg: Aggregates = aggregate(m);
        expect(sum(agg.deals, (r) => r.deals)).toBe(m.deals.length);
        const reachedSum = m.deals.reduce(
          (s, d) => s + Math.max(0, Math.min(d.reached, m.stages.length - 1) + 1),
          0,
        );
        expect(sum(agg.stageEntries, (r) => r.entries)).toBe(reachedSum);
        const won = m.deals.filter((d) => d.status === "won");
        expect(sum(agg.sales, (r) => r.sales)).toBe(won.length);
        expect(sum(agg.sales, (r) => r.revenue)).toBeCloseTo(
          won.reduce((s, d) => s + (d.amount ?? 0), 0),
          6,
        );
        expect(sum(agg.repDays, (r) => r.calls)).toBe(m.calls.length);
        // The spreads' counts and whole hours add up to the exact totals (no typo'd years here),
        // and every bucket's total lies between count × shortest and count × longest.
        const spreads = [
          {
            buckets: agg.transitionSpread.map(
              ({ minHours, maxHours, totalHours, transitions: n }) => ({
                minHours,
                maxHours,
                totalHours,
                n,
              }),
            ),
            total: sum(agg.transitions, (r) => r.totalHours),
          },
          {
            buckets: agg.cycleSpread.map(({ minHours, maxHours, totalHours, deals: n }) => ({
              minHours,
              maxHours,
              totalHours,
              n,
            })),
            total: sum(agg.cycles, (r) => r.totalHours),
          },
        ];
        for (const { buckets, total } of spreads) {
          expect(sum(buckets, (r) => r.totalHours ?? Number.NaN)).toBe(total);
          for (const r of buckets) {
            expect(r.totalHours).toBeGreaterThanOrEqual(r.n * r.minHours);
            expect(r.totalHours).toBeLessThanOrEqual(r.n * r.maxHours);
          }
        }
        expect(sum(agg.transitionSpread, (r) => r.transitions)).toBe(
          sum(agg.transitions, (r) => r.transitions),
        );
        // Cohort rows never rise down the funnel for any window.
        for (const w of [0, 7, 30]) {
          const at = (k: number) =>
            sum(
              agg.cohorts.filter(
                (r) => r.stage === k && r.withinDays !== null && r.withinDays <= w,
              ),
              (r) => r.deals,
            );
          for (let k = 1; k < m.stages.length; k++) expect(at(k)).toBeLessThanOrEqual(at(k - 1));
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe("Histogram", () => {
  it("counts each (key, value) pair, values clamped to its range, in key then value order", () => {
    const h = new Histogram();
    const pairs: [number, number][] = [];
    for (let i = 0; i < 3000; i++) pairs.push([i % 7, ((i * 13) % 11) - 5]);
    for (const [k, v] of pairs) h.add(k, v);
    h.add(3, -5_000_000);
    const expected = new Map<string, number>();
    for (const [k, v] of pairs) expected.set(`${k}|${v}`, (expected.get(`${k}|${v}`) ?? 0) + 1);
    const got = new Map<string, number>();
    const order: [number, number][] = [];
    h.forEach((k, v, c) => {
      if (v >= -5) got.set(`${k}|${v}`, c);
      else expect([k, v, c]).toEqual([3, -(1 << 20), 1]);
      order.push([k, v]);
    });
    expect(got).toEqual(expected);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order).toEqual(sorted);
  });
});

describe("planReportFrom: the engine's long-call threshold is the one the sheets name", () => {
  it("labels KPI long calls with the aggregates' threshold, not the option", async () => {
    const { planReportFrom } = await import("../../src/report/plan");
    const m = generateModel({ deals: 60, seed: 3, callsPerDeal: 3 });
    const plan = planReportFrom(aggregate(m, 90), m, {
      lang: "en",
      period: "month",
      longCallSeconds: 60,
    });
    const headers = plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.header));
    expect(headers.some((h) => /90/.test(h) && /call/i.test(h))).toBe(true);
    expect(headers.some((h) => /\b60\b/.test(h) && /call/i.test(h))).toBe(false);
  });
});
