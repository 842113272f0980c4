/**
 * Building the report in the spreadsheet, safely:
 * - a document lock keeps two builds apart (a clear message when another one runs);
 * - the raw tabs are read once and never written; everything is computed before the first write;
 * - each report sheet is written into a fresh hidden staging sheet, swapped in at the end
 *   (see staging.ts), so a failure part-way leaves the previous report as it was;
 * - the report's cells are counted against a budget before the first write (budget.ts);
 * - a time budget stops the one-call build, and each step of the step-wise one, with a message,
 *   before Apps Script's 6 minutes.
 *
 * Two entry points share that code: `buildReport` (one call) and the step-wise
 * `startBuild` + `runBuildStep` the sidebar calls once per step, for real progress.
 */
import { isLang, type Lang } from "../../core/i18n";
import { UserError } from "../../core/userError";
import { type LabelKey, sheetName, t } from "../../report/i18n";
import { type ReportPlan, SHEET_KEYS, type SheetKey, type SheetPlan } from "../../report/types";
import { checkBudget, stashTooBig } from "./budget";
import { type BuildRequest, type Prepared, prepareReport } from "./pipeline";
import { type BuiltSheet, removeStaging, stagingName, swapIn, writeStaging } from "./staging";
import { dropParts, getPart, putParts, type StashIndex } from "./stash";

export type { BuildRequest } from "./pipeline";
export type { BuiltSheet } from "./staging";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface BuildResult {
  sheets: BuiltSheet[];
  /** Rows and cells left out of the model (listed on the Data check sheet). */
  issues: number;
  /** Set when the build stopped early (nothing was changed). */
  message?: string;
}

/** For tests and special callers: how to compute the plan, the clock, the time budget. */
export interface BuildControls {
  prepare?: (ss: Spreadsheet, request: BuildRequest) => Prepared;
  now?: () => number;
  /** Stop before writing when this much time has passed (default 4.5 minutes). */
  budgetMs?: number;
  /** How long to wait for the document lock (default 10 s). */
  lockWaitMs?: number;
  /** The report's cell budget (default 1 million; see budget.ts). */
  maxCells?: number;
}

const DEFAULT_BUDGET_MS = 270_000;
const DEFAULT_LOCK_WAIT_MS = 10_000;
const BUILD_PROPERTY = "voronka.build";
const INFO_PROPERTY = "voronka.build.info";

function requestLang(request: BuildRequest): Lang {
  const lang = request?.options?.lang;
  return isLang(lang) ? lang : "en";
}

function userError(lang: Lang, key: LabelKey): UserError {
  return new UserError(t(lang, key));
}

function withLock<T>(lang: Lang, controls: BuildControls, f: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(controls.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS)) {
    throw userError(lang, "build.locked");
  }
  try {
    return f();
  } finally {
    lock.releaseLock();
  }
}

function newBuildId(now: number): string {
  return (
    Math.floor(now).toString(36) + Math.floor(Math.random() * 36 ** 6).toString(36)
  ).toLowerCase();
}

function prepareWith(ss: Spreadsheet, request: BuildRequest, controls: BuildControls): Prepared {
  const prepared = (controls.prepare ?? prepareReport)(ss, request);
  if (prepared.plan.sheets.length === 0) throw userError(requestLang(request), "build.empty");
  checkBudget(ss, prepared.plan, requestLang(request), controls.maxCells);
  return prepared;
}

