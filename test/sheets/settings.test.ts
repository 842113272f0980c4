/** The settings tab is ours only when it carries our marker: A1 and developer metadata. */
import { afterEach, describe, expect, it } from "vitest";
import { readRawTabs } from "../../src/adapters/sheets/read";
import {
  findSettingsSheet,
  readSettings,
  SETTINGS_META_KEY,
  writeSettings,
} from "../../src/adapters/sheets/settings";
import { createFakeServices, type FakeServices } from "../fakes/spreadsheet";

let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  uninstall = () => {};
});

function world(sheets: Record<string, unknown[][]>): FakeServices {
  uninstall();
  const f = createFakeServices({ sheets });
  uninstall = f.install();
  return f;
}

const settings = { mapping: { version: 2, stages: ["Lead", "Won"], tabs: [] }, sidebar: {} };
const NOTES = [
  ["My notes about Voronka settings", "", ""],
  ["keep", "these", "rows"],
];

describe("settings tab identity", () => {
  it("a user's sheet with a similar name is left alone", () => {
    const f = world({ Deals: [["Deal ID"]], "Voronka settings – notes": NOTES });
    expect(readSettings(f.ss)).toBeNull();
    writeSettings(f.ss, settings, "en");
    expect(f.spreadsheet.getSheetByName("Voronka settings – notes")?.snapshot()).toEqual(NOTES);
    const ours = f.spreadsheet.getSheetByName("Voronka settings");
    expect(ours?.meta.map((m) => m.key)).toEqual([SETTINGS_META_KEY]);
    expect(readSettings(f.ss)?.mapping?.stages).toEqual(["Lead", "Won"]);
    // The user's sheet is still data to us.
    expect(readRawTabs(f.ss).map((t) => t.name)).toContain("Deals");
  });

  it("when the name is taken by a user's sheet, ours gets a free name", () => {
    const f = world({ "Voronka settings": NOTES });
    writeSettings(f.ss, settings, "en");
    expect(f.spreadsheet.sheets.map((s) => s.name)).toEqual([
      "Voronka settings",
      "Voronka settings (2)",
    ]);
    expect(f.spreadsheet.getSheetByName("Voronka settings")?.snapshot()).toEqual(NOTES);
    // Written again: the same tab (found by its marker), no third one.
    writeSettings(f.ss, { ...settings, sidebar: { lang: "en" } }, "en");
    expect(f.spreadsheet.sheets).toHaveLength(2);
    expect(findSettingsSheet(f.ss)?.getName()).toBe("Voronka settings (2)");
    expect(readSettings(f.ss)?.sidebar).toEqual({ lang: "en" });
  });

  it("an existing tab with the A1 marker and no metadata is adopted and given the metadata", () => {
    const legacy = [
      ["Voronka settings", "version", 1, "", ""],
      ["stage", 1, "Lead", "", ""],
      ["stage", 2, "Won", "", ""],
    ];
    const f = world({ Deals: [["Deal ID"]], "Настройки Voronka": legacy });
    expect(readSettings(f.ss)?.mapping?.stages).toEqual(["Lead", "Won"]);
    writeSettings(f.ss, { ...settings, sidebar: { lang: "ru" } }, "ru");
    expect(f.spreadsheet.sheets.map((s) => s.name)).toEqual(["Deals", "Настройки Voronka"]);
    const tab = f.spreadsheet.getSheetByName("Настройки Voronka")!;
    expect(tab.meta.map((m) => m.key)).toEqual([SETTINGS_META_KEY]);
    expect(readSettings(f.ss)?.sidebar).toEqual({ lang: "ru" });
    // Adopted once: a later write adds no second metadata.
    writeSettings(f.ss, settings, "ru");
    expect(tab.meta).toHaveLength(1);
  });

  it("a sheet with our metadata but without the A1 marker, or a copy of ours, is not ours", () => {
    const f = world({ Deals: [["Deal ID"]] });
    writeSettings(f.ss, settings, "en");
    const ours = f.spreadsheet.getSheetByName("Voronka settings")!;
    // A duplicate keeps the metadata (naming the original's id) and the marker.
    const copy = f.spreadsheet.insertSheet("Copy of Voronka settings");
    copy.data = ours.data.map((r) => [...r]);
    copy.addDeveloperMetadata(SETTINGS_META_KEY, ours.meta[0]!.value ?? "");
    // The user cleared A1 of ours: it is no longer the settings tab; a new one is made.
    ours.setCell(1, 1, "my own text");
    expect(findSettingsSheet(f.ss)).toBeNull();
    writeSettings(f.ss, settings, "en");
    expect(f.spreadsheet.sheets.map((s) => s.name)).toEqual([
      "Deals",
      "Voronka settings",
      "Copy of Voronka settings",
      "Voronka settings (2)",
    ]);
    expect(ours.cell(1, 1)).toBe("my own text");
  });

  it("finding it reads A1 of our tab and settings-named tabs only, not of every raw tab", () => {
    const sheets: Record<string, unknown[][]> = {};
    for (let i = 0; i < 10; i++) sheets[`Raw ${i}`] = [["Deal ID"], [String(i)]];
    const f = world(sheets);
    writeSettings(f.ss, settings, "en");
    f.r.clear();
    expect(readSettings(f.ss)?.mapping?.stages).toEqual(["Lead", "Won"]);
    const counts = f.r.counts();
    expect(counts["Range.getValue"]).toBe(1);
    expect(counts["Range.getValues"]).toBe(1);
  });
});
