/**
 * Saved mappings keep only the user's corrections; everything else is detected afresh on every
 * read, so better detection reaches spreadsheets set up before it. Version-1 settings tabs (the
 * whole mapping) are migrated.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readSettings, writeSettings } from "../../src/adapters/sheets/settings";
import { corrections, effectiveMapping } from "../../src/model/chosenMapping";
import { applyCorrections, migrateMapping } from "../../src/model/corrections";
import {
  buildModel,
  detectTabs,
  MAPPING_VERSION,
  mappingFromRows,
  mappingToRows,
  tabMappingFromDetection,
  type WorkbookMapping,
} from "../../src/model/index";
import type { RawTab } from "../../src/model/types";
import { createFakeServices } from "../fakes/spreadsheet";

let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  uninstall = () => {};
});

const HEADER = ["Deal ID", "Owner", "Manager", "Created", "Stage", "Amount"];
function deals(withSource: boolean): RawTab {
  const header = withSource ? [...HEADER, "Source"] : HEADER;
  const rows: unknown[][] = [header];
  const stages = ["Lead", "Meeting", "Won"];
  for (let i = 0; i < 12; i++) {
    const r: unknown[] = [
      `D${i}`,
      i % 2 ? "Anna" : "Boris",
      i % 3 ? "Vera" : "Ivan",
      `2026-01-${10 + i}`,
    ];
    r.push(stages[i % 3]!, i % 3 === 2 ? 100 * i : "");
    if (withSource) r.push(i % 2 ? "Google" : "Ads");
    rows.push(r);
  }
  return { name: "Deals", values: rows };
}

/** What the sidebar sends: every detected tab with its shown columns, `rep` moved to col 2. */
function userMovesRep(tabs: RawTab[], saved: WorkbookMapping | null) {
  const shown = effectiveMapping(tabs, detectTabs(tabs), saved);
  return {
    tabs: shown.tabs.map((t) => ({
      name: t.name,
      kind: t.kind,
      columns: t.name === "Deals" ? { ...t.columns, rep: 2 } : t.columns,
    })),
  };
}

describe("saved mappings keep only corrections", () => {
  it("a corrected field is kept; a column detection finds later still reaches the build", () => {
    const before = [deals(false)];
    const detected = tabMappingFromDetection(detectTabs(before)[0]!);
    expect(detected.columns.rep).toBe(1);
    const saved = corrections(before, detectTabs(before), null, userMovesRep(before, null));
    expect(saved.version).toBe(MAPPING_VERSION);
    // Only the corrected field, marked partial: kind, header row and the rest are not stored.
    expect(saved.tabs).toEqual([
      expect.objectContaining({ name: "Deals", partial: true, columns: { rep: 2 } }),
    ]);
    // Through the settings tab and back.
    const back = mappingFromRows(mappingToRows(saved));
    expect(back?.tabs[0]).toMatchObject({ partial: true, columns: { rep: 2 } });
    // The export gains a Source column: detection finds it, the correction still holds.
    const after = [deals(true)];
    const used = effectiveMapping(after, detectTabs(after), back);
    const t = used.tabs.find((x) => x.name === "Deals")!;
    expect(t.kind).toBe("deals");
    expect(t.columns.rep).toBe(2);
    expect(t.columns.source).toBe(6);
    const { model } = buildModel(after, { timeZone: "UTC", mapping: used });
    expect(new Set(model.deals.map((d) => d.rep))).toEqual(new Set(["Vera", "Ivan"]));
    expect(new Set(model.deals.map((d) => d.source))).toEqual(new Set(["Google", "Ads"]));
  });

  it("a field the user cleared stays cleared; an uncorrected build stores nothing", () => {
    const tabs = [deals(true)];
    const shown = effectiveMapping(tabs, detectTabs(tabs), null);
    const cols = { ...shown.tabs[0]!.columns };
    delete cols.source;
    const saved = corrections(tabs, detectTabs(tabs), null, {
      tabs: [{ name: "Deals", kind: "deals", columns: cols }],
    });
    expect(saved.tabs[0]).toMatchObject({ partial: true, columns: {}, cleared: ["source"] });
    const back = mappingFromRows(mappingToRows(saved));
    expect(back?.tabs[0]?.cleared).toEqual(["source"]);
    expect(applyCorrections(back, detectTabs(tabs)).tabs[0]!.columns.source).toBeUndefined();
    const none = corrections(tabs, detectTabs(tabs), null, {
      tabs: shown.tabs.map((t) => ({ name: t.name, kind: t.kind, columns: t.columns })),
    });
    expect(none.tabs).toEqual([]);
  });
});

