import { describe, expect, it } from "vitest";
import { templateNames } from "../../src/adapters/sheets/template";
import { LANGS } from "../../src/core/i18n";
import { parseDate, parseDurationSeconds } from "../../src/core/values";
import { FUNCTIONS } from "../../src/functions/registry";
import { formulaRows, formulaSource, ref } from "../../src/template/formulas";
import { freeName, type TemplatePlan, templatePlan } from "../../src/template/plan";
import { roleFormulaRows } from "../../src/template/roleFormulas";

const TODAY = 20_500; // a fixed day number: tests never read the clock

describe("template plan", () => {
  it.each(LANGS)("%s: every tab is rectangular and its dropdowns point at real lists", (lang) => {
    const plan = templatePlan(lang, TODAY);
    expect(plan.tabs.map((t) => t.kind)).toEqual([
      "calls",
      "deals",
      "stageLog",
      "timeLog",
      "plan",
      "checklist",
      "team",
    ]);
    const listKeys = new Set(plan.lists.columns.map((c) => c.key));
    for (const tab of plan.tabs) {
      expect(tab.rows.length).toBeGreaterThan(0);
      for (const row of tab.rows) expect(row).toHaveLength(tab.header.length);
      for (const d of tab.dropdowns) {
        expect(d.col).toBeGreaterThanOrEqual(0);
        expect(d.col).toBeLessThan(tab.header.length);
        expect(listKeys.has(d.list)).toBe(true);
      }
      expect(new Set(tab.header).size).toBe(tab.header.length);
    }
    const names = [...plan.tabs.map((t) => t.name), plan.lists.name, plan.formulasName];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    // Dropdowns exist for stage, rep, source and category.
    const used = new Set(plan.tabs.flatMap((t) => t.dropdowns.map((d) => d.list)));
    for (const k of ["stage", "rep", "source", "category"] as const) expect(used.has(k)).toBe(true);
  });

  it.each(LANGS)("%s: example dates and durations read back, none after today", (lang) => {
    const plan = templatePlan(lang, TODAY);
    const calls = plan.tabs.find((t) => t.kind === "calls")!;
    for (const row of calls.rows) {
      const at = parseDate(row[0], { timeZone: "UTC" });
      expect(at).not.toBeNull();
      expect(Math.floor(at! / 86_400_000)).toBeLessThanOrEqual(TODAY);
      expect(parseDurationSeconds(row[2], "UTC")).toBeGreaterThan(0);
    }
    const log = plan.tabs.find((t) => t.kind === "stageLog")!;
    for (const row of log.rows) {
      expect(plan.stages).toContain(row[1]);
      const d = parseDate(row[2], { timeZone: "UTC" });
      expect(d).not.toBeNull();
      expect(Math.floor(d! / 86_400_000)).toBeLessThanOrEqual(TODAY);
    }
  });

  it("the example funnel narrows from the first stage to the sale", () => {
    const plan = templatePlan("en", TODAY);
    const log = plan.tabs.find((t) => t.kind === "stageLog")!;
    const count = plan.stages.map((s) => log.rows.filter((r) => r[1] === s).length);
    for (let i = 1; i < count.length; i++) expect(count[i]).toBeLessThanOrEqual(count[i - 1]!);
    expect(count[count.length - 1]).toBeGreaterThan(0);
  });
});

describe("names", () => {
  it("freeName suffixes taken names, case-insensitively", () => {
    expect(freeName("Calls", [])).toBe("Calls");
    expect(freeName("Calls", ["calls"])).toBe("Calls (2)");
    expect(freeName("Calls", ["Calls", "Calls (2)"])).toBe("Calls (3)");
  });

  it("templateNames never reuses an existing name nor its own", () => {
    const plan = templatePlan("en", TODAY);
    const existing = ["Calls", "Deals", "Lists", "Formulas", "Calls (2)"];
    const names = templateNames(plan, existing);
    const all = [...names.tabs, names.lists, names.formulas];
    for (const n of all) expect(existing).not.toContain(n);
    expect(new Set(all).size).toBe(all.length);
    expect(names.tabs[0]).toBe("Calls (3)");
  });

  it("ref quotes sheet names for formulas", () => {
    expect(ref("Stage log", "A2:A")).toBe("'Stage log'!A2:A");
    expect(ref("Bob's", "A1")).toBe("'Bob''s'!A1");
  });
});

