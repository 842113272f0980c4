/**
 * The report agrees with the custom functions' core over the same data (Maven export):
 * CONVERSION (marks form) against the Funnel's step conversion, and the velocity statistics
 * against the Velocity sheet.
 */
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { applyStatistic } from "../../src/core/metrics/velocity";
import { conversion } from "../../src/functions/conversion";
import { DEFAULT_CONTEXT } from "../../src/functions/errors";
import { buildModel } from "../../src/model/index";
import { planReport } from "../../src/report/plan";
import type { Block, ReportPlan } from "../../src/report/types";

const values = Papa.parse<string[]>(
  readFileSync("/work/shared/datasets/maven-crm/sales_pipeline.csv", "utf8"),
  { skipEmptyLines: true },
).data;
const rows = values.slice(1);
const { model } = buildModel([{ name: "sales_pipeline", values }], { timeZone: "UTC" });
const plan = planReport(model, { lang: "en", period: "month" });

function block(p: ReportPlan, id: string): Block {
  for (const s of p.sheets) for (const b of s.blocks) if (b.id === id) return b;
  throw new Error(`no block ${id}`);
}

describe("report vs custom functions (Maven export)", () => {
  it("Funnel step conversion engaged → closed = CONVERSION(engage_date, close_date)", () => {
    const engage = rows.map((r) => [r[5]]);
    const close = rows.map((r) => [r[6]]);
    const expected = conversion(engage, close, DEFAULT_CONTEXT) as number;
    const funnel = block(plan, "funnel.byStage");
    expect(funnel.rows[2][2] as number).toBeCloseTo(expected, 9);
  });

  it("Velocity engaged → closed = the velocity core's average, median and p90", () => {
    const days: number[] = [];
    for (const r of rows) {
      if (!r[5] || !r[6]) continue;
      const d = (Date.parse(r[6]) - Date.parse(r[5])) / 86_400_000;
      if (d >= 0) days.push(d);
    }
    const v = block(plan, "velocity.byTransition");
    const row = v.rows[0];
    expect(row[1]).toBe(days.length);
    expect(row[2] as number).toBeCloseTo(applyStatistic({ kind: "average" }, days) as number, 3);
    expect(row[3]).toBe(applyStatistic({ kind: "median" }, days));
    expect(row[4]).toBe(applyStatistic({ kind: "quantile", p: 0.9 }, days));
  });
});
