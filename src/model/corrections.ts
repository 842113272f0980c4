/**
 * Saved mappings hold only the user's corrections (see mapping.ts). These functions turn a
 * chosen mapping into its corrections against detection, lay corrections over a fresh detection,
 * and migrate a version-1 mapping (the whole mapping) to corrections.
 */
import { detectTabs, type TabDetection } from "./detect";
import {
  cleanMapping,
  MAPPING_VERSION,
  type TabMapping,
  tabMappingFromDetection,
  type WorkbookMapping,
} from "./mapping";
import type { RawTab } from "./types";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/**
 * What of `chosen` the user corrected, against `detected` (the tab's fresh detection, or null):
 * the whole tab when the kind or header row differs, else the fields set or cleared (a partial
 * entry); null when nothing differs.
 */
export function correctionOf(detected: TabMapping | null, chosen: TabMapping): TabMapping | null {
  if (!detected || detected.kind !== chosen.kind || detected.headerRow !== chosen.headerRow) {
    const whole: TabMapping = { ...chosen };
    delete whole.partial;
    delete whole.cleared;
    return whole;
  }
  const out: TabMapping = {
    name: chosen.name,
    kind: chosen.kind,
    headerRow: chosen.headerRow,
    columns: {},
    partial: true,
  };
  for (const [k, c] of Object.entries(chosen.columns)) {
    if (detected.columns[k] === c) continue;
    out.columns[k] = c;
    const h = chosen.headers?.[k];
    if (h && h.column === c) out.headers = { ...out.headers, [k]: h };
  }
  const cleared = Object.keys(detected.columns).filter((k) => !(k in chosen.columns));
  if (cleared.length) out.cleared = cleared;
  if (!same(detected.stageColumns, chosen.stageColumns))
    out.stageColumns = chosen.stageColumns ?? [];
  if (!same(detected.criteria, chosen.criteria)) out.criteria = chosen.criteria ?? [];
  const changed =
    Object.keys(out.columns).length > 0 ||
    cleared.length > 0 ||
    out.stageColumns !== undefined ||
    out.criteria !== undefined;
  return changed ? out : null;
}

/** A partial correction laid over the tab's detected mapping. */
function overlay(base: TabMapping, c: TabMapping): TabMapping {
  const out: TabMapping = {
    ...base,
    columns: { ...base.columns },
    headers: base.headers ? { ...base.headers } : undefined,
  };
  for (const k of c.cleared ?? []) {
    delete out.columns[k];
    if (out.headers) delete out.headers[k];
  }
  for (const [k, col] of Object.entries(c.columns)) {
    out.columns[k] = col;
    const h = c.headers?.[k];
    if (out.headers) delete out.headers[k];
    if (h) out.headers = { ...out.headers, [k]: h };
  }
  if (out.headers && Object.keys(out.headers).length === 0) delete out.headers;
  if (!out.headers) delete out.headers;
  if (c.stageColumns) out.stageColumns = c.stageColumns;
  if (c.criteria) out.criteria = c.criteria;
  return out;
}

/**
 * The mapping to build with: every detected tab as detected, with the saved corrections laid
 * over it (a whole-tab correction replaces it; a partial one changes only its fields), and the
 * user's stage order. Saved whole tabs that detection does not find are kept.
 */
export function applyCorrections(
  saved: WorkbookMapping | null | undefined,
  detections: TabDetection[],
): WorkbookMapping {
  const corrections = cleanMapping(saved)?.tabs ?? [];
  const byName = new Map(corrections.map((t) => [t.name, t]));
  const tabs: TabMapping[] = [];
  const done = new Set<string>();
  for (const d of detections) {
    const base = tabMappingFromDetection(d);
    const c = byName.get(d.tab);
    done.add(d.tab);
    if (!c) tabs.push(base);
    else if (!c.partial) tabs.push(c);
    else if (c.kind === null || c.kind === base.kind) tabs.push(overlay(base, c));
    else tabs.push(base);
  }
  for (const c of corrections) if (!done.has(c.name) && !c.partial) tabs.push(c);
  const clean = cleanMapping(saved);
  return {
    version: MAPPING_VERSION,
    stages: [...(clean?.stages ?? [])],
    tabs,
    ...(clean?.roles?.length ? { roles: clean.roles } : {}),
  };
}

/**
 * A version-1 mapping (the whole mapping, written on every Build) as corrections: per tab, what
 * differs from today's detection; the stage order only when it differs from the order the data
 * gives without it (`inferredStages`, computed by the caller when it can). A version-2 mapping
 * is returned as it is.
 */
export function migrateMapping(
  saved: WorkbookMapping | null,
  detections: TabDetection[],
  inferredStages?: () => string[],
): WorkbookMapping | null {
  const clean = cleanMapping(saved);
  if (!clean || clean.version >= MAPPING_VERSION) return clean;
  const detected = new Map(detections.map((d) => [d.tab, tabMappingFromDetection(d)]));
  const tabs: TabMapping[] = [];
  for (const t of clean.tabs) {
    const c = correctionOf(detected.get(t.name) ?? null, t);
    if (c) tabs.push(c);
  }
  let stages = clean.stages;
  if (stages.length && inferredStages && same(stages, inferredStages())) stages = [];
  return {
    version: MAPPING_VERSION,
    stages,
    tabs,
    ...(clean.roles?.length ? { roles: clean.roles } : {}),
  };
}

/**
 * Whether laying `saved` over detection needs the detections: only partial entries (and a
 * version-1 mapping) do; whole-tab entries buildModel takes as they are, detecting the rest.
 */
export function needsOverlay(saved: WorkbookMapping | null | undefined): boolean {
  const clean = cleanMapping(saved);
  if (!clean) return false;
  return clean.version < MAPPING_VERSION || clean.tabs.some((t) => t.partial);
}

/**
 * The mapping to build with: `saved` (the settings tab's corrections) laid over a fresh
 * detection of `tabs` where it needs one (see needsOverlay), else as it is.
 */
export function mappingToBuild(
  tabs: RawTab[],
  saved: WorkbookMapping | null | undefined,
): WorkbookMapping | undefined {
  if (!needsOverlay(saved)) return saved ?? undefined;
  const detections = detectTabs(tabs);
  return applyCorrections(migrateMapping(saved ?? null, detections), detections);
}
