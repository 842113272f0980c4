/**
 * What to check when a stage's conversion fell (seed 002): calls, minutes on the line, new
 * leads, lead quality, confirmations, source, listening to calls. Only checks the data can
 * answer, naming only stages the funnel has.
 */
import { at } from "../core/indexed";
import type { Context } from "./context";
import { t } from "./i18n";
import type { Block, CellValue } from "./types";

const CONFIRMED = /confirm|подтвер|підтвер/i;

export function planChecks(ctx: Context, k: number): Block {
  const lang = ctx.opt.lang;
  const stages = ctx.model.stages;
  // k ≥ 1: a stage with one above it.
  const stage = at(stages, k);
  const above = at(stages, k - 1);
  const rows: CellValue[][] = [];
  const hasCalls = ctx.hasCalls;
  if (hasCalls) {
    rows.push([t(lang, "check.calls", { sec: ctx.opt.longCallSeconds })]);
    if (ctx.rows.repDays.some((r) => r.timedCalls > 0)) rows.push([t(lang, "check.minutes")]);
  }
  rows.push([t(lang, "check.leads")]);
  if (ctx.rows.deals.some((r) => r.targeted !== null))
    rows.push([t(lang, "check.quality", { above })]);
  const c = stages.findIndex((s, i) => i >= 1 && i <= k && CONFIRMED.test(s));
  if (c >= 1) {
    rows.push([t(lang, "check.confirm", { from: at(stages, c - 1), to: at(stages, c) })]);
  } else if (k >= 2) {
    rows.push([t(lang, "check.stepBefore", { above, before: at(stages, k - 2) })]);
  }
  if (ctx.hasSource) rows.push([t(lang, "check.source", { stage })]);
  if (hasCalls) rows.push([t(lang, "check.listen", { above })]);
  return {
    id: "changes.checks",
    title: t(lang, "changes.checks"),
    header: [t(lang, "check")],
    rows,
    formats: ["text"],
  };
}
