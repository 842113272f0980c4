/**
 * The visible settings tab ("Voronka settings", or its Russian/Ukrainian name): the user's
 * corrections to the column mapping as readable rows (see model/mapping.ts) plus one row with the
 * sidebar's settings as JSON. A copy of the spreadsheet carries it. One getValues to read, one
 * setValues to write; every cell is plain text written inert (see text.ts).
 *
 * A sheet is the settings tab only when it carries our marker: "Voronka settings" in A1 and our
 * developer metadata. A name is never enough: a user's "Voronka settings – notes" is theirs. A tab
 * from before the metadata (A1 marker only) is adopted: it gets the metadata on the next write.
 */
import type { Lang } from "../../core/i18n";
import { isOwnSheetName, SETTINGS_MARKER, SETTINGS_SHEET_NAMES } from "../../model/detect";
import { mappingFromRows, mappingToRows, type WorkbookMapping } from "../../model/mapping";
import { freeName } from "../../template/plan";
import { writeText } from "./text";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface StoredSettings {
  mapping?: WorkbookMapping | null;
  /** The sidebar's own settings (cleaned by the caller). */
  sidebar?: unknown;
}

const SIDEBAR_TAG = "sidebar";
const WIDTH = 5;
/** Developer-metadata key on the settings tab; its value names the sheet's id. */
export const SETTINGS_META_KEY = "voronka.settings";

function hasMarker(sheet: Sheet): boolean {
  const a1 = sheet.getRange(1, 1).getValue();
  return typeof a1 === "string" && a1.trim() === SETTINGS_MARKER;
}

/** Our metadata on `sheet`: "ours" (this very sheet), "copy" (a duplicate of ours) or null. */
function metaOf(sheet: Sheet): "ours" | "copy" | null {
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey() !== SETTINGS_META_KEY) continue;
    try {
      const v = JSON.parse(m.getValue() ?? "") as { sheet?: unknown };
      return v?.sheet === sheet.getSheetId() ? "ours" : "copy";
    } catch {
      return "copy";
    }
  }
  return null;
}

export interface FoundSettings {
  sheet: Sheet;
  /** False for a settings tab from before the metadata: adopted on the next write. */
  marked: boolean;
}

/** The settings tab: A1 marker and our metadata, else (adopted) the first with the marker alone. */
export function findSettings(ss: Spreadsheet): FoundSettings | null {
  let legacy: Sheet | null = null;
  for (const sh of ss.getSheets()) {
    const meta = metaOf(sh);
    if (meta === "copy") continue;
    // Unmarked tabs from before the metadata were created under a settings name: only those
    // (and ours) have their A1 read, so a spreadsheet of many tabs costs no extra reads.
    if (meta === null && !isOwnSheetName(sh.getName())) continue;
    if (!hasMarker(sh)) continue;
    if (meta === "ours") return { sheet: sh, marked: true };
    legacy ??= sh;
  }
  return legacy ? { sheet: legacy, marked: false } : null;
}

export function findSettingsSheet(ss: Spreadsheet): Sheet | null {
  return findSettings(ss)?.sheet ?? null;
}

function mark(sheet: Sheet): void {
  sheet.addDeveloperMetadata(SETTINGS_META_KEY, JSON.stringify({ sheet: sheet.getSheetId() }));
}

/** Settings rows → stored settings (the pure half, testable without Sheets). */
export function settingsFromRows(rows: unknown[][]): StoredSettings | null {
  const mapping = mappingFromRows(rows);
  let sidebar: unknown;
  for (const r of rows) {
    if (
      !Array.isArray(r) ||
      String(r[0] ?? "")
        .trim()
        .toLowerCase() !== SIDEBAR_TAG
    )
      continue;
    try {
      sidebar = JSON.parse(String(r[1] ?? ""));
    } catch (_) {
      sidebar = undefined;
    }
  }
  if (!mapping && sidebar === undefined) return null;
  return { mapping, sidebar };
}

/** Stored settings → rows of a fixed width (the pure half). */
export function settingsToRows(s: StoredSettings): (string | number)[][] {
  const rows = mappingToRows(s.mapping ?? { version: 0, stages: [], tabs: [] });
  if (s.sidebar !== undefined) rows.push([SIDEBAR_TAG, JSON.stringify(s.sidebar)]);
  rows.push([""]);
  rows.push([
    "Edit the rows above to correct the mapping (columns are 1-based), or use the sidebar.",
  ]);
  for (const r of rows) while (r.length < WIDTH) r.push("");
  return rows;
}

/** The stored settings, or null when there is no settings tab. One getValues. */
export function readSettings(ss: Spreadsheet): StoredSettings | null {
  const sh = findSettingsSheet(ss);
  if (!sh) return null;
  const values = sh.getDataRange().getValues() as unknown[][];
  if (!values.length || String(values[0]?.[0] ?? "").trim() !== SETTINGS_MARKER) return null;
  return settingsFromRows(values);
}

/**
 * Writes the settings tab: ours (adopting an unmarked one), else a new one at the end named in
 * `lang`, or "… (2)" when a sheet of the user's has that name. Plain text, one setValues.
 */
export function writeSettings(ss: Spreadsheet, s: StoredSettings, lang: Lang = "en"): void {
  const rows = settingsToRows(s);
  const found = findSettings(ss);
  let sh = found?.sheet ?? null;
  if (!sh) {
    const name = freeName(
      SETTINGS_SHEET_NAMES[lang] ?? SETTINGS_SHEET_NAMES.en,
      ss.getSheets().map((x) => x.getName()),
    );
    sh = ss.insertSheet(name, ss.getSheets().length);
    mark(sh);
  } else if (!found?.marked) mark(sh);
  const old = sh.getLastRow();
  if (old > rows.length) sh.getRange(rows.length + 1, 1, old - rows.length, WIDTH).clearContent();
  writeText(sh.getRange(1, 1, rows.length, WIDTH), rows);
}
