import { nonNegativeNumber, rateIn, single } from "./args";
import { FIRST_CELL_REF, type FnContext } from "./errors";
import { num, type Result } from "./result";

/** SALES_VELOCITY(opportunities, win_rate, avg_deal, cycle_days): revenue per day. */
export function salesVelocity(
  [opportunities, winRate, avgDeal, cycleDays]: unknown[],
  ctx: FnContext,
): Result {
  const FN = "SALES_VELOCITY";
  const opp = nonNegativeNumber(FN, ctx, "opportunities", opportunities);
  const rate = rateIn(FN, ctx, "win_rate", FIRST_CELL_REF, single(FN, ctx, "win_rate", winRate));
  const deal = nonNegativeNumber(FN, ctx, "avg_deal", avgDeal);
  const cycle = nonNegativeNumber(FN, ctx, "cycle_days", cycleDays);
  if (cycle === 0) return "";
  return num((opp * rate * deal) / cycle);
}