describe("formula rows", () => {
  it("one row per function, with a live formula for the four core functions", () => {
    const fns = ["CONVERSION", "FUNNEL", "STAGE_VELOCITY", "REQUIRED_CALLS", "OTHER"].map(
      (name) => ({
        name,
        summary: { en: `${name} summary`, ru: "ru", uk: "uk" },
        params: [{ name: "x", type: "number", description: { en: "x", ru: "x", uk: "x" } }],
        returns: { type: "number", description: { en: "n", ru: "n", uk: "n" } },
        examples: [
          { formula: `=${name}(A1:A3)`, result: "1" },
          { formula: `=${name}(2)`, result: "2" },
        ],
      }),
    );
    const rows = formulaRows(fns, "en", {
      calls: "Calls",
      deals: "Deals",
      stageLog: "Stage log",
      lists: "Lists",
      stages: ["Lead", "Won"],
    });
    expect(rows.map((r) => r.name)).toEqual(fns.map((f) => f.name));
    for (const r of rows) expect(r.live.startsWith(`=${r.name}(`)).toBe(true);
    expect(rows.find((r) => r.name === "FUNNEL")!.live).toBe(
      "=FUNNEL('Stage log'!B2:B, 'Lists'!A2:A3, 'Stage log'!A2:A)",
    );
    expect(rows.find((r) => r.name === "OTHER")).toMatchObject({
      live: "=OTHER(2)",
      expected: "2",
    });
  });
});

/** The plan as text, a line per list, tab header and row (cells as JSON: numbers stay numbers). */
function planLines(plan: TemplatePlan): string[] {
  const cells = (r: (string | number)[]) => r.map((c) => JSON.stringify(c)).join(" | ");
  return [
    `${plan.lang}: stages ${cells(plan.stages)}; formulas ${plan.formulasName}`,
    `lists ${plan.lists.name}`,
    ...plan.lists.columns.map((c) => `  ${c.key} ${c.header}: ${cells(c.values)}`),
    ...plan.tabs.flatMap((t) => [
      `${t.kind} ${t.name}: ${cells(t.header)}`,
      `  dropdowns ${t.dropdowns.map((d) => `${d.col} ${d.list}`).join(", ")}`,
      ...t.rows.map((r) => `  ${cells(r)}`),
    ]),
  ];
}

describe("template content", () => {
  it.each(LANGS)("%s: tabs, headers, example rows, lists and dropdowns as recorded", (lang) => {
    expect(planLines(templatePlan(lang, TODAY))).toMatchSnapshot();
  });

  it.each(LANGS)("%s: the server's slim registry gives the same Formulas sheet", (lang) => {
    const refs = {
      calls: "Calls",
      deals: "Deals",
      stageLog: "Stage log",
      lists: "Lists",
      stages: ["Lead", "Meeting", "Won"],
    };
    const full = formulaRows(FUNCTIONS, lang, refs);
    expect(full.map((r) => r.name)).toEqual(FUNCTIONS.map((f) => f.name));
    expect(formulaRows(FUNCTIONS.map(formulaSource), lang, refs)).toEqual(full);
  });
});

describe("role formulas", () => {
  it.each(LANGS)("%s: they read the Deals and Calls columns they name", (lang) => {
    const plan = templatePlan(lang, TODAY);
    const deals = plan.tabs.find((t) => t.kind === "deals")!.header;
    const calls = plan.tabs.find((t) => t.kind === "calls")!.header;
    const col = (letter: string) => letter.charCodeAt(0) - 65;
    const w = { en: 0, ru: 1, uk: 2 }[lang];
    // Deals C owner, F stage, J booked by, K booked, M held; Calls B rep, C duration.
    expect(deals[col("C")]).toBe(["Rep", "Менеджер", "Менеджер"][w]);
    expect(deals[col("F")]).toBe(["Stage", "Этап", "Етап"][w]);
    expect(deals[col("J")]).toBe(["Booked by", "Назначил встречу", "Призначив"][w]);
    expect(deals[col("K")]).toBe(["Meeting booked", "Встреча назначена", "Зустріч призначена"][w]);
    expect(deals[col("M")]).toBe(["Meeting held", "Встреча проведена", "Зустріч проведена"][w]);
    expect([calls[col("B")], calls[col("C")]]).toEqual(
      [
        ["Rep", "Duration"],
        ["Менеджер", "Длительность"],
        ["Менеджер", "Тривалість"],
      ][w],
    );
    const rows = roleFormulaRows(lang, {
      deals: "Deals",
      calls: "Calls",
      sdr: "Anna",
      hunter: "Boris",
      farmer: "Chen",
      won: "Won",
    });
    expect(rows).toHaveLength(4);
    expect(rows[1]!.live).toBe(
      `=CONVERSION(FILTER('Deals'!K2:K, 'Deals'!J2:J="Anna"), FILTER('Deals'!M2:M, 'Deals'!J2:J="Anna"))`,
    );
  });
});
