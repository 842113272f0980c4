/**
 * The Voronka sidebar: detected tabs and their columns, the funnel's stages, report options,
 * Build with step-by-step progress, then links to the new sheets. Also the formula help view
 * (the same file, opened with `<body data-view="help">`).
 *
 * Every user-supplied string goes through `el()`/text nodes: nothing is ever parsed as HTML.
 */
import type { Lang } from "../src/core/lang";
import { formulaHelpFor } from "../src/functions/help";
import type { TabKind } from "../src/model/types";
import type {
  BuildRequest,
  BuiltSheet,
  FormulaHelp,
  SidebarSettings,
  SidebarState,
  WireKind,
  WireTab,
} from "../src/server/rpc-types";
import { type Child, el, replaceChildren } from "./dom";
import { fill, isLang, STRINGS, type Strings } from "./i18n";
import { renderRoles } from "./roles";

/** The key of the Roles section in `app.open` (tab names are the other keys). */
const ROLES_OPEN = "\u0000roles";

import { call, NoHostError, RpcError } from "./rpc";

interface App {
  lang: Lang;
  view: "sidebar" | "help";
  loading: boolean;
  state: SidebarState | null;
  /** Editable copies of the server's state. */
  tabs: WireTab[];
  stages: string[];
  /** The user reordered the stages (or the order is remembered): send it with requests. */
  stagesSet: boolean;
  /** Rep → role as shown; sent with requests once the user changed one. */
  roles: Map<string, string>;
  rolesSet: boolean;
  period: "week" | "month";
  reps: Set<string>;
  sources: Set<string>;
  from: string;
  to: string;
  open: Set<string>;
  building: boolean;
  progress: { index: number; total: number; label: string } | null;
  built: { sheets: BuiltSheet[]; issues: number } | null;
  notice: string | null;
  error: string | null;
  help: FormulaHelp | null;
  helpQuery: string;
}

const root = document.getElementById("app") as HTMLElement;

const app: App = {
  lang: initialLang(),
  view: document.body.dataset.view === "help" ? "help" : "sidebar",
  loading: true,
  state: null,
  tabs: [],
  stages: [],
  stagesSet: false,
  roles: new Map(),
  rolesSet: false,
  period: "month",
  reps: new Set(),
  sources: new Set(),
  from: "",
  to: "",
  open: new Set(),
  building: false,
  progress: null,
  built: null,
  notice: null,
  error: null,
  help: null,
  helpQuery: "",
};

function initialLang(): Lang {
  const l = document.documentElement.lang;
  return isLang(l) ? l : "en";
}

function t(): Strings {
  return STRINGS[app.lang];
}

/** A failure as one sentence in the user's language. */
function sentence(e: unknown): string {
  if (e instanceof NoHostError) return t().errNoHost;
  if (e instanceof RpcError && e.message) return e.message;
  return t().errUnknown;
}

// ---------------------------------------------------------------------------------------------
// Server calls

/**
 * Reads the state; with `mapping` (the user's corrections) the server applies them, and they
 * are then remembered in the settings tab.
 */
async function load(mapping?: BuildRequest | null): Promise<void> {
  app.loading = true;
  app.error = null;
  render();
  try {
    const state = await call("sidebarState", mapping ? JSON.stringify(mapping) : "");
    applyState(state, mapping != null);
    if (mapping) await call("saveSettings", JSON.stringify(request()));
  } catch (e) {
    app.error = sentence(e);
  } finally {
    app.loading = false;
    render();
  }
}

function applyState(state: SidebarState, keepChoices: boolean): void {
  const previous = app.state;
  app.state = state;
  app.lang = state.lang;
  document.documentElement.lang = state.lang;
  app.tabs = state.tabs.map((tab) => ({ ...tab, columns: { ...tab.columns } }));
  app.stages = [...state.stages];
  app.stagesSet = state.stagesFixed || (keepChoices && app.stagesSet);
  if (!keepChoices || !app.rolesSet) {
    app.roles = new Map((state.roles ?? []).map((r) => [r.rep, r.role]));
    app.rolesSet = false;
    // Shown open when someone has a role already; else behind "Set roles".
    if (app.roles.size > 0) app.open.add(ROLES_OPEN);
  }
  const s = state.settings;
  if (!keepChoices || !previous) {
    app.period = s.period ?? "month";
    app.from = s.from ?? "";
    app.to = s.to ?? "";
    // The saved choice among the names that still exist; nothing saved = all.
    app.reps = pick(state.reps, s.reps);
    app.sources = pick(state.sources, s.sources);
  } else {
    // After a correction: keep the choice, and include names that just appeared.
    app.reps = carry(previous.reps, app.reps, state.reps);
    app.sources = carry(previous.sources, app.sources, state.sources);
  }
}

