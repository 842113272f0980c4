import { describe, expect, it } from "vitest";
import { readRawTabs, readWorkbook } from "../../src/adapters/sheets/read";
import {
  readSettings,
  settingsFromRows,
  settingsToRows,
  writeSettings,
} from "../../src/adapters/sheets/settings";
import { generateWorkbook } from "../../src/generate/index";
import {
  buildModel,
  cleanMapping,
  detectTabs,
  mappingFromRows,
  mappingToRows,
  type WorkbookMapping,
} from "../../src/model/index";
import { createFakeServices } from "../fakes/spreadsheet";

const sample: WorkbookMapping = {
  version: 2,
  stages: ["Lead", "Meeting", "Won"],
  tabs: [
    {
      name: "Deals",
      kind: "deals",
      headerRow: 2,
      columns: { id: 0, rep: 3 },
      stageColumns: [{ stage: "Meeting", column: 5 }],
      entryStage: "Lead",
      wonStage: "Won",
    },
    {
      name: "QA",
      kind: "checklist",
      headerRow: 0,
      columns: { id: 0 },
      criteria: [{ name: "Greeting", column: 2 }],
    },
    { name: "Notes", kind: null, headerRow: 0, columns: {} },
  ],
};

describe("mapping rows", () => {
  it("round-trips through the settings-tab rows", () => {
    const rows = mappingToRows(sample);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows[0][0]).toBe("Voronka settings");
    expect(mappingFromRows(rows)).toEqual(sample);
    expect(JSON.parse(JSON.stringify(sample))).toEqual(cleanMapping(sample));
  });

  it("reads hand edits and ignores junk", () => {
    const rows = [
      ...mappingToRows(sample),
      ["column", "Deals", "source", "5"],
      ["junk"],
      [null],
      "x" as unknown as unknown[],
    ];
    expect(mappingFromRows(rows)?.tabs[0].columns.source).toBe(4);
    expect(mappingFromRows([["hello"]])).toBeNull();
    expect(cleanMapping("nope")).toBeNull();
    expect(
      cleanMapping({ tabs: [{ name: "A", kind: "bogus", columns: { id: -1, rep: 2 } }] }),
    ).toEqual({
      version: 2,
      stages: [],
      tabs: [{ name: "A", kind: null, headerRow: 0, columns: { rep: 2 } }],
    });
  });

  it("settings rows carry the sidebar settings", () => {
    const rows = settingsToRows({ mapping: sample, sidebar: { lang: "ru", period: "week" } });
    expect(settingsFromRows(rows)).toEqual({
      mapping: sample,
      sidebar: { lang: "ru", period: "week" },
    });
  });

  it("a user's corrected mapping drives buildModel", () => {
    const tab = {
      name: "Sheet1",
      values: [
        ["Who", "When", "What"],
        ["Ann", "2026-03-02", "Calls"],
      ],
    };
    expect(detectTabs([tab])).toEqual([]);
    const mapping: WorkbookMapping = {
      version: 1,
      stages: [],
      tabs: [
        { name: "Sheet1", kind: "calls", headerRow: 0, columns: { rep: 0, date: 1, result: 2 } },
      ],
    };
    const { model } = buildModel([tab], { timeZone: "UTC", mapping });
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]).toMatchObject({ rep: "Ann", result: "Calls" });
  });
});

