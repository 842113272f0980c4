import vm from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { layoutSheet, writeSheet } from "../../src/adapters/sheets/write";
import type { SheetPlan } from "../../src/report/types";
import { createFakeServices, type FakeServices, type FakeSheet } from "../fakes/spreadsheet";

let uninstall: () => void = () => {};
afterEach(() => uninstall());

function fresh(): { f: FakeServices; sheet: FakeSheet } {
  const f = createFakeServices({ sheets: { Raw: [["a"]] } });
  uninstall = f.install();
  const sheet = f.spreadsheet.insertSheet("Out");
  f.r.clear();
  return { f, sheet };
}

const plan = (rows: number): SheetPlan => ({
  key: "changes",
  name: "Changes",
  blocks: [
    {
      id: "one",
      title: "First",
      note: "A note",
      header: ["Period", "Count", "Rate", "Change"],
      rows: Array.from({ length: rows }, (_, i) => [
        `2026-${String((i % 12) + 1).padStart(2, "0")}`,
        i,
        i / 100,
        i % 2 ? -0.1 : 0.2,
      ]),
      formats: ["text", "integer", "percent", "percent"],
      highlights: [
        { row: 0, col: -1, style: "total" },
        { row: 1, col: 2, style: "bad" },
      ],
      chart: { type: "bar", title: "Chart", categoryCol: 0, seriesCols: [1] },
      signCols: [3],
    },
    {
      id: "two",
      title: "Second",
      header: ["Name", "Formula-looking"],
      rows: [['=HYPERLINK("x")', null]],
      formats: ["text", "text"],
    },
  ],
});

describe("writeSheet", () => {
  it("lays blocks out top to bottom with one setValues and one setNumberFormats each", () => {
    const { f, sheet } = fresh();
    const layout = writeSheet(
      f.ss.getSheetByName("Out") as GoogleAppsScript.Spreadsheet.Sheet,
      plan(3),
    );
    expect(layout.blocks.map((b) => [b.titleRow, b.noteRow, b.headerRow, b.rows])).toEqual([
      [1, 2, 3, 3],
      [8, null, 9, 1],
    ]);
    const counts = f.r.counts();
    expect(counts["Range.setValues"]).toBe(2);
    expect(counts["Range.setNumberFormats"]).toBe(2);
    const v = sheet.snapshot();
    expect(v[0][0]).toBe("First");
    expect(v[1][0]).toBe("A note");
    expect(v[2].slice(0, 4)).toEqual(["Period", "Count", "Rate", "Change"]);
    expect(v[3].slice(0, 4)).toEqual(["2026-01", 0, 0, 0.2]);
    // Text stays text; user text never becomes a formula.
    expect(sheet.formats.get("4,1")).toBe("@");
    expect(sheet.formats.get("4,3")).toBe("0.0%");
    // Read back as written, and not a formula (the fake takes "=…" as Sheets does).
    expect(v[9][0]).toBe('=HYPERLINK("x")');
    expect(sheet.formulas.size).toBe(0);
    expect(v[9][1]).toBe("");
    // Styles in batches; highlights; conditional formats on the change column; two tables on
    // the sheet, so no frozen header over the second one.
    expect(sheet.fontWeights.get("1,1")).toBe("bold");
    expect(sheet.fontWeights.get("4,4")).toBe("bold");
    expect(sheet.backgrounds.get("5,3")).toBe("#f4cccc");
    expect(sheet.frozenRows).toBe(0);
    expect(sheet.condRules.map((r) => [r.spec.condition, r.spec.ranges])).toEqual([
      ["whenNumberLessThan", ["D4:D6"]],
      ["whenNumberGreaterThan", ["D4:D6"]],
    ]);
    expect(sheet.charts.map((c) => c.spec)).toEqual([
      {
        type: "BAR",
        ranges: ["A3:A6", "B3:B6"],
        position: [1, 6, 0, 0],
        options: { title: "Chart", legend: { position: "none" } },
        numHeaders: 1,
      },
    ]);
  });

  it("freezes the header of a sheet holding one table, and sizes columns from their content", () => {
    const { f, sheet } = fresh();
    const one = plan(3);
    one.blocks = [{ ...one.blocks[0], header: ["Period", "Count", "Step conversion", "Change"] }];
    writeSheet(f.ss.getSheetByName("Out") as GoogleAppsScript.Spreadsheet.Sheet, one);
    expect(sheet.frozenRows).toBe(3);
    // "conversion" (10 letters, bold) fits unbroken; a short column stays narrow.
    expect([...sheet.columnWidths.keys()].sort()).toEqual([1, 2, 3, 4]);
    const px = (col: number) => sheet.columnWidths.get(col) as number;
    expect(px(3)).toBeGreaterThanOrEqual(10 * 7);
    expect(px(2)).toBeLessThan(px(3));
  });

  it("makes the same calls for 10 rows and 5,000 rows (growing the sheet once)", () => {
    const calls = (n: number) => {
      const { f } = fresh();
      writeSheet(f.ss.getSheetByName("Out") as GoogleAppsScript.Spreadsheet.Sheet, plan(n));
      return f.r.log.map((e) => e.method).filter((m) => m !== "Sheet.insertRowsAfter");
    };
    expect(calls(5000)).toEqual(calls(10));
    const { f, sheet } = fresh();
    writeSheet(f.ss.getSheetByName("Out") as GoogleAppsScript.Spreadsheet.Sheet, plan(5000));
    expect(sheet.maxRows).toBeGreaterThanOrEqual(layoutSheet(plan(5000)).totalRows);
    expect(sheet.snapshot()[5002][1]).toBe(4999);
  });
});