function pick(all: string[], saved: string[] | undefined): Set<string> {
  if (!saved || saved.length === 0) return new Set(all);
  const keep = all.filter((x) => saved.includes(x));
  return new Set(keep.length > 0 ? keep : all);
}

function carry(before: string[], chosen: Set<string>, now: string[]): Set<string> {
  const old = new Set(before);
  return new Set(now.filter((x) => chosen.has(x) || !old.has(x)));
}

function settings(): SidebarSettings {
  const st = app.state;
  const allReps = !st || app.reps.size === st.reps.length;
  const allSources = !st || app.sources.size === st.sources.length;
  return {
    lang: app.lang,
    period: app.period,
    reps: allReps ? [] : [...app.reps],
    sources: allSources ? [] : [...app.sources],
    from: app.from || undefined,
    to: app.to || undefined,
  };
}

function request(): BuildRequest {
  return {
    tabs: app.tabs.map((tab) => ({ name: tab.name, kind: tab.kind, columns: tab.columns })),
    ...(app.stagesSet ? { stages: [...app.stages] } : {}),
    ...(app.rolesSet
      ? {
          roles: [...app.roles]
            .filter(([, role]) => role !== "")
            .map(([rep, role]) => ({ rep, role })),
        }
      : {}),
    settings: settings(),
  };
}

async function build(): Promise<void> {
  // A second click while a build runs does nothing: the flag is set before the first await.
  if (app.building || app.loading) return;
  app.building = true;
  // The build remembers the choices itself.
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  app.built = null;
  app.error = null;
  app.notice = null;
  app.progress = { index: 0, total: 0, label: t().building };
  render();
  try {
    const start = await call("startBuild", JSON.stringify(request()));
    const total = Math.max(1, start.steps.length);
    for (let i = 0; i < start.steps.length; i++) {
      app.progress = { index: i, total, label: start.steps[i] ?? "" };
      render();
      const step = await call("buildStep", start.buildId, i);
      if (step.done) {
        app.built = step.result ?? { sheets: [], issues: 0 };
        break;
      }
    }
    if (!app.built) app.built = { sheets: [], issues: 0 };
  } catch (e) {
    app.error = sentence(e);
  } finally {
    app.building = false;
    app.progress = null;
    render();
  }
}

async function openSheet(sheet: BuiltSheet): Promise<void> {
  try {
    await call("openSheet", sheet.sheetId);
  } catch (e) {
    app.error = sentence(e);
    render();
  }
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** Remembers the choices a moment after the last change (one write for a burst of clicks). */
function scheduleSave(): void {
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
    render();
  }
}

async function createTemplate(): Promise<void> {
  if (app.building || app.loading) return;
  app.loading = true;
  app.error = null;
  app.notice = null;
  render();
  try {
    const res = await call("createTemplate");
    app.notice = fill(t().templateDone, { names: res.sheets.map((s) => s.name).join(", ") });
    app.loading = false;
    await load();
  } catch (e) {
    app.error = sentence(e);
  } finally {
    app.loading = false;
    render();
  }
}

function loadHelp(): void {
  app.help = formulaHelpFor(app.lang);
  render();
}

// ---------------------------------------------------------------------------------------------
// Rendering

function render(): void {
  const active = document.activeElement as HTMLElement | null;
  const focusKey = active?.dataset.focus;
  replaceChildren(root, app.view === "help" ? renderHelp() : renderSidebar());
  if (focusKey) {
    const again = root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(focusKey)}"]`);
    again?.focus();
  }
}

