/**
 * The visible settings tab ("Voronka settings", or its Russian/Ukrainian name): the column
 * mapping as readable rows (see model/mapping.ts) plus one row with the sidebar's settings as
 * JSON. A copy of the spreadsheet carries it. One getValues to read, one setValues to write.
 */
import type { Lang } from "../../core/lang";
import { isOwnSheetName, SETTINGS_MARKER, SETTINGS_SHEET_NAMES } from "../../model/detect";
import { mappingFromRows, mappingToRows, type WorkbookMapping } from "../../model/mapping";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface StoredSettings {
  mapping?: WorkbookMapping | null;
  /** The sidebar's own settings (cleaned by the caller). */
  sidebar?: unknown;
}

const SIDEBAR_TAG = "sidebar";
const WIDTH = 5;

/** The settings sheet: by name, else a sheet whose A1 is the marker. */
export function findSettingsSheet(ss: Spreadsheet): Sheet | null {
  const sheets = ss.getSheets();
  for (const sh of sheets) {
    const n = sh.getName();
    if (isOwnSheetName(n) && !/\(voronka/i.test(n)) return sh;
  }
  return null;
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
  const rows = mappingToRows(s.mapping ?? { version: 1, stages: [], tabs: [] });
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

/** Writes the settings tab (creating it at the end, named in `lang`). One setValues. */
export function writeSettings(ss: Spreadsheet, s: StoredSettings, lang: Lang = "en"): void {
  const rows = settingsToRows(s);
  let sh = findSettingsSheet(ss);
  if (!sh)
    sh = ss.insertSheet(
      SETTINGS_SHEET_NAMES[lang] ?? SETTINGS_SHEET_NAMES.en,
      ss.getSheets().length,
    );
  const old = sh.getLastRow();
  if (old > rows.length) sh.getRange(rows.length + 1, 1, old - rows.length, WIDTH).clearContent();
  sh.getRange(1, 1, rows.length, WIDTH).setValues(rows);
}