describe("Sheets adapters", () => {
  it("readRawTabs: one getDataRange().getValues() per sheet, own sheets skipped", () => {
    const g = generateWorkbook({ seed: 1, lang: "en", scale: 0.05, months: 1, reps: 2 });
    const sheets: Record<string, unknown[][]> = {};
    for (const t of g.tabs) sheets[t.name] = t.values;
    sheets["Voronka settings"] = mappingToRows(g.mapping);
    sheets["Funnel (Voronka)"] = [["Stage", "Count"]];
    const fake = createFakeServices({ sheets, timeZone: "Europe/Kyiv" });
    fake.r.clear();
    const { tabs, timeZone } = readWorkbook(fake.ss);
    expect(timeZone).toBe("Europe/Kyiv");
    expect(tabs.map((t) => t.name)).toEqual(g.tabs.map((t) => t.name));
    const counts = fake.r.counts();
    expect(counts["Range.getValues"]).toBe(g.tabs.length);
    expect(counts["Sheet.getDataRange"]).toBe(g.tabs.length);
    expect(Object.keys(counts).filter((k) => /getValue$|getCell|getRange$/.test(k))).toEqual([]);
    expect(tabs[0].values.length).toBe(g.tabs[0].values.length);
    expect(readRawTabs(fake.ss)).toHaveLength(6);
  });

  it("read/writeSettings: one getValues, one setValues", () => {
    const fake = createFakeServices({ sheets: { Deals: [["Deal ID"], ["1"]] } });
    expect(readSettings(fake.ss)).toBeNull();
    fake.r.clear();
    writeSettings(fake.ss, { mapping: sample, sidebar: { lang: "uk" } }, "uk");
    expect(fake.r.counts()["Range.setValues"]).toBe(1);
    expect(fake.ss.getSheets().map((s) => s.getName())).toEqual(["Deals", "Налаштування Voronka"]);
    fake.r.clear();
    expect(readSettings(fake.ss)).toEqual({ mapping: sample, sidebar: { lang: "uk" } });
    expect(fake.r.counts()["Range.getValues"]).toBe(1);
    // A shorter mapping clears the old rows below it.
    writeSettings(fake.ss, { mapping: { version: 2, stages: [], tabs: [] } });
    expect(readSettings(fake.ss)?.mapping).toEqual({ version: 2, stages: [], tabs: [] });
    expect(readRawTabs(fake.ss).map((t) => t.name)).toEqual(["Deals"]);
  });
});

describe("columns that moved", () => {
  it("are found again by their header text; changed columns are left alone", () => {
    const before = {
      name: "Calls",
      values: [
        ["Date", "Rep", "Duration"],
        ["2026-03-02", "Ann", 60],
      ],
    };
    const { mapping } = buildModel([before], { timeZone: "UTC" });
    const stored = mappingFromRows(mappingToRows(mapping)) as WorkbookMapping;
    expect(stored.tabs[0].headers?.rep).toEqual({ column: 1, text: "Rep" });
    // The user inserted a column before Rep.
    const after = {
      name: "Calls",
      values: [
        ["Date", "Note", "Rep", "Duration"],
        ["2026-03-02", "hi", "Ann", 60],
      ],
    };
    const { model } = buildModel([after], { timeZone: "UTC", mapping: stored });
    expect(model.calls[0]).toMatchObject({ rep: "Ann", durationSec: 60 });
    // A column the user changed on purpose is not moved back.
    const corrected = structuredClone(stored);
    corrected.tabs[0].columns.rep = 3;
    const again = buildModel([after], { timeZone: "UTC", mapping: corrected });
    expect(again.model.calls[0].rep).toBe("60");
  });
});

describe("withCorrections", () => {
  it("applies the sidebar's corrections on top of the detected mapping", async () => {
    const { withCorrections } = await import("../../src/model/index");
    const next = withCorrections(sample, {
      tabs: [
        { name: "Deals", kind: "deals", columns: { id: 1, rep: 3 } },
        { name: "QA", kind: "calls", columns: { date: 1, rep: 2 } },
        { name: "New", kind: "plan", columns: { period: 0, metric: 1, target: 2 } },
      ],
      stages: ["Lead", "Won"],
    });
    expect(next.stages).toEqual(["Lead", "Won"]);
    expect(next.tabs[0]).toEqual({ ...sample.tabs[0], columns: { id: 1, rep: 3 } });
    expect(next.tabs[1]).toEqual({
      name: "QA",
      kind: "calls",
      headerRow: 0,
      columns: { date: 1, rep: 2 },
    });
    expect(next.tabs[3].name).toBe("New");
    expect(sample.tabs[0].columns).toEqual({ id: 0, rep: 3 });
  });
});
