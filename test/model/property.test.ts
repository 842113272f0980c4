import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildModel,
  detectTab,
  detectTabs,
  mappingFromRows,
  mappingToRows,
} from "../../src/model/index";

const HEADERS = [
  "Date",
  "Rep",
  "Deal ID",
  "Stage",
  "Дата",
  "Менеджер",
  "Этап",
  "Сумма",
  "Minutes",
  "Category",
  "Period",
  "Metric",
  "Target",
  "Status",
  "Won",
  "",
];
const cell = fc.oneof(
  fc.constantFrom(...HEADERS),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date(),
  fc.constantFrom("2026-03-01", "31.02.2026", "1:15", "-5", "1 200,5", "Won", "Отказ", "да"),
);
const grid = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 25 });

describe("never throws on arbitrary grids", () => {
  it("detectTab / detectTabs", () => {
    fc.assert(
      fc.property(fc.string(), grid, (name, values) => {
        detectTab({ name, values });
        detectTabs([
          { name, values },
          { name: "b", values },
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it("buildModel, with and without a mapping", () => {
    fc.assert(
      fc.property(
        grid,
        grid,
        fc.constantFrom("UTC", "Europe/Moscow", "Nowhere/Zone"),
        (a, b, tz) => {
          const r = buildModel(
            [
              { name: "A", values: a },
              { name: "B", values: b },
            ],
            { timeZone: tz },
          );
          for (const d of r.model.deals) {
            expect(d.stageDates).toHaveLength(r.model.stages.length);
            expect(d.reached).toBeLessThan(r.model.stages.length);
          }
          for (const c of r.model.calls) expect(Number.isFinite(c.at)).toBe(true);
          const again = buildModel([{ name: "A", values: b }], {
            timeZone: tz,
            mapping: mappingFromRows(mappingToRows(r.mapping)) ?? undefined,
          });
          expect(again.model).toBeTruthy();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("buildModel with arbitrary mappings (hand-edited settings)", () => {
    const kind = fc.constantFrom(
      "calls",
      "deals",
      "stageLog",
      "timeLog",
      "plan",
      "checklist",
      "bogus",
      null,
    );
    const tabMap = fc.record({
      name: fc.constantFrom("A", "B"),
      kind,
      headerRow: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.string()),
      columns: fc.dictionary(
        fc.constantFrom(
          "id",
          "date",
          "rep",
          "stage",
          "amount",
          "minutes",
          "period",
          "metric",
          "target",
          "category",
          "closed",
        ),
        fc.oneof(fc.integer({ min: -1, max: 12 }), fc.string()),
      ),
      stageColumns: fc.array(
        fc.record({ stage: fc.string(), column: fc.integer({ min: 0, max: 12 }) }),
      ),
      criteria: fc.array(fc.record({ name: fc.string(), column: fc.integer({ min: 0, max: 12 }) })),
      entryStage: fc.string(),
      headers: fc.dictionary(
        fc.string(),
        fc.record({ column: fc.integer({ min: 0, max: 12 }), text: fc.string() }),
      ),
    });
    const mapping = fc.oneof(
      fc.anything(),
      fc.record({
        version: fc.anything(),
        stages: fc.array(fc.string()),
        tabs: fc.array(tabMap, { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(grid, mapping, (a, m) => {
        const r = buildModel([{ name: "A", values: a }], { timeZone: "UTC", mapping: m as never });
        for (const d of r.model.deals) expect(d.stageDates).toHaveLength(r.model.stages.length);
        mappingFromRows(mappingToRows(r.mapping));
      }),
      { numRuns: 300 },
    );
  });

  it("junk arguments", () => {
    expect(() => buildModel(null as never, { timeZone: "UTC" })).not.toThrow();
    expect(() =>
      buildModel([{ name: "x", values: [1, "a", null] as never }], { timeZone: "UTC" }),
    ).not.toThrow();
    expect(detectTab(null as never)).toBeNull();
  });
});
