/** The sidebar's state (tabs, mapping, stages, reps, settings) and remembering its choices. */

import { readAggregatesTabs } from "../adapters/planFromTabs";
import { readTabs } from "../adapters/sheets/pipeline";
import { writeSettings } from "../adapters/sheets/settings";
import { withAggregatesSummary } from "../aggregates/summary";
import { isLang, type Lang } from "../core/i18n";
import {
  corrections,
  effectiveMapping,
  headerTexts,
  likelyHeaderRow,
} from "../model/chosenMapping";
import { needsOverlay } from "../model/corrections";
import {
  buildModel,
  detectTabs,
  KIND_FIELDS,
  stageSourceSentence,
  TAB_KINDS,
  type TabDetection,
  type WorkbookMapping,
} from "../model/index";
import { latestRoles, modelSummary } from "../model/summary";
import type { RawTab } from "../model/types";
import { cleanSettings, keepStored } from "../shared/settings";
import type { BuildRequest, MappingInput, SidebarSettings, SidebarState } from "../shared/wire";
import { parseJson, rpc, timeZoneOf } from "./call";

/** The sidebar's state; with `mappingJson`, as the user's unsaved corrections would make it. */
export const sidebarState = rpc((call, mappingJson?: string): SidebarState => {
  const { ss } = call;
  const saved = call.saved();
  const input = parseJson<MappingInput>(mappingJson, call.lang);
  const asked = (input as BuildRequest | null)?.settings?.lang;
  if (isLang(asked)) call.lang = asked;
  const tabs = readTabs(ss);
  const detections = detectTabs(tabs);
  const given = input ? corrections(tabs, detections, saved.mapping, input) : saved.mapping;
  return stateFor(tabs, detections, timeZoneOf(ss), call.lang, given, saved.sidebar);
});

/**
 * Remembers the sidebar's choices in the settings tab: either the settings alone, or a whole
 * request `{tabs, stages?, settings}` whose mapping corrections are remembered too.
 */
export const saveSettings = rpc((call, settingsJson: string): { ok: true } => {
  const { ss } = call;
  const raw = parseJson<unknown>(settingsJson, call.lang);
  const isRequest = !!raw && typeof raw === "object" && Array.isArray((raw as BuildRequest).tabs);
  const parsed = cleanSettings(isRequest ? (raw as BuildRequest).settings : raw);
  if (parsed.lang) call.lang = parsed.lang;
  const saved = call.saved();
  let mapping = saved.mapping;
  if (isRequest) {
    const tabs = readTabs(ss);
    mapping = corrections(tabs, detectTabs(tabs), saved.mapping, raw as BuildRequest);
  }
  writeSettings(ss, { mapping, sidebar: keepStored(parsed, saved.sidebar) }, call.lang);
  return { ok: true as const };
});

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
  // Aggregates tabs (SPEC §8) give the stages, reps, sources and dates the report will use.
  const read = readAggregatesTabs(tabs, built, timeZone);
  const { agg } = read;
  const summary = modelSummary(read.model);
  const byName = new Map(built.mapping.tabs.map((t) => [t.name, t]));
  const detected = new Map(detections.map((d) => [d.tab, d.kind]));
  const wireTabs = tabs.map((tab) => {
    const m = byName.get(tab.name);
    const headerRow = m?.headerRow ?? likelyHeaderRow(tab);
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
    stages: [...read.built.model.stages],
    stagesFixed: (given?.stages.length ?? 0) > 0,
    roles: latestRoles(built.model.team ?? []),
    stageSource: stageSourceSentence(read.built.stageSource, lang),
    ...(agg ? withAggregatesSummary(summary, agg) : summary),
    settings: sidebar,
  };
}
