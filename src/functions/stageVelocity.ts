import {
  applyStatistic,
  type DurationUnit,
  durationIn,
  parseStatistic,
  parseUnit,
  type Statistic,
} from "../core/metrics/velocity";
import { isBlank, nameKey } from "../core/values";
import { cachedDate, cachedNameKey, optionalKeyword, sameLength, single, vector } from "./args";
import { argError, cellError, FIRST_CELL_REF, type FnContext } from "./errors";
import { num, type Result } from "./result";

const FN = "STAGE_VELOCITY";

/**
 * STAGE_VELOCITY in both forms, told apart by the arguments: with a 5th argument (to_stage) or a
 * range as the 3rd, it is the log form (ids, stages, dates, from_stage, to_stage, [statistic],
 * [unit]); otherwise (from_dates, to_dates, [statistic], [unit]).
 */
export function stageVelocity(args: unknown[], ctx: FnContext): Result {
  const [a1, a2, a3, a4, a5, a6, a7] = args;
  const logForm = a5 !== undefined || Array.isArray(a3) || (a6 ?? a7) !== undefined;
  if (logForm) return velocityLog(a1, a2, a3, a4, a5, a6, a7, ctx);
  return velocityColumns(a1, a2, a3, a4, ctx);
}

function readStatistic(v: unknown, arg: string, ctx: FnContext): Statistic {
  const stat = parseStatistic(optionalKeyword(FN, ctx, arg, v));
  if (!stat) throw cellError(FN, ctx, "statistic", arg, FIRST_CELL_REF, single(FN, ctx, arg, v));
  return stat;
}

function readUnit(v: unknown, arg: string, ctx: FnContext): DurationUnit {
  const unit = parseUnit(optionalKeyword(FN, ctx, arg, v));
  if (!unit) throw cellError(FN, ctx, "unit", arg, FIRST_CELL_REF, single(FN, ctx, arg, v));
  return unit;
}

function velocityColumns(
  fromDates: unknown,
  toDates: unknown,
  statistic: unknown,
  unitArg: unknown,
  ctx: FnContext,
): Result {
  const stat = readStatistic(statistic, "statistic", ctx);
  const unit = readUnit(unitArg, "unit", ctx);
  const from = vector(FN, ctx, "from_dates", fromDates);
  const to = vector(FN, ctx, "to_dates", toDates);
  sameLength(FN, ctx, "to_dates", to, "from_dates", from);
  const date = cachedDate(ctx.timeZone);
  const xs: number[] = [];
  for (let i = 0; i < from.length; i++) {
    const f = date(from.values[i]);
    if (f === null) continue;
    const t = date(to.values[i]);
    if (t === null || t < f) continue;
    xs.push(durationIn(unit, f, t));
  }
  return num(applyStatistic(stat, xs));
}

function velocityLog(
  idsArg: unknown,
  stagesArg: unknown,
  datesArg: unknown,
  fromStageArg: unknown,
  toStageArg: unknown,
  statistic: unknown,
  unitArg: unknown,
  ctx: FnContext,
): Result {
  if (toStageArg === undefined) throw argError(FN, ctx, "logForm", "to_stage");
  const stat = readStatistic(statistic, "statistic", ctx);
  const unit = readUnit(unitArg, "unit", ctx);
  const fromStage = stageName(fromStageArg, "from_stage", ctx);
  const toStage = stageName(toStageArg, "to_stage", ctx);
  const ids = vector(FN, ctx, "ids", idsArg);
  const stages = vector(FN, ctx, "stages", stagesArg);
  const dates = vector(FN, ctx, "dates", datesArg);
  for (const [name, v] of [
    ["stages", stages],
    ["dates", dates],
  ] as const) {
    sameLength(FN, ctx, name, v, "ids", ids);
  }
  const date = cachedDate(ctx.timeZone);
  // One pass: per id the first entry into from_stage and every entry into to_stage.
  const stageKey = cachedNameKey();
  const firstFrom = new Map<string, number>();
  const toEntries = new Map<string, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const stageV = stages.values[i];
    if (isBlank(stageV)) continue;
    const key = stageKey(stageV);
    const isFrom = key === fromStage;
    const isTo = key === toStage;
    if (!isFrom && !isTo) continue;
    const idV = ids.values[i];
    if (isBlank(idV)) continue;
    const dateV = dates.values[i];
    if (isBlank(dateV)) continue;
    const d = date(dateV);
    if (d === null) throw cellError(FN, ctx, "date", "dates", dates.cell(i), dateV);
    const id = nameKey(idV);
    if (isFrom) {
      const prev = firstFrom.get(id);
      if (prev === undefined || d < prev) firstFrom.set(id, d);
    }
    if (isTo) {
      const list = toEntries.get(id);
      if (list) list.push(d);
      else toEntries.set(id, [d]);
    }
  }
  const xs: number[] = [];
  for (const [id, f] of firstFrom) {
    const list = toEntries.get(id);
    if (!list) continue;
    let best = Number.POSITIVE_INFINITY;
    for (const t of list) if (t >= f && t < best) best = t;
    if (best !== Number.POSITIVE_INFINITY) xs.push(durationIn(unit, f, best));
  }
  return num(applyStatistic(stat, xs));
}

function stageName(v: unknown, arg: string, ctx: FnContext): string {
  const x = single(FN, ctx, arg, v);
  if (isBlank(x) || Array.isArray(x)) throw cellError(FN, ctx, "text", arg, FIRST_CELL_REF, x);
  return nameKey(x);
}