describe("the fake services", () => {
  it("install as globals into a node:vm context", () => {
    const f = createFakeServices({
      sheets: { Calls: [["Date"], ["x"]] },
      timeZone: "Europe/Moscow",
      locale: "ru_RU",
    });
    const ctx = vm.createContext({ ...f.globals });
    const out = vm.runInContext(
      `var ss = SpreadsheetApp.getActiveSpreadsheet();
       var sh = ss.insertSheet("Template");
       sh.getRange(1, 1, 1, 2).setValues([["Stage", "Rep"]]);
       sh.getRange("A2:A5").setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["Lead", "Paid"], true).build());
       var lock = LockService.getDocumentLock();
       [ss.getSheets().length, ss.getSpreadsheetTimeZone(), lock.tryLock(1000), Charts.ChartType.BAR].join("|")`,
      ctx,
    );
    expect(out).toBe("2|Europe/Moscow|true|BAR");
    const t = f.spreadsheet.getSheetByName("Template") as FakeSheet;
    expect(t.validations.get("3,1")?.spec).toMatchObject({
      kind: "list",
      values: ["Lead", "Paid"],
    });
    expect(f.r.log.filter((e) => e.write).map((e) => e.method)).toEqual([
      "Spreadsheet.insertSheet",
      "Range.setValues",
      "Range.setDataValidation",
    ]);
  });

  it("behaves like Sheets where it matters: shapes, names, bounds, cache limits", () => {
    const f = createFakeServices({ sheets: { A: [[1, 2]] } });
    const a = f.spreadsheet.getSheetByName("A") as FakeSheet;
    expect(() => a.getRange(1, 1, 1, 2).setValues([[1]])).toThrow(/number of columns/);
    expect(() => a.getRange(1, 1, 1, 1).setValues([[undefined]])).toThrow(/undefined/);
    expect(() => f.spreadsheet.insertSheet("a")).toThrow(/already exists/);
    expect(() => a.getRange(1001, 1)).toThrow(/outside the dimensions/);
    expect(() =>
      f.spreadsheet.deleteSheet(a as unknown as GoogleAppsScript.Spreadsheet.Sheet),
    ).toThrow(/all the sheets/);
    expect(() => f.cache.put("k", "я".repeat(60_000))).toThrow(/too large/);
    f.r.failAtWrite(2);
    a.getRange("A1").setValue(5);
    expect(() => a.getRange("B1").setValue(6)).toThrow(/Injected failure at write 2/);
    a.getRange("B1").setValue(7);
    expect(a.snapshot()).toEqual([[5, 7]]);
  });
});
