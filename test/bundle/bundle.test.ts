/**
 * The built Apps Script bundle (dist/Code.js) in a bare node:vm context: every custom function is
 * a real top-level function with named parameters and its @customfunction JSDoc right above it,
 * and it computes with Dates made inside that context, in the spreadsheet's time zone (not the
 * process's, which is UTC).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS } from "../../src/functions/registry";
import { ENTRY_POINTS } from "../../src/server/entrypoints";
import {
  buildDist,
  DIST_CODE,
  fakeSpreadsheetApp,
  type GasVm,
  loadGas,
  ROOT,
  toHost,
} from "../support/gas-vm";

let gas: GasVm;
let code: string;

beforeAll(() => {
  buildDist();
  code = readFileSync(DIST_CODE, "utf8");
  gas = loadGas({ SpreadsheetApp: fakeSpreadsheetApp("Europe/Berlin", "de_DE") });
});

describe("dist/Code.js", () => {
  it("is a classic script with no Node-only code", () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(|node:|\bprocess\.|\bBuffer\b/);
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    const manifest = JSON.parse(readFileSync(join(ROOT, "dist", "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
  });

  it("is a strict script whose one global holds what the top-level functions call", () => {
    expect(code.split("\n")[1]).toMatch(/^"use strict";/);
    const names = [...FUNCTIONS.map((f) => f.name), ...ENTRY_POINTS.map((ep) => ep.name)];
    expect(gas.run<string>("Object.keys(Voronka).join()").split(",").sort()).toEqual(names.sort());
  });

  it("the vm context is bare", () => {
    for (const name of ["require", "process", "module", "Buffer"]) {
      expect(gas.run(`typeof ${name}`)).toBe("undefined");
    }
  });

  it.each(FUNCTIONS.map((f) => [f.name, f] as const))(
    "%s is a top-level function with named params and its JSDoc right above",
    (name, fn) => {
      const params = fn.params.map((p) => p.name).join(", ");
      const re = new RegExp(
        `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\n(function ${name}\\(([^)]*)\\) \\{)`,
      );
      const m = re.exec(code);
      expect(m, name).not.toBeNull();
      const [, doc, , got] = m!;
      expect(got).toBe(params);
      expect(doc).toContain("@customfunction");
      const paramLines = doc.match(/@param \{[^}]+\} (\w+)/g) ?? [];
      expect(paramLines.map((l) => l.replace(/@param \{[^}]+\} /, ""))).toEqual(
        fn.params.map((p) => p.name),
      );
      expect(doc).toMatch(/@return/);
      // Top level: the context sees it as a global function with the same arity.
      const f = gas.run<(...a: unknown[]) => unknown>(name);
      expect(typeof f).toBe("function");
      expect(f.length).toBe(fn.params.length);
    },
  );

  it("computes SPEC examples through the top-level functions", () => {
    expect(gas.call("CONVERSION", 1000, 150)).toBe(0.15);
    expect(gas.call("REQUIRED_CALLS", 50, gas.run("[[0.15],[1/3]]"))).toBe(1000);
    expect(gas.call("REQUIRED_CALLS", 50, 0.05, 21)).toBe(48);
    expect(toHost(gas.call("FUNNEL", [["Call"], ["Meeting"]], [["call"], ["meeting"]]))).toEqual([
      ["Stage", "Count", "Step conversion", "Overall conversion"],
      ["call", 1, "", 1],
      ["meeting", 1, 1, 1],
    ]);
  });

  it("reads context-realm Dates in the spreadsheet's zone, whole days across DST", () => {
    // Midnight in Berlin on 28 and 30 March 2026 (DST starts on the 29th): 47 real hours apart.
    const from = gas.run(
      "[[new Date('2026-03-27T23:00:00Z')], [new Date('2026-10-24T22:00:00Z')]]",
    );
    const to = gas.run("[[new Date('2026-03-29T22:00:00Z')], [new Date('2026-10-25T23:00:00Z')]]");
    expect(gas.run("new Date(0)") instanceof Date).toBe(false); // really another realm
    expect(gas.call("STAGE_VELOCITY", from, to)).toBe(1.5);
    expect(gas.call("STAGE_VELOCITY", from, to, "max")).toBe(2);
    expect(gas.call("STAGE_VELOCITY", from, to, "count", "hours")).toBe(2);
    // The same instants read in UTC are not whole days.
    gas.setGlobal("SpreadsheetApp", fakeSpreadsheetApp("UTC"));
    expect(gas.call("STAGE_VELOCITY", from, to, "max")).not.toBe(2);
    gas.setGlobal("SpreadsheetApp", fakeSpreadsheetApp("Europe/Berlin", "de_DE"));
  });

  it("PLAN_PACE and TALK_TIME with vm Dates in America/New_York", () => {
    const ny = loadGas({ SpreadsheetApp: fakeSpreadsheetApp("America/New_York", "en_US") }, code);
    const start = ny.run("new Date('2026-03-01T05:00:00Z')"); // 1 March, midnight in New York
    const end = ny.run("new Date('2026-03-31T04:00:00Z')"); // 31 March (EDT)
    const asOf = ny.run("new Date('2026-03-11T03:30:00Z')"); // 10 March, 23:30 in New York
    expect(toHost(ny.call("PLAN_PACE", 10, 31, start, end, asOf))).toEqual([[31, 1]]);
    // 0:01:30 as a Sheets duration: 1899-12-30 00:01:30 in New York (EST since 1883).
    const dur = ny.run("new Date(Date.UTC(1899, 11, 30, 5, 1, 30))");
    expect(toHost(ny.call("TALK_TIME", [[dur], [30]]))).toEqual([[1, 2]]);
  });

  it("errors are Errors from the function, in the spreadsheet's language", () => {
    const ru = loadGas({ SpreadsheetApp: fakeSpreadsheetApp("Europe/Moscow", "ru_RU") }, code);
    expect(() => ru.call("REQUIRED_CALLS", 50, 15)).toThrow(/^REQUIRED_CALLS: аргумент rates.*15%/);
    const uk = loadGas({ SpreadsheetApp: fakeSpreadsheetApp("Europe/Kyiv", "uk") }, code);
    expect(() => uk.call("CONVERSION", "abc", 1)).toThrow(/^CONVERSION: аргумент from, клітинка/);
    // Without SpreadsheetApp (e.g. run from the editor): UTC and English.
    const bare = loadGas({}, code);
    expect(() => bare.call("CONVERSION", "abc", 1)).toThrow(/^CONVERSION: argument from/);
  });

  it("fuzzed inputs (with vm-realm Dates) give clean results or the function's own Error", () => {
    const vmDate = (ms: number) => gas.run(`new Date(${ms})`);
    const cell = fc.oneof(
      fc.double(),
      fc.constantFrom("", "15%", "2026-03-01", "1:30", "median", "workdays", "Call", "x", null),
      fc.boolean(),
      fc.integer({ min: -8.64e15, max: 8.64e15 }).map(vmDate),
    );
    const arg = fc.oneof(cell, fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 4 }));
    for (const fn of FUNCTIONS) {
      fc.assert(
        fc.property(fc.array(arg, { maxLength: fn.params.length }), (args) => {
          let r: unknown;
          try {
            r = gas.call(fn.name, ...args);
          } catch (e) {
            expect(Object.prototype.toString.call(e)).toBe("[object Error]");
            expect((e as Error).name).toBe("Error");
            expect((e as Error).message.startsWith(`${fn.name}: `)).toBe(true);
            return;
          }
          const flat = Array.isArray(r) ? (r as unknown[][]).flat() : [r];
          for (const v of flat) {
            expect(["number", "string", "boolean"]).toContain(typeof v);
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    }
  });
});
