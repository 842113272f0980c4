/**
 * What the sidebar does: server calls and the changes the user makes. Nothing here disables the
 * control under the user's focus: a correction is applied to the local copy at once and the
 * server's fresh state follows; an answer overtaken by a newer change is dropped.
 */

import type { Lang } from "../src/core/i18n";
import { fill } from "../src/core/i18n";
import type { Period } from "../src/core/period";
import { formulaHelpFor } from "../src/functions/help";
import type { TabKind } from "../src/model/types";
import { OPTION_KEYS } from "../src/shared/options";
import type { BuiltSheet, SidebarState, WireTab } from "../src/shared/wire";
import { carry, keepOrder, pick } from "./choices";
import { formatDate, parseDate } from "./dates";
import { call } from "./rpc";
import {
  anythingRecognised,
  app,
  firstInvalidOption,
  NORM_KEYS,
  type NormKey,
  OPTIONS_OPEN,
  optionProblem,
  ROLES_OPEN,
  request,
  sentence,
  settings,
  t,
  update,
} from "./state";

/** Bumped by every correction: a state read started before the latest one is stale. */
let edits = 0;
let inflight: Promise<void> | null = null;
let loadTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Reads the state; with `withMapping` the user's corrections are sent, applied by the server and
 * then remembered in the settings tab.
 */
export function load(withMapping = false): Promise<void> {
  const mine = edits;
  app.loading = true;
  update();
  const run = (async () => {
    try {
      const mapping = withMapping ? request() : null;
      const state = await call("sidebarState", mapping ? JSON.stringify(mapping) : "");
      if (mine !== edits) return;
      app.error = null;
      applyState(state, withMapping);
      if (mapping) await call("saveSettings", JSON.stringify(request()));
    } catch (e) {
      if (mine === edits) app.error = sentence(e);
    } finally {
      if (mine === edits) {
        app.loading = false;
        update();
      }
    }
  })();
  inflight = run;
  return run;
}

/** A correction: applied locally now, sent a moment after the last one of a burst. */
function corrected(): void {
  edits++;
  app.loading = true;
  update();
  if (loadTimer !== undefined) clearTimeout(loadTimer);
  loadTimer = setTimeout(() => {
    loadTimer = undefined;
    void load(true);
  }, 250);
}

/** Waits for every correction to reach the server (Build must see them). */
async function settled(): Promise<void> {
  if (loadTimer !== undefined) {
    clearTimeout(loadTimer);
    loadTimer = undefined;
    await load(true);
  }
  while (inflight && app.loading) {
    const pending = inflight;
    await pending;
    if (pending === inflight) break;
  }
}

export function applyState(state: SidebarState, keepChoices: boolean): void {
  const previous = app.state;
  app.state = state;
  app.lang = state.lang;
  document.documentElement.lang = state.lang;
  app.tabs = state.tabs.map((tab) => ({ ...tab, columns: { ...tab.columns } }));
  const userOrder = keepChoices && app.stagesSet;
  app.stages = userOrder ? keepOrder(app.stages, state.stages) : [...state.stages];
  app.stagesSet = state.stagesFixed || userOrder;
  if (!keepChoices || !app.rolesSet) {
    app.roles = new Map((state.roles ?? []).map((r) => [r.rep, r.role]));
    app.rolesSet = false;
    // Shown open when someone has a role already; else behind "Set roles".
    if (app.roles.size > 0) app.open.add(ROLES_OPEN);
  }
  if (!keepChoices || !app.normsSet) {
    const saved = state.settings.roleNorms ?? {};
    for (const k of NORM_KEYS) app.norms[k] = saved[k] === undefined ? "" : String(saved[k]);
    app.normsSet = false;
  }
  const s = state.settings;
  if (!keepChoices || !previous) {
    app.options = { ...(s.options ?? {}) };
    app.optionInvalid.clear();
    for (const k of OPTION_KEYS) {
      const v = app.options[k];
      app.optionText[k] = v === undefined ? "" : String(v);
    }
    // Shown open when an option is set: the report does not use the usual values.
    if (Object.keys(app.options).length > 0) app.open.add(OPTIONS_OPEN);
    app.period = s.period ?? "month";
    setDate("from", s.from ?? "");
    setDate("to", s.to ?? "");
    app.reps = pick(state.reps, s.reps);
    app.sources = pick(state.sources, s.sources);
  } else {
    app.reps = carry(previous.reps, app.reps, state.reps);
    app.sources = carry(previous.sources, app.sources, state.sources);
  }
  // Dates shown in the (maybe new) language's order.
  for (const which of ["from", "to"] as const) {
    if (!app.dateText[which].invalid) app.dateText[which].text = formatDate(app[which], app.lang);
  }
}

