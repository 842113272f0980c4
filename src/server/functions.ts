/**
 * Custom functions as Sheets calls them. Each reads the spreadsheet's time zone and locale once
 * per call (read-only getters custom functions may use) and runs the pure implementation.
 * scripts/build.ts writes a top-level `function NAME(params)` with its JSDoc for each.
 */

import { isValidTimeZone } from "../core/calendar";
import { langOf } from "../core/i18n";
import { callFunction, type FnContext, type Result } from "../functions/index";

/** The spreadsheet's context; UTC and English when it cannot be read. */
export function functionContext(): FnContext {
  let timeZone = "UTC";
  let locale = "";
  try {
    const ss = SpreadsheetApp.getActive();
    if (ss) {
      const tz = ss.getSpreadsheetTimeZone();
      if (typeof tz === "string" && tz && isValidTimeZone(tz)) timeZone = tz;
      const loc = ss.getSpreadsheetLocale();
      if (typeof loc === "string") locale = loc;
    }
  } catch {
    // Not in a spreadsheet (or no SpreadsheetApp): keep the defaults.
  }
  return { timeZone, lang: langOf(locale) };
}

function run(name: string, args: unknown[]): Result {
  return callFunction(name, args, functionContext());
}

export function CONVERSION(from: unknown, to: unknown): Result {
  return run("CONVERSION", [from, to]);
}

export function STAGE_VELOCITY(
  from_dates_or_ids: unknown,
  to_dates_or_stages: unknown,
  statistic_or_dates?: unknown,
  unit_or_from_stage?: unknown,
  to_stage?: unknown,
  statistic?: unknown,
  unit?: unknown,
): Result {
  return run("STAGE_VELOCITY", [
    from_dates_or_ids,
    to_dates_or_stages,
    statistic_or_dates,
    unit_or_from_stage,
    to_stage,
    statistic,
    unit,
  ]);
}

export function REQUIRED_CALLS(target: unknown, rates: unknown, working_days?: unknown): Result {
  return run("REQUIRED_CALLS", [target, rates, working_days]);
}

export function FUNNEL(stages: unknown, order: unknown, ids?: unknown): Result {
  return run("FUNNEL", [stages, order, ids]);
}

export function SALES_VELOCITY(
  opportunities: unknown,
  win_rate: unknown,
  avg_deal: unknown,
  cycle_days: unknown,
): Result {
  return run("SALES_VELOCITY", [opportunities, win_rate, avg_deal, cycle_days]);
}

export function PLAN_PACE(
  actual: unknown,
  plan: unknown,
  period_start: unknown,
  period_end: unknown,
  as_of: unknown,
  unit?: unknown,
): Result {
  return run("PLAN_PACE", [actual, plan, period_start, period_end, as_of, unit]);
}

export function TALK_TIME(durations: unknown, min_seconds?: unknown, output?: unknown): Result {
  return run("TALK_TIME", [durations, min_seconds, output]);
}

export function REVERSE_FUNNEL(
  target: unknown,
  rates: unknown,
  stages?: unknown,
  working_days?: unknown,
): Result {
  return run("REVERSE_FUNNEL", [target, rates, stages, working_days]);
}
