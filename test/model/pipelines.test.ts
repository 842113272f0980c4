/**
 * One funnel is one pipeline (model/build/pipelineChoice.ts): a pipeline column or Bitrix24's
 * C<n>: stage prefix; the report is for the pipeline asked for, else the one with the most deals.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitrixPipelineOf } from "../../src/model/build/pipelineChoice";
import { ladderRank } from "../../src/model/headers";
import { buildModel, detectTab } from "../../src/model/index";
import type { Model } from "../../src/model/types";
import { stageCounts, statusCounts } from "../support/modelFigures";
import { onlySales, withStageLog } from "../support/pipelineTabs";

const build = (values: unknown[][], pipeline?: string) =>
  buildModel([{ name: "Deals", values }], { timeZone: "UTC", pipeline: pipeline ?? null }).model;

/** What a funnel shows: stages, counts per stage, statuses, revenue, each deal's stage dates. */
function figures(m: Model) {
  return {
    stages: m.stages,
    counts: stageCounts(m),
    statuses: statusCounts(m),
    revenue: m.deals.reduce((s, d) => s + (d.status === "won" ? (d.amount ?? 0) : 0), 0),
    deals: m.deals.map((d) => [d.id, d.reached, d.status, d.created, d.stageDates]),
  };
}

const SALES = ["Lead", "Qualified", "Proposal", "Negotiation", "Won", "Lost"];
const PARTNERS = ["Intro", "Qualified", "Pilot", "Contract", "Won", "Lost"];
const day = (n: number) => `2026-03-${String(n).padStart(2, "0")}`;
const deal = (stages: string[]) =>
  fc.record({
    stage: fc.constantFrom(...stages),
    amount: fc.integer({ min: 0, max: 10_000 }),
    day: fc.integer({ min: 1, max: 28 }),
  });

