import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayNumber, isoWeekKey, monthKey, workdaysBetween } from "../../src/core/calendar";
import {
  cellText,
  currencyOfAmount,
  nameKey,
  parseDate,
  parseDurationSeconds,
  parseNumber,
} from "../../src/core/values";

describe("parseNumber", () => {
  it.each([
    [1234.5, 1234.5],
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1234.5", 1234.5],
    ["15%", 0.15],
    ["15,5 %", 0.155],
    ["1,5", 1.5],
    ["0,125", 0.125],
    ["1,234", 1234],
    ["1,234,567", 1234567],
    ["-3", -3],
    ["$1,200", 1200],
    ["1 200 ₽", 1200],
  ])("%j → %j", (input, expected) => {
    expect(parseNumber(input)).toBeCloseTo(expected as number, 10);
  });

  it.each([["abc"], [""], [true], [null], ["1,2,3"], ["1.2.3.4x"], [Number.NaN], [Infinity]])(
    "%j is not a number",
    (input) => {
      expect(parseNumber(input)).toBeNull();
    },
  );
});

describe("parseDate", () => {
  const tz = { timeZone: "Europe/Berlin" };
  it("reads text forms as wall-clock dates", () => {
    expect(parseDate("2026-03-01", tz)).toBe(Date.UTC(2026, 2, 1));
    expect(parseDate("2026-03-01 14:05", tz)).toBe(Date.UTC(2026, 2, 1, 14, 5));
    expect(parseDate("01.03.2026", tz)).toBe(Date.UTC(2026, 2, 1));
    expect(parseDate("01.03.2026 14:05", tz)).toBe(Date.UTC(2026, 2, 1, 14, 5));
    expect(parseDate("31.02.2026", tz)).toBeNull();
  });

  it("shows a Date in the spreadsheet's zone, so plain-date differences stay whole across DST", () => {
    // Midnights in Berlin on both sides of the 2026-03-29 change to summer time.
    const before = new Date("2026-03-28T23:00:00Z"); // 2026-03-29 00:00 CET
    const after = new Date("2026-03-30T22:00:00Z"); // 2026-03-31 00:00 CEST
    const a = parseDate(before, tz)!;
    const b = parseDate(after, tz)!;
    expect((b - a) / 86_400_000).toBe(2);
    expect(dayNumber(a)).toBe(Date.UTC(2026, 2, 29) / 86_400_000);
  });

  it("reads serial days only when asked", () => {
    expect(parseDate(46082, tz)).toBeNull();
    expect(parseDate(46082, { ...tz, serialNumbers: true })).toBe(Date.UTC(2026, 2, 1));
  });
});

describe("calendar", () => {
  it("counts Monday–Friday days", () => {
    const mon = Date.UTC(2026, 10, 23) / 86_400_000; // a Monday
    expect(workdaysBetween(mon, mon + 7)).toBe(5);
    expect(workdaysBetween(mon + 4, mon + 7)).toBe(1);
    expect(workdaysBetween(mon, mon + 30)).toBe(22);
  });
  it("keys weeks and months", () => {
    expect(monthKey(Date.UTC(2026, 2, 1))).toBe("2026-03");
    expect(isoWeekKey(Date.UTC(2026, 0, 1))).toBe("2026-W01");
    expect(isoWeekKey(Date.UTC(2027, 0, 1))).toBe("2026-W53");
  });
});

describe("parseDurationSeconds", () => {
  it("reads seconds, mm:ss, h:mm:ss and Sheets durations", () => {
    expect(parseDurationSeconds(75, "UTC")).toBe(75);
    expect(parseDurationSeconds("1:15", "UTC")).toBe(75);
    expect(parseDurationSeconds("1:02:03", "UTC")).toBe(3723);
    // A 0:01:15 duration cell as Apps Script hands it in Moscow (historic LMT offset in 1899).
    const moscowLmtMs = (2 * 3600 + 30 * 60 + 17) * 1000;
    const d = new Date(Date.UTC(1899, 11, 30, 0, 1, 15) - moscowLmtMs);
    expect(parseDurationSeconds(d, "Europe/Moscow")).toBe(75);
  });
});