function renderSidebar(): Child[] {
  const s = t();
  const busy = app.building || app.loading;
  return [
    el(
      "header",
      { class: "top" },
      el("h1", null, s.title),
      el(
        "select",
        {
          class: "lang",
          title: s.language,
          disabled: busy,
          attrs: { "aria-label": s.language, "data-testid": "lang", "data-focus": "lang" },
          on: {
            change: (ev) => {
              const v = (ev.target as HTMLSelectElement).value;
              if (!isLang(v)) return;
              app.lang = v;
              if (app.state) void load(request());
              else void saveChoices().then(() => load());
            },
          },
        },
        ...(["en", "ru", "uk"] as const).map((l) =>
          el("option", { value: l, selected: l === app.lang }, l.toUpperCase()),
        ),
      ),
    ),
    app.error ? el("div", { class: "msg error", attrs: { role: "alert" } }, app.error) : null,
    app.notice ? el("div", { class: "msg ok" }, app.notice) : null,
    app.loading && !app.state ? el("p", { class: "muted" }, s.loading) : null,
    app.state ? renderTabs() : null,
    app.state ? renderStages() : null,
    app.state
      ? renderRoles({
          reps: [
            ...app.state.reps,
            ...(app.state.roles ?? [])
              .map((r) => r.rep)
              .filter((r) => !app.state?.reps.includes(r)),
          ],
          roles: app.roles,
          busy,
          s,
          open: app.open.has(ROLES_OPEN),
          onToggle: () => {
            if (app.open.has(ROLES_OPEN)) app.open.delete(ROLES_OPEN);
            else app.open.add(ROLES_OPEN);
            render();
          },
          onChange: (rep, role) => {
            app.roles.set(rep, role);
            app.rolesSet = true;
            render();
          },
        })
      : null,
    app.state ? renderOptions() : null,
    app.state ? renderBuild() : null,
    el(
      "footer",
      null,
      el(
        "button",
        {
          class: "link",
          type: "button",
          disabled: busy,
          attrs: { "data-testid": "template" },
          on: { click: () => void createTemplate() },
        },
        s.template,
      ),
      el(
        "button",
        {
          class: "link",
          type: "button",
          attrs: { "data-testid": "help" },
          on: {
            click: () => {
              app.view = "help";
              render();
              if (!app.help) loadHelp();
            },
          },
        },
        s.help,
      ),
    ),
  ];
}

function kindInfo(kind: TabKind | null): WireKind | undefined {
  return app.state?.kinds.find((k) => k.kind === kind);
}

/** Labels of the required fields (or groups of alternatives) no column is chosen for. */
function missingFields(tab: WireTab): string[] {
  const info = kindInfo(tab.kind);
  if (!info) return [];
  const out: string[] = [];
  const groups = new Map<string, string[]>();
  for (const f of info.fields) {
    if (!f.required) continue;
    if (f.group) {
      const g = groups.get(f.group) ?? [];
      g.push(f.key);
      groups.set(f.group, g);
    } else if (!(f.key in tab.columns)) {
      out.push(fieldLabel(f.key));
    }
  }
  for (const keys of groups.values()) {
    if (!keys.some((k) => k in tab.columns)) out.push(keys.map(fieldLabel).join(" / "));
  }
  return out;
}

