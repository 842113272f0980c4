/**
 * The real export of SPEC §3 (datasets/maven-crm/sales_pipeline.csv) passed as Sheets would:
 * ranges are 2D arrays of column cells, dates either as text or as Dates of the spreadsheet's zone.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { call, zonedDate } from "./helpers";

const CSV = join(
  __dirname,
  "..",
  "..",
  "..",
  "shared",
  "datasets",
  "maven-crm",
  "sales_pipeline.csv",
);
const rows = Papa.parse<string[]>(readFileSync(CSV, "utf8"), { skipEmptyLines: true }).data;
const header = rows[0];
const body = rows.slice(1);
const idx = (name: string) => header.indexOf(name);
/** A column as a Sheets range (n×1). */
const column = (name: string) => body.map((r) => [r[idx(name)] ?? ""]);

/** Dates as Sheets hands them: midnight in the spreadsheet's zone; blanks stay "". */
function asDates(range: unknown[][], timeZone: string): unknown[][] {
  return range.map(([v]) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(v));
    return [m ? zonedDate(timeZone, +m[1], +m[2], +m[3]) : ""];
  });
}

const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe("Maven CRM sales_pipeline.csv", () => {
  const engage = column("engage_date");
  const close = column("close_date");
  const stage = column("deal_stage");
  const ids = column("opportunity_id");

  it("has the shape SPEC §3 describes", () => {
    expect(body.length).toBe(8800);
    expect(header).toEqual([
      "opportunity_id",
      "sales_agent",
      "product",
      "account",
      "deal_stage",
      "engage_date",
      "close_date",
      "close_value",
    ]);
  });

  it("CONVERSION engaged → closed (marks form), from text and from Dates", () => {
    let engaged = 0;
    let closed = 0;
    for (let i = 0; i < body.length; i++) {
      if (engage[i][0] === "") continue;
      engaged++;
      if (close[i][0] !== "") closed++;
    }
    expect(engaged).toBeGreaterThan(7000);
    const expected = closed / engaged;
    expect(call("CONVERSION", [engage, close])).toBeCloseTo(expected, 12);
    const tz = "America/New_York";
    expect(
      call("CONVERSION", [asDates(engage, tz), asDates(close, tz)], { timeZone: tz }),
    ).toBeCloseTo(expected, 12);
    // Won among closed: the close_value column marks every closed deal (0 for lost), so use stage.
    const won = stage.map(([s]) => [s === "Won" ? true : ""]);
    const wonShare = call("CONVERSION", [close, won]) as number;
    expect(wonShare).toBeGreaterThan(0.5);
    expect(wonShare).toBeLessThan(0.7);
  });

  it("STAGE_VELOCITY engage → close equals a direct computation, in any zone", () => {
    const xs: number[] = [];
    for (let i = 0; i < body.length; i++) {
      const a = engage[i][0] as string;
      const b = close[i][0] as string;
      if (a && b && b >= a) xs.push(days(a, b));
    }
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sorted = [...xs].sort((x, y) => x - y);
    const median = (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
    expect(call("STAGE_VELOCITY", [engage, close])).toBeCloseTo(mean, 9);
    expect(call("STAGE_VELOCITY", [engage, close, "median"])).toBe(median);
    expect(call("STAGE_VELOCITY", [engage, close, "count"])).toBe(xs.length);
    for (const tz of ["Europe/Berlin", "America/New_York", "Australia/Sydney"]) {
      // Whole days across every DST change in 2016–2017.
      const e = asDates(engage, tz);
      const c = asDates(close, tz);
      expect(call("STAGE_VELOCITY", [e, c], { timeZone: tz })).toBeCloseTo(mean, 9);
      expect(call("STAGE_VELOCITY", [e, c, "max"], { timeZone: tz })).toBe(
        sorted[sorted.length - 1],
      );
    }
  });

  it("FUNNEL of deal_stage with an order (events and reached-by-id)", () => {
    const order = [["Prospecting"], ["Engaging"], ["Won"]];
    const counts: Record<string, number> = {};
    for (const [s] of stage) counts[s as string] = (counts[s as string] ?? 0) + 1;
    const events = call("FUNNEL", [stage, order]) as unknown[][];
    expect(events[0]).toEqual(["Stage", "Count", "Step conversion", "Overall conversion"]);
    expect(events.slice(1).map((r) => r[1])).toEqual([
      counts.Prospecting,
      counts.Engaging,
      counts.Won,
    ]);
    const reached = call("FUNNEL", [
      stage,
      [["prospecting "], ["ENGAGING"], ["won"]],
      ids,
    ]) as unknown[][];
    const won = counts.Won;
    expect(reached.slice(1).map((r) => r[1])).toEqual([
      counts.Prospecting + counts.Engaging + won,
      counts.Engaging + won,
      won,
    ]);
    expect(reached[3][3]).toBeCloseTo(won / (counts.Prospecting + counts.Engaging + won), 12);
  });

  it("REQUIRED_CALLS on the dataset's own rates", () => {
    const engageRate = call("CONVERSION", [ids, engage]) as number;
    const closeRate = call("CONVERSION", [engage, close]) as number;
    const r = call("REQUIRED_CALLS", [100, [[engageRate], [closeRate]]]);
    expect(r).toBe(Math.ceil(100 / (engageRate * closeRate) - 1e-9));
  });
});
