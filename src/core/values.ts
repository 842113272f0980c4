/**
 * Reading cell values the way SPEC §2 describes: numbers with any common separators, percents,
 * dates (Date objects, ISO and dd.mm.yyyy text, serial days) and call durations.
 * Pure: no Apps Script globals. Date results are wall-clock ms (see calendar.ts).
 */
import { instantToWall, MS_PER_DAY } from "./calendar";

/** A blank cell as Sheets passes it. */
export function isBlank(v: unknown): boolean {
  return v === "" || v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * A `Date` from any realm (Apps Script hands custom functions Dates made in its own context, so
 * `instanceof Date` is not reliable).
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** A valid `Date` (not `new Date(NaN)`). */
export function isValidDate(v: unknown): v is Date {
  return isDate(v) && !Number.isNaN(v.getTime());
}

const SPACES = /[\s\u00a0\u202f\u2007\u2009']/g;
const CURRENCY =
  /^(?:[$€£₽₴¥]|руб\.?|р\.|грн\.?|uah|rub|usd|eur)|(?:[$€£₽₴¥]|руб\.?|р\.|грн\.?|uah|rub|usd|eur)$/i;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A number from a cell: a finite JS number, or text such as `1 234,5`, `1,234.5`, `15%`,
 * `15,5 %`, `$1,200`. A trailing `%` divides by 100. With only commas, a comma followed by
 * exactly three digits after 1–3 leading digits groups thousands (`1,234` → 1234,
 * `1,234,567`); any other single comma is a decimal comma (`1,5` → 1.5, `0,125`).
 * Returns `null` when the value is blank or not a number (booleans and dates are not numbers).
 */
export function parseNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  let s = v.replace(SPACES, "");
  if (s === "") return null;
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  let negative = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
  }
  for (let i = 0; i < 2; i++) {
    const m = s.match(CURRENCY);
    if (m) s = m.index === 0 ? s.slice(m[0].length) : s.slice(0, m.index);
  }
  if (s.startsWith("-") || s.startsWith("−")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  // Currency can also come after the sign: "-$1,200".
  const m = s.match(CURRENCY);
  if (m && m.index === 0) s = s.slice(m[0].length);
  if (s === "") return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    if (lastComma > lastDot) {
      if (!/^\d{1,3}(?:\.\d{3})*,\d*$/.test(s)) return null;
      s = s.replace(/\./g, "").replace(",", ".");
    } else {
      if (!/^\d{1,3}(?:,\d{3})*\.\d*$/.test(s)) return null;
      s = s.replace(/,/g, "");
    }
  } else if (lastComma >= 0) {
    const commas = s.split(",").length - 1;
    // "1,234" (1–3 nonzero-led digits, then exactly three) is a thousands group, as in exports;
    // any other single comma is a decimal comma ("1,5", "0,125").
    if (commas === 1 && !/^[1-9]\d{0,2},\d{3}$/.test(s)) s = s.replace(",", ".");
    else if (/^\d{1,3}(?:,\d{3})+$/.test(s)) s = s.replace(/,/g, "");
    else return null;
  } else if (lastDot >= 0 && s.indexOf(".") !== lastDot) {
    if (!/^\d{1,3}(?:\.\d{3})+$/.test(s)) return null;
    s = s.replace(/\./g, "");
  }
  if (!PLAIN_NUMBER.test(s)) return null;
  const n = Number(s) * scale;
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/** Options for reading dates. */
export interface DateReadOptions {
  /** The spreadsheet's IANA time zone: `Date` objects are shown in it. */
  timeZone: string;
  /** Read plain numbers as Sheets serial days (1899-12-30 = 0). Off unless documented. */
  serialNumbers?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const DOTTED_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Wall-clock ms of a valid calendar date and time, or null. */
export function wallFromFields(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return ms;
}

/** Sheets serial day number → wall-clock ms. */
export function serialToWall(serial: number): number {
  return Math.round((serial - 25569) * MS_PER_DAY);
}

/** Wall-clock ms → Sheets serial day number. */
export function wallToSerial(wallMs: number): number {
  return wallMs / MS_PER_DAY + 25569;
}

/**
 * Wall-clock ms of a date cell, or null when it is not a date: a `Date` (shown in the
 * spreadsheet's time zone), text `2026-03-01`, `2026-03-01 14:05`, `01.03.2026`,
 * `01.03.2026 14:05`, or (with `serialNumbers`) a serial day number.
 */
export function parseDate(v: unknown, opts: DateReadOptions): number | null {
  if (isDate(v)) {
    const t = v.getTime();
    return Number.isNaN(t) ? null : instantToWall(t, opts.timeZone);
  }
  if (typeof v === "number") {
    if (!opts.serialNumbers || !Number.isFinite(v) || v < 0 || v > 2_958_465) return null;
    return serialToWall(v);
  }
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = ISO_DATE.exec(s);
  if (m) {
    return wallFromFields(
      +m[1],
      +m[2],
      +m[3],
      m[4] ? +m[4] : 0,
      m[5] ? +m[5] : 0,
      m[6] ? +m[6] : 0,
    );
  }
  m = DOTTED_DATE.exec(s);
  if (m) {
    return wallFromFields(
      +m[3],
      +m[2],
      +m[1],
      m[4] ? +m[4] : 0,
      m[5] ? +m[5] : 0,
      m[6] ? +m[6] : 0,
    );
  }
  return null;
}

const SHEETS_EPOCH_WALL = Date.UTC(1899, 11, 30);
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d+))?$/;

/**
 * Seconds of a call duration: a number of seconds, text `75`, `1:15` (mm:ss), `1:02:03` (h:mm:ss),
 * or a Sheets duration (a `Date` counted from 1899-12-30 in the spreadsheet's time zone).
 * Returns null when the value is blank or not a duration; negative values are returned as they
 * are for the caller to reject.
 */
export function parseDurationSeconds(v: unknown, timeZone: string): number | null {
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return null;
    return Math.round((instantToWall(t, timeZone) - SHEETS_EPOCH_WALL) / 1000);
  }
  if (typeof v === "string") {
    const s = v.trim();
    const m = CLOCK.exec(s);
    if (m) {
      const hours = m[1] ? +m[1] : 0;
      const minutes = +m[2];
      const seconds = +m[3];
      if (seconds > 59 || (m[1] && minutes > 59)) return null;
      return hours * 3600 + minutes * 60 + seconds;
    }
  }
  return parseNumber(v);
}

/** Text of a cell for names and ids: trimmed; numbers without float noise; blank → "". */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isValidDate(v)) return v.toISOString();
  return String(v).trim();
}

/** Printable ASCII with no space: its key is its lower case (nothing to trim or fold). */
const PLAIN_KEY = /^[!-~]*$/;

/** Key for matching names: case-insensitive, surrounding and repeated spaces ignored, ё = е. */
export function nameKey(v: unknown): string {
  // Fast paths for ids (one call per row in FUNNEL and STAGE_VELOCITY): numbers, and ASCII text
  // with no spaces, which needs no trimming or folding.
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "string" && PLAIN_KEY.test(v)) return v.toLowerCase();
  return cellText(v).toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
}

/** A mark in a stage column: non-blank and not FALSE (checkbox, date, "yes", any text). */
export function isMarked(v: unknown): boolean {
  if (isBlank(v) || v === false) return false;
  if (typeof v === "string") {
    const k = v.trim().toLowerCase();
    return k !== "false" && k !== "ложь" && k !== "хибність";
  }
  return true;
}
