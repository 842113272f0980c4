/**
 * The safe part of writing a report: every report sheet is first written into a fresh, hidden
 * staging sheet marked with developer metadata; the swap at the end renames the previous report
 * out of the way, renames the staged sheets in, and only then deletes the previous report. Any
 * failure before that point is rolled back, so the previous report and the raw tabs stay as they
 * were. Sheets without our metadata (raw tabs, a user's sheet with a report's name) are never
 * written.
 */
import { type ReportPlan, SHEET_KEYS, type SheetKey, type SheetPlan } from "../../report/types";
import { writeSheet } from "./write";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata key on every sheet the report writes. */
export const REPORT_META_KEY = "voronka.report";

export type SheetState = "staging" | "live";

export interface OurSheetInfo {
  key: SheetKey;
  build: string;
  state: SheetState;
  /** The sheet's id when it went live: a user's duplicate of a report sheet has another id. */
  sheet?: number;
}

export interface OurSheet {
  sheet: Sheet;
  info: OurSheetInfo;
  meta: GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

export interface BuiltSheet {
  key: string;
  name: string;
  sheetId: number;
}

function parseInfo(value: string | null): OurSheetInfo | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as Partial<OurSheetInfo>;
    if (!v || typeof v !== "object") return null;
    if (!SHEET_KEYS.includes(v.key as SheetKey)) return null;
    if (v.state !== "staging" && v.state !== "live") return null;
    const info: OurSheetInfo = {
      key: v.key as SheetKey,
      build: String(v.build ?? ""),
      state: v.state,
    };
    if (typeof v.sheet === "number") info.sheet = v.sheet;
    return info;
  } catch {
    return null;
  }
}

/** Every sheet carrying our metadata, in tab order. */
export function findOurSheets(ss: Spreadsheet): OurSheet[] {
  const out: OurSheet[] = [];
  for (const sheet of ss.getSheets()) {
    for (const meta of sheet.getDeveloperMetadata()) {
      if (meta.getKey() !== REPORT_META_KEY) continue;
      const info = parseInfo(meta.getValue());
      if (info) {
        out.push({ sheet, info, meta });
        break;
      }
    }
  }
  return out;
}

/** The staging sheet's name: unusual enough never to be a user's. */
export function stagingName(buildId: string, key: SheetKey): string {
  return `~voronka-${buildId}-${key}`;
}

/** Deletes a sheet, trying twice; returns false when it could not. */
function tryDelete(ss: Spreadsheet, sheet: Sheet): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      ss.deleteSheet(sheet);
      return true;
    } catch {
      // try again once
    }
  }
  return false;
}

/**
 * Writes one report sheet into a new hidden staging sheet. If anything fails, the staging
 * sheet is deleted and the error rethrown.
 */
export function writeStaging(ss: Spreadsheet, buildId: string, plan: SheetPlan): Sheet {
  const count = ss.getSheets().length;
  const sheet = ss.insertSheet(stagingName(buildId, plan.key), count);
  try {
    sheet.addDeveloperMetadata(
      REPORT_META_KEY,
      JSON.stringify({ key: plan.key, build: buildId, state: "staging" } satisfies OurSheetInfo),
    );
    sheet.hideSheet();
    writeSheet(sheet, plan);
    return sheet;
  } catch (e) {
    tryDelete(ss, sheet);
    throw e;
  }
}

/**
 * Deletes staging sheets: of `buildId` only, or (buildId null) of every build but `keep`.
 * Only sheets with our metadata, or with this build's exact staging name. Best effort.
 */
export function removeStaging(ss: Spreadsheet, buildId: string | null, keep?: string): void {
  try {
    for (const o of findOurSheets(ss)) {
      if (o.info.state !== "staging") continue;
      if (buildId === null ? o.info.build === keep : o.info.build !== buildId) continue;
      tryDelete(ss, o.sheet);
    }
    if (buildId !== null) {
      for (const key of SHEET_KEYS) {
        const sh = ss.getSheetByName(stagingName(buildId, key));
        if (sh) tryDelete(ss, sh);
      }
    }
  } catch {
    // leave the rest for the next build
  }
}

/** Not a user's duplicate of a report sheet (duplicates keep our metadata but get a new id). */
function isOriginal(o: OurSheet): boolean {
  return o.info.sheet === undefined || o.info.sheet === o.sheet.getSheetId();
}

/** A unique visible name: the plan's name, or with a " (Voronka)" suffix when taken. */
function freeName(wanted: string, taken: Set<string>): string {
  const lower = (s: string) => s.toLowerCase();
  if (!taken.has(lower(wanted))) return wanted;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? `${wanted} (Voronka)` : `${wanted} (Voronka ${i})`;
    if (!taken.has(lower(candidate))) return candidate;
  }
}

/**
 * Puts the staged sheets of `buildId` in place of the previous report. Before the previous
 * report's sheets are deleted every step is undone on failure; the deletions come last and are
 * retried, and anything left is removed by the next build.
 */
export function swapIn(ss: Spreadsheet, buildId: string, plan: ReportPlan): BuiltSheet[] {
  const ours = findOurSheets(ss);
  const staged = new Map<SheetKey, OurSheet>();
  const previous: OurSheet[] = [];
  for (const o of ours) {
    if (o.info.state === "staging" && o.info.build === buildId) staged.set(o.info.key, o);
    else if (o.info.state === "live" && isOriginal(o)) previous.push(o);
  }
  for (const s of plan.sheets) {
    if (!staged.has(s.key)) throw new Error(`The staged sheet "${s.key}" is missing`);
  }

  const undo: (() => void)[] = [];
  const built: BuiltSheet[] = [];
  try {
    // 1. Move the previous report out of the way (names only).
    previous.forEach((o, i) => {
      const oldName = o.sheet.getName();
      o.sheet.setName(`~voronka-old-${buildId}-${i}`);
      undo.push(() => o.sheet.setName(oldName));
    });
    // 2. Name, show and mark the new sheets.
    // Names in use, but for the sheets being renamed (a user's copy of ours keeps its name).
    const ourIds = new Set([...previous, ...staged.values()].map((o) => o.sheet.getSheetId()));
    const taken = new Set<string>();
    for (const sh of ss.getSheets()) {
      if (!ourIds.has(sh.getSheetId())) taken.add(sh.getName().toLowerCase());
    }
    for (const s of plan.sheets) {
      const o = staged.get(s.key) as OurSheet;
      const name = freeName(s.name, taken);
      taken.add(name.toLowerCase());
      const before = o.sheet.getName();
      o.sheet.setName(name);
      undo.push(() => o.sheet.setName(before));
      o.sheet.showSheet();
      undo.push(() => o.sheet.hideSheet());
      const sheetId = o.sheet.getSheetId();
      const value = JSON.stringify({
        key: s.key,
        build: buildId,
        state: "live",
        sheet: sheetId,
      } satisfies OurSheetInfo);
      const staging = JSON.stringify({ ...o.info });
      o.meta.setValue(value);
      undo.push(() => o.meta.setValue(staging));
      built.push({ key: s.key, name, sheetId });
    }
  } catch (e) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // keep undoing the rest
      }
    }
    throw e;
  }
  // 3. Committed: the new report is in place. Remove the previous one.
  for (const o of previous) tryDelete(ss, o.sheet);
  const first = built[0] && ss.getSheetById(built[0].sheetId);
  if (first) {
    try {
      ss.setActiveSheet(first);
    } catch {
      // only a convenience
    }
  }
  return built;
}
