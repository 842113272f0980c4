import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDate, parseDate } from "../../sidebar/dates";

describe("sidebar dates in the UI language's order", () => {
  it("shows day.month.year in Russian and Ukrainian, ISO in English", () => {
    expect(formatDate("2026-03-07", "ru")).toBe("07.03.2026");
    expect(formatDate("2026-03-07", "uk")).toBe("07.03.2026");
    expect(formatDate("2026-03-07", "en")).toBe("2026-03-07");
    expect(formatDate("", "ru")).toBe("");
  });

  it("reads the language's order, and ISO anywhere", () => {
    expect(parseDate("7.3.2026", "ru")).toBe("2026-03-07");
    expect(parseDate("07/03/2026", "uk")).toBe("2026-03-07");
    expect(parseDate("2026-03-07", "ru")).toBe("2026-03-07");
    expect(parseDate(" 2026-3-7 ", "en")).toBe("2026-03-07");
    expect(parseDate("", "en")).toBe("");
  });

  it("refuses what is not a date, and never guesses month/day in English", () => {
    for (const bad of [
      "31.02.2026",
      "29.02.2025",
      "12.13.2026",
      "tomorrow",
      "2026-02-30",
      "1.1.26",
    ]) {
      expect(parseDate(bad, "ru"), bad).toBeNull();
    }
    expect(parseDate("03/07/2026", "en")).toBeNull();
    expect(parseDate("29.02.2024", "ru")).toBe("2024-02-29");
  });

  it("reads back every date it shows, in every language", () => {
    const day = fc
      .date({
        min: new Date(Date.UTC(1900, 0, 1)),
        max: new Date(Date.UTC(2999, 11, 31)),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.constantFrom("en", "ru", "uk" as const), (iso, lang) => {
        expect(parseDate(formatDate(iso, lang), lang)).toBe(iso);
      }),
    );
  });
});
