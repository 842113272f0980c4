/**
 * Read → model (and aggregates tabs) → plan, entirely in memory (no writes): the raw tabs are
 * read once, report sheets (ours, marked with developer metadata) are never read as data.
 */
import { instantToWall, isoDate } from "../../core/calendar";
import { mappingToBuild } from "../../model/corrections";
import { buildModel, type WorkbookMapping } from "../../model/index";
import type { RawTab } from "../../model/types";
import type { ReportOptions } from "../../report/options";
import type { ReportPlan } from "../../report/types";
import { planTabs, readAggregatesTabs } from "../planFromTabs";
import { readRawTabs } from "./read";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface BuildRequest {
  options: ReportOptions;
  /** The user's corrections (as kept in the settings tab); the rest is detected afresh. */
  mapping?: WorkbookMapping;
  /** The pipeline to report (the settings tab's); absent: the one with the most deals. */
  pipeline?: string;
}

export interface Prepared {
  plan: ReportPlan;
  /** Rows and cells the data layer left out (the Data check). */
  issues: number;
}

/** The raw tabs: every sheet but the add-on's own (report sheets carry our metadata). */
export function readTabs(ss: Spreadsheet): RawTab[] {
  return readRawTabs(ss);
}

export function prepareReport(ss: Spreadsheet, request: BuildRequest): Prepared {
  const timeZone = ss.getSpreadsheetTimeZone();
  const tabs = readTabs(ss);
  const mapping = mappingToBuild(tabs, request.mapping);
  const built = buildModel(tabs, { timeZone, mapping, pipeline: request.pipeline ?? null });
  // Today in the spreadsheet's zone: the run-rate forecast is for the period holding it.
  const today = request.options.today ?? isoDate(instantToWall(Date.now(), timeZone));
  // From aggregates tabs when there are some (SPEC §8), else from the model.
  const read = readAggregatesTabs(tabs, built, timeZone, request.options.longCallSeconds);
  const plan = planTabs(read, { ...request.options, today });
  return { plan, issues: read.model.issues.length };
}
