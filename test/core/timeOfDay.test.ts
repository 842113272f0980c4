import { describe, expect, it } from "vitest";
import { withTimeOfDay } from "../../src/core/values";

const D = Date.UTC(2026, 2, 5);

describe("withTimeOfDay: a date and a time in two columns", () => {
  it("adds a time serial or a clock time to a date at midnight", () => {
    expect(withTimeOfDay(D, 0.5, "UTC")).toBe(D + 12 * 3_600_000);
    expect(withTimeOfDay(D, "14:05", "UTC")).toBe(D + (14 * 60 + 5) * 60_000);
    expect(withTimeOfDay(D, "09:30:15", "Europe/Moscow")).toBe(
      D + (9 * 3600 + 30 * 60 + 15) * 1000,
    );
  });
  it("leaves the date as it is when the cell holds no time, or the date has one already", () => {
    expect(withTimeOfDay(D, "", "UTC")).toBe(D);
    expect(withTimeOfDay(D, 3, "UTC")).toBe(D);
    expect(withTimeOfDay(D, "25:00", "UTC")).toBe(D);
    expect(withTimeOfDay(D + 60_000, "14:05", "UTC")).toBe(D + 60_000);
  });
});
