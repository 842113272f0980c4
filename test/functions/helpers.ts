import type { Lang } from "../../src/core/i18n";
import { callFunction, type FnContext, type Result } from "../../src/functions/index";

export const EN: FnContext = { timeZone: "UTC", lang: "en" };

/** Calls a function with a context (UTC, English unless given). */
export function call(name: string, args: unknown[], ctx: Partial<FnContext> = {}): Result {
  return callFunction(name, args, { ...EN, ...ctx });
}

/** The message of the Error a call throws (fails when it does not throw an Error). */
export function errorOf(
  name: string,
  args: unknown[],
  lang: Lang = "en",
  timeZone = "UTC",
): string {
  try {
    callFunction(name, args, { timeZone, lang });
  } catch (e) {
    if (!(e instanceof Error)) throw new Error(`threw a non-Error: ${String(e)}`);
    return e.message;
  }
  throw new Error(`${name} did not throw`);
}

/** A column range as Sheets passes it. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
/** A row range. */
export const row = (...xs: unknown[]): unknown[][] => [xs];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Midnight (or a time) of a wall-clock date in a time zone, as the instant Sheets' Date holds. */
export function zonedDate(timeZone: string, y: number, m: number, d: number, h = 0, min = 0): Date {
  // Find the instant whose wall-clock time in the zone is y-m-d h:min (iterate the offset).
  const wall = Date.UTC(y, m - 1, d, h, min);
  let t = wall;
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
    });
    formatters.set(timeZone, f);
  }
  for (let i = 0; i < 3; i++) {
    const parts = f.formatToParts(new Date(t));
    const get = (k: string) => Number(parts.find((p) => p.type === k)?.value);
    const shown = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
    t += wall - shown;
  }
  return new Date(t);
}
