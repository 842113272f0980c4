import { requiredNumber, single } from "./args";
import { cellError, FIRST_CELL_REF, type FnContext } from "./errors";
import { num, type Result } from "./result";

/** SALES_VELOCITY(opportunities, win_rate, avg_deal, cycle_days): revenue per day. */
export function salesVelocity(
  opportunities: unknown,
  winRate: unknown,
  avgDeal: unknown,
  cycleDays: unknown,
  ctx: FnContext,
): Result {
  const FN = "SALES_VELOCITY";
  const opp = requiredNumber(FN, ctx, "opportunities", opportunities);
  if (opp < 0)
    throw cellError(
      FN,
      ctx,
      "nonNegative",
      "opportunities",
      FIRST_CELL_REF,
      single(FN, ctx, "opportunities", opportunities),
    );
  const rateCell = single(FN, ctx, "win_rate", winRate);
  const rate = requiredNumber(FN, ctx, "win_rate", rateCell);
  if (rate < 0) throw cellError(FN, ctx, "rate", "win_rate", FIRST_CELL_REF, rateCell);
  if (rate > 1)
    throw cellError(FN, ctx, "rateAboveOne", "win_rate", FIRST_CELL_REF, rateCell, {
      n: String(rate),
    });
  const deal = requiredNumber(FN, ctx, "avg_deal", avgDeal);
  if (deal < 0)
    throw cellError(
      FN,
      ctx,
      "nonNegative",
      "avg_deal",
      FIRST_CELL_REF,
      single(FN, ctx, "avg_deal", avgDeal),
    );
  const cycleCell = single(FN, ctx, "cycle_days", cycleDays);
  const cycle = requiredNumber(FN, ctx, "cycle_days", cycleCell);
  if (cycle < 0) throw cellError(FN, ctx, "nonNegative", "cycle_days", FIRST_CELL_REF, cycleCell);
  if (cycle === 0) return "";
  return num((opp * rate * deal) / cycle);
}
