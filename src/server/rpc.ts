/**
 * The functions the sidebar calls through `google.script.run`, and the menu's handlers.
 * Arguments arrive as JSON strings; results are plain JSON values (dates as ISO strings, never a
 * `Date`: Apps Script cannot return one to the client). Errors reach the user as one sentence in
 * their language, never a stack trace.
 */
import { runBuildStep, startBuild as startReportBuild } from "../adapters/sheets/build";
import { readTabs } from "../adapters/sheets/pipeline";
import { readSettings, type StoredSettings, writeSettings } from "../adapters/sheets/settings";
import { templateRun } from "../adapters/sheets/template";
import { isoDate } from "../core/calendar";
import { LANGS, type Lang, langFromLocale } from "../core/lang";
import { applyCorrections, correctionOf, migrateMapping, needsOverlay } from "../model/corrections";
import {
  buildModel,
  cleanMapping,
  detectTabs,
  headerKey,
  KIND_FIELDS,
  MAPPING_VERSION,
  stageSourceSentence,
  TAB_KINDS,
  type TabDetection,
  type TabMapping,
  tabMappingFromDetection,
  type WorkbookMapping,
} from "../model/index";
import { cleanRoles } from "../model/mapping";
import type { Model, RawTab, Role, TabKind, TeamMember } from "../model/types";
import { type LabelKey, t as reportText } from "../report/i18n";
import type { ReportOptions } from "../report/options";
import { menuLabels } from "./menu";
import type {
  BuildRequest,
  BuildStart,
  BuildStepResult,
  MappingInput,
  SidebarSettings,
  SidebarState,
  TemplateResult,
} from "./rpc-types";

export type * from "./rpc-types";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ---------------------------------------------------------------------------------------------
// Messages

const MESSAGES = {
  noSpreadsheet: {
    en: "Open a spreadsheet first.",
    ru: "Сначала откройте таблицу.",
    uk: "Спочатку відкрийте таблицю.",
  },
  badRequest: {
    en: "The sidebar sent a request the add-on could not read; please reopen the sidebar.",
    ru: "Панель отправила запрос, который дополнение не смогло прочитать; откройте панель заново.",
    uk: "Панель надіслала запит, який додаток не зміг прочитати; відкрийте панель знову.",
  },
  noSheet: {
    en: "That sheet no longer exists; please build the report again.",
    ru: "Этого листа больше нет; постройте отчёт заново.",
    uk: "Цього аркуша більше немає; побудуйте звіт знову.",
  },
  failed: {
    en: "Something went wrong; please try again, and reload the spreadsheet if it happens again.",
    ru: "Что-то пошло не так; попробуйте ещё раз, а если не поможет, перезагрузите таблицу.",
    uk: "Щось пішло не так; спробуйте ще раз, а якщо не допоможе, перезавантажте таблицю.",
  },
  buildFailed: {
    en: "The report could not be built; the spreadsheet was left as it was. Please try again.",
    ru: "Отчёт не удалось построить; таблица осталась без изменений. Попробуйте ещё раз.",
    uk: "Звіт не вдалося побудувати; таблиця лишилася без змін. Спробуйте ще раз.",
  },
} satisfies Record<string, Record<Lang, string>>;

/** The add-on's name: the sidebar's and the toast's title. */
const TITLE: Record<Lang, string> = { en: "Voronka", ru: "Воронка", uk: "Воронка" };

/** The help dialog's title: the name and the menu item, e.g. "Voronka: formula help". */
function helpTitle(lang: Lang): string {
  return `${TITLE[lang]}: ${menuLabels(lang).help.toLowerCase()}`;
}

/** An error whose message is already a sentence for the user. */
class UserError extends Error {}

function fail(key: keyof typeof MESSAGES, lang: Lang): never {
  throw new UserError(MESSAGES[key][lang]);
}

/** The report layer's messages for the user (a build that is locked, stale, expired, empty). */
const REPORT_MESSAGE_KEYS = [
  "build.locked",
  "build.stale",
  "build.expired",
  "build.timeout",
  "build.empty",
] as const satisfies readonly LabelKey[];

let knownMessages: Set<string> | null = null;

function isKnownMessage(msg: string): boolean {
  if (!knownMessages) {
    knownMessages = new Set();
    for (const l of LANGS) for (const k of REPORT_MESSAGE_KEYS) knownMessages.add(reportText(l, k));
  }
  return knownMessages.has(msg);
}

