/**
 * The report on the Maven CRM export, sheet by sheet, against figures computed here by an
 * independent route: a plain split of the CSV lines (the file has no quoted fields) and a few
 * lines of date arithmetic, never our model or metric code.
 */
import { existsSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/model/index";
import { planReport } from "../../src/report/plan";
import type { Block, ReportPlan } from "../../src/report/types";

const CSV = new URL("../../../shared/datasets/maven-crm/sales_pipeline.csv", import.meta.url);
const present = existsSync(CSV);
const DAY = 86_400_000;

interface Row {
  agent: string;
  stage: string;
  engage: number | null;
  close: number | null;
  value: number | null;
}

function independent(): Row[] {
  const lines = readFileSync(CSV, "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((l) => {
    const c = l.split(",");
    const date = (s: string) => (s ? Date.parse(`${s}T00:00:00Z`) / DAY : null);
    return {
      agent: c[1],
      stage: c[4],
      engage: date(c[5]),
      close: date(c[6]),
      value: c[7] ? Number(c[7]) : null,
    };
  });
}

function plan(period: "month" | "week", lang: "en" | "ru" = "en"): ReportPlan {
  const values = Papa.parse<string[]>(readFileSync(CSV, "utf8"), { skipEmptyLines: true }).data;
  const { model } = buildModel([{ name: "sales_pipeline", values }], { timeZone: "UTC" });
  return planReport(model, { lang, period, today: "2026-11-30" });
}

function block(p: ReportPlan, id: string): Block {
  const b = p.sheets.flatMap((s) => s.blocks).find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}

