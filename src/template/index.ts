/**
 * "Create tracker template": the raw tabs with headers in the user's language, dropdowns, a few
 * example rows, the lists, the example formulas and the settings tab (stage order), added next
 * to whatever the spreadsheet already has.
 */
import { dayNumber, instantToWall } from "../core/calendar";
import type { Lang } from "../core/lang";
import { FUNCTIONS } from "../functions/registry";
import type { TabKind } from "../model/types";
import { formulaRows, formulasHeader } from "./formulas";
import { templatePlan } from "./plan";
import { roleFormulaRows } from "./roleFormulas";
import { type WrittenTemplate, writeTemplate } from "./sheets";

export { formulaRows, formulasHeader } from "./formulas";
export { freeName, templatePlan, templateWords } from "./plan";
export { templateNames, writeTemplate } from "./sheets";

/** The example SDR, hunter and farmer: the Team tab's rows, in that order. */
function teamOf(plan: ReturnType<typeof templatePlan>): {
  sdr: string;
  hunter: string;
  farmer: string;
} {
  const names = (plan.tabs.find((t) => t.kind === "team")?.rows ?? []).map((r) => String(r[0]));
  return { sdr: names[0] ?? "", hunter: names[1] ?? "", farmer: names[2] ?? "" };
}

export function templateRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  lang: Lang,
  timeZone: string,
  now: number = Date.now(),
): WrittenTemplate {
  const plan = templatePlan(lang, dayNumber(instantToWall(now, timeZone)));
  return writeTemplate(ss, plan, (names) => {
    /** The name a raw tab of `kind` was actually created under. */
    const tab = (kind: TabKind) => names.tabs[plan.tabs.findIndex((t) => t.kind === kind)]!;
    return {
      header: formulasHeader(lang),
      rows: [
        ...formulaRows(FUNCTIONS, lang, {
          stageLog: tab("stageLog"),
          deals: tab("deals"),
          calls: tab("calls"),
          lists: names.lists,
          stages: plan.stages,
        }),
        ...roleFormulaRows(lang, {
          deals: tab("deals"),
          calls: tab("calls"),
          ...teamOf(plan),
          won: plan.stages[plan.stages.length - 1] ?? "",
        }),
      ],
    };
  });
}
