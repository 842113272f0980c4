/** The report build the sidebar drives step by step, and opening a built sheet. */
import { runBuildStep, startBuild as startReportBuild } from "../adapters/sheets/build";
import { readTabs } from "../adapters/sheets/pipeline";
import { writeSettings } from "../adapters/sheets/settings";
import { corrections } from "../model/chosenMapping";
import { detectTabs } from "../model/index";
import type { ReportOptions } from "../report/options";
import { toReportOptions } from "../shared/options";
import { cleanSettings, keepStored } from "../shared/settings";
import type { BuildRequest, BuildStart, BuildStepResult } from "../shared/wire";
import { parseJson, rpc } from "./call";
import { fail } from "./errors";

/** Saves the mapping and options, and starts a step-wise build. */
export const startBuild = rpc((call, requestJson: string): BuildStart => {
  const { ss } = call;
  const req = parseJson<BuildRequest>(requestJson, call.lang);
  if (!req || typeof req !== "object" || !Array.isArray(req.tabs)) fail("badRequest", call.lang);
  const tabs = readTabs(ss);
  const saved = call.saved();
  const sidebar = keepStored(cleanSettings(req.settings), saved.sidebar);
  if (sidebar.lang) call.lang = sidebar.lang;
  const mapping = corrections(tabs, detectTabs(tabs), saved.mapping, req);
  writeSettings(ss, { mapping, sidebar }, call.lang);
  const options: ReportOptions = {
    lang: call.lang,
    period: sidebar.period ?? "month",
    reps: sidebar.reps,
    sources: sidebar.sources,
    from: sidebar.from,
    to: sidebar.to,
    roleNorms: sidebar.roleNorms,
    // The window, goal, threshold, long-call seconds and rows per breakdown the user set.
    ...toReportOptions(sidebar.options ?? {}),
  };
  const started = startReportBuild(ss, {
    options,
    mapping,
    ...(sidebar.pipeline ? { pipeline: sidebar.pipeline } : {}),
  });
  return { buildId: String(started.buildId), steps: started.steps.map(String) };
}, "buildFailed");

/** Runs one step of a build; the last returns the new sheets. */
export const buildStep = rpc((call, buildId: string, index: number): BuildStepResult => {
  const r = runBuildStep(call.ss, String(buildId), Number(index));
  if (!r.done) return { done: false };
  const res = r.result;
  return {
    done: true,
    result: {
      sheets: (res?.sheets ?? []).map((s) => ({
        key: String(s.key),
        name: String(s.name),
        sheetId: Number(s.sheetId),
      })),
      issues: Array.isArray(res?.issues) ? res.issues.length : Number(res?.issues ?? 0),
    },
  };
}, "buildFailed");

/** Activates a sheet by its id. */
export const openSheet = rpc((call, sheetId: number): { name: string } => {
  const sheet = call.ss.getSheets().find((s) => s.getSheetId() === Number(sheetId));
  if (!sheet) fail("noSheet", call.lang);
  call.ss.setActiveSheet(sheet);
  return { name: sheet.getName() };
});
