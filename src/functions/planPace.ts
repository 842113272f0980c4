import { dayNumber } from "../core/calendar";
import { daysIn, runRate, shareOfPlan } from "../core/metrics/pace";
import { parseUnit } from "../core/metrics/velocity";
import { optionalKeyword, optionalNumber, requiredDate, requiredNumber, single } from "./args";
import { cellError, FIRST_CELL_REF, type FnContext } from "./errors";
import { num, type Result } from "./result";

/**
 * PLAN_PACE(actual, plan, period_start, period_end, as_of, [unit]): the run-rate forecast of the
 * period's result (actual so far ÷ days elapsed through as_of × days in the period) and its share
 * of plan, spilled as one row. Days are counted inclusively; `unit` "workdays" counts Mon–Fri.
 */
export function planPace(
  [actual, plan, periodStart, periodEnd, asOf, unitArg]: unknown[],
  ctx: FnContext,
): Result {
  const FN = "PLAN_PACE";
  const fact = requiredNumber(FN, ctx, "actual", actual);
  const target = optionalNumber(FN, ctx, "plan", plan);
  const unitKey = optionalKeyword(FN, ctx, "unit", unitArg);
  const unit = parseUnit(unitKey);
  if (unit !== "days" && unit !== "workdays")
    throw cellError(FN, ctx, "paceUnit", "unit", FIRST_CELL_REF, single(FN, ctx, "unit", unitArg));
  const start = dayNumber(requiredDate(FN, ctx, "period_start", periodStart));
  const endCell = single(FN, ctx, "period_end", periodEnd);
  const end = dayNumber(requiredDate(FN, ctx, "period_end", endCell));
  if (end < start)
    throw cellError(FN, ctx, "endBeforeStart", "period_end", FIRST_CELL_REF, endCell);
  const today = dayNumber(requiredDate(FN, ctx, "as_of", asOf));
  const through = Math.min(today, end) + 1; // exclusive
  const forecast = runRate(fact, daysIn(start, through, unit), daysIn(start, end + 1, unit));
  const share = shareOfPlan(forecast, target);
  return [[num(forecast), num(share)]];
}
