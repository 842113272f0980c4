import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { buildModel, detectTab } from "../../src/model/index";
import type { Model, RawTab } from "../../src/model/types";

const CSV = "/work/shared/datasets/maven-crm/sales_pipeline.csv";
const FALLBACK = new URL("../../../shared/datasets/maven-crm/sales_pipeline.csv", import.meta.url);

function load(): string[][] {
  let text: string;
  try {
    text = readFileSync(CSV, "utf8");
  } catch {
    text = readFileSync(FALLBACK, "utf8");
  }
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

function reachedCounts(m: Model): number[] {
  const out = m.stages.map(() => 0);
  for (const d of m.deals) for (let k = 0; k <= d.reached; k++) out[k]++;
  return out;
}

function check(tab: RawTab): void {
  const d = detectTab(tab);
  expect(d?.kind).toBe("deals");
  const { model } = buildModel([tab], { timeZone: "UTC" });
  expect(model.stages).toEqual(["Opportunity", "Engaged", "Closed", "Won"]);
  expect(model.deals).toHaveLength(8800);
  expect(reachedCounts(model)).toEqual([8800, 8300, 6711, 4238]);
  expect(model.deals.filter((x) => x.status === "won")).toHaveLength(4238);
  expect(model.deals.filter((x) => x.status === "lost")).toHaveLength(6711 - 4238);
  expect(model.issues).toEqual([]);
  const first = model.deals[0];
  expect(first).toMatchObject({
    id: "1C1I7A6R",
    rep: "Moses Frase",
    client: "Cancity",
    amount: 1054,
  });
  expect(first.stageDates[1]).toBe(Date.UTC(2016, 9, 20));
  expect(first.closed).toBe(Date.UTC(2017, 2, 1));
}

describe("Maven CRM export as it is", () => {
  const rows = load();

  it("as strings (a CSV pasted into Sheets as text)", () => {
    check({ name: "sales_pipeline", values: rows });
  });

  it("with Dates and numbers (as Sheets would parse it)", () => {
    const typed = rows.map((r, i) =>
      i === 0
        ? r
        : r.map((v, c) =>
            (c === 5 || c === 6) && v ? new Date(`${v}T00:00:00Z`) : c === 7 && v ? Number(v) : v,
          ),
    );
    check({ name: "sales_pipeline", values: typed });
  });
});