/** "1 row", "5 строк", "2 рядки": the plural form of the user's language. */
function rowsLabel(n: number): string {
  const forms = t().rowForms;
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (app.lang === "en") return `${n} ${n === 1 ? forms[0] : forms[1]}`;
  if (mod10 === 1 && mod100 !== 11) return `${n} ${forms[0]}`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} ${forms[1]}`;
  return `${n} ${forms[2]}`;
}

function fieldLabel(key: string): string {
  return t().fields[key] ?? key;
}

function renderTabs(): Child {
  const s = t();
  const busy = app.building || app.loading;
  return el(
    "section",
    { attrs: { "data-testid": "tabs" } },
    el("h2", null, s.tabs),
    app.tabs.length === 0
      ? el("p", { class: "muted" }, s.noTabs)
      : el("p", { class: "hint" }, s.tabsHint),
    ...app.tabs.map((tab, ti) => {
      const info = kindInfo(tab.kind);
      const missing = missingFields(tab);
      const isOpen = app.open.has(tab.name);
      return el(
        "div",
        { class: `tab${tab.kind ? "" : " unused"}`, attrs: { "data-testid": "tab" } },
        el("div", { class: "tab-name", title: tab.name, attrs: { dir: "auto" } }, tab.name),
        el(
          "div",
          { class: "tab-row" },
          el(
            "select",
            {
              class: "kind",
              disabled: busy,
              attrs: {
                "aria-label": tab.name,
                "data-testid": "kind",
                "data-focus": `kind-${ti}`,
              },
              on: {
                change: (ev) => {
                  const v = (ev.target as HTMLSelectElement).value;
                  tab.kind = v === "" ? null : (v as TabKind);
                  tab.columns = {};
                  void load(request());
                },
              },
            },
            el("option", { value: "", selected: tab.kind === null }, s.notUsed),
            ...(app.state?.kinds ?? []).map((k) =>
              el("option", { value: k.kind, selected: k.kind === tab.kind }, s.kinds[k.kind]),
            ),
          ),
          el("span", { class: "muted small" }, rowsLabel(tab.rows)),
        ),
        missing.length > 0
          ? el(
              "div",
              { class: "warn small", attrs: { "data-testid": "missing" } },
              `${s.missing} ${missing.join(", ")}`,
            )
          : null,
        info
          ? el(
              "button",
              {
                class: "link small",
                type: "button",
                attrs: { "data-testid": "columns-toggle", "aria-expanded": String(isOpen) },
                on: {
                  click: () => {
                    if (isOpen) app.open.delete(tab.name);
                    else app.open.add(tab.name);
                    render();
                  },
                },
              },
              isOpen ? s.hideColumns : s.columns,
            )
          : null,
        info && isOpen ? renderColumns(tab, ti, info) : null,
      );
    }),
    el(
      "button",
      {
        class: "link small",
        type: "button",
        disabled: busy,
        attrs: { "data-testid": "reload" },
        on: { click: () => void load() },
      },
      s.reload,
    ),
  );
}

function renderColumns(tab: WireTab, ti: number, info: WireKind): Child {
  const s = t();
  const busy = app.building || app.loading;
  return el(
    "div",
    { class: "columns", attrs: { "data-testid": "columns" } },
    ...info.fields.map((f) =>
      el(
        "label",
        { class: "field" },
        el("span", { class: "field-name" }, fieldLabel(f.key), f.required && !f.group ? " *" : ""),
        el(
          "select",
          {
            disabled: busy,
            attrs: {
              "data-field": f.key,
              "data-testid": "column",
              "data-focus": `col-${ti}-${f.key}`,
              dir: "auto",
            },
            on: {
              change: (ev) => {
                const v = (ev.target as HTMLSelectElement).value;
                if (v === "") delete tab.columns[f.key];
                else tab.columns[f.key] = Number(v);
                void load(request());
              },
            },
          },
          el("option", { value: "", selected: !(f.key in tab.columns) }, s.noColumn),
          ...tab.headers.map((h, i) =>
            el(
              "option",
              { value: String(i), selected: tab.columns[f.key] === i },
              h === "" ? `#${i + 1}` : h,
            ),
          ),
        ),
      ),
    ),
  );
}

function renderStages(): Child {
  const s = t();
  const busy = app.building || app.loading;
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= app.stages.length) return;
    const x = app.stages[i]!;
    app.stages[i] = app.stages[j]!;
    app.stages[j] = x;
    app.stagesSet = true;
    render();
    scheduleSave();
  };
  return el(
    "section",
    { attrs: { "data-testid": "stages" } },
    el("h2", null, s.stages),
    app.stages.length === 0
      ? el("p", { class: "muted" }, s.noStages)
      : el("p", { class: "hint" }, s.stagesHint),
    el(
      "ol",
      { class: "stages" },
      ...app.stages.map((name, i) =>
        el(
          "li",
          { attrs: { "data-testid": "stage" } },
          el("span", { class: "stage-name", title: name, attrs: { dir: "auto" } }, name),
          el(
            "button",
            {
              class: "icon",
              type: "button",
              title: s.up,
              disabled: busy || i === 0,
              attrs: { "aria-label": s.up, "data-testid": "up", "data-focus": `up-${i}` },
              on: { click: () => move(i, -1) },
            },
            "↑",
          ),
          el(
            "button",
            {
              class: "icon",
              type: "button",
              title: s.down,
              disabled: busy || i === app.stages.length - 1,
              attrs: { "aria-label": s.down, "data-testid": "down", "data-focus": `down-${i}` },
              on: { click: () => move(i, 1) },
            },
            "↓",
          ),
        ),
      ),
    ),
  );
}

