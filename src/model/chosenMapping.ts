/**
 * The mapping the user chose in the sidebar → what to remember (only their corrections against
 * detection), and the mapping to build with (fresh detection with the saved corrections over it).
 */

import { buildModel } from "./build/index";
import { applyCorrections, correctionOf, migrateMapping } from "./corrections";
import { detectTabs, type TabDetection } from "./detect";
import {
  cleanRoles,
  MAPPING_VERSION,
  type TabMapping,
  tabMappingFromDetection,
  type WorkbookMapping,
} from "./mapping";
import { firstHeaderRow, guessColumns, headerCells, TAB_KINDS } from "./synonyms";
import type { RawTab, TabKind } from "./types";

/** The user's choices: kinds and columns per tab, the stage order, the roles. */
export interface MappingChoice {
  tabs: { name: string; kind: TabKind | null; columns: Record<string, number> }[];
  /** Sent when the user set the order (absent: inferred from the data). */
  stages?: string[];
  /** Roles set by the user (absent: keep the saved ones). */
  roles?: { rep: string; role: string }[];
}

function isKind(v: unknown): v is TabKind {
  return typeof v === "string" && (TAB_KINDS as readonly string[]).includes(v);
}

/** A tab's header cells at `headerRow`, as text. */
export function headerTexts(tab: RawTab, headerRow: number): string[] {
  return headerCells(tab.values[headerRow]);
}

/** Where a tab's header most likely is, when detection found none. */
export function likelyHeaderRow(tab: RawTab): number {
  return firstHeaderRow(tab.values);
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

/** One tab as the user chose it, starting from what detection (or the saved mapping) says. */
function chosenTab(
  raw: RawTab,
  choice: MappingChoice["tabs"][number],
  base: TabMapping | null,
  det: TabMapping | null,
): TabMapping {
  const kind = isKind(choice.kind) ? choice.kind : null;
  if (kind === null)
    return { name: raw.name, kind: null, headerRow: base?.headerRow ?? 0, columns: {} };
  const from = base && base.kind === kind ? base : det && det.kind === kind ? det : null;
  const headerRow = from?.headerRow ?? base?.headerRow ?? likelyHeaderRow(raw);
  const headers = headerTexts(raw, headerRow);
  const cols = cleanColumns(choice.columns, headers.length);
  const has = Object.keys(cols).length > 0;
  if (from) return { ...from, columns: has ? cols : { ...from.columns } };
  const m: TabMapping = {
    name: raw.name,
    kind,
    headerRow,
    columns: has ? cols : guessColumns(headers, kind),
  };
  if (kind === "checklist") {
    const used = new Set(Object.values(m.columns));
    m.criteria = headers
      .map((h, i) => ({ name: h, column: i }))
      .filter((c) => c.name !== "" && !used.has(c.column));
  }
  return m;
}

/**
 * The mapping to remember from the user's choice: only what they corrected against what
 * detection finds now (a tab's kind or header row, else the fields set or cleared), entries of
 * tabs that are not there now (a copy may lack one), and the stage order when the choice has
 * one. A version-1 saved mapping is migrated first (see corrections.ts).
 */
export function corrections(
  tabs: RawTab[],
  detections: TabDetection[],
  saved: WorkbookMapping | null,
  input: MappingChoice,
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
    const m = chosenTab(raw, t, effective.get(t.name) ?? det, det);
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

/** The stage order the data gives with the saved tabs but no saved order (for the migration). */
function inferredStages(tabs: RawTab[], saved: WorkbookMapping | null): string[] {
  const mapping = saved ? { ...saved, stages: [] } : undefined;
  return [...buildModel(tabs, { timeZone: "UTC", mapping }).model.stages];
}

/** A saved mapping as corrections: a version-1 one is migrated (reading the tabs only then). */
export function migrateSaved(
  saved: WorkbookMapping | null,
  readTabs: () => RawTab[],
): WorkbookMapping | null {
  if (!saved || saved.version >= MAPPING_VERSION) return saved;
  const tabs = readTabs();
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
