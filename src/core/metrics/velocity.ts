/**
 * Statistics of stage-to-stage durations (velocity): the statistic and unit keywords users type
 * (English, Russian, Ukrainian) and the computation over a list of durations.
 */
import { dayNumber, MS_PER_DAY, workdaysBetween } from "../calendar";
import { max, mean, min, quantileSorted } from "../stats";

export type Statistic =
  | { kind: "average" }
  | { kind: "median" }
  | { kind: "quantile"; p: number }
  | { kind: "min" }
  | { kind: "max" }
  | { kind: "count" };

export type DurationUnit = "days" | "hours" | "workdays";

const STAT_WORDS: Record<string, Statistic> = {};
for (const w of [
  "average",
  "avg",
  "mean",
  "среднее",
  "средний",
  "среднее значение",
  "середнє",
  "середня",
  "середній",
  "середнє значення",
])
  STAT_WORDS[w] = { kind: "average" };
for (const w of ["median", "med", "медиана", "медіана"]) STAT_WORDS[w] = { kind: "median" };
for (const w of ["min", "minimum", "минимум", "мин", "мінімум", "мін"])
  STAT_WORDS[w] = { kind: "min" };
for (const w of ["max", "maximum", "максимум", "макс"]) STAT_WORDS[w] = { kind: "max" };
for (const w of ["count", "n", "number", "количество", "кол-во", "число", "кількість"])
  STAT_WORDS[w] = { kind: "count" };

/**
 * A statistic from its keyword (already a nameKey: lower case, trimmed); "" is the default,
 * the average. `p90`, `p75`, `90th percentile`, `перцентиль 90` and the like are quantiles.
 * Returns null for an unknown word.
 */
export function parseStatistic(key: string): Statistic | null {
  if (key === "") return { kind: "average" };
  const known = STAT_WORDS[key];
  if (known) return known;
  const m =
    /^(?:p|percentile|перцентиль|процентиль)\s*(\d{1,2})$/.exec(key) ??
    /^(\d{1,2})(?:th|-?й)?\s*(?:percentile|перцентиль|процентиль)$/.exec(key);
  if (m) {
    const p = Number(m[1]);
    if (p > 0 && p < 100) return p === 50 ? { kind: "median" } : { kind: "quantile", p: p / 100 };
  }
  return null;
}

const UNIT_WORDS: Record<string, DurationUnit> = {};
for (const w of ["days", "day", "d", "дни", "дней", "день", "дня", "дн", "дні", "днів"])
  UNIT_WORDS[w] = "days";
for (const w of [
  "hours",
  "hour",
  "h",
  "hrs",
  "часы",
  "часов",
  "час",
  "ч",
  "години",
  "годин",
  "година",
  "год",
])
  UNIT_WORDS[w] = "hours";
for (const w of [
  "workdays",
  "workday",
  "working days",
  "business days",
  "weekdays",
  "рабочие дни",
  "рабочих дней",
  "рабочие",
  "раб. дни",
  "робочі дні",
  "робочих днів",
  "робочі",
])
  UNIT_WORDS[w] = "workdays";

/** A unit from its keyword (a nameKey); "" is days. Null for an unknown word. */
export function parseUnit(key: string): DurationUnit | null {
  if (key === "") return "days";
  return UNIT_WORDS[key] ?? null;
}

/** Duration between two wall-clock values in the unit; `to` ≥ `from` is the caller's check. */
export function durationIn(unit: DurationUnit, fromWall: number, toWall: number): number {
  switch (unit) {
    case "hours":
      return (toWall - fromWall) / 3_600_000;
    case "workdays":
      return workdaysBetween(dayNumber(fromWall), dayNumber(toWall));
    default:
      return (toWall - fromWall) / MS_PER_DAY;
  }
}

/** The statistic of the durations, or null when there are none. */
export function applyStatistic(stat: Statistic, xs: number[]): number | null {
  if (xs.length === 0) return null;
  switch (stat.kind) {
    case "count":
      return xs.length;
    case "average":
      return mean(xs);
    case "min":
      return min(xs);
    case "max":
      return max(xs);
    case "median":
      return quantileSorted(Float64Array.from(xs).sort(), 0.5);
    case "quantile":
      return quantileSorted(Float64Array.from(xs).sort(), stat.p);
  }
}