describe("pipelines", () => {
  it("a Pipeline / Воронка / Направление column is the pipeline, never the deal's kind", () => {
    for (const header of ["Pipeline", "Deal - Pipeline", "Воронка", "Направление", "CATEGORY_ID"]) {
      const d = detectTab({
        name: "Deals",
        values: [
          ["Deal ID", "Stage", header, "Amount"],
          ["1", "Lead", "Sales", "10"],
        ],
      });
      expect(d?.kind, header).toBe("deals");
      expect(d?.columns.pipeline?.header, header).toBe(header);
    }
    // A calls tab's Направление is still its direction.
    const calls = detectTab({
      name: "Звонки",
      values: [
        ["Дата", "Менеджер", "Длительность", "Направление", "Результат"],
        ["2026-03-02 10:00", "Иванов", "65", "Исходящий", "Дозвонился"],
      ],
    });
    expect(calls?.kind).toBe("calls");
    expect(calls?.columns.direction?.header).toBe("Направление");
  });

  it("a stage named for getting through (Дозвониться) is a contact step; Недозвон is not", () => {
    expect(ladderRank("Дозвониться")).toBe(ladderRank("Звонок"));
    expect(ladderRank("Дозвониться")).toBeLessThan(ladderRank("Квалификация и сбор потребностей"));
    expect(ladderRank("Недозвон")).toBe(-1);
  });

  it("Bitrix24's pipeline of a stage code: C<n>: prefix, else the default C0", () => {
    expect(bitrixPipelineOf("C6:PREPARATION")).toBe("C6");
    expect(bitrixPipelineOf(" C12:3 ")).toBe("C12");
    expect(bitrixPipelineOf("NEW")).toBe("C0");
    expect(bitrixPipelineOf("Сделка провалена")).toBe("C0");
    expect(bitrixPipelineOf("")).toBe("C0");
  });

  it("the pipeline with the most deals by default; names matched like reps; blank cells stay", () => {
    const values = [
      ["Deal ID", "Stage", "Pipeline", "Amount"],
      ["1", "Lead", "Sales", "10"],
      ["2", "Won", "sales ", "20"],
      ["3", "Intro", "Partners", "30"],
      ["4", "Won", "", "40"],
      ["5", "Proposal", "SALES", "50"],
    ];
    const m = build(values);
    expect(m.pipelines).toMatchObject({
      chosen: "Sales",
      asked: null,
      unknown: false,
      pipelines: [
        { name: "Sales", deals: 3 },
        { name: "Partners", deals: 1 },
      ],
      leftOut: 1,
    });
    expect(m.deals.map((d) => d.id)).toEqual(["1", "2", "4", "5"]);
    expect(m.stages).not.toContain("Intro");
    expect(m.issues).toEqual([
      {
        tab: "Deals",
        row: 4,
        column: 3,
        header: "Pipeline",
        value: "Partners",
        reason: "otherPipeline",
        detail: "Partners",
      },
    ]);
    const p = build(values, " partners");
    expect(p.pipelines?.chosen).toBe("Partners");
    expect(p.deals.map((d) => d.id)).toEqual(["3", "4"]);
    expect(p.pipelines?.leftOut).toBe(3);
    // A name no pipeline has: flagged, and the report falls back to the most deals.
    const u = build(values, "Nope");
    expect(u.pipelines).toMatchObject({ chosen: "Sales", unknown: true, asked: "Nope" });
    // One pipeline: nothing to choose, nothing left out.
    expect(build(values.slice(0, 3)).pipelines).toBeUndefined();
    expect(build(values.slice(0, 3), "sales").pipelines).toMatchObject({ leftOut: 0 });
  });

  it("deals of a second pipeline never change the chosen pipeline's funnel", () => {
    fc.assert(
      fc.property(
        fc.array(deal(SALES), { minLength: 1, maxLength: 25 }),
        fc.array(deal(PARTNERS), { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1_000_000 }),
        (sales, partners, bitrix, ask, seed) => {
          // Bitrix24 style: the second pipeline's stages carry "C4:"; else a Pipeline column.
          const row = (
            d: { stage: string; amount: number; day: number },
            i: number,
            other: boolean,
          ) =>
            bitrix
              ? [
                  `D${i}`,
                  other ? `C4:${d.stage.toUpperCase()}` : d.stage,
                  day(d.day),
                  String(d.amount),
                ]
              : [`D${i}`, d.stage, day(d.day), String(d.amount), other ? "Partners" : "Sales"];
          const header = ["Deal ID", "Stage", "Created", "Amount", ...(bitrix ? [] : ["Pipeline"])];
          const own = sales.map((d, i) => ({ at: i, cells: row(d, i, false) }));
          // The other pipeline's rows interleaved at seeded places.
          let x = seed;
          const mixed = [...own];
          partners.forEach((d, j) => {
            x = (x * 1103515245 + 12345) % 2147483648;
            mixed.splice(x % (mixed.length + 1), 0, { at: -1, cells: row(d, 1000 + j, true) });
          });
          const name = bitrix ? "C0" : "Sales";
          // Asked for by name, or the most deals (the chosen one made the bigger here).
          const pick = ask || sales.length <= partners.length ? name : undefined;
          const alone = build([header, ...own.map((r) => r.cells)], pick);
          const both = build([header, ...mixed.map((r) => r.cells)], pick);
          expect(both.pipelines?.chosen).toBe(name);
          expect(both.pipelines?.leftOut).toBe(partners.length);
          expect(figures(both)).toEqual(figures(alone));
          expect(both.issues.filter((i) => i.reason !== "otherPipeline")).toEqual(alone.issues);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a stage log's rows of the other pipeline's deals go too (the log never brings them back)", () => {
    const { tabs, salesIds } = withStageLog();
    const built = buildModel(tabs, { timeZone: "UTC" });
    expect(built.stageSource.from).toBe("stageLog");
    const both = built.model;
    const alone = buildModel(onlySales(tabs, salesIds), { timeZone: "UTC" }).model;
    expect(both.pipelines?.chosen).toBe("Sales");
    expect(figures(both)).toEqual(figures(alone));
    expect(both.stages).not.toContain("Pilot");
    const logIssues = both.issues.filter((i) => i.tab === "Stage log");
    expect(logIssues.length).toBeGreaterThan(0);
    expect(logIssues.every((i) => i.reason === "otherPipeline" && i.detail === "Partners")).toBe(
      true,
    );
  });
});
