import { describe, expect, it } from "vitest";
import { monthKey } from "../../src/core/calendar";
import { generateStageLog, generateWorkbook, rng } from "../../src/generate/index";
import { buildModel, detectTabs, tabMappingFromDetection } from "../../src/model/index";
import type { Model } from "../../src/model/types";

function reachedCounts(m: Model): number[] {
  const out = m.stages.map(() => 0);
  for (const d of m.deals) for (let k = 0; k <= d.reached; k++) out[k]++;
  return out;
}

describe("generateWorkbook", () => {
  for (const lang of ["en", "ru"] as const) {
    const g = generateWorkbook({ seed: 11, lang, reps: 3, months: 3, scale: 0.5 });

    it(`${lang}: all six kinds, detected with the mapping they were made with`, () => {
      const det = detectTabs(g.tabs);
      expect(det.map((d) => d.kind)).toEqual([
        "calls",
        "deals",
        "stageLog",
        "timeLog",
        "plan",
        "checklist",
      ]);
      for (const d of det) {
        const made = g.mapping.tabs.find((t) => t.name === d.tab);
        expect(tabMappingFromDetection(d)).toEqual(made);
      }
    });

    it(`${lang}: builds the same model with or without its mapping, no data issues`, () => {
      const auto = buildModel(g.tabs, { timeZone: "UTC" });
      const mapped = buildModel(g.tabs, { timeZone: "UTC", mapping: g.mapping });
      expect(auto.model.stages).toEqual(g.expected.stages);
      expect(auto.mapping.stages).toEqual(g.mapping.stages);
      expect(auto.model.issues).toEqual([]);
      expect(mapped.model).toEqual(auto.model);
      const m = auto.model;
      expect(m.deals).toHaveLength(g.expected.deals);
      expect(m.deals.filter((d) => d.status === "won")).toHaveLength(g.expected.won);
      expect(m.deals.filter((d) => d.status === "lost")).toHaveLength(g.expected.lost);
      expect(m.calls).toHaveLength(g.expected.calls);
      expect(m.timeEntries.length).toBe(g.expected.rows.timeLog);
      expect(m.plans.length).toBe(g.expected.rows.plan);
      expect(m.grades.length).toBe(g.expected.rows.checklist);
      expect(m.criteria).toHaveLength(5);
    });
  }

  it("is deterministic and seeded", () => {
    const a = generateWorkbook({ seed: 5, lang: "en", scale: 0.1, months: 2 });
    const b = generateWorkbook({ seed: 5, lang: "en", scale: 0.1, months: 2 });
    const c = generateWorkbook({ seed: 6, lang: "en", scale: 0.1, months: 2 });
    expect(a.tabs).toEqual(b.tabs);
    expect(a.tabs).not.toEqual(c.tabs);
    const r = rng(1);
    expect(r()).not.toBe(r());
  });

  it("has the seeds' rates: 80–100 calls a day, ~15% call → meeting, ~1 in 3 meetings paid", () => {
    const g = generateWorkbook({ seed: 3, lang: "ru", reps: 4, months: 4, dropMonth: -1 });
    const { model } = buildModel(g.tabs, { timeZone: "UTC" });
    const perRepDay = new Map<string, number>();
    for (const c of model.calls) {
      const k = `${c.rep}|${Math.floor(c.at / 86_400_000)}`;
      perRepDay.set(k, (perRepDay.get(k) ?? 0) + 1);
    }
    for (const n of perRepDay.values()) {
      expect(n).toBeGreaterThanOrEqual(80);
      expect(n).toBeLessThanOrEqual(100);
    }
    const [, meetings, , paid] = reachedCounts(model);
    expect(meetings / model.calls.length).toBeGreaterThan(0.11);
    expect(meetings / model.calls.length).toBeLessThan(0.19);
    expect(paid / meetings).toBeGreaterThan(0.25);
    expect(paid / meetings).toBeLessThan(0.42);
    // Sources differ in quality.
    const rate = (s: string) => {
      const ds = model.deals.filter((d) => d.source === s);
      return ds.filter((d) => d.reached >= 1).length / ds.length;
    };
    expect(rate(g.expected.sources[0])).toBeGreaterThan(rate(g.expected.sources[3]) * 1.5);
    expect(g.expected.dropMonth).toBeNull();
  });

  it("plants a drop in the named month and stage", () => {
    const g = generateWorkbook({ seed: 9, lang: "en", reps: 6, months: 4, scale: 0.5 });
    // By default the month before the last: the latest whose cohorts the Changes sheet judges.
    expect(g.expected.dropMonth).toBe("2026-03");
    expect(g.expected.dropStage).toBe("Proposal");
    const { model } = buildModel(g.tabs, { timeZone: "UTC" });
    const k = model.stages.indexOf(g.expected.dropStage as string);
    const step = (month: string) => {
      const ds = model.deals.filter((d) => d.created !== null && monthKey(d.created) === month);
      return ds.filter((d) => d.reached >= k).length / ds.filter((d) => d.reached >= k - 1).length;
    };
    expect(step("2026-03")).toBeLessThan(step("2026-02") * 0.7);
    expect(step("2026-03")).toBeLessThan(step("2026-01") * 0.7);
  });

  it("generateStageLog gives exactly the rows asked for and builds a model", () => {
    const log = generateStageLog(20_000, 2);
    expect(log.values).toHaveLength(20_001);
    const { model } = buildModel([log], { timeZone: "UTC" });
    expect(model.stages).toEqual(["Lead", "Meeting", "Proposal", "Payment"]);
    expect(model.issues).toEqual([]);
    const counts = reachedCounts(model);
    expect(counts[0]).toBe(model.deals.length);
    expect(counts[3]).toBeGreaterThan(0);
  });

  it("team: roles from the team tab, booked by an SDR or blank, booked before held, SDRs call more", () => {
    const g = generateWorkbook({
      seed: 42,
      lang: "ru",
      reps: 4,
      months: 3,
      scale: 0.1,
      team: true,
    });
    expect(g.expected.sdrs).toEqual(g.expected.reps.slice(0, 2));
    expect(g.expected.hunters).toEqual(g.expected.reps.slice(2));
    const { model } = buildModel(g.tabs, { timeZone: "UTC" });
    expect(model.issues).toEqual([]);
    expect(model.team?.map((m) => [m.rep, m.role])).toEqual([
      ...(g.expected.sdrs ?? []).map((r) => [r, "sdr"]),
      ...(g.expected.hunters ?? []).map((r) => [r, "hunter"]),
    ]);
    // By hand from the raw tabs: who booked, and the booked step of each deal in the stage log.
    const deals = g.tabs[1].values;
    const col = (h: string) => deals[0].indexOf(h);
    const log = g.tabs[2].values.slice(1);
    const booked = new Map<unknown, number>();
    for (const e of log)
      if (e[1] === "Встреча назначена") booked.set(e[0], (e[2] as Date).getTime());
    let blank = 0;
    let noShows = 0;
    for (const d of deals.slice(1)) {
      const by = d[col("Назначил встречу")];
      const held = d[col("Дата встречи")];
      const at = booked.get(d[col("ID сделки")]);
      if (held instanceof Date) expect(at).toBeLessThan(held.getTime());
      if (at === undefined) {
        expect(by).toBe("");
        continue;
      }
      if (!(held instanceof Date)) noShows++;
      if (by === "") blank++;
      else {
        expect(by).toBe(d[col("Менеджер")]);
        expect(g.expected.sdrs).toContain(by);
      }
    }
    expect(noShows).toBeGreaterThan(0);
    expect(blank).toBeGreaterThan(0);
    const callsOf = (rep: string) => g.tabs[0].values.filter((c) => c[1] === rep).length;
    const ratio = callsOf(g.expected.reps[0]) / callsOf(g.expected.reps[3]);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(2.6);
  });
});
