/**
 * The report of a workbook's tabs, for both the add-on and the offline command: planned from
 * the aggregates tabs when the workbook holds them (SPEC §8: the views a SQL engine computed,
 * brought in as tabs), with the small tabs (plan, time log, checklist, team) read as usual;
 * else from the model the raw tabs make.
 */
import { aggregatesOfBuild, aggregatesStageSource } from "../aggregates/fromTabs";
import { gradedDealRows } from "../aggregates/graded";
import { callRepDays } from "../aggregates/memory";
import type { Aggregates, RepDayRow } from "../aggregates/types";
import { MS_PER_DAY } from "../core/calendar";
import type { BuildResult } from "../model/index";
import type { CallDay, Model, RawTab } from "../model/types";
import type { ReportOptions } from "../report/options";
import { planReport, planReportFrom } from "../report/plan";
import type { ReportPlan } from "../report/types";

export interface TabsModel {
  /** The model, with the aggregates tabs' unreadable rows added to its issues. */
  model: Model;
  /** The aggregates read from tabs; null: plan the report from the model. */
  agg: Aggregates | null;
  /** `built` with the stages and their source as the report uses them (for --explain). */
  built: BuildResult;
  /** Aggregates tabs were found but `voronka_stages` was not among them. */
  stagesMissing: boolean;
}

/**
 * The aggregates tabs of a workbook read beside its model. `longCallSeconds` (the user's option)
 * counts the calls that come from call tabs; calls the views counted keep the views' threshold.
 */
export function readAggregatesTabs(
  tabs: readonly RawTab[],
  built: BuildResult,
  timeZone: string,
  longCallSeconds?: number,
): TabsModel {
  const read = aggregatesOfBuild(tabs, built.mapping, timeZone);
  let model: Model =
    read.issues.length > 0
      ? { ...built.model, issues: [...built.model.issues, ...read.issues] }
      : built.model;
  // Rep-days alone (voronka_rep_days beside raw deals) are a calls summary.
  if (read.repDays?.length)
    model = { ...model, callDays: [...(model.callDays ?? []), ...read.repDays.map(callDayOf)] };
  let agg = read.agg;
  // Views without calls (a CRM's warehouse) beside call tabs (a telephony export, a calls
  // summary): the calls come from the tabs, counted with the user's long-call threshold, else
  // the views'.
  if (agg && agg.repDays.length === 0 && (model.calls.length > 0 || model.callDays?.length)) {
    const seconds = longCallSeconds ?? agg.longCallSeconds;
    agg = { ...agg, longCallSeconds: seconds, repDays: callRepDays(model, seconds) };
  }
  // Views without the graded deals beside the deals tabs themselves: the deals give them.
  if (agg && !agg.gradedDeals && model.deals.length > 0) {
    const gradedDeals = gradedDealRows(model);
    if (gradedDeals) agg = { ...agg, gradedDeals };
  }
  if (!agg)
    return { model, agg: null, built, stagesMissing: read.views.length > 0 && !read.repDays };
  const shown: BuildResult = {
    ...built,
    model: { ...built.model, stages: agg.stages.map((s) => s.stage) },
    stageSource: aggregatesStageSource(read.stagesTab ?? ""),
  };
  return { model, agg, built: shown, stagesMissing: false };
}

/** A rep-day row as a calls summary row (talk time known when some calls were timed). */
function callDayOf(r: RepDayRow): CallDay {
  return {
    date: r.day * MS_PER_DAY,
    rep: r.rep,
    source: r.source,
    calls: r.calls,
    longCalls: r.longCalls,
    talkSeconds: r.timedCalls > 0 ? r.talkSeconds : null,
  };
}

/** The report: from the aggregates tabs when read, else from the model. */
export function planTabs(t: TabsModel, options: ReportOptions): ReportPlan {
  if (!t.agg) return planReport(t.model, options);
  return planReportFrom(t.agg, t.model, options);
}
