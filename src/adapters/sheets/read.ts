/**
 * Reading the raw tabs from Sheets: one `getDataRange().getValues()` per sheet (never per cell or
 * row). The add-on's own sheets (the settings tab, report sheets marked with our developer
 * metadata or renamed "… (Voronka)") are skipped.
 */
import { isOwnSheetName, isSettingsTab } from "../../model/detect";
import type { RawTab } from "../../model/types";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer-metadata key on report sheets (same as staging.ts's REPORT_META_KEY). */
const REPORT_META_KEY = "voronka.report";

function isReportSheet(sheet: Sheet): boolean {
  try {
    const metas = sheet.getDeveloperMetadata();
    for (const m of metas) if (m.getKey() === REPORT_META_KEY) return true;
  } catch (_) {
    // metadata unavailable (e.g. a fake without it): fall back to names
  }
  return false;
}

/** Every raw tab: name and values, one read per sheet. */
export function readRawTabs(ss: Spreadsheet): RawTab[] {
  const out: RawTab[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (isOwnSheetName(name) || isReportSheet(sheet)) continue;
    const values = sheet.getDataRange().getValues() as unknown[][];
    const tab: RawTab = { name, values };
    if (isSettingsTab(tab)) continue;
    out.push(tab);
  }
  return out;
}

/** The raw tabs and the spreadsheet's time zone (the zone its Dates are shown in). */
export function readWorkbook(ss: Spreadsheet): { tabs: RawTab[]; timeZone: string } {
  let timeZone = "UTC";
  try {
    timeZone = ss.getSpreadsheetTimeZone() || "UTC";
  } catch (_) {
    timeZone = "UTC";
  }
  return { tabs: readRawTabs(ss), timeZone };
}
