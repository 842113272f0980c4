/**
 * Reading cell values the way SPEC §2 describes: numbers with any common separators, percents,
 * dates (Date objects, ISO and dd.mm.yyyy text, serial days) and call durations.
 * Pure: no Apps Script globals. Date results are wall-clock ms (see calendar.ts).
 */
import { instantToWall, MS_PER_DAY } from "./calendar";
import { InternalError } from "./indexed";

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
/** Currency signs and the ISO codes exports write next to amounts ("$22,700.00", "1 234,50 ₽", "1200 PEN"). */
const CURRENCY_TOKEN =
  "[$€£₽₴¥₸]|руб\\.?|р\\.|грн\\.?|uah|rub|usd|eur|gbp|kzt|byn|cny|jpy|chf|pln|try|inr|brl|mxn|cop|pen|clp|ars|cad|aud";
const CURRENCY = new RegExp(`^(?:${CURRENCY_TOKEN})|(?:${CURRENCY_TOKEN})$`, "i");
const CURRENCY_CODES: Record<string, string> = {
  $: "USD",
  "€": "EUR",
  "£": "GBP",
  "₽": "RUB",
  "₴": "UAH",
  "¥": "JPY",
  "₸": "KZT",
  руб: "RUB",
  "руб.": "RUB",
  "р.": "RUB",
  грн: "UAH",
  "грн.": "UAH",
};

/**
 * The currency an amount cell names by sign or ISO code ("$22,700.00" → "USD", "1 234,50 ₽" →
 * "RUB", "1200 PEN" → "PEN"), or "" when it names none.
 */
export function currencyOfAmount(v: unknown): string {
  if (typeof v !== "string") return "";
  const s = v.replace(SPACES, "").replace(/^[(+\-−]+|[)%]+$/g, "");
  const m = s.match(CURRENCY);
  if (!m) return "";
  const t = m[0].toLowerCase();
  return CURRENCY_CODES[t] ?? (/^[a-z]{3}$/.test(t) ? t.toUpperCase() : "");
}
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

// A trailing zone (Z, +03:00, +0300) is dropped: dates in exports are read as written.
const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/i;
const CLOCK_PART = "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?";
const ZONE_PART = "(?:\\s*(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2}))?";
const WEEKDAY_PART = "(?:[\\p{L}]{2,9}\\.?,?\\s+)?";
/** "15 Apr, 2021 00:02:00", RFC 2822 "Fri, 01 Mar 2024 10:00:00 +0000", "1 марта 2024". */
const DAY_MONTH_YEAR = new RegExp(
  `^${WEEKDAY_PART}(\\d{1,2})\\s+([\\p{L}]{3,10})\\.?,?\\s+(\\d{4})г?\\.?${CLOCK_PART}${ZONE_PART}$`,
  "iu",
);
/** "Apr 15, 2021 10:00 AM", "Fri Mar 01 2024 10:00:00". */
const MONTH_DAY_YEAR = new RegExp(
  `^${WEEKDAY_PART}([\\p{L}]{3,10})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})${CLOCK_PART}${ZONE_PART}$`,
  "iu",
);
const MONTH_PREFIXES: [string, number][] = [
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["may", 5],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
  ["янв", 1],
  ["фев", 2],
  ["мар", 3],
  ["апр", 4],
  ["мая", 5],
  ["май", 5],
  ["июн", 6],
  ["июл", 7],
  ["авг", 8],
  ["сен", 9],
  ["окт", 10],
  ["ноя", 11],
  ["дек", 12],
  ["січ", 1],
  ["лют", 2],
  ["бер", 3],
  ["кві", 4],
  ["тра", 5],
  ["чер", 6],
  ["лип", 7],
  ["сер", 8],
  ["вер", 9],
  ["жов", 10],
  ["лис", 11],
  ["гру", 12],
];

/** Month number of an English, Russian or Ukrainian month name or abbreviation. */
function monthOfName(word: string): number | null {
  const k = word.toLowerCase();
  for (const [p, n] of MONTH_PREFIXES) if (k.startsWith(p)) return n;
  return null;
}