/**
 * Runs `fn`, turning any failure into one sentence in the user's language: ours and the report
 * layer's messages are passed on; anything else (a service exception, a bug) becomes the
 * generic sentence, with the detail only in the execution log.
 */
function guarded<T>(
  lang: () => Lang,
  fn: () => T,
  generic: "failed" | "buildFailed" = "failed",
): T {
  try {
    return fn();
  } catch (e) {
    throw new Error(userMessage(e, lang(), generic));
  }
}

export function userMessage(
  e: unknown,
  lang: Lang,
  generic: "failed" | "buildFailed" = "failed",
): string {
  if (e instanceof UserError) return e.message;
  if (e instanceof Error && isKnownMessage(e.message)) return e.message;
  // A build refused for its size says what to narrow (adapters/sheets/budget.ts).
  if (e instanceof Error && (e as { userFacing?: unknown }).userFacing === true) return e.message;
  try {
    console.error(e);
  } catch (_) {
    // no console: nothing to log to
  }
  return MESSAGES[generic][lang];
}

// ---------------------------------------------------------------------------------------------
// Context

function spreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) fail("noSpreadsheet", "en");
  return ss;
}

function localeLang(ss: Spreadsheet | null): Lang {
  let locale = "";
  try {
    locale = Session.getActiveUserLocale() ?? "";
  } catch (_) {
    locale = "";
  }
  if (!locale && ss) {
    try {
      locale = ss.getSpreadsheetLocale() ?? "";
    } catch (_) {
      locale = "";
    }
  }
  return langFromLocale(locale);
}

function isLang(v: unknown): v is Lang {
  return v === "en" || v === "ru" || v === "uk";
}

interface Saved {
  stored: StoredSettings | null;
  mapping: WorkbookMapping | null;
  sidebar: SidebarSettings;
}

function savedSettings(ss: Spreadsheet): Saved {
  const stored = readSettings(ss);
  return {
    stored,
    mapping: cleanMapping(stored?.mapping),
    sidebar: cleanSettings(stored?.sidebar),
  };
}

/** The user's language: the one chosen in the sidebar, else their locale, else the sheet's. */
function userLang(ss: Spreadsheet | null): Lang {
  if (ss) {
    try {
      const l = savedSettings(ss).sidebar.lang;
      if (l) return l;
    } catch (_) {
      // unreadable settings: fall back to the locale
    }
  }
  return localeLang(ss);
}

