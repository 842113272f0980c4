/**
 * addTeam (src/generate/team.ts) on a log as large as a scaled-up workbook's: every booking and
 * confirmation lands in the stage log, in date order (a spread of the whole log into push() once
 * overflowed the stack from about 125,000 entries: generateWorkbook at scale 3).
 */
import { describe, expect, it } from "vitest";
import type { GenDeal } from "../../src/generate/deals";
import { addTeam } from "../../src/generate/team";

describe("addTeam on a large log", () => {
  it("adds a booked and a confirmed entry per held meeting, the log in date order", () => {
    const n = 100_000;
    const day = Date.UTC(2026, 0, 5);
    const deals: GenDeal[] = Array.from({ length: n }, (_, i) => ({
      id: `D${i}`,
      rep: i % 4,
      source: 0,
      client: "",
      created: day + i * 60_000,
      dates: [day + i * 60_000, day + i * 60_000 + 3 * 86_400_000],
      status: "open",
      closed: null,
      amount: 0,
      cost: 0,
      targeted: true,
    }));
    const dealRows: unknown[][] = [["id"], ...deals.map((d) => [d.id])];
    const logRows: unknown[][] = [["id", "stage", "date", "rep", "source", "amount"]];
    addTeam(1, "en", ["A", "B", "C", "D"], deals, dealRows, logRows, [], "Meeting set", ["Ads"]);
    expect(logRows.length).toBe(1 + 2 * n);
    const times = logRows.slice(1).map((r) => (r[2] as Date).getTime());
    expect(times.every((t, i) => i === 0 || (times[i - 1] as number) <= t)).toBe(true);
  });
});
