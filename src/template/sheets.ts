/**
 * Writes the tracker template into a spreadsheet: new tabs only (a taken name gets a suffix),
 * one setValues per block, one data-validation rule per dropdown column.
 */
import { freeName, type TemplateCell, type TemplatePlan } from "./plan";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows the dropdowns cover below the header. */
const DROPDOWN_ROWS = 999;
const HEADER_BG = "#e8f0fe";

export interface FormulaRow {
  name: string;
  summary: string;
  /** The formula as text (shown) and live (computed); the live one may be "". */
  shown: string;
  live: string;
  expected: string;
}

export interface WrittenTemplate {
  sheets: { name: string; sheetId: number }[];
  /** The lists tab's name (not raw data: the caller switches it off in the mapping). */
  lists: string[];
}

function writeBlock(sheet: Sheet, header: string[], rows: TemplateCell[][]): void {
  const width = header.length;
  const block: TemplateCell[][] = [header, ...rows.map((r) => pad(r, width))];
  sheet.getRange(1, 1, block.length, width).setValues(block);
  sheet.getRange(1, 1, 1, width).setFontWeight("bold").setBackground(HEADER_BG);
  sheet.setFrozenRows(1);
}

function pad(row: TemplateCell[], width: number): TemplateCell[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push("");
  return out;
}

/** The names the template's tabs get: the plan's, suffixed where a name is taken. */
export interface TemplateNames {
  tabs: string[];
  lists: string;
  formulas: string;
}

export function templateNames(plan: TemplatePlan, existing: string[]): TemplateNames {
  const taken = [...existing];
  const next = (base: string) => {
    const name = freeName(base, taken);
    taken.push(name);
    return name;
  };
  const tabs = plan.tabs.map((t) => next(t.name));
  return { tabs, lists: next(plan.lists.name), formulas: next(plan.formulasName) };
}

/**
 * Adds the template's tabs (raw tabs, lists, formulas) after the existing ones and returns what
 * it added. Existing tabs are never read or written.
 */
export function writeTemplate(
  ss: Spreadsheet,
  plan: TemplatePlan,
  formulas: (names: TemplateNames) => { header: string[]; rows: FormulaRow[] },
): WrittenTemplate {
  const names = templateNames(
    plan,
    ss.getSheets().map((s) => s.getName()),
  );
  const add = (name: string): Sheet => ss.insertSheet(name, ss.getSheets().length);
  const written: Sheet[] = [];

  const rawSheets = plan.tabs.map((tab, i) => {
    const sheet = add(names.tabs[i]!);
    writeBlock(sheet, tab.header, tab.rows);
    written.push(sheet);
    return sheet;
  });

  const lists = add(names.lists);
  written.push(lists);
  const cols = plan.lists.columns;
  const height = Math.max(...cols.map((c) => c.values.length));
  const listRows: TemplateCell[][] = [];
  for (let r = 0; r < height; r++) listRows.push(cols.map((c) => c.values[r] ?? ""));
  writeBlock(
    lists,
    cols.map((c) => c.header),
    listRows,
  );

  plan.tabs.forEach((tab, i) => {
    const sheet = rawSheets[i]!;
    for (const d of tab.dropdowns) {
      const listCol = cols.findIndex((c) => c.key === d.list);
      if (listCol < 0) continue;
      const source = lists.getRange(2, listCol + 1, DROPDOWN_ROWS, 1);
      const rule = SpreadsheetApp.newDataValidation()
        .requireValueInRange(source, true)
        .setAllowInvalid(true)
        .build();
      sheet.getRange(2, d.col + 1, DROPDOWN_ROWS, 1).setDataValidation(rule);
    }
  });

  const f = add(names.formulas);
  written.push(f);
  const fx = formulas(names);
  writeBlock(
    f,
    fx.header,
    fx.rows.map((r) => [r.name, r.summary, `'${r.shown}`, r.live, r.expected]),
  );

  return {
    sheets: written.map((s) => ({ name: s.getName(), sheetId: s.getSheetId() })),
    lists: [names.lists],
  };
}
