/** Adding the tracker template's tabs, from the sidebar or the menu. */
import { readTabs } from "../adapters/sheets/pipeline";
import { writeSettings } from "../adapters/sheets/settings";
import { templateRun } from "../adapters/sheets/template";
import { migrateSaved } from "../model/chosenMapping";
import { MAPPING_VERSION, type TabMapping } from "../model/index";
import type { TemplateResult } from "../shared/wire";
import { openSheet } from "./build";
import { rpc, timeZoneOf, userLang } from "./call";
import { TITLE } from "./messages";

export const createTemplate = rpc((call): TemplateResult => {
  const { ss, lang } = call;
  const res = templateRun(ss, lang, timeZoneOf(ss));
  // The lists tab is no raw data: switch it off in the mapping (kept in the settings tab).
  const saved = call.saved();
  const had = new Set(ss.getSheets().map((sh) => sh.getSheetId()));
  const mapping = migrateSaved(saved.mapping, () => readTabs(ss)) ?? {
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
});

/** Menu: adds the template and opens its first tab. */
export function createTrackerTemplate(): void {
  const res = createTemplate();
  const first = res.sheets[0];
  if (first) openSheet(first.sheetId);
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.toast(res.sheets.map((s) => s.name).join(", "), TITLE[userLang(ss)], 8);
  } catch (_) {
    // a toast is a courtesy
  }
}
