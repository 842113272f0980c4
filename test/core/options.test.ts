/**
 * The one set of rules for the report options (src/shared/options.ts), used by the sidebar, the
 * command and the settings tab: anything in gives a clean value in range, the default, or an
 * error naming the option; never NaN.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanOptions,
  isIsoDay,
  OPTION_KEYS,
  OPTION_RULES,
  readOption,
  toReportOptions,
} from "../../src/shared/options";
import { cleanSettings, keepStored } from "../../src/shared/settings";

const key = fc.constantFrom(...OPTION_KEYS);
/** What a box, a flag or a hand-edited settings tab may hold. */
const anyInput = fc.oneof(
  fc.anything(),
  fc.string(),
  fc.double(),
  fc.integer({ min: -10_000, max: 10_000 }).map(String),
  fc.double({ min: -5000, max: 5000, noNaN: true }).map((n) => String(n).replace(".", ",")),
  fc.constantFrom("", " ", "12,5", "20 %", "1e3", "0x10", "Infinity", "NaN", "-0", ".5", "5."),
);

describe("readOption", () => {
  it("any input: a finite value within the rule, the default, or an error naming the option", () => {
    fc.assert(
      fc.property(key, anyInput, (k, raw) => {
        const r = readOption(k, raw);
        const rule = OPTION_RULES[k];
        if (!r.ok) {
          expect(r.key).toBe(k);
          expect(r.rule).toBe(rule);
          return;
        }
        if (r.value === null) return;
        expect(Number.isFinite(r.value)).toBe(true);
        expect(r.value).toBeGreaterThanOrEqual(rule.min);
        expect(r.value).toBeLessThanOrEqual(rule.max);
        if (rule.whole) expect(Number.isInteger(r.value)).toBe(true);
        expect(Object.is(r.value, -0)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("every value in range reads back as itself, typed or stored", () => {
    fc.assert(
      fc.property(key, fc.double({ min: 0, max: 1, noNaN: true }), (k, f) => {
        const rule = OPTION_RULES[k];
        let v = rule.min + f * (rule.max - rule.min);
        if (rule.whole) v = Math.round(v);
        expect(readOption(k, v)).toEqual({ ok: true, value: v });
        expect(readOption(k, String(v))).toEqual({ ok: true, value: v });
      }),
    );
  });

  it("reads what people type, and refuses what is not a plain number in range", () => {
    expect(readOption("velocityGoalPercent", "12,5")).toEqual({ ok: true, value: 12.5 });
    expect(readOption("velocityGoalPercent", " 20 % ")).toEqual({ ok: true, value: 20 });
    expect(readOption("cohortWindowDays", "")).toEqual({ ok: true, value: null });
    expect(readOption("cohortWindowDays", null)).toEqual({ ok: true, value: null });
    expect(readOption("cohortWindowDays", "0")).toEqual({ ok: true, value: 0 });
    expect(readOption("longCallSeconds", "1e2")).toEqual({ ok: true, value: 100 });
    expect(readOption("cohortWindowDays", 3650)).toEqual({ ok: true, value: 3650 });
    for (const [k, bad] of [
      ["cohortWindowDays", "3651"],
      ["cohortWindowDays", "2.5"],
      ["cohortWindowDays", "-1"],
      ["topN", "0"],
      ["topN", "0x10"],
      ["longCallSeconds", "1e5"],
      ["longCallSeconds", "1e"],
      ["longCallSeconds", "Infinity"],
      ["dropThresholdPercent", Number.NaN],
      ["dropThresholdPercent", "100.5"],
      ["velocityGoalPercent", true],
      ["velocityGoalPercent", [20]],
    ] as const) {
      expect(readOption(k, bad).ok, `${k} ${String(bad)}`).toBe(false);
    }
  });
});

describe("stored options", () => {
  it("cleanOptions keeps exactly the well-formed ones", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...OPTION_KEYS, "other"), anyInput), (o) => {
        const clean = cleanOptions(o);
        for (const [k, v] of Object.entries(clean)) {
          const r = readOption(k as (typeof OPTION_KEYS)[number], v);
          expect(r).toEqual({ ok: true, value: v });
        }
        for (const k of OPTION_KEYS) {
          const r = readOption(k, o[k]);
          expect(k in clean).toBe(r.ok && r.value !== null);
        }
      }),
    );
  });

  it("the report takes the shares as fractions", () => {
    expect(
      toReportOptions({
        cohortWindowDays: 0,
        velocityGoalPercent: 15,
        dropThresholdPercent: 12.5,
        longCallSeconds: 90,
        topN: 7,
      }),
    ).toEqual({
      cohortWindowDays: 0,
      velocityGoal: 0.15,
      dropThreshold: 0.125,
      longCallSeconds: 90,
      topN: 7,
    });
    expect(toReportOptions({})).toEqual({});
  });

  it("the settings tab's options: cleaned, and kept when the sidebar has not read them", () => {
    expect(
      cleanSettings({ options: { topN: "7", velocityGoalPercent: 500, cohortWindowDays: 14 } }),
    ).toEqual({ options: { topN: 7, cohortWindowDays: 14 } });
    expect(cleanSettings({ options: "junk" })).toEqual({});
    const saved = { options: { topN: 7 }, roleNorms: { heldMin: 2 } };
    // Before the sidebar has read the settings it sends none: the saved ones stay.
    expect(keepStored({ period: "week" }, saved)).toEqual({ period: "week", ...saved });
    // After, {} means "none set": the user cleared them.
    expect(keepStored({ options: {} }, saved).options).toEqual({});
  });
});

describe("isIsoDay", () => {
  it("is a real calendar day as yyyy-mm-dd", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2026-13-01")).toBe(false);
    expect(isIsoDay("2026-1-01")).toBe(false);
    fc.assert(
      fc.property(
        fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        (d) => {
          expect(isIsoDay(d.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });
});
