/**
 * The metrics a plan row may set a target for, from the words people write in a plan tab
 * ("Звонки", "Calls 60s+", "Выручка"). One reading for the model and the report.
 */
import { nameKey } from "../values";

export type PlanMetric =
  | "calls"
  | "longCalls"
  | "minutes"
  | "meetings"
  | "sales"
  | "revenue"
  | "leads";

export const PLAN_METRICS: readonly PlanMetric[] = [
  "calls",
  "longCalls",
  "minutes",
  "meetings",
  "sales",
  "revenue",
  "leads",
];

/** Longest prefixes first: "calls 60+" is long calls before it is calls. */
const PREFIXES: readonly [RegExp, PlanMetric][] = [
  [/^(?:calls60|longcalls|calls60s|звонки60|дзвінки60|звонкиот60|дзвінкивід60)/, "longCalls"],
  [/^(?:minutes$|минуты$|хвилини$)/, "minutes"],
  [/^(?:call|звон|дзвін)/, "calls"],
  [/^(?:meeting|встреч|зустріч)/, "meetings"],
  [/^(?:sale|deal|won|продаж|сделк|оплат|угод)/, "sales"],
  [/^(?:revenue|amount|sum|выручк|сумм|оборот|виручк|сума)/, "revenue"],
  [/^(?:lead|лид|лід|заявк)/, "leads"],
];

/** The metric a plan row's text names, or null for another (a stage name, say). */
export function planMetricOf(text: unknown): PlanMetric | null {
  const t = nameKey(text).replace(/[^\p{L}\p{N}]+/gu, "");
  for (const [re, metric] of PREFIXES) if (re.test(t)) return metric;
  return null;
}
