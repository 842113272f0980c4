/**
 * Calendar arithmetic in a named time zone, without Apps Script.
 *
 * Every instant is turned into "wall-clock milliseconds": the calendar fields the spreadsheet's
 * time zone shows for it, written as if they were UTC. Differences of wall-clock values are
 * whole days for plain dates even across a DST change, and day/week/month buckets are plain
 * integer arithmetic.
 */
import { succeeds } from "./succeeds";

export const MS_PER_DAY = 86_400_000;
const OFFSET_BUCKET_MS = 15 * 60_000; // zone transitions happen on quarter hours

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return succeeds(() => formatterFor(timeZone));
}

function computeOffset(timeZone: string, utcMs: number): number {
  const parts = new Map<string, string>();
  for (const p of formatterFor(timeZone).formatToParts(new Date(utcMs))) parts.set(p.type, p.value);
  const field = (type: Intl.DateTimeFormatPartTypes, missing: number) => {
    const v = parts.get(type);
    return v === undefined ? missing : Number(v);
  };
  const year = field("year", 0);
  const month = field("month", 1);
  const day = field("day", 1);
  const hour = field("hour", 0);
  const minute = field("minute", 0);
  const second = field("second", 0);
  const bc = parts.get("era")?.startsWith("B") ?? false;
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  const utcWholeSeconds = Math.floor(utcMs / 1000) * 1000;
  return wall.getTime() - utcWholeSeconds;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC" || timeZone === "GMT") return 0;
  let cache = offsetCache.get(timeZone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(timeZone, cache);
  }
  const bucket = Math.floor(utcMs / OFFSET_BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(timeZone, utcMs);
    if (cache.size > 200_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

/** Wall-clock ms of an instant as `timeZone` shows it. */
export function instantToWall(utcMs: number, timeZone: string): number {
  return utcMs + zoneOffsetMs(timeZone, utcMs);
}

/** The instant at which `timeZone` shows the wall-clock time `wallMs` (first one, in a DST gap or fold). */
export function wallToInstant(wallMs: number, timeZone: string): number {
  let guess = wallMs - zoneOffsetMs(timeZone, wallMs);
  guess = wallMs - zoneOffsetMs(timeZone, guess);
  return guess;
}

/** Whole days since 1970-01-01 of a wall-clock value. */
export function dayNumber(wallMs: number): number {
  return Math.floor(wallMs / MS_PER_DAY);
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Monday–Friday days in [fromDay, toDay): the working days between two dates. */
export function workdaysBetween(fromDay: number, toDay: number): number {
  if (toDay <= fromDay) return 0;
  const total = toDay - fromDay;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  let wd = weekday(fromDay + fullWeeks * 7);
  for (let i = fullWeeks * 7; i < total; i++) {
    if (wd !== 0 && wd !== 6) count++;
    wd = (wd + 1) % 7;
  }
  return count;
}

/** "2026-03" month key of a wall-clock value. */
export function monthKey(wallMs: number): string {
  const d = new Date(wallMs);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Day number of the Monday starting the ISO week that contains `day`. */
export function weekStartDay(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}

/** "2026-W09" ISO-week key of a wall-clock value. */
export function isoWeekKey(wallMs: number): string {
  const day = dayNumber(wallMs);
  const thursday = weekStartDay(day) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** "2026-03-01" of a wall-clock value. */
export function isoDate(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 10);
}
