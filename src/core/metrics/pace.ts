/**
 * Run rate: how a period ends if it goes on as it went so far. One definition for PLAN_PACE and
 * the report's forecast and plan-against-fact tables. Days are day numbers (see core/calendar);
 * spans are half-open, [start, end).
 */
import { workdaysBetween } from "../calendar";

/** What days a pace counts: every calendar day, or Mon–Fri only. */
export type PaceUnit = "days" | "workdays";

/** Days of [start, end) counted in `unit`; 0 for an empty span. */
export function daysIn(start: number, end: number, unit: PaceUnit): number {
  if (end <= start) return 0;
  return unit === "workdays" ? workdaysBetween(start, end) : end - start;
}

/** The report's working days of [start, end): Mon–Fri, or every day when the span has no weekday. */
export function workingDays(start: number, end: number): number {
  return daysIn(start, end, "workdays") || daysIn(start, end, "days");
}

/** The whole period's result at the pace so far: fact ÷ elapsed × total; null before any day. */
export function runRate(fact: number, elapsed: number, total: number): number | null {
  return elapsed > 0 && total > 0 ? (fact / elapsed) * total : null;
}

/** A forecast's share of the plan; null without a forecast or with no plan to share. */
export function shareOfPlan(forecast: number | null, plan: number | null): number | null {
  return forecast === null || plan === null || plan === 0 ? null : forecast / plan;
}