function checklist(
  testid: string,
  title: string,
  all: string[],
  chosen: Set<string>,
  busy: boolean,
): Child {
  const s = t();
  return el(
    "fieldset",
    { class: "checks", attrs: { "data-testid": testid } },
    el("legend", null, title),
    all.length === 0 ? el("span", { class: "muted small" }, s.none) : null,
    all.length > 1
      ? el(
          "label",
          { class: "check all" },
          el("input", {
            type: "checkbox",
            disabled: busy,
            checked: chosen.size === all.length,
            on: {
              change: (ev) => {
                chosen.clear();
                if ((ev.target as HTMLInputElement).checked) for (const x of all) chosen.add(x);
                render();
                scheduleSave();
              },
            },
          }),
          el("span", null, s.all),
        )
      : null,
    ...all.map((name) =>
      el(
        "label",
        { class: "check", title: name },
        el("input", {
          type: "checkbox",
          disabled: busy,
          checked: chosen.has(name),
          on: {
            change: (ev) => {
              if ((ev.target as HTMLInputElement).checked) chosen.add(name);
              else chosen.delete(name);
              render();
              scheduleSave();
            },
          },
        }),
        el("span", { attrs: { dir: "auto" } }, name),
      ),
    ),
  );
}

function renderOptions(): Child {
  const s = t();
  const st = app.state!;
  const busy = app.building || app.loading;
  const periodButton = (p: "week" | "month", label: string) =>
    el(
      "label",
      { class: `seg${app.period === p ? " on" : ""}` },
      el("input", {
        type: "radio",
        disabled: busy,
        checked: app.period === p,
        attrs: { name: "period", value: p, "data-testid": `period-${p}` },
        on: {
          change: () => {
            app.period = p;
            render();
            scheduleSave();
          },
        },
      }),
      el("span", null, label),
    );
  const dateInput = (which: "from" | "to") =>
    el("input", {
      type: "date",
      disabled: busy,
      value: app[which],
      attrs: {
        "data-testid": which,
        "data-focus": which,
        ...(st.dateBounds.from ? { min: st.dateBounds.from } : {}),
        ...(st.dateBounds.to ? { max: st.dateBounds.to } : {}),
        ...(which === "from" && st.dateBounds.from ? { placeholder: st.dateBounds.from } : {}),
        ...(which === "to" && st.dateBounds.to ? { placeholder: st.dateBounds.to } : {}),
      },
      on: {
        change: (ev) => {
          app[which] = (ev.target as HTMLInputElement).value;
          scheduleSave();
        },
      },
    });
  return el(
    "section",
    { attrs: { "data-testid": "options" } },
    el("h2", null, s.report),
    el(
      "div",
      { class: "row" },
      el("span", { class: "label" }, s.period),
      el("div", { class: "segs" }, periodButton("week", s.week), periodButton("month", s.month)),
    ),
    el(
      "div",
      { class: "row dates" },
      el("label", null, el("span", { class: "label" }, s.from), dateInput("from")),
      el("label", null, el("span", { class: "label" }, s.to), dateInput("to")),
    ),
    st.dateBounds.from && st.dateBounds.to
      ? el(
          "p",
          { class: "hint", attrs: { "data-testid": "bounds" } },
          fill(s.dataRange, { from: st.dateBounds.from, to: st.dateBounds.to }),
        )
      : null,
    checklist("reps", s.reps, st.reps, app.reps, busy),
    checklist("sources", s.sources, st.sources, app.sources, busy),
  );
}