describe("version-1 settings tabs are migrated", () => {
  const tabs = [deals(true)];
  const detections = detectTabs(tabs);
  const whole = tabMappingFromDetection(detections[0]!);

  it("entries equal to today's detection are dropped, differing ones kept as corrections", () => {
    const v1: WorkbookMapping = {
      version: 1,
      stages: [],
      tabs: [
        { ...whole, columns: { ...whole.columns, rep: 2 } },
        { name: "Notes", kind: null, headerRow: 0, columns: {} },
      ],
    };
    const m = migrateMapping(v1, detections);
    expect(m?.version).toBe(MAPPING_VERSION);
    expect(m?.tabs).toEqual([
      expect.objectContaining({ name: "Deals", partial: true, columns: { rep: 2 } }),
      { name: "Notes", kind: null, headerRow: 0, columns: {} },
    ]);
    const same = migrateMapping({ version: 1, stages: [], tabs: [whole] }, detections);
    expect(same?.tabs).toEqual([]);
    // A kind the user chose is kept whole.
    const kind = migrateMapping(
      { version: 1, stages: [], tabs: [{ ...whole, kind: "stageLog" }] },
      detections,
    );
    expect(kind?.tabs[0]).toMatchObject({ kind: "stageLog" });
    expect(kind?.tabs[0]?.partial).toBeUndefined();
  });

  it("a stage order equal to the data's own is dropped, another order kept", () => {
    const own = [...buildModel(tabs, { timeZone: "UTC" }).model.stages];
    expect(own.length).toBeGreaterThan(1);
    const v1 = (stages: string[]): WorkbookMapping => ({ version: 1, stages, tabs: [whole] });
    expect(migrateMapping(v1(own), detections, () => own)?.stages).toEqual([]);
    const mine = [...own].reverse();
    expect(migrateMapping(v1(mine), detections, () => own)?.stages).toEqual(mine);
  });

  it("a v1 settings tab in a spreadsheet: read, migrated on the next save, detection afresh", () => {
    const v1rows = [
      ["Voronka settings", "version", 1, "", ""],
      ["tab", "Deals", "deals", 1, ""],
      ...Object.entries(whole.columns).map(([k, c]) => [
        "column",
        "Deals",
        k,
        k === "rep" ? 3 : c + 1,
        "",
      ]),
    ];
    const f = createFakeServices({
      sheets: { Deals: tabs[0]!.values, "Voronka settings": v1rows },
    });
    uninstall = f.install();
    const stored = readSettings(f.ss)?.mapping ?? null;
    expect(stored?.version).toBe(1);
    const input = userMovesRep(tabs, stored);
    expect(input.tabs[0]?.columns.rep).toBe(2);
    const saved = corrections(tabs, detections, stored, input);
    writeSettings(f.ss, { mapping: saved }, "en");
    const rows = f.spreadsheet.getSheetByName("Voronka settings")!.snapshot();
    expect(rows[0]!.slice(0, 3)).toEqual(["Voronka settings", "version", "2"]);
    expect(rows.filter((r) => r[0] === "column")).toEqual([["column", "Deals", "rep", "3"]]);
    expect(rows.some((r) => r[0] === "tab")).toBe(false);
  });
});