function setDate(which: "from" | "to", iso: string): void {
  app[which] = iso;
  app.dateText[which] = { text: formatDate(iso, app.lang), invalid: false };
}

// ---------------------------------------------------------------------------------------------
// Corrections (re-read the tabs)

export function setKind(tab: WireTab, kind: TabKind | null): void {
  tab.kind = kind;
  tab.columns = {};
  corrected();
}

export function setColumn(tab: WireTab, field: string, column: number | null): void {
  if (column === null) delete tab.columns[field];
  else tab.columns[field] = column;
  corrected();
}

export function setLang(lang: Lang): void {
  app.lang = lang;
  document.documentElement.lang = lang;
  if (app.state) corrected();
  else void saveChoices().then(() => load());
}

export function reload(): void {
  edits++;
  void load();
}

// ---------------------------------------------------------------------------------------------
// Choices (remembered, no re-read)

/** Moves a stage one place; focus stays on the same arrow of the same stage, which is announced. */
export function moveStage(name: string, delta: -1 | 1): void {
  const i = app.stages.indexOf(name);
  const j = i + delta;
  const other = app.stages[j];
  if (i < 0 || other === undefined) return;
  app.stages[i] = other;
  app.stages[j] = name;
  app.stagesSet = true;
  app.status = fill(t().moved, { name, i: j + 1, n: app.stages.length });
  // At the top or bottom that arrow is disabled: the other one of the same stage takes focus.
  const atEdge = (delta < 0 && j === 0) || (delta > 0 && j === app.stages.length - 1);
  const arrow = delta < 0 !== atEdge ? "up" : "down";
  app.focusNext = `${arrow}:${name}`;
  update();
  scheduleSave();
}

export function setPeriod(p: Period): void {
  app.period = p;
  update();
  scheduleSave();
}

/** A typed date: kept as typed while it cannot be read (the box says so), else remembered. */
export function typeDate(which: "from" | "to", text: string, commit: boolean): void {
  const iso = parseDate(text, app.lang);
  if (iso === null) {
    app.dateText[which] = { text, invalid: commit };
  } else {
    app[which] = iso;
    app.dateText[which] = { text: commit ? formatDate(iso, app.lang) : text, invalid: false };
    if (commit) scheduleSave();
  }
  update();
}

export function toggleChoice(chosen: Set<string>, name: string, on: boolean): void {
  if (on) chosen.add(name);
  else chosen.delete(name);
  update();
  scheduleSave();
}

export function chooseAll(chosen: Set<string>, all: string[], on: boolean): void {
  chosen.clear();
  if (on) for (const x of all) chosen.add(x);
  update();
  scheduleSave();
}

/** A role chosen in the Roles section: sent with the next request, remembered as it is saved. */
export function setRole(rep: string, role: string): void {
  app.roles.set(rep, role);
  app.rolesSet = true;
  update();
  scheduleSave();
}

/** A norm typed in the Roles section ("" = the default). */
export function typeNorm(key: NormKey, text: string): void {
  app.norms[key] = text;
  app.normsSet = true;
  update();
  scheduleSave();
}