/** 80th percentile by linear interpolation (PERCENTILE.INC), rounded up to whole days. */
function p80(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * 0.8;
  const lo = Math.floor(h);
  return Math.ceil(s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

describe.skipIf(!present)("Maven export: the report by value", () => {
  const rows = present ? independent() : [];
  const month = present ? plan("month") : (null as unknown as ReportPlan);

  it("Funnel: 8,800 → 8,300 → 6,711 → 4,238, and every breakdown adds up with its own no-date row", () => {
    const engaged = rows.filter((r) => r.engage !== null).length;
    const closed = rows.filter((r) => r.close !== null).length;
    const won = rows.filter((r) => r.stage === "Won").length;
    expect(block(month, "funnel.byStage").rows.map((r) => r[1])).toEqual([
      rows.length,
      engaged,
      closed,
      won,
    ]);
    const byPeriod = block(month, "funnel.byPeriod");
    const noDate = byPeriod.rows.find((r) => r[0] === "(no date)");
    expect(noDate?.slice(1, 5)).toEqual([rows.length - engaged, 0, 0, 0]);
    expect(byPeriod.rows[byPeriod.rows.length - 1].slice(0, 5)).toEqual([
      "Total",
      rows.length,
      engaged,
      closed,
      won,
    ]);
    // One month by hand: deals engaged in March 2017.
    const mar = rows.filter(
      (r) => r.engage !== null && new Date(r.engage * DAY).toISOString().startsWith("2017-03"),
    );
    expect(byPeriod.rows.find((r) => r[0] === "Mar 2017")?.slice(1, 5)).toEqual([
      mar.length,
      mar.length,
      mar.filter((r) => r.close !== null).length,
      mar.filter((r) => r.stage === "Won").length,
    ]);
  });

  it("KPI: sales and revenue per agent; no column repeating another", () => {
    const b = block(month, "kpi.byRep");
    expect(b.header).toContain("New leads");
    expect(b.header).toContain("Sales");
    // "Opportunity" repeats "New leads", "Won" repeats "Sales".
    expect(b.header).not.toContain("Opportunity");
    expect(b.header).not.toContain("Won");
    const sales = b.header.indexOf("Sales");
    const revenue = b.header.indexOf("Revenue");
    const agents = [...new Set(rows.map((r) => r.agent))];
    for (const a of agents) {
      const won = rows.filter((r) => r.agent === a && r.stage === "Won");
      const row = b.rows.find((r) => r[0] === a);
      expect(row?.[sales], a).toBe(won.length);
      expect(row?.[revenue], a).toBe(won.reduce((s, r) => s + (r.value ?? 0), 0));
    }
    expect(b.formats[revenue]).toBe("money");
    // The data ended in 2017: no forecast for 2026's month.
    expect(month.sheets.flatMap((s) => s.blocks).map((x) => x.id)).not.toContain("kpi.forecast");
  });

  it("Velocity: engage → close only (Closed and Won share close_date: no 0-day transition)", () => {
    const b = block(month, "velocity.byTransition");
    const spans = rows
      .filter((r) => r.engage !== null && r.close !== null)
      .map((r) => (r.close as number) - (r.engage as number));
    expect(b.rows.map((r) => r[0])).toEqual(["Engaged → Closed"]);
    expect(b.rows[0][1]).toBe(spans.length);
    expect(b.rows[0][2]).toBeCloseTo(spans.reduce((s, x) => s + x, 0) / spans.length, 3);
    const trend = block(month, "velocity.trend");
    // Goals come from the month before: a month's goal is 80% of the previous funnel time.
    for (let i = 1; i < trend.rows.length; i++) {
      const before = trend.rows[i - 1][2] as number | null;
      const goal = trend.rows[i][3] as number | null;
      if (before === null) expect(goal).toBeNull();
      else expect(goal).toBeCloseTo(before * 0.8, 3);
    }
  });

  for (const period of ["month", "week"] as const) {
    it(`Changes by ${period}: cohorts by engage date, window from won deals, the two latest mature periods`, () => {
      const p = period === "month" ? month : plan("week");
      const b = block(p, "changes.byStage");
      const w = p80(
        rows
          .filter((r) => r.stage === "Won" && r.engage !== null && r.close !== null)
          .map((r) => (r.close as number) - (r.engage as number)),
      );
      const last = Math.max(...rows.map((r) => Math.max(r.close ?? 0, r.engage ?? 0)));
      // Periods: calendar months, or ISO weeks from Monday.
      const startOf = (d: number) => {
        if (period === "week") return d - ((new Date(d * DAY).getUTCDay() + 6) % 7);
        const x = new Date(d * DAY);
        return Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), 1) / DAY;
      };
      const endOf = (s: number) => {
        if (period === "week") return s + 7;
        const x = new Date(s * DAY);
        return Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 1) / DAY;
      };
      const starts = [
        ...new Set(rows.filter((r) => r.engage !== null).map((r) => startOf(r.engage as number))),
      ].sort((a, b) => a - b);
      const mature = starts.filter((s) => endOf(s) - 1 + w <= last);
      const [prev, lastP] = mature.slice(-2);
      const cohort = (s: number) =>
        rows.filter((r) => r.engage !== null && startOf(r.engage) === s);
      const within = (r: Row) =>
        r.close !== null && (r.close as number) - (r.engage as number) <= w;
      for (const [col, s] of [
        [1, prev],
        [2, lastP],
      ] as const) {
        const c = cohort(s);
        expect(b.rows.map((r) => r[col])).toEqual([
          c.length,
          c.length,
          c.filter(within).length,
          c.filter((r) => r.stage === "Won" && within(r)).length,
        ]);
      }
      expect(b.note).toContain(`within ${w} days`);
      expect(b.note).toContain("Deals with no date: 500");
      expect(b.note).toContain("Later periods");
      if (period === "month") {
        const label = (s: number) =>
          `${MONTHS[new Date(s * DAY).getUTCMonth()]} ${new Date(s * DAY).getUTCFullYear()}`;
        expect(b.title).toBe(`Cohorts compared: ${label(lastP)} against ${label(prev)}`);
      }
      // Conversions never above 100%; the change in points is formatted as points.
      for (const r of b.rows)
        for (const c of [3, 4]) if (typeof r[c] === "number") expect(r[c]).toBeLessThanOrEqual(1);
      expect(b.formats[5]).toBe("points");
      // Checks name only stages the funnel has (no "confirmations" here).
      const checks = p.sheets.flatMap((s) => s.blocks).find((x) => x.id === "changes.checks");
      for (const r of checks?.rows ?? []) {
        expect(String(r[0])).not.toMatch(/onfirm/);
        for (const m of String(r[0]).matchAll(/“([^”]+)”/g))
          expect(["Opportunity", "Engaged", "Closed", "Won"]).toContain(m[1]);
      }
    });
  }
});