function wallFromNamedMonth(
  year: string,
  monthName: string,
  day: string,
  m: RegExpExecArray,
): number | null {
  const month = monthOfName(monthName);
  if (month === null) return null;
  let hour = m[4] ? +m[4] : 0;
  const ampm = m[7]?.toLowerCase().replace(/\./g, "");
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === "pm" ? 12 : 0);
  }
  return wallFromFields(+year, month, +day, hour, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
}
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
 * A group the pattern always fills (not an optional one). Its own function rather than the
 * generic `at`: it runs for every date and duration cell, and reads only regex matches.
 */
function group(m: RegExpExecArray, i: number): string {
  const text = m[i];
  if (text === undefined) throw new InternalError(`group ${i} of ${m[0]} is empty`);
  return text;
}

/** A date matched with year, month and day at the groups given, and the time at groups 4–6. */
function wallOfMatch(m: RegExpExecArray, y: number, mo: number, d: number): number | null {
  return wallFromFields(
    +group(m, y),
    +group(m, mo),
    +group(m, d),
    m[4] ? +m[4] : 0,
    m[5] ? +m[5] : 0,
    m[6] ? +m[6] : 0,
  );
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
  if (m) return wallOfMatch(m, 1, 2, 3);
  m = DOTTED_DATE.exec(s);
  if (m) return wallOfMatch(m, 3, 2, 1);
  // Month names: only text with a letter gets here, so numbers and ISO text never pay for it.
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return wallFromNamedMonth(group(m, 3), group(m, 2), group(m, 1), m);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return wallFromNamedMonth(group(m, 3), group(m, 1), group(m, 2), m);
  return null;
}

const SHEETS_EPOCH_WALL = Date.UTC(1899, 11, 30);
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d+))?$/;

/**
 * A date that has no time of day (wall ms at midnight) moved to the time in a second column: a
 * time serial (a fraction of a day) or a clock time ("14:05"); unchanged when that cell holds
 * neither.
 */
export function withTimeOfDay(dateWall: number, time: unknown, timeZone: string): number {
  if (dateWall % 86_400_000 !== 0) return dateWall;
  // "14:05" in a time column is five past two, not 14 minutes 5 seconds (a duration's m:ss).
  const hm = typeof time === "string" ? /^\s*(\d{1,2}):(\d{2})\s*$/.exec(time) : null;
  const t = hm
    ? Number(hm[1]) * 3600 + Number(hm[2]) * 60
    : typeof time === "number"
      ? time < 1
        ? Math.round(time * 86_400)
        : null
      : parseDurationSeconds(time, timeZone);
  return t !== null && t >= 0 && t < 86_400 ? dateWall + t * 1000 : dateWall;
}

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
      const minutes = +group(m, 2);
      const seconds = +group(m, 3);
      if (seconds > 59 || (m[1] && minutes > 59)) return null;
      return hours * 3600 + minutes * 60 + seconds;
    }
    if (/\p{L}/u.test(s)) return durationInWords(s);
  }
  return parseNumber(v);
}

const DURATION_UNITS: [RegExp, number][] = [
  [/^(?:h|hr|hrs|hours?|ч|час|часа|часов|год|години|годин)\.?$/, 3600],
  [/^(?:m|mins?|minutes?|мин|минут[аы]?|хв|хвилин[аи]?)\.?$/, 60],
  [/^(?:s|secs?|seconds?|с|сек|секунд[аы]?)\.?$/, 1],
];
const DURATION_PART = /(\d+(?:[.,]\d+)?)\s*([\p{L}]+\.?)/gu;

/** "2 мин, 15 сек", "1 h 5 min", "45 сек", "1ч 2м" → seconds; null when any part is not a duration. */
function durationInWords(s: string): number | null {
  let total = 0;
  let parts = 0;
  let rest = s;
  // Both groups of DURATION_PART are mandatory, so every match has them.
  for (const [part, amount, unitText] of s.matchAll(DURATION_PART) as Iterable<
    [string, string, string]
  >) {
    const unit = unitText.toLowerCase();
    const u = unit === "м" ? 60 : DURATION_UNITS.find(([re]) => re.test(unit))?.[1];
    if (u === undefined) return null;
    total += Number(amount.replace(",", ".")) * u;
    parts++;
    rest = rest.replace(part, "");
  }
  if (parts === 0 || !/^[\s,;и]*$/u.test(rest)) return null;
  return Math.round(total);
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
