/**
 * planReport: the whole report computed in memory, before anything is written.
 * Model → aggregates (aggregates/) → one sheet planner per file → the plan the writers lay out.
 */
import { aggregate } from "../aggregates/memory";
import { rolesNeeded } from "../aggregates/roleViews";
import type { Aggregates } from "../aggregates/types";
import type { Model } from "../model/types";
import { planChanges } from "./changes";
import { buildContext } from "./context";
import { planDataCheck } from "./dataCheck";
import { aggregateFunnel, planFunnel } from "./funnel";
import { sheetName } from "./i18n";
import { planKpi } from "./kpi";
import type { ReportOptions } from "./options";
import { planQuality } from "./quality";
import { planRoles } from "./roles";
import { planTime } from "./time";
import type { ReportPlan, SheetPlan } from "./types";
import { planVelocity } from "./velocity";

/** The report of a model: its aggregates by the in-memory engine, then the sheets. */
export function planReport(model: Model, options: ReportOptions): ReportPlan {
  // No team and no "booked by": no Roles sheet, so its views are not counted.
  const roles = rolesNeeded(model);
  return planReportFrom(aggregate(model, options.longCallSeconds, { roles }), model, options);
}

/**
 * The report from aggregates (either engine) and the model's small tables (time log, checklist,
 * plans, team); the model's deals and calls may be empty.
 */
export function planReportFrom(agg: Aggregates, model: Model, options: ReportOptions): ReportPlan {
  const ctx = buildContext(model, agg, options);
  const funnelAgg = aggregateFunnel(ctx);
  const candidates: (SheetPlan | null)[] = [
    planFunnel(ctx, funnelAgg),
    planKpi(ctx),
    planVelocity(ctx),
    planChanges(ctx),
    planTime(ctx),
    planQuality(ctx),
    planRoles(ctx, options.roleNorms),
    planDataCheck(ctx),
  ];
  const sheets: SheetPlan[] = [];
  for (const s of candidates) {
    if (s && s.blocks.length > 0) sheets.push({ ...s, name: sheetName(ctx.opt.lang, s.key) });
  }
  return { lang: ctx.opt.lang, period: ctx.opt.period, sheets };
}
