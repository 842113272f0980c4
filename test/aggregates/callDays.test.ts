/**
 * A calls summary tab (a telephony dashboard's rep-days) reaches the aggregates exactly as the
 * calls it summarises would: the summary is counted here from the call rows in a few lines.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregates/memory";
import { buildModel } from "../../src/model/index";
import type { RawTab } from "../../src/model/types";
import { sortedAggregates } from "../support/aggregateTabs";

const REPS = ["Ann", "Bob", "Олена"];

/** The calls, and their summary per rep and day counted here by hand. */
function tabsFor(calls: { day: number; rep: number; seconds: number }[]): {
  log: RawTab;
  summary: RawTab;
} {
  const iso = (d: number) => `2024-03-${String(d).padStart(2, "0")}`;
  const log: RawTab = {
    name: "Calls",
    values: [
      ["Date", "Rep", "Duration", "Direction"],
      ...calls.map((c) => [`${iso(c.day)} 10:00`, REPS[c.rep], c.seconds, "out"]),
    ],
  };
  const byKey = new Map<string, [string, string, number, number, number]>();
  for (const c of calls) {
    const k = `${c.day}|${c.rep}`;
    const row = byKey.get(k) ?? [iso(c.day), REPS[c.rep] as string, 0, 0, 0];
    row[2]++;
    if (c.seconds >= 60) row[3]++;
    row[4] += c.seconds;
    byKey.set(k, row);
  }
  const summary: RawTab = {
    name: "Dashboard",
    values: [
      ["Day", "Operator", "Total calls", "Calls ≥ 60 s", "Talk time, min"],
      // Minutes as text with a decimal comma, as a Russian-locale export writes them.
      ...[...byKey.values()].map(([d, rep, n, long, sec]) => [
        d,
        rep,
        n,
        long,
        String(sec / 60).replace(".", ","),
      ]),
    ],
  };
  return { log, summary };
}

const callsArb = fc.array(
  fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    rep: fc.integer({ min: 0, max: 2 }),
    // Whole minutes' worth or a few seconds: minutes as text stay exact.
    seconds: fc.constantFrom(0, 30, 60, 90, 120, 600, 3600),
  }),
  { minLength: 1, maxLength: 40 },
);

describe("calls summary → aggregates", () => {
  it("gives the same rep-days as the calls it summarises", () => {
    fc.assert(
      fc.property(callsArb, (calls) => {
        const { log, summary } = tabsFor(calls);
        const fromLog = buildModel([log], { timeZone: "UTC" }).model;
        const fromSummary = buildModel([summary], { timeZone: "UTC" }).model;
        expect(fromSummary.issues).toEqual([]);
        expect(fromSummary.calls).toEqual([]);
        expect(fromSummary.callDays?.length).toBeGreaterThan(0);
        expect(sortedAggregates(aggregate(fromSummary)).repDays).toEqual(
          sortedAggregates(aggregate(fromLog)).repDays,
        );
      }),
      { numRuns: 40 },
    );
  });

  it("adds to the calls of the same rep and day", () => {
    const { log, summary } = tabsFor([
      { day: 4, rep: 0, seconds: 90 },
      { day: 4, rep: 0, seconds: 30 },
    ]);
    const agg = aggregate(buildModel([log, summary], { timeZone: "UTC" }).model);
    expect(agg.repDays).toEqual([
      {
        day: Date.UTC(2024, 2, 4) / 86_400_000,
        rep: "Ann",
        source: "",
        calls: 4,
        longCalls: 2,
        talkSeconds: 240,
        timedCalls: 4,
      },
    ]);
  });

  it("without talk time, its calls count as untimed; unreadable counts are named", () => {
    const tab: RawTab = {
      name: "Calls per day",
      values: [
        ["Date", "Rep", "Calls"],
        ["2024-03-04", "Ann", 12],
        ["2024-03-04", "Bob", "twelve"],
        ["2024-03-04", "", 3],
        ["2024-03-05", "Bob", -1],
        ...[6, 7, 8, 9, 10, 11, 12, 13].map((d) => [`2024-03-${d}`, "Cy", 1]),
      ],
    };
    const { model } = buildModel([tab], { timeZone: "UTC" });
    expect(model.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [3, 3, "badNumber"],
      [4, 2, "missingRequired"],
      [5, 3, "badNumber"],
    ]);
    expect(aggregate(model).repDays[0]).toEqual(
      expect.objectContaining({
        rep: "Ann",
        calls: 12,
        longCalls: 0,
        talkSeconds: 0,
        timedCalls: 0,
      }),
    );
  });
});
