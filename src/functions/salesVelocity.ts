import { nonNegativeNumber, requiredNumber, single } from "./args";
import { cellError, FIRST_CELL_REF, type FnContext } from "./errors";
import { num, type Result } from "./result";

/** SALES_VELOCITY(opportunities, win_rate, avg_deal, cycle_days): revenue per day. */
export function salesVelocity(
  [opportunities, winRate, avgDeal, cycleDays]: unknown[],
  ctx: FnContext,
): Result {
  const FN = "SALES_VELOCITY";
  const opp = nonNegativeNumber(FN, ctx, "opportunities", opportunities);
  const rateCell = single(FN, ctx, "win_rate", winRate);
  const rate = requiredNumber(FN, ctx, "win_rate", rateCell);
  if (rate < 0) throw cellError(FN, ctx, "rate", "win_rate", FIRST_CELL_REF, rateCell);
  if (rate > 1)
    throw cellError(FN, ctx, "rateAboveOne", "win_rate", FIRST_CELL_REF, rateCell, {
      n: String(rate),
    });
  const deal = nonNegativeNumber(FN, ctx, "avg_deal", avgDeal);
  const cycle = nonNegativeNumber(FN, ctx, "cycle_days", cycleDays);
  if (cycle === 0) return "";
  return num((opp * rate * deal) / cycle);
}
