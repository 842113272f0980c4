/**
 * The sidebar's state: one plain object the views read and the actions change, plus the pure
 * helpers that derive what the server is sent. After a change, actions call `update()`, which
 * re-renders (the view library patches only what changed, so focus and scroll stay put).
 */

import { fill, isLang, type Lang } from "../src/core/i18n";
import { DEFAULT_ROLE_NORMS } from "../src/core/metrics/roles";
import type { Period } from "../src/core/period";
import { isFieldKey } from "../src/model/fields";
import type { TabKind } from "../src/model/types";
import {
  OPTION_KEYS,
  OPTION_RULES,
  type OptionKey,
  type OptionValues,
} from "../src/shared/options";
import type {
  BuildRequest,
  BuiltSheet,
  FormulaHelp,
  SidebarSettings,
  SidebarState,
  WireKind,
  WireTab,
} from "../src/shared/wire";
import { STRINGS, type Strings } from "./i18n";
import { NoHostError, RpcError } from "./rpc";

/** A date box: the text as typed, and whether it could not be read. */
export interface DateDraft {
  text: string;
  invalid: boolean;
}

export interface App {
  lang: Lang;
  view: "sidebar" | "help";
  /** The help is the whole page (its own dialog), not a view inside the sidebar. */
  standaloneHelp: boolean;
  /** A state read is on its way (the first one, or after a correction). */
  loading: boolean;
  state: SidebarState | null;
  /** Editable copies of the server's state. */
  tabs: WireTab[];
  stages: string[];
  /** The user reordered the stages (or the order is remembered): send it with requests. */
  stagesSet: boolean;
  /** Rep → role as shown ("" = none); sent with requests once the user changed one. */
  roles: Map<string, string>;
  rolesSet: boolean;
  /** The SDR norms' boxes as typed ("" = the default), and whether the user changed one. */
  norms: Record<NormKey, string>;
  normsSet: boolean;
  /** The report options' boxes as typed ("" = the default), the values read from them, and the boxes that could not be read. */
  optionText: Record<OptionKey, string>;
  options: OptionValues;
  optionInvalid: Set<OptionKey>;
  period: Period;
  reps: Set<string>;
  sources: Set<string>;
  /** Filters typed over long rep/source lists. */
  filters: { reps: string; sources: string };
  /** ISO dates (empty: no bound) and the text boxes showing them. */
  from: string;
  to: string;
  dateText: { from: DateDraft; to: DateDraft };
  /** Tabs whose columns are shown. */
  open: Set<string>;
  building: boolean;
  progress: { index: number; total: number; label: string } | null;
  built: { sheets: BuiltSheet[]; issues: number } | null;
  /** The one sentence the status region says (progress, results, a moved stage). */
  status: string;
  error: string | null;
  help: FormulaHelp | null;
  helpQuery: string;
  /** `data-focus` of the element to focus after the next render (then cleared). */
  focusNext: string | null;
}

function initialLang(): Lang {
  const l = document.documentElement.lang;
  return isLang(l) ? l : "en";
}

const helpOnly = document.body.dataset.view === "help";

export const app: App = {
  lang: initialLang(),
  view: helpOnly ? "help" : "sidebar",
  standaloneHelp: helpOnly,
  loading: !helpOnly,
  state: null,
  tabs: [],
  stages: [],
  stagesSet: false,
  roles: new Map(),
  rolesSet: false,
  norms: { longCallsMin: "", longCallsMax: "", bookedMin: "", bookedMax: "", heldMin: "" },
  normsSet: false,
  optionText: {
    cohortWindowDays: "",
    velocityGoalPercent: "",
    dropThresholdPercent: "",
    longCallSeconds: "",
    topN: "",
  },
  options: {},
  optionInvalid: new Set(),
  period: "month",
  reps: new Set(),
  sources: new Set(),
  filters: { reps: "", sources: "" },
  from: "",
  to: "",
  dateText: { from: { text: "", invalid: false }, to: { text: "", invalid: false } },
  open: new Set(),
  building: false,
  progress: null,
  built: null,
  status: "",
  error: null,
  help: null,
  helpQuery: "",
  focusNext: null,
};

let renderer: () => void = () => {};

/** main.ts installs the renderer; actions call `update()` after every change. */
export function setRenderer(fn: () => void): void {
  renderer = fn;
}

export function update(): void {
  renderer();
}

export function t(): Strings {
  return STRINGS[app.lang];
}

/** A failure as one sentence in the user's language. */
export function sentence(e: unknown): string {
  if (e instanceof NoHostError) return t().errNoHost;
  if (e instanceof RpcError && e.message) return e.message;
  return t().errUnknown;
}

export function settings(): SidebarSettings {
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
    ...(app.normsSet || hasNorms() ? { roleNorms: normsToSend() } : {}),
    // Once the saved options are read, {} says "none set" (before, they are kept as saved).
    ...(st ? { options: { ...app.options } } : {}),
  };
}

/** The sentence for an option box that could not be read, naming the box and its range. */
export function optionProblem(key: OptionKey): string {
  const rule = OPTION_RULES[key];
  return fill(t().optionInvalid, {
    label: t().optionLabels[key],
    what: rule.what[app.lang],
    min: rule.min,
    max: rule.max,
  });
}

/** The first option box that could not be read, in the order shown. */
export function firstInvalidOption(): OptionKey | null {
  return OPTION_KEYS.find((k) => app.optionInvalid.has(k)) ?? null;
}

/** The key of the Options group in `app.open`. */
export const OPTIONS_OPEN = "\u0000options";

export const NORM_KEYS = [
  "longCallsMin",
  "longCallsMax",
  "bookedMin",
  "bookedMax",
  "heldMin",
] as const;
export type NormKey = (typeof NORM_KEYS)[number];

function normNumber(text: string): number | null {
  const n = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : null;
}

function hasNorms(): boolean {
  return NORM_KEYS.some((k) => normNumber(app.norms[k]) !== null);
}

/** Every norm: the typed number, else seed 002's default (so clearing a box resets it). */
export function normsToSend(): Record<NormKey, number> {
  const out = { ...DEFAULT_ROLE_NORMS };
  for (const k of NORM_KEYS) out[k] = normNumber(app.norms[k]) ?? DEFAULT_ROLE_NORMS[k];
  return out;
}

export function request(): BuildRequest {
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

export function kindInfo(kind: TabKind | null): WireKind | undefined {
  return app.state?.kinds.find((k) => k.kind === kind);
}

/** At least one tab is used: there is something to build from. */
export function anythingRecognised(): boolean {
  return app.tabs.some((tab) => tab.kind !== null);
}

export function fieldLabel(key: string): string {
  return isFieldKey(key) ? t().fields[key] : key;
}

/** Labels of the required fields (or groups of alternatives) no column is chosen for. */
export function missingFields(tab: WireTab): string[] {
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
export function rowsLabel(n: number): string {
  return fill(t().rows, { n }, app.lang);
}

/** The key of the Roles section in `app.open` (tab names are the other keys). */
export const ROLES_OPEN = "\u0000roles";

export function rolesOpen(): boolean {
  return app.open.has(ROLES_OPEN);
}

/** Reps the Roles section lists: the data's, then any with a role only (a team tab). */
export function rolesReps(): string[] {
  const reps = app.state?.reps ?? [];
  const extra = (app.state?.roles ?? []).map((r) => r.rep).filter((r) => !reps.includes(r));
  return [...reps, ...extra];
}
