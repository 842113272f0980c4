/**
 * Building the report in the spreadsheet, safely:
 * - a document lock keeps two builds apart (a clear message when another one runs);
 * - the raw tabs are read once and never written; everything is computed before the first write;
 * - each report sheet is written into a fresh hidden staging sheet, swapped in at the end
 *   (see staging.ts), so a failure part-way leaves the previous report as it was;
 * - a time budget stops the one-call build early, with a message, before Apps Script's 6 minutes.
 *
 * Two entry points share that code: `buildReport` (one call) and the step-wise
 * `startBuild` + `runBuildStep` the sidebar calls once per step, for real progress.
 */
import type { Lang } from "../../core/lang";
import { type LabelKey, sheetName, t } from "../../report/i18n";
import { type ReportPlan, SHEET_KEYS } from "../../report/types";
import { type BuildRequest, type Prepared, prepareReport } from "./pipeline";
import { type BuiltSheet, removeStaging, stagingName, swapIn, writeStaging } from "./staging";

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
}

const DEFAULT_BUDGET_MS = 270_000;
const DEFAULT_LOCK_WAIT_MS = 10_000;
const BUILD_PROPERTY = "voronka.build";
const CACHE_PREFIX = "voronka.plan.";
const CACHE_SECONDS = 1800;
/** Characters per cache value: ≤ 3 UTF-8 bytes each stays under the 100 KB limit. */
const CHUNK_CHARS = 30_000;

function langOf(request: BuildRequest): Lang {
  const l = request?.options?.lang;
  return l === "ru" || l === "uk" ? l : "en";
}

function userError(lang: Lang, key: LabelKey): Error {
  return new Error(t(lang, key));
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
  if (prepared.plan.sheets.length === 0) throw userError(langOf(request), "build.empty");
  return prepared;
}

/** Builds the whole report in one call. */
export function buildReport(
  ss: Spreadsheet,
  request: BuildRequest,
  controls: BuildControls = {},
): BuildResult {
  const lang = langOf(request);
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

interface Stash {
  request: BuildRequest;
  prepared?: Prepared;
}

function cache(): GoogleAppsScript.Cache.Cache {
  const c = CacheService.getDocumentCache();
  if (!c) throw new Error("CacheService.getDocumentCache() is not available");
  return c;
}

function stash(buildId: string, value: Stash): void {
  const json = JSON.stringify(value);
  const parts: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < json.length; i += CHUNK_CHARS) {
    parts[`${CACHE_PREFIX}${buildId}.${n}`] = json.slice(i, i + CHUNK_CHARS);
    n++;
  }
  parts[`${CACHE_PREFIX}${buildId}.n`] = String(n);
  cache().putAll(parts, CACHE_SECONDS);
}

function unstash(buildId: string, lang: Lang): Stash {
  const c = cache();
  const n = Number(c.get(`${CACHE_PREFIX}${buildId}.n`));
  if (!Number.isInteger(n) || n <= 0) throw userError(lang, "build.expired");
  const keys = Array.from({ length: n }, (_, i) => `${CACHE_PREFIX}${buildId}.${i}`);
  const got = c.getAll(keys);
  let json = "";
  for (const k of keys) {
    const part = got[k];
    if (part === undefined) throw userError(lang, "build.expired");
    json += part;
  }
  return JSON.parse(json) as Stash;
}

function dropStash(buildId: string): void {
  try {
    const c = cache();
    const n = Number(c.get(`${CACHE_PREFIX}${buildId}.n`)) || 0;
    c.removeAll([
      `${CACHE_PREFIX}${buildId}.n`,
      ...Array.from({ length: n }, (_, i) => `${CACHE_PREFIX}${buildId}.${i}`),
    ]);
  } catch {
    // expires anyway
  }
}

function clearBuild(buildId: string): void {
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(BUILD_PROPERTY) === buildId) props.deleteProperty(BUILD_PROPERTY);
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
  const lang = langOf(request);
  return withLock(lang, controls, () => {
    const buildId = newBuildId((controls.now ?? Date.now)());
    stash(buildId, { request });
    PropertiesService.getDocumentProperties().setProperty(BUILD_PROPERTY, buildId);
    void ss;
    return { buildId, steps: stepLabels(lang) };
  });
}

/**
 * Runs step `index` of a build: 0 computes the plan and stashes it (no writes); 1…7 write one
 * staging sheet each (a sheet the plan does not have is skipped); 8 swaps the new report in.
 * A failure in any step removes this build's staging sheets and ends the build.
 */
export function runBuildStep(
  ss: Spreadsheet,
  buildId: string,
  index: number,
  controls: BuildControls = {},
): { done: boolean; result?: BuildResult } {
  const id = String(buildId);
  // The language is in the stash (read again under the lock).
  let lang: Lang = "en";
  try {
    lang = langOf(unstash(id, lang).request);
  } catch {
    // expired or unknown: reported under the lock below
  }
  return withLock(lang, controls, () => {
    const props = PropertiesService.getDocumentProperties();
    if (props.getProperty(BUILD_PROPERTY) !== id) throw userError(lang, "build.stale");
    const st = unstash(id, lang);
    lang = langOf(st.request);
    try {
      if (index === 0) {
        const prepared = prepareWith(ss, st.request, controls);
        removeStaging(ss, null, id);
        stash(id, { request: st.request, prepared });
        return { done: false };
      }
      const prepared = st.prepared;
      if (!prepared) throw userError(lang, "build.expired");
      if (index >= 1 && index <= SHEET_KEYS.length) {
        const key = SHEET_KEYS[index - 1];
        const sheet = prepared.plan.sheets.find((s) => s.key === key);
        if (sheet) {
          const again = ss.getSheetByName(stagingName(id, key));
          if (again) ss.deleteSheet(again);
          writeStaging(ss, id, sheet);
        }
        return { done: false };
      }
      if (index === SHEET_KEYS.length + 1) {
        const sheets = swapIn(ss, id, prepared.plan as ReportPlan);
        dropStash(id);
        clearBuild(id);
        return { done: true, result: { sheets, issues: prepared.issues } };
      }
      throw new Error(`No build step ${index}`);
    } catch (e) {
      removeStaging(ss, id);
      dropStash(id);
      clearBuild(id);
      throw e;
    }
  });
}