export function toggleRoles(): void {
  if (app.open.has(ROLES_OPEN)) app.open.delete(ROLES_OPEN);
  else app.open.add(ROLES_OPEN);
  update();
}

export function toggleColumns(tab: WireTab): void {
  if (app.open.has(tab.name)) app.open.delete(tab.name);
  else app.open.add(tab.name);
  update();
}

/** Remembers the choices a moment after the last change (one write for a burst of clicks). */
export function scheduleSave(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    void saveChoices();
  }, 800);
}

async function saveChoices(): Promise<void> {
  try {
    await call("saveSettings", JSON.stringify(app.state ? request() : settings()));
  } catch (e) {
    app.error = sentence(e);
    update();
  }
}

// ---------------------------------------------------------------------------------------------
// Build, results, template, help

export async function build(): Promise<void> {
  // A second press while a build runs does nothing: the flag is set before the first await.
  if (app.building || !anythingRecognised()) return;
  // An option box that cannot be read: say which rather than build with another value.
  const invalid = firstInvalidOption();
  if (invalid) {
    app.open.add(OPTIONS_OPEN);
    app.status = optionProblem(invalid);
    update();
    return;
  }
  app.building = true;
  app.built = null;
  app.error = null;
  app.progress = { index: 0, total: 0, label: "" };
  app.status = t().building;
  update();
  try {
    await settled();
    if (app.error) return;
    // The build remembers the choices itself.
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = undefined;
    const start = await call("startBuild", JSON.stringify(request()));
    const total = Math.max(1, start.steps.length);
    for (let i = 0; i < start.steps.length; i++) {
      app.progress = { index: i, total, label: start.steps[i] ?? "" };
      app.status = progressText();
      update();
      const step = await call("buildStep", start.buildId, i);
      if (step.done) {
        app.built = step.result ?? { sheets: [], issues: 0 };
        break;
      }
    }
    if (!app.built) app.built = { sheets: [], issues: 0 };
    const s = t();
    app.status = `${s.done} ${app.built.issues > 0 ? fill(s.issues, { n: app.built.issues }) : s.noIssues}`;
  } catch (e) {
    app.error = sentence(e);
    app.status = "";
  } finally {
    app.building = false;
    app.progress = null;
    update();
  }
}

/** "Step 2 of 9 · Funnel". */
export function progressText(): string {
  const p = app.progress;
  if (!p || p.total === 0) return t().building;
  const n = fill(t().step, { i: p.index + 1, n: p.total });
  return p.label ? `${n} · ${p.label}` : n;
}

export async function openSheet(sheet: BuiltSheet): Promise<void> {
  try {
    await call("openSheet", sheet.sheetId);
  } catch (e) {
    app.error = sentence(e);
    update();
  }
}

export async function createTemplate(): Promise<void> {
  if (app.building) return;
  app.error = null;
  app.status = "";
  edits++;
  app.loading = true;
  update();
  try {
    const res = await call("createTemplate");
    app.status = fill(t().templateDone, { names: res.sheets.map((s) => s.name).join(", ") });
    await load();
    // The empty state's button is gone with the emptiness: focus goes to the first new tab.
    const first = res.sheets.find((sheet) => app.tabs.some((tab) => tab.name === sheet.name));
    if (first && (document.activeElement === null || document.activeElement === document.body)) {
      app.focusNext = `kind:${first.name}`;
      update();
    }
  } catch (e) {
    app.error = sentence(e);
    app.loading = false;
    update();
  }
}

export function showHelp(): void {
  app.view = "help";
  app.focusNext = "help-search";
  if (app.help?.lang !== app.lang) app.help = formulaHelpFor(app.lang);
  update();
}

export function hideHelp(): void {
  app.view = "sidebar";
  app.focusNext = "help";
  update();
}

export function searchHelp(query: string): void {
  app.helpQuery = query;
  update();
}

export function loadHelp(): void {
  app.help = formulaHelpFor(app.lang);
  update();
}
