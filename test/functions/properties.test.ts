import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/i18n";
import { callFunction, IMPLEMENTATIONS } from "../../src/functions/index";
import { FUNCTIONS } from "../../src/functions/registry";

const WORDS = [
  "",
  " ",
  "15%",
  "15,5 %",
  "1 234,5",
  "1\u00a0234,5",
  "1,234.5",
  "2026-03-01",
  "2026-03-01 14:05",
  "01.03.2026",
  "01.03.2026 14:05",
  "1:30",
  "1:02:03",
  "FALSE",
  "TRUE",
  "average",
  "median",
  "медиана",
  "p90",
  "count",
  "workdays",
  "hours",
  "рабочие дни",
  "calls",
  "minutes",
  "Call",
  "Meeting",
  "Paid",
  "Lost",
  "-0",
  "1e308",
  "NaN",
  "Infinity",
];

const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 100_000 }),
  fc.constantFrom(
    0,
    1,
    -1,
    0.05,
    1 / 3,
    46082,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -Number.MAX_VALUE,
  ),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...WORDS),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
);

// A range: a 2D array (possibly ragged, possibly with arrays as cells), a flat array, or [].
const range: fc.Arbitrary<unknown> = fc.oneof(
  fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 6 }),
  fc.array(fc.tuple(cell), { minLength: 1, maxLength: 8 }),
  fc.array(cell, { maxLength: 5 }),
  fc.array(fc.array(fc.oneof(cell, fc.array(cell, { maxLength: 2 })), { maxLength: 3 }), {
    maxLength: 3,
  }),
  fc.constant([]),
  fc.constant([[]]),
);

const arg = fc.oneof({ weight: 3, arbitrary: cell }, { weight: 3, arbitrary: range });

const INTERNAL = ["could not compute", "не удалось вычислить", "не вдалося обчислити"];

function badValues(v: unknown, path = "result"): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => badValues(x, `${path}[${i}]`));
  if (v === undefined || v === null) return [`${path} is ${v}`];
  if (typeof v === "number" && !Number.isFinite(v)) return [`${path} is ${v}`];
  if (typeof v !== "number" && typeof v !== "string" && typeof v !== "boolean")
    return [`${path} is a ${typeof v}`];
  return [];
}

describe("no input breaks a function (fast-check)", () => {
  for (const fn of FUNCTIONS) {
    it(`${fn.name}: finite results or an Error starting with its name`, () => {
      fc.assert(
        fc.property(
          fc.array(arg, { maxLength: fn.params.length + 1 }),
          fc.constantFrom<Lang>("en", "ru", "uk"),
          fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"),
          (args, lang, timeZone) => {
            // The raw implementation too (without callFunction's safety net).
            try {
              expect(badValues(IMPLEMENTATIONS[fn.name](args, { timeZone, lang }))).toEqual([]);
            } catch (e) {
              expect(e).toBeInstanceOf(Error);
              expect((e as Error).message.startsWith(`${fn.name}: `)).toBe(true);
            }
            let result: unknown;
            try {
              result = callFunction(fn.name, args, { timeZone, lang });
            } catch (e) {
              expect(e).toBeInstanceOf(Error);
              const msg = (e as Error).message;
              expect(msg.startsWith(`${fn.name}: `)).toBe(true);
              for (const s of INTERNAL) expect(msg).not.toContain(s);
              // Values the user typed are quoted; outside the quotes no "undefined" or "[object".
              expect(msg.replace(/"[^"]*"/g, '""')).not.toMatch(/undefined|\[object/);
              return;
            }
            expect(badValues(result)).toEqual([]);
            if (Array.isArray(result)) {
              expect(result.length).toBeGreaterThan(0);
              const w = (result[0] as unknown[]).length;
              for (const r of result) expect((r as unknown[]).length).toBe(w);
            }
          },
        ),
        { numRuns: 1500 },
      );
    });
  }

  it("well-formed numeric inputs give numbers (REQUIRED_CALLS ≥ target)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (target, rates) => {
          const r = callFunction("REQUIRED_CALLS", [target, rates.map((x) => [x])], {
            timeZone: "UTC",
            lang: "en",
          });
          expect(typeof r).toBe("number");
          expect(Number.isInteger(r)).toBe(true);
          expect(r as number).toBeGreaterThanOrEqual(target);
        },
      ),
    );
  });
});