function parseJson<T>(json: unknown, lang: Lang): T | null {
  if (json === undefined || json === null || json === "") return null;
  if (typeof json !== "string") fail("badRequest", lang);
  try {
    return JSON.parse(json) as T;
  } catch (_) {
    fail("badRequest", lang);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Keeps only well-formed settings (the settings tab is editable by hand). */
export function cleanSettings(v: unknown): SidebarSettings {
  const o = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
  const out: SidebarSettings = {};
  if (isLang(o.lang)) out.lang = o.lang;
  if (o.period === "week" || o.period === "month") out.period = o.period;
  const reps = strings(o.reps);
  if (reps.length) out.reps = reps;
  const sources = strings(o.sources);
  if (sources.length) out.sources = sources;
  if (typeof o.from === "string" && ISO.test(o.from)) out.from = o.from;
  if (typeof o.to === "string" && ISO.test(o.to)) out.to = o.to;
  const norms = cleanRoleNorms(o.roleNorms);
  if (norms) out.roleNorms = norms;
  return out;
}

const NORM_KEYS = ["longCallsMin", "longCallsMax", "bookedMin", "bookedMax", "heldMin"] as const;

/** The Roles sheet's norms from settings: non-negative numbers only; null when none. */
export function cleanRoleNorms(v: unknown): SidebarSettings["roleNorms"] | null {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const out: NonNullable<SidebarSettings["roleNorms"]> = {};
  for (const k of NORM_KEYS) {
    const n = typeof o[k] === "string" ? Number(o[k]) : o[k];
    if (typeof n === "number" && Number.isFinite(n) && n >= 0) out[k] = n;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Settings to store: the sidebar's, keeping norms edited in the settings tab it does not send. */
function withStoredNorms(next: SidebarSettings, saved: SidebarSettings): SidebarSettings {
  return next.roleNorms || !saved.roleNorms ? next : { ...next, roleNorms: saved.roleNorms };
}

// ---------------------------------------------------------------------------------------------
// Sidebar state

function timeZoneOf(ss: Spreadsheet): string {
  try {
    return ss.getSpreadsheetTimeZone() || "UTC";
  } catch (_) {
    return "UTC";
  }
}

/** Reps, sources and the date bounds of a model, in one pass over its rows. */
export function modelSummary(model: Model): {
  reps: string[];
  sources: string[];
  dateBounds: { from: string | null; to: string | null };
} {
  const reps = new Map<string, string>();
  const sources = new Map<string, string>();
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const see = (ms: number | null | undefined) => {
    if (typeof ms !== "number" || !Number.isFinite(ms)) return;
    if (ms < lo) lo = ms;
    if (ms > hi) hi = ms;
  };
  const name = (map: Map<string, string>, v: string) => {
    const key = v.trim().toLowerCase();
    if (key && !map.has(key)) map.set(key, v.trim());
  };
  for (const d of model.deals) {
    name(reps, d.rep);
    name(sources, d.source);
    see(d.created);
    see(d.closed);
    for (const s of d.stageDates) see(s);
  }
  for (const c of model.calls) {
    name(reps, c.rep);
    name(sources, c.source);
    see(c.at);
  }
  for (const t of model.timeEntries) {
    name(reps, t.rep);
    see(t.date);
  }
  for (const g of model.grades) name(reps, g.rep);
  const sorted = (m: Map<string, string>) => [...m.values()].sort((a, b) => a.localeCompare(b));
  return {
    reps: sorted(reps),
    sources: sorted(sources),
    dateBounds: {
      from: Number.isFinite(lo) ? isoDate(lo) : null,
      to: Number.isFinite(hi) ? isoDate(hi) : null,
    },
  };
}

export function sidebarState(mappingJson?: string): SidebarState {
  let lang: Lang = "en";
  return guarded(
    () => lang,
    () => {
      const ss = spreadsheet();
      const saved = savedSettings(ss);
      lang = saved.sidebar.lang ?? localeLang(ss);
      const input = parseJson<MappingInput>(mappingJson, lang);
      if (input && typeof input === "object" && isLang((input as BuildRequest).settings?.lang)) {
        lang = (input as BuildRequest).settings.lang as Lang;
      }
      const timeZone = timeZoneOf(ss);
      const tabs = readTabs(ss);
      const detections = detectTabs(tabs);
      const given = input ? corrections(tabs, detections, saved.mapping, input) : saved.mapping;
      return stateFor(tabs, detections, timeZone, lang, given, saved.sidebar);
    },
  );
}

/**
 * Remembers the sidebar's choices in the settings tab: either the settings alone, or a whole
 * request `{tabs, stages?, settings}` whose mapping corrections are remembered too.
 */
export function saveSettings(settingsJson: string): { ok: true } {
  let lang: Lang = "en";
  return guarded(
    () => lang,
    () => {
      const ss = spreadsheet();
      lang = localeLang(ss);
      const raw = parseJson<unknown>(settingsJson, lang);
      const isRequest =
        !!raw && typeof raw === "object" && Array.isArray((raw as BuildRequest).tabs);
      const parsed = cleanSettings(isRequest ? (raw as BuildRequest).settings : raw);
      if (parsed.lang) lang = parsed.lang;
      const saved = savedSettings(ss);
      let mapping = saved.mapping;
      if (isRequest) {
        const tabs = readTabs(ss);
        mapping = corrections(tabs, detectTabs(tabs), saved.mapping, raw as BuildRequest);
      }
      writeSettings(ss, { mapping, sidebar: withStoredNorms(parsed, saved.sidebar) }, lang);
      return { ok: true as const };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Build

export function startBuild(requestJson: string): BuildStart {
  let lang: Lang = "en";
  return guarded(
    () => lang,
    () => {
      const ss = spreadsheet();
      lang = userLang(ss);
      const req = parseJson<BuildRequest>(requestJson, lang);
      if (!req || typeof req !== "object" || !Array.isArray(req.tabs)) fail("badRequest", lang);
      const tabs = readTabs(ss);
      const saved = savedSettings(ss);
      const sidebar = withStoredNorms(cleanSettings(req.settings), saved.sidebar);
      if (sidebar.lang) lang = sidebar.lang;
      const mapping = corrections(tabs, detectTabs(tabs), saved.mapping, req);
      writeSettings(ss, { mapping, sidebar }, lang);
      const options: ReportOptions = {
        lang,
        period: sidebar.period ?? "month",
        reps: sidebar.reps,
        sources: sidebar.sources,
        from: sidebar.from,
        to: sidebar.to,
        roleNorms: sidebar.roleNorms,
      };
      const started = startReportBuild(ss, { options, mapping });
      return { buildId: String(started.buildId), steps: started.steps.map(String) };
    },
    "buildFailed",
  );
}

export function buildStep(buildId: string, index: number): BuildStepResult {
  let lang: Lang = "en";
  return guarded(
    () => lang,
    () => {
      const ss = spreadsheet();
      lang = userLang(ss);
      const r = runBuildStep(ss, String(buildId), Number(index));
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
    },
    "buildFailed",
  );
}

export function openSheet(sheetId: number): { name: string } {
  let lang: Lang = "en";
  return guarded(
    () => lang,
    () => {
      const ss = spreadsheet();
      lang = userLang(ss);
      const sheet = ss.getSheets().find((s) => s.getSheetId() === Number(sheetId));
      if (!sheet) fail("noSheet", lang);
      ss.setActiveSheet(sheet);
      return { name: sheet.getName() };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Template, help, dialogs

export function createTemplate(): TemplateResult {
  let lang: Lang = "en";
  return guarded(
    () => lang,
    () => {
      const ss = spreadsheet();
      lang = userLang(ss);
      const res = templateRun(ss, lang, timeZoneOf(ss));
      // The lists tab is no raw data: switch it off in the mapping (kept in the settings tab).
      const saved = savedSettings(ss);
      const had = new Set(ss.getSheets().map((sh) => sh.getSheetId()));
      const mapping = migrateSaved(ss, saved.mapping) ?? {
        version: MAPPING_VERSION,
        stages: [],
        tabs: [],
      };
      const off: TabMapping[] = res.lists.map((name) => ({
        name,
        kind: null,
        headerRow: 0,
        columns: {},
      }));
      writeSettings(
        ss,
        {
          mapping: {
            ...mapping,
            tabs: [...mapping.tabs.filter((t) => !res.lists.includes(t.name)), ...off],
          },
          sidebar: saved.stored?.sidebar === undefined ? undefined : saved.sidebar,
        },
        lang,
      );
      const added = ss.getSheets().filter((sh) => !had.has(sh.getSheetId()));
      return {
        sheets: [
          ...res.sheets,
          ...added.map((sh) => ({ name: sh.getName(), sheetId: sh.getSheetId() })),
        ],
      };
    },
  );
}

/** Menu: adds the template and opens its first tab. */
export function createTrackerTemplate(): void {
  const ss = spreadsheet();
  const lang = userLang(ss);
  const res = createTemplate();
  const first = res.sheets[0];
  if (first) openSheet(first.sheetId);
  try {
    ss.toast(res.sheets.map((s) => s.name).join(", "), TITLE[lang], 8);
  } catch (_) {
    // a toast is a courtesy
  }
}

/** dist/sidebar.html with the language and the view filled in. */
export function sidebarHtml(view: "sidebar" | "help", lang: Lang): string {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").getContent();
  return html
    .replace('<html lang="en">', `<html lang="${lang}">`)
    .replace('<body data-view="sidebar">', `<body data-view="${view}">`);
}

/** HtmlService drops <meta> tags written in the HTML: the viewport is set on the output. */
function servedHtml(view: "sidebar" | "help", lang: Lang): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutput(sidebarHtml(view, lang)).addMetaTag(
    "viewport",
    "width=device-width, initial-scale=1",
  );
}

export function showSidebar(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = userLang(ss);
  const out = servedHtml("sidebar", lang).setTitle(TITLE[lang]);
  SpreadsheetApp.getUi().showSidebar(out);
}

export function showFormulaHelp(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = userLang(ss);
  const out = servedHtml("help", lang).setWidth(520).setHeight(560);
  SpreadsheetApp.getUi().showModelessDialog(out, helpTitle(lang));
}

// ---------------------------------------------------------------------------------------------
// Mapping ↔ wire

function isKind(v: unknown): v is TabKind {
  return typeof v === "string" && (TAB_KINDS as readonly string[]).includes(v);
}

function headerTexts(tab: RawTab, headerRow: number): string[] {
  const row = tab.values[headerRow];
  if (!Array.isArray(row)) return [];
  return row.map((v) => (v === null || v === undefined ? "" : String(v).trim()));
}

/** The first row with at least two text cells: where a header most likely is. */
function firstHeaderRow(tab: RawTab): number {
  const scan = Math.min(tab.values.length, 15);
  for (let r = 0; r < scan; r++) {
    const row = tab.values[r];
    if (Array.isArray(row) && row.filter((v) => typeof v === "string" && v.trim()).length >= 2) {
      return r;
    }
  }
  return 0;
}

/** Columns of `kind` found among `headers` by their synonyms (for a kind the user chose). */
export function guessColumns(headers: string[], kind: TabKind): Record<string, number> {
  const keys = headers.map((h) => headerKey(h));
  const used = new Set<number>();
  const out: Record<string, number> = {};
  const fields = KIND_FIELDS[kind];
  const find = (syn: string[], exact: boolean): number => {
    const wanted = syn.map((x) => headerKey(x)).filter((x) => x.length > 0);
    for (let i = 0; i < keys.length; i++) {
      if (used.has(i) || !keys[i]) continue;
      const k = keys[i]!;
      if (exact ? wanted.includes(k) : wanted.some((w) => w.length >= 4 && k.includes(w))) return i;
    }
    return -1;
  };
  for (const exact of [true, false]) {
    for (const f of fields) {
      if (f.key in out) continue;
      const i = find(f.synonyms, exact);
      if (i >= 0) {
        out[f.key] = i;
        used.add(i);
      }
    }
  }
  return out;
}

function cleanColumns(v: unknown, width: number): Record<string, number> {
  const out: Record<string, number> = {};
  if (!v || typeof v !== "object") return out;
  for (const [k, c] of Object.entries(v as Record<string, unknown>)) {
    if (typeof c === "number" && Number.isInteger(c) && c >= 0 && c < Math.max(width, 1)) {
      out[k] = c;
    }
  }
  return out;
}

/**
 * The mapping to remember from the sidebar's input: only what the user corrected against what
 * detection finds now (a tab's kind or header row, else the fields set or cleared), entries of
 * tabs that are not there now (a copy may lack one), and the stage order when the sidebar sends
 * one. A version-1 saved mapping is migrated first (see model/corrections.ts).
 */
export function corrections(
  tabs: RawTab[],
  detections: TabDetection[],
  saved: WorkbookMapping | null,
  input: MappingInput,
): WorkbookMapping {
  const detected = new Map(detections.map((d) => [d.tab, tabMappingFromDetection(d)]));
  const migrated = migrateMapping(saved, detections, () => inferredStages(tabs, saved));
  const effective = new Map(applyCorrections(migrated, detections).tabs.map((t) => [t.name, t]));
  const savedBy = new Map((migrated?.tabs ?? []).map((t) => [t.name, t]));
  const rawBy = new Map(tabs.map((t) => [t.name, t]));
  const out: TabMapping[] = [];
  const seen = new Set<string>();
  for (const t of Array.isArray(input.tabs) ? input.tabs : []) {
    if (!t || typeof t.name !== "string" || seen.has(t.name)) continue;
    const raw = rawBy.get(t.name);
    if (!raw) continue;
    seen.add(t.name);
    const det = detected.get(t.name) ?? null;
    const base = effective.get(t.name) ?? det;
    const kind = isKind(t.kind) ? t.kind : null;
    let m: TabMapping;
    if (kind === null) {
      m = { name: t.name, kind: null, headerRow: base?.headerRow ?? 0, columns: {} };
    } else {
      const from = base && base.kind === kind ? base : det && det.kind === kind ? det : null;
      const headerRow = from?.headerRow ?? base?.headerRow ?? firstHeaderRow(raw);
      const headers = headerTexts(raw, headerRow);
      const cols = cleanColumns(t.columns, headers.length);
      const has = Object.keys(cols).length > 0;
      if (from) {
        m = { ...from, columns: has ? cols : { ...from.columns } };
      } else {
        m = { name: t.name, kind, headerRow, columns: has ? cols : guessColumns(headers, kind) };
        if (kind === "checklist") {
          const used = new Set(Object.values(m.columns));
          m.criteria = headers
            .map((h, i) => ({ name: h, column: i }))
            .filter((c) => c.name !== "" && !used.has(c.column));
        }
      }
    }
    // A tab detection skips and the user left unused needs no entry (unless one was saved).
    if (det === null && m.kind === null && !savedBy.has(t.name)) continue;
    const c = correctionOf(det, m);
    if (c) out.push(c);
  }
  for (const s of migrated?.tabs ?? []) if (!seen.has(s.name) && !rawBy.has(s.name)) out.push(s);
  const stages = Array.isArray(input.stages)
    ? input.stages.filter((x): x is string => typeof x === "string" && x.trim() !== "")
    : (migrated?.stages ?? []);
  const roles = input.roles === undefined ? (saved?.roles ?? []) : cleanRoles(input.roles);
  return { version: MAPPING_VERSION, stages, tabs: out, ...(roles.length ? { roles } : {}) };
}

/** One role per rep: the one that holds last (the team is ordered by since within a rep). */
function latestRoles(team: readonly TeamMember[]): SidebarState["roles"] {
  const by = new Map<string, { rep: string; role: Role; since: number }>();
  for (const m of team) {
    const k = m.rep.trim().toLowerCase();
    const since = m.since ?? Number.NEGATIVE_INFINITY;
    const old = by.get(k);
    if (!old || since >= old.since)
      by.set(k, { rep: old?.rep ?? m.rep.trim(), role: m.role, since });
  }
  return [...by.values()].map(({ rep, role }) => ({ rep, role }));
}

/** The stage order the data gives with the saved tabs but no saved order (for the migration). */
function inferredStages(tabs: RawTab[], saved: WorkbookMapping | null): string[] {
  const mapping = saved ? { ...saved, stages: [] } : undefined;
  return [...buildModel(tabs, { timeZone: "UTC", mapping }).model.stages];
}

/** A saved mapping as corrections: a version-1 one is migrated (reading the tabs only then). */
function migrateSaved(ss: Spreadsheet, saved: WorkbookMapping | null): WorkbookMapping | null {
  if (!saved || saved.version >= MAPPING_VERSION) return saved;
  const tabs = readTabs(ss);
  return migrateMapping(saved, detectTabs(tabs), () => inferredStages(tabs, saved));
}

/** The mapping to build with: fresh detection with the saved corrections over it. */
export function effectiveMapping(
  tabs: RawTab[],
  detections: TabDetection[],
  saved: WorkbookMapping | null,
): WorkbookMapping {
  return applyCorrections(
    migrateMapping(saved, detections, () => inferredStages(tabs, saved)),
    detections,
  );
}

function stateFor(
  tabs: RawTab[],
  detections: TabDetection[],
  timeZone: string,
  lang: Lang,
  given: WorkbookMapping | null,
  sidebar: SidebarSettings,
): SidebarState {
  const mapping = needsOverlay(given) ? effectiveMapping(tabs, detections, given) : given;
  const built = buildModel(tabs, { timeZone, mapping });
  const byName = new Map(built.mapping.tabs.map((t) => [t.name, t]));
  const detected = new Map(detections.map((d) => [d.tab, d.kind]));
  const wireTabs = tabs.map((tab) => {
    const m = byName.get(tab.name);
    const headerRow = m?.headerRow ?? firstHeaderRow(tab);
    return {
      name: tab.name,
      kind: m?.kind ?? null,
      detectedKind: detected.get(tab.name) ?? null,
      headers: headerTexts(tab, headerRow),
      rows: Math.max(0, tab.values.length - headerRow - 1),
      columns: { ...(m?.columns ?? {}) },
    };
  });
  return {
    lang,
    timeZone,
    tabs: wireTabs,
    kinds: TAB_KINDS.map((kind) => ({
      kind,
      fields: KIND_FIELDS[kind].map((f) => ({
        key: f.key,
        required: f.required,
        ...(f.group ? { group: f.group } : {}),
      })),
    })),
    stages: [...built.model.stages],
    stagesFixed: (given?.stages.length ?? 0) > 0,
    roles: latestRoles(built.model.team ?? []),
    stageSource: stageSourceSentence(built.stageSource, lang),
    ...modelSummary(built.model),
    settings: sidebar,
  };
}