describe("nameKey", () => {
  /** The rule nameKey implements, without its fast paths. */
  const rule = (v: unknown) => cellText(v).toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");

  it("matches names ignoring case, surrounding and repeated spaces, ё/е", () => {
    expect(nameKey("  Оплачено ")).toBe(nameKey("оплачено"));
    expect(nameKey("Ёлка  Зелёная")).toBe("елка зеленая");
    expect(nameKey("D-17")).toBe("d-17");
    expect(nameKey("d-17")).toBe("d-17");
    expect(nameKey(17)).toBe("17");
    expect(nameKey(Number.NaN)).toBe("");
  });
  it("gives what the rule gives for any text or number (the fast paths change nothing)", () => {
    const ascii = fc.string({ unit: fc.constantFrom(..."aZ09 -_.!@[~\t\nЁё".split("")) });
    fc.assert(
      fc.property(fc.oneof(fc.string(), ascii, fc.double(), fc.integer()), (v) => {
        expect(nameKey(v)).toBe(rule(v));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("values real exports carry (SPEC §3)", () => {
  const utc = { timeZone: "UTC" };
  const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
    Date.UTC(y, mo - 1, d, h, mi, s);

  it("dates: ISO with T and a zone (read as written), month names, RFC 2822, dd.mm.yyyy hh:mm[:ss]", () => {
    expect(parseDate("2021-05-08T03:59:51+03:00", utc)).toBe(at(2021, 5, 8, 3, 59, 51));
    expect(parseDate("2021-05-08T03:59:51.123Z", utc)).toBe(at(2021, 5, 8, 3, 59, 51));
    expect(parseDate("15 Apr, 2021 00:02:00", utc)).toBe(at(2021, 4, 15, 0, 2));
    expect(parseDate("Fri, 01 Mar 2024 10:00:00 +0000", utc)).toBe(at(2024, 3, 1, 10));
    expect(parseDate("Apr 15, 2021 10:05 PM", utc)).toBe(at(2021, 4, 15, 22, 5));
    expect(parseDate("1 марта 2024", utc)).toBe(at(2024, 3, 1));
    expect(parseDate("08.05.2021 03:59:51", utc)).toBe(at(2021, 5, 8, 3, 59, 51));
    expect(parseDate("08.05.2021 03:59", utc)).toBe(at(2021, 5, 8, 3, 59));
    expect(parseDate("31 Feb, 2021", utc)).toBeNull();
    expect(parseDate("Closed Won", utc)).toBeNull();
    expect(parseDate("не закрыта", utc)).toBeNull();
  });

  it("durations in words, as telephony writes them", () => {
    expect(parseDurationSeconds("2 мин, 15 сек", "UTC")).toBe(135);
    expect(parseDurationSeconds("45 сек", "UTC")).toBe(45);
    expect(parseDurationSeconds("1 h 5 min", "UTC")).toBe(3900);
    expect(parseDurationSeconds("1 ч 2 мин 3 с", "UTC")).toBe(3723);
    expect(parseDurationSeconds("5 apples", "UTC")).toBeNull();
    expect(parseDurationSeconds("1:15", "UTC")).toBe(75);
  });

  it("money with signs and codes, and the currency it names", () => {
    expect(parseNumber("$22,700.00")).toBe(22700);
    expect(parseNumber("1 234,50 ₽")).toBe(1234.5);
    expect(parseNumber("12 000")).toBe(12000);
    expect(parseNumber("1200 PEN")).toBe(1200);
    expect(currencyOfAmount("$22,700.00")).toBe("USD");
    expect(currencyOfAmount("1 234,50 ₽")).toBe("RUB");
    expect(currencyOfAmount("1200 PEN")).toBe("PEN");
    expect(currencyOfAmount("12 000")).toBe("");
    expect(currencyOfAmount(12000)).toBe("");
  });
});
