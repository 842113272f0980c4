import { inLang, l, translate } from "../core/i18n";
import { at } from "../core/indexed";
import { perDay, requiredActivities, requiredPerStage } from "../core/metrics/required";
import { cellText, isBlank } from "../core/values";
import { WORDS } from "../core/words";
import { forEachCell, positiveNumber, rateIn, single, vector } from "./args";
import { argError, cellError, type FnContext } from "./errors";
import { num, type Result } from "./result";

/** The step rates of a range, each in (0, 1]; blanks ignored. */
function readRates(fn: string, v: unknown, ctx: FnContext): number[] {
  const rates: number[] = [];
  forEachCell(v, (x, row, col) => {
    if (isBlank(x)) return;
    const cell = { row, col };
    const r = rateIn(fn, ctx, "rates", cell, x);
    if (r === 0) throw cellError(fn, ctx, "rateZero", "rates", cell, x);
    rates.push(r);
  });
  if (rates.length === 0) throw argError(fn, ctx, "noRates", "rates");
  return rates;
}

function optionalDays(fn: string, v: unknown, ctx: FnContext): number | null {
  const x = single(fn, ctx, "working_days", v);
  if (isBlank(x)) return null;
  return positiveNumber(fn, ctx, "working_days", x);
}

/** The arguments both plan functions take: a target, the step rates, optional working days. */
function planArgs(fn: string, ctx: FnContext, target: unknown, rates: unknown, days: unknown) {
  return {
    t: positiveNumber(fn, ctx, "target", target),
    rs: readRates(fn, rates, ctx),
    days: optionalDays(fn, days, ctx),
  };
}

/** REQUIRED_CALLS(target, rates, [working_days]). */
export function requiredCalls(
  target: unknown,
  rates: unknown,
  workingDays: unknown,
  ctx: FnContext,
): Result {
  const { t, rs, days } = planArgs("REQUIRED_CALLS", ctx, target, rates, workingDays);
  const total = requiredActivities(t, rs);
  if (total === null) return "";
  return num(days === null ? total : perDay(total, days));
}

/** The spilled table's header, column by column ("Per day" only with working days). */
export function reverseFunnelHeaders() {
  // A function, not a constant: the sidebar bundles this module for its spec and drops it.
  return {
    stage: WORDS.stage,
    rate: l("Rate to next", "Конверсия в следующий", "Конверсія в наступний"),
    needed: l("Needed", "Нужно", "Потрібно"),
    perDay: l("Per day", "В день", "На день"),
  };
}

/** REVERSE_FUNNEL(target, rates, [stages], [working_days]): the plan per stage, spilled. */
export function reverseFunnel(
  target: unknown,
  rates: unknown,
  stages: unknown,
  workingDays: unknown,
  ctx: FnContext,
): Result {
  const FN = "REVERSE_FUNNEL";
  const { t, rs, days } = planArgs(FN, ctx, target, rates, workingDays);
  const n = rs.length;
  let names: string[];
  if (stages === undefined || (!Array.isArray(stages) && isBlank(stages))) {
    names = [];
    for (let i = 0; i <= n; i++)
      names.push(`${translate(reverseFunnelHeaders(), ctx.lang, "stage")} ${i + 1}`);
  } else {
    const v = vector(FN, ctx, "stages", stages);
    names = [];
    for (let i = 0; i < v.length; i++) {
      const x = v.values[i];
      if (!isBlank(x)) names.push(cellText(x));
    }
    if (names.length !== n + 1) {
      throw argError(FN, ctx, "stageCount", "stages", {
        n: String(n + 1),
        m: String(names.length),
      });
    }
  }
  const needed = requiredPerStage(t, rs);
  const header = Object.values(inLang(reverseFunnelHeaders(), ctx.lang)).slice(
    0,
    days === null ? 3 : 4,
  );
  const out: (string | number)[][] = [header];
  // names has n + 1 entries (checked above), one per stage; the last stage has no rate.
  for (const [i, name] of names.entries()) {
    const need = needed ? at(needed, i) : null;
    const row: (string | number)[] = [name, rs[i] ?? "", num(need)];
    if (days !== null) row.push(need === null ? "" : num(perDay(need, days)));
    out.push(row);
  }
  return out;
}