function renderBuild(): Child {
  const s = t();
  const p = app.progress;
  return el(
    "section",
    { class: "build" },
    el(
      "button",
      {
        class: "action",
        type: "button",
        disabled: app.building || app.loading,
        attrs: { "data-testid": "build", "aria-busy": String(app.building) },
        on: { click: () => void build() },
      },
      app.building ? s.building : s.build,
    ),
    p
      ? el(
          "div",
          { class: "progress", attrs: { "data-testid": "progress" } },
          el(
            "div",
            { class: "bar" },
            el("div", {
              class: "fill",
              attrs: {
                style: `width:${p.total > 0 ? Math.round((p.index / p.total) * 100) : 0}%`,
                "data-testid": "progress-fill",
              },
            }),
          ),
          el(
            "div",
            { class: "small muted", attrs: { "data-testid": "progress-label" } },
            p.total > 0 ? fill(s.step, { i: p.index + 1, n: p.total }) : "",
            p.total > 0 && p.label ? " · " : "",
            p.label,
          ),
        )
      : null,
    app.built
      ? el(
          "div",
          { class: "result", attrs: { "data-testid": "result" } },
          el("p", null, s.done),
          el(
            "ul",
            { class: "links" },
            ...app.built.sheets.map((sheet) =>
              el(
                "li",
                null,
                el(
                  "button",
                  {
                    class: "link",
                    type: "button",
                    attrs: { "data-testid": "sheet-link", "data-sheet-key": sheet.key },
                    on: { click: () => void openSheet(sheet) },
                  },
                  sheet.name,
                ),
              ),
            ),
          ),
          el(
            "p",
            { class: "small muted" },
            app.built.issues > 0 ? fill(s.issues, { n: app.built.issues }) : s.noIssues,
          ),
        )
      : null,
  );
}

function renderHelp(): Child[] {
  const s = t();
  const q = app.helpQuery.trim().toLowerCase();
  const fns = (app.help?.functions ?? []).filter(
    (f) => !q || f.name.toLowerCase().includes(q) || f.summary.toLowerCase().includes(q),
  );
  const standalone = document.body.dataset.view === "help";
  return [
    el(
      "header",
      { class: "top" },
      standalone
        ? el("h1", null, s.help)
        : el(
            "button",
            {
              class: "link",
              type: "button",
              attrs: { "data-testid": "back" },
              on: {
                click: () => {
                  app.view = "sidebar";
                  render();
                },
              },
            },
            `← ${s.back}`,
          ),
    ),
    app.error ? el("div", { class: "msg error", attrs: { role: "alert" } }, app.error) : null,
    el("input", {
      type: "search",
      class: "search",
      value: app.helpQuery,
      attrs: { placeholder: s.search, "aria-label": s.search, "data-focus": "help-search" },
      on: {
        input: (ev) => {
          app.helpQuery = (ev.target as HTMLInputElement).value;
          render();
        },
      },
    }),
    !app.help
      ? el("p", { class: "muted" }, s.loading)
      : el("div", {
          attrs: { "data-testid": "help-loaded", "data-count": String(app.help.functions.length) },
        }),
    app.help && fns.length === 0 ? el("p", { class: "muted" }, s.noFunctions) : null,
    ...fns.map((f) =>
      el(
        "article",
        { class: "fn", attrs: { "data-testid": "fn" } },
        el("h3", null, f.name),
        el("p", null, f.summary),
        el(
          "code",
          { class: "syntax", title: s.syntax },
          `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
        ),
        el(
          "dl",
          null,
          ...f.params.flatMap((p) => [
            el(
              "dt",
              null,
              p.name,
              p.optional ? el("span", { class: "muted" }, ` (${s.optional})`) : null,
            ),
            el("dd", null, p.description),
          ]),
        ),
        f.examples.length > 0 ? el("h4", null, s.examples) : null,
        ...f.examples.map((ex) =>
          el(
            "div",
            { class: "example" },
            el("code", null, ex.formula),
            ex.result !== "" ? el("span", { class: "muted" }, ` → ${ex.result}`) : null,
            ex.note ? el("div", { class: "small muted" }, ex.note) : null,
          ),
        ),
      ),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------

render();
if (app.view === "help") loadHelp();
else void load();