/** Builds the whole report in one call. */
export function buildReport(
  ss: Spreadsheet,
  request: BuildRequest,
  controls: BuildControls = {},
): BuildResult {
  const lang = requestLang(request);
  const now = controls.now ?? Date.now;
  const started = now();
  const budget = controls.budgetMs ?? DEFAULT_BUDGET_MS;
  return withLock(lang, controls, () => {
    const buildId = newBuildId(started);
    // A step-wise build still running elsewhere sees it has been superseded.
    PropertiesService.getDocumentProperties().setProperty(BUILD_PROPERTY, buildId);
    try {
      const prepared = prepareWith(ss, request, controls);
      const stop = (): BuildResult => {
        removeStaging(ss, buildId);
        return { sheets: [], issues: prepared.issues, message: t(lang, "build.timeout") };
      };
      removeStaging(ss, null, buildId);
      try {
        for (const sheet of prepared.plan.sheets) {
          if (now() - started > budget) return stop();
          writeStaging(ss, buildId, sheet);
        }
        if (now() - started > budget) return stop();
        const sheets = swapIn(ss, buildId, prepared.plan);
        return { sheets, issues: prepared.issues };
      } catch (e) {
        removeStaging(ss, buildId);
        throw e;
      }
    } finally {
      clearBuild(buildId);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Step-wise build
//
// The build's id, language and stash index live in document properties; the request and then
// each report sheet's plan live in the document cache (stash.ts). Each step reads its own part
// once and runs under its own time budget.

interface BuildInfo {
  id: string;
  lang: Lang;
  index: StashIndex;
  issues?: number;
}

function readInfo(id: string): BuildInfo | null {
  try {
    const v = JSON.parse(
      PropertiesService.getDocumentProperties().getProperty(INFO_PROPERTY) ?? "",
    ) as BuildInfo;
    return v && v.id === id ? v : null;
  } catch {
    return null;
  }
}

function writeInfo(info: BuildInfo): void {
  PropertiesService.getDocumentProperties().setProperty(INFO_PROPERTY, JSON.stringify(info));
}

function clearBuild(buildId: string): void {
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(BUILD_PROPERTY) !== buildId) return;
  const info = readInfo(buildId);
  if (info) dropParts(buildId, info.index);
  props.deleteProperty(BUILD_PROPERTY);
  props.deleteProperty(INFO_PROPERTY);
}

/** Localized step labels: compute, one per possible sheet, swap. */
export function stepLabels(lang: Lang): string[] {
  return [
    t(lang, "build.read"),
    ...SHEET_KEYS.map((k) => t(lang, "build.write", { name: sheetName(lang, k) })),
    t(lang, "build.swap"),
  ];
}

/**
 * Starts a step-wise build: records it as the current build (an older one's remaining steps
 * are then refused) and returns its id and the localized step labels. Writes no sheet.
 */
export function startBuild(
  ss: Spreadsheet,
  request: BuildRequest,
  controls: BuildControls = {},
): { buildId: string; steps: string[] } {
  const lang = requestLang(request);
  return withLock(lang, controls, () => {
    const buildId = newBuildId((controls.now ?? Date.now)());
    const index = putParts(buildId, { request });
    if (!index) throw stashTooBig(lang);
    PropertiesService.getDocumentProperties().setProperty(BUILD_PROPERTY, buildId);
    writeInfo({ id: buildId, lang, index });
    void ss;
    return { buildId, steps: stepLabels(lang) };
  });
}

const sheetPart = (key: string) => `sheet.${key}`;

/**
 * Runs step `index` of a build: 0 computes the plan, checks its size and stashes it (no
 * writes); 1…7 write one staging sheet each (a sheet the plan does not have is skipped); 8 swaps
 * the new report in. A step that runs past its time budget, or any failure, removes this build's
 * staging sheets and ends the build.
 */
export function runBuildStep(
  ss: Spreadsheet,
  buildId: string,
  index: number,
  controls: BuildControls = {},
): { done: boolean; result?: BuildResult } {
  const id = String(buildId);
  const now = controls.now ?? Date.now;
  const started = now();
  const budget = controls.budgetMs ?? DEFAULT_BUDGET_MS;
  let lang: Lang = readInfo(id)?.lang ?? "en";
  return withLock(lang, controls, () => {
    const props = PropertiesService.getDocumentProperties();
    if (props.getProperty(BUILD_PROPERTY) !== id) throw userError(lang, "build.stale");
    const info = readInfo(id);
    if (!info) throw userError(lang, "build.expired");
    lang = info.lang;
    const overTime = () => {
      if (now() - started > budget) throw userError(lang, "build.timeout");
    };
    try {
      if (index === 0) {
        const request = getPart(id, "request", info.index) as BuildRequest | undefined;
        if (!request) throw userError(lang, "build.expired");
        const prepared = prepareWith(ss, request, controls);
        overTime();
        removeStaging(ss, null, id);
        const parts: Record<string, unknown> = {
          plan: {
            ...prepared.plan,
            sheets: prepared.plan.sheets.map((p) => ({ ...p, blocks: [] })),
          },
        };
        for (const sheet of prepared.plan.sheets) parts[sheetPart(sheet.key)] = sheet;
        dropParts(id, info.index);
        const stashed = putParts(id, parts);
        if (!stashed) throw stashTooBig(lang);
        writeInfo({ id, lang, index: stashed, issues: prepared.issues });
        return { done: false };
      }
      if (index >= 1 && index <= SHEET_KEYS.length) {
        const key = SHEET_KEYS[index - 1] as SheetKey;
        if (!(sheetPart(key) in info.index)) {
          if (!("plan" in info.index)) throw userError(lang, "build.expired");
          return { done: false };
        }
        const sheet = getPart(id, sheetPart(key), info.index) as SheetPlan | undefined;
        if (!sheet) throw userError(lang, "build.expired");
        overTime();
        const again = ss.getSheetByName(stagingName(id, key));
        if (again) ss.deleteSheet(again);
        writeStaging(ss, id, sheet);
        return { done: false };
      }
      if (index === SHEET_KEYS.length + 1) {
        const plan = getPart(id, "plan", info.index) as ReportPlan | undefined;
        if (!plan) throw userError(lang, "build.expired");
        overTime();
        const sheets = swapIn(ss, id, plan);
        clearBuild(id);
        return { done: true, result: { sheets, issues: info.issues ?? 0 } };
      }
      throw new Error(`No build step ${index}`);
    } catch (e) {
      removeStaging(ss, id);
      clearBuild(id);
      throw e;
    }
  });
}
