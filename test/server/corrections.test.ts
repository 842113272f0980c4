/** What the sidebar's corrections turn into in the remembered mapping. */
import { describe, expect, it } from "vitest";
import { corrections } from "../../src/model/chosenMapping";
import { detectTabs } from "../../src/model/index";
import { guessColumns } from "../../src/model/synonyms";
import type { RawTab } from "../../src/model/types";

const tabs: RawTab[] = [
  {
    name: "Log",
    values: [
      ["Deal ID", "Stage", "Date", "Rep"],
      ["D1", "Lead", "2026-01-05", "Anna"],
      ["D1", "Won", "2026-01-09", "Anna"],
      ["D2", "Lead", "2026-01-06", "Boris"],
    ],
  },
  { name: "Notes", values: [["just"], ["text"]] },
  {
    name: "Odd calls",
    values: [
      ["When", "Who called", "Duration"],
      ["2026-01-05 10:00", "Anna", 75],
      ["2026-01-05 11:00", "Boris", 20],
    ],
  },
];

function input(over: Record<string, { kind: string | null; columns?: Record<string, number> }>) {
  const det = new Map(detectTabs(tabs).map((d) => [d.tab, d]));
  return {
    tabs: tabs.map((t) => {
      const d = det.get(t.name);
      const o = over[t.name];
      const columns: Record<string, number> = {};
      if (d) for (const [k, c] of Object.entries(d.columns)) columns[k] = c.index;
      return {
        name: t.name,
        kind: (o ? o.kind : (d?.kind ?? null)) as never,
        columns: o ? (o.columns ?? {}) : columns,
      };
    }),
  };
}

describe("corrections", () => {
  it("nothing corrected: nothing to remember", () => {
    const m = corrections(tabs, detectTabs(tabs), null, input({}));
    expect(m.tabs).toEqual([]);
    expect(m.stages).toEqual([]);
  });

  it("a kind chosen for an undetected tab gets the columns its headers name", () => {
    const m = corrections(tabs, detectTabs(tabs), null, input({ "Odd calls": { kind: "calls" } }));
    const odd = m.tabs.find((t) => t.name === "Odd calls")!;
    expect(odd.kind).toBe("calls");
    expect(odd.columns.duration).toBe(2);
    expect(odd.columns.rep).toBeUndefined();
    const fixed = corrections(
      tabs,
      detectTabs(tabs),
      m,
      input({ "Odd calls": { kind: "calls", columns: { date: 0, rep: 1, duration: 2 } } }),
    );
    expect(fixed.tabs.find((t) => t.name === "Odd calls")!.columns).toEqual({
      date: 0,
      rep: 1,
      duration: 2,
    });
  });

  it("a detected tab switched off is remembered; an undetected one left off is not", () => {
    const m = corrections(tabs, detectTabs(tabs), null, input({ Log: { kind: null } }));
    expect(m.tabs.map((t) => [t.name, t.kind])).toEqual([["Log", null]]);
  });

  it("keeps the stage order sent, and saved entries of tabs that are gone", () => {
    const saved = {
      version: 1,
      stages: ["A", "B"],
      tabs: [{ name: "Gone", kind: "deals" as const, headerRow: 0, columns: { id: 0 } }],
    };
    const kept = corrections(tabs, detectTabs(tabs), saved, input({}));
    expect(kept.stages).toEqual(["A", "B"]);
    expect(kept.tabs.map((t) => t.name)).toEqual(["Gone"]);
    const sent = corrections(tabs, detectTabs(tabs), saved, {
      ...input({}),
      stages: ["Won", "Lead"],
    });
    expect(sent.stages).toEqual(["Won", "Lead"]);
  });

  it("guessColumns matches headers by synonyms, each column once", () => {
    expect(guessColumns(["Дата", "Менеджер", "Длительность"], "calls")).toEqual({
      date: 0,
      rep: 1,
      duration: 2,
    });
    expect(guessColumns(["x", "y"], "deals")).toEqual({});
  });
});
